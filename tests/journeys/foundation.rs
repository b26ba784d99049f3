//! Journeys of the foundation: customers with contacts survive a restart, the demo opens,
//! and a bad field is refused at the field with nothing written.

use casefile_e2e::{demo_file, file_hash, App, Scratch};

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_with_a_contact_survives_a_restart() {
    let dir = Scratch::new("j1");
    let file = dir.join("fresh.casefile");
    let app = App::launch(&file).await.unwrap();
    // The dashboard is home; customers are one click away.
    app.click("[data-nav=customers]").await.unwrap();
    app.wait_for("[data-empty=customers]").await.unwrap();

    app.click("[data-action=new-customer]").await.unwrap();
    app.fill("dialog[data-dialog=customer] [name=name]", "Zoë's Roofing & Co <b>").await.unwrap();
    app.fill("dialog[data-dialog=customer] [name=annual_value]", "125,000").await.unwrap();
    app.click("dialog[data-dialog=customer] [data-submit=customer]").await.unwrap();
    app.wait_gone("dialog[data-dialog=customer]").await.unwrap();
    app.wait_text("[data-customer-name]", "Zoë's Roofing & Co <b>").await.unwrap();
    app.wait_text("[data-annual-value]", "€125,000.00").await.unwrap();

    app.click("[data-action=add-contact]").await.unwrap();
    app.fill("dialog[data-dialog=contact] [name=name]", "Кира Соколова").await.unwrap();
    app.fill("dialog[data-dialog=contact] [name=title]", "Buyer").await.unwrap();
    app.click("dialog[data-dialog=contact] [data-submit=contact]").await.unwrap();
    app.wait_text("[data-contacts]", "Кира Соколова").await.unwrap();
    app.wait_text("[data-list=customers]", "Zoë's Roofing & Co <b>").await.unwrap();
    app.screenshot("foundation-1-customer-created").await.unwrap();

    let app = app.restart().await.unwrap();
    app.click("[data-nav=customers]").await.unwrap();
    app.wait_text("[data-list=customers]", "Zoë's Roofing & Co <b>").await.unwrap();
    app.click("[data-list=customers] .list-item").await.unwrap();
    app.wait_text("[data-contacts]", "Кира Соколова").await.unwrap();
    let title = app.client.title().await.unwrap();
    assert!(title.contains("fresh.casefile"), "window title names the file: {title}");
    app.screenshot("foundation-1-after-restart").await.unwrap();
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_file_opens_with_its_customers() {
    let dir = Scratch::new("j2");
    let file = demo_file(&dir, "demo.casefile");
    let app = App::launch(&file).await.unwrap();
    app.click("[data-nav=customers]").await.unwrap();
    for name in ["Nordlicht Logistik GmbH", "Kestrel Roofing Ltd", "Кровля-Сервис ООО", "Ελληνικά Δομικά Α.Ε."] {
        app.wait_text("[data-list=customers]", name).await.unwrap();
    }
    assert!(app.find("[data-demo-banner]").await.unwrap().is_displayed().await.unwrap(), "DEMO is marked");
    assert!(app.client.title().await.unwrap().contains("DEMO"));
    app.screenshot("foundation-2-demo").await.unwrap();
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_name_is_refused_at_the_field_and_nothing_is_written() {
    let dir = Scratch::new("j3");
    let file = dir.join("empty.casefile");
    drop(casefile_core::CaseFile::open(&file).unwrap());
    let before = file_hash(&file);

    let app = App::launch(&file).await.unwrap();
    app.click("[data-nav=customers]").await.unwrap();
    app.click("[data-action=new-customer]").await.unwrap();
    app.fill("dialog[data-dialog=customer] [name=name]", "   ").await.unwrap();
    app.click("dialog[data-dialog=customer] [data-submit=customer]").await.unwrap();
    let msg = app.wait_text("dialog[data-dialog=customer] [data-error-for=name]", "required").await.unwrap();
    assert!(msg.contains("name is required"), "{msg}");
    let invalid = app.find("dialog[data-dialog=customer] [name=name]").await.unwrap().attr("aria-invalid").await.unwrap();
    assert_eq!(invalid.as_deref(), Some("true"));
    app.screenshot("foundation-3-empty-name").await.unwrap();
    app.quit().await;

    assert_eq!(file_hash(&file), before, "the file is byte-for-byte unchanged");
    let cf = casefile_core::CaseFile::open(&file).unwrap();
    let n: i64 = cf.conn().query_row("SELECT count(*) FROM accounts", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
}
