//! Remedies: what fixing a complaint (or a broken promise) cost the company. Owns the SQL of
//! the `remedies` table.
//!
//! Fixing complaints "eats the margin" (situation 2), so every remedy carries its cost as
//! money, and the totals per complaint, per customer and per root cause are worked out
//! here, keeping currencies apart rather than converting them. A declined remedy cost
//! nothing and is left out of the cost; it still shows in the list.

use crate::chain;
use crate::db::CaseFile;
use crate::error::{Error, Result};
use crate::events::{self, NewEvent};
use crate::model::{EventKind, Precision, RemedyKind, RemedyStatus};
use crate::money::{Money, Totals};
use crate::{accounts, complaints, people, text, when};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Remedy {
    pub id: String,
    pub account_id: String,
    pub account_name: String,
    pub complaint_id: Option<String>,
    pub complaint_reference: Option<String>,
    pub promise_id: Option<String>,
    pub kind: RemedyKind,
    pub description: String,
    pub cost: Money,
    pub status: RemedyStatus,
    pub approved_by_id: Option<String>,
    pub approved_by_name: Option<String>,
    pub remedy_on: String,
    pub recorded_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RemedyInput {
    /// Taken from the complaint when one is given.
    pub account_id: Option<String>,
    pub complaint_id: Option<String>,
    pub promise_id: Option<String>,
    pub kind: String,
    pub description: String,
    /// The cost to the company, as typed: "1,250.00".
    pub cost: String,
    pub cost_currency: String,
    /// Blank means "offered".
    pub status: String,
    pub approved_by_id: Option<String>,
    /// The day it was offered or given; blank means today.
    pub remedy_on: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RemedyStatusInput {
    pub status: String,
    /// The day of the change; blank means today.
    pub on: String,
    pub note: String,
}

/// Money spent on remedies, by what it bought and how far it has got.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RemedyTotals {
    /// Every remedy, declined ones included.
    pub count: u32,
    /// Offered, accepted or delivered: what the company has committed to.
    pub cost: Totals,
    pub delivered: Totals,
    /// Offered or accepted, not yet delivered.
    pub outstanding: Totals,
    pub by_kind: Vec<KindTotal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindTotal {
    pub kind: RemedyKind,
    pub count: u32,
    pub cost: Totals,
}

fn some(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

/// Which status moves make sense: an offer is accepted or declined, an accepted remedy is
/// delivered, and a declined one can be offered again.
fn can_move(from: RemedyStatus, to: RemedyStatus) -> bool {
    use RemedyStatus::*;
    matches!((from, to), (Offered, Accepted | Declined | Delivered) | (Accepted, Delivered | Declined) | (Declined, Offered))
}

const SELECT: &str = "SELECT r.id, r.account_id, a.name, r.complaint_id, c.reference, r.promise_id, r.kind, r.description,
        r.cost_minor, r.cost_currency, r.status, r.approved_by_id, p.name, r.remedy_on, r.recorded_at, r.updated_at
    FROM remedies r JOIN accounts a ON a.id = r.account_id LEFT JOIN complaints c ON c.id = r.complaint_id
    LEFT JOIN people p ON p.id = r.approved_by_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Remedy> {
    Ok(Remedy {
        id: r.get(0)?,
        account_id: r.get(1)?,
        account_name: r.get(2)?,
        complaint_id: r.get(3)?,
        complaint_reference: r.get(4)?,
        promise_id: r.get(5)?,
        kind: r.get(6)?,
        description: r.get(7)?,
        cost: Money { minor: r.get(8)?, currency: r.get(9)? },
        status: r.get(10)?,
        approved_by_id: r.get(11)?,
        approved_by_name: r.get(12)?,
        remedy_on: r.get(13)?,
        recorded_at: r.get(14)?,
        updated_at: r.get(15)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Remedy> {
    conn.prepare_cached(&format!("{SELECT} WHERE r.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("remedy", id))
}

pub fn create(cf: &mut CaseFile, input: &RemedyInput) -> Result<Remedy> {
    let conn = cf.conn();
    let complaint = match some(&input.complaint_id) {
        Some(c) => Some(complaints::get(conn, &c).map_err(|_| Error::validation("complaint_id", "That complaint is not in this case file."))?),
        None => None,
    };
    let account_id = match (&complaint, some(&input.account_id)) {
        (Some(c), Some(a)) if c.account_id != a => {
            return Err(Error::validation("account_id", format!("{} belongs to {}, not to that customer.", c.reference, c.account_name)))
        }
        (Some(c), _) => c.account_id.clone(),
        (None, Some(a)) => a,
        (None, None) => return Err(Error::validation("account_id", "Choose the customer the remedy is for.")),
    };
    if !accounts::exists(conn, &account_id)? {
        return Err(Error::validation("account_id", "That customer is not in this case file."));
    }
    let promise_id = some(&input.promise_id);
    if let Some(p) = &promise_id {
        let owner: Option<String> = conn.prepare_cached("SELECT account_id FROM promises WHERE id = ?1")?.query_row([p], |r| r.get(0)).optional()?;
        match owner {
            None => return Err(Error::validation("promise_id", "That promise is not in this case file.")),
            Some(a) if a != account_id => return Err(Error::validation("promise_id", "That promise was made to a different customer.")),
            Some(_) => {}
        }
    }
    if input.kind.trim().is_empty() {
        return Err(Error::validation("kind", "Choose what kind of remedy it is."));
    }
    let kind = RemedyKind::parse("kind", &input.kind)?;
    let description = text::optional("description", "The description", &input.description, text::LONG_MAX)?;
    let currency = if input.cost_currency.trim().is_empty() { crate::settings::get(conn)?.currency } else { input.cost_currency.clone() };
    let cost = Money::parse("cost", &input.cost, &currency)?;
    let status = if input.status.trim().is_empty() { RemedyStatus::Offered } else { RemedyStatus::parse("status", &input.status)? };
    let approved_by = some(&input.approved_by_id);
    if let Some(p) = &approved_by {
        people::get(conn, p).map_err(|_| Error::validation("approved_by_id", "That person is not in this case file."))?;
    }
    let on = if input.remedy_on.trim().is_empty() { cf.today() } else { when::parse_date("remedy_on", &input.remedy_on)? };
    if on > cf.today() {
        return Err(Error::validation("remedy_on", format!("{} is in the future; record a remedy once it has been offered.", when::date(on))));
    }
    if let Some(received) = complaint.as_ref().and_then(|c| when::moment_day(&c.received_at)) {
        if on < received {
            return Err(Error::validation("remedy_on", format!("{} is before the complaint arrived ({}).", when::date(on), when::date(received))));
        }
    }
    cf.write(|tx| {
        let id = tx.new_id();
        let now = tx.now_str();
        tx.prepare_cached(
            "INSERT INTO remedies(id, account_id, complaint_id, promise_id, kind, description, cost_minor, cost_currency, status,
                 approved_by_id, remedy_on, recorded_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        )?
        .execute(params![
            id,
            account_id,
            complaint.as_ref().map(|c| &c.id),
            promise_id,
            kind,
            description,
            cost.minor,
            cost.currency,
            status,
            approved_by,
            when::date(on),
            now
        ])?;
        chain::record(tx, "remedies", &id, "create")?;
        get(tx, &id)
    })
}

/// Move a remedy on (accepted, delivered, declined); the change is dated on the timeline.
pub fn set_status(cf: &mut CaseFile, id: &str, input: &RemedyStatusInput) -> Result<Remedy> {
    let before = get(cf.conn(), id)?;
    if input.status.trim().is_empty() {
        return Err(Error::validation("status", "Choose the new status."));
    }
    let to = RemedyStatus::parse("status", &input.status)?;
    if !can_move(before.status, to) {
        let allowed: Vec<&str> = RemedyStatus::ALL.iter().filter(|s| can_move(before.status, **s)).map(|s| s.label()).collect();
        let next = if allowed.is_empty() { "nothing: it is done".to_string() } else { allowed.join(" or ") };
        return Err(Error::conflict(format!(
            "This {} is {} and cannot become {}. From {} it can become {next}.",
            before.kind.label().to_lowercase(),
            before.status.label(),
            to.label(),
            before.status.label()
        )));
    }
    let on = if input.on.trim().is_empty() { cf.today() } else { when::parse_date("on", &input.on)? };
    if on > cf.today() {
        return Err(Error::validation("on", format!("{} is in the future.", when::date(on))));
    }
    let note = text::optional("note", "The note", &input.note, text::LONG_MAX)?;
    cf.write(|tx| {
        tx.prepare_cached("UPDATE remedies SET status = ?2, updated_at = ?3 WHERE id = ?1")?.execute(params![id, to, tx.now_str()])?;
        chain::record(tx, "remedies", id, "update")?;
        let about = before.complaint_reference.as_deref().map(|r| format!(" for {r}")).unwrap_or_default();
        let summary = format!("{} of {}{about}: {} → {}", before.kind.label(), before.cost.format(), before.status.label(), to.label());
        let mut e = NewEvent::system(tx, EventKind::StatusChange, summary);
        e.occurred_at = when::date(on);
        e.occurred_precision = Precision::Day;
        e.details = note.clone();
        e.account_id = Some(before.account_id.clone());
        e.complaint_id = before.complaint_id.clone();
        e.promise_id = before.promise_id.clone();
        events::insert(tx, &e)?;
        get(tx, id)
    })
}

pub fn list_for_complaint(conn: &Connection, complaint_id: &str) -> Result<Vec<Remedy>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE r.complaint_id = ?1 ORDER BY r.remedy_on, r.recorded_at"))?
        .query_map([complaint_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The newest remedies given to a customer, for the briefing ("compensation already given").
pub fn list_for_account(conn: &Connection, account_id: &str, limit: u32) -> Result<Vec<Remedy>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE r.account_id = ?1 ORDER BY r.remedy_on DESC, r.recorded_at DESC LIMIT ?2"))?
        .query_map(params![account_id, limit], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Add up (kind, status, minor, currency) rows.
fn sum(rows: impl Iterator<Item = (RemedyKind, RemedyStatus, i64, String)>) -> RemedyTotals {
    let mut t = RemedyTotals::default();
    let mut kinds: BTreeMap<RemedyKind, KindTotal> = BTreeMap::new();
    for (kind, status, minor, currency) in rows {
        t.count += 1;
        let k = kinds.entry(kind).or_insert_with(|| KindTotal { kind, count: 0, cost: Totals::default() });
        k.count += 1;
        if status == RemedyStatus::Declined {
            continue;
        }
        t.cost.add(minor, &currency);
        k.cost.add(minor, &currency);
        if status == RemedyStatus::Delivered {
            t.delivered.add(minor, &currency);
        } else {
            t.outstanding.add(minor, &currency);
        }
    }
    t.by_kind = kinds.into_values().collect();
    t
}

/// The totals of a list of remedies (a packet's), with the same rules as every other total.
pub fn total(remedies: &[Remedy]) -> RemedyTotals {
    sum(remedies.iter().map(|r| (r.kind, r.status, r.cost.minor, r.cost.currency.clone())))
}

fn totals_where(conn: &Connection, filter: &str, arg: &str) -> Result<RemedyTotals> {
    let sql = format!("SELECT r.kind, r.status, r.cost_minor, r.cost_currency FROM remedies r WHERE {filter}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([arg], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(sum(rows.into_iter()))
}

pub fn totals_for_complaint(conn: &Connection, complaint_id: &str) -> Result<RemedyTotals> {
    totals_where(conn, "r.complaint_id = ?1", complaint_id)
}

/// The totals of several complaints in one statement, for a page of them. A complaint with
/// no remedies is absent from the map.
pub fn totals_for_complaints(conn: &Connection, complaint_ids: &[&str]) -> Result<std::collections::HashMap<String, RemedyTotals>> {
    if complaint_ids.is_empty() {
        return Ok(Default::default());
    }
    let ids = serde_json::to_string(complaint_ids).unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT r.complaint_id, r.kind, r.status, r.cost_minor, r.cost_currency FROM remedies r
         WHERE r.complaint_id IN (SELECT value FROM json_each(?1))",
    )?;
    let mut rows: BTreeMap<String, Vec<(RemedyKind, RemedyStatus, i64, String)>> = BTreeMap::new();
    for row in stmt.query_map([ids], |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))))? {
        let (complaint, values) = row?;
        rows.entry(complaint).or_default().push(values);
    }
    Ok(rows.into_iter().map(|(id, values)| (id, sum(values.into_iter()))).collect())
}

pub fn totals_for_account(conn: &Connection, account_id: &str) -> Result<RemedyTotals> {
    totals_where(conn, "r.account_id = ?1", account_id)
}

/// Remedies offered or given from `from` to `to` (by their day, inclusive).
pub fn totals_between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<RemedyTotals> {
    let mut stmt = conn.prepare_cached("SELECT r.kind, r.status, r.cost_minor, r.cost_currency FROM remedies r WHERE r.remedy_on >= ?1 AND r.remedy_on <= ?2")?;
    let rows = stmt.query_map(params![when::date(from), when::date(to)], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(sum(rows.into_iter()))
}

/// Remedies for complaints whose root cause is one of `ids` (a root cause and its children).
pub fn totals_for_root_causes(conn: &Connection, ids: &[String]) -> Result<RemedyTotals> {
    let json = serde_json::to_string(ids).unwrap_or_default();
    totals_where(conn, "r.complaint_id IN (SELECT id FROM complaints WHERE root_cause_id IN (SELECT value FROM json_each(?1)))", &json)
}

/// Remedy cost per month ("2026-03" → totals), by the remedy's date, for complaints whose
/// root cause is one of `ids`. Declined remedies cost nothing.
pub fn cost_by_month(conn: &Connection, ids: &[String]) -> Result<BTreeMap<String, Totals>> {
    let json = serde_json::to_string(ids).unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT substr(r.remedy_on, 1, 7), r.cost_currency, sum(r.cost_minor) FROM remedies r
         WHERE r.status <> 'declined'
           AND r.complaint_id IN (SELECT id FROM complaints WHERE root_cause_id IN (SELECT value FROM json_each(?1)))
         GROUP BY 1, 2",
    )?;
    let mut out: BTreeMap<String, Totals> = BTreeMap::new();
    for row in stmt.query_map([json], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?)))? {
        let (month, currency, minor) = row?;
        out.entry(month).or_default().add(minor, &currency);
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
