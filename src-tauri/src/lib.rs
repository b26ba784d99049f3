//! The Tauri shell: plugins, the open case file as managed state, and the IPC handlers.
//! Everything a user can do lives in `casefile_core`; this crate only adapts it.

#[cfg(target_os = "linux")]
mod drawing;
pub mod commands;
mod early;
pub mod reminders;
pub mod state;
pub mod trust;

use state::AppState;
use std::path::PathBuf;
use tauri::{Manager, Runtime};

/// Plugins and handlers shared by the real app and the command tests, which pass
/// `tauri::test::mock_builder()` as `base` to run the same commands on the mock runtime.
pub fn builder<R: Runtime>(base: tauri::Builder<R>) -> tauri::Builder<R> {
    base.plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::app::open_case_file,
            commands::app::new_case_file,
            commands::app::open_demo,
            commands::app::close_case_file,
            commands::settings::get_settings,
            commands::settings::save_settings,
            commands::people::list_people,
            commands::people::get_person,
            commands::people::create_person,
            commands::people::update_person,
            commands::people::delete_person,
            commands::accounts::list_accounts,
            commands::accounts::get_account,
            commands::accounts::create_account,
            commands::accounts::update_account,
            commands::accounts::transfer_account,
            commands::accounts::create_contact,
            commands::accounts::update_contact,
            commands::accounts::delete_contact,
            commands::promises::list_promises,
            commands::promises::promise_counts,
            commands::promises::get_promise,
            commands::promises::create_promise,
            commands::promises::update_promise,
            commands::promises::keep_promise,
            commands::promises::break_promise,
            commands::promises::withdraw_promise,
            commands::promises::renegotiate_promise,
            commands::promises::reopen_promise,
            commands::promises::dispute_promise,
            commands::promises::add_follow_up,
            commands::promises::record_reply,
            commands::promises::retract_follow_up,
            commands::promises::draft_confirmation,
            commands::promises::open_confirmation_draft,
            commands::promises::promiser_records,
            commands::promises::commitment_load,
            commands::promises::suggest_promisers,
            commands::promises::suggest_counterparties,
            commands::promises::record_lost_revenue,
            commands::promises::retract_lost_revenue,
            commands::promises::account_promises,
            commands::promises::link_complaint,
            commands::promises::linkable_complaints,
            commands::complaints::list_complaints,
            commands::complaints::get_complaint,
            commands::complaints::create_complaint,
            commands::complaints::edit_complaint,
            commands::complaints::move_complaint,
            commands::complaints::create_remedy,
            commands::complaints::set_remedy_status,
            commands::complaints::list_root_causes,
            commands::complaints::create_root_cause,
            commands::complaints::update_root_cause,
            commands::complaints::root_cause_report,
            commands::evidence::create_event,
            commands::evidence::revise_event,
            commands::evidence::retract_event,
            commands::evidence::get_event,
            commands::evidence::list_events,
            commands::evidence::get_timeline,
            commands::evidence::list_decisions,
            commands::evidence::get_decision,
            commands::evidence::create_decision,
            commands::evidence::decide,
            commands::files::list_attachments,
            commands::files::add_files,
            commands::files::pick_files,
            commands::files::save_attachment_copy,
            commands::trust::integrity_status,
            commands::trust::verify_record,
            commands::trust::note_activity,
            commands::trust::lock_case_file,
            commands::trust::unlock_case_file,
            commands::trust::change_passphrase,
            commands::trust::list_backups,
            commands::trust::back_up_now,
            commands::trust::restore_backup,
            commands::trust::redaction_preview,
            commands::trust::redact_event,
            commands::trust::export_case_file,
            commands::trust::export_csv,
            commands::trust::import_case_file,
            commands::app::about,
            commands::packet::packet_preview,
            commands::packet::save_packet,
            commands::packet::open_packet,
            commands::packet::save_briefing_pdf,
            commands::briefing::get_briefing,
            commands::briefing::get_dashboard,
            commands::briefing::search_case_file,
            commands::briefing::list_reminders,
            commands::briefing::snooze_reminder,
            commands::briefing::dismiss_reminder,
            commands::briefing::check_reminders,
        ])
}

/// Open the window. `file` comes from `--file`; without it, the last file used is reopened,
/// and on a first run the window shows its welcome screen.
pub fn run(file: Option<PathBuf>) {
    #[cfg(target_os = "linux")]
    drawing::choose();
    let app = builder(tauri::Builder::default())
        // First, so a second launch hands over to the running window before doing anything.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
            }
        }))
        .setup(move |app| {
            let config_dir = app.path().app_config_dir()?;
            let data_dir = app.path().app_data_dir()?;
            let state = AppState::new(config_dir, data_dir);
            let wanted = file.clone().or_else(|| state.last_file());
            let failure = wanted.as_ref().and_then(|p| state.open(p, file.is_some()).err());
            app.manage(state);
            if failure.is_none() {
                early::Early::prepare(app.handle().clone());
            }
            refresh_title(app.handle(), &app.state::<AppState>());
            trust::start(app.handle().clone());
            // An encrypted file is not a failure: the window asks for its passphrase.
            let failure = failure.filter(|e| e.kind() != "needs_passphrase");
            reminders::start(app.handle().clone());
            if let Some(e) = failure {
                use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
                app.dialog()
                    .message(e.to_string())
                    .title("Casefile could not open the file")
                    .kind(MessageDialogKind::Error)
                    .show(|_| {});
            }
            Ok(())
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|app, event| {
            // Close the case file on the way out so SQLite checkpoints its WAL into the file.
            if let tauri::RunEvent::Exit = event {
                app.state::<AppState>().close();
            }
        }),
        Err(e) => {
            eprintln!("casefile: the window could not start: {e}");
            std::process::exit(1);
        }
    }
}

/// Keep the window title in step with the open file.
pub fn refresh_title<R: Runtime>(app: &tauri::AppHandle<R>, state: &AppState) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.set_title(&state.title());
    }
}
