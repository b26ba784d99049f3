use crate::db::CaseFile;
use crate::demo::{write, DemoOptions};
use crate::model::{ComplaintStatus, EventKind, RemedyKind};
use crate::testing::{day, tempdir};

fn demo() -> (tempdir::Dir, CaseFile) {
    let dir = tempdir::Dir::new("demo-evidence");
    let path = dir.path().join("d.casefile");
    write(&path, &DemoOptions { as_of: Some(day(2026, 11, 20)), ..Default::default() }).unwrap();
    let cf = CaseFile::open(&path).unwrap();
    (dir, cf)
}

fn n(cf: &CaseFile, sql: &str) -> i64 {
    cf.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn situation_2_a_rising_flood_under_one_root_cause_with_its_costs() {
    let (_dir, cf) = demo();
    for status in ComplaintStatus::ALL {
        assert!(n(&cf, &format!("SELECT count(*) FROM complaints WHERE status = '{status}'")) > 0, "no complaint is {status}");
    }
    let tree = crate::root_causes::list(cf.conn()).unwrap();
    let lot = tree.iter().find(|r| r.path == "Membratex > membrane seam > lot 2291").expect("the lot 2291 root cause");
    assert!(tree.iter().any(|r| r.path == "Membratex > membrane seam > lot 2307"), "a sibling lot");
    let membratex = tree.iter().find(|r| r.path == "Membratex").unwrap();
    let report = crate::root_causes::report(cf.conn(), &membratex.id, day(2026, 11, 20), 12).unwrap();
    let counts: Vec<u32> = report.months.iter().map(|m| m.complaints).collect();
    let early: u32 = counts[..5].iter().sum();
    let late: u32 = counts[7..].iter().sum();
    assert!(late > early * 3, "complaints rise over the months: {counts:?}");
    assert!(report.remedies.cost.0.iter().any(|m| m.currency == "EUR" && m.minor > 5_000_000), "{:?}", report.remedies.cost);
    assert!(crate::root_causes::report(cf.conn(), &lot.id, day(2026, 11, 20), 12).unwrap().complaints > 10);
    for account in ["Kestrel Roofing Ltd", "Кровля-Сервис ООО", "Ελληνικά Δομικά Α.Ε."] {
        let k = n(&cf, &format!("SELECT count(*) FROM complaints c JOIN accounts a ON a.id = c.account_id WHERE a.name = '{account}' AND c.component = 'membrane seam'"));
        assert!(k >= 2, "{account} has {k} seam complaints");
    }
    for kind in [RemedyKind::Credit, RemedyKind::Replacement, RemedyKind::Repair, RemedyKind::ProcedureChange, RemedyKind::Goodwill, RemedyKind::Discount] {
        assert!(n(&cf, &format!("SELECT count(*) FROM remedies WHERE kind = '{kind}'")) > 0, "no {kind} remedy");
    }
    assert!(n(&cf, "SELECT count(*) FROM remedies WHERE cost_currency = 'JPY'") > 0, "a remedy in another currency");
    assert!(n(&cf, "SELECT count(*) FROM complaints WHERE root_cause_id IN (SELECT id FROM root_causes WHERE name IN ('late delivery', 'wrong price on invoice'))") >= 3);
    assert_eq!(n(&cf, "SELECT count(*) FROM decisions WHERE status = 'open'"), 1, "the Membratex decision is still open");
}

#[test]
fn situations_3_and_5_and_every_kind_of_evidence() {
    let (_dir, cf) = demo();
    for kind in EventKind::ALL {
        assert!(n(&cf, &format!("SELECT count(*) FROM events WHERE kind = '{kind}'")) > 0, "no {kind} entry");
    }
    assert!(n(&cf, "SELECT count(*) FROM events WHERE disputed = 1") >= 2);
    assert_eq!(n(&cf, "SELECT count(*) FROM events WHERE supersedes_id IS NOT NULL"), 1);
    assert_eq!(n(&cf, "SELECT count(*) FROM events WHERE retracted_at IS NOT NULL AND retraction_reason <> ''"), 1);
    // Situation 3: the dated written order from Rolf, and the decision with options and an escalation.
    assert_eq!(
        n(&cf, "SELECT count(*) FROM events e JOIN people p ON p.id = e.source_person_id JOIN accounts a ON a.id = e.account_id
               WHERE a.name = 'Alder Health Clinics' AND p.name = 'Rolf Brandt' AND e.kind = 'decision' AND e.strength = 'written'"),
        1
    );
    assert_eq!(
        n(&cf, "SELECT count(*) FROM decisions d JOIN people x ON x.id = d.escalate_to_id JOIN accounts a ON a.id = d.account_id
               WHERE a.name = 'Alder Health Clinics' AND x.name = 'Margaret Okafor' AND (SELECT count(*) FROM decision_options o WHERE o.decision_id = d.id) >= 2"),
        1
    );
    // Situation 5: hostile incidents, compensation and a procedure change at Brightwater, and its move to Priya.
    let bw = "(SELECT id FROM accounts WHERE name = 'Brightwater Utilities')";
    assert!(n(&cf, &format!("SELECT count(*) FROM events WHERE account_id = {bw} AND kind = 'hostile_incident'")) >= 2);
    assert!(n(&cf, &format!("SELECT count(*) FROM remedies WHERE account_id = {bw} AND kind = 'procedure_change'")) == 1);
    assert!(n(&cf, &format!("SELECT count(*) FROM remedies WHERE account_id = {bw} AND kind IN ('credit', 'goodwill')")) >= 2);
    assert!(n(&cf, &format!("SELECT count(*) FROM decisions WHERE account_id = {bw} AND status = 'decided'")) == 1);
    // An imported e-mail with its headers and the raw .eml attached.
    let raw: String = cf
        .conn()
        .query_row("SELECT a.id FROM emails m JOIN attachments a ON a.event_id = m.event_id WHERE a.mime = 'message/rfc822'", [], |r| r.get(0))
        .unwrap();
    let (_, bytes) = crate::attachments::bytes(cf.conn(), &raw).unwrap();
    let parsed = crate::email::parse_eml(&bytes).unwrap();
    assert!(parsed.subject.contains("Dunmore roof"), "{}", parsed.subject);
    assert!(crate::chain::verify(cf.conn()).unwrap().ok);
}
