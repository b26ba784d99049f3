//! The trust subcommands: verify the chain, export, import.

use super::{open, passphrase};
use crate::error::Error;
use crate::exchange::{self, import};
use crate::text::group;
use std::io::Write;
use std::path::Path;

pub(super) fn verify(path: &Path, out: &mut dyn Write) -> Result<i32, Error> {
    let cf = open(path)?;
    let started = std::time::Instant::now();
    let v = crate::chain::verify(cf.conn())?;
    let _ = writeln!(out, "File: {}", path.display());
    let _ = writeln!(out, "Links checked: {}", group(v.links as usize));
    let _ = writeln!(out, "Head: {}", v.head);
    match v.problem {
        None => {
            let _ = writeln!(
                out,
                "Record intact: every entry matches its link ({:.2} s).",
                started.elapsed().as_secs_f64()
            );
            Ok(0)
        }
        Some(p) => {
            let at = p
                .seq
                .map(|s| format!("link {s}"))
                .unwrap_or_else(|| "no link".to_string());
            let _ = writeln!(out, "BROKEN at {at}: {} {}", p.entity, p.entity_id);
            let _ = writeln!(out, "{}", p.message);
            Ok(1)
        }
    }
}

pub(super) fn export(
    path: &Path,
    to: &Path,
    csv: Option<&str>,
    plaintext: bool,
    out: &mut dyn Write,
) -> Result<i32, Error> {
    let cf = open(path)?;
    if let Some(table) = csv {
        if cf.is_encrypted() && !plaintext {
            return Err(Error::validation(
                "plaintext",
                "This case file is encrypted, and a CSV is not: add --plaintext to write it anyway.",
            ));
        }
        let mut bytes = Vec::new();
        let rows = exchange::csv::write_csv(cf.conn(), table, &mut bytes)?;
        exchange::write_atomically(to, &bytes)?;
        let _ = writeln!(
            out,
            "Wrote {} {table} to {}.",
            group(rows as usize),
            to.display()
        );
        return Ok(0);
    }
    let key = if cf.is_encrypted() {
        passphrase()
    } else {
        None
    };
    let s = exchange::export_to(cf.conn(), to, key.as_deref())?;
    let sealed = if s.encrypted {
        ", sealed with the case file's passphrase"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "Exported {} rows of {} tables to {} ({} bytes{sealed}).",
        group(s.rows as usize),
        s.tables,
        to.display(),
        group(s.bytes as usize)
    );
    Ok(0)
}

pub(super) fn import(path: &Path, input: &Path, out: &mut dyn Write) -> Result<i32, Error> {
    let bytes = std::fs::read(input)
        .map_err(|e| Error::io(format!("Cannot read {}", input.display()), e))?;
    let key = passphrase();
    let doc = import::Document::parse(&bytes, key.as_deref())?;
    let sealed = exchange::seal::is_sealed(&bytes);
    let new_key = if sealed || path.exists() {
        key.as_deref()
    } else {
        None
    };
    let s = import::import_file(path, &doc, new_key, &mut |_| {})?;
    let _ = writeln!(
        out,
        "Imported {} rows into {} (schema version {}).",
        group(s.rows as usize),
        path.display(),
        s.schema_version
    );
    let _ = writeln!(
        out,
        "Record intact: {} links, head {}.",
        group(s.links as usize),
        s.head
    );
    Ok(0)
}
