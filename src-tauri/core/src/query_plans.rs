//! The hot queries stay fast at any size: each list, page and screen the window draws is
//! run on a scaled demo file (tens of thousands of timeline entries, hundreds of promises and
//! complaints) and every statement it runs must answer from an index, never by stepping
//! through a whole table or index of the big tables (see `testing::plans`).

use crate::clock::FixedClock;
use crate::complaints::ComplaintQuery;
use crate::db::CaseFile;
use crate::demo::DemoOptions;
use crate::promises::query::PromiseQuery;
use crate::search::SearchQuery;
use crate::testing::day;
use crate::testing::plans::{assert_no_full_scan, ran};
use crate::timeline::TimelineQuery;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

/// Rows a statement may step through in full scans: a page and the small tables (people,
/// accounts, settings, root causes). The file has far more rows than this in each big table.
const LIMIT: i32 = 60;

struct Fixture {
    cf: CaseFile,
    today: chrono::NaiveDate,
    busy: String,
    boss: String,
    complaint: String,
    root: String,
}

fn fixture() -> MutexGuard<'static, Fixture> {
    static FIXTURE: OnceLock<Mutex<Fixture>> = OnceLock::new();
    let m = FIXTURE.get_or_init(|| {
        let today = day(2026, 11, 20);
        let clock = Arc::new(FixedClock::on(today));
        let mut cf = CaseFile::open_in_memory_with(clock.clone()).unwrap();
        crate::demo::populate(&mut cf, &clock, today, &DemoOptions { seed: 1, entries: 30_000, as_of: Some(today) }).unwrap();
        let one = |sql: &str| -> String { cf.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        let busy = one("SELECT id FROM accounts WHERE name = 'Nordlicht Logistik GmbH'");
        let boss = one("SELECT id FROM people WHERE name = 'Rolf Brandt'");
        let complaint = one("SELECT complaint_id FROM events WHERE complaint_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
        let root = one("SELECT id FROM root_causes WHERE parent_id IS NULL ORDER BY name LIMIT 1");
        Mutex::new(Fixture { cf, today, busy, boss, complaint, root })
    });
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[test]
fn the_fixture_is_big_enough_to_catch_a_full_scan() {
    let f = fixture();
    let n = |t: &str| -> i32 { f.cf.conn().query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0)).unwrap() };
    for table in ["events", "chain", "promises", "complaints", "follow_ups", "complaint_status_history"] {
        assert!(n(table) > 2 * LIMIT, "{table} has only {} rows", n(table));
    }
}

#[test]
fn every_filter_of_the_promise_list_reads_one_page() {
    let f = fixture();
    let filters = [
        ("no filter", PromiseQuery::default()),
        ("status", PromiseQuery { status: Some("kept".into()), ..Default::default() }),
        ("overdue", PromiseQuery { overdue: true, ..Default::default() }),
        ("due within 7 days", PromiseQuery { due_within_days: Some(7), ..Default::default() }),
        ("promiser", PromiseQuery { made_by_id: Some(f.boss.clone()), ..Default::default() }),
        ("customer", PromiseQuery { account_id: Some(f.busy.clone()), ..Default::default() }),
        ("not in writing", PromiseQuery { not_in_writing: true, ..Default::default() }),
        ("disputed", PromiseQuery { disputed: true, ..Default::default() }),
        ("status and promiser", PromiseQuery { status: Some("open".into()), made_by_id: Some(f.boss.clone()), ..Default::default() }),
    ];
    for (what, q) in filters {
        let q = PromiseQuery { limit: Some(20), ..q };
        let (page, queries) = ran(f.cf.conn(), || crate::promises::query::list(f.cf.conn(), f.today, &q).unwrap());
        assert!(page.total > 0, "{what}: the fixture should have some");
        assert_no_full_scan(f.cf.conn(), &format!("promise list, {what}"), &queries, LIMIT);
    }
    let (_, queries) = ran(f.cf.conn(), || crate::promises::query::counts(f.cf.conn(), f.today).unwrap());
    assert_no_full_scan(f.cf.conn(), "promise counts", &queries, LIMIT);
}

#[test]
fn every_filter_of_the_complaint_list_reads_one_page() {
    let f = fixture();
    let filters = [
        ("no filter", ComplaintQuery::default()),
        ("open", ComplaintQuery { status: Some("open".into()), ..Default::default() }),
        ("status", ComplaintQuery { status: Some("closed".into()), ..Default::default() }),
        ("customer", ComplaintQuery { account_id: Some(f.busy.clone()), ..Default::default() }),
        ("severity", ComplaintQuery { severity: Some("1".into()), ..Default::default() }),
        ("root cause", ComplaintQuery { root_cause_id: Some(f.root.clone()), ..Default::default() }),
        ("dates", ComplaintQuery { from: Some("2026-06-01".into()), to: Some("2026-06-30".into()), ..Default::default() }),
    ];
    for (what, q) in filters {
        let q = ComplaintQuery { limit: Some(20), ..q };
        let (page, queries) = ran(f.cf.conn(), || crate::complaints::list(f.cf.conn(), f.today, &q).unwrap());
        assert!(page.total > 0, "{what}: the fixture should have some");
        assert_no_full_scan(f.cf.conn(), &format!("complaint list, {what}"), &queries, LIMIT);
        // Remedy costs and root-cause paths are read for the page at once, not per complaint.
        let repeated: Vec<_> = queries.iter().filter(|q| q.runs > 1).map(|q| (q.runs, &q.sql)).collect();
        assert!(repeated.is_empty(), "complaint list, {what}: statements run once per row: {repeated:?}");
    }
}

