//! The evidence timeline. Owns the SQL of the `events` table.
//!
//! An event keeps when it happened (with how precisely that is known) apart from when it was
//! written down, which the core sets and nothing edits. Other modules add events here for
//! the things they change (a promise broken, a complaint moved on, an account transferred),
//! so the timeline is the one place the whole story can be read in order.
//!
//! Nothing here is ever rewritten: a correction is a new revision that supersedes the old
//! entry (which stays visible), and a removal only marks the entry retracted with a reason.
//! What users type is checked in [`capture`]; reading, filtering and comparing revisions is
//! in [`listing`].

pub mod bulk;
mod capture;
mod listing;

pub use capture::{create, retract, revise, EventInput, RetractInput};
pub(crate) use capture::links as check_links;
pub(crate) use listing::{day_bound as listing_day, kinds_json as listing_kinds};
pub use listing::{changes, list, view, EventQuery, EventView, FieldChange};

use crate::chain;
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::model::{EventKind, Precision, Strength};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    pub occurred_at: String,
    pub occurred_precision: Precision,
    pub recorded_at: String,
    pub summary: String,
    pub details: String,
    pub source_person_id: Option<String>,
    pub source_text: String,
    pub strength: Strength,
    pub disputed: bool,
    pub supersedes_id: Option<String>,
    pub retracted_at: Option<String>,
    pub retraction_reason: String,
    pub redacted_at: Option<String>,
    pub account_id: Option<String>,
    pub complaint_id: Option<String>,
    pub promise_id: Option<String>,
    pub decision_id: Option<String>,
    pub actor_id: Option<String>,
}

/// An event to add, already checked by the caller.
#[derive(Debug, Clone)]
pub struct NewEvent {
    pub kind: EventKind,
    pub occurred_at: String,
    pub occurred_precision: Precision,
    pub summary: String,
    pub details: String,
    pub source_person_id: Option<String>,
    pub source_text: String,
    pub strength: Strength,
    pub disputed: bool,
    pub supersedes_id: Option<String>,
    pub account_id: Option<String>,
    pub complaint_id: Option<String>,
    pub promise_id: Option<String>,
    pub decision_id: Option<String>,
    pub actor_id: Option<String>,
}

impl NewEvent {
    /// A record Casefile itself writes when something changes state: it happened now,
    /// exactly, and the case file is the written source.
    pub fn system(tx: &Tx<'_>, kind: EventKind, summary: String) -> NewEvent {
        NewEvent {
            kind,
            occurred_at: tx.now_str(),
            occurred_precision: Precision::Exact,
            summary,
            details: String::new(),
            source_person_id: None,
            source_text: "Recorded in Casefile".into(),
            strength: Strength::Written,
            disputed: false,
            supersedes_id: None,
            account_id: None,
            complaint_id: None,
            promise_id: None,
            decision_id: None,
            actor_id: None,
        }
    }
}

pub(crate) const SELECT: &str = "SELECT id, kind, occurred_at, occurred_precision, recorded_at, summary, details, source_person_id,
        source_text, strength, disputed, supersedes_id, retracted_at, retraction_reason, redacted_at,
        account_id, complaint_id, promise_id, decision_id, actor_id FROM events";

pub(crate) fn from_row(r: &Row<'_>) -> rusqlite::Result<Event> {
    Ok(Event {
        id: r.get(0)?,
        kind: r.get(1)?,
        occurred_at: r.get(2)?,
        occurred_precision: r.get(3)?,
        recorded_at: r.get(4)?,
        summary: r.get(5)?,
        details: r.get(6)?,
        source_person_id: r.get(7)?,
        source_text: r.get(8)?,
        strength: r.get(9)?,
        disputed: r.get(10)?,
        supersedes_id: r.get(11)?,
        retracted_at: r.get(12)?,
        retraction_reason: r.get(13)?,
        redacted_at: r.get(14)?,
        account_id: r.get(15)?,
        complaint_id: r.get(16)?,
        promise_id: r.get(17)?,
        decision_id: r.get(18)?,
        actor_id: r.get(19)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Event> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("timeline entry", id))
}

/// Add an event inside the caller's write, chained; returns its id.
pub fn insert(tx: &Tx<'_>, e: &NewEvent) -> Result<String> {
    insert_as(tx, e, if e.supersedes_id.is_some() { "supersede" } else { "create" })
}

fn insert_as(tx: &Tx<'_>, e: &NewEvent, action: &str) -> Result<String> {
    let id = tx.new_id();
    tx.prepare_cached(
        "INSERT INTO events(id, kind, occurred_at, occurred_precision, recorded_at, summary, details, source_person_id, source_text,
             strength, disputed, supersedes_id, account_id, complaint_id, promise_id, decision_id, actor_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        id,
        e.kind,
        e.occurred_at,
        e.occurred_precision,
        tx.now_str(),
        e.summary,
        e.details,
        e.source_person_id,
        e.source_text,
        e.strength,
        e.disputed,
        e.supersedes_id,
        e.account_id,
        e.complaint_id,
        e.promise_id,
        e.decision_id,
        e.actor_id
    ])?;
    chain::record(tx, "events", &id, action)?;
    Ok(id)
}

