//! The broken-promise table, and the open promises already past their due date: for each,
//! when it was made and by whom, to whom, what exactly, when it was due, whether it was ever
//! put in writing, how it was chased, how it ended and what it cost.

use super::layout::{Align, Block, Cell, Column, Table, TextStyle};
use super::scope::PromiseFacts;
use super::summary::plural;
use super::Context;
use crate::model::PromiseStatus;

fn columns() -> Vec<Column> {
    vec![
        Column::left("Made / due", 0.135),
        Column::left("Promiser → to whom", 0.17),
        Column::left("What was promised", 0.24),
        Column::left("Follow-ups and replies", 0.155),
        Column::left("Outcome", 0.15),
        Column { title: "Lost revenue".into(), width: 0.15, align: Align::Right },
    ]
}

fn row(ctx: &Context, f: &PromiseFacts) -> Vec<Cell> {
    let d = ctx.dates;
    let p = &f.promise;
    let made = d.moment_line(&p.made_at, p.made_at_precision);
    let mut due = d.day(&p.due_on);
    if p.renegotiations > 0 {
        due = format!("{due}\n(first {})", d.day(&p.original_due_on));
    }
    let to = match &p.contact_name {
        Some(c) => format!("to {c}, {}", p.account_name),
        None => format!("to {}", p.account_name),
    };
    let writing = match (&p.in_writing_since, p.in_writing) {
        (Some(since), _) => format!("{} · in writing since {}", p.channel.label(), d.day(since)),
        (None, true) => format!("{} · in writing", p.channel.label()),
        (None, false) => format!("{} · never put in writing", p.channel.label()),
    };
    let writing = if p.disputed { format!("{writing} · disputed") } else { writing };
    let sent = f.follow_ups.len() as u32;
    let chase = Cell::new(format!("{}\n{}", plural(sent, "sent", "sent"), plural(f.replies, "reply", "replies"))).with_detail(p.chase.sentence.clone());
    let outcome = match p.status {
        PromiseStatus::Broken => Cell::alert("Broken").with_detail(closing(ctx, f)),
        PromiseStatus::Open if p.overdue => Cell::alert("Overdue").with_detail(format!("{} days past due", p.days_overdue)),
        PromiseStatus::Open => Cell::new("Open"),
        PromiseStatus::Kept => Cell::new(if p.kept_on_time == Some(false) { "Kept late" } else { "Kept" }).with_detail(closing(ctx, f)),
        PromiseStatus::Withdrawn => Cell::new("Withdrawn").with_detail(closing(ctx, f)),
    };
    let lost = if f.lost.all.0.is_empty() {
        Cell::muted("—")
    } else {
        let kind = match (f.lost.confirmed.0.is_empty(), f.lost.estimated.0.is_empty()) {
            (false, true) => "confirmed",
            (true, false) => "estimated",
            _ => "part estimated",
        };
        Cell::bold(super::summary::lines(&f.lost.all)).with_detail(kind)
    };
    vec![
        Cell::new(made).with_detail(due),
        Cell::bold(p.made_by_name.clone()).with_detail(to),
        Cell::new(p.what.clone()).with_detail(writing),
        chase,
        outcome,
        lost,
    ]
}

/// "2026-03-01: reason" for a closed promise.
fn closing(ctx: &Context, f: &PromiseFacts) -> String {
    let p = &f.promise;
    let on = ctx.dates.day_or_dash(p.closed_on.as_deref());
    if p.outcome_reason.trim().is_empty() { on } else { format!("{on}: {}", p.outcome_reason.trim()) }
}

pub(crate) fn blocks(ctx: &Context, blocks: &mut Vec<Block>) {
    let broken: Vec<&PromiseFacts> = ctx.gathered.promises.iter().filter(|f| f.promise.status == PromiseStatus::Broken).collect();
    let mut overdue: Vec<&PromiseFacts> = ctx.gathered.promises.iter().filter(|f| f.promise.overdue).collect();
    overdue.sort_by(|a, b| a.promise.due_on.cmp(&b.promise.due_on));
    blocks.push(Block::heading(1, "Broken and overdue promises"));
    blocks.push(Block::styled(
        "Each promise in scope that was marked broken, in the order it was made, then each one still open after its due \
         date. “Made / due” gives the day it was made and the due date that applies (the first one too, when it was \
         renegotiated). Follow-ups count the written confirmations and chasers sent; lost revenue is what was recorded \
         against the promise, retracted entries excluded.",
        TextStyle::Muted,
    ));
    blocks.push(Block::heading(2, format!("Broken promises ({})", broken.len())));
    if broken.is_empty() {
        blocks.push(Block::styled("No promise in scope was marked broken.", TextStyle::Muted));
    } else {
        blocks.push(Block::Table(Table { columns: columns(), rows: broken.iter().map(|f| row(ctx, f)).collect() }));
    }
    blocks.push(Block::heading(2, format!("Open and past their due date ({})", overdue.len())));
    if overdue.is_empty() {
        blocks.push(Block::styled(format!("No open promise in scope was past its due date on {}.", ctx.dates.date(ctx.spec.today)), TextStyle::Muted));
    } else {
        blocks.push(Block::Table(Table { columns: columns(), rows: overdue.iter().map(|f| row(ctx, f)).collect() }));
    }
}
