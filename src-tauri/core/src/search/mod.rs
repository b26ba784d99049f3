//! Full-text search over the whole case file: "find anything".
//!
//! Migration 0003 gives every searchable table an FTS5 index kept right by triggers. This
//! module owns those indexes and the queries over them:
//!
//! * What the user types is read as plain words ([`match_expression`]): each word is quoted,
//!   so FTS syntax (`"`, `*`, `-`, `NEAR`, `AND`, an unbalanced quote) never errors; the last
//!   word, while still being typed, also matches as a prefix.
//! * Case files reach a million timeline entries, so nothing ranks the whole match set. Each
//!   kind of record takes its newest candidates with a LIMIT, walking the index newest
//!   first; with a customer, date or status filter it walks that filter's own index instead
//!   and checks each row against the match set ([`sources`]).
//! * Snippets come back as segments, `[{text, hit}]`: the window puts each in a text node,
//!   so the user's text is never parsed as markup and nothing needs escaping.

pub mod bulk;
mod sources;

use crate::error::{Error, Result};
use crate::{accounts, when};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
pub use sources::explain;

/// At most this many words are searched for; the rest are ignored.
pub const MAX_WORDS: usize = 16;
/// Hits per kind when every kind is shown; one kind alone shows up to [`MAX_PER_KIND`].
pub const PER_KIND: u32 = 5;
pub const MAX_PER_KIND: u32 = 50;

crate::model::word_enum!(
    /// The kinds of record search finds, in the order their groups are shown.
    SearchKind {
        Customer = "customer": "Customers",
        Contact = "contact": "Contacts",
        Person = "person": "People",
        Promise = "promise": "Promises",
        Complaint = "complaint": "Complaints",
        Remedy = "remedy": "Remedies",
        Decision = "decision": "Decisions",
        Event = "event": "Timeline entries",
        Email = "email": "E-mails",
        Attachment = "attachment": "Files",
    }
);

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SearchQuery {
    pub text: String,
    /// One kind of record; blank for every kind.
    pub kind: Option<String>,
    /// Only records about this customer.
    pub account_id: Option<String>,
    /// First and last day, inclusive.
    pub from: Option<String>,
    pub to: Option<String>,
    /// "open" or "closed" for any record with a status, or one status word ("broken",
    /// "investigating" …). Kinds without a status are left out when it is set.
    pub status: Option<String>,
    pub limit: Option<u32>,
}

/// A run of snippet text, highlighted when it is one of the words searched for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// Where a hit opens in the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// "customer", "person", "promise", "complaint", "decision" or "timeline".
    pub view: &'static str,
    pub id: String,
    /// For the timeline: the day to show.
    pub day: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub kind: SearchKind,
    /// The record found.
    pub id: String,
    pub title: String,
    /// One line of context: who, when, for whom.
    pub detail: String,
    pub snippet: Vec<Segment>,
    /// The record's own date (when it happened, was received, was made).
    pub at: Option<String>,
    pub account_id: Option<String>,
    pub account_name: Option<String>,
    pub status: Option<String>,
    pub link: Option<Link>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub kind: SearchKind,
    pub label: &'static str,
    /// Newest first.
    pub hits: Vec<Hit>,
    /// More matched than are shown: narrow the search, or show this kind alone.
    pub more: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// The words searched for, as understood.
    pub words: Vec<String>,
    pub groups: Vec<Group>,
}

/// The FTS5 expression for what the user typed, and the words it searches for. Every word
/// is quoted, so nothing typed can be FTS syntax; the last word also matches as a prefix
/// while it is being typed (no trailing space) and has at least two characters.
pub fn match_expression(input: &str) -> Option<(String, Vec<String>)> {
    let words: Vec<String> = input
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(MAX_WORDS)
        .map(|w| w.chars().take(64).collect())
        .collect();
    if words.is_empty() {
        return None;
    }
    let typing = !input.ends_with(char::is_whitespace);
    let last = words.len() - 1;
    let expr = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let quoted = format!("\"{}\"", w.replace('"', "\"\""));
            let alnum = w.chars().filter(|c| c.is_alphanumeric()).count();
            if i == last && typing && alnum >= 2 { format!("{quoted}*") } else { quoted }
        })
        .collect::<Vec<_>>()
        .join(" ");
    Some((expr, words))
}

