//! The one-page briefing PDF: every demo customer's briefing on exactly one page, with its
//! figures and first talking point, and a customer with far too much to say cut to one page
//! with every cut said ("…and N more").

mod support;

use casefile_core::accounts::{self, AccountInput};
use casefile_core::complaints::{self, ComplaintInput};
use casefile_core::packet::{layout, one_pager};
use casefile_core::people::{self, PersonInput};
use casefile_core::promises::{self, PromiseInput};
use casefile_core::{briefing, settings};
use support::*;

fn pages(pdf: &[u8]) -> usize {
    let info = info(pdf);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).map(|n| n.trim().parse().unwrap()).unwrap()
}

#[test]
fn every_demo_customer_fits_one_page_with_its_figures_and_first_point() {
    let dir = Scratch::new("brief-demo");
    let cf = demo(&dir);
    let s = settings::get(cf.conn()).unwrap();
    let all = accounts::list(cf.conn(), cf.today(), &accounts::AccountQuery { limit: Some(200), ..Default::default() }).unwrap();
    assert_eq!(all.items.len(), 9);
    let mut cut_somewhere = false;
    for summary in all.items {
        let b = briefing::for_account(cf.conn(), cf.today(), &summary.account.id).unwrap();
        let made = one_pager::briefing_pdf(&b, &s, cf.now()).unwrap();
        assert_eq!(made.pages, 1, "{}", b.account.name);
        assert_eq!(pages(&made.pdf), 1, "{}", b.account.name);
        let words = flat(&text(&made.pdf));
        assert!(words.contains(&format!("Briefing: {}", b.account.name)), "{words}");
        assert!(words.starts_with("DEMO · Briefing"), "the demo is marked in the header: {words}");
        // Each tile's value is drawn right after its label.
        let f = &b.figures;
        let (doc, _) = one_pager::fitted(&b, &s, cf.now()).unwrap();
        let laid = layout::layout(&doc).unwrap();
        let tiles: Vec<String> = laid.pages[0].with_role(layout::Role::Figure).map(|r| r.text.clone()).collect();
        let value_after = |label: &str| tiles.iter().position(|t| t == label).map(|i| tiles[i + 1].clone());
        assert_eq!(value_after("OVERDUE PROMISES"), Some(f.overdue_promises.to_string()), "{}", b.account.name);
        assert_eq!(value_after("OPEN COMPLAINTS"), Some(f.open_complaints.to_string()), "{}", b.account.name);
        let given = if f.compensation.0.is_empty() { "none".to_string() } else { f.compensation.format() };
        assert_eq!(value_after("COMPENSATION GIVEN"), Some(given.clone()), "{}", b.account.name);
        assert!(words.contains("OVERDUE PROMISES") && words.contains(&given));
        if let Some(first) = b.talking_points.first() {
            assert!(words.contains(&first.title), "{}: first point {:?}", b.account.name, first.title);
        }
        if let Some(c) = &b.communicator {
            assert!(words.contains(&c.name));
        }
        if made.cut {
            cut_somewhere = true;
            assert!(words.contains("more") || words.contains("listed on the briefing screen"), "{}: a cut is said", b.account.name);
        }
        assert!(assert_words_inside_margins(&made.pdf) > 100);
    }
    assert!(cut_somewhere, "the busiest demo customer needs cutting");
}

#[test]
fn a_customer_with_too_much_to_say_is_cut_to_one_page_and_says_how_much_was_left_out() {
    let dir = Scratch::new("brief-big");
    let today = day(2026, 6, 30);
    let mut cf = open_on(&dir.join("big.casefile"), today);
    let me = people::create(&mut cf, &PersonInput { name: "Zoë Adeyemi".into(), side: "internal".into(), is_me: true, ..Default::default() }).unwrap().id;
    let boss = people::create(&mut cf, &PersonInput { name: "Rolf Brandt".into(), side: "internal".into(), ..Default::default() }).unwrap().id;
    let account = accounts::create(&mut cf, &AccountInput { name: "Ελλάδα Кровля Roofing".into(), communicator_id: Some(me.clone()), ..Default::default() }).unwrap().id;
    let long = "Кровля Ελλάδα seam failure https://example.com/a/very/long/path/without/any/breaks/at/all ".repeat(250);
    assert!(long.chars().count() > 20_000);
    for i in 0..30 {
        let what = format!("Promise {i:02}: {}", &long[..600]);
        let by = if i % 2 == 0 { &boss } else { &me };
        promises::create(&mut cf, &PromiseInput { made_by_id: by.clone(), account_id: account.clone(), made_at: "2026-05-01".into(), what, due_on: format!("2026-06-{:02}", 1 + i % 28), ..Default::default() }).unwrap();
    }
    for i in 0..20 {
        complaints::create(&mut cf, &ComplaintInput { account_id: account.clone(), received_at: format!("2026-06-{:02}", 1 + i), description: long.clone(), severity: "2".into(), ..Default::default() }).unwrap();
    }
    let b = briefing::for_account(cf.conn(), today, &account).unwrap();
    assert_eq!(b.promises.len(), 30);
    let s = settings::get(cf.conn()).unwrap();
    let made = one_pager::briefing_pdf(&b, &s, cf.now()).unwrap();
    assert!(made.cut);
    assert_eq!(pages(&made.pdf), 1);
    let words = flat(&text(&made.pdf));
    assert!(words.contains("Briefing: Ελλάδα Кровля Roofing"));
    assert!(words.contains("Open promises (30)"), "{words}");
    assert!(words.contains("Open complaints (20)"), "{words}");
    // Each list says how many rows it left out, and the numbers add up.
    let (doc, cut) = one_pager::fitted(&b, &s, cf.now()).unwrap();
    assert!(cut);
    let laid = layout::layout(&doc).unwrap();
    assert_eq!(laid.pages.len(), 1);
    let shown_promises = laid.texts().filter(|(_, r)| r.text.starts_with("Promise ")).count();
    if shown_promises > 0 {
        assert!(words.contains(&format!("…and {} more open promises", 30 - shown_promises)), "{shown_promises} shown: {words}");
    } else {
        assert!(words.contains("listed on the briefing screen"));
    }
    let g = laid.geometry;
    for (page, run) in laid.texts() {
        assert!(run.x >= g.margin_x - 0.01 && run.right() <= g.width - g.margin_x + 0.01, "page {page}: {:?}", run.text);
        assert!(run.bottom() <= g.height - g.margin_bottom + 0.01, "page {page}: {:?}", run.text);
    }
    assert!(assert_words_inside_margins(&made.pdf) > 200);
}
