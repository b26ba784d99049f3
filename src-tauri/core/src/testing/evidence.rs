//! A small world for the evidence tests: two of our people, two customers with a contact
//! each, on a fixed day.

use crate::accounts::{self, AccountInput};
use crate::clock::FixedClock;
use crate::contacts::{self, ContactInput};
use crate::db::CaseFile;
use crate::people::{self, PersonInput};
use chrono::NaiveDate;
use std::sync::Arc;

pub struct World {
    pub cf: CaseFile,
    pub clock: Arc<FixedClock>,
    pub me: String,
    pub boss: String,
    pub account: String,
    pub contact: String,
    pub other_account: String,
    pub other_contact: String,
}

pub fn world(today: NaiveDate) -> World {
    let (mut cf, clock) = super::case_file_on(today);
    let boss = people::create(&mut cf, &PersonInput { name: "Rolf Brandt".into(), side: "internal".into(), email: "rolf@aquila.example".into(), ..Default::default() }).unwrap().id;
    let me = people::create(&mut cf, &PersonInput { name: "Dana Whitfield".into(), side: "internal".into(), is_me: true, manager_id: Some(boss.clone()), ..Default::default() }).unwrap().id;
    let account = accounts::create(&mut cf, &AccountInput { name: "Kestrel Roofing Ltd".into(), communicator_id: Some(me.clone()), ..Default::default() }).unwrap().id;
    let contact = contacts::create(&mut cf, &account, &ContactInput { name: "Owen Gallagher".into(), email: "owen@kestrel.example".into(), ..Default::default() }).unwrap().id;
    let other_account = accounts::create(&mut cf, &AccountInput { name: "Кровля-Сервис ООО".into(), ..Default::default() }).unwrap().id;
    let other_contact = contacts::create(&mut cf, &other_account, &ContactInput { name: "Ирина Соколова".into(), email: "sokolova@krovlya.example".into(), ..Default::default() }).unwrap().id;
    World { cf, clock, me, boss, account, contact, other_account, other_contact }
}
