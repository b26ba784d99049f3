//! Command tests: the real handlers, the real capability (ACL) and the real config, on
//! Tauri's mock runtime, with an in-memory case file. They prove the IPC layer passes input
//! through, returns typed errors as {kind, message, field}, and grants what the UI calls.

use casefile_app::state::AppState;
use casefile_core::CaseFile;
use serde_json::json;
use tauri::test::mock_builder;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

mod ipc;
use ipc::{invoke, invoke_from};

fn app() -> (tauri::App<tauri::test::MockRuntime>, WebviewWindow<tauri::test::MockRuntime>) {
    let app = casefile_app::builder(mock_builder()).build(tauri::generate_context!()).expect("build the app on the mock runtime");
    let dir = std::env::temp_dir().join(format!("casefile-cmd-{}", std::process::id()));
    app.manage(AppState::with_case_file(CaseFile::open_in_memory().unwrap(), dir.join("config"), dir.join("data")));
    let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    (app, window)
}

#[test]
fn create_and_read_a_customer_with_a_contact() {
    let (_app, w) = app();
    let a = invoke(&w, "create_account", json!({ "input": { "name": "Nordlicht GmbH", "annual_value": "1,000.50" } })).unwrap();
    assert_eq!(a["name"], "Nordlicht GmbH");
    assert_eq!(a["annual_value"]["minor"], 100050);
    let id = a["id"].as_str().unwrap();
    invoke(&w, "create_contact", json!({ "accountId": id, "input": { "name": "Greta" } })).unwrap();
    let detail = invoke(&w, "get_account", json!({ "id": id })).unwrap();
    assert_eq!(detail["contacts"][0]["name"], "Greta");
    let list = invoke(&w, "list_accounts", json!({ "query": {} })).unwrap();
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["contacts"], 1);
}

#[test]
fn a_bad_field_comes_back_typed_with_its_field() {
    let (_app, w) = app();
    let err = invoke(&w, "create_account", json!({ "input": { "name": "  " } })).unwrap_err();
    assert_eq!(err["kind"], "validation");
    assert_eq!(err["field"], "name");
    let err = invoke(&w, "create_account", json!({ "input": { "name": "X", "annual_value": "-3" } })).unwrap_err();
    assert_eq!(err["field"], "annual_value");
    let err = invoke(&w, "get_person", json!({ "id": "nope" })).unwrap_err();
    assert_eq!(err["kind"], "not_found");
    let list = invoke(&w, "list_accounts", json!({ "query": {} })).unwrap();
    assert_eq!(list["total"], 0, "nothing was saved");
}

#[test]
fn people_and_settings_round_trip() {
    let (_app, w) = app();
    let p = invoke(&w, "create_person", json!({ "input": { "name": "株式会社 山田", "side": "external" } })).unwrap();
    assert_eq!(p["name"], "株式会社 山田");
    let s = invoke(&w, "get_settings", json!({})).unwrap();
    let mut s2 = s.clone();
    s2["your_name"] = json!("Zoë");
    let saved = invoke(&w, "save_settings", json!({ "settings": s2 })).unwrap();
    assert_eq!(saved["your_name"], "Zoë");
    let mut bad = s;
    bad["paper"] = json!("a3");
    assert_eq!(invoke(&w, "save_settings", json!({ "settings": bad })).unwrap_err()["field"], "paper");
}

#[test]
fn the_status_names_the_open_file() {
    let (_app, w) = app();
    let status = invoke(&w, "app_status", json!({})).unwrap();
    assert_eq!(status["file"]["name"], "In memory");
    assert_eq!(status["file"]["schema_version"], casefile_core::db::schema_version());
}

#[test]
fn commands_need_the_file_open() {
    let (app, w) = app();
    invoke(&w, "close_case_file", json!({})).unwrap();
    let err = invoke(&w, "list_people", json!({ "query": {} })).unwrap_err();
    assert_eq!(err["kind"], "no_file_open");
    drop(app);
}

#[test]
fn the_window_gets_no_plugin_permissions_and_remote_pages_get_nothing() {
    let (_app, w) = app();
    let err = invoke(&w, "plugin:dialog|open", json!({ "options": {} })).unwrap_err();
    assert!(err.as_str().unwrap_or_default().contains("not allowed"), "{err}");
    let err = invoke(&w, "plugin:opener|open_url", json!({ "url": "https://example.com" })).unwrap_err();
    assert!(err.as_str().unwrap_or_default().contains("not allowed"), "{err}");
    let err = invoke_from(&w, "https://evil.example", "list_people", json!({ "query": {} })).unwrap_err();
    assert!(err.as_str().unwrap_or_default().contains("not allowed"), "{err}");
}

#[test]
fn about_names_version_licence_schema_and_folders() {
    let (_app, w) = app();
    let about = invoke(&w, "about", json!({})).unwrap();
    assert_eq!(about["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(about["licence"], "MIT");
    assert!(about["licence_text"].as_str().unwrap().contains("Casefile developers"));
    assert_eq!(about["schema_version"], casefile_core::db::schema_version());
    assert_eq!(about["file"]["schema_version"], casefile_core::db::schema_version());
    assert!(about["data_dir"].as_str().unwrap().ends_with("data"), "{about}");
    assert!(about["config_dir"].as_str().unwrap().ends_with("config"), "{about}");
    invoke(&w, "close_case_file", json!({})).unwrap();
    let about = invoke(&w, "about", json!({})).unwrap();
    assert!(about["file"].is_null(), "no file once closed: {about}");
}

#[test]
fn closing_the_file_forgets_it_so_the_next_start_shows_the_welcome() {
    // Its own app and folders: other tests close their files in the shared ones.
    let dir = std::env::temp_dir().join(format!("casefile-cmd-forget-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("kept.casefile");
    let app = casefile_app::builder(mock_builder()).build(tauri::generate_context!()).unwrap();
    app.manage(AppState::new(dir.join("config"), dir.join("data")));
    let w = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    let state = app.state::<AppState>();
    state.open(&file, true).unwrap();
    assert!(state.last_file().is_some_and(|p| p.ends_with("kept.casefile")), "an opened file is remembered");
    invoke(&w, "close_case_file", json!({})).unwrap();
    assert!(state.last_file().is_none(), "closing on purpose forgets the file");
    assert!(file.exists(), "and leaves the file itself alone");
    let _ = std::fs::remove_dir_all(&dir);
}
