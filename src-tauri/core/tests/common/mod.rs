//! Documents shared by the tests and the example: a realistic dossier, a
//! stress document full of hostile text, and a long document for timing.
#![allow(dead_code, unused_imports)]

mod records;
mod sample;

pub use sample::{cover, hundred_pages, sample};

use casefile_core::packet::layout::{BarChart, Block, Cell, Column, Document, Figure, Series, Table};

/// Deterministic pseudo-random numbers (xorshift), so samples are stable.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    pub fn hex64(&mut self) -> String {
        (0..4).map(|_| format!("{:016x}", self.next())).collect()
    }
}

pub fn long_text(chars: usize) -> String {
    let words = [
        "escalation",
        "delivery",
        "Łódź",
        "Кровля",
        "Ελλάδα",
        "commitment",
        "a",
        "of",
        "the",
        "customer",
        "https://example.com/cases/CF-2024-117/exhibits/E-014",
    ];
    let mut rng = Rng::new(42);
    let mut s = String::new();
    while s.chars().count() < chars {
        s.push_str(rng.pick(&words));
        s.push(' ');
    }
    s
}

/// Hostile input: over-long words and URLs, a 20,000-character paragraph, a
/// 20,000-character table cell, characters the font lacks.
pub fn stress() -> Document {
    let long_word = "Z".repeat(300);
    let url = format!(
        "https://example.com/{}",
        "very-long-path-segment/".repeat(20)
    );
    let mut doc = Document::new("Stress test ".repeat(20), "Confidential ".repeat(20));
    doc.push(cover())
        .push(Block::Contents {
            include_level2: false,
        })
        .push(Block::heading(1, format!("Long words {long_word}")))
        .push(Block::paragraph(format!(
            "Before {long_word} after. {url} end."
        )))
        .push(Block::paragraph(
            "Zoë, Łódź, Кровля, Ελλάδα. CJK 株式会社 and emoji 😀👍🏽 fall back.",
        ))
        .push(Block::heading(1, "A 20,000-character paragraph"))
        .push(Block::paragraph(long_text(20_000)))
        .push(Block::heading(1, "A 20,000-character cell"))
        .push(Block::Table(Table {
            columns: vec![
                Column::left("#", 0.5),
                Column::left("Text", 5.0),
                Column::right("Amount", 1.0),
            ],
            rows: vec![
                vec![Cell::new("1"), Cell::new("short"), Cell::new("1,000.00")],
                vec![
                    Cell::new("2"),
                    Cell::new(long_text(20_000)),
                    Cell::alert(long_word.clone()),
                ],
                vec![Cell::new("3"), Cell::new(url.clone()), Cell::new("3.00")],
            ],
        }))
        .push(Block::Figures(vec![Figure::new(
            long_word.clone(),
            long_word.clone(),
        )
        .note(url.clone())]))
        .push(Block::KeyValues(vec![(long_word.clone(), url.clone())]))
        .push(Block::BarChart(BarChart {
            title: long_word.clone(),
            categories: (0..40)
                .map(|i| format!("Category number {i} with a long name"))
                .collect(),
            series: vec![Series {
                name: long_word,
                values: (0..40).map(|i| i as f64 * 1234.5).collect(),
            }],
            stacked: true,
            y_label: url,
            palette: Vec::new(),
        }));
    doc
}