/// The revision that replaced `id`, if any: (its id, when it was recorded).
pub fn superseded_by(conn: &Connection, id: &str) -> Result<Option<(String, String)>> {
    Ok(conn
        .prepare_cached("SELECT id, recorded_at FROM events WHERE supersedes_id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// `id` and every older version it revised, newest first.
pub fn versions(conn: &Connection, id: &str) -> Result<Vec<String>> {
    let mut out = vec![id.to_string()];
    let mut stmt = conn.prepare_cached("SELECT supersedes_id FROM events WHERE id = ?1")?;
    while out.len() < 1000 {
        let last = out.last().cloned().unwrap_or_default();
        match stmt.query_row([&last], |r| r.get::<_, Option<String>>(0)).optional()?.flatten() {
            Some(older) => out.push(older),
            None => break,
        }
    }
    Ok(out)
}

/// The newest version of the entry `id` belongs to.
pub fn newest(conn: &Connection, id: &str) -> Result<String> {
    let mut current = id.to_string();
    for _ in 0..1000 {
        match superseded_by(conn, &current)? {
            Some((next, _)) => current = next,
            None => break,
        }
    }
    Ok(current)
}

/// The newest events about one account, newest first.
pub fn recent_for_account(conn: &Connection, account_id: &str, limit: u32) -> Result<Vec<Event>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE account_id = ?1 ORDER BY occurred_at DESC, id DESC LIMIT ?2"))?
        .query_map(params![account_id, limit], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

// ---- Redaction (the SQL of redact.rs: an entry's text and files are removed, the stub stays) ----

/// What redacting an entry removes, shown in the confirmation before anything is removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedactionPreview {
    /// The entry and every revision of it (edits supersede, so earlier text lives on in them).
    pub entries: Vec<RedactedEntry>,
    pub attachments: Vec<RedactedAttachment>,
    pub already_redacted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedactedEntry {
    pub id: String,
    /// The text as it stands, so the confirmation can show which entry this is.
    pub summary: String,
    pub occurred_at: String,
    pub recorded_at: String,
    pub summary_chars: u64,
    pub details_chars: u64,
    /// The subject and body of an imported e-mail, when the entry is one.
    pub email_chars: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedactedAttachment {
    pub id: String,
    pub name: String,
    pub size: u64,
    /// Another entry holds the same bytes, so they stay (that entry is not being redacted).
    pub shared: bool,
}

/// The entry `id` and all its revisions, oldest first, following `supersedes_id` both ways.
pub fn revision_family(conn: &Connection, id: &str) -> Result<Vec<String>> {
    get(conn, id)?;
    let mut stmt = conn.prepare_cached(
        "WITH RECURSIVE up(id) AS (SELECT ?1 UNION SELECT e.supersedes_id FROM events e JOIN up ON e.id = up.id WHERE e.supersedes_id IS NOT NULL),
              down(id) AS (SELECT ?1 UNION SELECT e.id FROM events e JOIN down ON e.supersedes_id = down.id)
         SELECT id FROM (SELECT id FROM up UNION SELECT id FROM down) ORDER BY id",
    )?;
    let ids = stmt.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

pub fn redaction_preview(conn: &Connection, ids: &[String]) -> Result<RedactionPreview> {
    let mut entries = Vec::new();
    let mut already = true;
    for id in ids {
        let e = get(conn, id)?;
        already &= e.redacted_at.is_some();
        let email_chars: Option<u64> = conn
            .prepare_cached("SELECT length(subject) + length(body_text) FROM emails WHERE event_id = ?1")?
            .query_row([id], |r| r.get::<_, i64>(0))
            .optional()?
            .map(|n| n as u64);
        entries.push(RedactedEntry {
            summary: e.summary.clone(),
            id: e.id,
            occurred_at: e.occurred_at,
            recorded_at: e.recorded_at,
            summary_chars: e.summary.chars().count() as u64,
            details_chars: e.details.chars().count() as u64,
            email_chars,
        });
    }
    let mut attachments = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.name, a.size,
                EXISTS (SELECT 1 FROM attachments o WHERE o.sha256 = a.sha256 AND o.id <> a.id
                        AND (o.event_id IS NULL OR o.event_id NOT IN (SELECT value FROM json_each(?2))))
         FROM attachments a WHERE a.event_id = ?1 ORDER BY a.name, a.id",
    )?;
    let family = serde_json::to_string(ids).unwrap_or_default();
    for id in ids {
        let rows = stmt.query_map(params![id, family], |r| {
            Ok(RedactedAttachment { id: r.get(0)?, name: r.get(1)?, size: r.get::<_, i64>(2)? as u64, shared: r.get(3)? })
        })?;
        for a in rows {
            attachments.push(a?);
        }
    }
    Ok(RedactionPreview { entries, attachments, already_redacted: already })
}

/// Remove the text of the entries `ids` (summary, details, an e-mail's subject and body) and
/// the bytes of their attachments that no other entry holds; mark them redacted now; and
/// chain every row changed with a `redact` link.
pub fn redact_rows(tx: &Tx<'_>, ids: &[String]) -> Result<()> {
    let preview = redaction_preview(tx, ids)?;
    for id in ids {
        tx.prepare_cached("UPDATE events SET summary = '', details = '', redacted_at = coalesce(redacted_at, ?2) WHERE id = ?1")?
            .execute(params![id, tx.now_str()])?;
        chain::record(tx, "events", id, "redact")?;
        let email = tx.prepare_cached("UPDATE emails SET subject = '', body_text = '' WHERE event_id = ?1")?.execute([id])?;
        if email > 0 {
            chain::record(tx, "emails", id, "redact")?;
        }
    }
    for a in preview.attachments.iter().filter(|a| !a.shared) {
        tx.prepare_cached("UPDATE attachment_blobs SET bytes = X'' WHERE sha256 = (SELECT sha256 FROM attachments WHERE id = ?1)")?
            .execute([&a.id])?;
        chain::record(tx, "attachments", &a.id, "redact")?;
    }
    Ok(())
}

/// The kinds of entry that are a conversation with the customer, for "the last contact".
/// Follow-ups are left out: most chase a colleague, not the customer.
pub const INTERACTION_KINDS: &[EventKind] = &[EventKind::Call, EventKind::Meeting, EventKind::Email, EventKind::HostileIncident];

/// The newest conversations with one customer (calls, meetings, e-mails and hostile
/// incidents), newest first, leaving out entries retracted or replaced by a revision. Walks
/// the customer's index backwards, so it stays quick however long the timeline grows.
pub fn recent_interactions(conn: &Connection, account_id: &str, limit: u32) -> Result<Vec<Event>> {
    let kinds = serde_json::to_string(&INTERACTION_KINDS.iter().map(|k| k.as_str()).collect::<Vec<_>>()).unwrap_or_default();
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE account_id = ?1 AND kind IN (SELECT value FROM json_each(?2)) AND retracted_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM events n WHERE n.supersedes_id = events.id)
             ORDER BY occurred_at DESC, id DESC LIMIT ?3"
        ))?
        .query_map(params![account_id, kinds, limit], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The newest standing entry of one kind about a customer on or after `since` (a day), if any.
pub fn latest_of_kind(conn: &Connection, account_id: &str, kind: EventKind, since: &str) -> Result<Option<Event>> {
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE account_id = ?1 AND kind = ?2 AND occurred_at >= ?3 AND retracted_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM events n WHERE n.supersedes_id = events.id)
             ORDER BY occurred_at DESC, id DESC LIMIT 1"
        ))?
        .query_row(params![account_id, kind, since], from_row)
        .optional()?)
}

#[cfg(test)]
mod tests;
