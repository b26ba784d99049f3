//! Writing timeline entries by the thousand in one write (the demo at scale), chained.
//!
//! [`insert`](super::insert) chains each entry by reading the row back; here one list of
//! (column, value) pairs is both what is inserted and what is hashed, so the link is exactly
//! the one `chain::record` would write, without the reads. The full-text index is kept by
//! the table's own triggers, as for any other insert.

use super::NewEvent;
use crate::chain::batch::{check_columns, Links};
use crate::db::Tx;
use crate::error::Result;
use rusqlite::types::{ToSqlOutput, ValueRef};

/// Every column of `events`, in the order of the insert below.
const COLUMNS: [&str; 20] = [
    "id",
    "kind",
    "occurred_at",
    "occurred_precision",
    "recorded_at",
    "summary",
    "details",
    "source_person_id",
    "source_text",
    "strength",
    "disputed",
    "supersedes_id",
    "retracted_at",
    "retraction_reason",
    "redacted_at",
    "account_id",
    "complaint_id",
    "promise_id",
    "decision_id",
    "actor_id",
];

/// A run of new entries inside one write.
pub struct Bulk {
    links: Links,
    recorded_at: String,
    sql: String,
}

fn text(s: &str) -> ValueRef<'_> {
    ValueRef::Text(s.as_bytes())
}

fn maybe(s: &Option<String>) -> ValueRef<'_> {
    s.as_deref().map_or(ValueRef::Null, text)
}

impl Bulk {
    pub fn start(tx: &Tx<'_>) -> Result<Bulk> {
        check_columns(tx, "events", &COLUMNS)?;
        let marks: Vec<String> = (1..=COLUMNS.len()).map(|i| format!("?{i}")).collect();
        let sql = format!("INSERT INTO events({}) VALUES ({})", COLUMNS.join(", "), marks.join(", "));
        Ok(Bulk { links: Links::start(tx)?, recorded_at: tx.now_str(), sql })
    }

    /// Add one entry, already checked by the caller; returns its id.
    pub fn insert(&mut self, tx: &Tx<'_>, e: &NewEvent) -> Result<String> {
        let id = tx.new_id();
        let values: [ValueRef<'_>; 20] = [
            text(&id),
            text(e.kind.as_str()),
            text(&e.occurred_at),
            text(e.occurred_precision.as_str()),
            text(&self.recorded_at),
            text(&e.summary),
            text(&e.details),
            maybe(&e.source_person_id),
            text(&e.source_text),
            text(e.strength.as_str()),
            ValueRef::Integer(i64::from(e.disputed)),
            maybe(&e.supersedes_id),
            ValueRef::Null,
            text(""),
            ValueRef::Null,
            maybe(&e.account_id),
            maybe(&e.complaint_id),
            maybe(&e.promise_id),
            maybe(&e.decision_id),
            maybe(&e.actor_id),
        ];
        tx.prepare_cached(&self.sql)?.execute(rusqlite::params_from_iter(values.iter().map(|v| ToSqlOutput::Borrowed(*v))))?;
        let pairs: Vec<(&str, ValueRef<'_>)> = COLUMNS.iter().copied().zip(values).collect();
        let action = if e.supersedes_id.is_some() { "supersede" } else { "create" };
        self.links.append(tx, "events", &id, action, &pairs)?;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain;
    use crate::clock::Clock;
    use crate::events::{self, NewEvent};
    use crate::hash::sha256_hex;
    use crate::model::{EventKind, Precision, Strength};
    use crate::testing::{case_file_on, day, evidence};

    #[test]
    fn a_bulk_link_is_exactly_the_one_record_would_write() {
        let world = evidence::world(day(2026, 3, 1));
        let (account, me) = (world.account.clone(), world.me.clone());
        let (mut cf, clock) = (world.cf, world.clock);
        // One file written entry by entry through `events::insert`, one through `Bulk`,
        // from the same clock: the two chains must be identical, link for link.
        let entries = |tx: &Tx<'_>, n: usize| -> Vec<NewEvent> {
            (0..n)
                .map(|i| {
                    let mut e = NewEvent::system(tx, EventKind::Call, format!("Call {i} about «délivery» 株式会社"));
                    e.occurred_at = "2026-02-1".to_string() + &(i % 10).to_string();
                    e.occurred_precision = Precision::Day;
                    e.details = if i % 2 == 0 { String::new() } else { format!("details {i}\nline two") };
                    e.strength = [Strength::Written, Strength::FirstHand, Strength::SecondHand][i % 3];
                    e.disputed = i % 4 == 0;
                    e.account_id = Some(account.clone());
                    e.actor_id = (i % 2 == 0).then(|| me.clone());
                    e
                })
                .collect()
        };
        let before = chain::head(cf.conn()).unwrap().0;
        let ids = cf
            .write(|tx| {
                let mut bulk = Bulk::start(tx)?;
                entries(tx, 40).iter().map(|e| bulk.insert(tx, e)).collect::<Result<Vec<_>>>()
            })
            .unwrap();
        for id in &ids {
            let row = chain::canonical_row(cf.conn(), "events", id).unwrap().unwrap();
            let stored: String = cf
                .conn()
                .query_row("SELECT row_sha256 FROM chain WHERE entity = 'events' AND entity_id = ?1", [id], |r| r.get(0))
                .unwrap();
            assert_eq!(stored, sha256_hex(row.as_bytes()), "entry {id}");
        }
        assert_eq!(chain::head(cf.conn()).unwrap().0, before + 40);
        assert!(chain::verify(cf.conn()).unwrap().ok);

        // The same entries through the one-by-one path, from an identical starting point.
        let other_world = evidence::world(day(2026, 3, 1));
        let (mut other, other_clock) = (other_world.cf, other_world.clock);
        other_clock.set(clock.now());
        let one_by_one = other
            .write(|tx| entries(tx, 40).iter().map(|e| events::insert(tx, e)).collect::<Result<Vec<_>>>())
            .unwrap();
        assert_eq!(one_by_one, ids);
        let links = |cf: &crate::CaseFile| -> Vec<(String, String, String)> {
            cf.conn()
                .prepare("SELECT entity_id, row_sha256, link_sha256 FROM chain ORDER BY seq")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        assert_eq!(links(&cf), links(&other));
    }

    #[test]
    fn a_bulk_writer_refuses_a_table_with_columns_it_does_not_know() {
        let (mut cf, _) = case_file_on(day(2026, 3, 1));
        cf.conn().execute_batch("ALTER TABLE events ADD COLUMN mood TEXT").unwrap();
        let err = cf.write(|tx| Bulk::start(tx).map(|_| ())).unwrap_err();
        assert!(err.to_string().contains("mood"), "{err}");
    }
}
