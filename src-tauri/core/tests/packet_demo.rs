//! The escalation packet of the demo case file, read back from the PDF with poppler and
//! checked against the data through the modules that own it.

mod support;

use casefile_core::money::Totals;
use casefile_core::packet::layout::{self, Paper};
use casefile_core::packet::{self, PacketInput};
use casefile_core::promises::query::{self, PromiseQuery};
use casefile_core::promises::record;
use casefile_core::{accounts, attachments, chain, complaints, lost_revenue, model::PromiseStatus, remedies, settings};
use support::*;

fn all_accounts(cf: &casefile_core::CaseFile) -> Vec<accounts::Account> {
    accounts::list(cf.conn(), cf.today(), &accounts::AccountQuery { limit: Some(200), ..Default::default() }).unwrap().items.into_iter().map(|s| s.account).collect()
}

fn add_all(into: &mut Totals, from: &Totals) {
    for m in &from.0 {
        into.add(m.minor, &m.currency);
    }
}

#[test]
fn the_whole_demo_packet_holds_the_figures_and_rows_of_the_data() {
    let dir = Scratch::new("demo-all");
    let cf = demo(&dir);
    let made = build(&cf, &PacketInput::default());
    let words = flat(&text(&made.pdf));
    let rows = layout_text(&made.pdf);

    // The promise figures equal the sum of every promiser's record, worked out by the ledger.
    let records = record::all(cf.conn(), cf.today()).unwrap();
    let sum = |f: fn(&record::PromiserRecord) -> u32| records.iter().map(f).sum::<u32>();
    let p = &made.figures.promises;
    assert_eq!(
        (p.made, p.kept_on_time, p.kept_late, p.broken, p.open, p.overdue, p.follow_ups_unanswered),
        (sum(|r| r.made), sum(|r| r.kept_on_time), sum(|r| r.kept_late), sum(|r| r.broken), sum(|r| r.open), sum(|r| r.overdue), sum(|r| r.follow_ups_unanswered))
    );
    assert!(p.broken > 0 && p.overdue > 0 && p.made > 10, "the demo has every kind of promise: {p:?}");
    let sentence = format!(
        "{} promises were made in this scope. {} kept on time, {} kept late and {} broken; {} still open, {} of them past the due date.",
        p.made, p.kept_on_time, p.kept_late, p.broken, p.open, p.overdue
    );
    assert!(words.contains(&sentence), "{sentence}");
    let rate = record::on_time_rate(p.kept_on_time, p.kept_late, p.broken, p.overdue).unwrap();
    assert!(words.contains(&format!("On-time rate: {}% ({} of {} promises that could be judged)", rate.percent, rate.on_time, rate.out_of)));
    assert!(words.contains(&format!("{} follow-ups are waiting for a reply", p.follow_ups_unanswered)));

    // Money: lost revenue and remedy cost over every customer, as each customer's totals add up.
    let (mut lost, mut cost) = (Totals::default(), Totals::default());
    let (mut complaints_total, mut open) = (0, 0);
    for a in all_accounts(&cf) {
        add_all(&mut lost, &lost_revenue::totals_for_account(cf.conn(), &a.id).unwrap().all);
        add_all(&mut cost, &remedies::totals_for_account(cf.conn(), &a.id).unwrap().cost);
        let q = complaints::ComplaintQuery { account_id: Some(a.id.clone()), limit: Some(200), ..Default::default() };
        let page = complaints::list(cf.conn(), cf.today(), &q).unwrap();
        complaints_total += page.total;
        open += page.items.iter().filter(|c| c.complaint.is_open()).count();
    }
    assert!(!lost.0.is_empty() && !cost.0.is_empty());
    assert!(words.contains(&format!("Lost revenue recorded: {}", lost.format())), "{}", lost.format());
    assert!(words.contains(&format!("remedies committed cost {}", cost.format())), "{}", cost.format());
    assert!(words.contains(&format!("{complaints_total} complaints received, {open} still open")));

    // Every broken promise is a row: its made day, its promiser and its lost revenue on one line.
    let broken = query::list(cf.conn(), cf.today(), &PromiseQuery { status: Some("broken".into()), limit: Some(200), ..Default::default() }).unwrap();
    assert_eq!(broken.total as u32, p.broken);
    for b in &broken.items {
        let line = rows
            .lines()
            .find(|l| l.contains(&b.made_at[..10]) && l.contains(&b.made_by_name))
            .unwrap_or_else(|| panic!("no row for the broken promise {:?}", b.what));
        let lost = lost_revenue::totals_for_promise(cf.conn(), &b.id).unwrap().all;
        if let Some(first) = lost.0.first() {
            assert!(line.contains(&first.format()), "{line}");
        }
        assert_eq!(b.status, PromiseStatus::Broken);
    }

    // Every complaint reference, and every exhibit's SHA-256, whole.
    let squeezed_text = squeezed(&words);
    let everything = complaints::list(cf.conn(), cf.today(), &complaints::ComplaintQuery { limit: Some(200), ..Default::default() }).unwrap();
    for c in &everything.items {
        assert!(words.contains(&c.complaint.reference), "{}", c.complaint.reference);
    }
    assert!(made.figures.exhibits > 0);
    for a in all_accounts(&cf) {
        for c in complaints::list(cf.conn(), cf.today(), &complaints::ComplaintQuery { account_id: Some(a.id), limit: Some(200), ..Default::default() }).unwrap().items {
            for file in attachments::list_for(cf.conn(), &attachments::Target::complaint(&c.complaint.id)).unwrap() {
                assert!(squeezed_text.contains(&file.sha256), "exhibit {} missing", file.name);
            }
        }
    }

    // The integrity page: the digest, the chain head and its verification.
    let (links, head) = chain::head(cf.conn()).unwrap();
    assert!(squeezed_text.contains(&made.records_sha256));
    assert!(squeezed_text.contains(&head));
    assert!(words.contains(&format!("Intact: all {} links verified", casefile_core::text::group(links as usize))));

    // Page numbers, the contents and the DEMO marking on the cover and every page's header.
    assert!(info(&made.pdf).contains(&format!("Pages:           {}", made.pages)));
    let cover = page_text(&made.pdf, 1);
    assert!(cover.contains("DEMO — FICTITIOUS DATA"), "{cover}");
    let spec = spec(&cf, &PacketInput::default());
    let (doc, _, _) = packet::document(cf.conn(), &spec, &mut |_| {}).unwrap();
    let laid = layout::layout(&doc).unwrap();
    assert_eq!(laid.pages.len(), made.pages);
    for h in laid.headings.iter().filter(|h| h.level == 1) {
        let page = flat(&page_text(&made.pdf, h.page));
        assert!(page.contains(&h.text), "{} is not on page {}", h.text, h.page);
        assert!(page.contains(&format!("Page {} of {}", h.page, made.pages)), "page {}", h.page);
        assert!(page.starts_with("DEMO · Escalation packet"), "{page}");
    }
    let contents = rows.split('\u{c}').nth(1).unwrap_or_default();
    for title in ["Executive summary", "Broken and overdue promises", "Chronology", "Complaints and remedies", "Decisions", "Charts", "Exhibit index", "Scope and definitions", "Integrity"] {
        let h = laid.headings.iter().find(|h| h.text == title).unwrap_or_else(|| panic!("no section {title}"));
        let entry = format!("{title} {}", h.page);
        assert!(contents.lines().any(|l| flat(l) == entry), "{entry:?} in {contents}");
    }
    // Every glyph of every page sits inside the margins, in the model and in the PDF.
    let g = laid.geometry;
    for (page, run) in laid.texts() {
        assert!(run.x >= g.margin_x - 0.01 && run.right() <= g.width - g.margin_x + 0.01, "page {page}: {:?}", run.text);
        assert!(run.y >= g.margin_top - 0.01 && run.bottom() <= g.height - g.margin_bottom + 0.01, "page {page}: {:?}", run.text);
    }
    assert!(assert_words_inside_margins(&made.pdf) > 5_000);
    assert!(made.pdf.len() < 1024 * 1024);
}

