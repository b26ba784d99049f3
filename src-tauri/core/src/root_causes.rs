//! Root causes: a small hierarchy such as "Membratex > membrane seam > lot 2291" that
//! complaints point at. Owns the SQL of the `root_causes` table.
//!
//! The hierarchy exists so a director can show management what one supply decision costs:
//! every figure for a root cause includes its children, so "Membratex" counts the seam
//! failures of every lot, and "lot 2291" only its own.

use crate::chain;
use crate::db::CaseFile;
use crate::error::{Error, Result};
use crate::money::Totals;
use crate::text;
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

/// Deep enough for supplier > component > lot > batch; deeper trees stop being readable.
pub const MAX_DEPTH: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RootCause {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub notes: String,
    /// The whole path, "Membratex > membrane seam > lot 2291".
    pub path: String,
    /// 0 for a top-level cause.
    pub depth: u32,
    pub created_at: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RootCauseInput {
    pub name: String,
    pub parent_id: Option<String>,
    pub notes: String,
}

/// A root cause in the tree, with the figures of its whole branch.
#[derive(Debug, Clone, Serialize)]
pub struct RootCauseSummary {
    pub root_cause: RootCause,
    pub complaints: u32,
    pub open_complaints: u32,
    pub remedy_cost: Totals,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonthFigure {
    /// "2026-03"
    pub month: String,
    pub complaints: u32,
    pub remedy_cost: Totals,
}

/// What one root cause (with its children) has cost, month by month.
#[derive(Debug, Clone, Serialize)]
pub struct RootCauseReport {
    pub root_cause: RootCause,
    pub children: Vec<RootCause>,
    pub months: Vec<MonthFigure>,
    pub complaints: u32,
    pub remedies: crate::remedies::RemedyTotals,
}

const SELECT: &str = "SELECT id, parent_id, name, notes, created_at FROM root_causes";

fn from_row(r: &Row<'_>) -> rusqlite::Result<RootCause> {
    Ok(RootCause {
        id: r.get(0)?,
        parent_id: r.get(1)?,
        name: r.get(2)?,
        notes: r.get(3)?,
        path: String::new(),
        depth: 0,
        created_at: r.get(4)?,
    })
}

/// The path from the top of the tree down to `id`, as names.
fn ancestry(conn: &Connection, id: &str) -> Result<Vec<String>> {
    let mut names = Vec::new();
    let mut current = Some(id.to_string());
    let mut stmt = conn.prepare_cached("SELECT name, parent_id FROM root_causes WHERE id = ?1")?;
    while let Some(c) = current {
        if names.len() > MAX_DEPTH * 2 {
            break;
        }
        match stmt.query_row([&c], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))).optional()? {
            Some((name, parent)) => {
                names.push(name);
                current = parent;
            }
            None => break,
        }
    }
    names.reverse();
    Ok(names)
}

fn complete(conn: &Connection, mut rc: RootCause) -> Result<RootCause> {
    let names = ancestry(conn, &rc.id)?;
    rc.depth = names.len().saturating_sub(1) as u32;
    rc.path = names.join(" > ");
    Ok(rc)
}

pub fn get(conn: &Connection, id: &str) -> Result<RootCause> {
    let rc = conn
        .prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("root cause", id))?;
    complete(conn, rc)
}

/// The path of a root cause, for showing next to a complaint.
pub fn path(conn: &Connection, id: &str) -> Result<String> {
    Ok(ancestry(conn, id)?.join(" > "))
}

/// The paths of several root causes at once, for a page of complaints: one read of the
/// (small) tree instead of a walk up it per complaint.
pub fn paths_of(conn: &Connection, ids: &[&str]) -> Result<std::collections::HashMap<String, String>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let tree: std::collections::HashMap<String, String> = list(conn)?.into_iter().map(|rc| (rc.id, rc.path)).collect();
    let mut out = std::collections::HashMap::with_capacity(ids.len());
    for id in ids {
        // A cause the tree walk cannot reach (a damaged parent link) still gets its own path.
        let path = match tree.get(*id) {
            Some(p) => p.clone(),
            None => path(conn, id)?,
        };
        out.insert(id.to_string(), path);
    }
    Ok(out)
}

