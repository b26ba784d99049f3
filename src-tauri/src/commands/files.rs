//! Files: attaching them, importing .eml files, and saving copies back out. The native
//! file dialogs are driven from here, so the window needs no dialog permission; dropped
//! files arrive as paths (from Tauri's drag-drop event) and take the same path as chosen ones.

use crate::state::AppState;
use casefile_core::attachments::{self, Attachment, Target};
use casefile_core::intake::{self, IntakeReport};
use casefile_core::{Error, Result};
use serde::Serialize;
use std::path::PathBuf;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;

#[tauri::command(async)]
pub fn list_attachments(state: State<'_, AppState>, target: Target) -> Result<Vec<Attachment>> {
    state.with_file(|cf| attachments::list_for(cf.conn(), &target))
}

/// Add files by path: what a drop on the window sends, and what the dialogs below use.
#[tauri::command(async)]
pub fn add_files(state: State<'_, AppState>, target: Target, paths: Vec<String>) -> Result<IntakeReport> {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    state.with_file(|cf| intake::add_files(cf, &target, &paths))
}

/// Choose files in the native dialog and add them; `emails` limits the dialog to .eml files.
/// A cancelled dialog adds nothing and returns None.
#[tauri::command(async)]
pub fn pick_files<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, target: Target, emails: Option<bool>) -> Result<Option<IntakeReport>> {
    let mut dialog = app.dialog().file();
    dialog = if emails.unwrap_or(false) {
        dialog.set_title("Import e-mails (.eml)").add_filter("E-mail messages", &["eml"])
    } else {
        dialog.set_title("Attach files").add_filter("All files", &["*"])
    };
    let picked = dialog.blocking_pick_files().unwrap_or_default();
    let paths: Vec<PathBuf> = picked.into_iter().filter_map(|p| p.into_path().ok()).collect();
    if paths.is_empty() {
        return Ok(None);
    }
    state.with_file(|cf| intake::add_files(cf, &target, &paths)).map(Some)
}

#[derive(Serialize)]
pub struct SavedCopy {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

/// "Save a copy…": ask where (unless a path is given), then write the exact bytes there.
#[tauri::command(async)]
pub fn save_attachment_copy<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: String, path: Option<String>) -> Result<Option<SavedCopy>> {
    let attachment = state.with_file(|cf| attachments::get(cf.conn(), &id))?;
    let dest = match path.filter(|p| !p.trim().is_empty()) {
        Some(p) => PathBuf::from(p),
        None => {
            let dir = app.path().download_dir().or_else(|_| app.path().document_dir()).unwrap_or_else(|_| state.data_dir.clone());
            let picked = app.dialog().file().set_title("Save a copy").set_directory(dir).set_file_name(&attachment.name).blocking_save_file();
            match picked.and_then(|p| p.into_path().ok()) {
                Some(p) => p,
                None => return Ok(None),
            }
        }
    };
    if dest.is_dir() {
        return Err(Error::validation("path", format!("{} is a folder; choose a file name.", dest.display())));
    }
    let bytes = state.with_file(|cf| attachments::save_copy(cf.conn(), &id, &dest))?;
    Ok(Some(SavedCopy { path: dest.display().to_string(), bytes, sha256: attachment.sha256 }))
}
