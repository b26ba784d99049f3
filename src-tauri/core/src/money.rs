//! Money as an integer number of minor units plus an ISO 4217 code, never a float.
//!
//! Amounts arrive as text typed by a person ("1,250.50", "12 000", "¥3000"), so parsing
//! is strict about what it accepts: the currency's own number of decimals, no negatives.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: String,
}

/// (code, minor units, symbol written before the amount). The symbol is empty where the
/// code itself is the clearest way to write it.
const CURRENCIES: &[(&str, u32, &str)] = &[
    ("AED", 2, ""), ("ARS", 2, ""), ("AUD", 2, "A$"), ("BGN", 2, ""), ("BHD", 3, ""),
    ("BRL", 2, "R$"), ("CAD", 2, "CA$"), ("CHF", 2, ""), ("CLP", 0, ""), ("CNY", 2, "CN¥"),
    ("COP", 2, ""), ("CZK", 2, ""), ("DKK", 2, ""), ("EGP", 2, ""), ("EUR", 2, "€"),
    ("GBP", 2, "£"), ("HKD", 2, "HK$"), ("HUF", 2, ""), ("IDR", 2, ""), ("ILS", 2, "₪"),
    ("INR", 2, "₹"), ("IQD", 3, ""), ("ISK", 0, ""), ("JOD", 3, ""), ("JPY", 0, "¥"),
    ("KES", 2, ""), ("KRW", 0, "₩"), ("KWD", 3, ""), ("LYD", 3, ""), ("MAD", 2, ""),
    ("MXN", 2, "MX$"), ("MYR", 2, ""), ("NGN", 2, ""), ("NOK", 2, ""), ("NZD", 2, "NZ$"),
    ("OMR", 3, ""), ("PEN", 2, ""), ("PHP", 2, ""), ("PKR", 2, ""), ("PLN", 2, ""),
    ("QAR", 2, ""), ("RON", 2, ""), ("RSD", 2, ""), ("SAR", 2, ""), ("SEK", 2, ""),
    ("SGD", 2, "S$"), ("THB", 2, ""), ("TND", 3, ""), ("TRY", 2, ""), ("TWD", 2, "NT$"),
    ("UAH", 2, ""), ("USD", 2, "$"), ("VND", 0, "₫"), ("ZAR", 2, ""),
];

/// The currency codes Casefile knows, for pickers.
pub fn currency_codes() -> Vec<&'static str> {
    CURRENCIES.iter().map(|c| c.0).collect()
}

fn lookup(code: &str) -> Option<&'static (&'static str, u32, &'static str)> {
    CURRENCIES.iter().find(|c| c.0 == code)
}

/// Check a currency code, returning it in canonical upper case.
pub fn currency(field: &str, code: &str) -> Result<String> {
    let c = code.trim().to_ascii_uppercase();
    match lookup(&c) {
        Some(_) => Ok(c),
        None if c.is_empty() => Err(Error::validation(field, "Choose a currency.")),
        None => Err(Error::validation(
            field,
            format!("\"{}\" is not a currency Casefile knows. Use an ISO 4217 code such as EUR, USD or GBP.", crate::text::clip(code, 12)),
        )),
    }
}

pub fn minor_units(code: &str) -> u32 {
    lookup(code).map(|c| c.1).unwrap_or(2)
}

impl Money {
    /// Parse a typed amount such as "1,250.50" in the given currency.
    pub fn parse(field: &str, amount: &str, currency_code: &str) -> Result<Money> {
        // The UI shows a bad currency next to its own picker, named after the amount field.
        let currency = currency(&format!("{field}_currency"), currency_code)?;
        let minor = parse_minor(field, amount, minor_units(&currency))?;
        Ok(Money { minor, currency })
    }

    /// An optional amount: blank text means "not given".
    pub fn parse_optional(field: &str, amount: &str, currency_code: &str) -> Result<Option<Money>> {
        if amount.trim().is_empty() {
            Ok(None)
        } else {
            Money::parse(field, amount, currency_code).map(Some)
        }
    }

    pub fn zero(currency: &str) -> Money {
        Money { minor: 0, currency: currency.to_string() }
    }

    /// "€1,250.50", "¥3,000", "1,250.500 KWD"
    pub fn format(&self) -> String {
        format_minor(self.minor, &self.currency)
    }

    /// The plain number as a person would type it back in: "1250.50".
    pub fn to_input(&self) -> String {
        let units = minor_units(&self.currency);
        let (whole, frac) = split(self.minor.unsigned_abs(), units);
        let sign = if self.minor < 0 { "-" } else { "" };
        if units == 0 { format!("{sign}{whole}") } else { format!("{sign}{whole}.{frac:0width$}", width = units as usize) }
    }
}

