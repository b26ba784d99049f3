//! Every dashboard figure checked against a direct SQL count on the demo file, so the
//! dashboard can never drift from what is actually recorded.

use super::*;
use crate::clock::FixedClock;
use crate::db::CaseFile;
use crate::money::Money;
use crate::testing::day;
use rusqlite::params;
use std::sync::Arc;

fn demo(as_of: NaiveDate) -> CaseFile {
    let clock = Arc::new(FixedClock::on(as_of));
    let mut cf = CaseFile::open_in_memory_with(clock.clone()).unwrap();
    crate::demo::populate(&mut cf, &clock, as_of, &crate::demo::DemoOptions { as_of: Some(as_of), ..Default::default() }).unwrap();
    cf
}

fn count(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> u32 {
    conn.query_row(sql, args, |r| r.get::<_, i64>(0)).unwrap() as u32
}

/// Sums per currency of `SELECT currency, minor ...`, as Totals.
fn sums(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Totals {
    let mut t = Totals::default();
    let mut stmt = conn.prepare(sql).unwrap();
    for row in stmt.query_map(args, |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))).unwrap() {
        let (currency, minor) = row.unwrap();
        t.add(minor, &currency);
    }
    t
}

#[test]
fn every_figure_matches_a_direct_count_on_the_demo() {
    // A Friday: the week runs Monday 16 to Sunday 22 November.
    let today = day(2026, 11, 20);
    let cf = demo(today);
    let conn = cf.conn();
    let d = build(conn, today).unwrap();
    let t = "2026-11-20";
    assert_eq!(d.week, Period { from: "2026-11-16".into(), to: "2026-11-22".into() });

    // Overdue promises, and those due from today to the end of the week.
    assert_eq!(d.overdue.total as u32, count(conn, "SELECT count(*) FROM promises WHERE status = 'open' AND due_on < ?1", [t]));
    assert!(d.overdue.total >= 2 && d.overdue.items.iter().all(|p| p.overdue));
    assert_eq!(d.due_this_week.total as u32, count(conn, "SELECT count(*) FROM promises WHERE status = 'open' AND due_on >= ?1 AND due_on <= '2026-11-22'", [t]));
    assert!(d.due_this_week.total >= 1 && d.due_this_week.items.iter().all(|p| !p.overdue && p.due_on.as_str() <= "2026-11-22"));

    // Complaints per month over twelve months: the totals, and each top-level cause's series.
    assert_eq!(d.complaints.months.len(), 12);
    assert_eq!((d.complaints.months[0].as_str(), d.complaints.months[11].as_str()), ("2025-12", "2026-11"));
    for (i, month) in d.complaints.months.iter().enumerate() {
        assert_eq!(d.complaints.totals[i], count(conn, "SELECT count(*) FROM complaints WHERE substr(received_at, 1, 7) = ?1", [month]), "{month}");
        let in_series: u32 = d.complaints.series.iter().map(|s| s.counts[i]).sum();
        assert_eq!(in_series, d.complaints.totals[i]);
    }
    let top_of = "WITH RECURSIVE up(id, top) AS (SELECT id, id FROM root_causes WHERE parent_id IS NULL
                      UNION ALL SELECT r.id, up.top FROM root_causes r JOIN up ON r.parent_id = up.id)";
    for s in &d.complaints.series {
        let direct = match &s.root_cause_id {
            Some(top) => count(conn, &format!("{top_of} SELECT count(*) FROM complaints c JOIN up ON up.id = c.root_cause_id WHERE up.top = ?1 AND received_at >= '2025-12-01'"), [top]),
            None => count(conn, "SELECT count(*) FROM complaints WHERE root_cause_id IS NULL AND received_at >= '2025-12-01'", []),
        };
        assert_eq!(s.total, direct, "{}", s.name);
    }
    assert_eq!(d.complaints.series[0].name, "Membratex", "the flood leads");
    assert!(d.complaints.series.iter().any(|s| s.root_cause_id.is_none()), "the newest seam complaints have no root cause yet");

    // Each promiser's on-time rate.
    assert!(!d.promisers.is_empty());
    for p in &d.promisers {
        let n = |cond: &str| count(conn, &format!("SELECT count(*) FROM promises WHERE made_by_id = ?1 AND {cond}"), params![p.person_id, t]);
        let (on_time, late, broken, overdue) = (
            n("status = 'kept' AND closed_on <= due_on AND ?2 = ?2"),
            n("status = 'kept' AND closed_on > due_on AND ?2 = ?2"),
            n("status = 'broken' AND ?2 = ?2"),
            n("status = 'open' AND due_on < ?2"),
        );
        assert_eq!((p.kept_on_time, p.kept_late, p.broken, p.overdue), (on_time, late, broken, overdue), "{}", p.name);
        let out_of = on_time + late + broken + overdue;
        match p.on_time_rate {
            Some(r) => assert_eq!((r.on_time, r.out_of, r.percent), (on_time, out_of, ((on_time as f64 / out_of as f64) * 100.0).round() as u32), "{}", p.name),
            None => assert_eq!(out_of, 0),
        }
    }
    let rolf = d.promisers.iter().find(|p| p.name == "Rolf Brandt").unwrap();
    assert_eq!(rolf.on_time_rate.map(|r| (r.on_time, r.out_of)), Some((1, 6)));

    // Lost revenue and remedy cost, this quarter and this year.
    for (p, from, to) in [(&d.quarter, "2026-10-01", "2026-12-31"), (&d.year, "2026-01-01", "2026-12-31")] {
        assert_eq!((p.from.as_str(), p.to.as_str()), (from, to));
        let lost = sums(conn, "SELECT currency, sum(amount_minor) FROM lost_revenue WHERE retracted_at IS NULL AND lost_on BETWEEN ?1 AND ?2 GROUP BY 1", [from, to]);
        assert_eq!(p.lost.all, lost, "{}", p.label);
        let cost = sums(conn, "SELECT cost_currency, sum(cost_minor) FROM remedies WHERE status <> 'declined' AND remedy_on BETWEEN ?1 AND ?2 GROUP BY 1", [from, to]);
        assert_eq!(p.remedy_cost, cost, "{}", p.label);
        assert_eq!(p.remedies, count(conn, "SELECT count(*) FROM remedies WHERE remedy_on BETWEEN ?1 AND ?2", [from, to]));
    }
    assert_eq!((d.quarter.label.as_str(), d.year.label.as_str()), ("Q4 2026", "2026"));
    assert!(!d.quarter.lost.all.0.is_empty() && !d.year.remedy_cost.0.is_empty());

    // Escalation readiness: promises by anyone but the user, against the settings.
    let e = &d.escalation.overall;
    assert_eq!(e.broken, count(conn, "SELECT count(*) FROM promises p JOIN people m ON m.id = p.made_by_id WHERE p.status = 'broken' AND m.is_me = 0", []));
    let lost_eur = conn
        .query_row(
            "SELECT coalesce(sum(l.amount_minor), 0) FROM lost_revenue l LEFT JOIN promises p ON p.id = l.promise_id LEFT JOIN people m ON m.id = p.made_by_id
             WHERE l.retracted_at IS NULL AND l.currency = 'EUR' AND coalesce(m.is_me, 0) = 0",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap();
    assert_eq!((e.lost_minor, e.currency.as_str()), (lost_eur, "EUR"));
    assert_eq!(e.lost_other.format(), "¥1,500,000", "yen is shown, not converted");
    assert_eq!((e.broken_threshold, e.lost_threshold_minor), (5, 5_000_000));
    assert!(e.ready && e.percent == 100, "{e:?}");
    assert_eq!(d.escalation.promisers[0].name, "Rolf Brandt");
    assert_eq!(d.escalation.promisers[0].readiness.broken, 3);
}

