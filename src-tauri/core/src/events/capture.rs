//! What the user writes on the timeline: new entries, revisions and retractions, each
//! checked before anything is saved.
//!
//! An entry records when it happened with an honest precision, who or which document it
//! comes from, and how strong that evidence is. Corrections never edit a row: a revision is
//! a new entry pointing at the one it replaces, and a retraction only marks an entry with
//! its reason, so what was once written can always be read again.

use super::{get, insert, superseded_by, Event, NewEvent};
use crate::chain;
use crate::db::CaseFile;
use crate::error::{Error, Result};
use crate::model::{EventKind, Precision, Strength};
use crate::{accounts, complaints, people, text, when};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;

/// A timeline entry as typed. Blank precision means exact, blank strength first-hand, and a
/// blank time means now: the quick capture only needs a kind and a summary.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EventInput {
    pub kind: String,
    pub occurred_at: String,
    pub occurred_precision: String,
    pub summary: String,
    pub details: String,
    /// Who said it: a person in the case file ...
    pub source_person_id: Option<String>,
    /// ... or which document it comes from.
    pub source_text: String,
    pub strength: String,
    pub disputed: bool,
    pub account_id: Option<String>,
    pub complaint_id: Option<String>,
    pub promise_id: Option<String>,
    pub decision_id: Option<String>,
    /// Who acted: made the call, gave the order.
    pub actor_id: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RetractInput {
    pub reason: String,
}

fn some(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

fn person(conn: &Connection, field: &str, id: &Option<String>) -> Result<Option<String>> {
    match some(id) {
        Some(p) => {
            people::get(conn, &p).map_err(|_| Error::validation(field, "That person is not in this case file."))?;
            Ok(Some(p))
        }
        None => Ok(None),
    }
}

/// Kinds Casefile writes itself, alongside the record they belong to.
fn written_by_casefile(kind: EventKind) -> Option<&'static str> {
    match kind {
        EventKind::AccountTransfer => Some("Account transfers are recorded with “Move to another rep” on the customer, which keeps the transfer and its timeline entry together."),
        EventKind::StatusChange => Some("Status changes are recorded by moving the complaint, remedy or promise through its workflow."),
        _ => None,
    }
}

impl EventInput {
    /// Check every field and resolve the links; the result is ready to insert.
    pub(crate) fn check(&self, conn: &Connection, now: DateTime<Utc>, today: NaiveDate) -> Result<NewEvent> {
        if self.kind.trim().is_empty() {
            return Err(Error::validation("kind", "Choose what kind of entry this is: a call, a meeting, an e-mail, a note …"));
        }
        let kind = EventKind::parse("kind", &self.kind)?;
        if let Some(why) = written_by_casefile(kind) {
            return Err(Error::validation("kind", why));
        }
        let precision = if self.occurred_precision.trim().is_empty() { Precision::Exact } else { Precision::parse("occurred_precision", &self.occurred_precision)? };
        let occurred_at = if self.occurred_at.trim().is_empty() {
            match precision {
                Precision::Exact => when::instant(now),
                _ => when::date(today),
            }
        } else {
            when::parse_moment("occurred_at", &self.occurred_at, precision)?
        };
        let future = match precision {
            // A few minutes of slack for a clock set slightly differently from the user's watch.
            Precision::Exact => when::parse_instant("occurred_at", &occurred_at)? > now + Duration::minutes(5),
            _ => when::moment_day(&occurred_at).is_some_and(|d| d > today),
        };
        if future {
            return Err(Error::validation("occurred_at", "That is in the future: the timeline records what has already happened."));
        }
        let summary = text::line("summary", "The summary", &self.summary)?;
        if summary.is_empty() {
            return Err(Error::validation("summary", "Say in a line what happened."));
        }
        let details = text::optional("details", "The details", &self.details, text::LONG_MAX)?;
        let source_person_id = person(conn, "source_person_id", &self.source_person_id)?;
        let source_text = text::line("source_text", "The source", &self.source_text)?;
        if source_person_id.is_none() && source_text.is_empty() {
            return Err(Error::validation("source_person_id", "Say who it comes from, or name the document (e.g. “E-mail of 4 March”)."));
        }
        let strength = if self.strength.trim().is_empty() { Strength::FirstHand } else { Strength::parse("strength", &self.strength)? };
        let actor_id = person(conn, "actor_id", &self.actor_id)?;
        let (account_id, complaint_id, promise_id) = links(conn, &self.account_id, &self.complaint_id, &self.promise_id)?;
        let decision_id = some(&self.decision_id);
        if let Some(d) = &decision_id {
            crate::decisions::get(conn, d).map_err(|_| Error::validation("decision_id", "That decision is not in this case file."))?;
        }
        Ok(NewEvent {
            kind,
            occurred_at,
            occurred_precision: precision,
            summary,
            details,
            source_person_id,
            source_text,
            strength,
            disputed: self.disputed,
            supersedes_id: None,
            account_id,
            complaint_id,
            promise_id,
            decision_id,
            actor_id,
        })
    }
}

