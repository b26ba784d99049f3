//! Command tests of the trust commands on the mock runtime, with a real file on disk: the
//! IPC layer passes input through, returns typed errors at their fields, and locking,
//! unlocking and changing the passphrase move the state as the window expects.

use casefile_app::state::AppState;
use serde_json::{json, Value};
use tauri::test::mock_builder;
use tauri::{Manager, WebviewWindow, WebviewWindowBuilder};

mod ipc;

struct Env {
    _app: tauri::App<tauri::test::MockRuntime>,
    w: WebviewWindow<tauri::test::MockRuntime>,
    dir: std::path::PathBuf,
    file: std::path::PathBuf,
}

fn env(tag: &str) -> Env {
    let app = casefile_app::builder(mock_builder()).build(tauri::generate_context!()).expect("mock app");
    let dir = std::env::temp_dir().join(format!("casefile-trustcmd-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("work.casefile");
    let as_of = casefile_core::chrono::NaiveDate::from_ymd_opt(2026, 11, 20);
    casefile_core::demo::write(&file, &casefile_core::demo::DemoOptions { seed: 1, entries: 0, as_of }).unwrap();
    let state = AppState::new(dir.join("config"), dir.join("data"));
    state.open(&file, false).unwrap();
    app.manage(state);
    let w = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
    Env { _app: app, w, dir, file }
}

fn invoke(e: &Env, cmd: &str, args: Value) -> Result<Value, Value> {
    ipc::invoke(&e.w, cmd, args)
}

#[test]
fn the_record_verifies_and_a_redaction_needs_its_confirmation() {
    let e = env("record");
    let i = invoke(&e, "verify_record", json!({})).unwrap();
    assert_eq!(i["state"], "intact", "{i}");
    assert!(i["links"].as_u64().unwrap() > 10);
    let event: String = {
        let cf = casefile_core::CaseFile::open(&e.file).unwrap();
        cf.conn().query_row("SELECT id FROM events LIMIT 1", [], |r| r.get(0)).unwrap()
    };
    let p = invoke(&e, "redaction_preview", json!({ "id": event })).unwrap();
    assert_eq!(p["entries"][0]["id"], event.as_str());
    let err = invoke(&e, "redact_event", json!({ "id": event, "confirm": "" })).unwrap_err();
    assert_eq!(err["field"], "confirm");
    invoke(&e, "redact_event", json!({ "id": event, "confirm": event })).unwrap();
    assert_eq!(invoke(&e, "verify_record", json!({})).unwrap()["state"], "intact");
    let b = invoke(&e, "back_up_now", json!({})).unwrap();
    assert!(b["size"].as_u64().unwrap() > 0);
    let list = invoke(&e, "list_backups", json!({})).unwrap();
    assert_eq!(list["backups"][0]["name"], b["name"]);
    let _ = std::fs::remove_dir_all(&e.dir);
}

#[test]
fn set_a_passphrase_lock_and_unlock() {
    let e = env("lock");
    let err = invoke(&e, "lock_case_file", json!({})).unwrap_err();
    assert_eq!(err["kind"], "conflict", "a file without a passphrase has nothing to lock");
    let err = invoke(&e, "change_passphrase", json!({ "input": { "new": "abc", "repeat": "abc" } })).unwrap_err();
    assert_eq!(err["field"], "new");
    let err = invoke(&e, "change_passphrase", json!({ "input": { "new": "long enough one", "repeat": "long enough 1" } })).unwrap_err();
    assert_eq!(err["field"], "repeat");
    let s = invoke(&e, "change_passphrase", json!({ "input": { "new": "long enough one", "repeat": "long enough one" } })).unwrap();
    assert_eq!(s["file"]["encrypted"], true);

    let s = invoke(&e, "lock_case_file", json!({})).unwrap();
    assert!(s["file"].is_null());
    assert_eq!(s["problem"]["kind"], "locked");
    assert_eq!(invoke(&e, "list_people", json!({ "query": {} })).unwrap_err()["kind"], "no_file_open");

    let err = invoke(&e, "unlock_case_file", json!({ "passphrase": "not it" })).unwrap_err();
    assert_eq!(err["kind"], "validation");
    assert_eq!(err["field"], "passphrase");
    let s = invoke(&e, "unlock_case_file", json!({ "passphrase": "long enough one" })).unwrap();
    assert_eq!(s["file"]["encrypted"], true);
    assert!(invoke(&e, "list_people", json!({ "query": {} })).unwrap()["total"].as_u64().unwrap() > 0);

    let err = invoke(&e, "change_passphrase", json!({ "input": { "current": "wrong", "new": "" } })).unwrap_err();
    assert_eq!(err["field"], "current");
    let s = invoke(&e, "change_passphrase", json!({ "input": { "current": "long enough one", "new": "" } })).unwrap();
    assert_eq!(s["file"]["encrypted"], false);
    let _ = std::fs::remove_dir_all(&e.dir);
}
