//! Dates as a printed packet shows them: in the format chosen in settings (2026-03-31,
//! 31/03/2026 or 03/31/2026), times in local time, and a moment only as precise as it was
//! recorded ("March 2026", "c. 2026-03-04"), so the page never claims more than the evidence.

use crate::model::Precision;
use chrono::{DateTime, Local, NaiveDate, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    Iso,
    DayMonthYear,
    MonthDayYear,
}

impl DateStyle {
    /// From the settings word ("iso", "dmy", "mdy"); anything else reads as ISO.
    pub fn from_setting(word: &str) -> DateStyle {
        match word {
            "dmy" => DateStyle::DayMonthYear,
            "mdy" => DateStyle::MonthDayYear,
            _ => DateStyle::Iso,
        }
    }

    pub fn date(self, d: NaiveDate) -> String {
        let f = match self {
            DateStyle::Iso => "%Y-%m-%d",
            DateStyle::DayMonthYear => "%d/%m/%Y",
            DateStyle::MonthDayYear => "%m/%d/%Y",
        };
        d.format(f).to_string()
    }

    /// A stored calendar date ("2026-03-31"); text that is not one is shown as it is.
    pub fn day(self, stored: &str) -> String {
        match NaiveDate::parse_from_str(stored, "%Y-%m-%d") {
            Ok(d) => self.date(d),
            Err(_) => stored.to_string(),
        }
    }

    /// An optional stored date, with a dash for none.
    pub fn day_or_dash(self, stored: Option<&str>) -> String {
        stored.map(|s| self.day(s)).unwrap_or_else(|| "—".into())
    }

    /// A stored instant as (local date, local time "14:02").
    pub fn instant_parts(self, stored: &str) -> (String, String) {
        match DateTime::parse_from_rfc3339(stored) {
            Ok(t) => {
                let local = t.with_timezone(&Local);
                (self.date(local.date_naive()), local.format("%H:%M").to_string())
            }
            Err(_) => (stored.to_string(), String::new()),
        }
    }

    /// A stored instant as "2026-03-31 14:02" in local time.
    pub fn instant(self, stored: &str) -> String {
        let (d, t) = self.instant_parts(stored);
        if t.is_empty() { d } else { format!("{d} {t}") }
    }

    /// An instant with its UTC offset, for the integrity page: "2026-03-31 16:02 (UTC+02:00)".
    pub fn instant_with_zone(self, t: DateTime<Utc>) -> String {
        let local = t.with_timezone(&Local);
        format!("{} {} (UTC{})", self.date(local.date_naive()), local.format("%H:%M:%S"), local.format("%:z"))
    }

    /// A moment kept at its precision: (what to print, how precise it is) — e.g.
    /// ("2026-03-04", "09:15") for an exact time, ("March 2026", "month known").
    pub fn moment(self, stored: &str, precision: Precision) -> (String, String) {
        match precision {
            Precision::Exact if stored.len() > 10 => self.instant_parts(stored),
            Precision::Exact | Precision::Day => match stored.len() {
                7 => (month(stored), "month known".into()),
                _ => (self.day(stored.get(..10).unwrap_or(stored)), "day known".into()),
            },
            Precision::Month => (month(stored), "month known".into()),
            Precision::Approximate => match stored.len() {
                7 => (format!("c. {}", month(stored)), "approximate".into()),
                _ => (self.day(stored.get(..10).unwrap_or(stored)), "approximate".into()),
            },
        }
    }

    /// A moment on one line: "2026-03-04 09:15", "March 2026", "c. 2026-03-04".
    pub fn moment_line(self, stored: &str, precision: Precision) -> String {
        let (date, note) = self.moment(stored, precision);
        match precision {
            Precision::Exact if stored.len() > 10 => format!("{date} {note}"),
            Precision::Approximate if !date.starts_with("c. ") => format!("c. {date}"),
            _ => date,
        }
    }
}

/// "2026-03" as "March 2026": months are written in words whatever the date format, which
/// no reader can misread.
pub fn month(stored: &str) -> String {
    NaiveDate::parse_from_str(&format!("{}-01", stored.get(..7).unwrap_or(stored)), "%Y-%m-%d")
        .map(|d| d.format("%B %Y").to_string())
        .unwrap_or_else(|_| stored.to_string())
}

/// "2026-03" as "Mar 2026", for chart axes.
pub fn short_month(stored: &str) -> String {
    NaiveDate::parse_from_str(&format!("{}-01", stored.get(..7).unwrap_or(stored)), "%Y-%m-%d")
        .map(|d| d.format("%b %Y").to_string())
        .unwrap_or_else(|_| stored.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;

    #[test]
    fn dates_follow_the_setting_and_moments_keep_their_precision() {
        let d = day(2026, 3, 31);
        assert_eq!(DateStyle::from_setting("iso").date(d), "2026-03-31");
        assert_eq!(DateStyle::from_setting("dmy").date(d), "31/03/2026");
        assert_eq!(DateStyle::from_setting("mdy").date(d), "03/31/2026");
        let s = DateStyle::DayMonthYear;
        assert_eq!(s.day("2026-03-04"), "04/03/2026");
        assert_eq!(s.moment("2026-03", Precision::Month), ("March 2026".into(), "month known".into()));
        assert_eq!(s.moment_line("2026-03-04", Precision::Approximate), "c. 04/03/2026");
        assert_eq!(s.moment_line("2026-03-04", Precision::Day), "04/03/2026");
        assert_eq!(short_month("2026-11"), "Nov 2026");
        assert_eq!(s.day("not a date"), "not a date");
    }
}
