//! The ways an .eml file can be unfit to import, each caught before anything is saved and
//! explained in words the user can act on: empty, too large, not an e-mail at all, cut off,
//! or in a character encoding Casefile cannot read faithfully.
//!
//! mail-parser is deliberately forgiving (it will "parse" a JPEG), so these checks decide
//! whether what it found is really a whole e-mail that can stand as evidence.

use crate::attachments::{describe_size, MAX_BYTES};
use crate::error::{Error, Result};
use crate::text;
use mail_parser::decoders::charsets::map::charset_decoder;
use mail_parser::{Message, MimeHeaders, PartType};

fn refuse(message: impl Into<String>) -> Error {
    Error::validation("file", message.into())
}

const NOTHING: &str = "Nothing was imported.";

/// Checks on the raw bytes, before parsing.
pub(super) fn raw(bytes: &[u8]) -> Result<()> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(refuse(format!("The file is empty: there is no e-mail in it. {NOTHING}")));
    }
    if bytes.len() as u64 > MAX_BYTES {
        return Err(refuse(format!(
            "The file is {}; an e-mail Casefile imports can be at most {}. {NOTHING} Save the large attachments separately and import the message without them.",
            describe_size(bytes.len() as u64),
            describe_size(MAX_BYTES)
        )));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) || looks_utf16(bytes) {
        return Err(refuse(format!(
            "The file is saved as UTF-16 text, not as an e-mail message: .eml files are plain 7- or 8-bit text. Save the message again from the mail program as .eml. {NOTHING}"
        )));
    }
    let signatures: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG photo"),
        (b"PK\x03\x04", "a ZIP archive or Office document"),
        (b"GIF8", "a GIF image"),
    ];
    if let Some((_, what)) = signatures.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(refuse(format!("This file is {what}, not an e-mail message. Attach it as a file instead. {NOTHING}")));
    }
    if bytes.starts_with(b"\xd0\xcf\x11\xe0") {
        return Err(refuse(format!(
            "This is an Outlook .msg file, not an .eml message. Save or forward the message as .eml (most mail programs can), or attach the .msg as a file. {NOTHING}"
        )));
    }
    let head = &bytes[..bytes.len().min(4096)];
    if head.contains(&0) {
        return Err(refuse(format!("This is a binary file, not an e-mail message. {NOTHING}")));
    }
    if !starts_with_header(bytes) {
        return Err(refuse(format!(
            "This file is not an e-mail message: an .eml starts with header lines such as “From:” and “Date:”, and this one starts with “{}”. {NOTHING}",
            text::clip(String::from_utf8_lossy(first_line(bytes)).trim(), 40)
        )));
    }
    if header_end(bytes).is_none() {
        return Err(refuse(format!("The file ends inside the message headers, so the e-mail is cut off (truncated). {NOTHING}")));
    }
    Ok(())
}

fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64)];
    head.len() >= 8 && head.iter().skip(1).step_by(2).filter(|b| **b == 0).count() * 2 >= head.len() / 2
}

fn first_line(bytes: &[u8]) -> &[u8] {
    let end = bytes.iter().position(|b| *b == b'\n').unwrap_or(bytes.len());
    &bytes[..end.min(200)]
}

/// An e-mail begins with a header field ("Name: value") or an mbox "From " line.
fn starts_with_header(bytes: &[u8]) -> bool {
    let line = first_line(bytes);
    if line.starts_with(b"From ") {
        return true;
    }
    match line.iter().position(|b| *b == b':') {
        // RFC 5322 allows any printable name; real ones are letters, digits and hyphens.
        Some(colon) if colon > 0 => line[..colon].iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-'),
        _ => false,
    }
}

