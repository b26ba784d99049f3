//! Indexing timeline entries written in bulk (the demo at scale).
//!
//! The triggers of migration 0003 index each entry as it is inserted. At a million entries
//! written a day's worth per transaction, that rewrites the index's segments hundreds of
//! times over (measured: two minutes of the demo's two and a half). Building the index once
//! from the table at the end ('rebuild') takes about five seconds. So a bulk writer sets the
//! entries' triggers aside and puts them back, exactly as they were, with a rebuild.

use crate::error::Result;
use rusqlite::Connection;

/// The entries' index triggers, set aside.
pub struct Deferred {
    triggers: Vec<String>,
}

/// Set aside the triggers that keep the entries' index right. Only for a bulk load that
/// ends with [`index_entries`], in the same file (the demo removes a half-made file).
pub fn defer_entries(conn: &Connection) -> Result<Deferred> {
    let triggers: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' AND name LIKE 'events_fts_%' ORDER BY name")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &triggers {
        conn.execute_batch(&format!("DROP TRIGGER \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(Deferred { triggers: triggers.into_iter().map(|(_, sql)| sql).collect() })
}

/// Put the triggers back and build the entries' index from every entry.
pub fn index_entries(conn: &Connection, deferred: Deferred) -> Result<()> {
    for sql in &deferred.triggers {
        conn.execute_batch(sql)?;
    }
    if !deferred.triggers.is_empty() {
        conn.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')", [])?;
    }
    Ok(())
}
