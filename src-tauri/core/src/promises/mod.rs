//! The promise ledger: who promised what, to whom, by when, and what became of it.
//! Owns the SQL of the `promises` and `promise_due_dates` tables.
//!
//! A promise is a record of its own, not a note on a customer: the users' worst problem is a
//! manager who says "yes" and doesn't deliver, and only a ledger of individual promises can
//! show that pattern. This file holds the promise itself (logging and correcting it); what
//! happens to it afterwards lives in the sibling modules:
//!
//! * `due`: due dates typed as words, far-off warnings, and the due-date history;
//! * `correct`: corrections that keep what was there before;
//! * `lifecycle`: kept, broken, withdrawn, renegotiated, reopened, disputed;
//! * `follow_ups`: written confirmations, follow-ups, replies and "3 follow-ups, no reply";
//! * `query`: the paged, filtered ledger and the overdue count;
//! * `record`: each promiser's record; `load`: commitments per week;
//! * `draft`: the written confirmation; `links`: complaints; `suggest`: type-ahead.
//!
//! Overdue means open with a due date before today in local time, and today always comes
//! from the case file's clock, so the ledger is right across midnight and in tests.

mod correct;
pub mod draft;
mod due;
pub mod follow_ups;
pub mod lifecycle;
pub mod links;
pub mod load;
pub mod query;
pub mod record;
pub mod suggest;

use crate::chain;
use crate::db::{CaseFile, Tx};
use crate::error::{Error, Result};
use crate::model::{Channel, Precision, PromiseStatus};
use crate::money::Money;
use crate::{accounts, contacts, people, text, when};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

pub use correct::update;
pub use due::{due_dates, parse_due, DueDate};
pub use follow_ups::Chase;
pub(crate) use due::add_due_date;
use due::due_warnings;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Promise {
    pub id: String,
    pub made_by_id: String,
    pub made_by_name: String,
    pub account_id: String,
    pub account_name: String,
    pub contact_id: Option<String>,
    pub contact_name: Option<String>,
    /// When it was made, stored with exactly the precision known (see `when`).
    pub made_at: String,
    pub made_at_precision: Precision,
    pub channel: Channel,
    pub in_writing: bool,
    /// The day it was first confirmed in writing.
    pub in_writing_since: Option<String>,
    pub what: String,
    /// The current due date; `original_due_on` is the first one agreed.
    pub due_on: String,
    pub original_due_on: String,
    pub resources: String,
    pub success_criteria: String,
    /// The value at stake.
    pub value: Option<Money>,
    pub status: PromiseStatus,
    pub closed_on: Option<String>,
    pub outcome_reason: String,
    pub withdrawn_by_id: Option<String>,
    pub withdrawn_by_name: Option<String>,
    pub disputed: bool,
    pub recorded_at: String,
    pub updated_at: String,
    /// Worked out from today: open and due before today.
    pub overdue: bool,
    pub days_overdue: i64,
    /// For a kept promise: kept on or before its (current) due date.
    pub kept_on_time: Option<bool>,
    pub days_late: i64,
    /// How many times the due date was renegotiated.
    pub renegotiations: u32,
    /// The expectation fields not yet filled in ("resources", "success_criteria").
    pub missing: Vec<&'static str>,
    pub chase: Chase,
}

/// What the user typed. Only who, to whom, what and due are required; the rest are offered.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PromiseInput {
    pub made_by_id: String,
    pub account_id: String,
    pub contact_id: Option<String>,
    /// Blank means today.
    pub made_at: String,
    /// exact, day, month or approximate; blank means day.
    pub made_at_precision: String,
    /// Blank means a call.
    pub channel: String,
    pub in_writing: bool,
    pub what: String,
    /// A date (2026-03-31) or a word such as "tomorrow", "fri", "+2w" (see [`parse_due`]).
    pub due_on: String,
    pub resources: String,
    pub success_criteria: String,
    pub value: String,
    pub value_currency: String,
    /// Complaints this promise answers.
    pub complaint_ids: Vec<String>,
}

/// Something the user should look at, saved anyway (a due date ten years out, a full week).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    pub field: String,
    pub message: String,
}

/// A saved promise and what the user should double-check about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Saved {
    pub promise: Promise,
    pub warnings: Vec<Warning>,
}

pub(crate) struct Checked {
    made_by_id: String,
    account_id: String,
    contact_id: Option<String>,
    made_at: String,
    made_at_precision: Precision,
    made_day: NaiveDate,
    channel: Channel,
    in_writing: bool,
    what: String,
    due_on: NaiveDate,
    resources: String,
    success_criteria: String,
    value: Option<Money>,
    complaint_ids: Vec<String>,
}

