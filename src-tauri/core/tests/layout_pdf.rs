//! Rendered output checked with poppler's command-line tools. Each test skips
//! (with a note) when the tool is not installed.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use casefile_core::packet::layout::{layout, render, Block, Document};

fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("-v").output().is_ok();
    if !found {
        println!("note: {name} not installed, skipping this check");
    }
    found
}

/// Writes bytes to a unique temp file and returns its path.
fn temp_pdf(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("pdfwork-{}-{name}.pdf", std::process::id()));
    let mut f = std::fs::File::create(&path).unwrap();
    f.write_all(bytes).unwrap();
    path
}

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{cmd} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn non_latin_text_round_trips() {
    let mut doc = Document::new("Zoë — Кровля", "Ελλάδα");
    doc.push(Block::heading(1, "Łódź")).push(Block::paragraph(
        "Zoë visited Łódź. ООО Кровля. Ελλάδα. 株式会社 😀",
    ));
    let bytes = render(&doc).unwrap();
    if !tool("pdftotext") {
        return;
    }
    let path = temp_pdf("latin", &bytes);
    let text = run("pdftotext", &[path.to_str().unwrap(), "-"]);
    for word in [
        "Zoë",
        "Łódź",
        "Кровля",
        "Ελλάδα",
        "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}",
    ] {
        assert!(text.contains(word), "{word:?} missing from {text:?}");
    }
    let _ = std::fs::remove_file(path);
}

/// A page of `pdftotext -bbox` output: width, height and word boxes.
type BboxPage = (f32, f32, Vec<(String, [f32; 4])>);

fn bbox_pages(html: &str) -> Vec<BboxPage> {
    let attr = |tag: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        let start = tag.find(&key).unwrap() + key.len();
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    let mut pages = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push((attr(line, "width"), attr(line, "height"), Vec::new()));
        } else if line.starts_with("<word ") {
            let word = line
                .split('>')
                .nth(1)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("")
                .to_string();
            let b = [
                attr(line, "xMin"),
                attr(line, "yMin"),
                attr(line, "xMax"),
                attr(line, "yMax"),
            ];
            pages.last_mut().unwrap().2.push((word, b));
        }
    }
    pages
}

#[test]
fn every_word_box_of_the_stress_document_is_inside_the_margins() {
    let doc = common::stress();
    let laid = layout(&doc).unwrap();
    let bytes = render(&doc).unwrap();
    if !tool("pdftotext") {
        return;
    }
    let path = temp_pdf("bbox", &bytes);
    let html = run("pdftotext", &["-bbox", path.to_str().unwrap(), "-"]);
    let pages = bbox_pages(&html);
    assert_eq!(pages.len(), laid.pages.len());
    let g = laid.geometry;
    // Poppler's word boxes use the font's full bounding box, a little taller
    // than the ascent/descent the layout uses.
    let tol = 2.0;
    let mut words = 0;
    for (i, (w, h, boxes)) in pages.iter().enumerate() {
        for (word, [x0, y0, x1, y1]) in boxes {
            let msg = format!("page {} word {word:?} at {x0},{y0}-{x1},{y1}", i + 1);
            assert!(
                *x0 >= g.margin_x - tol && *x1 <= w - g.margin_x + tol,
                "{msg}"
            );
            assert!(
                *y0 >= g.margin_top - tol && *y1 <= h - g.margin_bottom + tol,
                "{msg}"
            );
            words += 1;
        }
    }
    assert!(words > 3000, "only {words} words extracted");
    let _ = std::fs::remove_file(path);
}

#[test]
fn fonts_are_subset_and_a_one_page_document_is_small() {
    let mut doc = Document::new("One page", "Confidential");
    doc.push(Block::heading(1, "Summary"))
        .push(Block::paragraph("Zoë, Łódź, Кровля, Ελλάδα."));
    let bytes = render(&doc).unwrap();
    assert!(
        bytes.len() < 60 * 1024,
        "1-page PDF is {} bytes",
        bytes.len()
    );
    if !tool("pdffonts") {
        return;
    }
    let path = temp_pdf("fonts", &bytes);
    let listing = run("pdffonts", &[path.to_str().unwrap()]);
    let fonts: Vec<&str> = listing.lines().skip(2).collect();
    assert_eq!(fonts.len(), 2, "{listing}");
    for font in fonts {
        let name = font.split_whitespace().next().unwrap();
        let (prefix, rest) = name
            .split_once('+')
            .unwrap_or_else(|| panic!("{name} is not a subset"));
        assert_eq!(prefix.len(), 6);
        assert!(rest.starts_with("DejaVuSans"));
    }
    let _ = std::fs::remove_file(path);
}

#[test]
fn the_sample_dossier_and_a_100_page_document_render() {
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/pdf-out");
    std::fs::create_dir_all(&out).unwrap();
    let sample = render(&common::sample()).unwrap();
    std::fs::write(out.join("sample.pdf"), &sample).unwrap();

    let doc = common::hundred_pages();
    let start = Instant::now();
    let bytes = render(&doc).unwrap();
    let elapsed = start.elapsed();
    let pages = layout(&doc).unwrap().pages.len();
    println!(
        "{pages} pages, {} KB, {elapsed:?} (debug builds are slower; see the example)",
        bytes.len() / 1024
    );
    assert!((95..=130).contains(&pages), "{pages} pages");
    assert!(bytes.len() < 1024 * 1024);
    if tool("pdfinfo") {
        let path = temp_pdf("info", &bytes);
        let info = run("pdfinfo", &[path.to_str().unwrap()]);
        assert!(
            info.contains(&format!("Pages:           {pages}")),
            "{info}"
        );
        let _ = std::fs::remove_file(path);
    }
}
