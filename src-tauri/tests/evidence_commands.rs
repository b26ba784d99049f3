//! Command tests for complaints, remedies, root causes, the timeline, files and decisions:
//! the real handlers and capability on Tauri's mock runtime, with a real case file on disk
//! (so attachments and .eml files travel through real paths).

use casefile_app::state::AppState;
use casefile_core::CaseFile;
use serde_json::{json, Value};
use std::path::PathBuf;
use tauri::test::mock_builder;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

mod ipc;
use ipc::{invoke, invoke_from};

type Window = WebviewWindow<tauri::test::MockRuntime>;

struct Scratch(PathBuf);
impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn app(tag: &str) -> (tauri::App<tauri::test::MockRuntime>, Window, Scratch) {
    let app = casefile_app::builder(mock_builder()).build(tauri::generate_context!()).expect("build the app on the mock runtime");
    let dir = std::env::temp_dir().join(format!("casefile-evcmd-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let cf = CaseFile::open(&dir.join("test.casefile")).unwrap();
    app.manage(AppState::with_case_file(cf, dir.join("config"), dir.join("data")));
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    (app, window, Scratch(dir))
}

fn ok(w: &Window, cmd: &str, args: Value) -> Value {
    invoke(w, cmd, args.clone()).unwrap_or_else(|e| panic!("{cmd} {args} failed: {e}"))
}

/// A customer with a contact, and one of our people.
fn customer(w: &Window) -> (String, String, String) {
    let me = ok(w, "create_person", json!({ "input": { "name": "Dana Whitfield", "is_me": true } }));
    let a = ok(w, "create_account", json!({ "input": { "name": "Kestrel Roofing Ltd", "communicator_id": me["id"] } }));
    let c = ok(w, "create_contact", json!({ "accountId": a["id"], "input": { "name": "Owen Gallagher", "email": "owen@kestrel.example" } }));
    (a["id"].as_str().unwrap().into(), c["id"].as_str().unwrap().into(), me["id"].as_str().unwrap().into())
}

#[test]
fn a_complaint_moves_through_its_workflow_and_refusals_come_back_typed() {
    let (_app, w, _dir) = app("workflow");
    let (account, contact, me) = customer(&w);
    let root = ok(&w, "create_root_cause", json!({ "input": { "name": "Membratex" } }));
    let lot = ok(&w, "create_root_cause", json!({ "input": { "name": "lot 2291", "parent_id": root["id"] } }));
    assert_eq!(lot["path"], "Membratex > lot 2291");
    let c = ok(&w, "create_complaint", json!({ "input": {
        "account_id": account, "complainant_contact_id": contact, "received_at": "", "description": "Seams lifting",
        "severity": "2", "root_cause_id": lot["id"] } }));
    assert!(c["reference"].as_str().unwrap().starts_with("C-"));
    let id = c["id"].as_str().unwrap();
    let err = invoke(&w, "move_complaint", json!({ "id": id, "input": { "to": "closed" } })).unwrap_err();
    assert_eq!(err["kind"], "conflict");
    assert!(err["message"].as_str().unwrap().contains("From Received it can go to Acknowledged"), "{err}");
    ok(&w, "move_complaint", json!({ "id": id, "input": { "to": "acknowledged", "note": "Called Owen back" } }));
    let detail = ok(&w, "get_complaint", json!({ "id": id }));
    assert_eq!(detail["complaint"]["status"], "acknowledged");
    assert_eq!(detail["next_steps"][0]["status"], "investigating");
    assert_eq!(detail["history"].as_array().unwrap().len(), 2);
    let err = invoke(&w, "create_complaint", json!({ "input": { "account_id": account, "description": "x", "severity": "9" } })).unwrap_err();
    assert_eq!((err["kind"].as_str(), err["field"].as_str()), (Some("validation"), Some("severity")));
    let list = ok(&w, "list_complaints", json!({ "query": { "status": "open", "root_cause_id": root["id"] } }));
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["root_cause_path"], "Membratex > lot 2291");
    let edited = ok(&w, "edit_complaint", json!({ "id": id, "input": { "complainant_contact_id": contact, "severity": "1", "root_cause_id": lot["id"] } }));
    assert_eq!(edited["severity"], 1);

    // Remedies and their totals, per complaint and per root cause.
    let r = ok(&w, "create_remedy", json!({ "input": { "complaint_id": id, "kind": "credit", "cost": "1,250.50", "cost_currency": "EUR", "approved_by_id": me } }));
    assert_eq!(r["cost"]["minor"], 125050);
    ok(&w, "set_remedy_status", json!({ "id": r["id"], "input": { "status": "delivered" } }));
    let err = invoke(&w, "create_remedy", json!({ "input": { "complaint_id": id, "kind": "credit", "cost": "-1" } })).unwrap_err();
    assert_eq!(err["field"], "cost");
    let detail = ok(&w, "get_complaint", json!({ "id": id }));
    assert_eq!(detail["remedy_totals"]["delivered"][0]["minor"], 125050);
    let tree = ok(&w, "list_root_causes", json!({}));
    assert_eq!(tree[0]["root_cause"]["name"], "Membratex");
    assert_eq!(tree[0]["complaints"], 1);
    assert_eq!(tree[0]["remedy_cost"][0]["minor"], 125050);
    let report = ok(&w, "root_cause_report", json!({ "id": root["id"], "months": 6 }));
    assert_eq!(report["months"].as_array().unwrap().len(), 6);
    assert_eq!(report["complaints"], 1);
}

#[test]
fn entries_are_revised_and_retracted_and_the_timeline_shows_both() {
    let (_app, w, _dir) = app("timeline");
    let (account, _, me) = customer(&w);
    let e = ok(&w, "create_event", json!({ "input": { "kind": "call", "summary": "Owen asked for a credit", "source_person_id": me, "account_id": account } }));
    assert_eq!((e["occurred_precision"].as_str(), e["strength"].as_str()), (Some("exact"), Some("first_hand")));
    let err = invoke(&w, "create_event", json!({ "input": { "kind": "call", "summary": "", "source_person_id": me } })).unwrap_err();
    assert_eq!(err["field"], "summary");
    let revised = ok(&w, "revise_event", json!({ "id": e["id"], "input": {
        "kind": "call", "occurred_at": e["occurred_at"], "summary": "Owen asked for a credit of €2,000", "source_person_id": me, "account_id": account, "disputed": true } }));
    assert_eq!(revised["supersedes_id"], e["id"]);
    let err = invoke(&w, "revise_event", json!({ "id": e["id"], "input": { "kind": "note", "summary": "again", "source_person_id": me } })).unwrap_err();
    assert_eq!(err["kind"], "conflict");
    let note = ok(&w, "create_event", json!({ "input": { "kind": "note", "summary": "Wrong customer", "source_text": "me", "account_id": account } }));
    let err = invoke(&w, "retract_event", json!({ "id": note["id"], "input": { "reason": "" } })).unwrap_err();
    assert_eq!(err["field"], "reason");
    ok(&w, "retract_event", json!({ "id": note["id"], "input": { "reason": "Belongs to Meridian" } }));
    let page = ok(&w, "get_timeline", json!({ "query": { "account_id": account } }));
    assert_eq!(page["total"], 3);
    let items = page["items"].as_array().unwrap();
    let old = items.iter().find(|i| i["record"]["id"] == e["id"]).unwrap();
    assert_eq!(old["source"], "event");
    assert_eq!(old["record"]["superseded_by"], revised["id"]);
    let new = items.iter().find(|i| i["record"]["id"] == revised["id"]).unwrap();
    let fields: Vec<&str> = new["record"]["changes"].as_array().unwrap().iter().map(|c| c["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["summary", "disputed"]);
    let retracted = items.iter().find(|i| i["record"]["id"] == note["id"]).unwrap();
    assert_eq!(retracted["record"]["retraction_reason"], "Belongs to Meridian");
    let hidden = ok(&w, "get_timeline", json!({ "query": { "account_id": account, "superseded": false, "kinds": ["call"] } }));
    assert_eq!(hidden["total"], 1);
    let err = invoke(&w, "get_timeline", json!({ "query": { "account_id": account, "from": "soon" } })).unwrap_err();
    assert_eq!(err["field"], "from");
    let one = ok(&w, "get_event", json!({ "id": revised["id"] }));
    assert_eq!(one["changes"][0]["before"], "Owen asked for a credit");
    assert_eq!(ok(&w, "list_events", json!({ "query": { "account_id": account, "disputed": true } }))["total"], 1);
}

#[test]
fn files_by_path_are_attached_or_imported_and_copies_are_exact() {
    let (_app, w, dir) = app("files");
    let (account, _, _) = customer(&w);
    let eml = dir.0.join("Leak.eml");
    std::fs::write(&eml, "From: Owen <owen@kestrel.example>\r\nTo: dana@aquila.example\r\nDate: Mon, 02 Mar 2026 10:00:00 +0000\r\nSubject: =?utf-8?q?Leak_at_Dunmore_=E2=80=93_again?=\r\nMessage-ID: <leak-1@kestrel.example>\r\n\r\nIt leaks again.\r\n").unwrap();
    let photo = dir.0.join("roof.jpg");
    let photo_bytes: Vec<u8> = [0xff, 0xd8, 0xff, 0xe0].into_iter().chain((0..5000u32).map(|i| (i % 251) as u8)).collect();
    std::fs::write(&photo, &photo_bytes).unwrap();
    let big = dir.0.join("video.mov");
    std::fs::File::create(&big).unwrap().set_len(60 * 1024 * 1024).unwrap();
    let report = ok(&w, "add_files", json!({ "target": { "account_id": account }, "paths": [eml, photo, big] }));
    assert_eq!(report["imported"][0]["event"]["summary"], "Leak at Dunmore – again");
    assert_eq!(report["imported"][0]["event"]["occurred_at"], "2026-03-02T10:00:00Z");
    assert_eq!(report["attached"][0]["name"], "roof.jpg");
    assert_eq!(report["problems"][0]["file"], "video.mov");
    assert!(report["problems"][0]["message"].as_str().unwrap().contains("at most 50.0 MB"), "{report}");
    let again = ok(&w, "add_files", json!({ "target": { "account_id": account }, "paths": [eml] }));
    assert!(again["problems"][0]["message"].as_str().unwrap().contains("already imported"), "{again}");
    let timeline = ok(&w, "get_timeline", json!({ "query": { "account_id": account, "kinds": ["email"] } }));
    let entry = &timeline["items"][0]["record"];
    assert_eq!(entry["email"]["body_text"].as_str().unwrap().trim(), "It leaks again.");
    assert_eq!(entry["attachments"][0]["mime"], "message/rfc822");
    let files = ok(&w, "list_attachments", json!({ "target": { "account_id": account } }));
    let out = dir.0.join("copy of roof.jpg");
    let saved = ok(&w, "save_attachment_copy", json!({ "id": files[0]["id"], "path": out }));
    assert_eq!(saved["bytes"], photo_bytes.len());
    assert_eq!(std::fs::read(&out).unwrap(), photo_bytes);
    assert_eq!(saved["sha256"], files[0]["sha256"]);
    let err = invoke(&w, "add_files", json!({ "target": {}, "paths": [] })).unwrap_err();
    assert_eq!(err["field"], "paths");
}

#[test]
fn a_decision_with_two_options_is_recorded_and_decided() {
    let (_app, w, _dir) = app("decision");
    let (account, _, me) = customer(&w);
    let boss = ok(&w, "create_person", json!({ "input": { "name": "Margaret Okafor" } }));
    let options = json!([
        { "label": "Comply", "risks": "Customer lost", "benefits": "Peace", "contingency": "Refer calls to Rolf" },
        { "label": "Escalate", "risks": "Rolf upset", "benefits": "Promise kept", "contingency": "Ask for the order in writing" },
    ]);
    let err = invoke(&w, "create_decision", json!({ "input": { "title": "Escalate?", "options": [options[0]] } })).unwrap_err();
    assert_eq!(err["field"], "options");
    let d = ok(&w, "create_decision", json!({ "input": { "title": "Escalate?", "options": options, "escalate_to_id": boss["id"], "account_id": account } }));
    assert_eq!(d["status"], "open");
    let decided = ok(&w, "decide", json!({ "id": d["id"], "input": { "chosen": "2", "rationale": "Keep my word", "decided_by_id": me } }));
    assert_eq!(decided["options"][1]["chosen"], true);
    assert_eq!(decided["escalate_to_name"], "Margaret Okafor");
    assert_eq!(ok(&w, "list_decisions", json!({ "query": { "account_id": account } }))["total"], 1);
    let timeline = ok(&w, "get_timeline", json!({ "query": { "account_id": account, "kinds": ["decision_record"] } }));
    assert_eq!(timeline["items"][0]["record"]["title"], "Escalate?");
}

#[test]
fn the_new_commands_are_granted_to_the_window_only() {
    let (_app, w, _dir) = app("acl");
    for cmd in ["list_complaints", "get_timeline", "list_decisions", "list_root_causes"] {
        let args = if cmd == "list_root_causes" { json!({}) } else { json!({ "query": {} }) };
        assert!(invoke(&w, cmd, args.clone()).is_ok(), "{cmd}");
        let err = invoke_from(&w, "https://evil.example", cmd, args).unwrap_err();
        assert!(err.as_str().unwrap_or_default().contains("not allowed"), "{err}");
    }
}
