//! Reading everything a packet covers, once, through the modules that own each table.
//!
//! What is in scope (documented on the packet's "Scope and definitions" page):
//! * promises made to the chosen customers in the period (by the chosen person, if any);
//! * complaints received, remedies given and decisions taken in the period, for those
//!   customers — with a person chosen, only those about their promises or decided by them;
//! * the timeline entries of the period ([`crate::timeline::scope`] defines "about a person");
//! * lost revenue recorded against the promises in scope, plus — without a person — the
//!   entries not tied to any promise that were lost in the period; retracted ones never count;
//! * the files attached to any of these, and — without a person — to the customers themselves.

use super::spec::PacketSpec;
use super::Progress;
use crate::accounts::{self, Account, AccountQuery};
use crate::attachments::{self, Attachment, Target};
use crate::complaints::Complaint;
use crate::decisions::Decision;
use crate::error::Result;
use crate::lost_revenue::{self, LostRevenue, LostTotals};
use crate::promises::follow_ups::{self, FollowUp};
use crate::promises::Promise;
use crate::remedies::Remedy;
use crate::timeline::scope::{in_scope, Part, Scope};
use crate::timeline::{Entry, TimelineItem};
use rusqlite::Connection;
use std::collections::{BTreeMap, HashSet};

/// A chronology longer than this is cut to its newest entries, and the packet says so: a
/// thousand pages of notes is not something anyone senior will read, and the builder's
/// preview asks for a narrower period first.
pub const MAX_CHRONOLOGY: u64 = 2_000;

/// A promise with what the packet prints beside it.
#[derive(Debug, Clone)]
pub struct PromiseFacts {
    pub promise: Promise,
    pub follow_ups: Vec<FollowUp>,
    pub replies: u32,
    /// Lost revenue recorded against it, retracted entries excluded.
    pub lost: LostTotals,
}

/// A file in the exhibit index, numbered in the order it was added.
#[derive(Debug, Clone)]
pub struct Exhibit {
    pub number: String,
    pub attachment: Attachment,
    /// What it is attached to, in words: "Call 2026-03-04: …", "Complaint C-2026-0007".
    pub attached_to: String,
}

#[derive(Debug, Clone, Default)]
pub struct Gathered {
    /// The customers named on the cover: the chosen ones, or every customer.
    pub accounts: Vec<Account>,
    pub promises: Vec<PromiseFacts>,
    pub complaints: Vec<Complaint>,
    pub remedies: Vec<Remedy>,
    pub decisions: Vec<Decision>,
    /// Timeline entries (events only), oldest first, at most [`MAX_CHRONOLOGY`].
    pub events: Vec<TimelineItem>,
    /// How many entries the period holds, before the cap.
    pub events_total: u64,
    /// Lost revenue entries that count (retracted ones are left out).
    pub lost: Vec<LostRevenue>,
    pub exhibits: Vec<Exhibit>,
}

impl Gathered {
    /// The exhibit numbers of an attachment list, "E-03, E-07".
    pub fn exhibit_numbers(&self, files: &[Attachment]) -> String {
        let ids: HashSet<&str> = files.iter().map(|a| a.id.as_str()).collect();
        self.exhibits.iter().filter(|e| ids.contains(e.attachment.id.as_str())).map(|e| e.number.clone()).collect::<Vec<_>>().join(", ")
    }
}

/// Read the scope. `progress` hears about each step; the counts are records read so far.
pub fn gather(conn: &Connection, spec: &PacketSpec, progress: &mut dyn FnMut(Progress)) -> Result<Gathered> {
    let scope = Scope { account_ids: spec.account_ids(), person_id: spec.promiser.as_ref().map(|p| p.id.clone()), from: spec.from, to: spec.to };
    progress(Progress::new("Reading promises, complaints and decisions", 0, super::STEPS));
    let accounts = if spec.accounts.is_empty() { all_accounts(conn, spec.today)? } else { spec.accounts.clone() };
    let records = in_scope(conn, spec.today, &scope, Part::Records, u64::MAX >> 1)?;
    let mut g = Gathered { accounts, ..Default::default() };
    for item in records.items {
        match item.entry {
            Entry::Promise(p) => g.promises.push(facts(conn, *p)?),
            Entry::Complaint(c) => g.complaints.push(*c),
            Entry::Remedy(r) => g.remedies.push(*r),
            Entry::Decision(d) => g.decisions.push(*d),
            Entry::Event(_) => {}
        }
    }
    progress(Progress::new("Reading the timeline", 1, super::STEPS));
    let events = in_scope(conn, spec.today, &scope, Part::Events, MAX_CHRONOLOGY)?;
    g.events = events.items;
    g.events_total = events.total;
    progress(Progress::new("Reading lost revenue", 2, super::STEPS));
    for p in &g.promises {
        g.lost.extend(lost_revenue::list_for_promise(conn, &p.promise.id)?.into_iter().filter(|l| l.retracted_at.is_none()));
    }
    if spec.promiser.is_none() {
        let ids = spec.account_ids();
        let others = lost_revenue::list_without_promise(conn, ids.as_deref(), spec.from, spec.to)?;
        g.lost.extend(others.into_iter().filter(|l| l.retracted_at.is_none()));
    }
    g.lost.sort_by(|a, b| a.lost_on.cmp(&b.lost_on).then_with(|| a.id.cmp(&b.id)));
    progress(Progress::new("Numbering the exhibits", 3, super::STEPS));
    g.exhibits = exhibits(conn, spec, &g)?;
    Ok(g)
}

