//! Flowing blocks onto pages.
//!
//! A single cursor moves down the body frame; each block asks whether its
//! next unbreakable piece fits and otherwise starts a page. The rules that
//! make the result read like a report rather than a dump live here:
//! vertical gaps collapse at the top of a page, headings are kept with the
//! first piece of what follows them, and paragraphs avoid leaving a single
//! line alone at the bottom or top of a page.

use super::fonts::{Face, Fonts, Weight};
use super::model::{Block, Document, TextStyle};
use super::output::{HeadingEntry, LaidPage, Placed, Role, TextRun};
use super::style::{self, size, Geometry, Rgb, MM};
use super::wrap::{wrap, Line};
use super::{chart, figures, front, table, LayoutError};

/// Slack for floating-point comparisons against the bottom of the frame.
const EPS: f32 = 0.01;

/// Result of one flow pass.
pub(crate) struct Flowed {
    pub pages: Vec<LaidPage>,
    pub headings: Vec<HeadingEntry>,
}

/// The moving cursor plus everything placed so far.
pub(crate) struct Flow<'a> {
    pub fonts: &'a Fonts,
    pub geo: Geometry,
    pub pages: Vec<LaidPage>,
    pub headings: Vec<HeadingEntry>,
    /// Page numbers found by the previous pass, indexed like `headings`.
    pub known_pages: &'a [usize],
    pub section_per_page: bool,
    /// Text of the latest heading, for "(continued)" captions.
    pub section: Option<String>,
    /// Top of the free space on the current page.
    pub y: f32,
    /// Nothing has been placed in the body frame of the current page yet.
    fresh: bool,
    /// The next content must go on a new page (after a cover or page break).
    break_pending: bool,
    /// Space owed below the previous block; collapses with the next block's
    /// own space-before and disappears at the top of a page.
    gap_after: f32,
}

impl<'a> Flow<'a> {
    fn new(fonts: &'a Fonts, geo: Geometry, known_pages: &'a [usize], per_page: bool) -> Self {
        Flow {
            fonts,
            geo,
            pages: Vec::new(),
            headings: Vec::new(),
            known_pages,
            section_per_page: per_page,
            section: None,
            y: geo.body_top,
            fresh: true,
            break_pending: true,
            gap_after: 0.0,
        }
    }

    /// Starts a page unconditionally. `chrome` is false only for the cover.
    pub fn new_page(&mut self, chrome: bool) {
        let number = self.pages.len() + 1;
        self.pages.push(LaidPage {
            number,
            chrome,
            items: Vec::new(),
        });
        self.y = if chrome {
            self.geo.body_top
        } else {
            self.geo.margin_top
        };
        self.fresh = true;
        self.break_pending = false;
        self.gap_after = 0.0;
    }

    /// Makes sure there is a current body page to draw on.
    pub fn ensure_page(&mut self) {
        if self.break_pending || self.pages.is_empty() {
            self.new_page(true);
        }
    }

    /// Requests that the next content starts on a new page, unless the current
    /// page is still empty (so breaks never produce blank pages).
    pub fn break_page(&mut self) {
        if !self.fresh || self.pages.is_empty() {
            self.break_pending = true;
        }
    }

    pub fn is_fresh(&self) -> bool {
        self.fresh && !self.break_pending
    }

    /// Opens a block: settles the page and the collapsed gap above it.
    pub fn begin_block(&mut self, space_before: f32) {
        self.ensure_page();
        if !self.fresh {
            self.y += self.gap_after.max(space_before);
        }
        self.gap_after = 0.0;
    }

    pub fn end_block(&mut self, space_after: f32) {
        self.gap_after = space_after;
    }

    pub fn bottom(&self) -> f32 {
        self.geo.body_bottom
    }

    pub fn remaining(&self) -> f32 {
        self.bottom() - self.y
    }

    pub fn fits(&self, height: f32) -> bool {
        self.y + height <= self.bottom() + EPS
    }

    /// Starts a new body page if `height` does not fit, unless the page is
    /// fresh (then nothing would be gained).
    pub fn need(&mut self, height: f32) {
        if !self.fits(height) && !self.fresh {
            self.new_page(true);
        }
    }

