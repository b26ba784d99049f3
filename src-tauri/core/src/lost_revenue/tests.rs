use super::*;
use crate::accounts::AccountInput;
use crate::people::PersonInput;
use crate::promises::{self, PromiseInput};
use crate::testing::{case_file_on, day};

struct W {
    cf: CaseFile,
    account: String,
    other: String,
    promise: String,
}

fn world() -> W {
    let (mut cf, _) = case_file_on(day(2026, 3, 16));
    let boss = crate::people::create(&mut cf, &PersonInput { name: "Rolf Brandt".into(), ..Default::default() }).unwrap().id;
    let account = accounts::create(&mut cf, &AccountInput { name: "Nordlicht".into(), ..Default::default() }).unwrap().id;
    let other = accounts::create(&mut cf, &AccountInput { name: "Harbor".into(), ..Default::default() }).unwrap().id;
    let promise = promises::create(
        &mut cf,
        &PromiseInput { made_by_id: boss, account_id: account.clone(), what: "Credit".into(), due_on: "2026-03-10".into(), made_at: "2026-03-01".into(), ..Default::default() },
    )
    .unwrap()
    .promise
    .id;
    W { cf, account, other, promise }
}

fn lost(promise: &str, amount: &str, currency: &str) -> LostInput {
    LostInput { promise_id: Some(promise.to_string()), amount: amount.into(), currency: currency.into(), certainty: "confirmed".into(), ..Default::default() }
}

#[test]
fn amounts_respect_each_currencys_minor_units() {
    let mut w = world();
    let p = w.promise.clone();
    let ok = [("1,250.50", "USD", 125_050), ("1250.5", "EUR", 125_050), ("3000", "JPY", 3000), ("1.250", "KWD", 1250), ("12", "kwd", 12_000)];
    for (amount, currency, minor) in ok {
        let e = record(&mut w.cf, &lost(&p, amount, currency)).unwrap();
        assert_eq!(e.amount.minor, minor, "{amount} {currency}");
        assert_eq!(e.amount.currency, currency.to_uppercase());
    }
    let bad = [("12.345", "USD", "amount"), ("0.001", "EUR", "amount"), ("1.5", "JPY", "amount"), ("1.2345", "KWD", "amount"), ("-10", "EUR", "amount"), ("0", "EUR", "amount"), ("ten", "EUR", "amount"), ("10", "EURO", "amount_currency")];
    for (amount, currency, field) in bad {
        let err = record(&mut w.cf, &lost(&p, amount, currency)).unwrap_err();
        assert_eq!(err.field(), Some(field), "{amount} {currency}: {err}");
    }
    assert_eq!(list_for_promise(w.cf.conn(), &w.promise).unwrap().len(), ok.len());
}

#[test]
fn the_account_follows_the_promise_and_must_match_it() {
    let mut w = world();
    let p = w.promise.clone();
    let e = record(&mut w.cf, &lost(&p, "100", "EUR")).unwrap();
    assert_eq!(e.account_id, w.account);
    assert_eq!(e.promise_what.as_deref(), Some("Credit"));
    assert_eq!(e.lost_on, "2026-03-16", "today when not said");
    let wrong = LostInput { account_id: Some(w.other.clone()), ..lost(&p, "100", "EUR") };
    assert_eq!(record(&mut w.cf, &wrong).unwrap_err().field(), Some("account_id"));
    let neither = LostInput { amount: "100".into(), ..Default::default() };
    assert_eq!(record(&mut w.cf, &neither).unwrap_err().field(), Some("account_id"));
    let ghost = LostInput { promise_id: Some("ghost".into()), ..lost(&p, "100", "EUR") };
    assert_eq!(record(&mut w.cf, &ghost).unwrap_err().field(), Some("promise_id"));
    let bad_day = LostInput { lost_on: "2026-13-01".into(), ..lost(&p, "100", "EUR") };
    assert_eq!(record(&mut w.cf, &bad_day).unwrap_err().field(), Some("lost_on"));
    let bad_certainty = LostInput { certainty: "maybe".into(), ..lost(&p, "100", "EUR") };
    assert_eq!(record(&mut w.cf, &bad_certainty).unwrap_err().field(), Some("certainty"));
    let account_only = LostInput { account_id: Some(w.other.clone()), amount: "5".into(), ..Default::default() };
    let e = record(&mut w.cf, &account_only).unwrap();
    assert_eq!((e.certainty, e.amount.currency.as_str()), (Certainty::Estimated, "EUR"), "honest default, file currency");
}

