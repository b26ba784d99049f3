//! The laid-out model: every page with every text run and shape at its final
//! position.
//!
//! It exists so that paging and wrapping can be tested without rendering or
//! parsing a PDF: tests assert directly that glyph boxes stay in the margins,
//! that a table header repeats, or which page a heading landed on. The
//! renderer draws exactly these items and makes no layout decisions of its own.
//!
//! Coordinates are PDF points measured from the top-left corner of the page,
//! y growing downwards (the renderer flips them).

use super::fonts::Weight;
use super::style::{Geometry, Rgb};

/// What a text run is, so tests and tools can find runs by purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Header,
    Footer,
    Cover,
    /// Heading of level 1 or 2.
    Heading(u8),
    Body,
    Contents,
    TableHeader,
    /// "Section (continued)" caption above a table's repeated header.
    Continued,
    TableCell,
    KeyLabel,
    KeyValue,
    Figure,
    Chart,
}

/// One line of text in one font, size and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Left edge of the first glyph's advance box.
    pub x: f32,
    /// Top of the glyph box (baseline minus the font's ascent).
    pub y: f32,
    /// Sum of glyph advances.
    pub width: f32,
    /// Ascent plus descent of the font at this size.
    pub height: f32,
    pub baseline: f32,
    pub size: f32,
    pub weight: Weight,
    pub color: Rgb,
    /// Exactly what is drawn (already sanitized; see the fonts module).
    pub text: String,
    pub role: Role,
}

impl TextRun {
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }
}

/// A drawable item.
#[derive(Debug, Clone, PartialEq)]
pub enum Placed {
    Text(TextRun),
    /// A filled rectangle (backgrounds, bars, swatches, thick rules).
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Rgb,
    },
    /// A straight stroke; `dotted` draws round dots (leaders in the contents).
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
        dotted: bool,
    },
}

/// One page of output.
#[derive(Debug, Clone, PartialEq)]
pub struct LaidPage {
    /// 1-based page number; the cover is page 1.
    pub number: usize,
    /// Whether the running header and footer are drawn (false on the cover).
    pub chrome: bool,
    pub items: Vec<Placed>,
}

impl LaidPage {
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|item| match item {
            Placed::Text(run) => Some(run),
            _ => None,
        })
    }

    /// All text runs with the given role.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &TextRun> {
        self.texts().filter(move |run| run.role == role)
    }
}

/// Where a heading landed; feeds the contents page and the PDF outline.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadingEntry {
    pub level: u8,
    pub text: String,
    /// 1-based page number.
    pub page: usize,
}

/// The whole laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct LaidOut {
    pub geometry: Geometry,
    pub pages: Vec<LaidPage>,
    pub headings: Vec<HeadingEntry>,
}

impl LaidOut {
    /// Every text run with its page number.
    pub fn texts(&self) -> impl Iterator<Item = (usize, &TextRun)> {
        self.pages
            .iter()
            .flat_map(|page| page.texts().map(move |run| (page.number, run)))
    }
}
