//! Logging, correcting and listing promises, and refusing bad input at its field.

use super::*;
use crate::model::{Channel, Precision, PromiseStatus};
use crate::promises::query::{self, PromiseQuery};

#[test]
fn only_who_whom_what_and_due_are_needed() {
    let mut w = world();
    let account = w.account.clone();
    let saved = create(&mut w.cf, &input(&w.boss, &account, "Credit of €12,000", "", "2026-03-20")).unwrap();
    let p = saved.promise;
    assert!(saved.warnings.is_empty(), "{:?}", saved.warnings);
    assert_eq!(p.made_at, "2026-03-16", "made today when not said");
    assert_eq!(p.made_at_precision, Precision::Day);
    assert_eq!(p.channel, Channel::Call);
    assert!(!p.in_writing);
    assert_eq!(p.status, PromiseStatus::Open);
    assert_eq!(p.made_by_name, "Rolf Brandt");
    assert_eq!(p.account_name, "Nordlicht Logistik GmbH");
    assert_eq!(p.missing, vec!["resources", "success_criteria"]);
    assert_eq!(p.original_due_on, "2026-03-20");
    let history = due_dates(w.cf.conn(), &p.id).unwrap();
    assert_eq!(history.len(), 1);
    assert!(history[0].original);
    w.chain_ok();
}

#[test]
fn every_field_is_kept_and_a_promise_by_email_is_in_writing() {
    let mut w = world();
    let p = create(
        &mut w.cf,
        &PromiseInput {
            made_by_id: w.rep.clone(),
            account_id: w.account.clone(),
            contact_id: Some(w.contact.clone()),
            made_at: "2026-03-02 14:30".into(),
            made_at_precision: "exact".into(),
            channel: "email".into(),
            what: "Replace the 40 seam rolls from lot 2291".into(),
            due_on: "2026-03-31".into(),
            resources: "Two fitters for a day; rolls from the Hamburg stock".into(),
            success_criteria: "Greta signs the site acceptance".into(),
            value: "48,000".into(),
            value_currency: "eur".into(),
            ..Default::default()
        },
    )
    .unwrap()
    .promise;
    assert!(p.in_writing);
    assert_eq!(p.in_writing_since.as_deref(), Some("2026-03-02"));
    assert_eq!(p.contact_name.as_deref(), Some("Greta Lindqvist"));
    assert_eq!(p.value, Some(Money { minor: 4_800_000, currency: "EUR".into() }));
    assert!(p.missing.is_empty());
    assert!(p.made_at.ends_with('Z'), "exact times are stored in UTC: {}", p.made_at);
}

#[test]
fn free_text_of_any_script_and_length_round_trips_exactly() {
    let mut w = world();
    let long = format!("  Поставка 株式会社 🎉 مرحبا\n\t<b>bold</b> & \"quotes\"\n{}", "x".repeat(50_000));
    let p = w.log(&w.boss.clone(), &long, "2026-03-01", "2026-04-01");
    assert_eq!(w.get(&p.id).what, long);
}

