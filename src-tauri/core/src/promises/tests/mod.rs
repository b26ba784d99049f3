//! Core tests of the promise ledger: every lifecycle rule and every derived figure, on an
//! in-memory case file whose clock the tests move.

mod drafting;
mod figures;
mod chasing;
mod ledger;
mod transitions;

use super::*;
use crate::accounts::{self, AccountInput};
use crate::clock::FixedClock;
use crate::contacts::{self, ContactInput};
use crate::people::{self, PersonInput};
use crate::testing::{case_file_on, day};
use std::sync::Arc;

pub(super) struct World {
    pub cf: CaseFile,
    pub clock: Arc<FixedClock>,
    pub superior: String,
    pub boss: String,
    pub me: String,
    pub rep: String,
    pub account: String,
    pub other_account: String,
    pub contact: String,
}

/// A case file on 2026-03-16 (a Monday) with the cast of situation 1.
pub(super) fn world() -> World {
    world_on(day(2026, 3, 16))
}

pub(super) fn world_on(today: NaiveDate) -> World {
    let (mut cf, clock) = case_file_on(today);
    let person = |cf: &mut CaseFile, name: &str, email: &str, manager: Option<&String>, is_me: bool| {
        people::create(
            cf,
            &PersonInput { name: name.into(), side: "internal".into(), email: email.into(), manager_id: manager.cloned(), is_me, ..Default::default() },
        )
        .unwrap()
        .id
    };
    let superior = person(&mut cf, "Margaret Okafor", "margaret@aquila.example", None, false);
    let boss = people::create(
        &mut cf,
        &PersonInput {
            name: "Rolf Brandt".into(),
            role: "VP Commercial".into(),
            email: "rolf@aquila.example".into(),
            manager_id: Some(superior.clone()),
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let me = people::create(
        &mut cf,
        &PersonInput {
            name: "Dana Whitfield".into(),
            role: "Director of Sales".into(),
            email: "dana@aquila.example".into(),
            manager_id: Some(boss.clone()),
            is_me: true,
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let rep = person(&mut cf, "Priya Natarajan", "", Some(&me), false);
    let account = accounts::create(&mut cf, &AccountInput { name: "Nordlicht Logistik GmbH".into(), ..Default::default() }).unwrap().id;
    let other_account = accounts::create(&mut cf, &AccountInput { name: "Harbor & Vine Hotels".into(), ..Default::default() }).unwrap().id;
    let contact = contacts::create(
        &mut cf,
        &account,
        &ContactInput { name: "Greta Lindqvist".into(), email: "g.lindqvist@nordlicht.example".into(), ..Default::default() },
    )
    .unwrap()
    .id;
    World { cf, clock, superior, boss, me, rep, account, other_account, contact }
}

pub(super) fn input(by: &str, account: &str, what: &str, made: &str, due: &str) -> PromiseInput {
    PromiseInput { made_by_id: by.into(), account_id: account.into(), what: what.into(), made_at: made.into(), due_on: due.into(), ..Default::default() }
}

impl World {
    /// Log a promise by `by` to the main account, made and due on the given days.
    pub fn log(&mut self, by: &str, what: &str, made: &str, due: &str) -> Promise {
        let account = self.account.clone();
        create(&mut self.cf, &input(by, &account, what, made, due)).unwrap().promise
    }

    pub fn get(&self, id: &str) -> Promise {
        get(self.cf.conn(), id, self.cf.today()).unwrap()
    }

    pub fn events_for(&self, promise_id: &str) -> Vec<crate::events::Event> {
        self.cf
            .conn()
            .prepare(&format!("{} WHERE promise_id = ?1 ORDER BY rowid", crate::events::SELECT))
            .unwrap()
            .query_map([promise_id], crate::events::from_row)
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    pub fn chain_ok(&self) {
        let v = crate::chain::verify(self.cf.conn()).unwrap();
        assert!(v.ok, "{:?}", v.problem);
    }
}
