//! Reading the timeline's entries back: filtered and paged lists, and each entry with what
//! a reader needs beside it (names, the revision that replaced it, what a revision changed,
//! its files and, for an imported e-mail, its headers).

use super::{from_row, get, superseded_by, Event, SELECT};
use crate::attachments::{self, Attachment, Target};
use crate::email::{self, Email};
use crate::error::Result;
use crate::model::{page_limit, EventKind, Page};
use crate::people::escape_like;
use crate::{when, Error};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// An entry with everything the timeline shows next to it.
#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    #[serde(flatten)]
    pub event: Event,
    pub source_person_name: Option<String>,
    pub actor_name: Option<String>,
    pub account_name: Option<String>,
    pub complaint_reference: Option<String>,
    /// The revision that replaced this entry, and when that revision was written.
    pub superseded_by: Option<String>,
    pub superseded_at: Option<String>,
    /// For a revision: each field that differs from the version it replaced.
    pub changes: Vec<FieldChange>,
    pub attachments: Vec<Attachment>,
    pub email: Option<Email>,
}

/// One field a revision changed, as a reader would say it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub label: &'static str,
    pub before: String,
    pub after: String,
}

fn name_of(conn: &Connection, sql: &str, id: &Option<String>) -> Result<Option<String>> {
    match id {
        Some(id) => Ok(conn.prepare_cached(sql)?.query_row([id], |r| r.get(0)).optional()?),
        None => Ok(None),
    }
}

fn person_name(conn: &Connection, id: &Option<String>) -> Result<Option<String>> {
    name_of(conn, "SELECT name FROM people WHERE id = ?1", id)
}

/// What changed between an entry and the version it replaced, field by field.
pub fn changes(conn: &Connection, old: &Event, new: &Event) -> Result<Vec<FieldChange>> {
    let mut out = Vec::new();
    let mut push = |field, label, before: String, after: String| {
        if before != after {
            out.push(FieldChange { field, label, before, after });
        }
    };
    let blank = |s: Option<String>| s.filter(|s| !s.is_empty()).unwrap_or_else(|| "—".into());
    push("kind", "Kind", old.kind.label().into(), new.kind.label().into());
    push(
        "occurred_at",
        "When it happened",
        when::describe_moment(&old.occurred_at, old.occurred_precision),
        when::describe_moment(&new.occurred_at, new.occurred_precision),
    );
    push("occurred_precision", "Precision", old.occurred_precision.label().into(), new.occurred_precision.label().into());
    push("summary", "Summary", old.summary.clone(), new.summary.clone());
    push("details", "Details", blank(Some(old.details.clone())), blank(Some(new.details.clone())));
    push("source_person_id", "Source", blank(person_name(conn, &old.source_person_id)?), blank(person_name(conn, &new.source_person_id)?));
    push("source_text", "Source document", blank(Some(old.source_text.clone())), blank(Some(new.source_text.clone())));
    push("strength", "Evidence strength", old.strength.label().into(), new.strength.label().into());
    let yes_no = |b: bool| if b { "Disputed".to_string() } else { "Not disputed".to_string() };
    push("disputed", "Disputed", yes_no(old.disputed), yes_no(new.disputed));
    let account = |id: &Option<String>| name_of(conn, "SELECT name FROM accounts WHERE id = ?1", id);
    push("account_id", "Customer", blank(account(&old.account_id)?), blank(account(&new.account_id)?));
    let complaint = |id: &Option<String>| name_of(conn, "SELECT reference FROM complaints WHERE id = ?1", id);
    push("complaint_id", "Complaint", blank(complaint(&old.complaint_id)?), blank(complaint(&new.complaint_id)?));
    let promise = |id: &Option<String>| name_of(conn, "SELECT what FROM promises WHERE id = ?1", id);
    push("promise_id", "Promise", blank(promise(&old.promise_id)?), blank(promise(&new.promise_id)?));
    let decision = |id: &Option<String>| name_of(conn, "SELECT title FROM decisions WHERE id = ?1", id);
    push("decision_id", "Decision", blank(decision(&old.decision_id)?), blank(decision(&new.decision_id)?));
    push("actor_id", "Who acted", blank(person_name(conn, &old.actor_id)?), blank(person_name(conn, &new.actor_id)?));
    Ok(out)
}

