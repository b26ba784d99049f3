//! Helpers for the packet tests: a demo case file on a fixed day, and the text and word
//! boxes of a produced PDF as poppler reads them (`scripts/setup.sh --test` installs it).
#![allow(dead_code)]

use casefile_core::clock::FixedClock;
use casefile_core::demo::{self, DemoOptions};
use casefile_core::packet::{self, Packet, PacketInput, PacketSpec};
use casefile_core::{CaseFile, OpenOptions};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The demo's "today".
pub fn as_of() -> NaiveDate {
    day(2026, 11, 20)
}

/// A folder removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(tag: &str) -> Scratch {
        let p = std::env::temp_dir().join(format!("casefile-packet-{tag}-{}-{}", std::process::id(), uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&p).unwrap();
        Scratch(p)
    }
    pub fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Open a case file whose clock stands at noon on `today`.
pub fn open_on(path: &Path, today: NaiveDate) -> CaseFile {
    CaseFile::open_with(path, OpenOptions { create: true, passphrase: None, clock: Some(Arc::new(FixedClock::on(today))) }).unwrap()
}

/// The demo written to `dir`, opened on its as-of day.
pub fn demo(dir: &Scratch) -> CaseFile {
    let path = dir.join("demo.casefile");
    demo::write(&path, &DemoOptions { as_of: Some(as_of()), ..Default::default() }).unwrap();
    open_on(&path, as_of())
}

pub fn spec(cf: &CaseFile, input: &PacketInput) -> PacketSpec {
    let source = cf.path().map(|p| p.display().to_string()).unwrap_or_default();
    packet::check(cf.conn(), input, cf.now(), cf.today(), &source).unwrap()
}

pub fn build(cf: &CaseFile, input: &PacketInput) -> Packet {
    packet::build(cf.conn(), &spec(cf, input), &mut |_| {}).unwrap()
}

fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = Scratch::new("pdf");
    let path = dir.join("p.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut all: Vec<&str> = args.to_vec();
    let p = path.to_str().unwrap();
    all.push(p);
    all.push("-");
    let out = Command::new(tool)
        .args(if tool == "pdfinfo" { &all[..all.len() - 1] } else { &all[..] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for this test (poppler-utils; scripts/setup.sh --test installs it): {e}"));
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The PDF's text in reading order.
pub fn text(pdf: &[u8]) -> String {
    poppler("pdftotext", &[], pdf)
}

/// The PDF's text with its layout kept: cells of one table row share a line.
pub fn layout_text(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-layout"], pdf)
}

/// The text of one page.
pub fn page_text(pdf: &[u8], page: usize) -> String {
    let n = page.to_string();
    poppler("pdftotext", &["-f", &n, "-l", &n], pdf)
}

pub fn info(pdf: &[u8]) -> String {
    poppler("pdfinfo", &[], pdf)
}

/// Whitespace folded to single spaces, so wrapped sentences can be searched.
pub fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// All whitespace removed, for hashes and other tokens a line break may split.
pub fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A page of `pdftotext -bbox`: width, height, and each word with its box.
pub type BboxPage = (f32, f32, Vec<(String, [f32; 4])>);

pub fn bbox_pages(pdf: &[u8]) -> Vec<BboxPage> {
    let html = poppler("pdftotext", &["-bbox"], pdf);
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
            let word = line.split('>').nth(1).unwrap_or("").split('<').next().unwrap_or("").to_string();
            let b = [attr(line, "xMin"), attr(line, "yMin"), attr(line, "xMax"), attr(line, "yMax")];
            pages.last_mut().unwrap().2.push((word, b));
        }
    }
    pages
}

/// Assert every word poppler finds lies inside the page margins the engine promises
/// (20 mm at the sides, 14 mm top and bottom); returns how many words were checked.
pub fn assert_words_inside_margins(pdf: &[u8]) -> usize {
    let mm = 72.0 / 25.4;
    let (side, top, bottom) = (20.0 * mm, 14.0 * mm, 14.0 * mm);
    // Poppler's boxes use the font's whole bounding box, a little taller than the layout's.
    let tol = 2.0;
    let mut words = 0;
    for (i, (w, h, boxes)) in bbox_pages(pdf).iter().enumerate() {
        for (word, [x0, y0, x1, y1]) in boxes {
            let msg = format!("page {} word {word:?} at {x0},{y0}-{x1},{y1} on a {w}x{h} page", i + 1);
            assert!(*x0 >= side - tol && *x1 <= w - side + tol, "{msg}");
            assert!(*y0 >= top - tol && *y1 <= h - bottom + tol, "{msg}");
            words += 1;
        }
    }
    words
}
