//! The one-pager's sections, each a label and a table cut to the page's limits, with a row
//! that says what was cut.

use super::{clip, plural, Ctx, Limits, CLIP};
use crate::briefing::Interaction;
use crate::model::Precision;
use crate::packet::layout::{Align, Block, Cell, Column, Table};
use crate::talking_points::{severity_word, Priority, Stance};

/// The row that says what was cut, written in the table's widest column (`at`). When no row
/// of the list could be printed, it says where they are instead of "…and N more".
fn more(n: usize, of: usize, what: &str, columns: usize, at: usize) -> Vec<Cell> {
    let text = if n == of { format!("{n} {what}: see the briefing screen") } else { format!("…and {n} more {what}") };
    (0..columns).map(|i| if i == at { Cell::muted(text.clone()) } else { Cell::new("") }).collect()
}

/// A section's label, run in above its rows.
fn label(blocks: &mut Vec<Block>, text: String) {
    blocks.push(Block::heading(3, text));
}

/// Columns without titles: the label above says what the rows are, and a header row would
/// cost a line the page cannot spare.
fn cols(widths: &[(f32, Align)]) -> Vec<Column> {
    widths.iter().map(|(w, a)| Column { title: String::new(), width: *w, align: *a }).collect()
}

const L: Align = Align::Left;
const R: Align = Align::Right;

pub(super) fn talking_points(ctx: &Ctx, l: &Limits, blocks: &mut Vec<Block>) {
    let points = &ctx.b.talking_points;
    label(blocks, "Talking points".into());
    let mut rows: Vec<Vec<Cell>> = points
        .iter()
        .take(l.points)
        .enumerate()
        .map(|(i, p)| {
            let mark = match (p.stance, p.priority) {
                (Stance::Avoid, _) => Cell::alert("Avoid"),
                (_, Priority::High) => Cell::bold("Say first"),
                (_, Priority::Medium) => Cell::new("Say"),
                _ => Cell::muted("If raised"),
            };
            vec![Cell::new(format!("{}.", i + 1)), mark, Cell::bold(p.title.clone()).with_detail(clip(&p.sentence, CLIP + 20))]
        })
        .collect();
    if points.len() > l.points {
        rows.push(more(points.len() - l.points, points.len(), "points on the briefing screen", 3, 2));
    }
    blocks.push(Block::Table(Table { columns: cols(&[(0.05, R), (0.14, L), (0.81, L)]), rows }));
}

pub(super) fn promises(ctx: &Ctx, l: &Limits, blocks: &mut Vec<Block>) {
    let b = ctx.b;
    let d = ctx.dates;
    if b.promises.is_empty() && b.broken_promises.is_empty() {
        label(blocks, "Open promises: none, and none broken recently".into());
        return;
    }
    let broken = if b.broken_promises.is_empty() { String::new() } else { format!(" · {} broken recently", b.broken_promises.len()) };
    if l.promises == 0 && l.broken == 0 {
        label(blocks, format!("Open promises ({}){broken} — listed on the briefing screen", b.promises.len()));
        return;
    }
    label(blocks, format!("Open promises ({}){broken}", b.promises.len()));
    let mut rows: Vec<Vec<Cell>> = b
        .promises
        .iter()
        .take(l.promises)
        .map(|p| {
            let due = if p.overdue { Cell::alert(d.day(&p.due_on)).with_detail(format!("{} late", plural(p.days_overdue, "day", "days"))) } else { Cell::new(d.day(&p.due_on)).with_detail("due") };
            let writing = if p.in_writing { "in writing" } else { "not in writing" };
            vec![due, Cell::new(clip(&p.what, CLIP)), Cell::new(format!("by {}", p.made_by_name)).with_detail(writing), Cell::new(p.chase.sentence.clone())]
        })
        .collect();
    if b.promises.len() > l.promises {
        rows.push(more(b.promises.len() - l.promises, b.promises.len(), "open promises", 4, 1));
    }
    for p in b.broken_promises.iter().take(l.broken) {
        let on = p.closed_on.as_deref().map(|c| d.day(c)).unwrap_or_default();
        rows.push(vec![Cell::alert("Broken").with_detail(on), Cell::new(clip(&p.what, CLIP)), Cell::new(format!("by {}", p.made_by_name)).with_detail(format!("was due {}", d.day(&p.due_on))), Cell::new(p.chase.sentence.clone())]);
    }
    if b.broken_promises.len() > l.broken {
        rows.push(more(b.broken_promises.len() - l.broken, b.broken_promises.len(), "promises broken recently", 4, 1));
    }
    blocks.push(Block::Table(Table { columns: cols(&[(0.14, L), (0.46, L), (0.18, L), (0.22, L)]), rows }));
}

