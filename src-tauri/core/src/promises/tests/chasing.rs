//! Confirmations, follow-ups and replies, and "N follow-ups, no reply for D days".

use super::*;
use crate::model::{EventKind, FollowUpKind};
use crate::promises::follow_ups::*;

fn msg(kind: FollowUpKind, sent: NaiveDate, reply: Option<NaiveDate>) -> Message {
    Message { kind, sent_on: sent, reply_on: reply }
}

const C: FollowUpKind = FollowUpKind::Confirmation;
const F: FollowUpKind = FollowUpKind::FollowUp;

#[test]
fn the_chase_sentence_counts_follow_ups_and_days_since_the_silence_began() {
    let today = day(2026, 3, 16);
    let none = chase_of(&[], today);
    assert_eq!((none.sentence.as_str(), none.days_without_reply), ("No confirmation or follow-up sent", None));

    let confirmation_only = chase_of(&[msg(C, day(2026, 3, 11), None)], today);
    assert_eq!(confirmation_only.sentence, "Confirmation sent, no reply for 5 days");
    assert_eq!(confirmation_only.unanswered_follow_ups, 0);

    let situation_one = [msg(C, day(2026, 3, 4), None), msg(F, day(2026, 3, 7), None), msg(F, day(2026, 3, 10), None), msg(F, day(2026, 3, 13), None)];
    let c = chase_of(&situation_one, today);
    assert_eq!(c.sentence, "3 follow-ups, no reply for 12 days");
    assert_eq!((c.confirmations, c.follow_ups, c.unanswered_follow_ups), (1, 3, 3));
    assert_eq!((c.awaiting_since.as_deref(), c.days_without_reply), (Some("2026-03-04"), Some(12)));

    assert_eq!(chase_of(&[msg(F, day(2026, 3, 15), None)], today).sentence, "1 follow-up, no reply for 1 day");
    assert_eq!(chase_of(&[msg(F, today, None)], today).sentence, "1 follow-up, no reply yet");
}

#[test]
fn a_reply_answers_everything_sent_before_it() {
    let today = day(2026, 3, 16);
    let answered = [msg(C, day(2026, 3, 1), None), msg(F, day(2026, 3, 5), Some(day(2026, 3, 6)))];
    let c = chase_of(&answered, today);
    assert_eq!(c.sentence, "1 follow-up, replied 2026-03-06");
    assert_eq!((c.unanswered_follow_ups, c.days_without_reply, c.last_reply_on.as_deref()), (0, None, Some("2026-03-06")));

    let silence_again = [msg(C, day(2026, 3, 1), Some(day(2026, 3, 2))), msg(F, day(2026, 3, 9), None), msg(F, day(2026, 3, 12), None)];
    let c = chase_of(&silence_again, today);
    assert_eq!(c.sentence, "2 follow-ups, no reply for 7 days");
    assert_eq!(chase_of(&[msg(C, day(2026, 3, 1), Some(day(2026, 3, 3)))], today).sentence, "Confirmation answered 2026-03-03");
}

#[test]
fn days_without_a_reply_grow_with_the_clock() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "Credit", "2026-03-02", "2026-03-20");
    add(&mut w.cf, &p.id, &FollowUpInput { kind: "confirmation".into(), sent_at: "2026-03-04".into(), ..Default::default() }).unwrap();
    for d in ["2026-03-07", "2026-03-10", "2026-03-13"] {
        add(&mut w.cf, &p.id, &FollowUpInput { sent_at: d.into(), sent_to: "Rolf Brandt".into(), ..Default::default() }).unwrap();
    }
    assert_eq!(w.get(&p.id).chase.sentence, "3 follow-ups, no reply for 12 days");
    w.clock.advance(chrono::Duration::days(5));
    assert_eq!(w.get(&p.id).chase.sentence, "3 follow-ups, no reply for 17 days");
}

#[test]
fn a_confirmation_puts_the_promise_in_writing_from_the_day_it_was_sent() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "Credit", "2026-03-02", "2026-03-20");
    assert!(!p.in_writing);
    add(&mut w.cf, &p.id, &FollowUpInput { kind: "follow_up".into(), sent_at: "2026-03-03".into(), ..Default::default() }).unwrap();
    assert!(!w.get(&p.id).in_writing, "a follow-up is not a confirmation");
    let c = add(&mut w.cf, &p.id, &FollowUpInput {
        kind: "confirmation".into(),
        sent_at: "2026-03-09".into(),
        sent_to: "Greta Lindqvist <g.lindqvist@nordlicht.example>".into(),
        cc: "Rolf Brandt <rolf@aquila.example>".into(),
        body: "Dear Greta,\n…".into(),
        ..Default::default()
    })
    .unwrap();
    assert_eq!((c.kind, c.cc.as_str()), (FollowUpKind::Confirmation, "Rolf Brandt <rolf@aquila.example>"));
    let q = w.get(&p.id);
    assert_eq!((q.in_writing, q.in_writing_since.as_deref()), (true, Some("2026-03-09")));
    add(&mut w.cf, &p.id, &FollowUpInput { kind: "confirmation".into(), sent_at: "2026-03-05".into(), ..Default::default() }).unwrap();
    assert_eq!(w.get(&p.id).in_writing_since.as_deref(), Some("2026-03-05"), "the earliest confirmation counts");
    add(&mut w.cf, &p.id, &FollowUpInput { kind: "confirmation".into(), sent_at: "2026-03-12".into(), ..Default::default() }).unwrap();
    assert_eq!(w.get(&p.id).in_writing_since.as_deref(), Some("2026-03-05"));

    let events = w.events_for(&p.id);
    assert_eq!(events.len(), 4);
    assert!(events.iter().all(|e| e.kind == EventKind::FollowUp && e.account_id.as_deref() == Some(w.account.as_str())));
    assert!(events[1].summary.starts_with("Written confirmation sent to Greta Lindqvist: Credit"), "addresses stay off the timeline: {}", events[1].summary);
    assert_eq!(events[1].occurred_at, "2026-03-09");
    w.chain_ok();
}

