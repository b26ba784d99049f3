//! Journeys of help: the `?` sheet lists every shortcut (including those of screens not
//! visited yet), and the About box says which version, licence and schema this is and where
//! the file and Casefile's own folders are.

use casefile_e2e::{key, App, Scratch};

const F1: &str = "\u{E031}";

#[tokio::test(flavor = "multi_thread")]
async fn the_shortcut_sheet_lists_every_sections_shortcut_and_they_work() {
    let dir = Scratch::new("help1");
    let file = dir.join("help.casefile");
    let app = App::launch(&file).await.unwrap();
    app.customers().await.unwrap();
    app.wait_for("[data-empty=customers]").await.unwrap();
    // Start somewhere other than Customers, whose module registers its own shortcuts.
    app.go("/people").await.unwrap();
    app.wait_for("[data-nav=people][aria-current=page]").await.unwrap();

    app.keys("?").await.unwrap();
    let sheet = app.wait_for("dialog[data-dialog=shortcuts] [data-shortcut-sheet]").await.unwrap().text().await.unwrap();
    let sections = app.js("return [...document.querySelectorAll('a[data-nav]')].map(a => a.textContent.trim())").await.unwrap();
    let sections: Vec<String> = sections.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    assert!(sections.len() >= 3, "{sections:?}");
    for label in &sections {
        // The sidebar may show a count after the label; the sheet names the section itself.
        let label = label.trim_end_matches(|c: char| c.is_ascii_digit()).trim();
        assert!(sheet.contains(&format!("Go to {label}")), "the sheet lists Go to {label}:\n{sheet}");
    }
    for wanted in ["New customer", "Edit this customer", "Open a case file…", "About Casefile", "Show keyboard shortcuts", "F1", "Ctrl"] {
        assert!(sheet.contains(wanted), "the sheet lists {wanted:?}:\n{sheet}");
    }
    app.screenshot("help-1-shortcuts").await.unwrap();
    app.keys(key::ESCAPE).await.unwrap();
    app.wait_gone("dialog[data-dialog=shortcuts]").await.unwrap();

    // A listed shortcut does what the sheet says.
    app.keys("g").await.unwrap();
    app.keys("c").await.unwrap();
    app.wait_for("[data-nav=customers][aria-current=page]").await.unwrap();

    // The sidebar's foot opens the same sheet.
    app.click(".sidebar-foot [data-action=shortcuts]").await.unwrap();
    app.wait_for("dialog[data-dialog=shortcuts]").await.unwrap();
    app.click("dialog[data-dialog=shortcuts] [data-submit=shortcuts]").await.unwrap();
    app.wait_gone("dialog[data-dialog=shortcuts]").await.unwrap();
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn about_shows_version_licence_schema_and_where_things_live() {
    let dir = Scratch::new("help2");
    let file = dir.join("about.casefile");
    let app = App::launch(&file).await.unwrap();
    app.customers().await.unwrap();
    app.wait_for("[data-empty=customers]").await.unwrap();

    app.keys(F1).await.unwrap();
    app.wait_text("dialog[data-dialog=about] [data-about=version]", env!("CARGO_PKG_VERSION")).await.unwrap();
    let schema = casefile_core::db::schema_version().to_string();
    let shown = app.wait_text("dialog[data-dialog=about] [data-about=schema]", &schema).await.unwrap();
    assert!(shown.contains(&format!("schema version {schema}")) && shown.contains(&format!("at version {schema}")), "{shown}");
    let canonical = std::fs::canonicalize(&file).unwrap();
    let shown = app.text("dialog[data-dialog=about] [data-about=file]").await.unwrap();
    assert!(shown.contains(&file.display().to_string()) || shown.contains(&canonical.display().to_string()), "{shown}");
    let data_dir = app.text("dialog[data-dialog=about] [data-about=data-dir]").await.unwrap();
    assert!(data_dir.starts_with(&app.home().display().to_string()) && data_dir.ends_with("app.casefile.desktop"), "{data_dir}");

    app.click("dialog[data-dialog=about] [data-about=licence] summary").await.unwrap();
    app.wait_text("dialog[data-dialog=about] [data-about=licence]", "Permission is hereby granted").await.unwrap();
    assert!(app.text("dialog[data-dialog=about] [data-about=licence]").await.unwrap().contains("MIT"));
    app.screenshot("help-2-about").await.unwrap();
    app.keys(key::ESCAPE).await.unwrap();
    app.wait_gone("dialog[data-dialog=about]").await.unwrap();

    app.click(".sidebar-foot [data-action=about]").await.unwrap();
    app.wait_text("dialog[data-dialog=about] [data-about=version]", env!("CARGO_PKG_VERSION")).await.unwrap();
    app.quit().await;
}
