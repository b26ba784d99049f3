use super::*;
use crate::events::{self, EventInput, RetractInput};
use crate::testing::evidence::world;
use crate::testing::{day, tempdir};

fn photo() -> Vec<u8> {
    let mut b = b"\xff\xd8\xff\xe0fake jpeg ".to_vec();
    b.extend((0..=255u8).cycle().take(70_000));
    b
}

#[test]
fn a_file_is_kept_with_its_hash_and_comes_back_byte_for_byte() {
    let mut w = world(day(2026, 3, 10));
    let dir = tempdir::Dir::new("attach");
    let src = dir.path().join("seam photo.jpg");
    std::fs::write(&src, photo()).unwrap();
    let a = add_path(&mut w.cf, &Target::account(&w.account), &src).unwrap();
    assert_eq!(a.name, "seam photo.jpg");
    assert_eq!(a.mime, "image/jpeg");
    assert_eq!(a.size, photo().len() as u64);
    assert_eq!(a.sha256, crate::hash::sha256_hex(&photo()));
    let out = dir.path().join("copy.jpg");
    assert_eq!(save_copy(w.cf.conn(), &a.id, &out).unwrap(), photo().len() as u64);
    assert_eq!(std::fs::read(&out).unwrap(), photo(), "the exact bytes");
    // The same bytes twice are stored once.
    let again = add(&mut w.cf, &Target::account(&w.account), "again.jpg", &photo()).unwrap();
    assert_eq!(again.sha256, a.sha256);
    let blobs: i64 = w.cf.conn().query_row("SELECT count(*) FROM attachment_blobs", [], |r| r.get(0)).unwrap();
    assert_eq!(blobs, 1);
    assert_eq!(list_for(w.cf.conn(), &Target::account(&w.account)).unwrap().len(), 2);
    assert!(crate::chain::verify(w.cf.conn()).unwrap().ok);
}

#[test]
fn past_the_limit_is_refused_with_a_clear_message() {
    let mut w = world(day(2026, 3, 10));
    let dir = tempdir::Dir::new("attach-big");
    let big = dir.path().join("site video.mov");
    // A sparse file: the size is checked before a byte is read.
    std::fs::File::create(&big).unwrap().set_len(MAX_BYTES + 1).unwrap();
    let err = add_path(&mut w.cf, &Target::account(&w.account), &big).unwrap_err();
    assert_eq!(err.field(), Some("file"));
    assert_eq!(
        err.to_string(),
        "“site video.mov” is 52,428,801 bytes; a file kept in the case file can be at most 52,428,800 bytes (50.0 MB). Nothing was added. Keep the file elsewhere and add a note saying where it is."
    );
    std::fs::File::create(&big).unwrap().set_len(73 * 1024 * 1024 + 400 * 1024).unwrap();
    assert!(add_path(&mut w.cf, &Target::account(&w.account), &big).unwrap_err().to_string().starts_with("“site video.mov” is 73.4 MB; a file kept in the case file can be at most 50.0 MB."));
    let exactly = dir.path().join("exactly.bin");
    std::fs::File::create(&exactly).unwrap().set_len(MAX_BYTES).unwrap();
    assert_eq!(add_path(&mut w.cf, &Target::account(&w.account), &exactly).unwrap().size, MAX_BYTES, "the limit itself is allowed");
    let missing = add_path(&mut w.cf, &Target::account(&w.account), &dir.path().join("gone.pdf")).unwrap_err();
    assert_eq!(missing.kind(), "io");
    assert!(missing.to_string().contains("Cannot read") && missing.to_string().contains("gone.pdf"), "{missing}");
    assert_eq!(add_path(&mut w.cf, &Target::account(&w.account), dir.path()).unwrap_err().field(), Some("file"));
    let n: i64 = w.cf.conn().query_row("SELECT count(*) FROM attachments", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1);
}

#[test]
fn targets_are_checked() {
    let mut w = world(day(2026, 3, 10));
    let e = events::create(&mut w.cf, &EventInput { kind: "note".into(), summary: "x".into(), source_text: "me".into(), account_id: Some(w.account.clone()), ..Default::default() }).unwrap();
    assert_eq!(add(&mut w.cf, &Target::default(), "a.txt", b"x").unwrap_err().field(), Some("target"));
    let two = Target { event_id: Some(e.id.clone()), account_id: Some(w.account.clone()), ..Default::default() };
    assert_eq!(add(&mut w.cf, &two, "a.txt", b"x").unwrap_err().field(), Some("target"));
    assert_eq!(add(&mut w.cf, &Target::event("nope"), "a.txt", b"x").unwrap_err().kind(), "not_found");
    assert_eq!(add(&mut w.cf, &Target::account(&w.account), "  ", b"x").unwrap_err().field(), Some("name"));
    let first = add(&mut w.cf, &Target::event(&e.id), "C:\\Users\\dana\\notes.txt", b"first").unwrap();
    assert_eq!(first.name, "notes.txt", "only the file's own name is kept");
    let revised = events::revise(&mut w.cf, &e.id, &EventInput { kind: "note".into(), summary: "x, corrected".into(), source_text: "me".into(), account_id: Some(w.account.clone()), ..Default::default() }).unwrap();
    assert_eq!(add(&mut w.cf, &Target::event(&e.id), "b.txt", b"x").unwrap_err().kind(), "conflict", "attach to the newest version");
    add(&mut w.cf, &Target::event(&revised.id), "second.txt", b"second").unwrap();
    let names: Vec<String> = list_for(w.cf.conn(), &Target::event(&revised.id)).unwrap().into_iter().map(|a| a.name).collect();
    assert_eq!(names, vec!["second.txt", "notes.txt"], "a revision keeps the files of the versions before it");
    events::retract(&mut w.cf, &revised.id, &RetractInput { reason: "duplicate".into() }).unwrap();
    assert_eq!(add(&mut w.cf, &Target::event(&revised.id), "c.txt", b"x").unwrap_err().kind(), "conflict");
}

#[test]
fn a_copy_is_refused_when_the_stored_bytes_were_changed() {
    let mut w = world(day(2026, 3, 10));
    let a = add(&mut w.cf, &Target::account(&w.account), "order.pdf", b"%PDF-1.4 the order").unwrap();
    assert_eq!(a.mime, "application/pdf");
    w.cf.conn().execute("UPDATE attachment_blobs SET bytes = ?1", [b"%PDF-1.4 forged".to_vec()]).unwrap();
    let dir = tempdir::Dir::new("attach-tamper");
    let out = dir.path().join("order.pdf");
    let err = save_copy(w.cf.conn(), &a.id, &out).unwrap_err();
    assert!(err.to_string().contains("no longer match"), "{err}");
    assert!(!out.exists(), "no copy was written");
}

#[test]
fn types_and_sizes_read_well() {
    assert_eq!(mime_for("x.eml", b"From: a"), "message/rfc822");
    assert_eq!(mime_for("scan", b"\x89PNG\r\n\x1a\nrest"), "image/png");
    assert_eq!(mime_for("report.docx", b"PK\x03\x04..."), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assert_eq!(mime_for("archive.bin", b"PK\x03\x04..."), "application/zip");
    assert_eq!(mime_for("notes", "Zoë".as_bytes()), "text/plain");
    assert_eq!(mime_for("blob", &[0xff, 0xfe, 0x00, 0x81]), "application/octet-stream");
    assert_eq!(describe_size(14), "14 bytes");
    assert_eq!(describe_size(1), "1 byte");
    assert_eq!(describe_size(812 * 1024), "812 KB");
}
