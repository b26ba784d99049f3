//! Dates and times as the case file stores them.
//!
//! * Instants (recorded_at, exact occurred times) are UTC text with a `Z`, so they sort as text.
//! * Calendar dates (due dates) are plain `YYYY-MM-DD`.
//! * "When it happened" keeps the precision the user actually knows: an exact time, a day,
//!   a month, or an approximate day. The stored text has exactly that much detail
//!   (`2026-03-04T09:15:00Z`, `2026-03-04`, `2026-03`), so nothing pretends to be more
//!   precise than the evidence, and the forms still sort together in time order.

use crate::error::{Error, Result};
use crate::model::Precision;
use chrono::{DateTime, Datelike, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// The stored form of an instant.
pub fn instant(dt: DateTime<Utc>) -> String {
    dt.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Parse a calendar date typed or picked by the user.
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Error::validation(field, "A date is required."));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| {
        Error::validation(field, format!("\"{}\" is not a date. Use the form 2026-03-31.", crate::text::clip(t, 30)))
    })
}

pub fn parse_optional_date(field: &str, text: &str) -> Result<Option<NaiveDate>> {
    if text.trim().is_empty() { Ok(None) } else { parse_date(field, text).map(Some) }
}

/// Parse a stored instant back.
pub fn parse_instant(field: &str, text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|d| d.with_timezone(&Utc))
        .map_err(|_| Error::validation(field, format!("\"{}\" is not a date and time.", crate::text::clip(text, 30))))
}

/// Turn what the user typed for "when it happened" into its stored form.
///
/// Exact times are taken as local time unless they carry an offset; they are stored in UTC.
pub fn parse_moment(field: &str, text: &str, precision: Precision) -> Result<String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Error::validation(field, "When it happened is required."));
    }
    let bad = |hint: &str| Error::validation(field, format!("\"{}\" is not {hint}", crate::text::clip(t, 30)));
    match precision {
        Precision::Exact => parse_exact(t).map(instant).ok_or_else(|| bad("a date and time. Use the form 2026-03-31 14:30.")),
        Precision::Day => parse_date(field, first_day_part(t)).map(date),
        Precision::Month => {
            let d = NaiveDate::parse_from_str(&format!("{}-01", t.get(..7).unwrap_or(t)), "%Y-%m-%d")
                .map_err(|_| bad("a month. Use the form 2026-03."))?;
            Ok(format!("{:04}-{:02}", d.year(), d.month()))
        }
        Precision::Approximate => {
            if t.len() == 7 {
                parse_moment(field, t, Precision::Month)
            } else {
                parse_date(field, first_day_part(t)).map(date)
            }
        }
    }
}

fn first_day_part(t: &str) -> &str {
    t.get(..10).filter(|_| t.len() > 10 && (t.as_bytes()[10] == b'T' || t.as_bytes()[10] == b' ')).unwrap_or(t)
}

fn parse_exact(t: &str) -> Option<DateTime<Utc>> {
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Some(d.with_timezone(&Utc));
    }
    for fmt in ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(t, fmt) {
            return Local.from_local_datetime(&naive).earliest().map(|d| d.with_timezone(&Utc));
        }
    }
    None
}

/// The first calendar day a stored moment can mean (the 1st for a month), for ordering rules
/// such as "not kept before it was made".
pub fn moment_day(stored: &str) -> Option<NaiveDate> {
    match stored.len() {
        7 => NaiveDate::parse_from_str(&format!("{stored}-01"), "%Y-%m-%d").ok(),
        10 => NaiveDate::parse_from_str(stored, "%Y-%m-%d").ok(),
        _ => DateTime::parse_from_rfc3339(stored).ok().map(|d| d.with_timezone(&Local).date_naive()),
    }
}

/// A stored moment for display in plain words, honest about its precision.
pub fn describe_moment(stored: &str, precision: Precision) -> String {
    match precision {
        Precision::Exact => DateTime::parse_from_rfc3339(stored)
            .map(|d| d.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_else(|_| stored.to_string()),
        Precision::Day => stored.to_string(),
        Precision::Month => moment_day(stored).map(|d| d.format("%B %Y").to_string()).unwrap_or_else(|| stored.to_string()),
        Precision::Approximate => format!("c. {stored}"),
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_keep_their_precision() {
        assert_eq!(parse_moment("at", "2026-03-04", Precision::Day).unwrap(), "2026-03-04");
        assert_eq!(parse_moment("at", "2026-03", Precision::Month).unwrap(), "2026-03");
        assert_eq!(parse_moment("at", "2026-03-04T09:15:00+01:00", Precision::Exact).unwrap(), "2026-03-04T08:15:00Z");
        assert_eq!(parse_moment("at", "2026-03-04T10:00", Precision::Day).unwrap(), "2026-03-04");
        assert_eq!(parse_moment("at", "2026-03", Precision::Approximate).unwrap(), "2026-03");
    }

    #[test]
    fn bad_moments_name_the_field() {
        for (t, p) in [("yesterday", Precision::Exact), ("2026-13-01", Precision::Day), ("2026-02-30", Precision::Day), ("", Precision::Day), ("2026-x", Precision::Month)] {
            assert_eq!(parse_moment("occurred_at", t, p).unwrap_err().field(), Some("occurred_at"), "{t}");
        }
    }

    #[test]
    fn stored_forms_sort_in_time_order() {
        let mut v = vec!["2026-03-04T08:15:00Z", "2026-03", "2026-02-28", "2026-03-04"];
        v.sort();
        assert_eq!(v, vec!["2026-02-28", "2026-03", "2026-03-04", "2026-03-04T08:15:00Z"]);
    }

    #[test]
    fn moment_day_of_each_form() {
        assert_eq!(moment_day("2026-03"), NaiveDate::from_ymd_opt(2026, 3, 1));
        assert_eq!(moment_day("2026-03-04"), NaiveDate::from_ymd_opt(2026, 3, 4));
        assert!(moment_day("nonsense").is_none());
    }
}
