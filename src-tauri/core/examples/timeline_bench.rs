//! How long a page of a customer's timeline (and the complaint list and root-cause tree)
//! takes on a big case file. Make one with `casefile demo --file /tmp/big.casefile
//! --entries 100000`, then `cargo run -p casefile-core --release --example timeline_bench
//! -- /tmp/big.casefile`.
fn main() {
    let path = std::env::args().nth(1).expect("a case file path");
    let cf = casefile_core::CaseFile::open(std::path::Path::new(&path)).expect("open");
    let account: String = cf.conn().query_row("SELECT account_id FROM events WHERE account_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", [], |r| r.get(0)).expect("account");
    for (label, q) in [
        ("first page, 50", casefile_core::timeline::TimelineQuery { account_id: Some(account.clone()), limit: Some(50), ..Default::default() }),
        ("page 100, 50", casefile_core::timeline::TimelineQuery { account_id: Some(account.clone()), limit: Some(50), offset: Some(5000), ..Default::default() }),
        ("200 rows", casefile_core::timeline::TimelineQuery { account_id: Some(account.clone()), limit: Some(200), ..Default::default() }),
        ("kind=email", casefile_core::timeline::TimelineQuery { account_id: Some(account.clone()), kinds: vec!["email".into()], limit: Some(50), ..Default::default() }),
        ("date range", casefile_core::timeline::TimelineQuery { account_id: Some(account.clone()), from: Some("2026-03-01".into()), to: Some("2026-03-31".into()), limit: Some(50), ..Default::default() }),
    ] {
        let t = std::time::Instant::now();
        let page = casefile_core::timeline::list(cf.conn(), cf.today(), &q).expect("list");
        println!("{label}: {} of {} in {:.1} ms", page.items.len(), page.total, t.elapsed().as_secs_f64() * 1000.0);
    }
    let t = std::time::Instant::now();
    let list = casefile_core::complaints::list(cf.conn(), cf.today(), &Default::default()).expect("complaints");
    println!("complaints first page: {} in {:.1} ms", list.items.len(), t.elapsed().as_secs_f64() * 1000.0);
    let t = std::time::Instant::now();
    let tree = casefile_core::root_causes::tree(cf.conn()).expect("tree");
    println!("root cause tree: {} in {:.1} ms", tree.len(), t.elapsed().as_secs_f64() * 1000.0);
}

