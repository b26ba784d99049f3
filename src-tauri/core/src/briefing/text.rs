//! The briefing as plain text, for `casefile brief` in a terminal: the same facts in the
//! same order as the window, figures and talking points first.

use super::{Briefing, Interaction};
use crate::talking_points::{severity_word, spoken, Priority, Stance};
use crate::text::clip;
use std::fmt::Write;

/// Render a briefing as readable text, about 80 columns wide.
pub fn render(b: &Briefing) -> String {
    let mut out = String::new();
    let a = &b.account;
    let _ = writeln!(out, "BRIEFING: {}", a.name);
    let _ = writeln!(out, "{}", "=".repeat((10 + a.name.chars().count()).min(78)));
    let value = a.annual_value.as_ref().map(|m| m.format()).unwrap_or_else(|| "not recorded".into());
    let segment = if a.segment.is_empty() { String::new() } else { format!("{} · ", a.segment) };
    let _ = writeln!(out, "{segment}annual value {value} · as of {}", spoken(&b.today));
    match &b.communicator {
        Some(c) => {
            let since = c.since.as_deref().map(|s| format!(" since {}", spoken(s))).unwrap_or_default();
            let you = if c.is_me { " (you)" } else { "" };
            let _ = writeln!(out, "Single communicator: {}{you}{since}", c.name);
        }
        None => {
            let _ = writeln!(out, "Single communicator: nobody named");
        }
    }
    match &b.last_contact {
        Some(i) => {
            let _ = writeln!(out, "Last contact: {}", interaction(i));
        }
        None => {
            let _ = writeln!(out, "Last contact: none on record");
        }
    }

    let f = &b.figures;
    heading(&mut out, "Figures");
    let _ = writeln!(out, "  Overdue promises      {}", f.overdue_promises);
    let _ = writeln!(out, "  Open promises         {} ({} due within a week)", f.open_promises, f.due_soon);
    let silence = f.longest_silence_days.map(|d| format!(", longest silence {d} days")).unwrap_or_default();
    let _ = writeln!(out, "  Unanswered follow-ups {}{silence}", f.unanswered_follow_ups);
    let oldest = f.oldest_open_complaint_days.map(|d| format!(" (oldest {d} days)")).unwrap_or_default();
    let _ = writeln!(out, "  Open complaints       {}{oldest}", f.open_complaints);
    let _ = writeln!(out, "  Compensation given    {}", f.compensation.format());
    let _ = writeln!(out, "  Revenue lost          {}", f.lost.format());

    heading(&mut out, "Talking points");
    for (i, p) in b.talking_points.iter().enumerate() {
        let mark = match (p.stance, p.priority) {
            (Stance::Avoid, _) => "AVOID",
            (_, Priority::High) => "SAY  ",
            _ => "     ",
        };
        let _ = writeln!(out, "{:>3}. {mark} {} — {}", i + 1, p.title, p.sentence);
    }

    heading(&mut out, "Promises open");
    if b.promises.is_empty() {
        let _ = writeln!(out, "  None.");
    }
    for p in &b.promises {
        let state = if p.overdue { format!("OVERDUE {} d", p.days_overdue) } else { format!("due {}", spoken(&p.due_on)) };
        let _ = writeln!(out, "  [{state}] {} — made by {}", clip(&p.what, 90), p.made_by_name);
        if p.chase.confirmations + p.chase.follow_ups > 0 {
            let _ = writeln!(out, "      {}", p.chase.sentence);
        }
    }
    if !b.broken_promises.is_empty() {
        heading(&mut out, "Broken recently");
        for p in &b.broken_promises {
            let _ = writeln!(out, "  [due {}] {} — made by {}", spoken(&p.due_on), clip(&p.what, 90), p.made_by_name);
        }
    }

    heading(&mut out, "Open complaints");
    if b.complaints.is_empty() {
        let _ = writeln!(out, "  None.");
    }
    for c in &b.complaints {
        let k = &c.row.complaint;
        let late = if c.row.response_overdue { ", response late" } else { "" };
        let _ = writeln!(out, "  {} · {} · {} days · {}{late} — {}", k.reference, severity_word(k.severity), c.age_days, k.status.label(), clip(&k.description, 70));
    }

    heading(&mut out, "Compensation already given");
    let given: Vec<_> = b.compensation.remedies.iter().collect();
    if given.is_empty() {
        let _ = writeln!(out, "  None.");
    }
    for r in given.iter().take(20) {
        let about = r.complaint_reference.as_deref().map(|c| format!(" for {c}")).unwrap_or_default();
        let _ = writeln!(out, "  {} {} {}{about} — {} ({})", spoken(&r.remedy_on), r.kind.label(), r.cost.format(), r.status.label().to_lowercase(), clip(&r.description, 50));
    }
    if given.len() > 20 {
        let _ = writeln!(out, "  … and {} more", given.len() - 20);
    }
    let _ = writeln!(out, "  Total: {}", b.compensation.totals.cost.format());
    let lost = if b.lost.entries == 0 { "none recorded".into() } else { format!("{} (confirmed {}, estimated {})", b.lost.all.format(), b.lost.confirmed.format(), b.lost.estimated.format()) };
    let _ = writeln!(out, "  Revenue lost: {lost}");

    heading(&mut out, "Last conversations");
    if b.interactions.is_empty() {
        let _ = writeln!(out, "  None on record.");
    }
    for i in &b.interactions {
        let _ = writeln!(out, "  {}", interaction(i));
    }

    if !b.open_decisions.is_empty() {
        heading(&mut out, "Open decisions");
        for d in &b.open_decisions {
            let _ = writeln!(out, "  {} ({} options)", d.title, d.options.len());
        }
    }
    out
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}\n{}", "-".repeat(title.chars().count()));
}

fn interaction(i: &Interaction) -> String {
    let ago = match i.days_ago {
        Some(0) => " (today)".to_string(),
        Some(1) => " (yesterday)".to_string(),
        Some(d) if d > 1 => format!(" ({d} days ago)"),
        _ => String::new(),
    };
    let by = i.by.as_deref().map(|b| format!(" · {b}")).unwrap_or_default();
    format!("{}{ago} · {}{by} — {}", spoken(&i.at), i.kind.replace('_', " "), clip(&i.summary, 80))
}
