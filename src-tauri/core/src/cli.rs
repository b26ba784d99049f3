//! The `casefile` command line. The same binary opens the window when it is given no
//! subcommand; every subcommand here runs without a display.
//!
//! Exit codes: 0 success, 1 the file has a problem (check or verify failed, or it could not be
//! opened), 2 a usage problem (a bad argument, a name that matches nothing or several records).

use crate::db::{CaseFile, OpenOptions};
use crate::error::Error;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "casefile",
    version,
    about = "Casefile: a private case file of promises, complaints and evidence.",
    long_about = "Casefile: a private case file of promises, complaints and evidence.\n\n\
        Run without a subcommand to open the window. Everything stays in one file on this computer.\n\
        Set CASEFILE_PASSPHRASE to open an encrypted file from the command line.",
    after_help = "Examples:\n  casefile --file ~/work.casefile        open the window on a file\n  \
        casefile demo --file /tmp/demo.casefile  write the demo case file\n  \
        casefile check --file ~/work.casefile  check a file without opening the window\n  \
        casefile brief --file ~/work.casefile --customer Nordlicht   brief yourself before a call\n  \
        casefile packet --file ~/work.casefile --customer \"Kestrel Roofing Ltd\" --out packet.pdf"
)]
pub struct Cli {
    /// The case file to open in the window (created if it does not exist).
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the demo case file: realistic, deterministic, covering every situation Casefile is for.
    Demo {
        /// Where to write it. An existing file is never overwritten.
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// Add this many extra timeline entries, for testing at scale (e.g. 100000).
        #[arg(long, default_value_t = 0, value_name = "N")]
        entries: u64,
        /// The seed: the same seed and date give the same case file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The day the demo treats as today (YYYY-MM-DD); defaults to today.
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Print the schema version and a quick integrity check; exits 1 on any problem.
    Check {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
    },
    /// Walk the hash chain: print the links checked and the head, or name the first broken link (exit 1).
    Verify {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
    },
    /// Write the whole case file as JSON (docs/format.md), or one table as CSV with --csv.
    Export {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Write this table as CSV instead: promises or complaints.
        #[arg(long, value_name = "TABLE")]
        csv: Option<String>,
        /// Allow a CSV of an encrypted case file, which is written unencrypted.
        #[arg(long)]
        plaintext: bool,
    },
    /// Read an export back into a new (or empty) case file: all of it, or nothing.
    Import {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// The export to read (.json).
        #[arg(value_name = "FILE.json")]
        input: PathBuf,
    },
    /// Write the escalation packet as a PDF: figures, broken promises, chronology, complaints,
    /// decisions, charts, exhibits and an integrity page. Without --customer, every customer.
    Packet {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// A customer to include, by name (repeat for several).
        #[arg(long = "customer", value_name = "NAME")]
        customers: Vec<String>,
        /// Only the promises this person made, and what is about them.
        #[arg(long, value_name = "NAME")]
        person: Option<String>,
        /// First day of the period (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Last day of the period (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Paper size; defaults to the one in the case file's settings.
        #[arg(long, value_parser = ["a4", "letter"])]
        paper: Option<String>,
        /// Where to write the PDF.
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Print the briefing for one customer: figures, talking points, open promises and
    /// complaints, compensation given, the last conversations. Exits 2 when the name matches
    /// no customer or several.
    Brief {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// The customer's name, or a unique part of it.
        #[arg(long, value_name = "NAME")]
        customer: String,
        /// Write the briefing as a one-page PDF here instead of printing it.
        #[arg(long, value_name = "FILE.pdf")]
        pdf: Option<PathBuf>,
    },
}

/// Run a subcommand, writing to the given streams; returns the process exit code.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match command {
        Command::Demo { file, entries, seed, as_of } => demo(&file, entries, seed, as_of.as_deref(), out),
        Command::Check { file } => check(&file, out),
        Command::Verify { file } => trust::verify(&file, out),
        Command::Export { file, out: to, csv, plaintext } => trust::export(&file, &to, csv.as_deref(), plaintext, out),
        Command::Import { file, input } => trust::import(&file, &input, out),
        Command::Packet { file, customers, person, from, to, paper, out: dest } => packet::run(
            packet::PacketArgs {
                file: &file,
                customers: &customers,
                person: person.as_deref(),
                from: from.as_deref(),
                to: to.as_deref(),
                paper: paper.as_deref(),
                out: &dest,
            },
            out,
        ),
        Command::Brief { file, customer, pdf } => brief(&file, &customer, pdf.as_deref(), out, err),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            match e.field().filter(|f| !f.is_empty()) {
                Some(field) => {
                    let _ = writeln!(err, "casefile: {field}: {e}");
                }
                None => {
                    let _ = writeln!(err, "casefile: {e}");
                }
            }
            match e {
                Error::Validation { .. } => 2,
                _ => 1,
            }
        }
    }
}