#[test]
fn totals_keep_currencies_and_certainty_apart_and_leave_out_retracted_entries() {
    let mut w = world();
    let p = w.promise.clone();
    record(&mut w.cf, &lost(&p, "48,000", "EUR")).unwrap();
    record(&mut w.cf, &LostInput { certainty: "estimated".into(), ..lost(&p, "2,000", "EUR") }).unwrap();
    record(&mut w.cf, &lost(&p, "500", "USD")).unwrap();
    let typo = record(&mut w.cf, &lost(&p, "480,000", "EUR")).unwrap();
    record(&mut w.cf, &LostInput { account_id: Some(w.other.clone()), amount: "7".into(), currency: "EUR".into(), ..Default::default() }).unwrap();
    assert_eq!(retract(&mut w.cf, &typo.id, "").unwrap_err().field(), Some("reason"));
    let r = retract(&mut w.cf, &typo.id, "One zero too many").unwrap();
    assert!(r.retracted_at.is_some());
    assert_eq!(retract(&mut w.cf, &typo.id, "again").unwrap_err().kind(), "conflict");

    let t = totals_for_promise(w.cf.conn(), &w.promise).unwrap();
    assert_eq!(t.all.format(), "€50,000.00 + $500.00");
    assert_eq!(t.confirmed.format(), "€48,000.00 + $500.00");
    assert_eq!(t.estimated.format(), "€2,000.00");
    assert_eq!(t.entries, 3);
    assert_eq!(totals_for_account(w.cf.conn(), &w.account).unwrap(), t);
    assert_eq!(totals_for_account(w.cf.conn(), &w.other).unwrap().all.format(), "€7.00");
    let boss = promises::get(w.cf.conn(), &w.promise, w.cf.today()).unwrap().made_by_id;
    assert_eq!(totals_for_promiser(w.cf.conn(), &boss).unwrap(), t);
    assert_eq!(totals_by_promiser(w.cf.conn()).unwrap().get(&boss), Some(&t));
    assert_eq!(list_for_account(w.cf.conn(), &w.account).unwrap().len(), 4, "retracted entries stay listed");
    assert!(crate::chain::verify(w.cf.conn()).unwrap().ok);
}

#[test]
fn a_version_1_file_upgrades_and_keeps_its_lost_revenue() {
    let dir = crate::testing::tempdir::Dir::new("lost-v1");
    let path = dir.path().join("v1.casefile");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", crate::db::APPLICATION_ID).unwrap();
        conn.execute_batch(include_str!("../../migrations/0001_init.sql")).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO accounts(id, name, created_at, updated_at) VALUES ('a', 'Old customer', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
             INSERT INTO lost_revenue(id, account_id, amount_minor, currency, certainty, lost_on, recorded_at)
                 VALUES ('l', 'a', 100, 'EUR', 'confirmed', '2025-01-02', '2025-01-02T00:00:00Z');",
        )
        .unwrap();
    }
    let cf = CaseFile::open(&path).unwrap();
    assert_eq!(cf.user_version().unwrap(), crate::db::schema_version());
    let e = get(cf.conn(), "l").unwrap();
    assert_eq!((e.amount.minor, e.retracted_at), (100, None));
    assert_eq!(totals_for_account(cf.conn(), "a").unwrap().all.format(), "€1.00");
}

#[test]
fn entries_without_a_promise_are_listed_by_customer_and_period_and_totals_skip_retracted_ones() {
    let mut w = world();
    let account_level = |account: &str, amount: &str, on: &str| LostInput {
        account_id: Some(account.to_string()),
        amount: amount.into(),
        currency: "EUR".into(),
        lost_on: on.into(),
        ..Default::default()
    };
    let p = w.promise.clone();
    record(&mut w.cf, &lost(&p, "100", "EUR")).unwrap();
    let early = record(&mut w.cf, &account_level(&w.account.clone(), "50", "2026-01-10")).unwrap();
    let late = record(&mut w.cf, &account_level(&w.account.clone(), "70", "2026-03-02")).unwrap();
    record(&mut w.cf, &account_level(&w.other.clone(), "90", "2026-03-03")).unwrap();
    let ids = [w.account.clone()];
    let found = list_without_promise(w.cf.conn(), Some(&ids), Some(day(2026, 2, 1)), None).unwrap();
    assert_eq!(found.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), [late.id.as_str()]);
    assert_eq!(list_without_promise(w.cf.conn(), None, None, None).unwrap().len(), 3);
    retract(&mut w.cf, &early.id, "typed twice").unwrap();
    let all = list_without_promise(w.cf.conn(), Some(&ids), None, None).unwrap();
    assert_eq!(all.len(), 2, "retracted entries are still listed");
    let t = total(&all);
    assert_eq!((t.entries, t.all.format()), (1, "€70.00".to_string()));
}
