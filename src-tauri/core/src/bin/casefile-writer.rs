//! A small writer for the crash and two-process tests (src-tauri/core/tests/): it writes to
//! a case file through the real core and prints `ack <id>` after each commit returns, so a
//! test that kills it with SIGKILL knows exactly which writes were acknowledged.
//!
//!   casefile-writer FILE write TAG [N]   write up to N people (default: forever), one commit each
//!   casefile-writer FILE hold MS         take the write lock, say `holding`, keep it MS ms, commit
//!
//! Not part of the app: it exists so the tests can kill a real process mid-write.

use casefile_core::people::{self, PersonInput};
use casefile_core::CaseFile;
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(mode)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: casefile-writer FILE (write TAG [N] | hold MS)");
        std::process::exit(2);
    };
    let mut cf = match CaseFile::open(std::path::Path::new(file)) {
        Ok(cf) => cf,
        Err(e) => {
            println!("error {} {e}", e.kind());
            std::process::exit(1);
        }
    };
    let mut out = std::io::stdout().lock();
    match mode.as_str() {
        "write" => {
            let tag = args.get(3).cloned().unwrap_or_default();
            let n: u64 = args.get(4).and_then(|n| n.parse().ok()).unwrap_or(u64::MAX);
            let mut seed = tag.bytes().fold(0x9E37_79B9u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64));
            for i in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                // Notes of varied length, so pages split and overflow pages are written too.
                let notes = "evidence ".repeat((seed % 300) as usize);
                let input = PersonInput { name: format!("{tag} {i}"), notes, ..Default::default() };
                match people::create(&mut cf, &input) {
                    Ok(p) => {
                        let _ = writeln!(out, "ack {}", p.id);
                        let _ = out.flush();
                    }
                    Err(e) => {
                        let _ = writeln!(out, "error {} {e}", e.kind());
                        let _ = out.flush();
                        std::process::exit(1);
                    }
                }
            }
        }
        "hold" => {
            let ms: u64 = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1000);
            let r = cf.write(|tx| {
                tx.execute("INSERT INTO settings(key, value) VALUES ('held', '1') ON CONFLICT(key) DO UPDATE SET value = value + 1", [])?;
                let _ = writeln!(std::io::stdout(), "holding");
                let _ = std::io::stdout().flush();
                std::thread::sleep(std::time::Duration::from_millis(ms));
                Ok(())
            });
            if let Err(e) = r {
                let _ = writeln!(out, "error {} {e}", e.kind());
                std::process::exit(1);
            }
            let _ = writeln!(out, "released");
        }
        _ => std::process::exit(2),
    }
}
