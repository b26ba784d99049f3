//! Is this file a case file, of a version this build understands? Answered from the raw
//! header bytes before SQLite touches the file, then from a read-only connection, so a file
//! Casefile cannot read is only ever read.

use super::{schema_version, APPLICATION_ID};
use crate::error::{Error, Result};
use rusqlite::Connection;
use std::io::Read;
use std::path::Path;

#[derive(Debug, PartialEq)]
pub(super) enum Header {
    Sqlite,
    /// Not plain SQLite, but shaped like an encrypted database.
    Opaque,
}

/// Look at the raw bytes without SQLite, so even a strange file is only read.
pub(super) fn inspect_header(path: &Path) -> Result<Header> {
    let shown = path.display().to_string();
    let not_ours = |reason: &str| Error::NotACaseFile { path: shown.clone(), reason: reason.to_string() };
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(format!("Cannot open {shown}"), e))?;
    let len = file.metadata().map_err(|e| Error::io(format!("Cannot read {shown}"), e))?.len();
    if len == 0 {
        return Err(not_ours("the file is empty"));
    }
    let mut head = [0u8; 100];
    let n = file.read(&mut head).map_err(|e| Error::io(format!("Cannot read {shown}"), e))?;
    if n < 100 {
        return Err(not_ours("the file is too short to be a database"));
    }
    if &head[..16] == b"SQLite format 3\0" {
        let app_id = i32::from_be_bytes([head[68], head[69], head[70], head[71]]);
        if app_id != APPLICATION_ID {
            return Err(not_ours("it is an SQLite database of another program"));
        }
        let version = u32::from_be_bytes([head[60], head[61], head[62], head[63]]);
        if version > schema_version() {
            return Err(Error::TooNew { path: shown, found: version, supported: schema_version() });
        }
        return Ok(Header::Sqlite);
    }
    // An encrypted case file is whole pages of what looks like noise: SQLCipher starts with a
    // random 16-byte salt, which is almost never mostly text. Text, or a size that is not a
    // multiple of a page, is some other kind of file, named when its signature is known.
    let printable = head[..16].iter().filter(|b| b.is_ascii_graphic() || b.is_ascii_whitespace()).count() >= 12;
    let named = crate::damage::known_format(&head);
    if printable || len % 512 != 0 {
        return Err(not_ours(&named.map(|k| format!("it is {k}")).unwrap_or_else(|| "it is not a database".into())));
    }
    // A page-aligned file of noise could still be ours: a random salt begins with a short
    // signature such as `{` or gzip's two bytes now and then, so only a long one rules it out.
    if let Some(kind) = crate::damage::known_format_strong(&head) {
        return Err(not_ours(&format!("it is {kind}")));
    }
    Ok(Header::Opaque)
}

/// With the file open read-only (and keyed, when encrypted), confirm it is ours and not too new.
pub(super) fn check_identity(conn: &Connection, shown: &str, keyed: bool) -> Result<()> {
    let app_id: rusqlite::Result<i32> = conn.pragma_query_value(None, "application_id", |r| r.get(0));
    let app_id = match app_id {
        Ok(v) => v,
        Err(e) if keyed && e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            return Err(Error::WrongPassphrase { path: shown.to_string() })
        }
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            return Err(Error::NotACaseFile { path: shown.to_string(), reason: "it is not a database".into() })
        }
        Err(e) => return Err(e.into()),
    };
    if app_id != APPLICATION_ID {
        return Err(Error::NotACaseFile { path: shown.to_string(), reason: "it is an SQLite database of another program".into() });
    }
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > schema_version() {
        return Err(Error::TooNew { path: shown.to_string(), found: version, supported: schema_version() });
    }
    Ok(())
}
