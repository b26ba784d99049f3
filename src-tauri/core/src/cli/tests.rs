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

/// The tampering test: change an old row with the real sqlite3 tool, and `verify`
/// names that entry and exits non-zero.
#[test]
fn verify_names_a_row_changed_with_the_sqlite3_tool() {
    let dir = tempdir::Dir::new("cli-tamper");
    let path = dir.path().join("demo.casefile");
    let p = path.to_str().unwrap();
    let (code, _, err) = run_args(&["casefile", "demo", "--file", p, "--as-of", "2026-11-20"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = run_args(&["casefile", "verify", "--file", p]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Record intact"), "{out}");
    assert!(out.contains("Head: "), "{out}");

    // The oldest link: the first row the demo wrote.
    let (seq, table, id): (i64, String, String) = {
        let cf = crate::CaseFile::open(&path).unwrap();
        cf.conn().query_row("SELECT seq, entity, entity_id FROM chain WHERE action = 'create' ORDER BY seq LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap()
    };
    let sql = format!("UPDATE {table} SET notes = notes || ' (edited later)' WHERE id = '{id}';");
    let status = std::process::Command::new("sqlite3")
        .arg(p)
        .arg(&sql)
        .status()
        .expect("the sqlite3 tool (scripts/setup.sh --test installs it)");
    assert!(status.success());

    let (code, out, _) = run_args(&["casefile", "verify", "--file", p]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!("BROKEN at link {seq}: {table} {id}")),
        "{out}"
    );
    assert!(out.contains("changed outside Casefile"), "{out}");
}

#[test]
fn export_then_import_through_the_command_line() {
    let dir = tempdir::Dir::new("cli-export");
    let path = dir.path().join("demo.casefile");
    let json = dir.path().join("demo.json");
    let copy = dir.path().join("copy.casefile");
    let csv = dir.path().join("promises.csv");
    let p = |x: &std::path::Path| x.to_str().unwrap().to_string();
    run_args(&[
        "casefile",
        "demo",
        "--file",
        &p(&path),
        "--as-of",
        "2026-11-20",
    ]);
    let (code, out, err) = run_args(&[
        "casefile",
        "export",
        "--file",
        &p(&path),
        "--out",
        &p(&json),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Exported"), "{out}");
    let (code, out, err) = run_args(&["casefile", "import", "--file", &p(&copy), &p(&json)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Record intact"), "{out}");
    let (code, _, err) = run_args(&["casefile", "import", "--file", &p(&copy), &p(&json)]);
    assert_eq!(code, 1, "a second import into a full file is refused");
    assert!(err.contains("already holds records"), "{err}");
    let (code, out, err) = run_args(&[
        "casefile",
        "export",
        "--file",
        &p(&path),
        "--out",
        &p(&csv),
        "--csv",
        "promises",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("promises"), "{out}");
    let mut bad: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    bad["accounts"][3]["created_at"] = "soon".into();
    std::fs::write(&json, serde_json::to_vec(&bad).unwrap()).unwrap();
    let (code, _, err) = run_args(&[
        "casefile",
        "import",
        "--file",
        &p(&dir.path().join("x.casefile")),
        &p(&json),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("accounts[3].created_at"), "{err}");
}