/// An entry with its names, revision links, changes, files and e-mail.
pub fn view(conn: &Connection, event: Event) -> Result<EventView> {
    let superseded = superseded_by(conn, &event.id)?;
    let changes = match &event.supersedes_id {
        Some(old) => changes(conn, &get(conn, old)?, &event)?,
        None => Vec::new(),
    };
    Ok(EventView {
        source_person_name: person_name(conn, &event.source_person_id)?,
        actor_name: person_name(conn, &event.actor_id)?,
        account_name: name_of(conn, "SELECT name FROM accounts WHERE id = ?1", &event.account_id)?,
        complaint_reference: name_of(conn, "SELECT reference FROM complaints WHERE id = ?1", &event.complaint_id)?,
        superseded_by: superseded.as_ref().map(|s| s.0.clone()),
        superseded_at: superseded.map(|s| s.1),
        changes,
        attachments: attachments::list_for(conn, &Target::event(&event.id))?,
        email: email::for_event(conn, &event.id)?,
        event,
    })
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EventQuery {
    pub account_id: Option<String>,
    pub complaint_id: Option<String>,
    pub promise_id: Option<String>,
    pub decision_id: Option<String>,
    /// Event kinds to show; empty shows every kind.
    pub kinds: Vec<String>,
    /// First and last day, inclusive: "2026-03-01".
    pub from: Option<String>,
    pub to: Option<String>,
    /// Some(true): only disputed entries; Some(false): only undisputed ones.
    pub disputed: Option<bool>,
    /// Some(false) hides entries a revision replaced; Some(true) shows only those.
    pub superseded: Option<bool>,
    pub retracted: Option<bool>,
    pub search: Option<String>,
    pub offset: Option<u64>,
    pub limit: Option<u64>,
}

fn some(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

/// Parse an optional inclusive day bound.
pub(crate) fn day_bound(field: &str, v: &Option<String>) -> Result<Option<String>> {
    match some(v) {
        Some(d) => Ok(Some(when::date(when::parse_date(field, &d)?))),
        None => Ok(None),
    }
}

/// Check a list of kind words and return it as JSON for `json_each`, or None for "all".
pub(crate) fn kinds_json(kinds: &[String], also: &[&str]) -> Result<Option<String>> {
    let mut words = Vec::new();
    for k in kinds.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
        if also.contains(&k) {
            words.push(k.to_string());
        } else {
            words.push(EventKind::parse("kinds", k)?.as_str().to_string());
        }
    }
    Ok(if words.is_empty() { None } else { Some(serde_json::to_string(&words).map_err(|e| Error::conflict(e.to_string()))?) })
}

/// Entries newest first, filtered and paged.
pub fn list(conn: &Connection, q: &EventQuery) -> Result<Page<EventView>> {
    let kinds = kinds_json(&q.kinds, &[])?;
    let from = day_bound("from", &q.from)?;
    let to = day_bound("to", &q.to)?;
    let search = some(&q.search).unwrap_or_default();
    let like = format!("%{}%", escape_like(&search));
    let (account, complaint, promise, decision) = (some(&q.account_id), some(&q.complaint_id), some(&q.promise_id), some(&q.decision_id));
    // Only the scopes asked for are written in, so SQLite can use their indexes.
    let scope = |set: bool, column: &str, n: u8| if set { format!("{column} = ?{n}") } else { format!("?{n} IS NULL") };
    let filter = format!(
        "WHERE {} AND {} AND {} AND {}
        AND",
        scope(account.is_some(), "account_id", 1),
        scope(complaint.is_some(), "complaint_id", 2),
        scope(promise.is_some(), "promise_id", 3),
        scope(decision.is_some(), "decision_id", 4)
    ) + " (?5 IS NULL OR kind IN (SELECT value FROM json_each(?5)))
        AND (?6 IS NULL OR (CASE WHEN length(occurred_at) = 7 THEN occurred_at || '-01' ELSE substr(occurred_at, 1, 10) END) >= ?6)
        AND (?7 IS NULL OR substr(occurred_at, 1, 10) <= ?7)
        AND (?8 IS NULL OR disputed = ?8)
        AND (?9 IS NULL OR EXISTS (SELECT 1 FROM events n WHERE n.supersedes_id = events.id) = ?9)
        AND (?10 IS NULL OR (retracted_at IS NOT NULL) = ?10)
        AND (?11 = '%%' OR summary LIKE ?11 ESCAPE '\\' OR details LIKE ?11 ESCAPE '\\' OR source_text LIKE ?11 ESCAPE '\\')";
    let total = conn
        .prepare_cached(&format!("SELECT count(*) FROM events {filter}"))?
        .query_row(params![account, complaint, promise, decision, kinds, from, to, q.disputed, q.superseded, q.retracted, like], |r| r.get::<_, i64>(0))?
        as u64;
    let limit = page_limit(q.limit);
    let offset = q.offset.unwrap_or(0);
    let rows = conn
        .prepare_cached(&format!("{SELECT} {filter} ORDER BY occurred_at DESC, recorded_at DESC, id DESC LIMIT ?12 OFFSET ?13"))?
        .query_map(
            params![account, complaint, promise, decision, kinds, from, to, q.disputed, q.superseded, q.retracted, like, limit as i64, offset as i64],
            from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut items = Vec::with_capacity(rows.len());
    for e in rows {
        items.push(view(conn, e)?);
    }
    Ok(Page { items, total, offset, limit })
}
