//! The chronology: every dated record in scope, oldest first — when it happened (only as
//! precisely as known), when it was written down, what kind of record it is, what it says,
//! where it comes from, and how strong it is. Corrections and retractions stay in, marked,
//! because a dossier that silently drops what it once said cannot be trusted.

use super::layout::{Block, Cell, Column, Table, TextStyle};
use super::spec::Section;
use super::Context;
use crate::model::PromiseStatus;
use crate::text::clip;
use crate::timeline::{Entry, TimelineItem};

/// Complaint descriptions are printed whole under Complaints; the chronology quotes them.
const QUOTE: usize = 400;

fn columns() -> Vec<Column> {
    vec![
        Column::left("Occurred", 0.135),
        Column::left("Recorded", 0.135),
        Column::left("Kind", 0.115),
        Column::left("What happened", 0.33),
        Column::left("Source", 0.155),
        Column::left("Evidence", 0.13),
    ]
}

fn recorded(ctx: &Context, stored: &str) -> Cell {
    let (date, time) = ctx.dates.instant_parts(stored);
    Cell::new(date).with_detail(time)
}

fn row(ctx: &Context, item: &TimelineItem) -> Vec<Cell> {
    let d = ctx.dates;
    let (date, precision) = d.moment(&item.at, item.precision);
    let occurred = Cell::new(date).with_detail(precision);
    let whole_complaints = !ctx.spec.has(Section::Complaints);
    match &item.entry {
        Entry::Event(v) => {
            let e = &v.event;
            let mut what = Cell::new(e.summary.clone()).with_detail(e.details.clone());
            let mut evidence = Cell::new(e.strength.label());
            if e.disputed {
                evidence = Cell::alert("Disputed").with_detail(e.strength.label());
            }
            if let Some(at) = &v.superseded_at {
                evidence = Cell::bold("Superseded").with_detail(format!("by the correction recorded {} · {}", d.instant(at), e.strength.label()));
                what = Cell::muted(e.summary.clone()).with_detail(e.details.clone());
            }
            if let Some(at) = &e.retracted_at {
                evidence = Cell::alert("Retracted").with_detail(format!("{}: {}", d.instant(at), e.retraction_reason));
                what = Cell::muted(e.summary.clone()).with_detail(e.details.clone());
            }
            if e.supersedes_id.is_some() && v.superseded_at.is_none() && e.retracted_at.is_none() {
                let changed: Vec<&str> = v.changes.iter().map(|c| c.label).collect();
                let note = if changed.is_empty() { "Correction".to_string() } else { format!("Correction of {}", changed.join(", ").to_lowercase()) };
                evidence = if e.disputed { evidence } else { Cell::new(e.strength.label()) }.with_detail(note);
            }
            let person = v.source_person_name.clone().or_else(|| v.actor_name.clone());
            let mut source = vec![e.source_text.clone()];
            if let Some(mail) = &v.email {
                source.push(format!("E-mail from {}", mail.from_addr));
            }
            let exhibits = ctx.gathered.exhibit_numbers(&v.attachments);
            if !exhibits.is_empty() {
                source.push(format!("Exhibit {exhibits}"));
            }
            let source_text = source.into_iter().filter(|s| !s.trim().is_empty()).collect::<Vec<_>>().join(" · ");
            let source = match person {
                Some(p) => Cell::new(p).with_detail(source_text),
                None => Cell::new(source_text),
            };
            vec![occurred, recorded(ctx, &e.recorded_at), Cell::new(e.kind.label()), what, source, evidence]
        }
        Entry::Promise(p) => {
            let to = p.contact_name.as_ref().map(|c| format!("{c}, {}", p.account_name)).unwrap_or_else(|| p.account_name.clone());
            let status = match p.status {
                PromiseStatus::Open if p.overdue => format!("overdue by {} days", p.days_overdue),
                s => s.label().to_lowercase(),
            };
            let what = Cell::new(format!("{} promised {to}: {}", p.made_by_name, p.what))
                .with_detail(format!("Due {} · now {status}", d.day(&p.due_on)));
            let strength = if p.in_writing { "In writing" } else { "Verbal, not in writing" };
            let evidence = if p.disputed { Cell::alert("Disputed").with_detail(strength) } else { Cell::new(strength) };
            vec![occurred, recorded(ctx, &p.recorded_at), Cell::new("Promise"), what, Cell::new(p.made_by_name.clone()).with_detail(p.channel.label()), evidence]
        }
        Entry::Complaint(c) => {
            let text = if whole_complaints { c.description.clone() } else { clip(&c.description, QUOTE) };
            let from = c.complainant_name.clone().unwrap_or_else(|| c.account_name.clone());
            let what = Cell::new(format!("Complaint {} from {}", c.reference, c.account_name)).with_detail(text);
            let evidence = Cell::new(format!("Severity {}", c.severity)).with_detail(format!("now {}", c.status.label().to_lowercase()));
            vec![occurred, recorded(ctx, &c.recorded_at), Cell::new("Complaint"), what, Cell::new(from).with_detail(c.channel.label()), evidence]
        }
        Entry::Remedy(r) => {
            let about = r.complaint_reference.as_ref().map(|c| format!(" for complaint {c}")).unwrap_or_default();
            let what = Cell::new(format!("{} of {}{about}, {}", r.kind.label(), r.cost.format(), r.account_name)).with_detail(r.description.clone());
            let approved = r.approved_by_name.clone().map(|n| format!("Approved by {n}")).unwrap_or_else(|| "Recorded in Casefile".into());
            vec![occurred, recorded(ctx, &r.recorded_at), Cell::new("Remedy"), what, Cell::new(approved), Cell::new(r.status.label())]
        }
        Entry::Decision(dec) => {
            let chosen = dec.options.iter().find(|o| o.chosen).map(|o| format!("Chose: {}", o.label)).unwrap_or_else(|| "Still open".into());
            let what = Cell::new(format!("Decision: {}", dec.title)).with_detail(format!("{chosen}. {}", dec.rationale).trim().to_string());
            let by = dec.decided_by_name.clone().unwrap_or_else(|| "Recorded in Casefile".into());
            vec![occurred, recorded(ctx, &dec.recorded_at), Cell::new("Decision"), what, Cell::new(by), Cell::new(if dec.status == "decided" { "Decided" } else { "Open" })]
        }
    }
}

