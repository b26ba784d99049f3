//! Automatic backups, and restoring one.
//!
//! A backup is taken with `VACUUM INTO` from a read-only connection, never by copying the
//! file: a copy taken while SQLite writes can be torn, and a copy of the main file alone
//! misses what is still in the `-wal`. VACUUM INTO writes a consistent snapshot, and of an
//! encrypted file it writes an encrypted one, with the same passphrase.
//!
//! Backups live in a folder of their own per case file (the shell passes the app-data
//! folder in). Retention keeps the newest backup of each of the last 7 days that have one,
//! of each of the last 4 weeks, and the 3 newest whatever their day, so a mistake made this
//! morning and reopened this afternoon cannot push out this morning's backup.

use crate::chain::{self, Verification};
use crate::db::{schema_version, CaseFile, OpenOptions, APPLICATION_ID};
use crate::error::{Error, Result};
use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};

pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;
pub const KEEP_LAST: usize = 3;
const EXTENSION: &str = "casefile";
const STAMP: &str = "%Y-%m-%dT%H-%M-%SZ";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BackupInfo {
    /// The file name, which is also how a backup is named to restore it.
    pub name: String,
    pub path: String,
    /// When it was taken, UTC (`2026-03-04T09:15:00Z`).
    pub taken_at: String,
    pub size: u64,
}

/// The folder for `case_file`'s backups: its name and a short hash of its full path, so two
/// files called `work.casefile` in different folders never share backups.
pub fn folder_for(root: &Path, case_file: &Path) -> PathBuf {
    let abs = std::fs::canonicalize(case_file).unwrap_or_else(|_| case_file.to_path_buf());
    let stem = case_file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "case".into());
    let stem: String = stem.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).take(40).collect();
    let hash = crate::hash::sha256_hex(abs.to_string_lossy().as_bytes());
    root.join(format!("{stem}-{}", &hash[..8]))
}

fn read_only(path: &Path, passphrase: Option<&str>) -> Result<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    if let Some(p) = passphrase.filter(|p| !p.is_empty()) {
        conn.pragma_update(None, "key", p)?;
    }
    Ok(conn)
}

/// Take a backup of the case file at `path` into `folder`, from a connection of its own, so
/// the window keeps working while it is written. Then apply retention.
pub fn take(path: &Path, passphrase: Option<&str>, folder: &Path, now: DateTime<Utc>) -> Result<BackupInfo> {
    let conn = read_only(path, passphrase)?;
    take_from(&conn, folder, now)
}

/// Take a backup through an open connection (an in-memory file, or a test).
pub fn take_from(conn: &Connection, folder: &Path, now: DateTime<Utc>) -> Result<BackupInfo> {
    std::fs::create_dir_all(folder).map_err(|e| Error::io(format!("Cannot create the backup folder {}", folder.display()), e))?;
    let mut name = format!("{}.{EXTENSION}", now.format(STAMP));
    let mut n = 1;
    while folder.join(&name).exists() {
        n += 1;
        name = format!("{}-{n}.{EXTENSION}", now.format(STAMP));
    }
    let target = folder.join(&name);
    let partial = folder.join(format!(".{name}.partial"));
    let _ = std::fs::remove_file(&partial);
    let result = conn
        .execute("VACUUM INTO ?1", [partial.to_string_lossy()])
        .map_err(Error::from)
        .and_then(|_| {
            let check: String = read_only(&partial, None)
                .and_then(|c| Ok(c.query_row("PRAGMA quick_check", [], |r| r.get(0))?))
                .unwrap_or_else(|_| "ok".to_string());
            // An encrypted backup cannot be read without the key here; its header is checked
            // when it is restored. A plain one must pass quick_check now.
            if check == "ok" { Ok(()) } else { Err(Error::conflict(format!("The new backup failed its check: {check}"))) }
        })
        .and_then(|_| std::fs::rename(&partial, &target).map_err(|e| Error::io("Cannot name the backup", e)));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    prune(folder, now)?;
    info(&target)
}

fn info(path: &Path) -> Result<BackupInfo> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let taken = taken_at(&name).ok_or_else(|| Error::not_found("backup", name.clone()))?;
    let size = std::fs::metadata(path).map_err(|e| Error::io(format!("Cannot read {}", path.display()), e))?.len();
    Ok(BackupInfo { name, path: path.display().to_string(), taken_at: crate::when::instant(taken), size })
}

