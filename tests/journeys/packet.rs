//! The escalation packet from the builder screen, as a person makes one: choose a customer,
//! watch the figures change, fill in who it is for, "Save PDF…" through the real native GTK
//! dialog, and find the PDF where it was saved, holding that customer; then the same
//! customer's one-page briefing.
//!
//! WebDriver cannot reach the native save dialog, so it is driven with the keyboard through
//! `xdotool` on the app's own X display (`scripts/setup.sh --test` installs it). The display
//! is read from the app process itself, so this journey needs nothing from the harness.

use casefile_e2e::{demo_file, App, Scratch, WAIT};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

async fn shot(app: &App, name: &str) {
    tokio::time::sleep(Duration::from_millis(300)).await;
    let _ = app.client.screenshot().await;
    app.screenshot(name).await.unwrap();
}

/// The DISPLAY of the `casefile` process started on `file` (its arguments name the file).
fn display_of_app(file: &Path) -> String {
    let wanted = file.display().to_string();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let dir = entry.path();
        let Ok(cmdline) = std::fs::read(dir.join("cmdline")) else { continue };
        let args: Vec<String> = cmdline.split(|b| *b == 0).map(|a| String::from_utf8_lossy(a).into_owned()).collect();
        if !args.first().is_some_and(|a| a.ends_with("/casefile")) || !args.iter().any(|a| a == &wanted) {
            continue;
        }
        if let Ok(env) = std::fs::read(dir.join("environ")) {
            if let Some(d) = env.split(|b| *b == 0).filter_map(|v| std::str::from_utf8(v).ok()).find_map(|v| v.strip_prefix("DISPLAY=")) {
                return d.to_string();
            }
        }
    }
    panic!("no casefile process runs on {wanted}");
}

