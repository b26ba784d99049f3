//! Each promiser's record, side by side: how many promises they made and what became of
//! them, how many were never put in writing, how many follow-ups they left unanswered, and
//! what their broken promises cost. This is the page that gets taken upward.

use crate::error::Result;
use crate::lost_revenue::{self, LostTotals};
use crate::model::Side;
use crate::when;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;
use std::collections::HashMap;

/// The on-time rate as a fraction, so nothing is lost to rounding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct OnTimeRate {
    pub on_time: u32,
    pub out_of: u32,
    /// Rounded half up to a whole percent.
    pub percent: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromiserRecord {
    pub person_id: String,
    pub name: String,
    pub role: String,
    pub side: Side,
    pub is_me: bool,
    pub made: u32,
    pub kept_on_time: u32,
    pub kept_late: u32,
    pub broken: u32,
    pub open: u32,
    pub overdue: u32,
    /// Promises whose due date was renegotiated at least once (whatever their status now).
    pub renegotiated: u32,
    pub withdrawn: u32,
    pub disputed: u32,
    /// Promises, of any status, never confirmed in writing.
    pub not_in_writing: u32,
    /// Follow-ups sent since the last reply that are still waiting for one, over all their promises.
    pub follow_ups_unanswered: u32,
    pub on_time_rate: Option<OnTimeRate>,
    pub lost: LostTotals,
}

/// The on-time rate of a promiser.
///
/// **Definition.** Of the promises whose outcome can no longer be "on time or not yet known",
/// the share kept on or before their due date:
///
/// ```text
///                      kept on time
/// on-time rate = ------------------------------------------------
///                kept on time + kept late + broken + open overdue
/// ```
///
/// * "On time" compares the day it was kept with its *current* due date, so a date
///   renegotiated honestly with the customer is the date that counts.
/// * An open promise past its due date is already not on time, so it counts against the rate.
/// * Withdrawn promises and open promises not yet due are left out.
/// * With nothing to judge, there is no rate (`None`), rather than a misleading 0 % or 100 %.
pub fn on_time_rate(kept_on_time: u32, kept_late: u32, broken: u32, open_overdue: u32) -> Option<OnTimeRate> {
    let out_of = kept_on_time + kept_late + broken + open_overdue;
    (out_of > 0).then(|| OnTimeRate { on_time: kept_on_time, out_of, percent: (kept_on_time * 200 + out_of) / (out_of * 2) })
}

/// Everyone's record: every internal person, and anyone else who made a promise. Those who
/// made the most promises come first.
pub fn all(conn: &Connection, today: NaiveDate) -> Result<Vec<PromiserRecord>> {
    let mut records = gather(conn, today, None)?;
    records.sort_by(|a, b| b.made.cmp(&a.made).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())));
    Ok(records)
}

/// One person's record.
pub fn for_person(conn: &Connection, person_id: &str, today: NaiveDate) -> Result<PromiserRecord> {
    let person = crate::people::get(conn, person_id)?;
    Ok(gather(conn, today, Some(&person.id))?.pop().unwrap_or_else(|| empty(person.id, person.name, person.role, person.side, person.is_me)))
}

fn empty(person_id: String, name: String, role: String, side: Side, is_me: bool) -> PromiserRecord {
    PromiserRecord {
        person_id,
        name,
        role,
        side,
        is_me,
        made: 0,
        kept_on_time: 0,
        kept_late: 0,
        broken: 0,
        open: 0,
        overdue: 0,
        renegotiated: 0,
        withdrawn: 0,
        disputed: 0,
        not_in_writing: 0,
        follow_ups_unanswered: 0,
        on_time_rate: None,
        lost: LostTotals::default(),
    }
}

fn gather(conn: &Connection, today: NaiveDate, only: Option<&str>) -> Result<Vec<PromiserRecord>> {
    let t = when::date(today);
    let mut stmt = conn.prepare_cached(
        "SELECT pe.id, pe.name, pe.role, pe.side, pe.is_me,
                count(p.id),
                coalesce(sum(p.status = 'kept' AND p.closed_on <= p.due_on), 0),
                coalesce(sum(p.status = 'kept' AND p.closed_on > p.due_on), 0),
                coalesce(sum(p.status = 'broken'), 0),
                coalesce(sum(p.status = 'open'), 0),
                coalesce(sum(p.status = 'open' AND p.due_on < ?1), 0),
                coalesce(sum((SELECT count(*) FROM promise_due_dates d WHERE d.promise_id = p.id) > 1), 0),
                coalesce(sum(p.status = 'withdrawn'), 0),
                coalesce(sum(p.disputed), 0),
                coalesce(sum(p.in_writing = 0), 0)
         FROM people pe LEFT JOIN promises p ON p.made_by_id = pe.id
         WHERE (?2 IS NULL OR pe.id = ?2)
         GROUP BY pe.id
         HAVING ?2 IS NOT NULL OR pe.side = 'internal' OR count(p.id) > 0",
    )?;
    let n = |r: &rusqlite::Row<'_>, i: usize| -> rusqlite::Result<u32> { Ok(r.get::<_, i64>(i)?.max(0) as u32) };
    let rows = stmt.query_map(params![t, only], |r| {
        let mut rec = empty(r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        rec.made = n(r, 5)?;
        rec.kept_on_time = n(r, 6)?;
        rec.kept_late = n(r, 7)?;
        rec.broken = n(r, 8)?;
        rec.open = n(r, 9)?;
        rec.overdue = n(r, 10)?;
        rec.renegotiated = n(r, 11)?;
        rec.withdrawn = n(r, 12)?;
        rec.disputed = n(r, 13)?;
        rec.not_in_writing = n(r, 14)?;
        Ok(rec)
    })?;
    let mut records = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let unanswered = unanswered_by_promiser(conn, today, only)?;
    let mut lost = lost_revenue::totals_by_promiser(conn)?;
    for rec in &mut records {
        rec.on_time_rate = on_time_rate(rec.kept_on_time, rec.kept_late, rec.broken, rec.overdue);
        rec.follow_ups_unanswered = unanswered.get(&rec.person_id).copied().unwrap_or(0);
        rec.lost = lost.remove(&rec.person_id).unwrap_or_default();
    }
    Ok(records)
}

/// Unanswered follow-ups per promiser, from each promise's chase figures.
fn unanswered_by_promiser(conn: &Connection, today: NaiveDate, only: Option<&str>) -> Result<HashMap<String, u32>> {
    let pairs = conn
        .prepare_cached(
            "SELECT DISTINCT p.id, p.made_by_id FROM promises p JOIN follow_ups f ON f.promise_id = p.id
             WHERE f.retracted_at IS NULL AND (?1 IS NULL OR p.made_by_id = ?1)",
        )?
        .query_map(params![only], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = HashMap::new();
    for (promise, person) in pairs {
        let chase = super::follow_ups::chase(conn, &promise, today)?;
        *out.entry(person).or_insert(0) += chase.unanswered_follow_ups;
    }
    Ok(out)
}
