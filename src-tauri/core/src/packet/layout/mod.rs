//! PDF layout engine for the escalation packet.
//!
//! A pure function from a [`Document`] description to PDF bytes. It is split
//! in two so that pagination can be tested without rendering:
//!
//! * [`layout`] flows the blocks onto pages and returns a [`LaidOut`] model in
//!   which every text run and shape has its final position;
//! * [`render`] lays out and then draws that model with printpdf, embedding
//!   subset DejaVu Sans fonts.
//!
//! ```no_run
//! use casefile_core::packet::layout::{render, Block, Document};
//!
//! let mut doc = Document::new("Case 2024-117", "Confidential");
//! doc.push(Block::heading(1, "Summary"))
//!    .push(Block::paragraph("Seven promises were broken between March and May."));
//! let pdf: Vec<u8> = render(&doc)?;
//! # Ok::<(), casefile_core::packet::layout::LayoutError>(())
//! ```

mod chart;
mod chrome;
mod figures;
mod fonts;
mod front;
mod model;
mod output;
mod paginate;
mod render;
mod style;
mod table;
mod wrap;

pub use fonts::{Face, Fonts, Weight};
pub use model::{
    Align, BarChart, Block, Cell, Column, Cover, Document, Emphasis, Figure, Paper, Series, Table,
    TextStyle,
};
pub use output::{HeadingEntry, LaidOut, LaidPage, Placed, Role, TextRun};
pub use style::{Geometry, Rgb};
pub use wrap::{wrap, Line};

/// Why a document could not be laid out.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LayoutError {
    /// An embedded font could not be parsed (a build problem, not user input).
    #[error("font error: {0}")]
    Font(String),
    /// The document is malformed, e.g. a table row with more cells than columns.
    #[error("invalid document: {0}")]
    Invalid(String),
}

/// How many times the contents page may be re-laid out before giving up on
/// convergence. Page numbers have a fixed-width column, so the second pass
/// always matches the first in practice.
const MAX_PASSES: usize = 4;

/// Flows the document onto pages.
///
/// Two passes when there is a contents block: the first finds the page of
/// every heading, the second prints those numbers. The contents page's own
/// length depends only on the number of headings, so pagination is stable.
pub fn layout(doc: &Document) -> Result<LaidOut, LayoutError> {
    let fonts = Fonts::get()?;
    let geometry = Geometry::new(doc.paper);
    let has_contents = doc
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Contents { .. }));
    let mut known: Vec<usize> = Vec::new();
    let mut flowed = paginate::flow(doc, fonts, geometry, &known)?;
    for _ in 1..MAX_PASSES {
        let found: Vec<usize> = flowed.headings.iter().map(|h| h.page).collect();
        if !has_contents || found == known {
            break;
        }
        known = found;
        flowed = paginate::flow(doc, fonts, geometry, &known)?;
    }
    let mut pages = flowed.pages;
    chrome::decorate(&mut pages, doc, fonts, &geometry);
    Ok(LaidOut {
        geometry,
        pages,
        headings: flowed.headings,
    })
}

/// Lays out the document and renders it to PDF bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, LayoutError> {
    let laid = layout(doc)?;
    render_laid(doc, &laid)
}

/// Renders a document already laid out by [`layout`], for callers that also need the
/// laid-out pages (their count, their text) without laying out twice.
pub fn render_laid(doc: &Document, laid: &LaidOut) -> Result<Vec<u8>, LayoutError> {
    render::to_pdf(
        laid,
        &doc.title,
        &doc.author,
        doc.created_unix,
        Fonts::get()?,
    )
}
