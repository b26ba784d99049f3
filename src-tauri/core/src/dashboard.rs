//! The dashboard: the whole case file at a glance, the window's home.
//!
//! It answers the questions a director asks on opening the file: what is overdue and what
//! falls due this week; whether complaints are rising and from which root cause; who keeps
//! their promises; what broken promises and remedies cost this quarter and this year; and
//! whether the file is substantial enough to take upward (the escalation-readiness meter,
//! against the thresholds in settings). Every figure comes from the module that owns its
//! table; this module only arranges them, so the figures agree with every other screen.

use crate::error::Result;
use crate::lost_revenue::{self, LostTotals};
use crate::model::Page;
use crate::money::Totals;
use crate::promises::query::{self, PromiseQuery};
use crate::promises::record::{self, OnTimeRate};
use crate::promises::{load, Promise};
use crate::{complaints, remedies, root_causes, settings, when};
use chrono::{Datelike, Duration, Months, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;

/// How many months the complaints chart covers, this month included.
pub const MONTHS: u32 = 12;
/// How many overdue and due promises the lists show; the totals say how many there are.
pub const LIST_LIMIT: u64 = 20;

#[derive(Debug, Clone, Serialize)]
pub struct Dashboard {
    pub today: String,
    /// This week, by the week start in settings.
    pub week: Period,
    pub overdue: Page<Promise>,
    /// Open promises due from today to the end of this week.
    pub due_this_week: Page<Promise>,
    pub complaints: ComplaintsByCause,
    pub promisers: Vec<PromiserRate>,
    pub quarter: PeriodCost,
    pub year: PeriodCost,
    pub escalation: Escalation,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    pub from: String,
    pub to: String,
}

/// Complaints received per month, one series per top-level root cause.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplaintsByCause {
    /// "2025-12" … "2026-11", oldest first.
    pub months: Vec<String>,
    /// Largest first; complaints without a root cause yet come last.
    pub series: Vec<CauseSeries>,
    /// All complaints per month.
    pub totals: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CauseSeries {
    /// The top-level root cause; None for complaints whose cause is not known yet.
    pub root_cause_id: Option<String>,
    pub name: String,
    pub counts: Vec<u32>,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromiserRate {
    pub person_id: String,
    pub name: String,
    pub is_me: bool,
    pub made: u32,
    pub kept_on_time: u32,
    pub kept_late: u32,
    pub broken: u32,
    pub overdue: u32,
    /// None when nothing can be judged yet.
    pub on_time_rate: Option<OnTimeRate>,
}

/// What broken promises and remedies cost in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodCost {
    /// "Q4 2026" or "2026".
    pub label: String,
    pub from: String,
    pub to: String,
    pub lost: LostTotals,
    /// Offered, accepted or delivered remedies dated in the period.
    pub remedy_cost: Totals,
    pub remedies: u32,
}

/// How close the file is to the point where it should be taken upward.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Escalation {
    /// Promises made by others than the user: the people a packet would be about.
    pub overall: Readiness,
    /// The promisers closest to the thresholds, fullest first (at most three).
    pub promisers: Vec<PromiserReadiness>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromiserReadiness {
    pub person_id: String,
    pub name: String,
    pub readiness: Readiness,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    pub broken: u32,
    pub broken_threshold: u32,
    /// Lost revenue in the settings currency, counted against the threshold.
    pub lost_minor: i64,
    pub lost_threshold_minor: i64,
    pub currency: String,
    /// Lost revenue in other currencies: shown, never converted, so not counted.
    pub lost_other: Totals,
    /// The fuller of the two meters, 0 to 100.
    pub percent: u32,
    pub ready: bool,
}

/// The whole dashboard as of `today`.
pub fn build(conn: &Connection, today: NaiveDate) -> Result<Dashboard> {
    let s = settings::get(conn)?;
    let week_from = load::week_start(today, s.week_start == "sunday");
    let week_to = week_from + Duration::days(6);
    let overdue = query::list(conn, today, &PromiseQuery { overdue: true, limit: Some(LIST_LIMIT), ..Default::default() })?;
    let ahead = u32::try_from(when::days_between(today, week_to)).unwrap_or(0);
    let due_this_week = query::list(conn, today, &PromiseQuery { due_within_days: Some(ahead), limit: Some(LIST_LIMIT), ..Default::default() })?;
    let records = record::all(conn, today)?;
    let promisers = records
        .iter()
        .filter(|r| r.made > 0)
        .map(|r| PromiserRate {
            person_id: r.person_id.clone(),
            name: r.name.clone(),
            is_me: r.is_me,
            made: r.made,
            kept_on_time: r.kept_on_time,
            kept_late: r.kept_late,
            broken: r.broken,
            overdue: r.overdue,
            on_time_rate: r.on_time_rate,
        })
        .collect();
    let quarter_from = NaiveDate::from_ymd_opt(today.year(), (today.month0() / 3) * 3 + 1, 1).unwrap_or(today);
    let quarter_to = quarter_from + Months::new(3) - Duration::days(1);
    let year_from = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let year_to = NaiveDate::from_ymd_opt(today.year(), 12, 31).unwrap_or(today);
    let quarter = period_cost(conn, format!("Q{} {}", today.month0() / 3 + 1, today.year()), quarter_from, quarter_to)?;
    let year = period_cost(conn, today.year().to_string(), year_from, year_to)?;
    let all_lost = lost_revenue::totals_between(conn, None, None)?;
    let escalation = escalation(&records, &all_lost.all, s.escalate_broken_promises, s.escalate_lost_minor, &s.currency);
    Ok(Dashboard {
        today: when::date(today),
        week: Period { from: when::date(week_from), to: when::date(week_to) },
        overdue,
        due_this_week,
        complaints: complaints_by_cause(conn, today)?,
        promisers,
        quarter,
        year,
        escalation,
    })
}

fn period_cost(conn: &Connection, label: String, from: NaiveDate, to: NaiveDate) -> Result<PeriodCost> {
    let r = remedies::totals_between(conn, from, to)?;
    Ok(PeriodCost {
        label,
        from: when::date(from),
        to: when::date(to),
        lost: lost_revenue::totals_between(conn, Some(from), Some(to))?,
        remedy_cost: r.cost,
        remedies: r.count,
    })
}

/// The first day of the month `months - 1` months before today's month.
pub fn first_month(today: NaiveDate, months: u32) -> NaiveDate {
    today.with_day(1).unwrap_or(today) - Months::new(months.saturating_sub(1))
}

/// Complaints per month over the last [`MONTHS`] months, by top-level root cause: the
/// supplier or process a director can name, rather than every lot below it.
pub fn complaints_by_cause(conn: &Connection, today: NaiveDate) -> Result<ComplaintsByCause> {
    let first = first_month(today, MONTHS);
    let months = root_causes::months_between(first, today);
    let causes = root_causes::list(conn)?;
    let parent: HashMap<&str, Option<&str>> = causes.iter().map(|c| (c.id.as_str(), c.parent_id.as_deref())).collect();
    let top = |id: &str| -> String {
        let mut current = id;
        for _ in 0..root_causes::MAX_DEPTH * 2 {
            match parent.get(current).copied().flatten() {
                Some(p) => current = p,
                None => break,
            }
        }
        current.to_string()
    };
    let index: HashMap<&str, usize> = months.iter().enumerate().map(|(i, m)| (m.as_str(), i)).collect();
    let mut by_top: HashMap<Option<String>, Vec<u32>> = HashMap::new();
    let mut totals = vec![0u32; months.len()];
    for (month, cause, n) in complaints::count_by_month_and_cause(conn, first, today)? {
        let Some(&i) = index.get(month.as_str()) else { continue };
        let key = cause.as_deref().map(top);
        by_top.entry(key).or_insert_with(|| vec![0; months.len()])[i] += n;
        totals[i] += n;
    }
    let name_of: HashMap<&str, &str> = causes.iter().map(|c| (c.id.as_str(), c.name.as_str())).collect();
    let mut series: Vec<CauseSeries> = by_top
        .into_iter()
        .map(|(id, counts)| CauseSeries {
            name: id.as_deref().and_then(|i| name_of.get(i).copied()).unwrap_or("No root cause yet").to_string(),
            total: counts.iter().sum(),
            root_cause_id: id,
            counts,
        })
        .collect();
    series.sort_by(|a, b| a.root_cause_id.is_none().cmp(&b.root_cause_id.is_none()).then(b.total.cmp(&a.total)).then_with(|| a.name.cmp(&b.name)));
    Ok(ComplaintsByCause { months, series, totals })
}

fn readiness(broken: u32, lost: &Totals, broken_threshold: u32, lost_threshold: i64, currency: &str) -> Readiness {
    let lost_minor = lost.0.iter().filter(|m| m.currency == currency).map(|m| m.minor).sum::<i64>();
    let lost_other = Totals(lost.0.iter().filter(|m| m.currency != currency).cloned().collect());
    let pct = |v: f64, t: f64| if t > 0.0 { ((v / t) * 100.0).floor().clamp(0.0, 100.0) as u32 } else { 0 };
    let percent = pct(f64::from(broken), f64::from(broken_threshold)).max(pct(lost_minor as f64, lost_threshold as f64));
    Readiness {
        broken,
        broken_threshold,
        lost_minor,
        lost_threshold_minor: lost_threshold,
        currency: currency.to_string(),
        lost_other,
        percent,
        ready: broken >= broken_threshold || lost_minor >= lost_threshold,
    }
}

/// Readiness over everyone but the user, and for each promiser closest to the thresholds.
/// The overall lost revenue is everything lost except what the user's own promises lost.
fn escalation(records: &[record::PromiserRecord], all_lost: &Totals, broken_threshold: u32, lost_threshold: i64, currency: &str) -> Escalation {
    let others: Vec<&record::PromiserRecord> = records.iter().filter(|r| !r.is_me).collect();
    let mut lost = Totals::default();
    for m in &all_lost.0 {
        let mine: i64 = records.iter().filter(|r| r.is_me).flat_map(|r| r.lost.all.0.iter()).filter(|o| o.currency == m.currency).map(|o| o.minor).sum();
        if m.minor - mine > 0 {
            lost.add(m.minor - mine, &m.currency);
        }
    }
    let broken = others.iter().map(|r| r.broken).sum();
    let overall = readiness(broken, &lost, broken_threshold, lost_threshold, currency);
    let mut promisers: Vec<PromiserReadiness> = others
        .iter()
        .filter(|r| r.broken > 0 || r.lost.entries > 0)
        .map(|r| PromiserReadiness { person_id: r.person_id.clone(), name: r.name.clone(), readiness: readiness(r.broken, &r.lost.all, broken_threshold, lost_threshold, currency) })
        .collect();
    promisers.sort_by(|a, b| b.readiness.percent.cmp(&a.readiness.percent).then(b.readiness.broken.cmp(&a.readiness.broken)).then_with(|| a.name.cmp(&b.name)));
    promisers.truncate(3);
    Escalation { overall, promisers }
}

#[cfg(test)]
mod tests;