pub fn format_minor(minor: i64, currency: &str) -> String {
    let units = minor_units(currency);
    let (whole, frac) = split(minor.unsigned_abs(), units);
    let whole = crate::text::group(whole as usize);
    let number = if units == 0 { whole } else { format!("{whole}.{frac:0width$}", width = units as usize) };
    let sign = if minor < 0 { "−" } else { "" };
    match lookup(currency) {
        Some((_, _, sym)) if !sym.is_empty() => format!("{sign}{sym}{number}"),
        _ => format!("{sign}{number} {currency}"),
    }
}

fn split(abs: u64, units: u32) -> (u64, u64) {
    let scale = 10u64.pow(units);
    (abs / scale, abs % scale)
}

fn parse_minor(field: &str, amount: &str, units: u32) -> Result<i64> {
    let bad = |why: &str| Error::validation(field, why.to_string());
    // Symbols and spaces people paste along with the number.
    let cleaned: String = amount
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '\'' && *c != '_')
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-' || *c == '+' || *c == '−')
        .collect();
    let stray = amount.trim().chars().any(|c| c.is_alphabetic() && !"€$£¥₹₩₪₫".contains(c));
    if cleaned.is_empty() || stray {
        return Err(bad(&format!("\"{}\" is not an amount. Type a number such as 1250.50.", crate::text::clip(amount.trim(), 30))));
    }
    if cleaned.starts_with('-') || cleaned.starts_with('−') {
        return Err(bad("An amount cannot be negative."));
    }
    let cleaned = cleaned.trim_start_matches('+');
    let (whole, frac) = match cleaned.split_once('.') {
        Some((w, f)) => (w, f),
        None => (cleaned, ""),
    };
    if frac.contains('.') || !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) || (whole.is_empty() && frac.is_empty()) {
        return Err(bad(&format!("\"{}\" is not an amount. Type a number such as 1250.50.", crate::text::clip(amount.trim(), 30))));
    }
    if frac.len() > units as usize {
        return Err(bad(&match units {
            0 => "This currency has no minor units: type a whole number.".to_string(),
            n => format!("Use at most {n} decimal places for this currency."),
        }));
    }
    let scale = 10i64.pow(units);
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| bad("That amount is too large."))? };
    let frac_val: i64 = if frac.is_empty() { 0 } else { format!("{frac:0<width$}", width = units as usize).parse().map_err(|_| bad("That amount is too large."))? };
    whole
        .checked_mul(scale)
        .and_then(|w| w.checked_add(frac_val))
        .filter(|v| *v <= 999_999_999_999_999)
        .ok_or_else(|| bad("That amount is too large."))
}

/// Sums of money in possibly several currencies, kept apart rather than converted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Totals(pub Vec<Money>);

impl Totals {
    pub fn add(&mut self, minor: i64, currency: &str) {
        match self.0.iter_mut().find(|m| m.currency == currency) {
            Some(m) => m.minor += minor,
            None => {
                self.0.push(Money { minor, currency: currency.to_string() });
                self.0.sort_by(|a, b| a.currency.cmp(&b.currency));
            }
        }
    }

    pub fn format(&self) -> String {
        if self.0.is_empty() {
            return "—".to_string();
        }
        self.0.iter().map(Money::format).collect::<Vec<_>>().join(" + ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_typed_amounts() {
        assert_eq!(Money::parse("v", "1,250.50", "eur").unwrap(), Money { minor: 125050, currency: "EUR".into() });
        assert_eq!(Money::parse("v", "€ 12 000", "EUR").unwrap().minor, 1_200_000);
        assert_eq!(Money::parse("v", "3000", "JPY").unwrap().minor, 3000);
        assert_eq!(Money::parse("v", "1.5", "KWD").unwrap().minor, 1500);
        assert_eq!(Money::parse("v", ".5", "USD").unwrap().minor, 50);
    }

    #[test]
    fn refuses_bad_amounts() {
        for (amount, cur) in [("-5", "USD"), ("1.234", "USD"), ("1.5", "JPY"), ("abc", "EUR"), ("1.2.3", "EUR"), ("", "EUR"), ("99999999999999999999", "EUR"), ("12 EURO", "EUR")] {
            let e = Money::parse("value", amount, cur).unwrap_err();
            assert_eq!(e.field(), Some("value"), "{amount}");
        }
        assert!(Money::parse("value", "10", "XXX").unwrap_err().to_string().contains("ISO 4217"));
    }

    #[test]
    fn formats_in_the_currency_own_way() {
        assert_eq!(format_minor(125050, "EUR"), "€1,250.50");
        assert_eq!(format_minor(3000, "JPY"), "¥3,000");
        assert_eq!(format_minor(1500, "KWD"), "1.500 KWD");
        assert_eq!(format_minor(5, "USD"), "$0.05");
        assert_eq!(Money { minor: 125050, currency: "EUR".into() }.to_input(), "1250.50");
    }

    #[test]
    fn totals_keep_currencies_apart() {
        let mut t = Totals::default();
        t.add(100, "USD");
        t.add(250, "EUR");
        t.add(100, "USD");
        assert_eq!(t.format(), "€2.50 + $2.00");
    }
}
