//! One row of an import: each value checked against the column the schema declares for it,
//! then written; what SQLite itself refuses is turned back into the path of the bad value.

use crate::db::Tx;
use crate::error::{Error, Result};
use crate::exchange::{quote_ident, Column, Table};
use base64::Engine;
use rusqlite::types::Value as Sql;
use serde_json::{Map, Value};

pub(super) fn insert_row(tx: &Tx<'_>, table: &Table, obj: &Map<String, Value>, path: &str) -> Result<i64> {
    let mut names = Vec::with_capacity(obj.len());
    let mut values = Vec::with_capacity(obj.len());
    for (name, value) in obj {
        let field = format!("{path}.{name}");
        let column = table.column(name).ok_or_else(|| {
            Error::validation(
                field.as_str(),
                format!(
                    "{} has no column \"{}\".",
                    table.name,
                    crate::text::clip(name, 40)
                ),
            )
        })?;
        values.push(check_value(column, value, &field)?);
        names.push(quote_ident(name));
    }
    for c in &table.columns {
        if c.not_null && !c.has_default && c.pk == 0 && !obj.contains_key(&c.name) {
            return Err(Error::validation(
                format!("{path}.{}", c.name),
                "This value is missing.",
            ));
        }
    }
    let placeholders: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        quote_ident(&table.name),
        names.join(", "),
        placeholders.join(", ")
    );
    match tx
        .prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(values.iter()))
    {
        Ok(_) => Ok(tx.last_insert_rowid()),
        Err(e) => Err(constraint_error(e, obj, path)),
    }
}

/// Check one value against its column: its type, and the form the column's name promises.
fn check_value(c: &Column, v: &Value, field: &str) -> Result<Sql> {
    let bad = |msg: &str| Error::validation(field, msg.to_string());
    if v.is_null() {
        return if c.not_null || c.pk > 0 {
            Err(bad("This value must not be null."))
        } else {
            Ok(Sql::Null)
        };
    }
    match c.kind.as_str() {
        "INTEGER" => v
            .as_i64()
            .map(Sql::Integer)
            .ok_or_else(|| bad("This must be a whole number.")),
        "REAL" => v
            .as_f64()
            .map(Sql::Real)
            .ok_or_else(|| bad("This must be a number.")),
        "BLOB" => {
            let s = v.as_str().ok_or_else(|| bad("This must be base64 text."))?;
            base64::engine::general_purpose::STANDARD
                .decode(s)
                .map(Sql::Blob)
                .map_err(|_| bad("This is not valid base64."))
        }
        "TEXT" => {
            let s = v.as_str().ok_or_else(|| bad("This must be text."))?;
            check_text_form(&c.name, s, field)?;
            Ok(Sql::Text(s.to_string()))
        }
        _ => match v {
            Value::String(s) => Ok(Sql::Text(s.clone())),
            Value::Number(n) => Ok(n
                .as_i64()
                .map(Sql::Integer)
                .or_else(|| n.as_f64().map(Sql::Real))
                .unwrap_or(Sql::Null)),
            _ => Err(bad("This must be text or a number.")),
        },
    }
}

/// The schema's naming conventions say what a text column holds (docs/schema.md): dates end
/// in `_on`, moments in `_at`, codes in `currency`, hashes in `sha256`.
fn check_text_form(name: &str, s: &str, field: &str) -> Result<()> {
    let ok = if name.ends_with("_on") || name.ends_with("_since") {
        is_date(s)
    } else if name.ends_with("_at") || name == "at" {
        is_date(s) || is_month(s) || is_instant(s)
    } else if name == "currency" || name.ends_with("_currency") {
        crate::money::currency(field, s)
            .map(|c| c == s)
            .unwrap_or(false)
    } else if name == "sha256" || name.ends_with("_sha256") {
        s.len() == 64
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    } else if name == "value" {
        serde_json::from_str::<Value>(s).is_ok()
    } else {
        true
    };
    if ok {
        return Ok(());
    }
    let shown = crate::text::clip(s, 30);
    let expected = if name.ends_with("_on") || name.ends_with("_since") {
        "a date such as 2026-03-31"
    } else if name.ends_with("_at") || name == "at" {
        "a time such as 2026-03-31T14:30:00Z, a day 2026-03-31 or a month 2026-03"
    } else if name.ends_with("currency") {
        "an ISO 4217 currency code in capitals, such as EUR"
    } else if name.ends_with("sha256") {
        "64 lowercase hexadecimal digits"
    } else {
        "JSON text"
    };
    Err(Error::validation(
        field,
        format!("\"{shown}\" is not {expected}."),
    ))
}

fn is_date(s: &str) -> bool {
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

fn is_month(s: &str) -> bool {
    s.len() == 7 && chrono::NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").is_ok()
}

fn is_instant(s: &str) -> bool {
    s.ends_with('Z') && chrono::DateTime::parse_from_rfc3339(s).is_ok()
}

/// Turn what SQLite refused into a path: the column its message names, or the first of the
/// row's columns that the failed CHECK expression mentions.
fn constraint_error(e: rusqlite::Error, obj: &Map<String, Value>, path: &str) -> Error {
    let msg = match &e {
        rusqlite::Error::SqliteFailure(f, Some(m))
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            m.clone()
        }
        _ => return e.into(),
    };
    let detail = msg.split_once("failed: ").map(|(_, d)| d).unwrap_or("");
    let named = |d: &str| {
        d.split(',')
            .next()
            .and_then(|t| t.trim().split_once('.'))
            .map(|(_, c)| c.to_string())
    };
    let column = if msg.starts_with("CHECK") {
        let mut cols: Vec<&String> = obj.keys().filter(|k| mentions(detail, k)).collect();
        cols.sort_by_key(|k| std::cmp::Reverse(k.len()));
        cols.first().map(|c| c.to_string())
    } else {
        named(detail)
    };
    let field = column
        .map(|c| format!("{path}.{c}"))
        .unwrap_or_else(|| path.to_string());
    let message = if msg.starts_with("UNIQUE") {
        "Another row already has this value, and it must be unique.".to_string()
    } else if msg.starts_with("NOT NULL") {
        "This value must not be null.".to_string()
    } else {
        format!(
            "This value breaks a rule of the schema: {}.",
            crate::text::clip(detail, 200)
        )
    };
    Error::validation(field, message)
}

fn mentions(expr: &str, word: &str) -> bool {
    expr.match_indices(word).any(|(i, _)| {
        let before = expr[..i].chars().next_back();
        let after = expr[i + word.len()..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !ident(before) && !ident(after)
    })
}
