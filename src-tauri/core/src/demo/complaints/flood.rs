//! Situation 2: the flood of membrane-seam complaints after the switch to Membratex, and the
//! handful of complaints with ordinary causes that show what "normal" looked like.

use super::{advance, log, log_day, mail, remedy, root, Ids, Note, Planned, Remedy, Roots};
use crate::attachments::{self, Target};
use crate::complaints::ComplaintInput;
use crate::db::CaseFile;
use crate::decisions::{self, DecisionInput, OptionInput};
use crate::demo::{Cast, Story};
use crate::error::Result;

/// Seam complaints per month, from ten months ago up to this month: the volume rises as
/// more Membratex rolls reach roofs.
const PER_MONTH: [u64; 11] = [1, 1, 2, 2, 3, 4, 4, 5, 6, 7, 5];

const KESTREL_SITES: &[&str] = &["Dunmore distribution centre", "Ballycastle primary school", "Newry retail park", "Armagh leisure centre", "Lisburn cold store"];
const KROVLYA_SITES: &[&str] = &["склад в Шушарах", "ЖК «Северная долина»", "ТЦ «Озерки»", "школа № 412"];
const HELLAS_SITES: &[&str] = &["αποθήκη στον Ασπρόπυργο", "σχολείο στο Μαρούσι", "ξενοδοχείο στη Γλυφάδα"];

pub(super) fn root_causes(cf: &mut CaseFile, story: &Story<'_>) -> Result<Roots> {
    story.at(330, 9);
    let membratex = root(cf, "Membratex", None, "Membrane supplier since the switch in the spring; chosen on unit price.")?;
    let seam = root(cf, "membrane seam", Some(&membratex), "Seams separate within weeks of installation.")?;
    let lot_2291 = root(cf, "lot 2291", Some(&seam), "First large delivery after the switch.")?;
    let lot_2307 = root(cf, "lot 2307", Some(&seam), "Second delivery; Membratex said the adhesive was changed.")?;
    root(cf, "adhesive primer", Some(&membratex), "")?;
    let logistics = root(cf, "Logistics", None, "")?;
    let late_delivery = root(cf, "late delivery", Some(&logistics), "")?;
    let invoicing = root(cf, "Invoicing", None, "")?;
    let invoicing = root(cf, "wrong price on invoice", Some(&invoicing), "")?;
    let field = root(cf, "Field service", None, "")?;
    let valve_install = root(cf, "valve installation", Some(&field), "")?;
    Ok(Roots { lot_2291, lot_2307, late_delivery, invoicing, valve_install })
}

struct Who<'a> {
    account: &'a str,
    contact: Option<&'a str>,
    description: String,
}

fn who<'a>(story: &Story<'_>, cast: &'a Cast, i: u64) -> Who<'a> {
    let hellas = matches!(i, 18 | 27 | 33);
    let krovlya = !hellas && story.pick(i * 11, 10) < 3;
    if hellas {
        let site = HELLAS_SITES[story.pick(i * 13, HELLAS_SITES.len() as u64) as usize];
        return Who { account: cast.account("hellas"), contact: cast.contact("hellas/nikos"), description: format!("Αποκόλληση ραφών μεμβράνης στο έργο «{site}»· εισροή νερού μετά τη βροχή.") };
    }
    if krovlya {
        let site = KROVLYA_SITES[story.pick(i * 13, KROVLYA_SITES.len() as u64) as usize];
        return Who { account: cast.account("krovlya"), contact: cast.contact("krovlya/irina"), description: format!("Расслоение швов мембраны на объекте «{site}»; протечки после дождя. Просим замену материала.") };
    }
    let site = KESTREL_SITES[story.pick(i * 13, KESTREL_SITES.len() as u64) as usize];
    let weeks = 2 + story.pick(i * 17, 6);
    let contact = if i.is_multiple_of(2) { "kestrel/owen" } else { "kestrel/fiona" };
    Who { account: cast.account("kestrel"), contact: cast.contact(contact), description: format!("Membrane seams lifting on the {site} roof {weeks} weeks after installation; water coming in after rain.") }
}

/// One seam complaint, worked out from its number alone, so the pass that creates the
/// complaints (in date order, for chronological references) and the pass that works them
/// agree.
struct Seam<'a> {
    i: u64,
    /// Index into PER_MONTH: 0 is ten months ago.
    m: usize,
    days_ago: i64,
    severity: &'static str,
    account: &'a str,
    input: ComplaintInput,
}

