//! Revenue lost because a promise was broken (or a complaint went badly). Owns the SQL of
//! the `lost_revenue` table.
//!
//! Lost revenue is what gets management's attention, so each entry says whether the amount
//! is confirmed (the customer cancelled the order) or estimated, and totals keep those apart,
//! and keep currencies apart too: nothing is converted, so nothing is invented. An entry typed
//! wrongly is retracted, not deleted, and stops counting.

use crate::chain;
use crate::db::CaseFile;
use crate::error::{Error, Result};
use crate::events::{self, NewEvent};
use crate::model::{Certainty, EventKind, Precision};
use crate::money::{Money, Totals};
use crate::{accounts, text, when};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LostRevenue {
    pub id: String,
    pub account_id: String,
    pub account_name: String,
    pub promise_id: Option<String>,
    pub promise_what: Option<String>,
    pub complaint_id: Option<String>,
    pub amount: Money,
    pub certainty: Certainty,
    pub lost_on: String,
    /// The cause, in the user's words.
    pub note: String,
    pub recorded_at: String,
    pub retracted_at: Option<String>,
    pub retraction_reason: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct LostInput {
    /// May be left out when a promise is given: the promise's customer is used.
    pub account_id: Option<String>,
    pub promise_id: Option<String>,
    pub complaint_id: Option<String>,
    pub amount: String,
    /// Blank means the case file's currency.
    pub currency: String,
    /// confirmed or estimated; blank means estimated, the honest default.
    pub certainty: String,
    /// Blank means today.
    pub lost_on: String,
    pub note: String,
}

/// Sums of lost revenue, all and split by certainty, each per currency.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LostTotals {
    pub all: Totals,
    pub confirmed: Totals,
    pub estimated: Totals,
    pub entries: u32,
}

impl LostTotals {
    fn add(&mut self, minor: i64, currency: &str, certainty: Certainty) {
        self.all.add(minor, currency);
        match certainty {
            Certainty::Confirmed => self.confirmed.add(minor, currency),
            Certainty::Estimated => self.estimated.add(minor, currency),
        }
        self.entries += 1;
    }
}

