//! Disk full: a case file on a 2 MB tmpfs is written until the disk is full. The user gets
//! the `disk_full` error (not a crash, not a vague database error), the file keeps every row
//! that was committed, and once space is freed writing simply goes on.
//!
//! It mounts a tmpfs, so it needs root (as in CI). Without root it says so and does nothing.
//! As root, a failed mount fails the test, unless CASEFILE_SKIP_DISK_FULL=1 is set.

use casefile_core::people::{self, PersonInput};
use casefile_core::CaseFile;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Mount(PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        let _ = std::fs::remove_dir(&self.0);
    }
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

fn mount_small_tmpfs() -> Option<Mount> {
    let dir = std::env::temp_dir().join(format!("casefile-full-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ok = Command::new("mount").args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"]).arg(&dir).status().map(|s| s.success()).unwrap_or(false);
    if ok {
        Some(Mount(dir))
    } else {
        let _ = std::fs::remove_dir(&dir);
        None
    }
}

fn count(path: &Path) -> i64 {
    let cf = CaseFile::open(path).unwrap();
    cf.conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap()
}

#[test]
fn a_full_disk_is_reported_and_loses_nothing_committed() {
    if !is_root() {
        eprintln!("disk_full: skipped: mounting a small tmpfs needs root (CI runs as root)");
        return;
    }
    let Some(mount) = mount_small_tmpfs() else {
        if std::env::var("CASEFILE_SKIP_DISK_FULL").as_deref() == Ok("1") {
            eprintln!("disk_full: skipped: this machine refused to mount a tmpfs, and CASEFILE_SKIP_DISK_FULL=1");
            return;
        }
        panic!("running as root but `mount -t tmpfs` failed; set CASEFILE_SKIP_DISK_FULL=1 on a machine that forbids mounts");
    };
    let path = mount.0.join("full.casefile");
    let mut cf = CaseFile::open(&path).unwrap();
    let mut committed = Vec::new();
    let err = loop {
        let input = PersonInput { name: format!("Person {}", committed.len()), notes: "n".repeat(20_000), ..Default::default() };
        match people::create(&mut cf, &input) {
            Ok(p) => committed.push(p.id),
            Err(e) => break e,
        }
        assert!(committed.len() < 10_000, "a 2 MB disk never filled up");
    };
    assert_eq!(err.kind(), "disk_full", "{err}");
    assert!(err.to_string().contains("disk is full"), "{err}");
    assert!(err.to_string().contains("Everything saved before it is intact"), "{err}");
    // The connection still works, and still refuses politely.
    let again = people::create(&mut cf, &PersonInput { name: "One more".into(), notes: "n".repeat(20_000), ..Default::default() }).unwrap_err();
    assert_eq!(again.kind(), "disk_full");
    drop(cf);

    let cf = CaseFile::open(&path).unwrap();
    assert_eq!(cf.quick_check().unwrap(), ["ok"]);
    for id in &committed {
        people::get(cf.conn(), id).unwrap_or_else(|_| panic!("committed row {id} is missing"));
    }
    assert!(casefile_core::chain::verify(cf.conn()).unwrap().ok);
    drop(cf);
    assert_eq!(count(&path) as usize, committed.len());
    println!("disk_full: {} rows committed before the 2 MB disk filled; all present after reopening", committed.len());
}
