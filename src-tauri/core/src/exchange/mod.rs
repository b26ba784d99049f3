//! Export and import: the whole case file as one versioned JSON document (docs/format.md),
//! and CSV of promises and complaints for spreadsheets.
//!
//! The format is generic over the schema: every ordinary table is written with every column
//! by name, rows in primary-key order, so a table or column a later version adds is exported
//! without anyone remembering to. The chain table is exported too, which is what lets an
//! imported file verify exactly as the original did, and export → import → export give the
//! same bytes.
//!
//! An export of an encrypted case file is sealed with its passphrase (see [`seal`]), so the
//! data never sits on disk in the clear because it was exported.

pub mod csv;
pub mod import;
pub mod seal;

use crate::error::{Error, Result};
use base64::Engine;
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use std::io::Write;

pub const FORMAT: &str = "casefile-export";
pub const FORMAT_VERSION: u32 = 1;
/// The keys of the document that are not tables.
pub const HEADER_KEYS: &[&str] = &[
    "format",
    "format_version",
    "schema_version",
    "chain_head",
    "chain_links",
];

/// One column as the schema declares it.
#[derive(Debug, Clone)]
pub struct Column {
    pub name: String,
    /// TEXT, INTEGER, BLOB, REAL or ANY (the tables are STRICT).
    pub kind: String,
    pub not_null: bool,
    pub has_default: bool,
    /// Position in the primary key, 0 when not part of it.
    pub pk: u32,
}

#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
}

impl Table {
    /// Rows come out in primary-key order, so two exports of the same data are the same bytes.
    pub fn order_by(&self) -> String {
        let mut pk: Vec<&Column> = self.columns.iter().filter(|c| c.pk > 0).collect();
        pk.sort_by_key(|c| c.pk);
        if pk.is_empty() {
            "rowid".to_string()
        } else {
            pk.iter()
                .map(|c| quote_ident(&c.name))
                .collect::<Vec<_>>()
                .join(", ")
        }
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
}

/// `"name"`, for identifiers that come from the schema itself.
pub fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Every ordinary table of the case file, sorted by name. Virtual tables (a search index)
/// and their shadow tables are derived data and are rebuilt, so they are left out.
pub fn tables(conn: &Connection) -> Result<Vec<Table>> {
    let mut names: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    names.sort();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let columns = conn
            .prepare("SELECT name, upper(type), \"notnull\", dflt_value IS NOT NULL, pk FROM pragma_table_info(?1) ORDER BY cid")?
            .query_map([&name], |r| {
                Ok(Column { name: r.get(0)?, kind: r.get(1)?, not_null: r.get(2)?, has_default: r.get(3)?, pk: r.get(4)? })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.push(Table { name, columns });
    }
    Ok(out)
}

/// A row's value as the export writes it: blobs as base64, everything else as itself.
pub(crate) fn to_json(v: ValueRef<'_>) -> serde_json::Value {
    match v {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(n) => n.into(),
        ValueRef::Real(f) => f.into(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        ValueRef::Blob(b) => base64::engine::general_purpose::STANDARD.encode(b).into(),
    }
}

/// What an export wrote.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportSummary {
    pub rows: u64,
    pub tables: usize,
    pub bytes: u64,
    pub encrypted: bool,
}

/// Write the whole case file as the JSON document of docs/format.md. Rows are streamed, so
/// memory stays flat whatever the size of the file.
pub fn write_json(conn: &Connection, out: &mut dyn Write) -> Result<u64> {
    let io = |e: std::io::Error| Error::io("Cannot write the export", e);
    let (links, head) = crate::chain::head(conn)?;
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    write!(
        out,
        "{{\n  \"format\": \"{FORMAT}\",\n  \"format_version\": {FORMAT_VERSION},\n  \"schema_version\": {version},\n  \"chain_head\": \"{head}\",\n  \"chain_links\": {links}"
    )
    .map_err(io)?;
    let mut rows = 0u64;
    for table in tables(conn)? {
        write!(
            out,
            ",\n  {}: [",
            serde_json::Value::from(table.name.clone())
        )
        .map_err(io)?;
        let sql = format!(
            "SELECT * FROM {} ORDER BY {}",
            quote_ident(&table.name),
            table.order_by()
        );
        let mut stmt = conn.prepare(&sql)?;
        let names: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
        let mut q = stmt.query([])?;
        let mut first = true;
        while let Some(r) = q.next()? {
            let mut map = serde_json::Map::new();
            for (i, name) in names.iter().enumerate() {
                map.insert(name.clone(), to_json(r.get_ref(i)?));
            }
            let line = serde_json::to_string(&serde_json::Value::Object(map))
                .map_err(|e| Error::conflict(e.to_string()))?;
            write!(out, "{}\n    {line}", if first { "" } else { "," }).map_err(io)?;
            first = false;
            rows += 1;
        }
        write!(out, "{}]", if first { "" } else { "\n  " }).map_err(io)?;
    }
    writeln!(out, "\n}}").map_err(io)?;
    Ok(rows)
}

/// Export the open case file to `path`. An encrypted case file's export is sealed with
/// `passphrase`; a plain one is written as plain JSON. Written to a temporary name and
/// renamed, so a failed export never leaves half a file where the user asked for one.
pub fn export_to(
    conn: &Connection,
    path: &std::path::Path,
    passphrase: Option<&str>,
) -> Result<ExportSummary> {
    let mut json = Vec::new();
    let rows = write_json(conn, &mut json)?;
    let tables = tables(conn)?.len();
    let encrypted = passphrase.is_some();
    let bytes = match passphrase {
        Some(p) => seal::seal(&json, p)?,
        None => json,
    };
    write_atomically(path, &bytes)?;
    Ok(ExportSummary {
        rows,
        tables,
        bytes: bytes.len() as u64,
        encrypted,
    })
}

/// Write `bytes` next to `path`, flush them to disk, then rename over `path`.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let shown = path.display().to_string();
    let tmp = path.with_file_name(format!(
        ".{}.part",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(match e.raw_os_error() {
            Some(28) => Error::DiskFull,
            _ => Error::io(format!("Cannot write {shown}"), e),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
