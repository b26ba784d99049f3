//! Two processes writing to the same case file: SQLite's locking serialises them, the chain
//! stays one unbroken line, and when one holds the lock for too long the other is told
//! plainly that the file is busy.

use casefile_core::CaseFile;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn writer() -> Command {
    Command::new(env!("CARGO_BIN_EXE_casefile-writer"))
}

fn scratch(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("casefile-two-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("shared.casefile");
    drop(CaseFile::open(&path).unwrap());
    path
}

#[test]
fn two_processes_writing_at_once_do_no_damage() {
    let path = scratch("both");
    let spawn = |tag: &str| writer().arg(&path).arg("write").arg(tag).arg("150").stdout(Stdio::piped()).spawn().unwrap();
    let (a, b) = (spawn("alpha"), spawn("beta"));
    let mut acks = 0;
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        for line in text.lines() {
            assert!(line.starts_with("ack ") || line.starts_with("error busy "), "{line}");
            acks += line.starts_with("ack ") as usize;
        }
    }
    let cf = CaseFile::open(&path).unwrap();
    let n: i64 = cf.conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    assert_eq!(n as usize, acks, "every acknowledged write, and nothing else");
    assert!(acks >= 150, "both ran: {acks}");
    assert_eq!(cf.quick_check().unwrap(), ["ok"]);
    let v = casefile_core::chain::verify(cf.conn()).unwrap();
    assert!(v.ok, "{v:?}");
    assert_eq!(v.links as usize, acks, "one unbroken chain across both processes");
    println!("two writers: {acks} commits interleaved, chain of {} links verified", v.links);
    drop(cf);
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}

#[test]
fn the_loser_gets_a_clear_busy_error() {
    let path = scratch("busy");
    // One process takes the write lock and keeps it longer than the 3 s busy timeout.
    let mut holder = writer().arg(&path).arg("hold").arg("6000").stdout(Stdio::piped()).spawn().unwrap();
    let mut lines = BufReader::new(holder.stdout.take().unwrap()).lines();
    assert_eq!(lines.next().unwrap().unwrap(), "holding");

    let mut cf = CaseFile::open(&path).unwrap();
    let started = std::time::Instant::now();
    let err = casefile_core::people::create(&mut cf, &casefile_core::people::PersonInput { name: "Waiting".into(), ..Default::default() }).unwrap_err();
    assert_eq!(err.kind(), "busy", "{err}");
    assert!(err.to_string().contains("another Casefile process is writing"), "{err}");
    assert!(started.elapsed().as_millis() >= 2500, "it waited for the busy timeout first");
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["kind"], "busy");

    holder.wait().unwrap();
    // Once the other process is done, the same write goes through.
    casefile_core::people::create(&mut cf, &casefile_core::people::PersonInput { name: "Waiting".into(), ..Default::default() }).unwrap();
    assert!(casefile_core::chain::verify(cf.conn()).unwrap().ok);
    drop(cf);
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}
