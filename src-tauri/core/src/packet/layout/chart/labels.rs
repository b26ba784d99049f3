//! Chart labelling: legend, category labels and value labels.
//!
//! Labels are where charts get crowded (twelve months, long names), so the
//! fitting rules — wrap, truncate, or thin out — live apart from the bars.

use super::super::fonts::Weight;
use super::super::model::BarChart;
use super::super::paginate::TextLook;
use super::super::style;
use super::super::wrap::{wrap, Line};
use super::axis::format_number;
use super::Canvas;

const SWATCH: f32 = 8.0;
/// Below this slot width, category labels are thinned out instead of wrapped.
const MIN_LABEL_SLOT: f32 = 24.0;

/// Prints a bar's value just above it, when it fits the bar's width.
pub(super) fn value_label(
    c: &mut Canvas,
    look: TextLook,
    v: f64,
    decimals: usize,
    center: f32,
    room: f32,
    bar_top: f32,
) {
    let text = format_number(v, decimals);
    let w = c.fonts.regular.width(&text, look.size);
    if w <= room {
        c.text(
            center - w / 2.0,
            bar_top - look.leading() - 0.5,
            look,
            &text,
        );
    }
}

/// Draws the legend from `y`, wrapping entries onto more rows as needed.
pub(super) fn legend(c: &mut Canvas, chart: &BarChart, x0: f32, mut y: f32, width: f32) -> f32 {
    let look = TextLook::new(Weight::Regular, 7.5, style::INK);
    let row_h = 12.0;
    let mut x = x0;
    let mut used = false;
    for (s, series) in chart.series.iter().enumerate() {
        let face = &c.fonts.regular;
        let name = face.truncate(
            &face.single_line(&series.name),
            look.size,
            width - SWATCH - 4.0,
        );
        let w = SWATCH + 4.0 + face.width(&name, look.size);
        if used && x + w > x0 + width {
            x = x0;
            y += row_h;
        }
        let color = chart.color(s);
        c.rect(x, y + (row_h - SWATCH) / 2.0 - 1.0, SWATCH, SWATCH, color);
        c.text(
            x + SWATCH + 4.0,
            y + (row_h - look.leading()) / 2.0 - 1.0,
            look,
            &name,
        );
        x += w + 12.0;
        used = true;
    }
    if used {
        y + row_h + 2.0
    } else {
        y
    }
}

/// Category labels under the axis: wrapped to two lines inside their slot, or,
/// when slots are too narrow (many categories), only every k-th label.
pub(super) fn category_labels(
    c: &mut Canvas,
    chart: &BarChart,
    (chart_left, left): (f32, f32),
    top: f32,
    slot: f32,
    look: TextLook,
) -> f32 {
    let face = &c.fonts.regular;
    let every = if slot >= MIN_LABEL_SLOT {
        1
    } else {
        (MIN_LABEL_SLOT / slot).ceil() as usize
    };
    let room = slot * every as f32 - 2.0;
    let mut bottom = top + look.leading();
    let mut last_right = f32::MIN;
    for (i, label) in chart.categories.iter().enumerate() {
        if i % every != 0 {
            continue;
        }
        let text = face.single_line(label);
        let mut lines = if every == 1 {
            wrap(face, look.size, &text, room)
        } else {
            Vec::new()
        };
        if every > 1 || lines.len() > 2 {
            let first = lines.first().map(|l| l.text.clone());
            let rest = match &first {
                Some(f) if every == 1 => text[f.len()..].trim_start().to_string(),
                _ => text.clone(),
            };
            let last = face.truncate(&rest, look.size, room);
            let last = Line {
                width: face.width(&last, look.size),
                text: last,
            };
            lines = match first {
                Some(f) if every == 1 => vec![
                    Line {
                        width: face.width(&f, look.size),
                        text: f,
                    },
                    last,
                ],
                _ => vec![last],
            };
        }
        // Centred under the bar, but kept inside the chart (the first label may
        // extend under the tick labels); a label that would then collide with
        // its neighbour is dropped rather than overprinted.
        let center = left + slot * i as f32 + slot / 2.0;
        let right = left + slot * chart.categories.len() as f32;
        let xs: Vec<f32> = lines
            .iter()
            .map(|l| {
                (center - l.width / 2.0)
                    .min(right - l.width)
                    .max(chart_left)
            })
            .collect();
        if xs.iter().any(|x| *x < last_right + 3.0) {
            continue;
        }
        let mut y = top;
        for (line, x) in lines.iter().zip(xs) {
            c.text(x, y, look, &line.text);
            last_right = last_right.max(x + line.width);
            y += look.leading();
        }
        bottom = bottom.max(y);
    }
    bottom
}