pub(crate) fn passphrase() -> Option<String> {
    std::env::var("CASEFILE_PASSPHRASE").ok().filter(|p| !p.is_empty())
}

fn open(path: &std::path::Path) -> Result<CaseFile, Error> {
    let passphrase = passphrase();
    CaseFile::open_with(path, OpenOptions { create: false, passphrase, clock: None })
}

fn demo(path: &std::path::Path, entries: u64, seed: u64, as_of: Option<&str>, out: &mut dyn Write) -> Result<i32, Error> {
    let as_of = match as_of {
        Some(d) => Some(crate::when::parse_date("as_of", d)?),
        None => None,
    };
    let started = std::time::Instant::now();
    let summary = crate::demo::write(path, &crate::demo::DemoOptions { seed, entries, as_of })?;
    let _ = writeln!(out, "Wrote the demo case file {} in {:.1} s.", path.display(), started.elapsed().as_secs_f64());
    let _ = writeln!(out, "{summary}");
    Ok(0)
}

fn check(path: &std::path::Path, out: &mut dyn Write) -> Result<i32, Error> {
    let cf = open(path)?;
    let version = cf.user_version()?;
    let problems = cf.quick_check()?;
    let _ = writeln!(out, "File: {}", path.display());
    let _ = writeln!(out, "Schema version: {version} (this Casefile writes {})", crate::db::schema_version());
    if problems == ["ok"] {
        let _ = writeln!(out, "Integrity: ok");
        Ok(0)
    } else {
        let _ = writeln!(out, "Integrity: {} problem(s)", problems.len());
        for p in problems.iter().take(20) {
            let _ = writeln!(out, "  {p}");
        }
        Ok(1)
    }
}

mod trust;
pub mod packet;

fn brief(path: &std::path::Path, name: &str, pdf: Option<&std::path::Path>, out: &mut dyn Write, err: &mut dyn Write) -> Result<i32, Error> {
    if let Some(dest) = pdf {
        packet::check_out(dest)?;
    }
    let cf = open(path)?;
    let account = match one_customer(&cf, name)? {
        Ok(account) => account,
        Err(problem) => {
            let _ = writeln!(err, "casefile: {problem}");
            return Ok(2);
        }
    };
    let briefing = crate::briefing::for_account(cf.conn(), cf.today(), &account.id)?;
    if let Some(dest) = pdf {
        let made = crate::packet::one_pager::briefing_pdf(&briefing, &crate::settings::get(cf.conn())?, cf.now())?;
        crate::packet::save(dest, &made.pdf)?;
        let cut = if made.cut { " (some lists cut to fit, marked “…and N more”)" } else { "" };
        let _ = writeln!(out, "Wrote {}: the briefing for {} on {} page{cut}.", dest.display(), account.name, made.pages);
        return Ok(0);
    }
    let _ = write!(out, "{}", crate::briefing::text::render(&briefing));
    Ok(0)
}

/// The one customer `name` means, or why it means none or several.
pub fn one_customer(cf: &CaseFile, name: &str) -> Result<Result<crate::accounts::Account, String>, Error> {
    if name.trim().is_empty() {
        return Ok(Err("Give a customer's name with --customer.".into()));
    }
    let mut found = crate::accounts::find_by_name(cf.conn(), name)?;
    Ok(match found.len() {
        0 => Err(format!("No customer matches “{}”.", crate::text::clip(name.trim(), 60))),
        1 => Ok(found.remove(0)),
        n => {
            let names: Vec<&str> = found.iter().take(8).map(|a| a.name.as_str()).collect();
            let more = if n > 8 { format!(" and {} more", n - 8) } else { String::new() };
            Err(format!("“{}” matches {n} customers: {}{more}. Give more of the name.", crate::text::clip(name.trim(), 60), names.join(", ")))
        }
    })
}

#[cfg(test)]
mod tests;
