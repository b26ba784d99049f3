//! Command tests of "before the call": the briefing, the dashboard, search and reminders,
//! through the real handlers and capability on Tauri's mock runtime, on a case file on disk
//! with a fixed day (Friday 20 March 2026), so .eml files travel through real paths.

use casefile_app::state::AppState;
use casefile_core::chrono::NaiveDate;
use casefile_core::clock::FixedClock;
use casefile_core::{CaseFile, OpenOptions};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Arc;
use tauri::test::{mock_builder, MockRuntime};
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

mod ipc;
use ipc::invoke;

type Window = WebviewWindow<MockRuntime>;

struct Scratch(PathBuf);
impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn app(tag: &str) -> (tauri::App<MockRuntime>, Window, Scratch) {
    let app = casefile_app::builder(mock_builder()).build(tauri::generate_context!()).expect("build the app on the mock runtime");
    let dir = std::env::temp_dir().join(format!("casefile-briefcmd-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let clock = Arc::new(FixedClock::on(NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()));
    let cf = CaseFile::open_with(&dir.join("test.casefile"), OpenOptions { create: true, clock: Some(clock), ..Default::default() }).unwrap();
    app.manage(AppState::with_case_file(cf, dir.join("config"), dir.join("data")));
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    (app, window, Scratch(dir))
}

fn ok(w: &Window, cmd: &str, args: Value) -> Value {
    invoke(w, cmd, args.clone()).unwrap_or_else(|e| panic!("{cmd} {args} failed: {e}"))
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap().to_string()
}

/// Dana (me), her boss Rolf, Nordlicht with Greta and Dana as its communicator, and Rolf's
/// promise of expedited shipping, due ten days ago and chased twice. Returns (account, promise).
fn nordlicht(w: &Window) -> (String, String) {
    let rolf = id(&ok(w, "create_person", json!({ "input": { "name": "Rolf Brandt", "email": "rolf@aquila.example" } })));
    let me = id(&ok(w, "create_person", json!({ "input": { "name": "Dana Whitfield", "is_me": true, "manager_id": rolf } })));
    let account = id(&ok(w, "create_account", json!({ "input": { "name": "Nordlicht Logistik GmbH", "communicator_id": me } })));
    ok(w, "create_contact", json!({ "accountId": account, "input": { "name": "Greta Lindqvist", "email": "g.lindqvist@nordlicht.example" } }));
    let saved = ok(w, "create_promise", json!({ "input": {
        "made_by_id": rolf, "account_id": account, "made_at": "2026-03-01", "what": "Expedited 48-hour shipping of order #4471", "due_on": "2026-03-10" } }));
    let promise = id(&saved["promise"]);
    for day in ["2026-03-12", "2026-03-13"] {
        ok(w, "add_follow_up", json!({ "promiseId": promise, "input": { "sent_at": day, "sent_to": "Rolf Brandt" } }));
    }
    (account, promise)
}

#[test]
fn the_briefing_comes_whole_with_its_talking_points() {
    let (_app, w, _dir) = app("brief");
    let (account, promise) = nordlicht(&w);
    let b = ok(&w, "get_briefing", json!({ "accountId": account }));
    assert_eq!(b["account"]["name"], "Nordlicht Logistik GmbH");
    assert_eq!(b["figures"]["overdue_promises"], 1);
    assert_eq!(b["figures"]["unanswered_follow_ups"], 2);
    assert_eq!(b["promises"][0]["made_by_name"], "Rolf Brandt");
    assert_eq!(b["communicator"]["is_me"], true);
    let points = b["talking_points"].as_array().unwrap();
    let about = |kind: &str| points.iter().find(|p| p["kind"] == kind).map(|p| p["about"]["id"].clone());
    assert_eq!(about("acknowledge_overdue"), Some(json!(promise)));
    assert_eq!(about("not_yours_to_give"), Some(json!(promise)));
    assert_eq!(points[0]["priority"], "high");
    let err = invoke(&w, "get_briefing", json!({ "accountId": "nope" })).unwrap_err();
    assert_eq!(err["kind"], "not_found");
}

#[test]
fn the_dashboard_agrees_with_the_ledger() {
    let (_app, w, _dir) = app("dash");
    let (account, _) = nordlicht(&w);
    ok(&w, "create_promise", json!({ "input": { "made_by_id": id(&ok(&w, "list_people", json!({ "query": { "search": "Dana" } }))["items"][0]),
        "account_id": account, "what": "Send the revised schedule", "due_on": "2026-03-21" } }));
    let d = ok(&w, "get_dashboard", json!({}));
    let overdue = ok(&w, "list_promises", json!({ "query": { "overdue": true } }));
    assert_eq!(d["overdue"]["total"], overdue["total"]);
    assert_eq!(d["overdue"]["total"], 1);
    assert_eq!((d["week"]["from"].as_str(), d["week"]["to"].as_str()), (Some("2026-03-16"), Some("2026-03-22")));
    assert_eq!(d["due_this_week"]["total"], 1);
    assert_eq!(d["complaints"]["months"].as_array().unwrap().len(), 12);
    assert_eq!(d["escalation"]["overall"]["broken_threshold"], 5);
    assert_eq!(d["promisers"].as_array().unwrap().len(), 2);
}

#[test]
fn search_finds_an_imported_emails_body_and_never_fails_on_syntax() {
    let (_app, w, dir) = app("search");
    let (account, _) = nordlicht(&w);
    let eml = dir.0.join("Pallets.eml");
    std::fs::write(
        &eml,
        "From: Greta Lindqvist <g.lindqvist@nordlicht.example>\r\nTo: dana@aquila.example\r\nDate: Mon, 16 Mar 2026 10:00:00 +0000\r\nSubject: Pallets\r\nMessage-ID: <p-1@nordlicht.example>\r\n\r\nThe quarantine pallets are still in Hamburg.\r\n",
    )
    .unwrap();
    let report = ok(&w, "add_files", json!({ "target": { "account_id": account }, "paths": [eml] }));
    assert_eq!(report["imported"].as_array().unwrap().len(), 1);
    let r = ok(&w, "search_case_file", json!({ "query": { "text": "quarantine" } }));
    assert_eq!(r["groups"][0]["kind"], "email");
    let hit = &r["groups"][0]["hits"][0];
    assert_eq!(hit["title"], "Pallets");
    assert_eq!(hit["account_name"], "Nordlicht Logistik GmbH");
    let marked: Vec<&Value> = hit["snippet"].as_array().unwrap().iter().filter(|s| s["hit"] == true).collect();
    assert_eq!(marked[0]["text"], "quarantine");
    for text in ["\"", "NEAR(", "-", "*", "a\"b", "AND OR NOT"] {
        ok(&w, "search_case_file", json!({ "query": { "text": text } }));
    }
    let err = invoke(&w, "search_case_file", json!({ "query": { "text": "x", "from": "yesterday" } })).unwrap_err();
    assert_eq!((err["kind"].as_str(), err["field"].as_str()), (Some("validation"), Some("from")));
    let filtered = ok(&w, "search_case_file", json!({ "query": { "text": "pallets", "kind": "email", "account_id": account, "from": "2026-03-01", "to": "2026-03-31" } }));
    assert_eq!(filtered["groups"].as_array().unwrap().len(), 1);
}

#[test]
fn reminders_are_listed_notified_once_snoozed_and_dismissed() {
    let (_app, w, _dir) = app("remind");
    let (_, promise) = nordlicht(&w);
    let list = ok(&w, "list_reminders", json!({}));
    let key = format!("overdue:{promise}:2026-03-10");
    assert_eq!(list[0]["key"], key.as_str());

    // With notifications off nothing is sent or marked; the list still shows everything.
    let mut settings = ok(&w, "get_settings", json!({}));
    settings["notifications"] = json!(false);
    ok(&w, "save_settings", json!({ "settings": settings }));
    assert_eq!(ok(&w, "check_reminders", json!({})), json!([]));
    assert_eq!(ok(&w, "list_reminders", json!({}))[0]["notified_at"], Value::Null);

    settings["notifications"] = json!(true);
    ok(&w, "save_settings", json!({ "settings": settings }));
    let sent = ok(&w, "check_reminders", json!({}));
    assert_eq!(sent.as_array().unwrap().len(), list.as_array().unwrap().len());
    assert_eq!(ok(&w, "check_reminders", json!({})), json!([]), "each reminder is notified once");

    let snoozed = ok(&w, "snooze_reminder", json!({ "key": key, "until": "+1w" }));
    assert_eq!(snoozed["snoozed_until"], "2026-03-27");
    let err = invoke(&w, "snooze_reminder", json!({ "key": key, "until": "last week" })).unwrap_err();
    assert_eq!(err["field"], "until");
    ok(&w, "dismiss_reminder", json!({ "key": key }));
    assert!(ok(&w, "list_reminders", json!({})).as_array().unwrap().iter().all(|r| r["key"] != key.as_str()));
    assert_eq!(invoke(&w, "dismiss_reminder", json!({ "key": "nope" })).unwrap_err()["kind"], "not_found");
}

#[test]
fn every_command_of_this_area_is_granted_to_the_window() {
    let (_app, w, _dir) = app("granted");
    let build = include_str!("../build.rs");
    let start = build.find("// before the call").expect("the briefing commands in build.rs");
    let names: Vec<&str> = build[start..].lines().skip(1).map_while(|l| l.trim().strip_prefix('"')?.strip_suffix("\",")).collect();
    assert_eq!(names.len(), 7, "{names:?}");
    for name in names {
        let text = format!("{:?}", invoke(&w, name, json!({})));
        assert!(!text.contains("not allowed") && !text.contains("not found"), "{name}: {text}");
    }
    // The window itself has no notification permission: only Rust sends them.
    let err = invoke(&w, "plugin:notification|notify", json!({ "options": { "title": "x" } })).unwrap_err();
    assert!(format!("{err}").contains("not allowed"), "{err}");
}
