//! The demo's promises: a year of Rolf Brandt saying "yes" on the phone (situation 1),
//! Dana's own commitments including the one to Alder Health's Dr. Bell (situation 3), and
//! the reps' promises kept, kept late, renegotiated honestly and broken (situation 4).
//!
//! The story is a script of dated steps, played in time order so every row is recorded on
//! the day it happened. Days count back from the as-of day, so the demo always has promises
//! overdue and due this week, whenever it is made.

use super::{Cast, Story};
use crate::db::CaseFile;
use crate::error::Result;
use crate::lost_revenue::{self, LostInput};
use crate::promises::follow_ups::{self, FollowUpInput, ReplyInput};
use crate::promises::lifecycle::{self, BreakInput, DisputeInput, KeepInput, RenegotiateInput, WithdrawInput};
use crate::promises::{self, PromiseInput};
use std::collections::HashMap;

/// Promises other parts of the demo link to (complaints, decisions).
#[derive(Debug, Clone, Default)]
pub struct DemoPromises {
    /// Rolf's €12,000 credit to Nordlicht: confirmed, chased three times, broken, revenue lost.
    pub nordlicht_credit: String,
    /// Rolf's expedited shipping to Nordlicht: confirmed, three follow-ups unanswered, overdue.
    pub nordlicht_shipping: String,
    /// Dana's commitment to Dr. Marcus Bell to bring his concerns upward (situation 3).
    pub alder_concerns: String,
    /// Priya's replacement rolls for Kestrel's failed seams, renegotiated and kept.
    pub kestrel_replacement: String,
    /// Tomás's credit to Кровля-Сервис for the failed seams, broken.
    pub krovlya_credit: String,
    /// Tomás's technical report on the seam failures for Кровля-Сервис, renegotiated, open.
    pub krovlya_report: String,
}

#[derive(Clone, Copy)]
enum Who {
    Boss,
    Me,
    Superior,
    Rep(usize),
}

