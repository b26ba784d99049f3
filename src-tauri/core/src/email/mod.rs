//! Importing e-mails (.eml files) as dated, written evidence. Owns the SQL of the `emails` table.
//!
//! An e-mail is the strongest evidence most users have ("I wrote to him on the 4th and he
//! never answered"), so an import keeps the headers (From, To, Cc, Date, Subject) and the
//! text in `emails`, makes an e-mail entry on the timeline dated by the Date header, and
//! attaches the raw .eml byte for byte, with the files it carried. Parsing is mail-parser's;
//! what makes a file unfit to import is decided in [`checks`].

mod checks;

use crate::attachments::{self, Target};
use crate::db::CaseFile;
use crate::error::{Error, Result};
use crate::events::{self, Event, NewEvent};
use crate::model::{EventKind, Precision, Strength};
use crate::{chain, text, when};
use mail_parser::{Address, MessageParser, MimeHeaders};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What an .eml file says, once it is known to be a whole, readable e-mail.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedEmail {
    /// Without the angle brackets.
    pub message_id: Option<String>,
    /// "Owen Gallagher <owen@kestrelroofing.example>"
    pub from: String,
    pub from_address: String,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    /// The Date header as a UTC instant: when it was sent.
    pub sent_at: String,
    pub body_text: String,
    pub files: Vec<EmailFile>,
}

/// A file the e-mail carried.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmailFile {
    pub name: String,
    pub mime: String,
    pub size: u64,
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// The stored headers and text of an imported e-mail.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Email {
    pub event_id: String,
    pub message_id: Option<String>,
    pub from_addr: String,
    pub to_addrs: String,
    pub cc_addrs: String,
    pub subject: String,
    pub sent_at: Option<String>,
    pub body_text: String,
}

/// What an imported e-mail is about. Empty: Casefile matches the addresses to contacts.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ImportTarget {
    pub account_id: Option<String>,
    pub complaint_id: Option<String>,
    pub promise_id: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub event: Event,
    pub email: Email,
    pub account_name: Option<String>,
    /// How the customer was found when none was given, e.g. "owen@… is Owen Gallagher at Kestrel Roofing Ltd".
    pub matched: Option<String>,
    /// Files attached: the raw .eml and each file the e-mail carried.
    pub files: u32,
}

fn addr_text(name: Option<&str>, address: Option<&str>) -> String {
    match (name.map(str::trim).filter(|n| !n.is_empty()), address) {
        (Some(n), Some(a)) => format!("{n} <{a}>"),
        (None, Some(a)) => a.to_string(),
        (Some(n), None) => n.to_string(),
        (None, None) => String::new(),
    }
}

fn addresses(a: Option<&Address<'_>>) -> Vec<String> {
    a.map(|a| a.iter().map(|x| addr_text(x.name(), x.address())).filter(|s| !s.is_empty()).collect()).unwrap_or_default()
}

