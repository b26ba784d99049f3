//! Vector bar charts (stacked or grouped).
//!
//! Charts are drawn from rectangles, lines and text rather than embedded
//! images, so they stay sharp when printed or zoomed, cost a few hundred
//! bytes, and their labels remain searchable text. A chart is one
//! unbreakable block of fixed plot height.

mod axis;
mod labels;

use super::fonts::{Fonts, Weight};
use super::model::BarChart;
use super::output::{Placed, Role};
use super::paginate::{text_run, Flow, TextLook};
use super::style::{self, Rgb};
use super::wrap::{wrap, Line};
use super::LayoutError;
use axis::{decimals_for, format_number, nice_scale};
use labels::{category_labels, legend, value_label};

const PLOT_HEIGHT: f32 = 150.0;

/// Height of the chart if laid out at the current width.
pub(crate) fn height(flow: &Flow, chart: &BarChart) -> Result<f32, LayoutError> {
    Ok(build(flow.fonts, chart, 0.0, 0.0, flow.geo.text_width())?.1)
}

pub(crate) fn flow(flow: &mut Flow, chart: &BarChart) -> Result<(), LayoutError> {
    flow.begin_block(8.0);
    let h = height(flow, chart)?;
    flow.need(h);
    let (items, h) = build(
        flow.fonts,
        chart,
        flow.geo.left(),
        flow.y,
        flow.geo.text_width(),
    )?;
    for item in items {
        flow.push(item);
    }
    flow.y += h;
    flow.end_block(16.0);
    Ok(())
}

/// Collects items for one chart at (x0, y0); returns them and the height used.
struct Canvas<'a> {
    pub(super) fonts: &'a Fonts,
    items: Vec<Placed>,
}

impl Canvas<'_> {
    pub(super) fn text(&mut self, x: f32, top: f32, look: TextLook, text: &str) -> f32 {
        let face = self.fonts.face(look.weight);
        let line = Line {
            width: face.width(text, look.size),
            text: text.to_string(),
        };
        let width = line.width;
        self.items.push(Placed::Text(text_run(
            face,
            x,
            top,
            look.leading(),
            look,
            &line,
            Role::Chart,
        )));
        width
    }

    pub(super) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Rgb) {
        self.items.push(Placed::Rect { x, y, w, h, fill });
    }

    fn hline(&mut self, x1: f32, x2: f32, y: f32, width: f32, color: Rgb) {
        self.items.push(Placed::Line {
            x1,
            y1: y,
            x2,
            y2: y,
            width,
            color,
            dotted: false,
        });
    }
}

