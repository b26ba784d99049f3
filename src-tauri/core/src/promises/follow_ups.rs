//! Written confirmations and follow-ups about a promise, and the replies to them.
//! Owns the SQL of the `follow_ups` table.
//!
//! The advice for a boss who says "yes" is to confirm every verbal promise in writing and to
//! count the follow-ups that went unanswered. So the figure that matters is worked out here,
//! from the settable clock: "3 follow-ups, no reply for 12 days". A confirmation also makes
//! the promise count as in writing from the day it was sent.

use super::Promise;
use crate::chain;
use crate::db::{CaseFile, Tx};
use crate::error::{Error, Result};
use crate::events::{self, NewEvent};
use crate::model::{Channel, EventKind, FollowUpKind, Precision, Strength};
use crate::{text, when};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    pub id: String,
    pub promise_id: String,
    pub kind: FollowUpKind,
    /// A day (2026-03-04) or an exact instant, as the user knew it.
    pub sent_at: String,
    pub channel: Channel,
    pub sent_to: String,
    pub cc: String,
    pub body: String,
    pub reply_received_at: Option<String>,
    pub reply_summary: String,
    pub recorded_at: String,
    pub retracted_at: Option<String>,
    pub retraction_reason: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FollowUpInput {
    /// confirmation or follow_up; blank means follow_up.
    pub kind: String,
    /// A date, or a date and time; blank means today.
    pub sent_at: String,
    /// Blank means e-mail.
    pub channel: String,
    pub sent_to: String,
    pub cc: String,
    pub body: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReplyInput {
    /// A date, or a date and time; blank means today.
    pub received_at: String,
    pub summary: String,
}

/// Where the chasing of one promise stands today.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Chase {
    pub confirmations: u32,
    pub follow_ups: u32,
    /// Follow-ups sent since the last reply that are still waiting for one.
    pub unanswered_follow_ups: u32,
    /// The day the first message still waiting for a reply was sent.
    pub awaiting_since: Option<String>,
    /// Whole days from `awaiting_since` to today.
    pub days_without_reply: Option<i64>,
    pub last_reply_on: Option<String>,
    /// The same figures as a sentence for the window: "3 follow-ups, no reply for 12 days".
    pub sentence: String,
}

/// One message, reduced to what the chase figures need.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Message {
    pub kind: FollowUpKind,
    pub sent_on: NaiveDate,
    pub reply_on: Option<NaiveDate>,
}

/// Work out the chase figures.
///
/// A reply answers everything sent before it, so the silence starts after the last reply:
/// the messages without a reply of their own sent on or after that day are still waiting,
/// and "no reply for D days" counts from the first of them to today. Only follow-ups count
/// as follow-ups; the confirmation that started the thread starts the silence too.
pub fn chase_of(messages: &[Message], today: NaiveDate) -> Chase {
    let confirmations = messages.iter().filter(|m| m.kind == FollowUpKind::Confirmation).count() as u32;
    let follow_ups = messages.iter().filter(|m| m.kind == FollowUpKind::FollowUp).count() as u32;
    let last_reply = messages.iter().filter_map(|m| m.reply_on).max();
    let waiting: Vec<&Message> = messages.iter().filter(|m| m.reply_on.is_none() && last_reply.is_none_or(|r| m.sent_on >= r)).collect();
    let unanswered = waiting.iter().filter(|m| m.kind == FollowUpKind::FollowUp).count() as u32;
    let since = waiting.iter().map(|m| m.sent_on).min();
    let days = since.map(|s| when::days_between(s, today).max(0));
    let sentence = match (since, days) {
        _ if messages.is_empty() => "No confirmation or follow-up sent".to_string(),
        (Some(_), Some(d)) => {
            let silence = if d == 0 { "no reply yet".to_string() } else { format!("no reply for {}", days_word(d)) };
            if unanswered > 0 {
                format!("{}, {silence}", count_word(unanswered, "follow-up"))
            } else {
                format!("Confirmation sent, {silence}")
            }
        }
        _ => {
            let replied = last_reply.map(when::date).unwrap_or_default();
            if follow_ups > 0 { format!("{}, replied {replied}", count_word(follow_ups, "follow-up")) } else { format!("Confirmation answered {replied}") }
        }
    };
    Chase {
        confirmations,
        follow_ups,
        unanswered_follow_ups: unanswered,
        awaiting_since: since.map(when::date),
        days_without_reply: days,
        last_reply_on: last_reply.map(when::date),
        sentence,
    }
}

