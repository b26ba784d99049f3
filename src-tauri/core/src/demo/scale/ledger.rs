//! The scaled demo's promises and complaints, lived through one day at a time.
//!
//! Each promise is made on its day with its whole future drawn at once (confirmed or not,
//! chased, kept on time or late, broken with revenue lost, withdrawn, renegotiated, or left
//! open) and each step is done on the day it falls, through the core's own functions, so
//! every rule holds. Steps that would fall after the as-of day never happen: those promises
//! are still open, some overdue. Complaints move through the workflow the same way.

use super::words::{COMPLAINTS, PROMISES, REMEDIES};
use super::World;
use crate::complaints::{self, workflow, ComplaintInput, TransitionInput};
use crate::db::CaseFile;
use crate::demo::Story;
use crate::error::Result;
use crate::lost_revenue::{self, LostInput};
use crate::promises::follow_ups::{self, FollowUpInput, ReplyInput};
use crate::promises::lifecycle::{self, BreakInput, DisputeInput, KeepInput, RenegotiateInput, WithdrawInput};
use crate::promises::{self, PromiseInput};
use crate::remedies::{self, RemedyInput, RemedyStatusInput};
use std::collections::BTreeMap;
use std::ops::Range;

enum Step {
    Confirm { promise: String, customer: usize, replied: bool },
    Chase { promise: String },
    Reply { follow_up: String },
    Keep { promise: String },
    Break { promise: String, lost: Option<u64> },
    Lose { promise: String, amount: u64 },
    Withdraw { promise: String },
    Renegotiate { promise: String, due: i64, then_keep: bool },
    Dispute { promise: String },
    Move { complaint: String, to: &'static str, satisfied: &'static str },
    Remedy { complaint: String, draw: u64 },
    RemedyStatus { remedy: String, status: &'static str },
}

/// The steps still to come, by the day they fall on (days before the as-of day).
#[derive(Default)]
pub(super) struct Ledger {
    steps: BTreeMap<(std::cmp::Reverse<i64>, u64), Step>,
    next: u64,
}

impl Ledger {
    fn plan(&mut self, days_ago: i64, step: Step) {
        if days_ago >= 0 {
            self.next += 1;
            self.steps.insert((std::cmp::Reverse(days_ago), self.next), step);
        }
    }

    /// Make the day's promises and complaints, then take every step that falls on it.
    pub fn day(&mut self, cf: &mut CaseFile, story: &Story<'_>, world: &mut World, days_ago: i64, promises: Range<u64>, complaints: Range<u64>) -> Result<()> {
        story.at(days_ago, 10);
        for i in promises {
            self.promise(cf, story, world, days_ago, i)?;
        }
        story.at(days_ago, 11);
        for i in complaints {
            self.complaint(cf, story, world, days_ago, i)?;
        }
        story.at(days_ago, 14);
        while let Some(entry) = self.steps.first_entry() {
            if entry.key().0 .0 != days_ago {
                break;
            }
            let step = entry.remove();
            self.take(cf, story, world, days_ago, step)?;
        }
        Ok(())
    }

