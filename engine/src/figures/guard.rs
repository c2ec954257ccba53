//! What is never a figure: digits inside URLs, e-mail addresses, phone
//! numbers and identifiers (`SCP-173`, `A320`, `24703L202`).
//!
//! Marks tokens as blocked before the recognisers run; one pass over the text
//! and one over the tokens.

use super::{units, words, Toks};
use crate::text::TokenKind;

pub(super) fn mark(t: &mut Toks) {
    mark_links(t);
    let n = t.len();
    let mut i = 0;
    while i < n {
        if t.is_num(i) {
            if let Some(end) = phone_run(t, i) {
                for b in &mut t.blocked[i..end] {
                    *b = true;
                }
                i = end;
                continue;
            }
            // `9/11`, `24/7`: two numbers joined by a slash that are no fraction
            if t.text(i + 1) == "/"
                && t.glued(i + 1)
                && t.is_num(i + 2)
                && t.glued(i + 2)
                && !(t.text(i + 3) == "/" && t.glued(i + 3))
                && !(i > 0 && t.text(i - 1) == "/" && t.glued(i))
            {
                let a: u32 = t.text(i).parse().unwrap_or(0);
                let (b_text, year_after) = t.text(i + 2).split_once(',').unwrap_or((t.text(i + 2), ""));
                let b: u32 = b_text.parse().unwrap_or(0);
                let usual = matches!(b, 2 | 3 | 4 | 5 | 6 | 8 | 10 | 12 | 16 | 32 | 64 | 100) && a < b;
                let dated = dated_pair(t, i, a, b) || matches!(year_after.len(), 2 | 4) && a <= 12 && b <= 31;
                if !(usual || dated) {
                    for k in i..i + 3 {
                        t.blocked[k] = true;
                    }
                    i += 3;
                    continue;
                }
            }
            if identifier(t, i) {
                t.blocked[i] = true;
            }
        }
        i += 1;
    }
}

/// `on 4/22`, `since 9/11`, `3/2015`, `2016/11`, `06/06 12:15`: a slashed pair
/// that a date word, a year or a time of day around it makes a date.
fn dated_pair(t: &Toks, i: usize, a: u32, b: u32) -> bool {
    let prev = if i > 0 { t.low(i - 1) } else { "" };
    let placed =
        matches!(prev, "on" | "since" | "after" | "before" | "until" | "till" | "by" | "each" | "every" | "from")
            || prev.ends_with("day") && !t.glued(i);
    let month_of_year = (a <= 12 && t.text(i + 2).len() == 4 && (1900..2100).contains(&b))
        || (b <= 12 && t.text(i).len() == 4 && (1900..2100).contains(&a));
    let timed = t.is_num(i + 3) && !t.glued(i + 3) && t.text(i + 4) == ":" && t.glued(i + 4);
    let day_month = a >= 1 && b >= 1 && (a <= 12 && b <= 31 || b <= 12 && a <= 31);
    // `9/11` and `24/7` are names, whatever stands around them
    month_of_year || day_month && (placed || timed) && !matches!((a, b), (24, 7) | (9, 11))
}