    pub fn push(&mut self, item: Placed) {
        self.fresh = false;
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    pub fn page_number(&self) -> usize {
        self.pages.len().max(1)
    }

    /// Places one line of text in a line box of height `leading` whose top is
    /// `top`, centring the glyph box vertically in it.
    pub fn text(
        &mut self,
        x: f32,
        top: f32,
        leading: f32,
        look: TextLook,
        line: &Line,
        role: Role,
    ) {
        let run = text_run(
            self.fonts.face(look.weight),
            x,
            top,
            leading,
            look,
            line,
            role,
        );
        self.push(Placed::Text(run));
    }
}

/// Font, size and colour of a run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TextLook {
    pub weight: Weight,
    pub size: f32,
    pub color: Rgb,
}

impl TextLook {
    pub fn new(weight: Weight, size: f32, color: Rgb) -> Self {
        TextLook {
            weight,
            size,
            color,
        }
    }

    pub fn leading(&self) -> f32 {
        self.size * size::LEADING
    }
}

/// Builds a run without placing it (charts and the cover position their own).
pub(crate) fn text_run(
    face: &Face,
    x: f32,
    top: f32,
    leading: f32,
    look: TextLook,
    line: &Line,
    role: Role,
) -> TextRun {
    let ascent = face.ascent(look.size);
    let height = ascent + face.descent(look.size);
    let y = top + (leading - height) / 2.0;
    TextRun {
        x,
        y,
        width: line.width,
        height,
        baseline: y + ascent,
        size: look.size,
        weight: look.weight,
        color: look.color,
        text: line.text.clone(),
        role,
    }
}

/// Flows the whole document once.
pub(crate) fn flow(
    doc: &Document,
    fonts: &Fonts,
    geo: Geometry,
    known_pages: &[usize],
) -> Result<Flowed, LayoutError> {
    let mut flow = Flow::new(fonts, geo, known_pages, doc.section_per_page);
    let all_headings = front::collect_headings(doc)?;
    for (index, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Cover(cover) => front::cover(&mut flow, cover, &doc.confidentiality),
            Block::Contents { include_level2 } => {
                front::contents(&mut flow, &all_headings, *include_level2)
            }
            Block::Heading { level, text } => {
                let lead = lead_height(&flow, &doc.blocks[index + 1..])?;
                heading(&mut flow, *level, text, lead);
            }
            Block::Paragraph { text, style } => paragraph(&mut flow, text, *style),
            Block::Figures(items) => figures::flow(&mut flow, items),
            Block::KeyValues(pairs) => table::key_values(&mut flow, pairs)?,
            Block::Table(t) => table::table(&mut flow, t)?,
            Block::BarChart(c) => chart::flow(&mut flow, c)?,
            Block::PageBreak => flow.break_page(),
            Block::Spacer(mm) => {
                let h = if mm.is_finite() {
                    mm.max(0.0) * MM
                } else {
                    0.0
                };
                flow.gap_after += h;
            }
        }
    }
    // A PDF needs at least one page; an empty document gets a blank one.
    if flow.pages.is_empty() {
        flow.new_page(true);
    }
    Ok(Flowed {
        pages: flow.pages,
        headings: flow.headings,
    })
}

/// How much of the blocks following a heading must share its page: the
/// first unbreakable piece of the next block, or of the next non-heading
/// block when headings are stacked.
fn lead_height(flow: &Flow, rest: &[Block]) -> Result<f32, LayoutError> {
    let Some(next) = rest.first() else {
        return Ok(0.0);
    };
    let width = flow.geo.text_width();
    Ok(match next {
        Block::Heading { level, text } => {
            let (look, _, after) = heading_look(*level);
            let face = flow.fonts.face(look.weight);
            let lines = wrap(face, look.size, &face.sanitize(text), width).len();
            lines as f32 * look.leading() + after + lead_height(flow, &rest[1..])?
        }
        Block::Paragraph { text, style } => {
            let look = paragraph_look(*style);
            let face = flow.fonts.face(look.weight);
            let lines = wrap(face, look.size, &face.sanitize(text), width).len();
            lines.min(2) as f32 * look.leading()
        }
        Block::Figures(items) => figures::lead_height(flow, items),
        Block::KeyValues(pairs) => table::key_values_lead(flow, pairs)?,
        Block::Table(t) => table::lead_height(flow, t)?,
        Block::BarChart(c) => chart::height(flow, c)?,
        _ => 0.0,
    })
}

