//! docs/BENCHMARKS.md: the machine, the commands, every measurement, and the targets of
//! issue 8 with whether this run met them. Written whole by each run; the analysis at the
//! end (benches/analysis.md) is the part written by hand.

use crate::machine::Machine;
use crate::stats::{self, Summary};
use std::fmt::Write as _;

/// How a target is judged.
#[derive(Debug, Clone)]
pub enum Check {
    MedianMs(f64),
    P99Ms(f64),
    /// Judged by the benchmark itself (a size, a ratio).
    Given(bool),
}

#[derive(Debug, Clone)]
pub struct Target {
    pub text: String,
    pub check: Check,
    /// The row of the headline table this counts towards, if any.
    pub headline: Option<&'static str>,
}

impl Target {
    pub fn at_most_median(text: &str, ms: f64) -> Target {
        Target { text: text.into(), check: Check::MedianMs(ms), headline: None }
    }
    pub fn at_most_p99(text: &str, ms: f64) -> Target {
        Target { text: text.into(), check: Check::P99Ms(ms), headline: None }
    }
    pub fn given(text: &str, met: bool) -> Target {
        Target { text: text.into(), check: Check::Given(met), headline: None }
    }
    pub fn headline(mut self, row: &'static str) -> Target {
        self.headline = Some(row);
        self
    }
    pub fn met(&self, s: Option<&Summary>) -> bool {
        match (&self.check, s) {
            (Check::MedianMs(ms), Some(s)) => stats::ms(s.median) <= *ms,
            (Check::P99Ms(ms), Some(s)) => stats::ms(s.p99) <= *ms,
            (Check::Given(met), _) => *met,
            _ => false,
        }
    }
}

/// One measurement.
#[derive(Debug, Clone, Default)]
pub struct Line {
    pub group: &'static str,
    pub name: String,
    /// Timeline entries in the file it was measured on.
    pub size: Option<u64>,
    pub summary: Option<Summary>,
    /// What the figure is, when it is not a time (a size, a ratio).
    pub value: Option<String>,
    pub note: String,
    pub target: Option<Target>,
}

impl Line {
    pub fn met(&self) -> Option<bool> {
        self.target.as_ref().map(|t| t.met(self.summary.as_ref()))
    }
    /// The figure the target is about, as shown in the headline table.
    fn figure(&self) -> String {
        if let Some(v) = &self.value {
            return v.clone();
        }
        match (&self.target, &self.summary) {
            (Some(Target { check: Check::P99Ms(_), .. }), Some(s)) => format!("{} p99 (median {})", stats::show(s.p99), stats::show(s.median)),
            (_, Some(s)) => stats::show(s.median),
            _ => "—".into(),
        }
    }
}

pub struct Report {
    pub machine: Machine,
    pub started: String,
    pub load_start: String,
    pub load_end: String,
    pub commands: Vec<String>,
    pub lines: Vec<Line>,
    pub notes: Vec<String>,
}

/// The headline rows in the order issue 8 lists them, with their targets.
const HEADLINES: &[(&str, &str)] = &[
    ("demo", "`casefile demo --entries 1000000` under 60 s (release build)"),
    ("briefing", "briefing query ≤ 5 ms p99"),
    ("briefing-window", "briefing in the window, IPC plus drawing ≤ 100 ms"),
    ("search", "search ≤ 100 ms for every query kind"),
    ("save", "durable save ≤ 50 ms p99"),
    ("import", "import of 10k rows ≤ 2 s, with visible progress"),
    ("packet", "100-page packet ≤ 1 s and ≤ 1 MB"),
    ("chromium", "100-page packet at least 2× faster than headless Chromium"),
    ("start", "start to interactive, 100k file ≤ 1.15× a bare Tauri window"),
    ("memory", "memory after opening the 100k file ≤ 300 MiB PSS"),
    ("binary", "release binary ≤ 10 MB"),
];

fn size_label(n: Option<u64>) -> String {
    match n {
        Some(n) if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        Some(n) if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        Some(n) => n.to_string(),
        None => "—".into(),
    }
}

