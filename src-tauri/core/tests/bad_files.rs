//! Bad files: corrupt, truncated, foreign, or with a journal beside them that is not theirs.
//! Each is refused with an explanation, and neither it nor its journal changes by one byte.

use casefile_core::demo::{self, DemoOptions};
use casefile_core::CaseFile;
use std::path::{Path, PathBuf};

/// A folder removed when the test ends, so repeated runs leave nothing behind in /tmp.
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(tag: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("casefile-bad-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

/// A real case file with some bulk, closed cleanly (no journal left).
fn good_file(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let as_of = casefile_core::chrono::NaiveDate::from_ymd_opt(2026, 11, 20);
    demo::write(&path, &DemoOptions { seed: 1, entries: 600, as_of }).unwrap();
    path
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

fn wal(path: &Path) -> PathBuf {
    PathBuf::from(format!("{}-wal", path.display()))
}

/// Open must fail with `kind`, mention `needle`, and leave the file and its journal alone.
fn refused(path: &Path, kind: &str, needle: &str) {
    let (before, before_wal) = (bytes(path), bytes(&wal(path)));
    let err = CaseFile::open(path).err().unwrap_or_else(|| panic!("{} was opened", path.display()));
    assert_eq!(err.kind(), kind, "{err}");
    assert!(err.to_string().contains(needle), "{err}");
    assert!(err.to_string().contains("has not been changed") || err.to_string().contains("not been changed"), "{err}");
    assert_eq!(bytes(path), before, "the file was modified");
    assert_eq!(bytes(&wal(path)), before_wal, "its journal was modified");
}

#[test]
fn a_corrupt_file_is_refused_untouched() {
    let dir = scratch("corrupt");
    let path = good_file(&dir, "corrupt.casefile");
    let mut b = bytes(&path);
    // Scribble over the middle of the file: b-tree pages, not the header.
    let mid = b.len() / 2;
    for (i, x) in b[mid..mid + 3000].iter_mut().enumerate() {
        *x = (i * 7 % 251) as u8;
    }
    std::fs::write(&path, &b).unwrap();
    refused(&path, "damaged", "damaged");
}

#[test]
fn a_truncated_file_is_refused_untouched() {
    let dir = scratch("truncated");
    for (name, keep) in [("half.casefile", 0.5), ("ragged.casefile", 0.73)] {
        let path = good_file(&dir, name);
        let b = bytes(&path);
        std::fs::write(&path, &b[..(b.len() as f64 * keep) as usize]).unwrap();
        refused(&path, "damaged", "cut short");
    }
}

#[test]
fn foreign_files_are_refused_untouched() {
    let dir = scratch("foreign");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("photo.jpg", { let mut v = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0]; v.resize(4096, 7); v }),
        ("archive.zip", { let mut v = b"PK\x03\x04\x14\0\0\0\x08\0".to_vec(); v.resize(3000, 0); v }),
        ("notes.md", b"# Meeting notes\n\nRolf said yes again.\n".repeat(50)),
    ];
    for (name, content) in cases {
        let path = dir.join(name);
        std::fs::write(&path, &content).unwrap();
        refused(&path, "not_a_case_file", "not a Casefile file");
    }
    let other = dir.join("other.sqlite");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE notes(body); INSERT INTO notes VALUES ('x');").unwrap();
    refused(&other, "not_a_case_file", "another program");
}

#[test]
fn a_journal_from_another_file_is_refused_and_kept() {
    let dir = scratch("stalewal");
    // Make a journal full of another file's pages: write a lot and stop without a checkpoint.
    let donor = good_file(&dir, "donor.casefile");
    let mut cf = CaseFile::open(&donor).unwrap();
    for i in 0..300 {
        casefile_core::people::create(&mut cf, &casefile_core::people::PersonInput { name: format!("Donor {i}"), notes: "x".repeat(900), ..Default::default() }).unwrap();
    }
    let donor_wal = bytes(&wal(&donor));
    assert!(donor_wal.len() > 100_000, "the donor has a journal to lend");
    std::mem::forget(cf);

    let victim = dir.join("victim.casefile");
    let as_of = casefile_core::chrono::NaiveDate::from_ymd_opt(2026, 11, 20);
    demo::write(&victim, &DemoOptions { seed: 9, entries: 900, as_of }).unwrap();
    std::fs::write(wal(&victim), &donor_wal).unwrap();
    refused(&victim, "damaged", "journal");
    assert!(CaseFile::open(&victim).err().unwrap().to_string().contains("victim.casefile-wal"));

    // Moving the stray journal away opens the file as it was.
    std::fs::rename(wal(&victim), dir.join("stray-wal")).unwrap();
    let cf = CaseFile::open(&victim).unwrap();
    assert!(casefile_core::chain::verify(cf.conn()).unwrap().ok);
}

#[test]
fn a_journal_left_by_a_crash_of_this_file_is_recovered() {
    let dir = scratch("ownwal");
    let path = good_file(&dir, "own.casefile");
    let mut cf = CaseFile::open(&path).unwrap();
    let p = casefile_core::people::create(&mut cf, &casefile_core::people::PersonInput { name: "Written just before the crash".into(), ..Default::default() }).unwrap();
    std::mem::forget(cf);
    assert!(!bytes(&wal(&path)).is_empty());
    let cf = CaseFile::open(&path).unwrap();
    assert_eq!(casefile_core::people::get(cf.conn(), &p.id).unwrap().name, "Written just before the crash");
}
