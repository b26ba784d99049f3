//! One test per rule, on hand-made facts, so each practice is pinned down exactly.

use super::*;
use crate::briefing::{Communicator, OpenComplaint};
use crate::complaints::{Complaint, ComplaintRow};
use crate::model::{Channel, ComplaintChannel, ComplaintStatus, EventKind, Precision, PromiseStatus, RemedyKind, RemedyStatus, Strength};
use crate::money::Totals;
use crate::money::Money;
use crate::promises::Chase;
use crate::testing::day;

const ME: &str = "me";
const ROLF: &str = "rolf";

fn today() -> NaiveDate {
    day(2026, 3, 20)
}

fn account() -> Account {
    Account {
        id: "acc".into(),
        name: "Nordlicht Logistik GmbH".into(),
        segment: String::new(),
        annual_value: None,
        communicator_id: None,
        communicator_name: None,
        notes: String::new(),
        created_at: String::new(),
        updated_at: String::new(),
    }
}

fn promise(id: &str, by: &str, what: &str, due: &str) -> Promise {
    let due_day = when::parse_date("due", due).unwrap();
    let overdue = due_day < today();
    Promise {
        id: id.into(),
        made_by_id: by.into(),
        made_by_name: if by == ME { "Dana Whitfield".into() } else { "Rolf Brandt".into() },
        account_id: "acc".into(),
        account_name: "Nordlicht Logistik GmbH".into(),
        contact_id: None,
        contact_name: None,
        made_at: "2026-02-01".into(),
        made_at_precision: Precision::Day,
        channel: Channel::Call,
        in_writing: true,
        in_writing_since: Some("2026-02-01".into()),
        what: what.into(),
        due_on: due.into(),
        original_due_on: due.into(),
        resources: "x".into(),
        success_criteria: "y".into(),
        value: None,
        status: PromiseStatus::Open,
        closed_on: None,
        outcome_reason: String::new(),
        withdrawn_by_id: None,
        withdrawn_by_name: None,
        disputed: false,
        recorded_at: String::new(),
        updated_at: String::new(),
        overdue,
        days_overdue: if overdue { when::days_between(due_day, today()) } else { 0 },
        kept_on_time: None,
        days_late: 0,
        renegotiations: 0,
        missing: Vec::new(),
        chase: Chase::default(),
    }
}

fn broken(id: &str, by: &str, what: &str, due: &str, on: &str) -> Promise {
    Promise { status: PromiseStatus::Broken, closed_on: Some(on.into()), overdue: false, days_overdue: 0, ..promise(id, by, what, due) }
}

fn complaint(id: &str, reference: &str, severity: u8, age_days: i64, response_overdue: bool) -> OpenComplaint {
    OpenComplaint {
        row: ComplaintRow {
            complaint: Complaint {
                id: id.into(),
                reference: reference.into(),
                account_id: "acc".into(),
                account_name: "Nordlicht Logistik GmbH".into(),
                complainant_contact_id: None,
                complainant_name: None,
                received_at: "2026-03-01".into(),
                channel: ComplaintChannel::Email,
                description: "Seams lifting".into(),
                product: String::new(),
                component: String::new(),
                lot: String::new(),
                severity,
                category: String::new(),
                root_cause_id: None,
                root_cause_path: None,
                remedy_sought: String::new(),
                response_due_on: Some("2026-03-03".into()),
                status: ComplaintStatus::Investigating,
                customer_satisfied: None,
                recorded_at: String::new(),
                updated_at: String::new(),
            },
            response_overdue,
            remedy_cost: Totals::default(),
        },
        age_days,
    }
}

fn remedy(complaint: Option<&str>, promise: Option<&str>, minor: i64, status: RemedyStatus) -> Remedy {
    Remedy {
        id: format!("r{minor}"),
        account_id: "acc".into(),
        account_name: "Nordlicht Logistik GmbH".into(),
        complaint_id: complaint.map(String::from),
        complaint_reference: complaint.map(|_| "C-2026-0007".to_string()),
        promise_id: promise.map(String::from),
        kind: RemedyKind::Credit,
        description: String::new(),
        cost: Money { minor, currency: "EUR".into() },
        status,
        approved_by_id: None,
        approved_by_name: None,
        remedy_on: "2026-03-05".into(),
        recorded_at: String::new(),
        updated_at: String::new(),
    }
}

struct World {
    account: Account,
    communicator: Option<Communicator>,
    open: Vec<Promise>,
    broken: Vec<Promise>,
    complaints: Vec<OpenComplaint>,
    remedies: Vec<Remedy>,
    hostile: Option<Event>,
    me: Option<&'static str>,
    history: bool,
}