enum Act {
    /// key, who, account, contact ("account/first name"), channel, what, due (days from as-of), resources, success, value
    Make(&'static str, Who, &'static str, &'static str, &'static str, &'static str, i64, &'static str, &'static str, Option<(&'static str, &'static str)>),
    /// promise, message key, confirmation?, to, cc
    Send(&'static str, &'static str, bool, &'static str, &'static str),
    /// message key, summary
    Reply(&'static str, &'static str),
    Keep(&'static str, &'static str),
    Break(&'static str, &'static str),
    Withdraw(&'static str, Who, &'static str),
    /// promise, new due (days from as-of), agreed with, reason
    Renegotiate(&'static str, i64, &'static str, &'static str),
    Dispute(&'static str, &'static str),
    /// promise, amount, currency, certainty, cause
    Lose(&'static str, &'static str, &'static str, &'static str, &'static str),
}

const GRETA: &str = "Greta Lindqvist <g.lindqvist@nordlicht.example>";
const ROLF: &str = "Rolf Brandt <rolf@aquila.example>";

/// (days before the as-of day, hour UTC, what happened).
fn script() -> Vec<(i64, u32, Act)> {
    use Act::*;
    use Who::*;
    vec![
        // --- Rolf Brandt, the boss who says "yes" ---
        (262, 10, Make("bw_portal", Boss, "brightwater", "brightwater/derek", "call", "Remote monitoring portal access for Brightwater's control room by the summer", -120, "", "", Some(("25000", "EUR")))),
        (200, 14, Withdraw("bw_portal", Superior, "Not on the product roadmap. Margaret wrote to Derek Maddox withdrawing it and offered a quarterly on-site review instead.")),
        (201, 9, Make("hv_freeze", Boss, "harbor", "harbor/amelia", "call", "Freeze 2025 prices for the Harbor & Vine renewal", -170, "", "Renewal signed at 2024 prices", Some(("215000", "EUR")))),
        (199, 16, Send("hv_freeze", "hv_c", true, "Amelia Price <amelia.price@harborvine.example>", ROLF)),
        (196, 11, Reply("hv_c", "Amelia confirmed by e-mail: prices frozen, renewal to follow.")),
        (172, 12, Keep("hv_freeze", "Renewal signed at 2024 prices.")),
        (151, 15, Make("ks_inspect", Boss, "kestrel", "kestrel/owen", "meeting", "Free site inspection of the Leeds warehouse roof by our technical team within two weeks", -137, "Two technicians for a day", "Written inspection report sent to Owen", None)),
        (149, 9, Send("ks_inspect", "ks_c", true, "Owen Gallagher <owen@kestrelroofing.example>", ROLF)),
        (121, 15, Keep("ks_inspect", "Inspection done 16 days late, after Owen chased twice.")),
        (122, 10, Make("sato_air", Boss, "sato", "sato/haruki", "call", "Air-freight sample rolls of the new membrane to Osaka at our cost", -105, "", "", Some(("180000", "JPY")))),
        (103, 10, Send("sato_air", "sato_f", false, ROLF, "")),
        (100, 11, Break("sato_air", "Samples went by sea; Rolf never raised the air-freight order.")),
        (95, 9, Lose("sato_air", "1500000", "JPY", "estimated", "Sato postponed the trial order of the new membrane to next year.")),
        (101, 14, Make("mf_engineer", Boss, "meridian", "meridian/sofia", "meeting", "A dedicated account engineer for Meridian's Q4 line changeover", -70, "One engineer, three weeks on site", "", None)),
        (68, 10, Break("mf_engineer", "No engineer was assigned. Rolf told Sofia the team was fully booked.")),
        (60, 9, Lose("mf_engineer", "15000", "EUR", "estimated", "Meridian bought the changeover support from the integrator instead.")),
        (75, 10, Make("nl_credit", Boss, "nordlicht", "nordlicht/greta", "call", "Credit note of €12,000 against invoice INV-2291 for the late pallet deliveries", -60, "Finance approval from Rolf", "Credit note received by Nordlicht", Some(("12000", "EUR")))),
        (73, 9, Send("nl_credit", "nl_credit_c", true, GRETA, ROLF)),
        (58, 9, Send("nl_credit", "nl_credit_f1", false, ROLF, "")),
        (51, 9, Send("nl_credit", "nl_credit_f2", false, ROLF, "")),
        (44, 9, Send("nl_credit", "nl_credit_f3", false, ROLF, "Margaret Okafor <margaret@aquila.example>")),
        (40, 15, Break("nl_credit", "Finance never received Rolf's approval. Greta was told on the phone the credit \"is not possible this quarter\".")),
        (35, 11, Lose("nl_credit", "48000", "EUR", "confirmed", "Nordlicht cancelled the spring re-roofing order (PO 7781), citing the credit.")),
        (35, 11, Lose("nl_credit", "120000", "EUR", "estimated", "Greta says the annual contract is now out to tender.")),
        (24, 16, Make("nl_ship", Boss, "nordlicht", "nordlicht/greta", "call", "Expedited 48-hour shipping, at our cost, for replacement membrane order #4471", -17, "Express carrier booking", "Delivered to Hamburg within 48 hours", Some(("3400", "EUR")))),
        (23, 9, Send("nl_ship", "nl_ship_c", true, GRETA, ROLF)),
        (15, 9, Send("nl_ship", "nl_ship_f1", false, ROLF, "")),
        (11, 9, Send("nl_ship", "nl_ship_f2", false, ROLF, "")),
        (6, 9, Send("nl_ship", "nl_ship_f3", false, ROLF, "")),
        (20, 17, Make("mf_discount", Boss, "meridian", "meridian/sofia", "call", "10% volume discount on all orders from January", 10, "", "", None)),
        (12, 10, Dispute("mf_discount", "Rolf says he only said he would \"look into\" a discount; Sofia's notes of the call say it was agreed.")),
        (3, 15, Make("ks_call", Boss, "kestrel", "kestrel/owen", "call", "Call Owen Gallagher about the seam failures and agree a remedy", 2, "", "", None)),
        // --- Dana Whitfield herself ---
        (238, 10, Make("bw_report", Me, "brightwater", "brightwater/derek", "meeting", "Root-cause report on the March outage", -210, "Lena's service logs; the supplier's test results", "Derek accepts the report", None)),
        (236, 9, Send("bw_report", "bw_report_c", true, "Derek Maddox <d.maddox@brightwater.example>", "")),
        (233, 14, Reply("bw_report_c", "Derek: fine, but he wants it before the board meeting.")),
        (205, 16, Keep("bw_report", "Sent five days late: the supplier's test results came in late.")),
        (190, 11, Make("alder", Me, "alder", "alder/marcus", "meeting", "Bring Dr. Bell's concerns about a year of slow responses to senior management, and come back to him with their answer", -160, "A meeting with Margaret Okafor", "Dr. Bell hears management's answer from me", None)),
        (189, 9, Send("alder", "alder_c", true, "Dr. Marcus Bell <m.bell@alderhealth.example>", "")),
        (186, 10, Reply("alder_c", "Dr. Bell thanked Dana and expects management's answer within a month.")),
        (72, 12, Make("nl_weekly", Me, "nordlicht", "nordlicht/greta", "call", "Update Greta on the credit every Friday until it is resolved", -41, "", "", None)),
        (41, 16, Keep("nl_weekly", "Weekly updates given until the credit was refused.")),
        (5, 10, Make("ks_escalate", Me, "kestrel", "kestrel/fiona", "email", "Escalate the seam failures to Membratex and send Fiona their written answer", 1, "Karl Weber at Membratex", "Membratex's written answer forwarded to Fiona", None)),
        // --- The reps ---
        (230, 10, Make("bw_status", Rep(0), "brightwater", "brightwater/derek", "email", "Weekly status report during the outage investigation", -200, "", "", None)),
        (201, 15, Keep("bw_status", "")),
        (92, 10, Make("ks_rolls", Rep(0), "kestrel", "kestrel/fiona", "call", "Replacement rolls for lot 2291 delivered to the Leeds site", -60, "40 rolls from the Hamburg stock", "Fiona signs the delivery note", Some(("38000", "EUR")))),
        (91, 9, Send("ks_rolls", "ks_rolls_c", true, "Fiona Hart <f.hart@kestrelroofing.example>", "")),
        (62, 11, Renegotiate("ks_rolls", -45, "Fiona Hart", "Membratex delayed the replacement lot; Fiona agreed the new date on the phone.")),
        (46, 14, Keep("ks_rolls", "Delivered and signed for.")),
        (35, 10, Make("sato_prices", Rep(0), "sato", "sato/haruki", "email", "Quarterly price sheet in yen", -28, "", "", None)),
        (29, 9, Keep("sato_prices", "")),
        (81, 10, Make("hv_closers", Rep(1), "harbor", "harbor/amelia", "meeting", "Replace the 12 faulty door closers before the spring opening", -50, "Two fitters", "All 12 closers pass the fire inspection", Some(("6200", "EUR")))),
        (52, 16, Keep("hv_closers", "")),
        (60, 10, Make("kr_report", Rep(1), "krovlya", "krovlya/irina", "email", "Техническое заключение по разрушению швов мембраны — a technical report on the seam failures, in Russian", -30, "Membratex lab results", "", None)),
        (33, 10, Renegotiate("kr_report", 5, "Ирина Соколова", "The Membratex lab results are still outstanding; Irina agreed to wait.")),
        (45, 12, Make("kr_credit", Rep(1), "krovlya", "krovlya/irina", "call", "Credit of €4,500 for the failed seams on the Pulkovo site", -20, "", "", Some(("4500", "EUR")))),
        (30, 9, Send("kr_credit", "kr_credit_f", false, "Ирина Соколова <sokolova@krovlya.example>", "")),
        (18, 11, Break("kr_credit", "Finance blocked the credit until the claim against Membratex is settled.")),
        (14, 10, Lose("kr_credit", "22000", "EUR", "confirmed", "Кровля-Сервис cancelled the summer order for the Pulkovo extension.")),
        (25, 10, Make("mf_samples", Rep(2), "meridian", "meridian/li", "call", "Samples of the new gasket compound for Li Wei's trial", -5, "", "", None)),
        (24, 9, Send("mf_samples", "mf_samples_c", true, "Li Wei <li.wei@meridianfoods.example>", "")),
        (3, 9, Send("mf_samples", "mf_samples_f", false, "Li Wei <li.wei@meridianfoods.example>", "")),
        (2, 15, Reply("mf_samples_f", "Li Wei: still waiting, the trial slot moves to next month if they do not arrive this week.")),
        (15, 10, Make("hd_visit", Rep(2), "hellas", "hellas/nikos", "in_person", "Site visit in Athens to inspect the two failed seams", 4, "Zoë and one technician, two days", "Inspection report agreed with Νίκος", None)),
        (10, 10, Make("mf_schedule", Rep(2), "meridian", "meridian/sofia", "email", "Revised delivery schedule for Q1", 3, "", "", None)),
    ]
}

pub(super) fn populate(cf: &mut CaseFile, story: &Story<'_>, cast: &Cast) -> Result<DemoPromises> {
    let mut steps = script();
    // Oldest first, so the clock only moves forward.
    steps.sort_by_key(|(ago, hour, _)| (-ago, *hour));
    let who = |w: Who| -> String {
        match w {
            Who::Boss => cast.boss.clone(),
            Who::Me => cast.me.clone(),
            Who::Superior => cast.superior.clone(),
            Who::Rep(i) => cast.reps.get(i).cloned().unwrap_or_default(),
        }
    };
    let mut ids: HashMap<&'static str, String> = HashMap::new();
    let mut messages: HashMap<&'static str, String> = HashMap::new();
    for (ago, hour, act) in steps {
        let day = story.at(ago, hour);
        let today = crate::when::date(day);
        let id = |key: &str| ids.get(key).cloned().unwrap_or_default();
        match act {
            Act::Make(key, by, account, contact, channel, what, due, resources, success, value) => {
                let (value, currency) = value.unwrap_or(("", ""));
                let input = PromiseInput {
                    made_by_id: who(by),
                    account_id: cast.account(account).to_string(),
                    contact_id: cast.contact(contact).map(String::from),
                    made_at: today,
                    channel: channel.into(),
                    what: what.into(),
                    due_on: story.day(due),
                    resources: resources.into(),
                    success_criteria: success.into(),
                    value: value.into(),
                    value_currency: currency.into(),
                    ..Default::default()
                };
                ids.insert(key, promises::create(cf, &input)?.promise.id);
            }
            Act::Send(key, message, confirmation, to, cc) => {
                let kind = if confirmation { "confirmation" } else { "follow_up" };
                let body = if confirmation { "Confirming in writing what was promised, with the due date." } else { "Following up: is this on track? Please reply with the status." };
                let input = FollowUpInput { kind: kind.into(), sent_at: today, sent_to: to.into(), cc: cc.into(), body: body.into(), ..Default::default() };
                messages.insert(message, follow_ups::add(cf, &id(key), &input)?.id);
            }
            Act::Reply(message, summary) => {
                let m = messages.get(message).cloned().unwrap_or_default();
                follow_ups::record_reply(cf, &m, &ReplyInput { received_at: today, summary: summary.into() })?;
            }
            Act::Keep(key, note) => {
                lifecycle::keep(cf, &id(key), &KeepInput { kept_on: today, note: note.into() })?;
            }
            Act::Break(key, reason) => {
                lifecycle::break_promise(cf, &id(key), &BreakInput { broken_on: today, reason: reason.into() })?;
            }
            Act::Withdraw(key, by, reason) => {
                lifecycle::withdraw(cf, &id(key), &WithdrawInput { withdrawn_by_id: who(by), withdrawn_on: today, reason: reason.into() })?;
            }
            Act::Renegotiate(key, due, with, reason) => {
                let input = RenegotiateInput { new_due_on: story.day(due), agreed_on: today, agreed_with: with.into(), reason: reason.into() };
                lifecycle::renegotiate(cf, &id(key), &input)?;
            }
            Act::Dispute(key, note) => {
                lifecycle::set_disputed(cf, &id(key), &DisputeInput { disputed: true, note: note.into() })?;
            }
            Act::Lose(key, amount, currency, certainty, note) => {
                let input = LostInput {
                    promise_id: Some(id(key)),
                    amount: amount.into(),
                    currency: currency.into(),
                    certainty: certainty.into(),
                    lost_on: today,
                    note: note.into(),
                    ..Default::default()
                };
                lost_revenue::record(cf, &input)?;
            }
        }
    }
    let id = |key: &str| ids.get(key).cloned().unwrap_or_default();
    Ok(DemoPromises {
        nordlicht_credit: id("nl_credit"),
        nordlicht_shipping: id("nl_ship"),
        alder_concerns: id("alder"),
        kestrel_replacement: id("ks_rolls"),
        krovlya_credit: id("kr_credit"),
        krovlya_report: id("kr_report"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::model::PromiseStatus;
    use crate::promises::{query, record};
    use crate::testing::day;
    use std::sync::Arc;

    #[test]
    fn the_demo_tells_situations_one_three_and_four() {
        let as_of = day(2026, 11, 20);
        let clock = Arc::new(FixedClock::on(as_of));
        let mut cf = CaseFile::open_in_memory_with(clock.clone()).unwrap();
        let story = Story { clock: &clock, as_of, seed: 1 };
        let cast = super::super::cast::populate(&mut cf, &story).unwrap();
        let keys = populate(&mut cf, &story, &cast).unwrap();
        story.at(0, 18);
        let conn = cf.conn();

        let credit = promises::get(conn, &keys.nordlicht_credit, as_of).unwrap();
        assert_eq!((credit.status, credit.made_by_id.as_str(), credit.in_writing), (PromiseStatus::Broken, cast.boss.as_str(), true));
        let shipping = promises::get(conn, &keys.nordlicht_shipping, as_of).unwrap();
        assert!(shipping.overdue);
        assert_eq!(shipping.chase.sentence, "3 follow-ups, no reply for 23 days");
        let alder = promises::get(conn, &keys.alder_concerns, as_of).unwrap();
        assert_eq!((alder.made_by_id.as_str(), alder.contact_name.as_deref()), (cast.me.as_str(), Some("Dr. Marcus Bell")));
        assert_eq!(promises::get(conn, &keys.kestrel_replacement, as_of).unwrap().renegotiations, 1);

        let n = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        for status in ["open", "kept", "broken", "withdrawn"] {
            assert!(n(&format!("SELECT count(*) FROM promises WHERE status = '{status}'")) >= 1, "{status}");
        }
        assert!(n("SELECT count(*) FROM promises WHERE disputed = 1") >= 1);
        assert!(n("SELECT count(*) FROM promises WHERE in_writing = 0") >= 3);
        let counts = query::counts(conn, as_of).unwrap();
        assert!(counts.overdue >= 2 && counts.due_within_7_days >= 3, "{counts:?}");

        let rolf = record::for_person(conn, &cast.boss, as_of).unwrap();
        assert_eq!((rolf.broken, rolf.kept_on_time, rolf.kept_late, rolf.withdrawn), (3, 1, 1, 1));
        assert_eq!(rolf.lost.all.format(), "€183,000.00 + ¥1,500,000");
        assert_eq!(rolf.lost.confirmed.format(), "€48,000.00");
        assert!(rolf.follow_ups_unanswered >= 3);
        let kept_by_reps: i64 = n("SELECT count(*) FROM promises p JOIN people m ON m.id = p.made_by_id WHERE m.role LIKE '%Account Manager%' AND p.status = 'kept'");
        assert!(kept_by_reps >= 3);
        assert!(crate::chain::verify(conn).unwrap().ok);
    }
}
