//! The packet's charts, drawn as vector graphics by the layout engine: complaints per month
//! by root cause (what a supply decision costs, month by month), and each promiser's promises
//! kept against broken (whose "yes" can be relied on).

use super::dates::short_month;
use super::figures::UNKNOWN_CAUSE;
use super::layout::{BarChart, Block, Rgb, Series, TextStyle};
use super::Context;
use crate::root_causes::months_between;
use crate::when;
use std::collections::BTreeMap;

/// More months than this and the bars get too thin to read: the latest ones are charted.
const MAX_MONTHS: usize = 24;
/// Series beyond this share one "Other causes" bar segment, so colours stay tellable apart.
const MAX_CAUSES: usize = 5;
const MAX_PROMISERS: usize = 8;

fn complaints_chart(ctx: &Context) -> Option<(BarChart, String)> {
    let complaints = &ctx.gathered.complaints;
    let months_of = |stored: &str| stored.get(..7).unwrap_or(stored).to_string();
    let first = complaints.iter().map(|c| months_of(&c.received_at)).min()?;
    let last = complaints.iter().map(|c| months_of(&c.received_at)).max()?;
    let day = |m: &str| when::moment_day(m);
    let start = ctx.spec.from.or_else(|| day(&first))?;
    let end = ctx.spec.to.unwrap_or(ctx.spec.today).max(day(&last)?);
    let mut months = months_between(start, end);
    let mut note = String::new();
    if months.len() > MAX_MONTHS {
        months = months.split_off(months.len() - MAX_MONTHS);
        note = format!(" The chart shows the last {MAX_MONTHS} months; the tables cover the whole period.");
    }
    let mut by_cause: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    let mut totals: BTreeMap<String, u32> = BTreeMap::new();
    for c in complaints {
        let cause = c.root_cause_path.clone().unwrap_or_else(|| UNKNOWN_CAUSE.to_string());
        *by_cause.entry(cause.clone()).or_default().entry(months_of(&c.received_at)).or_insert(0.0) += 1.0;
        *totals.entry(cause).or_insert(0) += 1;
    }
    let mut ranked: Vec<(String, u32)> = totals.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let keep = if ranked.len() > MAX_CAUSES + 1 { MAX_CAUSES } else { ranked.len() };
    let mut series: Vec<Series> = ranked[..keep]
        .iter()
        .map(|(cause, _)| Series { name: cause.clone(), values: months.iter().map(|m| by_cause[cause].get(m).copied().unwrap_or(0.0)).collect() })
        .collect();
    if keep < ranked.len() {
        let values = months.iter().map(|m| ranked[keep..].iter().map(|(cause, _)| by_cause[cause].get(m).copied().unwrap_or(0.0)).sum()).collect();
        series.push(Series { name: format!("Other causes ({})", ranked.len() - keep), values });
    }
    let chart = BarChart {
        title: "Complaints received per month, by root cause".into(),
        categories: months.iter().map(|m| short_month(m)).collect(),
        series,
        stacked: true,
        y_label: "Complaints".into(),
        palette: Vec::new(),
    };
    Some((chart, note))
}

fn promisers_chart(ctx: &Context) -> Option<BarChart> {
    let lines: Vec<_> = ctx.figures.by_promiser.iter().filter(|l| l.counts.made > 0).take(MAX_PROMISERS).collect();
    if lines.is_empty() {
        return None;
    }
    let series = |name: &str, f: fn(&super::figures::PromiseCounts) -> u32| Series { name: name.into(), values: lines.iter().map(|l| f64::from(f(&l.counts))).collect() };
    Some(BarChart {
        title: "Promises kept against broken, by who made them".into(),
        categories: lines.iter().map(|l| l.name.clone()).collect(),
        series: vec![
            series("Kept on time", |c| c.kept_on_time),
            series("Kept late", |c| c.kept_late),
            series("Broken", |c| c.broken),
            series("Open and overdue", |c| c.overdue),
        ],
        stacked: false,
        y_label: "Promises".into(),
        // Green for kept, amber for late, red for broken: the colours mean what they say.
        palette: vec![Rgb(0x1d, 0x7a, 0x46), Rgb(0xf2, 0xb8, 0x4b), Rgb(0xb4, 0x23, 0x18), Rgb(0xe8, 0xa3, 0x9a)],
    })
}

pub(crate) fn blocks(ctx: &Context, blocks: &mut Vec<Block>) {
    let complaints = complaints_chart(ctx);
    let promisers = promisers_chart(ctx);
    if complaints.is_none() && promisers.is_none() {
        super::empty_section(blocks, "Charts", "There is nothing to chart in scope: no complaints and no promises.");
        return;
    }
    blocks.push(Block::heading(1, "Charts"));
    if let Some((chart, note)) = complaints {
        blocks.push(Block::BarChart(chart));
        let more = if ctx.figures.complaints_by_cause.len() > MAX_CAUSES + 1 { " The smaller causes share one segment; the summary table lists each." } else { "" };
        blocks.push(Block::styled(format!("By the month each complaint was received, stacked by its root cause.{more}{note}"), TextStyle::Small));
    }
    if let Some(chart) = promisers {
        blocks.push(Block::BarChart(chart));
        let more = if ctx.figures.by_promiser.len() > MAX_PROMISERS { format!(" The {MAX_PROMISERS} people who made the most promises are shown; the summary table lists everyone.") } else { String::new() };
        blocks.push(Block::styled(format!("Promises made in scope, by how they ended; open promises not yet due are not shown.{more}"), TextStyle::Small));
    }
}
