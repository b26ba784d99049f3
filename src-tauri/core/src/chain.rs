//! The tamper-evident record: a SHA-256 hash chain over every write to the evidence tables.
//!
//! Each write appends a link that hashes the canonical form of the row as it stands after
//! the write (see docs/chain.md), chained to the previous link. `verify` walks the links,
//! and checks that each row still hashes to its latest link. A row changed behind
//! Casefile's back (for example with the sqlite3 tool) is named by table and id.
//!
//! The canonical form is generic over the table (every column, by name, sorted), so a
//! module cannot forget a column, and the docs describe one rule rather than one per table.

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::hash::{sha256_hex, sha256_parts};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

/// The tables the chain covers, with the column that identifies a row.
pub const CHAINED: &[(&str, &str)] = &[
    ("people", "id"),
    ("accounts", "id"),
    ("contacts", "id"),
    ("account_transfers", "id"),
    ("promises", "id"),
    ("promise_due_dates", "id"),
    ("follow_ups", "id"),
    ("root_causes", "id"),
    ("complaints", "id"),
    ("complaint_status_history", "id"),
    ("promise_complaints", "id"),
    ("remedies", "id"),
    ("lost_revenue", "id"),
    ("decisions", "id"),
    ("decision_options", "id"),
    ("events", "id"),
    ("emails", "event_id"),
    ("attachments", "id"),
];

/// The `prev` of the first link.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

fn key_column(table: &str) -> Result<&'static str> {
    CHAINED
        .iter()
        .find(|(t, _)| *t == table)
        .map(|(_, k)| *k)
        .ok_or_else(|| Error::conflict(format!("{table} is not a chained table")))
}

/// Append a link for the row `id` of `table` as it stands now, inside the caller's write.
pub fn record(tx: &Tx<'_>, table: &str, id: &str, action: &str) -> Result<()> {
    let row = canonical_row(tx, table, id)?.ok_or_else(|| Error::not_found("row", format!("{table}/{id}")))?;
    append(tx, table, id, action, &sha256_hex(row.as_bytes()))
}

/// Append the link for a row about to be deleted through Casefile (only rows nothing refers
/// to, such as a person added by mistake). Its row hash is that of `null`: the row is gone.
pub fn record_delete(tx: &Tx<'_>, table: &str, id: &str) -> Result<()> {
    key_column(table)?;
    append(tx, table, id, DELETE, &sha256_hex(b"null"))
}

const DELETE: &str = "delete";

fn append(tx: &Tx<'_>, table: &str, id: &str, action: &str, row_hash: &str) -> Result<()> {
    append_at(tx, &tx.now_str(), table, id, action, row_hash)
}

