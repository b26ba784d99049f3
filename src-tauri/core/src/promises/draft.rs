//! "Put it in writing": a written confirmation of a promise, drafted from the record.
//!
//! The advice for a boss who promises things on the phone is to confirm each promise in
//! writing, to the customer or to the boss himself, sometimes copying his superior. The
//! draft is plain text plus a `mailto:` URL (RFC 6068, percent-encoded as UTF-8) that the
//! shell hands to the mail app. Nothing is sent from here: when the user says it went, the
//! confirmation is recorded through `follow_ups::add`.

use super::Promise;
use crate::error::{Error, Result};
use crate::model::{Channel, Precision};
use crate::{contacts, people, settings, text, when};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DraftInput {
    /// "customer" (the default) or "promiser".
    pub to: String,
    /// Copy the person who made the promise (when writing to the customer).
    pub cc_promiser: bool,
    /// Copy the promiser's own manager.
    pub cc_manager: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recipient {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub to: Vec<Recipient>,
    pub cc: Vec<Recipient>,
    /// "Name <address>" lists, as the follow-up record keeps them.
    pub to_line: String,
    pub cc_line: String,
    pub subject: String,
    pub body: String,
    pub mailto: String,
    /// Things the user should know before sending (an address missing, no manager to copy).
    pub warnings: Vec<String>,
}

/// Draft the confirmation of a promise.
pub fn draft(conn: &Connection, promise_id: &str, today: NaiveDate, input: &DraftInput) -> Result<Draft> {
    let p = super::get(conn, promise_id, today)?;
    let promiser = people::get(conn, &p.made_by_id)?;
    let me = people::list(conn, &people::PeopleQuery { limit: Some(200), ..Default::default() })?.items.into_iter().find(|x| x.is_me);
    let my_name = me.as_ref().map(|m| m.name.clone()).unwrap_or_else(|| settings::get(conn).map(|s| s.your_name).unwrap_or_default());
    let my_role = me.as_ref().map(|m| m.role.clone()).unwrap_or_default();
    let to_promiser = match input.to.trim() {
        "" | "customer" => false,
        "promiser" => true,
        other => return Err(Error::validation("to", format!("\"{}\" is not one of: customer, promiser.", text::clip(other, 20)))),
    };
    if to_promiser && promiser.is_me {
        return Err(Error::validation("to", "You made this promise yourself: write the confirmation to the customer."));
    }
    let mut warnings = Vec::new();
    let mut to = Vec::new();
    let mut cc = Vec::new();
    let contact = p.contact_id.as_deref().map(|id| contacts::get(conn, id)).transpose()?;
    if to_promiser {
        to.push(Recipient { name: promiser.name.clone(), email: promiser.email.clone() });
    } else {
        match &contact {
            Some(c) => to.push(Recipient { name: c.name.clone(), email: c.email.clone() }),
            None => warnings.push(format!("No contact at {} is named on this promise: add the address in your mail app.", p.account_name)),
        }
        if input.cc_promiser && !promiser.is_me {
            cc.push(Recipient { name: promiser.name.clone(), email: promiser.email.clone() });
        }
    }
    if input.cc_manager {
        match promiser.manager_id.as_deref().map(|id| people::get(conn, id)).transpose()? {
            Some(m) => cc.push(Recipient { name: m.name, email: m.email }),
            None => warnings.push(format!("{} has no manager recorded, so nobody above them is copied.", promiser.name)),
        }
    }
    for r in to.iter().chain(cc.iter()).filter(|r| r.email.is_empty()) {
        warnings.push(format!("{} has no e-mail address in the case file: add it in your mail app.", r.name));
    }
    let (subject, body) = if to_promiser {
        to_the_promiser(&p, &promiser.name, &my_name)
    } else {
        to_the_customer(&p, contact.as_ref().map(|c| c.name.as_str()), promiser.is_me, &promiser.name, &promiser.role, &my_name, &my_role)
    };
    let addresses = |list: &[Recipient]| list.iter().filter(|r| !r.email.is_empty()).map(|r| r.email.clone()).collect::<Vec<_>>();
    let mailto = mailto(&addresses(&to), &addresses(&cc), &subject, &body);
    let line = |list: &[Recipient]| {
        list.iter().map(|r| if r.email.is_empty() { r.name.clone() } else { format!("{} <{}>", r.name, r.email) }).collect::<Vec<_>>().join(", ")
    };
    Ok(Draft { to_line: line(&to), cc_line: line(&cc), to, cc, subject, body, mailto, warnings })
}

/// "on our call of 4 March 2026", honest about how precisely the day is known.
fn occasion(p: &Promise) -> String {
    let when = match p.made_at_precision {
        Precision::Month | Precision::Approximate => when::describe_moment(&p.made_at, p.made_at_precision),
        _ => long_date(&p.made_at),
    };
    match p.channel {
        Channel::Call => format!("on our call of {when}"),
        Channel::Meeting => format!("at our meeting of {when}"),
        Channel::Email => format!("in the e-mail of {when}"),
        Channel::Chat => format!("in our chat of {when}"),
        Channel::InPerson => format!("when we met on {when}"),
    }
}

fn long_date(stored: &str) -> String {
    when::moment_day(stored).map(|d| d.format("%-d %B %Y").to_string()).unwrap_or_else(|| stored.to_string())
}

/// The lines every confirmation carries: what, by when, with what, and how we will know.
fn terms(p: &Promise) -> String {
    let mut out = format!("{}\n\nDue: {}", p.what.trim_end(), long_date(&p.due_on));
    if p.due_on != p.original_due_on {
        out.push_str(&format!(" (agreed in place of {})", long_date(&p.original_due_on)));
    }
    if !p.resources.trim().is_empty() {
        out.push_str(&format!("\nResources: {}", p.resources.trim()));
    }
    if !p.success_criteria.trim().is_empty() {
        out.push_str(&format!("\nHow we will know it is done: {}", p.success_criteria.trim()));
    }
    out
}

fn sign_off(greeting: &str, name: &str, role: &str) -> String {
    match (name.is_empty(), role.is_empty()) {
        (true, _) => greeting.to_string(),
        (false, true) => format!("{greeting}\n{name}"),
        (false, false) => format!("{greeting}\n{name}\n{role}"),
    }
}

fn to_the_customer(p: &Promise, contact: Option<&str>, by_me: bool, promiser: &str, promiser_role: &str, me: &str, my_role: &str) -> (String, String) {
    let greeting = match contact {
        Some(name) => format!("Dear {name},"),
        None => "Hello,".to_string(),
    };
    let who = if by_me {
        "what I promised".to_string()
    } else if promiser_role.is_empty() {
        format!("what {promiser} promised")
    } else {
        format!("what {promiser}, our {promiser_role}, promised")
    };
    let subject = format!("Confirming our commitment: {}", text::clip(first_line(&p.what), 70));
    let body = format!(
        "{greeting}\n\nThank you for your time. I am writing to confirm {who} {}:\n\n{}\n\nIf your understanding differs in any way, please reply to this message so that we can put it right.\n\n{}",
        occasion(p),
        terms(p),
        sign_off("Kind regards,", me, my_role)
    );
    (subject, body)
}

fn to_the_promiser(p: &Promise, promiser: &str, me: &str) -> (String, String) {
    let first = promiser.split_whitespace().next().filter(|w| !w.ends_with('.')).unwrap_or(promiser);
    let customer = match &p.contact_name {
        Some(c) => format!("{c} at {}", p.account_name),
        None => p.account_name.clone(),
    };
    let late = if p.overdue {
        format!("\n\nIt was due on {} and is now {} overdue; {} is waiting for it.", long_date(&p.due_on), days(p.days_overdue), p.account_name)
    } else {
        String::new()
    };
    let missing = if p.resources.trim().is_empty() { "\n\nNo resources are agreed for it yet: what do you need, and from whom?" } else { "" };
    let subject = format!("Your promise to {}: {}", p.account_name, text::clip(first_line(&p.what), 60));
    let body = format!(
        "Hi {first},\n\nSo that we deliver what you promised {customer} {}, here it is in writing:\n\n{}{late}{missing}\n\nCould you reply to confirm this is right, or tell me what to change?\n\n{}",
        occasion(p),
        terms(p),
        sign_off("Thanks,", me, "")
    );
    (subject, body)
}

fn days(n: i64) -> String {
    if n == 1 { "1 day".into() } else { format!("{n} days") }
}

fn first_line(s: &str) -> &str {
    s.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("")
}

/// A `mailto:` URL (RFC 6068). Addresses, subject and body are percent-encoded as UTF-8;
/// line breaks become CRLF (`%0D%0A`) as the RFC asks.
pub fn mailto(to: &[String], cc: &[String], subject: &str, body: &str) -> String {
    let addr = |list: &[String]| list.iter().map(|a| encode(a, b"@")).collect::<Vec<_>>().join(",");
    let mut url = format!("mailto:{}", addr(to));
    let mut query = Vec::new();
    if !cc.is_empty() {
        query.push(format!("cc={}", addr(cc)));
    }
    if !subject.is_empty() {
        query.push(format!("subject={}", encode(subject, b"")));
    }
    if !body.is_empty() {
        let crlf = body.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n");
        query.push(format!("body={}", encode(&crlf, b"")));
    }
    if !query.is_empty() {
        url.push('?');
        url.push_str(&query.join("&"));
    }
    url
}

/// Percent-encode every byte except the unreserved characters and those in `keep`.
pub fn encode(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