#[test]
fn the_week_follows_the_week_start_in_settings() {
    let today = day(2026, 11, 20);
    let mut cf = demo(today);
    let s = crate::settings::Settings { week_start: "sunday".into(), ..crate::settings::get(cf.conn()).unwrap() };
    crate::settings::save(&mut cf, s).unwrap();
    let d = build(cf.conn(), today).unwrap();
    assert_eq!(d.week, Period { from: "2026-11-15".into(), to: "2026-11-21".into() });
    assert_eq!(d.due_this_week.total as u32, count(cf.conn(), "SELECT count(*) FROM promises WHERE status = 'open' AND due_on BETWEEN '2026-11-20' AND '2026-11-21'", []));
}

#[test]
fn an_empty_file_has_an_empty_dashboard() {
    let (cf, _) = crate::testing::case_file_on(day(2026, 2, 10));
    let d = build(cf.conn(), day(2026, 2, 10)).unwrap();
    assert_eq!((d.overdue.total, d.due_this_week.total), (0, 0));
    assert_eq!(d.complaints.months.len(), 12);
    assert!(d.complaints.series.is_empty() && d.complaints.totals.iter().all(|n| *n == 0));
    assert!(d.promisers.is_empty() && d.escalation.promisers.is_empty());
    assert_eq!((d.escalation.overall.percent, d.escalation.overall.ready), (0, false));
    assert_eq!((d.quarter.label.as_str(), d.quarter.from.as_str(), d.quarter.to.as_str()), ("Q1 2026", "2026-01-01", "2026-03-31"));
}

#[test]
fn readiness_fills_at_either_threshold_and_counts_only_its_own_currency() {
    let lost = Totals(vec![Money { minor: 2_500_000, currency: "EUR".into() }, Money { minor: 9_000_000, currency: "USD".into() }]);
    let r = readiness(2, &lost, 5, 5_000_000, "EUR");
    assert_eq!((r.percent, r.ready, r.lost_minor), (50, false, 2_500_000), "half the amount beats 40 % of the promises");
    assert_eq!(r.lost_other.format(), "$90,000.00");
    let r = readiness(5, &Totals::default(), 5, 5_000_000, "EUR");
    assert_eq!((r.percent, r.ready), (100, true));
    let r = readiness(1, &Totals(vec![Money { minor: 9_000_000, currency: "EUR".into() }]), 5, 5_000_000, "EUR");
    assert_eq!((r.percent, r.ready), (100, true), "capped at 100");
}
