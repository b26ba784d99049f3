//! Any bytes given to the JSON import must give a typed error or an import that verifies:
//! never a panic, and never a half-imported file.
#![no_main]

use casefile_core::exchange::import::{import_into, Document};
use casefile_core::CaseFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::parse(data, Some("fuzz")) else { return };
    let Ok(mut cf) = CaseFile::open_in_memory() else { return };
    match import_into(&mut cf, &doc, &mut |_| {}) {
        Ok(_) => {
            // A successful import is a whole record that verifies.
            let v = casefile_core::chain::verify(cf.conn()).expect("verify runs");
            assert!(v.ok, "an import succeeded but its record does not verify: {v:?}");
        }
        Err(_) => {
            // All or nothing: a refused import leaves no row behind.
            let n: i64 = cf.conn().query_row("SELECT count(*) FROM chain", [], |r| r.get(0)).expect("count");
            assert_eq!(n, 0, "a refused import left rows behind");
        }
    }
});
