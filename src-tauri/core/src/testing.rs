//! Shared helpers for the core's own tests.

use crate::clock::FixedClock;
use crate::db::CaseFile;
use chrono::NaiveDate;
use std::sync::Arc;

/// A temporary directory removed on drop, so tests need no extra crate.
pub mod tempdir {
    use std::path::{Path, PathBuf};
    pub struct Dir(PathBuf);
    impl Dir {
        pub fn new(tag: &str) -> Dir {
            let p = std::env::temp_dir().join(format!("casefile-test-{tag}-{}-{}", std::process::id(), uuid::Uuid::now_v7()));
            std::fs::create_dir_all(&p).unwrap();
            Dir(p)
        }
        pub fn path(&self) -> &Path {
            &self.0
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An in-memory case file whose "today" is the given day, and the clock to move it.
pub fn case_file_on(today: NaiveDate) -> (CaseFile, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::on(today));
    let cf = CaseFile::open_in_memory_with(clock.clone()).unwrap();
    (cf, clock)
}

/// A small customer world for the evidence tests (complaints, remedies, timeline ...).
pub mod evidence;

/// The plans and full scans of the statements a function runs.
pub mod plans;
