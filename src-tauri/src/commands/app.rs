//! Opening, creating and closing case files. The native dialogs are shown from here rather
//! than from the window, so the window needs no dialog permission at all.

use crate::state::{About, AppState, Status};
use casefile_core::{demo, CaseFile, Error, Result};
use std::path::PathBuf;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;

const EXTENSION: &str = "casefile";

#[tauri::command(async)]
pub fn app_status(state: State<'_, AppState>) -> Status {
    state.status()
}

/// Open `path`, or ask for one with the native dialog when none is given.
/// Returns the new status; a cancelled dialog changes nothing.
#[tauri::command(async)]
pub fn open_case_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, path: Option<String>) -> Result<Status> {
    let path = match path.filter(|p| !p.trim().is_empty()) {
        Some(p) => PathBuf::from(p),
        None => {
            let picked = file_dialog(&app)
                .set_title("Open case file")
                .add_filter("Case files", &[EXTENSION])
                .add_filter("All files", &["*"])
                .blocking_pick_file();
            match picked.and_then(|p| p.into_path().ok()) {
                Some(p) => p,
                None => return Ok(state.status()),
            }
        }
    };
    let result = state.open(&path, false);
    crate::refresh_title(&app, &state);
    result.map(|_| state.status())
}

/// Ask where to put a new case file, create it there, and open it.
#[tauri::command(async)]
pub fn new_case_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, path: Option<String>) -> Result<Status> {
    let path = match path.filter(|p| !p.trim().is_empty()) {
        Some(p) => PathBuf::from(p),
        None => {
            let mut dialog = file_dialog(&app)
                .set_title("New case file")
                .set_can_create_directories(true)
                .set_file_name(format!("My case file.{EXTENSION}"))
                .add_filter("Case files", &[EXTENSION]);
            // Documents when the desktop has one, else home: never the app's own data folder.
            if let Ok(dir) = app.path().document_dir().or_else(|_| app.path().home_dir()) {
                dialog = dialog.set_directory(dir);
            }
            let picked = dialog.blocking_save_file();
            match picked.and_then(|p| p.into_path().ok()) {
                Some(p) if p.extension().is_none() => p.with_extension(EXTENSION),
                Some(p) => p,
                None => return Ok(state.status()),
            }
        }
    };
    if path.exists() {
        return Err(Error::validation(
            "path",
            format!("{} already exists. Casefile never overwrites a file: choose a new name, or use Open.", path.display()),
        ));
    }
    let result = state.open(&path, true);
    crate::refresh_title(&app, &state);
    result.map(|_| state.status())
}

/// A native file dialog that belongs to the main window, so it opens over it and is modal.
fn file_dialog<R: Runtime>(app: &AppHandle<R>) -> tauri_plugin_dialog::FileDialogBuilder<R> {
    let dialog = app.dialog().file();
    match app.get_webview_window("main") {
        Some(window) => dialog.set_parent(&window),
        None => dialog,
    }
}

/// Make a fresh demo case file in the app's data folder and open it.
#[tauri::command(async)]
pub fn open_demo<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Result<Status> {
    let path = state.data_dir.join(format!("demo.{EXTENSION}"));
    std::fs::create_dir_all(&state.data_dir).map_err(|e| Error::io("Cannot create the app data folder", e))?;
    state.close();
    replace_old_demo(&path)?;
    demo::write(&path, &demo::DemoOptions::default())?;
    let result = state.open(&path, false);
    crate::refresh_title(&app, &state);
    result.map(|_| state.status())
}

/// Only a file that is itself a Casefile demo is ever removed to make way for a new demo.
fn replace_old_demo(path: &std::path::Path) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let is_demo = CaseFile::open_with(path, casefile_core::OpenOptions::default())
        .and_then(|cf| casefile_core::settings::get(cf.conn()))
        .map(|s| s.is_demo)
        .unwrap_or(false);
    if !is_demo {
        return Err(Error::conflict(format!("{} exists and is not a Casefile demo, so it was left alone.", path.display())));
    }
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", path.display()));
        if p.exists() {
            std::fs::remove_file(&p).map_err(|e| Error::io("Cannot replace the old demo", e))?;
        }
    }
    Ok(())
}

/// Version, licence, schema version and where the file and Casefile's own folders are.
#[tauri::command(async)]
pub fn about(state: State<'_, AppState>) -> About {
    state.about()
}

/// Close the file on purpose: the next start shows the welcome screen instead of reopening it.
#[tauri::command(async)]
pub fn close_case_file<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> Status {
    state.close();
    state.forget();
    crate::refresh_title(&app, &state);
    state.status()
}
