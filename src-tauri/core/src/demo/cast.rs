//! The demo's people, customers and their contacts: who everyone is, before anything happens.

use super::Story;
use crate::accounts::{self, AccountInput};
use crate::contacts::{self, ContactInput};
use crate::db::CaseFile;
use crate::error::Result;
use crate::people::{self, PersonInput};
use crate::settings::{self, Settings};
use crate::transfers::{self, TransferInput};
use std::collections::BTreeMap;

/// Everyone in the demo, by the short names the rest of the demo uses.
pub struct Cast {
    pub me: String,
    /// Rolf Brandt, VP Commercial: the boss who says "yes" (situation 1).
    pub boss: String,
    /// Margaret Okafor, Managing Director: the boss's superior.
    pub superior: String,
    pub reps: Vec<String>,
    pub service_lead: String,
    pub supplier_contact: String,
    /// Account ids by short key: nordlicht, harbor, kestrel, krovlya, alder, meridian, brightwater, sato, hellas.
    pub accounts: BTreeMap<&'static str, String>,
    /// Contact ids by "account key/first name", e.g. "nordlicht/greta".
    pub contacts: BTreeMap<String, String>,
}

impl Cast {
    pub fn account(&self, key: &str) -> &str {
        self.accounts.get(key).map(String::as_str).unwrap_or_default()
    }
    pub fn contact(&self, key: &str) -> Option<&str> {
        self.contacts.get(key).map(String::as_str)
    }
}

struct Customer {
    key: &'static str,
    name: &'static str,
    segment: &'static str,
    value: &'static str,
    currency: &'static str,
    rep: usize,
    contacts: &'static [(&'static str, &'static str, &'static str, &'static str)],
    notes: &'static str,
}

const CUSTOMERS: &[Customer] = &[
    Customer { key: "nordlicht", name: "Nordlicht Logistik GmbH", segment: "Logistics", value: "480000", currency: "EUR", rep: 0,
        contacts: &[("greta", "Greta Lindqvist", "Head of Procurement", "g.lindqvist@nordlicht.example"), ("jonas", "Jonas Reuter", "Fleet Manager", "j.reuter@nordlicht.example")],
        notes: "Largest logistics account. Rolf handles the relationship with their CEO personally." },
    Customer { key: "harbor", name: "Harbor & Vine Hotels", segment: "Hospitality", value: "215000", currency: "EUR", rep: 1,
        contacts: &[("amelia", "Amelia Price", "Operations Director", "amelia.price@harborvine.example")],
        notes: "Renewal due in spring; sensitive to delivery dates." },
    Customer { key: "kestrel", name: "Kestrel Roofing Ltd", segment: "Construction", value: "320000", currency: "EUR", rep: 0,
        contacts: &[("owen", "Owen Gallagher", "Site Director", "owen@kestrelroofing.example"), ("fiona", "Fiona Hart", "Quality Manager", "f.hart@kestrelroofing.example")],
        notes: "Most affected by the membrane seam failures since the switch to Membratex." },
    Customer { key: "krovlya", name: "Кровля-Сервис ООО", segment: "Construction", value: "150000", currency: "EUR", rep: 1,
        contacts: &[("irina", "Ирина Соколова", "Главный инженер", "sokolova@krovlya.example")],
        notes: "Roofing contractor, Saint Petersburg. Second-largest source of seam complaints." },
    Customer { key: "alder", name: "Alder Health Clinics", segment: "Healthcare", value: "190000", currency: "EUR", rep: 2,
        contacts: &[("marcus", "Dr. Marcus Bell", "Chief Operating Officer", "m.bell@alderhealth.example")],
        notes: "Neglected for a year before Dana took it over; management has since ordered no direct contact." },
    Customer { key: "meridian", name: "Meridian Foods", segment: "Food & beverage", value: "260000", currency: "EUR", rep: 2,
        contacts: &[("sofia", "Sofia Marín", "Supply Chain Lead", "s.marin@meridianfoods.example"), ("li", "Li Wei", "Buyer", "li.wei@meridianfoods.example")],
        notes: "Many small commitments across teams; a good place to practise renegotiating dates honestly." },
    Customer { key: "brightwater", name: "Brightwater Utilities", segment: "Utilities", value: "410000", currency: "EUR", rep: 1,
        contacts: &[("derek", "Derek Maddox", "Procurement Manager", "d.maddox@brightwater.example")],
        notes: "Became hostile after the March outage. One communicator only." },
    Customer { key: "sato", name: "Sato Seisakusho K.K.", segment: "Manufacturing", value: "36000000", currency: "JPY", rep: 0,
        contacts: &[("haruki", "Haruki Sato", "Purchasing Director", "h.sato@sato-ss.example")],
        notes: "Pays in yen. Quiet account: no open issues." },
    Customer { key: "hellas", name: "Ελληνικά Δομικά Α.Ε.", segment: "Construction", value: "95000", currency: "EUR", rep: 2,
        contacts: &[("nikos", "Νίκος Παπαδόπουλος", "Technical Manager", "n.papadopoulos@hellasdomika.example")],
        notes: "New account in Athens; two seam complaints in the autumn." },
];

