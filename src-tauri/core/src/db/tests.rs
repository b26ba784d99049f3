use super::*;
use crate::testing::tempdir;

fn digest(path: &Path) -> String {
    crate::hash::sha256_hex(&std::fs::read(path).unwrap())
}

fn scratch(name: &str) -> (tempdir::Dir, PathBuf) {
    let dir = tempdir::Dir::new(name);
    let path = dir.path().join("case.casefile");
    (dir, path)
}

#[test]
fn migrations_are_valid() {
    migrations().validate().unwrap();
}

#[test]
fn in_memory_file_is_at_the_latest_version() {
    let cf = CaseFile::open_in_memory().unwrap();
    assert_eq!(cf.user_version().unwrap(), schema_version());
    let fk: i64 = cf.conn().pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
}

#[test]
fn a_new_file_gets_every_connection_setting() {
    let (_d, path) = scratch("pragmas");
    let cf = CaseFile::open(&path).unwrap();
    let q = |p: &str| -> String {
        cf.conn().pragma_query_value(None, p, |r| r.get::<_, rusqlite::types::Value>(0)).map(|v| format!("{v:?}")).unwrap()
    };
    assert_eq!(q("journal_mode"), "Text(\"wal\")");
    assert_eq!(q("synchronous"), "Integer(2)");
    assert_eq!(q("foreign_keys"), "Integer(1)");
    assert_eq!(q("trusted_schema"), "Integer(0)");
    assert_eq!(q("application_id"), format!("Integer({APPLICATION_ID})"));
    assert_eq!(q("user_version"), format!("Integer({})", schema_version()));
}

#[test]
fn a_file_reopens_with_its_data() {
    let (_d, path) = scratch("reopen");
    {
        let mut cf = CaseFile::open(&path).unwrap();
        cf.write(|tx| {
            tx.execute("INSERT INTO settings(key, value) VALUES ('probe', '\"Zoë 株式会社\"')", [])?;
            Ok(())
        })
        .unwrap();
    }
    let cf = CaseFile::open(&path).unwrap();
    let v: String = cf.conn().query_row("SELECT value FROM settings WHERE key='probe'", [], |r| r.get(0)).unwrap();
    assert_eq!(v, "\"Zoë 株式会社\"");
}

#[test]
fn foreign_files_are_refused_and_left_untouched() {
    let (dir, _) = scratch("foreign");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("text", b"Dear Sir, this is a letter and not a database at all.\n".repeat(40)),
        ("short", b"SQLite format 3\0".to_vec()),
        ("pdf", { let mut v = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n".to_vec(); v.resize(4096, b' '); v }),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let before = digest(&path);
        let err = CaseFile::open(&path).err().expect(name);
        assert_eq!(err.kind(), "not_a_case_file", "{name}: {err}");
        assert_eq!(digest(&path), before, "{name} was modified");
        assert!(!dir.path().join(format!("{name}-wal")).exists());
    }
}

#[test]
fn noise_is_asked_for_a_passphrase_and_never_touched() {
    let (dir, _) = scratch("noise");
    let path = dir.path().join("noise");
    let bytes: Vec<u8> = (0..8192u64).map(|i| (crate::clock::splitmix(i) & 0xff) as u8).collect();
    std::fs::write(&path, &bytes).unwrap();
    let err = CaseFile::open(&path).err().unwrap();
    assert_eq!(err.kind(), "needs_passphrase");
    let opts = OpenOptions { passphrase: Some("guess".into()), ..Default::default() };
    let err = CaseFile::open_with(&path, opts).err().unwrap();
    assert_eq!(err.kind(), "wrong_passphrase");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn another_programs_sqlite_database_is_refused_untouched() {
    let (_d, path) = scratch("othersqlite");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);").unwrap();
    }
    let before = digest(&path);
    let err = CaseFile::open(&path).err().unwrap();
    assert_eq!(err.kind(), "not_a_case_file");
    assert!(err.to_string().contains("another program"));
    assert_eq!(digest(&path), before);
}