pub(super) fn complaints(ctx: &Ctx, l: &Limits, blocks: &mut Vec<Block>) {
    let list = &ctx.b.complaints;
    if list.is_empty() {
        label(blocks, "Open complaints: none".into());
        return;
    }
    if l.complaints == 0 {
        label(blocks, format!("Open complaints ({}) — listed on the briefing screen", list.len()));
        return;
    }
    label(blocks, format!("Open complaints ({})", list.len()));
    let mut rows: Vec<Vec<Cell>> = list
        .iter()
        .take(l.complaints)
        .map(|c| {
            let k = &c.row.complaint;
            let status = if c.row.response_overdue { Cell::alert(k.status.label()).with_detail("response late") } else { Cell::new(k.status.label()).with_detail(severity_word(k.severity)) };
            vec![Cell::bold(k.reference.clone()).with_detail(format!("{} open", plural(c.age_days, "day", "days"))), Cell::new(clip(&k.description, CLIP)), status]
        })
        .collect();
    if list.len() > l.complaints {
        rows.push(more(list.len() - l.complaints, list.len(), "open complaints", 3, 1));
    }
    blocks.push(Block::Table(Table { columns: cols(&[(0.16, L), (0.66, L), (0.18, L)]), rows }));
}

pub(super) fn compensation(ctx: &Ctx, l: &Limits, blocks: &mut Vec<Block>) {
    let c = &ctx.b.compensation;
    if c.remedies.is_empty() {
        label(blocks, "Compensation already given: none".into());
        return;
    }
    let title = format!("Compensation already given: {} in all ({})", c.totals.cost.format(), plural(c.remedies.len() as i64, "remedy", "remedies"));
    if l.remedies == 0 {
        label(blocks, format!("{title} — listed on the briefing screen"));
        return;
    }
    label(blocks, title);
    let mut rows: Vec<Vec<Cell>> = c
        .remedies
        .iter()
        .take(l.remedies)
        .map(|r| {
            let about = r.complaint_reference.as_deref().map(|c| format!(" for {c}")).unwrap_or_default();
            vec![
                Cell::new(ctx.dates.day(&r.remedy_on)),
                Cell::new(format!("{}{about}: {}", r.kind.label(), clip(&r.description, CLIP))),
                Cell::new(r.status.label()),
                Cell::bold(r.cost.format()),
            ]
        })
        .collect();
    if c.remedies.len() > l.remedies {
        rows.push(more(c.remedies.len() - l.remedies, c.remedies.len(), "remedies", 4, 1));
    }
    blocks.push(Block::Table(Table { columns: cols(&[(0.14, L), (0.56, L), (0.13, L), (0.17, R)]), rows }));
}

pub(super) fn conversations(ctx: &Ctx, l: &Limits, blocks: &mut Vec<Block>) {
    let list = &ctx.b.interactions;
    if list.is_empty() {
        label(blocks, "Last conversations: none on record".into());
        return;
    }
    if l.conversations == 0 {
        label(blocks, format!("Last conversations ({}) — listed on the briefing screen", list.len()));
        return;
    }
    label(blocks, "Last conversations".into());
    let row = |i: &Interaction| {
        let (date, time) = ctx.dates.moment(&i.at, i.precision);
        let when = if i.precision == Precision::Exact { Cell::new(date).with_detail(time) } else { Cell::new(date) };
        vec![when, Cell::new(i.kind.replace('_', " ")), Cell::new(clip(&i.summary, CLIP)), Cell::new(i.by.clone().unwrap_or_default())]
    };
    let mut rows: Vec<Vec<Cell>> = list.iter().take(l.conversations).map(row).collect();
    if list.len() > l.conversations {
        rows.push(more(list.len() - l.conversations, list.len(), "conversations", 4, 2));
    }
    blocks.push(Block::Table(Table { columns: cols(&[(0.14, L), (0.1, L), (0.56, L), (0.2, L)]), rows }));
}

pub(super) fn decisions(ctx: &Ctx, l: &Limits, blocks: &mut Vec<Block>) {
    let list = &ctx.b.open_decisions;
    if list.is_empty() {
        return;
    }
    if l.decisions == 0 {
        label(blocks, format!("Open decisions ({}) — listed on the briefing screen", list.len()));
        return;
    }
    label(blocks, format!("Open decisions ({})", list.len()));
    let mut rows: Vec<Vec<Cell>> = list
        .iter()
        .take(l.decisions)
        .map(|d| {
            let options: Vec<&str> = d.options.iter().map(|o| o.label.as_str()).collect();
            vec![Cell::bold(clip(&d.title, CLIP)).with_detail(clip(&format!("Options: {}", options.join(" · ")), CLIP)), Cell::new(ctx.dates.instant(&d.recorded_at)).with_detail("recorded")]
        })
        .collect();
    if list.len() > l.decisions {
        rows.push(more(list.len() - l.decisions, list.len(), "open decisions", 2, 0));
    }
    blocks.push(Block::Table(Table { columns: cols(&[(0.82, L), (0.18, L)]), rows }));
}
