//! Type-ahead for logging a promise in seconds: who made it (people) and to whom
//! (customers, or a contact at a customer, which names both at once).
//!
//! Matches at the start of the name come first, then at the start of any word, then
//! anywhere; the user's own people come before outsiders.

use crate::error::Result;
use crate::people::escape_like;
use rusqlite::{params, Connection};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// "person", "account" or "contact".
    pub kind: &'static str,
    pub id: String,
    /// The name, as the list shows it.
    pub label: String,
    /// A second line: role, segment, or the contact's title and customer.
    pub detail: String,
    /// What the field shows once chosen.
    pub text: String,
    pub account_id: Option<String>,
    pub contact_id: Option<String>,
}

fn patterns(text: &str) -> (String, String, String) {
    let t = escape_like(text.trim());
    (format!("{t}%"), format!("% {t}%"), format!("%{t}%"))
}

/// People who could have made a promise.
pub fn promisers(conn: &Connection, text: &str, limit: u32) -> Result<Vec<Suggestion>> {
    let (prefix, word, anywhere) = patterns(text);
    let rows = conn
        .prepare_cached(
            "SELECT id, name, role, side, organisation,
                    CASE WHEN name LIKE ?1 ESCAPE '\\' THEN 0 WHEN name LIKE ?2 ESCAPE '\\' THEN 1 ELSE 2 END AS rank
             FROM people WHERE name LIKE ?3 ESCAPE '\\' OR role LIKE ?3 ESCAPE '\\'
             ORDER BY side = 'internal' DESC, rank, is_me DESC, name COLLATE NOCASE LIMIT ?4",
        )?
        .query_map(params![prefix, word, anywhere, limit.clamp(1, 50)], |r| {
            let name: String = r.get(1)?;
            let role: String = r.get(2)?;
            let side: String = r.get(3)?;
            let org: String = r.get(4)?;
            let detail = if side == "external" { [role, org].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ") } else { role };
            Ok(Suggestion { kind: "person", id: r.get(0)?, text: name.clone(), label: name, detail, account_id: None, contact_id: None })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Customers, and contacts at customers, a promise could have been made to.
pub fn counterparties(conn: &Connection, text: &str, limit: u32) -> Result<Vec<Suggestion>> {
    let (prefix, word, anywhere) = patterns(text);
    let rows = conn
        .prepare_cached(
            "SELECT kind, id, name, detail, account_id, account_name, contact_id, rank FROM (
                SELECT 'account' AS kind, a.id, a.name, a.segment AS detail, a.id AS account_id, a.name AS account_name, NULL AS contact_id,
                       CASE WHEN a.name LIKE ?1 ESCAPE '\\' THEN 0 WHEN a.name LIKE ?2 ESCAPE '\\' THEN 1 ELSE 2 END AS rank
                FROM accounts a WHERE a.name LIKE ?3 ESCAPE '\\'
                UNION ALL
                SELECT 'contact', c.id, c.name, c.title, a.id, a.name, c.id,
                       CASE WHEN c.name LIKE ?1 ESCAPE '\\' THEN 0 WHEN c.name LIKE ?2 ESCAPE '\\' THEN 1 ELSE 2 END
                FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.name LIKE ?3 ESCAPE '\\')
             ORDER BY rank, kind, name COLLATE NOCASE LIMIT ?4",
        )?
        .query_map(params![prefix, word, anywhere, limit.clamp(1, 50)], |r| {
            let kind: String = r.get(0)?;
            let name: String = r.get(2)?;
            let detail: String = r.get(3)?;
            let account_name: String = r.get(5)?;
            let contact = kind == "contact";
            Ok(Suggestion {
                kind: if contact { "contact" } else { "account" },
                id: r.get(1)?,
                text: if contact { format!("{account_name} — {name}") } else { name.clone() },
                label: name,
                detail: if contact { [detail, account_name].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ") } else { detail },
                account_id: r.get(4)?,
                contact_id: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
