//! Any bytes given to the .eml import must give a typed error or a parsed e-mail, never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = casefile_core::email::parse_eml(data);
});
