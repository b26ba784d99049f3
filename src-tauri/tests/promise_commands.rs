//! Command tests of the promise ledger: the real handlers, capability and config on Tauri's
//! mock runtime, with an in-memory case file on a fixed day. They prove each command passes
//! its input through to the core, returns typed errors with their field, and is granted.

use casefile_app::state::AppState;
use casefile_core::clock::FixedClock;
use casefile_core::chrono::NaiveDate;
use casefile_core::CaseFile;
use serde_json::{json, Value};
use std::sync::Arc;
use tauri::test::{mock_builder, MockRuntime};
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

mod ipc;
use ipc::invoke;

/// Monday 16 March 2026.
fn app() -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = casefile_app::builder(mock_builder()).build(tauri::generate_context!()).expect("build the app on the mock runtime");
    let dir = std::env::temp_dir().join(format!("casefile-promise-cmd-{}", std::process::id()));
    let clock = Arc::new(FixedClock::on(NaiveDate::from_ymd_opt(2026, 3, 16).unwrap()));
    app.manage(AppState::with_case_file(CaseFile::open_in_memory_with(clock).unwrap(), dir.join("config"), dir.join("data")));
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    (app, window)
}

fn ok(w: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Value {
    invoke(w, cmd, args).unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
}

/// Rolf (with a manager), Nordlicht with Greta; returns (rolf, margaret, nordlicht, greta).
fn cast(w: &WebviewWindow<MockRuntime>) -> (String, String, String, String) {
    let id = |v: Value| v["id"].as_str().unwrap().to_string();
    let margaret = id(ok(w, "create_person", json!({ "input": { "name": "Margaret Okafor", "email": "margaret@aquila.example" } })));
    let rolf = id(ok(w, "create_person", json!({ "input": { "name": "Rolf Brandt", "email": "rolf@aquila.example", "manager_id": margaret } })));
    ok(w, "create_person", json!({ "input": { "name": "Dana Whitfield", "is_me": true } }));
    let nordlicht = id(ok(w, "create_account", json!({ "input": { "name": "Nordlicht Logistik GmbH" } })));
    let greta = id(ok(w, "create_contact", json!({ "accountId": nordlicht, "input": { "name": "Greta Lindqvist", "email": "g@nordlicht.example" } })));
    (rolf, margaret, nordlicht, greta)
}

#[test]
fn a_promise_is_logged_listed_and_read_back_whole() {
    let (_app, w) = app();
    let (rolf, _, nordlicht, greta) = cast(&w);
    let saved = ok(&w, "create_promise", json!({ "input": {
        "made_by_id": rolf, "account_id": nordlicht, "contact_id": greta,
        "what": "Credit of €12,000 and expedited shipping", "made_at": "2026-03-02", "due_on": "2026-03-10",
        "value": "12,000", "value_currency": "EUR"
    } }));
    assert_eq!(saved["warnings"], json!([]));
    let p = &saved["promise"];
    assert_eq!(p["overdue"], true);
    assert_eq!(p["days_overdue"], 6);
    assert_eq!(p["value"]["minor"], 1_200_000);
    assert_eq!(p["missing"], json!(["resources", "success_criteria"]));
    let id = p["id"].as_str().unwrap();

    let list = ok(&w, "list_promises", json!({ "query": { "overdue": true } }));
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["chase"]["sentence"], "No confirmation or follow-up sent");
    let counts = ok(&w, "promise_counts", json!({}));
    assert_eq!((counts["open"].as_u64(), counts["overdue"].as_u64(), counts["today"].as_str()), (Some(1), Some(1), Some("2026-03-16")));
    let detail = ok(&w, "get_promise", json!({ "id": id }));
    assert_eq!(detail["due_dates"][0]["original"], true);
    assert_eq!(detail["promise"]["contact_name"], "Greta Lindqvist");
    let mine = ok(&w, "account_promises", json!({ "accountId": nordlicht }));
    assert_eq!(mine["promises"].as_array().unwrap().len(), 1);

    let far = ok(&w, "create_promise", json!({ "input": { "made_by_id": rolf, "account_id": nordlicht, "what": "Someday", "due_on": "2031-01-01" } }));
    assert_eq!(far["warnings"][0]["field"], "due_on");
}

