//! Qualifiers: the words that hedge or bound a figure (`some`, `up to`,
//! `more than`, `at least`, `as many as`, `nearly`), and what they make of
//! its value.

use super::Toks;

/// How a qualifier changes a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// Hedged: `some`, `about`, `around`, `nearly`.
    Approx,
    /// A lower bound: `more than`, `at least`, `over`.
    Min,
    /// An upper bound: `up to`, `as many as`, `fewer than`.
    Max,
    /// `between X and Y`.
    Between,
}

/// Qualifier phrases, longest first so `as many as` wins over `as`.
const PREFIXES: &[(&str, Bound)] = &[
    ("no more than", Bound::Max),
    ("no fewer than", Bound::Min),
    ("no less than", Bound::Min),
    ("as many as", Bound::Max),
    ("as much as", Bound::Max),
    ("as few as", Bound::Min),
    ("as little as", Bound::Min),
    ("in excess of", Bound::Min),
    ("upwards of", Bound::Min),
    ("more than", Bound::Min),
    ("greater than", Bound::Min),
    ("higher than", Bound::Min),
    ("at least", Bound::Min),
    ("fewer than", Bound::Max),
    ("less than", Bound::Max),
    ("at most", Bound::Max),
    ("up to", Bound::Max),
    ("an estimated", Bound::Approx),
    ("close to", Bound::Approx),
    ("just over", Bound::Min),
    ("just under", Bound::Max),
    ("well over", Bound::Min),
    ("some", Bound::Approx),
    ("about", Bound::Approx),
    ("around", Bound::Approx),
    ("roughly", Bound::Approx),
    ("approximately", Bound::Approx),
    ("nearly", Bound::Approx),
    ("almost", Bound::Approx),
    ("estimated", Bound::Approx),
    ("circa", Bound::Approx),
    ("approx", Bound::Approx),
    ("over", Bound::Min),
    ("under", Bound::Max),
    ("between", Bound::Between),
];

/// A qualifier at token `i`: its bound and the token after it.
pub fn prefix(t: &Toks, i: usize) -> Option<(Bound, usize)> {
    if !t.is_word(i) {
        return (t.text(i) == "~").then_some((Bound::Approx, i + 1));
    }
    PREFIXES.iter().find_map(|&(p, b)| t.phrase(i, p).map(|j| (b, j)))
}

/// A trailing qualifier right after a number: `or more`, `or so`, `plus`,
/// `+`, `or fewer`. Returns the bound and the token after it.
pub fn suffix(t: &Toks, i: usize) -> Option<(Bound, usize)> {
    if t.text(i) == "+" && t.glued(i) {
        return Some((Bound::Min, i + 1));
    }
    for (p, b) in [
        ("or more", Bound::Min),
        ("or so", Bound::Approx),
        ("or fewer", Bound::Max),
        ("or less", Bound::Max),
        ("and more", Bound::Min),
        ("and up", Bound::Min),
        ("plus", Bound::Min),
    ] {
        if let Some(j) = t.phrase(i, p) {
            // `plus` only trails a number at a phrase end (`500 plus`), not `500 plus 20`.
            if p == "plus" && (t.is_num(j) || super::words::cardinal(t.low(j)).is_some()) {
                continue;
            }
            return Some((b, j));
        }
    }
    None
}

/// A word joining the ends of a range: `to`, `-`, `–`, `and` (after `between`), `or`.
pub fn range_joint(t: &Toks, i: usize, between: bool) -> Option<usize> {
    match t.text(i) {
        "-" | "–" | "—" | "~" | "～" | "〜" => Some(i + 1),
        _ => match t.low(i) {
            "to" | "or" => Some(i + 1),
            "and" if between => Some(i + 1),
            _ => None,
        },
    }
}
