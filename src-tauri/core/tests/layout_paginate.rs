//! Pagination, tested on the layout model (no PDF involved).

mod common;

use casefile_core::packet::layout::{
    layout, Block, Cell, Column, Document, LaidOut, LayoutError, Placed, Role, Table,
};

const EPS: f32 = 0.05;

/// Every glyph box inside the page margins; body text inside the body frame.
fn assert_in_margins(laid: &LaidOut) {
    let g = &laid.geometry;
    for (page, run) in laid.texts() {
        let what = format!(
            "page {page} {:?} {:?}",
            run.role,
            run.text.chars().take(40).collect::<String>()
        );
        assert!(run.x >= g.margin_x - EPS, "{what}: x {}", run.x);
        assert!(
            run.right() <= g.width - g.margin_x + EPS,
            "{what}: right {}",
            run.right()
        );
        assert!(run.y >= g.margin_top - EPS, "{what}: top {}", run.y);
        assert!(
            run.bottom() <= g.height - g.margin_bottom + EPS,
            "{what}: bottom {}",
            run.bottom()
        );
        let chrome = laid.pages[page - 1].chrome;
        if chrome && !matches!(run.role, Role::Header | Role::Footer) {
            assert!(
                run.y >= g.body_top - EPS && run.bottom() <= g.body_bottom + EPS,
                "{what} outside body"
            );
        }
    }
}

fn doc(blocks: Vec<Block>) -> Document {
    let mut d = Document::new("Test", "Confidential");
    d.blocks = blocks;
    d
}

#[test]
fn a_20000_char_paragraph_spans_pages_inside_the_margins() {
    let laid = layout(&doc(vec![Block::paragraph(common::long_text(20_000))])).unwrap();
    assert!(laid.pages.len() >= 3, "only {} pages", laid.pages.len());
    assert_in_margins(&laid);
    let body_chars: usize = laid
        .texts()
        .filter(|(_, r)| r.role == Role::Body)
        .map(|(_, r)| r.text.chars().count())
        .sum();
    assert!(body_chars >= 19_000);
}

/// A table header never ends a page, and "(continued)" captions only appear
/// where the previous page really ended inside a table or key/value list.
fn assert_tables_well_formed(laid: &LaidOut) {
    let is_row = |r: &&casefile_core::packet::layout::TextRun| {
        matches!(r.role, Role::TableCell | Role::KeyValue | Role::KeyLabel)
    };
    for (i, page) in laid.pages.iter().enumerate() {
        if let Some(header) = page.with_role(Role::TableHeader).last() {
            assert!(
                page.texts().filter(is_row).any(|r| r.y > header.y),
                "stranded table header on page {}",
                page.number
            );
        }
        if page.with_role(Role::Continued).next().is_some() {
            assert!(
                i > 0 && laid.pages[i - 1].texts().any(|r| is_row(&r)),
                "bogus caption on page {}",
                page.number
            );
        }
    }
}

#[test]
fn the_stress_document_stays_inside_the_margins() {
    let laid = layout(&common::stress()).unwrap();
    assert_in_margins(&laid);
    assert_tables_well_formed(&laid);
    for page in &laid.pages {
        for item in &page.items {
            if let Placed::Rect { x, w, .. } = item {
                assert!(
                    *x >= laid.geometry.margin_x - EPS
                        && x + w <= laid.geometry.width - laid.geometry.margin_x + EPS
                );
            }
        }
    }
}

/// A table whose cells carry `r{row}w{word}` tokens, so rows can be traced.
fn traced_table(rows: usize) -> Table {
    Table {
        columns: vec![
            Column::left("Row", 1.0),
            Column::left("Words", 3.0),
            Column::right("Amount", 1.0),
        ],
        rows: (0..rows)
            .map(|r| {
                let words: Vec<String> =
                    (0..(r % 7) * 6 + 1).map(|w| format!("r{r}w{w}")).collect();
                vec![
                    Cell::new(format!("r{r}")),
                    Cell::new(words.join(" ")),
                    Cell::alert(format!("{r}.00")),
                ]
            })
            .collect(),
    }
}

