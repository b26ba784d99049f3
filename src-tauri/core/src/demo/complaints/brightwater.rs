//! Situation 5: the customer who screams. A valve fails at Brightwater's pumping station,
//! the procurement manager turns hostile, and the facts, the decisions made at the time,
//! the compensation and the procedure change are written down without arguing. The move of
//! the account to Priya as the single communicator is already in the cast.

use super::{advance, log, log_day, remedy, retract, Ids, Note, Planned, Remedy, Roots};
use crate::complaints::ComplaintInput;
use crate::db::CaseFile;
use crate::decisions::{self, DecideInput, DecisionInput, OptionInput};
use crate::demo::{Cast, Story};
use crate::error::Result;

const KEY: &str = "brightwater/outage";

pub(super) fn plan(cast: &Cast, roots: &Roots) -> Planned {
    Planned {
        key: KEY.into(),
        days_ago: 251,
        input: ComplaintInput {
            account_id: cast.account("brightwater").to_string(),
            complainant_contact_id: cast.contact("brightwater/derek").map(String::from),
            channel: "call".into(),
            description: "Valve fitted three days earlier failed; Eastfield pumping station was down for 14 hours and residents lost water pressure.".into(),
            product: "DN300 gate valve".into(),
            component: "flange bolts".into(),
            severity: "1".into(),
            category: "Field service".into(),
            root_cause_id: Some(roots.valve_install.clone()),
            remedy_sought: "Compensation for the outage and a guarantee it will not happen again".into(),
            ..Default::default()
        },
    }
}

pub(super) fn populate(cf: &mut CaseFile, story: &Story<'_>, cast: &Cast, ids: &Ids) -> Result<()> {
    let account = cast.account("brightwater");
    let tomas = &cast.reps[1];
    let priya = &cast.reps[0];
    log(cf, story, 251, 6, Note {
        kind: "note",
        summary: "Eastfield pumping station down for 14 hours after the replacement valve we fitted on Monday failed",
        details: "Lena's service log: valve body cracked at the flange. Pumping restored at 20:10 with a spare from our Leeds stock.",
        source: Some(&cast.service_lead),
        account,
        ..Default::default()
    })?;
    let c = ids.get(KEY).to_string();
    log(cf, story, 251, 15, Note {
        kind: "hostile_incident",
        summary: "Derek Maddox shouted at Tomás for about 12 minutes on the phone and said he would cancel the contract",
        details: "Facts only: he called Tomás incompetent three times and demanded the MD's mobile number. Tomás did not argue, said he would send a written timeline by Friday, and ended the call politely.",
        source: Some(tomas),
        account,
        complaint: Some(&c),
        actor: Some(tomas),
        ..Default::default()
    })?;
    log(cf, story, 250, 10, Note {
        kind: "note",
        summary: "Derek says Tomás promised a technician on site within two hours of the call",
        details: "Tomás says he promised to call back within two hours with a time, which he did. No recording.",
        source: Some(tomas),
        strength: "second_hand",
        disputed: true,
        account,
        complaint: Some(&c),
        ..Default::default()
    })?;
    log(cf, story, 250, 16, Note {
        kind: "email",
        summary: "Derek's written complaint: outage, lost pressure for 3,200 homes, demands compensation",
        source_text: "E-mail from Derek Maddox to Tomás Ortega, copied to their COO",
        strength: "written",
        account,
        complaint: Some(&c),
        ..Default::default()
    })?;
    advance(cf, story, &c, &[("acknowledged", 250, "Acknowledged in writing the same afternoon."), ("investigating", 249, "Failed valve sent to the lab; installation crew interviewed.")])?;

    story.at(249, 18);
    let option = |label: &str, benefits: &str, risks: &str, contingency: &str| OptionInput { label: label.into(), benefits: benefits.into(), risks: risks.into(), contingency: contingency.into() };
    decisions::create(cf, &DecisionInput {
        title: "How to answer Brightwater after the Eastfield outage".into(),
        context: "Hostile customer, €410k a year, outage caused by our installation. Lab report due in ten days.".into(),
        options: vec![
            option("Credit the quarter's service fee now and apologise in writing", "Shows we own the mistake; calms the COO before the board meets.", "€8,500 before the lab confirms the cause.", "If the lab blames the valve maker, claim the credit back from them, not from Brightwater."),
            option("Wait for the lab report before offering anything", "No money spent on a cause not yet proven.", "Ten more days of anger; Derek escalates to their board.", "If Derek goes to the board, Margaret calls their COO the same day."),
        ],
        escalate_to_id: Some(cast.boss.clone()),
        account_id: Some(account.to_string()),
        complaint_id: Some(c.clone()),
        decide: DecideInput { chosen: "1".into(), rationale: "The outage is ours whatever the lab says; waiting would cost more than the credit.".into(), decided_by_id: Some(cast.me.clone()), decided_on: story.day(-249) },
    })?;
    log(cf, story, 248, 17, Note {
        kind: "decision",
        summary: "Decided with Rolf: from Monday Priya is the only person who speaks to Brightwater",
        details: "Tomás hands over his notes; nobody else calls Derek or the COO. Service calls go through Priya.",
        source: Some(&cast.me),
        account,
        actor: Some(&cast.boss),
        ..Default::default()
    })?;
    let rumour = log_day(cf, story, 246, Note {
        kind: "note",
        summary: "Heard that Derek has instructed lawyers",
        source_text: "Overheard at the trade fair; no direct source",
        strength: "second_hand",
        account,
        ..Default::default()
    })?;
    log(cf, story, 244, 11, Note {
        kind: "hostile_incident",
        summary: "Derek Maddox arrived unannounced at the Leeds office and demanded to see the MD",
        details: "Reception offered him a meeting with Priya the next morning. He left after ten minutes. Nobody raised their voice back.",
        source: Some(&cast.service_lead),
        account,
        ..Default::default()
    })?;
    remedy(cf, story, &c, 249, Remedy { kind: "credit", description: "Credit of the Q2 service fee", cost: "8500.00".into(), currency: "EUR", approved_by: &cast.boss }, "delivered", 15)?;
    remedy(cf, story, &c, 243, Remedy { kind: "goodwill", description: "Senior engineer on site at Eastfield for a week, free of charge", cost: "3200.00".into(), currency: "EUR", approved_by: &cast.me }, "delivered", 7)?;
    advance(cf, story, &c, &[("remedy_offered", 243, "Credit and a week of on-site engineering offered by Priya.")])?;
    log(cf, story, 238, 10, Note {
        kind: "meeting",
        summary: "Priya met Derek at Eastfield: calmer; accepted the credit and the engineer's week",
        details: "Derek asked for the root cause in writing. Priya promised the lab report as soon as it arrives.",
        source: Some(priya),
        account,
        complaint: Some(&c),
        actor: Some(priya),
        ..Default::default()
    })?;
    retract(cf, story, &rumour, 236, "Derek confirmed in writing that he has not instructed lawyers; the rumour was wrong.")?;
    remedy(cf, story, &c, 230, Remedy {
        kind: "procedure_change",
        description: "Second-person torque check on every valve installation; outage calls go to the on-call senior engineer within 15 minutes.",
        cost: "1500.00".into(),
        currency: "EUR",
        approved_by: &cast.superior,
    }, "delivered", 10)?;
    advance(cf, story, &c, &[("resolved", 225, "Lab confirmed under-torqued flange bolts; procedure changed."), ("closed", 200, "Closed; customer satisfied with the changes, relationship still fragile.")])?;
    Ok(())
}