impl World {
    fn new() -> World {
        World { account: account(), communicator: None, open: vec![], broken: vec![], complaints: vec![], remedies: vec![], hostile: None, me: Some(ME), history: true }
    }

    fn points(&self) -> Vec<TalkingPoint> {
        generate(&Facts {
            today: today(),
            me_id: self.me,
            unanswered_after_days: 5,
            account: &self.account,
            communicator: self.communicator.as_ref(),
            open_promises: &self.open,
            broken_promises: &self.broken,
            complaints: &self.complaints,
            remedies: &self.remedies,
            hostile: self.hostile.as_ref(),
            has_history: self.history,
        })
    }

    fn of(&self, kind: PointKind) -> Vec<TalkingPoint> {
        self.points().into_iter().filter(|p| p.kind == kind).collect()
    }
}

#[test]
fn a_broken_promise_is_acknowledged_specifically_with_a_next_date_we_control() {
    let mut w = World::new();
    w.broken.push(broken("p1", ROLF, "Credit note of €12,000 against INV-2291", "2026-01-19", "2026-02-08"));
    let p = &w.of(PointKind::AcknowledgeBroken)[0];
    assert_eq!((p.priority, p.stance), (Priority::High, Stance::Say));
    assert!(p.sentence.contains("Rolf Brandt promised “Credit note of €12,000 against INV-2291” by 19 Jan 2026"), "{}", p.sentence);
    assert!(p.sentence.contains("it was not delivered"), "{}", p.sentence);
    assert!(p.sentence.contains("date you control"), "{}", p.sentence);
    assert_eq!(p.about.as_ref().map(|a| (a.kind, a.id.as_str())), Some(("promise", "p1")));

    // The user's own broken promise: "you promised", and a date they can keep themselves.
    let mut w = World::new();
    w.broken.push(broken("p2", ME, "Weekly updates", "2026-02-01", "2026-02-10"));
    let p = &w.of(PointKind::AcknowledgeBroken)[0];
    assert!(p.sentence.starts_with("Say it specifically: you promised “Weekly updates” by 1 Feb 2026"), "{}", p.sentence);
    assert!(p.sentence.contains("a date you can keep yourself"));
}

#[test]
fn an_overdue_promise_is_acknowledged_with_how_late_it_is() {
    let mut w = World::new();
    w.open.push(promise("p1", ROLF, "Expedited 48-hour shipping for order #4471", "2026-03-03"));
    w.open.push(promise("p2", ROLF, "Something not yet due", "2026-04-30"));
    let points = w.of(PointKind::AcknowledgeOverdue);
    assert_eq!(points.len(), 1);
    let p = &points[0];
    assert_eq!(p.priority, Priority::High);
    assert!(p.sentence.contains("“Expedited 48-hour shipping for order #4471” by 3 Mar 2026, 17 days ago, and it has not been delivered"), "{}", p.sentence);
    assert!(p.sentence.contains("next date you control"), "{}", p.sentence);
    // High-priority acknowledgements come before anything else.
    assert_eq!(w.points()[0].priority, Priority::High);
}

#[test]
fn a_promise_by_someone_else_is_not_ours_to_give() {
    let mut w = World::new();
    let mut p = promise("p1", ROLF, "10% volume discount from January", "2026-05-01");
    p.chase = Chase { follow_ups: 3, unanswered_follow_ups: 3, days_without_reply: Some(12), sentence: "3 follow-ups, no reply for 12 days".into(), ..Default::default() };
    w.open.push(p);
    w.open.push(promise("p2", ME, "My own report", "2026-05-01"));
    let points = w.of(PointKind::NotYoursToGive);
    assert_eq!(points.len(), 1, "only the promise by someone else");
    let t = &points[0];
    assert_eq!((t.stance, t.priority), (Stance::Avoid, Priority::High), "silent for longer than the setting");
    assert!(t.sentence.contains("Rolf Brandt’s promise “10% volume discount from January” (due 1 May 2026) is still open (3 follow-ups, no reply for 12 days)"), "{}", t.sentence);
    assert!(t.sentence.contains("Don’t confirm it or give a date on Rolf’s behalf"), "{}", t.sentence);

    // A promise by someone else that is on track and answered: a warning, less pressing.
    let mut w = World::new();
    w.open.push(promise("p3", ROLF, "Quarterly review", "2026-05-01"));
    assert_eq!(w.of(PointKind::NotYoursToGive)[0].priority, Priority::Medium);

    // Without knowing who "me" is, nobody can be told apart: no point rather than a wrong one.
    let mut w = World::new();
    w.me = None;
    w.open.push(promise("p4", ROLF, "Quarterly review", "2026-05-01"));
    assert!(w.of(PointKind::NotYoursToGive).is_empty());
}