#[test]
fn long_tables_repeat_the_header_and_never_split_a_row() {
    let laid = layout(&doc(vec![
        Block::heading(1, "Rows"),
        Block::Table(traced_table(200)),
    ]))
    .unwrap();
    assert!(laid.pages.len() >= 4);
    assert_in_margins(&laid);
    for page in &laid.pages {
        let header: Vec<_> = page.with_role(Role::TableHeader).collect();
        let cells: Vec<_> = page.with_role(Role::TableCell).collect();
        assert!(!cells.is_empty());
        assert_eq!(
            header.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
            ["Row", "Words", "Amount"]
        );
        let header_bottom = header.iter().map(|r| r.bottom()).fold(0.0, f32::max);
        assert!(
            cells.iter().all(|c| c.y > header_bottom),
            "header not above cells on page {}",
            page.number
        );
    }
    // Each row's tokens all land on one page.
    for r in 0..200 {
        let prefix = format!("r{r}w");
        let pages: std::collections::BTreeSet<usize> = laid
            .texts()
            .filter(|(_, run)| {
                run.text.split(' ').any(|t| {
                    t.strip_prefix(&prefix)
                        .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
                })
            })
            .map(|(p, _)| p)
            .collect();
        assert_eq!(pages.len(), 1, "row {r} split across pages {pages:?}");
    }
}

#[test]
fn a_cell_taller_than_a_page_splits_between_lines_with_the_header_repeated() {
    let table = Table {
        columns: vec![Column::left("Key", 1.0), Column::left("Text", 5.0)],
        rows: vec![
            vec![Cell::new("a"), Cell::new("short")],
            vec![Cell::new("b"), Cell::new(common::long_text(20_000))],
            vec![Cell::new("c"), Cell::new("after")],
        ],
    };
    let laid = layout(&doc(vec![Block::Table(table)])).unwrap();
    assert!(laid.pages.len() >= 4);
    assert_in_margins(&laid);
    for page in &laid.pages {
        assert_eq!(
            page.with_role(Role::TableHeader).count(),
            2,
            "header missing on page {}",
            page.number
        );
        // Lines of the split cell are evenly spaced: no line was cut in two.
        let tops: Vec<f32> = page
            .with_role(Role::TableCell)
            .filter(|r| r.x > 100.0)
            .map(|r| r.y)
            .collect();
        for pair in tops.windows(2) {
            assert!(
                pair[1] - pair[0] > 10.0,
                "overlapping lines on page {}",
                page.number
            );
        }
    }
}

#[test]
fn a_heading_is_never_the_last_thing_on_a_page() {
    let mut blocks = Vec::new();
    for i in 0..40 {
        blocks.push(Block::heading(2, format!("Section {i}")));
        blocks.push(Block::paragraph(common::long_text(300 + i * 37)));
        if i % 5 == 0 {
            blocks.push(Block::heading(2, format!("Table {i}")));
            blocks.push(Block::Table(traced_table(3 + i % 4)));
        }
    }
    let mut d = doc(blocks);
    d.section_per_page = false;
    let laid = layout(&d).unwrap();
    assert!(laid.pages.len() >= 3);
    for page in &laid.pages {
        let last = page
            .texts()
            .filter(|r| !matches!(r.role, Role::Header | Role::Footer))
            .max_by(|a, b| a.y.total_cmp(&b.y))
            .unwrap();
        assert!(
            !matches!(last.role, Role::Heading(_)),
            "page {} ends with heading {:?}",
            page.number,
            last.text
        );
    }
}

#[test]
fn level_1_headings_start_new_pages() {
    let d = doc(vec![
        Block::heading(1, "One"),
        Block::paragraph("text"),
        Block::heading(1, "Two"),
        Block::paragraph("text"),
    ]);
    let laid = layout(&d).unwrap();
    assert_eq!(
        laid.headings.iter().map(|h| h.page).collect::<Vec<_>>(),
        [1, 2]
    );
}

