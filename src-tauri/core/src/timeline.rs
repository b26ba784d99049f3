//! The account timeline: every dated record about a customer merged into one chronology, so
//! the whole story can be read before a call or printed for someone senior.
//!
//! Each kind of record is a *source*: one SELECT that yields (source, id, when, kind,
//! disputed, superseded) rows, with the conditions that scope it to a customer or a complaint. The sources are combined with
//! UNION ALL, filtered, ordered and paged in SQLite, and only the rows on the page are read
//! in full through the module that owns them. So a customer with 100,000 entries is as quick
//! to page through as one with ten.
//!
//! Promises appear twice, on purpose: the promise itself at the moment it was made, and each
//! of its transitions (kept, broken, renegotiated …) as the event the promises module records.

use crate::complaints::{self, Complaint};
use crate::decisions::{self, Decision};
use crate::error::{Error, Result};
use crate::events::{self, EventView};
use crate::model::{page_limit, Page, Precision};
use crate::promises::{self, Promise};
use crate::remedies::{self, Remedy};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::{Deserialize, Serialize};

pub mod scope;

/// One record on the timeline.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "source", content = "record", rename_all = "snake_case")]
pub enum Entry {
    Event(Box<EventView>),
    Complaint(Box<Complaint>),
    Remedy(Box<Remedy>),
    Decision(Box<Decision>),
    Promise(Box<Promise>),
}

#[derive(Debug, Clone, Serialize)]
pub struct TimelineItem {
    /// The moment the item is placed at: when an event occurred, a complaint was received,
    /// a remedy given, a decision made.
    pub at: String,
    pub precision: Precision,
    /// The event kind ("call", "email" …), or "complaint", "remedy", "decision_record", "promise".
    pub kind: String,
    #[serde(flatten)]
    pub entry: Entry,
}

/// Kinds that are not event kinds: the other sources.
/// "decision_record" keeps a decision record apart from a "decision" entry (an order given).
pub const RECORD_KINDS: &[&str] = &["complaint", "remedy", "decision_record", "promise"];

/// The sources, each with its table alias and the SQL that ties a row to a customer (?1) and
/// to a complaint (?2). Only the scope asked for is written into the query, so SQLite can
/// use the customer and complaint indexes rather than scanning every entry.
struct Source {
    select: &'static str,
    by_account: &'static str,
    by_complaint: &'static str,
    /// For a packet's scope (see [`scope`]): the row belongs to one of the customers in the
    /// JSON array ?1 ...
    by_accounts: &'static str,
    /// ... and, when ?2 names a person, it is about that person's promises or their acts.
    by_person: &'static str,
}

/// Complaints linked to a promise the person ?2 made.
macro_rules! complaints_of_person {
    () => {
        "(SELECT pc.complaint_id FROM promise_complaints pc JOIN promises pp ON pp.id = pc.promise_id WHERE pp.made_by_id = ?2)"
    };
}

