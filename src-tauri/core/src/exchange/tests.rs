use super::import::{import_file, import_into, Document};
use super::*;
use crate::testing::{day, tempdir};
use crate::CaseFile;

fn demo(dir: &tempdir::Dir) -> std::path::PathBuf {
    let path = dir.path().join("demo.casefile");
    crate::demo::write(
        &path,
        &crate::demo::DemoOptions {
            as_of: Some(day(2026, 11, 20)),
            ..Default::default()
        },
    )
    .unwrap();
    path
}

fn export(cf: &CaseFile) -> String {
    let mut out = Vec::new();
    write_json(cf.conn(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn export_import_export_gives_the_same_json_on_the_demo() {
    let dir = tempdir::Dir::new("exchange-roundtrip");
    let cf = CaseFile::open(&demo(&dir)).unwrap();
    let first = export(&cf);
    assert!(
        first.starts_with("{\n  \"format\": \"casefile-export\",\n  \"format_version\": 1,"),
        "{}",
        &first[..200]
    );
    let doc = Document::parse(first.as_bytes(), None).unwrap();
    let copy = dir.path().join("copy.casefile");
    let mut seen = Vec::new();
    let summary = import_file(&copy, &doc, None, &mut |p| seen.push(p.done)).unwrap();
    assert_eq!(summary.rows, doc.rows());
    assert!(seen.last() == Some(&doc.rows()));
    let again = export(&CaseFile::open(&copy).unwrap());
    assert_eq!(first, again);
    assert!(
        crate::chain::verify(CaseFile::open(&copy).unwrap().conn())
            .unwrap()
            .ok
    );
}

fn tiny() -> (CaseFile, String) {
    let (mut cf, _) = crate::testing::case_file_on(day(2026, 3, 1));
    crate::people::create(
        &mut cf,
        &crate::people::PersonInput {
            name: "Rolf".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let a = crate::accounts::create(
        &mut cf,
        &crate::accounts::AccountInput {
            name: "Kestrel".into(),
            annual_value: "10".into(),
            ..Default::default()
        },
    )
    .unwrap();
    crate::contacts::create(
        &mut cf,
        &a.id,
        &crate::contacts::ContactInput {
            name: "Owen".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let json = export(&cf);
    (cf, json)
}

fn import_err(json: &str) -> crate::Error {
    let (mut cf, _) = crate::testing::case_file_on(day(2026, 3, 1));
    let r = Document::parse(json.as_bytes(), None)
        .and_then(|doc| import_into(&mut cf, &doc, &mut |_| {}));
    let n: i64 = cf
        .conn()
        .query_row("SELECT count(*) FROM people", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0, "all or nothing");
    r.expect_err("refused")
}

fn edit(json: &str, f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(json).unwrap();
    f(&mut v);
    serde_json::to_string(&v).unwrap()
}

/// A change that spoils an export document.
type Spoil = Box<dyn FnOnce(&mut serde_json::Value)>;

#[test]
fn a_bad_value_is_named_by_its_path_and_nothing_is_imported() {
    let (_cf, json) = tiny();
    let cases: Vec<(Spoil, &str)> = vec![
        (
            Box::new(|v| v["accounts"][0]["created_at"] = "yesterday".into()),
            "accounts[0].created_at",
        ),
        (
            Box::new(|v| v["accounts"][0]["annual_value_currency"] = "XXX".into()),
            "accounts[0].annual_value_currency",
        ),
        (
            Box::new(|v| v["accounts"][0]["annual_value_minor"] = "ten".into()),
            "accounts[0].annual_value_minor",
        ),
        (
            Box::new(|v| v["people"][0]["side"] = "middle".into()),
            "people[0].side",
        ),
        (
            Box::new(|v| v["people"][0]["name"] = serde_json::Value::Null),
            "people[0].name",
        ),
        (
            Box::new(|v| v["people"][0]["shoe_size"] = 44.into()),
            "people[0].shoe_size",
        ),
        (
            Box::new(|v| v["contacts"][0]["account_id"] = "nowhere".into()),
            "contacts[0].account_id",
        ),
        (
            Box::new(|v| {
                v["people"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("created_at")
                    .map(|_| ())
                    .unwrap_or(())
            }),
            "people[0].created_at",
        ),
        (Box::new(|v| v["robots"] = serde_json::json!([])), "robots"),
        (Box::new(|v| v["people"] = serde_json::json!({})), "people"),
        (
            Box::new(|v| v["people"][0]["name"] = "Someone else".into()),
            "people[0]",
        ),
        (
            Box::new(|v| v["chain"][1]["at"] = "2020-01-01T00:00:00Z".into()),
            "chain[1]",
        ),
        (
            Box::new(|v| v["schema_version"] = 999.into()),
            "schema_version",
        ),
        (Box::new(|v| v["format"] = "other".into()), "format"),
    ];
    for (change, field) in cases {
        let err = import_err(&edit(&json, change));
        assert_eq!(err.field(), Some(field), "{err}");
        assert_eq!(err.kind(), "validation");
    }
}

#[test]
fn an_import_goes_only_into_an_empty_file() {
    let (cf, json) = tiny();
    drop(cf);
    let (mut full, _) = tiny();
    let doc = Document::parse(json.as_bytes(), None).unwrap();
    assert_eq!(
        import_into(&mut full, &doc, &mut |_| {})
            .unwrap_err()
            .kind(),
        "conflict"
    );
    assert_eq!(
        Document::parse(b"[1,2]", None).err().unwrap().kind(),
        "validation"
    );
    assert_eq!(
        Document::parse(b"{\"format\":", None).err().unwrap().kind(),
        "validation"
    );
}

#[test]
fn a_failed_import_into_a_new_file_leaves_no_file() {
    let dir = tempdir::Dir::new("exchange-fail");
    let (_cf, json) = tiny();
    let bad = edit(&json, |v| v["people"][0]["side"] = "middle".into());
    let doc = Document::parse(bad.as_bytes(), None).unwrap();
    let path = dir.path().join("new.casefile");
    assert!(import_file(&path, &doc, None, &mut |_| {}).is_err());
    assert!(!path.exists());
}

#[test]
fn an_encrypted_case_file_exports_sealed_and_imports_encrypted() {
    let dir = tempdir::Dir::new("exchange-sealed");
    let path = dir.path().join("secret.casefile");
    let mut cf = CaseFile::open_with(
        &path,
        crate::OpenOptions {
            create: true,
            passphrase: Some("pw".into()),
            ..Default::default()
        },
    )
    .unwrap();
    crate::people::create(
        &mut cf,
        &crate::people::PersonInput {
            name: "Kroll".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let out = dir.path().join("secret.json");
    let s = export_to(cf.conn(), &out, Some("pw")).unwrap();
    assert!(s.encrypted);
    let bytes = std::fs::read(&out).unwrap();
    assert!(!bytes.windows(5).any(|w| w == b"Kroll"));
    assert_eq!(
        Document::parse(&bytes, None).err().unwrap().kind(),
        "needs_passphrase"
    );
    assert_eq!(
        Document::parse(&bytes, Some("nope")).err().unwrap().kind(),
        "wrong_passphrase"
    );
    let doc = Document::parse(&bytes, Some("pw")).unwrap();
    let copy = dir.path().join("copy.casefile");
    import_file(&copy, &doc, Some("pw"), &mut |_| {}).unwrap();
    assert_eq!(
        CaseFile::open(&copy).err().unwrap().kind(),
        "needs_passphrase"
    );
}

#[test]
fn csv_has_readable_names_and_no_live_formulas() {
    let (cf, _) = tiny();
    cf.conn()
        .execute_batch("PRAGMA foreign_keys = OFF")
        .unwrap();
    let acc: String = cf
        .conn()
        .query_row("SELECT id FROM accounts", [], |r| r.get(0))
        .unwrap();
    let who: String = cf
        .conn()
        .query_row("SELECT id FROM people", [], |r| r.get(0))
        .unwrap();
    cf.conn()
        .execute(
            "INSERT INTO promises(id, made_by_id, account_id, made_at, made_at_precision, channel, what, due_on, original_due_on, value_minor, value_currency, recorded_at, updated_at)
             VALUES ('p1', ?1, ?2, '2026-03-01', 'day', 'call', '=HYPERLINK(\"http://evil\",\"x\")', '2026-04-01', '2026-04-01', 150050, 'EUR', 'a', 'a')",
            [&who, &acc],
        )
        .unwrap();
    let mut out = Vec::new();
    assert_eq!(csv::write_csv(cf.conn(), "promises", &mut out).unwrap(), 1);
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("made_by_id,made_by,"), "{text}");
    assert!(text.contains(",Kestrel,"), "{text}");
    assert!(text.contains("\"'=HYPERLINK("), "{text}");
    assert!(text.contains(",1500.50,"), "{text}");
    assert_eq!(
        csv::write_csv(cf.conn(), "people", &mut Vec::new())
            .unwrap_err()
            .kind(),
        "validation"
    );
}

/// The property the fuzz target checks (fuzz/fuzz_targets/import_json.rs), on the seed and on
/// hand-made near misses. A crash the fuzzer finds gets its input added here.
#[test]
fn fuzz_regressions() {
    let seed = include_bytes!("../../../../fuzz/seeds/import_json/three-people.json");
    let text = std::str::from_utf8(seed).unwrap();
    let mut inputs: Vec<Vec<u8>> = vec![
        seed.to_vec(),
        b"".to_vec(),
        b"{}".to_vec(),
        b"{\"format\":\"casefile-export\",\"format_version\":1,\"schema_version\":1,\"people\":[{}]}".to_vec(),
        b"{\"format\":\"casefile-export\",\"format_version\":1,\"schema_version\":1,\"chain\":[{\"seq\":-1}]}".to_vec(),
        b"{\"format\":\"casefile-export\",\"format_version\":1,\"schema_version\":1,\"attachment_blobs\":[{\"sha256\":\"x\",\"size\":1,\"bytes\":\"!!\"}]}".to_vec(),
        b"CASEFILE-SEALED-EXPORT 1\n{\"kdf\":\"pbkdf2-hmac-sha256\",\"iterations\":1,\"salt\":\"\",\"cipher\":\"aes-256-gcm\",\"nonce\":\"AAAAAAAAAAAAAAAA\"}\n".to_vec(),
        text.replacen("\"seq\":1", "\"seq\":9223372036854775807", 1).into_bytes(),
        text.replacen("\"people\": [", "\"people\": [null,", 1).into_bytes(),
        text.as_bytes()[..text.len() / 2].to_vec(),
    ];
    inputs.push(text.replace("\"schema_version\": 1", "\"schema_version\": 0").into_bytes());
    for (i, data) in inputs.iter().enumerate() {
        let Ok(doc) = Document::parse(data, Some("fuzz")) else { continue };
        let mut cf = CaseFile::open_in_memory().unwrap();
        match import_into(&mut cf, &doc, &mut |_| {}) {
            Ok(_) => assert!(crate::chain::verify(cf.conn()).unwrap().ok, "input {i}"),
            Err(_) => {
                let n: i64 = cf.conn().query_row("SELECT count(*) FROM chain", [], |r| r.get(0)).unwrap();
                assert_eq!(n, 0, "input {i} left rows behind");
            }
        }
    }
}
