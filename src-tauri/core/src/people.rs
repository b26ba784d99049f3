//! People: the user, their boss, the boss's superior, reps, colleagues, and outsiders such as
//! a supplier's manager. Owns the SQL of the `people` table.
//!
//! A person's `manager` is who they answer to: it is who a written confirmation can copy,
//! and who a packet can be addressed to.

use crate::chain;
use crate::db::{CaseFile, Tx};
use crate::error::{Error, Result};
use crate::model::{page_limit, Page, Side};
use crate::text;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub side: Side,
    pub role: String,
    pub organisation: String,
    pub email: String,
    pub phone: String,
    pub manager_id: Option<String>,
    pub manager_name: Option<String>,
    pub is_me: bool,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

/// What the user typed; every field is checked by [`PersonInput::check`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PersonInput {
    pub name: String,
    pub side: String,
    pub role: String,
    pub organisation: String,
    pub email: String,
    pub phone: String,
    pub manager_id: Option<String>,
    pub is_me: bool,
    pub notes: String,
}

struct Checked {
    name: String,
    side: Side,
    role: String,
    organisation: String,
    email: String,
    phone: String,
    manager_id: Option<String>,
    is_me: bool,
    notes: String,
}

impl PersonInput {
    fn check(&self, conn: &Connection, own_id: Option<&str>) -> Result<Checked> {
        let side = if self.side.trim().is_empty() { Side::Internal } else { Side::parse("side", &self.side)? };
        let manager_id = self.manager_id.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        if let Some(m) = &manager_id {
            if Some(m.as_str()) == own_id {
                return Err(Error::validation("manager_id", "A person cannot be their own manager."));
            }
            if !exists(conn, m)? {
                return Err(Error::validation("manager_id", "That manager is not in this case file."));
            }
            if let Some(own) = own_id {
                if reports_to(conn, m, own)? {
                    return Err(Error::validation("manager_id", "That would make a loop: this person is already above them."));
                }
            }
        }
        Ok(Checked {
            name: text::name("name", "The name", &self.name)?,
            side,
            role: text::line("role", "The role", &self.role)?,
            organisation: text::line("organisation", "The organisation", &self.organisation)?,
            email: text::email("email", &self.email)?,
            phone: text::line("phone", "The phone number", &self.phone)?,
            manager_id,
            is_me: self.is_me,
            notes: text::optional("notes", "The notes", &self.notes, text::LONG_MAX)?,
        })
    }
}

