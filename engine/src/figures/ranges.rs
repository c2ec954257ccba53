//! Two numbers as one range, or not: two bounds joined (`more than 10 but
//! fewer than 20`), a change between two figures (`rose from 8,000 to
//! 12,000`, `gained 20.37 to 677.98`) and a score (`won 3-1`), which are no
//! range. The ends themselves are read with the amounts.

use super::amounts::Amt;
use super::qualifiers::{self, Bound};
use super::{Hit, Toks};
use crate::doc::{Amount, Scalar, Value};

/// `more than 10 but fewer than 20`, `at least 5 and at most 10`, `under 20
/// but over 10`: a lower and an upper bound joined, as one range.
pub(super) fn two_bounds(t: &Toks, h: &Hit, one: fn(&Toks, usize, bool) -> Option<Hit>) -> Option<Hit> {
    let (lo, hi) = match &h.value.amount {
        Amount::Range { min: Some(x), max: None } => (Some(x.clone()), None),
        Amount::Range { min: None, max: Some(x) } => (None, Some(x.clone())),
        _ => return None,
    };
    let mut k = h.end;
    if t.text(k) == "," {
        k += 1;
    }
    if !matches!(t.low(k), "and" | "but") {
        return None;
    }
    let (bound, _) = qualifiers::prefix(t, k + 1)?;
    let want = if lo.is_some() { Bound::Max } else { Bound::Min };
    if bound != want {
        return None;
    }
    let other = one(t, k + 1, false)?;
    let same_kind = other.label == h.label && (other.value.unit == h.value.unit || other.value.unit.is_none());
    let (min, max) = match (&other.value.amount, lo, hi) {
        (Amount::Range { min: None, max: Some(y) }, Some(x), None) => (x, y.clone()),
        (Amount::Range { min: Some(y), max: None }, None, Some(x)) => (y.clone(), x),
        _ => return None,
    };
    let ordered = match (&min, &max) {
        (Scalar::Number(a), Scalar::Number(b)) => a < b,
        _ => false,
    };
    if !same_kind || !ordered {
        return None;
    }
    let value = Value {
        amount: Amount::Range { min: Some(min), max: Some(max) },
        approx: h.value.approx || other.value.approx,
        ..h.value.clone()
    };
    Some(Hit { end: other.end, value, ..h.clone() })
}

/// Whether `from` at `i` follows a verb or noun of change (`rose from`, `an
/// increase from`, `has fallen sharply from`): its two numbers are a before
/// and an after, not the ends of a range.
pub(super) fn changing(t: &Toks, i: usize) -> bool {
    (i.saturating_sub(3)..i).any(|k| {
        let w = t.low(k);
        let stem = [
            "ris", "rose", "fell", "fall", "increas", "decreas", "drop", "grew", "grow", "climb", "jump", "declin",
            "soar", "surg", "plung", "slip", "slid", "cut", "rais", "lower", "reduc", "expand", "shr", "doubl",
            "tripl", "went", "moved", "chang", "shift", "widen", "narrow", "swell", "swol", "balloon", "edg", "inch",
            "tumbl", "slump", "spik", "revis", "upgrad", "downgrad", "lift", "boost", "hik", "trim", "gain", "los",
            "lost", "up", "down", "spiral", "dwindl", "sank", "sink", "sunk", "leap", "leapt",
        ];
        !w.is_empty() && stem.iter().any(|s| w.starts_with(s)) && !matches!(w, "upon" | "edge" | "inches")
    })
}

/// `gained 20.37 to 677.98`: a verb of change right before, then `to` and a
/// second number far above the first, is a change and the level it reached.
pub(super) fn change_to_level(t: &Toks, start: usize, a: f64, b: f64, k: usize) -> bool {
    t.low(k - 1) == "to" && b > 3.0 * a.abs() && start > 0 && changing(t, start)
}

/// `won 3-1`, `6-3 6-4`, `a 2-1 victory`: a score, not a range.
pub(super) fn score(t: &Toks, a: &Amt, b: &Amt, k: usize) -> bool {
    let small = |x: &Amt| x.unit.is_none() && !x.num.words && x.num.value < 100.0 && x.num.value.fract() == 0.0;
    if !small(a) || !small(b) || !matches!(t.text(k - 1), "-" | "–") || !t.glued(k) {
        return false;
    }
    let before = if a.num.start > 0 { t.low(a.num.start - 1) } else { "" };
    let after = t.low(b.end);
    let another = t.is_num(b.end) && matches!(t.text(b.end + 1), "-" | "–") && t.glued(b.end + 1);
    let prev_pair = a.num.start >= 3 && matches!(t.text(a.num.start - 2), "-" | "–") && t.is_num(a.num.start - 3);
    another
        || prev_pair
        || matches!(
            before,
            "won" | "beat" | "lost" | "drew" | "led" | "trailed" | "leading" | "trailing" | "score" | "scoreline"
        )
        || matches!(
            after,
            "win"
                | "victory"
                | "defeat"
                | "loss"
                | "lead"
                | "draw"
                | "vote"
                | "decision"
                | "majority"
                | "home"
                | "away"
        )
}