const SOURCES: &[Source] = &[
    Source {
        select: "SELECT 'event' AS source, e.id, e.occurred_at AS at, e.occurred_precision AS precision, e.kind, e.disputed,
                EXISTS (SELECT 1 FROM events n WHERE n.supersedes_id = e.id) AS superseded FROM events e",
        by_account: "e.account_id = ?1",
        by_complaint: "e.complaint_id = ?2",
        by_accounts: "e.account_id IN (SELECT value FROM json_each(?1))",
        by_person: concat!(
            "(e.source_person_id = ?2 OR e.actor_id = ?2 OR e.promise_id IN (SELECT id FROM promises WHERE made_by_id = ?2) OR e.complaint_id IN ",
            complaints_of_person!(),
            ")"
        ),
    },
    Source {
        select: "SELECT 'complaint', c.id, c.received_at, CASE WHEN length(c.received_at) > 10 THEN 'exact' ELSE 'day' END, 'complaint', 0, 0
                FROM complaints c",
        by_account: "c.account_id = ?1",
        by_complaint: "c.id = ?2",
        by_accounts: "c.account_id IN (SELECT value FROM json_each(?1))",
        by_person: concat!("c.id IN ", complaints_of_person!()),
    },
    Source {
        select: "SELECT 'remedy', r.id, r.remedy_on, 'day', 'remedy', 0, 0 FROM remedies r",
        by_account: "r.account_id = ?1",
        by_complaint: "r.complaint_id = ?2",
        by_accounts: "r.account_id IN (SELECT value FROM json_each(?1))",
        by_person: concat!("(r.promise_id IN (SELECT id FROM promises WHERE made_by_id = ?2) OR r.complaint_id IN ", complaints_of_person!(), ")"),
    },
    Source {
        select: "SELECT 'decision', d.id, coalesce(d.decided_on, substr(d.recorded_at, 1, 10)), 'day', 'decision_record', 0, 0 FROM decisions d",
        by_account: "(d.account_id = ?1 OR d.complaint_id IN (SELECT id FROM complaints WHERE account_id = ?1))",
        by_complaint: "d.complaint_id = ?2",
        by_accounts: "(d.account_id IN (SELECT value FROM json_each(?1)) OR d.complaint_id IN (SELECT id FROM complaints WHERE account_id IN (SELECT value FROM json_each(?1))))",
        by_person: concat!("(d.decided_by_id = ?2 OR d.complaint_id IN ", complaints_of_person!(), ")"),
    },
    Source {
        select: "SELECT 'promise', p.id, p.made_at, p.made_at_precision, 'promise', p.disputed, 0 FROM promises p",
        by_account: "p.account_id = ?1",
        by_complaint: "p.id IN (SELECT promise_id FROM promise_complaints WHERE complaint_id = ?2)",
        by_accounts: "p.account_id IN (SELECT value FROM json_each(?1))",
        by_person: "p.made_by_id = ?2",
    },
];

