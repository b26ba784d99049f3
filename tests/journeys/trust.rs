//! Journeys of the trust features in the real window: the record's state in the sidebar,
//! redaction, a passphrase set then used to unlock (also after an idle lock and a restart),
//! backups and a restore, and export/import with the files chosen in the native GTK dialogs.

use casefile_e2e::{demo_file, file_hash, key, App, Scratch};
use std::path::Path;

#[tokio::test(flavor = "multi_thread")]
async fn the_sidebar_shows_the_record_and_a_redaction_keeps_it_intact() {
    let dir = Scratch::new("trust-record");
    let file = demo_file(&dir, "demo.casefile");
    let (event, links) = {
        let cf = casefile_core::CaseFile::open(&file).unwrap();
        let id: String = cf.conn().query_row("SELECT id FROM events ORDER BY recorded_at LIMIT 1", [], |r| r.get(0)).unwrap();
        (id, casefile_core::chain::head(cf.conn()).unwrap().0)
    };
    let app = App::launch(&file).await.unwrap();
    let shown = app.wait_text("[data-integrity-text]", "Record intact").await.unwrap();
    assert!(shown.contains(&format!("{} links", casefile_core::text::group(links as usize))), "{shown}");
    app.screenshot("trust-1-sidebar-intact").await.unwrap();

    app.go(&format!("/redact/{event}")).await.unwrap();
    app.wait_text("[data-removes]", "summary").await.unwrap();
    app.click("[data-action=redact]").await.unwrap();
    let msg = app.wait_text("dialog[data-dialog=confirm] .pre-line", "cannot be undone").await.unwrap();
    assert!(msg.contains("summary") && msg.contains("dated stub") && msg.contains("redact"), "{msg}");
    app.screenshot("trust-1-redact-confirm").await.unwrap();
    app.click("[data-submit=confirm]").await.unwrap();
    app.wait_for("[data-redacted=yes]").await.unwrap();
    // The background check runs again after the write and still finds the record intact.
    app.wait_text("[data-integrity-text]", &format!("{} links", casefile_core::text::group(links as usize + 1))).await.unwrap();
    app.wait_text("[data-integrity-text]", "Record intact").await.unwrap();
    app.screenshot("trust-1-redacted").await.unwrap();
    app.quit().await;

    let cf = casefile_core::CaseFile::open(&file).unwrap();
    let e = casefile_core::events::get(cf.conn(), &event).unwrap();
    assert_eq!(e.summary, "");
    assert!(e.redacted_at.is_some());
    assert!(casefile_core::chain::verify(cf.conn()).unwrap().ok);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_passphrase_is_set_the_file_locks_and_only_the_right_passphrase_opens_it() {
    std::env::set_var("CASEFILE_LOCK_MINUTE_MS", "1500");
    let dir = Scratch::new("trust-pass");
    let file = demo_file(&dir, "private.casefile");
    let app = App::launch(&file).await.unwrap();
    app.go("/safety").await.unwrap();
    app.click("[data-action=set-passphrase]").await.unwrap();
    app.fill("dialog[data-dialog=passphrase] [name=new]", "short").await.unwrap();
    app.fill("dialog[data-dialog=passphrase] [name=repeat]", "short").await.unwrap();
    app.click("[data-submit=passphrase]").await.unwrap();
    app.wait_text("dialog[data-dialog=passphrase] [data-error-for=new]", "at least 8").await.unwrap();
    app.fill("dialog[data-dialog=passphrase] [name=new]", "harbour lantern seven").await.unwrap();
    app.fill("dialog[data-dialog=passphrase] [name=repeat]", "harbour lantern seven").await.unwrap();
    app.click("[data-submit=passphrase]").await.unwrap();
    app.wait_gone("dialog[data-dialog=passphrase]").await.unwrap();
    app.wait_for("[data-encrypted=yes]").await.unwrap();
    app.screenshot("trust-2-encrypted").await.unwrap();
    let raw = std::fs::read(&file).unwrap();
    assert_ne!(&raw[..16], b"SQLite format 3\0", "the file on disk is encrypted");
    assert!(!raw.windows(16).any(|w| w == b"Nordlicht Logist"), "no customer name readable on disk");

    // Lock now (Ctrl+Shift+L); a wrong passphrase is refused at the field and changes nothing.
    app.click("[data-nav=customers]").await.unwrap();
    app.wait_for("[data-list=customers]").await.unwrap();
    app.keys(&format!("{}{}l{}", key::CONTROL, key::SHIFT, key::NULL)).await.unwrap();
    app.wait_for("[data-screen=unlock]").await.unwrap();
    let before = file_hash(&file);
    app.fill("[data-form=unlock] [name=passphrase]", "harbour lantern eight").await.unwrap();
    app.click("[data-submit=unlock]").await.unwrap();
    let err = app.wait_text("[data-form=unlock] [data-error-for=passphrase]", "does not open").await.unwrap();
    assert!(err.contains("Nothing was changed"), "{err}");
    app.screenshot("trust-2-wrong-passphrase").await.unwrap();
    assert_eq!(file_hash(&file), before, "a wrong passphrase touches nothing");
    app.fill("[data-form=unlock] [name=passphrase]", "harbour lantern seven").await.unwrap();
    app.click("[data-submit=unlock]").await.unwrap();
    app.customers().await.unwrap();
    app.wait_text("[data-list=customers]", "Nordlicht").await.unwrap();

    // Idle lock: one "minute" is 1.5 s in this journey.
    app.go("/settings").await.unwrap();
    app.fill("[data-form=settings] [name=lock_after_minutes]", "1").await.unwrap();
    app.click("[data-submit=settings]").await.unwrap();
    app.wait_text("[data-toasts]", "Settings saved").await.unwrap();
    let locked = app.wait_text("[data-unlock-reason=locked]", "idle minute").await.unwrap();
    assert!(locked.contains("locked itself"), "{locked}");
    app.screenshot("trust-2-idle-locked").await.unwrap();

    // After a restart the window asks for the passphrase before showing anything.
    let app = app.restart().await.unwrap();
    app.wait_for("[data-screen=unlock]").await.unwrap();
    let recent = std::fs::read_to_string(app.home().join("config").join("app.casefile.desktop").join("recent.json")).unwrap_or_default();
    assert!(!recent.contains("harbour"), "the passphrase is never written down: {recent}");
    app.fill("[data-form=unlock] [name=passphrase]", "harbour lantern seven").await.unwrap();
    app.click("[data-submit=unlock]").await.unwrap();
    app.customers().await.unwrap();
    app.wait_text("[data-list=customers]", "Nordlicht").await.unwrap();
    app.wait_text("[data-integrity-text]", "Record intact").await.unwrap();
    app.quit().await;
    std::env::remove_var("CASEFILE_LOCK_MINUTE_MS");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backup_is_restored_after_it_is_checked_and_the_current_file_is_kept() {
    let dir = Scratch::new("trust-backup");
    let file = demo_file(&dir, "work.casefile");
    let app = App::launch(&file).await.unwrap();
    app.go("/safety").await.unwrap();
    // One backup is taken in the background when the file opens.
    app.wait_for("[data-backups] tr[data-backup]").await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    app.screenshot("trust-3-backups").await.unwrap();

    app.go("/customers").await.unwrap();
    app.click("[data-action=new-customer]").await.unwrap();
    app.fill("dialog[data-dialog=customer] [name=name]", "Added after the backup").await.unwrap();
    app.click("[data-submit=customer]").await.unwrap();
    app.wait_text("[data-customer-name]", "Added after the backup").await.unwrap();

    app.go("/safety").await.unwrap();
    app.click("[data-backups] tr[data-backup] [data-restore]").await.unwrap();
    let msg = app.wait_text("dialog[data-dialog=confirm] .pre-line", "integrity check").await.unwrap();
    assert!(msg.contains("kept aside"), "{msg}");
    app.click("[data-submit=confirm]").await.unwrap();
    app.wait_text("[data-toasts]", "Restored").await.unwrap();
    app.screenshot("trust-3-restored").await.unwrap();
    app.go("/customers").await.unwrap();
    app.wait_text("[data-list=customers]", "Nordlicht").await.unwrap();
    let list = app.text("[data-list=customers]").await.unwrap();
    assert!(!list.contains("Added after the backup"), "the restored file is the backup");
    app.quit().await;

    let aside: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.contains("before-restore")).collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let kept = casefile_core::CaseFile::open(&dir.join(&aside[0])).unwrap();
    let n: i64 = kept.conn().query_row("SELECT count(*) FROM accounts WHERE name = 'Added after the backup'", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1, "the file that was open is kept whole");
}

/// The demo file with notifications off. The reminder check writes, 3 s after the app starts,
/// when each reminder was notified, into whichever file is open then: these journeys compare
/// files byte for byte or cut one short while the app is away, so no writer may race them
/// on a timer of its own (the reminders have journeys of their own).
fn quiet_demo_file(dir: &Scratch, name: &str) -> std::path::PathBuf {
    let file = demo_file(dir, name);
    let mut cf = casefile_core::CaseFile::open(&file).unwrap();
    let settings = casefile_core::settings::Settings { notifications: false, ..casefile_core::settings::get(cf.conn()).unwrap() };
    casefile_core::settings::save(&mut cf, settings).unwrap();
    file
}

#[tokio::test(flavor = "multi_thread")]
async fn export_then_import_into_a_new_file_with_progress_and_csv() {
    let dir = Scratch::new("trust-export");
    let file = quiet_demo_file(&dir, "source.casefile");
    let json = dir.join("everything.json");
    let copy = dir.join("imported.casefile");
    let csv = dir.join("promises.csv");
    let app = App::launch(&file).await.unwrap();
    app.go("/safety").await.unwrap();
    // Every file is chosen in the real GTK dialogs, with the keyboard.
    app.click("[data-action=export-json]").await.unwrap();
    app.save_dialog_choose("Export the case file", &json).await.unwrap();
    app.wait_text("[data-exchange-result]", "Exported").await.unwrap();
    app.click("[data-action=export-csv-promises]").await.unwrap();
    app.save_dialog_choose("Export Promises as CSV", &csv).await.unwrap();
    app.wait_text("[data-exchange-result]", "promises").await.unwrap();
    app.click("[data-action=import-json]").await.unwrap();
    app.open_dialog_choose("Import a Casefile export", &json).await.unwrap();
    app.save_dialog_choose("Save the imported case file as", &copy).await.unwrap();
    app.wait_text("[data-exchange-result]", "Imported").await.unwrap();
    let progress = app.text("[data-import-progress-text]").await.unwrap();
    assert!(progress.contains(" of "), "the progress bar counted rows: {progress}");
    app.screenshot("trust-4-imported").await.unwrap();
    let title = app.client.title().await.unwrap();
    assert!(title.contains("imported.casefile"), "{title}");
    app.wait_text("[data-integrity-text]", "Record intact").await.unwrap();
    app.quit().await;

    let export = |p: &Path| {
        let cf = casefile_core::CaseFile::open(p).unwrap();
        let mut out = Vec::new();
        casefile_core::exchange::write_json(cf.conn(), &mut out).unwrap();
        out
    };
    // Compared with the export itself: the source may have changed since (the reminder check
    // marks what it notified a few seconds after start).
    assert_eq!(std::fs::read(&json).unwrap(), export(&copy), "the imported file holds exactly what was exported");
    assert!(export(&file).len() > 10_000, "the source still exports");
    assert!(std::fs::read_to_string(&csv).unwrap().starts_with("id,"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_stays_responsive_while_a_big_record_is_verified() {
    let dir = Scratch::new("trust-big");
    let file = dir.join("big.casefile");
    let as_of = casefile_core::chrono::Local::now().date_naive();
    casefile_core::demo::write(&file, &casefile_core::demo::DemoOptions { seed: 1, entries: 30_000, as_of: Some(as_of) }).unwrap();
    let links = {
        let cf = casefile_core::CaseFile::open(&file).unwrap();
        casefile_core::text::group(casefile_core::chain::head(cf.conn()).unwrap().0 as usize)
    };
    let app = App::launch(&file).await.unwrap();
    // While the chain is checked in the background, the window answers at once.
    let started = std::time::Instant::now();
    app.click("[data-nav=people]").await.unwrap();
    app.wait_text("[data-list=people]", "Rolf Brandt").await.unwrap();
    app.click("[data-nav=customers]").await.unwrap();
    app.wait_text("[data-list=customers]", "Nordlicht").await.unwrap();
    let answered = started.elapsed();
    let shown = app.wait_text("[data-integrity-text]", "Record intact").await.unwrap();
    let verified = started.elapsed();
    assert!(shown.contains(&format!("{links} links")), "{shown}");
    let i = app.js("return document.querySelector('[data-integrity-text]').title").await.unwrap();
    assert!(i.as_str().unwrap_or_default().contains("Head: "), "{i}");
    println!("big record: screens answered in {} ms while verifying; sidebar intact after {} ms ({shown})", answered.as_millis(), verified.as_millis());
    assert!(answered.as_millis() < 5000, "the window waited for the check: {answered:?}");
    app.screenshot("trust-5-big-record").await.unwrap();
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_file_is_refused_and_restored_from_its_backup() {
    let dir = Scratch::new("trust-damaged");
    let file = quiet_demo_file(&dir, "work.casefile");
    let app = App::launch(&file).await.unwrap();
    app.go("/safety").await.unwrap();
    app.wait_for("[data-backups] tr[data-backup]").await.unwrap();
    let app = {
        // Cut the file short while the app is away, as a failed copy would.
        let home_keeper = app;
        let bytes = std::fs::read(&file).unwrap();
        let restarted = home_keeper.restart_with(|| std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap()).await.unwrap();
        restarted
    };
    let problem = app.wait_text("[data-open-problem=damaged]", "damaged").await.unwrap();
    assert!(problem.contains("cut short"), "{problem}");
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    app.screenshot("trust-6-damaged").await.unwrap();
    app.click("[data-action=restore-damaged]").await.unwrap();
    app.click("[data-screen=restore] [data-restore]").await.unwrap();
    app.click("[data-submit=confirm]").await.unwrap();
    app.wait_text("[data-list=customers]", "Nordlicht").await.unwrap();
    app.wait_text("[data-integrity-text]", "Record intact").await.unwrap();
    app.quit().await;
    let kept: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.contains(".damaged-") && n.ends_with(".casefile")).collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept aside: {kept:?}");
}
