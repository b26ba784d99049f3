//! The rules themselves, one function per practice (see the module above for the list).
//! Each reads the [`Facts`] and returns the points that apply, worded for the user.

use super::{spoken, severity_word, About, Facts, PointKind, Priority, Stance, TalkingPoint, COMPLAINTS_NAMED, RENEGOTIATE_WITHIN_DAYS};
use crate::briefing::{counts_as_given, OpenComplaint};
use crate::model::ComplaintStatus;
use crate::money::Totals;
use crate::promises::Promise;
use crate::remedies::Remedy;
use crate::{text, when};

fn days(n: i64) -> String {
    if n == 1 { "1 day".into() } else { format!("{n} days") }
}

fn quoted(what: &str) -> String {
    format!("“{}”", text::clip(what.lines().find(|l| !l.trim().is_empty()).unwrap_or(what).trim(), 110))
}

fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

fn is_mine(f: &Facts<'_>, p: &Promise) -> bool {
    f.me_id == Some(p.made_by_id.as_str())
}

/// Who made a promise, as the user reads it: "you" or the promiser's name.
fn by(f: &Facts<'_>, p: &Promise) -> String {
    if is_mine(f, p) { "you".into() } else { p.made_by_name.clone() }
}

fn about_promise(p: &Promise) -> Option<About> {
    Some(About { kind: "promise", id: p.id.clone(), label: text::clip(&p.what, 80) })
}

fn about_complaint(c: &OpenComplaint) -> Option<About> {
    Some(About { kind: "complaint", id: c.row.complaint.id.clone(), label: c.row.complaint.reference.clone() })
}

fn point(kind: PointKind, priority: Priority, stance: Stance, title: &str, sentence: String, about: Option<About>) -> TalkingPoint {
    TalkingPoint { kind, priority, stance, title: title.into(), sentence, about }
}

/// A broken promise: say what was promised, by when, and that it was not delivered.
pub(super) fn acknowledge_broken(f: &Facts<'_>, p: &Promise) -> TalkingPoint {
    let next = if is_mine(f, p) {
        "Then offer a next step on a date you can keep yourself."
    } else {
        "Don’t excuse it or blame anyone; then offer a next step on a date you control, such as when you will report back."
    };
    let broken_on = p.closed_on.as_deref().map(|d| format!(" (marked broken on {})", spoken(d))).unwrap_or_default();
    point(
        PointKind::AcknowledgeBroken,
        Priority::High,
        Stance::Say,
        "Acknowledge the broken promise",
        format!("Say it specifically: {} promised {} by {}, and it was not delivered{broken_on}. {next}", by(f, p), quoted(&p.what), spoken(&p.due_on)),
        about_promise(p),
    )
}

/// An overdue promise: acknowledge it before the customer has to raise it.
pub(super) fn acknowledge_overdue(f: &Facts<'_>, p: &Promise) -> TalkingPoint {
    let next = if is_mine(f, p) {
        "Then give a new date you can keep, and record it as a renegotiation."
    } else {
        "Then give the next date you control — when you will come back with an answer — not a delivery date that depends on someone else."
    };
    point(
        PointKind::AcknowledgeOverdue,
        Priority::High,
        Stance::Say,
        "Acknowledge the overdue promise",
        format!(
            "Acknowledge it before they raise it: {} promised {} by {}, {} ago, and it has not been delivered. {next}",
            by(f, p),
            quoted(&p.what),
            spoken(&p.due_on),
            days(p.days_overdue)
        ),
        about_promise(p),
    )
}

/// A promise someone else made: not the user's to confirm, date or deliver.
pub(super) fn not_yours_to_give(f: &Facts<'_>, p: &Promise) -> Option<TalkingPoint> {
    let me = f.me_id?;
    if p.made_by_id == me {
        return None;
    }
    let silent = p.chase.days_without_reply.is_some_and(|d| d >= i64::from(f.unanswered_after_days));
    let priority = if p.overdue || silent { Priority::High } else { Priority::Medium };
    let chase = if p.chase.follow_ups > 0 || p.chase.confirmations > 0 { format!(" ({})", p.chase.sentence.to_lowercase()) } else { String::new() };
    Some(point(
        PointKind::NotYoursToGive,
        priority,
        Stance::Avoid,
        "Not yours to give",
        format!(
            "{}’s promise {} (due {}) is still open{chase}. Don’t confirm it or give a date on {}’s behalf: say you will check with {} and come back by a date you control.",
            p.made_by_name,
            quoted(&p.what),
            spoken(&p.due_on),
            first_name(&p.made_by_name),
            first_name(&p.made_by_name)
        ),
        about_promise(p),
    ))
}

