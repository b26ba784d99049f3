//! The escalation packet at about 10 and 100 pages, made as the builder's Save PDF… makes it
//! (read the scope from the file, work out the figures, hash the records, lay out, draw);
//! and the same 100-page content printed by headless Chromium from HTML, in the same run.

use crate::report::{Line, Report, Target};
use crate::stats::{self, Summary};
use casefile_core::packet::{self, PacketInput, PacketSpec};
use casefile_core::CaseFile;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const MAX_PACKET_BYTES: usize = 1_000_000;
const MAX_PACKET_MS: f64 = 1000.0;

/// A packet scope and the pages it makes.
struct Scope {
    label: String,
    spec: PacketSpec,
    pages: usize,
}

fn spec(cf: &CaseFile, path: &Path, account: Option<&str>, days: Option<i64>) -> PacketSpec {
    let today = crate::today();
    let input = PacketInput {
        account_ids: account.map(|a| vec![a.to_string()]).unwrap_or_default(),
        from: days.map(|d| casefile_core::when::date(today - casefile_core::chrono::Duration::days(d))).unwrap_or_default(),
        to: days.map(|_| casefile_core::when::date(today)).unwrap_or_default(),
        recipient_name: "Dr. Ines Hartmann".into(),
        recipient_title: "Managing Director".into(),
        ..Default::default()
    };
    let now = casefile_core::chrono::DateTime::parse_from_rfc3339("2026-11-20T12:00:00Z").map(|t| t.to_utc()).unwrap_or_else(|_| cf.now());
    packet::check(cf.conn(), &input, now, today, &path.display().to_string()).expect("packet spec")
}

fn since(days: i64) -> String {
    casefile_core::when::date(crate::today() - casefile_core::chrono::Duration::days(days))
}

/// The first scope, from small to large, whose packet has at least `pages` pages: the
/// busiest customer over a growing period, then every customer.
fn scope_of(cf: &CaseFile, path: &Path, busy: &str, pages: usize) -> Scope {
    let mut candidates: Vec<(String, Option<&str>, Option<i64>)> = Vec::new();
    for d in [1, 2, 4, 7, 10, 14, 21, 30, 45, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330, 365] {
        candidates.push((format!("Nordlicht, {} to {}", since(d), crate::AS_OF), Some(busy), Some(d)));
    }
    for d in [30, 90, 365] {
        candidates.push((format!("every customer, {} to {}", since(d), crate::AS_OF), None, Some(d)));
    }
    candidates.push(("every customer, all time".into(), None, None));
    let mut best: Option<Scope> = None;
    for (label, account, days) in candidates {
        let spec = spec(cf, path, account, days);
        let made = packet::build_for(cf, &spec, &mut |_| {}).expect("packet");
        let found = Scope { label, spec, pages: made.pages };
        if found.pages >= pages {
            return found;
        }
        if best.as_ref().is_none_or(|b| found.pages > b.pages) {
            best = Some(found);
        }
    }
    best.expect("at least one packet")
}

