//! `casefile packet`: the escalation packet from the command line, without a display.
//! Customers and the promiser are named as people say them; a name that matches nothing,
//! or several records, is a usage problem (exit code 2) with the choices spelled out.

use crate::accounts::{self, Account};
use crate::error::{Error, Result};
use crate::packet::{self, PacketInput};
use crate::people::{self, Person};
use rusqlite::Connection;
use std::io::Write;
use std::path::Path;

pub struct PacketArgs<'a> {
    pub file: &'a Path,
    pub customers: &'a [String],
    pub person: Option<&'a str>,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub paper: Option<&'a str>,
    pub out: &'a Path,
}

/// One customer by name: exact (case-insensitive) first, else the only partial match.
pub fn customer(conn: &Connection, name: &str) -> Result<Account> {
    let found = accounts::find_by_name(conn, name)?;
    one("customer", "customers", name, found, |a| a.name.clone())
}

/// One person by name, the same way.
pub fn person(conn: &Connection, name: &str) -> Result<Person> {
    let found = people::find_by_name(conn, name)?;
    one("person", "people", name, found, |p| p.name.clone())
}

fn one<T>(what: &str, many: &str, name: &str, mut found: Vec<T>, label: impl Fn(&T) -> String) -> Result<T> {
    let field = if what == "person" { "person" } else { "customer" };
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(Error::validation(field, format!("No {what} in this case file matches “{}”.", crate::text::clip(name.trim(), 60)))),
        n => {
            let names: Vec<String> = found.iter().take(6).map(&label).collect();
            let more = if n > names.len() { format!(" and {} more", n - names.len()) } else { String::new() };
            Err(Error::validation(
                field,
                format!("“{}” matches {n} {many}: {}{more}. Give the full name.", crate::text::clip(name.trim(), 60), names.join("; ")),
            ))
        }
    }
}

/// A PDF destination given on the command line: a file name in a folder that exists.
pub fn check_out(dest: &Path) -> Result<()> {
    if dest.is_dir() {
        return Err(Error::validation("out", format!("{} is a folder; give a file name such as packet.pdf.", dest.display())));
    }
    let parent = dest.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(Error::validation("out", format!("The folder {} does not exist.", parent.display())));
    }
    Ok(())
}

pub fn run(args: PacketArgs<'_>, out: &mut dyn Write) -> Result<i32> {
    let cf = super::open(args.file)?;
    let conn = cf.conn();
    let mut account_ids = Vec::new();
    for name in args.customers {
        account_ids.push(customer(conn, name)?.id);
    }
    let person_id = match args.person {
        Some(name) => Some(person(conn, name)?.id),
        None => None,
    };
    let dest = args.out;
    check_out(dest)?;
    let input = PacketInput {
        account_ids,
        person_id,
        from: args.from.unwrap_or_default().to_string(),
        to: args.to.unwrap_or_default().to_string(),
        paper: args.paper.unwrap_or_default().to_string(),
        ..Default::default()
    };
    let source = std::fs::canonicalize(args.file).unwrap_or_else(|_| args.file.to_path_buf());
    let spec = packet::check(conn, &input, cf.now(), cf.today(), &source.display().to_string())?;
    let made = packet::build(conn, &spec, &mut |_| {})?;
    packet::save(dest, &made.pdf)?;
    let f = &made.figures.promises;
    let _ = writeln!(out, "Wrote {}: {} pages, {}.", dest.display(), made.pages, crate::attachments::describe_size(made.pdf.len() as u64));
    let _ = writeln!(
        out,
        "Promises: {} made, {} kept on time, {} kept late, {} broken, {} open ({} overdue).",
        f.made, f.kept_on_time, f.kept_late, f.broken, f.open, f.overdue
    );
    let _ = writeln!(out, "Records digest (SHA-256): {}", made.records_sha256);
    Ok(0)
}

#[cfg(test)]
mod tests;
