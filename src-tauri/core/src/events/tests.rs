use super::*;
use crate::db::CaseFile;
use crate::testing::day;
use crate::testing::evidence::{world, World};

/// The ids the tests refer to, apart from the case file they write to.
struct K {
    me: String,
    account: String,
}

impl K {
    fn of(w: &World) -> K {
        K { me: w.me.clone(), account: w.account.clone() }
    }
}

fn call(w: &K, summary: &str) -> EventInput {
    EventInput {
        kind: "call".into(),
        occurred_at: "2026-03-04 09:15".into(),
        summary: summary.into(),
        source_person_id: Some(w.me.clone()),
        account_id: Some(w.account.clone()),
        ..Default::default()
    }
}

fn rows(cf: &CaseFile) -> i64 {
    cf.conn().query_row("SELECT count(*) FROM events", [], |r| r.get(0)).unwrap()
}

#[test]
fn quick_capture_takes_sensible_defaults() {
    let mut w = world(day(2026, 3, 10));
    let k = K::of(&w);
    let e = create(&mut w.cf, &EventInput { kind: "note".into(), summary: "Owen sounded angry".into(), source_person_id: Some(w.me.clone()), ..Default::default() }).unwrap();
    assert_eq!(e.occurred_precision, Precision::Exact);
    assert_eq!(e.occurred_at, "2026-03-10T12:00:00Z", "occurred now");
    assert_eq!(e.strength, Strength::FirstHand);
    assert_eq!(e.recorded_at, "2026-03-10T12:00:00Z");
    let month = create(&mut w.cf, &EventInput { occurred_at: "2026-01".into(), occurred_precision: "month".into(), strength: "second_hand".into(), ..call(&k, "Heard he complained") }).unwrap();
    assert_eq!((month.occurred_at.as_str(), month.strength), ("2026-01", Strength::SecondHand));
}

#[test]
fn bad_entries_are_refused_at_their_field() {
    let mut w = world(day(2026, 3, 10));
    let k = K::of(&w);
    let c = crate::complaints::create(
        &mut w.cf,
        &crate::complaints::ComplaintInput { account_id: w.other_account.clone(), received_at: "2026-03-01".into(), description: "x".into(), severity: "2".into(), ..Default::default() },
    )
    .unwrap();
    let before = rows(&w.cf);
    let good = call(&k, "Call with Owen");
    for (bad, field) in [
        (EventInput { kind: String::new(), ..good.clone() }, "kind"),
        (EventInput { kind: "telegram".into(), ..good.clone() }, "kind"),
        (EventInput { kind: "status_change".into(), ..good.clone() }, "kind"),
        (EventInput { kind: "account_transfer".into(), ..good.clone() }, "kind"),
        (EventInput { occurred_at: "last week".into(), ..good.clone() }, "occurred_at"),
        (EventInput { occurred_at: "2026-03-11 09:00".into(), ..good.clone() }, "occurred_at"),
        (EventInput { occurred_at: "2026-04".into(), occurred_precision: "month".into(), ..good.clone() }, "occurred_at"),
        (EventInput { occurred_precision: "roughly".into(), ..good.clone() }, "occurred_precision"),
        (EventInput { summary: "  ".into(), ..good.clone() }, "summary"),
        (EventInput { summary: "two\nlines".into(), ..good.clone() }, "summary"),
        (EventInput { source_person_id: None, source_text: String::new(), ..good.clone() }, "source_person_id"),
        (EventInput { source_person_id: Some("ghost".into()), ..good.clone() }, "source_person_id"),
        (EventInput { strength: "rumour".into(), ..good.clone() }, "strength"),
        (EventInput { account_id: Some("nope".into()), ..good.clone() }, "account_id"),
        (EventInput { complaint_id: Some(c.id.clone()), ..good.clone() }, "complaint_id"),
        (EventInput { promise_id: Some("nope".into()), ..good.clone() }, "promise_id"),
        (EventInput { actor_id: Some("nope".into()), ..good.clone() }, "actor_id"),
    ] {
        assert_eq!(create(&mut w.cf, &bad).unwrap_err().field(), Some(field));
    }
    assert_eq!(rows(&w.cf), before, "nothing was saved");
    let with_doc = create(&mut w.cf, &EventInput { source_person_id: None, source_text: "Site report of 3 March".into(), ..good.clone() }).unwrap();
    assert_eq!(with_doc.source_text, "Site report of 3 March");
    let via_complaint = create(&mut w.cf, &EventInput { account_id: None, complaint_id: Some(c.id.clone()), ..good }).unwrap();
    assert_eq!(via_complaint.account_id.as_deref(), Some(w.other_account.as_str()), "the complaint brings its customer");
}

