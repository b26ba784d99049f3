//! Links between promises and the complaints they answer ("we will replace the batch by
//! Friday"). Owns the SQL of the `promise_complaints` table; the complaints themselves
//! belong to the complaints module, and are only read here to name them.
//!
//! A link is evidence like the rest and is never deleted.

use crate::chain;
use crate::db::{CaseFile, Tx};
use crate::error::{Error, Result};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

/// A complaint as a promise shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkedComplaint {
    pub complaint_id: String,
    pub reference: String,
    pub description: String,
    pub status: String,
    pub linked_at: String,
}

/// A promise as a complaint shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkedPromise {
    pub promise_id: String,
    pub what: String,
    pub made_by_name: String,
    pub due_on: String,
    pub status: String,
    pub linked_at: String,
}

/// The complaint must exist and be about the same customer as the promise.
pub(crate) fn check_complaint(conn: &Connection, field: &str, complaint_id: &str, account_id: &str) -> Result<()> {
    let account: Option<String> =
        conn.prepare_cached("SELECT account_id FROM complaints WHERE id = ?1")?.query_row([complaint_id], |r| r.get(0)).optional()?;
    match account {
        None => Err(Error::validation(field, "That complaint is not in this case file.")),
        Some(a) if a != account_id => Err(Error::validation(field, "That complaint is about a different customer.")),
        Some(_) => Ok(()),
    }
}

/// Link inside a write already under way; linking twice is harmless.
pub(crate) fn insert(tx: &Tx<'_>, promise_id: &str, complaint_id: &str) -> Result<()> {
    let exists = tx.prepare_cached("SELECT 1 FROM promise_complaints WHERE promise_id = ?1 AND complaint_id = ?2")?.exists([promise_id, complaint_id])?;
    if exists {
        return Ok(());
    }
    let id = tx.new_id();
    tx.prepare_cached("INSERT INTO promise_complaints(id, promise_id, complaint_id, linked_at) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![id, promise_id, complaint_id, tx.now_str()])?;
    chain::record(tx, "promise_complaints", &id, "create")
}

/// Link a promise to a complaint of the same customer.
pub fn link(cf: &mut CaseFile, promise_id: &str, complaint_id: &str) -> Result<Vec<LinkedComplaint>> {
    let promise = super::get(cf.conn(), promise_id, cf.today())?;
    check_complaint(cf.conn(), "complaint_id", complaint_id.trim(), &promise.account_id)?;
    cf.write(|tx| insert(tx, promise_id, complaint_id.trim()))?;
    complaints_for_promise(cf.conn(), promise_id)
}

pub fn complaints_for_promise(conn: &Connection, promise_id: &str) -> Result<Vec<LinkedComplaint>> {
    Ok(conn
        .prepare_cached(
            "SELECT c.id, c.reference, c.description, c.status, l.linked_at FROM promise_complaints l JOIN complaints c ON c.id = l.complaint_id
             WHERE l.promise_id = ?1 ORDER BY c.received_at, c.id",
        )?
        .query_map([promise_id], |r| {
            Ok(LinkedComplaint { complaint_id: r.get(0)?, reference: r.get(1)?, description: r.get(2)?, status: r.get(3)?, linked_at: r.get(4)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn promises_for_complaint(conn: &Connection, complaint_id: &str) -> Result<Vec<LinkedPromise>> {
    Ok(conn
        .prepare_cached(
            "SELECT p.id, p.what, m.name, p.due_on, p.status, l.linked_at FROM promise_complaints l
             JOIN promises p ON p.id = l.promise_id JOIN people m ON m.id = p.made_by_id
             WHERE l.complaint_id = ?1 ORDER BY p.due_on, p.id",
        )?
        .query_map([complaint_id], |r| {
            Ok(LinkedPromise { promise_id: r.get(0)?, what: r.get(1)?, made_by_name: r.get(2)?, due_on: r.get(3)?, status: r.get(4)?, linked_at: r.get(5)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Complaints of the promise's customer that could be linked, newest first, for a picker.
pub fn linkable_complaints(conn: &Connection, promise_id: &str) -> Result<Vec<LinkedComplaint>> {
    Ok(conn
        .prepare_cached(
            "SELECT c.id, c.reference, c.description, c.status, '' FROM complaints c JOIN promises p ON p.account_id = c.account_id
             WHERE p.id = ?1 AND NOT EXISTS (SELECT 1 FROM promise_complaints l WHERE l.promise_id = p.id AND l.complaint_id = c.id)
             ORDER BY c.received_at DESC LIMIT 200",
        )?
        .query_map([promise_id], |r| {
            Ok(LinkedComplaint { complaint_id: r.get(0)?, reference: r.get(1)?, description: r.get(2)?, status: r.get(3)?, linked_at: r.get(4)? })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}
