//! Due dates: reading what the user typed ("fri", "+2w"), warning about dates far from
//! today, and the history of every due date a promise has had. Owns the SQL of the
//! `promise_due_dates` table.
//!
//! A renegotiated date is added here, never written over the old one, so the record shows
//! how often a promise slipped and who agreed to each new date.

use super::Warning;
use crate::chain;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::{text, when};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rusqlite::{params, Connection};
use serde::Serialize;

/// A due date more than this many days ago is saved with a warning.
const FAR_PAST_DAYS: i64 = 365;
/// A due date more than this many days ahead is saved with a warning.
const FAR_FUTURE_DAYS: i64 = 3 * 365;

/// Read a due date: an ISO date, or a word a person types when logging a promise in a hurry.
///
/// Accepted: `2026-03-31`; `today`, `tomorrow`; a weekday (`fri`, `friday`: the next one,
/// never today); `+3d`, `+2w`, `+1m`; `next week` (Monday of next week); `end of month`.
pub fn parse_due(field: &str, text: &str, today: NaiveDate) -> Result<NaiveDate> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Err(Error::validation(field, "Say when it is due."));
    }
    if let Ok(d) = NaiveDate::parse_from_str(&t, "%Y-%m-%d") {
        return Ok(d);
    }
    let word = match t.as_str() {
        "today" => Some(today),
        "tomorrow" | "tmr" | "tmrw" => today.succ_opt(),
        "next week" => Some(today + Duration::days(7 - i64::from(today.weekday().num_days_from_monday()))),
        "end of month" | "eom" => end_of_month(today),
        _ => None,
    };
    if let Some(d) = word {
        return Ok(d);
    }
    if let Some(day) = weekday(&t) {
        let ahead = (7 + i64::from(day.num_days_from_monday()) - i64::from(today.weekday().num_days_from_monday())) % 7;
        return Ok(today + Duration::days(if ahead == 0 { 7 } else { ahead }));
    }
    if let Some(rest) = t.strip_prefix('+') {
        let (n, unit) = rest.split_at(rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len()));
        if let Ok(n) = n.parse::<i64>() {
            let d = match unit.trim() {
                "" | "d" | "day" | "days" => today.checked_add_signed(Duration::days(n)),
                "w" | "week" | "weeks" => today.checked_add_signed(Duration::weeks(n)),
                "m" | "month" | "months" => u32::try_from(n).ok().and_then(|m| today.checked_add_months(chrono::Months::new(m))),
                _ => None,
            };
            if let Some(d) = d {
                return Ok(d);
            }
        }
    }
    Err(Error::validation(
        field,
        format!("\"{}\" is not a date. Use the form 2026-03-31, or a word such as tomorrow, fri or +2w.", text::clip(text.trim(), 30)),
    ))
}

/// "fri", "friday", "thurs": any prefix of the day's name of at least three letters.
fn weekday(t: &str) -> Option<Weekday> {
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    DAYS.iter().find(|(name, _)| t.len() >= 3 && name.starts_with(t)).map(|(_, d)| *d)
}

fn end_of_month(d: NaiveDate) -> Option<NaiveDate> {
    let first_next = if d.month() == 12 { NaiveDate::from_ymd_opt(d.year() + 1, 1, 1) } else { NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1) };
    first_next.and_then(|f| f.pred_opt())
}

/// Due dates far from today are accepted, but the user is asked to look again.
pub(super) fn due_warnings(due: NaiveDate, today: NaiveDate) -> Vec<Warning> {
    let days = when::days_between(today, due);
    let message = if days < -FAR_PAST_DAYS {
        format!("The due date {} is more than a year ago. It was saved; check it is the date that was promised.", when::date(due))
    } else if days > FAR_FUTURE_DAYS {
        format!("The due date {} is more than three years away. It was saved; check the year.", when::date(due))
    } else {
        return Vec::new();
    };
    vec![Warning { field: "due_on".into(), message }]
}

/// Append a row to the due-date history, chained.
pub(crate) fn add_due_date(tx: &Tx<'_>, promise_id: &str, due: NaiveDate, agreed_on: NaiveDate, agreed_with: &str, reason: &str) -> Result<()> {
    let id = tx.new_id();
    tx.prepare_cached(
        "INSERT INTO promise_due_dates(id, promise_id, due_on, agreed_on, agreed_with, reason, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![id, promise_id, when::date(due), when::date(agreed_on), agreed_with, reason, tx.now_str()])?;
    chain::record(tx, "promise_due_dates", &id, "create")
}

/// One due date a promise has had.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DueDate {
    pub id: String,
    pub due_on: String,
    pub agreed_on: String,
    pub agreed_with: String,
    pub reason: String,
    pub recorded_at: String,
    /// The first row is the date first promised; later rows are renegotiations.
    pub original: bool,
}

/// Every due date the promise has had, oldest first.
pub fn due_dates(conn: &Connection, promise_id: &str) -> Result<Vec<DueDate>> {
    let mut rows = conn
        .prepare_cached(
            "SELECT id, due_on, agreed_on, agreed_with, reason, recorded_at FROM promise_due_dates
             WHERE promise_id = ?1 ORDER BY recorded_at, rowid",
        )?
        .query_map([promise_id], |r| {
            Ok(DueDate { id: r.get(0)?, due_on: r.get(1)?, agreed_on: r.get(2)?, agreed_with: r.get(3)?, reason: r.get(4)?, recorded_at: r.get(5)?, original: false })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if let Some(first) = rows.first_mut() {
        first.original = true;
    }
    Ok(rows)
}

