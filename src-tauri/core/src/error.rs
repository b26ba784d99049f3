//! One error type for the whole core, typed so the UI can branch on `kind` and put a
//! message next to the field it names, without ever matching on message strings.
//!
//! At the IPC boundary an [`Error`] serialises as `{ kind, message, field? }`.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule; `field` names the input field (or an import path such as `promises[3].due`).
    #[error("{message}")]
    Validation { field: String, message: String },

    #[error("No {entity} with id {id}.")]
    NotFound { entity: &'static str, id: String },

    /// The request is well-formed but the current state forbids it (a transition that makes
    /// no sense, deleting a person who still has promises, a duplicate import).
    #[error("{0}")]
    Conflict(String),

    #[error("{path} is not a Casefile file: {reason}. It has not been changed.")]
    NotACaseFile { path: String, reason: String },

    #[error("{path} was written by a newer Casefile (schema version {found}; this version reads up to {supported}). Update Casefile to open it. The file has not been changed.")]
    TooNew { path: String, found: u32, supported: u32 },

    #[error("{path} is encrypted, or is not a Casefile file. If it is encrypted, enter its passphrase to open it.")]
    NeedsPassphrase { path: String },

    #[error("That passphrase does not open {path}. Nothing was changed.")]
    WrongPassphrase { path: String },

    #[error("The case file is busy: another Casefile process is writing to it. Try again in a moment.")]
    Busy,

    #[error("The disk is full, so this change was not saved. Everything saved before it is intact.")]
    DiskFull,

    #[error("No case file is open.")]
    NoFileOpen,

    #[error("Database error: {0}")]
    Sql(rusqlite::Error),

    #[error("Could not upgrade the case file: {0}")]
    Migration(String),

    #[error("{context}: {source}")]
    Io { context: String, #[source] source: std::io::Error },

    #[error("Could not make the PDF: {0}")]
    Pdf(String),

    #[error("{path} is damaged: {detail}. It has not been changed. Restore it from a backup, or move it away and open the backup.")]
    Damaged { path: String, detail: String },
}

impl Error {
    pub fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Validation { field: field.into(), message: message.into() }
    }

    pub fn not_found(entity: &'static str, id: impl Into<String>) -> Self {
        Error::NotFound { entity, id: id.into() }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Error::Conflict(message.into())
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io { context: context.into(), source }
    }

    /// The stable machine-readable kind the UI branches on.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Validation { .. } => "validation",
            Error::NotFound { .. } => "not_found",
            Error::Conflict(_) => "conflict",
            Error::NotACaseFile { .. } => "not_a_case_file",
            Error::TooNew { .. } => "too_new",
            Error::NeedsPassphrase { .. } => "needs_passphrase",
            Error::WrongPassphrase { .. } => "wrong_passphrase",
            Error::Busy => "busy",
            Error::DiskFull => "disk_full",
            Error::NoFileOpen => "no_file_open",
            Error::Sql(_) => "database",
            Error::Migration(_) => "migration",
            Error::Io { .. } => "io",
            Error::Pdf(_) => "pdf",
            Error::Damaged { .. } => "damaged",
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Validation { field, .. } => Some(field),
            _ => None,
        }
    }

    /// Prefix the field with where it sits, e.g. `due` inside `promises[3]` becomes `promises[3].due`.
    pub fn within(self, prefix: &str) -> Self {
        match self {
            Error::Validation { field, message } => {
                let field = if field.is_empty() { prefix.to_string() } else { format!("{prefix}.{field}") };
                Error::Validation { field, message }
            }
            other => other,
        }
    }
}

/// SQLite reports a few conditions the user must be told about in plain words, so they are
/// sorted out here once rather than at every call site.
impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => Error::Busy,
            Some(ErrorCode::DiskFull) => Error::DiskFull,
            _ => Error::Sql(err),
        }
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let field = self.field();
        let mut s = serializer.serialize_struct("Error", if field.is_some() { 3 } else { 2 })?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &self.to_string())?;
        if let Some(field) = field {
            s.serialize_field("field", field)?;
        }
        s.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_kind_message_and_field() {
        let e = Error::validation("name", "A name is required.");
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["kind"], "validation");
        assert_eq!(v["message"], "A name is required.");
        assert_eq!(v["field"], "name");

        let v = serde_json::to_value(Error::Busy).unwrap();
        assert_eq!(v["kind"], "busy");
        assert!(v.get("field").is_none());
    }

    #[test]
    fn within_prefixes_the_field_path() {
        let e = Error::validation("due", "bad date").within("promises[3]");
        assert_eq!(e.field(), Some("promises[3].due"));
    }
}
