//! Reading an export back (docs/format.md): all of it in one transaction, or nothing.
//!
//! Every value is checked against the column the schema declares for it before it is
//! written, and every refusal names the path of the bad value in the document, such as
//! `promises[3].due_on`, so a person can find it in a text editor. What the schema itself
//! enforces (allowed words, uniqueness, references between rows) is reported the same way,
//! and last of all the imported record must verify: an export edited by hand is refused.

use super::{quote_ident, tables, Column, Table, FORMAT, FORMAT_VERSION, HEADER_KEYS};
use crate::db::{schema_version, CaseFile, OpenOptions, Tx};
use crate::error::{Error, Result};
use base64::Engine;
use rusqlite::types::Value as Sql;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::Path;

/// How far an import has got, for a progress bar.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ImportSummary {
    pub rows: u64,
    pub schema_version: u32,
    pub links: u64,
    pub head: String,
}

/// A parsed, header-checked export.
pub struct Document {
    pub schema_version: u32,
    body: Map<String, Value>,
}

impl Document {
    /// Parse the bytes of an export (sealed or not) and check its header.
    pub fn parse(bytes: &[u8], passphrase: Option<&str>) -> Result<Document> {
        let plain;
        let bytes = if super::seal::is_sealed(bytes) {
            plain = super::seal::open(bytes, passphrase)?;
            &plain[..]
        } else {
            bytes
        };
        let value: Value = serde_json::from_slice(bytes).map_err(|e| {
            Error::validation(
                "",
                format!("This is not a Casefile export: it is not valid JSON ({e})."),
            )
        })?;
        let Value::Object(body) = value else {
            return Err(Error::validation(
                "",
                "This is not a Casefile export: it is not a JSON object.",
            ));
        };
        if body.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(Error::validation(
                "format",
                format!("This is not a Casefile export: \"format\" must be \"{FORMAT}\"."),
            ));
        }
        match body.get("format_version").and_then(Value::as_u64) {
            Some(v) if (1..=FORMAT_VERSION as u64).contains(&v) => {}
            _ => {
                return Err(Error::validation(
                    "format_version",
                    format!("This export's format version is not one this Casefile reads (1 to {FORMAT_VERSION}). Update Casefile to import it."),
                ))
            }
        }
        let schema_version = match body.get("schema_version").and_then(Value::as_u64) {
            Some(v) if v >= 1 && v <= schema_version() as u64 => v as u32,
            _ => {
                return Err(Error::validation(
                    "schema_version",
                    format!("This export was written by a Casefile whose schema this one does not know (it reads 1 to {}).", schema_version()),
                ))
            }
        };
        Ok(Document {
            schema_version,
            body,
        })
    }

    /// How many rows the document holds.
    pub fn rows(&self) -> u64 {
        self.body
            .iter()
            .filter(|(k, _)| !HEADER_KEYS.contains(&k.as_str()))
            .map(|(_, v)| v.as_array().map_or(0, |a| a.len() as u64))
            .sum()
    }
}

