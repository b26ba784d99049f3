//! The derived figures: overdue across midnight, the on-time rate, each promiser's record,
//! and the commitment load with its weekly limit.

use super::*;
use crate::lost_revenue::{self, LostInput};
use crate::promises::follow_ups::{self, FollowUpInput};
use crate::promises::lifecycle::{self, BreakInput, KeepInput, WithdrawInput};
use crate::promises::load;
use crate::promises::query::{self, PromiseQuery};
use crate::promises::record::{self, on_time_rate, OnTimeRate};
use crate::settings::{self, Settings};

#[test]
fn a_promise_due_today_goes_overdue_at_midnight_without_anything_else_happening() {
    let mut w = world();
    let boss = w.boss.clone();
    w.clock.set(day(2026, 3, 16).and_hms_opt(23, 59, 58).unwrap().and_utc());
    let p = w.log(&boss, "Call back Greta", "2026-03-10", "2026-03-16");
    let q = w.get(&p.id);
    assert!(!q.overdue, "due today is not overdue");
    assert_eq!(query::counts(w.cf.conn(), w.cf.today()).unwrap().overdue, 0);
    w.clock.advance(chrono::Duration::seconds(3));
    let q = w.get(&p.id);
    assert!(q.overdue, "one second after midnight it is");
    assert_eq!(q.days_overdue, 1);
    let counts = query::counts(w.cf.conn(), w.cf.today()).unwrap();
    assert_eq!((counts.overdue, counts.today.as_str()), (1, "2026-03-17"));
    let listed = query::list(w.cf.conn(), w.cf.today(), &PromiseQuery { overdue: true, ..Default::default() }).unwrap();
    assert_eq!(listed.total, 1);
    w.clock.advance(chrono::Duration::days(9));
    assert_eq!(w.get(&p.id).days_overdue, 10);
}

#[test]
fn the_on_time_rate_follows_its_definition() {
    assert_eq!(on_time_rate(0, 0, 0, 0), None, "nothing to judge");
    assert_eq!(on_time_rate(1, 1, 1, 1), Some(OnTimeRate { on_time: 1, out_of: 4, percent: 25 }));
    assert_eq!(on_time_rate(2, 1, 0, 0).unwrap().percent, 67);
    assert_eq!(on_time_rate(1, 0, 0, 2).unwrap().percent, 33, "overdue open promises count against it");
    assert_eq!(on_time_rate(1, 7, 0, 0).unwrap().percent, 13, "12.5 rounds half up");
    assert_eq!(on_time_rate(0, 0, 3, 0).unwrap().percent, 0);
    assert_eq!(on_time_rate(5, 0, 0, 0).unwrap().percent, 100);
}

#[test]
fn each_promisers_record_counts_everything_side_by_side() {
    let mut w = world();
    let (boss, rep, me, superior) = (w.boss.clone(), w.rep.clone(), w.me.clone(), w.superior.clone());
    let on_time = w.log(&boss, "On time", "2026-02-01", "2026-02-10");
    let late = w.log(&boss, "Late", "2026-02-01", "2026-02-10");
    let broken = w.log(&boss, "Broken", "2026-02-01", "2026-02-10");
    let overdue = w.log(&boss, "Overdue", "2026-02-01", "2026-03-01");
    let _open = w.log(&boss, "Open, not due", "2026-02-01", "2026-04-01");
    let withdrawn = w.log(&boss, "Withdrawn", "2026-02-01", "2026-04-01");
    let renegotiated = w.log(&boss, "Renegotiated", "2026-02-01", "2026-03-01");
    w.log(&rep, "Rep's one", "2026-03-01", "2026-03-20");
    lifecycle::keep(&mut w.cf, &on_time.id, &KeepInput { kept_on: "2026-02-09".into(), ..Default::default() }).unwrap();
    lifecycle::keep(&mut w.cf, &late.id, &KeepInput { kept_on: "2026-02-20".into(), ..Default::default() }).unwrap();
    lifecycle::break_promise(&mut w.cf, &broken.id, &BreakInput { broken_on: "2026-02-15".into(), reason: "No stock".into() }).unwrap();
    lifecycle::withdraw(&mut w.cf, &withdrawn.id, &WithdrawInput { withdrawn_by_id: superior.clone(), reason: "Not ours to give".into(), ..Default::default() }).unwrap();
    lifecycle::renegotiate(&mut w.cf, &renegotiated.id, &lifecycle::RenegotiateInput { new_due_on: "2026-04-15".into(), ..Default::default() }).unwrap();
    lifecycle::set_disputed(&mut w.cf, &overdue.id, &lifecycle::DisputeInput { disputed: true, note: String::new() }).unwrap();
    follow_ups::add(&mut w.cf, &overdue.id, &FollowUpInput { kind: "confirmation".into(), sent_at: "2026-02-02".into(), ..Default::default() }).unwrap();
    follow_ups::add(&mut w.cf, &overdue.id, &FollowUpInput { sent_at: "2026-03-05".into(), ..Default::default() }).unwrap();
    follow_ups::add(&mut w.cf, &overdue.id, &FollowUpInput { sent_at: "2026-03-10".into(), ..Default::default() }).unwrap();
    let lose = |amount: &str, currency: &str, certainty: &str| LostInput {
        promise_id: Some(broken.id.clone()),
        amount: amount.into(),
        currency: currency.into(),
        certainty: certainty.into(),
        ..Default::default()
    };
    lost_revenue::record(&mut w.cf, &lose("48,000", "EUR", "confirmed")).unwrap();
    lost_revenue::record(&mut w.cf, &lose("5,000.50", "EUR", "estimated")).unwrap();
    lost_revenue::record(&mut w.cf, &lose("300000", "JPY", "estimated")).unwrap();

    let r = record::for_person(w.cf.conn(), &boss, w.cf.today()).unwrap();
    assert_eq!((r.made, r.kept_on_time, r.kept_late, r.broken), (7, 1, 1, 1));
    assert_eq!((r.open, r.overdue, r.renegotiated, r.withdrawn, r.disputed), (3, 1, 1, 1, 1));
    assert_eq!(r.not_in_writing, 6, "only the confirmed one is in writing");
    assert_eq!(r.follow_ups_unanswered, 2);
    assert_eq!(r.on_time_rate, Some(OnTimeRate { on_time: 1, out_of: 4, percent: 25 }), "on time / (on time + late + broken + overdue)");
    assert_eq!(r.lost.all.format(), "€53,000.50 + ¥300,000");
    assert_eq!(r.lost.confirmed.format(), "€48,000.00");
    assert_eq!(r.lost.entries, 3);

    let all = record::all(w.cf.conn(), w.cf.today()).unwrap();
    assert_eq!(all[0].name, "Rolf Brandt", "most promises first");
    assert_eq!(all[1].name, "Priya Natarajan");
    let names: Vec<&str> = all.iter().map(|r| r.name.as_str()).collect();
    assert!(names.contains(&"Dana Whitfield") && names.contains(&"Margaret Okafor"), "every internal person, even with none: {names:?}");
    let mine = all.iter().find(|r| r.person_id == me).unwrap();
    assert_eq!((mine.made, mine.on_time_rate), (0, None));
}

