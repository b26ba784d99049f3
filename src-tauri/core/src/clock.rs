//! Where "now", "today" and new ids come from.
//!
//! Overdue, on-time and "no reply for 12 days" all depend on today's date, so the core never
//! reads the system clock directly: tests and the deterministic demo set their own clock,
//! and the demo also draws its ids from a seed so the same seed gives the same file.

use chrono::{DateTime, Local, NaiveDate, Utc};
use std::sync::Mutex;
use uuid::Uuid;

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
    /// Today in the user's local time zone: a promise due today is not overdue until midnight here.
    fn today(&self) -> NaiveDate;
    fn new_id(&self) -> Uuid;
}

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }
    fn new_id(&self) -> Uuid {
        Uuid::now_v7()
    }
}

/// A clock that only moves when told to, with ids from a seeded generator.
pub struct FixedClock {
    state: Mutex<FixedState>,
}

struct FixedState {
    now: DateTime<Utc>,
    rng: u64,
}

impl FixedClock {
    pub fn new(now: DateTime<Utc>, seed: u64) -> Self {
        FixedClock { state: Mutex::new(FixedState { now, rng: seed ^ 0x9E37_79B9_7F4A_7C15 }) }
    }

    /// A clock set to noon UTC on the given day.
    pub fn on(date: NaiveDate) -> Self {
        let noon = date.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
        Self::new(noon, 7)
    }

    pub fn set(&self, now: DateTime<Utc>) {
        self.lock().now = now;
    }

    pub fn advance(&self, by: chrono::Duration) {
        let mut s = self.lock();
        s.now += by;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, FixedState> {
        // A poisoned clock only means a test panicked while holding it; the value is still usable.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.lock().now
    }
    fn today(&self) -> NaiveDate {
        self.lock().now.date_naive()
    }
    fn new_id(&self) -> Uuid {
        let mut s = self.lock();
        let ms = u64::try_from(s.now.timestamp_millis()).unwrap_or(0);
        let mut bytes = [0u8; 10];
        for chunk in bytes.chunks_mut(8) {
            s.rng = splitmix(s.rng);
            let r = s.rng.to_le_bytes();
            chunk.copy_from_slice(&r[..chunk.len()]);
        }
        uuid::Builder::from_unix_timestamp_millis(ms, &bytes).into_uuid()
    }
}

pub(crate) fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_clock_ids_are_deterministic_and_v7() {
        let a = FixedClock::on(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        let b = FixedClock::on(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap());
        let (x, y) = (a.new_id(), b.new_id());
        assert_eq!(x, y);
        assert_eq!(x.get_version_num(), 7);
        assert_ne!(a.new_id(), x);
    }
}
