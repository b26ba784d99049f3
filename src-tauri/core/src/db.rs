//! Opening a case file safely, and the transaction every write goes through.
//!
//! The rule this module exists for: a file Casefile cannot read is never modified. So an
//! existing file is inspected from its raw header bytes first, then opened read-only, and
//! only when it is known to be a Casefile file of a version we understand is it opened for
//! writing, switched to WAL and migrated.

use crate::clock::{Clock, SystemClock};
use crate::error::{Error, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use rusqlite_migration::{HookError, HookResult, Migrations, M};
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod recognise;
use recognise::{check_identity, inspect_header, Header};

/// `PRAGMA application_id` of every case file: "Case" in ASCII.
pub const APPLICATION_ID: i32 = 0x4361_7365;

/// The numbered migrations, oldest first (`user_version` holds how many have run), each
/// with the chained tables whose rows it changes. A migration that adds a column changes
/// every row's canonical form, so those rows get a fresh `migrate` link (docs/chain.md).
const MIGRATIONS: &[(&str, &[&str])] = &[
    (include_str!("../migrations/0001_init.sql"), &[]),
    (include_str!("../migrations/0002_retractions.sql"), &["follow_ups", "lost_revenue"]),
    (include_str!("../migrations/0003_search.sql"), &[]),
    (include_str!("../migrations/0004_indexes.sql"), &[]),
];

/// The schema version this build writes.
pub fn schema_version() -> u32 {
    MIGRATIONS.len() as u32
}

fn migrations() -> Migrations<'static> {
    Migrations::new(
        MIGRATIONS
            .iter()
            .map(|(sql, relink)| {
                if relink.is_empty() {
                    return M::up(sql);
                }
                let tables: &'static [&'static str] = relink;
                M::up_with_hook(sql, move |tx: &rusqlite::Transaction<'_>| -> HookResult {
                    let at = crate::when::instant(chrono::Utc::now());
                    for table in tables {
                        crate::chain::relink_table(tx, table, &at).map_err(|e| HookError::Hook(e.to_string()))?;
                    }
                    Ok(())
                })
            })
            .collect(),
    )
}

#[derive(Default)]
pub struct OpenOptions {
    /// Create the file when it does not exist yet.
    pub create: bool,
    /// For a file encrypted with SQLCipher.
    pub passphrase: Option<String>,
    pub clock: Option<Arc<dyn Clock>>,
}

pub struct CaseFile {
    conn: Connection,
    path: Option<PathBuf>,
    clock: Arc<dyn Clock>,
    encrypted: bool,
    /// The chain's last verification, while it still holds (`chain::verified`).
    verified: crate::chain::verified::Remembered,
}

/// A write in progress. Everything a command changes happens inside one of these, so a
/// multi-step write either lands whole or not at all.
pub struct Tx<'c> {
    inner: Inner<'c>,
    clock: &'c dyn Clock,
    now: DateTime<Utc>,
}

/// A write is its own transaction, or a savepoint inside a [`CaseFile::batch`].
enum Inner<'c> {
    Transaction(rusqlite::Transaction<'c>),
    Savepoint(rusqlite::Savepoint<'c>),
}

impl std::ops::Deref for Tx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        match &self.inner {
            Inner::Transaction(t) => t,
            Inner::Savepoint(s) => s,
        }
    }
}

impl Tx<'_> {
    /// The instant of this write; every row it touches is recorded at the same moment.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }
    pub fn now_str(&self) -> String {
        crate::when::instant(self.now)
    }
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }
    pub fn new_id(&self) -> String {
        self.clock.new_id().to_string()
    }
}

impl CaseFile {
    pub(crate) fn remembered(&self) -> &crate::chain::verified::Remembered {
        &self.verified
    }

    /// Open an existing case file, or create it when it does not exist.
    pub fn open(path: &Path) -> Result<CaseFile> {
        Self::open_with(path, OpenOptions { create: true, ..Default::default() })
    }

    pub fn open_in_memory() -> Result<CaseFile> {
        Self::open_in_memory_with(Arc::new(SystemClock))
    }

    pub fn open_in_memory_with(clock: Arc<dyn Clock>) -> Result<CaseFile> {
        let conn = Connection::open_in_memory()?;
        let mut cf = CaseFile { conn, path: None, clock, encrypted: false, verified: Default::default() };
        cf.prepare_new()?;
        Ok(cf)
    }

    pub fn open_with(path: &Path, opts: OpenOptions) -> Result<CaseFile> {
        let clock = opts.clock.unwrap_or_else(|| Arc::new(SystemClock));
        let shown = path.display().to_string();
        let exists = path.try_exists().map_err(|e| Error::io(format!("Cannot look at {shown}"), e))?;
        if !exists {
            if !opts.create {
                return Err(Error::io(format!("Cannot open {shown}"), std::io::Error::from(std::io::ErrorKind::NotFound)));
            }
            return Self::create(path, opts.passphrase.as_deref(), clock);
        }
        let passphrase = opts.passphrase.filter(|p| !p.is_empty());
        let header = inspect_header(path)?;
        if header == Header::Opaque && passphrase.is_none() {
            return Err(Error::NeedsPassphrase { path: shown });
        }
        // Read-only look first: nothing below can change the file's bytes.
        {
            let ro = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
            if let Some(p) = &passphrase {
                apply_key(&ro, p)?;
            }
            check_identity(&ro, &shown, passphrase.is_some()).map_err(|e| crate::damage::classify(e, path, &shown))?;
            crate::damage::check_before_writing(&ro, path, &shown)?;
        }
        let conn = Connection::open(path)?;
        if let Some(p) = &passphrase {
            apply_key(&conn, p)?;
        }
        configure(&conn)?;
        let mut cf = CaseFile { conn, path: Some(path.to_path_buf()), clock, encrypted: passphrase.is_some(), verified: Default::default() };
        migrations().to_latest(&mut cf.conn).map_err(|e| Error::Migration(e.to_string()))?;
        Ok(cf)
    }