/// Does `person` answer, directly or through others, to `boss`?
fn reports_to(conn: &Connection, person: &str, boss: &str) -> Result<bool> {
    let mut current = Some(person.to_string());
    for _ in 0..100 {
        match current {
            Some(ref p) if p == boss => return Ok(true),
            Some(p) => {
                current = conn
                    .prepare_cached("SELECT manager_id FROM people WHERE id = ?1")?
                    .query_row([p], |r| r.get::<_, Option<String>>(0))
                    .optional()?
                    .flatten()
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

const SELECT: &str = "SELECT p.id, p.name, p.side, p.role, p.organisation, p.email, p.phone, p.manager_id, m.name,
        p.is_me, p.notes, p.created_at, p.updated_at
    FROM people p LEFT JOIN people m ON m.id = p.manager_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        name: r.get(1)?,
        side: r.get(2)?,
        role: r.get(3)?,
        organisation: r.get(4)?,
        email: r.get(5)?,
        phone: r.get(6)?,
        manager_id: r.get(7)?,
        manager_name: r.get(8)?,
        is_me: r.get(9)?,
        notes: r.get(10)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
    })
}

pub fn exists(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT 1 FROM people WHERE id = ?1")?.exists([id])?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Person> {
    conn.prepare_cached(&format!("{SELECT} WHERE p.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("person", id))
}

pub fn create(cf: &mut CaseFile, input: &PersonInput) -> Result<Person> {
    let c = input.check(cf.conn(), None)?;
    cf.write(|tx| insert(tx, &c))
}

fn insert(tx: &Tx<'_>, c: &Checked) -> Result<Person> {
    let id = tx.new_id();
    let now = tx.now_str();
    if c.is_me {
        clear_me(tx)?;
    }
    tx.prepare_cached(
        "INSERT INTO people(id, name, side, role, organisation, email, phone, manager_id, is_me, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
    )?
    .execute(params![id, c.name, c.side, c.role, c.organisation, c.email, c.phone, c.manager_id, c.is_me, c.notes, now])?;
    chain::record(tx, "people", &id, "create")?;
    get(tx, &id)
}

/// Only one person is "me"; marking another clears the old one, and that change is chained too.
fn clear_me(tx: &Tx<'_>) -> Result<()> {
    let ids: Vec<String> = tx
        .prepare_cached("SELECT id FROM people WHERE is_me = 1")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        tx.prepare_cached("UPDATE people SET is_me = 0, updated_at = ?2 WHERE id = ?1")?.execute(params![id, tx.now_str()])?;
        chain::record(tx, "people", &id, "update")?;
    }
    Ok(())
}

pub fn update(cf: &mut CaseFile, id: &str, input: &PersonInput) -> Result<Person> {
    get(cf.conn(), id)?;
    let c = input.check(cf.conn(), Some(id))?;
    cf.write(|tx| {
        if c.is_me {
            clear_me(tx)?;
        }
        tx.prepare_cached(
            "UPDATE people SET name = ?2, side = ?3, role = ?4, organisation = ?5, email = ?6, phone = ?7,
                 manager_id = ?8, is_me = ?9, notes = ?10, updated_at = ?11 WHERE id = ?1",
        )?
        .execute(params![id, c.name, c.side, c.role, c.organisation, c.email, c.phone, c.manager_id, c.is_me, c.notes, tx.now_str()])?;
        chain::record(tx, "people", id, "update")?;
        get(tx, id)
    })
}

/// Every place a person can be referred to, with how to say it.
const REFERENCES: &[(&str, &str)] = &[
    ("SELECT count(*) FROM promises WHERE made_by_id = ?1 OR withdrawn_by_id = ?1", "promise(s) they made or withdrew"),
    ("SELECT count(*) FROM accounts WHERE communicator_id = ?1", "customer(s) they are the single communicator for"),
    ("SELECT count(*) FROM people WHERE manager_id = ?1", "people who report to them"),
    ("SELECT count(*) FROM account_transfers WHERE from_person_id = ?1 OR to_person_id = ?1", "account transfer(s)"),
    ("SELECT count(*) FROM events WHERE source_person_id = ?1 OR actor_id = ?1", "timeline entr(ies) that cite them"),
    ("SELECT count(*) FROM remedies WHERE approved_by_id = ?1", "remed(ies) they approved"),
    ("SELECT count(*) FROM decisions WHERE decided_by_id = ?1 OR escalate_to_id = ?1", "decision(s) that name them"),
];

/// Delete a person who appears nowhere. Anyone the record refers to stays, so the evidence
/// keeps its meaning; the refusal says exactly what still refers to them.
pub fn delete(cf: &mut CaseFile, id: &str) -> Result<()> {
    let person = get(cf.conn(), id)?;
    let mut uses = Vec::new();
    for (sql, what) in REFERENCES {
        let n: i64 = cf.conn().prepare_cached(sql)?.query_row([id], |r| r.get(0))?;
        if n > 0 {
            uses.push(format!("{n} {what}"));
        }
    }
    if !uses.is_empty() {
        return Err(Error::conflict(format!(
            "{} cannot be deleted: the case file still refers to them ({}). Their record stays part of the evidence.",
            person.name,
            uses.join(", ")
        )));
    }
    cf.write(|tx| {
        chain::record_delete(tx, "people", id)?;
        tx.prepare_cached("DELETE FROM people WHERE id = ?1")?.execute([id])?;
        Ok(())
    })
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PeopleQuery {
    pub side: Option<String>,
    /// Matches the start of any word of the name, role or organisation.
    pub search: Option<String>,
    pub offset: Option<u64>,
    pub limit: Option<u64>,
}

pub fn list(conn: &Connection, q: &PeopleQuery) -> Result<Page<Person>> {
    let side = match q.side.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(Side::parse("side", s)?),
        None => None,
    };
    let search = q.search.as_deref().map(str::trim).unwrap_or("");
    let like = format!("%{}%", escape_like(search));
    let limit = page_limit(q.limit);
    let offset = q.offset.unwrap_or(0);
    let filter = "WHERE (?1 IS NULL OR p.side = ?1)
        AND (?2 = '%%' OR p.name LIKE ?2 ESCAPE '\\' OR p.role LIKE ?2 ESCAPE '\\' OR p.organisation LIKE ?2 ESCAPE '\\')";
    let total: u64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM people p {filter}"))?
        .query_row(params![side, like], |r| r.get::<_, i64>(0))? as u64;
    let items = conn
        .prepare_cached(&format!("{SELECT} {filter} ORDER BY p.is_me DESC, p.side, p.name COLLATE NOCASE LIMIT ?3 OFFSET ?4"))?
        .query_map(params![side, like, limit as i64, offset as i64], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total, offset, limit })
}

/// `%` and `_` typed by the user are literal characters, not wildcards.
pub(crate) fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// The person marked as the user ("me"), if one is.
pub fn me(conn: &Connection) -> Result<Option<Person>> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE p.is_me = 1 LIMIT 1"))?.query_row([], from_row).optional()?)
}

/// Find people by name for the CLI and type-ahead: exact (case-insensitive) matches first.
pub fn find_by_name(conn: &Connection, name: &str) -> Result<Vec<Person>> {
    let exact = conn
        .prepare_cached(&format!("{SELECT} WHERE p.name = ?1 COLLATE NOCASE ORDER BY p.name"))?
        .query_map([name.trim()], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if !exact.is_empty() {
        return Ok(exact);
    }
    let like = format!("%{}%", escape_like(name.trim()));
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE p.name LIKE ?1 ESCAPE '\\' ORDER BY p.name LIMIT 20"))?
        .query_map([like], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

#[cfg(test)]
mod tests;
