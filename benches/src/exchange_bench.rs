//! Moving a case file in and out: exporting everything, and importing an export of about
//! ten thousand rows into a new file, as the Safety screen does (with its progress).

use crate::report::{Line, Report, Target};
use crate::stats::{self, Summary};
use casefile_core::exchange::{self, import};
use casefile_core::CaseFile;
use std::path::Path;
use std::time::Instant;

/// Export everything as the JSON of docs/format.md, to a file.
pub fn bench_export(report: &mut Report, cf: &CaseFile, dir: &Path, size: u64) {
    let out = dir.join(format!("export-{size}.json"));
    let mut summary = None;
    let s = stats::time(0, 3, || summary = Some(exchange::export_to(cf.conn(), &out, None).expect("export")));
    let e = summary.expect("exported");
    let _ = std::fs::remove_file(&out);
    let note = format!("{} rows, {}", e.rows, stats::show_bytes(e.bytes));
    report.push(Line { group: "Export and import", name: "export everything (JSON, written atomically)".into(), size: Some(size), summary: Some(s), note, ..Default::default() });
}

/// Import an export of about 10,000 rows into a new file: read, parse, check every value,
/// write in one transaction, verify the chain, as `import_case_file` does.
pub fn bench_import(report: &mut Report, dir: &Path) {
    let source = dir.join("import-source.casefile");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", source.display()));
    }
    let opts = casefile_core::demo::DemoOptions { seed: 1, entries: 4_000, as_of: Some(crate::today()) };
    casefile_core::demo::write(&source, &opts).expect("the import's source file");
    let json = dir.join("import-source.json");
    exchange::export_to(CaseFile::open(&source).expect("open").conn(), &json, None).expect("export");
    let mut samples = Vec::new();
    let (mut rows, mut updates, mut between) = (0, 0, 0);
    for _ in 0..5 {
        let target = dir.join("imported.casefile");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
        }
        let started = Instant::now();
        let bytes = std::fs::read(&json).expect("read the export");
        let doc = import::Document::parse(&bytes, None).expect("parse");
        updates = 0;
        between = 0;
        let summary = import::import_file(&target, &doc, None, &mut |p| {
            updates += 1;
            between += u64::from(p.done > 0 && p.done < p.total);
        })
        .expect("import");
        samples.push(started.elapsed());
        rows = summary.rows;
    }
    let s = Summary::of(samples);
    let note = format!("{rows} rows; {updates} progress updates from the core ({between} part-way), sent to the window at most every 60 ms");
    let target = Target::at_most_median("≤ 2 s", 2000.0).headline("import");
    report.push(Line { group: "Export and import", name: "import an export into a new file".into(), summary: Some(s), note, target: Some(target), ..Default::default() });
}
