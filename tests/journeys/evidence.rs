//! Journeys of the evidence record: complaints and what they cost (situation 2), the
//! records of situation 3, an .eml import, and a correction that keeps its original.

use casefile_e2e::{demo_file, App, Scratch};
use std::time::Duration;

/// Let the window settle (a list flashes, a toast fades in) before the screen is captured.
async fn shot(app: &App, name: &str) {
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.screenshot(name).await.unwrap();
}

/// The demo's evidence screens, each opened as a user would, with what they must show.
#[tokio::test(flavor = "multi_thread")]
async fn the_demo_evidence_screens_show_the_situations() {
    let dir = Scratch::new("ev-demo");
    let file = demo_file(&dir, "demo.casefile");
    let app = App::launch(&file).await.unwrap();
    let bottom = || app.js("document.querySelector('[data-view]').scrollTop = 1e6; return true");

    app.click("[data-nav=complaints]").await.unwrap();
    app.wait_for("[data-list=complaints] tr[data-complaint]").await.unwrap();
    shot(&app, "evidence-demo-1-complaints").await;
    app.click("[data-action=new-complaint]").await.unwrap();
    app.wait_for("dialog[data-dialog=complaint]").await.unwrap();
    shot(&app, "evidence-demo-1b-new-complaint").await;
    app.click("dialog[data-dialog=complaint] [data-cancel=complaint]").await.unwrap();
    app.fill("[data-filter=complaints]", "C-2026-0011").await.unwrap();
    app.click("tr[data-complaint='C-2026-0011'] a").await.unwrap();
    app.wait_for("[data-complaint-card] [data-complaint-status=reopened]").await.unwrap();
    shot(&app, "evidence-demo-2-complaint").await;
    bottom().await.unwrap();
    shot(&app, "evidence-demo-2b-complaint-bottom").await;

    app.click("[data-nav=root-causes]").await.unwrap();
    app.wait_text("[data-root-cause-title]", "Membratex").await.unwrap();
    wait_count(&app, "[data-chart=complaints] rect.bar", 12).await;
    shot(&app, "evidence-demo-3-root-causes").await;
    bottom().await.unwrap();
    shot(&app, "evidence-demo-3b-root-causes-bottom").await;

    app.click("[data-nav=decisions]").await.unwrap();
    wait_count(&app, "[data-list=decisions] [data-decision]", 3).await;
    app.wait_for("[data-option-card]").await.unwrap();
    shot(&app, "evidence-demo-4-decisions").await;
    app.click("[data-action=new-decision]").await.unwrap();
    app.wait_for("dialog[data-dialog=decision]").await.unwrap();
    shot(&app, "evidence-demo-4b-new-decision").await;
    app.click("dialog[data-dialog=decision] [data-cancel=decision]").await.unwrap();

    open_timeline(&app, "Brightwater Utilities").await;
    app.click("[data-filter=kind]").await.unwrap();
    app.select("[data-filter=kind]", "Hostile incident").await.unwrap();
    wait_count(&app, "[data-timeline] [data-kind=hostile_incident]", 2).await;
    shot(&app, "evidence-demo-5-timeline-hostile").await;
    app.select("[data-filter=kind]", "Note").await.unwrap();
    app.wait_for("[data-timeline] [data-retraction]").await.unwrap();
    app.select("[data-filter=kind]", "Everything").await.unwrap();
    app.click("[data-action=log-entry]").await.unwrap();
    app.wait_for("dialog[data-dialog=event]").await.unwrap();
    shot(&app, "evidence-demo-6-log-entry").await;
    app.click("dialog[data-dialog=event] [data-cancel=event]").await.unwrap();

    open_timeline(&app, "Alder Health Clinics").await;
    app.wait_for("[data-timeline] [data-superseded-badge]").await.unwrap();
    shot(&app, "evidence-demo-7-alder").await;
    open_timeline(&app, "Kestrel Roofing Ltd").await;
    app.select("[data-filter=kind]", "E-mail").await.unwrap();
    app.wait_for("[data-timeline] [data-kind=email] [data-file='Dunmore roof - seams open again.eml']").await.unwrap();
    shot(&app, "evidence-demo-8-kestrel-email").await;
    app.keys("?").await.unwrap();
    app.wait_text("[data-shortcut-sheet]", "Log a timeline entry").await.unwrap();
    shot(&app, "evidence-demo-9-shortcuts").await;
    app.quit().await;
}

