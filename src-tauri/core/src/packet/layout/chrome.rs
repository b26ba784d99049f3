//! Running header and footer.
//!
//! Added after pagination because "Page X of Y" needs the final page count;
//! the bands sit outside the body frame, so adding them never moves content.
//! The cover carries neither but still counts as page 1, keeping printed
//! numbers equal to the PDF viewer's.

use super::fonts::{Fonts, Weight};
use super::model::Document;
use super::output::{LaidPage, Placed, Role};
use super::paginate::{text_run, TextLook};
use super::style::{self, size, Geometry};
use super::wrap::Line;

pub(crate) fn decorate(pages: &mut [LaidPage], doc: &Document, fonts: &Fonts, geo: &Geometry) {
    let total = pages.len();
    let look = TextLook::new(Weight::Regular, size::CHROME, style::MUTED);
    let face = &fonts.regular;
    let leading = look.leading();
    let width = geo.text_width();

    // Title left, marking right; if both are long the title gives way first.
    let mark = face.single_line(&doc.confidentiality);
    let mark = face.truncate(&mark, look.size, width * 0.45);
    let mark_w = face.width(&mark, look.size);
    let title_room = (width - mark_w - 18.0).max(0.0);
    let title = face.truncate(&face.single_line(&doc.title), look.size, title_room);
    let title_line = Line {
        width: face.width(&title, look.size),
        text: title,
    };
    let mark_line = Line {
        width: mark_w,
        text: mark,
    };
    let header_top = geo.margin_top;
    let header_rule = header_top + leading + 3.0;
    let footer_top = geo.height - geo.margin_bottom - leading;
    let footer_rule = footer_top - 3.0;

    for page in pages.iter_mut().filter(|p| p.chrome) {
        let mut items = Vec::with_capacity(6);
        items.push(Placed::Text(text_run(
            face,
            geo.left(),
            header_top,
            leading,
            look,
            &title_line,
            Role::Header,
        )));
        let mark_x = geo.right() - mark_line.width;
        items.push(Placed::Text(text_run(
            face,
            mark_x,
            header_top,
            leading,
            look,
            &mark_line,
            Role::Header,
        )));
        items.push(rule(geo, header_rule));
        items.push(rule(geo, footer_rule));
        let text = format!("Page {} of {}", page.number, total);
        let number = Line {
            width: face.width(&text, look.size),
            text,
        };
        let x = geo.right() - number.width;
        items.push(Placed::Text(text_run(
            face,
            x,
            footer_top,
            leading,
            look,
            &number,
            Role::Footer,
        )));
        page.items.extend(items);
    }
}

fn rule(geo: &Geometry, y: f32) -> Placed {
    Placed::Line {
        x1: geo.left(),
        y1: y,
        x2: geo.right(),
        y2: y,
        width: 0.5,
        color: style::RULE,
        dotted: false,
    }
}
