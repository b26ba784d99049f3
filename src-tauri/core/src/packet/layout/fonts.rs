//! Embedded fonts and glyph-width measurement.
//!
//! printpdf (without its `html` feature) does no text layout, so every line
//! break and every right-aligned number depends on measuring text here with
//! the exact advance widths the PDF viewer will use. Widths are summed in
//! integer font units so that "fits" decisions are exact and repeatable.
//!
//! The faces are DejaVu Sans regular and bold, read from the system's font
//! folder (Debian's fonts-dejavu-core, which the .deb depends on and every
//! desktop with fontconfig already has). Embedding them cost 1.4 MB of a
//! release binary that must stay under 10 MB. They cover Latin, Latin
//! Extended, Greek, Cyrillic, Armenian, Georgian, Hebrew and more.
//!
//! Characters the font cannot draw (CJK, emoji, ...) are replaced by U+FFFD
//! "�" before measuring, so the PDF never references a missing glyph and the
//! reader sees that something was not representable rather than silently
//! losing it. Invisible formatting characters (zero-width joiners, variation
//! selectors, soft hyphens, bidi controls) are dropped instead, so an emoji
//! sequence yields one marker per visible symbol, not a string of them.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use super::LayoutError;

/// The two weights the dossier uses. Italic is deliberately absent: keeping to
/// two faces keeps the binary small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// Where distributions put DejaVu: Debian and Ubuntu first, then Fedora, Arch and others.
const FONT_DIRS: &[&str] = &[
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/dejavu",
    "/usr/local/share/fonts",
];

/// Sentinel in the advance table for "no glyph for this code point".
const MISSING: u16 = u16::MAX;

/// One parsed face plus a per-character advance cache for the whole BMP.
pub struct Face {
    /// The whole face; `subset` cuts it down to the glyphs a document uses.
    pub(super) parsed: ParsedFont,
    /// Its PostScript name, which the PDF's font dictionary carries.
    pub(super) name: &'static str,
    advances: Vec<u16>,
    units_per_em: f32,
    ascent: f32,
    descent: f32,
    fallback: char,
}

impl Face {
    fn load(file: &str, name: &'static str) -> Result<Face, LayoutError> {
        let path = FONT_DIRS.iter().map(|dir| std::path::Path::new(dir).join(file)).find(|p| p.is_file());
        let Some(path) = path else {
            return Err(LayoutError::Font(format!(
                "the font {name} is not installed (looked for {file} in {}). Install the package \
                 fonts-dejavu-core (sudo apt install fonts-dejavu-core) and try again",
                FONT_DIRS.join(", ")
            )));
        };
        let bytes = std::fs::read(&path).map_err(|e| LayoutError::Font(format!("cannot read {}: {e}", path.display())))?;
        Face::parse(&bytes, name)
    }

    fn parse(bytes: &[u8], name: &'static str) -> Result<Face, LayoutError> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| LayoutError::Font(format!("cannot parse {name}")))?;
        let units_per_em = f32::from(parsed.units_per_em.max(1));
        // Filling the table up front costs a few milliseconds once per process
        // and makes every later lookup a plain index, which matters when a
        // 100-page packet measures a few hundred thousand characters.
        let mut advances = vec![MISSING; 0x1_0000];
        for (cp, slot) in advances.iter_mut().enumerate() {
            if let Some(gid) = parsed.lookup_glyph_index(cp as u32).filter(|g| *g != 0) {
                *slot = parsed.get_glyph_width(gid).unwrap_or(0).min(MISSING - 1);
            }
        }
        let fallback = if advances[0xFFFD] != MISSING {
            '\u{FFFD}'
        } else {
            '?'
        };
        Ok(Face {
            ascent: f32::from(parsed.font_metrics.ascent) / units_per_em,
            descent: -f32::from(parsed.font_metrics.descent) / units_per_em,
            parsed,
            name,
            advances,
            units_per_em,
            fallback,
        })
    }

    /// Advance of `c` in font units, `None` when the face has no glyph.
    fn advance(&self, c: char) -> Option<u16> {
        let cp = c as u32;
        if cp < 0x1_0000 {
            let a = self.advances[cp as usize];
            return (a != MISSING).then_some(a);
        }
        // Outside the BMP DejaVu has only a handful of glyphs; not worth a cache.
        self.parsed
            .lookup_glyph_index(cp)
            .filter(|g| *g != 0)
            .map(|g| self.parsed.get_glyph_width(g).unwrap_or(0))
    }

    /// Width of already-sanitized text in font units.
    pub fn units(&self, text: &str) -> u32 {
        text.chars()
            .map(|c| u32::from(self.advance(c).unwrap_or(0)))
            .sum()
    }

    /// Width of already-sanitized text in points at `size`.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.to_pt(self.units(text), size)
    }

    pub fn to_pt(&self, units: u32, size: f32) -> f32 {
        units as f32 * size / self.units_per_em
    }

    /// The largest width in font units that still fits `width_pt` at `size`.
    pub fn budget(&self, width_pt: f32, size: f32) -> u32 {
        if size <= 0.0 || !width_pt.is_finite() || width_pt <= 0.0 {
            return 0;
        }
        (width_pt * self.units_per_em / size).floor() as u32
    }

    /// Distance from the baseline to the top of the glyph box at `size`.
    pub fn ascent(&self, size: f32) -> f32 {
        self.ascent * size
    }

    /// Distance from the baseline to the bottom of the glyph box at `size`.
    pub fn descent(&self, size: f32) -> f32 {
        self.descent * size
    }

    /// Makes arbitrary user text drawable with this face (see module docs).
    /// Newlines are kept for the line breaker; CR/LF pairs become one newline.
    pub fn sanitize(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\n' => out.push('\n'),
                '\r' => {
                    if chars.peek() != Some(&'\n') {
                        out.push('\n');
                    }
                }
                '\t' => out.push(' '),
                c if c.is_control() || is_invisible_format(c) => {}
                c if self.advance(c).is_some() => out.push(c),
                _ => out.push(self.fallback),
            }
        }
        out
    }

    /// Sanitize and fold line breaks into spaces, for one-line contexts such
    /// as running headers, labels and chart legends.
    pub fn single_line(&self, text: &str) -> String {
        self.sanitize(text).replace('\n', " ")
    }

    /// Shortens single-line text with an ellipsis so it fits `max_width`.
    pub fn truncate(&self, text: &str, size: f32, max_width: f32) -> String {
        let budget = self.budget(max_width, size);
        if self.units(text) <= budget {
            return text.to_string();
        }
        let ellipsis = self.units("…");
        let mut used = 0;
        let mut out = String::new();
        for c in text.chars() {
            let a = u32::from(self.advance(c).unwrap_or(0));
            if used + a + ellipsis > budget {
                break;
            }
            used += a;
            out.push(c);
        }
        let trimmed = out.trim_end().to_string();
        if ellipsis <= budget {
            trimmed + "…"
        } else {
            trimmed
        }
    }
}

/// Characters that have no visible form of their own.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{E0000}'..='\u{E01EF}' | '\u{1F3FB}'..='\u{1F3FF}')
}

/// Regular and bold DejaVu Sans, parsed once per process.
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    /// The shared font set. Parsing both faces and filling the width tables
    /// takes tens of milliseconds, so it happens on first use only.
    pub fn get() -> Result<&'static Fonts, LayoutError> {
        static FONTS: OnceLock<Result<Fonts, LayoutError>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                Ok(Fonts {
                    regular: Face::load("DejaVuSans.ttf", "DejaVuSans")?,
                    bold: Face::load("DejaVuSans-Bold.ttf", "DejaVuSans-Bold")?,
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}