fn append_at(tx: &Connection, at: &str, table: &str, id: &str, action: &str, row_hash: &str) -> Result<()> {
    let (prev_seq, prev): (i64, String) = tx
        .prepare_cached("SELECT seq, link_sha256 FROM chain ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((0, GENESIS.to_string()));
    let seq = prev_seq + 1;
    let link = link_hash(seq, at, table, id, action, row_hash, &prev);
    tx.prepare_cached(
        "INSERT INTO chain(seq, at, entity, entity_id, action, row_sha256, prev_sha256, link_sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(rusqlite::params![seq, at, table, id, action, row_hash, prev, link])?;
    Ok(())
}

/// The hash of one link: every field of the link, newline-separated, ending with the previous link.
pub fn link_hash(seq: i64, at: &str, table: &str, id: &str, action: &str, row_hash: &str, prev: &str) -> String {
    let seq = seq.to_string();
    let parts: [&[u8]; 13] = [
        seq.as_bytes(), b"\n", at.as_bytes(), b"\n", table.as_bytes(), b"\n", id.as_bytes(), b"\n",
        action.as_bytes(), b"\n", row_hash.as_bytes(), b"\n", prev.as_bytes(),
    ];
    sha256_parts(&parts)
}

/// The canonical JSON of a row: `{"column": value, ...}` with keys sorted, no whitespace,
/// integers as numbers, text as strings, NULL as null, and blobs as the hex SHA-256 of their bytes.
pub fn canonical_row(conn: &Connection, table: &str, id: &str) -> Result<Option<String>> {
    let key = key_column(table)?;
    // Both names come from CHAINED, never from input.
    let sql = format!("SELECT * FROM {table} WHERE {key} = ?1");
    let mut stmt = conn.prepare_cached(&sql)?;
    // The names are read from the row, after the step: a cached `SELECT *` is prepared again
    // by SQLite when a migration has added a column, and only then lists it.
    stmt.query_row([id], |r| {
        let names: Vec<String> = r.as_ref().column_names().into_iter().map(String::from).collect();
        canonical(&names, r)
    })
    .optional()
    .map_err(Error::from)
}

fn canonical(names: &[String], r: &rusqlite::Row<'_>) -> rusqlite::Result<String> {
    let mut values = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        values.push((name.as_str(), r.get_ref(i)?));
    }
    Ok(canonical_of(values))
}

/// The canonical JSON of a row given as (column, value) pairs, in any order: the one
/// encoding both the row read back ([`canonical_row`]) and a bulk write ([`batch`]) use.
///
/// It writes what serialising a sorted map of JSON values would (a test checks the two agree
/// byte for byte), without building the map: verifying a million rows is mostly this.
pub fn canonical_of<'a>(values: impl IntoIterator<Item = (&'a str, ValueRef<'a>)>) -> String {
    let mut pairs: Vec<(&str, ValueRef<'a>)> = values.into_iter().collect();
    // Stable, so of a name given twice the last value is kept, as a map would keep it.
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    let mut out: Vec<u8> = Vec::with_capacity(32 + 48 * pairs.len());
    out.push(b'{');
    for (i, (name, value)) in pairs.iter().enumerate() {
        if pairs.get(i + 1).is_some_and(|next| next.0 == *name) {
            continue;
        }
        if out.len() > 1 {
            out.push(b',');
        }
        // Writing into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut out, name);
        out.push(b':');
        let _ = match value {
            ValueRef::Null => serde_json::to_writer(&mut out, &()),
            ValueRef::Integer(n) => serde_json::to_writer(&mut out, n),
            ValueRef::Real(f) => serde_json::to_writer(&mut out, f),
            ValueRef::Text(t) => serde_json::to_writer(&mut out, &String::from_utf8_lossy(t)),
            ValueRef::Blob(b) => serde_json::to_writer(&mut out, &sha256_hex(b)),
        };
    }
    out.push(b'}');
    String::from_utf8(out).unwrap_or_default()
}

/// What `verify` found.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Verification {
    pub ok: bool,
    pub links: u64,
    /// The hash of the last link: quoting it pins down the whole record at this moment.
    pub head: String,
    pub problem: Option<Problem>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Problem {
    pub seq: Option<i64>,
    pub entity: String,
    pub entity_id: String,
    pub message: String,
}

/// Walk the whole chain, then check every chained row against its latest link, then look
/// for rows deleted behind Casefile's back. Stops at the first problem, which it names.
/// Memory stays flat however long the chain is: nothing is collected, rows are streamed.
pub fn verify(conn: &Connection) -> Result<Verification> {
    let (links, head) = match walk_links(conn)? {
        Ok(v) => v,
        Err(bad) => return Ok(bad),
    };
    let fail = |seq: Option<i64>, entity: &str, id: &str, message: String| Verification {
        ok: false,
        links,
        head: head.clone(),
        problem: Some(Problem { seq, entity: entity.to_string(), entity_id: id.to_string(), message }),
    };
    let mut latest = conn.prepare("SELECT seq, row_sha256 FROM chain WHERE entity = ?1 AND entity_id = ?2 ORDER BY seq DESC LIMIT 1")?;
    for (table, key) in CHAINED {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table} ORDER BY {key}"))?;
        let names: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
        let key_index = names.iter().position(|n| n == key).unwrap_or(0);
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(key_index)?;
            let row_hash = sha256_hex(canonical(&names, r)?.as_bytes());
            match latest.query_row([*table, id.as_str()], |l| Ok((l.get::<_, i64>(0)?, l.get::<_, String>(1)?))).optional()? {
                None => return Ok(fail(None, table, &id, format!("{table} {id} was added outside Casefile: it has no link in the chain"))),
                Some((seq, h)) if h != row_hash => {
                    return Ok(fail(Some(seq), table, &id, format!("{table} {id} was changed outside Casefile after link {seq}")))
                }
                Some(_) => {}
            }
        }
        let sql = format!(
            "SELECT c.seq, c.entity_id FROM chain c
             WHERE c.entity = ?1 AND c.action <> '{DELETE}'
               AND c.seq = (SELECT max(seq) FROM chain l WHERE l.entity = c.entity AND l.entity_id = c.entity_id)
               AND NOT EXISTS (SELECT 1 FROM {table} t WHERE t.{key} = c.entity_id)
             ORDER BY c.seq LIMIT 1"
        );
        if let Some((seq, id)) = conn.query_row(&sql, [table], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).optional()? {
            return Ok(fail(Some(seq), table, &id, format!("{table} {id} was deleted outside Casefile")));
        }
    }
    if let Some((id, seq, message)) = check_blobs(conn)? {
        return Ok(fail(seq, "attachments", &id, message));
    }
    Ok(Verification { ok: true, links, head, problem: None })
}

