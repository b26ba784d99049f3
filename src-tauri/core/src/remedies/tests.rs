use super::*;
use crate::complaints::{self, ComplaintInput};
use crate::model::RemedyKind::*;
use crate::root_causes::{self, RootCauseInput};
use crate::testing::day;
use crate::testing::evidence::{world, World};

fn complaint(w: &mut World, account: &str, contact: &str, received: &str, root: Option<&str>) -> String {
    let input = ComplaintInput {
        account_id: account.into(),
        complainant_contact_id: Some(contact.into()),
        received_at: received.into(),
        description: "Seam lifting".into(),
        severity: "2".into(),
        root_cause_id: root.map(String::from),
        ..Default::default()
    };
    complaints::create(&mut w.cf, &input).unwrap().id
}

fn remedy(w: &mut World, complaint: &str, kind: &str, cost: &str, currency: &str, on: &str) -> Remedy {
    let input = RemedyInput {
        complaint_id: Some(complaint.into()),
        kind: kind.into(),
        cost: cost.into(),
        cost_currency: currency.into(),
        approved_by_id: Some(w.boss.clone()),
        remedy_on: on.into(),
        ..Default::default()
    };
    create(&mut w.cf, &input).unwrap()
}

#[test]
fn totals_per_complaint_account_and_root_cause_keep_currencies_apart() {
    let mut w = world(day(2026, 6, 30));
    let membratex = root_causes::create(&mut w.cf, &RootCauseInput { name: "Membratex".into(), ..Default::default() }).unwrap();
    let seam = root_causes::create(&mut w.cf, &RootCauseInput { name: "membrane seam".into(), parent_id: Some(membratex.id.clone()), ..Default::default() }).unwrap();
    let lot = root_causes::create(&mut w.cf, &RootCauseInput { name: "lot 2291".into(), parent_id: Some(seam.id.clone()), ..Default::default() }).unwrap();
    let late = root_causes::create(&mut w.cf, &RootCauseInput { name: "Late delivery".into(), ..Default::default() }).unwrap();
    let (acct, contact, other, other_contact) = (w.account.clone(), w.contact.clone(), w.other_account.clone(), w.other_contact.clone());
    let c1 = complaint(&mut w, &acct, &contact, "2026-03-03", Some(&lot.id));
    let c2 = complaint(&mut w, &other, &other_contact, "2026-04-10", Some(&seam.id));
    let c3 = complaint(&mut w, &acct, &contact, "2026-05-01", Some(&late.id));
    remedy(&mut w, &c1, "credit", "1,200.00", "EUR", "2026-03-10");
    let replacement = remedy(&mut w, &c1, "replacement", "4,250.50", "EUR", "2026-03-20");
    let declined = remedy(&mut w, &c1, "discount", "999", "EUR", "2026-03-21");
    remedy(&mut w, &c2, "repair", "300", "USD", "2026-04-15");
    remedy(&mut w, &c2, "procedure_change", "0", "EUR", "2026-04-20");
    remedy(&mut w, &c3, "goodwill", "150", "EUR", "2026-05-02");
    set_status(&mut w.cf, &declined.id, &RemedyStatusInput { status: "declined".into(), ..Default::default() }).unwrap();
    set_status(&mut w.cf, &replacement.id, &RemedyStatusInput { status: "delivered".into(), on: "2026-03-25".into(), ..Default::default() }).unwrap();

    let t = totals_for_complaint(w.cf.conn(), &c1).unwrap();
    assert_eq!(t.count, 3);
    assert_eq!(t.cost.format(), "€5,450.50", "the declined discount cost nothing");
    assert_eq!(t.delivered.format(), "€4,250.50");
    assert_eq!(t.outstanding.format(), "€1,200.00");
    assert_eq!(t.by_kind.iter().map(|k| (k.kind, k.count)).collect::<Vec<_>>(), vec![(Credit, 1), (Replacement, 1), (Discount, 1)]);

    assert_eq!(totals_for_account(w.cf.conn(), &acct).unwrap().cost.format(), "€5,600.50");
    assert_eq!(totals_for_account(w.cf.conn(), &other).unwrap().cost.format(), "€0.00 + $300.00");
    let branch = root_causes::branch(w.cf.conn(), &membratex.id).unwrap();
    assert_eq!(branch.len(), 3);
    assert_eq!(totals_for_root_causes(w.cf.conn(), &branch).unwrap().cost.format(), "€5,450.50 + $300.00");
    assert_eq!(totals_for_root_causes(w.cf.conn(), std::slice::from_ref(&lot.id)).unwrap().cost.format(), "€5,450.50");
    let months = cost_by_month(w.cf.conn(), &branch).unwrap();
    assert_eq!(months.get("2026-03").map(|t| t.format()).as_deref(), Some("€5,450.50"));
    assert_eq!(months.get("2026-04").map(|t| t.format()).as_deref(), Some("€0.00 + $300.00"));
    assert!(!months.contains_key("2026-05"), "late delivery is another root cause");
    let listed = list_for_complaint(w.cf.conn(), &c1).unwrap();
    assert_eq!(total(&listed), t, "a list adds up exactly as the stored totals do");
    assert!(crate::chain::verify(w.cf.conn()).unwrap().ok);
}

