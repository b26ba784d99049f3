//! The packet builder over IPC: the live preview of the figures, "Save PDF…" through the
//! native dialog, and "Open" in the system's PDF viewer. The dialog and the opener are driven
//! from here, so the window needs neither permission, and it can only ever open a packet
//! this session saved — never a path of its own choosing.

use crate::state::AppState;
use casefile_core::packet::{self, PacketInput, Preview, Progress};
use casefile_core::{Error, Result};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// The event the window listens to while a packet is made.
pub const PROGRESS_EVENT: &str = "packet-progress";

/// The packets (and one-page briefings) saved in this session: the only paths "Open" accepts.
#[derive(Default)]
pub struct SavedPackets(Mutex<Vec<PathBuf>>);

impl SavedPackets {
    fn remember(&self, path: PathBuf) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).push(path);
    }

    fn contains(&self, path: &std::path::Path) -> bool {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).iter().any(|p| p == path)
    }
}

fn saved<R: Runtime>(app: &AppHandle<R>) -> tauri::State<'_, SavedPackets> {
    if app.try_state::<SavedPackets>().is_none() {
        app.manage(SavedPackets::default());
    }
    app.state::<SavedPackets>()
}

fn source_of(cf: &casefile_core::CaseFile) -> String {
    cf.path().map(|p| p.display().to_string()).unwrap_or_else(|| "(in memory)".into())
}

/// The figures the packet will open with, for the builder's preview.
#[tauri::command(async)]
pub fn packet_preview(state: State<'_, AppState>, input: PacketInput) -> Result<Preview> {
    state.with_file(|cf| {
        let spec = packet::check(cf.conn(), &input, cf.now(), cf.today(), &source_of(cf))?;
        packet::preview(cf.conn(), &spec)
    })
}

#[derive(Debug, Serialize)]
pub struct SavedPacket {
    pub path: String,
    pub name: String,
    pub bytes: u64,
    pub size: String,
    pub pages: usize,
    pub records_sha256: String,
}

/// Check the request, ask where to save with the native dialog, make the packet (telling the
/// window how far it has got), and write it. A cancelled dialog saves nothing: `None`.
#[tauri::command(async)]
pub fn save_packet<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, input: PacketInput) -> Result<Option<SavedPacket>> {
    // Bad input is reported before any dialog opens.
    let spec = state.with_file(|cf| packet::check(cf.conn(), &input, cf.now(), cf.today(), &source_of(cf)))?;
    let Some(dest) = ask_where(&app, &state, "Save the escalation packet", packet::suggested_file_name(&spec)) else {
        return Ok(None);
    };
    let emit = |p: Progress| {
        let _ = app.emit(PROGRESS_EVENT, &p);
    };
    let made = state.with_file(|cf| packet::build_for(cf, &spec, &mut |p| emit(p)))?;
    write(&app, dest, &made.pdf, made.pages, made.records_sha256).map(Some)
}

/// The one-page briefing of one customer as a PDF: ask where with the native dialog, make it
/// from the same briefing the screen shows, and write it. A cancelled dialog saves nothing.
#[tauri::command(async)]
pub fn save_briefing_pdf<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, account_id: String) -> Result<Option<SavedPacket>> {
    let suggested = state.with_file(|cf| {
        let name = casefile_core::accounts::get(cf.conn(), &account_id)?.name;
        Ok(packet::briefing_file_name(&name, cf.today(), casefile_core::settings::get(cf.conn())?.is_demo))
    })?;
    let Some(dest) = ask_where(&app, &state, "Save the one-page briefing", suggested) else {
        return Ok(None);
    };
    let made = state.with_file(|cf| {
        let briefing = casefile_core::briefing::for_account(cf.conn(), cf.today(), &account_id)?;
        let settings = casefile_core::settings::get(cf.conn())?;
        packet::one_pager::briefing_pdf(&briefing, &settings, cf.now())
    })?;
    write(&app, dest, &made.pdf, made.pages, String::new()).map(Some)
}

/// Open a packet saved in this session in the system's PDF viewer.
#[tauri::command(async)]
pub fn open_packet<R: Runtime>(app: AppHandle<R>, path: String) -> Result<()> {
    let wanted = std::fs::canonicalize(&path).unwrap_or_else(|_| PathBuf::from(&path));
    if !saved(&app).contains(&wanted) {
        return Err(Error::validation("path", "Only a packet saved in this session can be opened from here."));
    }
    app.opener().open_path(wanted.display().to_string(), None::<&str>).map_err(|e| Error::conflict(format!("The PDF viewer could not be started: {e}")))
}

/// The native save dialog for a PDF, opened in the user's documents; `None` when cancelled.
fn ask_where<R: Runtime>(app: &AppHandle<R>, state: &AppState, title: &str, suggested: String) -> Option<PathBuf> {
    let dir = app.path().document_dir().or_else(|_| app.path().download_dir()).unwrap_or_else(|_| state.data_dir.clone());
    let picked = app.dialog().file().set_title(title).set_directory(dir).set_file_name(suggested).add_filter("PDF documents", &["pdf"]).blocking_save_file();
    let mut dest = picked.and_then(|p| p.into_path().ok())?;
    if dest.extension().is_none_or(|e| !e.eq_ignore_ascii_case("pdf")) {
        dest.set_extension("pdf");
    }
    Some(dest)
}

/// Write the PDF, remember it for "Open" and describe what was saved.
fn write<R: Runtime>(app: &AppHandle<R>, dest: PathBuf, pdf: &[u8], pages: usize, records_sha256: String) -> Result<SavedPacket> {
    packet::save(&dest, pdf)?;
    let dest = std::fs::canonicalize(&dest).unwrap_or(dest);
    saved(app).remember(dest.clone());
    Ok(SavedPacket {
        name: dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        path: dest.display().to_string(),
        bytes: pdf.len() as u64,
        size: casefile_core::attachments::describe_size(pdf.len() as u64),
        pages,
        records_sha256,
    })
}
