//! Crash: SIGKILL a process that is writing, many times over, and check after each kill that
//! every acknowledged write is in the file, SQLite's integrity check passes, and the chain
//! still verifies.
//!
//! `cargo test -p casefile-core --test crash` runs 200 trials. The long run is
//! `CASEFILE_CRASH_TRIALS=1000 cargo test -p casefile-core --test crash -- --nocapture`.
//! SIGKILL loses what is in the process, not what the kernel has: a power cut is stricter,
//! and is what `synchronous = FULL` (set on every open) is for.

use casefile_core::CaseFile;
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn writer() -> Command {
    Command::new(env!("CARGO_BIN_EXE_casefile-writer"))
}

#[test]
fn kill_9_during_writes_loses_nothing_acknowledged() {
    let trials: u64 = std::env::var("CASEFILE_CRASH_TRIALS").ok().and_then(|n| n.parse().ok()).unwrap_or(200);
    let dir = std::env::temp_dir().join(format!("casefile-crash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut path = dir.join("crash.casefile");

    let started = Instant::now();
    let mut acked: HashSet<String> = HashSet::new();
    let mut total_acked = 0usize;
    let mut rng = 0x2545_F491_4F6C_DD1Du64;
    let mut killed_mid_write = 0;
    for trial in 0..trials {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        // A fresh file every 25 trials keeps each check quick; within a file, kills pile up.
        if trial % 25 == 0 {
            path = dir.join(format!("crash-{trial}.casefile"));
            drop(CaseFile::open(&path).unwrap());
            acked.clear();
        }
        let mut child = writer().arg(&path).arg("write").arg(format!("trial{trial}")).stdout(Stdio::piped()).spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || BufReader::new(stdout).lines().map_while(Result::ok).collect::<Vec<String>>());
        // Kill at a random moment: sometimes before the first commit, mostly in the middle of a stream of them.
        std::thread::sleep(Duration::from_millis(2 + rng % 40));
        child.kill().unwrap();
        child.wait().unwrap();
        let lines = reader.join().unwrap();
        for line in &lines {
            if let Some(id) = line.strip_prefix("ack ") {
                acked.insert(id.to_string());
                total_acked += 1;
            } else {
                panic!("trial {trial}: the writer said {line:?}");
            }
        }
        killed_mid_write += (!lines.is_empty()) as u32;

        let cf = CaseFile::open(&path).unwrap_or_else(|e| panic!("trial {trial}: the file does not reopen: {e}"));
        let problems: Vec<String> = cf.conn().prepare("PRAGMA integrity_check").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        assert_eq!(problems, ["ok"], "trial {trial}");
        let present: HashSet<String> = cf.conn().prepare("SELECT id FROM people").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        let lost: Vec<&String> = acked.difference(&present).collect();
        assert!(lost.is_empty(), "trial {trial}: {} acknowledged write(s) lost, e.g. {:?}", lost.len(), lost.first());
        let v = casefile_core::chain::verify(cf.conn()).unwrap();
        assert!(v.ok, "trial {trial}: {v:?}");
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "crash: {trials} kill -9 trials, {} acknowledged writes, all present; integrity_check and chain verify passed after every kill; {killed_mid_write} kills came mid-stream; {secs:.1} s",
        total_acked
    );
    assert!(total_acked as u64 >= trials, "the writer should commit many rows across the trials");
    let _ = std::fs::remove_dir_all(&dir);
}
