use super::*;
use crate::people::{self, PersonInput};
use crate::testing::{case_file_on, day};

fn seed(cf: &mut crate::CaseFile) -> Vec<String> {
    (0..5)
        .map(|i| people::create(cf, &PersonInput { name: format!("Person {i}"), ..Default::default() }).unwrap().id)
        .collect()
}

#[test]
fn an_untouched_chain_verifies() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    seed(&mut cf);
    let v = verify(cf.conn()).unwrap();
    assert!(v.ok, "{v:?}");
    assert_eq!(v.links, 5);
    assert_eq!(v.head, head(cf.conn()).unwrap().1);
}

#[test]
fn a_row_changed_behind_our_back_is_named() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    let ids = seed(&mut cf);
    cf.conn().execute("UPDATE people SET name = 'Someone else' WHERE id = ?1", [&ids[2]]).unwrap();
    let v = verify(cf.conn()).unwrap();
    assert!(!v.ok);
    let p = v.problem.unwrap();
    assert_eq!((p.entity.as_str(), p.entity_id.as_str(), p.seq), ("people", ids[2].as_str(), Some(3)));
}

#[test]
fn a_link_changed_behind_our_back_is_named() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    seed(&mut cf);
    cf.conn().execute("UPDATE chain SET at = '2020-01-01T00:00:00Z' WHERE seq = 2", []).unwrap();
    let p = verify(cf.conn()).unwrap().problem.unwrap();
    assert_eq!(p.seq, Some(2));
}

#[test]
fn deleted_and_smuggled_rows_are_named() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    let ids = seed(&mut cf);
    cf.conn().execute("DELETE FROM people WHERE id = ?1", [&ids[1]]).unwrap();
    let p = verify(cf.conn()).unwrap().problem.unwrap();
    assert_eq!(p.entity_id, ids[1]);
    assert!(p.message.contains("deleted"));

    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    seed(&mut cf);
    cf.conn()
        .execute("INSERT INTO people(id, name, side, created_at, updated_at) VALUES ('smuggled', 'X', 'internal', 'a', 'a')", [])
        .unwrap();
    let p = verify(cf.conn()).unwrap().problem.unwrap();
    assert_eq!(p.entity_id, "smuggled");
    assert!(p.message.contains("no link"));
}

#[test]
fn canonical_rows_have_sorted_keys_and_no_spaces() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    let ids = seed(&mut cf);
    let row = canonical_row(cf.conn(), "people", &ids[0]).unwrap().unwrap();
    assert!(row.starts_with("{\"created_at\":\"2026-03-01T12:00:00Z\",\"email\":\"\","), "{row}");
    assert!(!row.contains(": "));
}

#[test]
fn changed_attachment_bytes_are_named_and_redacted_ones_are_not() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    seed(&mut cf);
    cf.write(|tx| {
        let e = crate::events::insert(tx, &crate::events::NewEvent::system(tx, crate::model::EventKind::Note, "Letter".into()))?;
        let sha = sha256_hex(b"the letter");
        tx.execute("INSERT INTO attachment_blobs(sha256, size, bytes) VALUES (?1, 10, ?2)", rusqlite::params![sha, b"the letter".to_vec()])?;
        tx.execute(
            "INSERT INTO attachments(id, name, mime, size, sha256, event_id, added_at) VALUES ('att1', 'letter.txt', 'text/plain', 10, ?1, ?2, 'x')",
            rusqlite::params![sha, e],
        )?;
        record(tx, "attachments", "att1", "create")
    })
    .unwrap();
    assert!(verify(cf.conn()).unwrap().ok);
    cf.conn().execute("UPDATE attachment_blobs SET bytes = X'00'", []).unwrap();
    let p = verify(cf.conn()).unwrap().problem.unwrap();
    assert_eq!(p.entity_id, "att1");
    assert!(p.message.contains("bytes"), "{}", p.message);
    // Emptied without a redaction link: still a problem. With one: fine.
    cf.conn().execute("UPDATE attachment_blobs SET bytes = X''", []).unwrap();
    assert!(!verify(cf.conn()).unwrap().ok);
    cf.write(|tx| record(tx, "attachments", "att1", "redact")).unwrap();
    assert!(verify(cf.conn()).unwrap().ok);
}

#[test]
fn relinking_a_table_after_a_migration_keeps_the_chain_verifying() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    seed(&mut cf);
    cf.conn().execute_batch("ALTER TABLE people ADD COLUMN pronouns TEXT NOT NULL DEFAULT ''").unwrap();
    assert!(!verify(cf.conn()).unwrap().ok, "a new column changes every row's canonical form");
    assert_eq!(relink_table(cf.conn(), "people", "2026-03-02T00:00:00Z").unwrap(), 5);
    let v = verify(cf.conn()).unwrap();
    assert!(v.ok, "{v:?}");
    assert_eq!(v.links, 10);
}
