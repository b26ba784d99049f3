//! A packet of hostile text: names in Latin with diacritics, Cyrillic and Greek, a
//! 20,000-character complaint, unbroken words and URLs wider than any column, a revised and
//! a retracted entry, and a file attached. Nothing may be lost and nothing may leave the page.

mod support;

use casefile_core::accounts::{self, AccountInput};
use casefile_core::attachments::{self, Target};
use casefile_core::complaints::{self, ComplaintInput};
use casefile_core::contacts::{self, ContactInput};
use casefile_core::events::{self, EventInput, RetractInput};
use casefile_core::lost_revenue::{self, LostInput};
use casefile_core::packet::layout;
use casefile_core::packet::{self, PacketInput};
use casefile_core::people::{self, PersonInput};
use casefile_core::promises::lifecycle::{self, BreakInput};
use casefile_core::promises::{self, PromiseInput};
use casefile_core::remedies::{self, RemedyInput};
use casefile_core::settings::{self, Settings};
use support::*;

/// 20,000 characters of numbered segments, so a lost line or page shows as a missing number.
fn long_description() -> String {
    let mut s = String::new();
    let mut n = 0;
    while s.chars().count() < 20_000 {
        n += 1;
        s.push_str(&format!(
            "seg{n:04} Кровля: шов мембраны разошёлся; Ελλάδα: η μεμβράνη άνοιξε; Zoë says https://example.com/evidence/photos/{n:04}/IMG_{n:04}.jpg "
        ));
        if n % 7 == 0 {
            s.push_str("SupercalifragilisticexpialidociousMembraneSeamFailureReferenceNumberWithoutAnySpacesAtAll ");
        }
        if n % 25 == 0 {
            s.push('\n');
        }
    }
    s.chars().take(20_000).collect()
}

#[test]
fn hostile_text_wraps_inside_the_margins_and_none_of_it_is_lost() {
    let dir = Scratch::new("fixture");
    let today = day(2026, 6, 30);
    let mut cf = open_on(&dir.join("fixture.casefile"), today);
    settings::save(&mut cf, Settings { your_name: "Zoë Adeyemi".into(), ..Default::default() }).unwrap();
    let zoe = people::create(&mut cf, &PersonInput { name: "Zoë Adeyemi".into(), side: "internal".into(), is_me: true, ..Default::default() }).unwrap().id;
    let krovlya = accounts::create(&mut cf, &AccountInput { name: "Кровля-Сервис ООО".into(), ..Default::default() }).unwrap().id;
    let hellas = accounts::create(&mut cf, &AccountInput { name: "Ελλάδα Δομικά Α.Ε.".into(), ..Default::default() }).unwrap().id;
    let irina = contacts::create(&mut cf, &krovlya, &ContactInput { name: "Ирина Соколова".into(), ..Default::default() }).unwrap().id;
    let description = long_description();
    assert_eq!(description.chars().count(), 20_000);
    let complaint = complaints::create(
        &mut cf,
        &ComplaintInput { account_id: krovlya.clone(), complainant_contact_id: Some(irina.clone()), received_at: "2026-05-02".into(), description: description.clone(), severity: "2".into(), ..Default::default() },
    )
    .unwrap();
    attachments::add(&mut cf, &Target::complaint(&complaint.id), "фото шва — Ελλάδα.jpg", b"not really a jpeg, but bytes all the same").unwrap();
    remedies::create(&mut cf, &RemedyInput { complaint_id: Some(complaint.id.clone()), kind: "credit".into(), cost: "1,250.00".into(), remedy_on: "2026-05-10".into(), ..Default::default() }).unwrap();
    let long_what = format!("Replace the membrane at {} and confirm by https://example.com/{}", "Zoë's site ".repeat(20), "x".repeat(300));
    let promise = promises::create(
        &mut cf,
        &PromiseInput { made_by_id: zoe.clone(), account_id: hellas.clone(), made_at: "2026-05-01".into(), what: long_what, due_on: "2026-05-20".into(), ..Default::default() },
    )
    .unwrap()
    .promise;
    lifecycle::break_promise(&mut cf, &promise.id, &BreakInput { broken_on: "2026-05-25".into(), reason: "Ελλάδα site closed; Кровля crew reassigned".into() }).unwrap();
    lost_revenue::record(&mut cf, &LostInput { promise_id: Some(promise.id.clone()), amount: "4,000".into(), certainty: "confirmed".into(), lost_on: "2026-05-26".into(), ..Default::default() }).unwrap();
    let note = |summary: &str| EventInput {
        kind: "call".into(),
        occurred_at: "2026-05-03 09:15".into(),
        occurred_precision: "exact".into(),
        summary: summary.into(),
        details: "https://example.com/".to_string() + &"a/".repeat(400),
        source_person_id: Some(zoe.clone()),
        account_id: Some(krovlya.clone()),
        ..Default::default()
    };
    let first = events::create(&mut cf, &note("Called Ирина about the seams")).unwrap();
    events::revise(&mut cf, &first.id, &note("Called Ирина Соколова about the seams")).unwrap();
    let wrong = events::create(&mut cf, &note("Entered on the wrong customer")).unwrap();
    events::retract(&mut cf, &wrong.id, &RetractInput { reason: "Wrong customer".into() }).unwrap();

    let input = PacketInput { recipient_name: "Νίκος Παπαδόπουλος".into(), ..Default::default() };
    let spec = spec(&cf, &input);
    let (doc, figures, _) = packet::document(cf.conn(), &spec, &mut |_| {}).unwrap();
    let laid = layout::layout(&doc).unwrap();
    let g = laid.geometry;
    for (page, run) in laid.texts() {
        assert!(run.x >= g.margin_x - 0.01 && run.right() <= g.width - g.margin_x + 0.01, "page {page}: {:?} at x {} w {}", run.text, run.x, run.width);
        assert!(run.y >= g.margin_top - 0.01 && run.bottom() <= g.height - g.margin_bottom + 0.01, "page {page}: {:?}", run.text);
    }
    assert_eq!(figures.promises.broken, 1);

    let made = packet::build(cf.conn(), &spec, &mut |_| {}).unwrap();
    assert!(made.pages > 10, "20,000 characters take pages: {}", made.pages);
    let words = flat(&text(&made.pdf));
    for name in ["Zoë Adeyemi", "Кровля-Сервис ООО", "Ελλάδα Δομικά Α.Ε.", "Ирина Соколова", "Νίκος Παπαδόπουλος", "фото шва — Ελλάδα.jpg"] {
        assert!(words.contains(name), "{name} is missing");
    }
    // Every numbered segment of the description is printed, in order.
    let squeezed = squeezed(&words);
    let mut at = 0;
    let segments = description.matches("seg").count();
    assert!(segments > 100);
    for n in 1..=segments {
        let marker = format!("seg{n:04}");
        let found = squeezed[at..].find(&marker).unwrap_or_else(|| panic!("{marker} is missing or out of order"));
        at += found;
    }
    assert!(squeezed.contains("SupercalifragilisticexpialidociousMembraneSeamFailureReferenceNumberWithoutAnySpacesAtAll"));
    assert!(words.contains("Superseded") && words.contains("Retracted") && words.contains("Wrong customer"), "corrections stay in the record, marked");
    assert!(words.contains("€4,000.00") && words.contains("€1,250.00"));
    assert!(assert_words_inside_margins(&made.pdf) > 3_000);
}