fn all_accounts(conn: &Connection, today: chrono::NaiveDate) -> Result<Vec<Account>> {
    let mut out = Vec::new();
    loop {
        let page = accounts::list(conn, today, &AccountQuery { offset: Some(out.len() as u64), limit: Some(crate::model::MAX_PAGE), ..Default::default() })?;
        let n = page.items.len();
        out.extend(page.items.into_iter().map(|s| s.account));
        if n == 0 || out.len() as u64 >= page.total {
            return Ok(out);
        }
    }
}

fn facts(conn: &Connection, promise: Promise) -> Result<PromiseFacts> {
    let follow_ups: Vec<FollowUp> = follow_ups::list_for_promise(conn, &promise.id)?.into_iter().filter(|f| f.retracted_at.is_none()).collect();
    let replies = follow_ups.iter().filter(|f| f.reply_received_at.is_some()).count() as u32;
    let lost = lost_revenue::totals_for_promise(conn, &promise.id)?;
    Ok(PromiseFacts { promise, follow_ups, replies, lost })
}

/// Every file attached to something in the packet, once, numbered E-01, E-02 … by when it
/// was added, so the numbers read in the order the evidence came in.
fn exhibits(conn: &Connection, spec: &PacketSpec, g: &Gathered) -> Result<Vec<Exhibit>> {
    let dates = super::dates::DateStyle::from_setting(&spec.settings.date_format);
    let short_day = |stored: &str| dates.moment_line(stored, if stored.len() > 10 { crate::model::Precision::Exact } else { crate::model::Precision::Day });
    let mut found: BTreeMap<String, (Attachment, String)> = BTreeMap::new();
    let mut add = |files: Vec<Attachment>, to: String| {
        for a in files {
            found.entry(a.id.clone()).or_insert_with(|| (a, to.clone()));
        }
    };
    for item in &g.events {
        if let Entry::Event(e) = &item.entry {
            let label = format!("{} of {}: {}", e.event.kind.label(), dates.moment_line(&e.event.occurred_at, e.event.occurred_precision), crate::text::clip(&e.event.summary, 70));
            add(e.attachments.clone(), label);
        }
    }
    for c in &g.complaints {
        add(attachments::list_for(conn, &Target::complaint(&c.id))?, format!("Complaint {} ({})", c.reference, c.account_name));
    }
    for p in &g.promises {
        let target = Target { promise_id: Some(p.promise.id.clone()), ..Default::default() };
        let label = format!("Promise by {} of {}: {}", p.promise.made_by_name, short_day(&p.promise.made_at), crate::text::clip(&p.promise.what, 60));
        add(attachments::list_for(conn, &target)?, label);
    }
    if spec.promiser.is_none() {
        for a in &g.accounts {
            add(attachments::list_for(conn, &Target::account(&a.id))?, format!("Customer {}", a.name));
        }
    }
    let mut list: Vec<(Attachment, String)> = found.into_values().collect();
    list.sort_by(|a, b| a.0.added_at.cmp(&b.0.added_at).then_with(|| a.0.id.cmp(&b.0.id)));
    let width = if list.len() >= 100 { 3 } else { 2 };
    Ok(list
        .into_iter()
        .enumerate()
        .map(|(i, (attachment, attached_to))| Exhibit { number: format!("E-{:0width$}", i + 1), attachment, attached_to })
        .collect())
}
