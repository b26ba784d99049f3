//! The one-page briefing PDF: what the briefing screen shows for one customer, on a single
//! sheet to take into a meeting — figures, talking points, open promises and complaints,
//! compensation already given, the last conversations.
//!
//! One page is a promise, so the lists are fitted to it: the page is laid out, and while it
//! spills over, the longest list loses its last row, which becomes "…and N more". Every cut
//! is said on the page, so nothing disappears silently. Long texts are clipped for the same
//! reason; the full record is in the packet.

mod sections;

use super::dates::DateStyle;
use super::layout::{self, Block, Document, Figure, Paper, TextStyle};
use crate::briefing::Briefing;
use crate::error::{Error, Result};
use crate::settings::Settings;
use chrono::{DateTime, Utc};

/// How many rows of each list are printed before the page is fitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Limits {
    points: usize,
    promises: usize,
    broken: usize,
    complaints: usize,
    remedies: usize,
    conversations: usize,
    decisions: usize,
}

const START: Limits = Limits { points: 7, promises: 8, broken: 4, complaints: 6, remedies: 6, conversations: 5, decisions: 3 };
/// Texts in a cell are clipped to this many characters: a briefing is read in a minute.
const CLIP: usize = 180;

/// At most `max` characters, cut at a word when one is near, with an ellipsis when cut.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = crate::text::clip(text, max);
    let body = cut.trim_end_matches('…');
    match body.rfind(' ') {
        Some(i) if body[..i].chars().count() > max * 2 / 3 => format!("{}…", body[..i].trim_end_matches([',', ';', ':', ' '])),
        _ => cut,
    }
}

/// A made one-pager.
#[derive(Debug, Clone)]
pub struct OnePager {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// True when a list was cut to fit ("…and N more" is printed).
    pub cut: bool,
}

struct Ctx<'a> {
    b: &'a Briefing,
    dates: DateStyle,
}

/// The one-page PDF of a briefing. `generated_at` is printed and stored; nothing reads a clock.
pub fn briefing_pdf(b: &Briefing, settings: &Settings, generated_at: DateTime<Utc>) -> Result<OnePager> {
    let (doc, cut) = fitted(b, settings, generated_at)?;
    let laid = layout::layout(&doc).map_err(|e| Error::Pdf(e.to_string()))?;
    let pdf = layout::render_laid(&doc, &laid).map_err(|e| Error::Pdf(e.to_string()))?;
    Ok(OnePager { pdf, pages: laid.pages.len(), cut })
}

/// The document, with its lists cut until it fits one page, and whether anything was cut.
pub fn fitted(b: &Briefing, settings: &Settings, generated_at: DateTime<Utc>) -> Result<(Document, bool)> {
    let ctx = Ctx { b, dates: DateStyle::from_setting(&settings.date_format) };
    let mut limits = START;
    let mut stage = 0;
    loop {
        let doc = document(&ctx, settings, generated_at, &limits);
        let pages = layout::layout(&doc).map_err(|e| Error::Pdf(e.to_string()))?.pages.len();
        if pages <= 1 {
            // Cutting goes row by row from the least important list, so it can overshoot:
            // give rows back, most important list first, while the page still holds them.
            let limits = grow(&ctx, settings, generated_at, limits)?;
            return Ok((document(&ctx, settings, generated_at, &limits), was_cut(b, &limits)));
        }
        let cut = was_cut(b, &limits);
        while !shrink(b, &mut limits, &FLOORS[stage]) {
            stage += 1;
            if stage == FLOORS.len() {
                // Every list is down to its floor: the texts themselves are too long. Print
                // what there is rather than fail; the tests hold the demo and hostile text to one page.
                return Ok((doc, cut));
            }
        }
    }
}

fn one_page(ctx: &Ctx, settings: &Settings, generated_at: DateTime<Utc>, l: &Limits) -> Result<bool> {
    Ok(layout::layout(&document(ctx, settings, generated_at, l)).map_err(|e| Error::Pdf(e.to_string()))?.pages.len() <= 1)
}

fn grow(ctx: &Ctx, settings: &Settings, generated_at: DateTime<Utc>, mut l: Limits) -> Result<Limits> {
    for i in (0..7).rev() {
        loop {
            let (shown, total) = lists(ctx.b, &l)[i];
            if shown >= total {
                break;
            }
            let mut more = l;
            let fields = [&mut more.conversations, &mut more.remedies, &mut more.decisions, &mut more.broken, &mut more.complaints, &mut more.promises, &mut more.points];
            *fields[i] = shown + 1;
            if !one_page(ctx, settings, generated_at, &more)? {
                break;
            }
            l = more;
        }
    }
    Ok(l)
}

/// How far each list may be cut at each stage, in the order of [`lists`]: the least
/// important lists give up rows first, and the talking points, which the page is for, last.
const FLOORS: [[usize; 7]; 3] = [[2, 2, 1, 1, 2, 2, 3], [1, 1, 1, 1, 1, 1, 2], [0, 0, 0, 0, 0, 0, 1]];

/// (shown, total) for each list, least important first.
fn lists(b: &Briefing, l: &Limits) -> [(usize, usize); 7] {
    [
        (l.conversations, b.interactions.len()),
        (l.remedies, b.compensation.remedies.len()),
        (l.decisions, b.open_decisions.len()),
        (l.broken, b.broken_promises.len()),
        (l.complaints, b.complaints.len()),
        (l.promises, b.promises.len()),
        (l.points, b.talking_points.len()),
    ]
}

