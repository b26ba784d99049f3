//! Moving an account to another rep. Owns the SQL of the `account_transfers` table.
//!
//! A transfer is evidence in its own right (situation 5: "record when an account is moved to
//! another rep"), so it is a dated row, a timeline event, and a change of the account's
//! single communicator, all in one write.

use crate::chain;
use crate::db::{CaseFile, Tx};
use crate::error::{Error, Result};
use crate::events::{self, NewEvent};
use crate::model::{EventKind, Precision};
use crate::{accounts, people, text, when};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Transfer {
    pub id: String,
    pub account_id: String,
    pub from_person_id: Option<String>,
    pub from_name: Option<String>,
    pub to_person_id: String,
    pub to_name: String,
    pub transferred_on: String,
    pub reason: String,
    pub recorded_at: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct TransferInput {
    pub to_person_id: String,
    pub transferred_on: String,
    pub reason: String,
}

/// Move an account to another person, as the user asked.
pub fn transfer(cf: &mut CaseFile, account_id: &str, input: &TransferInput) -> Result<Transfer> {
    let account = accounts::get(cf.conn(), account_id)?;
    let to = input.to_person_id.trim();
    if to.is_empty() {
        return Err(Error::validation("to_person_id", "Choose who the account moves to."));
    }
    accounts::check_communicator(cf.conn(), "to_person_id", to)?;
    if account.communicator_id.as_deref() == Some(to) {
        return Err(Error::validation("to_person_id", "The account is already with that person."));
    }
    let on = when::parse_date("transferred_on", &input.transferred_on)?;
    let reason = text::optional("reason", "The reason", &input.reason, text::LINE_MAX)?;
    cf.write(|tx| {
        let id = record(tx, account_id, to, on, &reason)?;
        get(tx, &id)
    })
}

/// Record the move inside a write already under way (an account edit that changed the communicator).
pub(crate) fn record(tx: &Tx<'_>, account_id: &str, to: &str, on: NaiveDate, reason: &str) -> Result<String> {
    let account = accounts::get(tx, account_id)?;
    let to_person = people::get(tx, to)?;
    let id = tx.new_id();
    tx.prepare_cached(
        "INSERT INTO account_transfers(id, account_id, from_person_id, to_person_id, transferred_on, reason, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![id, account_id, account.communicator_id, to, when::date(on), reason, tx.now_str()])?;
    chain::record(tx, "account_transfers", &id, "create")?;
    accounts::set_communicator(tx, account_id, to)?;
    let summary = match &account.communicator_name {
        Some(from) => format!("{} moved from {from} to {}", account.name, to_person.name),
        None => format!("{} assigned to {}", account.name, to_person.name),
    };
    let mut e = NewEvent::system(tx, EventKind::AccountTransfer, summary);
    e.occurred_at = when::date(on);
    e.occurred_precision = Precision::Day;
    e.details = reason.to_string();
    e.account_id = Some(account_id.to_string());
    e.actor_id = Some(to.to_string());
    events::insert(tx, &e)?;
    Ok(id)
}

const SELECT: &str = "SELECT t.id, t.account_id, t.from_person_id, f.name, t.to_person_id, p.name, t.transferred_on, t.reason, t.recorded_at
    FROM account_transfers t LEFT JOIN people f ON f.id = t.from_person_id JOIN people p ON p.id = t.to_person_id";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Transfer> {
    Ok(Transfer {
        id: r.get(0)?,
        account_id: r.get(1)?,
        from_person_id: r.get(2)?,
        from_name: r.get(3)?,
        to_person_id: r.get(4)?,
        to_name: r.get(5)?,
        transferred_on: r.get(6)?,
        reason: r.get(7)?,
        recorded_at: r.get(8)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Transfer> {
    conn.prepare_cached(&format!("{SELECT} WHERE t.id = ?1"))?
        .query_row([id], from_row)
        .map_err(|_| Error::not_found("transfer", id))
}

pub fn list_for_account(conn: &Connection, account_id: &str) -> Result<Vec<Transfer>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE t.account_id = ?1 ORDER BY t.transferred_on DESC, t.id DESC"))?
        .query_map([account_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}