fn seams<'a>(story: &Story<'_>, cast: &'a Cast, roots: &Roots) -> Vec<Seam<'a>> {
    let mut out = Vec::new();
    let mut left = PER_MONTH.iter().sum::<u64>();
    let mut i = 0u64;
    for (m, n) in PER_MONTH.iter().enumerate() {
        let months_ago = (PER_MONTH.len() - 1 - m) as i64;
        for j in 0..*n {
            left -= 1;
            let days_ago = (months_ago * 30 + (j * 29 / n) as i64 + story.pick(i * 3, 6) as i64).max(1);
            let w = who(story, cast, i);
            let lot = if days_ago > 120 || story.pick(i * 5, 10) < 6 { ("2291", &roots.lot_2291) } else { ("2307", &roots.lot_2307) };
            let severity = match story.pick(i * 7, 20) {
                0..=1 => "1",
                2..=10 => "2",
                11..=17 => "3",
                _ => "4",
            };
            let input = ComplaintInput {
                account_id: w.account.to_string(),
                complainant_contact_id: w.contact.map(String::from),
                channel: ["email", "call", "email", "web", "meeting"][story.pick(i * 19, 5) as usize].into(),
                description: w.description,
                product: "RoofGuard 300 membrane".into(),
                component: "membrane seam".into(),
                lot: lot.0.into(),
                severity: severity.into(),
                category: "Product quality".into(),
                // The newest two are still being looked into: no root cause yet.
                root_cause_id: (left >= 2).then(|| lot.1.clone()),
                remedy_sought: ["Replacement membrane and labour", "Credit for the failed rolls", "Repair crew on site this week"][story.pick(i * 23, 3) as usize].into(),
                ..Default::default()
            };
            out.push(Seam { i, m, days_ago, severity, account: w.account, input });
            i += 1;
        }
    }
    out
}

/// Every complaint of the flood and the ordinary ones, to be created in date order.
pub(super) fn plans(story: &Story<'_>, cast: &Cast, roots: &Roots) -> Vec<Planned> {
    let mut out: Vec<Planned> = seams(story, cast, roots).into_iter().map(|s| Planned { key: format!("seam/{}", s.i), days_ago: s.days_ago, input: s.input }).collect();
    out.extend(others(cast, roots).into_iter().map(|o| Planned { key: o.key.into(), days_ago: o.days_ago, input: o.input }));
    out
}

