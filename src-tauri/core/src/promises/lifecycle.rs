//! What becomes of a promise: kept (on time or late), broken, withdrawn, renegotiated,
//! reopened, or disputed.
//!
//! The rules live here, not in the window, because the record must hold up as evidence: a
//! promise cannot be kept before it was made, a broken promise does not quietly become kept
//! (it is reopened first, and the reopening is on the record), and a renegotiated date is
//! agreed, dated and kept in the due-date history rather than overwritten. Every transition
//! is a timeline event linked to the promise and its customer.

use super::{add_due_date, get, made_day, Promise};
use crate::chain;
use crate::db::{CaseFile, Tx};
use crate::error::{Error, Result};
use crate::events::{self, NewEvent};
use crate::model::{EventKind, Precision, PromiseStatus};
use crate::{people, text, when};
use chrono::NaiveDate;
use rusqlite::params;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct KeepInput {
    /// Blank means today.
    pub kept_on: String,
    pub note: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct BreakInput {
    /// Blank means today.
    pub broken_on: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct WithdrawInput {
    pub withdrawn_by_id: String,
    /// Blank means today.
    pub withdrawn_on: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RenegotiateInput {
    pub new_due_on: String,
    /// The day the new date was agreed; blank means today.
    pub agreed_on: String,
    /// Who on the customer's side agreed to it.
    pub agreed_with: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReopenInput {
    pub reason: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DisputeInput {
    pub disputed: bool,
    pub note: String,
}

/// A day for a transition: blank is today; never in the future, never before the promise.
fn transition_day(field: &str, text: &str, p: &Promise, today: NaiveDate, what: &str) -> Result<NaiveDate> {
    let day = if text.trim().is_empty() { today } else { when::parse_date(field, text)? };
    if day > today {
        return Err(Error::validation(field, format!("{} has not come yet: a promise is {what} on a day that has happened.", when::date(day))));
    }
    let made = made_day(p)?;
    if day < made {
        return Err(Error::validation(
            field,
            format!("{} is before the promise was made ({}). A promise cannot be {what} before it was made.", when::date(day), when::date(made)),
        ));
    }
    Ok(day)
}

/// Only an open promise can be kept, broken, withdrawn or renegotiated.
fn require_open(p: &Promise, action: &str) -> Result<()> {
    let on = p.closed_on.as_deref().unwrap_or("");
    match p.status {
        PromiseStatus::Open => Ok(()),
        PromiseStatus::Broken if action == "kept" => Err(Error::conflict(format!(
            "This promise was marked broken on {on}. If it was kept after all, reopen it first, so the record shows it was reopened and why."
        ))),
        PromiseStatus::Kept if action == "broken" => Err(Error::conflict(format!(
            "This promise was marked kept on {on}. If that was wrong, reopen it first, so the record shows it was reopened and why."
        ))),
        status => Err(Error::conflict(format!("This promise is already {} (since {on}); only an open promise can be {action}.", status.label().to_lowercase()))),
    }
}

fn close(tx: &Tx<'_>, p: &Promise, status: PromiseStatus, on: NaiveDate, reason: &str, withdrawn_by: Option<&str>) -> Result<()> {
    tx.prepare_cached("UPDATE promises SET status = ?2, closed_on = ?3, outcome_reason = ?4, withdrawn_by_id = ?5, updated_at = ?6 WHERE id = ?1")?
        .execute(params![p.id, status, when::date(on), reason, withdrawn_by, tx.now_str()])?;
    chain::record(tx, "promises", &p.id, "transition")
}

/// The timeline entry of a transition, dated the day it happened.
fn record_event(tx: &Tx<'_>, p: &Promise, on: NaiveDate, summary: String, details: &str, actor: Option<&str>) -> Result<()> {
    let mut e = NewEvent::system(tx, EventKind::StatusChange, summary);
    e.occurred_at = when::date(on);
    e.occurred_precision = Precision::Day;
    e.details = details.to_string();
    e.promise_id = Some(p.id.clone());
    e.account_id = Some(p.account_id.clone());
    e.actor_id = actor.map(String::from);
    events::insert(tx, &e)?;
    Ok(())
}

fn subject(p: &Promise) -> String {
    format!("{}'s promise to {}", p.made_by_name, p.account_name)
}

/// Mark a promise kept. Whether it was on time or late follows from its due date.
pub fn keep(cf: &mut CaseFile, id: &str, input: &KeepInput) -> Result<Promise> {
    let today = cf.today();
    let p = get(cf.conn(), id, today)?;
    require_open(&p, "kept")?;
    let on = transition_day("kept_on", &input.kept_on, &p, today, "kept")?;
    let note = text::optional("note", "The note", &input.note, text::LONG_MAX)?;
    let due = when::parse_date("due_on", &p.due_on)?;
    let late = when::days_between(due, on);
    let how = match late {
        d if d <= 0 => "on time".to_string(),
        1 => "1 day late".to_string(),
        d => format!("{d} days late"),
    };
    cf.write(|tx| {
        close(tx, &p, PromiseStatus::Kept, on, &note, None)?;
        record_event(tx, &p, on, format!("{} kept {how}: {}", subject(&p), text::clip(&p.what, 80)), &note, Some(&p.made_by_id))
    })?;
    get(cf.conn(), id, today)
}

/// Mark a promise broken, with the day and the reason.
pub fn break_promise(cf: &mut CaseFile, id: &str, input: &BreakInput) -> Result<Promise> {
    let today = cf.today();
    let p = get(cf.conn(), id, today)?;
    require_open(&p, "broken")?;
    let on = transition_day("broken_on", &input.broken_on, &p, today, "broken")?;
    let reason = text::required("reason", "The reason it was broken", &input.reason, text::LONG_MAX)?;
    cf.write(|tx| {
        close(tx, &p, PromiseStatus::Broken, on, &reason, None)?;
        record_event(tx, &p, on, format!("{} broken: {}", subject(&p), text::clip(&p.what, 80)), &reason, Some(&p.made_by_id))
    })?;
    get(cf.conn(), id, today)
}

/// Withdraw a promise: someone took it back, and says why.
pub fn withdraw(cf: &mut CaseFile, id: &str, input: &WithdrawInput) -> Result<Promise> {
    let today = cf.today();
    let p = get(cf.conn(), id, today)?;
    require_open(&p, "withdrawn")?;
    let by = input.withdrawn_by_id.trim();
    if by.is_empty() {
        return Err(Error::validation("withdrawn_by_id", "Say who withdrew the promise."));
    }
    let who = people::get(cf.conn(), by).map_err(|_| Error::validation("withdrawn_by_id", "That person is not in this case file."))?;
    let on = transition_day("withdrawn_on", &input.withdrawn_on, &p, today, "withdrawn")?;
    let reason = text::required("reason", "Why it was withdrawn", &input.reason, text::LONG_MAX)?;
    cf.write(|tx| {
        close(tx, &p, PromiseStatus::Withdrawn, on, &reason, Some(by))?;
        record_event(tx, &p, on, format!("{} withdrawn by {}: {}", subject(&p), who.name, text::clip(&p.what, 80)), &reason, Some(by))
    })?;
    get(cf.conn(), id, today)
}

/// Agree a new due date with the customer. The old date stays in the history, and a
/// renegotiated promise is never counted as broken.
pub fn renegotiate(cf: &mut CaseFile, id: &str, input: &RenegotiateInput) -> Result<Promise> {
    let today = cf.today();
    let p = get(cf.conn(), id, today)?;
    if p.status != PromiseStatus::Open {
        return Err(Error::conflict(format!(
            "This promise is {}; only an open promise can be renegotiated. Reopen it first if a new date was agreed.",
            p.status.label().to_lowercase()
        )));
    }
    let new_due = super::parse_due("new_due_on", &input.new_due_on, today)?;
    let made = made_day(&p)?;
    if new_due < made {
        return Err(Error::validation("new_due_on", format!("The new date is before the promise was made ({}).", when::date(made))));
    }
    if when::date(new_due) == p.due_on {
        return Err(Error::validation("new_due_on", "That is the date it is already due. Choose the new date that was agreed."));
    }
    let agreed_on = transition_day("agreed_on", &input.agreed_on, &p, today, "renegotiated")?;
    let agreed_with = text::line("agreed_with", "Who agreed", &input.agreed_with)?;
    let reason = text::optional("reason", "The reason", &input.reason, text::LONG_MAX)?;
    let with = if agreed_with.is_empty() { String::new() } else { format!(" with {agreed_with}") };
    cf.write(|tx| {
        tx.prepare_cached("UPDATE promises SET due_on = ?2, updated_at = ?3 WHERE id = ?1")?.execute(params![p.id, when::date(new_due), tx.now_str()])?;
        chain::record(tx, "promises", &p.id, "renegotiate")?;
        add_due_date(tx, &p.id, new_due, agreed_on, &agreed_with, &reason)?;
        let summary = format!("{} renegotiated{with}: due {} instead of {}", subject(&p), when::date(new_due), p.due_on);
        record_event(tx, &p, agreed_on, summary, &reason, Some(&p.made_by_id))
    })?;
    get(cf.conn(), id, today)
}

/// Reopen a kept, broken or withdrawn promise, saying why. What it was closed as stays in
/// the timeline entry of the reopening.
pub fn reopen(cf: &mut CaseFile, id: &str, input: &ReopenInput) -> Result<Promise> {
    let today = cf.today();
    let p = get(cf.conn(), id, today)?;
    if p.status == PromiseStatus::Open {
        return Err(Error::conflict("This promise is already open."));
    }
    let reason = text::required("reason", "Why it is reopened", &input.reason, text::LONG_MAX)?;
    let was = format!(
        "It had been marked {} on {}{}.\n{reason}",
        p.status.label().to_lowercase(),
        p.closed_on.as_deref().unwrap_or("?"),
        if p.outcome_reason.is_empty() { String::new() } else { format!(" ({})", p.outcome_reason) }
    );
    cf.write(|tx| {
        tx.prepare_cached("UPDATE promises SET status = 'open', closed_on = NULL, outcome_reason = '', withdrawn_by_id = NULL, updated_at = ?2 WHERE id = ?1")?
            .execute(params![p.id, tx.now_str()])?;
        chain::record(tx, "promises", &p.id, "transition")?;
        record_event(tx, &p, today, format!("{} reopened (was {})", subject(&p), p.status.label().to_lowercase()), &was, None)
    })?;
    get(cf.conn(), id, today)
}

/// Mark a promise disputed (someone denies it was made, or what it was), or clear the mark.
pub fn set_disputed(cf: &mut CaseFile, id: &str, input: &DisputeInput) -> Result<Promise> {
    let today = cf.today();
    let p = get(cf.conn(), id, today)?;
    if p.disputed == input.disputed {
        return Err(Error::conflict(if p.disputed { "This promise is already marked disputed." } else { "This promise is not marked disputed." }));
    }
    let note = text::optional("note", "The note", &input.note, text::LONG_MAX)?;
    cf.write(|tx| {
        tx.prepare_cached("UPDATE promises SET disputed = ?2, updated_at = ?3 WHERE id = ?1")?.execute(params![p.id, input.disputed, tx.now_str()])?;
        chain::record(tx, "promises", &p.id, "transition")?;
        let summary = if input.disputed { format!("{} marked disputed", subject(&p)) } else { format!("{} no longer disputed", subject(&p)) };
        record_event(tx, &p, today, summary, &note, None)
    })?;
    get(cf.conn(), id, today)
}
