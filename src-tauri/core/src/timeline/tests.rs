use super::*;
use crate::complaints::{workflow, ComplaintInput, TransitionInput};
use crate::decisions::{DecideInput, DecisionInput, OptionInput};
use crate::events::EventInput;
use crate::remedies::RemedyInput;
use crate::testing::day;
use crate::testing::evidence::{world, World};

/// A customer with one of each kind of record, spread over a few months.
fn story(w: &mut World) -> (String, String) {
    let (me, account) = (w.me.clone(), w.account.clone());
    let note = |at: &str, precision: &str, kind: &str, summary: &str, disputed: bool| EventInput {
        kind: kind.into(),
        occurred_at: at.into(),
        occurred_precision: precision.into(),
        summary: summary.into(),
        source_person_id: Some(me.clone()),
        account_id: Some(account.clone()),
        disputed,
        ..Default::default()
    };
    let call = crate::events::create(&mut w.cf, &note("2026-01-10 09:00", "exact", "call", "First call", false)).unwrap();
    crate::events::create(&mut w.cf, &note("2026-02", "month", "meeting", "Quarterly review", true)).unwrap();
    crate::events::revise(&mut w.cf, &call.id, &note("2026-01-10 09:00", "exact", "call", "First call, with Owen", false)).unwrap();
    let c = crate::complaints::create(
        &mut w.cf,
        &ComplaintInput { account_id: account.clone(), received_at: "2026-03-02".into(), description: "Seams".into(), severity: "2".into(), ..Default::default() },
    )
    .unwrap();
    workflow::transition(&mut w.cf, &c.id, &TransitionInput { to: "acknowledged".into(), at: "2026-03-03".into(), ..Default::default() }).unwrap();
    crate::remedies::create(&mut w.cf, &RemedyInput { complaint_id: Some(c.id.clone()), kind: "credit".into(), cost: "500".into(), remedy_on: "2026-03-15".into(), ..Default::default() }).unwrap();
    let opt = |l: &str| OptionInput { label: l.into(), risks: "some".into(), ..Default::default() };
    crate::decisions::create(
        &mut w.cf,
        &DecisionInput {
            title: "Credit or replace?".into(),
            options: vec![opt("Credit"), opt("Replace")],
            complaint_id: Some(c.id.clone()),
            decide: DecideInput { chosen: "1".into(), rationale: "Quicker".into(), decided_by_id: Some(me.clone()), decided_on: "2026-03-14".into() },
            ..Default::default()
        },
    )
    .unwrap();
    // Another customer's records never show.
    crate::events::create(&mut w.cf, &EventInput { account_id: Some(w.other_account.clone()), ..note("2026-02-01", "day", "note", "Elsewhere", false) }).unwrap();
    (account, c.id)
}

fn kinds(page: &Page<TimelineItem>) -> Vec<String> {
    page.items.iter().map(|i| format!("{}@{}", i.kind, i.at.get(..10).unwrap_or(&i.at))).collect()
}