#[test]
fn messages_are_dated_between_the_promise_and_today() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "Credit", "2026-03-05", "2026-03-20");
    let at = |d: &str| FollowUpInput { sent_at: d.into(), ..Default::default() };
    assert!(add(&mut w.cf, &p.id, &at("2026-03-04")).unwrap_err().to_string().contains("before the promise was made"));
    assert_eq!(add(&mut w.cf, &p.id, &at("2026-03-17")).unwrap_err().field(), Some("sent_at"));
    assert_eq!(add(&mut w.cf, &p.id, &at("last week")).unwrap_err().field(), Some("sent_at"));
    assert_eq!(add(&mut w.cf, &p.id, &FollowUpInput { kind: "letter".into(), ..Default::default() }).unwrap_err().field(), Some("kind"));
    assert_eq!(add(&mut w.cf, &p.id, &FollowUpInput { channel: "fax".into(), ..Default::default() }).unwrap_err().field(), Some("channel"));
    assert_eq!(add(&mut w.cf, "nope", &at("")).unwrap_err().kind(), "not_found");
    let f = add(&mut w.cf, &p.id, &at("2026-03-16 09:30")).unwrap();
    assert!(f.sent_at.ends_with('Z'), "a time makes it exact: {}", f.sent_at);
    assert_eq!(list_for_promise(w.cf.conn(), &p.id).unwrap().len(), 1);
}

#[test]
fn replies_are_recorded_once_and_not_before_the_message() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "Credit", "2026-03-02", "2026-03-20");
    let f = add(&mut w.cf, &p.id, &FollowUpInput { sent_at: "2026-03-10".into(), ..Default::default() }).unwrap();
    let early = ReplyInput { received_at: "2026-03-09".into(), summary: String::new() };
    assert_eq!(record_reply(&mut w.cf, &f.id, &early).unwrap_err().field(), Some("received_at"));
    let r = record_reply(&mut w.cf, &f.id, &ReplyInput { received_at: "2026-03-12".into(), summary: "Rolf: \"working on it\"".into() }).unwrap();
    assert_eq!(r.reply_received_at.as_deref(), Some("2026-03-12"));
    assert_eq!(record_reply(&mut w.cf, &f.id, &ReplyInput::default()).unwrap_err().kind(), "conflict");
    assert_eq!(w.get(&p.id).chase.sentence, "1 follow-up, replied 2026-03-12");
    assert!(w.events_for(&p.id).last().unwrap().summary.starts_with("Reply received"));
}

#[test]
fn a_retracted_message_stays_but_no_longer_counts() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "Credit", "2026-03-02", "2026-03-20");
    let c = add(&mut w.cf, &p.id, &FollowUpInput { kind: "confirmation".into(), sent_at: "2026-03-04".into(), ..Default::default() }).unwrap();
    let f = add(&mut w.cf, &p.id, &FollowUpInput { sent_at: "2026-03-06".into(), ..Default::default() }).unwrap();
    assert_eq!(retract(&mut w.cf, &f.id, " ").unwrap_err().field(), Some("reason"));
    retract(&mut w.cf, &f.id, "Logged on the wrong promise").unwrap();
    assert_eq!(retract(&mut w.cf, &f.id, "again").unwrap_err().kind(), "conflict");
    assert_eq!(record_reply(&mut w.cf, &f.id, &ReplyInput::default()).unwrap_err().kind(), "conflict");
    let q = w.get(&p.id);
    assert_eq!(q.chase.sentence, "Confirmation sent, no reply for 12 days");
    retract(&mut w.cf, &c.id, "Never actually sent").unwrap();
    let q = w.get(&p.id);
    assert!(!q.in_writing, "made on a call, with its only confirmation retracted, it is not in writing");
    assert_eq!(q.chase.sentence, "No confirmation or follow-up sent");
    let all = list_for_promise(w.cf.conn(), &p.id).unwrap();
    assert_eq!(all.len(), 2, "nothing is erased");
    assert!(all.iter().all(|f| f.retracted_at.is_some()));
    w.chain_ok();
}

#[test]
fn the_silence_stops_growing_when_the_promise_is_closed() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "Credit", "2026-03-02", "2026-03-05");
    add(&mut w.cf, &p.id, &FollowUpInput { kind: "confirmation".into(), sent_at: "2026-03-03".into(), ..Default::default() }).unwrap();
    add(&mut w.cf, &p.id, &FollowUpInput { sent_at: "2026-03-06".into(), ..Default::default() }).unwrap();
    let broken = crate::promises::lifecycle::break_promise(
        &mut w.cf,
        &p.id,
        &crate::promises::lifecycle::BreakInput { broken_on: "2026-03-10".into(), reason: "Never delivered".into() },
    )
    .unwrap();
    assert_eq!(broken.chase.sentence, "1 follow-up, no reply for 7 days");
    w.clock.advance(chrono::Duration::days(30));
    assert_eq!(w.get(&p.id).chase.days_without_reply, Some(7), "counted to the day it was broken");
}
