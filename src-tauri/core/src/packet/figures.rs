//! The figures a packet leads with, worked out once from what was gathered, so the
//! executive summary, the builder's preview and the tests all read the same numbers.
//!
//! Every figure is a count or a sum of rows printed further on in the packet; the
//! definitions (on time, overdue, unanswered, what lost revenue counts) are the ledger's own,
//! reused here rather than restated.

use super::scope::Gathered;
use crate::lost_revenue::{self, LostTotals};
use crate::model::{ComplaintStatus, PromiseStatus};
use crate::money::Totals;
use crate::promises::record::{on_time_rate, OnTimeRate};
use crate::remedies::{self, RemedyTotals};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PromiseCounts {
    pub made: u32,
    pub kept_on_time: u32,
    pub kept_late: u32,
    pub broken: u32,
    pub open: u32,
    /// Open and due before today.
    pub overdue: u32,
    pub withdrawn: u32,
    /// Due date renegotiated at least once.
    pub renegotiated: u32,
    pub not_in_writing: u32,
    pub disputed: u32,
    /// Follow-ups sent since the last reply and still waiting for one.
    pub follow_ups_unanswered: u32,
    pub on_time_rate: Option<OnTimeRate>,
}

/// One promiser's line in the summary table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromiserLine {
    pub person_id: String,
    pub name: String,
    pub counts: PromiseCounts,
    pub lost: LostTotals,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CauseLine {
    /// The root cause's whole path, or "Not yet known".
    pub cause: String,
    pub complaints: u32,
    pub open: u32,
    /// What the remedies of these complaints cost (declined ones excluded).
    pub remedy_cost: Totals,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    pub promises: PromiseCounts,
    pub by_promiser: Vec<PromiserLine>,
    pub lost: LostTotals,
    pub remedies: RemedyTotals,
    pub complaints: u32,
    pub open_complaints: u32,
    /// Every status in workflow order, with its count (zeros included, so the table is whole).
    pub complaints_by_status: Vec<(String, u32)>,
    pub complaints_by_cause: Vec<CauseLine>,
    pub decisions: u32,
    pub chronology_entries: u64,
    pub chronology_printed: u64,
    pub exhibits: u32,
}

pub const UNKNOWN_CAUSE: &str = "Not yet known";

fn count<'a>(promises: impl Iterator<Item = &'a super::scope::PromiseFacts>) -> PromiseCounts {
    let mut c = PromiseCounts::default();
    for f in promises {
        let p = &f.promise;
        c.made += 1;
        match p.status {
            PromiseStatus::Kept if p.kept_on_time == Some(false) => c.kept_late += 1,
            PromiseStatus::Kept => c.kept_on_time += 1,
            PromiseStatus::Broken => c.broken += 1,
            PromiseStatus::Open => c.open += 1,
            PromiseStatus::Withdrawn => c.withdrawn += 1,
        }
        c.overdue += u32::from(p.overdue);
        c.renegotiated += u32::from(p.renegotiations > 0);
        c.not_in_writing += u32::from(!p.in_writing);
        c.disputed += u32::from(p.disputed);
        c.follow_ups_unanswered += p.chase.unanswered_follow_ups;
    }
    c.on_time_rate = on_time_rate(c.kept_on_time, c.kept_late, c.broken, c.overdue);
    c
}

pub fn compute(g: &Gathered) -> Figures {
    let mut by_person: BTreeMap<(String, String), Vec<&super::scope::PromiseFacts>> = BTreeMap::new();
    for f in &g.promises {
        by_person.entry((f.promise.made_by_name.clone(), f.promise.made_by_id.clone())).or_default().push(f);
    }
    let mut by_promiser: Vec<PromiserLine> = by_person
        .into_iter()
        .map(|((name, person_id), list)| {
            let ids: Vec<&str> = list.iter().map(|f| f.promise.id.as_str()).collect();
            let lost: Vec<_> = g.lost.iter().filter(|l| l.promise_id.as_deref().is_some_and(|p| ids.contains(&p))).cloned().collect();
            PromiserLine { person_id, name, counts: count(list.into_iter()), lost: lost_revenue::total(&lost) }
        })
        .collect();
    by_promiser.sort_by(|a, b| b.counts.made.cmp(&a.counts.made).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())));

    let complaints_by_status = ComplaintStatus::ALL
        .iter()
        .map(|s| (s.label().to_string(), g.complaints.iter().filter(|c| c.status == *s).count() as u32))
        .collect();
    let mut causes: BTreeMap<String, CauseLine> = BTreeMap::new();
    for c in &g.complaints {
        let cause = c.root_cause_path.clone().unwrap_or_else(|| UNKNOWN_CAUSE.to_string());
        let line = causes.entry(cause.clone()).or_insert_with(|| CauseLine { cause, complaints: 0, open: 0, remedy_cost: Totals::default() });
        line.complaints += 1;
        line.open += u32::from(c.is_open());
        let theirs: Vec<_> = g.remedies.iter().filter(|r| r.complaint_id.as_deref() == Some(c.id.as_str())).cloned().collect();
        for m in remedies::total(&theirs).cost.0 {
            line.remedy_cost.add(m.minor, &m.currency);
        }
    }
    let mut complaints_by_cause: Vec<CauseLine> = causes.into_values().collect();
    complaints_by_cause.sort_by(|a, b| b.complaints.cmp(&a.complaints).then_with(|| a.cause.cmp(&b.cause)));

    Figures {
        promises: count(g.promises.iter()),
        by_promiser,
        lost: lost_revenue::total(&g.lost),
        remedies: remedies::total(&g.remedies),
        complaints: g.complaints.len() as u32,
        open_complaints: g.complaints.iter().filter(|c| c.is_open()).count() as u32,
        complaints_by_status,
        complaints_by_cause,
        decisions: g.decisions.len() as u32,
        chronology_entries: g.events_total,
        chronology_printed: g.events.len() as u64,
        exhibits: g.exhibits.len() as u32,
    }
}
