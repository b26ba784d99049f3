//! How long searches take on a big case file: `cargo run -p casefile-core --release
//! --example search_bench -- /tmp/big.casefile 1000000` makes the file (the demo with a
//! million extra timeline entries) when it does not exist yet, then times the searches.
use casefile_core::search::{search, SearchQuery};

fn main() {
    let path = std::env::args().nth(1).expect("a case file path");
    let entries: u64 = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
    if !std::path::Path::new(&path).exists() {
        let t = std::time::Instant::now();
        let opts = casefile_core::demo::DemoOptions { entries, ..Default::default() };
        casefile_core::demo::write(std::path::Path::new(&path), &opts).expect("write the demo");
        println!("made {path} with {entries} extra entries in {:.0} s", t.elapsed().as_secs_f64());
    }
    let cf = casefile_core::CaseFile::open(std::path::Path::new(&path)).expect("open");
    let account: String = cf.conn().query_row("SELECT account_id FROM events WHERE account_id IS NOT NULL GROUP BY 1 ORDER BY count(*) ASC LIMIT 1", [], |r| r.get(0)).expect("account");
    let q = |text: &str| SearchQuery { text: text.into(), ..Default::default() };
    for (label, query) in [
        ("common word, everything", q("the")),
        ("common prefix while typing", q("sh")),
        ("rare word", q("Membratex")),
        ("two words", q("credit note")),
        ("nothing matches", q("xylophone")),
        ("common word, one customer", SearchQuery { account_id: Some(account.clone()), ..q("the") }),
        ("common word, one month", SearchQuery { from: Some("2026-03-01".into()), to: Some("2026-03-31".into()), ..q("the") }),
        ("common word, events only", SearchQuery { kind: Some("event".into()), ..q("the") }),
        ("open records", SearchQuery { status: Some("open".into()), ..q("the") }),
        ("rare word, one customer", SearchQuery { account_id: Some(account.clone()), ..q("Membratex") }),
        ("middling word, one customer, one month", SearchQuery { account_id: Some(account.clone()), from: Some("2026-03-01".into()), to: Some("2026-03-31".into()), ..q("invoice") }),
    ] {
        let t = std::time::Instant::now();
        let r = search(cf.conn(), cf.today(), &query).expect("search");
        let hits: usize = r.groups.iter().map(|g| g.hits.len()).sum();
        println!("{label}: {hits} hits in {} groups, {:.1} ms", r.groups.len(), t.elapsed().as_secs_f64() * 1000.0);
    }
}
