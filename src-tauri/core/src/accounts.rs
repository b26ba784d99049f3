//! Customers (accounts). Owns the SQL of the `accounts` table.
//!
//! Each account names one internal person as its single communicator: the one voice the
//! customer hears. Changing that person is a transfer, recorded by `transfers`, never a
//! silent edit.

use crate::chain;
use crate::db::{CaseFile, Tx};
use crate::error::{Error, Result};
use crate::model::{page_limit, Page, Side};
use crate::money::Money;
use crate::people::{self, escape_like};
use crate::text;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Account {
    pub id: String,
    pub name: String,
    pub segment: String,
    pub annual_value: Option<Money>,
    pub communicator_id: Option<String>,
    pub communicator_name: Option<String>,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

/// An account as the list shows it: enough to see where trouble is without opening it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccountSummary {
    pub account: Account,
    pub contacts: u32,
    pub open_promises: u32,
    pub overdue_promises: u32,
    pub open_complaints: u32,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AccountInput {
    pub name: String,
    pub segment: String,
    /// Typed amount, e.g. "250,000"; blank for unknown.
    pub annual_value: String,
    pub annual_value_currency: String,
    pub communicator_id: Option<String>,
    /// Why the communicator changed, when an edit changes it.
    pub transfer_reason: String,
    pub notes: String,
}

struct Checked {
    name: String,
    segment: String,
    annual_value: Option<Money>,
    communicator_id: Option<String>,
    notes: String,
}

impl AccountInput {
    fn check(&self, conn: &Connection, default_currency: &str) -> Result<Checked> {
        let currency = if self.annual_value_currency.trim().is_empty() { default_currency } else { &self.annual_value_currency };
        let communicator_id = self.communicator_id.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        if let Some(c) = &communicator_id {
            check_communicator(conn, "communicator_id", c)?;
        }
        Ok(Checked {
            name: text::name("name", "The customer's name", &self.name)?,
            segment: text::line("segment", "The segment", &self.segment)?,
            annual_value: Money::parse_optional("annual_value", &self.annual_value, currency)?,
            communicator_id,
            notes: text::optional("notes", "The notes", &self.notes, text::LONG_MAX)?,
        })
    }
}

/// The single communicator must be one of our own people.
pub(crate) fn check_communicator(conn: &Connection, field: &str, person_id: &str) -> Result<()> {
    let p = people::get(conn, person_id).map_err(|_| Error::validation(field, "That person is not in this case file."))?;
    if p.side != Side::Internal {
        return Err(Error::validation(field, format!("{} is external; the single communicator must be one of your own people.", p.name)));
    }
    Ok(())
}

const SELECT: &str = "SELECT a.id, a.name, a.segment, a.annual_value_minor, a.annual_value_currency, a.communicator_id, p.name,
        a.notes, a.created_at, a.updated_at
    FROM accounts a LEFT JOIN people p ON p.id = a.communicator_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Account> {
    let minor: Option<i64> = r.get(3)?;
    let currency: Option<String> = r.get(4)?;
    Ok(Account {
        id: r.get(0)?,
        name: r.get(1)?,
        segment: r.get(2)?,
        annual_value: minor.zip(currency).map(|(minor, currency)| Money { minor, currency }),
        communicator_id: r.get(5)?,
        communicator_name: r.get(6)?,
        notes: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

pub fn exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT 1 FROM accounts WHERE id = ?1")?.exists([id])?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Account> {
    conn.prepare_cached(&format!("{SELECT} WHERE a.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("customer", id))
}

pub fn create(cf: &mut CaseFile, input: &AccountInput) -> Result<Account> {
    let currency = crate::settings::get(cf.conn())?.currency;
    let c = input.check(cf.conn(), &currency)?;
    cf.write(|tx| {
        let id = tx.new_id();
        let now = tx.now_str();
        tx.prepare_cached(
            "INSERT INTO accounts(id, name, segment, annual_value_minor, annual_value_currency, communicator_id, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        )?
        .execute(params![
            id,
            c.name,
            c.segment,
            c.annual_value.as_ref().map(|m| m.minor),
            c.annual_value.as_ref().map(|m| &m.currency),
            c.communicator_id,
            c.notes,
            now
        ])?;
        chain::record(tx, "accounts", &id, "create")?;
        get(tx, &id)
    })
}

/// Edit an account. A changed communicator is recorded as a transfer dated today.
pub fn update(cf: &mut CaseFile, id: &str, input: &AccountInput) -> Result<Account> {
    let before = get(cf.conn(), id)?;
    let currency = crate::settings::get(cf.conn())?.currency;
    let c = input.check(cf.conn(), &currency)?;
    let moved = c.communicator_id.is_some() && c.communicator_id != before.communicator_id;
    if before.communicator_id.is_some() && c.communicator_id.is_none() {
        return Err(Error::validation("communicator_id", "Move the account to another person rather than leaving it without a communicator."));
    }
    let reason = text::optional("transfer_reason", "The reason", &input.transfer_reason, text::LINE_MAX)?;
    cf.write(|tx| {
        tx.prepare_cached(
            "UPDATE accounts SET name = ?2, segment = ?3, annual_value_minor = ?4, annual_value_currency = ?5, notes = ?6, updated_at = ?7
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            c.name,
            c.segment,
            c.annual_value.as_ref().map(|m| m.minor),
            c.annual_value.as_ref().map(|m| &m.currency),
            c.notes,
            tx.now_str()
        ])?;
        chain::record(tx, "accounts", id, "update")?;
        if moved {
            if let Some(to) = &c.communicator_id {
                crate::transfers::record(tx, id, to, tx.today(), &reason)?;
            }
        }
        get(tx, id)
    })
}

/// Point the account at its new communicator; only `transfers` calls this, alongside its record.
pub(crate) fn set_communicator(tx: &Tx<'_>, account_id: &str, person_id: &str) -> Result<()> {
    tx.prepare_cached("UPDATE accounts SET communicator_id = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![account_id, person_id, tx.now_str()])?;
    chain::record(tx, "accounts", account_id, "transfer")
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AccountQuery {
    pub search: Option<String>,
    pub communicator_id: Option<String>,
    pub offset: Option<u64>,
    pub limit: Option<u64>,
}

pub fn list(conn: &Connection, today: chrono::NaiveDate, q: &AccountQuery) -> Result<Page<AccountSummary>> {
    let search = q.search.as_deref().map(str::trim).unwrap_or("");
    let like = format!("%{}%", escape_like(search));
    let who = q.communicator_id.as_deref().filter(|s| !s.is_empty());
    let limit = page_limit(q.limit);
    let offset = q.offset.unwrap_or(0);
    let filter = "WHERE (?1 = '%%' OR a.name LIKE ?1 ESCAPE '\\' OR a.segment LIKE ?1 ESCAPE '\\') AND (?2 IS NULL OR a.communicator_id = ?2)";
    let total = conn
        .prepare_cached(&format!("SELECT count(*) FROM accounts a {filter}"))?
        .query_row(params![like, who], |r| r.get::<_, i64>(0))? as u64;
    let sql = format!("{SELECT} {filter} ORDER BY a.name COLLATE NOCASE LIMIT ?3 OFFSET ?4");
    let accounts = conn
        .prepare_cached(&sql)?
        .query_map(params![like, who, limit as i64, offset as i64], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let today = crate::when::date(today);
    let mut items = Vec::with_capacity(accounts.len());
    let mut counts = conn.prepare_cached(
        "SELECT (SELECT count(*) FROM contacts WHERE account_id = ?1),
                (SELECT count(*) FROM promises WHERE account_id = ?1 AND status = 'open'),
                (SELECT count(*) FROM promises WHERE account_id = ?1 AND status = 'open' AND due_on < ?2),
                (SELECT count(*) FROM complaints WHERE account_id = ?1 AND status NOT IN ('resolved', 'closed'))",
    )?;
    for account in accounts {
        let (contacts, open_promises, overdue_promises, open_complaints) =
            counts.query_row(params![account.id, today], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        items.push(AccountSummary { account, contacts, open_promises, overdue_promises, open_complaints });
    }
    Ok(Page { items, total, offset, limit })
}

/// Find customers by name for the CLI and type-ahead: exact (case-insensitive) matches first.
pub fn find_by_name(conn: &Connection, name: &str) -> Result<Vec<Account>> {
    let exact = conn
        .prepare_cached(&format!("{SELECT} WHERE a.name = ?1 COLLATE NOCASE ORDER BY a.name"))?
        .query_map([name.trim()], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if !exact.is_empty() {
        return Ok(exact);
    }
    let like = format!("%{}%", escape_like(name.trim()));
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE a.name LIKE ?1 ESCAPE '\\' ORDER BY a.name LIMIT 20"))?
        .query_map([like], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

#[cfg(test)]
mod tests;
