//! The trust commands: the record's verification, locking and the passphrase, backups,
//! redaction, and export/import. Each adapts one core function; the native file dialogs are
//! shown from here, so the window needs no dialog permission.

use crate::state::{AppState, Status};
use crate::trust::{self, Integrity};
use casefile_core::backup::{self, BackupInfo, Restored};
use casefile_core::events::RedactionPreview;
use casefile_core::exchange::{self, import, ExportSummary};
use casefile_core::{passphrase, redact, Error, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Emitter, Runtime, State};
use tauri_plugin_dialog::DialogExt;

// ---- the record ----

#[tauri::command(async)]
pub fn integrity_status(state: State<'_, AppState>) -> Integrity {
    let cached = state.trust.integrity();
    if cached.state == "none" && state.is_open() { trust::check_now(&state) } else { cached }
}

#[tauri::command(async)]
pub fn verify_record<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Integrity {
    let i = trust::check_now(&state);
    let _ = app.emit("integrity", i.clone());
    i
}

// ---- locking and the passphrase ----

/// The window calls this (at most every few seconds) while the user types or moves the mouse.
#[tauri::command(async)]
pub fn note_activity(state: State<'_, AppState>) {
    state.trust.touch();
}

#[tauri::command(async)]
pub fn lock_case_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<Status> {
    if !state.lock_file("Locked. Enter the passphrase to go on.".into()) {
        return Err(Error::conflict("Only a case file with a passphrase can be locked: set one on the Safety screen."));
    }
    crate::refresh_title(&app, &state);
    Ok(state.status())
}

/// Open the encrypted file the unlock screen is showing (or `path`) with `passphrase`.
#[tauri::command(async)]
pub fn unlock_case_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, path: Option<String>, passphrase: String) -> Result<Status> {
    let path = path.filter(|p| !p.trim().is_empty()).map(PathBuf::from).or_else(|| state.status().problem_path.map(PathBuf::from));
    let Some(path) = path else { return Err(Error::NoFileOpen) };
    if passphrase.is_empty() {
        return Err(Error::validation("passphrase", "Enter the passphrase."));
    }
    let result = state.open_with_passphrase(&path, false, Some(passphrase));
    crate::refresh_title(&app, &state);
    match result {
        Ok(()) => Ok(state.status()),
        // The window shows a wrong passphrase next to the field, and the file stays locked.
        Err(e @ Error::WrongPassphrase { .. }) => Err(Error::validation("passphrase", e.to_string())),
        Err(e) => Err(e),
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct PassphraseInput {
    /// The current passphrase; empty when the file has none.
    current: String,
    /// The new passphrase; empty to remove it.
    new: String,
    repeat: String,
}

/// Set, change or remove the passphrase. Backups are re-keyed to match, so they always open
/// with the file's own passphrase.
#[tauri::command(async)]
pub fn change_passphrase<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, input: PassphraseInput) -> Result<Status> {
    let new = (!input.new.is_empty()).then_some(input.new.clone());
    if let Some(n) = &new {
        passphrase::check_new("new", n, &input.repeat)?;
    }
    let current = (!input.current.is_empty()).then_some(input.current.clone());
    let path = state.with_file(|cf| Ok(cf.path().map(Path::to_path_buf)))?;
    state.replace_file(|cf| passphrase::change(cf, current.as_deref(), new.as_deref()).map(|cf| (cf, ())))?;
    state.trust.set_passphrase(new.clone());
    if let Some(path) = path {
        passphrase::rekey_backups(&state.trust.backup_folder(&path), current.as_deref(), new.as_deref())?;
    }
    let _ = app.emit("backups", ());
    Ok(state.status())
}

// ---- backups ----

#[derive(Serialize)]
pub struct Backups {
    pub folder: String,
    pub backups: Vec<BackupInfo>,
}

/// The file backups are about: the open one, or the one that could not be opened.
fn backed_up_file(state: &AppState) -> Result<Option<PathBuf>> {
    match state.with_file(|cf| Ok(cf.path().map(Path::to_path_buf))) {
        Err(Error::NoFileOpen) => Ok(state.status().problem_path.map(PathBuf::from)),
        other => other,
    }
}

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Result<Backups> {
    let Some(path) = backed_up_file(&state)? else { return Ok(Backups { folder: String::new(), backups: Vec::new() }) };
    let folder = state.trust.backup_folder(&path);
    Ok(Backups { folder: folder.display().to_string(), backups: backup::list(&folder)? })
}

#[tauri::command(async)]
pub fn back_up_now(state: State<'_, AppState>) -> Result<BackupInfo> {
    state.trust.touch();
    trust::back_up(&state)
}

/// Restore the backup called `name` over the open file, after checking it; the current file
/// is kept aside beside it. With no file open (it was refused as damaged), the backup takes
/// the place of the file that could not be opened, which is kept aside too; `passphrase` is
/// then the backup's, when it is encrypted.
#[tauri::command(async)]
pub fn restore_backup<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, name: String, passphrase: Option<String>) -> Result<Restored> {
    let path = backed_up_file(&state)?.ok_or(Error::NoFileOpen)?;
    let folder = state.trust.backup_folder(&path);
    let chosen = backup::list(&folder)?.into_iter().find(|b| b.name == name).ok_or_else(|| Error::not_found("backup", name.clone()))?;
    if !state.is_open() {
        let key = passphrase.filter(|p| !p.is_empty());
        let (_cf, restored) = backup::restore_damaged(&path, Path::new(&chosen.path), key.as_deref(), casefile_core::chrono::Utc::now())?;
        drop(_cf);
        state.open_with_passphrase(&path, false, key)?;
        crate::refresh_title(&app, &state);
        return Ok(restored);
    }
    let key = state.trust.passphrase();
    let restored = state.replace_file(|cf| backup::restore(cf, Path::new(&chosen.path), key.as_deref()))?;
    // A fresh file for the background thread: verify the restored record and back it up.
    state.trust.opened(key);
    crate::refresh_title(&app, &state);
    Ok(restored)
}

