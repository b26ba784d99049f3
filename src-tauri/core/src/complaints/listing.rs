//! Reading complaints back: the filtered, paged list, and the counts by root cause and month
//! that the root-cause figures are made of.

use super::{from_row, parse_severity, some, workflow, Complaint, SELECT};
use crate::error::Result;
use crate::model::{page_limit, ComplaintStatus, Page};
use crate::people::escape_like;
use crate::{root_causes, when};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A complaint as the list shows it, with whether its first response is late.
#[derive(Debug, Clone, Serialize)]
pub struct ComplaintRow {
    #[serde(flatten)]
    pub complaint: Complaint,
    pub response_overdue: bool,
    pub remedy_cost: crate::money::Totals,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ComplaintQuery {
    pub account_id: Option<String>,
    /// A status word, or "open" for every status before resolved.
    pub status: Option<String>,
    pub severity: Option<String>,
    /// Includes the root cause's children.
    pub root_cause_id: Option<String>,
    /// Matches the reference, description, product, component and lot.
    pub search: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub offset: Option<u64>,
    pub limit: Option<u64>,
}

pub fn list(conn: &Connection, today: NaiveDate, q: &ComplaintQuery) -> Result<Page<ComplaintRow>> {
    let account = some(&q.account_id);
    let status = match some(&q.status).as_deref() {
        None => None,
        Some("open") => Some("open".to_string()),
        Some(s) => Some(ComplaintStatus::parse("status", s)?.as_str().to_string()),
    };
    let severity = match some(&q.severity) {
        Some(s) => Some(parse_severity(&s)?),
        None => None,
    };
    let roots = match some(&q.root_cause_id) {
        Some(r) => Some(serde_json::to_string(&root_causes::branch(conn, &r)?).unwrap_or_default()),
        None => None,
    };
    let from = match some(&q.from) {
        Some(f) => Some(when::date(when::parse_date("from", &f)?)),
        None => None,
    };
    // "Up to and including the last day" is "before the day after it", which the index of
    // received times can answer (received_at is a day or an instant on that day).
    let before = match some(&q.to) {
        Some(t) => Some(when::date(when::parse_date("to", &t)? + chrono::Duration::days(1))),
        None => None,
    };
    let search = some(&q.search).unwrap_or_default();
    // Only the filters asked for are written in, so SQLite walks the index of one of them
    // (customer, status, severity, root cause, or the received time) rather than every complaint.
    let mut terms: Vec<String> = Vec::new();
    let mut args: Vec<Value> = Vec::new();
    let mut arg = |v: Value| {
        args.push(v);
        format!("?{}", args.len())
    };
    if let Some(a) = account {
        terms.push(format!("c.account_id = {}", arg(Value::Text(a))));
    }
    match status.as_deref() {
        Some("open") => {
            let open: Vec<String> = ComplaintStatus::ALL
                .iter()
                .filter(|s| !matches!(s, ComplaintStatus::Resolved | ComplaintStatus::Closed))
                .map(|s| format!("'{}'", s.as_str()))
                .collect();
            terms.push(format!("c.status IN ({})", open.join(", ")));
        }
        Some(s) => terms.push(format!("c.status = {}", arg(Value::Text(s.to_string())))),
        None => {}
    }
    if let Some(s) = severity {
        terms.push(format!("c.severity = {}", arg(Value::Integer(i64::from(s)))));
    }
    if let Some(r) = roots {
        terms.push(format!("c.root_cause_id IN (SELECT value FROM json_each({}))", arg(Value::Text(r))));
    }
    if let Some(f) = from {
        terms.push(format!("c.received_at >= {}", arg(Value::Text(f))));
    }
    if let Some(b) = before {
        terms.push(format!("c.received_at < {}", arg(Value::Text(b))));
    }
    if !search.is_empty() {
        let like = arg(Value::Text(format!("%{}%", escape_like(&search))));
        terms.push(format!(
            "(c.reference LIKE {like} ESCAPE '\\' OR c.description LIKE {like} ESCAPE '\\' OR c.product LIKE {like} ESCAPE '\\'
             OR c.component LIKE {like} ESCAPE '\\' OR c.lot LIKE {like} ESCAPE '\\')"
        ));
    }
    let filter = if terms.is_empty() { String::new() } else { format!("WHERE {}", terms.join(" AND ")) };
    let total = conn
        .prepare_cached(&format!("SELECT count(*) FROM complaints c {filter}"))?
        .query_row(params_from_iter(args.iter()), |r| r.get::<_, i64>(0))? as u64;
    let limit = page_limit(q.limit);
    let offset = q.offset.unwrap_or(0);
    let n = args.len();
    args.push(Value::Integer(limit as i64));
    args.push(Value::Integer(offset as i64));
    let rows = conn
        .prepare_cached(&format!("{SELECT} {filter} ORDER BY c.received_at DESC, c.reference DESC LIMIT ?{} OFFSET ?{}", n + 1, n + 2))?
        .query_map(params_from_iter(args.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Two statements for the whole page rather than two per complaint: the briefing of a
    // customer with dozens of open complaints was mostly these lookups.
    let ids: Vec<&str> = rows.iter().map(|c| c.id.as_str()).collect();
    let mut costs = crate::remedies::totals_for_complaints(conn, &ids)?;
    let causes: Vec<&str> = rows.iter().filter_map(|c| c.root_cause_id.as_deref()).collect();
    let paths = root_causes::paths_of(conn, &causes)?;
    let items = rows
        .into_iter()
        .map(|mut c| {
            c.root_cause_path = c.root_cause_id.as_ref().and_then(|r| paths.get(r).cloned());
            let response_overdue = workflow::response_overdue(&c, today);
            let remedy_cost = costs.remove(&c.id).map(|t| t.cost).unwrap_or_default();
            ComplaintRow { complaint: c, response_overdue, remedy_cost }
        })
        .collect();
    Ok(Page { items, total, offset, limit })
}

/// (all, still open) complaints whose root cause is one of `ids`.
pub fn count_for_root_causes(conn: &Connection, ids: &[String]) -> Result<(u32, u32)> {
    let json = serde_json::to_string(ids).unwrap_or_default();
    Ok(conn
        .prepare_cached(
            "SELECT count(*), coalesce(sum(status NOT IN ('resolved', 'closed')), 0) FROM complaints
             WHERE root_cause_id IN (SELECT value FROM json_each(?1))",
        )?
        .query_row([json], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// Complaints received per month ("2026-03" → n) whose root cause is one of `ids`.
pub fn count_by_month(conn: &Connection, ids: &[String]) -> Result<BTreeMap<String, u32>> {
    let json = serde_json::to_string(ids).unwrap_or_default();
    let rows = conn
        .prepare_cached(
            "SELECT substr(received_at, 1, 7), count(*) FROM complaints
             WHERE root_cause_id IN (SELECT value FROM json_each(?1)) GROUP BY 1",
        )?
        .query_map([json], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().collect())
}

/// Complaints received from `from` to `to` (inclusive days), counted by month ("2026-03")
/// and root cause (None: not yet known), oldest month first. Reads the received-date index.
pub fn count_by_month_and_cause(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<(String, Option<String>, u32)>> {
    // received_at is a day or an instant; the upper bound takes in every instant of `to`.
    let end = format!("{}T99", when::date(to));
    Ok(conn
        .prepare_cached(
            "SELECT substr(received_at, 1, 7), root_cause_id, count(*) FROM complaints
             WHERE received_at >= ?1 AND received_at <= ?2 GROUP BY 1, 2 ORDER BY 1, 2",
        )?
        .query_map(params![when::date(from), end], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}
