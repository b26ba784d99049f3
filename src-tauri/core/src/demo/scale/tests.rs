use super::*;
use crate::clock::FixedClock;
use crate::testing::day;
use std::sync::Arc;

#[test]
fn everything_scales_with_the_entries() {
    assert_eq!(Sizes::for_entries(1_000_000), Sizes { entries: 1_000_000, customers: 400, promises: 10_000, complaints: 4_000 });
    assert_eq!(Sizes::for_entries(100_000), Sizes { entries: 100_000, customers: 40, promises: 1_000, complaints: 400 });
    let total: u64 = (0..DAYS).map(|d| share(12_345, d).count() as u64).sum();
    assert_eq!(total, 12_345);
}

#[test]
fn a_scaled_year_is_lived_through_chained_and_verifies() {
    let as_of = day(2026, 11, 20);
    let clock = Arc::new(FixedClock::on(as_of));
    let mut cf = CaseFile::open_in_memory_with(clock.clone()).unwrap();
    let opts = crate::demo::DemoOptions { seed: 5, entries: 7_500, as_of: Some(as_of) };
    crate::demo::populate(&mut cf, &clock, as_of, &opts).unwrap();
    let conn = cf.conn();
    let n = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(n("SELECT count(*) FROM accounts"), 9 + 3);
    // Promises end every way a promise can, and some are still open, overdue or not.
    for status in ["open", "kept", "broken", "withdrawn"] {
        assert!(n(&format!("SELECT count(*) FROM promises WHERE status = '{status}'")) >= 2, "{status}");
    }
    let counts = crate::promises::query::counts(conn, as_of).unwrap();
    assert!(counts.overdue >= 2, "{counts:?}");
    assert!(n("SELECT count(*) FROM promise_due_dates") > n("SELECT count(*) FROM promises"), "some were renegotiated");
    assert!(n("SELECT count(*) FROM follow_ups WHERE kind = 'follow_up'") >= 5);
    assert!(n("SELECT count(*) FROM lost_revenue") >= 1);
    // Complaints move through the workflow and some are remedied.
    for status in ["investigating", "closed"] {
        assert!(n(&format!("SELECT count(*) FROM complaints WHERE status = '{status}'")) >= 1, "{status}");
    }
    assert!(n("SELECT count(*) FROM remedies WHERE status = 'delivered'") >= 1);
    // Entries point at their customer's promises and complaints now and then.
    assert!(n("SELECT count(*) FROM events WHERE source_text = '' AND promise_id IS NOT NULL") >= 50);
    assert!(n("SELECT count(*) FROM events WHERE source_text = '' AND details LIKE '%hydrostatic%'") >= 1);
    // The entries' index was built at the end, and its triggers are back as they were.
    assert_eq!(n("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'events_fts_%'"), 3);
    conn.execute("INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)", []).unwrap();
    let found = crate::search::search(conn, as_of, &crate::search::SearchQuery { text: "hydrostatic ".into(), kind: Some("event".into()), ..Default::default() }).unwrap();
    assert!(!found.groups.is_empty());
    let v = crate::chain::verify(conn).unwrap();
    assert!(v.ok, "{v:?}");
    assert_eq!(v.links as i64, n("SELECT count(*) FROM chain"));
}