impl PromiseInput {
    pub(crate) fn check(&self, conn: &Connection, today: NaiveDate) -> Result<Checked> {
        let made_by_id = self.made_by_id.trim().to_string();
        if made_by_id.is_empty() {
            return Err(Error::validation("made_by_id", "Say who made the promise."));
        }
        if !people::exists(conn, &made_by_id)? {
            return Err(Error::validation("made_by_id", "That person is not in this case file (were they deleted?). Choose who made the promise."));
        }
        let account_id = self.account_id.trim().to_string();
        if account_id.is_empty() {
            return Err(Error::validation("account_id", "Say which customer the promise was made to."));
        }
        if !accounts::exists(conn, &account_id)? {
            return Err(Error::validation("account_id", "That customer is not in this case file. Choose who the promise was made to."));
        }
        let contact_id = self.contact_id.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        if let Some(c) = &contact_id {
            contacts::check_belongs(conn, "contact_id", c, &account_id)?;
        }
        let what = text::required("what", "What was promised", &self.what, text::LONG_MAX)?;
        let precision =
            if self.made_at_precision.trim().is_empty() { Precision::Day } else { Precision::parse("made_at_precision", &self.made_at_precision)? };
        let made_at = if self.made_at.trim().is_empty() { when::date(today) } else { when::parse_moment("made_at", &self.made_at, precision)? };
        let made_day = when::moment_day(&made_at).ok_or_else(|| Error::validation("made_at", "That is not a date."))?;
        if made_day > today {
            return Err(Error::validation("made_at", "A promise cannot have been made in the future. Use the day it was made."));
        }
        let channel = if self.channel.trim().is_empty() { Channel::Call } else { Channel::parse("channel", &self.channel)? };
        let due_on = parse_due("due_on", &self.due_on, today)?;
        if due_on < made_day && self.made_at.trim().is_empty() {
            return Err(Error::validation(
                "made_at",
                format!("It was due on {}, before today: say when the promise was made.", when::date(due_on)),
            ));
        }
        if due_on < made_day {
            return Err(Error::validation(
                "due_on",
                format!("The due date {} is before the promise was made ({}). A promise cannot fall due before it exists.", when::date(due_on), when::date(made_day)),
            ));
        }
        let currency = if self.value_currency.trim().is_empty() { crate::settings::get(conn)?.currency } else { self.value_currency.clone() };
        let mut complaint_ids: Vec<String> = self.complaint_ids.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        complaint_ids.sort();
        complaint_ids.dedup();
        for id in &complaint_ids {
            links::check_complaint(conn, "complaint_ids", id, &account_id)?;
        }
        Ok(Checked {
            made_by_id,
            account_id,
            contact_id,
            made_at,
            made_at_precision: precision,
            made_day,
            // A promise made by e-mail is in writing from the start.
            in_writing: self.in_writing || channel == Channel::Email,
            channel,
            what,
            due_on,
            resources: text::optional("resources", "The resources", &self.resources, text::LONG_MAX)?,
            success_criteria: text::optional("success_criteria", "How success will be known", &self.success_criteria, text::LONG_MAX)?,
            value: Money::parse_optional("value", &self.value, &currency)?,
            complaint_ids,
        })
    }
}

const SELECT: &str = "SELECT p.id, p.made_by_id, m.name, p.account_id, a.name, p.contact_id, c.name, p.made_at, p.made_at_precision,
        p.channel, p.in_writing, p.in_writing_since, p.what, p.due_on, p.original_due_on, p.resources, p.success_criteria,
        p.value_minor, p.value_currency, p.status, p.closed_on, p.outcome_reason, p.withdrawn_by_id, w.name, p.disputed,
        p.recorded_at, p.updated_at,
        (SELECT count(*) - 1 FROM promise_due_dates d WHERE d.promise_id = p.id)
    FROM promises p
    JOIN people m ON m.id = p.made_by_id
    JOIN accounts a ON a.id = p.account_id
    LEFT JOIN contacts c ON c.id = p.contact_id
    LEFT JOIN people w ON w.id = p.withdrawn_by_id";

/// The stored columns; `finish` adds what depends on today.
fn from_row(r: &Row<'_>) -> rusqlite::Result<Promise> {
    let minor: Option<i64> = r.get(17)?;
    let currency: Option<String> = r.get(18)?;
    Ok(Promise {
        id: r.get(0)?,
        made_by_id: r.get(1)?,
        made_by_name: r.get(2)?,
        account_id: r.get(3)?,
        account_name: r.get(4)?,
        contact_id: r.get(5)?,
        contact_name: r.get(6)?,
        made_at: r.get(7)?,
        made_at_precision: r.get(8)?,
        channel: r.get(9)?,
        in_writing: r.get(10)?,
        in_writing_since: r.get(11)?,
        what: r.get(12)?,
        due_on: r.get(13)?,
        original_due_on: r.get(14)?,
        resources: r.get(15)?,
        success_criteria: r.get(16)?,
        value: minor.zip(currency).map(|(minor, currency)| Money { minor, currency }),
        status: r.get(19)?,
        closed_on: r.get(20)?,
        outcome_reason: r.get(21)?,
        withdrawn_by_id: r.get(22)?,
        withdrawn_by_name: r.get(23)?,
        disputed: r.get(24)?,
        recorded_at: r.get(25)?,
        updated_at: r.get(26)?,
        overdue: false,
        days_overdue: 0,
        kept_on_time: None,
        days_late: 0,
        renegotiations: r.get::<_, i64>(27)?.max(0) as u32,
        missing: Vec::new(),
        chase: Chase::default(),
    })
}

