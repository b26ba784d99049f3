use super::*;
use crate::complaints::{self, ComplaintInput};
use crate::remedies::{self, RemedyInput};
use crate::testing::day;
use crate::testing::evidence::world;

fn rc(cf: &mut CaseFile, name: &str, parent: Option<&str>) -> RootCause {
    create(cf, &RootCauseInput { name: name.into(), parent_id: parent.map(String::from), ..Default::default() }).unwrap()
}

#[test]
fn a_small_hierarchy_with_paths() {
    let mut w = world(day(2026, 6, 30));
    let m = rc(&mut w.cf, "Membratex", None);
    let seam = rc(&mut w.cf, "membrane seam", Some(&m.id));
    let lot = rc(&mut w.cf, "lot 2291", Some(&seam.id));
    rc(&mut w.cf, "lot 2307", Some(&seam.id));
    rc(&mut w.cf, "Invoicing", None);
    assert_eq!(lot.path, "Membratex > membrane seam > lot 2291");
    assert_eq!(lot.depth, 2);
    let paths: Vec<String> = list(w.cf.conn()).unwrap().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, vec!["Invoicing", "Membratex", "Membratex > membrane seam", "Membratex > membrane seam > lot 2291", "Membratex > membrane seam > lot 2307"]);
    let err = create(&mut w.cf, &RootCauseInput { name: "lot 2291".into(), parent_id: Some(seam.id.clone()), ..Default::default() }).unwrap_err();
    assert_eq!(err.field(), Some("name"));
    assert!(create(&mut w.cf, &RootCauseInput { name: "lot 2291".into(), ..Default::default() }).is_ok(), "the same name elsewhere is fine");
    assert_eq!(create(&mut w.cf, &RootCauseInput { name: "a > b".into(), ..Default::default() }).unwrap_err().field(), Some("name"));
    assert_eq!(create(&mut w.cf, &RootCauseInput { name: "x".into(), parent_id: Some("nope".into()), ..Default::default() }).unwrap_err().field(), Some("parent_id"));
    let err = update(&mut w.cf, &m.id, &RootCauseInput { name: "Membratex".into(), parent_id: Some(lot.id.clone()), ..Default::default() }).unwrap_err();
    assert!(err.to_string().contains("loop"), "{err}");
    let renamed = update(&mut w.cf, &seam.id, &RootCauseInput { name: "seam weld".into(), parent_id: Some(m.id.clone()), ..Default::default() }).unwrap();
    assert_eq!(renamed.path, "Membratex > seam weld");
    assert_eq!(get(w.cf.conn(), &lot.id).unwrap().path, "Membratex > seam weld > lot 2291");
    let mut parent = lot.id.clone();
    for i in 0..2 {
        parent = rc(&mut w.cf, &format!("level {i}"), Some(&parent)).id;
    }
    assert_eq!(create(&mut w.cf, &RootCauseInput { name: "too deep".into(), parent_id: Some(parent), ..Default::default() }).unwrap_err().field(), Some("parent_id"));
}

#[test]
fn counts_and_costs_per_month_include_the_children() {
    let mut w = world(day(2026, 6, 30));
    let m = rc(&mut w.cf, "Membratex", None);
    let lot = rc(&mut w.cf, "lot 2291", Some(&m.id));
    let other = rc(&mut w.cf, "Invoicing", None);
    for (month, n, root) in [("01", 1, &lot), ("03", 2, &m), ("03", 1, &other), ("05", 3, &lot)] {
        for i in 0..n {
            let c = complaints::create(
                &mut w.cf,
                &ComplaintInput {
                    account_id: w.account.clone(),
                    received_at: format!("2026-{month}-1{i}"),
                    description: "Seam".into(),
                    severity: "2".into(),
                    root_cause_id: Some(root.id.clone()),
                    ..Default::default()
                },
            )
            .unwrap();
            remedies::create(&mut w.cf, &RemedyInput { complaint_id: Some(c.id), kind: "credit".into(), cost: "100".into(), remedy_on: format!("2026-{month}-2{i}"), ..Default::default() }).unwrap();
        }
    }
    let r = report(w.cf.conn(), &m.id, w.cf.today(), 12).unwrap();
    assert_eq!(r.months.len(), 12);
    assert_eq!(r.months.first().map(|m| m.month.as_str()), Some("2025-07"));
    assert_eq!(r.months.last().map(|m| m.month.as_str()), Some("2026-06"));
    let by: Vec<(String, u32, String)> = r.months.iter().filter(|m| m.complaints > 0).map(|m| (m.month.clone(), m.complaints, m.remedy_cost.format())).collect();
    assert_eq!(by, vec![("2026-01".into(), 1, "€100.00".into()), ("2026-03".into(), 2, "€200.00".into()), ("2026-05".into(), 3, "€300.00".into())]);
    assert_eq!(r.complaints, 6);
    assert_eq!(r.remedies.cost.format(), "€600.00");
    assert_eq!(r.children.len(), 1);
    let lot_only = report(w.cf.conn(), &lot.id, w.cf.today(), 6).unwrap();
    assert_eq!(lot_only.complaints, 4);
    let tree = tree(w.cf.conn()).unwrap();
    let find = |name: &str| tree.iter().find(|s| s.root_cause.name == name).unwrap();
    assert_eq!((find("Membratex").complaints, find("Membratex").remedy_cost.format()), (6, "€600.00".to_string()));
    assert_eq!(find("Invoicing").complaints, 1);
    assert_eq!(find("Invoicing").open_complaints, 1);
}

#[test]
fn months_between_spans_years() {
    assert_eq!(months_between(day(2025, 11, 5), day(2026, 2, 1)), vec!["2025-11", "2025-12", "2026-01", "2026-02"]);
}
