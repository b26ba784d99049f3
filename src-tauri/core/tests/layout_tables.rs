//! Table rules the packet relies on, tested on the layout model: a cell's detail lines, short
//! tables kept whole, no single row carried alone to a page, and the cover's stamp.

use casefile_core::packet::layout::{layout, Block, Cell, Column, Cover, Document, LaidOut, Role, Rgb, Table};

fn doc(blocks: Vec<Block>) -> Document {
    let mut d = Document::new("Test", "Confidential");
    d.section_per_page = false;
    d.blocks = blocks;
    d
}

fn table(rows: usize, lines: usize) -> Table {
    Table {
        columns: vec![Column::left("Name", 0.3), Column::left("Text", 0.7)],
        rows: (0..rows).map(|i| vec![Cell::new(format!("row{i:03}")), Cell::new(vec!["line"; lines].join("\n"))]).collect(),
    }
}

/// The page each "rowNNN" label landed on.
fn row_pages(laid: &LaidOut) -> Vec<usize> {
    laid.texts().filter(|(_, r)| r.role == Role::TableCell && r.text.starts_with("row")).map(|(p, _)| p).collect()
}

/// Paragraph lines that push the cursor down to leave `free` points of body on page 1.
fn filler(free_lines: usize) -> Block {
    // Body text at 9.5 pt with 1.42 leading: a page body of ~705 pt holds ~52 lines.
    let lines = 52usize.saturating_sub(free_lines);
    Block::paragraph(vec!["filler"; lines].join("\n"))
}

#[test]
fn a_cell_detail_is_drawn_under_its_text_in_the_muted_colour() {
    let t = Table { columns: vec![Column::left("What", 1.0)], rows: vec![vec![Cell::bold("Broken").with_detail("2026-03-01: the credit was refused")]] };
    let laid = layout(&doc(vec![Block::Table(t)])).unwrap();
    let cells: Vec<_> = laid.texts().filter(|(_, r)| r.role == Role::TableCell).map(|(_, r)| r.clone()).collect();
    assert_eq!(cells.len(), 2);
    assert_eq!(cells[0].text, "Broken");
    assert!(cells[1].y > cells[0].y, "the detail is below");
    assert_eq!(cells[1].color, Rgb(0x5f, 0x6b, 0x7a));
    assert_ne!(cells[0].color, cells[1].color);
    assert!(Cell::new("x").with_detail("  ").detail.is_none(), "blank details are left out");
}

#[test]
fn a_short_table_is_never_split_across_pages() {
    let laid = layout(&doc(vec![filler(6), Block::Table(table(6, 1))])).unwrap();
    let pages = row_pages(&laid);
    assert_eq!(pages.len(), 6);
    assert!(pages.iter().all(|p| *p == pages[0]), "{pages:?}");
    assert_eq!(pages[0], 2, "it moved whole to the next page");
}

#[test]
fn a_long_table_never_carries_a_single_row_to_its_last_page() {
    // Find a length whose natural break would leave exactly one row for the next page.
    for rows in 30..120 {
        let laid = layout(&doc(vec![Block::Table(table(rows, 2))])).unwrap();
        let pages = row_pages(&laid);
        let last = *pages.last().unwrap();
        let on_last = pages.iter().filter(|p| **p == last).count();
        if last > 1 {
            assert!(on_last >= 2, "{rows} rows: the last page holds only {on_last}");
        }
    }
}

#[test]
fn the_cover_stamp_is_printed_on_the_cover() {
    let cover = Cover { title: "Escalation packet".into(), stamp: "DEMO — FICTITIOUS DATA".into(), ..Default::default() };
    let laid = layout(&doc(vec![Block::Cover(cover), Block::paragraph("Body")])).unwrap();
    let stamp = laid.pages[0].with_role(Role::Cover).find(|r| r.text == "DEMO — FICTITIOUS DATA").expect("the stamp");
    let title = laid.pages[0].with_role(Role::Cover).find(|r| r.text.contains("Escalation")).expect("the title");
    assert!(stamp.bottom() < title.y, "the stamp sits above the title");
}

#[test]
fn a_third_level_heading_is_compact_and_left_out_of_the_contents() {
    let mut d = doc(vec![Block::Contents { include_level2: true }, Block::heading(2, "Two"), Block::heading(3, "Three"), Block::paragraph("Body")]);
    d.section_per_page = false;
    let laid = layout(&d).unwrap();
    let three = laid.texts().find(|(_, r)| r.role == Role::Heading(3)).map(|(_, r)| r.clone()).expect("the level-3 label");
    let two = laid.texts().find(|(_, r)| r.role == Role::Heading(2)).map(|(_, r)| r.clone()).expect("the level-2 heading");
    assert!(three.size < two.size);
    let contents: Vec<String> = laid.texts().filter(|(_, r)| r.role == Role::Contents).map(|(_, r)| r.text.clone()).collect();
    assert!(contents.contains(&"Two".to_string()) && !contents.contains(&"Three".to_string()), "{contents:?}");
}

#[test]
fn a_table_without_column_titles_has_no_header_row() {
    let t = Table { columns: vec![Column::left("", 0.5), Column::left("", 0.5)], rows: vec![vec![Cell::new("a"), Cell::new("b")]] };
    let laid = layout(&doc(vec![Block::Table(t)])).unwrap();
    assert_eq!(laid.texts().filter(|(_, r)| r.role == Role::TableHeader).count(), 0);
    assert_eq!(laid.texts().filter(|(_, r)| r.role == Role::TableCell).count(), 2);
}
