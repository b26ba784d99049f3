//! Setting, changing and removing a case file's passphrase, safely.
//!
//! SQLCipher can re-key a file in place (`PRAGMA rekey`), but a crash halfway through leaves
//! a file that is partly under each key. So a new file is written beside the old one with
//! `sqlcipher_export` under the new key (or none), checked (it opens with the new key, passes
//! the integrity check, its chain verifies to the same head, and every table has the same
//! number of rows), and only then swapped in. The old file is kept aside until the new one
//! has opened in its place, and removed after: left behind, an unencrypted copy would defeat
//! the point of setting a passphrase.
//!
//! The passphrase is never written anywhere by Casefile: it is passed to SQLCipher and, while
//! the file is open, kept in the shell's memory only.

use crate::backup;
use crate::db::{CaseFile, OpenOptions, APPLICATION_ID};
use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The shortest passphrase accepted: long enough that guessing it offline is hopeless.
pub const MIN_CHARS: usize = 8;

/// Check a new passphrase before anything is written.
pub fn check_new(field: &str, new: &str, repeat: &str) -> Result<()> {
    if new.chars().count() < MIN_CHARS {
        return Err(Error::validation(field, format!("Use at least {MIN_CHARS} characters: a phrase of a few words is easy to remember and hard to guess.")));
    }
    if new != repeat {
        return Err(Error::validation("repeat", "The two passphrases are not the same."));
    }
    if new.trim() != new {
        return Err(Error::validation(field, "Leave out spaces at the start and end: they are too easy to forget."));
    }
    Ok(())
}

fn keyed_read_only(path: &Path, passphrase: Option<&str>) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    if let Some(p) = passphrase.filter(|p| !p.is_empty()) {
        conn.pragma_update(None, "key", p)?;
    }
    Ok(conn)
}

/// Does `current` open the file (None for a file without a passphrase)?
fn confirm_current(cf: &CaseFile, path: &Path, current: Option<&str>) -> Result<()> {
    let current = current.filter(|p| !p.is_empty());
    let shown = path.display().to_string();
    match (cf.is_encrypted(), current) {
        (false, None) => Ok(()),
        (false, Some(_)) => Err(Error::validation("current", "This case file has no passphrase yet.")),
        (true, None) => Err(Error::validation("current", "Enter the current passphrase.")),
        (true, Some(p)) => {
            let ok = keyed_read_only(path, Some(p))
                .and_then(|c| Ok(c.pragma_query_value(None, "application_id", |r| r.get::<_, i32>(0))?))
                .map(|id| id == APPLICATION_ID)
                .unwrap_or(false);
            if ok { Ok(()) } else { Err(Error::WrongPassphrase { path: shown }).map_err(|e| Error::validation("current", e.to_string())) }
        }
    }
}

/// Copy the database behind `conn` into `dest` under `new` (None: no encryption).
fn export_to(conn: &Connection, dest: &Path, new: Option<&str>) -> Result<()> {
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    conn.execute("ATTACH DATABASE ?1 AS rekeyed KEY ?2", [dest.to_string_lossy().as_ref(), new.unwrap_or("")])?;
    let result = (|| -> Result<()> {
        conn.query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(()))?;
        // sqlcipher_export copies the schema and rows, not the header fields.
        conn.execute_batch(&format!("PRAGMA rekeyed.user_version = {version}; PRAGMA rekeyed.application_id = {APPLICATION_ID};"))?;
        Ok(())
    })();
    let detached = conn.execute("DETACH DATABASE rekeyed", []);
    result?;
    detached?;
    Ok(())
}

/// Row counts of every table, to compare a copy with its original.
fn counts(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut out = Vec::new();
    for t in crate::exchange::tables(conn)? {
        let n = conn.query_row(&format!("SELECT count(*) FROM {}", crate::exchange::quote_ident(&t.name)), [], |r| r.get(0))?;
        out.push((t.name, n));
    }
    Ok(out)
}

/// Check that `copy` opens with `key` and holds exactly what `original` holds.
fn check_copy(original: &Connection, copy: &Path, key: Option<&str>) -> Result<()> {
    let c = keyed_read_only(copy, key)?;
    let problems: Vec<String> = c.prepare("PRAGMA integrity_check")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    if problems != ["ok"] {
        return Err(Error::conflict(format!("The re-encrypted copy failed its integrity check ({}); nothing was changed.", problems.join("; "))));
    }
    let (a, b) = (crate::chain::verify(original)?, crate::chain::verify(&c)?);
    if a.head != b.head || a.ok != b.ok || counts(original)? != counts(&c)? {
        return Err(Error::conflict("The re-encrypted copy does not hold the same record; nothing was changed."));
    }
    Ok(())
}