/// URLs and e-mail addresses: a whitespace-free stretch with `://`, `www.` or `@x.y`.
fn mark_links(t: &mut Toks) {
    let text = t.a.text;
    // Only as far as the tokens go (the dateline looks at the top of a text alone).
    let bytes = &text.as_bytes()[..t.len().checked_sub(1).map_or(0, |last| t.end(last))];
    let mut pos = 0;
    let mut k = 0; // first token not yet looked at
    while pos < bytes.len() {
        if bytes[pos].is_ascii_whitespace() {
            pos += 1;
            continue;
        }
        let start = pos;
        while pos < bytes.len() && !bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let chunk = &text[start..pos];
        // Most chunks are plain words: one byte scan rules them out.
        let marked = chunk.bytes().any(|b| matches!(b, b':' | b'/' | b'@' | b'.'));
        let link = marked
            && (chunk.contains("://")
                || chunk.starts_with("www.")
                || chunk.contains(".com/")
                || chunk.contains(".org/")
                || chunk.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.')));
        if link {
            while k < t.len() && t.start(k) < start {
                k += 1;
            }
            while k < t.len() && t.start(k) < pos {
                t.blocked[k] = true;
                k += 1;
            }
        }
    }
}

/// A phone-like run from number `i`: `+1-222-2222`, `(555) 123-4567`,
/// `0800 123 456` with a leading `+`, or four or more digit groups glued by
/// `-`, `.` or `/`. Dates (`2024-11-02`, `5/17/2018`) have three groups and pass.
fn phone_run(t: &Toks, i: usize) -> Option<usize> {
    let plus = i > 0 && t.text(i - 1) == "+" && t.glued(i);
    let mut groups = 1;
    let mut j = i + 1;
    let mut seps = Vec::new();
    while t.glued(j) && matches!(t.text(j), "-" | "." | "/" | ")") && t.is_num(j + 1) && t.glued(j + 1) {
        seps.push(t.text(j));
        groups += 1;
        j += 2;
    }
    let same_sep = seps.windows(2).all(|w| w[0] == w[1]);
    let long_last = t.text(j - 1).len() >= 4;
    // `12-04-2019`: a day, a month and a year, not a phone number
    let n = |k: usize| t.text(k).parse::<u32>().unwrap_or(0);
    if groups == 3 && same_sep && t.text(i + 2).len() <= 2 && t.text(i).len() <= 2 {
        let (a, b, y) = (n(i), n(i + 2), n(i + 4));
        if (1900..=2100).contains(&y) && a >= 1 && b >= 1 && (a <= 12 && b <= 31 || b <= 12 && a <= 31) {
            return None;
        }
    }
    if plus && groups >= 2
        || groups >= 4
        || (groups == 3 && same_sep && seps.first() == Some(&"-") && long_last && t.text(i).len() <= 3)
    {
        Some(j)
    } else {
        None
    }
}

/// A number glued to letters that are not a unit or suffix (`24703L202`,
/// `F-16`, `SCP-173`, `A320`): part of a name or code.
fn identifier(t: &Toks, i: usize) -> bool {
    // `2016-12-16T12:23:59`: the `T` between an ISO date and its time
    let iso_t = |k: usize| t.text(k) == "T" && t.glued(k) && t.glued(k + 1) && t.is_num(k - 1) && t.is_num(k + 1);
    if i >= 2 && iso_t(i - 1) || iso_t(i + 1) {
        return false;
    }
    // `Q3`: a quarter of a year
    let quarter = matches!(t.text(i), "1" | "2" | "3" | "4") && !(t.glued(i + 1) && t.kind(i + 1).is_some());
    if i >= 1 && t.glued(i) && matches!(t.text(i - 1), "Q" | "q") && quarter {
        return false;
    }
    // Letters right before: `A320`, `MH17` (all capitals or one letter).
    if t.glued(i) && t.is_word(i - 1) {
        let w = t.text(i - 1);
        let caps = w.chars().all(|c| c.is_uppercase()) && w.chars().count() <= 5;
        if caps && units::currency_code(w).is_none() {
            return true;
        }
    }
    // Capitalised code and a hyphen: `F-16`, `SCP-173`, `Su-34`, `COVID-19`.
    if i >= 2 && t.glued(i) && t.text(i - 1) == "-" && t.glued(i - 1) && t.capitalised(i - 2) {
        let w = t.text(i - 2);
        if w.chars().count() <= 5 && words::cardinal(&w.to_lowercase()).is_none() {
            return true;
        }
    }
    // Letters glued on both sides, directly or over a hyphen: `scp173m`, `scp-173m`, `h1n1`
    // (`mid-1990s` keeps its plural, `1e10` is an exponent)
    let before =
        t.glued(i) && (t.is_word(i - 1) || i >= 2 && t.text(i - 1) == "-" && t.is_word(i - 2) && t.glued(i - 1));
    if before
        && t.glued(i + 1)
        && t.is_word(i + 1)
        && !matches!(t.low(i + 1), "s" | "st" | "nd" | "rd" | "th")
        && super::numbers::exponent(t, i + 1).is_none()
    {
        return true;
    }
    // Digits, letters, digits: `h1n1` (not `4x4`'s dimension or `1e10`'s exponent)
    if i >= 2
        && t.glued(i)
        && t.is_word(i - 1)
        && t.glued(i - 1)
        && t.is_num(i - 2)
        && !matches!(t.low(i - 1), "x" | "e")
    {
        return true;
    }
    // Letters right after that are no suffix: `24703L202`, `3D` (an exponent, `1.3e6`, is no code).
    if t.glued(i + 1) && t.kind(i + 1) == Some(TokenKind::Word) && super::numbers::exponent(t, i + 1).is_none() {
        let w = t.text(i + 1);
        let low = w.to_lowercase();
        let known = matches!(
            low.as_str(),
            "st" | "nd"
                | "rd"
                | "th"
                | "s"
                | "k"
                | "m"
                | "b"
                | "bn"
                | "mn"
                | "mln"
                | "bln"
                | "tn"
                | "mil"
                | "mm"
                | "am"
                | "pm"
                | "a.m."
                | "p.m."
                | "a.m"
                | "p.m"
                | "a"
                | "p"
                | "x"
                | "h"
                | "e"
        ) || units::measure(&low).is_some()
            || super::dates::is_month_word(&low)
            || units::time_unit(&low).is_some()
            || units::currency_code(&low).is_some()
            || words::scale(&low).is_some()
            || units::currency_sign(w).is_some();
        if !known {
            return true;
        }
        // `24703m212`: a unit with more digits glued after is a code.
        if t.is_num(i + 2) && t.glued(i + 2) && !matches!(t.text(i + 2), "2" | "3") {
            return true;
        }
    }
    false
}