#[test]
fn bad_input_is_refused_at_its_field_and_nothing_is_saved() {
    let mut w = world();
    let (boss, account, other, contact) = (w.boss.clone(), w.account.clone(), w.other_account.clone(), w.contact.clone());
    let base = input(&boss, &account, "Credit", "2026-03-01", "2026-03-20");
    let cases: Vec<(PromiseInput, &str)> = vec![
        (PromiseInput { made_by_id: "".into(), ..base.clone() }, "made_by_id"),
        (PromiseInput { made_by_id: "gone".into(), ..base.clone() }, "made_by_id"),
        (PromiseInput { account_id: "".into(), ..base.clone() }, "account_id"),
        (PromiseInput { account_id: "gone".into(), ..base.clone() }, "account_id"),
        (PromiseInput { account_id: other, contact_id: Some(contact), ..base.clone() }, "contact_id"),
        (PromiseInput { what: " \n ".into(), ..base.clone() }, "what"),
        (PromiseInput { due_on: "".into(), ..base.clone() }, "due_on"),
        (PromiseInput { due_on: "someday".into(), ..base.clone() }, "due_on"),
        (PromiseInput { due_on: "2026-02-30".into(), ..base.clone() }, "due_on"),
        (PromiseInput { made_at: "2026-03-17".into(), ..base.clone() }, "made_at"),
        (PromiseInput { channel: "pigeon".into(), ..base.clone() }, "channel"),
        (PromiseInput { value: "-5".into(), ..base.clone() }, "value"),
        (PromiseInput { value: "12.345".into(), value_currency: "USD".into(), ..base.clone() }, "value"),
        (PromiseInput { value: "1000.5".into(), value_currency: "JPY".into(), ..base.clone() }, "value"),
        (PromiseInput { value: "10".into(), value_currency: "XYZ".into(), ..base.clone() }, "value_currency"),
        (PromiseInput { complaint_ids: vec!["nope".into()], ..base.clone() }, "complaint_ids"),
    ];
    for (i, field) in cases {
        let err = create(&mut w.cf, &i).unwrap_err();
        assert_eq!(err.field(), Some(field), "{err}");
    }
    let n: i64 = w.cf.conn().query_row("SELECT count(*) FROM promises", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
}

#[test]
fn a_due_date_before_the_promise_was_made_is_refused_with_a_clear_message() {
    let mut w = world();
    let account = w.account.clone();
    let err = create(&mut w.cf, &input(&w.boss, &account, "Credit", "2026-03-10", "2026-03-09")).unwrap_err();
    assert_eq!(err.field(), Some("due_on"));
    assert!(err.to_string().contains("before the promise was made (2026-03-10)"), "{err}");
    let err = create(&mut w.cf, &input(&w.boss, &account, "Credit", "", "2026-03-09")).unwrap_err();
    assert_eq!(err.field(), Some("made_at"), "logged today with a past due date: when was it made?");
    assert!(err.to_string().contains("say when the promise was made"), "{err}");
}

#[test]
fn due_dates_far_away_are_saved_with_a_warning() {
    let mut w = world();
    let account = w.account.clone();
    let past = create(&mut w.cf, &input(&w.boss, &account, "Old one", "2024-01-01", "2024-02-01")).unwrap();
    assert_eq!(past.warnings.len(), 1);
    assert_eq!(past.warnings[0].field, "due_on");
    assert!(past.warnings[0].message.contains("more than a year ago"));
    let future = create(&mut w.cf, &input(&w.boss, &account, "Far one", "", "2036-01-01")).unwrap();
    assert!(future.warnings[0].message.contains("more than three years away"));
    let near = create(&mut w.cf, &input(&w.boss, &account, "Near", "", "2026-06-01")).unwrap();
    assert!(near.warnings.is_empty());
}

#[test]
fn due_words_become_dates() {
    let monday = day(2026, 3, 16);
    let cases = [
        ("2026-04-01", day(2026, 4, 1)),
        ("today", monday),
        ("Tomorrow", day(2026, 3, 17)),
        ("fri", day(2026, 3, 20)),
        ("friday", day(2026, 3, 20)),
        ("thurs", day(2026, 3, 19)),
        ("mon", day(2026, 3, 23)),
        ("+3d", day(2026, 3, 19)),
        ("+2w", day(2026, 3, 30)),
        ("+1m", day(2026, 4, 16)),
        ("next week", day(2026, 3, 23)),
        ("end of month", day(2026, 3, 31)),
    ];
    for (text, want) in cases {
        assert_eq!(parse_due("due_on", text, monday).unwrap(), want, "{text}");
    }
    for bad in ["fr", "+x", "31/03", "frid ay", "+99999999999d"] {
        assert_eq!(parse_due("due_on", bad, monday).unwrap_err().field(), Some("due_on"), "{bad}");
    }
}

#[test]
fn a_correction_keeps_what_was_there_on_the_timeline() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "Credit of €10,000", "2026-03-01", "2026-03-20");
    let mut i = input(&boss, &w.account.clone(), "Credit of €12,000", "2026-03-01", "2026-03-20");
    i.resources = "Finance approval".into();
    let saved = update(&mut w.cf, &p.id, &i).unwrap().promise;
    assert_eq!(saved.what, "Credit of €12,000");
    assert_eq!(saved.missing, vec!["success_criteria"]);
    let events = w.events_for(&p.id);
    let last = events.last().unwrap();
    assert!(last.details.contains("What: Credit of €10,000 → Credit of €12,000"), "{}", last.details);
    assert_eq!(last.account_id.as_deref(), Some(w.account.as_str()));

    i.due_on = "2026-04-01".into();
    let err = update(&mut w.cf, &p.id, &i).unwrap_err();
    assert_eq!(err.field(), Some("due_on"));
    assert!(err.to_string().contains("renegotiate"));
    w.chain_ok();
}

