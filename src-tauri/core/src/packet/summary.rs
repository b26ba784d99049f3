//! The executive summary: the figures first, then the same figures by promiser, by
//! complaint status and by root cause, then the scope and the definitions behind them.
//! Its prose is built from the numbers only — no adjectives, nothing a reader could call
//! an opinion.

use super::figures::{Figures, PromiseCounts};
use super::layout::{Align, Block, Cell, Column, Figure, Table};
use super::Context;
use crate::money::Totals;

pub(crate) fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

pub(crate) fn rate(c: &PromiseCounts) -> String {
    c.on_time_rate.map(|r| format!("{}%", r.percent)).unwrap_or_else(|| "—".into())
}

pub(crate) fn totals(t: &Totals) -> String {
    if t.0.is_empty() { "none recorded".into() } else { t.format() }
}

/// Totals one currency per line, for table cells.
pub(crate) fn lines(t: &Totals) -> String {
    if t.0.is_empty() { "—".into() } else { t.0.iter().map(|m| m.format()).collect::<Vec<_>>().join("\n") }
}

fn sentences(ctx: &Context, f: &Figures) -> String {
    let p = &f.promises;
    let mut out = Vec::new();
    let by = ctx.spec.promiser.as_ref().map(|x| format!(" by {}", x.name)).unwrap_or_default();
    out.push(format!("{} made{by} in this scope.", plural(p.made, "promise was", "promises were")));
    if p.made > 0 {
        out.push(format!(
            "{} kept on time, {} kept late and {} broken; {} still open, {} of them past the due date.",
            p.kept_on_time, p.kept_late, p.broken, p.open, p.overdue
        ));
        if let Some(r) = p.on_time_rate {
            out.push(format!("On-time rate: {}% ({} of {} promises that could be judged).", r.percent, r.on_time, r.out_of));
        }
        out.push(format!(
            "{} never confirmed in writing; {} waiting for a reply.",
            plural(p.not_in_writing, "promise was", "promises were"),
            plural(p.follow_ups_unanswered, "follow-up is", "follow-ups are")
        ));
    }
    if !f.lost.all.0.is_empty() {
        out.push(format!(
            "Lost revenue recorded: {} ({} confirmed, {} estimated).",
            f.lost.all.format(),
            totals(&f.lost.confirmed),
            totals(&f.lost.estimated)
        ));
    }
    if f.complaints > 0 {
        out.push(format!(
            "{} received, {} still open; remedies committed cost {}.",
            plural(f.complaints, "complaint", "complaints"),
            f.open_complaints,
            totals(&f.remedies.cost)
        ));
    }
    out.push("The definitions behind each figure are on the “Scope and definitions” page.".into());
    out.join(" ")
}

fn tiles(f: &Figures) -> Vec<Figure> {
    let p = &f.promises;
    let judged = p.on_time_rate.map(|r| format!("{} of {} judged", r.on_time, r.out_of)).unwrap_or_else(|| "nothing to judge yet".into());
    let alert = |fig: Figure, on: bool| if on { fig.alert() } else { fig };
    vec![
        Figure::new("Promises made", p.made.to_string()).note(format!("{} not in writing", p.not_in_writing)),
        Figure::new("Kept on time", p.kept_on_time.to_string()).note(format!("{} kept late", p.kept_late)),
        alert(Figure::new("Broken", p.broken.to_string()).note(format!("{} withdrawn", p.withdrawn)), p.broken > 0),
        Figure::new("Open", p.open.to_string()).note(format!("{} renegotiated honestly", p.renegotiated)),
        alert(Figure::new("Overdue", p.overdue.to_string()).note("open, past the due date"), p.overdue > 0),
        Figure::new("On-time rate", rate(p)).note(judged),
        alert(Figure::new("Follow-ups unanswered", p.follow_ups_unanswered.to_string()).note("sent since the last reply"), p.follow_ups_unanswered > 0),
        alert(Figure::new("Lost revenue", totals(&f.lost.all)).note(format!("{} confirmed", totals(&f.lost.confirmed))), !f.lost.all.0.is_empty()),
        Figure::new("Remedy cost", totals(&f.remedies.cost)).note(format!("{} delivered", totals(&f.remedies.delivered))),
        Figure::new("Complaints", f.complaints.to_string()).note(format!("{} still open", f.open_complaints)),
        Figure::new("Decisions recorded", f.decisions.to_string()),
        Figure::new("Timeline entries", crate::text::group(f.chronology_entries as usize)).note(format!("{} exhibits", f.exhibits)),
    ]
}

