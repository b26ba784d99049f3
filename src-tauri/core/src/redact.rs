//! A deliberate redaction: the one way text leaves the record.
//!
//! Nothing else in Casefile erases: corrections supersede and retractions mark. But a user
//! may have written down something that must not be kept (a colleague's health, a password
//! pasted by mistake). Redaction removes the text and files of a timeline entry, and of every
//! revision of it, and keeps a dated stub: the entry still shows that something was recorded
//! then and redacted on that day, and the chain still verifies, with a `redact` link for each
//! row that changed. The SQL lives in `events.rs`; this module decides what is removed and
//! makes sure it is really gone from the file, not only hidden.

use crate::db::CaseFile;
use crate::error::{Error, Result};
use crate::events::{self, RedactionPreview};

/// What redacting `id` would remove, for the confirmation.
pub fn preview(cf: &CaseFile, id: &str) -> Result<RedactionPreview> {
    let family = events::revision_family(cf.conn(), id)?;
    events::redaction_preview(cf.conn(), &family)
}

/// Redact the entry `id` and its revisions. `confirm` must be the id itself: the window
/// sends it only from the confirmation that listed what goes.
pub fn redact(cf: &mut CaseFile, id: &str, confirm: &str) -> Result<RedactionPreview> {
    if confirm != id {
        return Err(Error::validation("confirm", "Confirm the redaction of this entry first."));
    }
    let family = events::revision_family(cf.conn(), id)?;
    let before = events::redaction_preview(cf.conn(), &family)?;
    if before.already_redacted {
        return Err(Error::conflict("This entry was already redacted."));
    }
    // With secure_delete, SQLite overwrites the freed space with zeros instead of leaving
    // the old text in free pages; the checkpoint then moves it out of the -wal as well.
    cf.conn().pragma_update(None, "secure_delete", "ON")?;
    let result = cf.write(|tx| events::redact_rows(tx, &family));
    cf.conn().pragma_update(None, "secure_delete", "OFF")?;
    result?;
    if cf.path().is_some() {
        cf.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
    }
    Ok(before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::NewEvent;
    use crate::model::EventKind;
    use crate::testing::{case_file_on, day, tempdir};

    fn entry_with_email_and_file(cf: &mut CaseFile, text: &str) -> String {
        cf.write(|tx| {
            let mut e = NewEvent::system(tx, EventKind::Email, format!("Subject: {text}"));
            e.details = format!("Details about {text}");
            let id = events::insert(tx, &e)?;
            tx.execute("INSERT INTO emails(event_id, subject, body_text, from_addr) VALUES (?1, ?2, ?3, 'rolf@example.com')", rusqlite::params![id, text, format!("Body: {text}")])?;
            crate::chain::record(tx, "emails", &id, "create")?;
            let bytes = format!("raw message {text}").into_bytes();
            let sha = crate::hash::sha256_hex(&bytes);
            tx.execute("INSERT OR IGNORE INTO attachment_blobs(sha256, size, bytes) VALUES (?1, ?2, ?3)", rusqlite::params![sha, bytes.len() as i64, bytes])?;
            let att = tx.new_id();
            tx.execute(
                "INSERT INTO attachments(id, name, mime, size, sha256, event_id, added_at) VALUES (?1, 'message.eml', 'message/rfc822', ?2, ?3, ?4, ?5)",
                rusqlite::params![att, bytes.len() as i64, sha, id, tx.now_str()],
            )?;
            crate::chain::record(tx, "attachments", &att, "create")?;
            Ok(id)
        })
        .unwrap()
    }

    #[test]
    fn redaction_removes_the_text_and_bytes_keeps_a_stub_and_the_chain() {
        let (mut cf, _) = case_file_on(day(2026, 3, 1));
        let id = entry_with_email_and_file(&mut cf, "Rolf's diagnosis");
        let p = preview(&cf, &id).unwrap();
        assert_eq!(p.entries.len(), 1);
        assert_eq!(p.entries[0].summary_chars, "Subject: Rolf's diagnosis".chars().count() as u64);
        assert!(p.entries[0].email_chars.unwrap() > 0);
        assert_eq!(p.attachments.len(), 1);
        assert!(!p.attachments[0].shared);
        assert_eq!(redact(&mut cf, &id, "nope").unwrap_err().field(), Some("confirm"));

        redact(&mut cf, &id, &id).unwrap();
        let e = events::get(cf.conn(), &id).unwrap();
        assert_eq!((e.summary.as_str(), e.details.as_str()), ("", ""));
        assert!(e.redacted_at.is_some());
        assert_eq!(e.occurred_at, e.recorded_at, "the dated stub stays");
        let (subject, body): (String, String) = cf.conn().query_row("SELECT subject, body_text FROM emails WHERE event_id = ?1", [&id], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        assert_eq!((subject.as_str(), body.as_str()), ("", ""));
        let n: i64 = cf.conn().query_row("SELECT length(bytes) FROM attachment_blobs", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
        let v = crate::chain::verify(cf.conn()).unwrap();
        assert!(v.ok, "{v:?}");
        let redacts: i64 = cf.conn().query_row("SELECT count(*) FROM chain WHERE action = 'redact'", [], |r| r.get(0)).unwrap();
        assert_eq!(redacts, 3, "the event, the e-mail and the attachment");
        assert_eq!(redact(&mut cf, &id, &id).unwrap_err().kind(), "conflict");
    }

    #[test]
    fn every_revision_goes_and_shared_bytes_stay() {
        let (mut cf, _) = case_file_on(day(2026, 3, 1));
        let first = entry_with_email_and_file(&mut cf, "same file");
        let other = entry_with_email_and_file(&mut cf, "same file");
        let revised = cf
            .write(|tx| {
                let mut e = NewEvent::system(tx, EventKind::Note, "Corrected: same file".into());
                e.supersedes_id = Some(first.clone());
                events::insert(tx, &e)
            })
            .unwrap();
        let p = preview(&cf, &revised).unwrap();
        assert_eq!(p.entries.len(), 2, "the revision and the entry it superseded");
        assert!(p.attachments.iter().all(|a| a.shared), "the other entry holds the same bytes");
        redact(&mut cf, &revised, &revised).unwrap();
        assert_eq!(events::get(cf.conn(), &first).unwrap().summary, "");
        assert_ne!(events::get(cf.conn(), &other).unwrap().summary, "");
        let n: i64 = cf.conn().query_row("SELECT length(bytes) FROM attachment_blobs", [], |r| r.get(0)).unwrap();
        assert!(n > 0);
        assert!(crate::chain::verify(cf.conn()).unwrap().ok);
    }

    #[test]
    fn the_text_is_gone_from_the_bytes_of_the_file() {
        let dir = tempdir::Dir::new("redact-bytes");
        let path = dir.path().join("r.casefile");
        let mut cf = CaseFile::open(&path).unwrap();
        let id = entry_with_email_and_file(&mut cf, "ZEBRA-SECRET-7731");
        cf.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
        redact(&mut cf, &id, &id).unwrap();
        drop(cf);
        let raw = std::fs::read(&path).unwrap();
        assert!(!raw.windows(17).any(|w| w == b"ZEBRA-SECRET-7731"), "the text is overwritten, not just unlinked");
    }
}
