//! Recognising a damaged file before anything writes to it.
//!
//! `db.rs` opens every existing file read-only first. Before it is opened for writing, this
//! module looks for the damage a person can actually meet: a file cut short (a copy that did
//! not finish, a full disk), pages SQLite finds corrupt, and a `-wal` journal beside the file
//! that does not belong to it (left from another copy of the file, or a crash of another
//! version). SQLite would happily apply such a journal, or throw it away on the first write;
//! either way the user loses something without being told. So the file is refused with an
//! explanation, and neither it nor its journal is touched.

use crate::error::{Error, Result};
use rusqlite::Connection;
use std::io::Read;
use std::path::Path;

/// Files up to this size get SQLite's quick check on every open (about 0.15 s at 32 MB on a
/// slow laptop); larger ones get it when a journal is left over, and in the background.
pub const QUICK_CHECK_LIMIT: u64 = 48 * 1024 * 1024;

/// Map SQLite's "corrupt" to a typed, explained refusal.
pub(crate) fn classify(e: Error, path: &Path, shown: &str) -> Error {
    match &e {
        Error::Sql(s) if s.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            let has_wal = std::fs::metadata(wal_path(path)).map(|m| m.len() > 0).unwrap_or(false);
            let cut = if has_wal { None } else { truncated(path).ok().flatten() };
            let detail = cut.unwrap_or_else(|| "SQLite reports that its pages are corrupt".into());
            Error::Damaged { path: shown.to_string(), detail }
        }
        _ => e,
    }
}

/// Files people mistake for a case file, by their first bytes: named rather than taken for
/// an encrypted case file and asked a passphrase.
pub(crate) fn known_format(head: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"\x89PNG", "a PNG image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"GIF8", "a GIF image"),
        (b"\xD0\xCF\x11\xE0", "an old Office document"),
        (b"CASEFILE-SEALED-EXPORT", "a sealed Casefile export: import it instead"),
        (b"{", "JSON text: if it is a Casefile export, import it instead"),
    ];
    MAGIC.iter().find(|(m, _)| head.starts_with(m)).map(|(_, k)| *k)
}

/// A signature long enough (4 bytes or more) that random bytes match it about once in four
/// billion files; shorter ones would now and then take an encrypted case file for something else.
pub(crate) fn known_format_strong(head: &[u8]) -> Option<&'static str> {
    known_format(head).filter(|_| {
        const STRONG: &[&[u8]] = &[b"\x89PNG", b"%PDF", b"PK\x03\x04", b"GIF8", b"\xD0\xCF\x11\xE0", b"CASEFILE-SEALED-EXPORT"];
        // A JPEG's three-byte start is weak alone; with its JFIF or Exif marker it is not.
        let jpeg = head.starts_with(b"\xFF\xD8\xFF") && matches!(head.get(6..10), Some(b"JFIF") | Some(b"Exif"));
        jpeg || STRONG.iter().any(|m| head.starts_with(m))
    })
}

fn wal_path(path: &Path) -> std::path::PathBuf {
    std::path::PathBuf::from(format!("{}-wal", path.display()))
}

/// The problems `PRAGMA quick_check` finds, or None when it says ok.
pub fn quick_check(conn: &Connection) -> Result<Option<String>> {
    let rows: rusqlite::Result<Vec<String>> = conn.prepare("PRAGMA quick_check").and_then(|mut s| s.query_map([], |r| r.get(0))?.collect());
    match rows {
        Ok(r) if r == ["ok"] => Ok(None),
        Ok(r) => Ok(Some(format!("{} problem(s), the first: {}", r.len(), r.first().cloned().unwrap_or_default()))),
        Err(e) if matches!(e.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)) => {
            Ok(Some("SQLite reports that its pages are corrupt".into()))
        }
        Err(e) => Err(e.into()),
    }
}

/// Run the checks on the read-only connection `ro` to `path`.
pub(crate) fn check_before_writing(ro: &Connection, path: &Path, shown: &str) -> Result<()> {
    let damaged = |detail: String| Error::Damaged { path: shown.to_string(), detail };
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let wal = std::fs::metadata(wal_path(path)).map(|m| m.len()).unwrap_or(0);
    // With a journal, the header on disk may already count pages that are still only in the
    // journal (a checkpoint stopped by a full disk): then the quick check below decides.
    if wal == 0 {
        if let Some(detail) = truncated(path)? {
            return Err(damaged(detail));
        }
    }
    if wal == 0 && len > QUICK_CHECK_LIMIT {
        return Ok(());
    }
    match quick_check(ro)? {
        None => Ok(()),
        Some(problem) if wal > 0 => Err(damaged(format!(
            "with the journal left beside it ({}), {problem}. The journal may belong to another copy of this file: move it away to open the file as it was last saved in full",
            wal_path(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
        ))),
        Some(problem) => Err(damaged(problem)),
    }
}

/// A plain SQLite file whose header says it has more pages than the file holds was cut short.
fn truncated(path: &Path) -> Result<Option<String>> {
    let mut head = [0u8; 100];
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(format!("Cannot open {}", path.display()), e))?;
    if f.read_exact(&mut head).is_err() || &head[..16] != b"SQLite format 3\0" {
        return Ok(None);
    }
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65_536u64,
        n => n as u64,
    };
    let be = |i: usize| u32::from_be_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
    let (counter, pages, valid_for) = (be(24), be(28) as u64, be(92));
    if counter == valid_for && pages > 0 && len < pages * page_size {
        return Ok(Some(format!("it is cut short: its header counts {} bytes, the file holds {}", pages * page_size, len)));
    }
    if len % page_size != 0 {
        return Ok(Some(format!("it is cut short: {len} bytes is not a whole number of {page_size}-byte pages")));
    }
    Ok(None)
}

/// What a full check of an open case file found: its SQLite pages, then its chain.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FileCheck {
    pub verification: crate::chain::Verification,
    /// SQLite's quick check, when it found a problem.
    pub damage: Option<String>,
    pub millis: u64,
}

/// Check a case file through a read-only connection of its own, so it can run in the
/// background while the window keeps using the file (WAL lets readers and a writer work at
/// once). The passphrase is needed for an encrypted file.
pub fn check_file(path: &Path, passphrase: Option<&str>) -> Result<FileCheck> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    if let Some(p) = passphrase.filter(|p| !p.is_empty()) {
        conn.pragma_update(None, "key", p)?;
    }
    check_conn(&conn)
}

pub fn check_conn(conn: &Connection) -> Result<FileCheck> {
    let started = std::time::Instant::now();
    let damage = quick_check(conn)?;
    let verification = crate::chain::verify(conn)?;
    Ok(FileCheck { verification, damage, millis: started.elapsed().as_millis() as u64 })
}
