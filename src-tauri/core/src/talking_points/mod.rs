//! Talking points: what to say on the call, and what not to, worked out from the customer's
//! state by the honest practices of situation 4 in USERS.md.
//!
//! Help desks show history; none tells you how to have the conversation honestly. These
//! rules do, one rule per practice:
//!
//! * a broken or overdue promise is acknowledged specifically (what, by when, not delivered),
//!   followed by a next date the user controls;
//! * a promise someone else made is not the user's to give: no dates on their behalf;
//! * a promise falling due soon is renegotiated openly rather than missed silently;
//! * compensation already given for the same complaint is not given twice without checking;
//! * every other commitment gets its expectations confirmed: what exactly, by when, how we
//!   will follow up, in writing;
//! * open complaints are acknowledged, a hostile customer gets facts not arguments, and the
//!   single communicator stays the one voice.
//!
//! The rules only read [`Facts`]; the briefing gathers them. The window, the CLI and the PDF
//! only print what comes out, so the advice is the same everywhere and is tested here.

mod rules;

use crate::accounts::Account;
use crate::briefing::{Communicator, OpenComplaint};
use crate::events::Event;
use crate::promises::Promise;
use crate::remedies::Remedy;
use crate::when;
use chrono::NaiveDate;
use rules::*;
use serde::Serialize;

/// Promises due within this many days are worth renegotiating now if they are at risk.
pub const RENEGOTIATE_WITHIN_DAYS: i64 = 7;
/// At most this many complaints get a point of their own; the rest are summed up in one.
pub const COMPLAINTS_NAMED: usize = 3;

/// How much a point matters on this call. Sorted so the most important come first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

/// Which practice a point follows. The order is the order points of equal priority appear in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PointKind {
    AcknowledgeBroken,
    AcknowledgeOverdue,
    NotYoursToGive,
    CompensationGiven,
    Renegotiate,
    AcknowledgeComplaint,
    StayFactual,
    OneVoice,
    ConfirmExpectations,
    FirstConversation,
}

/// Whether a point is something to say, or something to hold back from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Say,
    Avoid,
}

/// The record a point is about, so the window can link to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct About {
    /// "promise", "complaint", "account" or "event".
    pub kind: &'static str,
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TalkingPoint {
    pub kind: PointKind,
    pub priority: Priority,
    pub stance: Stance,
    /// A few words to scan: "Acknowledge the broken promise".
    pub title: String,
    /// The advice itself, in full.
    pub sentence: String,
    pub about: Option<About>,
}

/// What the rules look at. The briefing fills it from the case file.
pub struct Facts<'a> {
    pub today: NaiveDate,
    /// The user ("me"); promises by anyone else are not theirs to give.
    pub me_id: Option<&'a str>,
    pub unanswered_after_days: u32,
    pub account: &'a Account,
    pub communicator: Option<&'a Communicator>,
    /// Open promises to this customer.
    pub open_promises: &'a [Promise],
    /// Promises to this customer broken recently.
    pub broken_promises: &'a [Promise],
    pub complaints: &'a [OpenComplaint],
    /// Every remedy given to this customer.
    pub remedies: &'a [Remedy],
    /// A recent hostile incident.
    pub hostile: Option<&'a Event>,
    /// Anything at all on record: conversations, promises, complaints, remedies, losses.
    pub has_history: bool,
}

/// Every point that applies, most important first.
pub fn generate(f: &Facts<'_>) -> Vec<TalkingPoint> {
    let mut points = Vec::new();
    for p in f.broken_promises {
        points.push(acknowledge_broken(f, p));
    }
    for p in f.open_promises.iter().filter(|p| p.overdue) {
        points.push(acknowledge_overdue(f, p));
    }
    for p in f.open_promises.iter().chain(f.broken_promises) {
        points.extend(compensation_for_promise(f, p));
    }
    for p in f.open_promises {
        points.extend(not_yours_to_give(f, p));
        points.extend(renegotiate(f, p));
        points.extend(confirm_expectations(f, p));
    }
    points.extend(compensation_for_complaints(f));
    points.extend(acknowledge_complaints(f));
    points.extend(stay_factual(f));
    points.extend(one_voice(f));
    if f.has_history {
        points.push(close_the_call());
    } else {
        points.push(first_conversation(f));
    }
    // Stable: equal points keep the order they were made in (soonest due first).
    points.sort_by_key(|p| (p.priority, p.kind));
    points
}

/// 2026-03-12 -> "12 Mar 2026": unambiguous in any locale.
pub fn spoken(day: &str) -> String {
    match when::moment_day(day) {
        Some(d) => d.format("%-d %b %Y").to_string(),
        None => day.to_string(),
    }
}

pub fn severity_word(severity: u8) -> &'static str {
    match severity {
        1 => "critical",
        2 => "major",
        3 => "moderate",
        _ => "minor",
    }
}

#[cfg(test)]
mod tests;
