//! Decisions and their contingencies. Owns the SQL of the `decisions` and
//! `decision_options` tables.
//!
//! Situation 3: a manager ordered not to contact a client must weigh her options, each with
//! its risks, benefits and a plan for when it goes wrong, and then decide whether to
//! escalate. A decision written down at the time, with the options she had and why she
//! chose one, is what later shows she acted in good faith. So a decision is recorded once;
//! an open one can be decided later, and a decided one is never rewritten: changing course
//! is a new decision.

use crate::chain;
use crate::db::{CaseFile, Tx};
use crate::error::{Error, Result};
use crate::model::{page_limit, Page};
use crate::{events, people, text, when};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

/// Fewer than two options is not a choice; more than eight is not a plan anyone will read.
pub const MIN_OPTIONS: usize = 2;
pub const MAX_OPTIONS: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    pub id: String,
    pub title: String,
    pub context: String,
    /// "open" or "decided".
    pub status: String,
    pub options: Vec<DecisionOption>,
    pub chosen_option_id: Option<String>,
    pub rationale: String,
    pub decided_by_id: Option<String>,
    pub decided_by_name: Option<String>,
    pub decided_on: Option<String>,
    pub escalate_to_id: Option<String>,
    pub escalate_to_name: Option<String>,
    pub account_id: Option<String>,
    pub account_name: Option<String>,
    pub complaint_id: Option<String>,
    pub complaint_reference: Option<String>,
    pub recorded_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionOption {
    pub id: String,
    pub position: u32,
    pub label: String,
    pub benefits: String,
    pub risks: String,
    /// The plan if this option goes wrong.
    pub contingency: String,
    pub chosen: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OptionInput {
    pub label: String,
    pub benefits: String,
    pub risks: String,
    pub contingency: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DecisionInput {
    pub title: String,
    pub context: String,
    pub options: Vec<OptionInput>,
    pub escalate_to_id: Option<String>,
    pub account_id: Option<String>,
    pub complaint_id: Option<String>,
    /// Decide at once: the option's number from 1, or blank to leave the decision open.
    #[serde(flatten)]
    pub decide: DecideInput,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DecideInput {
    /// The chosen option's number, counting from 1, as typed or picked.
    pub chosen: String,
    pub rationale: String,
    pub decided_by_id: Option<String>,
    /// Blank means today.
    pub decided_on: String,
}

fn some(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from)
}

fn check_person(conn: &Connection, field: &str, id: &Option<String>) -> Result<Option<String>> {
    match some(id) {
        Some(p) => {
            people::get(conn, &p).map_err(|_| Error::validation(field, "That person is not in this case file."))?;
            Ok(Some(p))
        }
        None => Ok(None),
    }
}

struct Decided {
    position: u32,
    rationale: String,
    by: String,
    on: String,
}

impl DecideInput {
    fn check(&self, conn: &Connection, options: usize, today: chrono::NaiveDate) -> Result<Decided> {
        let position: u32 = self
            .chosen
            .trim()
            .parse()
            .ok()
            .filter(|n| (1..=options as u32).contains(n))
            .ok_or_else(|| Error::validation("chosen", format!("Choose one of the {options} options.")))?;
        let rationale = text::required("rationale", "The rationale", &self.rationale, text::LONG_MAX)?;
        let by = check_person(conn, "decided_by_id", &self.decided_by_id)?.ok_or_else(|| Error::validation("decided_by_id", "Say who decided."))?;
        let on = if self.decided_on.trim().is_empty() { today } else { when::parse_date("decided_on", &self.decided_on)? };
        if on > today {
            return Err(Error::validation("decided_on", format!("{} is in the future; record the decision once it is made.", when::date(on))));
        }
        Ok(Decided { position, rationale, by, on: when::date(on) })
    }
}

const SELECT: &str = "SELECT d.id, d.title, d.context, d.status, d.chosen_option_id, d.rationale, d.decided_by_id, b.name, d.decided_on,
        d.escalate_to_id, x.name, d.account_id, a.name, d.complaint_id, c.reference, d.recorded_at, d.updated_at
    FROM decisions d LEFT JOIN people b ON b.id = d.decided_by_id LEFT JOIN people x ON x.id = d.escalate_to_id
    LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN complaints c ON c.id = d.complaint_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Decision> {
    Ok(Decision {
        id: r.get(0)?,
        title: r.get(1)?,
        context: r.get(2)?,
        status: r.get(3)?,
        options: Vec::new(),
        chosen_option_id: r.get(4)?,
        rationale: r.get(5)?,
        decided_by_id: r.get(6)?,
        decided_by_name: r.get(7)?,
        decided_on: r.get(8)?,
        escalate_to_id: r.get(9)?,
        escalate_to_name: r.get(10)?,
        account_id: r.get(11)?,
        account_name: r.get(12)?,
        complaint_id: r.get(13)?,
        complaint_reference: r.get(14)?,
        recorded_at: r.get(15)?,
        updated_at: r.get(16)?,
    })
}

fn with_options(conn: &Connection, mut d: Decision) -> Result<Decision> {
    d.options = conn
        .prepare_cached("SELECT id, position, label, benefits, risks, contingency FROM decision_options WHERE decision_id = ?1 ORDER BY position")?
        .query_map([&d.id], |r| {
            Ok(DecisionOption { id: r.get(0)?, position: r.get(1)?, label: r.get(2)?, benefits: r.get(3)?, risks: r.get(4)?, contingency: r.get(5)?, chosen: false })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for o in &mut d.options {
        o.chosen = d.chosen_option_id.as_deref() == Some(o.id.as_str());
    }
    Ok(d)
}

pub fn get(conn: &Connection, id: &str) -> Result<Decision> {
    let d = conn
        .prepare_cached(&format!("{SELECT} WHERE d.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("decision", id))?;
    with_options(conn, d)
}

/// Record a decision with its options; decided at once when an option is chosen.
pub fn create(cf: &mut CaseFile, input: &DecisionInput) -> Result<Decision> {
    let conn = cf.conn();
    let title = text::line("title", "The title", &input.title)?;
    if title.is_empty() {
        return Err(Error::validation("title", "Say in a line what is being decided."));
    }
    let context = text::optional("context", "The context", &input.context, text::LONG_MAX)?;
    let filled: Vec<&OptionInput> = input.options.iter().filter(|o| !(o.label.trim().is_empty() && o.risks.trim().is_empty() && o.benefits.trim().is_empty() && o.contingency.trim().is_empty())).collect();
    if filled.len() < MIN_OPTIONS {
        return Err(Error::validation("options", format!("Write down at least {MIN_OPTIONS} options: a decision is a choice between them.")));
    }
    if filled.len() > MAX_OPTIONS {
        return Err(Error::validation("options", format!("Keep it to at most {MAX_OPTIONS} options.")));
    }
    let mut options = Vec::new();
    for (i, o) in filled.iter().enumerate() {
        let at = |e: Error| e.within(&format!("options[{i}]"));
        let label = text::line("label", "The option", &o.label).map_err(at)?;
        if label.is_empty() {
            return Err(Error::validation(format!("options[{i}].label"), "Name the option."));
        }
        let risks = text::optional("risks", "The risks", &o.risks, text::LONG_MAX).map_err(at)?;
        if risks.trim().is_empty() {
            return Err(Error::validation(format!("options[{i}].risks"), format!("Write down the risks of “{}”: weighing them is the point of the record.", text::clip(&label, 40))));
        }
        let benefits = text::optional("benefits", "The benefits", &o.benefits, text::LONG_MAX).map_err(at)?;
        let contingency = text::optional("contingency", "The contingency plan", &o.contingency, text::LONG_MAX).map_err(at)?;
        options.push((label, benefits, risks, contingency));
    }
    let escalate_to = check_person(conn, "escalate_to_id", &input.escalate_to_id)?;
    let (account_id, complaint_id, _) = events::check_links(conn, &input.account_id, &input.complaint_id, &None)?;
    let decided = if input.decide.chosen.trim().is_empty() { None } else { Some(input.decide.check(conn, options.len(), cf.today())?) };
    cf.write(|tx| {
        let id = tx.new_id();
        let now = tx.now_str();
        tx.prepare_cached(
            "INSERT INTO decisions(id, title, context, status, escalate_to_id, account_id, complaint_id, recorded_at, updated_at)
             VALUES (?1, ?2, ?3, 'open', ?4, ?5, ?6, ?7, ?7)",
        )?
        .execute(params![id, title, context, escalate_to, account_id, complaint_id, now])?;
        chain::record(tx, "decisions", &id, "create")?;
        for (i, (label, benefits, risks, contingency)) in options.iter().enumerate() {
            let oid = tx.new_id();
            tx.prepare_cached(
                "INSERT INTO decision_options(id, decision_id, position, label, benefits, risks, contingency) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![oid, id, (i + 1) as u32, label, benefits, risks, contingency])?;
            chain::record(tx, "decision_options", &oid, "create")?;
        }
        if let Some(d) = &decided {
            record_choice(tx, &id, d)?;
        }
        get(tx, &id)
    })
}

fn record_choice(tx: &Tx<'_>, id: &str, d: &Decided) -> Result<()> {
    let option: String = tx
        .prepare_cached("SELECT id FROM decision_options WHERE decision_id = ?1 AND position = ?2")?
        .query_row(params![id, d.position], |r| r.get(0))?;
    tx.prepare_cached(
        "UPDATE decisions SET status = 'decided', chosen_option_id = ?2, rationale = ?3, decided_by_id = ?4, decided_on = ?5, updated_at = ?6 WHERE id = ?1",
    )?
    .execute(params![id, option, d.rationale, d.by, d.on, tx.now_str()])?;
    chain::record(tx, "decisions", id, "decide")
}

/// Decide an open decision: which option, why, who, and when.
pub fn decide(cf: &mut CaseFile, id: &str, input: &DecideInput) -> Result<Decision> {
    let before = get(cf.conn(), id)?;
    if before.status == "decided" {
        return Err(Error::conflict(format!(
            "“{}” was decided on {}. A decision stays as it was made; record a new decision to change course.",
            before.title,
            before.decided_on.as_deref().unwrap_or("an earlier day")
        )));
    }
    let d = input.check(cf.conn(), before.options.len(), cf.today())?;
    cf.write(|tx| {
        record_choice(tx, id, &d)?;
        get(tx, id)
    })
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DecisionQuery {
    pub account_id: Option<String>,
    pub complaint_id: Option<String>,
    /// "open" or "decided"; blank for both.
    pub status: Option<String>,
    pub offset: Option<u64>,
    pub limit: Option<u64>,
}

/// Decisions, open ones first, then the newest.
pub fn list(conn: &Connection, q: &DecisionQuery) -> Result<Page<Decision>> {
    let status = some(&q.status);
    if let Some(s) = &status {
        if s != "open" && s != "decided" {
            return Err(Error::validation("status", "Choose open or decided."));
        }
    }
    let (account, complaint) = (some(&q.account_id), some(&q.complaint_id));
    let filter = "WHERE (?1 IS NULL OR d.account_id = ?1 OR d.complaint_id IN (SELECT id FROM complaints WHERE account_id = ?1))
        AND (?2 IS NULL OR d.complaint_id = ?2) AND (?3 IS NULL OR d.status = ?3)";
    let total = conn
        .prepare_cached(&format!("SELECT count(*) FROM decisions d {filter}"))?
        .query_row(params![account, complaint, status], |r| r.get::<_, i64>(0))? as u64;
    let limit = page_limit(q.limit);
    let offset = q.offset.unwrap_or(0);
    let rows = conn
        .prepare_cached(&format!(
            "{SELECT} {filter} ORDER BY d.status = 'decided', coalesce(d.decided_on, substr(d.recorded_at, 1, 10)) DESC, d.id DESC LIMIT ?4 OFFSET ?5"
        ))?
        .query_map(params![account, complaint, status, limit as i64, offset as i64], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut items = Vec::with_capacity(rows.len());
    for d in rows {
        items.push(with_options(conn, d)?);
    }
    Ok(Page { items, total, offset, limit })
}

#[cfg(test)]
mod tests;
