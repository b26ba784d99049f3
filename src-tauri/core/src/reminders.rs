//! Reminders: a promise due tomorrow, a promise overdue, a follow-up left unanswered for
//! the number of days in settings. Owns the SQL of the `reminder_states` table.
//!
//! The reminders themselves are worked out from the ledger each time, so they can never
//! disagree with it; only what the user did about them is stored: snoozed until a day,
//! dismissed, or already notified. Each reminder is notified once (the shell sends the
//! native notification); a snooze lets it notify again when it wakes. The key of a reminder
//! includes the due date or the start of the silence, so a renegotiated date or a new
//! silence after a reply is a new reminder.

use crate::db::CaseFile;
use crate::error::{Error, Result};
use crate::promises::{self, follow_ups, query, Promise};
use crate::{settings, text, when};
use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    Overdue,
    DueTomorrow,
    Unanswered,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reminder {
    /// e.g. "overdue:<promise id>:2026-03-10".
    pub key: String,
    pub kind: ReminderKind,
    pub promise_id: String,
    pub title: String,
    pub body: String,
    pub what: String,
    pub made_by_name: String,
    pub account_name: String,
    pub due_on: String,
    /// Days overdue, or days without a reply.
    pub days: i64,
    /// Hidden until this day.
    pub snoozed_until: Option<String>,
    pub notified_at: Option<String>,
}

impl Reminder {
    /// Showing now: not snoozed past today.
    pub fn is_active(&self, today: NaiveDate) -> bool {
        self.snoozed_until.as_deref().is_none_or(|d| d <= when::date(today).as_str())
    }
}

#[derive(Default)]
struct State {
    snoozed_until: Option<String>,
    dismissed: bool,
    notified_at: Option<String>,
}

fn states(conn: &Connection) -> Result<HashMap<String, State>> {
    let mut stmt = conn.prepare_cached("SELECT key, snoozed_until, dismissed_at, notified_at FROM reminder_states")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, State { snoozed_until: r.get(1)?, dismissed: r.get::<_, Option<String>>(2)?.is_some(), notified_at: r.get(3)? }))
    })?;
    Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
}

fn days(n: i64) -> String {
    if n == 1 { "1 day".into() } else { format!("{n} days") }
}

fn reminder(kind: ReminderKind, key: String, p: &Promise, days_: i64, title: String, body: String) -> Reminder {
    Reminder {
        key,
        kind,
        promise_id: p.id.clone(),
        title,
        body,
        what: p.what.clone(),
        made_by_name: p.made_by_name.clone(),
        account_name: p.account_name.clone(),
        due_on: p.due_on.clone(),
        days: days_,
        snoozed_until: None,
        notified_at: None,
    }
}

/// Every open promise the query matches, page by page.
fn all(conn: &Connection, today: NaiveDate, mut q: query::PromiseQuery) -> Result<Vec<Promise>> {
    let mut out = Vec::new();
    q.limit = Some(crate::model::MAX_PAGE);
    loop {
        q.offset = Some(out.len() as u64);
        let page = query::list(conn, today, &q)?;
        let done = page.items.is_empty() || out.len() + page.items.len() >= page.total as usize;
        out.extend(page.items);
        if done {
            return Ok(out);
        }
    }
}

/// Every reminder that applies today, before what the user did about them.
fn worked_out(conn: &Connection, today: NaiveDate) -> Result<Vec<Reminder>> {
    let after = i64::from(settings::get(conn)?.unanswered_after_days);
    let mut out = Vec::new();
    for p in all(conn, today, query::PromiseQuery { overdue: true, ..Default::default() })? {
        let title = format!("Overdue {}: {}", days(p.days_overdue), text::clip(&p.what, 70));
        let body = format!("{} promised {} by {}.", p.made_by_name, p.account_name, p.due_on);
        out.push(reminder(ReminderKind::Overdue, format!("overdue:{}:{}", p.id, p.due_on), &p, p.days_overdue, title, body));
    }
    let tomorrow = when::date(today + Duration::days(1));
    for p in all(conn, today, query::PromiseQuery { due_within_days: Some(1), ..Default::default() })?.into_iter().filter(|p| p.due_on == tomorrow) {
        let title = format!("Due tomorrow: {}", text::clip(&p.what, 70));
        let body = format!("{} promised {} for {}. Renegotiate today if it will not be ready.", p.made_by_name, p.account_name, p.due_on);
        out.push(reminder(ReminderKind::DueTomorrow, format!("due_tomorrow:{}:{}", p.id, p.due_on), &p, 1, title, body));
    }
    for id in follow_ups::awaiting_reply(conn)? {
        let p = promises::get(conn, &id, today)?;
        let (Some(silence), Some(since)) = (p.chase.days_without_reply, p.chase.awaiting_since.clone()) else { continue };
        if silence < after {
            continue;
        }
        let title = format!("No reply for {}: {}", days(silence), text::clip(&p.what, 70));
        let body = format!("{} — {}’s promise to {}. Follow up again, or copy their manager.", p.chase.sentence, p.made_by_name, p.account_name);
        out.push(reminder(ReminderKind::Unanswered, format!("unanswered:{}:{since}", p.id), &p, silence, title, body));
    }
    out.sort_by(|a, b| a.kind.cmp(&b.kind).then(b.days.cmp(&a.days)).then_with(|| a.key.cmp(&b.key)));
    Ok(out)
}

