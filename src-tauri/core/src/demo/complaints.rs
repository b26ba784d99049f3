//! The demo's complaints, remedies, evidence and decisions: situations 2, 3 and 5 of USERS.md.
//!
//! * Situation 2 ([`flood`]): after the switch to Membratex membranes, seam complaints from
//!   Kestrel Roofing, Кровля-Сервис and Ελληνικά Δομικά rise month by month, under the root
//!   cause "Membratex > membrane seam > lot 2291" (and its sibling lot 2307), with the
//!   credits, replacements, repairs and a procedure change they cost; a few complaints have
//!   other causes (late delivery, invoicing), one of them paid back in yen.
//! * Situation 3 ([`alder`]): the meeting where Dana committed to take Dr. Bell's concerns
//!   upward, Rolf's dated written order not to contact him again, and her decision.
//! * Situation 5 ([`brightwater`]): the outage, the hostile calls logged as facts, the
//!   decisions made at the time, the compensation and the procedure change.
//!
//! Everything goes through the core's own functions, dated relative to the as-of day.

mod alder;
mod brightwater;
mod flood;
mod mail;

use super::{Cast, Story};
use crate::complaints::{self, workflow, ComplaintInput, TransitionInput};
use crate::db::CaseFile;
use crate::error::Result;
use crate::events::{self, EventInput, RetractInput};
use crate::remedies::{self, RemedyInput, RemedyStatusInput};
use crate::root_causes::{self, RootCauseInput};

pub(super) fn populate(cf: &mut CaseFile, story: &Story<'_>, cast: &Cast) -> Result<()> {
    let roots = flood::root_causes(cf, story)?;
    // Created in the order they arrived, so references (C-2026-0001 …) follow the calendar.
    let mut plans = flood::plans(story, cast, &roots);
    plans.push(brightwater::plan(cast, &roots));
    plans.sort_by(|a, b| b.days_ago.cmp(&a.days_ago).then_with(|| a.key.cmp(&b.key)));
    let mut ids = Ids::default();
    for p in plans {
        let id = complaint(cf, story, p.days_ago, p.input)?;
        ids.0.insert(p.key, id);
    }
    brightwater::populate(cf, story, cast, &ids)?;
    alder::populate(cf, story, cast)?;
    flood::populate(cf, story, cast, &roots, &ids)?;
    Ok(())
}

/// A complaint to create: when it arrived and what it said, under a key its story uses.
pub(super) struct Planned {
    pub key: String,
    pub days_ago: i64,
    pub input: ComplaintInput,
}

/// The ids of the created complaints, by key.
#[derive(Default)]
pub(super) struct Ids(std::collections::BTreeMap<String, String>);

impl Ids {
    pub fn get(&self, key: &str) -> &str {
        self.0.get(key).map(String::as_str).unwrap_or_default()
    }
}

/// The root causes the demo files complaints under.
pub(super) struct Roots {
    pub lot_2291: String,
    pub lot_2307: String,
    pub late_delivery: String,
    pub invoicing: String,
    pub valve_install: String,
}

fn root(cf: &mut CaseFile, name: &str, parent: Option<&str>, notes: &str) -> Result<String> {
    Ok(root_causes::create(cf, &RootCauseInput { name: name.into(), parent_id: parent.map(String::from), notes: notes.into() })?.id)
}

/// One timeline entry as the demo writes it: happened `days_ago` at `hour`, written down an
/// hour later (the gap between occurring and recording is part of the record).
pub(super) struct Note<'a> {
    pub kind: &'a str,
    pub summary: &'a str,
    pub details: &'a str,
    pub source: Option<&'a str>,
    pub source_text: &'a str,
    pub strength: &'a str,
    pub disputed: bool,
    pub account: &'a str,
    pub complaint: Option<&'a str>,
    pub actor: Option<&'a str>,
}

impl Default for Note<'_> {
    fn default() -> Self {
        Note { kind: "note", summary: "", details: "", source: None, source_text: "", strength: "first_hand", disputed: false, account: "", complaint: None, actor: None }
    }
}

impl Note<'_> {
    fn input(&self, occurred_at: String, precision: &str) -> EventInput {
        EventInput {
            kind: self.kind.into(),
            occurred_at,
            occurred_precision: precision.into(),
            summary: self.summary.into(),
            details: self.details.into(),
            source_person_id: self.source.map(String::from),
            source_text: self.source_text.into(),
            strength: self.strength.into(),
            disputed: self.disputed,
            account_id: Some(self.account.to_string()),
            complaint_id: self.complaint.map(String::from),
            actor_id: self.actor.map(String::from),
            ..Default::default()
        }
    }
}

