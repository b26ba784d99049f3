use super::*;
use crate::events::EventInput;
use crate::promises::PromiseInput;
use crate::testing::day;
use crate::testing::evidence::world;
use crate::timeline::Entry;

fn kinds(s: &Scoped) -> Vec<String> {
    s.items.iter().map(|i| format!("{}@{}", i.kind, i.at.get(..10).unwrap_or(&i.at))).collect()
}

#[test]
fn a_scope_covers_its_customers_its_person_and_its_period() {
    let mut w = world(day(2026, 4, 1));
    let promise = |by: &str, account: &str, made: &str, what: &str| PromiseInput {
        made_by_id: by.into(),
        account_id: account.into(),
        made_at: made.into(),
        what: what.into(),
        due_on: "2026-03-31".into(),
        ..Default::default()
    };
    let bosses = crate::promises::create(&mut w.cf, &promise(&w.boss, &w.account, "2026-02-01", "Credit by March")).unwrap().promise;
    crate::promises::create(&mut w.cf, &promise(&w.me, &w.account, "2026-02-02", "Call back")).unwrap();
    crate::promises::create(&mut w.cf, &promise(&w.boss, &w.other_account, "2026-01-05", "Discount")).unwrap();
    let note = |account: &str, at: &str, summary: &str| EventInput {
        kind: "note".into(),
        occurred_at: at.into(),
        occurred_precision: "day".into(),
        summary: summary.into(),
        source_text: "Notebook".into(),
        account_id: Some(account.into()),
        ..Default::default()
    };
    crate::events::create(&mut w.cf, &EventInput { promise_id: Some(bosses.id.clone()), ..note(&w.account, "2026-02-10", "Chased the credit") }).unwrap();
    crate::events::create(&mut w.cf, &EventInput { source_person_id: Some(w.boss.clone()), ..note(&w.account, "2026-02-11", "Rolf said yes again") }).unwrap();
    crate::events::create(&mut w.cf, &note(&w.account, "2026-03-20", "Unrelated note")).unwrap();
    crate::events::create(&mut w.cf, &note(&w.other_account, "2026-02-12", "Other customer")).unwrap();

    let today = day(2026, 4, 1);
    let one = Scope { account_ids: Some(vec![w.account.clone()]), ..Default::default() };
    let records = in_scope(w.cf.conn(), today, &one, Part::Records, 1000).unwrap();
    assert_eq!(kinds(&records), ["promise@2026-02-01", "promise@2026-02-02"]);
    let events = in_scope(w.cf.conn(), today, &one, Part::Events, 1000).unwrap();
    assert!(events.items.iter().all(|i| matches!(&i.entry, Entry::Event(e) if e.event.account_id.as_deref() == Some(w.account.as_str()))));
    assert_eq!(events.total, events.items.len() as u64);

    // Only the boss's promises and what is about them or said by him.
    let his = Scope { person_id: Some(w.boss.clone()), ..one.clone() };
    let events = in_scope(w.cf.conn(), today, &his, Part::Events, 1000).unwrap();
    let summaries: Vec<String> = events.items.iter().filter_map(|i| match &i.entry { Entry::Event(e) => Some(e.event.summary.clone()), _ => None }).collect();
    assert!(summaries.contains(&"Chased the credit".to_string()), "{summaries:?}");
    assert!(summaries.contains(&"Rolf said yes again".to_string()), "{summaries:?}");
    assert!(!summaries.iter().any(|s| s == "Unrelated note" || s == "Other customer"), "{summaries:?}");
    assert_eq!(kinds(&in_scope(w.cf.conn(), today, &his, Part::Records, 1000).unwrap()), ["promise@2026-02-01"]);

    // Both customers, February only; the cap keeps the newest and reports the total.
    let both = Scope { account_ids: Some(vec![w.account.clone(), w.other_account.clone()]), from: Some(day(2026, 2, 1)), to: Some(day(2026, 2, 28)), ..Default::default() };
    let records = in_scope(w.cf.conn(), today, &both, Part::Records, 1000).unwrap();
    assert_eq!(kinds(&records), ["promise@2026-02-01", "promise@2026-02-02"]);
    let all = in_scope(w.cf.conn(), today, &both, Part::Events, 1000).unwrap();
    let capped = in_scope(w.cf.conn(), today, &both, Part::Events, 2).unwrap();
    assert_eq!(capped.total, all.total);
    assert_eq!(capped.items.len(), 2);
    assert_eq!(kinds(&capped), kinds(&all)[all.items.len() - 2..].to_vec(), "the newest are kept, oldest first");
    // Every customer: the other customer's January promise only when the period allows it.
    let everyone = Scope::default();
    assert_eq!(in_scope(w.cf.conn(), today, &everyone, Part::Records, 1000).unwrap().items.len(), 3);
}
