//! The promise ledger over IPC: thin adapters onto `casefile_core::promises` and
//! `casefile_core::lost_revenue`. Today always comes from the case file's clock.

use crate::state::AppState;
use casefile_core::events::Event;
use casefile_core::lost_revenue::{self, LostInput, LostRevenue, LostTotals};
use casefile_core::model::Page;
use casefile_core::promises::draft::{self, Draft, DraftInput};
use casefile_core::promises::follow_ups::{self, FollowUp, FollowUpInput, ReplyInput};
use casefile_core::promises::lifecycle::{self, BreakInput, DisputeInput, KeepInput, ReopenInput, RenegotiateInput, WithdrawInput};
use casefile_core::promises::links::{self, LinkedComplaint};
use casefile_core::promises::load::{self, Load};
use casefile_core::promises::query::{self, Counts, PromiseQuery};
use casefile_core::promises::record::{self, PromiserRecord};
use casefile_core::promises::suggest::{self, Suggestion};
use casefile_core::promises::{self, DueDate, Promise, PromiseInput, Saved};
use casefile_core::{Error, Result};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

#[tauri::command(async)]
pub fn list_promises(state: State<'_, AppState>, query: PromiseQuery) -> Result<Page<Promise>> {
    state.with_file(|cf| query::list(cf.conn(), cf.today(), &query))
}

#[tauri::command(async)]
pub fn promise_counts(state: State<'_, AppState>) -> Result<Counts> {
    state.with_file(|cf| query::counts(cf.conn(), cf.today()))
}

/// Everything the promise's own page shows.
#[derive(Serialize)]
pub struct PromiseDetail {
    promise: Promise,
    due_dates: Vec<DueDate>,
    follow_ups: Vec<FollowUp>,
    lost: Vec<LostRevenue>,
    lost_totals: LostTotals,
    complaints: Vec<LinkedComplaint>,
    timeline: Vec<Event>,
}

#[tauri::command(async)]
pub fn get_promise(state: State<'_, AppState>, id: String) -> Result<PromiseDetail> {
    state.with_file(|cf| {
        let conn = cf.conn();
        Ok(PromiseDetail {
            promise: promises::get(conn, &id, cf.today())?,
            due_dates: promises::due_dates(conn, &id)?,
            follow_ups: follow_ups::list_for_promise(conn, &id)?,
            lost: lost_revenue::list_for_promise(conn, &id)?,
            lost_totals: lost_revenue::totals_for_promise(conn, &id)?,
            complaints: links::complaints_for_promise(conn, &id)?,
            timeline: query::timeline(conn, &id)?,
        })
    })
}

#[tauri::command(async)]
pub fn create_promise(state: State<'_, AppState>, input: PromiseInput) -> Result<Saved> {
    state.with_file(|cf| promises::create(cf, &input))
}

#[tauri::command(async)]
pub fn update_promise(state: State<'_, AppState>, id: String, input: PromiseInput) -> Result<Saved> {
    state.with_file(|cf| promises::update(cf, &id, &input))
}

#[tauri::command(async)]
pub fn keep_promise(state: State<'_, AppState>, id: String, input: KeepInput) -> Result<Promise> {
    state.with_file(|cf| lifecycle::keep(cf, &id, &input))
}

#[tauri::command(async)]
pub fn break_promise(state: State<'_, AppState>, id: String, input: BreakInput) -> Result<Promise> {
    state.with_file(|cf| lifecycle::break_promise(cf, &id, &input))
}

#[tauri::command(async)]
pub fn withdraw_promise(state: State<'_, AppState>, id: String, input: WithdrawInput) -> Result<Promise> {
    state.with_file(|cf| lifecycle::withdraw(cf, &id, &input))
}

#[tauri::command(async)]
pub fn renegotiate_promise(state: State<'_, AppState>, id: String, input: RenegotiateInput) -> Result<Promise> {
    state.with_file(|cf| lifecycle::renegotiate(cf, &id, &input))
}

#[tauri::command(async)]
pub fn reopen_promise(state: State<'_, AppState>, id: String, input: ReopenInput) -> Result<Promise> {
    state.with_file(|cf| lifecycle::reopen(cf, &id, &input))
}

