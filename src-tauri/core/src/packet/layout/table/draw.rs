//! Drawing a prepared table onto the flow: rows, page breaks, the repeated
//! header and its "(continued)" caption.

use super::super::fonts::Weight;
use super::super::model::Align;
use super::super::output::{Placed, Role};
use super::super::paginate::{Flow, TextLook};
use super::super::style::{self, size, Rgb};
use super::super::wrap::Line;
use super::{header_look, pad_left, Kind, Prepared, Row, MIN_SPLIT_LINES, PAD_X, PAD_Y};

pub(super) fn place(flow: &mut Flow, t: &Prepared) {
    flow.begin_block(if t.kind == Kind::Grid { 4.0 } else { 2.0 });
    flow.need(t.lead(flow.geo.body_height()));
    draw_header(flow, t);
    if t.kind == Kind::KeyValue {
        let y = flow.y;
        rule(flow, y, 0.5, style::HAIRLINE);
    }
    let fresh_capacity = t.fresh_capacity(flow.geo.body_height());
    let mut widow_break = widow_break(flow, t, 0);
    for (i, row) in t.rows.iter().enumerate() {
        let height = t.row_height(row.lines);
        if widow_break == Some(i) || (!flow.fits(height) && height <= fresh_capacity) {
            next_page(flow, t);
            widow_break = widow_break_after(flow, t, i);
        }
        if flow.fits(height) {
            draw_row(flow, t, i, row, 0, row.lines);
            continue;
        }
        // Taller than a whole page: split between lines.
        let mut start = 0;
        while start < row.lines {
            let room = ((flow.remaining() - 2.0 * PAD_Y) / t.leading + 0.001)
                .floor()
                .max(0.0) as usize;
            let left = row.lines - start;
            if room < left.min(MIN_SPLIT_LINES) {
                next_page(flow, t);
                continue;
            }
            let take = room.min(left);
            draw_row(flow, t, i, row, start, start + take);
            start += take;
            if start < row.lines {
                next_page(flow, t);
            }
        }
        // The split row ended on a fresh page: look ahead again from there.
        widow_break = widow_break_after(flow, t, i + 1);
    }
    if t.kind == Kind::Grid {
        let y = flow.y;
        rule(flow, y, 0.6, style::RULE);
    }
    flow.end_block(12.0);
}

/// Rows that would be carried alone to the next page: a table whose last page holds a single
/// row under its repeated header looks like an accident.
const WIDOW_ROWS: usize = 2;

/// Looking ahead from row `from` on the current page: where to break early so that at least
/// [`WIDOW_ROWS`] rows go over together, or `None` when the rest fits, or more go over anyway.
fn widow_break(flow: &Flow, t: &Prepared, from: usize) -> Option<usize> {
    let mut room = flow.remaining();
    let mut fit = 0;
    for row in &t.rows[from.min(t.rows.len())..] {
        let h = t.row_height(row.lines);
        if h > room {
            break;
        }
        room -= h;
        fit += 1;
    }
    let carried = t.rows.len() - from - fit;
    // Only worth it when this page keeps a few rows; a row taller than a page is split anyway.
    (carried > 0 && carried < WIDOW_ROWS && fit > WIDOW_ROWS).then(|| from + fit - (WIDOW_ROWS - carried))
}

/// The widow check for a fresh page (or after a split row), starting at row `from`.
fn widow_break_after(flow: &Flow, t: &Prepared, from: usize) -> Option<usize> {
    if from >= t.rows.len() {
        return None;
    }
    widow_break(flow, t, from)
}

/// Continues the table on a new page: a "(continued)" caption naming the
/// section, so a reader who lands mid-table knows what they are looking at,
/// then the repeated header row.
fn next_page(flow: &mut Flow, t: &Prepared) {
    flow.new_page(true);
    if let Some(section) = flow.section.clone() {
        let look = caption_look();
        let face = flow.fonts.face(look.weight);
        let text = face.truncate(
            &format!("{section} (continued)"),
            look.size,
            flow.geo.text_width(),
        );
        let line = Line {
            width: face.width(&text, look.size),
            text,
        };
        let (x, top) = (flow.geo.left(), flow.y);
        flow.text(x, top, look.leading(), look, &line, Role::Continued);
        flow.y += caption_height();
    }
    draw_header(flow, t);
}

fn caption_look() -> TextLook {
    TextLook::new(Weight::Regular, size::CHROME, style::MUTED)
}

pub(super) fn caption_height() -> f32 {
    caption_look().leading() + 3.0
}

fn rule(flow: &mut Flow, y: f32, width: f32, color: Rgb) {
    let (x1, x2) = (flow.geo.left(), flow.geo.right());
    flow.push(Placed::Line {
        x1,
        y1: y,
        x2,
        y2: y,
        width,
        color,
        dotted: false,
    });
}

fn draw_header(flow: &mut Flow, t: &Prepared) {
    let Some(header) = &t.header else { return };
    let height = t.header_height();
    let (x, y, w) = (flow.geo.left(), flow.y, flow.geo.text_width());
    flow.push(Placed::Rect {
        x,
        y,
        w,
        h: height,
        fill: style::HEADER_FILL,
    });
    draw_cells(
        flow,
        t,
        header,
        0,
        header.lines,
        header_look().leading(),
        Role::TableHeader,
    );
    flow.y += height;
    let y = flow.y;
    rule(flow, y, 0.8, style::ACCENT);
}

fn draw_row(flow: &mut Flow, t: &Prepared, index: usize, row: &Row, from: usize, to: usize) {
    let height = t.row_height(to - from);
    let (x, y, w) = (flow.geo.left(), flow.y, flow.geo.text_width());
    let role = match t.kind {
        Kind::Grid => {
            // Zebra striping keeps long rows trackable across the page width.
            if index % 2 == 1 {
                flow.push(Placed::Rect {
                    x,
                    y,
                    w,
                    h: height,
                    fill: style::ZEBRA,
                });
            }
            Role::TableCell
        }
        Kind::KeyValue => Role::KeyValue,
    };
    draw_cells(flow, t, row, from, to, t.leading, role);
    flow.y += height;
    if t.kind == Kind::KeyValue {
        let y = flow.y;
        rule(flow, y, 0.5, style::HAIRLINE);
    }
}

fn draw_cells(
    flow: &mut Flow,
    t: &Prepared,
    row: &Row,
    from: usize,
    to: usize,
    leading: f32,
    role: Role,
) {
    let top = flow.y + PAD_Y;
    for (col, cell) in row.cells.iter().enumerate() {
        let role = if t.kind == Kind::KeyValue && col == 0 {
            Role::KeyLabel
        } else {
            role
        };
        let end = to.min(cell.lines.len());
        for (n, line) in cell.lines.iter().enumerate().take(end).skip(from) {
            let x = match cell.align {
                Align::Left => t.x[col] + pad_left(t.kind, col),
                Align::Right => t.x[col] + t.widths[col] - PAD_X - line.width,
            };
            flow.text(
                x,
                top + (n - from) as f32 * leading,
                leading,
                cell.look_of(n),
                line,
                role,
            );
        }
    }
}
