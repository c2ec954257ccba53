//! What the boards read around an annotation: code points to bytes, the
//! sentence a figure or quote stands in, and the words of a passage.
//!
//! Documents carry code-point offsets and no sentence list; re-running the
//! tokenizer over every open document would cost more than the boards
//! themselves, so the sentence around a point is found locally.

use serde::{Deserialize, Serialize};

/// Code-point offsets to byte offsets of one text, for lookups in any order.
/// It keeps the byte offset of every 64th code point and walks the rest.
pub(crate) struct ByteIndex<'t> {
    text: &'t str,
    ascii: bool,
    checkpoints: Vec<usize>,
}

const EVERY: usize = 64;

impl<'t> ByteIndex<'t> {
    pub fn new(text: &'t str) -> ByteIndex<'t> {
        let ascii = text.is_ascii();
        let checkpoints = if ascii { Vec::new() } else { text.char_indices().step_by(EVERY).map(|(b, _)| b).collect() };
        ByteIndex { text, ascii, checkpoints }
    }

    /// The byte offset of code point `c` (the text's length past the end).
    pub fn byte(&self, c: usize) -> usize {
        if self.ascii {
            return c.min(self.text.len());
        }
        let Some(&from) = self.checkpoints.get(c / EVERY) else { return self.text.len() };
        self.text[from..].char_indices().nth(c % EVERY).map_or(self.text.len(), |(b, _)| from + b)
    }

    /// The code-point offset of byte `b`, which lies on a char boundary.
    pub fn char(&self, b: usize) -> usize {
        if self.ascii {
            return b.min(self.text.len());
        }
        let b = b.min(self.text.len());
        let block = self.checkpoints.partition_point(|&x| x <= b).saturating_sub(1);
        let from = self.checkpoints.get(block).copied().unwrap_or(0);
        block * EVERY + self.text[from..b].chars().count()
    }

    pub fn text(&self) -> &'t str {
        self.text
    }
}

/// A stretch of a document: code points `start..end` and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Passage {
    pub(crate) fn of(index: &ByteIndex, bytes: std::ops::Range<usize>) -> Passage {
        Passage { start: index.char(bytes.start), end: index.char(bytes.end), text: index.text()[bytes].to_string() }
    }
}

/// Words that end with a stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep", "gov", "pres",
    "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "approx", "u.s", "u.k", "u.n", "e.g", "i.e",
];

/// How far a sentence is looked for on either side of a point.
const REACH: usize = 1500;

/// The byte range of the sentence around byte `at`: cut at line breaks and at
/// `.`, `!`, `?` before a capital, a digit or an opening mark, except after
/// an abbreviation or an initial. Closing quotes stay with their sentence.
pub(crate) fn sentence_bytes(text: &str, at: usize) -> std::ops::Range<usize> {
    let at = floor(text, at.min(text.len()));
    let lo = floor(text, at.saturating_sub(REACH));
    let hi = floor(text, (at + REACH).min(text.len()));
    let bytes = text.as_bytes();
    // Start: just after the last boundary before `at`.
    let mut start = lo;
    let mut i = at;
    while i > lo {
        i -= 1;
        if bytes[i] == b'\n' {
            start = i + 1;
            break;
        }
        if is_boundary_at(text, i + 1, lo) && i < at {
            start = i + 1;
            break;
        }
    }
    // End: the first boundary after `at`.
    let mut end = hi;
    let mut j = at;
    while j < hi {
        if bytes[j] == b'\n' {
            end = j;
            break;
        }
        j += 1;
        if text.is_char_boundary(j) && is_boundary_at(text, j, lo) && j > at {
            end = j;
            break;
        }
    }
    let s = &text[start..end];
    let trimmed_start = start + (s.len() - s.trim_start().len());
    let trimmed_end = end - (s.len() - s.trim_end().len());
    trimmed_start.min(trimmed_end)..trimmed_end
}

/// Whether a sentence starts at byte `b` (just after whitespace that follows a stop).
fn is_boundary_at(text: &str, b: usize, lo: usize) -> bool {
    if !text.is_char_boundary(b) || b >= text.len() {
        return false;
    }
    let before = &text[lo..b];
    if !before.ends_with([' ', '\t']) {
        return false;
    }
    let after = &text[b..];
    let opens = after.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"‘'([".contains(c));
    if !opens {
        return false;
    }
    let head = before.trim_end();
    let head = head.trim_end_matches(['”', '"', '’', '\'', ')', ']']);
    let Some(stop) = head.chars().last() else { return false };
    match stop {
        '!' | '?' | '…' => true,
        '.' => {
            let word = head[..head.len() - 1].rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
            let lower = word.to_lowercase();
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            !(initial || ABBREVIATIONS.contains(&lower.as_str()))
        }
        _ => false,
    }
}

fn floor(text: &str, mut b: usize) -> usize {
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// A word's comparison form: lower case, curly apostrophes straight.
pub(crate) fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.chars().map(|c| if c == '’' || c == '‘' { '\'' } else { c }).flat_map(char::to_lowercase).collect()
}

/// The words of a passage with their byte ranges: letter and digit runs,
/// keeping inner apostrophes, hyphens and digit separators (`can’t`, `8,000`).
pub(crate) fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let inner = start.is_some()
            && match c {
                '\'' | '’' | '-' | '.' => next.is_some_and(char::is_alphanumeric),
                ',' => next.is_some_and(|n| n.is_ascii_digit()) && text[..i].ends_with(|p: char| p.is_ascii_digit()),
                _ => false,
            };
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_and_char_offsets_agree_with_char_indices() {
        let text = "Zelenskyy’s “watching” — 8,000 🇺🇦 troops; é ".repeat(20);
        let index = ByteIndex::new(&text);
        for (n, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(index.byte(n), b);
            assert_eq!(index.char(b), n);
        }
        assert_eq!(index.byte(10_000), text.len());
    }

    #[test]
    fn sentences_stop_at_stops_but_not_abbreviations() {
        let text = "He left. The U.S. sent Gen. Smith on Sept. 12 to see 8,000 troops. “Go,” he said. Next one";
        let at = text.find("8,000").unwrap();
        assert_eq!(&text[sentence_bytes(text, at)], "The U.S. sent Gen. Smith on Sept. 12 to see 8,000 troops.");
        let at = text.find("Go").unwrap();
        assert_eq!(&text[sentence_bytes(text, at)], "“Go,” he said.");
        assert_eq!(&text[sentence_bytes(text, 0)], "He left.");
        assert_eq!(&text[sentence_bytes(text, text.len())], "Next one");
    }

    #[test]
    fn words_keep_inner_marks() {
        let text = "They’re “fair game”… 8,000 troops, U.S.-led!";
        let w: Vec<&str> = words(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(w, ["They’re", "fair", "game", "8,000", "troops", "U.S", "led"]);
    }
}
