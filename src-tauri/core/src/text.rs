//! Checks for the free text users type. Text is stored exactly as given (any script, any
//! length up to a stated limit); only names are trimmed, because a name with stray spaces
//! would look like a different customer.

use crate::error::{Error, Result};

/// Names of people, customers, contacts, root causes.
pub const NAME_MAX: usize = 200;
/// One-line fields: roles, titles, products, e-mail addresses.
pub const LINE_MAX: usize = 1_000;
/// Descriptions, notes, details: generous, but bounded so a paste of a whole mailbox is caught.
pub const LONG_MAX: usize = 100_000;

/// A required name: trimmed, not empty, at most [`NAME_MAX`] characters.
pub fn name(field: &str, label: &str, value: &str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::validation(field, format!("{label} is required.")));
    }
    check_len(field, label, v, NAME_MAX)?;
    Ok(v.to_string())
}

/// A required free-text field, kept exactly as typed (only checked for being blank).
pub fn required(field: &str, label: &str, value: &str, max: usize) -> Result<String> {
    if value.trim().is_empty() {
        return Err(Error::validation(field, format!("{label} is required.")));
    }
    check_len(field, label, value, max)?;
    Ok(value.to_string())
}

/// An optional free-text field, kept exactly as typed.
pub fn optional(field: &str, label: &str, value: &str, max: usize) -> Result<String> {
    check_len(field, label, value, max)?;
    Ok(value.to_string())
}

/// An optional one-line field: surrounding whitespace is dropped.
pub fn line(field: &str, label: &str, value: &str) -> Result<String> {
    let v = value.trim();
    check_len(field, label, v, LINE_MAX)?;
    if v.contains(['\n', '\r']) {
        return Err(Error::validation(field, format!("{label} must be a single line.")));
    }
    Ok(v.to_string())
}

/// An optional e-mail address: loosely checked, because real addresses are varied.
pub fn email(field: &str, value: &str) -> Result<String> {
    let v = line(field, "The e-mail address", value)?;
    if !v.is_empty() {
        let at = v.find('@');
        let ok = matches!(at, Some(i) if i > 0 && i < v.len() - 1) && !v.contains(char::is_whitespace);
        if !ok {
            return Err(Error::validation(field, format!("\"{}\" does not look like an e-mail address.", clip(&v, 60))));
        }
    }
    Ok(v)
}

fn check_len(field: &str, label: &str, value: &str, max: usize) -> Result<()> {
    let n = value.chars().count();
    if n > max {
        return Err(Error::validation(
            field,
            format!("{label} is too long: {} characters; the limit is {}.", group(n), group(max)),
        ));
    }
    Ok(())
}

/// At most `max` characters, with an ellipsis when cut; for quoting user text inside messages.
pub fn clip(value: &str, max: usize) -> String {
    if value.chars().count() <= max {
        value.to_string()
    } else {
        let mut s: String = value.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// 12345 -> "12,345"
pub fn group(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_required() {
        assert_eq!(name("name", "Name", "  Zoë  ").unwrap(), "Zoë");
        assert_eq!(name("name", "Name", " \t\n").unwrap_err().field(), Some("name"));
    }

    #[test]
    fn long_names_are_refused_with_the_limit() {
        let long = "x".repeat(10_000);
        let err = name("name", "The name", &long).unwrap_err();
        assert!(err.to_string().contains("10,000 characters; the limit is 200"), "{err}");
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        assert!(name("name", "Name", &"株".repeat(NAME_MAX)).is_ok());
    }

    #[test]
    fn free_text_is_kept_exactly() {
        let t = "  line one\n\tمرحبا 🎉  ";
        assert_eq!(optional("notes", "Notes", t, LONG_MAX).unwrap(), t);
    }

    #[test]
    fn emails_are_loosely_checked() {
        assert!(email("email", "").is_ok());
        assert!(email("email", "zoë@example.com").is_ok());
        assert!(email("email", "not an email").is_err());
        assert!(email("email", "@x").is_err());
    }

    #[test]
    fn grouping() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(1234567), "1,234,567");
    }
}
