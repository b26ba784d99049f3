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

/// The canonical form as first defined: a sorted map of JSON values, serialised.
fn canonical_by_map<'a>(values: &[(&'a str, ValueRef<'a>)]) -> String {
    let mut map = std::collections::BTreeMap::new();
    for (name, value) in values {
        let v = match value {
            ValueRef::Null => serde_json::Value::Null,
            ValueRef::Integer(n) => serde_json::Value::from(*n),
            ValueRef::Real(f) => serde_json::Value::from(*f),
            ValueRef::Text(t) => serde_json::Value::from(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => serde_json::Value::from(crate::hash::sha256_hex(b)),
        };
        map.insert(*name, v);
    }
    serde_json::to_string(&map).unwrap()
}

#[test]
fn the_canonical_form_is_the_sorted_map_byte_for_byte() {
    let texts = ["", "plain", "quote \" and \\ backslash", "tab\tnew\nline\r\u{1}\u{1f}", "Кровля-Сервис 株式会社 Ελληνικά", "emoji 🧾 and </script>", "\u{7f}\u{2028}"];
    let reals = [0.0, -0.0, 1.0, 1.5e300, -2.25, f64::NAN, f64::INFINITY, 1e-7];
    let ints = [0i64, -1, 42, i64::MAX, i64::MIN];
    let blob = [0u8, 1, 2, 255];
    let invalid_utf8 = [b'a', 0xff, b'b'];
    for round in 0..texts.len() {
        let mut values: Vec<(&str, ValueRef<'_>)> = vec![
            ("zeta", ValueRef::Text(texts[round].as_bytes())),
            ("alpha", ValueRef::Integer(ints[round % ints.len()])),
            ("mid_dle", ValueRef::Real(reals[round % reals.len()])),
            ("Upper", ValueRef::Null),
            ("blob", ValueRef::Blob(&blob)),
            ("bytes", ValueRef::Text(&invalid_utf8)),
            ("é", ValueRef::Text(texts[(round + 3) % texts.len()].as_bytes())),
            ("a\"b", ValueRef::Integer(7)),
        ];
        let len = values.len();
        values.rotate_left(round % len);
        assert_eq!(canonical_of(values.iter().copied()), canonical_by_map(&values), "round {round}");
    }
    // A name given twice keeps its last value, as the map did.
    let twice = [("x", ValueRef::Integer(1)), ("y", ValueRef::Null), ("x", ValueRef::Integer(2))];
    assert_eq!(canonical_of(twice.iter().copied()), canonical_by_map(&twice));
    assert_eq!(canonical_of([]), "{}");
}
