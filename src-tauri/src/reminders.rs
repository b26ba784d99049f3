//! The periodic reminder check: at startup and every few minutes, native notifications for
//! reminders not yet notified, sent from Rust so the window needs no notification
//! permission. It respects `settings.notifications`: when they are off or denied nothing is
//! sent or marked as notified, so nothing is lost once they are allowed. When the desktop has
//! no notification server (as under Xvfb) sending fails quietly. Either way the reminders stay
//! in the window's own list.

use crate::state::AppState;
use casefile_core::reminders::{self, Reminder};
use casefile_core::{settings, Error, Result};
use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_notification::{NotificationExt, PermissionState};

/// How often the window's reminders are checked while it is open.
pub const EVERY: Duration = Duration::from_secs(5 * 60);
/// The first check waits for the window to settle after startup.
pub const FIRST_AFTER: Duration = Duration::from_secs(3);
/// More reminders than this at once are sent as one summary notification.
pub const ONE_BY_ONE: usize = 3;

/// The window listens for this to refresh its reminders list.
pub const CHANGED: &str = "reminders-changed";

/// Send the notifications due now; returns the reminders notified.
pub fn check<R: Runtime>(app: &AppHandle<R>) -> Result<Vec<Reminder>> {
    let state = app.state::<AppState>();
    let enabled = match state.with_file(|cf| settings::get(cf.conn())) {
        Ok(s) => s.notifications,
        Err(Error::NoFileOpen) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let allowed = matches!(app.notification().permission_state(), Ok(PermissionState::Granted));
    if !enabled || !allowed {
        return Ok(Vec::new());
    }
    let due = state.with_file(reminders::take_notifications)?;
    if due.is_empty() {
        return Ok(due);
    }
    let sent = if due.len() > ONE_BY_ONE {
        let overdue = due.iter().filter(|r| r.kind == reminders::ReminderKind::Overdue).count();
        let title = format!("{} reminders in your case file", due.len());
        let body = if overdue > 0 { format!("{overdue} promise(s) overdue. Open Casefile to see them all.") } else { "Open Casefile to see them.".into() };
        notify(app, &title, &body)
    } else {
        // Every reminder is sent even when one fails.
        let mut all = true;
        for r in &due {
            all &= notify(app, &r.title, &r.body);
        }
        all
    };
    if !sent {
        eprintln!("casefile: notifications are unavailable; the reminders are in the window");
    }
    let _ = app.emit(CHANGED, ());
    Ok(due)
}

fn notify<R: Runtime>(app: &AppHandle<R>, title: &str, body: &str) -> bool {
    app.notification().builder().title(title).body(body).show().is_ok()
}

/// Run the check at startup and then every [`EVERY`], on a thread of its own.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new().name("reminders".into()).spawn(move || {
        std::thread::sleep(FIRST_AFTER);
        loop {
            if let Err(e) = check(&app) {
                eprintln!("casefile: the reminder check failed: {e}");
            }
            std::thread::sleep(EVERY);
        }
    });
    if let Err(e) = spawned {
        eprintln!("casefile: reminders are not checked in the background: {e}");
    }
}
