use super::*;
use crate::complaints::workflow::{self, TransitionInput};
use crate::complaints::ComplaintInput;
use crate::decisions::{DecisionInput, OptionInput};
use crate::events::{EventInput, RetractInput};
use crate::lost_revenue::LostInput;
use crate::promises::follow_ups::{self, FollowUpInput};
use crate::promises::lifecycle::{self, BreakInput};
use crate::promises::PromiseInput;
use crate::remedies::{RemedyInput, RemedyStatusInput};
use crate::talking_points::PointKind;
use crate::testing::day;
use crate::testing::evidence::{world, World};

fn promise(w: &mut World, by: &str, what: &str, made: &str, due: &str) -> String {
    let input = PromiseInput {
        made_by_id: by.into(),
        account_id: w.account.clone(),
        contact_id: Some(w.contact.clone()),
        made_at: made.into(),
        what: what.into(),
        due_on: due.into(),
        ..Default::default()
    };
    promises::create(&mut w.cf, &input).unwrap().promise.id
}

fn call(w: &mut World, at: &str, summary: &str, by: &str) -> String {
    let input = EventInput {
        kind: "call".into(),
        occurred_at: at.into(),
        summary: summary.into(),
        source_person_id: Some(by.into()),
        actor_id: Some(by.into()),
        account_id: Some(w.account.clone()),
        ..Default::default()
    };
    events::create(&mut w.cf, &input).unwrap().id
}

use crate::promises;

#[test]
fn a_customer_with_no_history_gets_a_sensible_empty_briefing() {
    let w = world(day(2026, 3, 20));
    let b = for_account(w.cf.conn(), day(2026, 3, 20), &w.other_account).unwrap();
    assert_eq!(b.account.name, "Кровля-Сервис ООО");
    assert_eq!(b.figures, Figures::default());
    assert!(b.communicator.is_none() && b.last_contact.is_none());
    assert!(b.promises.is_empty() && b.broken_promises.is_empty() && b.complaints.is_empty() && b.interactions.is_empty() && b.open_decisions.is_empty());
    assert!(b.compensation.remedies.is_empty() && b.compensation.totals.cost.0.is_empty() && b.lost.entries == 0);
    assert_eq!(b.contacts.len(), 1);
    let kinds: Vec<PointKind> = b.talking_points.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, vec![PointKind::OneVoice, PointKind::FirstConversation]);
    // It serialises whole, for the window, the CLI and the PDF alike.
    let v = serde_json::to_value(&b).unwrap();
    assert_eq!(v["figures"]["open_promises"], 0);
    assert_eq!(v["last_contact"], serde_json::Value::Null);
    assert!(text::render(&b).contains("Last contact: none on record"));
}

#[test]
fn an_unknown_customer_is_not_found() {
    let w = world(day(2026, 3, 20));
    assert_eq!(for_account(w.cf.conn(), day(2026, 3, 20), "nope").unwrap_err().kind(), "not_found");
}

