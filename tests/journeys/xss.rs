//! XSS: every payload of tests/fixtures/xss.txt through every text field of the window.
//! No script may run (a canary: the document title, `window.__xss`, and the open file, which
//! a payload calling a command would change), no element may be injected, and each payload
//! the core accepts must be shown exactly as typed.
//!
//! The forms are a table (`FORMS`): to cover a new screen, add a row naming its route, the
//! button that opens its form, the text inputs, and where the saved values are shown.

use casefile_e2e::{App, Scratch};
use serde_json::json;

/// One form of the window and where what it saves is shown afterwards.
struct Form {
    name: &'static str,
    /// Where to go first (`{customer}` is replaced by a customer's id).
    route: &'static str,
    /// The button that opens the form's dialog.
    open: &'static str,
    /// The `data-dialog` (or `data-form` for a page form) name.
    dialog: &'static str,
    inputs: &'static [&'static str],
    /// Elements whose text must then contain each accepted value.
    shown: &'static [&'static str],
    /// A page form (settings) rather than a dialog: values are read back from the inputs.
    page: bool,
    /// Inputs saved but not shown on the screen after saving (the canary still applies).
    unshown: &'static [&'static str],
    prep: Prep,
}

/// What a form needs before its text fields can be saved.
#[derive(Default)]
struct Prep {
    /// <select> names that get their first real option.
    selects: &'static [&'static str],
    /// Inputs that get a fixed, valid value (dates), never a payload.
    fixed: &'static [(&'static str, &'static str)],
    /// Type-ahead fields: the text typed, then the first suggestion picked.
    typeaheads: &'static [(&'static str, &'static str)],
    /// After saving, click the newest toast's button (e.g. "Open") to reach the page that
    /// shows the record in full.
    open_from_toast: bool,
}

const NO_PREP: Prep = Prep { selects: &[], fixed: &[], typeaheads: &[], open_from_toast: false };

const FORMS: &[Form] = &[
    Form { name: "customer", route: "/customers", open: "[data-action=new-customer]", dialog: "customer",
        inputs: &["name", "segment", "notes"], shown: &["[data-customer-card]"], page: false, unshown: &[], prep: NO_PREP },
    Form { name: "contact", route: "/customers/{customer}", open: "[data-action=add-contact]", dialog: "contact",
        inputs: &["name", "title", "phone", "notes"], shown: &["[data-contacts]"], page: false, unshown: &["notes"], prep: NO_PREP },
    Form { name: "person", route: "/people", open: "[data-action=new-person]", dialog: "person",
        inputs: &["name", "role", "organisation", "phone", "notes"], shown: &["[data-person-card]"], page: false, unshown: &[], prep: NO_PREP },
    Form { name: "transfer", route: "/customers/{customer}", open: "[data-action=transfer-customer]", dialog: "transfer",
        inputs: &["reason"], shown: &["[data-customer-detail]"], page: false, unshown: &[], prep: NO_PREP },
    Form { name: "settings", route: "/settings", open: "", dialog: "settings", inputs: &["your_name"], shown: &[], page: true, unshown: &[], prep: NO_PREP },
    Form { name: "promise", route: "/promises", open: "[data-action=new-promise]", dialog: "promise",
        inputs: &["what", "resources", "success_criteria"], shown: &["[data-view]"], page: false, unshown: &[],
        prep: Prep { selects: &[], fixed: &[("due_on", "2030-06-30")], typeaheads: &[("made_by_id", "Whitfield"), ("account_id", "Target Ltd")], open_from_toast: true } },
    Form { name: "complaint", route: "/complaints", open: "[data-action=new-complaint]", dialog: "complaint",
        inputs: &["description", "product", "component", "lot", "category", "remedy_sought"], shown: &["[data-view]"], page: false, unshown: &[],
        prep: Prep { selects: &["account_id"], fixed: &[], typeaheads: &[], open_from_toast: false } },
    Form { name: "timeline entry", route: "/customers/{customer}/timeline", open: "[data-action=log-entry]", dialog: "event",
        inputs: &["summary", "details", "source_text"], shown: &["[data-view]"], page: false, unshown: &[], prep: NO_PREP },
    Form { name: "decision", route: "/decisions", open: "[data-action=new-decision]", dialog: "decision",
        inputs: &["title", "context", "options[0].label", "options[0].risks", "options[1].label", "options[1].risks"], shown: &["[data-view]"], page: false, unshown: &[],
        prep: NO_PREP },
    Form { name: "root cause", route: "/root-causes", open: "[data-action=new-root-cause]", dialog: "root-cause",
        inputs: &["name"], shown: &["[data-view]"], page: false, unshown: &[], prep: NO_PREP },
];

