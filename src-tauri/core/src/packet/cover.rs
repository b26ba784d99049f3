//! The cover, the contents and the running header: who the packet is for, who made it,
//! when, and exactly what it covers, in words a reader can repeat.

use super::layout::{Block, Cover, Document};
use super::Context;

/// The longer notice printed at the foot of the cover.
const NOTICE: &str = "This packet is drawn from a private case file. It contains personal data and internal \
    assessments, and is meant only for the person named above, to review the matters it describes. Please do \
    not forward or copy it. Every exhibit is identified by its SHA-256 digest, and the integrity page gives a \
    digest over every record printed here, so any copy can be checked against the case file it came from.";

/// What the packet is about, in a few words: the person, else the customers.
pub(crate) fn subject(ctx: &Context) -> String {
    if let Some(p) = &ctx.spec.promiser {
        return format!("promises made by {}", p.name);
    }
    match ctx.spec.accounts.as_slice() {
        [] => "all customers".to_string(),
        [one] => one.name.clone(),
        [first, rest @ ..] => format!("{} and {} more", first.name, rest.len()),
    }
}

/// The customers, all named.
pub(crate) fn customers(ctx: &Context) -> String {
    if ctx.spec.accounts.is_empty() {
        let n = ctx.gathered.accounts.len();
        return format!("All customers ({n})");
    }
    ctx.spec.accounts.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ")
}

/// The period in words.
pub(crate) fn period(ctx: &Context) -> String {
    let d = ctx.dates;
    match (ctx.spec.from, ctx.spec.to) {
        (Some(f), Some(t)) => format!("{} to {}", d.date(f), d.date(t)),
        (Some(f), None) => format!("From {} to the day it was made", d.date(f)),
        (None, Some(t)) => format!("Everything up to {}", d.date(t)),
        (None, None) => "Everything recorded, with no date limit".to_string(),
    }
}

pub(crate) fn promiser(ctx: &Context) -> String {
    match &ctx.spec.promiser {
        Some(p) if !p.role.is_empty() => format!("{} ({})", p.name, p.role),
        Some(p) => p.name.clone(),
        None => "Everyone".to_string(),
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The document with its cover and contents; the sections are pushed after.
pub(crate) fn document(ctx: &Context, records_sha256: &str) -> Document {
    let spec = ctx.spec;
    let demo = spec.settings.is_demo;
    let subject = subject(ctx);
    let title = format!("Escalation packet: {subject}");
    let mut doc = Document::new(
        if demo { format!("DEMO · {title}") } else { title.clone() },
        spec.confidentiality.clone(),
    );
    doc.paper = spec.paper;
    doc.author = spec.prepared_by.clone();
    doc.created_unix = Some(spec.generated_at.timestamp());
    let mut lines = Vec::new();
    let recipient = [spec.recipient_name.as_str(), spec.recipient_title.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(", ");
    if !recipient.is_empty() {
        lines.push(("Prepared for".to_string(), recipient));
    }
    if !spec.prepared_by.is_empty() {
        lines.push(("Prepared by".to_string(), spec.prepared_by.clone()));
    }
    lines.push(("Date".to_string(), ctx.dates.instant(&crate::when::instant(spec.generated_at))));
    lines.push(("Period".to_string(), period(ctx)));
    lines.push(("Customers".to_string(), customers(ctx)));
    lines.push(("Promises made by".to_string(), promiser(ctx)));
    lines.push(("Case file".to_string(), file_name(&spec.source_file)));
    lines.push(("Records digest (SHA-256)".to_string(), format!("{}… (full digest on the integrity page)", records_sha256.get(..16).unwrap_or(records_sha256))));
    // The subtitle says what the title does not: the customers when the title names a
    // person or several customers, the segment of a single one, and always the period.
    let mut subtitle = Vec::new();
    match (spec.promiser.is_some(), spec.accounts.as_slice()) {
        (false, [one]) if !one.segment.is_empty() => subtitle.push(one.segment.clone()),
        (false, [_]) => {}
        _ => subtitle.push(capitalised(&customers(ctx))),
    }
    subtitle.push(period(ctx));
    doc.push(Block::Cover(Cover {
        title: format!("Escalation packet: {subject}"),
        subtitle: subtitle.join(" · "),
        lines,
        confidentiality: if demo {
            format!("DEMO. Everything in this packet comes from Casefile's demo case file and is fictitious. {NOTICE}")
        } else {
            NOTICE.to_string()
        },
        stamp: if demo { "DEMO — FICTITIOUS DATA".to_string() } else { String::new() },
    }));
    doc.push(Block::Contents { include_level2: false });
    doc
}

/// The file's name without its folders, for the cover; the integrity page gives the path.
pub(crate) fn file_name(path: &str) -> String {
    std::path::Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.to_string())
}
