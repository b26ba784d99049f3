//! The window benchmarks: Casefile on the 100k-entry file against the bare Tauri window,
//! started alternately through the same harness; then, in Casefile's window, a customer's
//! screen drawn after its IPC calls, and the memory of the app and its WebKit processes.

use crate::report::{Line, Report, Target};
use crate::stats::{self, Summary};
use crate::window;
use std::path::Path;
use std::time::Duration;

const MAX_PSS: u64 = 300 << 20;
const MAX_BINARY: u64 = 10 * 1000 * 1000;

pub async fn run(report: &mut Report, file: &Path, size: u64, runs: usize) {
    let (app_bin, hello) = (crate::release("casefile"), crate::release("casefile-hello"));
    for bin in [&app_bin, &hello] {
        if !bin.exists() {
            report.notes.push(format!("The window was not measured: {} is missing (scripts/bench.sh builds it).", bin.display()));
            return;
        }
    }
    let file_arg = file.display().to_string();
    let (mut ours, mut bare) = (Vec::new(), Vec::new());
    // Alternate the two programs, so a busy moment on the machine hits both alike; the first
    // start of each (page cache, font cache) is not counted.
    for i in 0..=runs {
        match window::launch(&hello, &[]).await {
            Ok((h, t)) => {
                if i > 0 {
                    bare.push(t);
                }
                if i == runs {
                    tokio::time::sleep(Duration::from_secs(2)).await;
                    let (bytes, parts) = window::memory(&h, &hello);
                    report.push(Line {
                        group: "The window",
                        name: "memory of the bare Tauri window (PSS, app + WebKit processes)".into(),
                        value: Some(stats::show_bytes(bytes)),
                        note: parts.join(", "),
                        ..Default::default()
                    });
                }
                h.quit().await;
            }
            Err(e) => report.notes.push(format!("The bare window failed to start: {e}")),
        }
        match window::launch(&app_bin, &["--file", &file_arg]).await {
            Ok((a, t)) => {
                if i > 0 {
                    ours.push(t);
                }
                if i == runs {
                    in_the_window(report, &a, &app_bin, file, size).await;
                }
                a.quit().await;
            }
            Err(e) => report.notes.push(format!("Casefile's window failed to start: {e}")),
        }
    }
    if ours.is_empty() || bare.is_empty() {
        return;
    }
    let (o, b) = (Summary::of(ours), Summary::of(bare));
    report.push(Line { group: "The window", name: "start to interactive: bare Tauri 2 hello-world window".into(), summary: Some(b), ..Default::default() });
    report.push(Line {
        group: "The window",
        name: format!("start to interactive: Casefile on the {} file (first screen drawn with its data)", crate::report_size(size)),
        size: Some(size),
        summary: Some(o),
        ..Default::default()
    });
    let ratio = stats::ms(o.median) / stats::ms(b.median);
    report.push(Line {
        group: "The window",
        name: "start to interactive, Casefile ÷ bare window (medians, same run)".into(),
        size: Some(size),
        value: Some(format!("{ratio:.2}× ({} vs {})", stats::show(o.median), stats::show(b.median))),
        target: Some(Target::given("≤ 1.15×", ratio <= 1.15).headline("start")),
        ..Default::default()
    });
}

/// With Casefile open on the big file: its memory once settled, then a customer's screen.
async fn in_the_window(report: &mut Report, app: &casefile_e2e::App, program: &Path, file: &Path, size: u64) {
    // Memory once the first screen has settled, and again once the background check of the
    // record and the first backup are done (they start 2.5 s after opening); the target is
    // judged on the larger.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let (early, _) = window::memory(app, program);
    let checked = app.wait_text("[data-integrity-text]", "intact").await.is_ok();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (late, parts) = window::memory(app, program);
    let bytes = early.max(late);
    report.push(Line {
        group: "The window",
        name: "memory after opening the file (PSS, app + WebKit processes)".into(),
        size: Some(size),
        value: Some(stats::show_bytes(bytes)),
        note: format!(
            "2 s after interactive {}; after the background check{} {}: {}",
            stats::show_bytes(early),
            if checked { "" } else { " (it did not finish)" },
            stats::show_bytes(late),
            parts.join(", ")
        ),
        target: Some(Target::given("≤ 300 MiB", bytes > 0 && bytes <= MAX_PSS).headline("memory")),
        ..Default::default()
    });
    let cf = crate::core_bench::open(file);
    let fx = crate::core_bench::fixture(&cf, crate::today());
    drop(cf);
    let mut samples = Vec::new();
    for i in 0..12 {
        let id = if i % 2 == 0 { &fx.busy } else { &fx.typical };
        match window::time_route(app, &format!("#/customers/{id}"), "[data-customer-name]").await {
            Ok(t) if i >= 2 => samples.push(t),
            Ok(_) => {}
            Err(e) => {
                report.notes.push(format!("The customer screen was not measured: {e}"));
                return;
            }
        }
        // Leave for another screen so the next visit draws the customer afresh.
        let _ = window::time_route(app, "#/people", "[data-list=people]").await;
    }
    let s = Summary::of(samples);
    report.push(Line {
        group: "The window",
        name: "customer screen: IPC plus drawing (Nordlicht and a typical customer, alternately)".into(),
        size: Some(size),
        summary: Some(s),
        target: Some(Target::at_most_median("≤ 100 ms", 100.0)),
        ..Default::default()
    });
    let mut samples = Vec::new();
    for i in 0..22 {
        let id = if i % 2 == 0 { &fx.busy } else { &fx.typical };
        match window::time_route(app, &format!("#/briefing/{id}"), "[data-briefing-name]").await {
            Ok(t) if i >= 2 => samples.push(t),
            Ok(_) => {}
            Err(e) => {
                report.notes.push(format!("The briefing was not measured in the window: {e}"));
                return;
            }
        }
        let _ = window::time_route(app, "#/people", "[data-list=people]").await;
    }
    let s = Summary::of(samples);
    report.push(Line {
        group: "The window",
        name: "customer briefing: IPC plus drawing (Nordlicht and a typical customer, alternately)".into(),
        size: Some(size),
        summary: Some(s),
        target: Some(Target::at_most_median("≤ 100 ms", 100.0).headline("briefing-window")),
        ..Default::default()
    });
}

pub fn binary_size(report: &mut Report) {
    let bin = crate::release("casefile");
    let Ok(meta) = std::fs::metadata(&bin) else {
        report.notes.push(format!("{} is missing: the binary size was not measured.", bin.display()));
        return;
    };
    let bytes = meta.len();
    report.push(Line {
        group: "The release binary",
        name: "target/release/casefile (as make package builds it: LTO, opt-level \"z\", abort on panic, stripped)".into(),
        value: Some(format!("{:.2} MB ({bytes} bytes)", bytes as f64 / 1e6)),
        target: Some(Target::given("≤ 10 MB", bytes <= MAX_BINARY).headline("binary")),
        ..Default::default()
    });
}