pub(super) fn populate(cf: &mut CaseFile, story: &Story<'_>, cast: &Cast, roots: &Roots, ids: &Ids) -> Result<()> {
    for o in others(cast, roots) {
        let id = ids.get(o.key);
        advance(cf, story, id, &o.steps)?;
        if let Some((on, remedy_)) = o.remedy {
            remedy(cf, story, id, on, remedy_, "delivered", 5)?;
        }
    }
    let mut procedure_changed = false;
    let mut dunmore = None;
    for s in seams(story, cast, roots) {
        let (i, days_ago) = (s.i, s.days_ago);
        let id = ids.get(&format!("seam/{i}")).to_string();
        // Handling slows down as the volume rises.
        let slow = 1 + (s.m as i64) / 4;
        let offer_at = days_ago - 9 * slow;
        let resolve_at = days_ago - 21 * slow;
        let close_at = days_ago - 35 * slow;
        let unhappy = story.pick(i * 29, 6) == 0;
        let mut steps: Vec<(&str, i64, &str)> = vec![
            ("acknowledged", days_ago - if s.severity == "1" { 0 } else { 1 + slow }, "Acknowledged in writing."),
            ("investigating", days_ago - 3 * slow, "Site photos requested; sample sent to the lab."),
            ("remedy_offered", offer_at, "Remedy offered."),
            ("resolved", resolve_at, "Repair completed and roof tested."),
            ("closed", close_at, if unhappy { "Closed; customer not satisfied with the time it took." } else { "Closed; customer confirmed the roof is dry." }),
        ];
        steps.retain(|s| s.1 >= 0);
        advance(cf, story, &id, &steps)?;
        if offer_at >= 0 {
            let (kind, description, cost) = match story.pick(i * 31, 20) {
                0..=11 => ("credit", "Credit note against the next invoice", 800 + story.pick(i * 37, 37) * 50),
                12..=16 => ("replacement", "Replacement rolls from a non-Membratex lot, delivered to site", 2200 + story.pick(i * 37, 43) * 100),
                _ => ("repair", "Repair crew: two fitters for two days", 950 + story.pick(i * 37, 29) * 100),
            };
            let approved = if cost >= 3000 { &cast.boss } else if i % 2 == 0 { &cast.me } else { &cast.service_lead };
            let status = if resolve_at >= 0 { "delivered" } else if story.pick(i * 41, 2) == 0 { "accepted" } else { "offered" };
            if i == 9 {
                // The customer turned down the first offer.
                remedy(cf, story, &id, offer_at + 2, r("discount", "5% off the next order", "640.00", "EUR", &cast.me), "declined", 2)?;
            }
            remedy(cf, story, &id, offer_at, r(kind, description, &format!("{cost}.00"), "EUR", approved), status, (offer_at - resolve_at.max(0)).max(1))?;
            if !procedure_changed && days_ago < 140 && s.account == cast.account("kestrel") {
                procedure_changed = true;
                let description = "Incoming inspection: a seam peel test on every Membratex roll before it leaves the warehouse (test rig and 0.5 FTE for a quarter).";
                remedy(cf, story, &id, offer_at, r("procedure_change", description, "18500.00", "EUR", &cast.superior), "delivered", 20)?;
            }
        }
        if s.m == PER_MONTH.len() - 2 && dunmore.is_none() && s.account == cast.account("kestrel") {
            dunmore = Some((id.clone(), days_ago));
        }
        if i == 7 && close_at >= 12 {
            // Closed, then back: the same roof leaked again.
            advance(cf, story, &id, &[("reopened", close_at - 10, "The same seam leaked again after the repair.")])?;
        }
    }
    evidence(cf, story, cast, dunmore)
}

/// The calls, meetings and files around the flood, and the open decision about Membratex.
fn evidence(cf: &mut CaseFile, story: &Story<'_>, cast: &Cast, dunmore: Option<(String, i64)>) -> Result<()> {
    let kestrel = cast.account("kestrel");
    log(cf, story, 140, 14, Note {
        kind: "meeting",
        summary: "Karl Weber (Membratex) says the seams fail because installers use the wrong primer",
        details: "Meeting at our office. Karl offered no lab data. Lena showed him failures on roofs where the approved primer was used.",
        source: Some(&cast.supplier_contact),
        strength: "first_hand",
        disputed: true,
        account: kestrel,
        actor: Some(&cast.supplier_contact),
        ..Default::default()
    })?;
    log(cf, story, 75, 9, Note {
        kind: "call",
        summary: "Owen Gallagher: third leak this month; Kestrel will suspend orders if it happens again",
        source: Some(&cast.reps[0]),
        account: kestrel,
        ..Default::default()
    })?;
    log_day(cf, story, 70, Note {
        kind: "follow_up",
        summary: "Sent Owen the inspection schedule for every open site and asked for access dates",
        source: Some(&cast.me),
        strength: "written",
        account: kestrel,
        ..Default::default()
    })?;
    if let Some((complaint_id, days_ago)) = dunmore {
        story.at(days_ago.max(2) - 1, 9);
        mail::import_dunmore(cf, story, kestrel, &complaint_id, days_ago.max(2) - 1)?;
        attachments::add(cf, &Target::complaint(&complaint_id), "Peel test results lot 2307.pdf", mail::PEEL_TEST_PDF)?;
    }
    story.at(12, 16);
    let option = |label: &str, benefits: &str, risks: &str, contingency: &str| OptionInput { label: label.into(), benefits: benefits.into(), risks: risks.into(), contingency: contingency.into() };
    decisions::create(cf, &DecisionInput {
        title: "Keep Membratex, or go back to the previous membrane supplier?".into(),
        context: "Seam complaints have risen every month since the switch. Remedies for this root cause now cost more than the unit-price saving that justified the switch.".into(),
        options: vec![
            option("Go back to the previous supplier", "Ends the failures at the source; customers see a clear fix.", "About 9% higher unit cost; six weeks to requalify; Purchasing owns the supplier decision.", "If requalification slips, keep the peel test on all remaining Membratex stock."),
            option("Keep Membratex with a peel test on every roll", "No supplier change; the test catches most bad rolls.", "€18,500 a quarter; failures still slip through; customers keep waiting.", "If complaints do not fall within two months, bring option 1 back with the figures."),
            option("Keep Membratex and claim the costs back from them", "Recovers money without a switch.", "Karl Weber disputes the cause; a claim takes months and may fail.", "Keep the dated complaint record and lab reports ready for the claim."),
        ],
        escalate_to_id: Some(cast.superior.clone()),
        account_id: Some(kestrel.to_string()),
        ..Default::default()
    })?;
    Ok(())
}

