use super::*;
use crate::contacts::{self, ContactInput};
use crate::people::{self, PersonInput};
use crate::testing::{case_file_on, day};

fn person(cf: &mut CaseFile, name: &str, side: &str) -> String {
    people::create(cf, &PersonInput { name: name.into(), side: side.into(), ..Default::default() }).unwrap().id
}

#[test]
fn create_with_contacts_and_value() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    let rep = person(&mut cf, "Rep", "internal");
    let a = create(
        &mut cf,
        &AccountInput { name: "Nordlicht GmbH".into(), annual_value: "250,000".into(), communicator_id: Some(rep.clone()), ..Default::default() },
    )
    .unwrap();
    assert_eq!(a.annual_value, Some(Money { minor: 25_000_000, currency: "EUR".into() }));
    assert_eq!(a.communicator_name.as_deref(), Some("Rep"));
    contacts::create(&mut cf, &a.id, &ContactInput { name: "Greta Lind".into(), title: "Buyer".into(), ..Default::default() }).unwrap();
    let page = list(cf.conn(), cf.today(), &AccountQuery::default()).unwrap();
    assert_eq!(page.items[0].contacts, 1);
    assert_eq!(contacts::list_for_account(cf.conn(), &a.id).unwrap()[0].name, "Greta Lind");
}

#[test]
fn bad_input_is_refused_at_its_field() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    let outsider = person(&mut cf, "Supplier guy", "external");
    for (i, field) in [
        (AccountInput { name: " ".into(), ..Default::default() }, "name"),
        (AccountInput { name: "X".into(), annual_value: "-5".into(), ..Default::default() }, "annual_value"),
        (AccountInput { name: "X".into(), annual_value: "5".into(), annual_value_currency: "ZZZ".into(), ..Default::default() }, "annual_value_currency"),
        (AccountInput { name: "X".into(), communicator_id: Some("nobody".into()), ..Default::default() }, "communicator_id"),
        (AccountInput { name: "X".into(), communicator_id: Some(outsider), ..Default::default() }, "communicator_id"),
    ] {
        assert_eq!(create(&mut cf, &i).unwrap_err().field(), Some(field));
    }
    assert_eq!(list(cf.conn(), cf.today(), &AccountQuery::default()).unwrap().total, 0);
}

#[test]
fn changing_the_communicator_records_a_transfer_and_an_event() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    let a_rep = person(&mut cf, "Ann", "internal");
    let b_rep = person(&mut cf, "Ben", "internal");
    let acct = create(&mut cf, &AccountInput { name: "Kroll AG".into(), communicator_id: Some(a_rep), ..Default::default() }).unwrap();
    let edited = update(
        &mut cf,
        &acct.id,
        &AccountInput { name: "Kroll AG".into(), communicator_id: Some(b_rep.clone()), transfer_reason: "Hostile call".into(), ..Default::default() },
    )
    .unwrap();
    assert_eq!(edited.communicator_name.as_deref(), Some("Ben"));
    let transfers = crate::transfers::list_for_account(cf.conn(), &acct.id).unwrap();
    assert_eq!(transfers.len(), 1);
    assert_eq!(transfers[0].from_name.as_deref(), Some("Ann"));
    assert_eq!(transfers[0].reason, "Hostile call");
    let events = crate::events::recent_for_account(cf.conn(), &acct.id, 5).unwrap();
    assert_eq!(events[0].kind, crate::model::EventKind::AccountTransfer);
    assert!(events[0].summary.contains("from Ann to Ben"));
    assert!(crate::chain::verify(cf.conn()).unwrap().ok);
}

#[test]
fn a_transfer_to_the_same_person_or_an_outsider_is_refused() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    let rep = person(&mut cf, "Ann", "internal");
    let ext = person(&mut cf, "Ext", "external");
    let acct = create(&mut cf, &AccountInput { name: "K".into(), communicator_id: Some(rep.clone()), ..Default::default() }).unwrap();
    let t = |to: &str, on: &str| crate::transfers::TransferInput { to_person_id: to.into(), transferred_on: on.into(), reason: String::new() };
    assert_eq!(crate::transfers::transfer(&mut cf, &acct.id, &t(&rep, "2026-03-01")).unwrap_err().field(), Some("to_person_id"));
    assert_eq!(crate::transfers::transfer(&mut cf, &acct.id, &t(&ext, "2026-03-01")).unwrap_err().field(), Some("to_person_id"));
    let other = person(&mut cf, "Bo", "internal");
    assert_eq!(crate::transfers::transfer(&mut cf, &acct.id, &t(&other, "31/02/2026")).unwrap_err().field(), Some("transferred_on"));
}

#[test]
fn find_by_name_prefers_exact_matches() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    create(&mut cf, &AccountInput { name: "Kroll".into(), ..Default::default() }).unwrap();
    create(&mut cf, &AccountInput { name: "Kroll Logistics".into(), ..Default::default() }).unwrap();
    assert_eq!(find_by_name(cf.conn(), "kroll").unwrap().len(), 1);
    assert_eq!(find_by_name(cf.conn(), "Krol").unwrap().len(), 2);
}
