//! The complaint workflow, in the shape of ISO 10002: received → acknowledged →
//! investigating → remedy offered → resolved → closed, and reopened when it comes back.
//!
//! The allowed moves are one explicit table, so the window can offer only the next steps
//! that make sense and the core can refuse any other with the reason and the alternatives.
//! Every move is dated, kept in `complaint_status_history`, and written on the timeline.

use super::{get, not_future, parse_when, Complaint};
use crate::chain;
use crate::db::{CaseFile, Tx};
use crate::error::{Error, Result};
use crate::events::{self, NewEvent};
use crate::model::{ComplaintStatus, EventKind};
use crate::{text, when};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use ComplaintStatus::*;

/// Every move the workflow allows: from a status, the statuses it may go to next.
pub const ALLOWED: &[(ComplaintStatus, &[ComplaintStatus])] = &[
    (Received, &[Acknowledged]),
    (Acknowledged, &[Investigating]),
    (Investigating, &[RemedyOffered, Resolved]),
    (RemedyOffered, &[Resolved, Investigating]),
    (Resolved, &[Closed, Reopened]),
    (Closed, &[Reopened]),
    (Reopened, &[Investigating, RemedyOffered]),
];

/// The next steps allowed from `status`.
pub fn allowed_from(status: ComplaintStatus) -> &'static [ComplaintStatus] {
    ALLOWED.iter().find(|(from, _)| *from == status).map(|(_, to)| *to).unwrap_or(&[])
}

/// Why a move into `to` needs a particular starting point: the rule behind the table.
fn rule_for(to: ComplaintStatus) -> &'static str {
    match to {
        Received => "a complaint is received only once, when it is first logged",
        Acknowledged => "only a newly received complaint is acknowledged; tell the customer you have it before anything else",
        Investigating => "investigation starts once the complaint has been acknowledged (or comes back after a remedy offer or a reopening)",
        RemedyOffered => "a remedy is offered only once the complaint has been investigated",
        Resolved => "a complaint is resolved only after it has been investigated or a remedy offered",
        Closed => "only a resolved complaint is closed, recording whether the customer was satisfied",
        Reopened => "only a resolved or closed complaint can be reopened",
    }
}

/// Refuse a move the table does not allow, saying why and what is allowed instead.
pub fn check(reference: &str, from: ComplaintStatus, to: ComplaintStatus) -> Result<()> {
    if allowed_from(from).contains(&to) {
        return Ok(());
    }
    let next = allowed_from(from).iter().map(|s| s.label()).collect::<Vec<_>>().join(" or ");
    let message = if from == to {
        format!("{reference} is already {}. From here it can go to {next}.", from.label())
    } else {
        format!("{reference} is {} and cannot move to {}: {}. From {} it can go to {next}.", from.label(), to.label(), rule_for(to), from.label())
    };
    Err(Error::conflict(message))
}

/// One allowed next step, as the window offers it.
#[derive(Debug, Clone, Serialize)]
pub struct NextStep {
    pub status: ComplaintStatus,
    pub label: &'static str,
    /// Closing asks whether the customer was satisfied.
    pub asks_satisfaction: bool,
}

pub fn next_steps(status: ComplaintStatus) -> Vec<NextStep> {
    allowed_from(status).iter().map(|s| NextStep { status: *s, label: s.label(), asks_satisfaction: *s == Closed }).collect()
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TransitionInput {
    pub to: String,
    /// When it happened: "2026-03-04" or "2026-03-04 14:30"; blank means now.
    pub at: String,
    pub note: String,
    /// "yes" or "no"; required when closing.
    pub customer_satisfied: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryEntry {
    pub id: String,
    pub from_status: Option<ComplaintStatus>,
    pub to_status: ComplaintStatus,
    pub changed_at: String,
    pub note: String,
    pub recorded_at: String,
}

fn parse_satisfied(text: &str) -> Result<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" | "1" => Ok(true),
        "no" | "false" | "0" => Ok(false),
        _ => Err(Error::validation("customer_satisfied", "Say whether the customer was satisfied: closing a complaint records it.")),
    }
}

