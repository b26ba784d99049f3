//! The house style: colours, type sizes and page geometry in one place.
//!
//! Every module draws from these constants so the dossier keeps a single,
//! consistent hierarchy; tuning the look means editing this file only.

use super::model::Paper;

/// An sRGB colour, 0–255 per channel. Kept independent of printpdf so the
/// layout model can be inspected without the renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const INK: Rgb = Rgb(0x1f, 0x23, 0x28);
pub const MUTED: Rgb = Rgb(0x5f, 0x6b, 0x7a);
pub const FAINT: Rgb = Rgb(0x8a, 0x94, 0xa3);
pub const ACCENT: Rgb = Rgb(0x1a, 0x4f, 0xa0);
pub const ALERT: Rgb = Rgb(0xb4, 0x23, 0x18);
pub const RULE: Rgb = Rgb(0xd0, 0xd5, 0xdd);
pub const HAIRLINE: Rgb = Rgb(0xe4, 0xe7, 0xec);
pub const ZEBRA: Rgb = Rgb(0xf5, 0xf7, 0xfa);
pub const HEADER_FILL: Rgb = Rgb(0xe8, 0xee, 0xf7);
pub const TILE_FILL: Rgb = Rgb(0xf2, 0xf5, 0xfa);
pub const ALERT_FILL: Rgb = Rgb(0xfb, 0xf0, 0xef);
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

/// Chart series colours. Ordered so that neighbours differ strongly in
/// lightness as well as hue, which keeps a greyscale print readable.
pub const SERIES: [Rgb; 6] = [
    Rgb(0x1a, 0x4f, 0xa0), // dark blue   (grey ≈ 29 %)
    Rgb(0xf2, 0xb8, 0x4b), // amber       (≈ 74 %)
    Rgb(0x2e, 0x8b, 0x7a), // teal        (≈ 46 %)
    Rgb(0xd5, 0xdc, 0xe6), // pale grey   (≈ 86 %)
    Rgb(0x0f, 0x24, 0x3e), // navy-black  (≈ 14 %)
    Rgb(0xe0, 0x7b, 0x5f), // salmon      (≈ 56 %)
];

pub const MM: f32 = 72.0 / 25.4;

/// Font sizes (pt) and line heights of the type hierarchy.
pub mod size {
    pub const COVER_TITLE: f32 = 26.0;
    pub const COVER_SUBTITLE: f32 = 13.0;
    pub const H1: f32 = 16.0;
    pub const H2: f32 = 11.5;
    pub const H3: f32 = 9.5;
    pub const BODY: f32 = 9.5;
    pub const SMALL: f32 = 8.0;
    pub const TABLE: f32 = 8.5;
    pub const TABLE_HEAD: f32 = 8.0;
    pub const CHROME: f32 = 7.5;
    pub const FIGURE_VALUE: f32 = 17.0;
    pub const FIGURE_LABEL: f32 = 7.0;
    /// Line height as a multiple of the font size.
    pub const LEADING: f32 = 1.42;
}

/// Page geometry in points, measured from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    /// Outer limit for all text, header and footer included.
    pub margin_x: f32,
    pub margin_top: f32,
    pub margin_bottom: f32,
    /// The flowing-content frame, inside the header and footer bands.
    pub body_top: f32,
    pub body_bottom: f32,
}

impl Geometry {
    pub fn new(paper: Paper) -> Self {
        let (width, height) = paper.size_pt();
        let margin_x = 20.0 * MM;
        let margin_top = 14.0 * MM;
        let margin_bottom = 14.0 * MM;
        Geometry {
            width,
            height,
            margin_x,
            margin_top,
            margin_bottom,
            body_top: margin_top + 30.0,
            body_bottom: height - margin_bottom - 30.0,
        }
    }

    pub fn left(&self) -> f32 {
        self.margin_x
    }

    pub fn right(&self) -> f32 {
        self.width - self.margin_x
    }

    pub fn text_width(&self) -> f32 {
        self.right() - self.left()
    }

    /// Height available to flowing content on one page.
    pub fn body_height(&self) -> f32 {
        self.body_bottom - self.body_top
    }
}
