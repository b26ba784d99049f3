//! Front matter: the cover page and the table of contents.
//!
//! Both are whole-page designs rather than flowing text, so they position
//! their parts explicitly; they still go through the flow so page numbers,
//! the outline and "Page X of Y" stay consistent with the rest.

use super::fonts::Weight;
use super::model::{Block, Cover, Document};
use super::output::{Placed, Role};
use super::paginate::{Flow, TextLook};
use super::style::{self, size};
use super::wrap::{wrap, Line};
use super::LayoutError;

/// A heading as listed in the contents, before its page is known.
pub(crate) struct TocItem {
    pub level: u8,
    pub text: String,
}

/// All headings in document order; also validates heading levels.
pub(crate) fn collect_headings(doc: &Document) -> Result<Vec<TocItem>, LayoutError> {
    let mut out = Vec::new();
    for block in &doc.blocks {
        if let Block::Heading { level, text } = block {
            if !matches!(level, 1..=3) {
                return Err(LayoutError::Invalid(format!(
                    "heading level must be 1, 2 or 3, got {level} for {text:?}"
                )));
            }
            out.push(TocItem {
                level: *level,
                text: text.clone(),
            });
        }
    }
    Ok(out)
}

/// Draws the cover on a page of its own; the next block starts a new page.
pub(crate) fn cover(flow: &mut Flow, cover: &Cover, marking: &str) {
    flow.new_page(false);
    let geo = flow.geo;
    let (left, width) = (geo.left(), geo.text_width());
    let fonts = flow.fonts;

    // Marking line and a strong accent rule: the dossier's letterhead.
    let mark = TextLook::new(Weight::Bold, size::CHROME, style::ACCENT);
    let mark_text = fonts.bold.truncate(
        &fonts.bold.single_line(&marking.to_uppercase()),
        mark.size,
        width,
    );
    let line = Line {
        width: fonts.bold.width(&mark_text, mark.size),
        text: mark_text,
    };
    flow.text(
        left,
        geo.margin_top,
        mark.leading(),
        mark,
        &line,
        Role::Cover,
    );
    let rule_y = geo.margin_top + mark.leading() + 6.0;
    flow.push(Placed::Rect {
        x: left,
        y: rule_y,
        w: width,
        h: 2.5,
        fill: style::ACCENT,
    });

    // Title block, a third of the way down.
    flow.y = (geo.height * 0.27).max(rule_y + 40.0);
    if !cover.stamp.trim().is_empty() {
        stamp(flow, &cover.stamp, left, width);
    }
    let title = TextLook::new(Weight::Bold, size::COVER_TITLE, style::INK);
    lines(flow, &cover.title, title, left, width, 1.2);
    if !cover.subtitle.trim().is_empty() {
        flow.y += 8.0;
        let sub = TextLook::new(Weight::Regular, size::COVER_SUBTITLE, style::MUTED);
        lines(flow, &cover.subtitle, sub, left, width, 1.35);
    }
    flow.y += 16.0;
    let y = flow.y;
    flow.push(Placed::Rect {
        x: left,
        y,
        w: 42.0,
        h: 3.0,
        fill: style::ACCENT,
    });
    flow.y += 3.0;

    // Details grid: label above value, two columns.
    flow.y = flow.y.max(geo.height * 0.52);
    let gap = 18.0;
    let col_w = (width - gap) / 2.0;
    let label = TextLook::new(Weight::Bold, size::FIGURE_LABEL, style::MUTED);
    let value = TextLook::new(Weight::Regular, 10.5, style::INK);
    for pair in cover.lines.chunks(2) {
        let top = flow.y;
        let y = top;
        flow.push(Placed::Line {
            x1: left,
            y1: y,
            x2: left + width,
            y2: y,
            width: 0.5,
            color: style::RULE,
            dotted: false,
        });
        let mut bottom = top;
        for (i, (l, v)) in pair.iter().enumerate() {
            flow.y = top + 8.0;
            let x = left + i as f32 * (col_w + gap);
            lines(flow, &l.to_uppercase(), label, x, col_w, 1.3);
            flow.y += 2.0;
            lines(flow, v, value, x, col_w, 1.35);
            bottom = bottom.max(flow.y);
        }
        flow.y = bottom + 10.0;
    }

    // Confidentiality notice pinned to the foot of the page when there is room.
    if !cover.confidentiality.trim().is_empty() {
        let text_look = TextLook::new(Weight::Regular, size::SMALL, style::MUTED);
        let head = TextLook::new(Weight::Bold, size::SMALL, style::INK);
        let inner = width - 28.0;
        let face = fonts.face(text_look.weight);
        let body = wrap(
            face,
            text_look.size,
            &face.sanitize(&cover.confidentiality),
            inner,
        );
        let pad = 10.0;
        let box_h = pad * 2.0 + head.leading() + 2.0 + body.len() as f32 * text_look.leading();
        let limit = geo.height - geo.margin_bottom;
        let mut top = (limit - box_h).max(flow.y + 12.0);
        if top + box_h > limit {
            // Only an absurdly long cover gets here: continue on a plain page.
            flow.new_page(false);
            top = flow.y;
        }
        flow.push(Placed::Rect {
            x: left,
            y: top,
            w: width,
            h: box_h,
            fill: style::TILE_FILL,
        });
        flow.push(Placed::Rect {
            x: left,
            y: top,
            w: 3.0,
            h: box_h,
            fill: style::ACCENT,
        });
        flow.y = top + pad;
        lines(
            flow,
            "Confidentiality",
            head,
            left + 14.0,
            inner,
            size::LEADING,
        );
        flow.y += 2.0;
        lines(
            flow,
            &cover.confidentiality,
            text_look,
            left + 14.0,
            inner,
            size::LEADING,
        );
    }
    flow.break_page();
}

