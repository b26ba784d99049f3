//! CSV of promises and complaints, for the spreadsheet a manager already uses.
//!
//! Two things make it more than a dump. Ids are unreadable in a spreadsheet, so every
//! reference column gets a readable neighbour (`account_id` → `account`: the customer's
//! name), and amounts in minor units get a decimal neighbour. And a spreadsheet runs a cell
//! that starts with `=`, `+`, `-` or `@` as a formula, so text that a customer or a colleague
//! wrote can never reach a cell in that shape: such cells are prefixed with `'` (the OWASP
//! advice for CSV injection), as are cells starting with a tab or a carriage return.

use super::{quote_ident, tables};
use crate::error::{Error, Result};
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use std::io::Write;

/// The tables that can be written as CSV, with the user's word for them.
pub const CSV_TABLES: &[(&str, &str)] = &[("promises", "Promises"), ("complaints", "Complaints")];

/// The columns a parent row is best known by, in order of preference.
const LABELS: &[&str] = &["name", "reference", "title", "summary", "label", "what"];

/// Neutralise a text cell so no spreadsheet reads it as a formula.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// Quote a cell for CSV (RFC 4180): only when it holds a comma, quote or line break.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

enum Out {
    Plain(usize),
    Label {
        col: usize,
        table: String,
        label: String,
    },
    Amount {
        minor: usize,
        currency: usize,
    },
}

/// Write `table` as CSV with a header row; returns the number of rows written.
pub fn write_csv(conn: &Connection, table: &str, out: &mut dyn Write) -> Result<u64> {
    if !CSV_TABLES.iter().any(|(t, _)| *t == table) {
        return Err(Error::validation(
            "table",
            format!(
                "CSV is made for {}.",
                CSV_TABLES
                    .iter()
                    .map(|t| t.0)
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
        ));
    }
    let schema = tables(conn)?;
    let t = schema
        .iter()
        .find(|t| t.name == table)
        .ok_or_else(|| Error::not_found("table", table))?;
    let fks: Vec<(String, String)> = conn
        .prepare("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?1)")?
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut header = Vec::new();
    let mut plan = Vec::new();
    for (i, c) in t.columns.iter().enumerate() {
        header.push(c.name.clone());
        plan.push(Out::Plain(i));
        if let Some((_, parent)) = fks.iter().find(|(from, _)| *from == c.name) {
            let label = schema
                .iter()
                .find(|p| &p.name == parent)
                .and_then(|p| LABELS.iter().find(|l| p.column(l).is_some()));
            if let Some(label) = label {
                header.push(c.name.trim_end_matches("_id").to_string());
                plan.push(Out::Label {
                    col: i,
                    table: parent.clone(),
                    label: label.to_string(),
                });
            }
        }
        if let Some(base) = c.name.strip_suffix("_minor") {
            let currency = t
                .columns
                .iter()
                .position(|x| x.name == format!("{base}_currency"))
                .or_else(|| t.columns.iter().position(|x| x.name == "currency"));
            if let Some(currency) = currency {
                header.push(base.to_string());
                plan.push(Out::Amount { minor: i, currency });
            }
        }
    }
    let io = |e: std::io::Error| Error::io("Cannot write the CSV", e);
    let line = |cells: Vec<String>| cells.iter().map(|c| quote(c)).collect::<Vec<_>>().join(",");
    write!(
        out,
        "{}\r\n",
        line(header.iter().map(|h| neutralise(h)).collect())
    )
    .map_err(io)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT * FROM {} ORDER BY {}",
        quote_ident(table),
        t.order_by()
    ))?;
    let mut rows = stmt.query([])?;
    let mut n = 0u64;
    while let Some(r) = rows.next()? {
        let mut cells = Vec::with_capacity(plan.len());
        for p in &plan {
            cells.push(match p {
                Out::Plain(i) => cell(r.get_ref(*i)?),
                Out::Label { col, table, label } => match r.get_ref(*col)? {
                    ValueRef::Text(id) => {
                        let id = String::from_utf8_lossy(id);
                        let sql = format!(
                            "SELECT {} FROM {} WHERE id = ?1",
                            quote_ident(label),
                            quote_ident(table)
                        );
                        let v: Option<String> = conn
                            .prepare_cached(&sql)?
                            .query_row([id.as_ref()], |r| r.get(0))
                            .ok();
                        neutralise(&v.unwrap_or_default())
                    }
                    _ => String::new(),
                },
                Out::Amount { minor, currency } => {
                    match (r.get_ref(*minor)?, r.get_ref(*currency)?) {
                        (ValueRef::Integer(m), ValueRef::Text(c)) => {
                            decimal(m, &String::from_utf8_lossy(c))
                        }
                        _ => String::new(),
                    }
                }
            });
        }
        write!(out, "{}\r\n", line(cells)).map_err(io)?;
        n += 1;
    }
    Ok(n)
}

fn cell(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => String::new(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) => neutralise(&String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => format!("({} bytes)", b.len()),
    }
}

/// 150000 EUR -> "1500.00": a plain decimal a spreadsheet reads as a number.
fn decimal(minor: i64, currency: &str) -> String {
    let units = crate::money::minor_units(currency);
    if units == 0 {
        return minor.to_string();
    }
    let p = 10i64.pow(units);
    let sign = if minor < 0 { "-" } else { "" };
    format!(
        "{sign}{}.{:0width$}",
        (minor / p).abs(),
        (minor % p).abs(),
        width = units as usize
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for bad in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(neutralise(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(neutralise("plain"), "plain");
        assert_eq!(quote("a,\"b\""), "\"a,\"\"b\"\"\"");
        assert_eq!(decimal(150_050, "EUR"), "1500.50");
        assert_eq!(decimal(3000, "JPY"), "3000");
    }
}