const SELECT: &str = "SELECT l.id, l.account_id, a.name, l.promise_id, p.what, l.complaint_id, l.amount_minor, l.currency, l.certainty,
        l.lost_on, l.note, l.recorded_at, l.retracted_at, l.retraction_reason
    FROM lost_revenue l JOIN accounts a ON a.id = l.account_id LEFT JOIN promises p ON p.id = l.promise_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<LostRevenue> {
    Ok(LostRevenue {
        id: r.get(0)?,
        account_id: r.get(1)?,
        account_name: r.get(2)?,
        promise_id: r.get(3)?,
        promise_what: r.get(4)?,
        complaint_id: r.get(5)?,
        amount: Money { minor: r.get(6)?, currency: r.get(7)? },
        certainty: r.get(8)?,
        lost_on: r.get(9)?,
        note: r.get(10)?,
        recorded_at: r.get(11)?,
        retracted_at: r.get(12)?,
        retraction_reason: r.get(13)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<LostRevenue> {
    conn.prepare_cached(&format!("{SELECT} WHERE l.id = ?1"))?.query_row([id], from_row).optional()?.ok_or_else(|| Error::not_found("lost revenue entry", id))
}

/// Record revenue lost. When it is tied to a promise, the promise's customer is the account.
pub fn record(cf: &mut CaseFile, input: &LostInput) -> Result<LostRevenue> {
    let today = cf.today();
    let conn = cf.conn();
    let promise_id = input.promise_id.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    let promise = match &promise_id {
        Some(id) => Some(crate::promises::get(conn, id, today).map_err(|_| Error::validation("promise_id", "That promise is not in this case file."))?),
        None => None,
    };
    let given_account = input.account_id.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    let account_id = match (&promise, given_account) {
        (Some(p), Some(a)) if p.account_id != a => {
            return Err(Error::validation("account_id", format!("That promise was made to {}, not to this customer.", p.account_name)))
        }
        (Some(p), _) => p.account_id.clone(),
        (None, Some(a)) => a,
        (None, None) => return Err(Error::validation("account_id", "Say which customer the revenue was lost with.")),
    };
    if !accounts::exists(conn, &account_id)? {
        return Err(Error::validation("account_id", "That customer is not in this case file."));
    }
    let complaint_id = input.complaint_id.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    if let Some(c) = &complaint_id {
        crate::promises::links::check_complaint(conn, "complaint_id", c, &account_id)?;
    }
    let currency = if input.currency.trim().is_empty() { crate::settings::get(conn)?.currency } else { input.currency.clone() };
    let amount = Money::parse("amount", &input.amount, &currency)?;
    if amount.minor == 0 {
        return Err(Error::validation("amount", "Enter the amount that was lost; it cannot be zero."));
    }
    let certainty = if input.certainty.trim().is_empty() { Certainty::Estimated } else { Certainty::parse("certainty", &input.certainty)? };
    let lost_on = if input.lost_on.trim().is_empty() { today } else { when::parse_date("lost_on", &input.lost_on)? };
    let note = text::optional("note", "The cause", &input.note, text::LONG_MAX)?;
    let account_name = accounts::get(conn, &account_id)?.name;
    cf.write(|tx| {
        let id = tx.new_id();
        tx.prepare_cached(
            "INSERT INTO lost_revenue(id, account_id, promise_id, complaint_id, amount_minor, currency, certainty, lost_on, note, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![id, account_id, promise_id, complaint_id, amount.minor, amount.currency, certainty, when::date(lost_on), note, tx.now_str()])?;
        chain::record(tx, "lost_revenue", &id, "create")?;
        let cause = promise.as_ref().map(|p| format!(" — {}'s promise: {}", p.made_by_name, text::clip(&p.what, 60))).unwrap_or_default();
        let mut e = NewEvent::system(tx, EventKind::Note, format!("Lost revenue {} ({}) at {account_name}{cause}", amount.format(), certainty.label().to_lowercase()));
        e.occurred_at = when::date(lost_on);
        e.occurred_precision = Precision::Day;
        e.details = note.clone();
        e.account_id = Some(account_id.clone());
        e.promise_id = promise_id.clone();
        e.complaint_id = complaint_id.clone();
        events::insert(tx, &e)?;
        get(tx, &id)
    })
}

/// Mark an entry as wrong. It stays in the record, marked, and no longer counts in totals.
pub fn retract(cf: &mut CaseFile, id: &str, reason: &str) -> Result<LostRevenue> {
    let entry = get(cf.conn(), id)?;
    if entry.retracted_at.is_some() {
        return Err(Error::conflict("That entry is already retracted."));
    }
    let reason = text::required("reason", "The reason", reason, text::LINE_MAX)?;
    cf.write(|tx| {
        tx.prepare_cached("UPDATE lost_revenue SET retracted_at = ?2, retraction_reason = ?3 WHERE id = ?1")?.execute(params![id, tx.now_str(), reason])?;
        chain::record(tx, "lost_revenue", id, "retract")?;
        let mut e = NewEvent::system(tx, EventKind::Note, format!("Lost revenue entry of {} retracted", entry.amount.format()));
        e.details = reason.clone();
        e.account_id = Some(entry.account_id.clone());
        e.promise_id = entry.promise_id.clone();
        events::insert(tx, &e)?;
        get(tx, id)
    })
}

/// The entries of one promise, newest first, retracted ones included (and marked).
pub fn list_for_promise(conn: &Connection, promise_id: &str) -> Result<Vec<LostRevenue>> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE l.promise_id = ?1 ORDER BY l.lost_on DESC, l.id DESC"))?.query_map([promise_id], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The entries of one customer, newest first, retracted ones included (and marked).
pub fn list_for_account(conn: &Connection, account_id: &str) -> Result<Vec<LostRevenue>> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE l.account_id = ?1 ORDER BY l.lost_on DESC, l.id DESC"))?.query_map([account_id], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Entries not tied to any promise (a complaint gone badly, a lost account), for the given
/// customers (`None` for all) and lost in the period, oldest first, retracted ones included.
/// A packet counts these beside the entries of the promises it covers.
pub fn list_without_promise(conn: &Connection, account_ids: Option<&[String]>, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<LostRevenue>> {
    let accounts = account_ids.map(|ids| serde_json::to_string(ids).unwrap_or_else(|_| "[]".into()));
    Ok(conn
        .prepare_cached(&format!(
            "{SELECT} WHERE l.promise_id IS NULL AND (?1 IS NULL OR l.account_id IN (SELECT value FROM json_each(?1)))
               AND (?2 IS NULL OR l.lost_on >= ?2) AND (?3 IS NULL OR l.lost_on <= ?3)
             ORDER BY l.lost_on, l.id"
        ))?
        .query_map(rusqlite::params![accounts, from.map(when::date), to.map(when::date)], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The totals of a list of entries: retracted ones do not count, as everywhere else.
pub fn total(entries: &[LostRevenue]) -> LostTotals {
    let mut totals = LostTotals::default();
    for e in entries.iter().filter(|e| e.retracted_at.is_none()) {
        totals.add(e.amount.minor, &e.amount.currency, e.certainty);
    }
    totals
}

fn sum(conn: &Connection, filter: &str, arg: &str) -> Result<LostTotals> {
    let mut totals = LostTotals::default();
    let sql = format!("SELECT amount_minor, currency, certainty FROM lost_revenue l WHERE l.retracted_at IS NULL AND {filter}");
    let mut stmt = conn.prepare_cached(&sql)?;
    for row in stmt.query_map([arg], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Certainty>(2)?)))? {
        let (minor, currency, certainty) = row?;
        totals.add(minor, &currency, certainty);
    }
    Ok(totals)
}

pub fn totals_for_promise(conn: &Connection, promise_id: &str) -> Result<LostTotals> {
    sum(conn, "l.promise_id = ?1", promise_id)
}

pub fn totals_for_account(conn: &Connection, account_id: &str) -> Result<LostTotals> {
    sum(conn, "l.account_id = ?1", account_id)
}

/// Lost revenue caused by the promises a person made.
pub fn totals_for_promiser(conn: &Connection, person_id: &str) -> Result<LostTotals> {
    sum(conn, "l.promise_id IN (SELECT id FROM promises WHERE made_by_id = ?1)", person_id)
}

/// Lost revenue with a `lost_on` day from `from` to `to`, inclusive; either bound may be open.
pub fn totals_between(conn: &Connection, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<LostTotals> {
    let mut totals = LostTotals::default();
    let mut stmt = conn.prepare_cached(
        "SELECT amount_minor, currency, certainty FROM lost_revenue
         WHERE retracted_at IS NULL AND (?1 IS NULL OR lost_on >= ?1) AND (?2 IS NULL OR lost_on <= ?2)",
    )?;
    let rows = stmt.query_map(params![from.map(when::date), to.map(when::date)], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Certainty>(2)?)))?;
    for row in rows {
        let (minor, currency, certainty) = row?;
        totals.add(minor, &currency, certainty);
    }
    Ok(totals)
}

/// Lost revenue per promiser, for everyone at once.
pub fn totals_by_promiser(conn: &Connection) -> Result<HashMap<String, LostTotals>> {
    let mut out: HashMap<String, LostTotals> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT p.made_by_id, l.amount_minor, l.currency, l.certainty FROM lost_revenue l JOIN promises p ON p.id = l.promise_id
         WHERE l.retracted_at IS NULL",
    )?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?, r.get::<_, Certainty>(3)?)))? {
        let (person, minor, currency, certainty) = row?;
        out.entry(person).or_default().add(minor, &currency, certainty);
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
