//! The scaled demo's timeline entries: calls, e-mails, notes and meetings about every
//! customer, a day's worth per write through the bulk writer, some about the customer's
//! promises and complaints.

use super::words::{DETAILS, KINDS, RARE, TOPICS, VERBS};
use super::World;
use crate::db::CaseFile;
use crate::demo::Story;
use crate::error::Result;
use crate::events::bulk::Bulk;
use crate::events::NewEvent;
use crate::model::{EventKind, Precision, Strength};
use std::ops::Range;

/// One entry in this many mentions the rare word.
const RARE_EVERY: u64 = 9_973;

pub(super) fn day(cf: &mut CaseFile, story: &Story<'_>, world: &World, days_ago: i64, range: Range<u64>) -> Result<()> {
    if range.is_empty() {
        return Ok(());
    }
    story.at(days_ago, 18);
    let occurred = story.day(-days_ago);
    let people: Vec<&String> = world.reps.iter().chain([&world.me, &world.boss, &world.service_lead]).collect();
    cf.write(|tx| {
        let mut bulk = Bulk::start(tx)?;
        for j in range {
            let draw = |k: u64, n: u64| story.pick(j * 8 + k, n);
            let kind = EventKind::parse("kind", KINDS[draw(0, KINDS.len() as u64) as usize])?;
            let customer = &world.customers[world.customer_for(story, j)];
            let contact = customer.contacts.get(draw(1, 2) as usize).or(customer.contacts.first());
            let topic = TOPICS[draw(2, TOPICS.len() as u64) as usize];
            let verb = VERBS[draw(3, VERBS.len() as u64) as usize];
            let with = contact.map(|c| format!(" with {}", c.1)).unwrap_or_default();
            let mut e = NewEvent::system(tx, kind, format!("{verb} {topic}{with}"));
            e.occurred_at = occurred.clone();
            e.occurred_precision = Precision::Day;
            e.source_text = String::new();
            e.strength = if kind == EventKind::Email { Strength::Written } else { Strength::FirstHand };
            if draw(4, 10) < 3 {
                e.details = DETAILS[draw(5, DETAILS.len() as u64) as usize].to_string();
            }
            if j % RARE_EVERY == RARE_EVERY / 2 {
                e.details = format!("{} Asked for the {RARE} test report as well.", e.details).trim_start().to_string();
            }
            e.account_id = Some(customer.id.clone());
            e.actor_id = Some(people[draw(6, people.len() as u64) as usize].clone());
            match draw(7, 25) {
                0 => e.promise_id = customer.promises.last().cloned(),
                1 => e.complaint_id = customer.complaints.last().cloned(),
                _ => {}
            }
            bulk.insert(tx, &e)?;
        }
        Ok(())
    })
}
