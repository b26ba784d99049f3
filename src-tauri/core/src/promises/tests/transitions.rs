//! Every lifecycle rule: what may follow what, on which days, and that each transition is a
//! timeline event linked to the promise and its customer.

use super::*;
use crate::model::{EventKind, PromiseStatus};
use crate::promises::lifecycle::*;

fn keep_on(d: &str) -> KeepInput {
    KeepInput { kept_on: d.into(), note: String::new() }
}

fn break_on(d: &str, reason: &str) -> BreakInput {
    BreakInput { broken_on: d.into(), reason: reason.into() }
}

#[test]
fn kept_on_or_before_the_due_date_is_on_time_and_after_it_is_late() {
    let mut w = world();
    let boss = w.boss.clone();
    let a = w.log(&boss, "A", "2026-03-01", "2026-03-10");
    let b = w.log(&boss, "B", "2026-03-01", "2026-03-10");
    let c = w.log(&boss, "C", "2026-03-01", "2026-03-10");
    let a = keep(&mut w.cf, &a.id, &keep_on("2026-03-10")).unwrap();
    assert_eq!((a.status, a.kept_on_time, a.days_late), (PromiseStatus::Kept, Some(true), 0));
    assert_eq!(a.closed_on.as_deref(), Some("2026-03-10"));
    let b = keep(&mut w.cf, &b.id, &keep_on("2026-03-13")).unwrap();
    assert_eq!((b.kept_on_time, b.days_late), (Some(false), 3));
    let c = keep(&mut w.cf, &c.id, &keep_on("2026-03-02")).unwrap();
    assert_eq!(c.kept_on_time, Some(true), "early is on time");
    assert!(!b.overdue, "a kept promise is never overdue");
    let events = w.events_for(&b.id);
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, EventKind::StatusChange);
    assert!(events[0].summary.contains("kept 3 days late"), "{}", events[0].summary);
    assert_eq!(events[0].occurred_at, "2026-03-13");
    assert_eq!(events[0].account_id.as_deref(), Some(w.account.as_str()));
    assert_eq!(events[0].actor_id.as_deref(), Some(boss.as_str()));
    w.chain_ok();
}

#[test]
fn a_promise_cannot_be_kept_before_it_was_made_or_on_a_day_still_to_come() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "A", "2026-03-05", "2026-03-10");
    let err = keep(&mut w.cf, &p.id, &keep_on("2026-03-04")).unwrap_err();
    assert_eq!(err.field(), Some("kept_on"));
    assert!(err.to_string().contains("cannot be kept before it was made"), "{err}");
    let err = keep(&mut w.cf, &p.id, &keep_on("2026-03-17")).unwrap_err();
    assert_eq!(err.field(), Some("kept_on"));
    assert!(err.to_string().contains("has not come yet"), "{err}");
    assert_eq!(keep(&mut w.cf, &p.id, &keep_on("next tuesday")).unwrap_err().field(), Some("kept_on"));
    assert_eq!(w.get(&p.id).status, PromiseStatus::Open, "nothing changed");
    assert!(w.events_for(&p.id).is_empty());
}

