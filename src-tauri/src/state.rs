//! What the window has open: one case file, or none (first run, or a file that could not
//! be opened). Commands reach the case file only through [`AppState::with_file`], which
//! holds the lock for the whole command so writes never interleave.

use casefile_core::{settings, CaseFile, Error, OpenOptions, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

pub enum Workspace {
    /// No file is open. `problem` says why, when a file was asked for and could not be opened.
    /// The problem is kept as its `{kind, message}` form, which is all the window needs.
    Closed { path: Option<PathBuf>, problem: Option<serde_json::Value> },
    Open(CaseFile),
}

pub struct AppState {
    workspace: Mutex<Workspace>,
    /// Where Casefile keeps its own small files (the last file used) and the demo.
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
    /// The passphrase while unlocked, the record's verification, activity for the idle lock.
    pub trust: crate::trust::TrustState,
    /// The first screen's figures, worked out while the window starts.
    pub early: crate::early::Early,
}

#[derive(Debug, Serialize)]
pub struct FileInfo {
    pub path: String,
    pub name: String,
    pub schema_version: u32,
    pub encrypted: bool,
    pub is_demo: bool,
    pub your_name: String,
}

/// What the About box shows: enough to answer "which Casefile is this, and where is my data?"
#[derive(Debug, Serialize)]
pub struct About {
    pub version: &'static str,
    pub licence: &'static str,
    pub licence_text: &'static str,
    /// The schema version this build writes; the open file's own is in `file`.
    pub schema_version: u32,
    pub file: Option<FileInfo>,
    pub data_dir: String,
    pub config_dir: String,
    pub platform: String,
}

#[derive(Debug, Serialize)]
pub struct Status {
    pub version: &'static str,
    pub file: Option<FileInfo>,
    pub problem: Option<serde_json::Value>,
    pub problem_path: Option<String>,
    pub data_dir: String,
}

impl AppState {
    pub fn new(config_dir: PathBuf, data_dir: PathBuf) -> AppState {
        let trust = crate::trust::TrustState::new(&data_dir);
        AppState { workspace: Mutex::new(Workspace::Closed { path: None, problem: None }), config_dir, data_dir, trust, early: Default::default() }
    }

    fn lock(&self) -> MutexGuard<'_, Workspace> {
        // A command that panicked mid-way leaves the SQLite transaction rolled back, so the
        // file is consistent; carry on rather than poisoning every later command.
        self.workspace.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A state with `cf` already open (command tests use an in-memory file).
    pub fn with_case_file(cf: CaseFile, config_dir: PathBuf, data_dir: PathBuf) -> AppState {
        let trust = crate::trust::TrustState::new(&data_dir);
        AppState { workspace: Mutex::new(Workspace::Open(cf)), config_dir, data_dir, trust, early: Default::default() }
    }

    /// Run `f` on the open case file, or fail with `no_file_open`.
    pub fn with_file<T>(&self, f: impl FnOnce(&mut CaseFile) -> Result<T>) -> Result<T> {
        self.trust.touch();
        self.peek(f)
    }

    /// Like [`AppState::with_file`], for the background thread: it does not count as the
    /// user being active, so it never keeps the idle lock away.
    pub fn peek<T>(&self, f: impl FnOnce(&mut CaseFile) -> Result<T>) -> Result<T> {
        match &mut *self.lock() {
            Workspace::Open(cf) => f(cf),
            Workspace::Closed { .. } => Err(Error::NoFileOpen),
        }
    }

    /// Open (or create) `path`, replacing whatever was open. On failure the previous file
    /// stays closed and the problem is kept to show in the window.
    pub fn open(&self, path: &Path, create: bool) -> Result<()> {
        self.open_with_passphrase(path, create, None)
    }

    /// Open `path` with its passphrase (from the unlock screen). The passphrase is kept in
    /// memory only, for as long as the file stays open.
    pub fn open_with_passphrase(&self, path: &Path, create: bool, passphrase: Option<String>) -> Result<()> {
        let mut ws = self.lock();
        // Close the current file first so a reopen of the same file sees it released.
        *ws = Workspace::Closed { path: None, problem: None };
        self.trust.forget();
        self.early.clear();
        match CaseFile::open_with(path, OpenOptions { create, passphrase: passphrase.clone(), ..Default::default() }) {
            Ok(cf) => {
                *ws = Workspace::Open(cf);
                drop(ws);
                self.trust.opened(passphrase);
                self.remember(path);
                Ok(())
            }
            Err(e) => {
                let shown = serde_json::to_value(&e).ok();
                *ws = Workspace::Closed { path: Some(path.to_path_buf()), problem: shown };
                Err(e)
            }
        }
    }

    pub fn close(&self) {
        *self.lock() = Workspace::Closed { path: None, problem: None };
        self.early.clear();
        self.trust.forget();
    }

    pub fn is_open(&self) -> bool {
        matches!(&*self.lock(), Workspace::Open(_))
    }

    /// Lock an encrypted file: close it, forget its passphrase, and leave the path for the
    /// unlock screen. A file without a passphrase has nothing to lock.
    pub fn lock_file(&self, why: String) -> bool {
        let mut ws = self.lock();
        let path = match &*ws {
            Workspace::Open(cf) if cf.is_encrypted() => cf.path().map(Path::to_path_buf),
            _ => return false,
        };
        let problem = serde_json::json!({ "kind": "locked", "message": why });
        *ws = Workspace::Closed { path, problem: Some(problem) };
        drop(ws);
        self.trust.forget();
        true
    }

    /// Hand the open file to `f`, which closes it and gives back a file to keep open (the
    /// same file re-encrypted, or restored from a backup). On failure `f` gives back the
    /// original, or nothing when it could not be reopened: then the window shows why.
    #[allow(clippy::result_large_err)]
    pub fn replace_file<T>(
        &self,
        f: impl FnOnce(CaseFile) -> std::result::Result<(CaseFile, T), (Option<CaseFile>, casefile_core::Error)>,
    ) -> Result<T> {
        let mut ws = self.lock();
        let cf = match std::mem::replace(&mut *ws, Workspace::Closed { path: None, problem: None }) {
            Workspace::Open(cf) => cf,
            closed => {
                *ws = closed;
                return Err(Error::NoFileOpen);
            }
        };
        let path = cf.path().map(Path::to_path_buf);
        match f(cf) {
            Ok((cf, value)) => {
                *ws = Workspace::Open(cf);
                Ok(value)
            }
            Err((Some(cf), e)) => {
                *ws = Workspace::Open(cf);
                Err(e)
            }
            Err((None, e)) => {
                *ws = Workspace::Closed { path, problem: serde_json::to_value(&e).ok() };
                drop(ws);
                self.trust.forget();
                Err(e)
            }
        }
    }

    pub fn status(&self) -> Status {
        let ws = self.lock();
        let (file, problem, problem_path) = match &*ws {
            Workspace::Open(cf) => (file_info(cf).ok(), None, None),
            Workspace::Closed { path, problem } => {
                (None, problem.clone(), path.as_ref().map(|p| p.display().to_string()))
            }
        };
        Status { version: env!("CARGO_PKG_VERSION"), file, problem, problem_path, data_dir: self.data_dir.display().to_string() }
    }

    pub fn about(&self) -> About {
        About {
            version: env!("CARGO_PKG_VERSION"),
            licence: env!("CARGO_PKG_LICENSE"),
            licence_text: include_str!("../../LICENSE"),
            schema_version: casefile_core::db::schema_version(),
            file: self.status().file,
            data_dir: self.data_dir.display().to_string(),
            config_dir: self.config_dir.display().to_string(),
            platform: format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
        }
    }

    /// The window title names the open file, and says DEMO when it is the demo.
    pub fn title(&self) -> String {
        match self.status().file {
            Some(f) if f.is_demo => format!("{} — DEMO — Casefile", f.name),
            Some(f) => format!("{} — Casefile", f.name),
            None => "Casefile".to_string(),
        }
    }

    fn recent_path(&self) -> PathBuf {
        self.config_dir.join("recent.json")
    }

    /// The last file used, if it still exists.
    pub fn last_file(&self) -> Option<PathBuf> {
        let text = std::fs::read_to_string(self.recent_path()).ok()?;
        let v: serde_json::Value = serde_json::from_str(&text).ok()?;
        let p = PathBuf::from(v.get("last_file")?.as_str()?);
        p.exists().then_some(p)
    }

    /// Stop reopening the last file on the next start (the user closed it on purpose).
    pub fn forget(&self) {
        let _ = std::fs::remove_file(self.recent_path());
    }

    /// Written to a temporary file and renamed, so a crash never leaves it half-written.
    fn remember(&self, path: &Path) {
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let body = serde_json::json!({ "last_file": abs.display().to_string() }).to_string();
        let target = self.recent_path();
        let tmp = target.with_extension("json.tmp");
        let _ = std::fs::create_dir_all(&self.config_dir)
            .and_then(|_| std::fs::write(&tmp, body))
            .and_then(|_| std::fs::rename(&tmp, &target));
    }
}

fn file_info(cf: &CaseFile) -> Result<FileInfo> {
    let path = cf.path().map(|p| p.display().to_string()).unwrap_or_else(|| ":memory:".into());
    let name = cf.path().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "In memory".into());
    let s = settings::get(cf.conn())?;
    Ok(FileInfo { path, name, schema_version: cf.user_version()?, encrypted: cf.is_encrypted(), is_demo: s.is_demo, your_name: s.your_name })
}
