//! Journeys of "before the call", in the real window on the demo file:
//! 1. the briefing of a customer, opened from the keyboard alone (Ctrl+B, type-ahead, Enter),
//!    shows the overdue promise, who made it, and the talking point that acknowledges it;
//! 2. search finds a word that appears only in the body of an e-mail imported through the
//!    path-based import (the one a drop uses), and FTS syntax typed into it never errors;
//! 3. the dashboard shows the same figures the core works out on the same file.

use casefile_core::chrono::Local;
use casefile_core::{dashboard, CaseFile};
use casefile_e2e::{demo_file, key, App, Scratch};
use std::time::Duration;

/// Let the window settle before the screen is captured.
async fn shot(app: &App, name: &str) {
    tokio::time::sleep(Duration::from_millis(400)).await;
    app.screenshot(name).await.unwrap();
}

/// The whole screen at once, for the README: the window grows to the page's height.
async fn full_page_shot(app: &App, name: &str) {
    let height = app.js("const v = document.querySelector('[data-view]'); v.scrollTop = 0; return v.scrollHeight + v.getBoundingClientRect().top").await.unwrap();
    let height = height.as_f64().unwrap_or(860.0).clamp(860.0, 2400.0) as u32 + 8;
    app.client.set_window_size(1280, height).await.unwrap();
    shot(app, name).await;
    app.client.set_window_size(1280, 860).await.unwrap();
}

/// Tiles show whole amounts when there are no cents: "€190,000.00" is shown "€190,000".
fn whole(amounts: &str) -> String {
    amounts.split(" + ").map(|a| a.replace(".00 ", " ").trim_end_matches(".00").to_string()).collect::<Vec<_>>().join(" + ")
}