/// A white-on-red label above the title (e.g. "DEMO"), so a file of fictitious
/// data can never be mistaken for a real dossier, even in a greyscale copy.
fn stamp(flow: &mut Flow, text: &str, left: f32, width: f32) {
    let look = TextLook::new(Weight::Bold, 13.0, style::WHITE);
    let face = flow.fonts.face(look.weight);
    let (pad_x, pad_y) = (10.0, 5.0);
    let text = face.truncate(&face.single_line(text), look.size, width - 2.0 * pad_x);
    let line = Line {
        width: face.width(&text, look.size),
        text,
    };
    let h = look.leading() + 2.0 * pad_y;
    let top = flow.y - h - 18.0;
    flow.push(Placed::Rect {
        x: left,
        y: top,
        w: line.width + 2.0 * pad_x,
        h,
        fill: style::ALERT,
    });
    flow.text(left + pad_x, top + pad_y, look.leading(), look, &line, Role::Cover);
}

/// Wraps and places text at the cursor on a page without running header
/// (the cover), moving to a further cover page if the text would overflow.
fn lines(flow: &mut Flow, text: &str, look: TextLook, x: f32, width: f32, leading_factor: f32) {
    let face = flow.fonts.face(look.weight);
    let leading = look.size * leading_factor;
    let limit = flow.geo.height - flow.geo.margin_bottom;
    for line in wrap(face, look.size, &face.sanitize(text), width) {
        if flow.y + leading > limit {
            flow.new_page(false);
        }
        let top = flow.y;
        flow.text(x, top, leading, look, &line, Role::Cover);
        flow.y += leading;
    }
}

/// The contents page. Entries are laid out identically whether or not their
/// page numbers are known yet (numbers sit in a fixed-width column), which is
/// what lets the two-pass layout converge immediately.
pub(crate) fn contents(flow: &mut Flow, items: &[TocItem], include_level2: bool) {
    flow.break_page();
    flow.begin_block(0.0);
    let geo = flow.geo;
    let fonts = flow.fonts;
    let title = TextLook::new(Weight::Bold, size::H1, style::ACCENT);
    let heading = Line {
        width: fonts.bold.width("Contents", title.size),
        text: "Contents".into(),
    };
    let top = flow.y;
    flow.text(
        geo.left(),
        top,
        title.leading(),
        title,
        &heading,
        Role::Contents,
    );
    flow.y += title.leading() + 4.0;
    let y = flow.y;
    flow.push(Placed::Line {
        x1: geo.left(),
        y1: y,
        x2: geo.right(),
        y2: y,
        width: 0.6,
        color: style::RULE,
        dotted: false,
    });
    flow.y += 14.0;

    let number_w = fonts.bold.width("0000", 10.0);
    let leader_gap = fonts.regular.width("00", 10.0) + 8.0;
    let mut index = 0;
    for (i, item) in items.iter().enumerate() {
        if item.level == 3 || (item.level == 2 && !include_level2) {
            continue;
        }
        let (look, indent, before) = if item.level == 1 {
            (
                TextLook::new(Weight::Regular, 10.0, style::INK),
                0.0,
                if index == 0 { 0.0 } else { 7.0 },
            )
        } else {
            (TextLook::new(Weight::Regular, 9.0, style::MUTED), 14.0, 1.0)
        };
        index += 1;
        let face = fonts.face(look.weight);
        let x = geo.left() + indent;
        let text_w = geo.text_width() - indent - number_w - 16.0;
        let lines = wrap(face, look.size, &face.single_line(&item.text), text_w);
        let leading = look.leading();
        flow.y += before;
        flow.need(lines.len() as f32 * leading);
        for line in &lines {
            let top = flow.y;
            flow.text(x, top, leading, look, line, Role::Contents);
            flow.y += leading;
        }
        let Some(page) = flow.known_pages.get(i).copied() else {
            continue;
        };
        let Some(last) = lines.last() else { continue };
        let number = Line {
            width: face.width(&page.to_string(), look.size),
            text: page.to_string(),
        };
        let top = flow.y - leading;
        let nx = geo.right() - number.width;
        flow.text(nx, top, leading, look, &number, Role::Contents);
        let baseline = match flow.pages.last().and_then(|p| p.items.last()) {
            Some(Placed::Text(run)) => run.baseline,
            _ => top + leading * 0.7,
        };
        // Leaders all end at one x, whatever the number's width.
        let (x1, x2) = (
            x + last.width + 6.0,
            (geo.right() - leader_gap).min(nx - 5.0),
        );
        if x2 - x1 > 8.0 {
            let y = baseline - 0.5;
            flow.push(Placed::Line {
                x1,
                y1: y,
                x2,
                y2: y,
                width: 0.9,
                color: style::FAINT,
                dotted: true,
            });
        }
    }
    flow.end_block(0.0);
    flow.break_page();
}
