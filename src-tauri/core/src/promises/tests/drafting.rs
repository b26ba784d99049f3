//! "Put it in writing": the drafted confirmation and its mailto: URL.

use super::*;
use crate::promises::draft::{self, DraftInput};

/// Undo percent-encoding, to check the URL carries exactly the text.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

fn query_param<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    url.split_once('?')?.1.split('&').find_map(|kv| kv.strip_prefix(&format!("{name}=")))
}

#[test]
fn a_confirmation_to_the_customer_copies_the_promiser_and_his_manager() {
    let mut w = world();
    let mut i = input(&w.boss.clone(), &w.account.clone(), "A credit of €12,000 & expedited shipping of order #4471", "2026-03-02", "2026-03-20");
    i.contact_id = Some(w.contact.clone());
    i.resources = "Finance approval".into();
    let p = create(&mut w.cf, &i).unwrap().promise;
    let d = draft::draft(w.cf.conn(), &p.id, w.cf.today(), &DraftInput { to: "customer".into(), cc_promiser: true, cc_manager: true }).unwrap();
    assert_eq!(d.to_line, "Greta Lindqvist <g.lindqvist@nordlicht.example>");
    assert_eq!(d.cc_line, "Rolf Brandt <rolf@aquila.example>, Margaret Okafor <margaret@aquila.example>");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert!(d.subject.starts_with("Confirming our commitment: A credit of €12,000"));
    assert!(d.body.starts_with("Dear Greta Lindqvist,"));
    assert!(d.body.contains("what Rolf Brandt, our VP Commercial, promised on our call of 2 March 2026"), "{}", d.body);
    assert!(d.body.contains("Due: 20 March 2026"));
    assert!(d.body.contains("Resources: Finance approval"));
    assert!(d.body.ends_with("Kind regards,\nDana Whitfield\nDirector of Sales"), "{}", d.body);

    assert!(d.mailto.starts_with("mailto:g.lindqvist@nordlicht.example?cc=rolf@aquila.example,margaret@aquila.example&subject="), "{}", d.mailto);
    assert!(!d.mailto.contains(' ') && !d.mailto.contains('\n') && !d.mailto.contains('€'));
    assert!(d.mailto.contains("%E2%82%AC12%2C000%20%26%20expedited"), "€ as UTF-8, comma, space and & encoded: {}", d.mailto);
    assert_eq!(decode(query_param(&d.mailto, "subject").unwrap()), d.subject);
    let body = decode(query_param(&d.mailto, "body").unwrap());
    assert_eq!(body, d.body.replace('\n', "\r\n"), "line breaks become CRLF");
}

#[test]
fn a_confirmation_to_the_promiser_says_what_is_overdue_and_missing() {
    let mut w = world();
    let boss = w.boss.clone();
    let p = w.log(&boss, "Expedited shipping", "2026-03-02", "2026-03-10");
    let d = draft::draft(w.cf.conn(), &p.id, w.cf.today(), &DraftInput { to: "promiser".into(), cc_manager: true, ..Default::default() }).unwrap();
    assert_eq!(d.to_line, "Rolf Brandt <rolf@aquila.example>");
    assert_eq!(d.cc_line, "Margaret Okafor <margaret@aquila.example>");
    assert_eq!(d.subject, "Your promise to Nordlicht Logistik GmbH: Expedited shipping");
    assert!(d.body.starts_with("Hi Rolf,"));
    assert!(d.body.contains("It was due on 10 March 2026 and is now 6 days overdue"), "{}", d.body);
    assert!(d.body.contains("No resources are agreed for it yet"));
}

#[test]
fn gaps_in_the_addresses_are_warned_about_not_invented() {
    let mut w = world();
    let (rep, me, superior) = (w.rep.clone(), w.me.clone(), w.superior.clone());
    let p = w.log(&rep, "Call back", "2026-03-02", "2026-03-20");
    let d = draft::draft(w.cf.conn(), &p.id, w.cf.today(), &DraftInput { to: "customer".into(), cc_promiser: true, cc_manager: false }).unwrap();
    assert!(d.to.is_empty());
    assert!(d.warnings.iter().any(|m| m.contains("No contact at Nordlicht Logistik GmbH")), "{:?}", d.warnings);
    assert!(d.warnings.iter().any(|m| m.contains("Priya Natarajan has no e-mail address")), "{:?}", d.warnings);
    assert!(d.mailto.starts_with("mailto:?subject="), "{}", d.mailto);
    assert!(d.body.starts_with("Hello,"));

    let top = w.log(&superior, "Visit", "2026-03-02", "2026-03-20");
    let d = draft::draft(w.cf.conn(), &top.id, w.cf.today(), &DraftInput { to: "promiser".into(), cc_manager: true, ..Default::default() }).unwrap();
    assert!(d.warnings.iter().any(|m| m.contains("no manager recorded")), "{:?}", d.warnings);

    let mine = w.log(&me, "Bring Dr. Bell's concerns upward", "2026-03-02", "2026-03-20");
    let err = draft::draft(w.cf.conn(), &mine.id, w.cf.today(), &DraftInput { to: "promiser".into(), ..Default::default() }).unwrap_err();
    assert_eq!(err.field(), Some("to"));
    let d = draft::draft(w.cf.conn(), &mine.id, w.cf.today(), &DraftInput::default()).unwrap();
    assert!(d.body.contains("confirm what I promised"), "{}", d.body);
    assert_eq!(draft::draft(w.cf.conn(), &mine.id, w.cf.today(), &DraftInput { to: "boss".into(), ..Default::default() }).unwrap_err().field(), Some("to"));
}

#[test]
fn percent_encoding_leaves_only_unreserved_characters() {
    assert_eq!(draft::encode("a b&c=d?e#f/g%h+i", b""), "a%20b%26c%3Dd%3Fe%23f%2Fg%25h%2Bi");
    assert_eq!(draft::encode("Zoë-Ω_~.", b""), "Zo%C3%AB-%CE%A9_~.");
    assert_eq!(draft::mailto(&[], &[], "", ""), "mailto:");
    assert_eq!(draft::mailto(&["a@b.example".into(), "c d@e".into()], &[], "Hi", ""), "mailto:a@b.example,c%20d@e?subject=Hi");
}