#[test]
fn the_briefing_gathers_everything_the_call_needs() {
    let today = day(2026, 3, 20);
    let mut w = world(today);
    let (me, boss) = (w.me.clone(), w.boss.clone());
    // Promises: the boss's overdue one, chased three times without a reply; mine due soon;
    // one broken last month and one broken long ago.
    let shipping = promise(&mut w, &boss, "Expedited shipping of order #4471", "2026-02-20", "2026-03-10");
    for sent in ["2026-03-11", "2026-03-13", "2026-03-16"] {
        follow_ups::add(&mut w.cf, &shipping, &FollowUpInput { sent_at: sent.into(), sent_to: "Rolf Brandt".into(), ..Default::default() }).unwrap();
    }
    let mine = promise(&mut w, &me, "Send the revised schedule", "2026-03-18", "2026-03-23");
    let recent = promise(&mut w, &boss, "Credit note of €12,000", "2026-01-10", "2026-02-01");
    lifecycle::break_promise(&mut w.cf, &recent, &BreakInput { broken_on: "2026-02-20".into(), reason: "Finance never approved it.".into() }).unwrap();
    let old = promise(&mut w, &boss, "Old promise", "2025-05-01", "2025-06-01");
    lifecycle::break_promise(&mut w.cf, &old, &BreakInput { broken_on: "2025-06-10".into(), reason: "x".into() }).unwrap();

    // Complaints: one open with compensation given (one remedy declined), one resolved.
    let open = crate::complaints::create(&mut w.cf, &ComplaintInput { account_id: w.account.clone(), received_at: "2026-03-05".into(), description: "Seams lifting".into(), severity: "2".into(), ..Default::default() }).unwrap();
    let credit = crate::remedies::create(&mut w.cf, &RemedyInput { complaint_id: Some(open.id.clone()), kind: "credit".into(), cost: "800".into(), remedy_on: "2026-03-08".into(), ..Default::default() }).unwrap();
    crate::remedies::set_status(&mut w.cf, &credit.id, &RemedyStatusInput { status: "accepted".into(), ..Default::default() }).unwrap();
    let declined = crate::remedies::create(&mut w.cf, &RemedyInput { complaint_id: Some(open.id.clone()), kind: "refund".into(), cost: "5000".into(), remedy_on: "2026-03-09".into(), ..Default::default() }).unwrap();
    crate::remedies::set_status(&mut w.cf, &declined.id, &RemedyStatusInput { status: "declined".into(), ..Default::default() }).unwrap();
    let done = crate::complaints::create(&mut w.cf, &ComplaintInput { account_id: w.account.clone(), received_at: "2026-01-05".into(), description: "Late delivery".into(), severity: "3".into(), ..Default::default() }).unwrap();
    for (to, at) in [("acknowledged", "2026-01-06"), ("investigating", "2026-01-07"), ("resolved", "2026-01-20")] {
        workflow::transition(&mut w.cf, &done.id, &TransitionInput { to: to.into(), at: at.into(), ..Default::default() }).unwrap();
    }

    // Lost revenue: one entry stands, one is retracted and no longer counts.
    crate::lost_revenue::record(&mut w.cf, &LostInput { promise_id: Some(recent.clone()), amount: "48000".into(), certainty: "confirmed".into(), lost_on: "2026-02-25".into(), ..Default::default() }).unwrap();
    let wrong = crate::lost_revenue::record(&mut w.cf, &LostInput { promise_id: Some(recent.clone()), amount: "480000".into(), lost_on: "2026-02-25".into(), ..Default::default() }).unwrap();
    crate::lost_revenue::retract(&mut w.cf, &wrong.id, "One zero too many").unwrap();

    // Conversations: six calls, the newest retracted and one revised.
    for (i, at) in ["2026-03-01T09:00", "2026-03-02T09:00", "2026-03-03T09:00", "2026-03-04T09:00"].iter().enumerate() {
        call(&mut w, at, &format!("Call {}", i + 1), &me);
    }
    let wrong_call = call(&mut w, "2026-03-19T09:00", "Logged on the wrong customer", &me);
    events::retract(&mut w.cf, &wrong_call, &RetractInput { reason: "wrong customer".into() }).unwrap();
    let first = call(&mut w, "2026-03-17T09:00", "Talked to Owen about the seams", &boss);
    let revised = EventInput { kind: "call".into(), occurred_at: "2026-03-17T09:00".into(), summary: "Rolf talked to Owen about the seams".into(), source_person_id: Some(boss.clone()), actor_id: Some(boss.clone()), account_id: Some(w.account.clone()), ..Default::default() };
    events::revise(&mut w.cf, &first, &revised).unwrap();

    let hostile = EventInput { kind: "hostile_incident".into(), occurred_at: "2026-03-15T10:00".into(), summary: "Owen shouted at Priya about the seams".into(), source_person_id: Some(me.clone()), account_id: Some(w.account.clone()), ..Default::default() };
    let hostile = events::create(&mut w.cf, &hostile).unwrap().id;

    crate::decisions::create(&mut w.cf, &DecisionInput {
        title: "Escalate the shipping promise?".into(),
        options: vec![OptionInput { label: "Escalate".into(), risks: "Rolf is annoyed".into(), ..Default::default() }, OptionInput { label: "Wait".into(), risks: "Customer leaves".into(), ..Default::default() }],
        account_id: Some(w.account.clone()),
        ..Default::default()
    })
    .unwrap();

    let b = for_account(w.cf.conn(), today, &w.account).unwrap();
    let f = &b.figures;
    assert_eq!((f.open_promises, f.overdue_promises, f.due_soon), (2, 1, 1));
    assert_eq!((f.unanswered_follow_ups, f.longest_silence_days), (3, Some(9)));
    assert_eq!((f.broken_recently, f.open_complaints, f.oldest_open_complaint_days, f.open_decisions), (1, 1, Some(15), 1));
    assert_eq!(f.compensation.format(), "€800.00", "the declined refund was not given");
    assert_eq!(f.lost.format(), "€48,000.00", "the retracted entry does not count");

    assert_eq!(b.promises.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), vec![shipping.as_str(), mine.as_str()], "overdue first");
    assert_eq!(b.promises[0].made_by_name, "Rolf Brandt");
    assert_eq!(b.promises[0].chase.sentence, "3 follow-ups, no reply for 9 days");
    assert_eq!(b.broken_promises.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), vec![recent.as_str()]);
    assert_eq!(b.complaints.iter().map(|c| c.row.complaint.id.as_str()).collect::<Vec<_>>(), vec![open.id.as_str()]);
    assert_eq!(b.compensation.remedies.len(), 2, "the list shows the declined offer too");
    let communicator = b.communicator.as_ref().unwrap();
    assert_eq!((communicator.name.as_str(), communicator.is_me), ("Dana Whitfield", true));

    // The last five conversations: calls and promises made, newest first; the retracted call
    // and the replaced version are left out.
    let summaries: Vec<&str> = b.interactions.iter().map(|i| i.summary.as_str()).collect();
    assert_eq!(summaries, vec!["Promised: Send the revised schedule", "Rolf talked to Owen about the seams", "Owen shouted at Priya about the seams", "Call 4", "Call 3"]);
    let last = b.last_contact.as_ref().unwrap();
    assert_eq!((last.by.as_deref(), last.kind.as_str(), last.source, last.days_ago), (Some("Dana Whitfield"), "call", "promise", Some(2)));
    assert_eq!(b.interactions[1].by.as_deref(), Some("Rolf Brandt"));

    // The talking points: the broken and overdue promises acknowledged, Rolf's not ours to
    // give, mine renegotiated if need be, the compensation already given warned about.
    let kinds: Vec<(PointKind, Option<&str>)> = b.talking_points.iter().map(|p| (p.kind, p.about.as_ref().map(|a| a.id.as_str()))).collect();
    for expected in [
        (PointKind::AcknowledgeBroken, Some(recent.as_str())),
        (PointKind::AcknowledgeOverdue, Some(shipping.as_str())),
        (PointKind::NotYoursToGive, Some(shipping.as_str())),
        (PointKind::Renegotiate, Some(mine.as_str())),
        (PointKind::CompensationGiven, Some(open.id.as_str())),
        (PointKind::AcknowledgeComplaint, Some(open.id.as_str())),
        (PointKind::StayFactual, Some(hostile.as_str())),
    ] {
        assert!(kinds.contains(&expected), "{expected:?} missing from {kinds:?}");
    }
    assert!(!kinds.iter().any(|(_, id)| *id == Some(old.as_str())), "a promise broken long ago is history");

    let printed = text::render(&b);
    for needle in ["BRIEFING: Kestrel Roofing Ltd", "Single communicator: Dana Whitfield (you)", "[OVERDUE 10 d] Expedited shipping of order #4471 — made by Rolf Brandt", "3 follow-ups, no reply for 9 days", "Total: €800.00", "Revenue lost: €48,000.00", "Escalate the shipping promise?"] {
        assert!(printed.contains(needle), "{needle} missing from\n{printed}");
    }
}

