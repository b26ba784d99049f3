use super::workflow::{self, ALLOWED};
use super::*;
use crate::model::ComplaintStatus::*;
use crate::root_causes::RootCauseInput;
use crate::testing::day;
use crate::testing::evidence::{world, World};

fn input(w: &World, received: &str, severity: &str) -> ComplaintInput {
    ComplaintInput {
        account_id: w.account.clone(),
        complainant_contact_id: Some(w.contact.clone()),
        received_at: received.into(),
        channel: "email".into(),
        description: "Seams on the north roof are lifting after two weeks.".into(),
        product: "RoofGuard 300".into(),
        component: "membrane seam".into(),
        lot: "2291".into(),
        severity: severity.into(),
        ..Default::default()
    }
}

fn new(w: &mut World, received: &str, severity: &str) -> Complaint {
    let i = input(w, received, severity);
    create(&mut w.cf, &i).unwrap()
}

fn move_to(cf: &mut CaseFile, id: &str, to: ComplaintStatus) -> Result<Complaint> {
    let satisfied = if to == Closed { "yes" } else { "" };
    workflow::transition(cf, id, &TransitionInput { to: to.as_str().into(), customer_satisfied: satisfied.into(), ..Default::default() })
}

/// The moves that bring a new complaint to each status.
fn path_to(status: ComplaintStatus) -> &'static [ComplaintStatus] {
    match status {
        Received => &[],
        Acknowledged => &[Acknowledged],
        Investigating => &[Acknowledged, Investigating],
        RemedyOffered => &[Acknowledged, Investigating, RemedyOffered],
        Resolved => &[Acknowledged, Investigating, Resolved],
        Closed => &[Acknowledged, Investigating, Resolved, Closed],
        Reopened => &[Acknowledged, Investigating, Resolved, Reopened],
    }
}

fn count(cf: &CaseFile, sql: &str, id: &str) -> i64 {
    cf.conn().query_row(sql, [id], |r| r.get(0)).unwrap()
}

#[test]
fn every_allowed_and_every_forbidden_move() {
    let mut w = world(day(2026, 6, 15));
    let (mut allowed, mut refused) = (0, 0);
    for from in ComplaintStatus::ALL {
        for to in ComplaintStatus::ALL {
            let c = new(&mut w, "2026-06-01", "2");
            for step in path_to(*from) {
                move_to(&mut w.cf, &c.id, *step).unwrap();
            }
            assert_eq!(get(w.cf.conn(), &c.id).unwrap().status, *from);
            let history_before = count(&w.cf, "SELECT count(*) FROM complaint_status_history WHERE complaint_id = ?1", &c.id);
            let events_before = count(&w.cf, "SELECT count(*) FROM events WHERE complaint_id = ?1", &c.id);
            let expected = ALLOWED.iter().any(|(f, tos)| f == from && tos.contains(to));
            match move_to(&mut w.cf, &c.id, *to) {
                Ok(moved) => {
                    assert!(expected, "{from} → {to} should be refused");
                    assert_eq!(moved.status, *to);
                    assert_eq!(count(&w.cf, "SELECT count(*) FROM complaint_status_history WHERE complaint_id = ?1", &c.id), history_before + 1);
                    assert_eq!(count(&w.cf, "SELECT count(*) FROM events WHERE complaint_id = ?1 AND kind = 'status_change'", &c.id), events_before + 1);
                    allowed += 1;
                }
                Err(e) => {
                    assert!(!expected, "{from} → {to} should be allowed: {e}");
                    assert_eq!(e.kind(), "conflict");
                    let msg = e.to_string();
                    assert!(msg.contains(&c.reference) && msg.contains(from.label()), "{msg}");
                    for next in allowed_from(*from) {
                        assert!(msg.contains(next.label()), "the message names the allowed {next}: {msg}");
                    }
                    if from != to {
                        assert!(msg.contains("cannot move to") && msg.contains(to.label()), "{msg}");
                    } else {
                        assert!(msg.contains("already"), "{msg}");
                    }
                    assert_eq!(get(w.cf.conn(), &c.id).unwrap().status, *from, "nothing changed");
                    assert_eq!(count(&w.cf, "SELECT count(*) FROM complaint_status_history WHERE complaint_id = ?1", &c.id), history_before);
                    assert_eq!(count(&w.cf, "SELECT count(*) FROM events WHERE complaint_id = ?1", &c.id), events_before);
                    refused += 1;
                }
            }
        }
    }
    assert_eq!(allowed, ALLOWED.iter().map(|(_, t)| t.len()).sum::<usize>());
    assert_eq!(allowed + refused, 49);
    assert!(crate::chain::verify(w.cf.conn()).unwrap().ok);
}