/// A promise falling due soon: renegotiate openly now rather than miss it silently.
pub(super) fn renegotiate(f: &Facts<'_>, p: &Promise) -> Option<TalkingPoint> {
    let due = when::parse_date("due_on", &p.due_on).ok()?;
    let ahead = when::days_between(f.today, due);
    if p.overdue || !(0..=RENEGOTIATE_WITHIN_DAYS).contains(&ahead) {
        return None;
    }
    let when_ = match ahead {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        n => format!("in {n} days"),
    };
    let check = if is_mine(f, p) { "If it will not be ready".to_string() } else { format!("Check with {} before the call; if it will not be ready", first_name(&p.made_by_name)) };
    Some(point(
        PointKind::Renegotiate,
        if ahead <= 1 { Priority::High } else { Priority::Medium },
        Stance::Say,
        "Renegotiate rather than miss",
        format!(
            "{} is due {when_} ({}). {check}, say so on this call and agree a new date openly — a renegotiated date, not a silently missed one.",
            quoted(&p.what),
            spoken(&p.due_on)
        ),
        about_promise(p),
    ))
}

/// A commitment not yet due whose expectations are not pinned down.
pub(super) fn confirm_expectations(f: &Facts<'_>, p: &Promise) -> Option<TalkingPoint> {
    let due = when::parse_date("due_on", &p.due_on).ok()?;
    if p.overdue || when::days_between(f.today, due) <= RENEGOTIATE_WITHIN_DAYS {
        return None;
    }
    let unclear = p.missing.contains(&"success_criteria");
    if p.in_writing && !unclear {
        return None;
    }
    let exactly = if unclear { "what exactly will count as done (nothing is recorded yet)" } else { "what exactly will be delivered" };
    let writing = if p.in_writing { "" } else { " — then confirm it in writing, as it is not in writing yet" };
    Some(point(
        PointKind::ConfirmExpectations,
        if p.in_writing { Priority::Low } else { Priority::Medium },
        Stance::Say,
        "Confirm expectations",
        format!("For {}: confirm {exactly}, that it is due by {}, and how you will follow up{writing}.", quoted(&p.what), spoken(&p.due_on)),
        about_promise(p),
    ))
}

fn given(remedies: &[&Remedy]) -> (String, Totals) {
    let mut total = Totals::default();
    let parts: Vec<String> = remedies
        .iter()
        .map(|r| {
            total.add(r.cost.minor, &r.cost.currency);
            format!("{} of {} ({}, {})", r.kind.label().to_lowercase(), r.cost.format(), r.status.label().to_lowercase(), spoken(&r.remedy_on))
        })
        .collect();
    (parts.join("; "), total)
}

/// Compensation already given for open complaints: do not give it twice. A few complaints
/// get a point each; more are gathered into one, so the warning stays readable.
pub(super) fn compensation_for_complaints(f: &Facts<'_>) -> Vec<TalkingPoint> {
    let given_for = |c: &OpenComplaint| -> Vec<&Remedy> {
        f.remedies.iter().filter(|r| r.complaint_id.as_ref() == Some(&c.row.complaint.id) && counts_as_given(r)).collect()
    };
    let with: Vec<(&OpenComplaint, Vec<&Remedy>)> = f.complaints.iter().map(|c| (c, given_for(c))).filter(|(_, r)| !r.is_empty()).collect();
    if with.len() > COMPLAINTS_NAMED {
        let mut all = Totals::default();
        let parts: Vec<String> = with
            .iter()
            .map(|(c, remedies)| {
                let (_, total) = given(remedies);
                for m in &total.0 {
                    all.add(m.minor, &m.currency);
                }
                format!("{} ({})", c.row.complaint.reference, total.format())
            })
            .collect();
        return vec![point(
            PointKind::CompensationGiven,
            Priority::High,
            Stance::Avoid,
            "Compensation already given",
            format!(
                "{} open complaints have already had compensation: {} — {} in all. Don’t offer more for any of them without checking what was given first.",
                with.len(),
                parts.join(", "),
                all.format()
            ),
            None,
        )];
    }
    with.into_iter()
        .map(|(c, remedies)| {
            let (list, total) = given(&remedies);
            point(
                PointKind::CompensationGiven,
                Priority::High,
                Stance::Avoid,
                "Compensation already given",
                format!(
                    "{} has already had compensation: {list} — {} in all. Don’t offer more for the same complaint without checking first.",
                    c.row.complaint.reference,
                    total.format()
                ),
                about_complaint(c),
            )
        })
        .collect()
}

/// Service recovery already given for a promise that went wrong.
pub(super) fn compensation_for_promise(f: &Facts<'_>, p: &Promise) -> Option<TalkingPoint> {
    let remedies: Vec<&Remedy> = f.remedies.iter().filter(|r| r.promise_id.as_ref() == Some(&p.id) && counts_as_given(r)).collect();
    if remedies.is_empty() {
        return None;
    }
    let (list, total) = given(&remedies);
    Some(point(
        PointKind::CompensationGiven,
        Priority::High,
        Stance::Avoid,
        "Compensation already given",
        format!("{} has already been made up for: {list} — {} in all. Don’t offer more for it without checking first.", quoted(&p.what), total.format()),
        about_promise(p),
    ))
}