pub(super) fn populate(cf: &mut CaseFile, story: &Story<'_>) -> Result<Cast> {
    story.at(400, 9);
    settings::save(cf, Settings { your_name: "Dana Whitfield".into(), currency: "EUR".into(), is_demo: true, ..Default::default() })?;
    let person = |cf: &mut CaseFile, name: &str, role: &str, manager: Option<&String>, is_me: bool| -> Result<String> {
        let input = PersonInput {
            name: name.into(),
            side: "internal".into(),
            role: role.into(),
            organisation: "Aquila Building Systems".into(),
            email: format!("{}@aquila.example", name.split(' ').next().unwrap_or(name).to_lowercase()),
            manager_id: manager.cloned(),
            is_me,
            ..Default::default()
        };
        Ok(people::create(cf, &input)?.id)
    };
    let superior = person(cf, "Margaret Okafor", "Managing Director", None, false)?;
    let boss = person(cf, "Rolf Brandt", "VP Commercial", Some(&superior), false)?;
    let me = person(cf, "Dana Whitfield", "Director of Sales & Service", Some(&boss), true)?;
    let reps = vec![
        person(cf, "Priya Raman", "Key Account Manager", Some(&me), false)?,
        person(cf, "Tomás Ortega", "Account Manager", Some(&me), false)?,
        person(cf, "Zoë Adeyemi", "Account Manager", Some(&me), false)?,
    ];
    let service_lead = person(cf, "Lena Fischer", "Customer Service Lead", Some(&me), false)?;
    person(cf, "Sven Holm", "HR Business Partner", Some(&superior), false)?;
    let supplier_contact = people::create(
        cf,
        &PersonInput {
            name: "Karl Weber".into(),
            side: "external".into(),
            role: "Key Account Manager".into(),
            organisation: "Membratex (membrane supplier)".into(),
            email: "k.weber@membratex.example".into(),
            ..Default::default()
        },
    )?
    .id;

    let mut accounts_by_key = std::collections::BTreeMap::new();
    let mut contacts_by_key = std::collections::BTreeMap::new();
    for (i, c) in CUSTOMERS.iter().enumerate() {
        story.at(390 - i as i64, 10);
        let account = accounts::create(
            cf,
            &AccountInput {
                name: c.name.into(),
                segment: c.segment.into(),
                annual_value: c.value.into(),
                annual_value_currency: c.currency.into(),
                communicator_id: Some(reps[c.rep].clone()),
                notes: c.notes.into(),
                ..Default::default()
            },
        )?;
        for (short, name, title, email) in c.contacts {
            let contact = contacts::create(cf, &account.id, &ContactInput { name: (*name).into(), title: (*title).into(), email: (*email).into(), ..Default::default() })?;
            contacts_by_key.insert(format!("{}/{short}", c.key), contact.id);
        }
        accounts_by_key.insert(c.key, account.id);
    }

    // Situation 5: after the hostile call in March, Brightwater moves to Priya as its one voice.
    let brightwater = accounts_by_key.get("brightwater").cloned().unwrap_or_default();
    story.at(240, 15);
    transfers::transfer(
        cf,
        &brightwater,
        &TransferInput {
            to_person_id: reps[0].clone(),
            transferred_on: story.day(-240),
            reason: "After the outage call turned hostile, one senior communicator only: Priya speaks for us, nobody else calls them.".into(),
        },
    )?;
    // Situation 3: Dana takes over Alder Health herself after a year of neglect.
    let alder = accounts_by_key.get("alder").cloned().unwrap_or_default();
    story.at(200, 11);
    transfers::transfer(
        cf,
        &alder,
        &TransferInput { to_person_id: me.clone(), transferred_on: story.day(-200), reason: "Account neglected for a year; Dana takes it over personally.".into() },
    )?;

    Ok(Cast { me, boss, superior, reps, service_lead, supplier_contact, accounts: accounts_by_key, contacts: contacts_by_key })
}