/// Check the customer, complaint and promise an entry is about belong together; a complaint
/// or promise alone brings its customer along.
pub(crate) fn links(
    conn: &Connection,
    account: &Option<String>,
    complaint: &Option<String>,
    promise: &Option<String>,
) -> Result<(Option<String>, Option<String>, Option<String>)> {
    let mut account_id = some(account);
    if let Some(a) = &account_id {
        if !accounts::exists(conn, a)? {
            return Err(Error::validation("account_id", "That customer is not in this case file."));
        }
    }
    let complaint_id = some(complaint);
    if let Some(c) = &complaint_id {
        let c = complaints::get(conn, c).map_err(|_| Error::validation("complaint_id", "That complaint is not in this case file."))?;
        match &account_id {
            Some(a) if *a != c.account_id => {
                return Err(Error::validation("complaint_id", format!("{} belongs to {}, not to this customer.", c.reference, c.account_name)))
            }
            _ => account_id = Some(c.account_id),
        }
    }
    let promise_id = some(promise);
    if let Some(p) = &promise_id {
        let owner: Option<String> = conn.prepare_cached("SELECT account_id FROM promises WHERE id = ?1")?.query_row([p], |r| r.get(0)).optional()?;
        match (owner, &account_id) {
            (None, _) => return Err(Error::validation("promise_id", "That promise is not in this case file.")),
            (Some(o), Some(a)) if o != *a => return Err(Error::validation("promise_id", "That promise was made to a different customer.")),
            (Some(o), _) => account_id = Some(o),
        }
    }
    Ok((account_id, complaint_id, promise_id))
}

/// Write a new entry on the timeline.
pub fn create(cf: &mut CaseFile, input: &EventInput) -> Result<Event> {
    let e = input.check(cf.conn(), cf.now(), cf.today())?;
    cf.write(|tx| {
        let id = insert(tx, &e)?;
        get(tx, &id)
    })
}

/// Why an entry cannot be changed any more, if it cannot.
fn check_changeable(conn: &Connection, old: &Event, verb: &str) -> Result<()> {
    if let Some(why) = written_by_casefile(old.kind) {
        return Err(Error::conflict(format!("Casefile wrote this entry itself, so it cannot be {verb}. {why} Add a note to say what is wrong with it.")));
    }
    if let Some(at) = &old.retracted_at {
        return Err(Error::conflict(format!("This entry was retracted on {}; it cannot be {verb}.", at.get(..10).unwrap_or(at))));
    }
    if let Some((_, at)) = superseded_by(conn, &old.id)? {
        return Err(Error::conflict(format!(
            "This entry was already revised on {}; open its newest version to change it.",
            at.get(..10).unwrap_or(&at)
        )));
    }
    Ok(())
}

/// Correct an entry: a new revision supersedes it, and the old one stays visible as
/// superseded, so anyone can see what changed and when.
pub fn revise(cf: &mut CaseFile, id: &str, input: &EventInput) -> Result<Event> {
    let old = get(cf.conn(), id)?;
    check_changeable(cf.conn(), &old, "revised")?;
    let mut e = input.check(cf.conn(), cf.now(), cf.today())?;
    let same = e.kind == old.kind
        && e.occurred_at == old.occurred_at
        && e.occurred_precision == old.occurred_precision
        && e.summary == old.summary
        && e.details == old.details
        && e.source_person_id == old.source_person_id
        && e.source_text == old.source_text
        && e.strength == old.strength
        && e.disputed == old.disputed
        && e.account_id == old.account_id
        && e.complaint_id == old.complaint_id
        && e.promise_id == old.promise_id
        && e.decision_id == old.decision_id
        && e.actor_id == old.actor_id;
    if same {
        return Err(Error::validation("summary", "Nothing was changed, so no revision was made."));
    }
    e.supersedes_id = Some(old.id.clone());
    cf.write(|tx| {
        let new_id = insert(tx, &e)?;
        get(tx, &new_id)
    })
}

/// Withdraw an entry that should not stand, saying why. It stays in the record, marked.
pub fn retract(cf: &mut CaseFile, id: &str, input: &RetractInput) -> Result<Event> {
    let old = get(cf.conn(), id)?;
    check_changeable(cf.conn(), &old, "retracted")?;
    let reason = text::line("reason", "The reason", &input.reason)?;
    if reason.is_empty() {
        return Err(Error::validation("reason", "Say why the entry is retracted; the reason stays with it."));
    }
    cf.write(|tx| {
        tx.prepare_cached("UPDATE events SET retracted_at = ?2, retraction_reason = ?3 WHERE id = ?1")?.execute(params![id, tx.now_str(), reason])?;
        chain::record(tx, "events", id, "retract")?;
        get(tx, id)
    })
}