fn taken_at(name: &str) -> Option<DateTime<Utc>> {
    let stem = name.strip_suffix(&format!(".{EXTENSION}"))?;
    let stamp = stem.get(..20)?;
    NaiveDateTime::parse_from_str(stamp, STAMP).ok().map(|t| t.and_utc())
}

/// The backups in `folder`, newest first.
pub fn list(folder: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(format!("Cannot read {}", folder.display()), e)),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && taken_at(&name).is_some() {
            out.push(info(&entry.path())?);
        }
    }
    out.sort_by(|a, b| b.name.cmp(&a.name));
    Ok(out)
}

/// Is a backup due: none yet, or the newest is a day old?
pub fn due(folder: &Path, now: DateTime<Utc>) -> Result<bool> {
    Ok(match list(folder)?.first().and_then(|b| taken_at(&b.name)) {
        Some(t) => now - t >= chrono::Duration::hours(24),
        None => true,
    })
}

/// Which of `taken` (newest first) retention keeps: the newest of each of the last 7 days,
/// then, before those, the newest of each of 4 weeks, and always the 3 newest.
pub fn keep(taken: &[DateTime<Utc>]) -> Vec<bool> {
    let mut kept: Vec<bool> = (0..taken.len()).map(|i| i < KEEP_LAST).collect();
    let mut days = Vec::new();
    let mut oldest_daily = None;
    for (i, t) in taken.iter().enumerate() {
        let day = t.date_naive();
        if !days.contains(&day) && days.len() < KEEP_DAILY {
            days.push(day);
            kept[i] = true;
            oldest_daily = Some(day);
        }
    }
    let mut weeks = Vec::new();
    for (i, t) in taken.iter().enumerate() {
        if oldest_daily.is_some_and(|d| t.date_naive() >= d) {
            continue;
        }
        let week = (t.iso_week().year(), t.iso_week().week());
        if !weeks.contains(&week) && weeks.len() < KEEP_WEEKLY {
            weeks.push(week);
            kept[i] = true;
        }
    }
    kept
}

/// Delete the backups retention does not keep; returns their names.
pub fn prune(folder: &Path, _now: DateTime<Utc>) -> Result<Vec<String>> {
    let all = list(folder)?;
    let times: Vec<DateTime<Utc>> = all.iter().filter_map(|b| taken_at(&b.name)).collect();
    let mut removed = Vec::new();
    for (b, kept) in all.iter().zip(keep(&times)) {
        if !kept {
            std::fs::remove_file(&b.path).map_err(|e| Error::io(format!("Cannot remove the old backup {}", b.name), e))?;
            removed.push(b.name.clone());
        }
    }
    Ok(removed)
}

/// Check a backup before it is trusted: it opens with the passphrase, is a Casefile file this
/// version reads, passes SQLite's full integrity check, and its chain verifies.
pub fn check(path: &Path, passphrase: Option<&str>) -> Result<Verification> {
    let shown = path.display().to_string();
    let conn = read_only(path, passphrase)?;
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) if passphrase.is_some() => Error::WrongPassphrase { path: shown.clone() },
        Some(rusqlite::ErrorCode::NotADatabase) => Error::NeedsPassphrase { path: shown.clone() },
        _ => e.into(),
    })?;
    if app_id != APPLICATION_ID {
        return Err(Error::NotACaseFile { path: shown, reason: "it is not a Casefile backup".into() });
    }
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > schema_version() {
        return Err(Error::TooNew { path: shown, found: version, supported: schema_version() });
    }
    let problems: Vec<String> = conn.prepare("PRAGMA integrity_check")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    if problems != ["ok"] {
        return Err(Error::conflict(format!("This backup is damaged ({}), so it was not restored.", problems.first().cloned().unwrap_or_default())));
    }
    let v = chain::verify(&conn)?;
    if let Some(p) = &v.problem {
        return Err(Error::conflict(format!("This backup's record does not verify ({}), so it was not restored.", p.message)));
    }
    Ok(v)
}

/// What a restore did.
#[derive(Debug, Clone, Serialize)]
pub struct Restored {
    pub backup: String,
    /// Where the file that was open before is kept.
    pub kept_aside: String,
    pub links: u64,
}

