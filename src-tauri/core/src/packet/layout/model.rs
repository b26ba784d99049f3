//! The input model: a plain description of the dossier, free of geometry.
//!
//! Callers describe *what* goes into the packet; every decision about *where*
//! it goes (pages, lines, column widths) is made by the layout engine. Keeping
//! this model dumb makes it easy to build from case data and to snapshot in
//! tests.

/// Paper size. Both are portrait; the margins are the same in millimetres.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Page size in PDF points (1/72 in).
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// A whole packet.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub paper: Paper,
    /// Shown in the running header and stored as the PDF title.
    pub title: String,
    /// Short marking shown in the running header, e.g. "Confidential — HR only".
    pub confidentiality: String,
    /// When true, every level-1 heading starts on a fresh page.
    pub section_per_page: bool,
    /// PDF metadata author (may be empty).
    pub author: String,
    /// PDF creation date as Unix seconds. The engine never reads the clock,
    /// so the same input always yields the same packet.
    pub created_unix: Option<i64>,
    pub blocks: Vec<Block>,
}

impl Document {
    /// A4 document with one page per level-1 section.
    pub fn new(title: impl Into<String>, confidentiality: impl Into<String>) -> Self {
        Document {
            paper: Paper::A4,
            title: title.into(),
            confidentiality: confidentiality.into(),
            section_per_page: true,
            author: String::new(),
            created_unix: None,
            blocks: Vec::new(),
        }
    }

    /// Builder-style append, so sample and test documents read top to bottom.
    pub fn push(&mut self, block: Block) -> &mut Self {
        self.blocks.push(block);
        self
    }
}

/// One unit of content, laid out in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A full cover page. It carries no running header or footer but counts as
    /// page 1, so printed page numbers equal the viewer's page numbers.
    Cover(Cover),
    /// Table of contents listing level-1 headings (and level 2 when asked).
    Contents {
        include_level2: bool,
    },
    /// `level` is 1, 2 or 3 (a compact label that the contents leave out); anything else
    /// is rejected.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
        style: TextStyle,
    },
    /// Executive-summary "stat tiles".
    Figures(Vec<Figure>),
    /// Two-column label/value list.
    KeyValues(Vec<(String, String)>),
    Table(Table),
    BarChart(BarChart),
    PageBreak,
    /// Vertical space in millimetres (negative or non-finite values count as 0).
    Spacer(f32),
}

impl Block {
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Block::Heading {
            level,
            text: text.into(),
        }
    }

    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::Paragraph {
            text: text.into(),
            style: TextStyle::Body,
        }
    }

    pub fn styled(text: impl Into<String>, style: TextStyle) -> Self {
        Block::Paragraph {
            text: text.into(),
            style,
        }
    }
}

/// Paragraph styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextStyle {
    #[default]
    Body,
    /// Smaller text, e.g. footnotes and method notes.
    Small,
    /// Body-sized grey text for secondary remarks.
    Muted,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cover {
    pub title: String,
    pub subtitle: String,
    /// Label/value lines such as "Prepared for", "Prepared by", "Date", "Scope".
    pub lines: Vec<(String, String)>,
    /// Longer confidentiality notice printed at the foot of the cover.
    pub confidentiality: String,
    /// A short word stamped large above the title, e.g. "DEMO" for a file of
    /// fictitious data; empty for none.
    pub stamp: String,
}

/// A stat tile: small label, big value, optional note.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub label: String,
    pub value: String,
    pub note: Option<String>,
    /// Draws the tile in the alert colour (e.g. broken promises, overdue items).
    pub alert: bool,
}

impl Figure {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Figure {
            label: label.into(),
            value: value.into(),
            note: None,
            alert: false,
        }
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    pub fn alert(mut self) -> Self {
        self.alert = true;
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Relative width; columns share the text width in proportion.
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub fn left(title: impl Into<String>, width: f32) -> Self {
        Column {
            title: title.into(),
            width,
            align: Align::Left,
        }
    }

    pub fn right(title: impl Into<String>, width: f32) -> Self {
        Column {
            title: title.into(),
            width,
            align: Align::Right,
        }
    }
}

/// How a table cell (or key/value value) is emphasised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Emphasis {
    #[default]
    Normal,
    Bold,
    Muted,
    /// Smaller grey text for secondary detail such as digests and identifiers.
    Small,
    /// Red and bold: "Broken", "Overdue". Bold keeps it distinct in greyscale.
    Alert,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub text: String,
    pub emphasis: Emphasis,
    /// Secondary text under the main text, in the muted colour at the same
    /// size (a note's details under its summary, a reason under a status).
    pub detail: Option<String>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            emphasis: Emphasis::Normal,
            detail: None,
        }
    }

    /// Adds secondary text under the main text; blank details are left out.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        self.detail = (!detail.trim().is_empty()).then_some(detail);
        self
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            emphasis: Emphasis::Bold,
            detail: None,
        }
    }

    pub fn muted(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            emphasis: Emphasis::Muted,
            detail: None,
        }
    }

    pub fn alert(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            emphasis: Emphasis::Alert,
            detail: None,
        }
    }

    pub fn small(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            emphasis: Emphasis::Small,
            detail: None,
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::new(text)
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::new(text)
    }
}

/// A table whose header row repeats on every page it continues on. Rows may
/// have fewer cells than columns (the rest are blank) but not more. When every
/// column title is blank, no header row is drawn.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    /// One value per category. Negative and non-finite values are drawn as 0.
    pub values: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// Stacked bars (one per category) instead of grouped bars side by side.
    pub stacked: bool,
    /// Unit of the y axis, printed above it, e.g. "Complaints".
    pub y_label: String,
    /// Colours per series, when they carry meaning (red for "broken"); series without
    /// one take the house palette.
    pub palette: Vec<super::style::Rgb>,
}

impl BarChart {
    /// The colour of series `s`.
    pub fn color(&self, s: usize) -> super::style::Rgb {
        self.palette.get(s).copied().unwrap_or(super::style::SERIES[s % super::style::SERIES.len()])
    }
}
