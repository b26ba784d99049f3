//! Complaints. Owns the SQL of the `complaints` and `complaint_status_history` tables.
//!
//! A complaint gets a readable reference (C-2026-0042) that a director can quote in a
//! meeting, a response due date worked out from the severity policy in settings, and a
//! status that only moves along the ISO 10002 workflow in [`workflow`]. Counting complaints
//! by month and root cause is what shows management what a supply decision costs.

mod listing;
pub mod workflow;

use crate::chain;
use crate::db::{CaseFile, Tx};
use crate::error::{Error, Result};
use crate::events::{self, NewEvent};
use crate::model::{ComplaintChannel, ComplaintStatus, EventKind, Precision};
use crate::{accounts, contacts, root_causes, settings, text, when};
use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

pub use listing::{count_by_month, count_by_month_and_cause, count_for_root_causes, list, ComplaintQuery, ComplaintRow};
pub use workflow::{allowed_from, HistoryEntry, NextStep, TransitionInput};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Complaint {
    pub id: String,
    pub reference: String,
    pub account_id: String,
    pub account_name: String,
    pub complainant_contact_id: Option<String>,
    pub complainant_name: Option<String>,
    /// A day ("2026-03-04") or an exact instant, as the user knew it.
    pub received_at: String,
    pub channel: ComplaintChannel,
    pub description: String,
    pub product: String,
    pub component: String,
    pub lot: String,
    pub severity: u8,
    pub category: String,
    pub root_cause_id: Option<String>,
    pub root_cause_path: Option<String>,
    pub remedy_sought: String,
    pub response_due_on: Option<String>,
    pub status: ComplaintStatus,
    pub customer_satisfied: Option<bool>,
    pub recorded_at: String,
    pub updated_at: String,
}

impl Complaint {
    pub fn is_open(&self) -> bool {
        !matches!(self.status, ComplaintStatus::Resolved | ComplaintStatus::Closed)
    }
}

/// What the user typed for a new complaint.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ComplaintInput {
    pub account_id: String,
    pub complainant_contact_id: Option<String>,
    /// "2026-03-04" or "2026-03-04 09:15"; blank means now.
    pub received_at: String,
    pub channel: String,
    pub description: String,
    pub product: String,
    pub component: String,
    pub lot: String,
    /// "1" (critical) to "4" (minor).
    pub severity: String,
    pub category: String,
    pub root_cause_id: Option<String>,
    pub remedy_sought: String,
}

/// The fields that investigation refines after a complaint is logged. What the customer said,
/// when and how stay as first recorded.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ComplaintEdit {
    pub complainant_contact_id: Option<String>,
    pub product: String,
    pub component: String,
    pub lot: String,
    pub severity: String,
    pub category: String,
    pub root_cause_id: Option<String>,
    pub remedy_sought: String,
}