/// Open complaints: the most urgent named, the rest counted.
pub(super) fn acknowledge_complaints(f: &Facts<'_>) -> Vec<TalkingPoint> {
    let mut sorted: Vec<&OpenComplaint> = f.complaints.iter().collect();
    sorted.sort_by_key(|c| (!c.row.response_overdue, c.row.complaint.severity, -c.age_days));
    let mut out: Vec<TalkingPoint> = sorted
        .iter()
        .take(COMPLAINTS_NAMED)
        .map(|c| {
            let k = &c.row.complaint;
            let late = if c.row.response_overdue {
                format!(" The first response was due {} and is late: say so.", k.response_due_on.as_deref().map(spoken).unwrap_or_default())
            } else {
                String::new()
            };
            let reopened = if k.status == ComplaintStatus::Reopened { " It was reopened: the first fix did not hold." } else { "" };
            let urgent = c.row.response_overdue || k.severity <= 1;
            let status = if k.status == ComplaintStatus::Received { "not acknowledged yet".to_string() } else { format!("now {}", k.status.label().to_lowercase()) };
            point(
                PointKind::AcknowledgeComplaint,
                if urgent { Priority::High } else if k.severity == 2 { Priority::Medium } else { Priority::Low },
                Stance::Say,
                "Acknowledge the open complaint",
                format!(
                    "{} ({}, received {} ago, {status}): say where it stands and when they will next hear from you.{late}{reopened}",
                    k.reference,
                    severity_word(k.severity),
                    days(c.age_days)
                ),
                about_complaint(c),
            )
        })
        .collect();
    if sorted.len() > COMPLAINTS_NAMED {
        let rest: Vec<&str> = sorted[COMPLAINTS_NAMED..].iter().map(|c| c.row.complaint.reference.as_str()).collect();
        out.push(point(
            PointKind::AcknowledgeComplaint,
            Priority::Low,
            Stance::Say,
            "More open complaints",
            format!("{} more open: {}. Have their status to hand in case they come up.", rest.len(), rest.join(", ")),
            None,
        ));
    }
    out
}

/// After a hostile incident: facts, not arguments.
pub(super) fn stay_factual(f: &Facts<'_>) -> Option<TalkingPoint> {
    let e = f.hostile?;
    Some(point(
        PointKind::StayFactual,
        Priority::Medium,
        Stance::Avoid,
        "Keep to the facts",
        format!(
            "On {} it turned hostile: {}. Keep to facts and dates; don’t argue about who was right, and write down what is said.",
            spoken(&e.occurred_at),
            text::clip(e.summary.trim_end_matches('.'), 140)
        ),
        Some(About { kind: "event", id: e.id.clone(), label: text::clip(&e.summary, 80) }),
    ))
}

/// One voice: the single communicator speaks for us.
pub(super) fn one_voice(f: &Facts<'_>) -> Option<TalkingPoint> {
    let account = Some(About { kind: "account", id: f.account.id.clone(), label: f.account.name.clone() });
    match f.communicator {
        Some(c) if c.is_me => None,
        Some(c) => Some(point(
            PointKind::OneVoice,
            Priority::Medium,
            Stance::Avoid,
            "One voice",
            format!(
                "{} is the single communicator for {}. Agree the call with {} first and leave new commitments to them, so the customer hears one voice.",
                c.name,
                f.account.name,
                first_name(&c.name)
            ),
            account,
        )),
        None => Some(point(
            PointKind::OneVoice,
            Priority::Low,
            Stance::Say,
            "Name one communicator",
            format!("Nobody is named as the single communicator for {}. Decide who speaks for you before commitments multiply.", f.account.name),
            account,
        )),
    }
}

/// Every call with a history ends by confirming what was agreed.
pub(super) fn close_the_call() -> TalkingPoint {
    point(
        PointKind::ConfirmExpectations,
        Priority::Low,
        Stance::Say,
        "Close the call",
        "Before you hang up, confirm anything new: what exactly, by when, who does it, and how you will follow up. Put it in writing the same day.".into(),
        None,
    )
}

pub(super) fn first_conversation(f: &Facts<'_>) -> TalkingPoint {
    point(
        PointKind::FirstConversation,
        Priority::Low,
        Stance::Say,
        "A first conversation",
        format!(
            "Nothing is on record for {} yet. Promise only what is yours to give, and write down what is agreed: what exactly, by when, and who does it.",
            f.account.name
        ),
        Some(About { kind: "account", id: f.account.id.clone(), label: f.account.name.clone() }),
    )
}
