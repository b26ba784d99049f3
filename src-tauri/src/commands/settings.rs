use crate::state::AppState;
use casefile_core::settings::{self, Settings};
use casefile_core::Result;
use tauri::{AppHandle, State};

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> Result<Settings> {
    state.with_file(|cf| settings::get(cf.conn()))
}

#[tauri::command(async)]
pub fn save_settings<R: tauri::Runtime>(app: AppHandle<R>, state: State<'_, AppState>, settings: Settings) -> Result<Settings> {
    let saved = state.with_file(|cf| settings::save(cf, settings))?;
    crate::refresh_title(&app, &state);
    Ok(saved)
}
