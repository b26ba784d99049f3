//! The packet builder's commands on Tauri's mock runtime, with the real handlers, the real
//! capability and the demo case file: the preview's figures, typed errors before any dialog
//! opens, and "Open" refusing anything this session did not save.

use casefile_app::state::AppState;
use casefile_core::clock::FixedClock;
use casefile_core::promises::record;
use casefile_core::{accounts, demo, CaseFile, OpenOptions};
use serde_json::json;
use std::path::PathBuf;
use std::sync::Arc;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

mod ipc;
use ipc::invoke;

struct Fixture {
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    dir: PathBuf,
    file: PathBuf,
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn as_of() -> casefile_core::chrono::NaiveDate {
    casefile_core::chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

fn open(file: &std::path::Path) -> CaseFile {
    CaseFile::open_with(file, OpenOptions { create: false, passphrase: None, clock: Some(Arc::new(FixedClock::on(as_of()))) }).unwrap()
}

fn fixture(tag: &str) -> Fixture {
    let dir = std::env::temp_dir().join(format!("casefile-packet-cmd-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("demo.casefile");
    demo::write(&file, &demo::DemoOptions { as_of: Some(as_of()), ..Default::default() }).unwrap();
    let app = casefile_app::builder(mock_builder()).build(tauri::generate_context!()).expect("build the app on the mock runtime");
    app.manage(AppState::with_case_file(open(&file), dir.join("config"), dir.join("data")));
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    Fixture { _app: app, window, dir, file }
}

#[test]
fn the_preview_shows_the_figures_the_packet_will_lead_with() {
    let f = fixture("preview");
    let preview = invoke(&f.window, "packet_preview", json!({ "input": {} })).unwrap();
    let cf = open(&f.file);
    let records = record::all(cf.conn(), as_of()).unwrap();
    let made: u32 = records.iter().map(|r| r.made).sum();
    let broken: u32 = records.iter().map(|r| r.broken).sum();
    assert_eq!(preview["figures"]["promises"]["made"], made);
    assert_eq!(preview["figures"]["promises"]["broken"], broken);
    assert_eq!(preview["is_demo"], true);
    assert_eq!(preview["customers"].as_array().unwrap().len(), 9);
    assert!(preview["figures"]["lost"]["all"].as_array().is_some_and(|a| !a.is_empty()));

    let kestrel = accounts::find_by_name(cf.conn(), "Kestrel Roofing Ltd").unwrap().remove(0);
    let one = invoke(&f.window, "packet_preview", json!({ "input": { "account_ids": [kestrel.id], "sections": ["summary", "charts"] } })).unwrap();
    assert_eq!(one["customers"], json!(["Kestrel Roofing Ltd"]));
    assert!(one["figures"]["complaints"].as_u64().unwrap() > 0);
    assert!(one["figures"]["promises"]["made"].as_u64().unwrap() < made as u64);
}

#[test]
fn bad_input_comes_back_typed_before_any_dialog_opens() {
    let f = fixture("errors");
    let err = invoke(&f.window, "packet_preview", json!({ "input": { "from": "last spring" } })).unwrap_err();
    assert_eq!((err["kind"].as_str(), err["field"].as_str()), (Some("validation"), Some("from")));
    // On the mock runtime a dialog could never be answered: returning at all proves none opened.
    let err = invoke(&f.window, "save_packet", json!({ "input": { "from": "2026-05-01", "to": "2026-04-01" } })).unwrap_err();
    assert_eq!((err["kind"].as_str(), err["field"].as_str()), (Some("validation"), Some("to")));
    let err = invoke(&f.window, "save_packet", json!({ "input": { "sections": [] } })).unwrap_err();
    assert_eq!(err["field"], "sections");
    let err = invoke(&f.window, "save_packet", json!({ "input": { "person_id": "nobody" } })).unwrap_err();
    assert_eq!(err["field"], "person_id");
    let err = invoke(&f.window, "save_briefing_pdf", json!({ "accountId": "nobody" })).unwrap_err();
    assert_eq!(err["kind"], "not_found");
}

#[test]
fn open_only_opens_a_packet_this_session_saved() {
    let f = fixture("open");
    let elsewhere = f.dir.join("not-ours.pdf");
    std::fs::write(&elsewhere, b"%PDF-1.7").unwrap();
    for path in [elsewhere.display().to_string(), "/etc/passwd".to_string(), f.file.display().to_string()] {
        let err = invoke(&f.window, "open_packet", json!({ "path": path })).unwrap_err();
        assert_eq!((err["kind"].as_str(), err["field"].as_str()), (Some("validation"), Some("path")), "{path}");
    }
}

#[test]
fn the_packet_commands_are_granted_to_the_window_only() {
    let f = fixture("acl");
    let err = get_ipc_response(
        &f.window,
        InvokeRequest {
            cmd: "packet_preview".into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "https://evil.example".parse().unwrap(),
            body: InvokeBody::Json(json!({ "input": {} })),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .unwrap_err();
    assert!(err.as_str().unwrap_or_default().contains("not allowed"), "{err}");
}