/// The reminders to show: every one not dismissed, snoozed ones included (with the day
/// they wake), most pressing first.
pub fn list(conn: &Connection, today: NaiveDate) -> Result<Vec<Reminder>> {
    let mut states = states(conn)?;
    let mut out = Vec::new();
    for mut r in worked_out(conn, today)? {
        if let Some(s) = states.remove(&r.key) {
            if s.dismissed {
                continue;
            }
            r.snoozed_until = s.snoozed_until.filter(|d| d.as_str() > when::date(today).as_str());
            r.notified_at = s.notified_at;
        }
        out.push(r);
    }
    Ok(out)
}

fn require(conn: &Connection, today: NaiveDate, key: &str) -> Result<Reminder> {
    list(conn, today)?.into_iter().find(|r| r.key == key).ok_or_else(|| Error::not_found("reminder", key))
}

/// Hide a reminder until a day ("tomorrow", "mon", "+1w", or a date). It notifies again then.
pub fn snooze(cf: &mut CaseFile, key: &str, until: &str) -> Result<Reminder> {
    let today = cf.today();
    require(cf.conn(), today, key)?;
    let day = promises::parse_due("until", if until.trim().is_empty() { "tomorrow" } else { until }, today)?;
    if day <= today {
        return Err(Error::validation("until", "Snooze until a day after today."));
    }
    if day > today + Duration::days(366) {
        return Err(Error::validation("until", "Snooze for at most a year; dismiss it if it no longer matters."));
    }
    cf.write(|tx| {
        tx.prepare_cached(
            "INSERT INTO reminder_states(key, snoozed_until, notified_at) VALUES (?1, ?2, NULL)
             ON CONFLICT(key) DO UPDATE SET snoozed_until = excluded.snoozed_until, notified_at = NULL",
        )?
        .execute(params![key, when::date(day)])?;
        Ok(())
    })?;
    require(cf.conn(), today, key)
}

/// Stop showing a reminder. It comes back only if the promise changes (a new due date, a
/// new silence).
pub fn dismiss(cf: &mut CaseFile, key: &str) -> Result<()> {
    require(cf.conn(), cf.today(), key)?;
    cf.write(|tx| {
        tx.prepare_cached(
            "INSERT INTO reminder_states(key, dismissed_at) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET dismissed_at = excluded.dismissed_at",
        )?
        .execute(params![key, tx.now_str()])?;
        Ok(())
    })
}

/// The reminders to notify now (active and not yet notified), marked as notified in the
/// same write so each is sent once. States of reminders that no longer apply are dropped.
pub fn take_notifications(cf: &mut CaseFile) -> Result<Vec<Reminder>> {
    let today = cf.today();
    let current = worked_out(cf.conn(), today)?;
    let due: Vec<Reminder> = list(cf.conn(), today)?.into_iter().filter(|r| r.is_active(today) && r.notified_at.is_none()).collect();
    let stale: Vec<String> = states(cf.conn())?.into_keys().filter(|k| !current.iter().any(|r| &r.key == k)).collect();
    // Most checks find nothing new: the file is then not written at all.
    if due.is_empty() && stale.is_empty() {
        return Ok(Vec::new());
    }
    cf.write(|tx| {
        for key in &stale {
            tx.prepare_cached("DELETE FROM reminder_states WHERE key = ?1")?.execute([key])?;
        }
        let mut sent = Vec::with_capacity(due.len());
        for r in due {
            tx.prepare_cached(
                "INSERT INTO reminder_states(key, notified_at) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET notified_at = excluded.notified_at, snoozed_until = NULL",
            )?
            .execute(params![r.key, tx.now_str()])?;
            sent.push(Reminder { notified_at: Some(tx.now_str()), ..r });
        }
        Ok(sent)
    })
}

/// What is stored about one reminder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredState {
    pub snoozed_until: Option<String>,
    pub dismissed_at: Option<String>,
    pub notified_at: Option<String>,
}

/// The stored state of a reminder, if anything was done about it.
pub fn state_of(conn: &Connection, key: &str) -> Result<Option<StoredState>> {
    Ok(conn
        .prepare_cached("SELECT snoozed_until, dismissed_at, notified_at FROM reminder_states WHERE key = ?1")?
        .query_row([key], |r| Ok(StoredState { snoozed_until: r.get(0)?, dismissed_at: r.get(1)?, notified_at: r.get(2)? }))
        .optional()?)
}

#[cfg(test)]
mod tests;