pub(crate) fn blocks(ctx: &Context, blocks: &mut Vec<Block>) {
    let f = ctx.figures;
    blocks.push(Block::heading(1, "Executive summary"));
    blocks.push(Block::paragraph(sentences(ctx, f)));
    blocks.push(Block::Figures(tiles(f)));
    if !f.by_promiser.is_empty() {
        blocks.push(Block::heading(2, "Promises by who made them"));
        let rows = f
            .by_promiser
            .iter()
            .map(|l| {
                let c = &l.counts;
                let n = |v: u32| Cell::new(v.to_string());
                vec![
                    Cell::bold(l.name.clone()),
                    n(c.made),
                    n(c.kept_on_time),
                    n(c.kept_late),
                    if c.broken > 0 { Cell::alert(c.broken.to_string()) } else { n(0) },
                    if c.overdue > 0 { Cell::alert(c.overdue.to_string()) } else { n(0) },
                    n(c.not_in_writing),
                    n(c.follow_ups_unanswered),
                    Cell::new(rate(c)),
                    Cell::new(lines(&l.lost.all)),
                ]
            })
            .collect();
        let num = |t: &str, w: f32| Column { title: t.into(), width: w, align: Align::Right };
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("Promiser", 0.16),
                num("Made", 0.075),
                num("On time", 0.085),
                num("Late", 0.065),
                num("Broken", 0.10),
                num("Overdue", 0.11),
                num("Not in writing", 0.095),
                num("No reply", 0.09),
                num("On-time rate", 0.095),
                num("Lost revenue", 0.135),
            ],
            rows,
        }));
    }
    if f.complaints > 0 {
        blocks.push(Block::heading(2, "Complaints by status"));
        let rows = f
            .complaints_by_status
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| vec![Cell::new(s.clone()), Cell::new(n.to_string())])
            .collect();
        blocks.push(Block::Table(Table { columns: vec![Column::left("Status", 0.75), Column::right("Complaints", 0.25)], rows }));
        blocks.push(Block::heading(2, "Complaints by root cause"));
        let rows = f
            .complaints_by_cause
            .iter()
            .map(|c| vec![Cell::new(c.cause.clone()), Cell::new(c.complaints.to_string()), Cell::new(c.open.to_string()), Cell::new(lines(&c.remedy_cost))])
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![Column::left("Root cause", 0.5), Column::right("Complaints", 0.14), Column::right("Still open", 0.14), Column::right("Remedy cost", 0.22)],
            rows,
        }));
    }
}

/// What the packet covers and how each figure is defined: an appendix before the integrity
/// page, so the summary stays on its pages and every definition is still one look away.
pub(crate) fn method_blocks(ctx: &Context, blocks: &mut Vec<Block>) {
    blocks.push(Block::heading(1, "Scope and definitions"));
    blocks.push(Block::styled(
        "What this packet covers and how each figure in it is worked out. Every figure is a count or a sum of rows printed \
         in the tables of this packet.",
        super::layout::TextStyle::Muted,
    ));
    blocks.push(Block::KeyValues(method(ctx)));
}

fn method(ctx: &Context) -> Vec<(String, String)> {
    let spec = ctx.spec;
    vec![
        ("Customers".into(), super::cover::customers(ctx)),
        ("Promises made by".into(), super::cover::promiser(ctx)),
        ("Period".into(), super::cover::period(ctx)),
        ("Figures as of".into(), format!("{} (this decides what is overdue)", ctx.dates.date(spec.today))),
        (
            "What is counted".into(),
            "Promises made in the period; complaints received, remedies given and decisions taken in the period; the timeline \
             entries that happened in it. With a person chosen, only what is about their promises or what they did or decided."
                .into(),
        ),
        ("On-time rate".into(), "Kept on time ÷ (kept on time + kept late + broken + open and overdue). Withdrawn promises and open ones not yet due are left out. On time means kept on or before the current due date, so a date renegotiated with the customer is the one that counts.".into()),
        ("Overdue".into(), "Still open, with a due date before the day above.".into()),
        ("Unanswered follow-ups".into(), "Follow-ups sent since the last reply that are still waiting for one; a reply answers everything sent before it.".into()),
        ("Lost revenue".into(), "Entries recorded against the promises above, plus — without a person chosen — entries not tied to a promise that were lost in the period. Retracted entries never count. Currencies are kept apart, never converted.".into()),
        ("Remedy cost".into(), "Remedies offered, accepted or delivered in the period; declined ones cost nothing.".into()),
    ]
}