#[test]
fn the_demo_briefing_for_nordlicht_leads_with_rolfs_overdue_shipping() {
    let as_of = day(2026, 11, 20);
    let clock = std::sync::Arc::new(crate::clock::FixedClock::on(as_of));
    let mut cf = crate::CaseFile::open_in_memory_with(clock.clone()).unwrap();
    crate::demo::populate(&mut cf, &clock, as_of, &crate::demo::DemoOptions { as_of: Some(as_of), ..Default::default() }).unwrap();
    let nordlicht = crate::accounts::find_by_name(cf.conn(), "Nordlicht Logistik GmbH").unwrap().remove(0);
    let b = for_account(cf.conn(), as_of, &nordlicht.id).unwrap();
    let overdue = b.promises.iter().find(|p| p.overdue).expect("an overdue promise");
    assert!(overdue.what.starts_with("Expedited 48-hour shipping"));
    assert_eq!(overdue.made_by_name, "Rolf Brandt");
    let first = &b.talking_points[0];
    assert_eq!(first.kind, PointKind::AcknowledgeBroken, "{:?}", b.talking_points);
    assert!(b.talking_points.iter().any(|p| p.kind == PointKind::AcknowledgeOverdue && p.sentence.contains("Rolf Brandt promised “Expedited 48-hour shipping")));
    assert!(b.talking_points.iter().any(|p| p.kind == PointKind::NotYoursToGive && p.about.as_ref().is_some_and(|a| a.id == overdue.id)));
    assert_eq!(b.figures.lost.format(), "€168,000.00");
    assert!(b.last_contact.is_some());
}

