use crate::state::AppState;
use casefile_core::model::Page;
use casefile_core::people::{self, PeopleQuery, Person, PersonInput};
use casefile_core::Result;
use tauri::State;

#[tauri::command(async)]
pub fn list_people(state: State<'_, AppState>, query: PeopleQuery) -> Result<Page<Person>> {
    state.with_file(|cf| people::list(cf.conn(), &query))
}

#[tauri::command(async)]
pub fn get_person(state: State<'_, AppState>, id: String) -> Result<Person> {
    state.with_file(|cf| people::get(cf.conn(), &id))
}

#[tauri::command(async)]
pub fn create_person(state: State<'_, AppState>, input: PersonInput) -> Result<Person> {
    state.with_file(|cf| people::create(cf, &input))
}

#[tauri::command(async)]
pub fn update_person(state: State<'_, AppState>, id: String, input: PersonInput) -> Result<Person> {
    state.with_file(|cf| people::update(cf, &id, &input))
}

#[tauri::command(async)]
pub fn delete_person(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with_file(|cf| people::delete(cf, &id))
}