/// Replace the open case file with `backup`, after checking it. The current file is kept
/// aside next to it (never deleted), and comes back if anything fails before the swap ends.
/// Returns the restored file, open; or the error, with the original file open again when it
/// could be reopened.
// The error hands the open file back, which makes the Err large; it is returned once per restore.
#[allow(clippy::result_large_err)]
pub fn restore(cf: CaseFile, backup: &Path, passphrase: Option<&str>) -> std::result::Result<(CaseFile, Restored), (Option<CaseFile>, Error)> {
    let Some(path) = cf.path().map(Path::to_path_buf) else {
        return Err((Some(cf), Error::conflict("An in-memory case file has no file to restore into.")));
    };
    let verification = match check(backup, passphrase) {
        Ok(v) => v,
        Err(e) => return Err((Some(cf), e)),
    };
    let clock = cf.clock();
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let incoming = dir.join(format!(".{file_name}.restoring"));
    let stamp = cf.now().format(STAMP);
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let aside = dir.join(format!("{stem}.before-restore-{stamp}.{EXTENSION}"));
    let reopen = |p: &Path| CaseFile::open_with(p, OpenOptions { create: false, passphrase: passphrase.map(String::from), clock: Some(clock.clone()) });

    // 1. A consistent copy of the backup next to the file, so the final rename is atomic.
    let _ = std::fs::remove_file(&incoming);
    let copied = read_only(backup, passphrase).and_then(|c| Ok(c.execute("VACUUM INTO ?1", [incoming.to_string_lossy()])?));
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&incoming);
        return Err((Some(cf), e));
    }
    // 2. Close the current file cleanly (its -wal is checkpointed away), then move it aside.
    if let Err(e) = cf.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)") {
        let _ = std::fs::remove_file(&incoming);
        return Err((Some(cf), e.into()));
    }
    drop(cf);
    let undo = |e: Error| -> (Option<CaseFile>, Error) {
        let _ = std::fs::remove_file(&incoming);
        if aside.exists() && !path.exists() {
            let _ = std::fs::rename(&aside, &path);
        }
        match reopen(&path) {
            Ok(cf) => (Some(cf), e),
            // The original is back in place but will not open: say both things.
            Err(again) => (None, Error::conflict(format!("{e} The original file is back at {}, but could not be reopened: {again}", path.display()))),
        }
    };
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    if let Err(e) = std::fs::rename(&path, &aside) {
        return Err(undo(Error::io("Cannot move the current file aside", e)));
    }
    // 3. The swap.
    if let Err(e) = std::fs::rename(&incoming, &path) {
        return Err(undo(Error::io("Cannot put the backup in place", e)));
    }
    sync_dir(&dir);
    match reopen(&path) {
        Ok(cf) => Ok((cf, Restored { backup: backup.display().to_string(), kept_aside: aside.display().to_string(), links: verification.links })),
        Err(e) => {
            let _ = std::fs::rename(&path, &incoming);
            Err(undo(e))
        }
    }
}

/// Put `backup` in place of a file that cannot be opened (damaged, cut short), after checking
/// the backup. The unreadable file and its journal are moved aside, never deleted, and the
/// restored file is returned open.
pub fn restore_damaged(path: &Path, backup: &Path, passphrase: Option<&str>, now: DateTime<Utc>) -> Result<(CaseFile, Restored)> {
    let verification = check(backup, passphrase)?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let incoming = dir.join(format!(".{file_name}.restoring"));
    let aside = dir.join(format!("{stem}.damaged-{}.{EXTENSION}", now.format(STAMP)));
    let _ = std::fs::remove_file(&incoming);
    if let Err(e) = read_only(backup, passphrase).and_then(|c| Ok(c.execute("VACUUM INTO ?1", [incoming.to_string_lossy()])?)) {
        let _ = std::fs::remove_file(&incoming);
        return Err(e);
    }
    if path.exists() {
        std::fs::rename(path, &aside).map_err(|e| Error::io("Cannot move the damaged file aside", e))?;
        for suffix in ["-wal", "-shm"] {
            let journal = PathBuf::from(format!("{}{suffix}", path.display()));
            if journal.exists() {
                let _ = std::fs::rename(&journal, format!("{}{suffix}", aside.display()));
            }
        }
    }
    std::fs::rename(&incoming, path).map_err(|e| Error::io("Cannot put the backup in place", e))?;
    sync_dir(&dir);
    let cf = CaseFile::open_with(path, OpenOptions { create: false, passphrase: passphrase.map(String::from), clock: None })?;
    Ok((cf, Restored { backup: backup.display().to_string(), kept_aside: aside.display().to_string(), links: verification.links }))
}

/// Make renames in `dir` durable.
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests;