#[test]
fn one_customer_in_letter_size_and_day_month_year_dates() {
    let dir = Scratch::new("demo-one");
    let mut cf = demo(&dir);
    let s = settings::Settings { date_format: "dmy".into(), paper: "letter".into(), ..settings::get(cf.conn()).unwrap() };
    settings::save(&mut cf, s).unwrap();
    let kestrel = accounts::find_by_name(cf.conn(), "Kestrel Roofing Ltd").unwrap().remove(0);
    let input = PacketInput { account_ids: vec![kestrel.id.clone()], recipient_name: "Margaret Okafor".into(), recipient_title: "Managing Director".into(), ..Default::default() };
    let made = build(&cf, &input);
    let words = flat(&text(&made.pdf));
    assert!(info(&made.pdf).contains("612 x 792 pts (letter)"), "{}", info(&made.pdf));
    assert!(words.contains("Escalation packet: Kestrel Roofing Ltd"));
    assert!(words.contains("Margaret Okafor, Managing Director"));
    assert!(words.contains("20/11/2026 (this decides what is overdue)"), "dates follow the settings");
    assert!(!words.contains("Nordlicht Logistik GmbH"), "another customer's records never show");
    let mine = query::list(cf.conn(), cf.today(), &PromiseQuery { account_id: Some(kestrel.id.clone()), limit: Some(200), ..Default::default() }).unwrap();
    assert_eq!(made.figures.promises.made as u64, mine.total);
    let lost = lost_revenue::totals_for_account(cf.conn(), &kestrel.id).unwrap();
    assert_eq!(made.figures.lost.all, lost.all);
    assert_eq!(made.figures.remedies.cost, remedies::totals_for_account(cf.conn(), &kestrel.id).unwrap().cost);
    assert!(assert_words_inside_margins(&made.pdf) > 1_000);
    // The same scope of the same file gives the same digest, whenever it is made.
    let again = build(&cf, &input);
    assert_eq!(again.records_sha256, made.records_sha256);
    let spec = support::spec(&cf, &input);
    assert_eq!(spec.paper, Paper::Letter);
}

