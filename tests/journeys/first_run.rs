//! Journeys of a first start: no `--file` and a fresh config home, so the window shows its
//! welcome screen. Each of its three ways in is taken for real, the native GTK dialogs
//! included (driven with the keyboard through xdotool, see `casefile_e2e::native`).

use casefile_core::accounts::{self, AccountInput};
use casefile_core::{settings, CaseFile};
use casefile_e2e::{file_hash, App, Scratch};

/// Where the app keeps its demo under the harness's fresh data home (Tauri's app-data dir).
fn demo_path(app: &App) -> std::path::PathBuf {
    app.home().join("data").join("app.casefile.desktop").join("demo.casefile")
}

/// The file name under the brand, read as textContent: WebKit's WebDriver text of this
/// one-line, ellipsised element did not compare equal to the name although it looked the same.
async fn sidebar_file_name(app: &App) -> String {
    let v = app.js("return document.querySelector('[data-file-name]').textContent").await.unwrap();
    v.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_first_run_offers_three_ways_in_and_says_everything_stays_here() {
    let app = App::launch_first_run().await.unwrap();
    app.wait_for("[data-screen=welcome]").await.unwrap();
    app.wait_text("[data-welcome=new]", "Start a new case file").await.unwrap();
    app.wait_text("[data-welcome=demo]", "Explore the demo").await.unwrap();
    app.wait_text("[data-welcome=open]", "Open an existing file…").await.unwrap();
    let privacy = app.text("[data-privacy]").await.unwrap();
    assert!(privacy.starts_with("Everything stays on this computer"), "{privacy}");
    assert!(!privacy.contains('\n'), "the privacy statement is one line: {privacy:?}");
    // Nothing to navigate yet: the welcome has the whole window, and no file was made.
    assert!(!app.find(".sidebar").await.unwrap().is_displayed().await.unwrap(), "no sidebar before a file is open");
    assert_eq!(app.client.title().await.unwrap(), "Casefile");
    app.wait_native_title("Casefile").await.unwrap();
    // The desktop entry's StartupWMClass=casefile groups this window under the launcher icon.
    assert!(!app.xdotool(&["search", "--class", "^casefile$"]).unwrap().trim().is_empty(), "the window's class is casefile");
    let version = app.text(".welcome-foot").await.unwrap();
    assert!(version.contains(&format!("Casefile {}", env!("CARGO_PKG_VERSION"))), "{version}");
    assert!(!demo_path(&app).exists(), "nothing is written before the user chooses");
    app.screenshot("first-run-1-welcome").await.unwrap();

    // The About link on the welcome works with no file open.
    app.click(".welcome-foot [data-action=about]").await.unwrap();
    app.wait_text("dialog[data-dialog=about] [data-about=file]", "No file is open").await.unwrap();
    app.click("dialog[data-dialog=about] [data-submit=about]").await.unwrap();
    app.wait_gone("dialog[data-dialog=about]").await.unwrap();
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn exploring_the_demo_marks_it_demo_everywhere_until_it_is_left() {
    let app = App::launch_first_run().await.unwrap();
    app.click("[data-welcome=demo]").await.unwrap();
    app.customers().await.unwrap();
    app.wait_text("[data-list=customers]", "Nordlicht Logistik GmbH").await.unwrap();
    assert!(demo_path(&app).exists(), "the demo is made in the app-data folder");

    let banner = app.wait_for("[data-demo-banner]").await.unwrap();
    assert!(banner.text().await.unwrap().starts_with("DEMO"), "banner says DEMO");
    app.wait_text("[data-demo-badge=sidebar]", "DEMO").await.unwrap();
    assert!(app.client.title().await.unwrap().contains("DEMO"), "page title says DEMO");
    let titles = app.wait_native_title("demo.casefile — DEMO — Casefile").await.unwrap();
    assert!(titles.iter().any(|t| t.contains("DEMO")), "native window title says DEMO: {titles:?}");
    app.screenshot("first-run-2-demo").await.unwrap();

    // The demo is the last file used, so it comes back on the next start: still marked.
    let app = app.restart().await.unwrap();
    app.customers().await.unwrap();
    app.wait_text("[data-list=customers]", "Nordlicht Logistik GmbH").await.unwrap();
    app.wait_for("[data-demo-banner]").await.unwrap();
    app.wait_native_title("DEMO").await.unwrap();

    // Leaving it goes back to the welcome, and the next start does not reopen it.
    app.click("[data-demo-banner] [data-action=leave-demo]").await.unwrap();
    app.wait_for("[data-screen=welcome]").await.unwrap();
    assert!(!app.find("[data-demo-banner]").await.unwrap().is_displayed().await.unwrap(), "no banner once left");
    let app = app.restart().await.unwrap();
    app.wait_for("[data-screen=welcome]").await.unwrap();
    let titles = app.native_titles().unwrap();
    assert!(!titles.iter().any(|t| t.contains("DEMO")), "{titles:?}");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_case_file_is_made_where_the_native_save_dialog_says() {
    let dir = Scratch::new("new");
    let chosen = dir.join("Accounts 2026.casefile");
    let app = App::launch_first_run().await.unwrap();
    app.click("[data-welcome=new]").await.unwrap();
    app.save_dialog_choose("New case file", &chosen).await.unwrap();

    app.wait_text("dialog[data-dialog=first-run] [data-created-at]", &chosen.display().to_string()).await.unwrap();
    app.fill("dialog[data-dialog=first-run] [name=your_name]", "Dana Whitfield").await.unwrap();
    app.select("dialog[data-dialog=first-run] [name=currency]", "GBP").await.unwrap();
    app.screenshot("first-run-3-about-you").await.unwrap();
    app.click("dialog[data-dialog=first-run] [data-submit=first-run]").await.unwrap();
    app.wait_gone("dialog[data-dialog=first-run]").await.unwrap();
    app.customers().await.unwrap();
    app.wait_for("[data-empty=customers]").await.unwrap();
    assert_eq!(sidebar_file_name(&app).await, "Accounts 2026.casefile");
    assert!(!app.find("[data-demo-banner]").await.unwrap().is_displayed().await.unwrap(), "a real file is not marked DEMO");
    let titles = app.wait_native_title("Accounts 2026.casefile — Casefile").await.unwrap();
    assert!(!titles.iter().any(|t| t.contains("DEMO")), "{titles:?}");
    app.screenshot("first-run-4-new-file").await.unwrap();

    // The next start reopens it.
    let app = app.restart().await.unwrap();
    app.customers().await.unwrap();
    app.wait_for("[data-empty=customers]").await.unwrap();
    assert_eq!(sidebar_file_name(&app).await, "Accounts 2026.casefile");
    app.quit().await;

    let cf = CaseFile::open(&chosen).unwrap();
    let s = settings::get(cf.conn()).unwrap();
    assert_eq!((s.your_name.as_str(), s.currency.as_str(), s.is_demo), ("Dana Whitfield", "GBP", false));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_existing_file_opens_through_the_native_open_dialog_and_a_stranger_is_refused() {
    let dir = Scratch::new("open");
    let existing = dir.join("kestrel.casefile");
    {
        let mut cf = CaseFile::open(&existing).unwrap();
        accounts::create(&mut cf, &AccountInput { name: "Kestrel Roofing Ltd".into(), ..Default::default() }).unwrap();
    }
    let stranger = dir.join("notes.casefile");
    std::fs::write(&stranger, "Notes from the call with Kestrel, not a case file.\n".repeat(20)).unwrap();
    let before = file_hash(&stranger);

    let app = App::launch_first_run().await.unwrap();
    app.wait_for("[data-screen=welcome]").await.unwrap();
    // "o" is the welcome screen's own shortcut for "Open an existing file…".
    app.keys("o").await.unwrap();
    app.open_dialog_choose("Open case file", &stranger).await.unwrap();
    let notice = app.wait_for("[data-open-problem=not_a_case_file]").await.unwrap().text().await.unwrap();
    assert!(notice.contains("not a Casefile file"), "{notice}");
    app.screenshot("first-run-5-refused").await.unwrap();

    app.click("[data-welcome=open]").await.unwrap();
    app.open_dialog_choose("Open case file", &existing).await.unwrap();
    app.customers().await.unwrap();
    app.wait_text("[data-list=customers]", "Kestrel Roofing Ltd").await.unwrap();
    app.wait_native_title("kestrel.casefile — Casefile").await.unwrap();
    app.quit().await;
    assert_eq!(file_hash(&stranger), before, "the refused file is byte-for-byte unchanged");
}
