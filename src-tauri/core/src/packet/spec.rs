//! What the user asks a packet to cover, as typed in the builder or on the command line,
//! checked once here into a [`PacketSpec`] that the rest of the packet trusts.
//!
//! The instant of generation is part of the spec, passed in by the caller: the packet never
//! reads a clock, so the same case file and the same spec always give the same PDF.

use crate::accounts::{self, Account};
use crate::error::{Error, Result};
use crate::model::word_enum;
use crate::people::{self, Person};
use crate::settings::{self, Settings};
use crate::{text, when};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

word_enum!(
    /// The parts of a packet a user can leave out. The cover, the contents and the
    /// integrity page are always there: without them it is not a packet.
    Section {
        Summary = "summary": "Executive summary",
        Promises = "promises": "Broken and overdue promises",
        Chronology = "chronology": "Chronology",
        Complaints = "complaints": "Complaints and remedies",
        Decisions = "decisions": "Decisions",
        Charts = "charts": "Charts",
        Exhibits = "exhibits": "Exhibit index",
    }
);

/// The confidentiality line when the user leaves it blank.
pub const DEFAULT_CONFIDENTIALITY: &str = "Confidential — for the named recipient only";

/// What the builder screen or the command line sends. Dates are text, parsed here, so a
/// malformed one comes back as a validation error naming its field.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PacketInput {
    /// The customers; empty means every customer.
    pub account_ids: Vec<String>,
    /// Only the promises this person made, and what is about them.
    pub person_id: Option<String>,
    /// First and last day of the period, inclusive; blank for open-ended.
    pub from: String,
    pub to: String,
    /// Section words (see [`Section`]); `None` means all of them.
    pub sections: Option<Vec<String>>,
    pub recipient_name: String,
    pub recipient_title: String,
    /// Blank means "your name" from the settings.
    pub prepared_by: String,
    /// Blank means [`DEFAULT_CONFIDENTIALITY`].
    pub confidentiality: String,
    /// "a4" or "letter"; blank means the settings' paper.
    pub paper: String,
}

/// A checked request: everything a packet needs besides the case file itself.
#[derive(Debug, Clone)]
pub struct PacketSpec {
    /// Empty means every customer.
    pub accounts: Vec<Account>,
    pub promiser: Option<Person>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// In the order they appear in the packet.
    pub sections: Vec<Section>,
    pub recipient_name: String,
    pub recipient_title: String,
    pub prepared_by: String,
    pub confidentiality: String,
    pub paper: super::layout::Paper,
    pub settings: Settings,
    /// When the packet is made, and the local day that decides what is overdue.
    pub generated_at: DateTime<Utc>,
    pub today: NaiveDate,
    /// Which case file it was made from, as the integrity page names it.
    pub source_file: String,
}

impl PacketSpec {
    pub fn has(&self, section: Section) -> bool {
        self.sections.contains(&section)
    }

    /// The customers' ids, or `None` for every customer.
    pub fn account_ids(&self) -> Option<Vec<String>> {
        (!self.accounts.is_empty()).then(|| self.accounts.iter().map(|a| a.id.clone()).collect())
    }
}

/// Check what was typed. `now` and `today` come from the case file's clock.
pub fn check(conn: &Connection, input: &PacketInput, now: DateTime<Utc>, today: NaiveDate, source_file: &str) -> Result<PacketSpec> {
    let settings = settings::get(conn)?;
    let mut accounts = Vec::new();
    for id in input.account_ids.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if accounts.iter().any(|a: &Account| a.id == id) {
            continue;
        }
        let account = accounts::get(conn, id).map_err(|_| Error::validation("account_ids", "One of the chosen customers is no longer in this case file."))?;
        accounts.push(account);
    }
    let promiser = match input.person_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => Some(people::get(conn, id).map_err(|_| Error::validation("person_id", "That person is not in this case file."))?),
        None => None,
    };
    let from = when::parse_optional_date("from", &input.from)?;
    let to = when::parse_optional_date("to", &input.to)?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(Error::validation("to", "The period ends before it starts."));
        }
    }
    let sections = match &input.sections {
        None => Section::ALL.to_vec(),
        Some(words) => {
            let mut chosen = Vec::new();
            for w in words.iter().filter(|w| !w.trim().is_empty()) {
                chosen.push(Section::parse("sections", w)?);
            }
            if chosen.is_empty() {
                return Err(Error::validation("sections", "Choose at least one section."));
            }
            Section::ALL.iter().copied().filter(|s| chosen.contains(s)).collect()
        }
    };
    let prepared_by = text::line("prepared_by", "Prepared by", &input.prepared_by)?;
    let confidentiality = text::line("confidentiality", "The confidentiality line", &input.confidentiality)?;
    let paper = match input.paper.trim() {
        "" => settings.paper.as_str(),
        other => other,
    };
    let paper = match paper {
        "a4" | "A4" => super::layout::Paper::A4,
        "letter" | "Letter" => super::layout::Paper::Letter,
        _ => return Err(Error::validation("paper", "Choose A4 or US Letter.")),
    };
    Ok(PacketSpec {
        accounts,
        promiser,
        from,
        to,
        sections,
        recipient_name: text::line("recipient_name", "The recipient's name", &input.recipient_name)?,
        recipient_title: text::line("recipient_title", "The recipient's title", &input.recipient_title)?,
        prepared_by: if prepared_by.is_empty() { settings.your_name.clone() } else { prepared_by },
        confidentiality: if confidentiality.is_empty() { DEFAULT_CONFIDENTIALITY.to_string() } else { confidentiality },
        paper,
        settings,
        generated_at: now,
        today,
        source_file: source_file.to_string(),
    })
}
