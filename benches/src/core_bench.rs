//! The core's hot paths on a demo file at scale, called as the window's commands call them:
//! opening the file, the lists with their filters, a timeline page, a durable save, and
//! exporting everything. Each is run many times; the report gives medians and p99s.

use crate::report::{Line, Report, Target};
use crate::stats::{self, Summary};
use casefile_core::chrono::NaiveDate;
use casefile_core::complaints::ComplaintQuery;
use casefile_core::events::EventInput;
use casefile_core::promises::query::PromiseQuery;
use casefile_core::timeline::TimelineQuery;
use casefile_core::{accounts, complaints, people, promises, timeline, CaseFile, OpenOptions};
use std::path::Path;
use std::time::Instant;

/// What the benchmarks look things up by, found once per file.
pub struct Fixture {
    pub today: NaiveDate,
    /// The demo's busiest customer (Nordlicht), and one of the customers the scale added.
    pub busy: String,
    pub typical: String,
    pub boss: String,
    pub busy_entries: i64,
}

pub fn open(path: &Path) -> CaseFile {
    CaseFile::open_with(path, OpenOptions { create: false, ..Default::default() }).expect("open the benchmark file")
}

pub fn fixture(cf: &CaseFile, today: NaiveDate) -> Fixture {
    let by_name = |name: &str| accounts::find_by_name(cf.conn(), name).expect("find").first().map(|a| a.id.clone()).expect(name);
    let busy = by_name("Nordlicht Logistik GmbH");
    let typical = accounts::find_by_name(cf.conn(), "Northgate Roofing Ltd").ok().and_then(|a| a.first().map(|a| a.id.clone())).unwrap_or_else(|| by_name("Harbor & Vine Hotels"));
    let boss = people::find_by_name(cf.conn(), "Rolf Brandt").expect("find").first().map(|p| p.id.clone()).expect("Rolf Brandt");
    let busy_entries = cf.conn().query_row("SELECT count(*) FROM events WHERE account_id = ?1", [&busy], |r| r.get(0)).unwrap_or(0);
    Fixture { today, busy, typical, boss, busy_entries }
}

fn line(group: &'static str, name: impl Into<String>, size: u64, s: Summary) -> Line {
    Line { group, name: name.into(), size: Some(size), summary: Some(s), ..Default::default() }
}

/// Opening the file as the window does on start: the checks before writing, migrations,
/// then the first reads the window makes (settings and the promise counts).
pub fn bench_open(report: &mut Report, path: &Path, size: u64, today: NaiveDate) {
    let s = stats::time(1, 15, || {
        let cf = open(path);
        casefile_core::settings::get(cf.conn()).expect("settings");
        promises::query::counts(cf.conn(), today).expect("counts");
    });
    report.push(line("Open", "open the file (checks, migrations, first reads)", size, s));
}