/// Each source's SELECT, scoped to what was asked for. Unused scope parameters are still
/// mentioned (`?1 IS NULL`) so every variant binds the same parameters.
fn arms(account: bool, complaint: bool) -> Vec<String> {
    SOURCES
        .iter()
        .map(|s| {
            let a = if account { s.by_account } else { "?1 IS NULL" };
            let c = if complaint { s.by_complaint } else { "?2 IS NULL" };
            format!("{} WHERE {a} AND {c}", s.select)
        })
        .collect()
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TimelineQuery {
    pub account_id: Option<String>,
    pub complaint_id: Option<String>,
    /// Event kinds and/or "complaint", "remedy", "decision_record"; empty shows everything.
    pub kinds: Vec<String>,
    /// First and last day, inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Some(true): only disputed entries.
    pub disputed: Option<bool>,
    /// Some(false) hides entries a revision replaced; Some(true) shows only those.
    pub superseded: Option<bool>,
    /// "oldest" for a chronology read forwards; newest first otherwise.
    pub order: Option<String>,
    pub offset: Option<u64>,
    pub limit: Option<u64>,
}

fn some(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

/// One page of the merged timeline. `today` decides which promises show as overdue.
pub fn list(conn: &Connection, today: chrono::NaiveDate, q: &TimelineQuery) -> Result<Page<TimelineItem>> {
    let account = some(&q.account_id);
    let complaint = some(&q.complaint_id);
    if let Some(a) = &account {
        crate::accounts::get(conn, a)?;
    }
    if let Some(c) = &complaint {
        complaints::get(conn, c)?;
    }
    let (account_set, complaint_set) = (account.is_some(), complaint.is_some());
    let kinds = events::listing_kinds(&q.kinds, RECORD_KINDS)?;
    let from = events::listing_day("from", &q.from)?;
    let to = events::listing_day("to", &q.to)?;
    if let (Some(f), Some(t)) = (&from, &to) {
        if f > t {
            return Err(Error::validation("to", "The last day is before the first day."));
        }
    }
    let order = match some(&q.order).as_deref() {
        None | Some("newest") => "DESC",
        Some("oldest") => "ASC",
        Some(_) => return Err(Error::validation("order", "Choose newest or oldest first.")),
    };
    // Only the filters asked for are written in. Each source is counted on its own, so with
    // no filter a count reads only the customer's index; and each gives at most the rows up
    // to the end of the page, newest first along that index, so a page of a customer with a
    // hundred thousand entries reads about a page of them, not all of them.
    let mut terms: Vec<String> = Vec::new();
    let mut args: Vec<Value> = vec![account.map_or(Value::Null, Value::Text), complaint.map_or(Value::Null, Value::Text)];
    let mut arg = |v: Value| {
        args.push(v);
        format!("?{}", args.len())
    };
    if let Some(k) = kinds {
        terms.push(format!("kind IN (SELECT value FROM json_each({}))", arg(Value::Text(k))));
    }
    if let Some(f) = from {
        terms.push(format!("(CASE WHEN length(at) = 7 THEN at || '-01' ELSE substr(at, 1, 10) END) >= {}", arg(Value::Text(f))));
    }
    if let Some(t) = to {
        terms.push(format!("substr(at, 1, 10) <= {}", arg(Value::Text(t))));
    }
    if let Some(d) = q.disputed {
        terms.push(format!("disputed = {}", arg(Value::Integer(i64::from(d)))));
    }
    if let Some(s) = q.superseded {
        terms.push(format!("superseded = {}", arg(Value::Integer(i64::from(s)))));
    }
    let filter = if terms.is_empty() { String::new() } else { format!("WHERE {}", terms.join(" AND ")) };
    // Each source named alike, so the filters and the order read the same columns in each.
    let arms: Vec<String> = arms(account_set, complaint_set)
        .into_iter()
        .map(|a| format!("WITH t(source, id, at, precision, kind, disputed, superseded) AS ({a})"))
        .collect();
    let counts: Vec<String> = arms.iter().map(|a| format!("({a} SELECT count(*) FROM t {filter})")).collect();
    let total = conn.prepare_cached(&format!("SELECT {}", counts.join(" + ")))?.query_row(params_from_iter(args.iter()), |r| r.get::<_, i64>(0))? as u64;
    let limit = page_limit(q.limit);
    let offset = q.offset.unwrap_or(0);
    let n = args.len();
    args.push(Value::Integer((offset + limit) as i64));
    args.push(Value::Integer(limit as i64));
    args.push(Value::Integer(offset as i64));
    let order = format!("ORDER BY at {order}, source {order}, id {order}");
    let pages: Vec<String> =
        arms.iter().map(|a| format!("SELECT * FROM ({a} SELECT source, id, at, precision, kind FROM t {filter} {order} LIMIT ?{})", n + 1)).collect();
    let sql = format!("SELECT source, id, at, precision, kind FROM ({}) {order} LIMIT ?{} OFFSET ?{}", pages.join("\n UNION ALL \n"), n + 2, n + 3);
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(params_from_iter(args.iter()), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, Precision>(3)?, r.get::<_, String>(4)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut items = Vec::with_capacity(rows.len());
    for (source, id, at, precision, kind) in rows {
        items.push(TimelineItem { at, precision, kind, entry: hydrate(conn, today, &source, &id)? });
    }
    Ok(Page { items, total, offset, limit })
}

/// Read one row of a source in full, through the module that owns it.
fn hydrate(conn: &Connection, today: chrono::NaiveDate, source: &str, id: &str) -> Result<Entry> {
    Ok(match source {
        "event" => Entry::Event(Box::new(events::view(conn, events::get(conn, id)?)?)),
        "complaint" => Entry::Complaint(Box::new(complaints::get(conn, id)?)),
        "remedy" => Entry::Remedy(Box::new(remedies::get(conn, id)?)),
        "decision" => Entry::Decision(Box::new(decisions::get(conn, id)?)),
        "promise" => Entry::Promise(Box::new(promises::get(conn, id, today)?)),
        other => return Err(Error::conflict(format!("unknown timeline source {other}"))),
    })
}

#[cfg(test)]
mod tests;
