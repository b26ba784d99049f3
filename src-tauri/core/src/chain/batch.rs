//! Chaining many rows written in one transaction: bulk loads such as the demo at scale.
//!
//! [`record`](super::record) reads each row back to hash it, and reads the chain's head for
//! every link. That is right for one write, but at a million rows those two reads are most of
//! the time. [`Links`] keeps the head in memory for the length of one write, and hashes each
//! row from the values being inserted, through the same [`canonical_of`] encoding that
//! [`canonical_row`](super::canonical_row) uses; a test checks the two agree row for row.
//!
//! The result is exactly the chain `record` would have written: same links, same hashes.
//! Should anything else append a link while a `Links` is in use, its next link would reuse
//! a sequence number, which the chain's primary key refuses, so the chain can never fork.

use super::{canonical_of, key_column, link_hash, GENESIS};
use crate::db::Tx;
use crate::error::{Error, Result};
use crate::hash::sha256_hex;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};

/// The chain's head, held in memory across the links of one write.
pub struct Links {
    seq: i64,
    prev: String,
    at: String,
}

impl Links {
    /// Start appending after the current head; every link is recorded at the write's instant.
    pub fn start(tx: &Tx<'_>) -> Result<Links> {
        let (seq, prev) = tx
            .prepare_cached("SELECT seq, link_sha256 FROM chain ORDER BY seq DESC LIMIT 1")?
            .query_row([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .optional()?
            .unwrap_or((0, GENESIS.to_string()));
        Ok(Links { seq, prev, at: tx.now_str() })
    }

    /// Append the link of a row just inserted into `table`, hashed from `values`: every
    /// column of the row, as inserted (check them once with [`check_columns`]).
    pub fn append(&mut self, tx: &Tx<'_>, table: &str, id: &str, action: &str, values: &[(&str, ValueRef<'_>)]) -> Result<()> {
        let row_hash = sha256_hex(canonical_of(values.iter().copied()).as_bytes());
        let seq = self.seq + 1;
        let link = link_hash(seq, &self.at, table, id, action, &row_hash, &self.prev);
        tx.prepare_cached(
            "INSERT INTO chain(seq, at, entity, entity_id, action, row_sha256, prev_sha256, link_sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(rusqlite::params![seq, self.at, table, id, action, row_hash, self.prev, link])?;
        self.seq = seq;
        self.prev = link;
        Ok(())
    }
}

/// Refuse a bulk writer whose column list is not exactly the table's: a migration that adds a
/// column changes every row's canonical form, and a hash without it would not verify.
pub fn check_columns(conn: &Connection, table: &str, columns: &[&str]) -> Result<()> {
    key_column(table)?;
    let stmt = conn.prepare(&format!("SELECT * FROM {table} LIMIT 0"))?;
    let mut have: Vec<&str> = stmt.column_names();
    let mut want: Vec<&str> = columns.to_vec();
    have.sort_unstable();
    want.sort_unstable();
    if have != want {
        return Err(Error::conflict(format!(
            "the bulk writer of {table} knows the columns {want:?} but the table has {have:?}; update it with the schema"
        )));
    }
    Ok(())
}