#[test]
fn the_briefing_reads_pages_of_promises_and_complaints_in_a_fixed_number_of_statements() {
    use crate::root_causes::{self, RootCauseInput};
    use crate::testing::plans::ran;
    let mut w = world(day(2026, 3, 20));
    let me = w.me.clone();
    let supplier = root_causes::create(&mut w.cf, &RootCauseInput { name: "Membratex".into(), ..Default::default() }).unwrap();
    let seam = root_causes::create(&mut w.cf, &RootCauseInput { name: "membrane seam".into(), parent_id: Some(supplier.id.clone()), ..Default::default() }).unwrap();
    let add = |w: &mut World, n: usize| {
        for i in 0..n {
            let p = promise(w, &me, &format!("Promise {i}"), "2026-03-01", "2026-04-01");
            follow_ups::add(&mut w.cf, &p, &FollowUpInput { sent_at: "2026-03-02".into(), sent_to: "Rolf Brandt".into(), ..Default::default() }).unwrap();
            let input = ComplaintInput { account_id: w.account.clone(), received_at: "2026-03-05".into(), description: format!("Leak {i}"), severity: "2".into(), root_cause_id: Some(seam.id.clone()), ..Default::default() };
            let c = crate::complaints::create(&mut w.cf, &input).unwrap();
            crate::remedies::create(&mut w.cf, &RemedyInput { complaint_id: Some(c.id), kind: "credit".into(), cost: "100".into(), remedy_on: "2026-03-08".into(), ..Default::default() }).unwrap();
        }
    };
    let statements = |w: &World| {
        let (b, queries) = ran(w.cf.conn(), || for_account(w.cf.conn(), day(2026, 3, 20), &w.account).unwrap());
        (b.complaints.len(), queries.iter().map(|q| q.runs).sum::<u32>())
    };
    add(&mut w, 3);
    let (few, with_few) = statements(&w);
    add(&mut w, 12);
    let (many, with_many) = statements(&w);
    assert_eq!((few, many), (3, 15));
    assert_eq!(with_few, with_many, "statements grew with the number of open promises and complaints");
    // The batched lookups still give each complaint its own cost and path.
    let b = for_account(w.cf.conn(), day(2026, 3, 20), &w.account).unwrap();
    assert!(b.complaints.iter().all(|c| c.row.complaint.root_cause_path.as_deref() == Some("Membratex > membrane seam")));
    assert!(b.complaints.iter().all(|c| c.row.remedy_cost.0.iter().map(|m| m.minor).sum::<i64>() == 10_000), "{:?}", b.complaints[0].row.remedy_cost);
}
