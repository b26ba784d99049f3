//! Line breaking and text sanitizing, tested without any page layout.

use casefile_core::packet::layout::{wrap, Fonts, Line};

const SIZE: f32 = 9.5;

fn lines(text: &str, width: f32) -> Vec<Line> {
    let face = &Fonts::get().unwrap().regular;
    let lines = wrap(face, SIZE, &face.sanitize(text), width);
    for line in &lines {
        assert!(
            line.width <= width + 1e-3,
            "{:?} is {} wide, box {}",
            line.text,
            line.width,
            width
        );
        // The recorded width must be the real width of the recorded text.
        assert!((face.width(&line.text, SIZE) - line.width).abs() < 1e-3);
    }
    lines
}

#[test]
fn words_wrap_at_spaces_and_fill_lines() {
    let text = "The delivery lead promised the replacement flashing for the ninth of February and did not deliver it.";
    let out = lines(text, 120.0);
    assert!(out.len() >= 3);
    let joined: Vec<&str> = out.iter().flat_map(|l| l.text.split(' ')).collect();
    assert_eq!(joined, text.split(' ').collect::<Vec<_>>());
    // Greedy: the next word would not have fitted on any line.
    let face = &Fonts::get().unwrap().regular;
    for pair in out.windows(2) {
        let next_word = pair[1].text.split(' ').next().unwrap();
        let candidate = format!("{} {}", pair[0].text, next_word);
        assert!(
            face.width(&candidate, SIZE) > 120.0,
            "{candidate:?} would have fitted"
        );
    }
}

#[test]
fn a_300_char_word_is_broken_by_character_without_overflow() {
    let word = "W".repeat(300);
    let out = lines(&format!("before {word} after"), 150.0);
    let all: String = out
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(all.replace(' ', ""), format!("before{word}after"));
    assert!(out.len() > 5);
}

#[test]
fn urls_prefer_breaking_after_separators() {
    let url = "https://example.com/cases/CF-2024-117/exhibits/E-014/attachments/photo-set-32/original.jpeg?download=1&token=abcdef";
    let out = lines(url, 110.0);
    assert!(out.len() >= 3);
    assert_eq!(out.iter().map(|l| l.text.as_str()).collect::<String>(), url);
    for line in &out[..out.len() - 1] {
        let last = line.text.chars().last().unwrap();
        assert!(
            "/-.?&=_".contains(last),
            "line {:?} broke mid-segment",
            line.text
        );
    }
}

#[test]
fn hashes_split_evenly() {
    let hash = "c70111d3dc7f4539dde005eb2757d5f36b606767136266985f410e1d41a40455";
    let out = lines(hash, 200.0);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].text.len(), 32);
}

#[test]
fn explicit_newlines_and_blank_lines_are_honoured() {
    let out = lines("first line\n\nthird line\r\nfourth", 300.0);
    let texts: Vec<&str> = out.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["first line", "", "third line", "fourth"]);
}

#[test]
fn empty_text_is_one_empty_line() {
    assert_eq!(lines("", 100.0).len(), 1);
}

#[test]
fn a_glyph_wider_than_the_box_does_not_hang() {
    let face = &Fonts::get().unwrap().regular;
    let out = wrap(face, SIZE, "WWW", 1.0);
    assert_eq!(out.len(), 3);
}

#[test]
fn sanitize_replaces_missing_glyphs_and_drops_invisible_ones() {
    let face = &Fonts::get().unwrap().regular;
    assert_eq!(
        face.sanitize("Zoë Łódź Кровля Ελλάδα"),
        "Zoë Łódź Кровля Ελλάδα"
    );
    assert_eq!(face.sanitize("株式会社"), "\u{FFFD}".repeat(4));
    // Thumbs-up + skin tone + variation selector is one visible symbol.
    assert_eq!(face.sanitize("ok 👍🏽\u{FE0F}!"), "ok \u{FFFD}!");
    assert_eq!(face.sanitize("a\tb\u{0007}c"), "a bc");
}

#[test]
fn truncate_adds_an_ellipsis_and_fits() {
    let face = &Fonts::get().unwrap().regular;
    let long = "Confidential — HR and senior management only, do not forward";
    let short = face.truncate(long, 8.0, 80.0);
    assert!(short.ends_with('…'));
    assert!(face.width(&short, 8.0) <= 80.0);
    assert_eq!(face.truncate("short", 8.0, 80.0), "short");
}