#[test]
fn a_file_from_a_newer_casefile_is_refused_untouched() {
    let (_d, path) = scratch("toonew");
    drop(CaseFile::open(&path).unwrap());
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = digest(&path);
    let err = CaseFile::open(&path).err().unwrap();
    assert_eq!(err.kind(), "too_new");
    assert!(err.to_string().contains("schema version 99"), "{err}");
    assert_eq!(digest(&path), before);
}

#[test]
fn a_missing_file_is_not_created_unless_asked() {
    let (_d, path) = scratch("missing");
    let err = CaseFile::open_with(&path, OpenOptions::default()).err().unwrap();
    assert_eq!(err.kind(), "io");
    assert!(!path.exists());
}

#[test]
fn an_encrypted_file_needs_the_right_passphrase() {
    let (_d, path) = scratch("cipher");
    {
        let opts = OpenOptions { create: true, passphrase: Some("correct horse".into()), ..Default::default() };
        let mut cf = CaseFile::open_with(&path, opts).unwrap();
        assert!(cf.is_encrypted());
        cf.write(|tx| Ok(tx.execute("INSERT INTO settings VALUES ('secret', '\"Kroll\"')", [])?)).unwrap();
        cf.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    }
    let raw = std::fs::read(&path).unwrap();
    assert_ne!(&raw[..16], b"SQLite format 3\0");
    assert!(!raw.windows(5).any(|w| w == b"Kroll"));

    let before = digest(&path);
    let err = CaseFile::open(&path).err().unwrap();
    assert_eq!(err.kind(), "needs_passphrase");
    let wrong = OpenOptions { passphrase: Some("wrong".into()), ..Default::default() };
    let err = CaseFile::open_with(&path, wrong).err().unwrap();
    assert_eq!(err.kind(), "wrong_passphrase", "{err}");
    assert_eq!(digest(&path), before);

    let right = OpenOptions { passphrase: Some("correct horse".into()), ..Default::default() };
    let cf = CaseFile::open_with(&path, right).unwrap();
    let v: String = cf.conn().query_row("SELECT value FROM settings WHERE key='secret'", [], |r| r.get(0)).unwrap();
    assert_eq!(v, "\"Kroll\"");
}

