use super::*;
use crate::testing::{day, tempdir};

#[test]
fn the_demo_is_deterministic_and_refuses_to_overwrite() {
    let dir = tempdir::Dir::new("demo");
    let a = dir.path().join("a.casefile");
    let b = dir.path().join("b.casefile");
    let opts = DemoOptions { seed: 3, entries: 2_600, as_of: Some(day(2026, 11, 20)) };
    write(&a, &opts).unwrap();
    write(&b, &opts).unwrap();
    let dump = |p: &Path| {
        let cf = CaseFile::open(p).unwrap();
        let mut out = Vec::new();
        for (table, _) in crate::chain::CHAINED {
            let mut stmt = cf.conn().prepare(&format!("SELECT * FROM {table} ORDER BY 1")).unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|")))
                .unwrap();
            out.extend(rows.map(|r| r.unwrap()));
        }
        out
    };
    assert_eq!(dump(&a), dump(&b));
    let err = write(&a, &opts).unwrap_err();
    assert!(err.to_string().contains("never overwrites"));
}

#[test]
fn the_demo_has_the_cast_the_situations_need() {
    let dir = tempdir::Dir::new("demo-cast");
    let path = dir.path().join("d.casefile");
    write(&path, &DemoOptions { as_of: Some(day(2026, 11, 20)), ..Default::default() }).unwrap();
    let cf = CaseFile::open(&path).unwrap();
    let n = |sql: &str| -> i64 { cf.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
    assert!(n("SELECT count(*) FROM accounts") >= 8);
    assert!(n("SELECT count(*) FROM people WHERE side = 'internal'") >= 5);
    // The boss has a superior, and "me" reports to the boss.
    assert_eq!(n("SELECT count(*) FROM people b JOIN people s ON s.id = b.manager_id WHERE b.name = 'Rolf Brandt'"), 1);
    assert_eq!(n("SELECT count(*) FROM people WHERE is_me = 1"), 1);
    assert!(n("SELECT count(*) FROM account_transfers") >= 1);
    assert!(crate::chain::verify(cf.conn()).unwrap().ok);
    assert!(crate::settings::get(cf.conn()).unwrap().is_demo);
}

#[test]
fn extra_entries_are_added_for_scale_tests() {
    let dir = tempdir::Dir::new("demo-scale");
    let bulk_entries = |entries: u64| -> i64 {
        let path = dir.path().join(format!("d{entries}.casefile"));
        write(&path, &DemoOptions { entries, as_of: Some(day(2026, 11, 20)), ..Default::default() }).unwrap();
        let cf = CaseFile::open(&path).unwrap();
        // The scaled entries are the ones with no source document (the core's own say "Recorded in Casefile").
        cf.conn().query_row("SELECT count(*) FROM events WHERE source_text = ''", [], |r| r.get(0)).unwrap()
    };
    assert_eq!(bulk_entries(1200) - bulk_entries(0), 1200);
}