// ---- redaction ----

#[tauri::command(async)]
pub fn redaction_preview(state: State<'_, AppState>, id: String) -> Result<RedactionPreview> {
    state.with_file(|cf| redact::preview(cf, &id))
}

#[tauri::command(async)]
pub fn redact_event(state: State<'_, AppState>, id: String, confirm: String) -> Result<RedactionPreview> {
    state.with_file(|cf| redact::redact(cf, &id, &confirm))
}

// ---- export and import ----

fn save_dialog<R: Runtime>(app: &AppHandle<R>, title: &str, name: &str, filter: (&str, &str)) -> Option<PathBuf> {
    let picked = app.dialog().file().set_title(title).set_file_name(name).add_filter(filter.0, &[filter.1]).blocking_save_file();
    picked.and_then(|p| p.into_path().ok())
}

fn open_dialog<R: Runtime>(app: &AppHandle<R>, title: &str, filter: (&str, &str)) -> Option<PathBuf> {
    let picked = app.dialog().file().set_title(title).add_filter(filter.0, &[filter.1]).add_filter("All files", &["*"]).blocking_pick_file();
    picked.and_then(|p| p.into_path().ok())
}

#[derive(Serialize)]
pub struct Exported {
    pub path: String,
    pub summary: ExportSummary,
}

fn stem(state: &AppState) -> String {
    state.status().file.map(|f| f.name.trim_end_matches(".casefile").to_string()).unwrap_or_else(|| "case file".into())
}

/// Export everything as JSON to where the user chooses (sealed when the file is encrypted).
/// Returns None when the dialog was cancelled.
#[tauri::command(async)]
pub fn export_case_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<Option<Exported>> {
    let name = format!("{} export.json", stem(&state));
    let Some(path) = save_dialog(&app, "Export the case file", &name, ("Casefile export", "json")) else { return Ok(None) };
    let key = state.trust.passphrase();
    let summary = state.with_file(|cf| exchange::export_to(cf.conn(), &path, if cf.is_encrypted() { key.as_deref() } else { None }))?;
    Ok(Some(Exported { path: path.display().to_string(), summary }))
}