    fn promise(&mut self, cf: &mut CaseFile, story: &Story<'_>, world: &mut World, days_ago: i64, i: u64) -> Result<()> {
        let draw = |k: u64, n: u64| story.pick(0x7072_6f6d_0000_0000 ^ (i * 16 + k), n);
        let c = world.customer_for(story, 0x7072_0000_0000 ^ i);
        let customer = &world.customers[c];
        let by = match draw(0, 20) {
            0..=4 => world.boss.clone(),
            5..=7 => world.me.clone(),
            8 => world.superior.clone(),
            9 => world.service_lead.clone(),
            10..=15 => customer.rep.clone(),
            _ => world.reps[draw(1, world.reps.len() as u64) as usize].clone(),
        };
        let due = days_ago - 7 - draw(2, 54) as i64;
        let what = PROMISES[draw(3, PROMISES.len() as u64) as usize].replace("{n}", &(1000 + draw(4, 9000)).to_string());
        let answers = customer.complaints.last().filter(|_| draw(5, 5) == 0).cloned();
        let input = PromiseInput {
            made_by_id: by,
            account_id: customer.id.clone(),
            contact_id: customer.contacts.first().map(|c| c.0.clone()),
            made_at: story.day(-days_ago),
            channel: ["call", "meeting", "call", "email"][draw(6, 4) as usize].into(),
            what,
            due_on: story.day(-due),
            value: if draw(7, 2) == 0 { (500 + draw(8, 100) * 450).to_string() } else { String::new() },
            value_currency: "EUR".into(),
            complaint_ids: answers.into_iter().collect(),
            ..Default::default()
        };
        let id = promises::create(cf, &input)?.promise.id;
        world.customers[c].promises.push(id.clone());
        if draw(9, 20) < 9 {
            self.plan(days_ago - 1, Step::Confirm { promise: id.clone(), customer: c, replied: draw(10, 2) == 0 });
        }
        if draw(11, 33) == 0 {
            self.plan(days_ago - 2, Step::Dispute { promise: id.clone() });
        }
        let late = draw(12, 12) as i64 - 3;
        // Three in ten are never settled, but people do settle old promises in the end: one
        // left open is recent, so the overdue list holds weeks of neglect, not a year of it.
        let fate = match draw(13, 20) {
            f if f >= 14 && due > 45 => draw(20, 11),
            f => f,
        };
        let chase_until = match fate {
            0..=7 => due - late.max(0),
            8..=10 => due - 2 - draw(14, 18) as i64,
            _ => 0,
        };
        if fate >= 8 && fate != 11 {
            for after in [3, 10] {
                if due - after > chase_until {
                    self.plan(due - after, Step::Chase { promise: id.clone() });
                }
            }
        }
        match fate {
            0..=7 => self.plan(due - late, Step::Keep { promise: id }),
            8..=10 => {
                let lost = (draw(15, 2) == 0).then(|| 1_000 + draw(16, 60) * 500);
                self.plan(chase_until, Step::Break { promise: id, lost });
            }
            11 => self.plan(days_ago - 5 - draw(17, 15) as i64, Step::Withdraw { promise: id }),
            12..=13 => self.plan(due + 2, Step::Renegotiate { promise: id, due: due - 14 - draw(18, 17) as i64, then_keep: draw(19, 3) > 0 }),
            _ => {}
        }
        Ok(())
    }

    fn complaint(&mut self, cf: &mut CaseFile, story: &Story<'_>, world: &mut World, days_ago: i64, i: u64) -> Result<()> {
        let draw = |k: u64, n: u64| story.pick(0x636f_6d70_0000_0000 ^ (i * 16 + k), n);
        let c = world.customer_for(story, 0x636f_0000_0000 ^ i);
        let customer = &world.customers[c];
        let (description, product, component) = COMPLAINTS[draw(0, COMPLAINTS.len() as u64) as usize];
        let input = ComplaintInput {
            account_id: customer.id.clone(),
            complainant_contact_id: customer.contacts.last().map(|c| c.0.clone()),
            received_at: format!("{} {:02}:{:02}", story.day(-days_ago), 8 + draw(1, 3), draw(2, 60)),
            channel: ["email", "call", "letter", "web"][draw(3, 4) as usize].into(),
            description: format!("{description} (lot {})", 2000 + draw(4, 400)),
            product: product.into(),
            component: component.into(),
            lot: (2000 + draw(4, 400)).to_string(),
            severity: (1 + draw(5, 4)).to_string(),
            root_cause_id: (!world.roots.is_empty() && draw(6, 3) > 0).then(|| world.roots[draw(7, world.roots.len() as u64) as usize].clone()),
            ..Default::default()
        };
        let id = complaints::create(cf, &input)?.id;
        world.customers[c].complaints.push(id.clone());
        let path = draw(8, 20);
        let mv = |to: &'static str, satisfied: &'static str| Step::Move { complaint: id.clone(), to, satisfied };
        self.plan(days_ago - 1, mv("acknowledged", ""));
        self.plan(days_ago - 3, mv("investigating", ""));
        let satisfied = if draw(9, 4) == 0 { "no" } else { "yes" };
        match path {
            0..=7 => {
                self.plan(days_ago - 8, Step::Remedy { complaint: id.clone(), draw: draw(10, 1 << 20) });
                self.plan(days_ago - 8, mv("remedy_offered", ""));
                self.plan(days_ago - 16, mv("resolved", ""));
                self.plan(days_ago - 21, mv("closed", satisfied));
            }
            8..=14 => {
                self.plan(days_ago - 12, mv("resolved", ""));
                self.plan(days_ago - 18, mv("closed", satisfied));
            }
            _ => {}
        }
        Ok(())
    }