#[test]
fn a_promise_due_soon_is_renegotiated_rather_than_missed() {
    let mut w = World::new();
    w.open.push(promise("tomorrow", ME, "Send Fiona Membratex's answer", "2026-03-21"));
    w.open.push(promise("five", ROLF, "Revised delivery schedule", "2026-03-25"));
    w.open.push(promise("later", ME, "Annual review", "2026-04-30"));
    let points = w.of(PointKind::Renegotiate);
    assert_eq!(points.iter().map(|p| p.about.as_ref().unwrap().id.as_str()).collect::<Vec<_>>(), vec!["tomorrow", "five"]);
    assert_eq!(points[0].priority, Priority::High);
    assert!(points[0].sentence.contains("is due tomorrow (21 Mar 2026). If it will not be ready, say so on this call"), "{}", points[0].sentence);
    assert!(points[0].sentence.contains("not a silently missed one"));
    assert_eq!(points[1].priority, Priority::Medium);
    assert!(points[1].sentence.contains("due in 5 days (25 Mar 2026). Check with Rolf before the call"), "{}", points[1].sentence);
}

#[test]
fn expectations_are_confirmed_for_vague_or_unwritten_commitments_and_every_call_closes_on_them() {
    let mut w = World::new();
    let mut vague = promise("vague", ME, "Improve the service", "2026-05-01");
    vague.missing = vec!["success_criteria"];
    let mut verbal = promise("verbal", ROLF, "Price freeze", "2026-06-01");
    verbal.in_writing = false;
    w.open.extend([vague, verbal, promise("clear", ME, "Clear and written", "2026-05-01")]);
    let points = w.of(PointKind::ConfirmExpectations);
    let about: Vec<Option<&str>> = points.iter().map(|p| p.about.as_ref().map(|a| a.id.as_str())).collect();
    assert_eq!(about, vec![Some("verbal"), Some("vague"), None], "unwritten first, then vague, then the closing point");
    assert!(points[0].sentence.contains("then confirm it in writing, as it is not in writing yet"), "{}", points[0].sentence);
    assert_eq!(points[0].priority, Priority::Medium);
    assert!(points[1].sentence.contains("what exactly will count as done (nothing is recorded yet), that it is due by 1 May 2026, and how you will follow up"), "{}", points[1].sentence);
    assert!(points[2].sentence.contains("what exactly, by when, who does it, and how you will follow up"));
}

#[test]
fn compensation_already_given_for_the_same_complaint_is_warned_about() {
    let mut w = World::new();
    w.complaints.push(complaint("c1", "C-2026-0007", 3, 10, false));
    w.complaints.push(complaint("c2", "C-2026-0009", 3, 4, false));
    w.remedies.push(remedy(Some("c1"), None, 80_000, RemedyStatus::Delivered));
    w.remedies.push(remedy(Some("c1"), None, 20_000, RemedyStatus::Offered));
    w.remedies.push(remedy(Some("c1"), None, 99_900, RemedyStatus::Declined));
    let points = w.of(PointKind::CompensationGiven);
    assert_eq!(points.len(), 1, "only the complaint that had compensation");
    let p = &points[0];
    assert_eq!((p.priority, p.stance), (Priority::High, Stance::Avoid));
    assert!(p.sentence.starts_with("C-2026-0007 has already had compensation: credit of €800.00 (delivered, 5 Mar 2026); credit of €200.00 (offered, 5 Mar 2026) — €1,000.00 in all"), "{}", p.sentence);
    assert!(!p.sentence.contains("999"), "a declined offer was not given");

    // Many complaints with compensation are gathered into one warning.
    let mut w = World::new();
    for i in 1..=4 {
        let id = format!("c{i}");
        w.complaints.push(complaint(&id, &format!("C-{i}"), 3, 10, false));
        w.remedies.push(remedy(Some(&id), None, 10_000 * i, RemedyStatus::Delivered));
    }
    let points = w.of(PointKind::CompensationGiven);
    assert_eq!(points.len(), 1);
    assert!(points[0].sentence.starts_with("4 open complaints have already had compensation: C-1 (€100.00), C-2 (€200.00), C-3 (€300.00), C-4 (€400.00) — €1,000.00 in all."), "{}", points[0].sentence);

    // Service recovery for a broken promise counts too.
    let mut w = World::new();
    w.broken.push(broken("p1", ROLF, "Credit note", "2026-01-19", "2026-02-08"));
    w.remedies.push(remedy(None, Some("p1"), 50_000, RemedyStatus::Accepted));
    let p = &w.of(PointKind::CompensationGiven)[0];
    assert!(p.sentence.contains("“Credit note” has already been made up for: credit of €500.00 (accepted"), "{}", p.sentence);
}

