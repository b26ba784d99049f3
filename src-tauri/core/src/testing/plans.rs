//! What the queries of a core function really do, for tests that keep hot paths fast.
//!
//! [`ran`] records every statement a function runs (through SQLite's trace hook) with how
//! many rows SQLite stepped through in full scans while running it, and its plan from
//! `EXPLAIN QUERY PLAN`. [`assert_no_full_scan`] then fails a test when any statement walked
//! through a whole table (or a whole index) of more rows than a page could need: the case
//! files these tests use hold thousands of rows in the big tables, so a full scan of one of
//! them cannot hide under the limit.

use rusqlite::trace::{TraceEvent, TraceEventCodes};
use rusqlite::{Connection, StatementStatus};
use std::cell::RefCell;

#[derive(Debug, Clone)]
pub struct Query {
    pub sql: String,
    /// Rows stepped through in full-scan loops (SQLite's SQLITE_STMTSTATUS_FULLSCAN_STEP).
    pub full_scan_steps: i32,
    pub plan: Vec<String>,
    /// How many times it ran: a statement per row of a page is what batching removes.
    pub runs: u32,
}

thread_local! {
    static SEEN: RefCell<Vec<(String, i32)>> = const { RefCell::new(Vec::new()) };
}

fn seen(event: TraceEvent<'_>) {
    if let TraceEvent::Profile(stmt, _) = event {
        let sql = stmt.sql().into_owned();
        let steps = stmt.get_status(StatementStatus::FullscanStep);
        SEEN.with(|s| s.borrow_mut().push((sql, steps)));
    }
}

/// EXPLAIN QUERY PLAN of `sql`, one line per step, indented by depth.
pub fn plan(conn: &Connection, sql: &str) -> Vec<String> {
    let Ok(mut stmt) = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")) else { return vec![format!("(cannot explain: {sql})")] };
    // Parameters stay unbound (NULL): the plan is made without their values, as when the
    // core prepares the statement.
    let rows: Vec<(i64, i64, String)> =
        stmt.raw_query().mapped(|r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(3)?))).filter_map(|r| r.ok()).collect();
    let depth = |mut parent: i64| {
        let mut d = 0;
        while parent != 0 && d < 20 {
            parent = rows.iter().find(|(id, _, _)| *id == parent).map(|r| r.1).unwrap_or(0);
            d += 1;
        }
        d
    };
    rows.iter().map(|(_, parent, detail)| format!("{}{detail}", "  ".repeat(depth(*parent)))).collect()
}

/// Run `f`, recording every statement it runs on `conn` (statements are prepared afresh,
/// so each one's counters start at zero).
pub fn ran<T>(conn: &Connection, f: impl FnOnce() -> T) -> (T, Vec<Query>) {
    conn.flush_prepared_statement_cache();
    SEEN.with(|s| s.borrow_mut().clear());
    conn.trace_v2(TraceEventCodes::SQLITE_TRACE_PROFILE, Some(seen));
    let value = f();
    conn.trace_v2(TraceEventCodes::empty(), None);
    let seen: Vec<(String, i32)> = SEEN.with(|s| s.borrow_mut().drain(..).collect());
    let mut queries: Vec<Query> = Vec::new();
    for (sql, steps) in seen {
        match queries.iter_mut().find(|q| q.sql == sql) {
            // A cached statement run again reports its running total.
            Some(q) => {
                q.full_scan_steps = q.full_scan_steps.max(steps);
                q.runs += 1;
            }
            None => queries.push(Query { plan: plan(conn, &sql), sql, full_scan_steps: steps, runs: 1 }),
        }
    }
    (value, queries)
}

/// Whether every scan in the plan walks a partial index: such an index holds only the rows
/// its condition picks (the unwritten promises, say), so walking it reads just the answer.
fn scans_only_partial_indexes(conn: &Connection, q: &Query) -> bool {
    let partial: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .unwrap_or_default();
    let scans: Vec<&String> = q.plan.iter().filter(|l| l.trim_start().starts_with("SCAN ")).collect();
    !scans.is_empty() && scans.iter().all(|l| partial.iter().any(|p| l.ends_with(&format!("INDEX {p}"))))
}

/// Fail when a statement stepped through more than `limit` rows in full scans (other than of
/// a partial index), naming it with its plan.
#[track_caller]
pub fn assert_no_full_scan(conn: &Connection, what: &str, queries: &[Query], limit: i32) {
    assert!(!queries.is_empty(), "{what}: no statement ran");
    for q in queries {
        assert!(
            q.full_scan_steps <= limit || scans_only_partial_indexes(conn, q),
            "{what}: a full scan of {} rows (at most {limit} allowed) in\n{}\nplan:\n{}",
            q.full_scan_steps,
            q.sql,
            q.plan.join("\n")
        );
    }
}