#[test]
fn deleting_a_promiser_is_refused_and_says_why() {
    let mut w = world();
    let rep = w.rep.clone();
    w.log(&rep, "Call back", "", "2026-03-20");
    let err = people::delete(&mut w.cf, &rep).unwrap_err();
    assert_eq!(err.kind(), "conflict");
    assert!(err.to_string().contains("promise(s) they made"), "{err}");
}

#[test]
fn the_ledger_filters_sorts_by_due_date_and_pages() {
    let mut w = world();
    let (boss, rep) = (w.boss.clone(), w.rep.clone());
    let overdue = w.log(&boss, "Expedited shipping", "2026-03-01", "2026-03-10");
    let soon = w.log(&boss, "Call Greta", "2026-03-01", "2026-03-18");
    let later = w.log(&rep, "Quarterly review", "2026-03-01", "2026-05-01");
    let other = create(&mut w.cf, &input(&rep, &w.other_account.clone(), "Room upgrade", "2026-03-01", "2026-03-23")).unwrap().promise;
    lifecycle::keep(&mut w.cf, &later.id, &Default::default()).unwrap();
    let conn = w.cf.conn();
    let today = w.cf.today();
    let ids = |q: PromiseQuery| query::list(conn, today, &q).unwrap().items.into_iter().map(|p| p.id).collect::<Vec<_>>();

    assert_eq!(ids(PromiseQuery::default()), vec![overdue.id.clone(), soon.id.clone(), other.id.clone(), later.id.clone()], "by due date");
    assert_eq!(ids(PromiseQuery { status: Some("kept".into()), ..Default::default() }), vec![later.id.clone()]);
    assert_eq!(ids(PromiseQuery { made_by_id: Some(boss.clone()), ..Default::default() }), vec![overdue.id.clone(), soon.id.clone()]);
    assert_eq!(ids(PromiseQuery { account_id: Some(w.other_account.clone()), ..Default::default() }), vec![other.id.clone()]);
    assert_eq!(ids(PromiseQuery { overdue: true, ..Default::default() }), vec![overdue.id.clone()]);
    assert_eq!(ids(PromiseQuery { due_within_days: Some(7), ..Default::default() }), vec![soon.id.clone(), other.id.clone()]);
    assert_eq!(ids(PromiseQuery { not_in_writing: true, status: Some("open".into()), ..Default::default() }).len(), 3);
    assert_eq!(ids(PromiseQuery { search: Some("harbor".into()), ..Default::default() }), vec![other.id.clone()]);
    assert!(query::list(conn, today, &PromiseQuery { status: Some("lost".into()), ..Default::default() }).unwrap_err().field() == Some("status"));

    let page = query::list(conn, today, &PromiseQuery { limit: Some(2), offset: Some(2), ..Default::default() }).unwrap();
    assert_eq!((page.total, page.items.len()), (4, 2));
    let capped = query::list(conn, today, &PromiseQuery { limit: Some(5000), ..Default::default() }).unwrap();
    assert_eq!(capped.limit, crate::model::MAX_PAGE);

    let c = query::counts(conn, today).unwrap();
    assert_eq!((c.open, c.overdue, c.due_within_7_days, c.not_in_writing), (3, 1, 2, 3));
    let rows = query::for_account(conn, &w.account, today, 50).unwrap();
    assert_eq!(rows.iter().map(|p| p.id.clone()).collect::<Vec<_>>(), vec![overdue.id, soon.id, later.id], "open first, then closed");
}

#[test]
fn paging_never_returns_more_than_two_hundred_rows() {
    let mut w = world();
    let account = w.account.clone();
    let boss = w.boss.clone();
    let checked: Vec<_> = (0..250).map(|i| input(&boss, &account, &format!("Promise {i}"), "2026-03-01", "2026-04-01").check(w.cf.conn(), w.cf.today()).unwrap()).collect();
    w.cf.write(|tx| {
        for c in &checked {
            insert(tx, c)?;
        }
        Ok(())
    })
    .unwrap();
    let page = query::list(w.cf.conn(), w.cf.today(), &PromiseQuery { limit: Some(1000), ..Default::default() }).unwrap();
    assert_eq!(page.items.len(), 200);
    assert_eq!(page.total, 250);
}