#[test]
fn remedies_are_checked_and_status_moves_are_dated() {
    let mut w = world(day(2026, 6, 30));
    let (acct, contact) = (w.account.clone(), w.contact.clone());
    let c = complaint(&mut w, &acct, &contact, "2026-06-01", None);
    let base = RemedyInput { complaint_id: Some(c.clone()), kind: "credit".into(), cost: "100".into(), ..Default::default() };
    for (bad, field) in [
        (RemedyInput { kind: String::new(), ..base.clone() }, "kind"),
        (RemedyInput { kind: "hug".into(), ..base.clone() }, "kind"),
        (RemedyInput { cost: "-5".into(), ..base.clone() }, "cost"),
        (RemedyInput { cost: "abc".into(), ..base.clone() }, "cost"),
        (RemedyInput { cost_currency: "XYZ".into(), ..base.clone() }, "cost_currency"),
        (RemedyInput { account_id: Some(w.other_account.clone()), ..base.clone() }, "account_id"),
        (RemedyInput { complaint_id: None, ..base.clone() }, "account_id"),
        (RemedyInput { approved_by_id: Some("nobody".into()), ..base.clone() }, "approved_by_id"),
        (RemedyInput { remedy_on: "2026-07-02".into(), ..base.clone() }, "remedy_on"),
        (RemedyInput { remedy_on: "2026-05-31".into(), ..base.clone() }, "remedy_on"),
        (RemedyInput { promise_id: Some("nope".into()), ..base.clone() }, "promise_id"),
    ] {
        assert_eq!(create(&mut w.cf, &bad).unwrap_err().field(), Some(field));
    }
    let r = create(&mut w.cf, &base).unwrap();
    assert_eq!((r.status, r.cost.currency.as_str(), r.remedy_on.as_str()), (RemedyStatus::Offered, "EUR", "2026-06-30"));
    let accepted = set_status(&mut w.cf, &r.id, &RemedyStatusInput { status: "accepted".into(), on: "2026-06-29".into(), note: "Owen agreed on the phone".into() }).unwrap();
    assert_eq!(accepted.status, RemedyStatus::Accepted);
    let err = set_status(&mut w.cf, &r.id, &RemedyStatusInput { status: "offered".into(), ..Default::default() }).unwrap_err();
    assert_eq!(err.kind(), "conflict");
    assert!(err.to_string().contains("From Accepted it can become Delivered or Declined"), "{err}");
    set_status(&mut w.cf, &r.id, &RemedyStatusInput { status: "delivered".into(), ..Default::default() }).unwrap();
    let err = set_status(&mut w.cf, &r.id, &RemedyStatusInput { status: "declined".into(), ..Default::default() }).unwrap_err();
    assert!(err.to_string().contains("nothing: it is done"), "{err}");
    let events = crate::events::list(w.cf.conn(), &crate::events::EventQuery { complaint_id: Some(c), kinds: vec!["status_change".into()], ..Default::default() }).unwrap();
    assert_eq!(events.total, 2);
    assert!(events.items.iter().any(|e| e.event.occurred_at == "2026-06-29" && e.event.details == "Owen agreed on the phone"));
    assert_eq!(list_for_account(w.cf.conn(), &acct, 10).unwrap().len(), 1);
}
