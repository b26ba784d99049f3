//! The customer briefing: everything to know in the minute before a call.
//!
//! A user about to call a customer needs what is open, what was promised and by whom, whether
//! it is late, what compensation was already given (so it is not given twice), who last spoke
//! to them, who the single communicator is, and what to say. This module gathers those facts
//! through the modules that own each table and hands them to [`crate::talking_points`], which
//! turns them into honest advice. The window, the CLI (`casefile brief`) and the PDF one-pager
//! all print the same [`Briefing`], so it is plain serialisable data in a stable order.

pub mod text;

use crate::accounts::{self, Account};
use crate::complaints::{self, ComplaintQuery, ComplaintRow};
use crate::contacts::{self, Contact};
use crate::decisions::{self, Decision, DecisionQuery};
use crate::error::Result;
use crate::events::{self, Event};
use crate::lost_revenue::{self, LostTotals};
use crate::model::{Precision, RemedyStatus};
use crate::money::Totals;
use crate::promises::{query, Promise};
use crate::remedies::{self, Remedy, RemedyTotals};
use crate::talking_points::{self, Facts, TalkingPoint};
use crate::{people, settings, transfers, when};
use chrono::{Duration, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;

/// Broken promises older than this are history; newer ones still need acknowledging.
pub const RECENT_BROKEN_DAYS: i64 = 180;
/// How many of the latest conversations the briefing lists.
pub const INTERACTIONS: usize = 5;
/// Promises due within this many days count as "due this week" in the figures.
pub const DUE_SOON_DAYS: i64 = 7;

#[derive(Debug, Clone, Serialize)]
pub struct Briefing {
    /// The day the briefing was worked out for.
    pub today: String,
    pub account: Account,
    pub communicator: Option<Communicator>,
    pub contacts: Vec<Contact>,
    /// The numbers to read first.
    pub figures: Figures,
    /// The latest conversation with the customer: when, and who spoke for us.
    pub last_contact: Option<Interaction>,
    pub talking_points: Vec<TalkingPoint>,
    /// Open promises, soonest due first, so the overdue ones lead.
    pub promises: Vec<Promise>,
    /// Promises broken in the last [`RECENT_BROKEN_DAYS`] days, most recent first.
    pub broken_promises: Vec<Promise>,
    /// Open complaints, newest first.
    pub complaints: Vec<OpenComplaint>,
    pub compensation: Compensation,
    pub lost: LostTotals,
    /// The last [`INTERACTIONS`] conversations, newest first.
    pub interactions: Vec<Interaction>,
    pub open_decisions: Vec<Decision>,
}

/// The single communicator: the one voice the customer hears.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Communicator {
    pub person_id: String,
    pub name: String,
    pub role: String,
    pub is_me: bool,
    /// The day the account was last moved to them, when it was.
    pub since: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    pub open_promises: u32,
    pub overdue_promises: u32,
    /// Open promises due from today to [`DUE_SOON_DAYS`] days ahead.
    pub due_soon: u32,
    /// Follow-ups on open promises still waiting for a reply.
    pub unanswered_follow_ups: u32,
    /// The longest silence on an open promise, in days.
    pub longest_silence_days: Option<i64>,
    pub broken_recently: u32,
    pub open_complaints: u32,
    pub oldest_open_complaint_days: Option<i64>,
    /// Compensation already given (offered, accepted or delivered; declined left out).
    pub compensation: Totals,
    pub lost: Totals,
    pub open_decisions: u32,
}

/// An open complaint with how long it has been open.
#[derive(Debug, Clone, Serialize)]
pub struct OpenComplaint {
    #[serde(flatten)]
    pub row: ComplaintRow,
    /// Whole days since it was received.
    pub age_days: i64,
}

/// Everything given to the customer to make up for something, and what it came to.
#[derive(Debug, Clone, Serialize)]
pub struct Compensation {
    /// Newest first, declined ones included (and marked by their status).
    pub remedies: Vec<Remedy>,
    pub totals: RemedyTotals,
}

/// One conversation with the customer: a call, meeting, e-mail or incident on the timeline,
/// or a promise, which was made in a conversation too.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interaction {
    pub at: String,
    pub precision: Precision,
    /// The event kind ("call", "email" …) or, for a promise, the channel it was made on.
    pub kind: String,
    pub summary: String,
    /// Who spoke for us, or whom the message came from.
    pub by: Option<String>,
    /// "event" or "promise": which record `id` names.
    pub source: &'static str,
    pub id: String,
    pub days_ago: Option<i64>,
}

/// The briefing for one customer as of `today`. A customer with no history gets an empty
/// briefing with the advice for a first conversation.
pub fn for_account(conn: &Connection, today: NaiveDate, account_id: &str) -> Result<Briefing> {
    let account = accounts::get(conn, account_id)?;
    let me = people::me(conn)?;
    let settings = settings::get(conn)?;
    let communicator = communicator(conn, &account, me.as_ref().map(|p| p.id.as_str()))?;

    let promises = query::open_for_account(conn, account_id, today)?;
    let broken_promises = query::broken_since(conn, account_id, today - Duration::days(RECENT_BROKEN_DAYS), today, 50)?;
    let complaints = open_complaints(conn, today, account_id)?;
    let compensation = Compensation { remedies: remedies::list_for_account(conn, account_id, 200)?, totals: remedies::totals_for_account(conn, account_id)? };
    let lost = lost_revenue::totals_for_account(conn, account_id)?;
    let recent_events = events::recent_interactions(conn, account_id, INTERACTIONS as u32)?;
    let interactions = interactions(conn, today, account_id, &recent_events)?;
    let hostile = hostile_incident(conn, account_id, today)?;
    let open_decisions = decisions::list(conn, &DecisionQuery { account_id: Some(account_id.into()), status: Some("open".into()), limit: Some(50), ..Default::default() })?.items;

    let figures = figures(today, &promises, &broken_promises, &complaints, &compensation, &lost, open_decisions.len());
    let facts = Facts {
        today,
        me_id: me.as_ref().map(|p| p.id.as_str()),
        unanswered_after_days: settings.unanswered_after_days,
        account: &account,
        communicator: communicator.as_ref(),
        open_promises: &promises,
        broken_promises: &broken_promises,
        complaints: &complaints,
        remedies: &compensation.remedies,
        hostile: hostile.as_ref(),
        has_history: !interactions.is_empty() || !complaints.is_empty() || !compensation.remedies.is_empty() || lost.entries > 0 || !promises.is_empty(),
    };
    let talking_points = talking_points::generate(&facts);
    Ok(Briefing {
        today: when::date(today),
        contacts: contacts::list_for_account(conn, account_id)?,
        last_contact: interactions.first().cloned(),
        account,
        communicator,
        figures,
        talking_points,
        promises,
        broken_promises,
        complaints,
        compensation,
        lost,
        interactions,
        open_decisions,
    })
}