#[test]
fn a_timeline_page_reads_only_its_customer() {
    let f = fixture();
    let pages = [
        ("customer, first page", TimelineQuery { account_id: Some(f.busy.clone()), limit: Some(20), ..Default::default() }),
        ("customer, oldest first", TimelineQuery { account_id: Some(f.busy.clone()), order: Some("oldest".into()), limit: Some(20), ..Default::default() }),
        ("customer, e-mails", TimelineQuery { account_id: Some(f.busy.clone()), kinds: vec!["email".into()], limit: Some(20), ..Default::default() }),
        ("complaint", TimelineQuery { complaint_id: Some(f.complaint.clone()), limit: Some(20), ..Default::default() }),
    ];
    for (what, q) in pages {
        let (page, queries) = ran(f.cf.conn(), || crate::timeline::list(f.cf.conn(), f.today, &q).unwrap());
        assert!(!page.items.is_empty(), "{what}");
        assert_no_full_scan(f.cf.conn(), &format!("timeline, {what}"), &queries, LIMIT);
    }
}

#[test]
fn the_customer_list_and_a_customer_read_one_page() {
    let f = fixture();
    let q = crate::accounts::AccountQuery { limit: Some(20), ..Default::default() };
    let (_, queries) = ran(f.cf.conn(), || crate::accounts::list(f.cf.conn(), f.today, &q).unwrap());
    assert_no_full_scan(f.cf.conn(), "customer list", &queries, LIMIT);
    let (_, queries) = ran(f.cf.conn(), || crate::promises::query::for_account(f.cf.conn(), &f.busy, f.today, 50).unwrap());
    assert_no_full_scan(f.cf.conn(), "a customer's promises", &queries, LIMIT);
    let (_, queries) = ran(f.cf.conn(), || crate::events::recent_for_account(f.cf.conn(), &f.busy, 10).unwrap());
    assert_no_full_scan(f.cf.conn(), "a customer's last contacts", &queries, LIMIT);
}

/// A full scan is caught: the check itself is not vacuous.
#[test]
fn a_full_scan_is_caught() {
    let f = fixture();
    let (_, queries) = ran(f.cf.conn(), || {
        f.cf.conn().query_row("SELECT count(*) FROM events WHERE summary LIKE '%delivery%'", [], |r| r.get::<_, i64>(0)).unwrap()
    });
    let caught = std::panic::catch_unwind(|| assert_no_full_scan(f.cf.conn(), "a LIKE over every entry", &queries, LIMIT));
    assert!(caught.is_err(), "{queries:?}");
}

#[test]
fn a_customer_briefing_reads_only_that_customer() {
    let f = fixture();
    let (b, queries) = ran(f.cf.conn(), || crate::briefing::for_account(f.cf.conn(), f.today, &f.busy).unwrap());
    assert!(!b.talking_points.is_empty());
    assert_no_full_scan(f.cf.conn(), "the briefing", &queries, LIMIT);
    // Its cost at 1M entries was the number of small statements (240, one or two per promise
    // and complaint): pages are read in a few statements each, so it no longer grows with them.
    let runs: u32 = queries.iter().map(|q| q.runs).sum();
    assert!(runs <= 60, "the briefing ran {runs} statements");
    // The latest hostile incident is a seek on the customer and the kind, not a walk through
    // every entry of the customer in the period (no full scan, but thousands of rows).
    let hostile = queries.iter().find(|q| q.sql.contains("kind = ?2")).expect("the hostile-incident lookup ran");
    assert!(hostile.plan.iter().any(|l| l.contains("events_account_kind (account_id=? AND kind=?")), "{:?}", hostile.plan);
}

#[test]
fn search_reads_only_the_newest_matches() {
    let f = fixture();
    let busy = Some(f.busy.clone());
    let searches = [
        ("a common word", SearchQuery { text: "delivery ".into(), ..Default::default() }),
        ("a rare word", SearchQuery { text: "hydrostatic ".into(), ..Default::default() }),
        ("a prefix", SearchQuery { text: "insp".into(), ..Default::default() }),
        ("a common word, entries only", SearchQuery { text: "delivery ".into(), kind: Some("event".into()), ..Default::default() }),
        ("for a customer", SearchQuery { text: "delivery ".into(), account_id: busy.clone(), ..Default::default() }),
        ("open records", SearchQuery { text: "credit ".into(), status: Some("open".into()), ..Default::default() }),
        ("in a month", SearchQuery { text: "delivery ".into(), from: Some("2026-06-01".into()), to: Some("2026-06-30".into()), ..Default::default() }),
    ];
    for (what, q) in searches {
        let (results, queries) = ran(f.cf.conn(), || crate::search::search(f.cf.conn(), f.today, &q).unwrap());
        assert!(!results.groups.is_empty(), "{what}: found nothing");
        assert_no_full_scan(f.cf.conn(), &format!("search, {what}"), &queries, LIMIT);
    }
}

/// The bulk writer's entries are in the full-text index like any others.
#[test]
fn bulk_entries_are_indexed_for_search() {
    let f = fixture();
    let conn = f.cf.conn();
    conn.execute("INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)", []).unwrap();
    let n = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        n("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'hydrostatic'"),
        n("SELECT count(*) FROM events WHERE details LIKE '%hydrostatic%'")
    );
    assert_eq!(n("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'delivery'"), n("SELECT count(*) FROM events WHERE (summary || ' ' || details) LIKE '%delivery%'"));
}

/// The reminders read the promises that need attention, not the ledger. (The dashboard's
/// on-time rates are figures over the whole ledger, read once per screen; the benchmarks
/// time them at a million entries.)
#[test]
fn the_reminders_read_only_what_needs_attention() {
    let f = fixture();
    let (_, queries) = ran(f.cf.conn(), || crate::reminders::list(f.cf.conn(), f.today).unwrap());
    assert_no_full_scan(f.cf.conn(), "the reminders", &queries, LIMIT);
}