/// Look, space before and space after for a heading level.
fn heading_look(level: u8) -> (TextLook, f32, f32) {
    match level {
        1 => (
            TextLook::new(Weight::Bold, size::H1, style::ACCENT),
            22.0,
            14.0,
        ),
        2 => (TextLook::new(Weight::Bold, size::H2, style::INK), 16.0, 6.0),
        // A run-in label for dense pages such as the one-page briefing.
        _ => (TextLook::new(Weight::Bold, size::H3, style::ACCENT), 9.0, 2.0),
    }
}

fn heading(flow: &mut Flow, level: u8, text: &str, lead: f32) {
    let (look, before, after) = heading_look(level);
    if level == 1 && flow.section_per_page {
        flow.break_page();
    }
    flow.begin_block(before);
    let face = flow.fonts.face(look.weight);
    let lines = wrap(face, look.size, &face.sanitize(text), flow.geo.text_width());
    let leading = look.leading();
    let own = lines.len() as f32 * leading + after;
    // Keep-with-next: a heading never ends a page. If even a fresh page cannot
    // hold heading plus lead, the heading goes first and the rest flows on.
    flow.need(own + lead);
    flow.section = Some(face.single_line(text));
    flow.headings.push(HeadingEntry {
        level,
        text: face.single_line(text),
        page: flow.page_number(),
    });
    for line in &lines {
        let (x, top) = (flow.geo.left(), flow.y);
        flow.text(x, top, leading, look, line, Role::Heading(level));
        flow.y += leading;
    }
    if level == 1 {
        // A hairline under section titles gives each section a clear start.
        flow.y += 4.0;
        let (x1, x2, y) = (flow.geo.left(), flow.geo.right(), flow.y);
        flow.push(Placed::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width: 0.6,
            color: style::RULE,
            dotted: false,
        });
    }
    flow.end_block(after);
}

pub(crate) fn paragraph_look(style: TextStyle) -> TextLook {
    match style {
        TextStyle::Body => TextLook::new(Weight::Regular, size::BODY, style::INK),
        TextStyle::Small => TextLook::new(Weight::Regular, size::SMALL, style::MUTED),
        TextStyle::Muted => TextLook::new(Weight::Regular, size::BODY, style::MUTED),
    }
}

fn paragraph(flow: &mut Flow, text: &str, style: TextStyle) {
    let look = paragraph_look(style);
    flow.begin_block(0.0);
    let face = flow.fonts.face(look.weight);
    let lines = wrap(face, look.size, &face.sanitize(text), flow.geo.text_width());
    place_lines(flow, &lines, look, flow.geo.left(), Role::Body);
    flow.end_block(7.0);
}

/// Places lines at `x`, breaking pages between lines. Avoids orphans (one
/// line alone at a page bottom) and widows (one line alone at a page top).
pub(crate) fn place_lines(flow: &mut Flow, lines: &[Line], look: TextLook, x: f32, role: Role) {
    let leading = look.leading();
    let mut start = 0;
    while start < lines.len() {
        let left = lines.len() - start;
        let mut fit = ((flow.remaining() + EPS) / leading).floor().max(0.0) as usize;
        if fit < left {
            if fit == 1 && left >= 2 && !flow.is_fresh() {
                fit = 0;
            } else if fit >= 3 && left - fit == 1 {
                fit -= 1;
            }
        }
        if fit == 0 {
            if flow.is_fresh() {
                // A page cannot hold even one line: place it anyway rather than loop.
                fit = 1;
            } else {
                flow.new_page(true);
                continue;
            }
        }
        for line in &lines[start..(start + fit).min(lines.len())] {
            let top = flow.y;
            flow.text(x, top, leading, look, line, role);
            flow.y += leading;
        }
        start += fit;
        if start < lines.len() {
            flow.new_page(true);
        }
    }
}
