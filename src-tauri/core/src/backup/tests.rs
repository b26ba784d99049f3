use super::*;
use crate::testing::{day, tempdir};
use chrono::TimeZone;

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

fn demo(dir: &tempdir::Dir, passphrase: Option<&str>) -> PathBuf {
    let path = dir.path().join("work.casefile");
    let mut cf = CaseFile::open_with(&path, OpenOptions { create: true, passphrase: passphrase.map(String::from), ..Default::default() }).unwrap();
    for name in ["Rolf Brandt", "Margaret Okafor", "Dana Whitfield"] {
        crate::people::create(&mut cf, &crate::people::PersonInput { name: name.into(), ..Default::default() }).unwrap();
    }
    path
}

#[test]
fn retention_keeps_7_daily_4_weekly_and_the_3_newest() {
    // Four backups a day for 60 days, newest first.
    let mut taken = Vec::new();
    for d in 0..60 {
        for h in [20, 15, 10, 6] {
            taken.push(at(2026, 3, 31, h) - chrono::Duration::days(d));
        }
    }
    let kept: Vec<DateTime<Utc>> = taken.iter().zip(keep(&taken)).filter(|(_, k)| *k).map(|(t, _)| *t).collect();
    assert_eq!(&kept[..3], &taken[..3], "the three newest, all of today");
    let days: std::collections::BTreeSet<_> = kept.iter().map(|t| t.date_naive()).collect();
    assert!(days.len() >= 7 && days.len() <= 7 + 4, "{days:?}");
    assert!(kept.len() <= KEEP_LAST + KEEP_DAILY + KEEP_WEEKLY);
    let oldest = kept.last().unwrap();
    assert!(*oldest < at(2026, 3, 31, 0) - chrono::Duration::days(21), "weekly backups reach back about a month: {oldest}");
    assert!(*oldest > at(2026, 3, 31, 0) - chrono::Duration::days(35));
}

#[test]
fn backups_are_taken_with_vacuum_into_listed_and_pruned() {
    let dir = tempdir::Dir::new("backup-take");
    let path = demo(&dir, None);
    let folder = folder_for(&dir.path().join("backups"), &path);
    for d in 0..12 {
        take(&path, None, &folder, at(2026, 3, 1, 9) + chrono::Duration::days(d)).unwrap();
    }
    let all = list(&folder).unwrap();
    assert!(all.len() <= KEEP_LAST + KEEP_DAILY + KEEP_WEEKLY && all.len() >= 7, "{}", all.len());
    assert_eq!(all[0].taken_at, "2026-03-12T09:00:00Z");
    assert!(all[0].size > 0);
    let v = check(Path::new(&all[0].path), None).unwrap();
    assert!(v.ok);
    assert_eq!(v.links, 3);
    assert!(!due(&folder, at(2026, 3, 12, 20)).unwrap());
    assert!(due(&folder, at(2026, 3, 13, 10)).unwrap());
}

#[test]
fn an_encrypted_file_gets_encrypted_backups() {
    let dir = tempdir::Dir::new("backup-cipher");
    let path = demo(&dir, Some("pw"));
    let folder = dir.path().join("b");
    let b = take(&path, Some("pw"), &folder, at(2026, 3, 1, 9)).unwrap();
    let raw = std::fs::read(&b.path).unwrap();
    assert_ne!(&raw[..16], b"SQLite format 3\0");
    assert!(!raw.windows(5).any(|w| w == b"Brandt"));
    assert_eq!(check(Path::new(&b.path), None).unwrap_err().kind(), "needs_passphrase");
    assert_eq!(check(Path::new(&b.path), Some("nope")).unwrap_err().kind(), "wrong_passphrase");
    assert!(check(Path::new(&b.path), Some("pw")).unwrap().ok);
}

#[test]
fn restore_checks_the_backup_and_keeps_the_current_file_aside() {
    let dir = tempdir::Dir::new("backup-restore");
    let path = demo(&dir, None);
    let folder = dir.path().join("b");
    let good = take(&path, None, &folder, at(2026, 3, 1, 9)).unwrap();

    let mut cf = CaseFile::open(&path).unwrap();
    crate::people::create(&mut cf, &crate::people::PersonInput { name: "Added after the backup".into(), ..Default::default() }).unwrap();

    // A tampered backup is refused, and the open file is untouched.
    let bad = folder.join("2026-03-02T09-00-00Z.casefile");
    std::fs::copy(&good.path, &bad).unwrap();
    Connection::open(&bad).unwrap().execute("UPDATE people SET name = 'Someone else' WHERE name = 'Rolf Brandt'", []).unwrap();
    let (cf, err) = restore(cf, &bad, None).err().unwrap();
    let cf = cf.unwrap();
    assert!(err.to_string().contains("does not verify"), "{err}");
    let n: i64 = cf.conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 4);

    let Ok((cf, done)) = restore(cf, Path::new(&good.path), None) else { panic!("restore failed") };
    let n: i64 = cf.conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 3, "the backup's contents");
    assert!(chain::verify(cf.conn()).unwrap().ok);
    let aside = CaseFile::open(Path::new(&done.kept_aside)).unwrap();
    let n: i64 = aside.conn().query_row("SELECT count(*) FROM people", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 4, "the file that was open is kept aside, whole");
    let _ = day(2026, 1, 1);
}

#[test]
fn a_damaged_file_is_replaced_by_its_backup_and_kept_aside() {
    let dir = tempdir::Dir::new("backup-damaged");
    let path = demo(&dir, None);
    let folder = dir.path().join("b");
    let good = take(&path, None, &folder, at(2026, 3, 1, 9)).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(CaseFile::open(&path).err().unwrap().kind(), "damaged");
    let (cf, done) = restore_damaged(&path, Path::new(&good.path), None, at(2026, 3, 2, 9)).unwrap();
    assert!(chain::verify(cf.conn()).unwrap().ok);
    assert_eq!(std::fs::read(&done.kept_aside).unwrap().len(), bytes.len() / 2, "the damaged file is kept as it was");
}