impl Report {
    pub fn push(&mut self, line: Line) {
        let met = line.met().map(|m| if m { "met" } else { "NOT met" }).unwrap_or("");
        let fig = line.summary.as_ref().map(|s| format!("median {} p99 {}", stats::show(s.median), stats::show(s.p99))).unwrap_or_default();
        eprintln!("  [{}] {} {} — {} {} {}", size_label(line.size), line.group, line.name, fig, line.value.clone().unwrap_or_default(), met);
        self.lines.push(line);
    }

    pub fn render(&self, analysis: &str) -> String {
        let mut o = String::new();
        let m = &self.machine;
        let _ = writeln!(o, "# Benchmarks\n");
        let _ = writeln!(o, "Written by `make bench` (`scripts/bench.sh`) on {}. Every figure below comes from that one run on this machine; ratios are taken within the run. Do not edit by hand: the analysis at the end comes from `benches/analysis.md`.\n", self.started);
        let _ = writeln!(o, "## Machine\n");
        let _ = writeln!(o, "| | |\n|---|---|");
        let _ = writeln!(o, "| CPU | {} |\n| cores | {} |\n| RAM | {} |\n| kernel | {} |\n| OS | {} |", m.cpu, m.cores, m.ram, m.kernel, m.os);
        let _ = writeln!(o, "| load average at start (1, 5, 15 min) | {} |\n| load average at end | {} |\n", self.load_start, self.load_end);
        let _ = writeln!(o, "## Commands\n\n```sh");
        for c in &self.commands {
            let _ = writeln!(o, "{c}");
        }
        let _ = writeln!(o, "```\n");
        let _ = writeln!(o, "## Targets\n");
        let _ = writeln!(o, "| target | measured | met? |\n|---|---|---|");
        for (key, text) in HEADLINES {
            let rows: Vec<&Line> = self.lines.iter().filter(|l| l.target.as_ref().and_then(|t| t.headline) == Some(*key)).collect();
            if rows.is_empty() {
                let _ = writeln!(o, "| {text} | not measured in this run | — |");
                continue;
            }
            let figures: Vec<String> = rows
                .iter()
                .map(|l| {
                    let at = if l.size.is_some() { format!("{}: ", size_label(l.size)) } else { String::new() };
                    format!("{at}{} ({})", l.figure(), l.name)
                })
                .collect();
            let all = rows.iter().all(|l| l.met() == Some(true));
            let _ = writeln!(o, "| {text} | {} | {} |", figures.join("<br>"), if all { "**met**" } else { "**not met**" });
        }
        let _ = writeln!(o);
        let mut groups: Vec<&str> = Vec::new();
        for l in &self.lines {
            if !groups.contains(&l.group) {
                groups.push(l.group);
            }
        }
        let _ = writeln!(o, "## Every measurement\n");
        let _ = writeln!(o, "Times are medians and 99th percentiles (nearest rank) over the runs shown; min and max bound them.\n");
        for g in groups {
            let _ = writeln!(o, "### {g}\n");
            let _ = writeln!(o, "| measure | entries | runs | median | p99 | min | max | figure | target | |\n|---|---|---|---|---|---|---|---|---|---|");
            for l in self.lines.iter().filter(|l| l.group == g) {
                let (runs, median, p99, min, max) = match &l.summary {
                    Some(s) => (s.runs.to_string(), stats::show(s.median), stats::show(s.p99), stats::show(s.min), stats::show(s.max)),
                    None => ("".into(), "".into(), "".into(), "".into(), "".into()),
                };
                let figure = [l.value.clone().unwrap_or_default(), l.note.clone()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("; ");
                let target = l.target.as_ref().map(|t| t.text.clone()).unwrap_or_default();
                let met = l.met().map(|m| if m { "met" } else { "**not met**" }).unwrap_or("");
                let _ = writeln!(o, "| {} | {} | {runs} | {median} | {p99} | {min} | {max} | {figure} | {target} | {met} |", l.name, size_label(l.size));
            }
            let _ = writeln!(o);
        }
        if !self.notes.is_empty() {
            let _ = writeln!(o, "## Notes from this run\n");
            for n in &self.notes {
                let _ = writeln!(o, "- {n}");
            }
            let _ = writeln!(o);
        }
        o.push_str(analysis);
        o
    }
}
