//! Makes escalation packets from a demo case file and prints their size and timing, so the
//! budget (a 100-page packet in under a second, under 1 MB) can be checked on a real build:
//!
//! ```text
//! cargo run --release -p casefile-core --example packet_bench -- [ENTRIES] [CUSTOMER]
//! ```
//!
//! ENTRIES extra timeline entries are added to the demo (as `casefile demo --entries N`
//! does); the packets are written to `target/pdf-out/`. Timings are the median of five runs.

use casefile_core::demo::{self, DemoOptions};
use casefile_core::packet::{self, PacketInput};
use casefile_core::{accounts, CaseFile};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let entries: u64 = args.next().map(|a| a.parse()).transpose()?.unwrap_or(0);
    let customer = args.next();
    let out = format!("{}/../../target/pdf-out", env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(&out)?;
    let path = std::env::temp_dir().join(format!("packet-bench-{}-{entries}.casefile", std::process::id()));
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).ok_or("date")?;
    let started = Instant::now();
    demo::write(&path, &DemoOptions { entries, as_of: Some(as_of), ..Default::default() })?;
    println!("demo with {entries} extra entries written in {:.1} s", started.elapsed().as_secs_f64());
    let cf = CaseFile::open(&path)?;
    let mut runs: Vec<(String, PacketInput)> = vec![("all".into(), PacketInput::default())];
    let name = customer.unwrap_or_else(|| "Kestrel Roofing Ltd".into());
    if let Some(a) = accounts::find_by_name(cf.conn(), &name)?.first() {
        runs.push((name.clone(), PacketInput { account_ids: vec![a.id.clone()], ..Default::default() }));
    }
    for (label, input) in runs {
        let spec = packet::check(cf.conn(), &input, cf.now(), cf.today(), &path.display().to_string())?;
        let mut times = Vec::new();
        let mut made = None;
        let mut stages: Vec<(String, f64)> = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            stages.clear();
            let p = packet::build(cf.conn(), &spec, &mut |s| stages.push((s.stage, t.elapsed().as_secs_f64() * 1000.0)))?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            made = Some(p);
        }
        let marks: Vec<String> = stages.iter().map(|(s, ms)| format!("{ms:.0} ms {s}")).collect();
        println!("  stages of the last run (time when each began): {}", marks.join(" · "));
        times.sort_by(|a, b| a.total_cmp(b));
        let p = made.ok_or("no packet")?;
        let file = format!("{out}/packet-{}-{entries}.pdf", label.split_whitespace().next().unwrap_or("x").to_lowercase());
        std::fs::write(&file, &p.pdf)?;
        println!(
            "{label:<22} {:>4} pages  {:>8.1} KB  median {:>7.1} ms (min {:.1}, max {:.1})  {} timeline entries  -> {file}",
            p.pages,
            p.pdf.len() as f64 / 1024.0,
            times[2],
            times[0],
            times[4],
            p.figures.chronology_printed
        );
    }
    drop(cf);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    Ok(())
}
