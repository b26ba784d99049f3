//! The escalation packet from the builder screen, as a person makes one: choose a customer,
//! watch the figures change, fill in who it is for, "Save PDF…" through the real native GTK
//! dialog, and find the PDF where it was saved, holding that customer; then the same
//! customer's one-page briefing.
//!
//! WebDriver cannot reach the native save dialog, so the harness drives it with the keyboard
//! through `xdotool` on the app's own X display (tests/src/native.rs).

use casefile_e2e::{demo_file, App, Scratch, WAIT};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Let the window settle before the screen is captured.
async fn shot(app: &App, name: &str) {
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.screenshot(name).await.unwrap();
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
    app.save_dialog_choose("Save the escalation packet", &out).await.unwrap();
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
    app.save_dialog_choose("Save the one-page briefing", &brief).await.unwrap();
    app.wait_for(&format!("[data-packet-saved='{}']", brief.display())).await.unwrap();
    let out = Command::new("pdfinfo").arg(&brief).output().expect("pdfinfo");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Pages:           1"), "the briefing is one page");
    assert!(pdf_text(&brief).contains("Briefing: Kestrel Roofing Ltd"));
    shot(&app, "packet-5-briefing-saved").await;
    app.quit().await;
}