pub fn bench_lists(report: &mut Report, cf: &CaseFile, fx: &Fixture, size: u64) {
    let today = fx.today;
    let promise_filters: Vec<(&str, PromiseQuery)> = vec![
        ("no filter", PromiseQuery::default()),
        ("status = open", PromiseQuery { status: Some("open".into()), ..Default::default() }),
        ("overdue", PromiseQuery { overdue: true, ..Default::default() }),
        ("due within 7 days", PromiseQuery { due_within_days: Some(7), ..Default::default() }),
        ("made by Rolf Brandt", PromiseQuery { made_by_id: Some(fx.boss.clone()), ..Default::default() }),
        ("customer = Nordlicht", PromiseQuery { account_id: Some(fx.busy.clone()), ..Default::default() }),
        ("not in writing", PromiseQuery { not_in_writing: true, ..Default::default() }),
        ("disputed", PromiseQuery { disputed: true, ..Default::default() }),
        ("words \"credit\"", PromiseQuery { search: Some("credit".into()), ..Default::default() }),
        ("open + made by Rolf + overdue", PromiseQuery { status: Some("open".into()), made_by_id: Some(fx.boss.clone()), overdue: true, ..Default::default() }),
    ];
    for (label, q) in promise_filters {
        let q = PromiseQuery { limit: Some(50), ..q };
        let s = stats::time(3, 60, || promises::query::list(cf.conn(), today, &q).expect("promises"));
        report.push(Line { target: Some(Target::at_most_median("≤ 100 ms", 100.0)), ..line("Promise list (first page of 50)", label, size, s) });
    }
    let complaint_filters: Vec<(&str, ComplaintQuery)> = vec![
        ("no filter", ComplaintQuery::default()),
        ("open", ComplaintQuery { status: Some("open".into()), ..Default::default() }),
        ("customer = Nordlicht", ComplaintQuery { account_id: Some(fx.busy.clone()), ..Default::default() }),
        ("severity 1", ComplaintQuery { severity: Some("1".into()), ..Default::default() }),
    ];
    for (label, q) in complaint_filters {
        let q = ComplaintQuery { limit: Some(50), ..q };
        let s = stats::time(3, 60, || complaints::list(cf.conn(), today, &q).expect("complaints"));
        report.push(Line { target: Some(Target::at_most_median("≤ 100 ms", 100.0)), ..line("Complaint list (first page of 50)", label, size, s) });
    }
    let busy = format!("Nordlicht, {} entries", fx.busy_entries);
    let pages: Vec<(String, TimelineQuery)> = vec![
        (format!("{busy}: first page"), TimelineQuery { account_id: Some(fx.busy.clone()), limit: Some(50), ..Default::default() }),
        (format!("{busy}: page 20"), TimelineQuery { account_id: Some(fx.busy.clone()), limit: Some(50), offset: Some(950), ..Default::default() }),
        (format!("{busy}: e-mails only"), TimelineQuery { account_id: Some(fx.busy.clone()), kinds: vec!["email".into()], limit: Some(50), ..Default::default() }),
        ("a typical customer: first page".to_string(), TimelineQuery { account_id: Some(fx.typical.clone()), limit: Some(50), ..Default::default() }),
    ];
    for (label, q) in pages {
        let s = stats::time(3, 40, || timeline::list(cf.conn(), today, &q).expect("timeline"));
        report.push(Line { target: Some(Target::at_most_median("≤ 100 ms", 100.0)), ..line("Timeline page (50 entries)", label, size, s) });
    }
    let q = accounts::AccountQuery { limit: Some(50), ..Default::default() };
    let s = stats::time(3, 40, || accounts::list(cf.conn(), today, &q).expect("customers"));
    report.push(Line { target: Some(Target::at_most_median("≤ 100 ms", 100.0)), ..line("Customer list", "first page of 50, with counts", size, s) });
}

/// A durable save: one timeline entry written through the core as the window writes it (one
/// transaction, chained, indexed), committed with WAL and synchronous=FULL.
pub fn bench_save(report: &mut Report, path: &Path, fx: &Fixture, size: u64) {
    let mut cf = open(path);
    let mode: String = cf.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap_or_default();
    let sync: i64 = cf.conn().query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap_or(-1);
    let mut i = 0;
    let s = stats::time(5, 200, || {
        i += 1;
        let input = EventInput {
            kind: "call".into(),
            occurred_at: casefile_core::when::date(fx.today),
            occurred_precision: "day".into(),
            summary: format!("Benchmark call {i} about the delivery schedule"),
            strength: "first_hand".into(),
            source_text: "My call notes".into(),
            account_id: Some(fx.busy.clone()),
            ..Default::default()
        };
        casefile_core::events::create(&mut cf, &input).expect("save")
    });
    let note = format!("journal_mode={mode}, synchronous={}", if sync == 2 { "FULL".to_string() } else { sync.to_string() });
    report.push(Line { target: Some(Target::at_most_p99("≤ 50 ms p99", 50.0).headline("save")), note, ..line("Durable save", "add a timeline entry (one transaction, chained)", size, s) });
}

