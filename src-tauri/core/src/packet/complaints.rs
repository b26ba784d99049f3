//! Complaints with their remedies and what they cost, and the decisions taken with the
//! options that were weighed: the part of the packet that shows what a problem really cost
//! and that choices were made in good faith, at the time.

use super::layout::{Align, Block, Cell, Column, Table, TextStyle};
use super::summary::totals;
use super::Context;
use crate::complaints::workflow;
use crate::decisions::Decision;
use crate::model::RemedyStatus;
use crate::remedies::{self, Remedy};

fn remedy_line(ctx: &Context, r: &Remedy) -> String {
    let cost = if r.status == RemedyStatus::Declined { format!("{} (declined, not counted)", r.cost.format()) } else { r.cost.format() };
    format!("{} {} · {} · {}", ctx.dates.day(&r.remedy_on), r.kind.label(), cost, r.status.label().to_lowercase())
}

pub(crate) fn blocks(ctx: &Context, blocks: &mut Vec<Block>) {
    let g = ctx.gathered;
    let d = ctx.dates;
    if g.complaints.is_empty() && g.remedies.is_empty() {
        super::empty_section(blocks, "Complaints and remedies", "No complaint was received and no remedy given in scope.");
        return;
    }
    blocks.push(Block::heading(1, "Complaints and remedies"));
    blocks.push(Block::styled(
        "Each complaint received in scope, oldest first, with what the customer said in full, where it comes from, how far \
         it has got and the remedies given for it. Remedy cost counts what was offered, accepted or delivered; a declined \
         remedy cost nothing.",
        TextStyle::Muted,
    ));
    if !g.complaints.is_empty() {
        let rows = g
            .complaints
            .iter()
            .map(|c| {
                let (received, _) = d.moment(&c.received_at, if c.received_at.len() > 10 { crate::model::Precision::Exact } else { crate::model::Precision::Day });
                let from = c.complainant_name.clone().map(|n| format!("{n}, ")).unwrap_or_default();
                let product = [c.product.as_str(), c.component.as_str(), c.lot.as_str()].into_iter().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join(" · ");
                let detail = [format!("{from}{} · by {}", c.account_name, c.channel.label().to_lowercase()), product].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("\n");
                let theirs: Vec<&Remedy> = g.remedies.iter().filter(|r| r.complaint_id.as_deref() == Some(c.id.as_str())).collect();
                let cost = remedies::total(&theirs.iter().map(|r| (*r).clone()).collect::<Vec<_>>()).cost;
                let remedy_text = theirs.iter().map(|r| remedy_line(ctx, r)).collect::<Vec<_>>().join("\n");
                let late = workflow::response_overdue(c, ctx.spec.today);
                let status = if late { Cell::alert(c.status.label()).with_detail("first response late") } else { Cell::new(c.status.label()) };
                let status = match (&c.response_due_on, late) {
                    (Some(due), false) if c.is_open() => status.with_detail(format!("respond by {}", d.day(due))),
                    _ => status,
                };
                vec![
                    Cell::bold(c.reference.clone()).with_detail(received),
                    Cell::new(c.description.clone()).with_detail(detail),
                    Cell::new(c.root_cause_path.clone().unwrap_or_else(|| super::figures::UNKNOWN_CAUSE.into())).with_detail(format!("severity {}", c.severity)),
                    status,
                    Cell::new(if theirs.is_empty() { "None recorded".to_string() } else { totals(&cost) }).with_detail(remedy_text),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("Complaint", 0.13),
                Column::left("What the customer said", 0.37),
                Column::left("Root cause", 0.16),
                Column::left("Status", 0.13),
                Column::left("Remedies and cost", 0.21),
            ],
            rows,
        }));
    }
    if !g.remedies.is_empty() {
        blocks.push(Block::heading(2, "Every remedy given"));
        let mut rows: Vec<Vec<Cell>> = g
            .remedies
            .iter()
            .map(|r| {
                let about = r.complaint_reference.clone().map(|c| format!("Complaint {c}")).unwrap_or_else(|| "No complaint".into());
                let cost = if r.status == RemedyStatus::Declined { Cell::muted(r.cost.format()).with_detail("declined") } else { Cell::new(r.cost.format()) };
                vec![
                    Cell::new(d.day(&r.remedy_on)),
                    Cell::new(r.account_name.clone()).with_detail(about),
                    Cell::bold(r.kind.label()).with_detail(r.description.clone()),
                    Cell::new(r.status.label()),
                    Cell::new(r.approved_by_name.clone().unwrap_or_else(|| "—".into())),
                    cost,
                ]
            })
            .collect();
        let t = &ctx.figures.remedies;
        rows.push(vec![
            Cell::bold("Total"),
            Cell::new(format!("{} remedies", t.count)),
            Cell::new(""),
            Cell::new(""),
            Cell::new(""),
            Cell::bold(totals(&t.cost)).with_detail(format!("delivered {}", totals(&t.delivered))),
        ]);
        blocks.push(Block::Table(Table {
            columns: vec![
                Column::left("Date", 0.135),
                Column::left("Customer", 0.19),
                Column::left("Remedy", 0.27),
                Column::left("Status", 0.125),
                Column::left("Approved by", 0.13),
                Column { title: "Cost".into(), width: 0.15, align: Align::Right },
            ],
            rows,
        }));
    }
}