#[test]
fn a_broken_promise_becomes_kept_only_through_a_reopen() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "Credit", "2026-03-01", "2026-03-10");
    let broken = break_promise(&mut w.cf, &p.id, &break_on("2026-03-12", "Finance refused the credit")).unwrap();
    assert_eq!(broken.status, PromiseStatus::Broken);
    assert_eq!(broken.outcome_reason, "Finance refused the credit");
    let err = keep(&mut w.cf, &p.id, &keep_on("2026-03-14")).unwrap_err();
    assert_eq!(err.kind(), "conflict");
    assert!(err.to_string().contains("reopen it first"), "{err}");

    let err = reopen(&mut w.cf, &p.id, &ReopenInput { reason: " ".into() }).unwrap_err();
    assert_eq!(err.field(), Some("reason"));
    let reopened = reopen(&mut w.cf, &p.id, &ReopenInput { reason: "Finance approved it after all".into() }).unwrap();
    assert_eq!(reopened.status, PromiseStatus::Open);
    assert_eq!(reopened.closed_on, None);
    assert!(reopened.overdue, "reopened past its due date, it is overdue again");
    let kept = keep(&mut w.cf, &p.id, &keep_on("2026-03-14")).unwrap();
    assert_eq!(kept.kept_on_time, Some(false));

    let summaries: Vec<String> = w.events_for(&p.id).into_iter().map(|e| e.summary).collect();
    assert_eq!(summaries.len(), 3, "{summaries:?}");
    assert!(summaries[0].contains("broken"));
    assert!(summaries[1].contains("reopened (was broken)"));
    assert!(summaries[2].contains("kept"));
    let reopen_event = &w.events_for(&p.id)[1];
    assert!(reopen_event.details.contains("marked broken on 2026-03-12 (Finance refused the credit)"), "{}", reopen_event.details);
    w.chain_ok();
}

#[test]
fn closed_promises_refuse_every_other_ending() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "A", "2026-03-01", "2026-03-10");
    keep(&mut w.cf, &p.id, &keep_on("2026-03-09")).unwrap();
    let err = break_promise(&mut w.cf, &p.id, &break_on("", "late")).unwrap_err();
    assert!(err.to_string().contains("marked kept on 2026-03-09"), "{err}");
    assert_eq!(keep(&mut w.cf, &p.id, &keep_on("")).unwrap_err().kind(), "conflict");
    let by = w.me.clone();
    assert_eq!(withdraw(&mut w.cf, &p.id, &WithdrawInput { withdrawn_by_id: by, reason: "x".into(), ..Default::default() }).unwrap_err().kind(), "conflict");
    let err = renegotiate(&mut w.cf, &p.id, &RenegotiateInput { new_due_on: "2026-04-01".into(), ..Default::default() }).unwrap_err();
    assert!(err.to_string().contains("only an open promise can be renegotiated"), "{err}");
    let open = w.log(&boss, "B", "", "2026-04-01");
    assert!(reopen(&mut w.cf, &open.id, &ReopenInput { reason: "x".into() }).unwrap_err().to_string().contains("already open"));
}

#[test]
fn breaking_needs_a_reason_and_a_day_after_the_promise() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "A", "2026-03-05", "2026-03-10");
    assert_eq!(break_promise(&mut w.cf, &p.id, &break_on("", "")).unwrap_err().field(), Some("reason"));
    assert_eq!(break_promise(&mut w.cf, &p.id, &break_on("2026-03-01", "x")).unwrap_err().field(), Some("broken_on"));
    let b = break_promise(&mut w.cf, &p.id, &break_on("", "Never shipped")).unwrap();
    assert_eq!(b.closed_on.as_deref(), Some("2026-03-16"), "today when not said");
}

#[test]
fn withdrawing_records_who_and_why() {
    let mut w = world();
    let (boss, superior) = (w.boss.clone(), w.superior.clone());
    let p = w.log(&boss, "Feature X by summer", "2026-03-01", "2026-06-01");
    let base = WithdrawInput { withdrawn_by_id: superior.clone(), withdrawn_on: "2026-03-15".into(), reason: "Not on the roadmap".into() };
    assert_eq!(withdraw(&mut w.cf, &p.id, &WithdrawInput { withdrawn_by_id: "".into(), ..base.clone() }).unwrap_err().field(), Some("withdrawn_by_id"));
    assert_eq!(withdraw(&mut w.cf, &p.id, &WithdrawInput { withdrawn_by_id: "ghost".into(), ..base.clone() }).unwrap_err().field(), Some("withdrawn_by_id"));
    assert_eq!(withdraw(&mut w.cf, &p.id, &WithdrawInput { reason: "".into(), ..base.clone() }).unwrap_err().field(), Some("reason"));
    let done = withdraw(&mut w.cf, &p.id, &base).unwrap();
    assert_eq!(done.status, PromiseStatus::Withdrawn);
    assert_eq!(done.withdrawn_by_name.as_deref(), Some("Margaret Okafor"));
    let e = w.events_for(&p.id).pop().unwrap();
    assert!(e.summary.contains("withdrawn by Margaret Okafor"), "{}", e.summary);
    assert_eq!(e.details, "Not on the roadmap");
    assert_eq!(e.actor_id.as_deref(), Some(superior.as_str()));
}