/// Press a key combination on whatever has focus, then release the modifiers.
async fn press(app: &App, keys: &str) {
    app.keys(&format!("{keys}{}", key::NULL)).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_briefing_from_the_keyboard_shows_the_overdue_promise_and_what_to_say() {
    let dir = Scratch::new("brief-1");
    let file = demo_file(&dir, "demo.casefile");
    let app = App::launch(&file).await.unwrap();
    app.wait_for("[data-dashboard] [data-figure=overdue]").await.unwrap();

    // Ctrl+B from the dashboard, type part of the name, Enter on the suggestion.
    press(&app, &format!("{}b", key::CONTROL)).await;
    app.wait_for("dialog[data-dialog=open-briefing] [data-typeahead=customer]").await.unwrap();
    app.keys("nordl").await.unwrap();
    app.wait_for("[data-typeahead-list=customer] [data-option='Nordlicht Logistik GmbH'][aria-selected=true]").await.unwrap();
    shot(&app, "briefing-0-ctrl-b").await;
    app.keys(key::ENTER).await.unwrap();
    app.wait_gone("dialog[data-dialog=open-briefing]").await.unwrap();
    app.wait_for("[data-briefing='Nordlicht Logistik GmbH']").await.unwrap();
    assert_eq!(app.js("return location.hash").await.unwrap().as_str().map(|h| h.starts_with("#/briefing/")), Some(true));

    // The overdue promise and its promiser are obvious.
    let overdue = app.wait_text("[data-brief-promises] .brief-promise.overdue", "Expedited 48-hour shipping").await.unwrap();
    assert!(overdue.to_lowercase().contains("17 days overdue"), "{overdue}");
    assert_eq!(app.text("[data-brief-promises] .brief-promise.overdue [data-promiser]").await.unwrap(), "Rolf Brandt");
    assert_eq!(app.text("[data-figure=overdue] .value").await.unwrap(), "1");
    // The right talking points: acknowledge it specifically, and don't promise for Rolf.
    let ack = app.text("[data-talking-points] [data-point=acknowledge_overdue]").await.unwrap();
    assert!(ack.contains("Rolf Brandt promised “Expedited 48-hour shipping, at our cost, for replacement membrane order #4471”"), "{ack}");
    assert!(ack.contains("17 days ago, and it has not been delivered"), "{ack}");
    let not_yours = app.text("[data-talking-points] [data-point=not_yours_to_give]").await.unwrap();
    assert!(not_yours.contains("Don’t confirm it or give a date on Rolf’s behalf"), "{not_yours}");
    let first = app.find("[data-talking-points] .point").await.unwrap();
    assert_eq!(first.attr("data-priority").await.unwrap().as_deref(), Some("high"));
    app.wait_text("[data-last-contact]", "Rolf Brandt").await.unwrap();
    app.wait_text("[data-compensation-total]", "€2,340.00").await.unwrap();
    app.js("document.querySelector('[data-view]').scrollTop = 0; return true").await.unwrap();
    shot(&app, "briefing").await;
    app.js("document.querySelector('[data-view]').scrollTop = 1e6; return true").await.unwrap();
    shot(&app, "briefing-lower").await;
    full_page_shot(&app, "briefing-full").await;

    // The Briefing section asks which customer, with those needing attention first.
    app.click("[data-nav=briefing]").await.unwrap();
    app.wait_text("[data-attention] .list-item:first-child", "overdue").await.unwrap();
    shot(&app, "briefing-picker").await;

    // From the customer's page, one key opens the same briefing.
    app.go("#/customers").await.unwrap();
    app.click("[data-list=customers] [data-customer='Kestrel Roofing Ltd']").await.unwrap();
    app.wait_for("[data-customer-card='Kestrel Roofing Ltd']").await.unwrap();
    app.js("document.activeElement.blur(); return true").await.unwrap();
    app.client.find(fantoccini::Locator::Css("body")).await.unwrap().send_keys("b").await.unwrap();
    app.wait_for("[data-briefing='Kestrel Roofing Ltd']").await.unwrap();
    app.wait_for("[data-talking-points] [data-point=compensation_given]").await.unwrap();
    shot(&app, "briefing-kestrel").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn search_finds_a_word_only_in_an_imported_emails_body() {
    let dir = Scratch::new("brief-2");
    let file = demo_file(&dir, "demo.casefile");
    let account = {
        let cf = CaseFile::open(&file).unwrap();
        casefile_core::accounts::find_by_name(cf.conn(), "Harbor & Vine Hotels").unwrap().remove(0).id
    };
    let eml = dir.join("Spring opening.eml");
    std::fs::write(
        &eml,
        "From: Amelia Price <amelia.price@harborvine.example>\r\nTo: Dana Whitfield <dana@aquila.example>\r\nDate: Tue, 03 Mar 2026 09:30:00 +0000\r\n\
         Subject: Spring opening\r\nMessage-ID: <spring-1@harborvine.example>\r\n\r\nThe fire inspector found the lobby doors fine, but the \
         zeppelinfield annex closers near the stairs still stick. Please send the fitters again before Friday.\r\n",
    )
    .unwrap();
    let app = App::launch(&file).await.unwrap();
    app.wait_for("[data-dashboard]").await.unwrap();
    // Import it through the path-based command a drop on the window uses.
    let report = app
        .client
        .execute(
            "return window.__TAURI__.core.invoke('add_files', { target: { account_id: arguments[0] }, paths: [arguments[1]] })",
            vec![serde_json::json!(account), serde_json::json!(eml.display().to_string())],
        )
        .await
        .unwrap();
    assert_eq!(report["imported"].as_array().map(|a| a.len()), Some(1), "{report}");

    // "/" from anywhere goes to search with the cursor in the box.
    app.js("document.activeElement.blur(); return true").await.unwrap();
    app.client.find(fantoccini::Locator::Css("body")).await.unwrap().send_keys("/").await.unwrap();
    app.wait_for("[data-search-input]").await.unwrap();
    let focused = app.js("return document.activeElement && document.activeElement.hasAttribute('data-search-input')").await.unwrap();
    assert_eq!(focused, serde_json::json!(true), "the search box has the cursor");
    app.keys("credit").await.unwrap();
    app.wait_for("[data-search-status][data-query='credit']").await.unwrap();
    app.wait_for("[data-search-group=promise]").await.unwrap();
    shot(&app, "search-credit").await;
    app.fill("[data-search-input]", "zeppelinfi").await.unwrap();
    let hit = app.wait_text("[data-search-group=email] [data-hit=email]", "Spring opening").await.unwrap();
    assert!(hit.contains("zeppelinfield annex closers"), "the snippet shows the body: {hit}");
    assert_eq!(app.text("[data-search-group=email] [data-hit=email] mark").await.unwrap(), "zeppelinfield");
    assert!(app.find("[data-search-group=event]").await.is_err(), "the word is only in the body, not on the timeline");
    shot(&app, "search").await;

    // FTS syntax is just text: no error, and the words (NEAR among them) are still found.
    app.fill("[data-search-input]", "\"zeppelinfield -annex NEAR(").await.unwrap();
    app.wait_for("[data-search-status][data-query='\"zeppelinfield -annex NEAR(']").await.unwrap();
    assert!(app.find("[data-search-error]").await.is_err());
    app.wait_text("[data-search-group=email]", "Spring opening").await.unwrap();
    // Ctrl+K comes back to the box from another screen, keeping the search.
    app.go("#/people").await.unwrap();
    app.wait_for("[data-nav=people][aria-current=page]").await.unwrap();
    press(&app, &format!("{}k", key::CONTROL)).await;
    app.wait_for("[data-search-group=email]").await.unwrap();
    app.click("[data-search-group=email] [data-hit=email]").await.unwrap();
    app.wait_text("[data-timeline-title]", "Harbor & Vine Hotels").await.unwrap();
    app.wait_text("[data-timeline]", "Spring opening").await.unwrap();
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_shows_the_figures_the_core_works_out() {
    let dir = Scratch::new("brief-3");
    let file = demo_file(&dir, "demo.casefile");
    let today = Local::now().date_naive();
    let d = {
        let cf = CaseFile::open(&file).unwrap();
        dashboard::build(cf.conn(), today).unwrap()
    };
    let app = App::launch(&file).await.unwrap();
    // The dashboard is home.
    app.wait_for("[data-nav=dashboard][aria-current=page]").await.unwrap();
    app.wait_text("[data-figure=overdue] .value", &d.overdue.total.to_string()).await.unwrap();
    assert_eq!(app.text("[data-figure=overdue] .value").await.unwrap(), d.overdue.total.to_string());
    assert_eq!(app.text("[data-figure=due-this-week] .value").await.unwrap(), d.due_this_week.total.to_string());
    assert_eq!(app.text("[data-figure=escalation] .value").await.unwrap(), format!("{}%", d.escalation.overall.percent));
    assert_eq!(app.text("[data-figure=lost-quarter] .value").await.unwrap(), whole(&d.quarter.lost.all.format()));
    assert_eq!(app.text("[data-figure=remedies-quarter] .value").await.unwrap(), whole(&d.quarter.remedy_cost.format()));
    assert_eq!(app.find_all("[data-due=overdue] [data-promise]").await.unwrap().len(), d.overdue.items.len());
    let broken = app.find("[data-meter-broken]").await.unwrap().attr("data-meter-broken").await.unwrap();
    assert_eq!(broken, Some(d.escalation.overall.broken.to_string()));

    // The complaints chart: one bar per month with the core's totals, a legend per cause.
    let total: u32 = d.complaints.totals.iter().sum();
    assert_eq!(app.find("[data-complaints-chart]").await.unwrap().attr("data-complaints-chart").await.unwrap(), Some(total.to_string()));
    let bars = app.find_all("[data-chart=complaints-by-cause] .bar-group").await.unwrap();
    assert_eq!(bars.len(), 12);
    for (bar, (month, n)) in bars.iter().zip(d.complaints.months.iter().zip(&d.complaints.totals)) {
        assert_eq!(bar.attr("data-month").await.unwrap().as_deref(), Some(month.as_str()));
        assert_eq!(bar.attr("data-total").await.unwrap(), Some(n.to_string()));
    }
    for s in &d.complaints.series {
        app.wait_for(&format!("[data-legend=complaints] [data-series='{}']", s.name)).await.unwrap();
    }
    // Each promiser's on-time rate.
    for p in d.promisers.iter().filter(|p| p.on_time_rate.is_some()) {
        let row = app.find(&format!("[data-chart=on-time] [data-promiser='{}']", p.name)).await.unwrap();
        assert_eq!(row.attr("data-percent").await.unwrap(), p.on_time_rate.map(|r| r.percent.to_string()), "{}", p.name);
    }
    app.wait_for("[data-reminders] [data-kind=overdue]").await.unwrap();
    shot(&app, "dashboard").await;
    app.js("document.querySelector('[data-view]').scrollTop = 1e6; return true").await.unwrap();
    shot(&app, "dashboard-lower").await;
    full_page_shot(&app, "dashboard-full").await;

    // Snoozing a reminder takes it off the list, and says it is sleeping.
    let first = app.find("[data-reminders] [data-reminder]").await.unwrap().attr("data-reminder").await.unwrap().unwrap();
    app.click("[data-reminders] [data-reminder] [data-snooze=week]").await.unwrap();
    app.wait_gone(&format!("[data-reminders] [data-reminder='{first}']")).await.unwrap();
    app.wait_for("[data-reminders] [data-snoozed='1']").await.unwrap();
    app.quit().await;
}
