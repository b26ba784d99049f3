//! Journeys of the promise ledger in the real window:
//! 1. situation 1 exactly as the issue lists it, from logging the boss's verbal promise to
//!    his record showing it broken and what it cost;
//! 2. quick capture from the keyboard alone;
//! 3. the demo's ledger, a promise's page, the promisers' table and a customer's promises.

use casefile_core::chrono::{Duration, Local, NaiveDate};
use casefile_core::people::{self, PersonInput};
use casefile_core::{accounts, contacts, promises, CaseFile};
use casefile_e2e::{demo_file, key, App, Scratch};
use std::path::{Path, PathBuf};

fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

struct Cast {
    rolf: String,
    priya: String,
    harbor: String,
}

/// Rolf Brandt (VP, reporting to Margaret Okafor), Dana (me), Priya, and two customers.
fn prepare(path: &Path) -> Cast {
    let mut cf = CaseFile::open(path).unwrap();
    let person = |cf: &mut CaseFile, name: &str, email: &str, manager: Option<String>, is_me: bool| {
        people::create(cf, &PersonInput { name: name.into(), email: email.into(), manager_id: manager, is_me, side: "internal".into(), ..Default::default() }).unwrap().id
    };
    let margaret = person(&mut cf, "Margaret Okafor", "margaret@aquila.example", None, false);
    let rolf = person(&mut cf, "Rolf Brandt", "rolf@aquila.example", Some(margaret), false);
    person(&mut cf, "Dana Whitfield", "dana@aquila.example", Some(rolf.clone()), true);
    let priya = person(&mut cf, "Priya Raman", "priya@aquila.example", None, false);
    let nordlicht = accounts::create(&mut cf, &accounts::AccountInput { name: "Nordlicht Logistik GmbH".into(), ..Default::default() }).unwrap().id;
    contacts::create(&mut cf, &nordlicht, &contacts::ContactInput { name: "Greta Lindqvist".into(), email: "g.lindqvist@nordlicht.example".into(), ..Default::default() }).unwrap();
    let harbor = accounts::create(&mut cf, &accounts::AccountInput { name: "Harbor & Vine Hotels".into(), ..Default::default() }).unwrap().id;
    Cast { rolf, priya, harbor }
}

fn file(dir: &Scratch, name: &str) -> PathBuf {
    dir.join(name)
}

