use super::*;
use crate::promises::follow_ups::{FollowUpInput, ReplyInput};
use crate::promises::lifecycle::{self, RenegotiateInput};
use crate::promises::PromiseInput;
use crate::testing::day;
use crate::testing::evidence::{world, World};

fn promise(w: &mut World, what: &str, made: &str, due: &str) -> String {
    let input = PromiseInput { made_by_id: w.boss.clone(), account_id: w.account.clone(), made_at: made.into(), what: what.into(), due_on: due.into(), ..Default::default() };
    promises::create(&mut w.cf, &input).unwrap().promise.id
}

fn chase(w: &mut World, id: &str, days: &[&str]) -> Vec<String> {
    days.iter().map(|d| follow_ups::add(&mut w.cf, id, &FollowUpInput { sent_at: (*d).into(), ..Default::default() }).unwrap().id).collect()
}

fn keys(rs: &[Reminder]) -> Vec<(ReminderKind, String)> {
    rs.iter().map(|r| (r.kind, r.what.clone())).collect()
}

/// Today 20 March: one promise overdue and chased for a week, one due tomorrow, one chased
/// only two days ago, one due next month.
fn setup() -> (World, String, String) {
    let mut w = world(day(2026, 3, 20));
    let late = promise(&mut w, "Expedited shipping", "2026-03-01", "2026-03-10");
    chase(&mut w, &late, &["2026-03-12", "2026-03-14"]);
    let tomorrow = promise(&mut w, "Send the schedule", "2026-03-15", "2026-03-21");
    let recent = promise(&mut w, "Quarterly review", "2026-03-15", "2026-04-20");
    chase(&mut w, &recent, &["2026-03-18"]);
    promise(&mut w, "Annual audit", "2026-03-15", "2026-04-30");
    (w, late, tomorrow)
}

#[test]
fn reminders_cover_overdue_due_tomorrow_and_unanswered_follow_ups() {
    let (w, late, tomorrow) = setup();
    let rs = list(w.cf.conn(), day(2026, 3, 20)).unwrap();
    assert_eq!(
        keys(&rs),
        vec![
            (ReminderKind::Overdue, "Expedited shipping".to_string()),
            (ReminderKind::DueTomorrow, "Send the schedule".to_string()),
            (ReminderKind::Unanswered, "Expedited shipping".to_string()),
        ],
        "the two-day silence is below the five days in settings"
    );
    assert_eq!(rs[0].key, format!("overdue:{late}:2026-03-10"));
    assert_eq!(rs[0].title, "Overdue 10 days: Expedited shipping");
    assert_eq!(rs[0].body, "Rolf Brandt promised Kestrel Roofing Ltd by 2026-03-10.");
    assert_eq!(rs[1].key, format!("due_tomorrow:{tomorrow}:2026-03-21"));
    assert_eq!(rs[2].key, format!("unanswered:{late}:2026-03-12"));
    assert_eq!(rs[2].title, "No reply for 8 days: Expedited shipping");
    assert!(rs[2].body.starts_with("2 follow-ups, no reply for 8 days — Rolf Brandt’s promise to Kestrel Roofing Ltd."), "{}", rs[2].body);
}

#[test]
fn each_reminder_is_notified_once_and_again_after_a_snooze() {
    let (mut w, late, _) = setup();
    let first = take_notifications(&mut w.cf).unwrap();
    assert_eq!(first.len(), 3);
    assert!(first.iter().all(|r| r.notified_at.is_some()));
    let writes = w.cf.conn().total_changes();
    assert!(take_notifications(&mut w.cf).unwrap().is_empty(), "not on every check");
    assert_eq!(w.cf.conn().total_changes(), writes, "a check that finds nothing new writes nothing");

    let key = format!("overdue:{late}:2026-03-10");
    let snoozed = snooze(&mut w.cf, &key, "+2d").unwrap();
    assert_eq!((snoozed.snoozed_until.as_deref(), snoozed.notified_at.as_deref()), (Some("2026-03-22"), None));
    assert!(!snoozed.is_active(day(2026, 3, 20)));
    assert!(take_notifications(&mut w.cf).unwrap().is_empty(), "asleep");
    w.clock.advance(chrono::Duration::days(1));
    assert!(take_notifications(&mut w.cf).unwrap().iter().all(|r| r.key != key), "still asleep the next day");
    w.clock.advance(chrono::Duration::days(1));
    let woke = take_notifications(&mut w.cf).unwrap();
    assert!(woke.iter().any(|r| r.key == key), "it wakes on the day it was snoozed until: {:?}", keys(&woke));
    assert_eq!(state_of(w.cf.conn(), &key).unwrap().map(|s| s.snoozed_until), Some(None));
}

#[test]
fn dismissing_hides_a_reminder_until_the_promise_changes() {
    let (mut w, late, _) = setup();
    let key = format!("overdue:{late}:2026-03-10");
    dismiss(&mut w.cf, &key).unwrap();
    let rs = list(w.cf.conn(), day(2026, 3, 20)).unwrap();
    assert!(rs.iter().all(|r| r.key != key));
    // A renegotiated date is a new promise date; when it is missed too, that is a new reminder.
    lifecycle::renegotiate(&mut w.cf, &late, &RenegotiateInput { new_due_on: "2026-03-19".into(), agreed_with: "Greta".into(), reason: "Carrier strike".into(), ..Default::default() }).unwrap();
    let rs = list(w.cf.conn(), day(2026, 3, 20)).unwrap();
    assert!(rs.iter().any(|r| r.key == format!("overdue:{late}:2026-03-19")));
    take_notifications(&mut w.cf).unwrap();
    assert!(state_of(w.cf.conn(), &key).unwrap().is_none(), "the state of a reminder that no longer applies is dropped");
}

#[test]
fn a_reply_ends_the_unanswered_reminder() {
    let (mut w, late, _) = setup();
    let ids: Vec<String> = follow_ups::list_for_promise(w.cf.conn(), &late).unwrap().into_iter().map(|f| f.id).collect();
    follow_ups::record_reply(&mut w.cf, &ids[1], &ReplyInput { received_at: "2026-03-19".into(), summary: "On its way".into() }).unwrap();
    let rs = list(w.cf.conn(), day(2026, 3, 20)).unwrap();
    assert!(rs.iter().all(|r| r.kind != ReminderKind::Unanswered));
}

#[test]
fn bad_snoozes_and_unknown_reminders_are_refused() {
    let (mut w, late, _) = setup();
    let key = format!("overdue:{late}:2026-03-10");
    assert_eq!(snooze(&mut w.cf, &key, "2026-03-01").unwrap_err().field(), Some("until"));
    assert_eq!(snooze(&mut w.cf, &key, "someday").unwrap_err().field(), Some("until"));
    assert_eq!(snooze(&mut w.cf, &key, "2030-01-01").unwrap_err().field(), Some("until"));
    assert_eq!(snooze(&mut w.cf, "overdue:nope:2026-01-01", "tomorrow").unwrap_err().kind(), "not_found");
    assert_eq!(dismiss(&mut w.cf, "nope").unwrap_err().kind(), "not_found");
    assert_eq!(snooze(&mut w.cf, &key, "").unwrap().snoozed_until.as_deref(), Some("2026-03-21"), "blank means tomorrow");
}
