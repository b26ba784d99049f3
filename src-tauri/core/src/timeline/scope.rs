//! The timeline of an escalation packet's scope: several customers (or all of them), one
//! person's promises, a period. The window pages through one customer at a time; a packet
//! needs every record of its scope at once, in one definition shared by all its sections,
//! so the figures, the tables and the chronology can never disagree about what is in it.
//!
//! The scope is the same union of sources as [`super::list`], with two more conditions per
//! source: the customer list, and "about this person" — the promises they made, the entries,
//! complaints and remedies tied to those promises, and the entries and decisions in which
//! they are the source, the actor or the one who decided.

use super::{hydrate, TimelineItem, SOURCES};
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

/// Which records a packet covers. `None` means "no limit" for each part.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scope {
    /// The customers; `None` is every customer, and the entries tied to none.
    pub account_ids: Option<Vec<String>>,
    /// Only what is about the promises this person made, or what they did or said.
    pub person_id: Option<String>,
    /// First and last day, inclusive, of when things happened.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// What part of the timeline to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Promises, complaints, remedies and decisions: the records the figures are made of.
    Records,
    /// Timeline entries (calls, e-mails, notes, transitions ...).
    Events,
}

/// Entries in a scope, oldest first.
#[derive(Debug, Clone)]
pub struct Scoped {
    pub items: Vec<TimelineItem>,
    /// How many there are in the scope; more than `items` when the cap cut the oldest.
    pub total: u64,
}

fn union(scope: &Scope) -> String {
    SOURCES
        .iter()
        .map(|s| {
            let a = if scope.account_ids.is_some() { s.by_accounts } else { "?1 IS NULL" };
            let p = if scope.person_id.is_some() { s.by_person } else { "?2 IS NULL" };
            format!("{} WHERE {a} AND {p}", s.select)
        })
        .collect::<Vec<_>>()
        .join("\n UNION ALL \n")
}

/// The entries of one part of the scope. At most `max` are read, the newest ones, because a
/// chronology that must be cut is more use ending today than ending a year ago.
pub fn in_scope(conn: &Connection, today: NaiveDate, scope: &Scope, part: Part, max: u64) -> Result<Scoped> {
    let accounts = scope.account_ids.as_ref().map(|ids| serde_json::to_string(ids).unwrap_or_else(|_| "[]".into()));
    let from = scope.from.map(crate::when::date);
    let to = scope.to.map(crate::when::date);
    let events = part == Part::Events;
    let union = union(scope);
    let filter = "WHERE (?3 IS NULL OR (CASE WHEN length(at) = 7 THEN at || '-01' ELSE substr(at, 1, 10) END) >= ?3)
        AND (?4 IS NULL OR substr(at, 1, 10) <= ?4)
        AND (source = 'event') = ?5";
    let total = conn
        .prepare_cached(&format!("SELECT count(*) FROM ({union}) {filter}"))?
        .query_row(params![accounts, scope.person_id, from, to, events], |r| r.get::<_, i64>(0))? as u64;
    let sql = format!("SELECT source, id, at, precision, kind FROM ({union}) {filter} ORDER BY at DESC, source DESC, id DESC LIMIT ?6");
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(params![accounts, scope.person_id, from, to, events, max.min(i64::MAX as u64) as i64], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get(3)?, r.get::<_, String>(4)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut items = Vec::with_capacity(rows.len());
    for (source, id, at, precision, kind) in rows.into_iter().rev() {
        items.push(TimelineItem { at, precision, kind, entry: hydrate(conn, today, &source, &id)? });
    }
    Ok(Scoped { items, total })
}

#[cfg(test)]
mod tests;