#[test]
fn events_complaints_remedies_and_decisions_merge_in_date_order() {
    let mut w = world(day(2026, 3, 31));
    let (account, complaint) = story(&mut w);
    let q = |q: TimelineQuery| list(w.cf.conn(), w.cf.today(), &TimelineQuery { account_id: Some(account.clone()), ..q }).unwrap();
    let all = q(TimelineQuery::default());
    assert_eq!(
        kinds(&all),
        vec!["remedy@2026-03-15", "decision_record@2026-03-14", "status_change@2026-03-03", "complaint@2026-03-02", "meeting@2026-02", "call@2026-01-10", "call@2026-01-10"]
    );
    let oldest = q(TimelineQuery { order: Some("oldest".into()), ..Default::default() });
    assert_eq!(oldest.items.first().map(|i| i.kind.as_str()), Some("call"));
    match &all.items[0].entry {
        Entry::Remedy(r) => assert_eq!(r.cost.format(), "€500.00"),
        other => panic!("expected the remedy first, got {other:?}"),
    }
    let json = serde_json::to_value(&all.items[3]).unwrap();
    assert_eq!(json["source"], "complaint");
    assert_eq!(json["record"]["reference"], "C-2026-0001");
    // Filters.
    assert_eq!(kinds(&q(TimelineQuery { kinds: vec!["complaint".into(), "remedy".into()], ..Default::default() })), vec!["remedy@2026-03-15", "complaint@2026-03-02"]);
    assert_eq!(q(TimelineQuery { superseded: Some(false), ..Default::default() }).total, 6);
    let superseded = q(TimelineQuery { superseded: Some(true), ..Default::default() });
    match &superseded.items[0].entry {
        Entry::Event(e) => assert!(e.superseded_by.is_some() && e.event.summary == "First call"),
        other => panic!("{other:?}"),
    }
    assert_eq!(kinds(&q(TimelineQuery { disputed: Some(true), ..Default::default() })), vec!["meeting@2026-02"]);
    assert_eq!(q(TimelineQuery { from: Some("2026-02-01".into()), to: Some("2026-03-02".into()), ..Default::default() }).total, 2);
    let page = q(TimelineQuery { limit: Some(3), offset: Some(3), ..Default::default() });
    assert_eq!((page.items.len(), page.total, page.limit), (3, 7, 3));
    assert_eq!(q(TimelineQuery { limit: Some(100_000), ..Default::default() }).limit, 200, "never more than 200 rows drawn");
    // One complaint's own story.
    let c = list(w.cf.conn(), w.cf.today(), &TimelineQuery { complaint_id: Some(complaint), ..Default::default() }).unwrap();
    assert_eq!(kinds(&c), vec!["remedy@2026-03-15", "decision_record@2026-03-14", "status_change@2026-03-03", "complaint@2026-03-02"]);
}

#[test]
fn bad_filters_are_named() {
    let mut w = world(day(2026, 3, 31));
    let (account, _) = story(&mut w);
    let err = |q: TimelineQuery| list(w.cf.conn(), w.cf.today(), &TimelineQuery { account_id: Some(account.clone()), ..q }).unwrap_err();
    assert_eq!(err(TimelineQuery { kinds: vec!["gossip".into()], ..Default::default() }).field(), Some("kinds"));
    assert_eq!(err(TimelineQuery { from: Some("soon".into()), ..Default::default() }).field(), Some("from"));
    assert_eq!(err(TimelineQuery { from: Some("2026-03-01".into()), to: Some("2026-02-01".into()), ..Default::default() }).field(), Some("to"));
    assert_eq!(err(TimelineQuery { order: Some("random".into()), ..Default::default() }).field(), Some("order"));
    assert_eq!(list(w.cf.conn(), w.cf.today(), &TimelineQuery { account_id: Some("nope".into()), ..Default::default() }).unwrap_err().kind(), "not_found");
}

#[test]
fn promises_take_their_place_on_the_timeline_and_under_the_complaints_they_answer() {
    let mut w = world(day(2026, 3, 31));
    let (account, complaint) = story(&mut w);
    let made = crate::promises::create(
        &mut w.cf,
        &crate::promises::PromiseInput {
            made_by_id: w.me.clone(),
            account_id: account.clone(),
            made_at: "2026-03-05".into(),
            what: "Replacement rolls for the failed seams".into(),
            due_on: "2026-03-20".into(),
            complaint_ids: vec![complaint.clone()],
            ..Default::default()
        },
    )
    .unwrap();
    let all = list(w.cf.conn(), w.cf.today(), &TimelineQuery { account_id: Some(account.clone()), ..Default::default() }).unwrap();
    let item = all.items.iter().find(|i| i.kind == "promise").expect("the promise is on the customer's timeline");
    assert_eq!(item.at, "2026-03-05");
    match &item.entry {
        Entry::Promise(p) => assert_eq!(p.id, made.promise.id),
        other => panic!("expected a promise, got {other:?}"),
    }
    let only = list(w.cf.conn(), w.cf.today(), &TimelineQuery { account_id: Some(account), kinds: vec!["promise".into()], ..Default::default() }).unwrap();
    assert_eq!(only.total, 1);
    let under = list(w.cf.conn(), w.cf.today(), &TimelineQuery { complaint_id: Some(complaint), kinds: vec!["promise".into()], ..Default::default() }).unwrap();
    assert_eq!(under.total, 1, "a promise shows under the complaint it answers");
}