fn xdotool(display: &str, args: &[&str]) -> String {
    let out = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .output()
        .unwrap_or_else(|e| panic!("xdotool is needed to drive the native dialog (scripts/setup.sh --test installs it): {e}"));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// In the native save dialog titled `title`, replace the proposed name with `path` (GTK
/// takes an absolute path in its name field) and press Enter, as a person would.
async fn save_in_native_dialog(display: &str, title: &str, path: &Path) {
    let pattern = format!("^{title}$");
    let deadline = Instant::now() + WAIT;
    let id = loop {
        if let Some(id) = xdotool(display, &["search", "--onlyvisible", "--name", &pattern]).split_whitespace().last() {
            break id.to_string();
        }
        if Instant::now() > deadline {
            let ids = xdotool(display, &["search", "--name", "."]);
            let names: Vec<String> = ids.split_whitespace().map(|id| xdotool(display, &["getwindowname", id]).trim().to_string()).collect();
            panic!("the native dialog {title:?} did not appear on {display}; the windows are {names:?}");
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    };
    // GTK maps the dialog before it builds its contents; keys sent too early are lost.
    tokio::time::sleep(Duration::from_millis(500)).await;
    xdotool(display, &["windowfocus", "--sync", &id]);
    xdotool(display, &["key", "--clearmodifiers", "ctrl+a"]);
    tokio::time::sleep(Duration::from_millis(200)).await;
    xdotool(display, &["type", "--delay", "15", &path.display().to_string()]);
    tokio::time::sleep(Duration::from_millis(200)).await;
    xdotool(display, &["key", "Return"]);
    let deadline = Instant::now() + WAIT;
    while xdotool(display, &["search", "--onlyvisible", "--name", &pattern]).split_whitespace().any(|w| w == id) {
        assert!(Instant::now() < deadline, "the native dialog did not accept {}", path.display());
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

async fn wait_enabled(app: &App, css: &str) {
    let deadline = Instant::now() + WAIT;
    while !app.find(css).await.unwrap().is_enabled().await.unwrap() {
        assert!(Instant::now() < deadline, "{css} stayed disabled");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext").arg(path).arg("-").output().expect("pdftotext (poppler-utils) is needed");
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_packet_for_one_customer_is_saved_from_the_builder_through_the_native_dialog() {
    let dir = Scratch::new("packet");
    let file = demo_file(&dir, "demo.casefile");
    let app = App::launch(&file).await.unwrap();
    app.click("[data-nav=packet]").await.unwrap();
    app.wait_for("[data-screen=packet]").await.unwrap();
    // Nothing chosen: every customer, and the demo is announced.
    app.wait_text("[data-packet-chosen]", "the packet covers every customer (9)").await.unwrap();
    app.wait_text("[data-packet-customers]", "and 5 more").await.unwrap();
    app.wait_for("[data-packet-demo]").await.unwrap();
    let all_made = app.text("[data-packet-figure=made] .value").await.unwrap();
    shot(&app, "packet-1-builder").await;

    // One customer: the figures follow.
    app.fill("[data-packet-filter]", "Kestrel").await.unwrap();
    app.click("[data-packet-customer='Kestrel Roofing Ltd']").await.unwrap();
    app.wait_text("[data-packet-chosen]", "1 customer chosen: Kestrel Roofing Ltd").await.unwrap();
    app.wait_text("[data-packet-customers]", "Customers: Kestrel Roofing Ltd").await.unwrap();
    let made = app.text("[data-packet-figure=made] .value").await.unwrap();
    assert_ne!(made, all_made, "the preview follows the scope");
    app.fill("[name=recipient_name]", "Margaret Okafor").await.unwrap();
    app.fill("[name=recipient_title]", "Managing Director").await.unwrap();

    // A period that ends before it starts is refused at its field, and nothing can be saved.
    app.fill("[name=from]", "2026-06-01").await.unwrap();
    app.fill("[name=to]", "2025-01-01").await.unwrap();
    app.wait_text("[data-error-for=to]", "ends before it starts").await.unwrap();
    assert!(!app.find("[data-action=save-packet]").await.unwrap().is_enabled().await.unwrap());
    shot(&app, "packet-2-bad-period").await;
    // "Everything" clears the period again, and the builder accepts it.
    app.click("[data-packet-period=all]").await.unwrap();
    wait_enabled(&app, "[data-action=save-packet]").await;
    assert_eq!(app.text("[data-error-for=to]").await.unwrap(), "");
    assert_eq!(app.js("return document.querySelector('[name=from]').value").await.unwrap(), "");
    shot(&app, "packet-3-one-customer").await;

    // Save PDF… through the native dialog, to a path of our choosing.
    let out = dir.join("Kestrel packet.pdf");
    app.click("[data-action=save-packet]").await.unwrap();
    let display = display_of_app(&file);
    save_in_native_dialog(&display, "Save the escalation packet", &out).await;
    app.wait_for(&format!("[data-packet-saved='{}']", out.display())).await.unwrap();
    app.wait_for("[data-action=open-packet]").await.unwrap();
    shot(&app, "packet-4-saved").await;

    assert!(out.exists(), "the packet is where it was saved");
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_text(&out);
    assert!(text.contains("Escalation packet: Kestrel Roofing Ltd"), "the chosen customer is on the cover");
    assert!(text.contains("Margaret Okafor, Managing Director"));
    assert!(text.contains("DEMO — FICTITIOUS DATA"));
    assert!(!text.contains("Nordlicht Logistik GmbH"), "other customers stay out");

    // The same customer's one-page briefing, through its own native dialog.
    let brief = dir.join("Kestrel briefing.pdf");
    app.click("[data-action=save-briefing]").await.unwrap();
    save_in_native_dialog(&display, "Save the one-page briefing", &brief).await;
    app.wait_for(&format!("[data-packet-saved='{}']", brief.display())).await.unwrap();
    let out = Command::new("pdfinfo").arg(&brief).output().expect("pdfinfo");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Pages:           1"), "the briefing is one page");
    assert!(pdf_text(&brief).contains("Briefing: Kestrel Roofing Ltd"));
    shot(&app, "packet-5-briefing-saved").await;
    app.quit().await;
}
