//! The security lint: fails on a weak Content-Security-Policy, on the Tauri global used
//! anywhere but the one file that needs it, and on any permission that is granted but not
//! used, or a command that is used but not granted.
//!
//! The app has no bundler, so `withGlobalTauri` is how `ui/js/api.js` reaches `invoke`; the
//! lint makes sure that stays the only way in.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn js_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
        if e.is_dir() {
            js_files(&e, out);
        } else if e.extension().is_some_and(|x| x == "js" || x == "html") {
            out.push(e);
        }
    }
}

/// The quoted strings that follow `marker` in `text`, e.g. every `call('x'` in api.js.
fn quoted_after(text: &str, marker: &str) -> BTreeSet<String> {
    text.match_indices(marker)
        .filter_map(|(i, _)| {
            let rest = &text[i + marker.len()..];
            let q = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
            rest[1..].split(q).next().map(String::from)
        })
        .collect()
}

/// The `"..."` strings inside the COMMANDS array of build.rs.
fn build_commands() -> BTreeSet<String> {
    let build = read("src-tauri/build.rs");
    let start = build.find("const COMMANDS").expect("COMMANDS in build.rs");
    let body = &build[start..start + build[start..].find("];").unwrap()];
    body.lines().filter(|l| !l.trim_start().starts_with("//")).flat_map(|l| l.split('"').skip(1).step_by(2).map(String::from).collect::<Vec<_>>()).collect()
}

#[test]
fn the_csp_is_strict() {
    let conf: Value = serde_json::from_str(&read("src-tauri/tauri.conf.json")).unwrap();
    let security = &conf["app"]["security"];
    let csp = &security["csp"];
    assert!(csp.is_object() || csp.is_string(), "the CSP must not be null");
    let directives: Vec<(String, String)> = match csp {
        Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect(),
        Value::String(s) => s.split(';').filter_map(|d| d.trim().split_once(' ').map(|(k, v)| (k.to_string(), v.to_string()))).collect(),
        _ => unreachable!(),
    };
    let get = |k: &str| directives.iter().find(|(d, _)| d == k).map(|(_, v)| v.clone());
    assert_eq!(get("default-src").as_deref(), Some("'self'"), "default-src must be 'self'");
    for d in ["script-src", "object-src", "base-uri", "frame-src"] {
        assert!(get(d).is_some(), "{d} must be set explicitly");
    }
    assert_eq!(get("object-src").as_deref(), Some("'none'"));
    for (d, v) in &directives {
        for bad in ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "data: 'self'*"] {
            assert!(!v.contains(bad), "{d} allows {bad}");
        }
        for source in v.split_whitespace() {
            assert_ne!(source, "*", "{d} allows any origin");
            assert!(!source.starts_with('*') && source != "https:" && source != "http:", "{d} allows a wildcard scheme or host: {source}");
            if source.starts_with("http://") || source.starts_with("https://") || source.starts_with("ws") {
                // Tauri's own IPC on Linux and Windows is the only remote-looking origin allowed.
                assert_eq!(source, "http://ipc.localhost", "{d} allows a remote origin: {source}");
                assert_eq!(d, "connect-src", "{source} belongs in connect-src only");
            }
        }
    }
    assert!(get("script-src").unwrap().split_whitespace().all(|s| s == "'self'"), "scripts come from the app only");
    assert_ne!(security["dangerousDisableAssetCspModification"], Value::Bool(true));
    assert_eq!(security["freezePrototype"], Value::Bool(true), "freezePrototype keeps a payload from patching built-ins");
    assert!(conf["build"]["devUrl"].is_null(), "no dev server: the window loads only the bundled ui/");
}

#[test]
fn only_api_js_touches_the_tauri_global() {
    let conf: Value = serde_json::from_str(&read("src-tauri/tauri.conf.json")).unwrap();
    let global = conf["app"]["withGlobalTauri"] == Value::Bool(true);
    let mut files = Vec::new();
    js_files(&root().join("ui"), &mut files);
    let mut users = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let rel = f.strip_prefix(root()).unwrap().display().to_string();
        if text.contains("__TAURI") {
            users.push(rel.clone());
        }
        if !rel.ends_with("api.js") {
            assert!(!text.contains("invoke("), "{rel} calls invoke: only ui/js/api.js may");
            assert!(!text.contains("innerHTML") && !text.contains("outerHTML") && !text.contains("insertAdjacentHTML") && !text.contains("document.write"),
                "{rel} builds HTML from strings: use h() from dom.js");
            assert!(!text.contains("eval(") && !text.contains("new Function"), "{rel} evaluates strings as code");
        }
    }
    if global {
        assert_eq!(users, vec!["ui/js/api.js".to_string()], "withGlobalTauri is on for api.js alone");
    } else {
        assert!(users.is_empty(), "{users:?} use a Tauri global that is turned off");
    }
    let html = read("ui/index.html");
    assert!(!html.contains("<script>") && !html.contains("style=\"") && !html.contains(" on"), "index.html has inline script, style or handlers");
}

#[test]
fn every_permission_is_used_and_every_used_command_is_granted() {
    let commands = build_commands();
    let cap: Value = serde_json::from_str(&read("src-tauri/capabilities/main.json")).unwrap();
    let granted: Vec<String> = cap["permissions"].as_array().unwrap().iter().map(|p| p.as_str().expect("permissions are plain names").to_string()).collect();
    let api = read("ui/js/api.js");
    // A read the window starts early (api.warm) is still asked through warmOrCall.
    let called: BTreeSet<String> = quoted_after(&api, "call(").into_iter().chain(quoted_after(&api, "warmOrCall(")).collect();
    let lib = read("src-tauri/src/lib.rs");

    let mut app_granted = BTreeSet::new();
    for p in &granted {
        if let Some(cmd) = p.strip_prefix("allow-") {
            let cmd = cmd.replace('-', "_");
            assert!(commands.contains(&cmd), "{p} is granted but build.rs declares no command {cmd}");
            app_granted.insert(cmd);
        } else {
            // Anything else must be one of the few core permissions the window needs, and used.
            let used = match p.as_str() {
                "core:event:allow-listen" => api.contains("event.listen("),
                "core:event:allow-unlisten" => api.contains("event.listen("),
                other => panic!("{other} is granted; only the app's own commands and event listening are expected"),
            };
            assert!(used, "{p} is granted but ui/js/api.js never uses it");
        }
    }
    for cmd in &commands {
        assert!(app_granted.contains(cmd), "build.rs declares {cmd} but the capability does not grant allow-{}", cmd.replace('_', "-"));
        assert!(called.contains(cmd), "{cmd} is granted but ui/js/api.js never calls it");
        assert!(lib.contains(&format!("::{cmd},")), "{cmd} is declared but not in the handler list of src-tauri/src/lib.rs");
    }
    for cmd in &called {
        assert!(commands.contains(cmd), "ui/js/api.js calls {cmd}, which build.rs does not declare");
    }
    assert_eq!(cap["windows"], serde_json::json!(["main"]), "the capability is for the main window only");
    assert!(cap.get("remote").is_none(), "no remote URL may use the capability");
}