fn build(
    fonts: &Fonts,
    chart: &BarChart,
    x0: f32,
    y0: f32,
    width: f32,
) -> Result<(Vec<Placed>, f32), LayoutError> {
    for s in &chart.series {
        if s.values.len() != chart.categories.len() {
            return Err(LayoutError::Invalid(format!(
                "chart {:?}: series {:?} has {} values for {} categories",
                chart.title,
                s.name,
                s.values.len(),
                chart.categories.len()
            )));
        }
    }
    let mut c = Canvas {
        fonts,
        items: Vec::new(),
    };
    let mut y = y0;

    let title = TextLook::new(Weight::Bold, 10.0, style::INK);
    for line in wrap(
        &fonts.bold,
        title.size,
        &fonts.bold.single_line(&chart.title),
        width,
    ) {
        c.text(x0, y, title, &line.text);
        y += title.leading();
    }
    y += 3.0;
    y = legend(&mut c, chart, x0, y, width);

    let n = chart.categories.len();
    if n == 0 || chart.series.is_empty() {
        let muted = TextLook::new(Weight::Regular, 8.0, style::MUTED);
        c.text(x0, y, muted, "No data to chart.");
        return Ok((c.items, y + muted.leading() - y0));
    }

    let small = TextLook::new(Weight::Regular, 7.0, style::MUTED);
    if !chart.y_label.trim().is_empty() {
        let text = fonts.regular.truncate(
            &fonts.regular.single_line(&chart.y_label),
            small.size,
            width,
        );
        c.text(x0, y, small, &text);
        y += small.leading();
    }
    y += 6.0;

    let clean = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
    let totals: Vec<f64> = (0..n)
        .map(|i| {
            let vals = chart.series.iter().map(|s| clean(s.values[i]));
            if chart.stacked {
                vals.sum()
            } else {
                vals.fold(0.0, f64::max)
            }
        })
        .collect();
    let max = totals.iter().copied().fold(0.0, f64::max);
    let (step, mut top) = nice_scale(max);
    // Headroom so the value printed above the tallest bar stays inside the plot.
    if (top - max) / top * f64::from(PLOT_HEIGHT) < 10.0 {
        top += step;
    }
    let decimals = decimals_for(step);
    let ticks = (top / step).round() as usize;
    let labels: Vec<String> = (0..=ticks)
        .map(|k| format_number(k as f64 * step, decimals))
        .collect();
    let tick_w = labels
        .iter()
        .map(|l| fonts.regular.width(l, small.size))
        .fold(0.0, f32::max);

    let plot_left = x0 + tick_w + 6.0;
    let plot_right = x0 + width;
    let plot_bottom = y + PLOT_HEIGHT;
    let scale = |v: f64| (v / top) as f32 * PLOT_HEIGHT;

    for (k, label) in labels.iter().enumerate() {
        let gy = plot_bottom - scale(k as f64 * step);
        if k > 0 {
            c.hline(plot_left, plot_right, gy, 0.5, style::HAIRLINE);
        }
        let w = fonts.regular.width(label, small.size);
        c.text(
            plot_left - 6.0 - w,
            gy - small.leading() / 2.0,
            small,
            label,
        );
    }

    let slot = (plot_right - plot_left) / n as f32;
    let value_look = TextLook::new(Weight::Regular, 6.5, style::MUTED);
    let data_decimals = if chart
        .series
        .iter()
        .flat_map(|s| &s.values)
        .all(|v| clean(*v).fract() == 0.0)
    {
        0
    } else {
        1
    };
    for (i, &total) in totals.iter().enumerate() {
        let sx = plot_left + slot * i as f32;
        if chart.stacked {
            let bw = (slot * 0.62).min(46.0);
            let bx = sx + (slot - bw) / 2.0;
            let mut base = 0.0;
            for (s, series) in chart.series.iter().enumerate() {
                let v = clean(series.values[i]);
                if v > 0.0 {
                    let (y1, y2) = (plot_bottom - scale(base + v), plot_bottom - scale(base));
                    c.rect(bx, y1, bw, y2 - y1, chart.color(s));
                    if base > 0.0 {
                        // A white seam separates segments that print as similar greys.
                        c.hline(bx, bx + bw, y2, 0.6, style::WHITE);
                    }
                }
                base += v;
            }
            value_label(
                &mut c,
                value_look,
                total,
                data_decimals,
                sx + slot / 2.0,
                slot,
                plot_bottom - scale(total),
            );
        } else {
            let group = slot * 0.74;
            let bw = (group / chart.series.len() as f32).min(30.0);
            let gx = sx + (slot - bw * chart.series.len() as f32) / 2.0;
            for (s, series) in chart.series.iter().enumerate() {
                let v = clean(series.values[i]);
                let bx = gx + bw * s as f32;
                let h = scale(v);
                if h > 0.0 {
                    c.rect(
                        bx + 0.5,
                        plot_bottom - h,
                        bw - 1.0,
                        h,
                        chart.color(s),
                    );
                }
                value_label(
                    &mut c,
                    value_look,
                    v,
                    data_decimals,
                    bx + bw / 2.0,
                    bw + 2.0,
                    plot_bottom - h,
                );
            }
        }
    }
    c.hline(plot_left, plot_right, plot_bottom, 0.8, style::MUTED);

    let bottom = category_labels(
        &mut c,
        chart,
        (x0, plot_left),
        plot_bottom + 4.0,
        slot,
        small,
    );
    Ok((c.items, bottom + 2.0 - y0))
}