pub(crate) fn blocks(ctx: &Context, blocks: &mut Vec<Block>) {
    let g = ctx.gathered;
    let mut items: Vec<&TimelineItem> = g.events.iter().collect();
    // The records themselves join the entries, so the story reads in one place.
    let records = records(ctx);
    items.extend(records.iter());
    items.sort_by(|a, b| a.at.cmp(&b.at));
    blocks.push(Block::heading(1, "Chronology"));
    let mut intro = String::from(
        "Everything recorded in scope, oldest first. “Occurred” is when it happened, only as precisely as it is known; \
         “Recorded” is when it was written down in the case file, which nobody can edit. Superseded entries were \
         corrected by a later entry and retracted ones were withdrawn with a reason; both stay in the record.",
    );
    if g.events_total > g.events.len() as u64 {
        let first = g.events.first().map(|i| ctx.dates.moment_line(&i.at, i.precision)).unwrap_or_default();
        intro.push_str(&format!(
            " The period holds {} timeline entries; the {} most recent are printed, from {first}. Narrow the period to print earlier ones.",
            crate::text::group(g.events_total as usize),
            crate::text::group(g.events.len())
        ));
    }
    blocks.push(Block::styled(intro, TextStyle::Muted));
    if items.is_empty() {
        blocks.push(Block::styled("Nothing was recorded in scope.", TextStyle::Muted));
        return;
    }
    blocks.push(Block::Table(Table { columns: columns(), rows: items.into_iter().map(|i| row(ctx, i)).collect() }));
}

/// The promises, complaints, remedies and decisions as timeline items.
fn records(ctx: &Context) -> Vec<TimelineItem> {
    let g = ctx.gathered;
    let mut out = Vec::new();
    for f in &g.promises {
        let p = &f.promise;
        out.push(TimelineItem { at: p.made_at.clone(), precision: p.made_at_precision, kind: "promise".into(), entry: Entry::Promise(Box::new(p.clone())) });
    }
    for c in &g.complaints {
        let precision = if c.received_at.len() > 10 { crate::model::Precision::Exact } else { crate::model::Precision::Day };
        out.push(TimelineItem { at: c.received_at.clone(), precision, kind: "complaint".into(), entry: Entry::Complaint(Box::new(c.clone())) });
    }
    for r in &g.remedies {
        out.push(TimelineItem { at: r.remedy_on.clone(), precision: crate::model::Precision::Day, kind: "remedy".into(), entry: Entry::Remedy(Box::new(r.clone())) });
    }
    for dec in &g.decisions {
        let at = dec.decided_on.clone().unwrap_or_else(|| dec.recorded_at.get(..10).unwrap_or(&dec.recorded_at).to_string());
        out.push(TimelineItem { at, precision: crate::model::Precision::Day, kind: "decision_record".into(), entry: Entry::Decision(Box::new(dec.clone())) });
    }
    out
}