/// The exact instant `days_ago` at `hour:minute` UTC, as stored.
fn instant(story: &Story<'_>, days_ago: i64, hour: u32, minute: u32) -> String {
    format!("{}T{hour:02}:{minute:02}:00Z", story.day(-days_ago))
}

pub(super) fn log(cf: &mut CaseFile, story: &Story<'_>, days_ago: i64, hour: u32, note: Note<'_>) -> Result<String> {
    story.at(days_ago, hour + 1);
    Ok(events::create(cf, &note.input(instant(story, days_ago, hour, 10), "exact"))?.id)
}

/// An entry whose day is known but not the time.
pub(super) fn log_day(cf: &mut CaseFile, story: &Story<'_>, days_ago: i64, note: Note<'_>) -> Result<String> {
    story.at(days_ago, 17);
    Ok(events::create(cf, &note.input(story.day(-days_ago), "day"))?.id)
}

/// Correct an entry `later` days after it was written: the original stays, superseded.
pub(super) fn revise(cf: &mut CaseFile, story: &Story<'_>, id: &str, days_ago: i64, hour: u32, recorded_days_ago: i64, note: Note<'_>) -> Result<String> {
    story.at(recorded_days_ago, 9);
    Ok(events::revise(cf, id, &note.input(instant(story, days_ago, hour, 10), "exact"))?.id)
}

pub(super) fn retract(cf: &mut CaseFile, story: &Story<'_>, id: &str, days_ago: i64, reason: &str) -> Result<()> {
    story.at(days_ago, 11);
    events::retract(cf, id, &RetractInput { reason: reason.into() })?;
    Ok(())
}

pub(super) fn complaint(cf: &mut CaseFile, story: &Story<'_>, days_ago: i64, input: ComplaintInput) -> Result<String> {
    story.at(days_ago, 18);
    let received = instant(story, days_ago, 8 + story.pick(days_ago as u64 * 7 + 1, 9) as u32, story.pick(days_ago as u64 * 7 + 2, 60) as u32);
    Ok(complaints::create(cf, &ComplaintInput { received_at: received, ..input })?.id)
}

/// Move a complaint along the workflow, each step on its own day.
pub(super) fn advance(cf: &mut CaseFile, story: &Story<'_>, id: &str, steps: &[(&str, i64, &str)]) -> Result<()> {
    for (to, days_ago, note) in steps {
        story.at(*days_ago, 15);
        let satisfied = match *to {
            "closed" if note.contains("not satisfied") => "no",
            "closed" => "yes",
            _ => "",
        };
        workflow::transition(cf, id, &TransitionInput { to: (*to).into(), at: story.day(-days_ago), note: (*note).into(), customer_satisfied: satisfied.into() })?;
    }
    Ok(())
}

pub(super) struct Remedy<'a> {
    pub kind: &'a str,
    pub description: &'a str,
    pub cost: String,
    pub currency: &'a str,
    pub approved_by: &'a str,
}

/// Offer a remedy `days_ago`, then move it to `status` `later` days afterwards.
pub(super) fn remedy(cf: &mut CaseFile, story: &Story<'_>, complaint_id: &str, days_ago: i64, r: Remedy<'_>, status: &str, later: i64) -> Result<String> {
    story.at(days_ago, 16);
    let created = remedies::create(
        cf,
        &RemedyInput {
            complaint_id: Some(complaint_id.into()),
            kind: r.kind.into(),
            description: r.description.into(),
            cost: r.cost,
            cost_currency: r.currency.into(),
            approved_by_id: Some(r.approved_by.into()),
            remedy_on: story.day(-days_ago),
            ..Default::default()
        },
    )?;
    let path: &[&str] = match status {
        "accepted" => &["accepted"],
        "delivered" => &["accepted", "delivered"],
        "declined" => &["declined"],
        _ => &[],
    };
    for (i, s) in path.iter().enumerate() {
        let on = (days_ago - later * (i as i64 + 1) / path.len() as i64).max(0);
        story.at(on, 16);
        remedies::set_status(cf, &created.id, &RemedyStatusInput { status: (*s).into(), on: story.day(-on), note: String::new() })?;
    }
    Ok(created.id)
}

#[cfg(test)]
mod tests;