/// Parse an .eml file. Anything that is not a whole, readable e-mail is refused with a
/// message saying what is wrong; nothing here panics on any input.
pub fn parse_eml(bytes: &[u8]) -> Result<ParsedEmail> {
    checks::raw(bytes)?;
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| Error::validation("file", "This file is not an e-mail message that Casefile can read. Nothing was imported."))?;
    checks::parsed(&message, bytes)?;
    let sender = message.from().and_then(|f| f.first());
    let from_address = sender.and_then(|s| s.address()).unwrap_or_default().trim().to_string();
    if from_address.is_empty() {
        return Err(Error::validation("file", "The e-mail has no sender (no From address), so it cannot stand as evidence of who wrote it. Nothing was imported."));
    }
    let date = message.date().filter(|d| d.is_valid()).ok_or_else(|| match message.header_raw("Date") {
        Some(raw) => Error::validation("file", format!("The Date header “{}” is not a date Casefile can read, so it cannot say when the e-mail was sent. Nothing was imported.", text::clip(raw.trim(), 60))),
        None => Error::validation("file", "The e-mail has no Date header, so Casefile cannot say when it was sent. Nothing was imported."),
    })?;
    let sent = chrono::DateTime::from_timestamp(date.to_timestamp(), 0)
        .ok_or_else(|| Error::validation("file", "The e-mail's Date is out of range. Nothing was imported."))?;
    let mut body = Vec::new();
    for i in 0..message.text_body_count() {
        if let Some(t) = message.body_text(i) {
            if !t.trim().is_empty() {
                body.push(t.into_owned());
            }
        }
    }
    let mut body_text = body.join("\n\n");
    if body_text.chars().count() > text::LONG_MAX {
        body_text = text::clip(&body_text, text::LONG_MAX - 80);
        body_text.push_str("\n[The rest of the text is in the attached .eml file.]");
    }
    let files = message
        .attachments()
        .enumerate()
        .map(|(i, part)| {
            let mime = part
                .content_type()
                .map(|ct| format!("{}/{}", ct.c_type, ct.c_subtype.as_deref().unwrap_or("octet-stream")).to_ascii_lowercase())
                .unwrap_or_else(|| "application/octet-stream".into());
            let name = part.attachment_name().map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).unwrap_or_else(|| match mime.as_str() {
                "message/rfc822" => format!("attached-message-{}.eml", i + 1),
                _ => format!("attachment-{}", i + 1),
            });
            let bytes = part.contents().to_vec();
            EmailFile { name, mime, size: bytes.len() as u64, bytes }
        })
        .collect();
    Ok(ParsedEmail {
        message_id: message.message_id().map(|m| m.trim().to_string()).filter(|m| !m.is_empty()),
        from: addr_text(sender.and_then(|s| s.name()), Some(&from_address)),
        from_address,
        to: addresses(message.to()),
        cc: addresses(message.cc()),
        subject: message.subject().map(|s| s.trim().to_string()).unwrap_or_default(),
        sent_at: when::instant(sent),
        body_text,
        files,
    })
}

const SELECT: &str = "SELECT event_id, message_id, from_addr, to_addrs, cc_addrs, subject, sent_at, body_text FROM emails";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Email> {
    Ok(Email {
        event_id: r.get(0)?,
        message_id: r.get(1)?,
        from_addr: r.get(2)?,
        to_addrs: r.get(3)?,
        cc_addrs: r.get(4)?,
        subject: r.get(5)?,
        sent_at: r.get(6)?,
        body_text: r.get(7)?,
    })
}

/// The e-mail behind a timeline entry, also when the entry is a revision of the imported one.
pub fn for_event(conn: &Connection, event_id: &str) -> Result<Option<Email>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE event_id = ?1"))?;
    for version in events::versions(conn, event_id)? {
        if let Some(e) = stmt.query_row([&version], from_row).optional()? {
            return Ok(Some(e));
        }
    }
    Ok(None)
}