fn some(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

pub fn parse_severity(text: &str) -> Result<u8> {
    match text.trim() {
        "1" => Ok(1),
        "2" => Ok(2),
        "3" => Ok(3),
        "4" => Ok(4),
        "" => Err(Error::validation("severity", "Choose a severity from 1 (critical) to 4 (minor).")),
        other => Err(Error::validation("severity", format!("“{}” is not a severity: use 1 (critical) to 4 (minor).", text::clip(other, 20)))),
    }
}

/// The first response is due this many days after the complaint arrived, by severity.
pub fn response_due(conn: &Connection, received: NaiveDate, severity: u8) -> Result<NaiveDate> {
    let days = settings::get(conn)?.response_days[(severity.clamp(1, 4) - 1) as usize];
    Ok(received + Duration::days(days as i64))
}

/// A received time as typed: with a time it is exact, a bare date is a day.
pub(crate) fn parse_when(field: &str, text: &str, now: &str) -> Result<(String, Precision)> {
    let t = text.trim();
    if t.is_empty() {
        return Ok((now.to_string(), Precision::Exact));
    }
    let precision = if t.len() > 10 { Precision::Exact } else { Precision::Day };
    Ok((when::parse_moment(field, t, precision)?, precision))
}

/// Refuse a moment later than today: a complaint or a transition is something that happened.
pub(crate) fn not_future(field: &str, stored: &str, today: NaiveDate) -> Result<()> {
    match when::moment_day(stored) {
        Some(d) if d > today => Err(Error::validation(field, format!("{} is in the future; record it once it has happened.", when::date(d)))),
        _ => Ok(()),
    }
}

fn check_root_cause(conn: &Connection, id: &Option<String>) -> Result<Option<String>> {
    match some(id) {
        Some(r) => {
            root_causes::get(conn, &r).map_err(|_| Error::validation("root_cause_id", "That root cause is not in this case file."))?;
            Ok(Some(r))
        }
        None => Ok(None),
    }
}

fn check_complainant(conn: &Connection, contact: &Option<String>, account_id: &str) -> Result<Option<String>> {
    match some(contact) {
        Some(c) => {
            contacts::check_belongs(conn, "complainant_contact_id", &c, account_id)?;
            Ok(Some(c))
        }
        None => Ok(None),
    }
}

const SELECT: &str = "SELECT c.id, c.reference, c.account_id, a.name, c.complainant_contact_id, k.name, c.received_at, c.channel,
        c.description, c.product, c.component, c.lot, c.severity, c.category, c.root_cause_id, c.remedy_sought,
        c.response_due_on, c.status, c.customer_satisfied, c.recorded_at, c.updated_at
    FROM complaints c JOIN accounts a ON a.id = c.account_id LEFT JOIN contacts k ON k.id = c.complainant_contact_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Complaint> {
    Ok(Complaint {
        id: r.get(0)?,
        reference: r.get(1)?,
        account_id: r.get(2)?,
        account_name: r.get(3)?,
        complainant_contact_id: r.get(4)?,
        complainant_name: r.get(5)?,
        received_at: r.get(6)?,
        channel: r.get(7)?,
        description: r.get(8)?,
        product: r.get(9)?,
        component: r.get(10)?,
        lot: r.get(11)?,
        severity: r.get(12)?,
        category: r.get(13)?,
        root_cause_id: r.get(14)?,
        root_cause_path: None,
        remedy_sought: r.get(15)?,
        response_due_on: r.get(16)?,
        status: r.get(17)?,
        customer_satisfied: r.get(18)?,
        recorded_at: r.get(19)?,
        updated_at: r.get(20)?,
    })
}

fn complete(conn: &Connection, mut c: Complaint) -> Result<Complaint> {
    if let Some(rc) = &c.root_cause_id {
        c.root_cause_path = Some(root_causes::path(conn, rc)?);
    }
    Ok(c)
}

pub fn get(conn: &Connection, id: &str) -> Result<Complaint> {
    let c = conn
        .prepare_cached(&format!("{SELECT} WHERE c.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("complaint", id))?;
    complete(conn, c)
}

/// Find a complaint by its reference (C-2026-0042), case-insensitively.
pub fn by_reference(conn: &Connection, reference: &str) -> Result<Complaint> {
    let id: Option<String> = conn
        .prepare_cached("SELECT id FROM complaints WHERE reference = upper(?1)")?
        .query_row([reference.trim()], |r| r.get(0))
        .optional()?;
    get(conn, &id.ok_or_else(|| Error::not_found("complaint", reference))?)
}

/// The next free reference of the year, taken inside the write so two complaints can never
/// get the same one.
fn next_reference(tx: &Tx<'_>, year: i32) -> Result<String> {
    let prefix = format!("C-{year:04}-");
    // The references of the year as a range of the unique index ('.' sorts right after '-'),
    // so a new complaint reads that year's references, not every complaint's.
    let end = format!("C-{year:04}.");
    let last: i64 = tx
        .prepare_cached("SELECT coalesce(max(CAST(substr(reference, 8) AS INTEGER)), 0) FROM complaints WHERE reference >= ?1 AND reference < ?2")?
        .query_row([&prefix, &end], |r| r.get(0))?;
    Ok(format!("{prefix}{:04}", last + 1))
}

pub fn create(cf: &mut CaseFile, input: &ComplaintInput) -> Result<Complaint> {
    let conn = cf.conn();
    let account_id = input.account_id.trim();
    if account_id.is_empty() {
        return Err(Error::validation("account_id", "Choose the customer who complained."));
    }
    if !accounts::exists(conn, account_id)? {
        return Err(Error::validation("account_id", "That customer is not in this case file."));
    }
    let complainant = check_complainant(conn, &input.complainant_contact_id, account_id)?;
    let now = when::instant(cf.now());
    let (received_at, _) = parse_when("received_at", &input.received_at, &now)?;
    not_future("received_at", &received_at, cf.today())?;
    let channel = ComplaintChannel::parse("channel", if input.channel.trim().is_empty() { "email" } else { &input.channel })?;
    let description = text::required("description", "What is wrong", &input.description, text::LONG_MAX)?;
    let product = text::line("product", "The product", &input.product)?;
    let component = text::line("component", "The component", &input.component)?;
    let lot = text::line("lot", "The lot", &input.lot)?;
    let severity = parse_severity(&input.severity)?;
    let category = text::line("category", "The category", &input.category)?;
    let root_cause = check_root_cause(conn, &input.root_cause_id)?;
    let remedy_sought = text::optional("remedy_sought", "The remedy asked for", &input.remedy_sought, text::LONG_MAX)?;
    let received_day = when::moment_day(&received_at).unwrap_or_else(|| cf.today());
    let due = response_due(conn, received_day, severity)?;
    cf.write(|tx| {
        let id = tx.new_id();
        let reference = next_reference(tx, chrono::Datelike::year(&received_day))?;
        tx.prepare_cached(
            "INSERT INTO complaints(id, reference, account_id, complainant_contact_id, received_at, channel, description, product,
                 component, lot, severity, category, root_cause_id, remedy_sought, response_due_on, status, recorded_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 'received', ?16, ?16)",
        )?
        .execute(params![
            id,
            reference,
            account_id,
            complainant,
            received_at,
            channel,
            description,
            product,
            component,
            lot,
            severity,
            category,
            root_cause,
            remedy_sought,
            when::date(due),
            tx.now_str()
        ])?;
        chain::record(tx, "complaints", &id, "create")?;
        workflow::record_history(tx, &id, None, ComplaintStatus::Received, &received_at, "")?;
        get(tx, &id)
    })
}

/// Refine what investigation has learned. Each change is written on the timeline with its
/// old value, so a reclassification never silently rewrites the record.
pub fn edit(cf: &mut CaseFile, id: &str, input: &ComplaintEdit) -> Result<Complaint> {
    let before = get(cf.conn(), id)?;
    let conn = cf.conn();
    let complainant = check_complainant(conn, &input.complainant_contact_id, &before.account_id)?;
    let product = text::line("product", "The product", &input.product)?;
    let component = text::line("component", "The component", &input.component)?;
    let lot = text::line("lot", "The lot", &input.lot)?;
    let severity = parse_severity(&input.severity)?;
    let category = text::line("category", "The category", &input.category)?;
    let root_cause = check_root_cause(conn, &input.root_cause_id)?;
    let remedy_sought = text::optional("remedy_sought", "The remedy asked for", &input.remedy_sought, text::LONG_MAX)?;
    let received_day = when::moment_day(&before.received_at).unwrap_or_else(|| cf.today());
    let due = when::date(response_due(conn, received_day, severity)?);
    let name_of_contact = |c: &Option<String>| c.as_ref().and_then(|c| contacts::get(conn, c).ok()).map(|c| c.name).unwrap_or_else(|| "—".into());
    let path_of = |r: &Option<String>| r.as_ref().and_then(|r| root_causes::path(conn, r).ok()).unwrap_or_else(|| "—".into());
    let mut changes = Vec::new();
    let mut note = |label: &str, old: String, new: String| {
        if old != new {
            changes.push(format!("{label}: {} → {}", if old.is_empty() { "—" } else { &old }, if new.is_empty() { "—" } else { &new }));
        }
    };
    note("Complainant", name_of_contact(&before.complainant_contact_id), name_of_contact(&complainant));
    note("Product", before.product.clone(), product.clone());
    note("Component", before.component.clone(), component.clone());
    note("Lot", before.lot.clone(), lot.clone());
    note("Severity", before.severity.to_string(), severity.to_string());
    note("Category", before.category.clone(), category.clone());
    note("Root cause", path_of(&before.root_cause_id), path_of(&root_cause));
    note("Remedy asked for", before.remedy_sought.clone(), remedy_sought.clone());
    if changes.is_empty() {
        return Err(Error::validation("", "Nothing was changed."));
    }
    cf.write(|tx| {
        tx.prepare_cached(
            "UPDATE complaints SET complainant_contact_id = ?2, product = ?3, component = ?4, lot = ?5, severity = ?6, category = ?7,
                 root_cause_id = ?8, remedy_sought = ?9, response_due_on = ?10, updated_at = ?11 WHERE id = ?1",
        )?
        .execute(params![id, complainant, product, component, lot, severity, category, root_cause, remedy_sought, due, tx.now_str()])?;
        chain::record(tx, "complaints", id, "update")?;
        let mut e = NewEvent::system(tx, EventKind::Note, format!("{} reclassified", before.reference));
        e.details = changes.join("\n");
        e.account_id = Some(before.account_id.clone());
        e.complaint_id = Some(id.to_string());
        events::insert(tx, &e)?;
        get(tx, id)
    })
}

#[cfg(test)]
mod tests;