#[test]
fn bad_input_comes_back_typed_at_its_field_and_nothing_is_saved() {
    let (_app, w) = app();
    let (rolf, _, nordlicht, _) = cast(&w);
    let cases = [
        (json!({ "made_by_id": "", "account_id": nordlicht, "what": "x", "due_on": "2026-04-01" }), "made_by_id"),
        (json!({ "made_by_id": rolf, "account_id": "gone", "what": "x", "due_on": "2026-04-01" }), "account_id"),
        (json!({ "made_by_id": rolf, "account_id": nordlicht, "what": "x", "due_on": "31.04.2026" }), "due_on"),
        (json!({ "made_by_id": rolf, "account_id": nordlicht, "what": "x", "made_at": "2026-03-10", "due_on": "2026-03-01" }), "due_on"),
        (json!({ "made_by_id": rolf, "account_id": nordlicht, "what": "x", "due_on": "fri", "value": "1.5", "value_currency": "JPY" }), "value"),
    ];
    for (input, field) in cases {
        let err = invoke(&w, "create_promise", json!({ "input": input })).unwrap_err();
        assert_eq!((err["kind"].as_str(), err["field"].as_str()), (Some("validation"), Some(field)), "{err}");
    }
    assert_eq!(ok(&w, "list_promises", json!({ "query": {} }))["total"], 0);
    let err = invoke(&w, "list_promises", json!({ "query": { "status": "lost" } })).unwrap_err();
    assert_eq!(err["field"], "status");
}

#[test]
fn situation_one_over_ipc_confirmation_follow_ups_broken_and_lost_revenue() {
    let (_app, w) = app();
    let (rolf, _, nordlicht, greta) = cast(&w);
    let p = ok(&w, "create_promise", json!({ "input": { "made_by_id": rolf, "account_id": nordlicht, "contact_id": greta, "what": "Credit", "made_at": "2026-03-02", "due_on": "2026-03-10" } }));
    let id = p["promise"]["id"].as_str().unwrap().to_string();

    let draft = ok(&w, "draft_confirmation", json!({ "promiseId": id, "options": { "to": "customer", "cc_promiser": true, "cc_manager": true } }));
    assert!(draft["mailto"].as_str().unwrap().starts_with("mailto:g@nordlicht.example?cc=rolf@aquila.example,margaret@aquila.example&subject="));
    let err = invoke(&w, "draft_confirmation", json!({ "promiseId": id, "options": { "to": "everyone" } })).unwrap_err();
    assert_eq!(err["field"], "to");
    ok(&w, "add_follow_up", json!({ "promiseId": id, "input": { "kind": "confirmation", "sent_at": "2026-03-04", "sent_to": draft["to_line"], "cc": draft["cc_line"], "body": draft["body"] } }));
    for d in ["2026-03-07", "2026-03-10", "2026-03-13"] {
        ok(&w, "add_follow_up", json!({ "promiseId": id, "input": { "sent_at": d, "sent_to": "Rolf Brandt" } }));
    }
    let detail = ok(&w, "get_promise", json!({ "id": id }));
    assert_eq!(detail["promise"]["chase"]["sentence"], "3 follow-ups, no reply for 12 days");
    assert_eq!(detail["promise"]["in_writing_since"], "2026-03-04");
    assert_eq!(detail["follow_ups"].as_array().unwrap().len(), 4);

    let err = invoke(&w, "break_promise", json!({ "id": id, "input": { "reason": "" } })).unwrap_err();
    assert_eq!(err["field"], "reason");
    ok(&w, "break_promise", json!({ "id": id, "input": { "broken_on": "2026-03-14", "reason": "Never approved" } }));
    let err = invoke(&w, "keep_promise", json!({ "id": id, "input": {} })).unwrap_err();
    assert_eq!(err["kind"], "conflict");
    let err = invoke(&w, "record_lost_revenue", json!({ "input": { "promise_id": id, "amount": "48,000.001", "currency": "EUR" } })).unwrap_err();
    assert_eq!(err["field"], "amount");
    ok(&w, "record_lost_revenue", json!({ "input": { "promise_id": id, "amount": "48,000", "currency": "EUR", "certainty": "confirmed", "note": "Order cancelled" } }));

    let records = ok(&w, "promiser_records", json!({}));
    let rolf_record = records.as_array().unwrap().iter().find(|r| r["name"] == "Rolf Brandt").unwrap();
    assert_eq!(rolf_record["broken"], 1);
    assert_eq!(rolf_record["follow_ups_unanswered"], 3);
    assert_eq!(rolf_record["lost"]["all"], json!([{ "minor": 4_800_000, "currency": "EUR" }]));
    let detail = ok(&w, "get_promise", json!({ "id": id }));
    assert_eq!(detail["lost_totals"]["confirmed"][0]["minor"], 4_800_000);
    let kinds: Vec<&str> = detail["timeline"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, vec!["follow_up", "follow_up", "follow_up", "follow_up", "status_change", "note"]);

    ok(&w, "reopen_promise", json!({ "id": id, "input": { "reason": "Finance approved after all" } }));
    let kept = ok(&w, "keep_promise", json!({ "id": id, "input": { "kept_on": "2026-03-16" } }));
    assert_eq!(kept["kept_on_time"], false);
    assert_eq!(kept["days_late"], 6);
}