fn r<'a>(kind: &'a str, description: &'a str, cost: &str, currency: &'a str, approved_by: &'a str) -> Remedy<'a> {
    Remedy { kind, description, cost: cost.into(), currency, approved_by }
}

/// A complaint with an ordinary cause: when it came, how it went, and what it cost.
struct Other<'a> {
    key: &'static str,
    days_ago: i64,
    input: ComplaintInput,
    steps: Vec<(&'static str, i64, &'static str)>,
    remedy: Option<(i64, Remedy<'a>)>,
}

fn others<'a>(cast: &'a Cast, roots: &Roots) -> Vec<Other<'a>> {
    let plain = |account: &str, contact: &str, description: &str, severity: &str, root: &str, product: &str| ComplaintInput {
        account_id: cast.account(account).to_string(),
        complainant_contact_id: cast.contact(contact).map(String::from),
        channel: "email".into(),
        description: description.into(),
        product: product.into(),
        severity: severity.into(),
        category: if root == roots.invoicing { "Invoicing".into() } else { "Delivery".into() },
        root_cause_id: Some(root.to_string()),
        ..Default::default()
    };
    let full = |d: i64| vec![("acknowledged", d - 1, ""), ("investigating", d - 3, ""), ("remedy_offered", d - 8, ""), ("resolved", d - 15, ""), ("closed", d - 20, "")];
    vec![
        Other {
            key: "harbor/spring",
            days_ago: 300,
            input: plain("harbor", "harbor/amelia", "Spring refurbishment materials arrived nine days late; two hotel wings stayed closed.", "2", &roots.late_delivery, "Interior fit-out kit"),
            steps: full(300),
            remedy: Some((292, r("discount", "10% off the autumn order", "1200.00", "EUR", &cast.me))),
        },
        Other {
            key: "nordlicht/price",
            days_ago: 210,
            input: plain("nordlicht", "nordlicht/greta", "Invoice 4471 charged list price instead of the framework price.", "3", &roots.invoicing, "Framework agreement"),
            steps: full(210)[..4].to_vec(),
            remedy: Some((202, r("credit", "Credit note for the price difference", "2340.00", "EUR", &cast.me))),
        },
        Other {
            key: "harbor/linen",
            days_ago: 150,
            input: plain("harbor", "harbor/amelia", "Linen order for the Bath hotel arrived a week late.", "3", &roots.late_delivery, "Linen"),
            steps: full(150),
            remedy: Some((142, r("goodwill", "Free express delivery on the next two orders", "350.00", "EUR", &cast.reps[1]))),
        },
        Other {
            key: "sato/price",
            days_ago: 95,
            input: plain("sato", "sato/haruki", "請求書の単価が契約と異なります (the unit price on invoice 2207 differs from the contract).", "3", &roots.invoicing, "Pump housings"),
            steps: full(95),
            remedy: Some((87, r("credit", "Credit note in yen for the difference", "45000", "JPY", &cast.me))),
        },
        Other {
            key: "meridian/depot",
            days_ago: 60,
            input: plain("meridian", "meridian/sofia", "Cold-store panels for the Valencia site delivered to the wrong depot.", "2", &roots.late_delivery, "Cold-store panels"),
            steps: vec![("acknowledged", 59, ""), ("investigating", 57, "Carrier asked for the delivery log.")],
            remedy: None,
        },
        Other {
            key: "nordlicht/double",
            days_ago: 3,
            input: plain("nordlicht", "nordlicht/jonas", "Fleet maintenance invoice lists two services twice.", "4", &roots.invoicing, "Fleet service"),
            steps: Vec::new(),
            remedy: None,
        },
    ]
}
