//! Extra timeline entries for testing at scale (`casefile demo --entries N`): plausible
//! calls, notes and e-mails spread over the demo's customers and the past year.

use super::{Cast, Story};
use crate::db::CaseFile;
use crate::error::Result;
use crate::events::{self, NewEvent};
use crate::model::{EventKind, Precision, Strength};

const KINDS: &[EventKind] = &[EventKind::Call, EventKind::Email, EventKind::Note, EventKind::Meeting, EventKind::FollowUp];
const TOPICS: &[&str] = &[
    "delivery schedule for the next quarter",
    "invoice query on the last shipment",
    "membrane seam inspection on site",
    "credit note status",
    "expedited shipping request",
    "price review ahead of renewal",
    "replacement parts for the pump housing",
    "complaint about response times",
    "meeting notes from the quarterly review",
    "technical drawing revision",
];
const VERBS: &[&str] = &["Discussed", "Confirmed", "Asked about", "Escalated", "Chased", "Agreed next steps on"];

/// Committing in batches keeps each transaction's journal small.
const BATCH: u64 = 5_000;

pub(super) fn populate(cf: &mut CaseFile, story: &Story<'_>, cast: &Cast, n: u64) -> Result<()> {
    let accounts: Vec<&String> = cast.accounts.values().collect();
    let mut people: Vec<&String> = cast.reps.iter().collect();
    people.extend([&cast.me, &cast.boss, &cast.service_lead]);
    let mut i = 0u64;
    while i < n {
        let end = (i + BATCH).min(n);
        // Spread the batch across the year, oldest first, so recorded times move forward.
        let days_ago = 365 - (i * 365 / n.max(1)) as i64;
        story.at(days_ago, 8);
        cf.write(|tx| {
            for j in i..end {
                let kind = KINDS[story.pick(j * 3, KINDS.len() as u64) as usize];
                let topic = TOPICS[story.pick(j * 3 + 1, TOPICS.len() as u64) as usize];
                let verb = VERBS[story.pick(j * 3 + 2, VERBS.len() as u64) as usize];
                let account = accounts[(j % accounts.len() as u64) as usize];
                let actor = people[(j % people.len() as u64) as usize];
                let day = story.day(-(days_ago) + (j % 3) as i64 - 1);
                let mut e = NewEvent::system(tx, kind, format!("{verb} the {topic} (entry {})", j + 1));
                e.occurred_at = day;
                e.occurred_precision = Precision::Day;
                e.source_text = String::new();
                e.strength = if kind == EventKind::Email { Strength::Written } else { Strength::FirstHand };
                e.account_id = Some(account.clone());
                e.actor_id = Some(actor.clone());
                events::insert(tx, &e)?;
            }
            Ok(())
        })?;
        i = end;
    }
    Ok(())
}