fn sibling(path: &Path, tag: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{tag}"))
}

fn remove_with_journal(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// Set (current None), change, or remove (new None) the passphrase of the open file. On
/// success the file is open again under the new key; on failure the error comes back with
/// the original file, open as before (None only if it could not be reopened).
// The error hands the open file back, which makes the Err large; it is returned once per change.
#[allow(clippy::result_large_err)]
pub fn change(cf: CaseFile, current: Option<&str>, new: Option<&str>) -> std::result::Result<CaseFile, (Option<CaseFile>, Error)> {
    let Some(path) = cf.path().map(Path::to_path_buf) else {
        return Err((Some(cf), Error::conflict("An in-memory case file cannot be encrypted.")));
    };
    let new = new.filter(|p| !p.is_empty());
    if let Err(e) = confirm_current(&cf, &path, current) {
        return Err((Some(cf), e));
    }
    if !cf.is_encrypted() && new.is_none() {
        return Err((Some(cf), Error::validation("new", "Choose a passphrase.")));
    }
    let fresh = sibling(&path, "rekeyed");
    let aside = sibling(&path, "before-passphrase");
    remove_with_journal(&fresh);
    let prepared = export_to(cf.conn(), &fresh, new).and_then(|_| check_copy(cf.conn(), &fresh, new));
    if let Err(e) = prepared {
        remove_with_journal(&fresh);
        return Err((Some(cf), e));
    }
    let clock = cf.clock();
    let open = |key: Option<&str>| CaseFile::open_with(&path, OpenOptions { create: false, passphrase: key.map(String::from), clock: Some(clock.clone()) });
    if let Err(e) = cf.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)") {
        remove_with_journal(&fresh);
        return Err((Some(cf), e.into()));
    }
    drop(cf);
    let current = current.filter(|p| !p.is_empty());
    let back = |e: Error| -> (Option<CaseFile>, Error) {
        if aside.exists() {
            let _ = std::fs::rename(&aside, &path);
        }
        remove_with_journal(&fresh);
        (open(current).ok(), e)
    };
    if let Err(e) = std::fs::rename(&path, &aside) {
        return Err(back(Error::io("Cannot move the file aside", e)));
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    if let Err(e) = std::fs::rename(&fresh, &path) {
        return Err(back(Error::io("Cannot put the re-encrypted file in place", e)));
    }
    backup::sync_dir(path.parent().unwrap_or(Path::new(".")));
    match open(new) {
        Ok(cf) => {
            remove_with_journal(&aside);
            Ok(cf)
        }
        Err(e) => {
            let _ = std::fs::rename(&path, &fresh);
            Err(back(e))
        }
    }
}

/// Re-key every backup in `folder` from `old` to `new`, so backups always open with the
/// file's own passphrase (and a removed passphrase leaves no backup only the old one opens).
/// Returns how many were re-keyed; a backup that does not open with `old` is left as it is.
pub fn rekey_backups(folder: &Path, old: Option<&str>, new: Option<&str>) -> Result<usize> {
    let mut n = 0;
    for b in backup::list(folder)? {
        let path = PathBuf::from(&b.path);
        // Read-write, because ATTACH from a read-only connection cannot create the new file.
        let Ok(conn) = Connection::open(&path) else { continue };
        if let Some(p) = old.filter(|p| !p.is_empty()) {
            conn.pragma_update(None, "key", p)?;
        }
        if conn.pragma_query_value(None, "application_id", |r| r.get::<_, i32>(0)).ok() != Some(APPLICATION_ID) {
            continue;
        }
        let fresh = sibling(&path, "rekeyed");
        remove_with_journal(&fresh);
        export_to(&conn, &fresh, new).and_then(|_| check_copy(&conn, &fresh, new)).inspect_err(|_| remove_with_journal(&fresh))?;
        drop(conn);
        std::fs::rename(&fresh, &path).map_err(|e| Error::io("Cannot replace a backup", e))?;
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests;