fn count_word(n: u32, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

fn days_word(d: i64) -> String {
    if d == 1 { "1 day".into() } else { format!("{d} days") }
}

const SELECT: &str = "SELECT id, promise_id, kind, sent_at, channel, sent_to, cc, body, reply_received_at, reply_summary, recorded_at,
        retracted_at, retraction_reason FROM follow_ups";

fn from_row(r: &Row<'_>) -> rusqlite::Result<FollowUp> {
    Ok(FollowUp {
        id: r.get(0)?,
        promise_id: r.get(1)?,
        kind: r.get(2)?,
        sent_at: r.get(3)?,
        channel: r.get(4)?,
        sent_to: r.get(5)?,
        cc: r.get(6)?,
        body: r.get(7)?,
        reply_received_at: r.get(8)?,
        reply_summary: r.get(9)?,
        recorded_at: r.get(10)?,
        retracted_at: r.get(11)?,
        retraction_reason: r.get(12)?,
    })
}

pub fn get(conn: &Connection, id: &str) -> Result<FollowUp> {
    conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?.query_row([id], from_row).optional()?.ok_or_else(|| Error::not_found("follow-up", id))
}

/// Every confirmation and follow-up of a promise, oldest first, retracted ones included.
pub fn list_for_promise(conn: &Connection, promise_id: &str) -> Result<Vec<FollowUp>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE promise_id = ?1 ORDER BY sent_at, recorded_at, id"))?
        .query_map([promise_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The chase figures of one promise as of `today`; retracted messages do not count.
pub fn chase(conn: &Connection, promise_id: &str, today: NaiveDate) -> Result<Chase> {
    let mut messages = messages_of(conn, &[promise_id])?;
    Ok(chase_of(&messages.remove(promise_id).unwrap_or_default(), today))
}

/// The standing messages of many promises in one statement, by promise: a page of promises
/// (a list, a briefing) reads them all at once instead of one statement per promise.
pub fn messages_of(conn: &Connection, promise_ids: &[&str]) -> Result<std::collections::HashMap<String, Vec<Message>>> {
    let mut out: std::collections::HashMap<String, Vec<Message>> = std::collections::HashMap::new();
    if promise_ids.is_empty() {
        return Ok(out);
    }
    let ids = serde_json::to_string(promise_ids).unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT promise_id, kind, sent_at, reply_received_at FROM follow_ups
         WHERE promise_id IN (SELECT value FROM json_each(?1)) AND retracted_at IS NULL",
    )?;
    let rows = stmt.query_map([ids], |r| Ok((r.get::<_, String>(0)?, r.get::<_, FollowUpKind>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?)))?;
    for row in rows {
        let (promise_id, kind, sent, reply) = row?;
        if let Some(sent_on) = when::moment_day(&sent) {
            out.entry(promise_id).or_default().push(Message { kind, sent_on, reply_on: reply.as_deref().and_then(when::moment_day) });
        }
    }
    Ok(out)
}

/// Open promises with a message still waiting for a reply, for the reminders.
pub fn awaiting_reply(conn: &Connection) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT DISTINCT f.promise_id FROM follow_ups f JOIN promises p ON p.id = f.promise_id
             WHERE f.retracted_at IS NULL AND f.reply_received_at IS NULL AND p.status = 'open' ORDER BY f.promise_id",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The day of the earliest confirmation still standing, if any.
pub(crate) fn first_confirmation(conn: &Connection, promise_id: &str) -> Result<Option<String>> {
    let first: Option<String> = conn
        .prepare_cached("SELECT min(sent_at) FROM follow_ups WHERE promise_id = ?1 AND kind = 'confirmation' AND retracted_at IS NULL")?
        .query_row([promise_id], |r| r.get(0))?;
    Ok(first.as_deref().and_then(when::moment_day).map(when::date))
}

/// A date alone is a day; with a time it is an exact moment. Blank is today.
fn parse_sent(field: &str, text: &str, today: NaiveDate) -> Result<(String, Precision, NaiveDate)> {
    let t = text.trim();
    let precision = if t.len() > 10 { Precision::Exact } else { Precision::Day };
    let stored = if t.is_empty() { when::date(today) } else { when::parse_moment(field, t, precision)? };
    let day = when::moment_day(&stored).ok_or_else(|| Error::validation(field, "That is not a date."))?;
    if day > today {
        return Err(Error::validation(field, "That date has not come yet. Record a message once it has been sent."));
    }
    Ok((stored, precision, day))
}

/// Record a confirmation or follow-up sent about a promise.
pub fn add(cf: &mut CaseFile, promise_id: &str, input: &FollowUpInput) -> Result<FollowUp> {
    let today = cf.today();
    let promise = super::get(cf.conn(), promise_id, today)?;
    let kind = if input.kind.trim().is_empty() { FollowUpKind::FollowUp } else { FollowUpKind::parse("kind", &input.kind)? };
    let channel = if input.channel.trim().is_empty() { Channel::Email } else { Channel::parse("channel", &input.channel)? };
    let (sent_at, precision, sent_day) = parse_sent("sent_at", &input.sent_at, today)?;
    let made = super::made_day(&promise)?;
    if sent_day < made {
        return Err(Error::validation(
            "sent_at",
            format!("That is before the promise was made ({}). A message about a promise is sent after it.", when::date(made)),
        ));
    }
    let sent_to = text::line("sent_to", "To", &input.sent_to)?;
    let cc = text::line("cc", "Cc", &input.cc)?;
    let body = text::optional("body", "The message", &input.body, text::LONG_MAX)?;
    cf.write(|tx| {
        let id = tx.new_id();
        tx.prepare_cached(
            "INSERT INTO follow_ups(id, promise_id, kind, sent_at, channel, sent_to, cc, body, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![id, promise_id, kind, sent_at, channel, sent_to, cc, body, tx.now_str()])?;
        chain::record(tx, "follow_ups", &id, "create")?;
        if kind == FollowUpKind::Confirmation {
            mark_in_writing(tx, &promise, sent_day)?;
        }
        let names = names_only(&sent_to);
        let to = if names.is_empty() { String::new() } else { format!(" to {names}") };
        let what = match kind {
            FollowUpKind::Confirmation => "Written confirmation sent",
            FollowUpKind::FollowUp => "Follow-up sent",
        };
        let mut e = event(tx, &promise, format!("{what}{to}: {}", text::clip(&promise.what, 80)));
        e.occurred_at = sent_at.clone();
        e.occurred_precision = precision;
        e.strength = if matches!(channel, Channel::Email | Channel::Chat) { Strength::Written } else { Strength::FirstHand };
        e.details = body.clone();
        events::insert(tx, &e)?;
        get(tx, &id)
    })
}

/// The promise counts as in writing from the earliest confirmation on.
fn mark_in_writing(tx: &Tx<'_>, promise: &Promise, day: NaiveDate) -> Result<()> {
    let since = match promise.in_writing_since.as_deref().and_then(when::moment_day) {
        Some(existing) if promise.in_writing && existing <= day => return Ok(()),
        _ => when::date(day),
    };
    tx.prepare_cached("UPDATE promises SET in_writing = 1, in_writing_since = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![promise.id, since, tx.now_str()])?;
    chain::record(tx, "promises", &promise.id, "update")
}

/// Record the reply to a message.
pub fn record_reply(cf: &mut CaseFile, follow_up_id: &str, input: &ReplyInput) -> Result<FollowUp> {
    let today = cf.today();
    let f = get(cf.conn(), follow_up_id)?;
    if f.retracted_at.is_some() {
        return Err(Error::conflict("That message was retracted; a reply cannot be recorded against it."));
    }
    if let Some(at) = &f.reply_received_at {
        return Err(Error::conflict(format!("A reply to that message was already recorded ({at}).")));
    }
    let promise = super::get(cf.conn(), &f.promise_id, today)?;
    let (received, precision, day) = parse_sent("received_at", &input.received_at, today)?;
    if when::moment_day(&f.sent_at).is_some_and(|sent| day < sent) {
        return Err(Error::validation("received_at", format!("A reply cannot come before the message it answers (sent {}).", f.sent_at)));
    }
    let summary = text::optional("summary", "The reply", &input.summary, text::LONG_MAX)?;
    cf.write(|tx| {
        tx.prepare_cached("UPDATE follow_ups SET reply_received_at = ?2, reply_summary = ?3 WHERE id = ?1")?
            .execute(params![follow_up_id, received, summary])?;
        chain::record(tx, "follow_ups", follow_up_id, "reply")?;
        let names = names_only(&f.sent_to);
        let from = if names.is_empty() { String::new() } else { format!(" from {names}") };
        let mut e = event(tx, &promise, format!("Reply received{from}: {}", text::clip(&promise.what, 80)));
        e.occurred_at = received.clone();
        e.occurred_precision = precision;
        e.details = summary.clone();
        events::insert(tx, &e)?;
        get(tx, follow_up_id)
    })
}

/// Mark a message as logged by mistake. It stays in the record but no longer counts.
pub fn retract(cf: &mut CaseFile, follow_up_id: &str, reason: &str) -> Result<FollowUp> {
    let today = cf.today();
    let f = get(cf.conn(), follow_up_id)?;
    if f.retracted_at.is_some() {
        return Err(Error::conflict("That message is already retracted."));
    }
    let reason = text::required("reason", "The reason", reason, text::LINE_MAX)?;
    let promise = super::get(cf.conn(), &f.promise_id, today)?;
    cf.write(|tx| {
        tx.prepare_cached("UPDATE follow_ups SET retracted_at = ?2, retraction_reason = ?3 WHERE id = ?1")?
            .execute(params![follow_up_id, tx.now_str(), reason])?;
        chain::record(tx, "follow_ups", follow_up_id, "retract")?;
        if f.kind == FollowUpKind::Confirmation {
            recheck_in_writing(tx, &promise)?;
        }
        let mut e = event(tx, &promise, format!("{} retracted: {}", f.kind.label(), text::clip(&promise.what, 80)));
        e.details = reason.clone();
        events::insert(tx, &e)?;
        get(tx, follow_up_id)
    })
}

/// After a confirmation is retracted, the promise is in writing from the next confirmation,
/// or from the start when it was made by e-mail, or not at all.
fn recheck_in_writing(tx: &Tx<'_>, promise: &Promise) -> Result<()> {
    let next = first_confirmation(tx, &promise.id)?;
    let (in_writing, since) = match next {
        Some(d) => (true, Some(d)),
        None if promise.channel == Channel::Email => (true, when::moment_day(&promise.made_at).map(when::date)),
        None => (false, None),
    };
    if in_writing == promise.in_writing && since == promise.in_writing_since {
        return Ok(());
    }
    tx.prepare_cached("UPDATE promises SET in_writing = ?2, in_writing_since = ?3, updated_at = ?4 WHERE id = ?1")?
        .execute(params![promise.id, in_writing, since, tx.now_str()])?;
    chain::record(tx, "promises", &promise.id, "update")
}

/// "Greta Lindqvist <g@x>, Rolf <r@y>" -> "Greta Lindqvist, Rolf": the timeline reads as prose;
/// the full addresses stay on the follow-up itself.
fn names_only(list: &str) -> String {
    list.split(',')
        .map(|one| match (one.find('<'), one.rfind('>')) {
            (Some(a), Some(b)) if a < b && !one[..a].trim().is_empty() => one[..a].trim().to_string(),
            _ => one.trim().to_string(),
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn event(tx: &Tx<'_>, promise: &Promise, summary: String) -> NewEvent {
    let mut e = NewEvent::system(tx, EventKind::FollowUp, summary);
    e.promise_id = Some(promise.id.clone());
    e.account_id = Some(promise.account_id.clone());
    e
}
