//! The demo at scale (`casefile demo --entries N`): years of case file in one go, for
//! benchmarks and for trying the window on a file as big as a real one gets.
//!
//! Everything scales with N: about one customer per 2,500 entries (on top of the demo's
//! nine), one promise per 100 and one complaint per 250, each lived through day by day
//! over the past year (confirmed, chased, kept, broken, renegotiated; acknowledged,
//! investigated, remedied, closed) by the core's own functions. The timeline entries, which
//! are most of the rows, go in a day at a time through the bulk writer ([`events::bulk`]),
//! chained exactly as one-by-one inserts would be. The same seed and as-of day give the same
//! file, ids included.
//!
//! While it runs the file is written without a flush per commit (`CaseFile::begin_bulk`):
//! the demo removes a half-written file anyway, and at the end it is made durable again.
//! The entries' full-text index is built once at the end (`search::bulk`), not row by row.

mod customers;
mod entries;
mod ledger;
mod words;

use super::{Cast, Story};
use crate::db::CaseFile;
use crate::error::Result;
use std::time::{Duration, Instant};

/// How much of each kind of record N timeline entries come with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sizes {
    pub entries: u64,
    pub customers: u64,
    pub promises: u64,
    pub complaints: u64,
}

impl Sizes {
    pub fn for_entries(entries: u64) -> Sizes {
        Sizes { entries, customers: entries / 2_500, promises: entries / 100, complaints: entries / 250 }
    }
}

/// The days the scaled year runs over, oldest first (days before the as-of day).
const DAYS: u64 = 365;

/// A customer the scaled records can be about, with what has been made for it so far.
pub(super) struct Customer {
    pub id: String,
    pub contacts: Vec<(String, String)>,
    pub rep: String,
    pub promises: Vec<String>,
    pub complaints: Vec<String>,
}

/// Everyone and everything the scaled year refers to.
pub(super) struct World {
    pub customers: Vec<Customer>,
    /// How many of `customers` are the demo's own nine, which get a larger share of the story.
    pub originals: usize,
    pub me: String,
    pub boss: String,
    pub superior: String,
    pub service_lead: String,
    pub reps: Vec<String>,
    pub roots: Vec<String>,
}

impl World {
    /// The customer of the i-th draw: three in ten from the demo's own customers, so they
    /// have long histories, the rest spread over everyone.
    pub fn customer_for(&self, story: &Story<'_>, i: u64) -> usize {
        let n = self.customers.len() as u64;
        if self.originals > 0 && story.pick(i, 10) < 3 {
            story.pick(i ^ 0x5bd1_e995, self.originals as u64) as usize
        } else {
            story.pick(i ^ 0x27d4_eb2f, n) as usize
        }
    }
}

/// The share of `total` that falls on `day` (0-based) of `DAYS`, so the sum over the days is exact.
fn share(total: u64, day: u64) -> std::ops::Range<u64> {
    (total * day / DAYS)..(total * (day + 1) / DAYS)
}

/// Where the time of a scaled demo went, for the line `casefile demo` prints.
#[derive(Debug, Default)]
pub struct Timings {
    pub ledger: Duration,
    pub entries: Duration,
}

impl std::fmt::Display for Timings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "promises and complaints {:.1} s, timeline entries {:.1} s", self.ledger.as_secs_f64(), self.entries.as_secs_f64())
    }
}

pub(super) fn populate(cf: &mut CaseFile, story: &Story<'_>, cast: &Cast, n: u64) -> Result<Timings> {
    let sizes = Sizes::for_entries(n);
    let mut timings = Timings::default();
    cf.begin_bulk()?;
    let deferred = crate::search::bulk::defer_entries(cf.conn())?;
    let started = Instant::now();
    let mut world = customers::populate(cf, story, cast, sizes.customers)?;
    let mut ledger = ledger::Ledger::default();
    timings.ledger += started.elapsed();
    for day in 0..DAYS {
        let days_ago = (DAYS - 1 - day) as i64;
        // A day's writes are one transaction: each core call inside is a savepoint of it.
        cf.batch(|cf| {
            let started = Instant::now();
            ledger.day(cf, story, &mut world, days_ago, share(sizes.promises, day), share(sizes.complaints, day))?;
            timings.ledger += started.elapsed();
            let started = Instant::now();
            entries::day(cf, story, &world, days_ago, share(sizes.entries, day))?;
            timings.entries += started.elapsed();
            Ok(())
        })?;
    }
    let started = Instant::now();
    crate::search::bulk::index_entries(cf.conn(), deferred)?;
    cf.end_bulk()?;
    timings.entries += started.elapsed();
    Ok(timings)
}

#[cfg(test)]
mod tests;
