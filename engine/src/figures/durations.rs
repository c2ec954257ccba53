//! Lengths of time written without a plain count before their unit: `a
//! month`, `for weeks`, `all day`, `full-week`, `half an hour`, `a half
//! hour`, `an hour and a half`, `another week`, `several days`. A count and
//! its unit (`two years`, `3-year-long`) are read with the amounts.

use super::{units, Hit, Toks};
use crate::doc::{Amount, NumberLabel, Scalar, Value};

/// A length of time at token `i`.
pub(super) fn at(t: &Toks, i: usize) -> Option<Hit> {
    vague_plural(t, i)
        .or_else(|| whole_unit(t, i))
        .or_else(|| half_unit(t, i))
        .or_else(|| a_unit(t, i))
        .or_else(|| several(t, i))
}

fn hit(start: usize, end: usize, value: Value) -> Option<Hit> {
    Some(Hit { start, core: start, end, label: NumberLabel::DURATION, value })
}

/// Bare plural time units after `for`/`over`/`within`: `for weeks` (at least two).
fn vague_plural(t: &Toks, i: usize) -> Option<Hit> {
    let low = t.low(i);
    if !units::is_plural_time(low)
        || i == 0
        || !matches!(t.low(i - 1), "for" | "over" | "within" | "lasting" | "spanning")
    {
        return None;
    }
    let unit = units::time_unit(low)?;
    let value = Value {
        amount: Amount::Range { min: Some(Scalar::Number(2.0)), max: None },
        approx: true,
        unit: Some(unit.to_string()),
        ..Value::default()
    };
    hit(i, i + 1, value)
}

/// `a month`, `an hour`, `another week`, `an hour and a half`: one of a time unit (and a half).
fn a_unit(t: &Toks, i: usize) -> Option<Hit> {
    if !matches!(t.low(i), "a" | "an" | "another") {
        return None;
    }
    let low = t.low(i + 1);
    if units::is_plural_time(low) || matches!(low, "second" | "quarter") {
        return None;
    }
    let unit = units::time_unit(low)?;
    if let Some(end) = t.phrase(i + 2, "and a half") {
        return hit(i, end, Value::exact(1.5).unit(unit));
    }
    // `a day after`, `once a week`: all still a length of one unit.
    hit(i, i + 2, Value::exact(1.0).unit(unit))
}

/// `all day`, `all-week`, `full year`, `full-day`: the whole of one unit.
fn whole_unit(t: &Toks, i: usize) -> Option<Hit> {
    if !matches!(t.low(i), "all" | "full") {
        return None;
    }
    let k = if t.text(i + 1) == "-" && t.glued(i + 1) && t.glued(i + 2) { i + 2 } else { i + 1 };
    let low = t.low(k);
    if !matches!(low, "day" | "week" | "month" | "year" | "night") {
        return None;
    }
    // `all day long` stays one length; `all year round` too
    let unit = if low == "night" { "night" } else { units::time_unit(low)? };
    hit(i, k + 1, Value::exact(1.0).unit(unit))
}

/// `half an hour`, `a half hour`, `half hour`, `half year`, `half a day`.
fn half_unit(t: &Toks, i: usize) -> Option<Hit> {
    let j = if matches!(t.low(i), "a" | "an") { i + 1 } else { i };
    if t.low(j) != "half" {
        return None;
    }
    let k = if matches!(t.low(j + 1), "a" | "an") && j == i { j + 2 } else { j + 1 };
    let low = t.low(k);
    if units::is_plural_time(low) || low == "second" {
        return None;
    }
    let unit = units::time_unit(low).filter(|u| matches!(*u, "hour" | "day" | "year" | "month" | "minute" | "week"))?;
    hit(i, k + 1, Value::exact(0.5).unit(unit))
}

/// `several days`, `a few weeks`, `few hours`: at least two (several: three) of a unit.
fn several(t: &Toks, i: usize) -> Option<Hit> {
    let (min, k) = match t.low(i) {
        "several" => (3.0, i + 1),
        "a" if t.low(i + 1) == "few" => (2.0, i + 2),
        _ => return None,
    };
    let low = t.low(k);
    if !units::is_plural_time(low) {
        return None;
    }
    let unit = units::time_unit(low)?;
    let value = Value {
        amount: Amount::Range { min: Some(Scalar::Number(min)), max: None },
        approx: true,
        unit: Some(unit.to_string()),
        ..Value::default()
    };
    hit(i, k + 1, value)
}