use casefile_core::accounts::{self, AccountInput};
use casefile_core::chrono::{Duration as Days, Local, NaiveDate};
use casefile_core::contacts::{self, ContactInput};
use casefile_core::people::{self, PersonInput};
use casefile_core::root_causes::{self, RootCauseInput};
use casefile_core::CaseFile;
use std::path::Path;

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn day(days_ago: i64) -> String {
    (today() - Days::days(days_ago)).format("%Y-%m-%d").to_string()
}

/// A case file with the user, their boss and his superior, and one customer with a contact.
fn world(path: &Path, customer: &str, contact: (&str, &str, &str)) -> CaseFile {
    let mut cf = CaseFile::open(path).unwrap();
    let person = |cf: &mut CaseFile, name: &str, manager: Option<String>, is_me: bool| {
        people::create(cf, &PersonInput { name: name.into(), side: "internal".into(), manager_id: manager, is_me, ..Default::default() }).unwrap().id
    };
    let margaret = person(&mut cf, "Margaret Okafor", None, false);
    let rolf = person(&mut cf, "Rolf Brandt", Some(margaret), false);
    let me = person(&mut cf, "Dana Whitfield", Some(rolf), true);
    let account = accounts::create(&mut cf, &AccountInput { name: customer.into(), communicator_id: Some(me), ..Default::default() }).unwrap();
    contacts::create(&mut cf, &account.id, &ContactInput { name: contact.0.into(), title: contact.1.into(), email: contact.2.into(), ..Default::default() }).unwrap();
    cf
}