#[test]
fn load_suggestions_renegotiation_and_disputes_over_ipc() {
    let (_app, w) = app();
    let (rolf, margaret, nordlicht, _) = cast(&w);
    for due in ["2026-03-17", "2026-03-18", "2026-03-19"] {
        ok(&w, "create_promise", json!({ "input": { "made_by_id": rolf, "account_id": nordlicht, "what": "x", "due_on": due } }));
    }
    let load = ok(&w, "commitment_load", json!({ "personId": rolf, "addingDue": "fri", "weeks": 3 }));
    assert_eq!(load["adding_due_on"], "2026-03-20");
    assert_eq!(load["weeks"].as_array().unwrap().len(), 3);
    assert!(load["warnings"][0].as_str().unwrap().contains("4th promise due this week"));
    let who = ok(&w, "suggest_promisers", json!({ "text": "rol" }));
    assert_eq!(who[0]["label"], "Rolf Brandt");
    let whom = ok(&w, "suggest_counterparties", json!({ "text": "greta" }));
    assert_eq!((whom[0]["kind"].as_str(), whom[0]["text"].as_str()), (Some("contact"), Some("Nordlicht Logistik GmbH — Greta Lindqvist")));
    assert_eq!(whom[0]["account_id"], nordlicht);

    let p = ok(&w, "create_promise", json!({ "input": { "made_by_id": rolf, "account_id": nordlicht, "what": "Feature", "made_at": "2026-03-01", "due_on": "2026-03-05" } }));
    let id = p["promise"]["id"].as_str().unwrap();
    let r = ok(&w, "renegotiate_promise", json!({ "id": id, "input": { "new_due_on": "2026-04-01", "agreed_with": "Greta", "reason": "Strike" } }));
    assert_eq!((r["renegotiations"].as_u64(), r["overdue"].as_bool()), (Some(1), Some(false)));
    let d = ok(&w, "dispute_promise", json!({ "id": id, "input": { "disputed": true, "note": "Rolf denies it" } }));
    assert_eq!(d["disputed"], true);
    let wd = ok(&w, "withdraw_promise", json!({ "id": id, "input": { "withdrawn_by_id": margaret, "reason": "Not ours to give" } }));
    assert_eq!(wd["withdrawn_by_name"], "Margaret Okafor");
    let f = ok(&w, "add_follow_up", json!({ "promiseId": id, "input": {} }));
    let reply = ok(&w, "record_reply", json!({ "followUpId": f["id"], "input": { "summary": "Noted" } }));
    assert_eq!(reply["reply_received_at"], "2026-03-16");
    let gone = ok(&w, "retract_follow_up", json!({ "id": f["id"], "reason": "Wrong promise" }));
    assert!(gone["retracted_at"].is_string());
    let l = ok(&w, "record_lost_revenue", json!({ "input": { "account_id": nordlicht, "amount": "1.500", "currency": "KWD" } }));
    assert_eq!(l["amount"]["minor"], 1500);
    assert!(ok(&w, "retract_lost_revenue", json!({ "id": l["id"], "reason": "Typo" }))["retracted_at"].is_string());
    assert_eq!(ok(&w, "linkable_complaints", json!({ "promiseId": id })), json!([]));
    assert_eq!(invoke(&w, "link_complaint", json!({ "promiseId": id, "complaintId": "none" })).unwrap_err()["field"], "complaint_id");
    assert_eq!(ok(&w, "update_promise", json!({ "id": id, "input": { "made_by_id": rolf, "account_id": nordlicht, "what": "Feature X", "made_at": "2026-03-01", "due_on": "2026-04-01" } }))["promise"]["what"], "Feature X");
}

#[test]
fn opening_a_draft_builds_the_url_in_rust_and_refuses_unknown_promises() {
    let (_app, w) = app();
    let err = invoke(&w, "open_confirmation_draft", json!({ "promiseId": "nope", "options": {} })).unwrap_err();
    assert_eq!(err["kind"], "not_found");
    // The window itself still has no opener permission: only the command opens, with its own URL.
    let err = invoke(&w, "plugin:opener|open_url", json!({ "url": "mailto:x@example.com" })).unwrap_err();
    assert!(err.as_str().unwrap_or_default().contains("not allowed"), "{err}");
}

#[test]
fn every_promise_command_is_granted_to_the_window() {
    let (_app, w) = app();
    let build = include_str!("../build.rs");
    let start = build.find("// the promise ledger").expect("the promise commands in build.rs");
    let names: Vec<&str> = build[start..].lines().skip(1).map_while(|l| l.trim().strip_prefix('"')?.strip_suffix("\",")).collect();
    assert!(names.len() >= 25, "{names:?}");
    for name in names {
        let outcome = invoke(&w, name, json!({}));
        let text = format!("{outcome:?}");
        assert!(!text.contains("not allowed") && !text.contains("not found"), "{name}: {text}");
    }
}