#[test]
fn a_revision_supersedes_and_shows_what_changed() {
    let mut w = world(day(2026, 3, 10));
    let k = K::of(&w);
    let old = create(&mut w.cf, &call(&k, "Owen asked for a credit")).unwrap();
    w.clock.advance(chrono::Duration::hours(3));
    let revised_input = EventInput {
        occurred_at: "2026-03-03".into(),
        occurred_precision: "day".into(),
        summary: "Owen asked for a credit of €2,000".into(),
        disputed: true,
        actor_id: Some(w.boss.clone()),
        ..call(&k, "")
    };
    let new = revise(&mut w.cf, &old.id, &revised_input).unwrap();
    assert_eq!(new.supersedes_id.as_deref(), Some(old.id.as_str()));
    assert_eq!(new.recorded_at, "2026-03-10T15:00:00Z");
    let old_view = view(w.cf.conn(), get(w.cf.conn(), &old.id).unwrap()).unwrap();
    assert_eq!(old_view.superseded_by.as_deref(), Some(new.id.as_str()));
    assert_eq!(old_view.event.summary, "Owen asked for a credit", "the original is kept as it was");
    let new_view = view(w.cf.conn(), new.clone()).unwrap();
    let changed: Vec<(&str, &str, &str)> = new_view.changes.iter().map(|c| (c.field, c.before.as_str(), c.after.as_str())).collect();
    assert!(changed.contains(&("summary", "Owen asked for a credit", "Owen asked for a credit of €2,000")), "{changed:?}");
    assert!(changed.contains(&("occurred_precision", "Exact time", "Day")));
    assert!(changed.contains(&("disputed", "Not disputed", "Disputed")));
    assert!(changed.contains(&("actor_id", "—", "Rolf Brandt")));
    assert!(changed.iter().any(|c| c.0 == "occurred_at" && c.2 == "2026-03-03"));
    assert!(!changed.iter().any(|c| c.0 == "kind"), "unchanged fields are not listed");

    let err = revise(&mut w.cf, &old.id, &revised_input).unwrap_err();
    assert_eq!(err.kind(), "conflict");
    assert!(err.to_string().contains("already revised"), "{err}");
    assert_eq!(revise(&mut w.cf, &new.id, &revised_input).unwrap_err().field(), Some("summary"), "nothing changed");
    let third = revise(&mut w.cf, &new.id, &EventInput { disputed: false, ..revised_input }).unwrap();
    assert_eq!(crate::events::versions(w.cf.conn(), &third.id).unwrap(), vec![third.id.clone(), new.id.clone(), old.id.clone()]);
    assert_eq!(crate::events::newest(w.cf.conn(), &old.id).unwrap(), third.id);
    assert_eq!(rows(&w.cf), 3, "every version is kept");
    let chain_actions: Vec<String> = w.cf.conn().prepare("SELECT action FROM chain WHERE entity = 'events' ORDER BY seq").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(chain_actions, vec!["create", "supersede", "supersede"]);
    assert!(crate::chain::verify(w.cf.conn()).unwrap().ok);
}

