use super::*;
use crate::testing::day;
use crate::testing::evidence::world;

fn options() -> Vec<OptionInput> {
    vec![
        OptionInput {
            label: "Comply and stay silent".into(),
            benefits: "No conflict with Rolf".into(),
            risks: "Dr. Bell concludes we broke our word; the account is lost at renewal".into(),
            contingency: "If he calls, refer him to Rolf in writing".into(),
        },
        OptionInput {
            label: "Escalate to Margaret Okafor".into(),
            benefits: "The commitment is honoured".into(),
            risks: "Seen as going over Rolf's head".into(),
            contingency: "If Margaret backs Rolf, ask for the order in writing".into(),
        },
    ]
}

#[test]
fn a_decision_with_options_risks_and_contingencies() {
    let mut w = world(day(2026, 3, 10));
    let d = create(
        &mut w.cf,
        &DecisionInput {
            title: "Whether to escalate Alder Health".into(),
            context: "Ordered not to contact Dr. Bell again after promising to take his concerns upward.".into(),
            options: options(),
            escalate_to_id: Some(w.boss.clone()),
            account_id: Some(w.account.clone()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(d.status, "open");
    assert_eq!(d.options.len(), 2);
    assert_eq!(d.options[1].position, 2);
    assert_eq!(d.escalate_to_name.as_deref(), Some("Rolf Brandt"));
    assert!(d.options.iter().all(|o| !o.chosen));
    let bad = DecideInput { chosen: "3".into(), rationale: "x".into(), decided_by_id: Some(w.me.clone()), ..Default::default() };
    assert_eq!(decide(&mut w.cf, &d.id, &bad).unwrap_err().field(), Some("chosen"));
    assert_eq!(decide(&mut w.cf, &d.id, &DecideInput { chosen: "2".into(), rationale: " ".into(), ..bad.clone() }).unwrap_err().field(), Some("rationale"));
    assert_eq!(decide(&mut w.cf, &d.id, &DecideInput { chosen: "2".into(), decided_by_id: None, ..bad.clone() }).unwrap_err().field(), Some("decided_by_id"));
    assert_eq!(decide(&mut w.cf, &d.id, &DecideInput { chosen: "2".into(), decided_on: "2026-03-11".into(), ..bad.clone() }).unwrap_err().field(), Some("decided_on"));
    let decided = decide(&mut w.cf, &d.id, &DecideInput { chosen: "2".into(), rationale: "A promise made is kept.".into(), decided_on: "2026-03-09".into(), ..bad }).unwrap();
    assert_eq!(decided.status, "decided");
    assert_eq!(decided.decided_on.as_deref(), Some("2026-03-09"));
    assert_eq!(decided.decided_by_name.as_deref(), Some("Dana Whitfield"));
    assert!(decided.options[1].chosen && !decided.options[0].chosen);
    let again = decide(&mut w.cf, &d.id, &DecideInput { chosen: "1".into(), rationale: "changed my mind".into(), decided_by_id: Some(w.me.clone()), ..Default::default() }).unwrap_err();
    assert_eq!(again.kind(), "conflict");
    assert!(again.to_string().contains("record a new decision"), "{again}");
    assert!(crate::chain::verify(w.cf.conn()).unwrap().ok);
}

#[test]
fn decisions_are_checked() {
    let mut w = world(day(2026, 3, 10));
    let good = DecisionInput { title: "Compensation for the outage".into(), options: options(), ..Default::default() };
    let mut no_risks = options();
    no_risks[1].risks = String::new();
    let mut unnamed = options();
    unnamed[0].label = String::new();
    for (bad, field) in [
        (DecisionInput { title: String::new(), ..good.clone() }, "title"),
        (DecisionInput { options: options()[..1].to_vec(), ..good.clone() }, "options"),
        (DecisionInput { options: vec![OptionInput::default(); 3], ..good.clone() }, "options"),
        (DecisionInput { options: no_risks, ..good.clone() }, "options[1].risks"),
        (DecisionInput { options: unnamed, ..good.clone() }, "options[0].label"),
        (DecisionInput { escalate_to_id: Some("nobody".into()), ..good.clone() }, "escalate_to_id"),
        (DecisionInput { account_id: Some("nope".into()), ..good.clone() }, "account_id"),
        (DecisionInput { decide: DecideInput { chosen: "1".into(), ..Default::default() }, ..good.clone() }, "rationale"),
    ] {
        assert_eq!(create(&mut w.cf, &bad).unwrap_err().field(), Some(field));
    }
    let n: i64 = w.cf.conn().query_row("SELECT count(*) FROM decisions", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
    let at_once = create(
        &mut w.cf,
        &DecisionInput {
            account_id: Some(w.other_account.clone()),
            decide: DecideInput { chosen: "1".into(), rationale: "Fastest".into(), decided_by_id: Some(w.boss.clone()), decided_on: String::new() },
            ..good
        },
    )
    .unwrap();
    assert_eq!((at_once.status.as_str(), at_once.decided_on.as_deref()), ("decided", Some("2026-03-10")));
    let page = list(w.cf.conn(), &DecisionQuery { account_id: Some(w.other_account.clone()), ..Default::default() }).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(list(w.cf.conn(), &DecisionQuery { status: Some("open".into()), ..Default::default() }).unwrap().total, 0);
    assert_eq!(list(w.cf.conn(), &DecisionQuery { status: Some("maybe".into()), ..Default::default() }).unwrap_err().field(), Some("status"));
}
