//! Journeys on a big case file (issue 8): every list draws one page, never thousands of rows,
//! and importing ten thousand rows shows its progress as it goes.

use casefile_e2e::{App, Scratch};
use std::path::Path;

fn big_file(dir: &Scratch, name: &str, entries: u64) -> std::path::PathBuf {
    let path = dir.join(name);
    let as_of = casefile_core::chrono::Local::now().date_naive();
    casefile_core::demo::write(&path, &casefile_core::demo::DemoOptions { seed: 1, entries, as_of: Some(as_of) }).expect("write the big demo");
    path
}

/// The most rows any list on the screen has drawn.
async fn most_rows_drawn(app: &App) -> u64 {
    app.js("return Math.max(0, ...[...document.querySelectorAll('[data-list]')].map((l) => l.children.length))").await.unwrap().as_u64().unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_big_file_draws_one_page_of_each_list() {
    let dir = Scratch::new("scale-pages");
    let file = big_file(&dir, "big.casefile", 20_000);
    let (promises, entries) = {
        let cf = casefile_core::CaseFile::open(&file).unwrap();
        let n = |sql: &str| -> i64 { cf.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        (n("SELECT count(*) FROM promises"), n("SELECT count(*) FROM events e JOIN accounts a ON a.id = e.account_id WHERE a.name LIKE 'Nordlicht%'"))
    };
    assert!(promises > 200 && entries > 1000, "the file is big enough to need paging: {promises} promises, {entries} entries");
    let app = App::launch(&file).await.unwrap();
    app.wait_route("/dashboard").await.unwrap();

    app.click("[data-nav=promises]").await.unwrap();
    // The ledger opens on the open promises; every promise is the long list.
    app.click("[data-promise-filters] [data-action=clear-filters]").await.unwrap();
    let pager = app.wait_text("[data-pager-text]", &format!("of {}", casefile_core::text::group(promises as usize))).await.unwrap();
    assert!(pager.starts_with("1–"), "{pager}");
    assert!(most_rows_drawn(&app).await <= 200, "the ledger drew more than a page");
    app.screenshot("scale-1-promises").await.unwrap();

    app.click("[data-nav=customers]").await.unwrap();
    app.click("[data-list=customers] [data-customer^=Nordlicht]").await.unwrap();
    app.wait_for("[data-customer-name]").await.unwrap();
    let id = app.js("return document.querySelector('[data-customer^=Nordlicht]').dataset.id").await.unwrap();
    app.go(&format!("/customers/{}/timeline", id.as_str().unwrap_or_default())).await.unwrap();
    app.wait_text("[data-pager-text]", " of ").await.unwrap();
    let drawn = most_rows_drawn(&app).await;
    assert!(drawn > 0 && drawn <= 200, "the timeline of {entries} entries drew {drawn} rows");
    app.screenshot("scale-2-timeline").await.unwrap();

    app.click("[data-nav=complaints]").await.unwrap();
    app.wait_text("[data-pager-text]", " of ").await.unwrap();
    assert!(most_rows_drawn(&app).await <= 200);
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn importing_ten_thousand_rows_shows_its_progress() {
    let dir = Scratch::new("scale-import");
    let source = big_file(&dir, "source.casefile", 4_000);
    let json = dir.join("export.json");
    let rows = {
        let cf = casefile_core::CaseFile::open(&source).unwrap();
        casefile_core::exchange::export_to(cf.conn(), &json, None).unwrap().rows
    };
    assert!(rows >= 10_000, "the export holds {rows} rows");
    let target = dir.join("imported.casefile");
    let app = App::launch(&dir.join("work.casefile")).await.unwrap();
    app.wait_route("/dashboard").await.unwrap();
    app.go("/safety").await.unwrap();
    app.wait_for("[data-action=import-json]").await.unwrap();
    // Watch the progress text as a person would see it change.
    app.js(
        "window.seen = []; const t = document.querySelector('[data-import-progress-text]');
         new MutationObserver(() => window.seen.push(t.textContent)).observe(t, { childList: true, subtree: true, characterData: true });",
    )
    .await
    .unwrap();
    let started = std::time::Instant::now();
    app.click("[data-action=import-json]").await.unwrap();
    // The files are chosen in the real GTK dialogs, with the keyboard.
    app.open_dialog_choose("Import a Casefile export", &json).await.unwrap();
    app.save_dialog_choose("Save the imported case file as", &target).await.unwrap();
    app.wait_text("[data-exchange-result]", "Imported").await.unwrap();
    let took = started.elapsed();
    let seen: Vec<String> = serde_json::from_value(app.js("return window.seen").await.unwrap()).unwrap();
    let total = casefile_core::text::group(rows as usize);
    let part_way: Vec<&String> = seen.iter().filter(|t| !t.starts_with("0 of") && !t.starts_with(&format!("{total} of"))).collect();
    println!("imported {rows} rows in {} ms; the progress showed {seen:?}", took.as_millis());
    assert!(part_way.len() >= 2, "the bar moved part-way at least twice: {seen:?}");
    assert!(seen.last().is_some_and(|t| t == &format!("{total} of {total} rows")), "{seen:?}");
    assert!(app.find("[data-import-progress]").await.unwrap().is_displayed().await.unwrap());
    app.screenshot("scale-3-imported").await.unwrap();
    app.quit().await;
    assert!(Path::new(&target).exists());
}