/// Make the packets on one file; returns the 100-page scope's HTML and timing for Chromium.
pub fn bench_packets(report: &mut Report, cf: &CaseFile, path: &Path, busy: &str, size: u64) -> Option<(String, usize, Duration)> {
    let mut out = None;
    for want in [10, 100] {
        let scope = scope_of(cf, path, busy, want);
        // Cold: the chain is verified as part of the packet (the file changed a moment ago,
        // before the background check came round). Once on the biggest files: it is seconds.
        let cold_runs = if size >= 1_000_000 { 1 } else { 3 };
        let cold = stats::time(0, cold_runs, || packet::build_with(cf.conn(), &scope.spec, None, &mut |_| {}).expect("packet"));
        report.push(Line {
            group: "Escalation packet (PDF)",
            name: format!("{}-page packet, the whole chain verified for it: {} ({} pages)", want, scope.label, scope.pages),
            size: Some(size),
            summary: Some(cold),
            note: "as below, plus walking every link and chained row of the file (what the background check does after opening and after writes)".into(),
            ..Default::default()
        });
        let mut pdf = Vec::new();
        let s = stats::time(1, 7, || {
            let p = packet::build_for(cf, &scope.spec, &mut |_| {}).expect("packet");
            pdf = p.pdf;
        });
        let ok = stats::ms(s.median) <= MAX_PACKET_MS && pdf.len() <= MAX_PACKET_BYTES;
        let mut target = Target::given("≤ 1 s and ≤ 1 MB", ok);
        if want == 100 {
            target = target.headline("packet");
        }
        report.push(Line {
            group: "Escalation packet (PDF)",
            name: format!("{}-page packet: {} ({} pages)", want, scope.label, scope.pages),
            size: Some(size),
            summary: Some(s),
            value: Some(format!("{} in {}", stats::show_bytes(pdf.len() as u64), stats::show(s.median))),
            note: "as Save PDF… makes it: scope read, figures, the printed records hashed, laid out, drawn; the chain's verification is the one the background check made since the last change".into(),
            target: Some(target),
        });
        if want == 100 {
            let (doc, _, _) = packet::document(cf.conn(), &scope.spec, &mut |_| {}).expect("document");
            out = Some((crate::html::document(&doc), scope.pages, s.median));
        }
    }
    out
}

fn chromium_version() -> String {
    Command::new("chromium").arg("--version").output().map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string()).unwrap_or_default()
}

/// Pages in a PDF, by its page objects (Chromium writes them uncompressed).
fn count_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1).filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's').count()
}

/// Headless Chromium printing the same content to PDF, a fresh profile each time, timed from
/// starting the process to its exit with the PDF written.
pub fn bench_chromium(report: &mut Report, dir: &Path, html: &str, our_pages: usize, ours: Duration, size: u64) {
    let page = dir.join("packet-100.html");
    std::fs::write(&page, html).expect("write the HTML");
    let pdf = dir.join("chromium-100.pdf");
    let url = format!("file://{}", std::fs::canonicalize(&page).unwrap_or(page.clone()).display());
    let mut samples = Vec::new();
    for i in 0..6 {
        let profile: PathBuf = dir.join(format!("chromium-profile-{i}"));
        let _ = std::fs::remove_dir_all(&profile);
        let _ = std::fs::remove_file(&pdf);
        let started = Instant::now();
        let status = Command::new("chromium")
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(&url)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
        let took = started.elapsed();
        let _ = std::fs::remove_dir_all(&profile);
        match status {
            Ok(s) if s.success() && pdf.exists() => {
                // The first run warms the page cache for Chromium's own files; it is not counted.
                if i > 0 {
                    samples.push(took);
                }
            }
            other => {
                report.notes.push(format!("Headless Chromium did not print the packet ({other:?}); the comparison was not made."));
                return;
            }
        }
    }
    let bytes = std::fs::read(&pdf).unwrap_or_default();
    let theirs = Summary::of(samples);
    report.push(Line {
        group: "Escalation packet (PDF)",
        name: "the same 100-page content as HTML, printed by headless Chromium".into(),
        size: Some(size),
        summary: Some(theirs),
        value: Some(format!("{} pages, {}", count_pages(&bytes), stats::show_bytes(bytes.len() as u64))),
        note: format!("{}; `chromium --headless --print-to-pdf`, fresh profile per run; the HTML was written beforehand (not timed) from the packet's own layout document; our {our_pages} pages", chromium_version()),
        target: None,
    });
    let ratio = stats::ms(theirs.median) / stats::ms(ours).max(f64::EPSILON);
    report.push(Line {
        group: "Escalation packet (PDF)",
        name: "100-page packet: Chromium's time ÷ Casefile's (medians, same run)".into(),
        size: Some(size),
        value: Some(format!("{ratio:.1}× faster ({} vs {})", stats::show(ours), stats::show(theirs.median))),
        target: Some(Target::given("≥ 2× faster", ratio >= 2.0).headline("chromium")),
        ..Default::default()
    });
    let _ = std::fs::remove_file(&pdf);
}
