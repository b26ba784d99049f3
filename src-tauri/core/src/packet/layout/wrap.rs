//! Line breaking.
//!
//! Greedy first-fit breaking at spaces, which is what readers expect from a
//! report and keeps the cost linear for 20,000-character notes. Explicit
//! newlines always break (blank lines survive). A word wider than the box —
//! a hash, a URL, a pasted token — is broken inside itself, preferably after
//! a URL-ish separator such as `/` or `-`, otherwise between characters, so
//! no line ever overflows its box.

use super::fonts::Face;

/// One laid-out line of text and its width in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub width: f32,
}

/// Breaks sanitized `text` (see [`Face::sanitize`]) into lines no wider than
/// `max_width` points at `size`. Every input paragraph yields at least one
/// line, so an empty paragraph becomes an empty line.
///
/// The only way a line can exceed `max_width` is a box narrower than a single
/// glyph, where that glyph is placed alone rather than looping forever.
pub fn wrap(face: &Face, size: f32, text: &str, max_width: f32) -> Vec<Line> {
    let budget = face.budget(max_width, size);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut out = Breaker {
            face,
            lines: Vec::new(),
            line: String::new(),
            units: 0,
            size,
        };
        for (gap, word) in tokens(paragraph) {
            out.add_word(gap, word, budget);
        }
        out.flush();
        lines.extend(out.lines);
    }
    lines
}

/// Splits a paragraph into (preceding spaces, word) pairs. Only U+0020
/// separates words, so a no-break space keeps its neighbours together.
fn tokens(paragraph: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = paragraph;
    std::iter::from_fn(move || {
        let word_start = rest.len() - rest.trim_start_matches(' ').len();
        if word_start == rest.len() {
            return None;
        }
        let gap = &rest[..word_start];
        let after_gap = &rest[word_start..];
        let word_len = after_gap.find(' ').unwrap_or(after_gap.len());
        let word = &after_gap[..word_len];
        rest = &after_gap[word_len..];
        Some((gap, word))
    })
}

struct Breaker<'a> {
    face: &'a Face,
    lines: Vec<Line>,
    line: String,
    units: u32,
    size: f32,
}

impl Breaker<'_> {
    fn add_word(&mut self, gap: &str, word: &str, budget: u32) {
        let word_units = self.face.units(word);
        let gap_units = self.face.units(gap);
        // A paragraph's leading spaces are kept as indentation; elsewhere a
        // gap is only kept between two words on the same line.
        let first = self.line.is_empty() && self.lines.is_empty();
        if (!self.line.is_empty() || first) && self.units + gap_units + word_units <= budget {
            self.line.push_str(gap);
            self.line.push_str(word);
            self.units += gap_units + word_units;
            return;
        }
        if !self.line.is_empty() {
            self.flush();
        }
        if word_units <= budget {
            self.line.push_str(word);
            self.units = word_units;
            return;
        }
        let mut pieces = self.split_word(word, budget);
        if let Some((last, last_units)) = pieces.pop() {
            for (piece, units) in pieces {
                self.push_line(piece, units);
            }
            self.line = last;
            self.units = last_units;
        }
    }

    /// Breaks an over-long word into pieces that each fit `budget`.
    ///
    /// A token without separators (a hash, an ID) that needs only a few lines
    /// is split into even pieces, so a 64-digit digest reads as 32 + 32
    /// rather than 60 + 4.
    fn split_word(&self, word: &str, budget: u32) -> Vec<(String, u32)> {
        let pieces = self.split_greedy(word, budget);
        let n = pieces.len();
        if !(2..=3).contains(&n) || word.chars().any(is_break_after) {
            return pieces;
        }
        // Greedy piece count only grows as the budget shrinks, so search for
        // the smallest budget that still needs no more pieces.
        let (mut lo, mut hi) = (self.face.units(word) / n as u32, budget);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.split_greedy(word, mid).len() <= n {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        self.split_greedy(word, hi)
    }

    fn split_greedy(&self, word: &str, budget: u32) -> Vec<(String, u32)> {
        let mut pieces = Vec::new();
        let mut cur = String::new();
        let mut cur_units = 0u32;
        // Byte index just after the last separator in `cur`, and the units up to it.
        let mut last_break: Option<(usize, u32)> = None;
        for c in word.chars() {
            let mut buf = [0u8; 4];
            let advance = self.face.units(c.encode_utf8(&mut buf));
            while cur_units + advance > budget && !cur.is_empty() {
                match last_break.take() {
                    // Only worth it when the piece stays at least a third full;
                    // otherwise char breaking wastes less space.
                    Some((at, units)) if units * 3 >= budget => {
                        let tail = cur.split_off(at);
                        pieces.push((std::mem::replace(&mut cur, tail), units));
                        cur_units -= units;
                    }
                    _ => {
                        pieces.push((std::mem::take(&mut cur), cur_units));
                        cur_units = 0;
                    }
                }
            }
            cur.push(c);
            cur_units += advance;
            if is_break_after(c) {
                last_break = Some((cur.len(), cur_units));
            }
        }
        if !cur.is_empty() {
            pieces.push((cur, cur_units));
        }
        pieces
    }

    fn push_line(&mut self, text: String, units: u32) {
        let width = self.face.to_pt(units, self.size);
        self.lines.push(Line { text, width });
    }

    fn flush(&mut self) {
        let text = std::mem::take(&mut self.line);
        let units = std::mem::take(&mut self.units);
        // An empty paragraph still produces one (empty) line.
        if !text.is_empty() || self.lines.is_empty() {
            self.push_line(text, units);
        }
    }
}

/// Characters after which an over-long word (typically a URL or path) may break.
fn is_break_after(c: char) -> bool {
    matches!(
        c,
        '/' | '-' | '–' | '.' | '?' | '&' | '=' | '_' | ',' | ';' | ':' | '#' | '\\' | '|' | '+'
    )
}