fn communicator(conn: &Connection, account: &Account, me: Option<&str>) -> Result<Option<Communicator>> {
    let Some(id) = &account.communicator_id else { return Ok(None) };
    let person = people::get(conn, id)?;
    let since = transfers::list_for_account(conn, &account.id)?.into_iter().find(|t| &t.to_person_id == id).map(|t| t.transferred_on);
    Ok(Some(Communicator { is_me: me == Some(person.id.as_str()), person_id: person.id, name: person.name, role: person.role, since }))
}

fn open_complaints(conn: &Connection, today: NaiveDate, account_id: &str) -> Result<Vec<OpenComplaint>> {
    let q = ComplaintQuery { account_id: Some(account_id.into()), status: Some("open".into()), limit: Some(200), ..Default::default() };
    Ok(complaints::list(conn, today, &q)?
        .items
        .into_iter()
        .map(|row| {
            let age_days = when::moment_day(&row.complaint.received_at).map(|d| when::days_between(d, today).max(0)).unwrap_or(0);
            OpenComplaint { row, age_days }
        })
        .collect())
}

/// The latest hostile incident in the last [`RECENT_BROKEN_DAYS`] days, if any.
fn hostile_incident(conn: &Connection, account_id: &str, today: NaiveDate) -> Result<Option<Event>> {
    let since = when::date(today - Duration::days(RECENT_BROKEN_DAYS));
    events::latest_of_kind(conn, account_id, crate::model::EventKind::HostileIncident, &since)
}

/// The newest conversations: timeline entries and promises made, merged by when they happened.
fn interactions(conn: &Connection, today: NaiveDate, account_id: &str, recent: &[Event]) -> Result<Vec<Interaction>> {
    let days_ago = |at: &str| when::moment_day(at).map(|d| when::days_between(d, today));
    let mut out = Vec::new();
    for e in recent {
        let view = events::view(conn, e.clone())?;
        let from_email = view.email.as_ref().map(|m| sender_name(&m.from_addr)).filter(|s| !s.is_empty());
        out.push(Interaction {
            at: e.occurred_at.clone(),
            precision: e.occurred_precision,
            kind: e.kind.as_str().to_string(),
            summary: e.summary.clone(),
            by: view.actor_name.clone().or(view.source_person_name.clone()).or(from_email),
            source: "event",
            id: e.id.clone(),
            days_ago: days_ago(&e.occurred_at),
        });
    }
    for p in query::recently_made(conn, account_id, today, INTERACTIONS as u32)? {
        out.push(Interaction {
            days_ago: days_ago(&p.made_at),
            at: p.made_at,
            precision: p.made_at_precision,
            kind: p.channel.as_str().to_string(),
            summary: format!("Promised: {}", p.what),
            by: Some(p.made_by_name),
            source: "promise",
            id: p.id,
        });
    }
    out.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
    out.truncate(INTERACTIONS);
    Ok(out)
}

/// "Derek Maddox <d@x>" -> "Derek Maddox"; a bare address stays as it is.
fn sender_name(from: &str) -> String {
    match from.find('<') {
        Some(i) if !from[..i].trim().is_empty() => from[..i].trim().trim_matches('"').to_string(),
        _ => from.trim().trim_matches(['<', '>']).to_string(),
    }
}

fn figures(
    today: NaiveDate,
    promises: &[Promise],
    broken: &[Promise],
    complaints: &[OpenComplaint],
    compensation: &Compensation,
    lost: &LostTotals,
    open_decisions: usize,
) -> Figures {
    let soon = when::date(today + Duration::days(DUE_SOON_DAYS));
    let today_s = when::date(today);
    Figures {
        open_promises: promises.len() as u32,
        overdue_promises: promises.iter().filter(|p| p.overdue).count() as u32,
        due_soon: promises.iter().filter(|p| p.due_on >= today_s && p.due_on <= soon).count() as u32,
        unanswered_follow_ups: promises.iter().map(|p| p.chase.unanswered_follow_ups).sum(),
        longest_silence_days: promises.iter().filter_map(|p| p.chase.days_without_reply).max(),
        broken_recently: broken.len() as u32,
        open_complaints: complaints.len() as u32,
        oldest_open_complaint_days: complaints.iter().map(|c| c.age_days).max(),
        compensation: compensation.totals.cost.clone(),
        lost: lost.all.clone(),
        open_decisions: open_decisions as u32,
    }
}

/// Compensation that counts: offered, accepted or delivered (a declined offer cost nothing).
pub fn counts_as_given(r: &Remedy) -> bool {
    r.status != RemedyStatus::Declined
}

#[cfg(test)]
mod tests;