/// An earlier import of the same message, by Message-ID or by identical bytes.
fn already_imported(conn: &Connection, p: &ParsedEmail, sha: &str) -> Result<Option<(String, String)>> {
    if let Some(mid) = &p.message_id {
        let hit: Option<(String, String)> = conn
            .prepare_cached("SELECT m.subject, e.recorded_at FROM emails m JOIN events e ON e.id = m.event_id WHERE m.message_id = ?1")?
            .query_row([mid], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if hit.is_some() {
            return Ok(hit);
        }
    }
    Ok(conn
        .prepare_cached(
            "SELECT m.subject, e.recorded_at FROM attachments a JOIN emails m ON m.event_id = a.event_id JOIN events e ON e.id = m.event_id
             WHERE a.sha256 = ?1 AND a.mime = 'message/rfc822' LIMIT 1",
        )?
        .query_row([sha], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// Find the customer an e-mail is about from its addresses: the sender's account when the
/// sender is a contact, otherwise the one account whose contacts appear in To or Cc.
/// Returns (account id, how it matched).
fn match_account(conn: &Connection, p: &ParsedEmail) -> Result<Option<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT k.account_id, k.name, a.name, k.email FROM contacts k JOIN accounts a ON a.id = k.account_id
         WHERE k.email <> '' AND lower(k.email) = lower(?1)",
    )?;
    let mut lookup = |address: &str| -> Result<Vec<(String, String)>> {
        let rows = stmt.query_map([address], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (account, contact, account_name, email) = row?;
            out.push((account, format!("{email} is {contact} at {account_name}")));
        }
        Ok(out)
    };
    let sender = lookup(&p.from_address)?;
    if let [one] = sender.as_slice() {
        return Ok(Some(one.clone()));
    }
    let bare = |s: &str| s.rsplit('<').next().unwrap_or(s).trim_end_matches('>').trim().to_string();
    let mut found: Vec<(String, String)> = Vec::new();
    for address in p.to.iter().chain(p.cc.iter()).map(|s| bare(s)) {
        for hit in lookup(&address)? {
            if !found.iter().any(|(a, _)| *a == hit.0) {
                found.push(hit);
            }
        }
    }
    Ok(if found.len() == 1 { found.pop() } else { None })
}

/// Import an .eml: an e-mail entry on the timeline, its headers and text, the raw file and
/// the files it carried, all in one write. A second import of the same message is refused.
pub fn import(cf: &mut CaseFile, bytes: &[u8], file_name: &str, target: &ImportTarget) -> Result<Imported> {
    let parsed = parse_eml(bytes)?;
    let conn = cf.conn();
    let sha = crate::hash::sha256_hex(bytes);
    if let Some((subject, at)) = already_imported(conn, &parsed, &sha)? {
        let id = parsed.message_id.as_deref().map(|m| format!(" (Message-ID <{}>)", text::clip(m, 80))).unwrap_or_default();
        return Err(Error::conflict(format!(
            "This e-mail{id} was already imported on {}: “{}”. It is on the timeline once; nothing was imported again.",
            at.get(..10).unwrap_or(&at),
            text::clip(if subject.is_empty() { "(no subject)" } else { &subject }, 80)
        )));
    }
    let (mut account_id, complaint_id, promise_id) = events::check_links(conn, &target.account_id, &target.complaint_id, &target.promise_id)?;
    let mut matched = None;
    if account_id.is_none() {
        if let Some((a, how)) = match_account(conn, &parsed)? {
            account_id = Some(a);
            matched = Some(how);
        }
    }
    let source_person_id: Option<String> = conn
        .prepare_cached("SELECT id FROM people WHERE email <> '' AND lower(email) = lower(?1) LIMIT 1")?
        .query_row([&parsed.from_address], |r| r.get(0))
        .optional()?;
    let file_name = Path::new(file_name).file_name().map(|n| n.to_string_lossy().into_owned()).filter(|n| !n.trim().is_empty()).unwrap_or_else(|| "message.eml".into());
    let event = NewEvent {
        kind: EventKind::Email,
        occurred_at: parsed.sent_at.clone(),
        occurred_precision: Precision::Exact,
        summary: text::clip(if parsed.subject.is_empty() { "(no subject)" } else { parsed.subject.lines().next().unwrap_or_default() }, 300),
        details: String::new(),
        source_person_id: source_person_id.clone(),
        source_text: text::clip(&format!("E-mail from {}", parsed.from), 900),
        strength: Strength::Written,
        disputed: false,
        supersedes_id: None,
        account_id: account_id.clone(),
        complaint_id,
        promise_id,
        decision_id: None,
        actor_id: source_person_id,
    };
    let (event, email) = cf.write(|tx| {
        let event_id = events::insert(tx, &event)?;
        tx.prepare_cached(
            "INSERT INTO emails(event_id, message_id, from_addr, to_addrs, cc_addrs, subject, sent_at, body_text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![event_id, parsed.message_id, parsed.from, parsed.to.join(", "), parsed.cc.join(", "), parsed.subject, parsed.sent_at, parsed.body_text])?;
        chain::record(tx, "emails", &event_id, "create")?;
        let target = Target::event(&event_id);
        attachments::insert(tx, &target, &file_name, "message/rfc822", bytes)?;
        for f in &parsed.files {
            attachments::insert(tx, &target, &text::clip(f.name.rsplit(['/', '\\']).next().unwrap_or(&f.name), 200), &f.mime, &f.bytes)?;
        }
        let email = tx.prepare_cached(&format!("{SELECT} WHERE event_id = ?1"))?.query_row([&event_id], from_row)?;
        Ok((events::get(tx, &event_id)?, email))
    })?;
    let account_name = match &account_id {
        Some(a) => Some(crate::accounts::get(cf.conn(), a)?.name),
        None => None,
    };
    Ok(Imported { event, email, account_name, matched, files: 1 + parsed.files.len() as u32 })
}

/// Read an .eml the user chose or dropped and import it.
pub fn import_path(cf: &mut CaseFile, path: &Path, target: &ImportTarget) -> Result<Imported> {
    let bytes = attachments::read_file(path)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "message.eml".into());
    import(cf, &bytes, &name, target)
}

#[cfg(test)]
mod tests;
