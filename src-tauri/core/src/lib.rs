//! The Casefile core: the case file's model, storage, validation and every rule.
//!
//! It knows nothing of Tauri. Everything a user can do is a function here that a test can
//! call on an in-memory case file; the desktop shell only adapts these to IPC commands.

pub mod accounts;
pub mod chain;
pub mod cli;
pub mod clock;
pub mod contacts;
pub mod db;
pub mod demo;
pub mod error;
pub mod events;
pub mod hash;
pub mod model;
pub mod money;
pub mod packet;
pub mod people;
pub mod settings;
pub mod text;
pub mod transfers;
pub mod when;
pub mod promises;
pub mod lost_revenue;
pub mod attachments;
pub mod complaints;
pub mod decisions;
pub mod email;
pub mod remedies;
pub mod root_causes;
pub mod timeline;
pub mod intake;
pub mod exchange;
pub mod briefing;
pub mod talking_points;
pub mod dashboard;
pub mod search;
pub mod reminders;

#[cfg(test)]
pub(crate) mod testing;

pub use chrono;
pub use db::{CaseFile, OpenOptions, Tx};
pub use error::{Error, Result};
pub mod redact;
pub mod backup;
pub mod passphrase;
pub mod damage;

#[cfg(test)]
mod query_plans;
