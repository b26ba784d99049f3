//! Commitment load: a person's open promises due in the coming weeks, week by week, and a
//! warning when more fall due in one week than the limit in settings.
//!
//! This answers situation 4's question before a new promise is made: "which one should I
//! put off?". The window asks while a promise is being logged, passing the due date typed so
//! far, so the warning appears before the promise is saved.

use super::{Promise, Warning};
use crate::error::Result;
use crate::{people, settings, when};
use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::{params, Connection};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoadItem {
    pub id: String,
    pub what: String,
    pub due_on: String,
    pub account_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekLoad {
    pub starts_on: String,
    pub ends_on: String,
    /// "This week", "Next week", or empty (the window writes "Week of ...").
    pub label: String,
    /// Open promises due that week, counting the one being logged when it falls in it.
    pub count: u32,
    pub over_limit: bool,
    /// The promise being logged falls in this week.
    pub includes_new: bool,
    pub promises: Vec<LoadItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Load {
    pub person_id: String,
    pub person_name: String,
    pub limit: u32,
    pub overdue: Vec<LoadItem>,
    pub weeks: Vec<WeekLoad>,
    /// Open promises due after the weeks shown.
    pub later: u32,
    /// The due date being considered, as understood ("fri" becomes a date).
    pub adding_due_on: Option<String>,
    pub warnings: Vec<String>,
}

/// The first day of the week holding `day`, by the user's week start.
pub fn week_start(day: NaiveDate, sunday_first: bool) -> NaiveDate {
    let back = if sunday_first { day.weekday().num_days_from_sunday() } else { day.weekday().num_days_from_monday() };
    day - Duration::days(i64::from(back))
}

fn sunday_first(conn: &Connection) -> Result<bool> {
    Ok(settings::get(conn)?.week_start == "sunday")
}

fn open_promises(conn: &Connection, person_id: &str, from: Option<&str>, to: Option<&str>) -> Result<Vec<LoadItem>> {
    Ok(conn
        .prepare_cached(
            "SELECT p.id, p.what, p.due_on, a.name FROM promises p JOIN accounts a ON a.id = p.account_id
             WHERE p.made_by_id = ?1 AND p.status = 'open' AND (?2 IS NULL OR p.due_on >= ?2) AND (?3 IS NULL OR p.due_on <= ?3)
             ORDER BY p.due_on, p.id",
        )?
        .query_map(params![person_id, from, to], |r| Ok(LoadItem { id: r.get(0)?, what: r.get(1)?, due_on: r.get(2)?, account_name: r.get(3)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// `person_id`'s load for `weeks` weeks from this one. `adding_due` is the due date of a
/// promise being logged (any form `parse_due` reads); one it cannot read is simply left out.
pub fn load(conn: &Connection, person_id: &str, today: NaiveDate, weeks: u32, adding_due: Option<&str>) -> Result<Load> {
    let person = people::get(conn, person_id)?;
    let limit = settings::get(conn)?.load_limit_per_week;
    let sunday = sunday_first(conn)?;
    let adding = adding_due.filter(|t| !t.trim().is_empty()).and_then(|t| super::parse_due("due_on", t, today).ok());
    let first = week_start(today, sunday);
    let weeks = weeks.clamp(1, 26);
    let overdue = open_promises(conn, person_id, None, Some(&when::date(today - Duration::days(1))))?;
    let mut out = Vec::new();
    for i in 0..weeks {
        let start = first + Duration::weeks(i64::from(i));
        let end = start + Duration::days(6);
        // This week's part before today is overdue, not due.
        let from = if i == 0 { today } else { start };
        let promises = open_promises(conn, person_id, Some(&when::date(from)), Some(&when::date(end)))?;
        let includes_new = adding.is_some_and(|d| d >= from && d <= end);
        let count = promises.len() as u32 + u32::from(includes_new);
        let label = match i {
            0 => "This week",
            1 => "Next week",
            _ => "",
        };
        out.push(WeekLoad {
            starts_on: when::date(start),
            ends_on: when::date(end),
            label: label.into(),
            count,
            over_limit: count > limit,
            includes_new,
            promises,
        });
    }
    let horizon_end = first + Duration::weeks(i64::from(weeks)) - Duration::days(1);
    let later = open_promises(conn, person_id, Some(&when::date(horizon_end + Duration::days(1))), None)?.len() as u32;
    let mut warnings = Vec::new();
    for w in out.iter().filter(|w| w.over_limit) {
        let week = if w.label.is_empty() { format!("the week of {}", w.starts_on) } else { w.label.to_lowercase() };
        warnings.push(if w.includes_new {
            format!(
                "This would be {}'s {} promise due {week}, more than the {limit} a week you set. Which one should be put off?",
                person.name,
                ordinal(w.count)
            )
        } else {
            format!("{} already has {} promises due {week}, more than the {limit} a week you set.", person.name, w.count)
        });
    }
    Ok(Load {
        person_id: person.id,
        person_name: person.name,
        limit,
        overdue,
        weeks: out,
        later,
        adding_due_on: adding.map(when::date),
        warnings,
    })
}

/// After a promise is saved: warn when its week now holds more than the limit.
pub(crate) fn warning_for(conn: &Connection, p: &Promise, today: NaiveDate) -> Result<Vec<Warning>> {
    let due = when::parse_date("due_on", &p.due_on)?;
    if due < today {
        return Ok(Vec::new());
    }
    let limit = settings::get(conn)?.load_limit_per_week;
    let start = week_start(due, sunday_first(conn)?).max(today);
    let end = week_start(due, sunday_first(conn)?) + Duration::days(6);
    let n = open_promises(conn, &p.made_by_id, Some(&when::date(start)), Some(&when::date(end)))?.len() as u32;
    if n <= limit {
        return Ok(Vec::new());
    }
    Ok(vec![Warning {
        field: "due_on".into(),
        message: format!(
            "{} now has {n} promises due in the week of {}, more than the {limit} a week you set. Which one should be put off?",
            p.made_by_name,
            when::date(week_start(due, sunday_first(conn)?))
        ),
    }])
}

/// 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th, 21st.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