    fn create(path: &Path, passphrase: Option<&str>, clock: Arc<dyn Clock>) -> Result<CaseFile> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let passphrase = passphrase.filter(|p| !p.is_empty());
        if let Some(p) = passphrase {
            apply_key(&conn, p)?;
        }
        // Stamp the file as ours and build the schema while still in rollback-journal mode,
        // so both land in the main file itself. In WAL mode they could sit in the -wal until
        // a checkpoint, and after a crash the header alone would not say "Casefile".
        let mut cf = CaseFile { conn, path: Some(path.to_path_buf()), clock, encrypted: passphrase.is_some(), verified: Default::default() };
        cf.prepare_new()?;
        configure(&cf.conn)?;
        Ok(cf)
    }

    fn prepare_new(&mut self) -> Result<()> {
        self.conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;")?;
        self.conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        migrations().to_latest(&mut self.conn).map_err(|e| Error::Migration(e.to_string()))?;
        Ok(())
    }

    /// Run `f` inside one immediate transaction: all of it lands, or none of it does. Inside
    /// a [`CaseFile::batch`] it is a savepoint of the batch's transaction instead.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let now = self.clock.now();
        let inner = if self.conn.is_autocommit() {
            Inner::Transaction(self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
        } else {
            Inner::Savepoint(self.conn.savepoint()?)
        };
        let tx = Tx { inner, clock: self.clock.as_ref(), now };
        let value = f(&tx)?;
        match tx.inner {
            Inner::Transaction(t) => t.commit()?,
            Inner::Savepoint(s) => s.commit()?,
        }
        Ok(value)
    }

    /// Run many writes as one transaction (the demo at scale does a day's worth at a time):
    /// each write inside is a savepoint, and the whole lands at the end or not at all.
    pub(crate) fn batch<T>(&mut self, f: impl FnOnce(&mut CaseFile) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match f(self) {
            Ok(value) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(value)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Write a brand-new file in bulk (the demo at scale): commits are not flushed to disk one
    /// by one, and the page cache is large. Only for a file whose loss costs nothing; the demo
    /// removes a half-written file. [`CaseFile::end_bulk`] makes it durable again.
    pub(crate) fn begin_bulk(&self) -> Result<()> {
        // A rollback journal in memory writes each page once, where WAL writes it twice (into
        // the log, then back into the file); rollback of a failed write still works.
        self.conn.query_row("PRAGMA journal_mode = MEMORY", [], |_| Ok(()))?;
        self.conn.pragma_update(None, "synchronous", "OFF")?;
        self.conn.pragma_update(None, "cache_size", -262_144)?;
        Ok(())
    }

    /// Back to WAL, with every commit on disk when it returns.
    pub(crate) fn end_bulk(&self) -> Result<()> {
        self.conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        if self.path.is_some() {
            self.conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
        }
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        Ok(())
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_encrypted(&self) -> bool {
        self.encrypted
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    pub fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    pub fn user_version(&self) -> Result<u32> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// `PRAGMA quick_check`: "ok", or the problems SQLite found.
    pub fn quick_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA quick_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

impl CaseFile {
    /// Create a new file at an older schema version, for importing an export written by an
    /// older Casefile: its rows go in as they were, then [`CaseFile::upgrade`] runs the later
    /// migrations over them exactly as it would over a file kept since then.
    pub fn create_at_version(path: &Path, passphrase: Option<&str>, version: u32) -> Result<CaseFile> {
        if path.exists() {
            return Err(Error::conflict(format!("{} already exists.", path.display())));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let passphrase = passphrase.filter(|p| !p.is_empty());
        if let Some(p) = passphrase {
            apply_key(&conn, p)?;
        }
        let mut cf = CaseFile { conn, path: Some(path.to_path_buf()), clock: Arc::new(SystemClock), encrypted: passphrase.is_some(), verified: Default::default() };
        cf.conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF;")?;
        cf.conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        migrations().to_version(&mut cf.conn, version as usize).map_err(|e| Error::Migration(e.to_string()))?;
        configure(&cf.conn)?;
        Ok(cf)
    }

    /// Run every migration this build has that the file has not had yet.
    pub fn upgrade(&mut self) -> Result<()> {
        migrations().to_latest(&mut self.conn).map_err(|e| Error::Migration(e.to_string()))
    }
}

/// The page cache of a case file's connection, in KiB. SQLite's default (2 MiB) is smaller
/// than what the briefing of a busy customer touches in a 1M-entry file, and every miss is a
/// read from the OS: 8 MiB took that briefing from 3.6 ms to 2.4 ms (median) and its p99
/// from 5–7 ms to 3 ms. It fills only as pages are read, so small files cost no more.
const CACHE_KIB: i64 = 8_192;

/// Connection settings that are not part of the schema, set on every open.
fn configure(conn: &Connection) -> Result<()> {
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Migration(format!("the file could not be switched to WAL journaling (it reports {mode})")));
    }
    // FULL: a commit is on disk when it returns, so a power cut loses nothing acknowledged.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    conn.busy_timeout(std::time::Duration::from_millis(3000))?;
    #[cfg(target_os = "macos")]
    conn.pragma_update(None, "fullfsync", "ON")?;
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    conn.set_prepared_statement_cache_capacity(128);
    Ok(())
}

fn apply_key(conn: &Connection, passphrase: &str) -> Result<()> {
    conn.pragma_update(None, "key", passphrase)?;
    Ok(())
}

#[cfg(test)]
mod tests;
