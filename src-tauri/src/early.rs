//! The first screen's figures, worked out while WebKit starts.
//!
//! From `run()` to the page's first request takes about 300 ms, nearly all of it WebKit
//! starting its processes, and the core sits idle. The dashboard is the usual first screen:
//! on a cold page cache it takes 10–15 ms at 100k entries, and the status and settings the
//! page asks for at the same time wait behind it on the one connection. So setup works it out
//! on a thread straight after opening the file, and the first `get_dashboard` is answered
//! from that, provided nothing could have changed it since: the same file, no write on its
//! connection, the same day, and only moments ago. Any later request is worked out afresh.

use crate::state::AppState;
use casefile_core::dashboard::{self, Dashboard};
use casefile_core::{CaseFile, Result};
use casefile_core::chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tauri::{AppHandle, Manager, Runtime};

/// Long enough for a slow start, short enough that nobody reads an answer from before a pause.
const FRESH_FOR: Duration = Duration::from_secs(5);

#[derive(Default)]
pub struct Early {
    slot: Mutex<Option<Answer>>,
}

struct Answer {
    key: Key,
    at: Instant,
    dashboard: Dashboard,
}

/// What the dashboard depends on besides the rows themselves, and the count of rows written.
#[derive(PartialEq)]
struct Key {
    path: Option<PathBuf>,
    changes: u64,
    today: NaiveDate,
}

fn key(cf: &CaseFile) -> Key {
    Key { path: cf.path().map(PathBuf::from), changes: cf.conn().total_changes(), today: cf.today() }
}

impl Early {
    /// Work the dashboard out now, off the main thread, if a file is open.
    pub fn prepare<R: Runtime>(app: AppHandle<R>) {
        let spawned = std::thread::Builder::new().name("first-screen".into()).spawn(move || {
            let state = app.state::<AppState>();
            let _ = state.peek(|cf| {
                let dashboard = dashboard::build(cf.conn(), cf.today())?;
                state.early.keep(Answer { key: key(cf), at: Instant::now(), dashboard });
                Ok(())
            });
        });
        // Without the thread the first request simply works the figures out itself.
        drop(spawned);
    }

    fn keep(&self, answer: Answer) {
        *self.slot.lock().unwrap_or_else(|p| p.into_inner()) = Some(answer);
    }

    /// Forget any answer, when another file is opened or this one closed.
    pub fn clear(&self) {
        self.slot.lock().unwrap_or_else(|p| p.into_inner()).take();
    }

    /// The dashboard of `cf`: the early answer once, if it still holds, else worked out now.
    pub fn dashboard(&self, cf: &CaseFile) -> Result<Dashboard> {
        let early = self.slot.lock().unwrap_or_else(|p| p.into_inner()).take();
        match early {
            Some(a) if a.at.elapsed() < FRESH_FOR && a.key == key(cf) => Ok(a.dashboard),
            _ => dashboard::build(cf.conn(), cf.today()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use casefile_core::accounts::{self, AccountInput};

    fn answer(cf: &CaseFile) -> Answer {
        Answer { key: key(cf), at: Instant::now(), dashboard: dashboard::build(cf.conn(), cf.today()).unwrap() }
    }

    #[test]
    fn the_early_answer_is_given_once_and_only_while_nothing_was_written() {
        let mut cf = CaseFile::open_in_memory().unwrap();
        let early = Early::default();
        let mut kept = answer(&cf);
        kept.dashboard.today = "kept".into();
        early.keep(kept);
        assert_eq!(early.dashboard(&cf).unwrap().today, "kept", "unchanged: the early answer");
        assert_ne!(early.dashboard(&cf).unwrap().today, "kept", "only once");

        let mut kept = answer(&cf);
        kept.dashboard.today = "kept".into();
        early.keep(kept);
        accounts::create(&mut cf, &AccountInput { name: "Written since".into(), ..Default::default() }).unwrap();
        assert_ne!(early.dashboard(&cf).unwrap().today, "kept", "a write since: worked out afresh");

        let mut kept = answer(&cf);
        kept.dashboard.today = "kept".into();
        kept.at -= FRESH_FOR;
        early.keep(kept);
        assert_ne!(early.dashboard(&cf).unwrap().today, "kept", "too old: worked out afresh");

        let mut kept = answer(&cf);
        kept.dashboard.today = "kept".into();
        early.keep(kept);
        early.clear();
        assert_ne!(early.dashboard(&cf).unwrap().today, "kept", "cleared when another file opens");
    }
}
