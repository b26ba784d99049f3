use super::*;
use crate::testing::tempdir;

fn file(dir: &tempdir::Dir) -> PathBuf {
    let path = dir.path().join("work.casefile");
    let mut cf = CaseFile::open(&path).unwrap();
    for name in ["Rolf Brandt", "Kroll Stahlbau"] {
        crate::people::create(&mut cf, &crate::people::PersonInput { name: name.into(), ..Default::default() }).unwrap();
    }
    path
}

fn plain_text_in(path: &Path, needle: &[u8]) -> bool {
    let mut all = std::fs::read(path).unwrap();
    if let Ok(wal) = std::fs::read(format!("{}-wal", path.display())) {
        all.extend(wal);
    }
    all.windows(needle.len()).any(|w| w == needle)
}

fn ok<T>(r: std::result::Result<T, (Option<CaseFile>, Error)>) -> T {
    match r {
        Ok(v) => v,
        Err((_, e)) => panic!("{e}"),
    }
}

#[test]
fn set_change_and_remove_a_passphrase() {
    let dir = tempdir::Dir::new("pass-cycle");
    let path = file(&dir);
    let cf = CaseFile::open(&path).unwrap();
    let head = crate::chain::head(cf.conn()).unwrap();

    let cf = ok(change(cf, None, Some("correct horse battery")));
    assert!(cf.is_encrypted());
    assert_eq!(crate::chain::head(cf.conn()).unwrap(), head);
    drop(cf);
    assert!(!plain_text_in(&path, b"Kroll"), "nothing readable left in the file");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no copy left beside it: {leftovers:?}");
    assert_eq!(CaseFile::open(&path).err().unwrap().kind(), "needs_passphrase");

    let open = |p: &str| CaseFile::open_with(&path, OpenOptions { passphrase: Some(p.into()), ..Default::default() });
    let cf = open("correct horse battery").unwrap();
    let (cf, err) = change(cf, Some("wrong guess"), Some("another phrase")).err().unwrap();
    assert_eq!(err.field(), Some("current"));
    let cf = ok(change(cf.unwrap(), Some("correct horse battery"), Some("another phrase")));
    drop(cf);
    assert_eq!(open("correct horse battery").err().unwrap().kind(), "wrong_passphrase");

    let cf = ok(change(open("another phrase").unwrap(), Some("another phrase"), None));
    assert!(!cf.is_encrypted());
    drop(cf);
    let cf = CaseFile::open(&path).unwrap();
    assert!(crate::chain::verify(cf.conn()).unwrap().ok);
    assert_eq!(crate::chain::head(cf.conn()).unwrap(), head);
}

#[test]
fn a_failure_leaves_the_file_open_as_it_was() {
    let dir = tempdir::Dir::new("pass-fail");
    let path = file(&dir);
    let before = std::fs::read(&path).unwrap();
    let cf = CaseFile::open(&path).unwrap();
    let (cf, err) = change(cf, Some("not encrypted"), Some("whatever phrase")).err().unwrap();
    assert_eq!(err.field(), Some("current"));
    let cf = cf.unwrap();
    let (cf, _) = change(cf, None, None).err().unwrap();
    let cf = cf.unwrap();
    assert!(!cf.is_encrypted());
    drop(cf);
    assert_eq!(std::fs::read(&path).unwrap().len(), before.len());
}

#[test]
fn backups_follow_the_passphrase() {
    let dir = tempdir::Dir::new("pass-backups");
    let path = file(&dir);
    let folder = dir.path().join("backups");
    backup::take(&path, None, &folder, chrono::Utc::now()).unwrap();
    assert_eq!(rekey_backups(&folder, None, Some("new phrase!")).unwrap(), 1);
    let b = &backup::list(&folder).unwrap()[0];
    assert!(!plain_text_in(Path::new(&b.path), b"Kroll"));
    assert!(backup::check(Path::new(&b.path), Some("new phrase!")).unwrap().ok);
}

#[test]
fn new_passphrases_are_checked() {
    assert_eq!(check_new("new", "short", "short").unwrap_err().field(), Some("new"));
    assert_eq!(check_new("new", "long enough", "long enougH").unwrap_err().field(), Some("repeat"));
    assert!(check_new("new", "long enough", "long enough").is_ok());
}