/// Import into `path`: a new file made at the export's schema version and then upgraded, or
/// an existing case file that is still empty. A new file gets `new_passphrase` (an encrypted
/// export makes an encrypted file). On failure a file this call created is removed again.
pub fn import_file(
    path: &Path,
    doc: &Document,
    new_passphrase: Option<&str>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportSummary> {
    if path.exists() {
        let mut cf = CaseFile::open_with(
            path,
            OpenOptions {
                create: false,
                passphrase: new_passphrase.map(String::from),
                clock: None,
            },
        )?;
        return import_into(&mut cf, doc, progress);
    }
    let created = (|| {
        let mut cf = CaseFile::create_at_version(path, new_passphrase, doc.schema_version)?;
        let mut summary = import_into(&mut cf, doc, progress)?;
        cf.upgrade()?;
        summary.schema_version = cf.user_version()?;
        Ok(summary)
    })();
    if created.is_err() {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    created
}

/// Import into an open case file that holds nothing yet (its settings may be replaced).
pub fn import_into(
    cf: &mut CaseFile,
    doc: &Document,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportSummary> {
    let version = cf.user_version()?;
    if version != doc.schema_version {
        return Err(Error::conflict(format!(
            "This export has schema version {}, and the case file has {version}. Import it into a new file instead, which Casefile upgrades after importing.",
            doc.schema_version
        )));
    }
    let schema = tables(cf.conn())?;
    for t in &schema {
        if t.name == "settings" {
            continue;
        }
        let n: i64 = cf.conn().query_row(
            &format!("SELECT count(*) FROM {}", quote_ident(&t.name)),
            [],
            |r| r.get(0),
        )?;
        if n > 0 {
            return Err(Error::conflict("This case file already holds records. An export is imported into a new, empty case file."));
        }
    }
    cf.write(|tx| write_all(tx, &schema, doc, progress))
}

fn write_all(
    tx: &Tx<'_>,
    schema: &[Table],
    doc: &Document,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportSummary> {
    tx.execute_batch("PRAGMA defer_foreign_keys = ON; DELETE FROM settings;")?;
    let total = doc.rows();
    let mut done = 0u64;
    progress(Progress { done, total });
    // (table, rowid) -> index in the document, and (table, key) -> index, to name paths later.
    let mut by_rowid: HashMap<(String, i64), usize> = HashMap::new();
    let mut by_key: HashMap<(String, String), usize> = HashMap::new();
    for (key, value) in &doc.body {
        if HEADER_KEYS.contains(&key.as_str()) {
            continue;
        }
        let table = schema.iter().find(|t| &t.name == key).ok_or_else(|| {
            Error::validation(
                key.as_str(),
                format!(
                    "\"{}\" is not a table of this Casefile's schema.",
                    crate::text::clip(key, 40)
                ),
            )
        })?;
        let rows = value
            .as_array()
            .ok_or_else(|| Error::validation(key.as_str(), "This must be a list of rows."))?;
        let key_column = table
            .columns
            .iter()
            .find(|c| c.pk == 1)
            .map(|c| c.name.clone());
        for (i, row) in rows.iter().enumerate() {
            let path = format!("{key}[{i}]");
            let obj = row.as_object().ok_or_else(|| {
                Error::validation(
                    path.as_str(),
                    "Each row must be an object of column names and values.",
                )
            })?;
            let rowid = insert_row(tx, table, obj, &path)?;
            by_rowid.insert((table.name.clone(), rowid), i);
            if let Some(k) = key_column.as_ref().and_then(|k| obj.get(k)) {
                let k = k
                    .as_str()
                    .map(String::from)
                    .unwrap_or_else(|| k.to_string());
                by_key.insert((table.name.clone(), k), i);
            }
            done += 1;
            if done.is_multiple_of(250) {
                progress(Progress { done, total });
            }
        }
    }
    check_references(tx, &by_rowid)?;
    let v = crate::chain::verify(tx)?;
    if let Some(p) = v.problem {
        let at = p
            .seq
            .filter(|_| p.message.starts_with("link"))
            .and_then(|seq| {
                by_key
                    .get(&("chain".to_string(), seq.to_string()))
                    .map(|i| format!("chain[{i}]"))
            })
            .or_else(|| {
                by_key
                    .get(&(p.entity.clone(), p.entity_id.clone()))
                    .map(|i| format!("{}[{i}]", p.entity))
            })
            .unwrap_or_else(|| "chain".to_string());
        return Err(Error::validation(
            at,
            format!("The record in this export does not verify ({}). It was changed after it was exported, so nothing was imported.", p.message),
        ));
    }
    progress(Progress { done: total, total });
    Ok(ImportSummary {
        rows: done,
        schema_version: doc.schema_version,
        links: v.links,
        head: v.head,
    })
}

fn insert_row(tx: &Tx<'_>, table: &Table, obj: &Map<String, Value>, path: &str) -> Result<i64> {
    let mut names = Vec::with_capacity(obj.len());
    let mut values = Vec::with_capacity(obj.len());
    for (name, value) in obj {
        let field = format!("{path}.{name}");
        let column = table.column(name).ok_or_else(|| {
            Error::validation(
                field.as_str(),
                format!(
                    "{} has no column \"{}\".",
                    table.name,
                    crate::text::clip(name, 40)
                ),
            )
        })?;
        values.push(check_value(column, value, &field)?);
        names.push(quote_ident(name));
    }
    for c in &table.columns {
        if c.not_null && !c.has_default && c.pk == 0 && !obj.contains_key(&c.name) {
            return Err(Error::validation(
                format!("{path}.{}", c.name),
                "This value is missing.",
            ));
        }
    }
    let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        quote_ident(&table.name),
        names.join(", "),
        placeholders.join(", ")
    );
    match tx
        .prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(values.iter()))
    {
        Ok(_) => Ok(tx.last_insert_rowid()),
        Err(e) => Err(constraint_error(e, obj, path)),
    }
}

/// Check one value against its column: its type, and the form the column's name promises.
pub(crate) fn check_value(c: &Column, v: &Value, field: &str) -> Result<Sql> {
    let bad = |msg: &str| Error::validation(field, msg.to_string());
    if v.is_null() {
        return if c.not_null || c.pk > 0 {
            Err(bad("This value must not be null."))
        } else {
            Ok(Sql::Null)
        };
    }
    match c.kind.as_str() {
        "INTEGER" => v
            .as_i64()
            .map(Sql::Integer)
            .ok_or_else(|| bad("This must be a whole number.")),
        "REAL" => v
            .as_f64()
            .map(Sql::Real)
            .ok_or_else(|| bad("This must be a number.")),
        "BLOB" => {
            let s = v.as_str().ok_or_else(|| bad("This must be base64 text."))?;
            base64::engine::general_purpose::STANDARD
                .decode(s)
                .map(Sql::Blob)
                .map_err(|_| bad("This is not valid base64."))
        }
        "TEXT" => {
            let s = v.as_str().ok_or_else(|| bad("This must be text."))?;
            check_text_form(&c.name, s, field)?;
            Ok(Sql::Text(s.to_string()))
        }
        _ => match v {
            Value::String(s) => Ok(Sql::Text(s.clone())),
            Value::Number(n) => Ok(n
                .as_i64()
                .map(Sql::Integer)
                .or_else(|| n.as_f64().map(Sql::Real))
                .unwrap_or(Sql::Null)),
            _ => Err(bad("This must be text or a number.")),
        },
    }
}

/// The schema's naming conventions say what a text column holds (docs/schema.md): dates end
/// in `_on`, moments in `_at`, codes in `currency`, hashes in `sha256`.
fn check_text_form(name: &str, s: &str, field: &str) -> Result<()> {
    let ok = if name.ends_with("_on") || name.ends_with("_since") {
        is_date(s)
    } else if name.ends_with("_at") || name == "at" {
        is_date(s) || is_month(s) || is_instant(s)
    } else if name == "currency" || name.ends_with("_currency") {
        crate::money::currency(field, s)
            .map(|c| c == s)
            .unwrap_or(false)
    } else if name == "sha256" || name.ends_with("_sha256") {
        s.len() == 64
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    } else if name == "value" {
        serde_json::from_str::<Value>(s).is_ok()
    } else {
        true
    };
    if ok {
        return Ok(());
    }
    let shown = crate::text::clip(s, 30);
    let expected = if name.ends_with("_on") || name.ends_with("_since") {
        "a date such as 2026-03-31"
    } else if name.ends_with("_at") || name == "at" {
        "a time such as 2026-03-31T14:30:00Z, a day 2026-03-31 or a month 2026-03"
    } else if name.ends_with("currency") {
        "an ISO 4217 currency code in capitals, such as EUR"
    } else if name.ends_with("sha256") {
        "64 lowercase hexadecimal digits"
    } else {
        "JSON text"
    };
    Err(Error::validation(
        field,
        format!("\"{shown}\" is not {expected}."),
    ))
}

fn is_date(s: &str) -> bool {
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

fn is_month(s: &str) -> bool {
    s.len() == 7 && chrono::NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").is_ok()
}

fn is_instant(s: &str) -> bool {
    s.ends_with('Z') && chrono::DateTime::parse_from_rfc3339(s).is_ok()
}

/// Turn what SQLite refused into a path: the column its message names, or the first of the
/// row's columns that the failed CHECK expression mentions.
fn constraint_error(e: rusqlite::Error, obj: &Map<String, Value>, path: &str) -> Error {
    let msg = match &e {
        rusqlite::Error::SqliteFailure(f, Some(m))
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            m.clone()
        }
        _ => return e.into(),
    };
    let detail = msg.split_once("failed: ").map(|(_, d)| d).unwrap_or("");
    let named = |d: &str| {
        d.split(',')
            .next()
            .and_then(|t| t.trim().split_once('.'))
            .map(|(_, c)| c.to_string())
    };
    let column = if msg.starts_with("CHECK") {
        let mut cols: Vec<&String> = obj.keys().filter(|k| mentions(detail, k)).collect();
        cols.sort_by_key(|k| std::cmp::Reverse(k.len()));
        cols.first().map(|c| c.to_string())
    } else {
        named(detail)
    };
    let field = column
        .map(|c| format!("{path}.{c}"))
        .unwrap_or_else(|| path.to_string());
    let message = if msg.starts_with("UNIQUE") {
        "Another row already has this value, and it must be unique.".to_string()
    } else if msg.starts_with("NOT NULL") {
        "This value must not be null.".to_string()
    } else {
        format!(
            "This value breaks a rule of the schema: {}.",
            crate::text::clip(detail, 200)
        )
    };
    Error::validation(field, message)
}

fn mentions(expr: &str, word: &str) -> bool {
    expr.match_indices(word).any(|(i, _)| {
        let before = expr[..i].chars().next_back();
        let after = expr[i + word.len()..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !ident(before) && !ident(after)
    })
}

/// With foreign keys deferred, every reference is checked once at the end and the first
/// dangling one is named by its path.
fn check_references(tx: &Tx<'_>, by_rowid: &HashMap<(String, i64), usize>) -> Result<()> {
    let found: Option<(String, Option<i64>, String, i64)> = {
        let mut stmt = tx.prepare("PRAGMA foreign_key_check")?;
        let mut rows = stmt.query([])?;
        match rows.next()? {
            Some(r) => Some((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            None => None,
        }
    };
    let Some((table, rowid, parent, fkid)) = found else {
        return Ok(());
    };
    let column: String = tx
        .query_row(
            &format!(
                "SELECT \"from\" FROM pragma_foreign_key_list({}) WHERE id = ?1",
                quote_sql(&table)
            ),
            [fkid],
            |r| r.get(0),
        )
        .unwrap_or_default();
    let index = rowid.and_then(|r| by_rowid.get(&(table.clone(), r)));
    let field = match index {
        Some(i) => format!("{table}[{i}].{column}"),
        None => table.clone(),
    };
    Err(Error::validation(
        field,
        format!("This refers to a row of {parent} that is not in the export."),
    ))
}

fn quote_sql(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}
