//! The user's preferences, kept inside the case file so they travel with it.
//!
//! Stored as one JSON value per key, so a later version can add a setting without a
//! migration: a key that is missing simply takes its default.

use crate::db::{CaseFile, Tx};
use crate::error::{Error, Result};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Shown on packets as "prepared by".
    pub your_name: String,
    pub currency: String,
    /// "iso" (2026-03-31), "dmy" (31/03/2026) or "mdy" (03/31/2026).
    pub date_format: String,
    /// "monday" or "sunday".
    pub week_start: String,
    /// "a4" or "letter", for packets.
    pub paper: String,
    /// Days allowed for a first response, by complaint severity 1 (critical) to 4 (minor).
    pub response_days: [u32; 4],
    /// Warn when a person would have more than this many promises due in one week.
    pub load_limit_per_week: u32,
    /// Remind when a follow-up has had no reply for this many days.
    pub unanswered_after_days: u32,
    /// The escalation-readiness meter fills at these.
    pub escalate_broken_promises: u32,
    pub escalate_lost_minor: i64,
    /// Lock the window after this many idle minutes; 0 means never.
    pub lock_after_minutes: u32,
    pub notifications: bool,
    /// Marks a case file made by "Explore the demo", so the window can say DEMO.
    pub is_demo: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            your_name: String::new(),
            currency: "EUR".into(),
            date_format: "iso".into(),
            week_start: "monday".into(),
            paper: "a4".into(),
            response_days: [1, 2, 5, 10],
            load_limit_per_week: 3,
            unanswered_after_days: 5,
            escalate_broken_promises: 5,
            escalate_lost_minor: 5_000_000,
            lock_after_minutes: 0,
            notifications: true,
            is_demo: false,
        }
    }
}

impl Settings {
    fn validate(&self) -> Result<()> {
        crate::text::optional("your_name", "Your name", &self.your_name, crate::text::NAME_MAX)?;
        crate::money::currency("currency", &self.currency)?;
        let one_of = |field: &str, v: &str, allowed: &[&str]| -> Result<()> {
            if allowed.contains(&v) {
                Ok(())
            } else {
                Err(Error::validation(field, format!("Choose one of: {}.", allowed.join(", "))))
            }
        };
        one_of("date_format", &self.date_format, &["iso", "dmy", "mdy"])?;
        one_of("week_start", &self.week_start, &["monday", "sunday"])?;
        one_of("paper", &self.paper, &["a4", "letter"])?;
        for (i, d) in self.response_days.iter().enumerate() {
            if *d == 0 || *d > 365 {
                return Err(Error::validation(format!("response_days[{i}]"), "Use a number of days from 1 to 365."));
            }
        }
        if self.load_limit_per_week == 0 || self.load_limit_per_week > 100 {
            return Err(Error::validation("load_limit_per_week", "Use a number from 1 to 100."));
        }
        if self.unanswered_after_days == 0 || self.unanswered_after_days > 365 {
            return Err(Error::validation("unanswered_after_days", "Use a number of days from 1 to 365."));
        }
        if self.escalate_broken_promises == 0 {
            return Err(Error::validation("escalate_broken_promises", "Use a number of at least 1."));
        }
        if self.escalate_lost_minor <= 0 {
            return Err(Error::validation("escalate_lost_minor", "Use an amount above zero."));
        }
        if self.lock_after_minutes > 24 * 60 {
            return Err(Error::validation("lock_after_minutes", "Use at most 1440 minutes (a day), or 0 for never."));
        }
        Ok(())
    }
}

pub fn get(conn: &Connection) -> Result<Settings> {
    let mut stmt = conn.prepare_cached("SELECT key, value FROM settings")?;
    let mut map = Map::new();
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (k, v) = row?;
        // A value this version cannot read falls back to its default rather than failing the open.
        if let Ok(v) = serde_json::from_str::<Value>(&v) {
            map.insert(k, v);
        }
    }
    let defaults = serde_json::to_value(Settings::default()).map_err(|e| Error::conflict(e.to_string()))?;
    let mut merged = match defaults {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    for (k, v) in map {
        if merged.contains_key(&k) {
            merged.insert(k, v);
        }
    }
    Ok(serde_json::from_value(Value::Object(merged.clone())).unwrap_or_else(|_| {
        // One bad value must not hide the others: take each field that parses.
        let mut s = Settings::default();
        if let Ok(Value::Object(mut base)) = serde_json::to_value(&s) {
            for (k, v) in merged {
                let mut trial = base.clone();
                trial.insert(k.clone(), v.clone());
                if serde_json::from_value::<Settings>(Value::Object(trial)).is_ok() {
                    base.insert(k, v);
                }
            }
            s = serde_json::from_value(Value::Object(base)).unwrap_or_default();
        }
        s
    }))
}

/// Replace the settings with `new`, after checking every field.
pub fn save(cf: &mut CaseFile, new: Settings) -> Result<Settings> {
    let mut new = new;
    new.currency = new.currency.trim().to_ascii_uppercase();
    new.your_name = new.your_name.trim().to_string();
    new.validate()?;
    cf.write(|tx| {
        put_all(tx, &new)?;
        get(tx)
    })
}

pub(crate) fn put_all(tx: &Tx<'_>, s: &Settings) -> Result<()> {
    let value = serde_json::to_value(s).map_err(|e| Error::conflict(e.to_string()))?;
    if let Value::Object(map) = value {
        let mut stmt = tx.prepare_cached("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value")?;
        for (k, v) in map {
            stmt.execute(rusqlite::params![k, v.to_string()])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_when_empty_and_round_trip() {
        let mut cf = CaseFile::open_in_memory().unwrap();
        assert_eq!(get(cf.conn()).unwrap(), Settings::default());
        let s = Settings { your_name: " Zoë Adeyemi ".into(), currency: "gbp".into(), paper: "letter".into(), ..Default::default() };
        let saved = save(&mut cf, s).unwrap();
        assert_eq!(saved.your_name, "Zoë Adeyemi");
        assert_eq!(saved.currency, "GBP");
        assert_eq!(get(cf.conn()).unwrap().paper, "letter");
    }

    #[test]
    fn bad_values_are_refused_with_their_field() {
        let mut cf = CaseFile::open_in_memory().unwrap();
        for (s, field) in [
            (Settings { currency: "XYZ".into(), ..Default::default() }, "currency"),
            (Settings { paper: "a3".into(), ..Default::default() }, "paper"),
            (Settings { response_days: [1, 0, 3, 4], ..Default::default() }, "response_days[1]"),
            (Settings { your_name: "n".repeat(500), ..Default::default() }, "your_name"),
        ] {
            assert_eq!(save(&mut cf, s).unwrap_err().field(), Some(field));
        }
        assert_eq!(get(cf.conn()).unwrap(), Settings::default());
    }

    #[test]
    fn an_unreadable_value_falls_back_to_its_default_alone() {
        let cf = CaseFile::open_in_memory().unwrap();
        cf.conn().execute_batch("INSERT INTO settings VALUES ('paper', '42'), ('currency', '\"USD\"'), ('future_key', 'true')").unwrap();
        let s = get(cf.conn()).unwrap();
        assert_eq!(s.paper, "a4");
        assert_eq!(s.currency, "USD");
    }
}