/// Where the header section ends (the first empty line), if it does.
pub(super) fn header_end(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes.windows(4).position(|w| w == b"\r\n\r\n").map(|p| p + 4);
    let lf = bytes.windows(2).position(|w| w == b"\n\n").map(|p| p + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Checks on what mail-parser found.
pub(super) fn parsed(message: &Message<'_>, bytes: &[u8]) -> Result<()> {
    let has = |name: &str| message.header_raw(name).is_some();
    if !["From", "To", "Date", "Subject", "Message-ID"].iter().any(|h| has(h)) {
        return Err(refuse(format!("This file is not an e-mail message: it has none of the headers an e-mail has (From, To, Date, Subject). {NOTHING}")));
    }
    for (i, part) in message.parts.iter().enumerate() {
        if let Some(ct) = part.content_type() {
            if ct.c_type.eq_ignore_ascii_case("multipart") {
                if let Some(boundary) = ct.attribute("boundary") {
                    let closing = format!("--{boundary}--");
                    if !contains(bytes, closing.as_bytes()) {
                        return Err(refuse(format!(
                            "The e-mail is cut off (truncated): one of its parts never ends, because the closing MIME boundary is missing. Save the whole message again. {NOTHING}"
                        )));
                    }
                }
            }
        }
        if part.is_encoding_problem {
            return Err(refuse(format!(
                "Part {} of the e-mail could not be decoded (its base64 or quoted-printable text is broken); the file is damaged or cut off. {NOTHING}",
                i + 1
            )));
        }
    }
    charsets(message, bytes)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn known_charset(name: &str) -> bool {
    let n = name.trim().trim_matches('"').to_ascii_lowercase();
    n == "utf-8" || n == "utf8" || n == "us-ascii" || charset_decoder(n.as_bytes()).is_some()
}

fn strange(what: &str, charset: &str) -> Error {
    refuse(format!(
        "{what} is in the character encoding “{}”, which Casefile cannot read; importing it would store garbled text. {NOTHING}",
        text::clip(charset, 40)
    ))
}

/// Every declared charset must be one we can decode, and text with no usable declaration
/// must be valid UTF-8: Casefile does not guess an encoding for evidence.
fn charsets(message: &Message<'_>, bytes: &[u8]) -> Result<()> {
    let head = &bytes[..header_end(bytes).unwrap_or(bytes.len())];
    for charset in encoded_word_charsets(head) {
        if !known_charset(&charset) {
            return Err(strange("A header", &charset));
        }
    }
    let garbled = |s: &str| s.contains('\u{FFFD}');
    if message.subject().is_some_and(garbled) || message.from().and_then(|f| f.first()).and_then(|a| a.name()).is_some_and(garbled) {
        return Err(refuse(format!(
            "The subject or sender contains bytes that are not valid text in any declared encoding (raw 8-bit characters). {NOTHING}"
        )));
    }
    for part in &message.parts {
        let declared = part.content_type().and_then(|ct| ct.attribute("charset"));
        if let Some(cs) = declared {
            if !known_charset(cs) {
                return Err(strange("The message text", cs));
            }
        }
        if let PartType::Text(t) | PartType::Html(t) = &part.body {
            let raw = bytes.get(part.offset_body as usize..part.offset_end as usize).unwrap_or_default();
            if garbled(t) && !contains(raw, "\u{FFFD}".as_bytes()) {
                let said = declared.map(|c| format!("it says it is {c}, but it is not")).unwrap_or_else(|| "it does not say which encoding it uses".into());
                return Err(refuse(format!("The message text is not valid in its character encoding ({said}). {NOTHING}")));
            }
        }
    }
    Ok(())
}

/// The charsets named in RFC 2047 encoded words ("=?koi8-r?B?...?=") of a header block.
fn encoded_word_charsets(head: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(head);
    let mut out = Vec::new();
    let mut rest = text.as_ref();
    while let Some(start) = rest.find("=?") {
        let after = &rest[start + 2..];
        match after.find('?') {
            Some(q) if q > 0 && q < 60 && after[q + 1..].starts_with(|c: char| "bBqQ".contains(c)) => {
                let cs = after[..q].split('*').next().unwrap_or_default().to_string();
                if !cs.contains(char::is_whitespace) {
                    out.push(cs);
                }
                rest = &after[q..];
            }
            _ => rest = after,
        }
    }
    out
}