#[test]
fn open_complaints_are_acknowledged_most_urgent_first_and_the_rest_counted() {
    let mut w = World::new();
    w.complaints.push(complaint("minor", "C-1", 4, 30, false));
    w.complaints.push(complaint("late", "C-2", 3, 5, true));
    w.complaints.push(complaint("major", "C-3", 2, 12, false));
    w.complaints.push(complaint("critical", "C-4", 1, 2, false));
    w.complaints.push(complaint("another", "C-5", 3, 8, false));
    let points = w.of(PointKind::AcknowledgeComplaint);
    let refs: Vec<&str> = points.iter().filter_map(|p| p.about.as_ref().map(|a| a.label.as_str())).collect();
    assert_eq!(refs, vec!["C-2", "C-4", "C-3"], "late response first, then by severity");
    assert!(points[0].sentence.contains("The first response was due 3 Mar 2026 and is late"), "{}", points[0].sentence);
    assert!(points[1].sentence.starts_with("C-4 (critical, received 2 days ago, now investigating)"), "{}", points[1].sentence);
    let more = points.last().unwrap();
    assert_eq!(more.title, "More open complaints");
    assert!(more.sentence.starts_with("2 more open: C-5, C-1."), "{}", more.sentence);
}

#[test]
fn after_a_hostile_incident_keep_to_the_facts() {
    let mut w = World::new();
    assert!(w.of(PointKind::StayFactual).is_empty());
    w.hostile = Some(Event {
        id: "e1".into(),
        kind: EventKind::HostileIncident,
        occurred_at: "2026-03-02T10:10:00Z".into(),
        occurred_precision: Precision::Exact,
        recorded_at: String::new(),
        summary: "Derek Maddox shouted at Tomás for 12 minutes.".into(),
        details: String::new(),
        source_person_id: None,
        source_text: String::new(),
        strength: Strength::FirstHand,
        disputed: false,
        supersedes_id: None,
        retracted_at: None,
        retraction_reason: String::new(),
        redacted_at: None,
        account_id: Some("acc".into()),
        complaint_id: None,
        promise_id: None,
        decision_id: None,
        actor_id: None,
    });
    let p = &w.of(PointKind::StayFactual)[0];
    assert_eq!(p.stance, Stance::Avoid);
    assert!(p.sentence.starts_with("On 2 Mar 2026 it turned hostile: Derek Maddox shouted at Tomás for 12 minutes. Keep to facts"), "{}", p.sentence);
}

#[test]
fn the_single_communicator_stays_the_one_voice() {
    let mut w = World::new();
    w.communicator = Some(Communicator { person_id: "priya".into(), name: "Priya Raman".into(), role: String::new(), is_me: false, since: None });
    let p = &w.of(PointKind::OneVoice)[0];
    assert_eq!((p.stance, p.priority), (Stance::Avoid, Priority::Medium));
    assert!(p.sentence.starts_with("Priya Raman is the single communicator for Nordlicht Logistik GmbH. Agree the call with Priya first"), "{}", p.sentence);

    w.communicator.as_mut().unwrap().is_me = true;
    assert!(w.of(PointKind::OneVoice).is_empty(), "the user is the one voice");

    w.communicator = None;
    let p = &w.of(PointKind::OneVoice)[0];
    assert_eq!(p.title, "Name one communicator");
}

#[test]
fn a_customer_with_no_history_gets_advice_for_a_first_conversation() {
    let mut w = World::new();
    w.history = false;
    w.communicator = Some(Communicator { person_id: ME.into(), name: "Dana Whitfield".into(), role: String::new(), is_me: true, since: None });
    let points = w.points();
    assert_eq!(points.len(), 1, "{points:?}");
    assert_eq!(points[0].kind, PointKind::FirstConversation);
    assert!(points[0].sentence.starts_with("Nothing is on record for Nordlicht Logistik GmbH yet."));
}

#[test]
fn points_serialise_with_stable_words() {
    let mut w = World::new();
    w.open.push(promise("p1", ROLF, "Shipping", "2026-03-03"));
    let v = serde_json::to_value(&w.points()[0]).unwrap();
    assert_eq!(v["kind"], "acknowledge_overdue");
    assert_eq!(v["priority"], "high");
    assert_eq!(v["stance"], "say");
    assert_eq!(v["about"]["kind"], "promise");
    let mut keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["about", "kind", "priority", "sentence", "stance", "title"]);
}