#[test]
fn the_commitment_load_warns_before_a_week_gets_too_full() {
    let mut w = world();
    let boss = w.boss.clone();
    // Monday 16 March; the limit is 3 a week.
    for (what, due) in [("A", "2026-03-17"), ("B", "2026-03-18"), ("C", "2026-03-20"), ("D", "2026-03-24"), ("Old", "2026-03-12"), ("Far", "2026-06-01")] {
        w.log(&boss, what, "2026-03-01", due);
    }
    let l = load::load(w.cf.conn(), &boss, w.cf.today(), 4, None).unwrap();
    assert_eq!(l.limit, 3);
    assert_eq!(l.weeks.iter().map(|w| w.count).collect::<Vec<_>>(), vec![3, 1, 0, 0]);
    assert_eq!((l.weeks[0].label.as_str(), l.weeks[0].starts_on.as_str(), l.weeks[0].ends_on.as_str()), ("This week", "2026-03-16", "2026-03-22"));
    assert_eq!(l.overdue.len(), 1);
    assert_eq!(l.later, 1);
    assert!(l.warnings.is_empty());

    let adding = load::load(w.cf.conn(), &boss, w.cf.today(), 4, Some("fri")).unwrap();
    assert_eq!(adding.adding_due_on.as_deref(), Some("2026-03-20"));
    assert!(adding.weeks[0].over_limit && adding.weeks[0].includes_new);
    assert_eq!(adding.warnings, vec!["This would be Rolf Brandt's 4th promise due this week, more than the 3 a week you set. Which one should be put off?"]);
    assert!(load::load(w.cf.conn(), &boss, w.cf.today(), 4, Some("not a date")).unwrap().adding_due_on.is_none());

    let account = w.account.clone();
    let saved = create(&mut w.cf, &input(&boss, &account, "E", "", "2026-03-19")).unwrap();
    assert_eq!(saved.warnings.len(), 1);
    assert!(saved.warnings[0].message.contains("now has 4 promises due in the week of 2026-03-16"), "{}", saved.warnings[0].message);
}

#[test]
fn the_week_starts_on_the_day_the_user_chose() {
    let mut w = world();
    let boss = w.boss.clone();
    settings::save(&mut w.cf, Settings { week_start: "sunday".into(), load_limit_per_week: 1, ..Default::default() }).unwrap();
    w.log(&boss, "Sunday's", "2026-03-01", "2026-03-22");
    let l = load::load(w.cf.conn(), &boss, w.cf.today(), 2, None).unwrap();
    assert_eq!(l.weeks[0].starts_on, "2026-03-15");
    assert_eq!(l.weeks[1].starts_on, "2026-03-22");
    assert_eq!(l.weeks[1].count, 1);
    assert_eq!(load::ordinal(2), "2nd");
    assert_eq!(load::ordinal(13), "13th");
    assert_eq!(load::ordinal(21), "21st");
}