fn payloads() -> Vec<String> {
    let text = include_str!("../fixtures/xss.txt");
    let unescape = |s: &str| {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('\\') {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            if let Some(t) = tail.strip_prefix("\\n") {
                out.push('\n');
                rest = t;
            } else if tail.starts_with("\\u") && tail.len() >= 6 {
                out.push(u32::from_str_radix(&tail[2..6], 16).ok().and_then(char::from_u32).unwrap_or('?'));
                rest = &tail[6..];
            } else {
                out.push('\\');
                rest = &tail[1..];
            }
        }
        out.push_str(rest);
        out
    };
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| match l.strip_prefix("@repeat ") {
            Some(r) => {
                let (n, t) = r.split_once(' ').unwrap();
                t.repeat(n.parse().unwrap())
            }
            None => unescape(l),
        })
        .collect()
}

const CANARY: &str = "
    const injected = document.querySelectorAll('[onerror],[onload],[onclick],[onfocus],[ontoggle],[onmouseover],script:not([src]),iframe,object,embed,meta[http-equiv],link[href^=http],body style, main style, dialog style');
    return { title: document.title, xss: window.__xss === undefined ? null : String(window.__xss), injected: injected.length,
             open: document.querySelector('[data-app]').dataset.fileOpen, file: document.querySelector('[data-file-name]').textContent };
";

async fn canary(app: &App, expect_title: &str, context: &str) {
    let c = app.js(CANARY).await.unwrap();
    assert_eq!(c["title"], expect_title, "{context}: the title changed: a payload ran");
    assert!(c["xss"].is_null(), "{context}: window.__xss = {}", c["xss"]);
    assert_eq!(c["injected"], 0, "{context}: an element was injected");
    assert_eq!(c["open"], "yes", "{context}: the file was closed: a payload called a command");
    assert_eq!(c["file"], "xss.casefile", "{context}: another file was opened: a payload called a command");
}

async fn set(app: &App, css: &str, value: &str) {
    app.wait_for(css).await.unwrap();
    app.client.execute("const el = document.querySelector(arguments[0]); el.value = arguments[1]; el.dispatchEvent(new Event('input'));", vec![json!(css), json!(value)]).await.unwrap();
}

/// Fill the form with `payload`, put a plain value instead wherever the core refuses it, and
/// save. Returns the inputs that kept the payload.
async fn submit(app: &App, form: &Form, payload: &str, n: usize) -> Vec<&'static str> {
    let scope = if form.page { format!("[data-form={}]", form.dialog) } else { format!("dialog[data-dialog={}]", form.dialog) };
    let mut kept: Vec<&'static str> = form.inputs.to_vec();
    if !form.page {
        // Click through JS: a toast from the previous save may sit over the button.
        app.wait_for(form.open).await.unwrap();
        app.client.execute("document.querySelector(arguments[0]).click()", vec![json!(form.open)]).await.unwrap();
    }
    for select in form.prep.selects {
        let css = format!("{scope} [name=\"{select}\"]");
        app.wait_for(&css).await.unwrap();
        app.client.execute("const s = document.querySelector(arguments[0]); s.selectedIndex = 1; s.dispatchEvent(new Event('change'));", vec![json!(css)]).await.unwrap();
    }
    for (name, text) in form.prep.typeaheads {
        // Typed into the focused field, as a person would: the list only opens for the field in use.
        let css = format!("{scope} [data-typeahead=\"{name}\"]");
        app.wait_for(&css).await.unwrap();
        app.client.execute("document.querySelector(arguments[0]).focus()", vec![json!(css)]).await.unwrap();
        set(app, &css, text).await;
        app.click(&format!("{scope} [data-typeahead-list=\"{name}\"] [role=option]")).await.unwrap();
    }
    for (name, value) in form.prep.fixed {
        set(app, &format!("{scope} [name=\"{name}\"]"), value).await;
    }
    if form.name == "transfer" {
        app.wait_for("dialog[data-dialog=transfer] [name=to_person_id]").await.unwrap();
        app.client.execute("const s = document.querySelector('dialog[data-dialog=transfer] [name=to_person_id]'); s.selectedIndex = 1 + (arguments[0] % (s.options.length - 1));", vec![json!(n)]).await.unwrap();
    }
    for _ in 0..=form.inputs.len() {
        for input in form.inputs {
            let value = if kept.contains(input) { payload.to_string() } else { format!("Plain {input} {n}") };
            set(app, &format!("{scope} [name=\"{input}\"]"), &value).await;
        }
        app.client.execute("document.querySelector(arguments[0]).click()", vec![json!(format!("{scope} [data-submit={}]", form.dialog))]).await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        let refused: Option<String> = app
            .client
            .execute(
                "const s = document.querySelector(arguments[0]); if (!s) return null; const e = [...s.querySelectorAll('[data-error-for]')].find(x => x.textContent.trim()); return e ? e.dataset.errorFor : null;",
                vec![json!(scope)],
            )
            .await
            .unwrap()
            .as_str()
            .map(String::from);
        match refused {
            Some(field) => {
                assert!(kept.iter().any(|k| *k == field), "{}: the core refused {field}, which already holds a plain value", form.name);
                kept.retain(|k| *k != field);
            }
            None if form.page => return kept,
            None => {
                app.wait_gone(&format!("dialog[data-dialog={}]", form.dialog)).await.unwrap();
                if form.prep.open_from_toast {
                    let route = app.js("return location.hash").await.unwrap();
                    app.wait_for("[data-toast] button").await.unwrap();
                    app.js("[...document.querySelectorAll('[data-toast] button')].pop().click()").await.unwrap();
                    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
                    while app.js("return location.hash").await.unwrap() == route && std::time::Instant::now() < deadline {
                        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    }
                }
                return kept;
            }
        }
    }
    panic!("{}: the form never saved", form.name);
}

