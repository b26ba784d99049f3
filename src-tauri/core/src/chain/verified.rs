//! The whole chain's verification, remembered while nothing in the file changes.
//!
//! Verifying walks every link and every chained row: seconds on a million entries. The
//! escalation packet's integrity page states the result, and the background check has
//! usually just worked it out (after opening, and a moment after each write). A verification
//! still holds while the chain's head is the same (every write through Casefile adds a link)
//! and no other connection has committed anything to the file (SQLite's `data_version`), so
//! it is kept with both and used again only when both still match.

use super::{head, verify, Verification};
use crate::db::CaseFile;
use crate::error::Result;
use rusqlite::Connection;
use std::sync::Mutex;

/// What one open case file remembers (held by [`CaseFile`]).
#[derive(Default)]
pub struct Remembered(Mutex<Option<Entry>>);

struct Entry {
    key: Key,
    verification: Verification,
}

#[derive(PartialEq)]
struct Key {
    links: u64,
    head: String,
    data_version: i64,
}

fn key(conn: &Connection) -> Result<Key> {
    let (links, head) = head(conn)?;
    let data_version = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
    Ok(Key { links, head, data_version })
}

impl Remembered {
    fn get(&self, key: &Key) -> Option<Verification> {
        let held = self.0.lock().ok()?;
        held.as_ref().filter(|e| &e.key == key).map(|e| e.verification.clone())
    }
    fn put(&self, key: Key, verification: Verification) {
        if let Ok(mut held) = self.0.lock() {
            *held = Some(Entry { key, verification });
        }
    }
}

impl CaseFile {
    /// The whole chain verified: remembered when nothing has changed since the last time,
    /// else worked out now (and remembered).
    pub fn verification(&self) -> Result<Verification> {
        let key = key(self.conn())?;
        if let Some(v) = self.remembered().get(&key) {
            return Ok(v);
        }
        let v = verify(self.conn())?;
        self.remembered().put(key, v.clone());
        Ok(v)
    }

    /// Keep a verification made through another connection to this file (the background
    /// check reads the file on a connection of its own). Kept only when it is of the chain as
    /// it stands now; returns whether it was kept.
    pub fn remember_verification(&self, v: &Verification) -> Result<bool> {
        let key = key(self.conn())?;
        if key.links != v.links || key.head != v.head {
            return Ok(false);
        }
        self.remembered().put(key, v.clone());
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use crate::events::EventInput;
    use crate::testing::tempdir::Dir;

    fn entry(cf: &mut crate::CaseFile, summary: &str) {
        let input = EventInput {
            kind: "call".into(),
            occurred_at: "2026-03-02".into(),
            occurred_precision: "day".into(),
            summary: summary.into(),
            strength: "first_hand".into(),
            source_text: "notes".into(),
            ..Default::default()
        };
        crate::events::create(cf, &input).unwrap();
    }

    #[test]
    fn a_verification_is_used_again_only_while_nothing_changed() {
        let dir = Dir::new("verified");
        let path = dir.path().join("v.casefile");
        let mut cf = crate::CaseFile::open(&path).unwrap();
        entry(&mut cf, "First call");
        let first = cf.verification().unwrap();
        assert!(first.ok, "{first:?}");
        assert_eq!(cf.verification().unwrap(), first);

        // A write through Casefile adds a link: the next verification is of the new head.
        entry(&mut cf, "Second call");
        let second = cf.verification().unwrap();
        assert_eq!(second.links, first.links + 1);
        assert!(second.ok);

        // A change from outside (another connection) is never covered by what was remembered.
        let other = rusqlite::Connection::open(&path).unwrap();
        other.execute("UPDATE events SET summary = 'Changed behind its back'", []).unwrap();
        let third = cf.verification().unwrap();
        assert!(!third.ok, "the change from outside was found: {third:?}");

        // A verification made elsewhere is kept only when it is of the current head.
        let stale = crate::chain::Verification { links: 1, ..first.clone() };
        assert!(!cf.remember_verification(&stale).unwrap());
    }
}
