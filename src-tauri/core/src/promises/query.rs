//! The ledger as the window reads it: filtered, sorted by due date and paged, plus the
//! counts the navigation shows. Overdue is worked out from the `today` passed in, which the
//! callers take from the case file's clock.

use super::{select_many, Promise};
use crate::error::Result;
use crate::model::{page_limit, Page, PromiseStatus};
use crate::people::escape_like;
use crate::when;
use chrono::{Duration, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection};
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

/// The WHERE clause shared by the count and the page, with only the filters asked for
/// written in, so SQLite walks the index of one of them (status and due date, promiser,
/// customer, or the partial indexes of unwritten and disputed promises) instead of reading
/// every promise. Returns the clause, its parameters, and whether it needs the names joined.
fn filter(q: &PromiseQuery, status: Option<PromiseStatus>, today: &str, within: Option<String>) -> (String, Vec<Value>, bool) {
    let mut terms: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    let mut arg = |v: Value| {
        args.push(v);
        format!("?{}", args.len())
    };
    if let Some(s) = status {
        terms.push(format!("p.status = {}", arg(Value::Text(s.as_str().into()))));
    }
    if let Some(by) = q.made_by_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        terms.push(format!("p.made_by_id = {}", arg(Value::Text(by.into()))));
    }
    if let Some(account) = q.account_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        terms.push(format!("p.account_id = {}", arg(Value::Text(account.into()))));
    }
    if q.overdue {
        terms.push(format!("p.status = 'open' AND p.due_on < {}", arg(Value::Text(today.into()))));
    }
    if let Some(within) = within {
        let (from, to) = (arg(Value::Text(today.into())), arg(Value::Text(within)));
        terms.push(format!("p.status = 'open' AND p.due_on >= {from} AND p.due_on <= {to}"));
    }
    if q.not_in_writing {
        terms.push("p.in_writing = 0".into());
    }
    if q.disputed {
        terms.push("p.disputed = 1".into());
    }
    let words = q.search.as_deref().map(str::trim).unwrap_or("");
    let named = !words.is_empty();
    if named {
        let like = arg(Value::Text(format!("%{}%", escape_like(words))));
        terms.push(format!("(p.what LIKE {like} ESCAPE '\\' OR m.name LIKE {like} ESCAPE '\\' OR a.name LIKE {like} ESCAPE '\\')"));
    }
    let clause = if terms.is_empty() { String::new() } else { format!("WHERE {}", terms.join(" AND ")) };
    (clause, args, named)
}

/// One page of the ledger, soonest due first (overdue ones therefore lead).
pub fn list(conn: &Connection, today: NaiveDate, q: &PromiseQuery) -> Result<Page<Promise>> {
    let status = match q.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(PromiseStatus::parse("status", s)?),
        None => None,
    };
    let today_s = when::date(today);
    let within = q.due_within_days.map(|d| when::date(today + Duration::days(i64::from(d.min(3660)))));
    let limit = page_limit(q.limit);
    let offset = q.offset.unwrap_or(0);
    let (clause, mut args, named) = filter(q, status, &today_s, within);
    let joins = if named { "JOIN people m ON m.id = p.made_by_id JOIN accounts a ON a.id = p.account_id" } else { "" };
    let total: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM promises p {joins} {clause}"))?
        .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
    let n = args.len();
    args.push(Value::Integer(limit as i64));
    args.push(Value::Integer(offset as i64));
    let tail = format!("{clause} ORDER BY p.due_on, p.recorded_at, p.id LIMIT ?{} OFFSET ?{}", n + 1, n + 2);
    let refs: Vec<&dyn rusqlite::ToSql> = args.iter().map(|v| v as &dyn rusqlite::ToSql).collect();
    let items = select_many(conn, &tail, &refs, today)?;
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
