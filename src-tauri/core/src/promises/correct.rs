//! Correcting a logged promise. The old values are not lost: the correction is a timeline
//! entry listing each field as "old → new", and the hash chain records the update. The due
//! date is not corrected here; a new date is a renegotiation (see `lifecycle`).

use super::{follow_ups, get, links, Checked, Promise, PromiseInput, Saved};
use crate::chain;
use crate::db::CaseFile;
use crate::error::{Error, Result};
use crate::events::{self, NewEvent};
use crate::model::EventKind;
use crate::money::Money;
use crate::{text, when};
use rusqlite::params;

/// Correct what was logged. The due date is not changed here: a new date is a renegotiation,
/// so its history is kept (see `lifecycle::renegotiate`).
pub fn update(cf: &mut CaseFile, id: &str, input: &PromiseInput) -> Result<Saved> {
    let today = cf.today();
    let before = get(cf.conn(), id, today)?;
    let c = input.check(cf.conn(), today)?;
    if when::date(c.due_on) != before.due_on {
        return Err(Error::validation("due_on", "To change the due date, renegotiate it: the new date is agreed and the old one is kept in the history."));
    }
    let confirmed = follow_ups::first_confirmation(cf.conn(), id)?;
    let in_writing = c.in_writing || confirmed.is_some();
    let since = match (&before.in_writing_since, in_writing) {
        (_, false) => None,
        (Some(s), true) => Some(s.clone()),
        (None, true) => Some(confirmed.unwrap_or_else(|| when::date(today))),
    };
    let changes = describe_changes(&before, &c, in_writing);
    if changes.is_empty() {
        return Ok(Saved { promise: before, warnings: Vec::new() });
    }
    cf.write(|tx| {
        tx.prepare_cached(
            "UPDATE promises SET made_by_id = ?2, account_id = ?3, contact_id = ?4, made_at = ?5, made_at_precision = ?6, channel = ?7,
                 in_writing = ?8, in_writing_since = ?9, what = ?10, resources = ?11, success_criteria = ?12, value_minor = ?13,
                 value_currency = ?14, updated_at = ?15 WHERE id = ?1",
        )?
        .execute(params![
            id,
            c.made_by_id,
            c.account_id,
            c.contact_id,
            c.made_at,
            c.made_at_precision,
            c.channel,
            in_writing,
            since,
            c.what,
            c.resources,
            c.success_criteria,
            c.value.as_ref().map(|m| m.minor),
            c.value.as_ref().map(|m| &m.currency),
            tx.now_str()
        ])?;
        chain::record(tx, "promises", id, "update")?;
        for complaint in &c.complaint_ids {
            links::insert(tx, id, complaint)?;
        }
        let mut e = NewEvent::system(tx, EventKind::Note, format!("Promise corrected: {}", text::clip(&c.what, 80)));
        e.details = changes.join("\n");
        e.promise_id = Some(id.to_string());
        e.account_id = Some(c.account_id.clone());
        events::insert(tx, &e)?;
        Ok(())
    })?;
    let promise = get(cf.conn(), id, today)?;
    Ok(Saved { promise, warnings: Vec::new() })
}

/// "what: old → new" lines, so a correction never silently loses what was there before.
fn describe_changes(before: &Promise, c: &Checked, in_writing: bool) -> Vec<String> {
    let value = |m: &Option<Money>| m.as_ref().map(Money::format).unwrap_or_else(|| "—".into());
    let mut out = Vec::new();
    let mut diff = |label: &str, old: String, new: String| {
        if old != new {
            out.push(format!("{label}: {old} → {new}"));
        }
    };
    diff("Made by", before.made_by_id.clone(), c.made_by_id.clone());
    diff("Customer", before.account_id.clone(), c.account_id.clone());
    diff("Contact", before.contact_id.clone().unwrap_or_default(), c.contact_id.clone().unwrap_or_default());
    diff("Made", before.made_at.clone(), c.made_at.clone());
    diff("Precision", before.made_at_precision.to_string(), c.made_at_precision.to_string());
    diff("Channel", before.channel.to_string(), c.channel.to_string());
    diff("In writing", before.in_writing.to_string(), in_writing.to_string());
    diff("What", before.what.clone(), c.what.clone());
    diff("Resources", before.resources.clone(), c.resources.clone());
    diff("Success", before.success_criteria.clone(), c.success_criteria.clone());
    diff("Value at stake", value(&before.value), value(&c.value));
    let linked = c.complaint_ids.len();
    if linked > 0 {
        out.push(format!("Complaints linked: {linked}"));
    }
    out
}

