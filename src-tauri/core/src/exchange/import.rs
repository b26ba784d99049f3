//! Reading an export back (docs/format.md): all of it in one transaction, or nothing.
//!
//! Every value is checked against the column the schema declares for it before it is
//! written, and every refusal names the path of the bad value in the document, such as
//! `promises[3].due_on`, so a person can find it in a text editor. What the schema itself
//! enforces (allowed words, uniqueness, references between rows) is reported the same way,
//! and last of all the imported record must verify: an export edited by hand is refused.

mod row;

use super::{quote_ident, tables, Table, FORMAT, FORMAT_VERSION, HEADER_KEYS};
use crate::db::{schema_version, CaseFile, OpenOptions, Tx};
use crate::error::{Error, Result};
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
            let rowid = row::insert_row(tx, table, obj, &path)?;
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
