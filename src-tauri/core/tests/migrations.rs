//! Upgrades from every earlier schema version, from frozen files.
//!
//! `tests/fixtures/v<N>-*.casefile` are real case files written by the Casefile of schema
//! version N and then never changed. Each is copied, opened (which runs every later
//! migration), and compared with what it held before: every row of every table it had is
//! still there with every value it had, the chain verifies, and the file is at the latest
//! version. How to add a fixture when you add a migration: tests/fixtures/README.md.

use casefile_core::{CaseFile, OpenOptions};
use rusqlite::types::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The passphrase of the `*-encrypted` fixtures (they are test data, not secrets).
const FIXTURE_PASSPHRASE: &str = "fixture passphrase";

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "casefile")).collect();
    out.sort();
    out
}

fn key_for(path: &Path) -> Option<String> {
    path.file_name().unwrap().to_string_lossy().contains("encrypted").then(|| FIXTURE_PASSPHRASE.to_string())
}

type Dump = BTreeMap<String, BTreeMap<String, BTreeMap<String, Value>>>;

/// Every row of every table, by table and by rowid-independent key (the primary key's text).
fn dump(conn: &rusqlite::Connection) -> Dump {
    let mut out = Dump::new();
    for t in casefile_core::exchange::tables(conn).unwrap() {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{}\" ORDER BY {}", t.name, t.order_by())).unwrap();
        let names: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
        let key_cols: Vec<usize> = t.columns.iter().enumerate().filter(|(_, c)| c.pk > 0).map(|(i, _)| i).collect();
        let rows = stmt
            .query_map([], |r| {
                let values: Vec<Value> = (0..names.len()).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<_>>()?;
                Ok(values)
            })
            .unwrap();
        let table = out.entry(t.name.clone()).or_default();
        for (n, values) in rows.map(|r| r.unwrap()).enumerate() {
            let key = if key_cols.is_empty() { n.to_string() } else { key_cols.iter().map(|i| format!("{:?}", values[*i])).collect::<Vec<_>>().join("|") };
            table.insert(key, names.iter().cloned().zip(values).collect());
        }
    }
    out
}

#[test]
fn every_fixture_upgrades_with_nothing_lost() {
    let files = fixtures();
    assert!(!files.is_empty(), "no fixtures found");
    let scratch = std::env::temp_dir().join(format!("casefile-fixtures-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    for fixture in files {
        let name = fixture.file_name().unwrap().to_string_lossy().into_owned();
        let copy = scratch.join(&name);
        std::fs::copy(&fixture, &copy).unwrap();
        let key = key_for(&fixture);
        let before = {
            let c = rusqlite::Connection::open_with_flags(&copy, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
            if let Some(k) = &key {
                c.pragma_update(None, "key", k).unwrap();
            }
            let version: u32 = c.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
            assert!(name.starts_with(&format!("v{version}-")), "{name} says its version in its name; the file is at {version}");
            dump(&c)
        };
        let cf = CaseFile::open_with(&copy, OpenOptions { create: false, passphrase: key, clock: None }).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(cf.user_version().unwrap(), casefile_core::db::schema_version(), "{name} is upgraded to the latest version");
        assert_eq!(cf.quick_check().unwrap(), ["ok"], "{name}");
        let after = dump(cf.conn());
        let mut rows = 0;
        for (table, old_rows) in &before {
            let new_rows = after.get(table).unwrap_or_else(|| panic!("{name}: table {table} is gone"));
            for (key, old) in old_rows {
                let new = new_rows.get(key).unwrap_or_else(|| panic!("{name}: {table} row {key} is gone"));
                for (column, value) in old {
                    assert_eq!(new.get(column), Some(value), "{name}: {table} row {key} column {column} changed");
                }
                rows += 1;
            }
        }
        let v = casefile_core::chain::verify(cf.conn()).unwrap();
        assert!(v.ok, "{name}: the chain must verify after the upgrade (a migration that adds a column to a chained table must call chain::relink_table): {v:?}");
        assert!(rows > 20, "{name} is a real file");
        println!("{name}: {rows} rows kept, {} links verified", v.links);
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

/// Freeze fixtures of the current schema version (see tests/fixtures/README.md):
/// `CASEFILE_FREEZE_FIXTURES=1 cargo test -p casefile-core --test migrations -- --ignored freeze`
#[test]
#[ignore]
fn freeze() {
    if std::env::var("CASEFILE_FREEZE_FIXTURES").as_deref() != Ok("1") {
        return;
    }
    let version = casefile_core::db::schema_version();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures");
    let scratch = std::env::temp_dir().join(format!("casefile-freeze-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let as_of = casefile_core::chrono::NaiveDate::from_ymd_opt(2026, 11, 20);
    for encrypted in [false, true] {
        let tmp = scratch.join(format!("{encrypted}.casefile"));
        casefile_core::demo::write(&tmp, &casefile_core::demo::DemoOptions { seed: 1, entries: 0, as_of }).unwrap();
        let (name, key) = if encrypted {
            let cf = CaseFile::open(&tmp).unwrap();
            let cf = casefile_core::passphrase::change(cf, None, Some(FIXTURE_PASSPHRASE)).map_err(|(_, e)| e).unwrap();
            drop(cf);
            (format!("v{version}-demo-encrypted.casefile"), Some(FIXTURE_PASSPHRASE))
        } else {
            (format!("v{version}-demo.casefile"), None)
        };
        let c = rusqlite::Connection::open(&tmp).unwrap();
        if let Some(k) = key {
            c.pragma_update(None, "key", k).unwrap();
        }
        c.execute_batch("PRAGMA journal_mode = DELETE; VACUUM;").unwrap();
        drop(c);
        let target = dir.join(&name);
        assert!(!target.exists(), "{name} exists: a frozen fixture is never replaced");
        std::fs::copy(&tmp, &target).unwrap();
        println!("froze {}", target.display());
    }
    let _ = std::fs::remove_dir_all(&scratch);
}
