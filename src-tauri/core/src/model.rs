//! The small closed vocabularies of the domain (channels, precisions, statuses ...).
//!
//! Each is stored as a lowercase word in SQLite, sent as the same word over IPC and in the
//! export format, and parsed back with a message that lists the accepted words.

use crate::error::{Error, Result};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

/// Declares a string-backed enum with its words, its user-facing labels, SQL conversion and parsing.
macro_rules! word_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal : $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Parse the stored word; `field` names the input in the error.
            pub fn parse(field: &str, text: &str) -> Result<Self> {
                match text.trim() {
                    $($word => Ok($name::$variant),)+
                    other => Err(Error::validation(field, format!(
                        "\"{}\" is not one of: {}.",
                        crate::text::clip(other, 40),
                        [$($word),+].join(", ")
                    ))),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::parse("", text).map_err(|e| FromSqlError::Other(Box::new(e)))
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use word_enum;

word_enum!(
    /// How exactly we know when something happened.
    Precision {
        Exact = "exact": "Exact time",
        Day = "day": "Day",
        Month = "month": "Month",
        Approximate = "approximate": "Approximate",
    }
);

word_enum!(
    /// How a promise was made or a follow-up sent.
    Channel {
        Call = "call": "Call",
        Meeting = "meeting": "Meeting",
        Email = "email": "Email",
        Chat = "chat": "Chat",
        InPerson = "in_person": "In person",
    }
);

word_enum!(
    /// Which side of the company a person sits on.
    Side {
        Internal = "internal": "Internal",
        External = "external": "External",
    }
);

word_enum!(
    PromiseStatus {
        Open = "open": "Open",
        Kept = "kept": "Kept",
        Broken = "broken": "Broken",
        Withdrawn = "withdrawn": "Withdrawn",
    }
);

word_enum!(
    ComplaintStatus {
        Received = "received": "Received",
        Acknowledged = "acknowledged": "Acknowledged",
        Investigating = "investigating": "Investigating",
        RemedyOffered = "remedy_offered": "Remedy offered",
        Resolved = "resolved": "Resolved",
        Closed = "closed": "Closed",
        Reopened = "reopened": "Reopened",
    }
);

word_enum!(
    ComplaintChannel {
        Call = "call": "Call",
        Meeting = "meeting": "Meeting",
        Email = "email": "Email",
        Chat = "chat": "Chat",
        InPerson = "in_person": "In person",
        Letter = "letter": "Letter",
        Web = "web": "Web form",
    }
);

word_enum!(
    RemedyKind {
        Credit = "credit": "Credit",
        Refund = "refund": "Refund",
        Replacement = "replacement": "Replacement",
        Repair = "repair": "Repair",
        Discount = "discount": "Discount",
        Goodwill = "goodwill": "Goodwill",
        ProcedureChange = "procedure_change": "Procedure change",
    }
);

word_enum!(
    RemedyStatus {
        Offered = "offered": "Offered",
        Accepted = "accepted": "Accepted",
        Delivered = "delivered": "Delivered",
        Declined = "declined": "Declined",
    }
);

word_enum!(
    Certainty {
        Confirmed = "confirmed": "Confirmed",
        Estimated = "estimated": "Estimated",
    }
);

word_enum!(
    EventKind {
        Call = "call": "Call",
        Meeting = "meeting": "Meeting",
        Email = "email": "Email",
        Note = "note": "Note",
        FollowUp = "follow_up": "Follow-up",
        Decision = "decision": "Decision",
        HostileIncident = "hostile_incident": "Hostile incident",
        AccountTransfer = "account_transfer": "Account transfer",
        StatusChange = "status_change": "Status change",
    }
);

word_enum!(
    /// How strong a piece of evidence is.
    Strength {
        Written = "written": "Written",
        FirstHand = "first_hand": "First-hand verbal",
        SecondHand = "second_hand": "Second-hand",
    }
);

word_enum!(
    FollowUpKind {
        Confirmation = "confirmation": "Written confirmation",
        FollowUp = "follow_up": "Follow-up",
    }
);

/// One page of a longer list. Lists are paged so the window never draws thousands of rows.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub offset: u64,
    pub limit: u64,
}

/// The most rows any list returns at once.
pub const MAX_PAGE: u64 = 200;

/// Clamp a requested page size to something the window can draw quickly.
pub fn page_limit(requested: Option<u64>) -> u64 {
    requested.unwrap_or(50).clamp(1, MAX_PAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_bad_words_name_the_choices() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse("channel", c.as_str()).unwrap(), *c);
        }
        let err = Channel::parse("channel", "pigeon").unwrap_err();
        assert_eq!(err.field(), Some("channel"));
        assert!(err.to_string().contains("call, meeting, email, chat, in_person"));
    }

    #[test]
    fn serde_uses_the_same_words() {
        assert_eq!(serde_json::to_string(&Strength::FirstHand).unwrap(), "\"first_hand\"");
        assert_eq!(serde_json::from_str::<EventKind>("\"hostile_incident\"").unwrap(), EventKind::HostileIncident);
    }
}
