//! Situation 3: caught between management and a client. Dana promised Dr. Bell of Alder
//! Health she would take his concerns upward (the promise itself belongs to the promises
//! part of the demo); then Rolf ordered her, in writing, not to contact him again. Here are
//! the records around that: her meeting notes (corrected once, the original kept), the
//! dated order, the unanswered follow-ups, and her decision whether to escalate to Margaret.

use super::{log, log_day, revise, Note};
use crate::db::CaseFile;
use crate::decisions::{self, DecideInput, DecisionInput, OptionInput};
use crate::demo::{Cast, Story};
use crate::error::Result;

const MEETING: &str = "Dr. Bell listed a year of unanswered tickets, two missed maintenance visits and no named contact. \
He said he would move the clinics to another supplier at renewal unless someone senior heard him.\n\
I told him I would take his concerns to senior management myself and come back to him by the end of the month.";

pub(super) fn populate(cf: &mut CaseFile, story: &Story<'_>, cast: &Cast) -> Result<()> {
    let account = cast.account("alder");
    let me = cast.me.as_str();
    let first = log(cf, story, 197, 10, Note {
        kind: "meeting",
        summary: "Met Dr. Marcus Bell at Alder Health",
        details: MEETING,
        source: Some(me),
        account,
        actor: Some(me),
        ..Default::default()
    })?;
    // Written up from memory the next day with the wrong day; corrected from the calendar.
    revise(cf, story, &first, 196, 10, 195, Note {
        kind: "meeting",
        summary: "Met Dr. Marcus Bell at Alder Health; committed to take his concerns to senior management",
        details: MEETING,
        source: Some(me),
        source_text: "My notes, checked against the calendar invitation",
        account,
        actor: Some(me),
        ..Default::default()
    })?;
    log(cf, story, 195, 16, Note {
        kind: "email",
        summary: "Wrote to Rolf with Dr. Bell's concerns and asked for 30 minutes this week",
        source: Some(me),
        source_text: "My e-mail to Rolf Brandt",
        strength: "written",
        account,
        ..Default::default()
    })?;
    log_day(cf, story, 189, Note {
        kind: "follow_up",
        summary: "Second e-mail to Rolf about Alder Health: no reply",
        source: Some(me),
        strength: "written",
        account,
        ..Default::default()
    })?;
    log(cf, story, 184, 9, Note {
        kind: "decision",
        summary: "Rolf Brandt ordered me not to contact Dr. Bell again; all contact with Alder Health goes through him",
        details: "“Do not contact Marcus Bell again, by any channel. I will handle Alder personally. This is not up for discussion.”",
        source: Some(&cast.boss),
        source_text: "E-mail from Rolf Brandt to me, nobody copied",
        strength: "written",
        account,
        actor: Some(&cast.boss),
        ..Default::default()
    })?;
    log(cf, story, 183, 14, Note {
        kind: "note",
        summary: "Asked Rolf in person why; he would not discuss it",
        source: Some(me),
        account,
        actor: Some(&cast.boss),
        ..Default::default()
    })?;
    log(cf, story, 176, 18, Note {
        kind: "call",
        summary: "Dr. Bell left a voicemail asking for the update I promised; I did not call back, as ordered",
        source: Some(me),
        account,
        ..Default::default()
    })?;
    log_day(cf, story, 171, Note {
        kind: "note",
        summary: "Alder's office manager told Zoë that Dr. Bell is talking to a competitor",
        source: Some(&cast.reps[2]),
        strength: "second_hand",
        account,
        ..Default::default()
    })?;
    story.at(168, 20);
    let option = |label: &str, benefits: &str, risks: &str, contingency: &str| OptionInput { label: label.into(), benefits: benefits.into(), risks: risks.into(), contingency: contingency.into() };
    let d = decisions::create(cf, &DecisionInput {
        title: "Whether to escalate Alder Health to Margaret Okafor".into(),
        context: "I committed to Dr. Bell that I would take his concerns upward. Rolf has since ordered me, in writing, not to contact him and will not discuss why. The account (€190k a year) renews in the spring.".into(),
        options: vec![
            option(
                "Comply and stay silent",
                "No open conflict with Rolf.",
                "Dr. Bell concludes we broke our word; the account is likely lost at renewal; my commitment is broken on the record.",
                "If Dr. Bell calls again, tell him in one sentence that Rolf now handles the account, and note the call here.",
            ),
            option(
                "Escalate to Margaret Okafor with the dated record",
                "The commitment is honoured through the proper channel; the MD decides with the facts in front of her.",
                "Rolf may see it as going over his head; the relationship with him may suffer.",
                "If Margaret backs Rolf, ask for the instruction in writing and stop there; if she asks for more, bring the packet.",
            ),
            option(
                "Write to Dr. Bell once that his concerns are with management",
                "Dr. Bell is not left waiting in silence.",
                "Breaks a direct written order; possible disciplinary action.",
                "If challenged, show the promise made before the order, and the order's date.",
            ),
        ],
        escalate_to_id: Some(cast.superior.clone()),
        account_id: Some(account.to_string()),
        ..Default::default()
    })?;
    // Slept on it for a week.
    story.at(160, 8);
    decisions::decide(cf, &d.id, &DecideInput {
        chosen: "2".into(),
        rationale: "A promise made to a customer before the order still stands. Escalating through Margaret keeps it without disobeying Rolf, and the dated record shows exactly what happened and when.".into(),
        decided_by_id: Some(me.to_string()),
        decided_on: story.day(-160),
    })?;
    Ok(())
}