/// Walk the whole hash chain, as the background check does after opening a file.
pub fn bench_verify(report: &mut Report, cf: &CaseFile, size: u64) {
    let t = Instant::now();
    let v = casefile_core::chain::verify(cf.conn()).expect("verify");
    let s = Summary::of(vec![t.elapsed()]);
    // As the app's background check does, the open file keeps what it found.
    let _ = cf.remember_verification(&v);
    report.push(Line { note: format!("{} links, ok = {}", v.links, v.ok), ..line("Integrity", "verify the whole chain (background, after opening)", size, s) });
}

/// The customer briefing, as the Briefing screen asks for it, on the busiest customer and a
/// typical one.
pub fn bench_briefing(report: &mut Report, cf: &CaseFile, fx: &Fixture, size: u64) {
    for (label, id) in [(format!("Nordlicht ({} entries)", fx.busy_entries), &fx.busy), ("a typical customer".to_string(), &fx.typical)] {
        let s = stats::time(10, 400, || casefile_core::briefing::for_account(cf.conn(), fx.today, id).expect("briefing"));
        let target = Target::at_most_p99("≤ 5 ms p99", 5.0).headline("briefing");
        report.push(Line { target: Some(target), ..line("Customer briefing (query)", label, size, s) });
    }
}

/// Full-text search as the Search screen runs it (every kind of record, newest first).
pub fn bench_search(report: &mut Report, cf: &CaseFile, fx: &Fixture, size: u64) {
    use casefile_core::search::{self, SearchQuery};
    let count = |q: &SearchQuery| search::search(cf.conn(), fx.today, q).map(|r| r.groups.iter().map(|g| g.hits.len()).sum::<usize>()).unwrap_or(0);
    let entries = |word: &str| -> i64 {
        cf.conn().query_row("SELECT count(*) FROM events_fts WHERE events_fts MATCH ?1", [word], |r| r.get(0)).unwrap_or(0)
    };
    let searches: Vec<(String, SearchQuery)> = vec![
        (format!("a common word: \"delivery\" ({} entries match)", entries("delivery")), SearchQuery { text: "delivery ".into(), ..Default::default() }),
        (format!("a rare word: \"hydrostatic\" ({} entries match)", entries("hydrostatic")), SearchQuery { text: "hydrostatic ".into(), ..Default::default() }),
        (format!("a prefix, as typed: \"insp\" ({} entries match)", entries("insp*")), SearchQuery { text: "insp".into(), ..Default::default() }),
        ("a common word, one customer (Nordlicht)".into(), SearchQuery { text: "delivery ".into(), account_id: Some(fx.busy.clone()), ..Default::default() }),
        ("two words, timeline entries only".into(), SearchQuery { text: "credit note ".into(), kind: Some("event".into()), ..Default::default() }),
    ];
    for (label, q) in searches {
        let hits = count(&q);
        let s = stats::time(3, 60, || search::search(cf.conn(), fx.today, &q).expect("search"));
        let target = Target::at_most_median("≤ 100 ms", 100.0).headline("search");
        report.push(Line { target: Some(target), note: format!("{hits} hits shown"), ..line("Search", label, size, s) });
    }
}

/// The dashboard (the home screen) and the reminders it lists.
pub fn bench_dashboard(report: &mut Report, cf: &CaseFile, fx: &Fixture, size: u64) {
    let s = stats::time(2, 30, || casefile_core::dashboard::build(cf.conn(), fx.today).expect("dashboard"));
    report.push(Line { target: Some(Target::at_most_median("≤ 100 ms", 100.0)), ..line("Dashboard", "the dashboard's figures (home screen)", size, s) });
    let n = casefile_core::reminders::list(cf.conn(), fx.today).map(|r| r.len()).unwrap_or(0);
    let s = stats::time(2, 30, || casefile_core::reminders::list(cf.conn(), fx.today).expect("reminders"));
    report.push(Line { target: Some(Target::at_most_median("≤ 100 ms", 100.0)), note: format!("{n} reminders"), ..line("Dashboard", "the reminders", size, s) });
}
