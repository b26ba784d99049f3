//! Before the call: the customer briefing, the dashboard, search and reminders over IPC.
//! Thin adapters onto `casefile_core`; today always comes from the case file's clock.

use crate::state::AppState;
use casefile_core::briefing::{self, Briefing};
use casefile_core::dashboard::Dashboard;
use casefile_core::reminders::{self, Reminder};
use casefile_core::search::{self, Results, SearchQuery};
use casefile_core::Result;
use tauri::{AppHandle, Runtime, State};

#[tauri::command(async)]
pub fn get_briefing(state: State<'_, AppState>, account_id: String) -> Result<Briefing> {
    state.with_file(|cf| briefing::for_account(cf.conn(), cf.today(), &account_id))
}

#[tauri::command(async)]
pub fn get_dashboard(state: State<'_, AppState>) -> Result<Dashboard> {
    state.with_file(|cf| state.early.dashboard(cf))
}

#[tauri::command(async)]
pub fn search_case_file(state: State<'_, AppState>, query: SearchQuery) -> Result<Results> {
    state.with_file(|cf| search::search(cf.conn(), cf.today(), &query))
}

#[tauri::command(async)]
pub fn list_reminders(state: State<'_, AppState>) -> Result<Vec<Reminder>> {
    state.with_file(|cf| reminders::list(cf.conn(), cf.today()))
}

#[tauri::command(async)]
pub fn snooze_reminder(state: State<'_, AppState>, key: String, until: String) -> Result<Reminder> {
    state.with_file(|cf| reminders::snooze(cf, &key, &until))
}

#[tauri::command(async)]
pub fn dismiss_reminder(state: State<'_, AppState>, key: String) -> Result<()> {
    state.with_file(|cf| reminders::dismiss(cf, &key))
}

/// Check now (the window asks after the ledger changes): native notifications for the
/// reminders not yet notified, sent from here, never from the window. Returns what was sent.
#[tauri::command(async)]
pub fn check_reminders<R: Runtime>(app: AppHandle<R>) -> Result<Vec<Reminder>> {
    crate::reminders::check(&app)
}