/// Choose an option once it has arrived (selects filled after another choice load late).
async fn select_when_ready(app: &App, css: &str, label: &str) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        match app.select(css, label).await {
            Ok(()) => return,
            Err(e) if std::time::Instant::now() > deadline => panic!("cannot choose {label:?} in {css}: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// Wait until exactly `n` elements match.
async fn wait_count(app: &App, css: &str, n: usize) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let found = app.find_all(css).await.map(|v| v.len()).unwrap_or(0);
        if found == n {
            return;
        }
        if std::time::Instant::now() > deadline {
            panic!("expected {n} of {css}, found {found}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn submit(app: &App, dialog: &str) {
    app.click(&format!("dialog[data-dialog={dialog}] [data-submit={dialog}]")).await.unwrap();
    app.wait_gone(&format!("dialog[data-dialog={dialog}]")).await.unwrap();
}

/// Situation 2: complaints over several months under one root cause, remedies with costs,
/// and the totals shown for that root cause.
#[tokio::test(flavor = "multi_thread")]
async fn situation_2_complaints_under_one_root_cause_and_what_they_cost() {
    let dir = Scratch::new("ev-s2");
    let file = dir.join("s2.casefile");
    {
        let mut cf = world(&file, "Kestrel Roofing Ltd", ("Owen Gallagher", "Site Director", "owen@kestrel.example"));
        let m = root_causes::create(&mut cf, &RootCauseInput { name: "Membratex".into(), ..Default::default() }).unwrap();
        let seam = root_causes::create(&mut cf, &RootCauseInput { name: "membrane seam".into(), parent_id: Some(m.id), ..Default::default() }).unwrap();
        root_causes::create(&mut cf, &RootCauseInput { name: "lot 2291".into(), parent_id: Some(seam.id), ..Default::default() }).unwrap();
        root_causes::create(&mut cf, &RootCauseInput { name: "Invoicing".into(), ..Default::default() }).unwrap();
    }
    let app = App::launch(&file).await.unwrap();
    app.click("[data-nav=complaints]").await.unwrap();
    app.wait_for("[data-empty=complaints]").await.unwrap();
    // Three complaints, at least 37 days apart, so each falls in its own month.
    let cases = [(75, "Seams lifting on the Dunmore roof", "1200", "credit"), (38, "Seams open again at Ballycastle school", "2100.50", "replacement"), (1, "Water through the seam at Newry", "1250", "repair")];
    for (days_ago, what, cost, kind) in cases {
        app.click("[data-action=new-complaint]").await.unwrap();
        app.select("dialog[data-dialog=complaint] [name=account_id]", "Kestrel Roofing Ltd").await.unwrap();
        select_when_ready(&app, "dialog[data-dialog=complaint] [name=complainant_contact_id]", "Owen Gallagher — Site Director").await;
        app.fill("dialog[data-dialog=complaint] [name=received_at]", &format!("{} 09:30", day(days_ago))).await.unwrap();
        app.fill("dialog[data-dialog=complaint] [name=description]", what).await.unwrap();
        app.fill("dialog[data-dialog=complaint] [name=component]", "membrane seam").await.unwrap();
        app.select("dialog[data-dialog=complaint] [name=severity]", "2 — Major").await.unwrap();
        app.select("dialog[data-dialog=complaint] [name=root_cause_id]", "Membratex > membrane seam > lot 2291").await.unwrap();
        submit(&app, "complaint").await;
        app.wait_text("[data-complaint-card] [data-root-cause]", "Membratex > membrane seam > lot 2291").await.unwrap();
        // Only the next step of the workflow is offered.
        assert_eq!(app.find_all("[data-workflow] [data-move]").await.unwrap().len(), 1);
        app.click("[data-move=acknowledged]").await.unwrap();
        app.fill("dialog[data-dialog=move] [name=at]", &day(days_ago)).await.unwrap();
        submit(&app, "move").await;
        app.wait_for("[data-complaint-status=acknowledged]").await.unwrap();
        app.click("[data-action=offer-remedy]").await.unwrap();
        app.select("dialog[data-dialog=remedy] [name=kind]", match kind { "credit" => "Credit", "replacement" => "Replacement", _ => "Repair" }).await.unwrap();
        app.fill("dialog[data-dialog=remedy] [name=cost]", cost).await.unwrap();
        app.fill("dialog[data-dialog=remedy] [name=remedy_on]", &day(days_ago)).await.unwrap();
        submit(&app, "remedy").await;
        app.wait_for(&format!("[data-remedies] tr[data-remedy={kind}]")).await.unwrap();
        app.go("#/complaints").await.unwrap();
        app.wait_for("[data-list=complaints] tr[data-complaint]").await.unwrap();
    }
    shot(&app, "evidence-s2-1-complaints").await;
    // A forbidden jump is not even offered; a bad cost is refused at its field.
    app.click("[data-list=complaints] tr[data-complaint] a").await.unwrap();
    app.click("[data-action=offer-remedy]").await.unwrap();
    app.fill("dialog[data-dialog=remedy] [name=cost]", "-40").await.unwrap();
    app.click("dialog[data-dialog=remedy] [data-submit=remedy]").await.unwrap();
    app.wait_text("dialog[data-dialog=remedy] [data-error-for=cost]", "negative").await.unwrap();
    app.click("dialog[data-dialog=remedy] [data-cancel=remedy]").await.unwrap();

    app.click("[data-nav=root-causes]").await.unwrap();
    app.click("[data-root-cause='Membratex']").await.unwrap();
    let totals = app.wait_text("[data-root-cause-totals]", "€4,550.50").await.unwrap();
    assert!(totals.contains('3'), "three complaints: {totals}");
    for (days_ago, _, _, _) in cases {
        let month = &day(days_ago)[..7];
        app.wait_text(&format!("[data-month-table] tr[data-month='{month}']"), "1").await.unwrap();
        let bar = app.find(&format!("[data-chart=complaints] [data-month='{month}']")).await.unwrap();
        assert_eq!(bar.attr("data-value").await.unwrap().as_deref(), Some("1"));
    }
    app.wait_text("[data-year-cost]", "€4,550.50").await.unwrap();
    app.wait_text("[data-root-cause='Membratex']", "3").await.unwrap();
    shot(&app, "evidence-s2-2-root-cause").await;
    app.click("[data-action=see-complaints]").await.unwrap();
    wait_count(&app, "[data-list=complaints] tr[data-complaint]", 3).await;
    app.quit().await;
}

async fn open_timeline(app: &App, customer: &str) {
    app.go("#/customers").await.unwrap();
    app.click(&format!("[data-list=customers] [data-customer='{customer}']")).await.unwrap();
    app.click("[data-action=open-timeline]").await.unwrap();
    app.wait_text("[data-timeline-title]", customer).await.unwrap();
}

/// Log an entry through the capture dialog; `fields` are (name, value) to fill or choose.
async fn log_entry(app: &App, kind: &str, when: &str, summary: &str, more: &[(&str, &str)]) {
    app.click("[data-action=log-entry]").await.unwrap();
    let d = "dialog[data-dialog=event]";
    app.select(&format!("{d} [name=kind]"), kind).await.unwrap();
    app.fill(&format!("{d} [name=occurred_at]"), when).await.unwrap();
    app.fill(&format!("{d} [name=summary]"), summary).await.unwrap();
    for (name, value) in more {
        let css = format!("{d} [name={name}]");
        if app.find(&css).await.unwrap().prop("tagName").await.unwrap().as_deref() == Some("SELECT") {
            app.select(&css, value).await.unwrap();
        } else {
            app.fill(&css, value).await.unwrap();
        }
    }
    submit(app, "event").await;
    app.wait_for(&format!("[data-timeline] [data-summary='{summary}']")).await.unwrap();
}

/// Situation 3: the commitment made to the client, the dated written order not to contact
/// him, and a decision with two options (risks, contingencies) and who to escalate to.
#[tokio::test(flavor = "multi_thread")]
async fn situation_3_a_commitment_a_dated_order_and_a_decision() {
    let dir = Scratch::new("ev-s3");
    let file = dir.join("s3.casefile");
    drop(world(&file, "Alder Health Clinics", ("Dr. Marcus Bell", "Chief Operating Officer", "m.bell@alderhealth.example")));
    let app = App::launch(&file).await.unwrap();
    open_timeline(&app, "Alder Health Clinics").await;
    let met = format!("{} 10:00", day(20));
    log_entry(&app, "Meeting", &met, "Met Dr. Bell; committed to take his concerns to senior management", &[
        ("details", "I told him I would come back to him by the end of the month."),
    ])
    .await;
    let ordered = format!("{} 09:02", day(12));
    log_entry(&app, "Decision", &ordered, "Rolf Brandt ordered me not to contact Dr. Bell again", &[
        ("source_person_id", "Rolf Brandt"),
        ("source_text", "E-mail from Rolf Brandt"),
        ("strength", "Written"),
        ("actor_id", "Rolf Brandt"),
    ])
    .await;
    let order = app.text("[data-timeline] [data-summary='Rolf Brandt ordered me not to contact Dr. Bell again']").await.unwrap();
    assert!(order.contains(&ordered) && order.contains("Written") && order.contains("Rolf Brandt"), "the order is dated, written and sourced: {order}");

    app.click("[data-nav=decisions]").await.unwrap();
    app.wait_for("[data-empty=decisions]").await.unwrap();
    app.click("[data-action=new-decision]").await.unwrap();
    let d = "dialog[data-dialog=decision]";
    app.fill(&format!("{d} [name=title]"), "Whether to escalate Alder Health to Margaret Okafor").await.unwrap();
    app.fill(&format!("{d} [name=context]"), "Ordered not to contact Dr. Bell after I promised to take his concerns upward.").await.unwrap();
    app.select(&format!("{d} [name=account_id]"), "Alder Health Clinics").await.unwrap();
    app.select(&format!("{d} [name=escalate_to_id]"), "Margaret Okafor").await.unwrap();
    for (i, (label, risks, benefits, contingency)) in [
        ("Comply and stay silent", "Dr. Bell concludes we broke our word; the account is lost", "No conflict with Rolf", "If he calls, refer him to Rolf in writing"),
        ("Escalate to Margaret Okafor", "Rolf sees it as going over his head", "The commitment is kept", "If Margaret backs Rolf, ask for the order in writing"),
    ]
    .into_iter()
    .enumerate()
    {
        app.fill(&format!("{d} [name='options[{i}].label']"), label).await.unwrap();
        app.fill(&format!("{d} [name='options[{i}].risks']"), risks).await.unwrap();
        app.fill(&format!("{d} [name='options[{i}].benefits']"), benefits).await.unwrap();
        app.fill(&format!("{d} [name='options[{i}].contingency']"), contingency).await.unwrap();
    }
    // Without risks the record would not show what was weighed: refused at that field.
    app.fill(&format!("{d} [name='options[1].risks']"), "").await.unwrap();
    app.click(&format!("{d} [data-submit=decision]")).await.unwrap();
    app.wait_text(&format!("{d} [data-error-for='options[1].risks']"), "risks").await.unwrap();
    app.fill(&format!("{d} [name='options[1].risks']"), "Rolf sees it as going over his head").await.unwrap();
    app.select(&format!("{d} [name=chosen]"), "Option 2").await.unwrap();
    app.fill(&format!("{d} [name=rationale]"), "A promise made before the order still stands; Margaret decides with the facts.").await.unwrap();
    submit(&app, "decision").await;
    app.wait_text("[data-escalate-to]", "Margaret Okafor").await.unwrap();
    wait_count(&app, "[data-option-card]", 2).await;
    app.wait_text("[data-option-card='Escalate to Margaret Okafor']", "Chosen").await.unwrap();
    app.wait_text("[data-option-card='Comply and stay silent']", "If he calls, refer him to Rolf in writing").await.unwrap();
    app.wait_text("[data-chosen]", "decided by Dana Whitfield").await.unwrap();
    shot(&app, "evidence-s3-1-decision").await;

    open_timeline(&app, "Alder Health Clinics").await;
    app.wait_for("[data-timeline] [data-kind=decision-record]").await.unwrap();
    app.wait_text("[data-timeline]", "Chose “Escalate to Margaret Okafor”").await.unwrap();
    app.wait_text("[data-timeline]", &met).await.unwrap();
    shot(&app, "evidence-s3-2-timeline").await;
    app.quit().await;
}

const RFC2047_EML: &str = "Message-ID: <seams-2291@kestrel.example>\r\n\
Date: Tue, 03 Mar 2026 14:05:00 +0100\r\n\
From: Owen Gallagher <owen@kestrel.example>\r\n\
To: Dana Whitfield <dana@aquila.example>\r\n\
Subject: =?utf-8?b?TsOkaHRlIGzDtnNlbiBzaWNoIOKAkyBEdW5tb3JlIHNpdGU=?=\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"b1\"\r\n\
\r\n\
--b1\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
\r\n\
The seams on the north roof are lifting again. Lot 2291.\r\n\
--b1\r\n\
Content-Type: application/pdf; name=\"site report.pdf\"\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
JVBERi0xLjQKJSBzaXRlIHJlcG9ydAo=\r\n\
--b1--\r\n";

/// Drop files as Tauri's drag-drop hands them over: the same event the window's drop
/// handler raises, since WebDriver cannot drive a native drag.
async fn drop_files(app: &App, paths: &[&Path]) {
    let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    app.client
        .execute("window.dispatchEvent(new CustomEvent('casefile:files-dropped', { detail: { paths: arguments[0] } }))", vec![serde_json::json!(list)])
        .await
        .unwrap();
}

/// An .eml dropped on a customer's timeline becomes a dated e-mail entry with the raw file
/// attached; the same message again is caught, and a file that is not an e-mail is explained.
#[tokio::test(flavor = "multi_thread")]
async fn an_eml_import_appears_on_the_timeline() {
    let dir = Scratch::new("ev-eml");
    let file = dir.join("eml.casefile");
    drop(world(&file, "Kestrel Roofing Ltd", ("Owen Gallagher", "Site Director", "owen@kestrel.example")));
    let eml = dir.join("Seams.eml");
    std::fs::write(&eml, RFC2047_EML).unwrap();
    let fake = dir.join("notes.eml");
    std::fs::write(&fake, "Shopping list\nmilk\n").unwrap();
    let app = App::launch(&file).await.unwrap();
    open_timeline(&app, "Kestrel Roofing Ltd").await;
    app.wait_for("[data-empty=timeline]").await.unwrap();
    drop_files(&app, &[&eml]).await;
    let entry = "[data-timeline] [data-kind=email]";
    app.wait_text(entry, "Nähte lösen sich – Dunmore site").await.unwrap();
    let text = app.text(entry).await.unwrap();
    assert!(text.contains("2026-03-03"), "dated by the Date header: {text}");
    assert!(text.contains("Written") && text.contains("E-mail from Owen Gallagher"), "{text}");
    app.wait_text(&format!("{entry} [data-file='Seams.eml']"), "message/rfc822").await.unwrap();
    app.wait_text(&format!("{entry} [data-file='site report.pdf']"), "application/pdf").await.unwrap();
    let sha = app.find(&format!("{entry} [data-file='Seams.eml'] [data-sha256]")).await.unwrap().attr("data-sha256").await.unwrap().unwrap_or_default();
    assert_eq!(sha, casefile_e2e::file_hash(&eml), "the raw .eml is kept byte for byte");
    app.click(&format!("{entry} [data-email] summary")).await.unwrap();
    app.wait_text(&format!("{entry} [data-email]"), "The seams on the north roof are lifting again").await.unwrap();
    shot(&app, "evidence-eml-1-imported").await;

    drop_files(&app, &[&eml, &fake]).await;
    let problems = app.wait_text("[data-file-problems]", "already imported").await.unwrap();
    assert!(problems.contains("notes.eml") && problems.contains("not an e-mail"), "{problems}");
    shot(&app, "evidence-eml-2-problems").await;
    app.click("dialog[data-dialog=file-problems] [data-submit=file-problems]").await.unwrap();
    wait_count(&app, "[data-timeline] [data-kind=email]", 1).await;
    app.quit().await;
}

/// Editing an entry makes a revision; the original stays, marked superseded, with what
/// changed; a retraction keeps its entry with the reason.
#[tokio::test(flavor = "multi_thread")]
async fn an_edited_event_shows_its_superseded_original() {
    let dir = Scratch::new("ev-rev");
    let file = dir.join("rev.casefile");
    drop(world(&file, "Kestrel Roofing Ltd", ("Owen Gallagher", "Site Director", "owen@kestrel.example")));
    let app = App::launch(&file).await.unwrap();
    open_timeline(&app, "Kestrel Roofing Ltd").await;
    let original = "Owen asked for a credit";
    log_entry(&app, "Call", &format!("{} 11:00", day(3)), original, &[]).await;
    app.click(&format!("[data-summary='{original}'] [data-action=revise]")).await.unwrap();
    let d = "dialog[data-dialog=revise]";
    app.fill(&format!("{d} [name=summary]"), "Owen asked for a credit of €2,000 for the Dunmore roof").await.unwrap();
    app.click(&format!("{d} [name=disputed]")).await.unwrap();
    submit(&app, "revise").await;
    let revised = "[data-summary='Owen asked for a credit of €2,000 for the Dunmore roof']";
    app.wait_for(revised).await.unwrap();
    let old = format!("[data-summary='{original}']");
    app.wait_for(&format!("{old} [data-superseded-badge]")).await.unwrap();
    app.wait_text(&format!("{old} [data-superseded-notice]"), "Superseded: revised on").await.unwrap();
    assert!(app.find_all(&format!("{old} [data-action=revise]")).await.unwrap().is_empty(), "a superseded entry cannot be revised again");
    let changes = app.wait_text(&format!("{revised} [data-changes]"), "Owen asked for a credit").await.unwrap();
    assert!(changes.contains("Summary") && changes.contains("Disputed"), "{changes}");
    app.wait_for(&format!("{revised} [data-disputed]")).await.unwrap();

    let wrong = "Logged for the wrong customer";
    log_entry(&app, "Note", &day(1), wrong, &[("occurred_precision", "Day")]).await;
    app.click(&format!("[data-summary='{wrong}'] [data-action=retract]")).await.unwrap();
    app.fill("dialog[data-dialog=retract] [name=reason]", "This was Meridian Foods").await.unwrap();
    submit(&app, "retract").await;
    app.wait_text(&format!("[data-summary='{wrong}'] [data-retraction]"), "This was Meridian Foods").await.unwrap();
    shot(&app, "evidence-rev-1-superseded").await;

    app.click("[data-filter=superseded]").await.unwrap();
    wait_count(&app, &old, 0).await;
    app.wait_for(revised).await.unwrap();
    app.quit().await;
}
