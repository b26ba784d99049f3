//! The exhibit index: every file attached to something in the packet, with what it is
//! attached to and its SHA-256, so a copy handed over later can be shown to be the same file.

use super::layout::{Block, Cell, Column, Table, TextStyle};
use super::Context;
use crate::attachments::describe_size;

pub(crate) fn blocks(ctx: &Context, blocks: &mut Vec<Block>) {
    let exhibits = &ctx.gathered.exhibits;
    if exhibits.is_empty() {
        super::empty_section(blocks, "Exhibit index", "No file is attached to anything in scope.");
        return;
    }
    blocks.push(Block::heading(1, "Exhibit index"));
    blocks.push(Block::styled(
        "Every file attached to a record in this packet, numbered in the order it was added to the case file. The \
         chronology's source column refers to these numbers. The SHA-256 is that of the file's exact bytes, stored when it \
         was attached; Casefile checks it again whenever a copy is saved, and any SHA-256 tool (such as sha256sum) must print the same for any copy.",
        TextStyle::Muted,
    ));
    let rows = exhibits
        .iter()
        .map(|e| {
            let a = &e.attachment;
            let detail = format!("{}\nAdded {} · {} · {}", e.attached_to, ctx.dates.instant(&a.added_at), describe_size(a.size), a.mime);
            vec![Cell::bold(e.number.clone()), Cell::new(a.name.clone()).with_detail(detail), Cell::small(a.sha256.clone())]
        })
        .collect();
    blocks.push(Block::Table(Table { columns: vec![Column::left("No.", 0.07), Column::left("File", 0.27), Column::left("SHA-256", 0.66)], rows }));
}