#[test]
fn fts5_is_available() {
    let cf = CaseFile::open_in_memory().unwrap();
    cf.conn().execute_batch("CREATE VIRTUAL TABLE f USING fts5(body); INSERT INTO f VALUES ('membrane seam');").unwrap();
    let n: i64 = cf.conn().query_row("SELECT count(*) FROM f WHERE f MATCH 'seam'", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1);
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let mut cf = CaseFile::open_in_memory().unwrap();
    let r: Result<()> = cf.write(|tx| {
        tx.execute("INSERT INTO settings VALUES ('a', '1')", [])?;
        Err(Error::validation("x", "stop"))
    });
    assert!(r.is_err());
    let n: i64 = cf.conn().query_row("SELECT count(*) FROM settings WHERE key='a'", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_new_file_is_recognised_even_if_never_checkpointed() {
    // A process killed before its first checkpoint leaves the -wal behind; the main file's
    // own header must still say it is a case file.
    let (_d, path) = scratch("nocheckpoint");
    let cf = CaseFile::open(&path).unwrap();
    let head = std::fs::read(&path).unwrap();
    assert_eq!(i32::from_be_bytes([head[68], head[69], head[70], head[71]]), APPLICATION_ID);
    std::mem::forget(cf);
    assert!(CaseFile::open(&path).is_ok());
}

#[test]
fn a_migration_that_adds_columns_to_chained_tables_keeps_the_chain_verifying() {
    // A version-1 file with a follow-up and a lost sale, chained, as a v1 Casefile left it.
    let (_d, path) = scratch("relink");
    {
        let cf = CaseFile::create_at_version(&path, None, 1).unwrap();
        cf.conn()
            .execute_batch(
                "INSERT INTO people(id, name, side, created_at, updated_at) VALUES ('p', 'Rolf', 'internal', 't', 't');
                 INSERT INTO accounts(id, name, created_at, updated_at) VALUES ('a', 'Nordlicht', 't', 't');
                 INSERT INTO promises(id, made_by_id, account_id, made_at, made_at_precision, channel, what, due_on, original_due_on, recorded_at, updated_at)
                     VALUES ('pr', 'p', 'a', '2026-01-02', 'day', 'call', 'A credit', '2026-01-10', '2026-01-10', 't', 't');
                 INSERT INTO follow_ups(id, promise_id, kind, sent_at, channel, recorded_at) VALUES ('f', 'pr', 'follow_up', '2026-01-11', 'email', 't');
                 INSERT INTO lost_revenue(id, account_id, promise_id, amount_minor, currency, certainty, lost_on, recorded_at)
                     VALUES ('l', 'a', 'pr', 100, 'EUR', 'estimated', '2026-01-20', 't');",
            )
            .unwrap();
        for table in ["people", "accounts", "promises", "follow_ups", "lost_revenue"] {
            crate::chain::relink_table(cf.conn(), table, "2026-01-20T00:00:00Z").unwrap();
        }
        assert!(crate::chain::verify(cf.conn()).unwrap().ok);
    }
    let cf = CaseFile::open(&path).unwrap();
    assert_eq!(cf.user_version().unwrap(), schema_version());
    let v = crate::chain::verify(cf.conn()).unwrap();
    assert!(v.ok, "{:?}", v.problem);
}

#[test]
fn an_encrypted_file_whose_salt_looks_like_a_signature_is_still_asked_for_its_passphrase() {
    // SQLCipher's first 16 bytes are a random salt; now and then they begin with "{" or
    // gzip's 1F 8B. Such a file must still be treated as possibly ours.
    let (dir, _) = scratch("salt");
    for (i, start) in [&b"{"[..], &b"\x1F\x8B"[..], &b"\xFF\xD8\xFF"[..]].iter().enumerate() {
        let path = dir.path().join(format!("f{i}"));
        let mut bytes: Vec<u8> = (0..4096u64).map(|n| (crate::clock::splitmix(n + 99) & 0xff) as u8).collect();
        bytes[..start.len()].copy_from_slice(start);
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(CaseFile::open(&path).err().unwrap().kind(), "needs_passphrase", "{start:?}");
    }
}

#[test]
fn a_batch_is_one_transaction_of_savepoints() {
    let (mut cf, _) = crate::testing::case_file_on(crate::testing::day(2026, 3, 1));
    let count = |cf: &CaseFile| -> i64 { cf.conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap() };
    let person = |name: &str| crate::people::PersonInput { name: name.into(), ..Default::default() };
    // A write that fails inside a batch undoes only itself; the batch goes on.
    cf.batch(|cf| {
        crate::people::create(cf, &person("Ann"))?;
        assert!(crate::people::create(cf, &person("  ")).is_err());
        let failed = cf.write(|tx| {
            tx.execute("INSERT INTO settings(key, value) VALUES ('half', '1')", [])?;
            Err::<(), _>(Error::conflict("fails part-way"))
        });
        assert!(failed.is_err());
        let half: i64 = cf.conn().query_row("SELECT count(*) FROM settings WHERE key = 'half'", [], |r| r.get(0)).unwrap();
        assert_eq!(half, 0, "the failed write was undone");
        assert!(!cf.conn().is_autocommit(), "still inside the batch");
        crate::people::create(cf, &person("Bob"))?;
        Ok(())
    })
    .unwrap();
    assert_eq!(count(&cf), 2);
    assert!(cf.conn().is_autocommit());
    // A batch that fails undoes every write in it.
    let err = cf.batch(|cf| {
        crate::people::create(cf, &person("Cleo"))?;
        Err::<(), _>(Error::conflict("stop"))
    });
    assert!(err.is_err());
    assert_eq!(count(&cf), 2);
    assert!(crate::chain::verify(cf.conn()).unwrap().ok);
}
