//! Executive-summary stat tiles: a small label above a big number.
//!
//! A reader skimming the packet should get the headline facts ("Promises
//! broken 7", "Lost revenue €48,200.00") before any table. Tiles are laid out
//! in a grid; each grid row is unbreakable and all tiles in a row share one
//! height so the grid reads as a unit.

use super::fonts::Weight;
use super::model::Figure;
use super::output::{Placed, Role};
use super::paginate::{Flow, TextLook};
use super::style::{self, size};
use super::wrap::{wrap, Line};

const GAP: f32 = 8.0;
const PAD: f32 = 9.0;
/// Space reserved at the tile's left edge for its coloured bar.
const BAR: f32 = 3.0;
/// Values shrink to this size before they are allowed to wrap.
const MIN_VALUE_SIZE: f32 = 11.0;

struct Tile {
    label: Vec<Line>,
    value: Vec<Line>,
    value_look: TextLook,
    note: Vec<Line>,
    alert: bool,
}

fn label_look() -> TextLook {
    TextLook::new(Weight::Bold, size::FIGURE_LABEL, style::MUTED)
}

fn note_look() -> TextLook {
    TextLook::new(Weight::Regular, 7.5, style::MUTED)
}

fn columns(count: usize) -> usize {
    match count {
        0 | 1 => 1,
        2 | 4 => 2,
        _ => 3,
    }
}

fn tile_width(flow: &Flow, count: usize) -> f32 {
    let cols = columns(count) as f32;
    (flow.geo.text_width() - (cols - 1.0) * GAP) / cols
}

fn prepare(flow: &Flow, figure: &Figure, width: f32) -> Tile {
    let fonts = flow.fonts;
    let inner = width - 2.0 * PAD - BAR;
    let label = wrap(
        &fonts.bold,
        label_look().size,
        &fonts.bold.sanitize(&figure.label.to_uppercase()),
        inner,
    );
    let value_text = fonts.bold.single_line(&figure.value);
    // Shrink long values (amounts with many digits) before resorting to wrapping.
    let mut value_size = size::FIGURE_VALUE;
    while value_size > MIN_VALUE_SIZE && fonts.bold.width(&value_text, value_size) > inner {
        value_size -= 0.5;
    }
    let color = if figure.alert {
        style::ALERT
    } else {
        style::INK
    };
    let value_look = TextLook::new(Weight::Bold, value_size, color);
    let value = wrap(&fonts.bold, value_size, &value_text, inner);
    let note = match &figure.note {
        Some(n) => wrap(
            &fonts.regular,
            note_look().size,
            &fonts.regular.sanitize(n),
            inner,
        ),
        None => Vec::new(),
    };
    Tile {
        label,
        value,
        value_look,
        note,
        alert: figure.alert,
    }
}

fn value_leading(tile: &Tile) -> f32 {
    tile.value_look.size * 1.2
}

fn tile_height(tile: &Tile) -> f32 {
    let mut h = 2.0 * PAD + tile.label.len() as f32 * label_look().leading() + 3.0;
    h += tile.value.len() as f32 * value_leading(tile);
    if !tile.note.is_empty() {
        h += 2.0 + tile.note.len() as f32 * note_look().leading();
    }
    h
}

pub(crate) fn lead_height(flow: &Flow, figures: &[Figure]) -> f32 {
    let width = tile_width(flow, figures.len());
    figures
        .iter()
        .take(columns(figures.len()))
        .map(|f| tile_height(&prepare(flow, f, width)))
        .fold(0.0, f32::max)
}

pub(crate) fn flow(flow: &mut Flow, figures: &[Figure]) {
    if figures.is_empty() {
        return;
    }
    flow.begin_block(10.0);
    let width = tile_width(flow, figures.len());
    let tiles: Vec<Tile> = figures.iter().map(|f| prepare(flow, f, width)).collect();
    for (r, row) in tiles.chunks(columns(figures.len())).enumerate() {
        let height = row.iter().map(tile_height).fold(0.0, f32::max);
        if r > 0 {
            flow.y += GAP;
        }
        flow.need(height);
        let top = flow.y;
        for (i, tile) in row.iter().enumerate() {
            let x = flow.geo.left() + i as f32 * (width + GAP);
            draw_tile(flow, tile, x, top, width, height);
        }
        flow.y = top + height;
    }
    flow.end_block(14.0);
}

fn draw_tile(flow: &mut Flow, tile: &Tile, x: f32, top: f32, w: f32, h: f32) {
    let (fill, bar) = if tile.alert {
        (style::ALERT_FILL, style::ALERT)
    } else {
        (style::TILE_FILL, style::ACCENT)
    };
    flow.push(Placed::Rect {
        x,
        y: top,
        w,
        h,
        fill,
    });
    flow.push(Placed::Rect {
        x,
        y: top,
        w: BAR,
        h,
        fill: bar,
    });
    let tx = x + BAR + PAD;
    let mut y = top + PAD;
    let label = label_look();
    for line in &tile.label {
        flow.text(tx, y, label.leading(), label, line, Role::Figure);
        y += label.leading();
    }
    y += 3.0;
    let leading = value_leading(tile);
    for line in &tile.value {
        flow.text(tx, y, leading, tile.value_look, line, Role::Figure);
        y += leading;
    }
    if !tile.note.is_empty() {
        y += 2.0;
        let note = note_look();
        for line in &tile.note {
            flow.text(tx, y, note.leading(), note, line, Role::Figure);
            y += note.leading();
        }
    }
}