/// Move a complaint to its next status.
pub fn transition(cf: &mut CaseFile, id: &str, input: &TransitionInput) -> Result<Complaint> {
    let c = get(cf.conn(), id)?;
    if input.to.trim().is_empty() {
        return Err(Error::validation("to", "Choose the next status."));
    }
    let to = ComplaintStatus::parse("to", &input.to)?;
    check(&c.reference, c.status, to)?;
    let satisfied = if to == Closed { Some(parse_satisfied(&input.customer_satisfied)?) } else { None };
    let note = text::optional("note", "The note", &input.note, text::LONG_MAX)?;
    let now = when::instant(cf.now());
    let (at, precision) = parse_when("at", &input.at, &now)?;
    not_future("at", &at, cf.today())?;
    let last = last_change(cf.conn(), id)?;
    let day = when::moment_day(&at);
    if let (Some(d), Some(prev)) = (day, last.as_deref().and_then(when::moment_day)) {
        if d < prev {
            return Err(Error::validation("at", format!("{} is before the last change of {} ({}); moves are kept in order.", when::date(d), c.reference, when::date(prev))));
        }
    }
    cf.write(|tx| {
        let reopened = to == Reopened;
        tx.prepare_cached(
            "UPDATE complaints SET status = ?2, customer_satisfied = CASE WHEN ?3 THEN NULL ELSE coalesce(?4, customer_satisfied) END,
                 updated_at = ?5 WHERE id = ?1",
        )?
        .execute(params![id, to, reopened, satisfied, tx.now_str()])?;
        chain::record(tx, "complaints", id, "transition")?;
        record_history(tx, id, Some(c.status), to, &at, &note)?;
        let mut summary = format!("{} moved from {} to {}", c.reference, c.status.label(), to.label());
        if let Some(s) = satisfied {
            summary.push_str(if s { " — customer satisfied" } else { " — customer not satisfied" });
        }
        let mut e = NewEvent::system(tx, EventKind::StatusChange, summary);
        e.occurred_at = at.clone();
        e.occurred_precision = precision;
        e.details = note.clone();
        e.account_id = Some(c.account_id.clone());
        e.complaint_id = Some(id.to_string());
        events::insert(tx, &e)?;
        get(tx, id)
    })
}

pub(super) fn record_history(tx: &Tx<'_>, complaint_id: &str, from: Option<ComplaintStatus>, to: ComplaintStatus, at: &str, note: &str) -> Result<()> {
    let id = tx.new_id();
    tx.prepare_cached(
        "INSERT INTO complaint_status_history(id, complaint_id, from_status, to_status, changed_at, note, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![id, complaint_id, from, to, at, note, tx.now_str()])?;
    chain::record(tx, "complaint_status_history", &id, "create")
}

fn last_change(conn: &Connection, complaint_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT max(changed_at) FROM complaint_status_history WHERE complaint_id = ?1")?
        .query_row([complaint_id], |r| r.get(0))?)
}

/// Every move of a complaint, oldest first, starting with "received".
pub fn history(conn: &Connection, complaint_id: &str) -> Result<Vec<HistoryEntry>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, from_status, to_status, changed_at, note, recorded_at FROM complaint_status_history
             WHERE complaint_id = ?1 ORDER BY changed_at, recorded_at, id",
        )?
        .query_map([complaint_id], |r| {
            Ok(HistoryEntry { id: r.get(0)?, from_status: r.get(1)?, to_status: r.get(2)?, changed_at: r.get(3)?, note: r.get(4)?, recorded_at: r.get(5)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The first response is late when the complaint is still only received after its due day.
pub fn response_overdue(c: &Complaint, today: NaiveDate) -> bool {
    c.status == Received && c.response_due_on.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).is_some_and(|due| today > due)
}

/// Everything the complaint screen shows.
#[derive(Debug, Clone, Serialize)]
pub struct ComplaintDetail {
    pub complaint: Complaint,
    pub next_steps: Vec<NextStep>,
    pub history: Vec<HistoryEntry>,
    pub response_overdue: bool,
    /// When the customer first heard back (the move out of "received"), if they have.
    pub first_response_at: Option<String>,
    pub remedies: Vec<crate::remedies::Remedy>,
    pub remedy_totals: crate::remedies::RemedyTotals,
    pub attachments: Vec<crate::attachments::Attachment>,
}

pub fn detail(conn: &Connection, today: NaiveDate, id: &str) -> Result<ComplaintDetail> {
    let complaint = get(conn, id)?;
    let history = history(conn, id)?;
    let first_response_at = history.iter().find(|h| h.from_status == Some(Received)).map(|h| h.changed_at.clone());
    Ok(ComplaintDetail {
        next_steps: next_steps(complaint.status),
        response_overdue: response_overdue(&complaint, today),
        first_response_at,
        history,
        remedies: crate::remedies::list_for_complaint(conn, id)?,
        remedy_totals: crate::remedies::totals_for_complaint(conn, id)?,
        attachments: crate::attachments::list_for(conn, &crate::attachments::Target::complaint(id))?,
        complaint,
    })
}