#[test]
fn retraction_marks_with_a_reason_and_erases_nothing() {
    let mut w = world(day(2026, 3, 10));
    let k = K::of(&w);
    let e = create(&mut w.cf, &call(&k, "Logged against the wrong customer")).unwrap();
    assert_eq!(retract(&mut w.cf, &e.id, &RetractInput { reason: " ".into() }).unwrap_err().field(), Some("reason"));
    let r = retract(&mut w.cf, &e.id, &RetractInput { reason: "Wrong customer: this was Meridian".into() }).unwrap();
    assert_eq!(r.retracted_at.as_deref(), Some("2026-03-10T12:00:00Z"));
    assert_eq!(r.retraction_reason, "Wrong customer: this was Meridian");
    assert_eq!(r.summary, e.summary, "the text stays readable");
    assert_eq!(retract(&mut w.cf, &e.id, &RetractInput { reason: "again".into() }).unwrap_err().kind(), "conflict");
    assert_eq!(revise(&mut w.cf, &e.id, &call(&k, "changed")).unwrap_err().kind(), "conflict");
    let page = list(w.cf.conn(), &EventQuery { account_id: Some(w.account.clone()), ..Default::default() }).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(list(w.cf.conn(), &EventQuery { retracted: Some(false), ..Default::default() }).unwrap().total, 0);
    // Entries Casefile wrote itself are changed through their own record.
    let moved = crate::transfers::transfer(&mut w.cf, &w.account.clone(), &crate::transfers::TransferInput { to_person_id: w.boss.clone(), transferred_on: "2026-03-09".into(), reason: "x".into() }).unwrap();
    let transfer_event = recent_for_account(w.cf.conn(), &moved.account_id, 10).unwrap().into_iter().find(|e| e.kind == EventKind::AccountTransfer).unwrap();
    let err = retract(&mut w.cf, &transfer_event.id, &RetractInput { reason: "no".into() }).unwrap_err();
    assert!(err.to_string().contains("Casefile wrote this entry itself"), "{err}");
    assert!(crate::chain::verify(w.cf.conn()).unwrap().ok);
}

#[test]
fn the_list_filters_by_kind_dates_disputes_and_revisions() {
    let mut w = world(day(2026, 6, 30));
    let k = K::of(&w);
    let mut ids = Vec::new();
    for (i, (kind, at, precision, disputed)) in [
        ("call", "2026-01-05 10:00", "exact", false),
        ("meeting", "2026-02", "month", false),
        ("email", "2026-02-14", "day", true),
        ("note", "2026-03-01", "approximate", false),
        ("hostile_incident", "2026-04-02 16:30", "exact", true),
    ]
    .into_iter()
    .enumerate()
    {
        let e = create(&mut w.cf, &EventInput { kind: kind.into(), occurred_at: at.into(), occurred_precision: precision.into(), disputed, ..call(&k, &format!("entry {i}")) }).unwrap();
        ids.push(e.id);
    }
    revise(&mut w.cf, &ids[0], &EventInput { occurred_at: "2026-01-05 10:00".into(), ..call(&k, "entry 0, corrected") }).unwrap();
    let q = |q: EventQuery| list(w.cf.conn(), &EventQuery { account_id: Some(w.account.clone()), ..q }).unwrap();
    assert_eq!(q(EventQuery::default()).total, 6);
    assert_eq!(q(EventQuery { superseded: Some(false), ..Default::default() }).total, 5);
    assert_eq!(q(EventQuery { superseded: Some(true), ..Default::default() }).items[0].event.id, ids[0]);
    assert_eq!(q(EventQuery { disputed: Some(true), ..Default::default() }).total, 2);
    assert_eq!(q(EventQuery { kinds: vec!["call".into(), "email".into()], ..Default::default() }).total, 3);
    assert_eq!(q(EventQuery { from: Some("2026-02-01".into()), to: Some("2026-02-28".into()), ..Default::default() }).total, 2, "a month-precise entry counts from its first day");
    assert_eq!(q(EventQuery { search: Some("corrected".into()), ..Default::default() }).total, 1);
    let page = q(EventQuery { limit: Some(2), offset: Some(2), ..Default::default() });
    assert_eq!(page.items.len(), 2);
    assert_eq!(list(w.cf.conn(), &EventQuery { kinds: vec!["gossip".into()], ..Default::default() }).unwrap_err().field(), Some("kinds"));
    assert_eq!(list(w.cf.conn(), &EventQuery { from: Some("March".into()), ..Default::default() }).unwrap_err().field(), Some("from"));
}
