//! Complaints, their remedies, and the root-cause tree: thin adapters to the core.

use crate::state::AppState;
use casefile_core::complaints::workflow::{self, ComplaintDetail};
use casefile_core::complaints::{self, Complaint, ComplaintEdit, ComplaintInput, ComplaintQuery, ComplaintRow, TransitionInput};
use casefile_core::model::Page;
use casefile_core::remedies::{self, Remedy, RemedyInput, RemedyStatusInput};
use casefile_core::root_causes::{self, RootCause, RootCauseInput, RootCauseReport, RootCauseSummary};
use casefile_core::Result;
use tauri::State;

#[tauri::command(async)]
pub fn list_complaints(state: State<'_, AppState>, query: ComplaintQuery) -> Result<Page<ComplaintRow>> {
    state.with_file(|cf| complaints::list(cf.conn(), cf.today(), &query))
}

#[tauri::command(async)]
pub fn get_complaint(state: State<'_, AppState>, id: String) -> Result<ComplaintDetail> {
    state.with_file(|cf| workflow::detail(cf.conn(), cf.today(), &id))
}

#[tauri::command(async)]
pub fn create_complaint(state: State<'_, AppState>, input: ComplaintInput) -> Result<Complaint> {
    state.with_file(|cf| complaints::create(cf, &input))
}

#[tauri::command(async)]
pub fn edit_complaint(state: State<'_, AppState>, id: String, input: ComplaintEdit) -> Result<Complaint> {
    state.with_file(|cf| complaints::edit(cf, &id, &input))
}

#[tauri::command(async)]
pub fn move_complaint(state: State<'_, AppState>, id: String, input: TransitionInput) -> Result<Complaint> {
    state.with_file(|cf| workflow::transition(cf, &id, &input))
}

#[tauri::command(async)]
pub fn create_remedy(state: State<'_, AppState>, input: RemedyInput) -> Result<Remedy> {
    state.with_file(|cf| remedies::create(cf, &input))
}

#[tauri::command(async)]
pub fn set_remedy_status(state: State<'_, AppState>, id: String, input: RemedyStatusInput) -> Result<Remedy> {
    state.with_file(|cf| remedies::set_status(cf, &id, &input))
}

#[tauri::command(async)]
pub fn list_root_causes(state: State<'_, AppState>) -> Result<Vec<RootCauseSummary>> {
    state.with_file(|cf| root_causes::tree(cf.conn()))
}

#[tauri::command(async)]
pub fn create_root_cause(state: State<'_, AppState>, input: RootCauseInput) -> Result<RootCause> {
    state.with_file(|cf| root_causes::create(cf, &input))
}

#[tauri::command(async)]
pub fn update_root_cause(state: State<'_, AppState>, id: String, input: RootCauseInput) -> Result<RootCause> {
    state.with_file(|cf| root_causes::update(cf, &id, &input))
}

#[tauri::command(async)]
pub fn root_cause_report(state: State<'_, AppState>, id: String, months: Option<u32>) -> Result<RootCauseReport> {
    state.with_file(|cf| root_causes::report(cf.conn(), &id, cf.today(), months.unwrap_or(12)))
}