#[test]
fn a_forbidden_jump_says_why_and_what_is_allowed() {
    let mut w = world(day(2026, 6, 15));
    let c = new(&mut w, "2026-06-01", "2");
    let err = move_to(&mut w.cf, &c.id, Resolved).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{} is Received and cannot move to Resolved: a complaint is resolved only after it has been investigated or a remedy offered. From Received it can go to Acknowledged.",
            c.reference
        )
    );
}

#[test]
fn references_count_per_year_of_receipt() {
    let mut w = world(day(2026, 2, 10));
    let a = new(&mut w, "2026-01-05", "3");
    let b = new(&mut w, "2026-02-01 09:30", "3");
    let old = new(&mut w, "2025-12-30", "3");
    assert_eq!((a.reference.as_str(), b.reference.as_str(), old.reference.as_str()), ("C-2026-0001", "C-2026-0002", "C-2025-0001"));
    assert_eq!(by_reference(w.cf.conn(), "c-2026-0002").unwrap().id, b.id);
    assert!(b.received_at.ends_with('Z'), "a time makes it exact: {}", b.received_at);
}

#[test]
fn the_response_is_due_by_the_severity_policy() {
    let mut w = world(day(2026, 3, 20));
    let critical = new(&mut w, "2026-03-02", "1");
    let minor = new(&mut w, "2026-03-02", "4");
    assert_eq!(critical.response_due_on.as_deref(), Some("2026-03-03"));
    assert_eq!(minor.response_due_on.as_deref(), Some("2026-03-12"));
    let s = crate::settings::Settings { response_days: [2, 3, 7, 30], ..crate::settings::get(w.cf.conn()).unwrap() };
    crate::settings::save(&mut w.cf, s).unwrap();
    let later = new(&mut w, "2026-03-02", "1");
    assert_eq!(later.response_due_on.as_deref(), Some("2026-03-04"));
    // Overdue until acknowledged.
    let detail = workflow::detail(w.cf.conn(), w.cf.today(), &critical.id).unwrap();
    assert!(detail.response_overdue);
    move_to(&mut w.cf, &critical.id, Acknowledged).unwrap();
    let detail = workflow::detail(w.cf.conn(), w.cf.today(), &critical.id).unwrap();
    assert!(!detail.response_overdue);
    assert!(detail.first_response_at.is_some());
    assert_eq!(detail.next_steps.iter().map(|s| s.status).collect::<Vec<_>>(), vec![Investigating]);
}