/// Attachment bytes are not rows of the chain, but each attachment row (which is) holds the
/// SHA-256 of its bytes: the bytes must still hash to it, unless a redaction removed them,
/// which leaves them empty and a `redact` link on every attachment that points at them.
fn check_blobs(conn: &Connection) -> Result<Option<(String, Option<i64>, String)>> {
    let mut blobs = conn.prepare("SELECT sha256, bytes FROM attachment_blobs ORDER BY sha256")?;
    let mut users = conn.prepare_cached(
        "SELECT a.id, (SELECT c.seq FROM chain c WHERE c.entity = 'attachments' AND c.entity_id = a.id ORDER BY c.seq DESC LIMIT 1),
                (SELECT c.action FROM chain c WHERE c.entity = 'attachments' AND c.entity_id = a.id ORDER BY c.seq DESC LIMIT 1)
         FROM attachments a WHERE a.sha256 = ?1 ORDER BY a.id",
    )?;
    let mut rows = blobs.query([])?;
    while let Some(r) = rows.next()? {
        let sha: String = r.get(0)?;
        let bytes = r.get_ref(1)?.as_blob_or_null().ok().flatten().unwrap_or(&[]);
        let using: Vec<(String, Option<i64>, Option<String>)> =
            users.query_map([&sha], |u| Ok((u.get(0)?, u.get(1)?, u.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
        let Some((first, seq, _)) = using.first().cloned() else { continue };
        let redacted = bytes.is_empty() && using.iter().all(|(_, _, action)| action.as_deref() == Some("redact"));
        if !redacted && sha256_hex(bytes) != sha {
            return Ok(Some((first.clone(), seq, format!("the bytes of attachment {first} were changed outside Casefile: they no longer match their SHA-256"))));
        }
    }
    Ok(None)
}

/// For a migration that adds a column to a chained table: every row's canonical form has
/// changed, so append a `migrate` link for each row as it stands now (docs/chain.md).
/// Call it from the migration's hook, with the time of the upgrade.
pub fn relink_table(conn: &Connection, table: &str, at: &str) -> Result<u64> {
    let key = key_column(table)?;
    let ids: Vec<String> = conn
        .prepare(&format!("SELECT {key} FROM {table} ORDER BY {key}"))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &ids {
        let row = canonical_row(conn, table, id)?.unwrap_or_default();
        append_at(conn, at, table, id, "migrate", &sha256_hex(row.as_bytes()))?;
    }
    Ok(ids.len() as u64)
}

/// Check each link against the one before it. Ok((links, head)) or the failed verification.
fn walk_links(conn: &Connection) -> Result<std::result::Result<(u64, String), Verification>> {
    let mut prev = GENESIS.to_string();
    let mut expected = 1i64;
    let mut stmt = conn.prepare("SELECT seq, at, entity, entity_id, action, row_sha256, prev_sha256, link_sha256 FROM chain ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let seq: i64 = r.get(0)?;
        let (at, entity, id, action): (String, String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let (row_hash, stored_prev, link): (String, String, String) = (r.get(5)?, r.get(6)?, r.get(7)?);
        let message = if seq != expected {
            Some(format!("link {expected} is missing: the chain jumps to {seq}"))
        } else if stored_prev != prev || link_hash(seq, &at, &entity, &id, &action, &row_hash, &prev) != link {
            Some(format!("link {seq} ({action} of {entity} {id}, recorded {at}) does not match its hash"))
        } else {
            None
        };
        if let Some(message) = message {
            let problem = Problem { seq: Some(seq), entity, entity_id: id, message };
            return Ok(Err(Verification { ok: false, links: (expected - 1) as u64, head: prev, problem: Some(problem) }));
        }
        prev = link;
        expected += 1;
    }
    Ok(Ok(((expected - 1) as u64, prev)))
}

/// The hash of the last link, without verifying.
pub fn head(conn: &Connection) -> Result<(u64, String)> {
    let r = conn
        .query_row("SELECT seq, link_sha256 FROM chain ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get::<_, i64>(0)? as u64, r.get(1)?)))
        .optional()?;
    Ok(r.unwrap_or((0, GENESIS.to_string())))
}

pub mod batch;
pub mod verified;

#[cfg(test)]
mod tests;
