//! The demo case file: a realistic year in the life of Dana Whitfield, a director caught
//! between customers and her own management, covering the five situations in USERS.md.
//!
//! It is deterministic: the same seed and "as of" day give the same file, ids included.
//! Dates are laid out backwards from the "as of" day, so the demo always has promises due
//! this week, overdue ones, and twelve months of history, whenever it is made.
//!
//! Everything is written through the core's own functions, so the demo obeys every rule
//! and is fully chained.

mod cast;
mod complaints;
mod scale;
mod promises;

pub use cast::Cast;
pub use promises::DemoPromises;

use crate::clock::FixedClock;
use crate::db::{CaseFile, OpenOptions};
use crate::error::{Error, Result};
use chrono::{Duration, NaiveDate};
use std::path::Path;
use std::sync::Arc;

pub struct DemoOptions {
    pub seed: u64,
    /// Extra timeline entries for tests at scale.
    pub entries: u64,
    /// The day the demo treats as today; `None` for the real today.
    pub as_of: Option<NaiveDate>,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions { seed: 1, entries: 0, as_of: None }
    }
}

/// Write a new demo file at `path`. An existing file is never overwritten.
pub fn write(path: &Path, opts: &DemoOptions) -> Result<String> {
    if path.exists() {
        return Err(Error::validation(
            "file",
            format!("{} already exists. The demo never overwrites a file; choose a new path.", path.display()),
        ));
    }
    let as_of = opts.as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    let clock = Arc::new(FixedClock::on(as_of - Duration::days(400)));
    let mut cf = CaseFile::open_with(path, OpenOptions { create: true, passphrase: None, clock: Some(clock.clone()) })?;
    let summary = populate(&mut cf, &clock, as_of, opts);
    match summary {
        Ok(s) => Ok(s),
        Err(e) => {
            // A half-made demo is worth nothing; it is our own new file, so remove it.
            drop(cf);
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
            Err(e)
        }
    }
}

/// Fill an empty case file with the demo story. The clock is moved through the year so that
/// every row is recorded at a plausible time.
pub fn populate(cf: &mut CaseFile, clock: &FixedClock, as_of: NaiveDate, opts: &DemoOptions) -> Result<String> {
    let story = Story { clock, as_of, seed: opts.seed };
    let cast = cast::populate(cf, &story)?;
    let promises = promises::populate(cf, &story, &cast)?;
    complaints::populate(cf, &story, &cast)?;
    link_promises_to_complaints(cf, &cast, &promises)?;
    let timings = if opts.entries > 0 { Some(scale::populate(cf, &story, &cast, opts.entries)?) } else { None };
    story.at(0, 18);
    let summary = summary(cf)?;
    Ok(match timings {
        Some(t) => format!("{summary}\nAt scale: {t}."),
        None => summary,
    })
}

/// The promises made to fix the seam failures answer the first complaints that reported them.
fn link_promises_to_complaints(cf: &mut CaseFile, cast: &Cast, p: &DemoPromises) -> Result<()> {
    let today = cf.today();
    for (account, promise_ids) in [("kestrel", vec![&p.kestrel_replacement]), ("krovlya", vec![&p.krovlya_credit, &p.krovlya_report])] {
        let q = crate::complaints::ComplaintQuery { account_id: Some(cast.account(account).to_string()), limit: Some(200), ..Default::default() };
        // The list is newest first; the promises answer the earliest complaint.
        if let Some(first) = crate::complaints::list(cf.conn(), today, &q)?.items.last() {
            let complaint_id = first.complaint.id.clone();
            for promise_id in promise_ids {
                crate::promises::links::link(cf, promise_id, &complaint_id)?;
            }
        }
    }
    Ok(())
}

/// The demo's sense of time: "N days before the as-of day, at this hour".
pub struct Story<'a> {
    pub clock: &'a FixedClock,
    pub as_of: NaiveDate,
    pub seed: u64,
}

impl Story<'_> {
    /// Move the clock to `days_ago` days before the as-of day, at `hour` UTC, and return that day.
    pub fn at(&self, days_ago: i64, hour: u32) -> NaiveDate {
        let day = self.as_of - Duration::days(days_ago);
        let t = day.and_hms_opt(hour.min(23), 0, 0).unwrap_or_default().and_utc();
        self.clock.set(t);
        day
    }

    /// The as-of day shifted by `days` (negative for the past), as stored text.
    pub fn day(&self, days: i64) -> String {
        crate::when::date(self.as_of + Duration::days(days))
    }

    /// A deterministic pseudo-random number in 0..n for the i-th draw.
    pub fn pick(&self, i: u64, n: u64) -> u64 {
        crate::clock::splitmix(self.seed.wrapping_mul(0x100_0000_01B3) ^ i) % n.max(1)
    }
}

fn summary(cf: &CaseFile) -> Result<String> {
    let count = |table: &str| -> Result<i64> { Ok(cf.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?) };
    let mut parts = Vec::new();
    for (table, label) in [
        ("people", "people"),
        ("accounts", "customers"),
        ("contacts", "contacts"),
        ("promises", "promises"),
        ("complaints", "complaints"),
        ("remedies", "remedies"),
        ("events", "timeline entries"),
        ("decisions", "decisions"),
    ] {
        parts.push(format!("{} {label}", count(table)?));
    }
    Ok(parts.join(", "))
}

#[cfg(test)]
mod tests;
