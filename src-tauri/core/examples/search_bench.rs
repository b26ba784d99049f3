//! How long searches take on a big case file. Make one with `casefile demo --file
//! /tmp/big.casefile --entries 1000000`, then `cargo run -p casefile-core --release
//! --example search_bench -- /tmp/big.casefile`.
use casefile_core::search::{search, SearchQuery};

fn main() {
    let path = std::env::args().nth(1).expect("a case file path");
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
    ] {
        let t = std::time::Instant::now();
        let r = search(cf.conn(), cf.today(), &query).expect("search");
        let hits: usize = r.groups.iter().map(|g| g.hits.len()).sum();
        println!("{label}: {hits} hits in {} groups, {:.1} ms", r.groups.len(), t.elapsed().as_secs_f64() * 1000.0);
    }
}