    fn take(&mut self, cf: &mut CaseFile, story: &Story<'_>, world: &World, days_ago: i64, step: Step) -> Result<()> {
        let today = story.day(-days_ago);
        match step {
            Step::Confirm { promise, customer, replied } => {
                let to = world.customers[customer].contacts.first().map(|c| c.1.clone()).unwrap_or_default();
                let body = "Confirming in writing what was promised, with the due date.".into();
                let input = FollowUpInput { kind: "confirmation".into(), sent_at: today, channel: "email".into(), sent_to: to, body, ..Default::default() };
                let sent = follow_ups::add(cf, &promise, &input)?;
                if replied {
                    self.plan(days_ago - 2, Step::Reply { follow_up: sent.id });
                }
            }
            Step::Chase { promise } => {
                let body = "Following up: is this on track? Please reply with the status.".into();
                follow_ups::add(cf, &promise, &FollowUpInput { kind: "follow_up".into(), sent_at: today, channel: "email".into(), body, ..Default::default() })?;
            }
            Step::Reply { follow_up } => {
                follow_ups::record_reply(cf, &follow_up, &ReplyInput { received_at: today, summary: "Acknowledged by e-mail.".into() })?;
            }
            Step::Keep { promise } => {
                lifecycle::keep(cf, &promise, &KeepInput { kept_on: today, note: String::new() })?;
            }
            Step::Break { promise, lost } => {
                lifecycle::break_promise(cf, &promise, &BreakInput { broken_on: today, reason: "Not delivered; no reason given to the customer.".into() })?;
                if let Some(amount) = lost {
                    self.plan(days_ago - 5, Step::Lose { promise, amount });
                }
            }
            Step::Lose { promise, amount } => {
                let input = LostInput {
                    promise_id: Some(promise),
                    amount: amount.to_string(),
                    currency: "EUR".into(),
                    lost_on: today,
                    note: "The customer moved the order elsewhere.".into(),
                    ..Default::default()
                };
                lost_revenue::record(cf, &input)?;
            }
            Step::Withdraw { promise } => {
                let input = WithdrawInput { withdrawn_by_id: world.superior.clone(), withdrawn_on: today, reason: "Not something we can offer.".into() };
                lifecycle::withdraw(cf, &promise, &input)?;
            }
            Step::Renegotiate { promise, due, then_keep } => {
                let input = RenegotiateInput { new_due_on: story.day(-due), agreed_on: today, agreed_with: "The customer".into(), reason: "Supplier delay.".into() };
                lifecycle::renegotiate(cf, &promise, &input)?;
                if then_keep {
                    self.plan(due, Step::Keep { promise });
                }
            }
            Step::Dispute { promise } => {
                lifecycle::set_disputed(cf, &promise, &DisputeInput { disputed: true, note: "The promiser remembers it differently.".into() })?;
            }
            Step::Move { complaint, to, satisfied } => {
                let input = TransitionInput { to: to.into(), at: today, note: String::new(), customer_satisfied: satisfied.into() };
                workflow::transition(cf, &complaint, &input)?;
            }
            Step::Remedy { complaint, draw } => {
                let (kind, description) = REMEDIES[(draw % REMEDIES.len() as u64) as usize];
                let input = RemedyInput {
                    complaint_id: Some(complaint),
                    kind: kind.into(),
                    description: description.into(),
                    cost: (200 + (draw >> 4) % 80 * 75).to_string(),
                    cost_currency: "EUR".into(),
                    approved_by_id: Some(world.me.clone()),
                    remedy_on: today,
                    ..Default::default()
                };
                let remedy = remedies::create(cf, &input)?.id;
                self.plan(days_ago - 2, Step::RemedyStatus { remedy: remedy.clone(), status: "accepted" });
                self.plan(days_ago - 6, Step::RemedyStatus { remedy, status: "delivered" });
            }
            Step::RemedyStatus { remedy, status } => {
                remedies::set_status(cf, &remedy, &RemedyStatusInput { status: status.into(), on: today, note: String::new() })?;
            }
        }
        Ok(())
    }
}