fn was_cut(b: &Briefing, l: &Limits) -> bool {
    lists(b, l).iter().any(|(shown, total)| shown < total)
}

/// Take one row off the least important list still above its floor; false when none is.
fn shrink(b: &Briefing, l: &mut Limits, floors: &[usize; 7]) -> bool {
    let shown = lists(b, l).map(|(limit, total)| limit.min(total));
    let Some(i) = (0..7).find(|i| shown[*i] > floors[*i]) else {
        return false;
    };
    let fields = [&mut l.conversations, &mut l.remedies, &mut l.decisions, &mut l.broken, &mut l.complaints, &mut l.promises, &mut l.points];
    *fields[i] = shown[i] - 1;
    true
}

fn plural(n: impl Into<i64>, one: &str, many: &str) -> String {
    let n = n.into();
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

fn document(ctx: &Ctx, settings: &Settings, generated_at: DateTime<Utc>, l: &Limits) -> Document {
    let b = ctx.b;
    let title = format!("Briefing: {}", b.account.name);
    let mut doc = Document::new(if settings.is_demo { format!("DEMO · {title}") } else { title.clone() }, "Confidential — preparation notes");
    doc.paper = if settings.paper == "letter" { Paper::Letter } else { Paper::A4 };
    doc.section_per_page = false;
    doc.author = settings.your_name.clone();
    doc.created_unix = Some(generated_at.timestamp());
    let blocks = &mut doc.blocks;
    blocks.push(Block::heading(1, title));
    blocks.push(Block::styled(intro(ctx, generated_at, settings.is_demo), TextStyle::Muted));
    blocks.push(Block::Figures(figures(b)));
    sections::talking_points(ctx, l, blocks);
    sections::promises(ctx, l, blocks);
    sections::complaints(ctx, l, blocks);
    sections::compensation(ctx, l, blocks);
    sections::conversations(ctx, l, blocks);
    sections::decisions(ctx, l, blocks);
    doc
}

fn intro(ctx: &Ctx, generated_at: DateTime<Utc>, demo: bool) -> String {
    let b = ctx.b;
    let a = &b.account;
    let mut parts = Vec::new();
    if demo {
        parts.push("DEMO, fictitious data".to_string());
    }
    if !a.segment.is_empty() {
        parts.push(a.segment.clone());
    }
    parts.push(format!("annual value {}", a.annual_value.as_ref().map(|m| m.format()).unwrap_or_else(|| "not recorded".into())));
    parts.push(match &b.communicator {
        Some(c) => {
            let since = c.since.as_deref().map(|s| format!(" since {}", ctx.dates.day(s))).unwrap_or_default();
            format!("single communicator {}{}{since}", c.name, if c.is_me { " (you)" } else { "" })
        }
        None => "no single communicator named".into(),
    });
    parts.push(match &b.last_contact {
        Some(i) => format!("last contact {} ({})", ctx.dates.moment_line(&i.at, i.precision), i.kind.replace('_', " ")),
        None => "no contact on record".into(),
    });
    let contacts: Vec<String> = b.contacts.iter().take(3).map(|c| if c.title.is_empty() { c.name.clone() } else { format!("{}, {}", c.name, c.title) }).collect();
    if !contacts.is_empty() {
        let extra = b.contacts.len().saturating_sub(3);
        parts.push(format!("contacts {}{}", contacts.join("; "), if extra > 0 { format!(" and {extra} more") } else { String::new() }));
    }
    parts.push(format!("as of {} (printed {})", ctx.dates.day(&b.today), ctx.dates.instant(&crate::when::instant(generated_at))));
    parts.join(" · ")
}

fn figures(b: &Briefing) -> Vec<Figure> {
    let f = &b.figures;
    let money = |t: &crate::money::Totals| if t.0.is_empty() { "none".to_string() } else { t.format() };
    let alert = |fig: Figure, on: bool| if on { fig.alert() } else { fig };
    vec![
        alert(Figure::new("Overdue promises", f.overdue_promises.to_string()).note(format!("{} open in all", f.open_promises)), f.overdue_promises > 0),
        Figure::new("Due within a week", f.due_soon.to_string()).note(format!("{} broken recently", f.broken_recently)),
        alert(
            Figure::new("Unanswered follow-ups", f.unanswered_follow_ups.to_string())
                .note(f.longest_silence_days.map(|d| format!("longest silence {d} days")).unwrap_or_else(|| "no silence".into())),
            f.unanswered_follow_ups > 0,
        ),
        Figure::new("Open complaints", f.open_complaints.to_string()).note(f.oldest_open_complaint_days.map(|d| format!("oldest {d} days")).unwrap_or_else(|| "none open".into())),
        Figure::new("Compensation given", money(&f.compensation)).note("offered, accepted or delivered"),
        alert(Figure::new("Revenue lost", money(&f.lost)).note(plural(f.open_decisions, "open decision", "open decisions")), !f.lost.0.is_empty()),
    ]
}

#[cfg(test)]
mod tests {
    use super::clip;

    #[test]
    fn clipping_prefers_a_word_boundary() {
        assert_eq!(clip("short enough", 40), "short enough");
        assert_eq!(clip("Then give a new date you can keep, and record it", 30), "Then give a new date you can…");
        assert_eq!(clip(&"x".repeat(50), 10), format!("{}…", "x".repeat(9)));
    }
}