#[test]
fn a_promisers_packet_and_a_period_narrow_everything_consistently() {
    let dir = Scratch::new("demo-person");
    let cf = demo(&dir);
    let rolf = casefile_core::people::find_by_name(cf.conn(), "Rolf Brandt").unwrap().remove(0);
    let input = PacketInput { person_id: Some(rolf.id.clone()), sections: Some(vec!["summary".into(), "promises".into()]), ..Default::default() };
    let made = build(&cf, &input);
    let his = record::for_person(cf.conn(), &rolf.id, cf.today()).unwrap();
    let p = &made.figures.promises;
    assert_eq!((p.made, p.broken, p.overdue, p.follow_ups_unanswered), (his.made, his.broken, his.overdue, his.follow_ups_unanswered));
    assert_eq!(made.figures.lost.all, his.lost.all, "his broken promises' lost revenue, retracted entries excluded");
    let words = flat(&text(&made.pdf));
    assert!(words.contains("Escalation packet: promises made by Rolf Brandt"));
    assert!(!words.contains("Exhibit index"), "left-out sections are left out");
    assert!(words.contains("Integrity"), "the integrity page is always there");

    // A period: only promises made in it.
    let input = PacketInput { from: "2026-06-01".into(), to: "2026-09-30".into(), ..Default::default() };
    let made = build(&cf, &input);
    let all = query::list(cf.conn(), cf.today(), &PromiseQuery { limit: Some(200), ..Default::default() }).unwrap();
    let in_period = all.items.iter().filter(|p| p.made_at.get(..10).is_some_and(|d| ("2026-06-01"..="2026-09-30").contains(&d))).count();
    assert_eq!(made.figures.promises.made as usize, in_period);
    assert!(flat(&text(&made.pdf)).contains("2026-06-01 to 2026-09-30"));
}

#[test]
fn progress_is_reported_in_order_and_bad_input_names_its_field() {
    let dir = Scratch::new("demo-progress");
    let cf = demo(&dir);
    let mut seen = Vec::new();
    packet::build(cf.conn(), &spec(&cf, &PacketInput::default()), &mut |p| seen.push((p.done, p.total, p.stage))).unwrap();
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0), "{seen:?}");
    assert_eq!(seen.last().map(|s| (s.0, s.1)), Some((packet::STEPS, packet::STEPS)));
    assert!(seen.iter().all(|s| s.1 == packet::STEPS), "one scale for the whole bar: {seen:?}");
    assert!(seen.len() >= packet::STEPS as usize, "{seen:?}");
    let bad = |input: PacketInput| packet::check(cf.conn(), &input, cf.now(), cf.today(), "x").unwrap_err();
    assert_eq!(bad(PacketInput { from: "31/12/2026".into(), ..Default::default() }).field(), Some("from"));
    assert_eq!(bad(PacketInput { account_ids: vec!["nope".into()], ..Default::default() }).field(), Some("account_ids"));
    assert_eq!(bad(PacketInput { person_id: Some("nope".into()), ..Default::default() }).field(), Some("person_id"));
    assert_eq!(bad(PacketInput { sections: Some(vec![]), ..Default::default() }).field(), Some("sections"));
    assert_eq!(bad(PacketInput { sections: Some(vec!["gossip".into()]), ..Default::default() }).field(), Some("sections"));
    assert_eq!(bad(PacketInput { paper: "a3".into(), ..Default::default() }).field(), Some("paper"));
    assert_eq!(bad(PacketInput { recipient_name: "two\nlines".into(), ..Default::default() }).field(), Some("recipient_name"));
    let ok = packet::check(cf.conn(), &PacketInput::default(), cf.now(), cf.today(), "x").unwrap();
    assert_eq!(ok.prepared_by, "Dana Whitfield", "prepared by defaults to your name");
    assert_eq!(ok.confidentiality, packet::DEFAULT_CONFIDENTIALITY);
}
