use super::*;
use crate::testing::tempdir;
use clap::Parser;

fn run_args(args: &[&str]) -> (i32, String, String) {
    let cli = Cli::try_parse_from(args).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(cli.command.unwrap(), &mut out, &mut err);
    (code, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

#[test]
fn demo_then_check() {
    let dir = tempdir::Dir::new("cli");
    let path = dir.path().join("demo.casefile");
    let p = path.to_str().unwrap();
    let (code, out, err) = run_args(&["casefile", "demo", "--file", p, "--as-of", "2026-11-20"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("customers"), "{out}");
    let (code, out, _) = run_args(&["casefile", "check", "--file", p]);
    assert_eq!(code, 0);
    assert!(out.contains(&format!("Schema version: {}", crate::db::schema_version())), "{out}");
    assert!(out.contains("Integrity: ok"));
    let (code, _, err) = run_args(&["casefile", "demo", "--file", p]);
    assert_eq!(code, 2);
    assert!(err.contains("never overwrites"), "{err}");
}

#[test]
fn check_on_a_foreign_file_fails_and_leaves_it_alone() {
    let dir = tempdir::Dir::new("cli-foreign");
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "just some notes, not a database, honestly".repeat(20)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let (code, _, err) = run_args(&["casefile", "check", "--file", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("not a Casefile file"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn check_on_a_missing_file_does_not_create_it() {
    let dir = tempdir::Dir::new("cli-missing");
    let path = dir.path().join("nope.casefile");
    let (code, _, _) = run_args(&["casefile", "check", "--file", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(!path.exists());
}

#[test]
fn brief_prints_one_customer_and_refuses_none_or_several() {
    let dir = tempdir::Dir::new("cli-brief");
    let path = dir.path().join("demo.casefile");
    let p = path.to_str().unwrap();
    assert_eq!(run_args(&["casefile", "demo", "--file", p, "--as-of", "2026-11-20"]).0, 0);
    let (code, out, err) = run_args(&["casefile", "brief", "--file", p, "--customer", "nordlicht"]);
    assert_eq!(code, 0, "{err}");
    for needle in ["BRIEFING: Nordlicht Logistik GmbH", "Talking points", "Acknowledge the overdue promise", "made by Rolf Brandt", "Compensation already given"] {
        assert!(out.contains(needle), "{needle} missing from\n{out}");
    }
    let (code, out, err) = run_args(&["casefile", "brief", "--file", p, "--customer", "Zebra Corp"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("No customer matches “Zebra Corp”"), "{err}");
    // Several customers have an "o" in their name; the message names them.
    let (code, _, err) = run_args(&["casefile", "brief", "--file", p, "--customer", "o"]);
    assert_eq!(code, 2);
    assert!(err.contains("customers: ") && err.contains("Give more of the name"), "{err}");
    let (code, _, err) = run_args(&["casefile", "brief", "--file", dir.path().join("missing.casefile").to_str().unwrap(), "--customer", "x"]);
    assert_eq!(code, 1, "{err}");
    assert!(!dir.path().join("missing.casefile").exists());
}

#[test]
fn help_lists_the_subcommands() {
    let help = Cli::try_parse_from(["casefile", "--help"]).unwrap_err().to_string();
    for word in ["demo", "check", "brief", "--file"] {
        assert!(help.contains(word), "{help}");
    }
}