#[tokio::test(flavor = "multi_thread")]
async fn no_payload_runs_and_each_is_shown_as_typed() {
    let dir = Scratch::new("xss");
    let file = dir.join("xss.casefile");
    let customer = {
        let mut cf = casefile_core::CaseFile::open(&file).unwrap();
        let me = casefile_core::people::create(&mut cf, &casefile_core::people::PersonInput { name: "Dana Whitfield".into(), ..Default::default() }).unwrap();
        casefile_core::people::create(&mut cf, &casefile_core::people::PersonInput { name: "Sam Rep".into(), ..Default::default() }).unwrap();
        let a = casefile_core::accounts::AccountInput { name: "Target Ltd".into(), communicator_id: Some(me.id), ..Default::default() };
        casefile_core::accounts::create(&mut cf, &a).unwrap().id
    };
    let app = App::launch(&file).await.unwrap();
    app.customers().await.unwrap();
    let title = app.client.title().await.unwrap();
    let payloads = payloads();
    assert!(payloads.len() >= 30, "at least 30 payloads: {}", payloads.len());
    let mut tried = 0;
    let mut shown = 0;
    // XSS_FORMS=promise,complaint runs only those forms, for working on one screen.
    let only = std::env::var("XSS_FORMS").ok();
    for form in FORMS.iter().filter(|f| only.as_deref().is_none_or(|o| o.split(',').any(|n| n == f.name))) {
        for (n, payload) in payloads.iter().enumerate() {
            let context = format!("{} form, payload {n}: {:?}", form.name, casefile_core::text::clip(payload, 60));
            eprintln!("xss: {context}");
            app.go(&form.route.replace("{customer}", &customer)).await.unwrap();
            if form.page {
                app.wait_for(&format!("[data-form={}]", form.dialog)).await.unwrap();
            }
            let kept = submit(&app, form, payload, n).await;
            tried += form.inputs.len();
            canary(&app, &title, &context).await;
            if form.page {
                // Read back from the saved settings after a fresh render.
                app.go("/customers").await.unwrap();
                app.go(form.route).await.unwrap();
                for input in &kept {
                    let css = format!("[data-form={}] [name=\"{input}\"]", form.dialog);
                    app.wait_for(&css).await.unwrap();
                    let v = app.client.execute("return document.querySelector(arguments[0]).value", vec![json!(css)]).await.unwrap();
                    let one_line: String = payload.chars().filter(|c| *c != '\n' && *c != '\r').collect();
                    assert_eq!(v.as_str().unwrap(), one_line.trim(), "{context}: {input} reads back changed");
                    shown += 1;
                }
            } else {
                for css in form.shown {
                    app.wait_for(css).await.unwrap();
                    for input in kept.iter().filter(|i| !form.unshown.contains(i)) {
                        // A one-line <input> drops line breaks and the core trims names, so compare
                        // with runs of white space folded: every other character must be there as typed.
                        let fold = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
                        let single: String = payload.chars().filter(|c| *c != '\n' && *c != '\r').collect();
                        let wanted = [fold(payload), fold(&single)];
                        // The page may still be drawing what was saved: look again for a few seconds.
                        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
                        loop {
                            let text = app.client.execute("return document.querySelector(arguments[0]).textContent", vec![json!(css)]).await.unwrap();
                            let seen = fold(text.as_str().unwrap_or_default());
                            if wanted.iter().any(|w| seen.contains(w.as_str())) {
                                break;
                            }
                            assert!(std::time::Instant::now() < deadline, "{context}: {input} is not shown literally in {css}");
                            tokio::time::sleep(std::time::Duration::from_millis(150)).await;
                        }
                        shown += 1;
                    }
                }
            }
            canary(&app, &title, &context).await;
        }
        app.screenshot(&format!("xss-{}", form.name)).await.unwrap();
    }
    println!("xss: {} payloads × {} forms: {tried} field submissions, {shown} shown literally, no canary fired", payloads.len(), FORMS.len());
    app.quit().await;
}