/// The filters of a query, checked.
pub(crate) struct Filters {
    pub account: Option<String>,
    /// Lower bound on a stored date: a day, or "YYYY-MM" when the range starts on the 1st
    /// so month-precision entries of that month are in.
    pub from: Option<String>,
    /// Upper bound: the day followed by "T99", so every instant of that day is in.
    pub to: Option<String>,
    pub status: Option<String>,
}

impl Filters {
    fn any(&self) -> bool {
        self.account.is_some() || self.from.is_some() || self.to.is_some() || self.status.is_some()
    }
}

/// Status words accepted by the filter, besides "open" and "closed".
const STATUS_WORDS: &[&str] = &[
    "kept", "broken", "withdrawn", "received", "acknowledged", "investigating", "remedy_offered", "resolved", "reopened", "offered", "accepted",
    "delivered", "declined", "decided",
];

fn some(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

fn check(conn: &Connection, q: &SearchQuery) -> Result<(Option<SearchKind>, Filters)> {
    let kind = match some(&q.kind) {
        Some(k) => Some(SearchKind::parse("kind", &k)?),
        None => None,
    };
    let account = some(&q.account_id);
    if let Some(a) = &account {
        if !accounts::exists(conn, a)? {
            return Err(Error::validation("account_id", "That customer is not in this case file."));
        }
    }
    let from = some(&q.from).map(|f| when::parse_date("from", &f)).transpose()?;
    let to = some(&q.to).map(|t| when::parse_date("to", &t)).transpose()?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(Error::validation("to", "The last day is before the first day."));
        }
    }
    let status = some(&q.status).map(|s| s.to_lowercase());
    if let Some(s) = &status {
        if s != "open" && s != "closed" && !STATUS_WORDS.contains(&s.as_str()) {
            return Err(Error::validation("status", format!("“{}” is not a status to search by.", crate::text::clip(s, 30))));
        }
    }
    let from = from.map(|f| {
        let d = when::date(f);
        if d.ends_with("-01") { d[..7].to_string() } else { d }
    });
    Ok((kind, Filters { account, from, to: to.map(|t| format!("{}T99", when::date(t))), status }))
}

/// Search the case file; `today` decides which promises show as overdue. Blank text finds
/// nothing (and is not an error).
pub fn search(conn: &Connection, today: chrono::NaiveDate, q: &SearchQuery) -> Result<Results> {
    let (only, filters) = check(conn, q)?;
    let Some((expr, words)) = match_expression(&q.text) else {
        return Ok(Results { words: Vec::new(), groups: Vec::new() });
    };
    let limit = q.limit.unwrap_or(if only.is_some() { MAX_PER_KIND } else { PER_KIND }).clamp(1, MAX_PER_KIND);
    let mut groups = Vec::new();
    for kind in SearchKind::ALL.iter().copied().filter(|k| only.is_none_or(|o| o == *k)) {
        let Some(found) = sources::find(conn, kind, &expr, &filters, limit)? else { continue };
        let more = found.len() > limit as usize;
        let mut hits = Vec::with_capacity(found.len());
        for candidate in found.into_iter().take(limit as usize) {
            if let Some(hit) = sources::hydrate(conn, today, kind, &expr, &candidate)? {
                hits.push(hit);
            }
        }
        if hits.is_empty() {
            continue;
        }
        hits.sort_by(|a, b| b.at.cmp(&a.at));
        groups.push(Group { kind, label: kind.label(), hits, more });
    }
    Ok(Results { words, groups })
}

/// The segments of a snippet marked with \u{1} (start of a hit) and \u{2} (end of a hit).
pub(crate) fn segments(marked: &str) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut text = String::new();
    let mut hit = false;
    let flush = |text: &mut String, hit: bool, out: &mut Vec<Segment>| {
        if !text.is_empty() {
            out.push(Segment { text: std::mem::take(text), hit });
        }
    };
    for c in marked.chars() {
        match c {
            '\u{1}' => {
                flush(&mut text, hit, &mut out);
                hit = true;
            }
            '\u{2}' => {
                flush(&mut text, hit, &mut out);
                hit = false;
            }
            c => text.push(c),
        }
    }
    flush(&mut text, hit, &mut out);
    // Snippets cross lines; the window shows them as one line.
    for s in &mut out {
        s.text = s.text.replace(['\n', '\r', '\t'], " ");
    }
    out
}

#[cfg(test)]
mod tests;
