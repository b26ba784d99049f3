//! The scaled demo's customers: the demo's nine plus hundreds more, each with a contact or
//! two and a rep who speaks for us, made a year before the as-of day.

use super::words::{FIRST, FORMS, LAST, PLACES, SEGMENTS, TITLES, TRADES};
use super::{Customer, World};
use crate::accounts::{self, AccountInput};
use crate::contacts::{self, ContactInput};
use crate::db::CaseFile;
use crate::demo::{Cast, Story};
use crate::error::Result;

/// The i-th extra customer's name: unique for the first 3,200, numbered after that.
fn name(i: u64) -> String {
    let (p, t) = (PLACES.len() as u64, TRADES.len() as u64);
    let base = format!(
        "{} {} {}",
        PLACES[(i % p) as usize],
        TRADES[((i / p) % t) as usize],
        FORMS[((i / (p * t)) % FORMS.len() as u64) as usize]
    );
    if i < p * t * FORMS.len() as u64 {
        base
    } else {
        format!("{base} {}", i / (p * t * FORMS.len() as u64) + 1)
    }
}

pub(super) fn populate(cf: &mut CaseFile, story: &Story<'_>, cast: &Cast, extra: u64) -> Result<World> {
    story.at(366, 9);
    let mut extras = Vec::new();
    let mut people: Vec<String> = cast.reps.clone();
    people.push(cast.me.clone());
    for i in 0..extra {
        let rep = &people[story.pick(i * 5 + 11, people.len() as u64) as usize];
        let value = 20_000 + story.pick(i * 5 + 12, 50) * 10_000;
        let account = accounts::create(
            cf,
            &AccountInput {
                name: name(i),
                segment: SEGMENTS[story.pick(i * 5 + 13, SEGMENTS.len() as u64) as usize].into(),
                annual_value: value.to_string(),
                annual_value_currency: "EUR".into(),
                communicator_id: Some(rep.clone()),
                ..Default::default()
            },
        )?;
        for c in 0..1 + story.pick(i * 5 + 14, 2) {
            let first = FIRST[story.pick(i * 7 + c, FIRST.len() as u64) as usize];
            let last = LAST[story.pick(i * 11 + c, LAST.len() as u64) as usize];
            let input = ContactInput {
                name: format!("{first} {last}"),
                title: TITLES[story.pick(i * 13 + c, TITLES.len() as u64) as usize].into(),
                email: format!("{}.{}@customer{i}.example", first.to_lowercase(), c + 1),
                ..Default::default()
            };
            contacts::create(cf, &account.id, &input)?;
        }
        extras.push(account.id);
    }
    let conn = cf.conn();
    let mut customers = Vec::new();
    let originals: Vec<&String> = cast.accounts.values().collect();
    for id in originals.iter().copied().chain(extras.iter()) {
        let account = accounts::get(conn, id)?;
        let contacts = contacts::list_for_account(conn, id)?.into_iter().map(|c| (c.id, c.name)).collect();
        customers.push(Customer {
            id: id.clone(),
            contacts,
            rep: account.communicator_id.unwrap_or_else(|| cast.me.clone()),
            promises: Vec::new(),
            complaints: Vec::new(),
        });
    }
    let roots = crate::root_causes::list(conn)?.into_iter().map(|r| r.id).collect();
    Ok(World {
        originals: originals.len(),
        customers,
        me: cast.me.clone(),
        boss: cast.boss.clone(),
        superior: cast.superior.clone(),
        service_lead: cast.service_lead.clone(),
        reps: cast.reps.clone(),
        roots,
    })
}