/// Write promises or complaints as CSV. A CSV is never encrypted, so for an encrypted file
/// the window must have asked first (`plaintext_ok`).
#[tauri::command(async)]
pub fn export_csv<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, table: String, plaintext_ok: bool) -> Result<Option<Exported>> {
    let encrypted = state.with_file(|cf| Ok(cf.is_encrypted()))?;
    if encrypted && !plaintext_ok {
        return Err(Error::validation("plaintext_ok", "This case file is encrypted and a CSV is not: confirm first."));
    }
    let label = exchange::csv::CSV_TABLES.iter().find(|(t, _)| *t == table).map(|(_, l)| *l).unwrap_or("Table");
    let name = format!("{} {}.csv", stem(&state), label.to_lowercase());
    let Some(path) = save_dialog(&app, &format!("Export {label} as CSV"), &name, ("CSV", "csv")) else { return Ok(None) };
    let mut bytes = Vec::new();
    let rows = state.with_file(|cf| exchange::csv::write_csv(cf.conn(), &table, &mut bytes))?;
    exchange::write_atomically(&path, &bytes)?;
    Ok(Some(Exported { path: path.display().to_string(), summary: ExportSummary { rows, tables: 1, bytes: bytes.len() as u64, encrypted: false } }))
}

#[derive(Serialize)]
pub struct Imported {
    pub summary: import::ImportSummary,
    pub status: Status,
}

/// Import an export into a new case file and open it. The export is chosen with the native
/// dialog, then where the new file goes; `source` and `passphrase` come back when a sealed
/// export needed its passphrase. Progress is sent as `import-progress` events.
#[tauri::command(async)]
pub fn import_case_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, source: Option<String>, passphrase: Option<String>) -> Result<Option<Imported>> {
    let source = match source.filter(|s| !s.is_empty()) {
        Some(s) => PathBuf::from(s),
        None => match open_dialog(&app, "Import a Casefile export", ("Casefile export", "json")) {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    let bytes = std::fs::read(&source).map_err(|e| Error::io(format!("Cannot read {}", source.display()), e))?;
    let passphrase = passphrase.filter(|p| !p.is_empty());
    let doc = match import::Document::parse(&bytes, passphrase.as_deref()) {
        Ok(d) => d,
        // The window asks for the passphrase and calls again with the same source.
        Err(Error::NeedsPassphrase { .. }) => {
            return Err(Error::validation("passphrase", format!("{} is sealed with a passphrase: enter it to import.", source.display())))
        }
        Err(Error::WrongPassphrase { .. }) => return Err(Error::validation("passphrase", "That passphrase does not open this export.")),
        Err(e) => return Err(e),
    };
    let name = format!("{}.casefile", source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "Imported".into()));
    let Some(target) = save_dialog(&app, "Save the imported case file as", &name, ("Case files", "casefile")) else { return Ok(None) };
    let target = if target.extension().is_none() { target.with_extension("casefile") } else { target };
    if target.exists() {
        return Err(Error::validation("path", format!("{} already exists. An import goes into a new file: choose a new name.", target.display())));
    }
    let sealed = exchange::seal::is_sealed(&bytes);
    let key = if sealed { passphrase.clone() } else { None };
    let mut last = std::time::Instant::now();
    let summary = import::import_file(&target, &doc, key.as_deref(), &mut |p| {
        if p.done == 0 || p.done == p.total || last.elapsed().as_millis() > 60 {
            last = std::time::Instant::now();
            let _ = app.emit("import-progress", p);
        }
    })?;
    state.open_with_passphrase(&target, false, key)?;
    crate::refresh_title(&app, &state);
    Ok(Some(Imported { summary, status: state.status() }))
}
