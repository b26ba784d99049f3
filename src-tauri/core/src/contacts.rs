//! The people on the customer's side: who a promise was made to, who complained.
//! Owns the SQL of the `contacts` table.

use crate::chain;
use crate::db::CaseFile;
use crate::error::{Error, Result};
use crate::text;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    pub id: String,
    pub account_id: String,
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ContactInput {
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub notes: String,
}

struct Checked {
    name: String,
    title: String,
    email: String,
    phone: String,
    notes: String,
}

impl ContactInput {
    fn check(&self) -> Result<Checked> {
        Ok(Checked {
            name: text::name("name", "The contact's name", &self.name)?,
            title: text::line("title", "The title", &self.title)?,
            email: text::email("email", &self.email)?,
            phone: text::line("phone", "The phone number", &self.phone)?,
            notes: text::optional("notes", "The notes", &self.notes, text::LONG_MAX)?,
        })
    }
}

const SELECT: &str = "SELECT id, account_id, name, title, email, phone, notes, created_at, updated_at FROM contacts";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: r.get(0)?,
        account_id: r.get(1)?,
        name: r.get(2)?,
        title: r.get(3)?,
        email: r.get(4)?,
        phone: r.get(5)?,
        notes: r.get(6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<Contact> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("contact", id))
}

/// Check that a contact exists and belongs to the account, for forms that name both.
pub fn check_belongs(conn: &Connection, field: &str, contact_id: &str, account_id: &str) -> Result<()> {
    match get(conn, contact_id) {
        Ok(c) if c.account_id == account_id => Ok(()),
        Ok(_) => Err(Error::validation(field, "That contact belongs to a different customer.")),
        Err(_) => Err(Error::validation(field, "That contact is not in this case file.")),
    }
}

pub fn list_for_account(conn: &Connection, account_id: &str) -> Result<Vec<Contact>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE account_id = ?1 ORDER BY name COLLATE NOCASE"))?
        .query_map([account_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn create(cf: &mut CaseFile, account_id: &str, input: &ContactInput) -> Result<Contact> {
    crate::accounts::get(cf.conn(), account_id)?;
    let c = input.check()?;
    cf.write(|tx| {
        let id = tx.new_id();
        tx.prepare_cached(
            "INSERT INTO contacts(id, account_id, name, title, email, phone, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        )?
        .execute(params![id, account_id, c.name, c.title, c.email, c.phone, c.notes, tx.now_str()])?;
        chain::record(tx, "contacts", &id, "create")?;
        get(tx, &id)
    })
}

pub fn update(cf: &mut CaseFile, id: &str, input: &ContactInput) -> Result<Contact> {
    get(cf.conn(), id)?;
    let c = input.check()?;
    cf.write(|tx| {
        tx.prepare_cached("UPDATE contacts SET name = ?2, title = ?3, email = ?4, phone = ?5, notes = ?6, updated_at = ?7 WHERE id = ?1")?
            .execute(params![id, c.name, c.title, c.email, c.phone, c.notes, tx.now_str()])?;
        chain::record(tx, "contacts", id, "update")?;
        get(tx, id)
    })
}

/// Delete a contact nothing refers to; one that a promise, complaint or event names stays.
pub fn delete(cf: &mut CaseFile, id: &str) -> Result<()> {
    let contact = get(cf.conn(), id)?;
    let used: i64 = cf.conn().query_row(
        "SELECT (SELECT count(*) FROM promises WHERE contact_id = ?1) + (SELECT count(*) FROM complaints WHERE complainant_contact_id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if used > 0 {
        return Err(Error::conflict(format!(
            "{} cannot be deleted: {used} promise(s) or complaint(s) name them, and the record must keep its meaning.",
            contact.name
        )));
    }
    cf.write(|tx| {
        chain::record_delete(tx, "contacts", id)?;
        tx.prepare_cached("DELETE FROM contacts WHERE id = ?1")?.execute([id])?;
        Ok(())
    })
}