/// WebKitWebDriver returns the frame painted before the call, so the first capture can
/// show the screen one step behind; the second one shows what is there now.
async fn shot(app: &App, name: &str) {
    app.screenshot(name).await.unwrap();
    app.screenshot(name).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn situation_one_the_boss_who_says_yes() {
    let dir = Scratch::new("p1");
    let path = file(&dir, "boss.casefile");
    prepare(&path);
    let app = App::launch(&path).await.unwrap();
    app.go("#/promises").await.unwrap();
    app.wait_for("[data-empty=promises]").await.unwrap();

    // 1. Log Rolf's verbal promise of a credit and expedited shipping, due ten days ago.
    let due = iso(today() - Duration::days(10));
    app.click("[data-action=log-promise]").await.unwrap();
    app.wait_for("dialog[data-dialog=quick-promise]").await.unwrap();
    app.fill("[data-typeahead=made_by_id]", "Rolf").await.unwrap();
    app.click("[data-typeahead-list=made_by_id] [data-option='Rolf Brandt']").await.unwrap();
    app.fill("[data-typeahead=account_id]", "Greta").await.unwrap();
    app.click("[data-typeahead-list=account_id] [data-option='Greta Lindqvist']").await.unwrap();
    app.fill("dialog[data-dialog=quick-promise] [name=what]", "Credit of €12,000 and expedited shipping of order #4471").await.unwrap();
    app.fill("dialog[data-dialog=quick-promise] [name=due_on]", &due).await.unwrap();
    app.fill("dialog[data-dialog=quick-promise] [name=made_at]", &iso(today() - Duration::days(14))).await.unwrap();
    app.wait_text("[data-load]", "Rolf Brandt’s commitments").await.unwrap();
    app.wait_for("[data-load] [data-due-resolved]").await.unwrap();
    shot(&app, "promises-1-log-the-verbal-promise").await;
    app.click("[data-submit=quick-promise]").await.unwrap();
    app.wait_gone("dialog[data-dialog=quick-promise]").await.unwrap();
    app.wait_text("[data-list=promises]", "Credit of €12,000 and expedited shipping").await.unwrap();
    app.wait_for("[data-list=promises] tr.overdue").await.unwrap();
    app.wait_text("[data-list=promises] tr.overdue", "Not in writing").await.unwrap();

    // 2. Record the confirmation draft as sent, then three follow-ups with no reply.
    app.click("[data-list=promises] tr.overdue a.promise-what").await.unwrap();
    app.wait_for("[data-promise-page]").await.unwrap();
    app.click("[data-action=put-in-writing]").await.unwrap();
    let to = app.wait_text("[data-draft-to]", "Greta Lindqvist <g.lindqvist@nordlicht.example>").await.unwrap();
    assert!(to.contains("Greta"));
    app.click("dialog[data-dialog=draft] [name=cc_manager]").await.unwrap();
    app.wait_text("[data-draft-cc]", "Margaret Okafor").await.unwrap();
    let body = app.text("[data-draft-body]").await.unwrap();
    assert!(body.contains("Credit of €12,000 and expedited shipping"), "{body}");
    assert!(body.contains("Rolf Brandt"), "{body}");
    shot(&app, "promises-1-draft-confirmation").await;
    app.click("[data-submit=draft]").await.unwrap();
    app.wait_gone("dialog[data-dialog=draft]").await.unwrap();
    app.wait_for("[data-in-writing=yes]").await.unwrap();
    for n in 1..=3 {
        app.click("[data-action=follow-up]").await.unwrap();
        app.wait_for("dialog[data-dialog=follow-up]").await.unwrap();
        app.click("[data-submit=follow-up]").await.unwrap();
        app.wait_gone("dialog[data-dialog=follow-up]").await.unwrap();
        app.wait_text("[data-follow-ups]", &format!("{n} follow-up")).await.unwrap();
    }

    // 3. It shows overdue, with "3 follow-ups, no reply".
    app.wait_text(".promise-head [data-chase]", "3 follow-ups, no reply").await.unwrap();
    let overdue = app.wait_text(".promise-head [data-overdue]", "overdue").await.unwrap();
    assert_eq!(overdue, "10 days overdue");
    app.wait_text("[data-nav-count=promises]", "1").await.unwrap();
    shot(&app, "promises-1-overdue-and-chased").await;

    // 4. Mark it broken and record the revenue lost.
    app.click("[data-action=break]").await.unwrap();
    app.fill("dialog[data-dialog=break] [name=reason]", "Finance never received Rolf's approval; no express carrier was booked.").await.unwrap();
    app.click("[data-submit=break]").await.unwrap();
    app.wait_for("dialog[data-dialog=lost-revenue]").await.unwrap();
    app.fill("dialog[data-dialog=lost-revenue] [name=amount]", "48,000").await.unwrap();
    app.fill("dialog[data-dialog=lost-revenue] [name=note]", "Nordlicht cancelled the spring re-roofing order (PO 7781).").await.unwrap();
    app.click("[data-submit=lost-revenue]").await.unwrap();
    app.wait_gone("dialog[data-dialog=lost-revenue]").await.unwrap();
    app.wait_text("[data-lost-total]", "€48,000.00").await.unwrap();
    app.wait_for("[data-promise-page][data-status=broken]").await.unwrap();
    app.wait_gone("[data-nav-count=promises]").await.unwrap();
    shot(&app, "promises-1-broken-with-lost-revenue").await;

    // 5. Rolf's record shows 1 broken and the amount lost.
    app.go("#/promisers").await.unwrap();
    let row = "[data-record-table] tr[data-promiser='Rolf Brandt']";
    app.wait_text(&format!("{row} [data-cell=broken]"), "1").await.unwrap();
    assert_eq!(app.text(&format!("{row} [data-cell=broken]")).await.unwrap(), "1");
    app.wait_text(&format!("{row} [data-cell=lost]"), "€48,000.00").await.unwrap();
    assert_eq!(app.text(&format!("{row} [data-cell=follow_ups_unanswered]")).await.unwrap(), "3");
    assert_eq!(app.text(&format!("{row} [data-cell=made]")).await.unwrap(), "1");
    shot(&app, "promises-1-rolfs-record").await;
    app.quit().await;

    // The file holds the whole story, chained.
    let cf = CaseFile::open(&path).unwrap();
    assert!(casefile_core::chain::verify(cf.conn()).unwrap().ok);
    let record = promises::record::all(cf.conn(), today()).unwrap();
    let rolf = record.iter().find(|r| r.name == "Rolf Brandt").unwrap();
    assert_eq!((rolf.broken, rolf.follow_ups_unanswered), (1, 3));
    assert_eq!(rolf.lost.confirmed.format(), "€48,000.00");
    let kinds: i64 = cf.conn().query_row("SELECT count(*) FROM events WHERE promise_id IS NOT NULL AND account_id IS NOT NULL", [], |r| r.get(0)).unwrap();
    assert_eq!(kinds, 6, "confirmation, three follow-ups, broken, lost revenue");
}

#[tokio::test(flavor = "multi_thread")]
async fn quick_capture_from_the_keyboard_alone() {
    let dir = Scratch::new("p2");
    let path = file(&dir, "quick.casefile");
    let cast = prepare(&path);
    {
        // Priya already has three promises due the day after tomorrow: the week's limit of three.
        let mut cf = CaseFile::open(&path).unwrap();
        for i in 0..3 {
            let due = iso(today() + Duration::days(2));
            let input = promises::PromiseInput { made_by_id: cast.priya.clone(), account_id: cast.harbor.clone(), what: format!("Earlier promise {i}"), due_on: due, ..Default::default() };
            promises::create(&mut cf, &input).unwrap();
        }
        let _ = &cast.rolf;
    }
    let app = App::launch(&path).await.unwrap();
    app.go("#/customers").await.unwrap();
    app.wait_for("[data-list=customers]").await.unwrap();

    // Ctrl+L from the Customers screen opens "Log a promise" with the cursor in "Who".
    app.keys(&format!("{}l{}", key::CONTROL, key::NULL)).await.unwrap();
    app.wait_for("dialog[data-dialog=quick-promise]").await.unwrap();
    let focused = app.js("return document.activeElement.dataset.typeahead || ''").await.unwrap();
    assert_eq!(focused, "made_by_id");

    // Type-ahead with the arrow keys and Enter.
    app.keys("ra").await.unwrap();
    app.wait_for("[data-typeahead-list=made_by_id][data-query=ra] [data-option='Priya Raman']").await.unwrap();
    app.wait_for("[data-typeahead-list=made_by_id] [data-option='Rolf Brandt']").await.unwrap();
    let first = app.text("[data-typeahead-list=made_by_id] [aria-selected=true] .typeahead-label").await.unwrap();
    assert_eq!(first, "Priya Raman", "the best match leads");
    app.keys(key::DOWN).await.unwrap();
    app.wait_text("[data-typeahead-list=made_by_id] [aria-selected=true]", "Rolf Brandt").await.unwrap();
    app.keys("\u{E013}").await.unwrap(); // ArrowUp, back to Priya
    app.wait_text("[data-typeahead-list=made_by_id] [aria-selected=true]", "Priya Raman").await.unwrap();
    app.keys(key::ENTER).await.unwrap();
    app.wait_gone("[data-typeahead-list=made_by_id]:not([hidden])").await.unwrap();
    let who = app.js("return document.querySelector('[data-typeahead=made_by_id]').value").await.unwrap();
    assert_eq!(who, "Priya Raman");
    assert!(app.find("dialog[data-dialog=quick-promise]").await.is_ok(), "Enter chose, it did not save");

    app.keys(key::TAB).await.unwrap();
    app.keys("harb").await.unwrap();
    app.wait_for("[data-typeahead-list=account_id][data-query=harb] [data-option='Harbor & Vine Hotels']").await.unwrap();
    // Esc closes the suggestions, not the dialog; ↓ brings them back.
    app.keys(key::ESCAPE).await.unwrap();
    app.wait_gone("[data-typeahead-list=account_id]:not([hidden])").await.unwrap();
    assert!(app.find("dialog[data-dialog=quick-promise]").await.is_ok(), "Esc on an open list keeps the dialog");
    app.keys(key::DOWN).await.unwrap();
    app.wait_for("[data-typeahead-list=account_id][data-query=harb] [aria-selected=true][data-option='Harbor & Vine Hotels']").await.unwrap();
    app.keys(key::ENTER).await.unwrap();
    app.wait_gone("[data-typeahead-list=account_id]:not([hidden])").await.unwrap();
    app.keys(&format!("{}Room upgrade for the spring conference, at no charge", key::TAB)).await.unwrap();
    app.keys(&format!("{}+2d", key::TAB)).await.unwrap();

    // While logging for Priya, her load for the coming weeks and the over-limit warning show.
    let warning = app.wait_text("[data-load-warning]", "Which one should be put off?").await.unwrap();
    assert!(warning.contains("Priya Raman's 4th promise due"), "{warning}");
    app.wait_for("[data-load] .load-week.over.new").await.unwrap();
    shot(&app, "promises-2-quick-capture-with-load").await;

    // Enter saves.
    app.keys(key::ENTER).await.unwrap();
    app.wait_gone("dialog[data-dialog=quick-promise]").await.unwrap();
    app.wait_for("[data-toast]").await.unwrap();
    shot(&app, "promises-2-logged").await;
    // "g then r" goes to the ledger, where the new promise is listed.
    app.keys("gr").await.unwrap();
    app.wait_text("[data-list=promises]", "Room upgrade for the spring conference, at no charge").await.unwrap();
    app.quit().await;

    let cf = CaseFile::open(&path).unwrap();
    let (who, whom, due): (String, String, String) = cf
        .conn()
        .query_row(
            "SELECT m.name, a.name, p.due_on FROM promises p JOIN people m ON m.id = p.made_by_id JOIN accounts a ON a.id = p.account_id WHERE p.what LIKE 'Room upgrade%'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((who.as_str(), whom.as_str(), due), ("Priya Raman", "Harbor & Vine Hotels", iso(today() + Duration::days(2))));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_ledger_a_promise_the_record_and_a_customer() {
    let dir = Scratch::new("p3");
    let path = demo_file(&dir, "demo.casefile");
    let app = App::launch(&path).await.unwrap();
    app.wait_for("[data-nav-count=promises]").await.unwrap();
    app.go("#/promises").await.unwrap();
    app.wait_for("[data-list=promises] tr.overdue").await.unwrap();
    app.wait_text("[data-list=promises]", "3 follow-ups, no reply for 23 days").await.unwrap();
    shot(&app, "promises-3-demo-ledger").await;

    app.click("[data-filter=overdue]").await.unwrap();
    app.wait_for("[data-filter=overdue][aria-pressed=true]").await.unwrap();
    let overdue_rows = app.find_all("[data-list=promises] tbody tr").await.unwrap().len();
    let badge: usize = app.text("[data-nav-count=promises]").await.unwrap().parse().unwrap();
    assert_eq!(overdue_rows, badge, "the navigation counts the overdue rows");
    assert_eq!(app.find_all("[data-list=promises] tbody tr:not(.overdue)").await.unwrap().len(), 0);

    app.click("[data-list=promises] tr[data-promise^='Expedited 48-hour shipping'] a.promise-what").await.unwrap();
    app.wait_text(".promise-head [data-chase]", "3 follow-ups, no reply for 23 days").await.unwrap();
    app.wait_for("[data-expectation='With what resources'][data-missing=no]").await.unwrap();
    shot(&app, "promises-3-demo-promise").await;

    app.go("#/promisers").await.unwrap();
    app.wait_text("[data-record-table] tr[data-promiser='Rolf Brandt'] [data-cell=lost]", "€183,000.00").await.unwrap();
    shot(&app, "promises-3-demo-promisers").await;

    app.go("#/customers").await.unwrap();
    app.click("[data-list=customers] [data-customer='Nordlicht Logistik GmbH']").await.unwrap();
    app.wait_text("[data-customer-promises='Nordlicht Logistik GmbH']", "Expedited 48-hour shipping").await.unwrap();
    app.wait_for("[data-customer-lost]").await.unwrap();
    shot(&app, "promises-3-demo-customer").await;
    app.quit().await;
}