#[test]
fn contents_page_numbers_match_where_headings_landed() {
    let laid = layout(&common::sample()).unwrap();
    assert!(laid.pages.len() >= 12, "{} pages", laid.pages.len());
    let contents = &laid.pages[1];
    let runs: Vec<_> = contents.with_role(Role::Contents).collect();
    let mut checked = 0;
    for heading in &laid.headings {
        // The heading run itself is on the recorded page.
        let page = &laid.pages[heading.page - 1];
        assert!(page
            .with_role(Role::Heading(heading.level))
            .any(|r| heading.text.starts_with(&r.text)));
        // The contents entry on the same baseline shows that page number.
        let entry = runs
            .iter()
            .find(|r| r.text == heading.text)
            .unwrap_or_else(|| panic!("{} not listed", heading.text));
        let number = runs
            .iter()
            .find(|r| (r.baseline - entry.baseline).abs() < 0.01 && r.x > entry.x + entry.width)
            .unwrap();
        assert_eq!(number.text, heading.page.to_string(), "{}", heading.text);
        checked += 1;
    }
    assert!(checked >= 8);
}

#[test]
fn page_x_of_y_is_correct_on_every_page_but_the_cover() {
    let laid = layout(&common::sample()).unwrap();
    let total = laid.pages.len();
    assert!(!laid.pages[0].chrome);
    assert_eq!(laid.pages[0].with_role(Role::Footer).count(), 0);
    for page in &laid.pages[1..] {
        let footer: Vec<_> = page.with_role(Role::Footer).collect();
        assert_eq!(footer.len(), 1);
        assert_eq!(footer[0].text, format!("Page {} of {}", page.number, total));
        assert_eq!(page.with_role(Role::Header).count(), 2);
    }
}

#[test]
fn malformed_documents_are_rejected() {
    let bad_row = Table {
        columns: vec![Column::left("A", 1.0)],
        rows: vec![vec![Cell::new("1"), Cell::new("2")]],
    };
    assert!(matches!(
        layout(&doc(vec![Block::Table(bad_row)])),
        Err(LayoutError::Invalid(_))
    ));
    assert!(matches!(
        layout(&doc(vec![Block::heading(4, "x")])),
        Err(LayoutError::Invalid(_))
    ));
    let bad_width = Table {
        columns: vec![Column::left("A", 0.0)],
        rows: vec![],
    };
    assert!(matches!(
        layout(&doc(vec![Block::Table(bad_width)])),
        Err(LayoutError::Invalid(_))
    ));
}

#[test]
fn an_empty_document_still_has_a_page() {
    let laid = layout(&doc(vec![])).unwrap();
    assert_eq!(laid.pages.len(), 1);
}

#[test]
fn letter_paper_keeps_the_same_margins() {
    let mut d = common::stress();
    d.paper = casefile_core::packet::layout::Paper::Letter;
    let laid = layout(&d).unwrap();
    assert_eq!(laid.geometry.width, 612.0);
    assert_in_margins(&laid);
}

#[test]
fn paragraphs_leave_no_single_line_at_the_top_of_a_page() {
    let mut d = doc((0..30)
        .map(|i| Block::paragraph(common::long_text(400 + i * 91)))
        .collect());
    d.section_per_page = false;
    let laid = layout(&d).unwrap();
    // Group body lines per page by paragraph: a widow would show up as a page
    // whose first body run is followed by a paragraph gap (> one leading).
    for page in &laid.pages[1..] {
        let tops: Vec<f32> = page.with_role(Role::Body).map(|r| r.y).collect();
        if tops.len() >= 2 {
            let leading = tops[1] - tops[0];
            assert!(
                leading < 15.0,
                "page {} starts with a lone line",
                page.number
            );
        }
    }
}

#[test]
fn a_table_header_is_never_stranded_whatever_the_fill() {
    let tall = ["line"; 8].join("\n");
    for n in 30..60 {
        let filler = vec!["filler"; n].join("\n");
        let table = Table {
            columns: vec![Column::left("A", 1.0), Column::left("B", 1.0)],
            rows: vec![vec![Cell::new("first"), Cell::new(tall.clone())]; 3],
        };
        let mut d = doc(vec![
            Block::paragraph(filler),
            Block::heading(2, "Table"),
            Block::Table(table),
        ]);
        d.section_per_page = false;
        let laid = layout(&d).unwrap();
        assert_tables_well_formed(&laid);
        let first = laid.texts().find(|(_, r)| r.text == "first").unwrap().0;
        let heading = laid.headings[0].page;
        assert_eq!(
            first, heading,
            "heading and first row apart with {n} filler lines"
        );
        assert_eq!(laid.pages[first - 1].with_role(Role::Continued).count(), 0);
    }
}
