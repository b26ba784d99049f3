//! The benchmark suite of issue 8, run by `make bench` (scripts/bench.sh builds what it needs
//! first). It writes docs/BENCHMARKS.md.
//!
//! For each size (100,000 and 1,000,000 timeline entries by default) it makes the demo file
//! with the release `casefile demo`, then times the core's hot paths on it as the window's
//! commands call them. It then drives the release window and a bare Tauri window through the
//! same WebDriver harness, and has headless Chromium print the same packet as HTML.
//!
//! Options: `--sizes 100000,1000000`, `--runs N` (window start-ups per program, default 7),
//! `--out PATH`, `--skip-window`, `--skip-chromium`, `--window-only` (just the window against
//! the bare one, on the 100k file; for working on start-up and memory, written to
//! target/bench/window.md unless `--out` says otherwise).

mod core_bench;
mod exchange_bench;
mod html;
mod machine;
mod packet_bench;
mod report;
mod stats;
mod window;
mod window_bench;

use report::{Line, Report, Target};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The day every benchmark file treats as today, so every run makes the same files.
pub const AS_OF: &str = "2026-11-20";

pub struct Args {
    pub sizes: Vec<u64>,
    pub runs: usize,
    pub out: PathBuf,
    pub window: bool,
    pub chromium: bool,
    pub window_only: bool,
}

fn args() -> Args {
    let mut a = Args { sizes: vec![100_000, 1_000_000], runs: 7, out: root().join("docs/BENCHMARKS.md"), window: true, chromium: true, window_only: false };
    let mut out_given = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--sizes" => a.sizes = it.next().unwrap_or_default().split(',').filter_map(|s| s.trim().parse().ok()).collect(),
            "--runs" => a.runs = it.next().and_then(|s| s.parse().ok()).unwrap_or(7),
            "--out" => {
                a.out = PathBuf::from(it.next().unwrap_or_default());
                out_given = true;
            }
            "--window-only" => a.window_only = true,
            "--skip-window" => a.window = false,
            "--skip-chromium" => a.chromium = false,
            other => {
                eprintln!("casefile-bench: unknown option {other}");
                std::process::exit(2);
            }
        }
    }
    if a.window_only {
        a.sizes = vec![100_000];
        if !out_given {
            a.out = casefile_e2e::target_dir().join("bench/window.md");
        }
    }
    a
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn release(bin: &str) -> PathBuf {
    casefile_e2e::target_dir().join("release").join(bin)
}

/// Make the demo file of `entries` with the release CLI, timing it.
fn make_demo(report: &mut Report, dir: &Path, entries: u64) -> PathBuf {
    let file = dir.join(format!("demo-{entries}.casefile"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
    }
    let bin = release("casefile");
    let started = Instant::now();
    let out = Command::new(&bin)
        .args(["demo", "--file", &file.display().to_string(), "--entries", &entries.to_string(), "--as-of", AS_OF])
        .output()
        .expect("run casefile demo");
    let took = started.elapsed();
    assert!(out.status.success(), "casefile demo failed: {}", String::from_utf8_lossy(&out.stderr));
    let summary = String::from_utf8_lossy(&out.stdout).lines().nth(1).unwrap_or_default().to_string();
    let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    let target = (entries == 1_000_000).then(|| Target::given("< 60 s", took.as_secs_f64() < 60.0).headline("demo"));
    report.push(Line {
        group: "Making the files",
        name: format!("casefile demo --entries {entries}"),
        size: Some(entries),
        summary: Some(stats::Summary::of(vec![took])),
        value: Some(stats::show(took)),
        note: format!("{summary}; {}", stats::show_bytes(bytes)),
        target,
    });
    file
}

/// "100k", "1M": how the report names a file size.
pub fn report_size(n: u64) -> String {
    if n >= 1_000_000 && n % 1_000_000 == 0 {
        format!("{}M-entry", n / 1_000_000)
    } else {
        format!("{}k-entry", n / 1_000)
    }
}

pub fn today() -> casefile_core::chrono::NaiveDate {
    casefile_core::when::parse_date("as_of", AS_OF).expect("AS_OF is a date")
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let args = args();
    let dir = casefile_e2e::target_dir().join("bench");
    std::fs::create_dir_all(&dir).expect("target/bench");
    let mut report = Report {
        machine: machine::Machine::here(),
        started: casefile_core::chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
        load_start: machine::load(),
        load_end: String::new(),
        commands: vec![
            "make bench                      # = scripts/bench.sh: builds, then runs the suite below".into(),
            "cargo build --release --features custom-protocol -p casefile   # the app, as make package builds it".into(),
            "cargo build --release -p casefile-hello                       # the bare Tauri window".into(),
            "cargo build --release -p casefile-bench".into(),
            format!("target/release/casefile-bench --sizes {} --runs {}", args.sizes.iter().map(u64::to_string).collect::<Vec<_>>().join(","), args.runs),
        ],
        lines: Vec::new(),
        notes: Vec::new(),
    };
    eprintln!("Benchmarks on {} ({} cores), load {}", report.machine.cpu, report.machine.cores, report.load_start);
    let mut files = Vec::new();
    for &size in &args.sizes {
        eprintln!("== {size} entries");
        let file = make_demo(&mut report, &dir, size);
        if args.window_only {
            files.push((size, file));
            continue;
        }
        let cf = core_bench::open(&file);
        let fx = core_bench::fixture(&cf, today());
        core_bench::bench_open(&mut report, &file, size, fx.today);
        core_bench::bench_briefing(&mut report, &cf, &fx, size);
        core_bench::bench_search(&mut report, &cf, &fx, size);
        core_bench::bench_dashboard(&mut report, &cf, &fx, size);
        core_bench::bench_lists(&mut report, &cf, &fx, size);
        exchange_bench::bench_export(&mut report, &cf, &dir, size);
        core_bench::bench_verify(&mut report, &cf, size);
        eprintln!("   packets");
        let packet = packet_bench::bench_packets(&mut report, &cf, &file, &fx.busy, size);
        if let (true, Some((html, pages, ours))) = (args.chromium && files.is_empty(), packet) {
            eprintln!("   headless Chromium");
            packet_bench::bench_chromium(&mut report, &dir, &html, pages, ours, size);
        }
        drop(cf);
        core_bench::bench_save(&mut report, &file, &fx, size);
        files.push((size, file));
    }
    if !args.window_only {
        eprintln!("== import");
        exchange_bench::bench_import(&mut report, &dir);
    }
    if args.window {
        eprintln!("== the window");
        let file = files.iter().find(|(s, _)| *s == 100_000).or(files.first()).map(|(s, f)| (*s, f.clone()));
        match file {
            Some((size, file)) => window_bench::run(&mut report, &file, size, args.runs).await,
            None => report.notes.push("The window was not measured: no file was made.".into()),
        }
    }
    window_bench::binary_size(&mut report);
    report.load_end = machine::load();
    let analysis = std::fs::read_to_string(root().join("benches/analysis.md")).unwrap_or_default();
    let md = report.render(&analysis);
    std::fs::write(&args.out, md).expect("write the report");
    eprintln!("Wrote {} (load at end {})", args.out.display(), report.load_end);
}
