use super::*;
use crate::testing::{case_file_on, day};

fn input(name: &str) -> PersonInput {
    PersonInput { name: name.into(), side: "internal".into(), ..Default::default() }
}

#[test]
fn create_edit_and_list() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    let boss = create(&mut cf, &PersonInput { role: "VP Sales".into(), ..input("Rolf Brandt") }).unwrap();
    let me = create(&mut cf, &PersonInput { manager_id: Some(boss.id.clone()), is_me: true, ..input("Zoë Adeyemi") }).unwrap();
    assert_eq!(me.manager_name.as_deref(), Some("Rolf Brandt"));
    let edited = update(&mut cf, &boss.id, &PersonInput { role: "Managing Director".into(), ..input("Rolf Brandt") }).unwrap();
    assert_eq!(edited.role, "Managing Director");
    let page = list(cf.conn(), &PeopleQuery::default()).unwrap();
    assert_eq!(page.total, 2);
    assert_eq!(page.items[0].name, "Zoë Adeyemi", "me first");
    let found = list(cf.conn(), &PeopleQuery { search: Some("director".into()), ..Default::default() }).unwrap();
    assert_eq!(found.items.len(), 1);
}

#[test]
fn only_one_person_is_me() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    let a = create(&mut cf, &PersonInput { is_me: true, ..input("A") }).unwrap();
    create(&mut cf, &PersonInput { is_me: true, ..input("B") }).unwrap();
    assert!(!get(cf.conn(), &a.id).unwrap().is_me);
    assert!(crate::chain::verify(cf.conn()).unwrap().ok);
}

#[test]
fn bad_input_names_the_field_and_saves_nothing() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    let cases = [
        (input("   "), "name"),
        (input(&"N".repeat(10_000)), "name"),
        (PersonInput { side: "alien".into(), ..input("X") }, "side"),
        (PersonInput { email: "nope".into(), ..input("X") }, "email"),
        (PersonInput { manager_id: Some("missing".into()), ..input("X") }, "manager_id"),
    ];
    for (i, field) in cases {
        assert_eq!(create(&mut cf, &i).unwrap_err().field(), Some(field));
    }
    assert_eq!(list(cf.conn(), &PeopleQuery::default()).unwrap().total, 0);
}

#[test]
fn manager_loops_are_refused() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    let a = create(&mut cf, &input("A")).unwrap();
    let b = create(&mut cf, &PersonInput { manager_id: Some(a.id.clone()), ..input("B") }).unwrap();
    let err = update(&mut cf, &a.id, &PersonInput { manager_id: Some(b.id.clone()), ..input("A") }).unwrap_err();
    assert_eq!(err.field(), Some("manager_id"));
    let err = update(&mut cf, &a.id, &PersonInput { manager_id: Some(a.id.clone()), ..input("A") }).unwrap_err();
    assert_eq!(err.field(), Some("manager_id"));
}

#[test]
fn non_latin_names_round_trip_exactly() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    for name in ["Zoë", "株式会社 山田", "مرحبا", "Кровля", "🎉 Party Ltd", "<img src=x onerror=alert(1)>"] {
        let p = create(&mut cf, &input(name)).unwrap();
        assert_eq!(get(cf.conn(), &p.id).unwrap().name, name);
    }
}

#[test]
fn deleting_a_person_who_is_referred_to_is_refused() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    let boss = create(&mut cf, &input("Boss")).unwrap();
    create(&mut cf, &PersonInput { manager_id: Some(boss.id.clone()), ..input("Rep") }).unwrap();
    let err = delete(&mut cf, &boss.id).unwrap_err();
    assert_eq!(err.kind(), "conflict");
    assert!(err.to_string().contains("people who report to them"), "{err}");
    let stray = create(&mut cf, &input("Typo")).unwrap();
    delete(&mut cf, &stray.id).unwrap();
    assert_eq!(get(cf.conn(), &stray.id).unwrap_err().kind(), "not_found");
    assert!(crate::chain::verify(cf.conn()).unwrap().ok);
}

#[test]
fn like_wildcards_typed_by_the_user_are_literal() {
    let (mut cf, _) = case_file_on(day(2026, 3, 1));
    create(&mut cf, &input("100% Roofing")).unwrap();
    create(&mut cf, &input("Other")).unwrap();
    let page = list(cf.conn(), &PeopleQuery { search: Some("%".into()), ..Default::default() }).unwrap();
    assert_eq!(page.total, 1);
}
