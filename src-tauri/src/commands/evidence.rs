//! The evidence timeline and decisions: thin adapters to the core.

use crate::state::AppState;
use casefile_core::decisions::{self, DecideInput, Decision, DecisionInput, DecisionQuery};
use casefile_core::events::{self, Event, EventInput, EventQuery, EventView, RetractInput};
use casefile_core::model::Page;
use casefile_core::timeline::{self, TimelineItem, TimelineQuery};
use casefile_core::Result;
use tauri::State;

#[tauri::command(async)]
pub fn create_event(state: State<'_, AppState>, input: EventInput) -> Result<Event> {
    state.with_file(|cf| events::create(cf, &input))
}

#[tauri::command(async)]
pub fn revise_event(state: State<'_, AppState>, id: String, input: EventInput) -> Result<Event> {
    state.with_file(|cf| events::revise(cf, &id, &input))
}

#[tauri::command(async)]
pub fn retract_event(state: State<'_, AppState>, id: String, input: RetractInput) -> Result<Event> {
    state.with_file(|cf| events::retract(cf, &id, &input))
}

#[tauri::command(async)]
pub fn get_event(state: State<'_, AppState>, id: String) -> Result<EventView> {
    state.with_file(|cf| events::view(cf.conn(), events::get(cf.conn(), &id)?))
}

#[tauri::command(async)]
pub fn list_events(state: State<'_, AppState>, query: EventQuery) -> Result<Page<EventView>> {
    state.with_file(|cf| events::list(cf.conn(), &query))
}

#[tauri::command(async)]
pub fn get_timeline(state: State<'_, AppState>, query: TimelineQuery) -> Result<Page<TimelineItem>> {
    state.with_file(|cf| timeline::list(cf.conn(), cf.today(), &query))
}

#[tauri::command(async)]
pub fn list_decisions(state: State<'_, AppState>, query: DecisionQuery) -> Result<Page<Decision>> {
    state.with_file(|cf| decisions::list(cf.conn(), &query))
}

#[tauri::command(async)]
pub fn get_decision(state: State<'_, AppState>, id: String) -> Result<Decision> {
    state.with_file(|cf| decisions::get(cf.conn(), &id))
}

#[tauri::command(async)]
pub fn create_decision(state: State<'_, AppState>, input: DecisionInput) -> Result<Decision> {
    state.with_file(|cf| decisions::create(cf, &input))
}

#[tauri::command(async)]
pub fn decide(state: State<'_, AppState>, id: String, input: DecideInput) -> Result<Decision> {
    state.with_file(|cf| decisions::decide(cf, &id, &input))
}