/// Work out everything that depends on today and on the follow-ups.
fn finish(conn: &Connection, p: Promise, today: NaiveDate) -> Result<Promise> {
    let mut messages = follow_ups::messages_of(conn, &[p.id.as_str()])?;
    let mine = messages.remove(&p.id).unwrap_or_default();
    finish_with(p, today, &mine)
}

/// The figures of a promise worked out from its row and its standing messages.
fn finish_with(mut p: Promise, today: NaiveDate, messages: &[follow_ups::Message]) -> Result<Promise> {
    let due = when::parse_date("due_on", &p.due_on)?;
    p.overdue = p.status == PromiseStatus::Open && due < today;
    p.days_overdue = if p.overdue { when::days_between(due, today) } else { 0 };
    if p.status == PromiseStatus::Kept {
        let closed = p.closed_on.as_deref().map(|c| when::parse_date("closed_on", c)).transpose()?.unwrap_or(due);
        p.kept_on_time = Some(closed <= due);
        p.days_late = when::days_between(due, closed).max(0);
    }
    p.missing = [("resources", p.resources.trim().is_empty()), ("success_criteria", p.success_criteria.trim().is_empty())]
        .into_iter()
        .filter_map(|(name, missing)| missing.then_some(name))
        .collect();
    // Once a promise is closed, the silence stops growing: it is counted up to the closing day.
    let until = match p.closed_on.as_deref().map(|c| when::parse_date("closed_on", c)).transpose()? {
        Some(closed) if closed < today => closed,
        _ => today,
    };
    p.chase = follow_ups::chase_of(messages, until);
    Ok(p)
}

pub fn exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT 1 FROM promises WHERE id = ?1")?.exists([id])?)
}

/// One promise as it stands today.
pub fn get(conn: &Connection, id: &str, today: NaiveDate) -> Result<Promise> {
    let p = conn
        .prepare_cached(&format!("{SELECT} WHERE p.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("promise", id))?;
    finish(conn, p, today)
}

/// Run a query over `SELECT ... FROM promises p ...` with extra SQL after it.
pub(crate) fn select_many(conn: &Connection, tail: &str, args: &[&dyn rusqlite::ToSql], today: NaiveDate) -> Result<Vec<Promise>> {
    let rows: Vec<Promise> = conn.prepare_cached(&format!("{SELECT} {tail}"))?.query_map(args, from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    let ids: Vec<&str> = rows.iter().map(|p| p.id.as_str()).collect();
    let mut messages = follow_ups::messages_of(conn, &ids)?;
    rows.into_iter()
        .map(|p| {
            let mine = messages.remove(&p.id).unwrap_or_default();
            finish_with(p, today, &mine)
        })
        .collect()
}

/// Log a promise. Far-off due dates and a full week for the promiser come back as warnings.
pub fn create(cf: &mut CaseFile, input: &PromiseInput) -> Result<Saved> {
    let today = cf.today();
    let c = input.check(cf.conn(), today)?;
    let id = cf.write(|tx| insert(tx, &c))?;
    let promise = get(cf.conn(), &id, today)?;
    let mut warnings = due_warnings(c.due_on, today);
    warnings.extend(load::warning_for(cf.conn(), &promise, today)?);
    Ok(Saved { promise, warnings })
}

fn insert(tx: &Tx<'_>, c: &Checked) -> Result<String> {
    let id = tx.new_id();
    let now = tx.now_str();
    let due = when::date(c.due_on);
    let since = c.in_writing.then(|| when::date(c.made_day));
    tx.prepare_cached(
        "INSERT INTO promises(id, made_by_id, account_id, contact_id, made_at, made_at_precision, channel, in_writing, in_writing_since,
             what, due_on, original_due_on, resources, success_criteria, value_minor, value_currency, status, recorded_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13, ?14, ?15, 'open', ?16, ?16)",
    )?
    .execute(params![
        id,
        c.made_by_id,
        c.account_id,
        c.contact_id,
        c.made_at,
        c.made_at_precision,
        c.channel,
        c.in_writing,
        since,
        c.what,
        due,
        c.resources,
        c.success_criteria,
        c.value.as_ref().map(|m| m.minor),
        c.value.as_ref().map(|m| &m.currency),
        now
    ])?;
    chain::record(tx, "promises", &id, "create")?;
    add_due_date(tx, &id, c.due_on, c.made_day, "", "The date first promised")?;
    for complaint in &c.complaint_ids {
        links::insert(tx, &id, complaint)?;
    }
    Ok(id)
}

/// The day a stored "made at" moment falls on, for ordering rules.
pub(crate) fn made_day(p: &Promise) -> Result<NaiveDate> {
    when::moment_day(&p.made_at).ok_or_else(|| Error::conflict(format!("The promise {} has an unreadable date of making.", p.id)))
}

#[cfg(test)]
mod tests;
