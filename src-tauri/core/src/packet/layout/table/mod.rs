//! Tables and key/value lists.
//!
//! Rows are the unit of pagination. A row that does not fit moves whole to
//! the next page, where the header row is repeated. Only a row taller than an
//! entire page is split, and then only between lines, never through one, so
//! even a 20,000-character cell reads cleanly across pages. Key/value lists
//! reuse the same machinery without a header.

mod draw;

use super::fonts::Weight;
use super::model::{Align, Cell, Column, Emphasis, Table};
use super::paginate::{Flow, TextLook};
use super::style::{self, size};
use super::wrap::{wrap, Line};
use super::LayoutError;
use draw::{caption_height, place};

/// Horizontal and vertical cell padding.
const PAD_X: f32 = 5.0;
const PAD_Y: f32 = 3.5;
/// A split row keeps at least this many lines together on each page.
const MIN_SPLIT_LINES: usize = 2;
/// Tables up to this share of a page's body are never split across pages.
const KEEP_WHOLE: f32 = 0.3;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Grid,
    KeyValue,
}

struct PreparedCell {
    lines: Vec<Line>,
    look: TextLook,
    /// Lines from this index on are the cell's detail, drawn in `detail_look`.
    detail_from: usize,
    detail_look: TextLook,
    align: Align,
}

impl PreparedCell {
    fn look_of(&self, line: usize) -> TextLook {
        if line >= self.detail_from {
            self.detail_look
        } else {
            self.look
        }
    }
}

struct Row {
    cells: Vec<PreparedCell>,
    /// Line count of the tallest cell.
    lines: usize,
}

/// A table with every cell already wrapped to its column.
struct Prepared {
    kind: Kind,
    x: Vec<f32>,
    widths: Vec<f32>,
    header: Option<Row>,
    rows: Vec<Row>,
    leading: f32,
}

impl Prepared {
    fn row_height(&self, lines: usize) -> f32 {
        lines as f32 * self.leading + 2.0 * PAD_Y
    }

    fn header_height(&self) -> f32 {
        self.header.as_ref().map_or(0.0, |h| {
            h.lines as f32 * header_look().leading() + 2.0 * PAD_Y
        })
    }

    /// What must fit before the table starts: the header plus the first row,
    /// or only its first lines if that row will be split anyway. Headings use
    /// the same figure, so neither a heading nor a header is ever stranded.
    fn lead(&self, body_height: f32) -> f32 {
        // A short table is kept whole: two rows stranded at a page foot with the rest
        // "(continued)" overleaf reads as an accident, not a layout.
        let whole = self.header_height() + self.rows.iter().map(|r| self.row_height(r.lines)).sum::<f32>();
        if whole <= body_height * KEEP_WHOLE {
            return whole;
        }
        let first = self.rows.first().map_or(0.0, |r| {
            let whole = self.row_height(r.lines);
            if whole <= self.fresh_capacity(body_height) {
                whole
            } else {
                self.row_height(r.lines.min(MIN_SPLIT_LINES))
            }
        });
        self.header_height() + first
    }

    /// Room for rows on a continuation page.
    fn fresh_capacity(&self, body_height: f32) -> f32 {
        body_height - self.header_height() - caption_height()
    }
}

/// Key/value labels align with the body text; grid cells sit inside fills.
fn pad_left(kind: Kind, col: usize) -> f32 {
    if kind == Kind::KeyValue && col == 0 {
        0.0
    } else {
        PAD_X
    }
}

fn header_look() -> TextLook {
    TextLook::new(Weight::Bold, size::TABLE_HEAD, style::INK)
}

fn cell_look(kind: Kind, emphasis: Emphasis) -> TextLook {
    let size = match (kind, emphasis) {
        (_, Emphasis::Small) => size::SMALL - 0.5,
        (Kind::KeyValue, _) => size::BODY,
        (Kind::Grid, _) => size::TABLE,
    };
    let (weight, color) = match emphasis {
        Emphasis::Normal => (Weight::Regular, style::INK),
        Emphasis::Bold => (Weight::Bold, style::INK),
        Emphasis::Muted | Emphasis::Small => (Weight::Regular, style::MUTED),
        Emphasis::Alert => (Weight::Bold, style::ALERT),
    };
    TextLook::new(weight, size, color)
}