#[tauri::command(async)]
pub fn dispute_promise(state: State<'_, AppState>, id: String, input: DisputeInput) -> Result<Promise> {
    state.with_file(|cf| lifecycle::set_disputed(cf, &id, &input))
}

#[tauri::command(async)]
pub fn add_follow_up(state: State<'_, AppState>, promise_id: String, input: FollowUpInput) -> Result<FollowUp> {
    state.with_file(|cf| follow_ups::add(cf, &promise_id, &input))
}

#[tauri::command(async)]
pub fn record_reply(state: State<'_, AppState>, follow_up_id: String, input: ReplyInput) -> Result<FollowUp> {
    state.with_file(|cf| follow_ups::record_reply(cf, &follow_up_id, &input))
}

#[tauri::command(async)]
pub fn retract_follow_up(state: State<'_, AppState>, id: String, reason: String) -> Result<FollowUp> {
    state.with_file(|cf| follow_ups::retract(cf, &id, &reason))
}

#[tauri::command(async)]
pub fn draft_confirmation(state: State<'_, AppState>, promise_id: String, options: DraftInput) -> Result<Draft> {
    state.with_file(|cf| draft::draft(cf.conn(), &promise_id, cf.today(), &options))
}

/// Open the drafted confirmation in the user's mail app. The URL is built here from the
/// record, never taken from the window, so the window cannot open arbitrary URLs.
#[tauri::command(async)]
pub fn open_confirmation_draft<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, promise_id: String, options: DraftInput) -> Result<Draft> {
    let d = state.with_file(|cf| draft::draft(cf.conn(), &promise_id, cf.today(), &options))?;
    app.opener()
        .open_url(d.mailto.clone(), None::<&str>)
        .map_err(|e| Error::io("Could not open your mail app", std::io::Error::other(e.to_string())))?;
    Ok(d)
}

#[tauri::command(async)]
pub fn promiser_records(state: State<'_, AppState>) -> Result<Vec<PromiserRecord>> {
    state.with_file(|cf| record::all(cf.conn(), cf.today()))
}

#[tauri::command(async)]
pub fn commitment_load(state: State<'_, AppState>, person_id: String, adding_due: Option<String>, weeks: Option<u32>) -> Result<Load> {
    state.with_file(|cf| load::load(cf.conn(), &person_id, cf.today(), weeks.unwrap_or(6), adding_due.as_deref()))
}

#[tauri::command(async)]
pub fn suggest_promisers(state: State<'_, AppState>, text: String) -> Result<Vec<Suggestion>> {
    state.with_file(|cf| suggest::promisers(cf.conn(), &text, 8))
}

#[tauri::command(async)]
pub fn suggest_counterparties(state: State<'_, AppState>, text: String) -> Result<Vec<Suggestion>> {
    state.with_file(|cf| suggest::counterparties(cf.conn(), &text, 8))
}

#[tauri::command(async)]
pub fn record_lost_revenue(state: State<'_, AppState>, input: LostInput) -> Result<LostRevenue> {
    state.with_file(|cf| lost_revenue::record(cf, &input))
}

#[tauri::command(async)]
pub fn retract_lost_revenue(state: State<'_, AppState>, id: String, reason: String) -> Result<LostRevenue> {
    state.with_file(|cf| lost_revenue::retract(cf, &id, &reason))
}

/// A customer's promises and what their broken ones cost, for the customer's page.
#[derive(Serialize)]
pub struct AccountPromises {
    promises: Vec<Promise>,
    lost: LostTotals,
}

#[tauri::command(async)]
pub fn account_promises(state: State<'_, AppState>, account_id: String) -> Result<AccountPromises> {
    state.with_file(|cf| {
        Ok(AccountPromises {
            promises: query::for_account(cf.conn(), &account_id, cf.today(), 200)?,
            lost: lost_revenue::totals_for_account(cf.conn(), &account_id)?,
        })
    })
}

#[tauri::command(async)]
pub fn link_complaint(state: State<'_, AppState>, promise_id: String, complaint_id: String) -> Result<Vec<LinkedComplaint>> {
    state.with_file(|cf| links::link(cf, &promise_id, &complaint_id))
}

#[tauri::command(async)]
pub fn linkable_complaints(state: State<'_, AppState>, promise_id: String) -> Result<Vec<LinkedComplaint>> {
    state.with_file(|cf| links::linkable_complaints(cf.conn(), &promise_id))
}
