//! The packet's content as one HTML page, for the side-by-side with headless Chromium.
//!
//! It is written from the very `layout::Document` the packet's PDF is drawn from, so both
//! print the same cover, headings, paragraphs, stat tiles, tables and charts in the same
//! font (DejaVu Sans, installed with the system). Print CSS does what the layout engine does:
//! A4 or Letter pages with the same margins, each section on a fresh page, table headers
//! repeated on every page a table continues on, rows never split. The contents list names
//! the sections without page numbers (HTML cannot know them before printing).

use casefile_core::packet::layout::{Align, BarChart, Block, Cell, Document, Emphasis, Paper, Table, TextStyle};
use std::fmt::Write as _;

const CSS: &str = r#"
@page { margin: 20mm 18mm 18mm 18mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9pt; color: #1d2330; line-height: 1.35; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h1.page { break-before: page; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; }
h3 { font-size: 9pt; margin: 3mm 0 1mm; text-transform: uppercase; letter-spacing: .04em; }
p { margin: 0 0 2mm; }
p.small { font-size: 7.5pt; }
p.muted, .muted { color: #6b7280; }
.small { font-size: 7.5pt; color: #6b7280; }
.bold { font-weight: bold; }
.alert { font-weight: bold; color: #b42318; }
.cover { break-after: page; padding-top: 50mm; }
.cover .stamp { font-size: 40pt; font-weight: bold; color: #b42318; letter-spacing: .2em; }
.cover h1 { font-size: 26pt; }
.cover .subtitle { font-size: 13pt; color: #6b7280; margin-bottom: 12mm; }
.cover .notice { margin-top: 60mm; font-size: 8pt; color: #6b7280; border-top: 0.5pt solid #c7ccd6; padding-top: 3mm; }
.contents { break-after: page; }
.contents li { margin: 1mm 0; }
.figures { display: flex; flex-wrap: wrap; gap: 3mm; margin: 2mm 0 4mm; break-inside: avoid; }
.figure { border: 0.5pt solid #c7ccd6; border-radius: 2mm; padding: 2mm 3mm; width: 36mm; }
.figure .value { font-size: 16pt; font-weight: bold; }
.figure.alert .value { color: #b42318; }
.figure .label, .figure .note { font-size: 7.5pt; color: #6b7280; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 4mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { text-align: left; font-size: 7.5pt; color: #6b7280; border-bottom: 0.75pt solid #1d2330; padding: 1mm 1.5mm; }
td { vertical-align: top; border-bottom: 0.25pt solid #c7ccd6; padding: 1mm 1.5mm; }
.right { text-align: right; }
td .detail { display: block; color: #6b7280; }
table.kv td:first-child { width: 35%; color: #6b7280; }
.chart { break-inside: avoid; margin: 2mm 0 5mm; }
.chart .title { font-weight: bold; margin-bottom: 1mm; }
.spacer { display: block; }
.break { break-after: page; }
"#;

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '"' => o.push_str("&quot;"),
            _ => o.push(c),
        }
    }
    o
}

fn class_of(e: Emphasis) -> &'static str {
    match e {
        Emphasis::Normal => "",
        Emphasis::Bold => "bold",
        Emphasis::Muted => "muted",
        Emphasis::Small => "small",
        Emphasis::Alert => "alert",
    }
}

fn cell(o: &mut String, c: &Cell, align: Align) {
    let right = if align == Align::Right { " right" } else { "" };
    let _ = write!(o, "<td class=\"{}{right}\">{}", class_of(c.emphasis), esc(&c.text));
    if let Some(d) = &c.detail {
        let _ = write!(o, "<span class=\"detail\">{}</span>", esc(d));
    }
    o.push_str("</td>");
}

fn table(o: &mut String, t: &Table) {
    let total: f32 = t.columns.iter().map(|c| c.width.max(0.0)).sum::<f32>().max(f32::EPSILON);
    o.push_str("<table><colgroup>");
    for c in &t.columns {
        let _ = write!(o, "<col style=\"width:{:.1}%\">", c.width.max(0.0) / total * 100.0);
    }
    o.push_str("</colgroup>");
    if t.columns.iter().any(|c| !c.title.trim().is_empty()) {
        o.push_str("<thead><tr>");
        for c in &t.columns {
            let right = if c.align == Align::Right { " class=\"right\"" } else { "" };
            let _ = write!(o, "<th{right}>{}</th>", esc(&c.title));
        }
        o.push_str("</tr></thead>");
    }
    o.push_str("<tbody>");
    for row in &t.rows {
        o.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            cell(o, c, t.columns.get(i).map(|c| c.align).unwrap_or_default());
        }
        for _ in row.len()..t.columns.len() {
            o.push_str("<td></td>");
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table>");
}

/// A bar chart as inline SVG, grouped or stacked as the packet draws it.
fn chart(o: &mut String, c: &BarChart) {
    let (w, h, left, bottom) = (600.0_f64, 220.0_f64, 40.0_f64, 30.0_f64);
    let n = c.categories.len().max(1) as f64;
    let per = |i: usize| c.series.iter().map(move |s| s.values.get(i).copied().filter(|v| v.is_finite() && *v > 0.0).unwrap_or(0.0));
    let top = (0..c.categories.len())
        .map(|i| if c.stacked { per(i).sum::<f64>() } else { per(i).fold(0.0, f64::max) })
        .fold(0.0, f64::max)
        .max(1.0);
    let band = (w - left) / n;
    let scale = (h - bottom - 10.0) / top;
    let _ = write!(o, "<div class=\"chart\"><div class=\"title\">{}</div><div class=\"small\">{}</div><svg viewBox=\"0 0 {w} {h}\" width=\"100%\">", esc(&c.title), esc(&c.y_label));
    let _ = write!(o, "<line x1=\"{left}\" y1=\"{0}\" x2=\"{w}\" y2=\"{0}\" stroke=\"#1d2330\" stroke-width=\"0.5\"/>", h - bottom);
    for (i, name) in c.categories.iter().enumerate() {
        let x0 = left + band * i as f64;
        let mut y = h - bottom;
        let k = c.series.len().max(1) as f64;
        for (s, v) in per(i).enumerate() {
            let rgb = c.color(s);
            let fill = format!("rgb({},{},{})", rgb.0, rgb.1, rgb.2);
            let bh = v * scale;
            let (x, bw) = if c.stacked { (x0 + band * 0.2, band * 0.6) } else { (x0 + band * 0.1 + band * 0.8 / k * s as f64, band * 0.8 / k) };
            let by = if c.stacked { y - bh } else { h - bottom - bh };
            let _ = write!(o, "<rect x=\"{x:.1}\" y=\"{by:.1}\" width=\"{bw:.1}\" height=\"{bh:.1}\" fill=\"{fill}\"/>");
            if c.stacked {
                y -= bh;
            }
        }
        let _ = write!(o, "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\">{}</text>", x0 + band / 2.0, h - bottom + 14.0, esc(name));
    }
    o.push_str("</svg><div class=\"small\">");
    let names: Vec<String> = c.series.iter().map(|s| esc(&s.name)).collect();
    o.push_str(&names.join(" · "));
    o.push_str("</div></div>");
}

/// The whole document as HTML, ready for `chromium --print-to-pdf`.
pub fn document(doc: &Document) -> String {
    let mut o = String::with_capacity(1 << 20);
    let size = match doc.paper {
        Paper::A4 => "A4",
        Paper::Letter => "letter",
    };
    let _ = write!(o, "<!doctype html><html><head><meta charset=\"utf-8\"><title>{}</title><style>@page {{ size: {size}; }}{CSS}</style></head><body>", esc(&doc.title));
    let sections: Vec<&str> = doc.blocks.iter().filter_map(|b| if let Block::Heading { level: 1, text } = b { Some(text.as_str()) } else { None }).collect();
    let mut first_h1 = true;
    for b in &doc.blocks {
        match b {
            Block::Cover(c) => {
                o.push_str("<section class=\"cover\">");
                if !c.stamp.is_empty() {
                    let _ = write!(o, "<div class=\"stamp\">{}</div>", esc(&c.stamp));
                }
                let _ = write!(o, "<h1>{}</h1><div class=\"subtitle\">{}</div><table class=\"kv\">", esc(&c.title), esc(&c.subtitle));
                for (k, v) in &c.lines {
                    let _ = write!(o, "<tr><td>{}</td><td>{}</td></tr>", esc(k), esc(v));
                }
                let _ = write!(o, "</table><div class=\"notice\">{}</div></section>", esc(&c.confidentiality));
            }
            Block::Contents { .. } => {
                o.push_str("<section class=\"contents\"><h1>Contents</h1><ol>");
                for s in &sections {
                    let _ = write!(o, "<li>{}</li>", esc(s));
                }
                o.push_str("</ol></section>");
            }
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 3);
                let class = if level == 1 && doc.section_per_page && !first_h1 { " class=\"page\"" } else { "" };
                if level == 1 {
                    first_h1 = false;
                }
                let _ = write!(o, "<h{level}{class}>{}</h{level}>", esc(text));
            }
            Block::Paragraph { text, style } => {
                let class = match style {
                    TextStyle::Body => "",
                    TextStyle::Small => "small",
                    TextStyle::Muted => "muted",
                };
                let _ = write!(o, "<p class=\"{class}\">{}</p>", esc(text));
            }
            Block::Figures(figures) => {
                o.push_str("<div class=\"figures\">");
                for f in figures {
                    let alert = if f.alert { " alert" } else { "" };
                    let _ = write!(o, "<div class=\"figure{alert}\"><div class=\"label\">{}</div><div class=\"value\">{}</div>", esc(&f.label), esc(&f.value));
                    if let Some(n) = &f.note {
                        let _ = write!(o, "<div class=\"note\">{}</div>", esc(n));
                    }
                    o.push_str("</div>");
                }
                o.push_str("</div>");
            }
            Block::KeyValues(kv) => {
                o.push_str("<table class=\"kv\"><tbody>");
                for (k, v) in kv {
                    let _ = write!(o, "<tr><td>{}</td><td>{}</td></tr>", esc(k), esc(v));
                }
                o.push_str("</tbody></table>");
            }
            Block::Table(t) => table(&mut o, t),
            Block::BarChart(c) => chart(&mut o, c),
            Block::PageBreak => o.push_str("<div class=\"break\"></div>"),
            Block::Spacer(mm) => {
                let mm = if mm.is_finite() { mm.max(0.0) } else { 0.0 };
                let _ = write!(o, "<div class=\"spacer\" style=\"height:{mm:.1}mm\"></div>");
            }
        }
    }
    o.push_str("</body></html>");
    o
}
