//! Drawing the laid-out model with printpdf.
//!
//! This is deliberately mechanical: every layout decision was made earlier,
//! so the renderer only flips the y axis (the model measures from the top,
//! PDF from the bottom) and translates items into operations. Each font is
//! embedded once, cut down to the characters the document draws, which is
//! what keeps a packet small.

use std::collections::BTreeSet;

use printpdf::{
    Color, FontId, Line as PdfLine, LineCapStyle, LineDashPattern, LinePoint, Mm, OffsetDateTime,
    Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
    TextMatrix,
};

use super::fonts::{Fonts, Weight};
use super::output::{LaidOut, Placed, TextRun};
use super::style::{Rgb, MM};
use super::LayoutError;

fn color(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: f32::from(c.0) / 255.0,
        g: f32::from(c.1) / 255.0,
        b: f32::from(c.2) / 255.0,
        icc_profile: None,
    })
}

pub(crate) fn to_pdf(
    laid: &LaidOut,
    title: &str,
    author: &str,
    created_unix: Option<i64>,
    fonts: &Fonts,
) -> Result<Vec<u8>, LayoutError> {
    let mut doc = PdfDocument::new(title);
    doc.metadata.info.author = author.to_string();
    if let Some(date) = created_unix.and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok()) {
        doc.metadata.info.creation_date = date;
        doc.metadata.info.modification_date = date;
        doc.metadata.info.metadata_date = date;
    }
    let (used_regular, used_bold) = used_chars(laid);
    let regular = doc.add_font(&fonts.regular.subset(&used_regular)?);
    let bold = doc.add_font(&fonts.bold.subset(&used_bold)?);
    let height = laid.geometry.height;
    let mut pages = Vec::with_capacity(laid.pages.len());
    for page in &laid.pages {
        let mut ops = Vec::with_capacity(page.items.len() * 4);
        let mut in_text = false;
        let mut text_state: Option<(Weight, f32, Rgb)> = None;
        for item in &page.items {
            if let Placed::Text(run) = item {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                    text_state = None;
                }
                text_ops(&mut ops, run, height, &regular, &bold, &mut text_state);
                continue;
            }
            if in_text {
                ops.push(Op::EndTextSection);
                in_text = false;
            }
            shape_ops(&mut ops, item, height);
        }
        if in_text {
            ops.push(Op::EndTextSection);
        }
        pages.push(PdfPage::new(
            Mm(laid.geometry.width / MM),
            Mm(laid.geometry.height / MM),
            ops,
        ));
    }
    // Level-1 headings become the PDF outline, so a reader can jump between
    // sections from the viewer's sidebar.
    for heading in laid.headings.iter().filter(|h| h.level == 1) {
        doc.add_bookmark(&heading.text, heading.page);
    }
    // The faces are already subset (see subset.rs): printpdf embeds them as they are.
    let opts = PdfSaveOptions {
        subset_fonts: false,
        ..Default::default()
    };
    let mut warnings = Vec::new();
    let bytes = doc.with_pages(pages).save(&opts, &mut warnings);
    if bytes.is_empty() {
        return Err(LayoutError::Font(format!(
            "printpdf produced no output: {warnings:?}"
        )));
    }
    Ok(bytes)
}

/// Every character drawn in each weight, so each face is cut down to exactly those.
fn used_chars(laid: &LaidOut) -> (BTreeSet<char>, BTreeSet<char>) {
    let (mut regular, mut bold) = (BTreeSet::new(), BTreeSet::new());
    for page in &laid.pages {
        for item in &page.items {
            if let Placed::Text(run) = item {
                let set = if run.weight == Weight::Bold { &mut bold } else { &mut regular };
                set.extend(run.text.chars());
            }
        }
    }
    (regular, bold)
}

fn text_ops(
    ops: &mut Vec<Op>,
    run: &TextRun,
    page_height: f32,
    regular: &FontId,
    bold: &FontId,
    state: &mut Option<(Weight, f32, Rgb)>,
) {
    if run.text.is_empty() {
        return;
    }
    let (font_changed, color_changed) = match state {
        Some((w, s, c)) => (*w != run.weight || *s != run.size, *c != run.color),
        None => (true, true),
    };
    if font_changed {
        let id = if run.weight == Weight::Bold {
            bold
        } else {
            regular
        };
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(id.clone()),
            size: Pt(run.size),
        });
    }
    if color_changed {
        ops.push(Op::SetFillColor {
            col: color(run.color),
        });
    }
    *state = Some((run.weight, run.size, run.color));
    // Tm sets an absolute position, so runs need no knowledge of each other.
    ops.push(Op::SetTextMatrix {
        matrix: TextMatrix::Translate(Pt(run.x), Pt(page_height - run.baseline)),
    });
    ops.push(Op::ShowText {
        items: vec![TextItem::Text(run.text.clone())],
    });
}

fn shape_ops(ops: &mut Vec<Op>, item: &Placed, page_height: f32) {
    match item {
        Placed::Rect { x, y, w, h, fill } => {
            ops.push(Op::SetFillColor { col: color(*fill) });
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(*x),
                    y: Pt(page_height - y - h),
                    width: Pt(*w),
                    height: Pt(*h),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            });
        }
        Placed::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            color: c,
            dotted,
        } => {
            ops.push(Op::SaveGraphicsState);
            ops.push(Op::SetOutlineColor { col: color(*c) });
            ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
            if *dotted {
                // Zero-length dashes with round caps print as evenly spaced dots.
                ops.push(Op::SetLineCapStyle {
                    cap: LineCapStyle::Round,
                });
                ops.push(Op::SetLineDashPattern {
                    dash: LineDashPattern::new(0.0, &[0.0, 3.0]),
                });
            }
            let point = |x: f32, y: f32| LinePoint {
                p: Point {
                    x: Pt(x),
                    y: Pt(page_height - y),
                },
                bezier: false,
            };
            ops.push(Op::DrawLine {
                line: PdfLine {
                    points: vec![point(*x1, *y1), point(*x2, *y2)],
                    is_closed: false,
                },
            });
            ops.push(Op::RestoreGraphicsState);
        }
        Placed::Text(_) => {}
    }
}
