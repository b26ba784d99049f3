//! What the shell keeps for the trust features while a file is open, and the one background
//! thread that works for them: verifying the record, taking backups, and locking when idle.
//!
//! The passphrase of an unlocked file is held here in memory only (never logged, never in
//! recent.json), because the background work opens connections of its own to the file. It
//! is wiped on lock and close.

use crate::state::AppState;
use casefile_core::{backup, damage, settings};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::{Emitter, Manager, Runtime};

/// A passphrase in memory: not printable by accident, and overwritten when dropped.
pub struct Secret(String);

impl Secret {
    pub fn new(s: String) -> Secret {
        Secret(s)
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl Drop for Secret {
    fn drop(&mut self) {
        // Overwrite the bytes before the allocation is freed, so the passphrase does not
        // linger in freed memory. Zero bytes keep the String valid UTF-8.
        // SAFETY: only NUL bytes are written, which is valid UTF-8.
        let bytes = unsafe { self.0.as_bytes_mut() };
        for b in bytes.iter_mut() {
            // SAFETY: `b` is a valid, exclusive reference into the string's buffer.
            unsafe { std::ptr::write_volatile(b, 0) };
        }
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// What the sidebar shows about the record.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Integrity {
    /// checking, intact, broken, damaged, or none (no file open).
    pub state: &'static str,
    pub links: u64,
    pub head: String,
    pub problem: Option<casefile_core::chain::Problem>,
    pub damage: Option<String>,
    pub millis: u64,
    pub checked_at: Option<String>,
}

impl Integrity {
    pub fn none() -> Integrity {
        Integrity { state: "none", links: 0, head: String::new(), problem: None, damage: None, millis: 0, checked_at: None }
    }
    fn checking(links: u64) -> Integrity {
        Integrity { state: "checking", links, ..Integrity::none() }
    }
    pub fn from_check(c: damage::FileCheck, now: String) -> Integrity {
        let state = if c.damage.is_some() {
            "damaged"
        } else if c.verification.ok {
            "intact"
        } else {
            "broken"
        };
        Integrity {
            state,
            links: c.verification.links,
            head: c.verification.head,
            problem: c.verification.problem,
            damage: c.damage,
            millis: c.millis,
            checked_at: Some(now),
        }
    }
}

pub struct TrustState {
    secret: Mutex<Option<Secret>>,
    last_activity: Mutex<Instant>,
    /// Bumped on every open, so the background thread notices a new file.
    pub generation: AtomicU64,
    integrity: Mutex<Integrity>,
    pub backups_root: PathBuf,
}

impl TrustState {
    pub fn new(data_dir: &Path) -> TrustState {
        TrustState {
            secret: Mutex::new(None),
            last_activity: Mutex::new(Instant::now()),
            generation: AtomicU64::new(0),
            integrity: Mutex::new(Integrity::none()),
            backups_root: data_dir.join("backups"),
        }
    }

    fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
        m.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn opened(&self, passphrase: Option<String>) {
        *Self::lock(&self.secret) = passphrase.filter(|p| !p.is_empty()).map(Secret::new);
        *Self::lock(&self.integrity) = Integrity::checking(0);
        self.touch();
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    pub fn forget(&self) {
        *Self::lock(&self.secret) = None;
        *Self::lock(&self.integrity) = Integrity::none();
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// The passphrase of the open file, for a background connection or a sealed export.
    pub fn passphrase(&self) -> Option<String> {
        Self::lock(&self.secret).as_ref().map(|s| s.expose().to_string())
    }

    pub fn set_passphrase(&self, p: Option<String>) {
        *Self::lock(&self.secret) = p.filter(|p| !p.is_empty()).map(Secret::new);
    }

    pub fn touch(&self) {
        *Self::lock(&self.last_activity) = Instant::now();
    }

    pub fn idle_for(&self) -> Duration {
        Self::lock(&self.last_activity).elapsed()
    }

    pub fn integrity(&self) -> Integrity {
        Self::lock(&self.integrity).clone()
    }

    pub fn set_integrity(&self, i: Integrity) {
        *Self::lock(&self.integrity) = i;
    }

    pub fn backup_folder(&self, case_file: &Path) -> PathBuf {
        backup::folder_for(&self.backups_root, case_file)
    }
}

/// How long a "minute" of the idle lock lasts. Journeys shorten it with
/// CASEFILE_LOCK_MINUTE_MS so a lock can be watched without waiting a real minute.
fn minute() -> Duration {
    let ms = std::env::var("CASEFILE_LOCK_MINUTE_MS").ok().and_then(|v| v.parse().ok()).unwrap_or(60_000u64);
    Duration::from_millis(ms.max(100))
}

/// Verify the open file (and check its pages) without holding the window's lock: through a
/// connection of its own when the file is on disk, on the shared connection when in memory.
pub fn check_now(state: &AppState) -> Integrity {
    let now = casefile_core::when::instant(chrono_now());
    let target = state.peek(|cf| Ok(cf.path().map(Path::to_path_buf)));
    let result = match target {
        Ok(Some(path)) => damage::check_file(&path, state.trust.passphrase().as_deref()),
        Ok(None) => state.peek(|cf| damage::check_conn(cf.conn())),
        Err(_) => return Integrity::none(),
    };
    // The open file remembers a clean verification, so the packet's integrity page need not
    // walk the whole chain again while nothing changes (casefile_core::chain::verified).
    if let Ok(c) = &result {
        if c.damage.is_none() {
            let _ = state.peek(|cf| cf.remember_verification(&c.verification));
        }
    }
    let integrity = match result {
        Ok(c) => Integrity::from_check(c, now),
        Err(e) => Integrity { state: "damaged", damage: Some(e.to_string()), ..Integrity::none() },
    };
    state.trust.set_integrity(integrity.clone());
    integrity
}

fn chrono_now() -> casefile_core::chrono::DateTime<casefile_core::chrono::Utc> {
    casefile_core::chrono::Utc::now()
}

/// Take a backup of the open file now, from a connection of its own.
pub fn back_up(state: &AppState) -> casefile_core::Result<backup::BackupInfo> {
    let path = state.peek(|cf| Ok(cf.path().map(Path::to_path_buf)))?;
    let Some(path) = path else {
        return Err(casefile_core::Error::conflict("An in-memory case file has no backups."));
    };
    let folder = state.trust.backup_folder(&path);
    backup::take(&path, state.trust.passphrase().as_deref(), &folder, chrono_now())
}

/// How long after a file opens its first check and backup wait.
const FIRST_CHECK_AFTER: Duration = Duration::from_millis(2500);

/// The background work runs at a lower priority than the window's threads, so verifying a
/// million-entry record never makes a click wait (Linux, where the nice value is per thread).
fn yield_to_the_window() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority only read and set this thread's scheduling priority.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, 10);
    }
}

/// The background thread: on each newly opened file, verify it and take a backup; after
/// writes, verify again; once a day, back up; when idle too long, lock an encrypted file.
pub fn start<R: Runtime>(app: tauri::AppHandle<R>) {
    std::thread::Builder::new()
        .name("casefile-trust".into())
        .spawn(move || {
            yield_to_the_window();
            let mut seen_generation = u64::MAX;
            let mut verified_head: Option<(u64, String)> = None;
            let mut head_changed_at: Option<Instant> = None;
            let mut last_backup_look = Instant::now();
            let mut opened_at: Option<Instant> = None;
            loop {
                std::thread::sleep(Duration::from_millis(400));
                let state = app.state::<AppState>();
                let generation = state.trust.generation.load(Ordering::SeqCst);
                if generation != seen_generation {
                    seen_generation = generation;
                    verified_head = None;
                    opened_at = Some(Instant::now());
                    continue;
                }
                // A newly opened file is checked and backed up once the window has drawn its
                // first screens: on a big file that work takes seconds of CPU, and the user's
                // first clicks come first.
                if let Some(at) = opened_at {
                    if at.elapsed() < FIRST_CHECK_AFTER {
                        continue;
                    }
                    opened_at = None;
                    if state.is_open() {
                        let _ = app.emit("integrity", Integrity::checking(0));
                        let head = state.peek(|cf| casefile_core::chain::head(cf.conn())).ok();
                        let i = check_now(&state);
                        verified_head = head;
                        let _ = app.emit("integrity", i);
                        if back_up(&state).is_ok() {
                            let _ = app.emit("backups", ());
                        }
                    }
                    continue;
                }
                if !state.is_open() {
                    continue;
                }
                // Re-verify a moment after the record grew, so a burst of writes costs one check.
                let head = state.peek(|cf| casefile_core::chain::head(cf.conn())).ok();
                if head.is_some() && head != verified_head {
                    let since = *head_changed_at.get_or_insert_with(Instant::now);
                    if since.elapsed() > Duration::from_millis(1200) {
                        head_changed_at = None;
                        let i = check_now(&state);
                        verified_head = head;
                        let _ = app.emit("integrity", i);
                    }
                } else {
                    head_changed_at = None;
                }
                if last_backup_look.elapsed() > Duration::from_secs(600) {
                    last_backup_look = Instant::now();
                    let due = state
                        .peek(|cf| Ok(cf.path().map(Path::to_path_buf)))
                        .ok()
                        .flatten()
                        .map(|p| backup::due(&state.trust.backup_folder(&p), chrono_now()).unwrap_or(false))
                        .unwrap_or(false);
                    if due && back_up(&state).is_ok() {
                        let _ = app.emit("backups", ());
                    }
                }
                let minutes = state.peek(|cf| Ok((settings::get(cf.conn())?.lock_after_minutes, cf.is_encrypted()))).unwrap_or((0, false));
                if let (m, true) = minutes {
                    if m > 0 && state.trust.idle_for() >= minute() * m {
                        state.lock_file(format!("Casefile locked itself after {m} idle minute{}.", if m == 1 { "" } else { "s" }));
                        crate::refresh_title(&app, &state);
                        let _ = app.emit("locked", ());
                    }
                }
            }
        })
        .map(|_| ())
        .unwrap_or_else(|e| eprintln!("casefile: the background checks could not start: {e}"));
}
