use super::*;
use crate::attachments::{self, Target};
use crate::complaints::{self, ComplaintEdit, ComplaintInput};
use crate::contacts::{self, ContactInput};
use crate::decisions::{self, DecideInput, DecisionInput, OptionInput};
use crate::email::{self, ImportTarget};
use crate::events::{self, EventInput};
use crate::people::{self, PersonInput};
use crate::promises::{self, PromiseInput};
use crate::remedies::{self, RemedyInput};
use crate::testing::day;
use crate::testing::evidence::{world, World};

const TODAY: (i32, u32, u32) = (2026, 3, 20);

fn today() -> chrono::NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

fn find(w: &World, text: &str) -> Results {
    search(w.cf.conn(), today(), &SearchQuery { text: text.into(), ..Default::default() }).unwrap()
}

fn find_with(w: &World, q: SearchQuery) -> Results {
    search(w.cf.conn(), today(), &q).unwrap()
}

fn kinds(r: &Results) -> Vec<SearchKind> {
    r.groups.iter().map(|g| g.kind).collect()
}

fn titles(r: &Results, kind: SearchKind) -> Vec<String> {
    r.groups.iter().filter(|g| g.kind == kind).flat_map(|g| g.hits.iter().map(|h| h.title.clone())).collect()
}

fn note(w: &mut World, at: &str, summary: &str, details: &str) -> String {
    let input = EventInput {
        kind: "note".into(),
        occurred_at: at.into(),
        occurred_precision: "day".into(),
        summary: summary.into(),
        details: details.into(),
        source_person_id: Some(w.me.clone()),
        account_id: Some(w.account.clone()),
        ..Default::default()
    };
    events::create(&mut w.cf, &input).unwrap().id
}

fn eml(subject: &str, body: &str, id: &str) -> Vec<u8> {
    format!("From: Owen Gallagher <owen@kestrel.example>\r\nTo: Dana <dana@aquila.example>\r\nDate: Mon, 16 Mar 2026 10:00:00 +0000\r\nSubject: {subject}\r\nMessage-ID: <{id}@kestrel.example>\r\n\r\n{body}\r\n").into_bytes()
}