#[test]
fn bad_input_is_refused_at_its_field_and_saves_nothing() {
    let mut w = world(day(2026, 3, 20));
    let good = input(&w, "2026-03-02", "2");
    let cases = [
        (ComplaintInput { account_id: String::new(), ..good.clone() }, "account_id"),
        (ComplaintInput { account_id: "nobody".into(), ..good.clone() }, "account_id"),
        (ComplaintInput { complainant_contact_id: Some(w.other_contact.clone()), ..good.clone() }, "complainant_contact_id"),
        (ComplaintInput { severity: "5".into(), ..good.clone() }, "severity"),
        (ComplaintInput { severity: String::new(), ..good.clone() }, "severity"),
        (ComplaintInput { received_at: "yesterday".into(), ..good.clone() }, "received_at"),
        (ComplaintInput { received_at: "2026-04-01".into(), ..good.clone() }, "received_at"),
        (ComplaintInput { channel: "pigeon".into(), ..good.clone() }, "channel"),
        (ComplaintInput { description: "  ".into(), ..good.clone() }, "description"),
        (ComplaintInput { root_cause_id: Some("nope".into()), ..good.clone() }, "root_cause_id"),
        (ComplaintInput { lot: "a\nb".into(), ..good.clone() }, "lot"),
    ];
    for (bad, field) in cases {
        assert_eq!(create(&mut w.cf, &bad).unwrap_err().field(), Some(field));
    }
    assert_eq!(count(&w.cf, "SELECT count(*) FROM complaints WHERE ?1 = ?1", "x"), 0);
}

#[test]
fn closing_records_satisfaction_and_every_move_is_dated() {
    let mut w = world(day(2026, 5, 30));
    let c = new(&mut w, "2026-05-01", "2");
    let go = |cf: &mut CaseFile, to: &str, at: &str, satisfied: &str| {
        workflow::transition(cf, &c.id, &TransitionInput { to: to.into(), at: at.into(), note: format!("to {to}"), customer_satisfied: satisfied.into() })
    };
    go(&mut w.cf, "acknowledged", "2026-05-02", "").unwrap();
    go(&mut w.cf, "investigating", "2026-05-04 10:00", "").unwrap();
    assert_eq!(go(&mut w.cf, "resolved", "2026-05-03", "").unwrap_err().field(), Some("at"), "before the last move");
    assert_eq!(go(&mut w.cf, "resolved", "2026-06-03", "").unwrap_err().field(), Some("at"), "in the future");
    go(&mut w.cf, "resolved", "2026-05-20", "").unwrap();
    assert_eq!(go(&mut w.cf, "closed", "2026-05-21", "").unwrap_err().field(), Some("customer_satisfied"));
    let closed = go(&mut w.cf, "closed", "2026-05-21", "no").unwrap();
    assert_eq!(closed.customer_satisfied, Some(false));
    let reopened = go(&mut w.cf, "reopened", "2026-05-25", "").unwrap();
    assert_eq!(reopened.customer_satisfied, None, "a reopened complaint is no longer judged");
    let h = workflow::history(w.cf.conn(), &c.id).unwrap();
    let moves: Vec<_> = h.iter().map(|e| (e.from_status, e.to_status, e.changed_at.get(..10).unwrap_or_default().to_string())).collect();
    assert_eq!(
        moves,
        vec![
            (None, Received, "2026-05-01".to_string()),
            (Some(Received), Acknowledged, "2026-05-02".into()),
            (Some(Acknowledged), Investigating, "2026-05-04".into()),
            (Some(Investigating), Resolved, "2026-05-20".into()),
            (Some(Resolved), Closed, "2026-05-21".into()),
            (Some(Closed), Reopened, "2026-05-25".into()),
        ]
    );
    let events = crate::events::list(w.cf.conn(), &crate::events::EventQuery { complaint_id: Some(c.id.clone()), ..Default::default() }).unwrap();
    assert_eq!(events.total, 5);
    let closing = events.items.iter().find(|e| e.event.occurred_at == "2026-05-21").unwrap();
    assert!(closing.event.summary.contains("Resolved to Closed — customer not satisfied"), "{}", closing.event.summary);
    assert_eq!(closing.event.account_id.as_deref(), Some(w.account.as_str()));
    assert!(crate::chain::verify(w.cf.conn()).unwrap().ok);
}

