use crate::cli::{run, Cli};
use crate::testing::{day, tempdir};
use clap::Parser;

fn run_args(args: &[&str]) -> (i32, String, String) {
    let cli = Cli::try_parse_from(args).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(cli.command.unwrap(), &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

#[test]
fn packet_writes_a_pdf_and_refuses_names_that_match_nothing_or_several() {
    let dir = tempdir::Dir::new("cli-packet");
    let db = dir.path().join("demo.casefile");
    crate::demo::write(&db, &crate::demo::DemoOptions { as_of: Some(day(2026, 11, 20)), ..Default::default() }).unwrap();
    let db = db.to_str().unwrap();
    let pdf = dir.path().join("kestrel.pdf");
    let out = pdf.to_str().unwrap();

    let (code, text, err) = run_args(&["casefile", "packet", "--file", db, "--customer", "kestrel", "--person", "Rolf Brandt", "--paper", "letter", "--out", out]);
    assert_eq!(code, 0, "{err}");
    assert!(text.contains("pages") && text.contains("Records digest (SHA-256): "), "{text}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    let cases: &[(&[&str], &str)] = &[
        (&["--customer", "Nobody Industries"], "No customer in this case file matches “Nobody Industries”"),
        (&["--customer", "a"], "matches"),
        (&["--person", "an"], "Give the full name"),
        (&["--person", "Nobody"], "No person"),
        (&["--from", "2026-13-01"], "is not a date"),
        (&["--from", "2026-05-01", "--to", "2026-04-01"], "ends before it starts"),
    ];
    for (extra, message) in cases {
        let mut args = vec!["casefile", "packet", "--file", db, "--out", out];
        args.extend_from_slice(extra);
        let (code, _, err) = run_args(&args);
        assert_eq!(code, 2, "{extra:?}: {err}");
        assert!(err.contains(message), "{extra:?}: {err}");
    }
    let missing = dir.path().join("no-such-folder").join("p.pdf");
    let (code, _, err) = run_args(&["casefile", "packet", "--file", db, "--out", missing.to_str().unwrap()]);
    assert_eq!((code, err.contains("does not exist")), (2, true), "{err}");
    let (code, _, _) = run_args(&["casefile", "packet", "--file", dir.path().join("absent.casefile").to_str().unwrap(), "--out", out]);
    assert_eq!(code, 1, "a file that cannot be opened is a problem with the file, not with the arguments");
    assert!(Cli::try_parse_from(["casefile", "packet", "--file", db, "--paper", "a3", "--out", out]).is_err(), "clap refuses other paper sizes");
}

#[test]
fn brief_writes_a_one_page_pdf_with_pdf_and_keeps_its_exit_codes() {
    let dir = tempdir::Dir::new("cli-brief-pdf");
    let db = dir.path().join("demo.casefile");
    crate::demo::write(&db, &crate::demo::DemoOptions { as_of: Some(day(2026, 11, 20)), ..Default::default() }).unwrap();
    let db = db.to_str().unwrap();
    let pdf = dir.path().join("kestrel.pdf");
    let (code, text, err) = run_args(&["casefile", "brief", "--file", db, "--customer", "Kestrel", "--pdf", pdf.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(text.contains("the briefing for Kestrel Roofing Ltd on 1 page"), "{text}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let (code, _, err) = run_args(&["casefile", "brief", "--file", db, "--customer", "Nobody", "--pdf", pdf.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    let missing = dir.path().join("no-folder").join("b.pdf");
    let (code, _, err) = run_args(&["casefile", "brief", "--file", db, "--customer", "Kestrel", "--pdf", missing.to_str().unwrap()]);
    assert_eq!((code, err.contains("does not exist")), (2, true), "{err}");
    // Without --pdf the briefing is printed as text, as before.
    let (code, text, _) = run_args(&["casefile", "brief", "--file", db, "--customer", "Kestrel"]);
    assert_eq!(code, 0);
    assert!(text.starts_with("BRIEFING: Kestrel Roofing Ltd"), "{text}");
}