#[test]
fn renegotiating_keeps_the_history_and_is_never_counted_as_broken() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "Expedited shipping", "2026-03-01", "2026-03-10");
    assert!(w.get(&p.id).overdue);
    let input = RenegotiateInput { new_due_on: "2026-03-27".into(), agreed_on: "2026-03-12".into(), agreed_with: "Greta Lindqvist".into(), reason: "Carrier strike".into() };
    let r = renegotiate(&mut w.cf, &p.id, &input).unwrap();
    assert_eq!(r.due_on, "2026-03-27");
    assert_eq!(r.original_due_on, "2026-03-10");
    assert_eq!(r.renegotiations, 1);
    assert_eq!(r.status, PromiseStatus::Open);
    assert!(!r.overdue, "the new date is still to come");
    let history = due_dates(w.cf.conn(), &p.id).unwrap();
    assert_eq!(history.iter().map(|d| d.due_on.as_str()).collect::<Vec<_>>(), vec!["2026-03-10", "2026-03-27"]);
    assert_eq!((history[1].agreed_with.as_str(), history[1].reason.as_str(), history[1].original), ("Greta Lindqvist", "Carrier strike", false));
    let e = w.events_for(&p.id).pop().unwrap();
    assert!(e.summary.contains("due 2026-03-27 instead of 2026-03-10"), "{}", e.summary);

    let same = RenegotiateInput { new_due_on: "2026-03-27".into(), ..Default::default() };
    assert_eq!(renegotiate(&mut w.cf, &p.id, &same).unwrap_err().field(), Some("new_due_on"));
    let before = RenegotiateInput { new_due_on: "2026-02-27".into(), ..Default::default() };
    assert!(renegotiate(&mut w.cf, &p.id, &before).unwrap_err().to_string().contains("before the promise was made"));

    let kept = keep(&mut w.cf, &p.id, &keep_on("2026-03-16")).unwrap();
    assert_eq!(kept.kept_on_time, Some(true), "judged against the renegotiated date");
    let rec = crate::promises::record::for_person(w.cf.conn(), &boss, w.cf.today()).unwrap();
    assert_eq!((rec.renegotiated, rec.broken, rec.kept_on_time), (1, 0, 1));
    w.chain_ok();
}

#[test]
fn disputed_is_a_mark_that_can_be_set_and_cleared() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "A", "2026-03-01", "2026-03-20");
    let d = set_disputed(&mut w.cf, &p.id, &DisputeInput { disputed: true, note: "Rolf denies saying it".into() }).unwrap();
    assert!(d.disputed);
    assert_eq!(set_disputed(&mut w.cf, &p.id, &DisputeInput { disputed: true, note: String::new() }).unwrap_err().kind(), "conflict");
    let d = set_disputed(&mut w.cf, &p.id, &DisputeInput { disputed: false, note: "Greta's e-mail settles it".into() }).unwrap();
    assert!(!d.disputed);
    let events = w.events_for(&p.id);
    assert_eq!(events.len(), 2);
    assert!(events[0].summary.contains("marked disputed"));
    assert!(events.iter().all(|e| e.promise_id.as_deref() == Some(p.id.as_str()) && e.account_id.as_deref() == Some(w.account.as_str())));
}

#[test]
fn a_missing_promise_is_not_found() {
    let mut w = world();
    assert_eq!(keep(&mut w.cf, "nope", &keep_on("")).unwrap_err().kind(), "not_found");
    assert_eq!(get(w.cf.conn(), "nope", w.cf.today()).unwrap_err().kind(), "not_found");
}