fn prepare(
    flow: &Flow,
    columns: &[Column],
    rows: &[Vec<Cell>],
    kind: Kind,
) -> Result<Prepared, LayoutError> {
    if columns.is_empty() {
        return Err(LayoutError::Invalid("table without columns".into()));
    }
    if let Some(bad) = columns
        .iter()
        .find(|c| !(c.width.is_finite() && c.width > 0.0))
    {
        return Err(LayoutError::Invalid(format!(
            "column {:?} has width {}",
            bad.title, bad.width
        )));
    }
    if let Some((i, row)) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.len() > columns.len())
    {
        return Err(LayoutError::Invalid(format!(
            "table row {i} has {} cells but only {} columns",
            row.len(),
            columns.len()
        )));
    }
    let total: f32 = columns.iter().map(|c| c.width).sum();
    let text_w = flow.geo.text_width();
    let widths: Vec<f32> = columns.iter().map(|c| c.width / total * text_w).collect();
    let mut x = Vec::with_capacity(widths.len());
    let mut acc = flow.geo.left();
    for w in &widths {
        x.push(acc);
        acc += w;
    }
    let build = |cells: Vec<(&str, TextLook, Option<&str>)>| -> Row {
        let cells: Vec<PreparedCell> = cells
            .into_iter()
            .zip(columns.iter().zip(&widths))
            .enumerate()
            .map(|(i, ((text, look, detail), (col, w)))| {
                let face = flow.fonts.face(look.weight);
                let inner = (w - pad_left(kind, i) - PAD_X).max(1.0);
                let mut lines = if text.is_empty() {
                    Vec::new()
                } else {
                    wrap(face, look.size, &face.sanitize(text), inner)
                };
                let detail_from = lines.len();
                // Same size and leading as the main text, so rows keep one line pitch.
                let detail_look = TextLook::new(Weight::Regular, look.size, style::MUTED);
                if let Some(d) = detail.filter(|d| !d.is_empty()) {
                    let face = flow.fonts.face(detail_look.weight);
                    lines.extend(wrap(face, detail_look.size, &face.sanitize(d), inner));
                }
                PreparedCell {
                    lines,
                    look,
                    detail_from,
                    detail_look,
                    align: col.align,
                }
            })
            .collect();
        let lines = cells
            .iter()
            .map(|c| c.lines.len())
            .max()
            .unwrap_or(0)
            .max(1);
        Row { cells, lines }
    };
    let titled = columns.iter().any(|c| !c.title.trim().is_empty());
    let header = (kind == Kind::Grid && titled).then(|| {
        build(
            columns
                .iter()
                .map(|c| (c.title.as_str(), header_look(), None))
                .collect(),
        )
    });
    let blank = Cell::default();
    let rows = rows
        .iter()
        .map(|row| {
            build(
                (0..columns.len())
                    .map(|i| {
                        let cell = row.get(i).unwrap_or(&blank);
                        (
                            cell.text.as_str(),
                            cell_look(kind, cell.emphasis),
                            cell.detail.as_deref(),
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    let leading = cell_look(kind, Emphasis::Normal).leading();
    Ok(Prepared {
        kind,
        x,
        widths,
        header,
        rows,
        leading,
    })
}

fn key_value_rows(pairs: &[(String, String)]) -> (Vec<Column>, Vec<Vec<Cell>>) {
    let columns = vec![Column::left("", 0.3), Column::left("", 0.7)];
    let rows = pairs
        .iter()
        .map(|(k, v)| vec![Cell::muted(k.as_str()), Cell::new(v.as_str())])
        .collect();
    (columns, rows)
}

pub(crate) fn lead_height(flow: &Flow, table: &Table) -> Result<f32, LayoutError> {
    Ok(prepare(flow, &table.columns, &table.rows, Kind::Grid)?.lead(flow.geo.body_height()))
}

pub(crate) fn key_values_lead(flow: &Flow, pairs: &[(String, String)]) -> Result<f32, LayoutError> {
    let (columns, rows) = key_value_rows(pairs);
    Ok(prepare(flow, &columns, &rows, Kind::KeyValue)?.lead(flow.geo.body_height()))
}

pub(crate) fn table(flow: &mut Flow, table: &Table) -> Result<(), LayoutError> {
    let prepared = prepare(flow, &table.columns, &table.rows, Kind::Grid)?;
    place(flow, &prepared);
    Ok(())
}

pub(crate) fn key_values(flow: &mut Flow, pairs: &[(String, String)]) -> Result<(), LayoutError> {
    let (columns, rows) = key_value_rows(pairs);
    let prepared = prepare(flow, &columns, &rows, Kind::KeyValue)?;
    place(flow, &prepared);
    Ok(())
}