#[test]
fn reclassifying_keeps_the_old_values_on_the_timeline() {
    let mut w = world(day(2026, 5, 30));
    let membratex = crate::root_causes::create(&mut w.cf, &RootCauseInput { name: "Membratex".into(), ..Default::default() }).unwrap();
    let c = new(&mut w, "2026-05-01", "3");
    let edit_input = ComplaintEdit {
        complainant_contact_id: Some(w.contact.clone()),
        product: c.product.clone(),
        component: c.component.clone(),
        lot: "2307".into(),
        severity: "1".into(),
        root_cause_id: Some(membratex.id.clone()),
        ..Default::default()
    };
    let edited = edit(&mut w.cf, &c.id, &edit_input).unwrap();
    assert_eq!(edited.root_cause_path.as_deref(), Some("Membratex"));
    assert_eq!(edited.response_due_on.as_deref(), Some("2026-05-02"), "severity 1 answers in a day");
    let note = crate::events::list(w.cf.conn(), &crate::events::EventQuery { complaint_id: Some(c.id.clone()), ..Default::default() }).unwrap();
    let details = &note.items[0].event.details;
    assert!(details.contains("Lot: 2291 → 2307") && details.contains("Severity: 3 → 1") && details.contains("Root cause: — → Membratex"), "{details}");
    assert_eq!(edit(&mut w.cf, &c.id, &edit_input).unwrap_err().kind(), "validation", "nothing changed");
    let other = ComplaintEdit { complainant_contact_id: Some(w.other_contact.clone()), ..edit_input };
    assert_eq!(edit(&mut w.cf, &c.id, &other).unwrap_err().field(), Some("complainant_contact_id"));
}

#[test]
fn the_list_filters_and_pages() {
    let mut w = world(day(2026, 6, 30));
    let seam = crate::root_causes::create(&mut w.cf, &RootCauseInput { name: "Membratex".into(), ..Default::default() }).unwrap();
    let lot = crate::root_causes::create(&mut w.cf, &RootCauseInput { name: "lot 2291".into(), parent_id: Some(seam.id.clone()), ..Default::default() }).unwrap();
    for i in 0..12 {
        let mut c = input(&w, &format!("2026-0{}-1{}", 1 + i % 6, i % 10), if i % 2 == 0 { "1" } else { "3" });
        c.root_cause_id = if i < 5 { Some(lot.id.clone()) } else { None };
        let c = create(&mut w.cf, &c).unwrap();
        if i % 3 == 0 {
            move_to(&mut w.cf, &c.id, Acknowledged).unwrap();
        }
    }
    let q = |q: ComplaintQuery| list(w.cf.conn(), w.cf.today(), &q).unwrap();
    assert_eq!(q(ComplaintQuery::default()).total, 12);
    assert_eq!(q(ComplaintQuery { root_cause_id: Some(seam.id.clone()), ..Default::default() }).total, 5, "a parent counts its children");
    assert_eq!(q(ComplaintQuery { status: Some("acknowledged".into()), ..Default::default() }).total, 4);
    assert_eq!(q(ComplaintQuery { status: Some("open".into()), ..Default::default() }).total, 12);
    assert_eq!(q(ComplaintQuery { severity: Some("1".into()), ..Default::default() }).total, 6);
    assert_eq!(q(ComplaintQuery { search: Some("C-2026-0003".into()), ..Default::default() }).total, 1);
    assert_eq!(q(ComplaintQuery { from: Some("2026-06-01".into()), ..Default::default() }).total, 2);
    let page = q(ComplaintQuery { limit: Some(5), offset: Some(10), ..Default::default() });
    assert_eq!((page.items.len(), page.total), (2, 12));
    let rows = q(ComplaintQuery::default()).items;
    assert!(rows.windows(2).all(|p| p[0].complaint.received_at >= p[1].complaint.received_at), "newest first");
    assert!(rows.iter().any(|r| r.response_overdue), "unacknowledged critical ones are late");
    assert_eq!(list(w.cf.conn(), w.cf.today(), &ComplaintQuery { status: Some("lost".into()), ..Default::default() }).unwrap_err().field(), Some("status"));
}
