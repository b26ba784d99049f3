//! The ledger as the window reads it: filtered, sorted by due date and paged, plus the
//! counts the navigation shows. Overdue is worked out from the `today` passed in, which the
//! callers take from the case file's clock.

use super::{select_many, Promise};
use crate::error::Result;
use crate::model::{page_limit, Page, PromiseStatus};
use crate::people::escape_like;
use crate::when;
use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PromiseQuery {
    /// open, kept, broken or withdrawn.
    pub status: Option<String>,
    pub made_by_id: Option<String>,
    pub account_id: Option<String>,
    /// Only open promises due before today.
    pub overdue: bool,
    /// Only open promises due from today to this many days ahead (the window offers 7).
    pub due_within_days: Option<u32>,
    pub not_in_writing: bool,
    pub disputed: bool,
    /// Words in what was promised, the promiser's or the customer's name.
    pub search: Option<String>,
    pub offset: Option<u64>,
    pub limit: Option<u64>,
}

/// The WHERE clause shared by the count and the page; parameters ?1..?9.
const FILTER: &str = "WHERE (?1 IS NULL OR p.status = ?1)
    AND (?2 IS NULL OR p.made_by_id = ?2)
    AND (?3 IS NULL OR p.account_id = ?3)
    AND (?4 = 0 OR (p.status = 'open' AND p.due_on < ?5))
    AND (?6 IS NULL OR (p.status = 'open' AND p.due_on >= ?5 AND p.due_on <= ?6))
    AND (?7 = 0 OR p.in_writing = 0)
    AND (?8 = 0 OR p.disputed = 1)
    AND (?9 = '%%' OR p.what LIKE ?9 ESCAPE '\\' OR m.name LIKE ?9 ESCAPE '\\' OR a.name LIKE ?9 ESCAPE '\\')";

/// One page of the ledger, soonest due first (overdue ones therefore lead).
pub fn list(conn: &Connection, today: NaiveDate, q: &PromiseQuery) -> Result<Page<Promise>> {
    let status = match q.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(PromiseStatus::parse("status", s)?),
        None => None,
    };
    let by = q.made_by_id.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let account = q.account_id.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let today_s = when::date(today);
    let within = q.due_within_days.map(|d| when::date(today + Duration::days(i64::from(d.min(3660)))));
    let like = format!("%{}%", escape_like(q.search.as_deref().map(str::trim).unwrap_or("")));
    let limit = page_limit(q.limit);
    let offset = q.offset.unwrap_or(0);
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM promises p JOIN people m ON m.id = p.made_by_id JOIN accounts a ON a.id = p.account_id {FILTER}"
        ))?
        .query_row(params![status, by, account, q.overdue, today_s, within, q.not_in_writing, q.disputed, like], |r| r.get(0))?;
    let items = select_many(
        conn,
        &format!("{FILTER} ORDER BY p.due_on, p.recorded_at, p.id LIMIT ?10 OFFSET ?11"),
        params![status, by, account, q.overdue, today_s, within, q.not_in_writing, q.disputed, like, limit as i64, offset as i64],
        today,
    )?;
    Ok(Page { items, total: total as u64, offset, limit })
}

/// What the navigation and the customer list show at a glance.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub open: u32,
    pub overdue: u32,
    /// Open and due from today to seven days ahead, as the "due within 7 days" filter shows.
    pub due_within_7_days: u32,
    pub not_in_writing: u32,
    /// The day these counts were worked out for, so the window can tell when a new day began.
    pub today: String,
}

pub fn counts(conn: &Connection, today: NaiveDate) -> Result<Counts> {
    let t = when::date(today);
    let week = when::date(today + Duration::days(7));
    let (open, overdue, due_soon, not_in_writing) = conn
        .prepare_cached(
            "SELECT count(*), coalesce(sum(due_on < ?1), 0), coalesce(sum(due_on >= ?1 AND due_on <= ?2), 0), coalesce(sum(in_writing = 0), 0)
             FROM promises WHERE status = 'open'",
        )?
        .query_row(params![t, week], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?, r.get::<_, i64>(3)?)))?;
    Ok(Counts { open: open as u32, overdue: overdue as u32, due_within_7_days: due_soon as u32, not_in_writing: not_in_writing as u32, today: t })
}

/// A customer's promises for its page: open ones first (soonest due first), then the rest,
/// most recently closed first. At most `limit` rows.
pub fn for_account(conn: &Connection, account_id: &str, today: NaiveDate, limit: u32) -> Result<Vec<Promise>> {
    select_many(
        conn,
        "WHERE p.account_id = ?1 ORDER BY p.status <> 'open', CASE WHEN p.status = 'open' THEN p.due_on END, p.closed_on DESC, p.id LIMIT ?2",
        params![account_id, limit.min(200)],
        today,
    )
}

/// Every open promise to a customer, soonest due first (overdue ones lead).
pub fn open_for_account(conn: &Connection, account_id: &str, today: NaiveDate) -> Result<Vec<Promise>> {
    select_many(conn, "WHERE p.account_id = ?1 AND p.status = 'open' ORDER BY p.due_on, p.recorded_at, p.id LIMIT 200", params![account_id], today)
}

/// A customer's promises broken on or after `since`, most recently broken first.
pub fn broken_since(conn: &Connection, account_id: &str, since: NaiveDate, today: NaiveDate, limit: u32) -> Result<Vec<Promise>> {
    select_many(
        conn,
        "WHERE p.account_id = ?1 AND p.status = 'broken' AND p.closed_on >= ?2 ORDER BY p.closed_on DESC, p.id DESC LIMIT ?3",
        params![account_id, when::date(since), limit.min(200)],
        today,
    )
}

/// The promises made to a customer most recently, newest first: each was a conversation.
pub fn recently_made(conn: &Connection, account_id: &str, today: NaiveDate, limit: u32) -> Result<Vec<Promise>> {
    select_many(conn, "WHERE p.account_id = ?1 ORDER BY p.made_at DESC, p.id DESC LIMIT ?2", params![account_id, limit.min(200)], today)
}

/// The timeline entries about one promise, oldest first: every transition, message and loss.
pub fn timeline(conn: &Connection, promise_id: &str) -> Result<Vec<crate::events::Event>> {
    Ok(conn
        .prepare_cached(&format!("{} WHERE promise_id = ?1 ORDER BY occurred_at, recorded_at, rowid", crate::events::SELECT))?
        .query_map([promise_id], crate::events::from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}