/// Every root cause in tree order: each parent followed by its children, by name.
pub fn list(conn: &Connection) -> Result<Vec<RootCause>> {
    let all = conn
        .prepare_cached(&format!("{SELECT} ORDER BY name COLLATE NOCASE"))?
        .query_map([], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(all.len());
    fn walk(all: &[RootCause], parent: Option<&str>, prefix: &str, depth: u32, out: &mut Vec<RootCause>) {
        for rc in all.iter().filter(|r| r.parent_id.as_deref() == parent) {
            let path = if prefix.is_empty() { rc.name.clone() } else { format!("{prefix} > {}", rc.name) };
            out.push(RootCause { path: path.clone(), depth, ..rc.clone() });
            if (depth as usize) < MAX_DEPTH * 2 {
                walk(all, Some(&rc.id), &path, depth + 1, out);
            }
        }
    }
    walk(&all, None, "", 0, &mut out);
    Ok(out)
}

/// `id` and every root cause below it.
pub fn branch(conn: &Connection, id: &str) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached(
            "WITH RECURSIVE sub(id, depth) AS (SELECT ?1, 0 UNION ALL
                 SELECT r.id, sub.depth + 1 FROM root_causes r JOIN sub ON r.parent_id = sub.id WHERE sub.depth < 20)
             SELECT id FROM sub",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

impl RootCauseInput {
    fn check(&self, conn: &Connection, own_id: Option<&str>) -> Result<(String, Option<String>, String)> {
        let name = text::name("name", "The name", &self.name)?;
        if name.contains('>') {
            return Err(Error::validation("name", "A name cannot contain “>”: it separates the levels of the path. Add a level below instead."));
        }
        let notes = text::optional("notes", "The notes", &self.notes, text::LONG_MAX)?;
        let parent = self.parent_id.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
        if let Some(p) = &parent {
            let parent_rc = get(conn, p).map_err(|_| Error::validation("parent_id", "That parent is not in this case file."))?;
            if let Some(own) = own_id {
                if branch(conn, own)?.iter().any(|b| b == p) {
                    return Err(Error::validation("parent_id", "That would make a loop: the parent is already below this root cause."));
                }
            }
            if parent_rc.depth as usize + 1 >= MAX_DEPTH {
                return Err(Error::validation(
                    "parent_id",
                    format!("“{}” is already {} levels deep; a root cause tree is kept to {MAX_DEPTH} levels so it stays readable.", parent_rc.path, parent_rc.depth + 1),
                ));
            }
        }
        let taken: Option<String> = conn
            .prepare_cached("SELECT id FROM root_causes WHERE ifnull(parent_id, '') = ifnull(?1, '') AND name = ?2")?
            .query_row(params![parent, name], |r| r.get(0))
            .optional()?;
        if taken.is_some() && taken.as_deref() != own_id {
            return Err(Error::validation("name", format!("“{name}” already exists at that level.")));
        }
        Ok((name, parent, notes))
    }
}

pub fn create(cf: &mut CaseFile, input: &RootCauseInput) -> Result<RootCause> {
    let (name, parent, notes) = input.check(cf.conn(), None)?;
    cf.write(|tx| {
        let id = tx.new_id();
        tx.prepare_cached("INSERT INTO root_causes(id, parent_id, name, notes, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(params![id, parent, name, notes, tx.now_str()])?;
        chain::record(tx, "root_causes", &id, "create")?;
        get(tx, &id)
    })
}

/// Rename a root cause, move it under another parent, or change its notes. Complaints point
/// at it by id, so they follow.
pub fn update(cf: &mut CaseFile, id: &str, input: &RootCauseInput) -> Result<RootCause> {
    get(cf.conn(), id)?;
    let (name, parent, notes) = input.check(cf.conn(), Some(id))?;
    cf.write(|tx| {
        tx.prepare_cached("UPDATE root_causes SET parent_id = ?2, name = ?3, notes = ?4 WHERE id = ?1")?
            .execute(params![id, parent, name, notes])?;
        chain::record(tx, "root_causes", id, "update")?;
        get(tx, id)
    })
}

/// The whole tree, each root cause with the complaint count and remedy cost of its branch.
pub fn tree(conn: &Connection) -> Result<Vec<RootCauseSummary>> {
    let mut out = Vec::new();
    for rc in list(conn)? {
        let ids = branch(conn, &rc.id)?;
        let (complaints, open_complaints) = crate::complaints::count_for_root_causes(conn, &ids)?;
        let remedy_cost = crate::remedies::totals_for_root_causes(conn, &ids)?.cost;
        out.push(RootCauseSummary { root_cause: rc, complaints, open_complaints, remedy_cost });
    }
    Ok(out)
}

/// The months from `first` to `last` inclusive, as "YYYY-MM".
pub fn months_between(first: NaiveDate, last: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let (mut y, mut m) = (first.year(), first.month());
    while (y, m) <= (last.year(), last.month()) && out.len() < 1200 {
        out.push(format!("{y:04}-{m:02}"));
        if m == 12 {
            y += 1;
            m = 1;
        } else {
            m += 1;
        }
    }
    out
}

/// Complaints and remedy cost per month for a root cause and its children, over the
/// `months` months that end with the month of `today`.
pub fn report(conn: &Connection, id: &str, today: NaiveDate, months: u32) -> Result<RootCauseReport> {
    let root_cause = get(conn, id)?;
    let months = months.clamp(1, 60);
    let first = today.with_day(1).unwrap_or(today) - chrono::Months::new(months - 1);
    let ids = branch(conn, id)?;
    let counts = crate::complaints::count_by_month(conn, &ids)?;
    let costs = crate::remedies::cost_by_month(conn, &ids)?;
    let figures = months_between(first, today)
        .into_iter()
        .map(|month| MonthFigure {
            complaints: counts.get(&month).copied().unwrap_or(0),
            remedy_cost: costs.get(&month).cloned().unwrap_or_default(),
            month,
        })
        .collect();
    let children = list(conn)?.into_iter().filter(|r| r.parent_id.as_deref() == Some(id)).collect();
    let (complaints, _) = crate::complaints::count_for_root_causes(conn, &ids)?;
    Ok(RootCauseReport { root_cause, children, months: figures, complaints, remedies: crate::remedies::totals_for_root_causes(conn, &ids)? })
}

#[cfg(test)]
mod tests;