pub(crate) fn decision_blocks(ctx: &Context, blocks: &mut Vec<Block>) {
    let g = ctx.gathered;
    if g.decisions.is_empty() {
        super::empty_section(blocks, "Decisions", "No decision was recorded in scope.");
        return;
    }
    blocks.push(Block::heading(1, "Decisions"));
    blocks.push(Block::styled(
        "Each decision recorded in scope, with the options that were on the table, what each risked and the plan if it \
         went wrong. A decided record is never rewritten; changing course is recorded as a new decision.",
        TextStyle::Muted,
    ));
    for dec in &g.decisions {
        decision(ctx, dec, blocks);
    }
}

fn decision(ctx: &Context, dec: &Decision, blocks: &mut Vec<Block>) {
    let d = ctx.dates;
    blocks.push(Block::heading(2, dec.title.clone()));
    let mut facts = Vec::new();
    let status = match (&dec.decided_on, &dec.decided_by_name) {
        (Some(on), Some(by)) => format!("Decided on {} by {by}", d.day(on)),
        (Some(on), None) => format!("Decided on {}", d.day(on)),
        _ => format!("Open — recorded {}", d.instant(&dec.recorded_at)),
    };
    facts.push(("Status".to_string(), status));
    let about = [dec.account_name.clone(), dec.complaint_reference.clone().map(|c| format!("complaint {c}"))].into_iter().flatten().collect::<Vec<_>>().join(", ");
    if !about.is_empty() {
        facts.push(("About".to_string(), about));
    }
    if !dec.context.trim().is_empty() {
        facts.push(("Context".to_string(), dec.context.clone()));
    }
    if let Some(chosen) = dec.options.iter().find(|o| o.chosen) {
        facts.push(("Chosen".to_string(), format!("Option {}: {}", chosen.position, chosen.label)));
    }
    if !dec.rationale.trim().is_empty() {
        facts.push(("Why".to_string(), dec.rationale.clone()));
    }
    if let Some(to) = &dec.escalate_to_name {
        facts.push(("Escalate to".to_string(), to.clone()));
    }
    facts.push(("Recorded".to_string(), d.instant(&dec.recorded_at)));
    blocks.push(Block::KeyValues(facts));
    let rows = dec
        .options
        .iter()
        .map(|o| {
            let label = if o.chosen { Cell::bold(format!("{}. {}", o.position, o.label)).with_detail("chosen") } else { Cell::new(format!("{}. {}", o.position, o.label)) };
            vec![label, Cell::new(dash(&o.benefits)), Cell::new(dash(&o.risks)), Cell::new(dash(&o.contingency))]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![Column::left("Option", 0.25), Column::left("Benefits", 0.25), Column::left("Risks", 0.25), Column::left("Plan if it goes wrong", 0.25)],
        rows,
    }));
}

fn dash(s: &str) -> String {
    if s.trim().is_empty() { "—".into() } else { s.to_string() }
}