#[test]
fn what_is_typed_becomes_plain_quoted_words() {
    assert_eq!(match_expression("seam lift"), Some((r#""seam" "lift"*"#.into(), vec!["seam".into(), "lift".into()])));
    assert_eq!(match_expression("seam lift ").unwrap().0, r#""seam" "lift""#, "a finished word is not a prefix");
    assert_eq!(match_expression(r#"say "hi"#).unwrap().0, r#""say" """hi"*"#, "a stray quote is a character inside a word");
    assert_eq!(match_expression("a").unwrap().0, r#""a""#, "one letter is too short to be a prefix");
    assert_eq!(match_expression(" * - \" ( "), None, "no words at all");
    assert_eq!(match_expression(&"word ".repeat(40)).unwrap().1.len(), MAX_WORDS);
}

#[test]
fn fts_syntax_never_errors() {
    let mut w = world(today());
    note(&mut w, "2026-03-10", "Seam lifting near the gutter", "NEAR the roof edge; -5 degrees");
    for input in [
        "\"", "\"seam", "seam\"", "*", "seam*", "NEAR(seam gutter)", "NEAR", "-seam", "seam -gutter", "AND", "OR NOT", "summary:seam", "^seam", "(", ")",
        "\"\"", "'", "\\", "{seam gutter}", "seam + gutter", "🎉", "seam AND OR", "s", "-5", "c-2026-0001", "ñ", "株式会社",
    ] {
        let r = search(w.cf.conn(), today(), &SearchQuery { text: input.into(), ..Default::default() });
        assert!(r.is_ok(), "{input:?}: {r:?}");
    }
    assert_eq!(titles(&find(&w, "NEAR gutter"), SearchKind::Event), vec!["Seam lifting near the gutter"], "NEAR is just a word");
    assert_eq!(titles(&find(&w, "\"seam -gutter"), SearchKind::Event), vec!["Seam lifting near the gutter"], "quotes and minus are not operators");
    assert_eq!(titles(&find(&w, "-5"), SearchKind::Event).len(), 1);
}

#[test]
fn every_kind_is_found_grouped_in_order_and_newest_first() {
    let mut w = world(today());
    let (account, contact, me) = (w.account.clone(), w.contact.clone(), w.me.clone());
    crate::accounts::update(&mut w.cf, &account, &crate::accounts::AccountInput { name: "Kestrel Roofing Ltd".into(), notes: "Zanzibar depot customer".into(), communicator_id: Some(me.clone()), ..Default::default() }).unwrap();
    contacts::update(&mut w.cf, &contact, &ContactInput { name: "Owen Gallagher".into(), notes: "Runs the Zanzibar site".into(), ..Default::default() }).unwrap();
    people::create(&mut w.cf, &PersonInput { name: "Zanzibar Consultant".into(), side: "external".into(), ..Default::default() }).unwrap();
    promises::create(&mut w.cf, &PromiseInput { made_by_id: me.clone(), account_id: account.clone(), what: "Visit the Zanzibar depot".into(), due_on: "2026-04-01".into(), ..Default::default() }).unwrap();
    let c = complaints::create(&mut w.cf, &ComplaintInput { account_id: account.clone(), received_at: "2026-03-02".into(), description: "Leak at the Zanzibar depot".into(), severity: "2".into(), ..Default::default() }).unwrap();
    remedies::create(&mut w.cf, &RemedyInput { complaint_id: Some(c.id.clone()), kind: "repair".into(), description: "Zanzibar roof patched".into(), cost: "900".into(), ..Default::default() }).unwrap();
    let option = |label: &str, risks: &str| OptionInput { label: label.into(), risks: risks.into(), ..Default::default() };
    decisions::create(&mut w.cf, &DecisionInput { title: "Reroof the depot?".into(), options: vec![option("Reroof", "Zanzibar crew unavailable"), option("Patch", "Leaks again")], account_id: Some(account.clone()), ..Default::default() }).unwrap();
    note(&mut w, "2026-01-05", "Older Zanzibar note", "");
    note(&mut w, "2026-03-15", "Newer note", "The Zanzibar depot again");
    email::import(&mut w.cf, &eml("Site visit", "We saw the Zanzibar depot flooded.", "m1"), "visit.eml", &ImportTarget { account_id: Some(account.clone()), ..Default::default() }).unwrap();
    attachments::add(&mut w.cf, &Target::account(&account), "zanzibar-photos.pdf", b"%PDF-1.4").unwrap();

    let r = find(&w, "zanzibar");
    assert_eq!(kinds(&r), SearchKind::ALL.to_vec(), "every kind, in the fixed order");
    assert_eq!(titles(&r, SearchKind::Event), vec!["Newer note", "Older Zanzibar note"], "newest first");
    assert_eq!(titles(&r, SearchKind::Decision), vec!["Reroof the depot?"], "found through an option's risks");
    assert_eq!(titles(&r, SearchKind::Email), vec!["Site visit"], "found by a word only in the body");
    assert_eq!(titles(&r, SearchKind::Remedy), vec!["Repair of €900.00 for C-2026-0001"]);
    let email = &r.groups.iter().find(|g| g.kind == SearchKind::Email).unwrap().hits[0];
    assert!(email.snippet.iter().any(|s| s.hit && s.text == "Zanzibar"), "{:?}", email.snippet);
    assert_eq!(email.account_name.as_deref(), Some("Kestrel Roofing Ltd"));
    assert_eq!(email.link.as_ref().map(|l| (l.view, l.day.as_deref())), Some(("timeline", Some("2026-03-16"))));
    let promise = &r.groups.iter().find(|g| g.kind == SearchKind::Promise).unwrap().hits[0];
    assert_eq!((promise.status.as_deref(), promise.link.as_ref().map(|l| l.view)), (Some("open"), Some("promise")));
    // A prefix while typing.
    assert_eq!(titles(&find(&w, "zanzi"), SearchKind::Email), vec!["Site visit"]);
}

#[test]
fn snippets_are_segments_of_plain_text() {
    let mut w = world(today());
    note(&mut w, "2026-03-10", "Markup test", "He wrote <b>zanzibar</b> & <script>alert(1)</script> in the chat");
    let r = find(&w, "zanzibar");
    let snippet = &r.groups[0].hits[0].snippet;
    let joined: String = snippet.iter().map(|s| s.text.as_str()).collect();
    assert!(joined.contains("<b>zanzibar</b> & <script>alert(1)</script>"), "the text comes back exactly as written: {joined}");
    assert_eq!(snippet.iter().filter(|s| s.hit).map(|s| s.text.as_str()).collect::<Vec<_>>(), vec!["zanzibar"]);
    assert!(!joined.contains("&lt;") && !joined.contains('\u{1}'));
    assert_eq!(segments("a\u{1}b\u{2}c\nd"), vec![
        Segment { text: "a".into(), hit: false },
        Segment { text: "b".into(), hit: true },
        Segment { text: "c d".into(), hit: false },
    ]);
}

#[test]
fn the_index_follows_every_edit() {
    let mut w = world(today());
    let (me, account, contact) = (w.me.clone(), w.account.clone(), w.contact.clone());
    people::update(&mut w.cf, &me, &PersonInput { name: "Dana Quartermaine".into(), side: "internal".into(), is_me: true, ..Default::default() }).unwrap();
    assert!(titles(&find(&w, "whitfield"), SearchKind::Person).is_empty(), "the old name is gone");
    assert_eq!(titles(&find(&w, "quartermaine"), SearchKind::Person), vec!["Dana Quartermaine"]);

    contacts::delete(&mut w.cf, &contact).unwrap();
    assert!(titles(&find(&w, "gallagher"), SearchKind::Contact).is_empty(), "a deleted contact is not found");

    let p = promises::create(&mut w.cf, &PromiseInput { made_by_id: me.clone(), account_id: account.clone(), what: "Send the brochure".into(), due_on: "2026-04-01".into(), ..Default::default() }).unwrap().promise;
    promises::update(&mut w.cf, &p.id, &PromiseInput { made_by_id: me.clone(), account_id: account.clone(), what: "Send the catalogue".into(), due_on: "2026-04-01".into(), ..Default::default() }).unwrap();
    assert!(titles(&find(&w, "brochure"), SearchKind::Promise).is_empty());
    assert_eq!(titles(&find(&w, "catalogue"), SearchKind::Promise), vec!["Send the catalogue"]);

    let c = complaints::create(&mut w.cf, &ComplaintInput { account_id: account.clone(), received_at: "2026-03-02".into(), description: "Leak".into(), severity: "2".into(), ..Default::default() }).unwrap();
    complaints::edit(&mut w.cf, &c.id, &ComplaintEdit { product: "RoofGuard".into(), severity: "2".into(), ..Default::default() }).unwrap();
    assert_eq!(titles(&find(&w, "roofguard"), SearchKind::Complaint).len(), 1);

    let first = note(&mut w, "2026-03-10", "Call about the gutter", "");
    let revised = EventInput { kind: "note".into(), occurred_at: "2026-03-10".into(), occurred_precision: "day".into(), summary: "Call about the downpipe".into(), source_person_id: Some(me.clone()), account_id: Some(account.clone()), ..Default::default() };
    events::revise(&mut w.cf, &first, &revised).unwrap();
    let r = find(&w, "gutter");
    let old = &r.groups.iter().find(|g| g.kind == SearchKind::Event).unwrap().hits[0];
    assert_eq!(old.status.as_deref(), Some("superseded"), "the replaced version is still evidence, marked");
    assert_eq!(titles(&find(&w, "downpipe"), SearchKind::Event), vec!["Call about the downpipe"]);

    let d = decisions::create(&mut w.cf, &DecisionInput {
        title: "Which supplier?".into(),
        options: vec![OptionInput { label: "A".into(), risks: "x".into(), ..Default::default() }, OptionInput { label: "B".into(), risks: "y".into(), ..Default::default() }],
        ..Default::default()
    })
    .unwrap();
    decisions::decide(&mut w.cf, &d.id, &DecideInput { chosen: "1".into(), rationale: "Cheaper and quicker".into(), decided_by_id: Some(me.clone()), ..Default::default() }).unwrap();
    assert_eq!(titles(&find(&w, "quicker"), SearchKind::Decision), vec!["Which supplier?"]);
}

#[test]
fn filters_narrow_by_kind_customer_dates_and_status() {
    let mut w = world(today());
    let (me, account, other) = (w.me.clone(), w.account.clone(), w.other_account.clone());
    note(&mut w, "2026-01-10", "Pallet note in January", "");
    note(&mut w, "2026-03-10", "Pallet note in March", "");
    let input = EventInput { kind: "note".into(), occurred_at: "2026-03".into(), occurred_precision: "month".into(), summary: "Pallet note sometime in March".into(), source_person_id: Some(me.clone()), account_id: Some(other.clone()), ..Default::default() };
    events::create(&mut w.cf, &input).unwrap();
    let open = promises::create(&mut w.cf, &PromiseInput { made_by_id: me.clone(), account_id: account.clone(), what: "Pallet swap".into(), due_on: "2026-04-01".into(), ..Default::default() }).unwrap().promise;
    let kept = promises::create(&mut w.cf, &PromiseInput { made_by_id: me.clone(), account_id: account.clone(), what: "Pallet count".into(), due_on: "2026-04-01".into(), ..Default::default() }).unwrap().promise;
    promises::lifecycle::keep(&mut w.cf, &kept.id, &Default::default()).unwrap();

    let q = |kind: Option<&str>, account: Option<&str>, from: Option<&str>, to: Option<&str>, status: Option<&str>| SearchQuery {
        text: "pallet".into(),
        kind: kind.map(String::from),
        account_id: account.map(String::from),
        from: from.map(String::from),
        to: to.map(String::from),
        status: status.map(String::from),
        limit: None,
    };
    assert_eq!(kinds(&find_with(&w, q(Some("event"), None, None, None, None))), vec![SearchKind::Event]);
    let r = find_with(&w, q(None, Some(&other), None, None, None));
    assert_eq!(titles(&r, SearchKind::Event), vec!["Pallet note sometime in March"]);
    assert!(titles(&r, SearchKind::Promise).is_empty());
    let r = find_with(&w, q(Some("event"), None, Some("2026-03-01"), Some("2026-03-15"), None));
    assert_eq!(titles(&r, SearchKind::Event), vec!["Pallet note in March", "Pallet note sometime in March"], "a month-precision entry belongs to its month");
    let r = find_with(&w, q(None, None, Some("2026-03-05"), Some("2026-03-19"), None));
    assert_eq!(titles(&r, SearchKind::Event), vec!["Pallet note in March"], "a month does not start after the 1st");
    let r = find_with(&w, q(None, None, None, None, Some("open")));
    assert_eq!((kinds(&r), titles(&r, SearchKind::Promise)), (vec![SearchKind::Promise], vec!["Pallet swap".to_string()]), "kinds without a status drop out");
    assert_eq!(titles(&find_with(&w, q(None, None, None, None, Some("kept"))), SearchKind::Promise), vec!["Pallet count"]);
    assert_eq!(find_with(&w, q(None, None, None, None, Some("closed"))).groups[0].hits[0].id, kept.id);
    assert_ne!(open.id, kept.id);

    // One kind alone shows more than the overview, and the overview says there are more.
    for i in 0..7 {
        note(&mut w, &format!("2026-02-{:02}", i + 1), &format!("Pallet extra {i}"), "");
    }
    let overview = find(&w, "pallet");
    let events = overview.groups.iter().find(|g| g.kind == SearchKind::Event).unwrap();
    assert_eq!((events.hits.len(), events.more), (PER_KIND as usize, true));
    let alone = find_with(&w, q(Some("event"), None, None, None, None));
    assert_eq!((alone.groups[0].hits.len(), alone.groups[0].more), (11, false), "ten notes and the entry that recorded the kept promise");
}

#[test]
fn bad_filters_are_refused_with_their_field() {
    let w = world(today());
    let fail = |q: SearchQuery| search(w.cf.conn(), today(), &q).unwrap_err();
    let base = || SearchQuery { text: "x".into(), ..Default::default() };
    assert_eq!(fail(SearchQuery { kind: Some("spaceship".into()), ..base() }).field(), Some("kind"));
    assert_eq!(fail(SearchQuery { account_id: Some("nope".into()), ..base() }).field(), Some("account_id"));
    assert_eq!(fail(SearchQuery { from: Some("31/03/2026".into()), ..base() }).field(), Some("from"));
    assert_eq!(fail(SearchQuery { from: Some("2026-03-10".into()), to: Some("2026-03-01".into()), ..base() }).field(), Some("to"));
    assert_eq!(fail(SearchQuery { status: Some("lost".into()), ..base() }).field(), Some("status"));
    assert!(search(w.cf.conn(), today(), &SearchQuery { text: "   ".into(), ..Default::default() }).unwrap().groups.is_empty());
}

#[test]
fn an_upgraded_file_is_indexed_for_the_rows_already_there() {
    let dir = crate::testing::tempdir::Dir::new("search-upgrade");
    let path = dir.path().join("old.casefile");
    {
        // A file as the version before search (schema 2) wrote it.
        let old = crate::CaseFile::create_at_version(&path, None, 2).unwrap();
        old.conn().execute_batch(
            "INSERT INTO people(id, name, side, created_at, updated_at) VALUES ('p1', 'Margaret Okafor', 'internal', 'x', 'x');
             INSERT INTO events(id, kind, occurred_at, occurred_precision, recorded_at, summary, strength, source_person_id)
                 VALUES ('e1', 'note', '2026-03-01', 'day', '2026-03-01T10:00:00Z', 'Quarterly review with Margaret', 'first_hand', 'p1');",
        )
        .unwrap();
    }
    let cf = crate::CaseFile::open(&path).unwrap();
    assert_eq!(cf.user_version().unwrap(), crate::db::schema_version());
    let r = search(cf.conn(), today(), &SearchQuery { text: "margaret".into(), ..Default::default() }).unwrap();
    assert_eq!(kinds(&r), vec![SearchKind::Person, SearchKind::Event]);
}

#[test]
fn vacuum_keeps_rowids_and_so_the_index() {
    let dir = crate::testing::tempdir::Dir::new("search-vacuum");
    let path = dir.path().join("v.casefile");
    let mut cf = crate::CaseFile::open(&path).unwrap();
    let me = people::create(&mut cf, &PersonInput { name: "Dana".into(), ..Default::default() }).unwrap().id;
    let account = crate::accounts::create(&mut cf, &crate::accounts::AccountInput { name: "Kestrel".into(), ..Default::default() }).unwrap().id;
    let mut ids = Vec::new();
    for i in 0..30 {
        let k = contacts::create(&mut cf, &account, &ContactInput { name: format!("Contact number{i}"), ..Default::default() }).unwrap();
        ids.push(k.id);
    }
    for id in ids.iter().step_by(2) {
        contacts::delete(&mut cf, id).unwrap();
    }
    cf.conn().execute_batch("VACUUM").unwrap();
    let r = search(cf.conn(), today(), &SearchQuery { text: "number7".into(), ..Default::default() }).unwrap();
    assert_eq!(titles(&r, SearchKind::Contact), vec!["Contact number7"]);
    assert_eq!(titles(&search(cf.conn(), today(), &SearchQuery { text: "number8".into(), ..Default::default() }).unwrap(), SearchKind::Contact).len(), 0);
    let check: String = cf.conn().query_row("SELECT count(*) || '' FROM contacts_fts WHERE contacts_fts MATCH 'contact'", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "15");
    assert!(!me.is_empty());
}

#[test]
fn hot_queries_walk_indexes_never_whole_tables() {
    let as_of = day(2026, 11, 20);
    let clock = std::sync::Arc::new(crate::clock::FixedClock::on(as_of));
    let mut cf = crate::CaseFile::open_in_memory_with(clock.clone()).unwrap();
    crate::demo::populate(&mut cf, &clock, as_of, &crate::demo::DemoOptions { as_of: Some(as_of), entries: 5000, ..Default::default() }).unwrap();
    let conn = cf.conn();
    let account: String = conn.query_row("SELECT id FROM accounts ORDER BY name LIMIT 1", [], |r| r.get(0)).unwrap();
    type Filter<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let filters: [Filter<'_>; 5] = [
        (None, None, None, None),
        (Some(&account), None, None, None),
        (None, Some("2026-03"), Some("2026-03-31T99"), None),
        (Some(&account), Some("2026-03"), None, None),
        (None, None, None, Some("open")),
    ];
    for kind in SearchKind::ALL {
        for (a, from, to, status) in filters {
            let plans = explain(conn, *kind, a, from, to, status).unwrap();
            let probing = plans.len() == 2;
            for (i, plan) in plans.iter().enumerate() {
                let probe = probing && i == 0;
                for line in plan {
                    // The probe reads at most its few thousand newest matches as "f".
                    let bounded = probe && line == "SCAN f";
                    let scan = line.starts_with("SCAN ") && !line.contains("VIRTUAL TABLE") && !bounded;
                    assert!(!scan, "{kind:?} {a:?} {from:?} {status:?} scans a whole table: {plan:?}");
                }
                // The two tables that reach a million rows are read in order, never sorted
                // whole (the probe sorts only the rows it read).
                if matches!(kind, SearchKind::Event | SearchKind::Email) && !probe {
                    assert!(!plan.iter().any(|l| l.contains("TEMP B-TREE")), "{kind:?} {a:?} {from:?} sorts: {plan:?}");
                }
            }
        }
    }
    // And it finds things in that file.
    let r = search(conn, as_of, &SearchQuery { text: "membrane seam".into(), ..Default::default() }).unwrap();
    assert!(r.groups.iter().any(|g| g.kind == SearchKind::Complaint));
    assert!(r.groups.iter().any(|g| g.kind == SearchKind::Event));
}
