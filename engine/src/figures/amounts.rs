//! Amounts: a number with its qualifiers, currency or unit, range and total,
//! labelled CARDINAL, MONEY, PERCENT, QUANTITY, ORDINAL or DURATION.
//!
//! `around 8,000 to 12,000`, `$400 million`, `tens of billions of dollars`,
//! `about 2%`, `155mm`, `almost 3-year-long`, `60 years old`, `50 of 80`.

use super::numbers::{self, Kind, Num};
use super::qualifiers::{self, Bound};
use super::{units, units::Unit, words, Context, Hit, Toks};
use crate::doc::{Amount, NumberLabel, Scalar, Value};
use crate::text::TokenKind;

/// The amount starting at token `i`, if one does: one amount, a range led
/// by `from` (`from 8,000 to 12,000`), or two bounds of one quantity (`more
/// than 10 but fewer than 20`).
pub(super) fn at(t: &Toks, i: usize, _ctx: &Context) -> Option<Hit> {
    if t.low(i) == "from" {
        // `rose from 8,000 to 12,000` is a change between two figures, not a range
        let number_next = t.numeric(i + 1) || t.kind(i + 1) == Some(TokenKind::Symbol);
        if !number_next || changing(t, i) {
            return None;
        }
        let h = one(t, i + 1, true)?;
        let range = matches!(h.value.amount, Amount::Range { min: Some(_), max: Some(_) });
        return (range && h.start == i + 1).then_some(Hit { start: i, core: h.core, ..h });
    }
    let h = one(t, i, false)?;
    Some(two_bounds(t, &h).unwrap_or(h))
}

/// `more than 10 but fewer than 20`, `at least 5 and at most 10`, `under 20
/// but over 10`: a lower and an upper bound joined, as one range.
fn two_bounds(t: &Toks, h: &Hit) -> Option<Hit> {
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
fn changing(t: &Toks, i: usize) -> bool {
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
fn change_to_level(t: &Toks, start: usize, a: f64, b: f64, k: usize) -> bool {
    t.low(k - 1) == "to" && b > 3.0 * a.abs() && start > 0 && changing(t, start)
}

/// One amount at `i`; `from_led` when `from` came before it (its range stays one).
fn one(t: &Toks, i: usize, from_led: bool) -> Option<Hit> {
    let (bound, mut j) = match qualifiers::prefix(t, i) {
        Some((b, j)) => (Some(b), j),
        None => (None, i),
    };
    let mut start = i;
    // `around “90,000 or more`: the hedge stays outside the quotation mark.
    if bound.is_some() && matches!(t.text(j), "“" | "\"" | "‘") {
        j += 1;
        start = j;
    }
    let mut core = j;
    let Some(mut a) = amount(t, j) else {
        return super::durations::at(t, i).or_else(|| percent_of(t, i));
    };
    // `.08`: the number began at its stop
    if a.num.start < core {
        core = a.num.start;
        start = start.min(core);
    }
    if bound.is_none() && rejected(t, &a) {
        return None;
    }
    let mut end = a.end;
    let mut value_min = Some(a.num.value);
    let mut value_max = None;
    let mut is_range = false;
    let mut approx = bound == Some(Bound::Approx) || a.num.kind == Kind::Vague;
    let mut total = None;

    // Ranges: `8,000 to 12,000`, `between 8,000 and 12,000`, `eight to 10 feet`, `5-10%`.
    let between = bound == Some(Bound::Between);
    let change = !from_led && start > 0 && t.low(start - 1) == "from" && changing(t, start - 1);
    if !change {
        if let Some(k) =
            qualifiers::range_joint(t, a.num_end(), between).or_else(|| qualifiers::range_joint(t, end, between))
        {
            if let Some(b) = amount(t, k) {
                // `5 to 10 km`: the second's unit is the first's too (not `$5 to $10`, whose sign comes first)
                let joined_before_unit = k == a.num_end() + 1 && a.unit_end > a.num_end();
                let compatible = match (a.unit, b.unit) {
                    (Some(x), Some(y)) => same_unit(x, y) && !joined_before_unit,
                    (None, _) => true,
                    (Some(_), None) => !joined_before_unit && t.text(k - 1) != "or",
                };
                let hyphen_ok =
                    (!matches!(t.text(k - 1), "-" | "–") || (t.glued(k - 1) == t.glued(k))) && !score(t, &a, &b, k);
                if compatible
                    && hyphen_ok
                    && (b.num.kind == Kind::Ordinal) == (a.num.kind == Kind::Ordinal)
                    && b.num.value > a.num.value
                    && !change_to_level(t, start, a.num.value, b.num.value, k)
                    && (between || t.low(k - 1) != "or" || a.unit.is_none() || b.unit.is_some())
                    && !rejected(t, &b)
                {
                    let mut lo = a.num.value;
                    // `8 to 10 million`: the second's multiplier applies to both.
                    if a.num.end == a.num.start + 1 && b.num.end > b.num.start + 1 && t.is_num(b.num.start) {
                        if let Some(first) = numbers::digits(t.text(b.num.start)).filter(|&x| x > 0.0) {
                            let mult = b.num.value / first;
                            if mult >= 100.0 && lo * mult <= b.num.value {
                                lo *= mult;
                            }
                        }
                    }
                    value_min = Some(lo);
                    value_max = Some(b.num.value);
                    if a.unit.is_none() {
                        a.unit = b.unit;
                        a.unit_end = b.unit_end;
                    }
                    end = b.end;
                    is_range = true;
                    approx |= b.num.kind == Kind::Vague;
                }
            }
        }
    }
    if between && !is_range {
        return None;
    }
    // `50 of 80`, `one out of three`, `1 in 5` (a part of a total, not a division)
    if !is_range && a.unit.is_none() && a.num.kind == Kind::Cardinal {
        let k = match t.low(end) {
            "of" => Some(end + 1),
            "out" if t.low(end + 1) == "of" => Some(end + 2),
            "in" => Some(end + 1),
            _ => None,
        };
        if let Some(k) = k {
            let ratio = t.low(end) == "in";
            if let Some(b) = numbers::parse(t, k).filter(|b| b.kind == Kind::Cardinal && b.value >= a.num.value) {
                // `1 in 5` only as a ratio: never `5 in 10 days`, `2 in 2023`, `3 in 3`
                let plain_ratio = !ratio
                    || (b.value > a.num.value
                        && !year_like(t, b)
                        && unit_after(t, b.end, &b).is_none()
                        && a.num.value.fract() == 0.0);
                if plain_ratio && (!t.capitalised(k) || t.is_num(k)) {
                    total = Some(b.value);
                    end = b.end;
                }
            }
        }
    }
    // `300-odd`: roughly, and likely a little more
    if !is_range && a.unit.is_none() && t.text(end) == "-" && t.glued(end) && t.low(end + 1) == "odd" {
        approx = true;
        end += 2;
    }
    // `90,000 or more`, `500 plus`
    let mut trailing = None;
    if !is_range && a.num.kind != Kind::Ordinal {
        if let Some((b, k)) = qualifiers::suffix(t, end) {
            trailing = Some(b);
            end = k;
        }
    }
    // A vague plural of money: `tens of billions of dollars`.
    if a.unit.is_none() && a.num.kind == Kind::Vague && t.low(end) == "of" {
        if let Some((code, f)) = units::currency_word(t.low(end + 1)) {
            a.unit = Some(Unit::Currency(code, f));
            end += 2;
        }
    }

    // `between 2019 and 2022`, `2019-2022`: a range of years is a period
    if is_range
        && a.unit.is_none()
        && year_like(t, a.num)
        && value_max.is_some_and(|m| (1000.0..2200.0).contains(&m) && m.fract() == 0.0)
    {
        let y = |x: Option<f64>| x.map(|x| Scalar::Text(format!("{:04}", x as i64)));
        let value =
            Value { amount: Amount::Range { min: y(value_min), max: y(value_max) }, approx, ..Value::default() };
        return Some(Hit { start, core, end, label: NumberLabel::DATE, value });
    }
    let (label, unit, factor) = match a.unit {
        _ if a.num.kind == Kind::Ordinal => (NumberLabel::ORDINAL, None, 1.0),
        Some(Unit::Percent) => (NumberLabel::PERCENT, Some("%"), 1.0),
        Some(Unit::Currency(code, f)) => (NumberLabel::MONEY, Some(code), f),
        Some(Unit::Measure(m)) => (NumberLabel::QUANTITY, Some(m), 1.0),
        Some(Unit::Time(u)) => (NumberLabel::DURATION, Some(u), 1.0),
        None => (NumberLabel::CARDINAL, None, 1.0),
    };
    let scale = |x: f64| Scalar::Number(round(x * factor));
    let amount = if is_range {
        Amount::Range { min: value_min.map(scale), max: value_max.map(scale) }
    } else if a.num.kind == Kind::Vague || trailing == Some(Bound::Min) || bound == Some(Bound::Min) {
        Amount::Range { min: value_min.map(scale), max: None }
    } else if bound == Some(Bound::Max) || trailing == Some(Bound::Max) {
        Amount::Range { min: None, max: value_min.map(scale) }
    } else {
        Amount::Exact(value_min.map(scale))
    };
    approx |= trailing == Some(Bound::Approx);
    // `around “90,000 or more`: `around` outside the quote still hedges it.
    let value = Value { amount, approx, unit: unit.map(str::to_string), total, ..Value::default() };
    Some(Hit { start, core, end, label, value })
}

/// `won 3-1`, `6-3 6-4`, `a 2-1 victory`: a score, not a range.
fn score(t: &Toks, a: &Amt, b: &Amt, k: usize) -> bool {
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

/// Rounds away binary noise (`0.1 * 3`), keeping 12 significant digits.
fn round(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let mag = x.abs().log10().floor() as i32;
    let p = 10f64.powi(11 - mag);
    if p.is_finite() && p > 0.0 && (x * p).abs() < 9e15 {
        (x * p).round() / p
    } else {
        x
    }
}

fn same_unit(a: Unit, b: Unit) -> bool {
    match (a, b) {
        (Unit::Currency(x, _), Unit::Currency(y, _)) => x == y,
        _ => a == b,
    }
}

/// A number with its currency or unit.
#[derive(Debug, Clone, Copy)]
struct Amt {
    num: Num,
    unit: Option<Unit>,
    /// Where the unit ends (or the number, with no unit).
    unit_end: usize,
    /// The end of the whole amount (after `old`, `-long`).
    end: usize,
}

impl Amt {
    fn num_end(&self) -> usize {
        self.num.end
    }
}

/// A number with a currency before or a unit after, from token `i`.
fn amount(t: &Toks, i: usize) -> Option<Amt> {
    // Currency before: `$400 million`, `US$ 150`, `c $ 16.4`, `USD 22.5 million`, `€2m`.
    if let Some((code, f, k)) = currency_before(t, i) {
        let num = numbers::parse_money(t, k)?;
        if num.kind == Kind::Ordinal {
            return None;
        }
        let mut end = num.end;
        // `$ 2.54 billion` is read by the number; `75 USD million` too rare to follow.
        if units::currency_code(t.text(end)).is_some_and(|(c, _)| c == code) {
            end += 1;
        }
        let mut num = num;
        // `c $ 100 and fifty`, `$100 and 50 cents`: the subunit after a whole amount
        if f == 1.0
            && end == num.end
            && num.end == num.start + 1
            && !num.words
            && num.value.fract() == 0.0
            && t.low(end) == "and"
        {
            // digits alone after `and` are rather the next count (`$100 and 50.`)
            let named = |e: usize| units::currency_word(t.low(e - 1)).is_some();
            if let Some((cents, e)) = subunit(t, end + 1, true).filter(|&(_, e)| t.is_word(end + 1) || named(e)) {
                num.value += cents;
                end = e;
            }
        }
        return Some(Amt { num, unit: Some(Unit::Currency(code, f)), unit_end: end, end });
    }
    let num = numbers::parse(t, i)?;
    if num.kind == Kind::Ordinal {
        return Some(Amt { num, unit: None, unit_end: num.end, end: num.end });
    }
    let (unit, unit_end, end, cents) =
        unit_after(t, num.end, &num).map_or((None, num.end, num.end, 0.0), |(u, ue, e, c)| (Some(u), ue, e, c));
    let mut num = num;
    num.value += cents;
    Some(Amt { num, unit, unit_end, end })
}

/// A currency sign or code before the amount; returns code, factor and where the number starts.
fn currency_before(t: &Toks, i: usize) -> Option<(&'static str, f64, usize)> {
    let s = t.text(i);
    if let Some(code) = units::currency_sign(s) {
        return Some((code, 1.0, i + 1));
    }
    if t.is_word(i) {
        let low = t.low(i);
        // `US$`, `C$`, `HK$`, and their spaced forms
        let spaced_ok = low.len() <= 3 && !matches!(low, "a" | "s" | "r" | "an");
        if units::currency_sign(t.text(i + 1)) == Some("USD") && (t.glued(i + 1) || spaced_ok) {
            if let Some(code) = units::dollar_prefix(low.trim_end_matches('.')) {
                return Some((code, 1.0, i + 2));
            }
        }
        // `Rs 500 crore`, `Rs. 500`
        if low == "rs" && t.capitalised(i) {
            let k = if t.text(i + 1) == "." { i + 2 } else { i + 1 };
            if t.is_num(k) {
                return Some(("INR", 1.0, k));
            }
        }
        if let Some((code, f)) = units::currency_code(s) {
            if t.is_num(i + 1) && (s.chars().all(|c| c.is_uppercase()) || t.glued(i + 1) || low.len() == 3) {
                return Some((code, f, i + 1));
            }
        }
        // `sen 100,000`: a subunit name written before the digits (lower-case,
        // so never `Sen.` for a senator); the ringgit's, the sen in use today
        if s == "sen" && t.is_num(i + 1) && !t.glued(i + 1) {
            return Some(("MYR", 0.01, i + 1));
        }
        // `dollar 22.5 million`: a singular currency name before digits and a
        // multiplier (never `won`, a verb far more often than the currency).
        if matches!(low, "dollar" | "euro" | "pound" | "yuan" | "rupee" | "peso" | "franc" | "rouble" | "ruble")
            && t.is_num(i + 1)
            && !t.glued(i + 1)
            && matches!(words::scale(t.low(i + 2)), Some(s) if s >= 1e6)
        {
            if let Some((code, f)) = units::currency_word(low) {
                return Some((code, f, i + 1));
            }
        }
    }
    None
}

/// The unit after a number ending at token `e`: its kind, where the unit
/// ends, and where the amount ends (`60 years old`, `3-year-long`).
fn unit_after(t: &Toks, e: usize, num: &Num) -> Option<(Unit, usize, usize, f64)> {
    let glued = t.glued(e);
    let text = t.text(e);
    if text == "%" || text == "٪" {
        return Some((Unit::Percent, e + 1, e + 1, 0.0));
    }
    // `3-year-long`, `six-mile`, `12-cent`: a hyphen then the unit.
    let (u, hyphen) =
        if text == "-" && glued && t.glued(e + 1) && t.is_word(e + 1) { (e + 1, true) } else { (e, false) };
    // `5°C`, `40 °F`, `90°`: degrees, of temperature when a scale follows
    if text == "°" || text == "º" {
        let (sym, end) = match t.text(e + 1) {
            "C" if t.glued(e + 1) => ("°C", e + 2),
            "F" if t.glued(e + 1) => ("°F", e + 2),
            _ => ("°", e + 1),
        };
        return Some((Unit::Measure(sym), end, end, 0.0));
    }
    // `10 " long`, `12″ wide`: an inch mark, spaced only before a dimension word
    // (a spaced straight quote is otherwise a quotation mark)
    if matches!(text, "\"" | "″") && !t.glued(e + 1) {
        let dimension = matches!(t.low(e + 1), "long" | "wide" | "tall" | "high" | "deep" | "thick" | "x" | "by");
        if dimension && (glued || text == "″" || t.is_word(e + 1)) {
            return Some((Unit::Measure("in"), e + 1, e + 1, 0.0));
        }
    }
    // `20 (kg)`, `20 [kg]`: a unit in brackets
    if matches!(text, "(" | "[" | "{" | "<")
        && t.glued(e + 2)
        && matches!(t.text(e + 2), ")" | "]" | "}" | ">")
        && t.glued(e + 1)
    {
        if let Some(m) = units::measure(t.low(e + 1)) {
            return Some((Unit::Measure(m), e + 3, e + 3, 0.0));
        }
    }
    let low = t.low(u);
    match low {
        "percent" | "pct" | "percents" | "percentage" if !hyphen => return Some((Unit::Percent, u + 1, u + 1, 0.0)),
        "per" if t.low(u + 1) == "cent" => return Some((Unit::Percent, u + 2, u + 2, 0.0)),
        _ => {}
    }
    // `10 €`, `100元`: a sign after the amount, not the start of the next one,
    // unless the next number has a unit of its own: `10 $ 30 $` is two amounts,
    // and `10 $ 30 cent` is one with its subunit.
    if let Some(code) = units::currency_sign(text) {
        if !hyphen && !t.is_num(e + 1) {
            return Some((Unit::Currency(code, 1.0), e + 1, e + 1, 0.0));
        }
        if !hyphen && !t.glued(e + 1) {
            if let Some(next) = numbers::parse(t, e + 1).filter(|n| n.kind == Kind::Cardinal) {
                let sub = units::currency_word(t.low(next.end)).filter(|&(c, f)| c == code && f == 0.01);
                if sub.is_some() && next.value < 100.0 && next.value.fract() == 0.0 && num.value.fract() == 0.0 {
                    return Some((Unit::Currency(code, 1.0), next.end + 1, next.end + 1, next.value / 100.0));
                }
                if has_unit(t, next.end) {
                    return Some((Unit::Currency(code, 1.0), e + 1, e + 1, 0.0));
                }
            }
        }
    }
    // `one kuai and five mao five`: colloquial yuan, ten mao to the kuai, and a
    // closing digit for the fen (`mao` only after a kuai: it is a name too)
    if low == "kuai" && !hyphen {
        let mut end = u + 1;
        let mut cents = 0.0;
        let k = if t.low(end) == "and" { end + 1 } else { end };
        if let Some(m) =
            numbers::parse(t, k).filter(|m| m.kind == Kind::Cardinal && m.value < 10.0 && m.value.fract() == 0.0)
        {
            if t.text(m.end) == "mao" {
                cents = m.value / 10.0;
                end = m.end + 1;
                if let Some(f) = numbers::parse(t, end)
                    .filter(|f| f.kind == Kind::Cardinal && f.value < 10.0 && f.value.fract() == 0.0)
                {
                    if numbers::closes_clause(t, f.end) {
                        cents += f.value / 100.0;
                        end = f.end;
                    }
                }
            }
        }
        return Some((Unit::Currency("CNY", 1.0), end, end, cents));
    }
    if let Some((code, f)) = units::currency_word(low) {
        if low == "won" && !num.words && num.value < 1000.0 {
            return None;
        }
        // `3 dollars 50 cents`, `13 dollars and 45 cents`, `15 dollars 50.`
        if f == 1.0 && !hyphen && matches!(low, "dollar" | "dollars" | "euro" | "euros" | "pound" | "pounds") {
            let k = if t.low(u + 1) == "and" { u + 2 } else { u + 1 };
            // `one dollar and two and three points`: after a singular unit and `and`,
            // a number in words is its subunit up to a conjunction too
            let singular = matches!(low, "dollar" | "euro" | "pound") && k == u + 2;
            if let Some((cents, end)) = subunit(t, k, singular) {
                return Some((Unit::Currency(code, 1.0), end, end, cents));
            }
        }
        if matches!(low, "pound" | "pounds") && num.value < 1e5 {
            // Weight unless a multiplier says money (`361 million pounds`).
            return Some((Unit::Measure("lb"), u + 1, u + 1, 0.0));
        }
        return Some((Unit::Currency(code, f), u + 1, u + 1, 0.0));
    }
    if let Some((code, f)) = units::currency_code(t.text(u)) {
        // `3 USD50`: a code glued to the number after it is that number's
        if !glued && t.glued(u + 1) && t.is_num(u + 1) {
            return None;
        }
        if t.text(u).chars().all(|c| c.is_uppercase()) || glued || (low.len() == 3 && low != "try") {
            // `75 USD million`: the multiplier after the code
            if let Some(s) = words::scale(t.low(u + 1)) {
                return Some((Unit::Currency(code, f * s), u + 2, u + 2, 0.0));
            }
            // `17 USD 25`: two spaced digits after a code of a whole amount are its cents,
            // unless they start an amount of their own (`5 USD 20 percent`).
            let cents = t.text(u + 1);
            if f == 1.0
                && !hyphen
                && !glued
                && !num.words
                && num.value.fract() == 0.0
                && num.kind == Kind::Cardinal
                && t.is_num(u + 1)
                && !t.glued(u + 1)
                && cents.len() == 2
                && cents.bytes().all(|b| b.is_ascii_digit())
            {
                let next = t.low(u + 2);
                let own = t.is_num(u + 2)
                    || matches!(t.text(u + 2), "%" | "/" | "-" | "–" | "." | ",") && t.glued(u + 2) && t.is_num(u + 3)
                    || matches!(t.text(u + 2), "%")
                    || units::currency_sign(t.text(u + 2)).is_some()
                    || units::currency_code(t.text(u + 2)).is_some()
                    || units::currency_word(next).is_some()
                    || units::measure(next).is_some()
                    || units::time_unit(next).is_some()
                    || words::scale(next).is_some()
                    || matches!(next, "percent" | "per" | "pct" | "to" | "and" | "or");
                if !own {
                    let c: f64 = cents.parse().unwrap_or(0.0);
                    return Some((Unit::Currency(code, f), u + 2, u + 2, c / 100.0));
                }
            }
            return Some((Unit::Currency(code, f), u + 1, u + 1, 0.0));
        }
    }
    // `125 million australian dollars`, `10,000 swiss francs`, `hong kong dollars`.
    for skip in [1, 2] {
        let noun = t.low(u + skip);
        if units::currency_word(noun).is_some() {
            let adj = t.low(u + skip - 1);
            if let Some(code) = units::currency_country(adj, noun) {
                if skip == 1 || (t.low(u) == "hong" || t.low(u) == "new") {
                    return Some((Unit::Currency(code, 1.0), u + skip + 1, u + skip + 1, 0.0));
                }
            }
        }
    }
    if let Some(tu) = units::time_unit(low).or_else(|| (low == "h" && !glued && !t.is_word(u + 1)).then_some("hour")) {
        // `a second` is an ordinal more often than a duration; `3.5 second` is a length
        if low == "second" && (num.words || glued) {
            return None;
        }
        let mut end = u + 1;
        // `60 years old`, `3-year-old`, `3-year-long`
        if t.low(end) == "old" && (!hyphen || t.glued(end)) {
            end += 1;
        } else if t.text(end) == "-" && t.glued(end) && matches!(t.low(end + 1), "old" | "long") {
            end += 2;
        }
        return Some((Unit::Time(tu), u + 1, end, 0.0));
    }
    // Measures: `155mm`, `10 kilometres`, `1.6 km`, `square meters`, `metric tons`.
    let (mu, prefix) = match low {
        "square" | "sq" | "cubic" | "metric" if !hyphen => (u + 1, low),
        _ => (u, ""),
    };
    let mlow = t.low(mu);
    let as_written = t.text(mu);
    let symbol = units::measure(mlow)?;
    if units::measure_needs_glue(mlow) && !(glued || hyphen) && prefix.is_empty() {
        // `48 m` is metres only when nothing reads it as a word (`2 pm`, `5 in`).
        // `1 m x 1 m`: a dimension's `x` is no word that reads `m` otherwise.
        if !matches!(mlow, "m" | "g" | "t" | "l") || t.is_word(mu + 1) && !matches!(t.text(mu + 1), "x" | "×") {
            return None;
        }
    }
    if as_written == "M" && glued {
        return None;
    }
    // `24703 m212`, `24703 L-202`: digits glued after the unit make it a code.
    if !glued
        && t.glued(mu + 1)
        && (t.is_num(mu + 1) && !matches!(t.text(mu + 1), "2" | "3")
            || t.text(mu + 1) == "-" && t.is_num(mu + 2) && t.glued(mu + 2))
    {
        return None;
    }
    if mlow == "mb" && as_written == "MB" {
        return Some((Unit::Measure("MB"), mu + 1, mu + 1, 0.0));
    }
    if mlow == "mb" {
        return Some((Unit::Measure("Mb"), mu + 1, mu + 1, 0.0));
    }
    let mut end = mu + 1;
    let mut symbol = symbol.to_string();
    // `5 feet 2 inches`, `12 ft 2 in`: one length in feet
    if symbol == "ft" && !hyphen {
        let k = if t.low(end) == "and" { end + 1 } else { end };
        if let Some(n) = numbers::parse(t, k).filter(|n| n.kind == Kind::Cardinal && n.value < 12.0) {
            if matches!(t.low(n.end), "in" | "inch" | "inches") {
                return Some((Unit::Measure("ft"), n.end + 1, n.end + 1, n.value / 12.0));
            }
        }
    }
    match prefix {
        "square" | "sq" => symbol.push('2'),
        "cubic" => symbol.push('3'),
        _ => {}
    }
    // `km2`, `m²`
    if t.glued(end) && matches!(t.text(end), "2" | "3" | "²" | "³") {
        symbol.push_str(match t.text(end) {
            "2" | "²" => "2",
            _ => "3",
        });
        end += 1;
    }
    // speeds: `miles an hour`, `kilometers per hour`, `km/h`, `km/hr`
    if let Some(k) =
        t.phrase(end, "an hour").or_else(|| t.phrase(end, "per hour")).or_else(|| t.phrase(end, "per millisecond"))
    {
        symbol = format!("{symbol}/{}", if t.low(k - 1) == "millisecond" { "ms" } else { "h" });
        end = k;
    } else if t.text(end) == "/"
        && t.glued(end)
        && matches!(t.low(end + 1), "h" | "hr" | "hour" | "ms" | "millisecond" | "s")
    {
        symbol = format!("{symbol}/{}", t.low(end + 1));
        end += 2;
    }
    let leaked: &'static str = intern(&symbol);
    Some((Unit::Measure(leaked), end, end, 0.0))
}

/// A subunit in cents at `k` after a main unit (and `and`): `50 cents`, or a
/// number alone that closes the clause (`15 dollars 50.`), or, when `words_ok`,
/// a number in words before a conjunction (`one dollar and two and ...`).
/// Its value in the main unit and where it ends.
fn subunit(t: &Toks, k: usize, words_ok: bool) -> Option<(f64, usize)> {
    let c = numbers::parse(t, k).filter(|c| c.kind == Kind::Cardinal && c.value < 100.0 && c.value.fract() == 0.0)?;
    if units::currency_word(t.low(c.end)).is_some_and(|(_, sf)| sf == 0.01) {
        return Some((c.value / 100.0, c.end + 1));
    }
    let closes =
        matches!(t.text(c.end), "." | "," | "!" | "?" | "") && t.kind(c.end + 1).is_none_or(|_| t.text(c.end) != ".");
    let conjunction = words_ok && c.words && matches!(t.low(c.end), "and" | "or");
    (closes || conjunction || t.kind(c.end).is_none()).then_some((c.value / 100.0, c.end))
}

/// Whether a unit, currency or percent sign starts at token `k` (without
/// reading further amounts, so chains of numbers stay linear).
fn has_unit(t: &Toks, k: usize) -> bool {
    let low = t.low(k);
    units::currency_sign(t.text(k)).is_some()
        || matches!(t.text(k), "%" | "٪")
        || units::currency_word(low).is_some()
        || units::currency_code(t.text(k)).is_some()
        || units::measure(low).is_some()
        || units::time_unit(low).is_some()
        || matches!(low, "percent" | "pct")
}

/// The fixed set of unit symbols we build (no allocation leaks: a static table).
fn intern(s: &str) -> &'static str {
    const KNOWN: &[&str] = &[
        "mm",
        "cm",
        "dm",
        "m",
        "km",
        "mi",
        "ft",
        "in",
        "yd",
        "nmi",
        "kg",
        "g",
        "mg",
        "µg",
        "t",
        "lb",
        "oz",
        "l",
        "ml",
        "gal",
        "bbl",
        "acre",
        "ha",
        "km2",
        "m2",
        "mph",
        "km/h",
        "kn",
        "°",
        "rad",
        "turn",
        "kW",
        "MW",
        "GW",
        "kWh",
        "MWh",
        "GWh",
        "TWh",
        "bit",
        "B",
        "kB",
        "MB",
        "GB",
        "TB",
        "calibre",
        "tbsp",
        "tsp",
        "cup",
        "dram",
        "pm",
        "kt",
        "Mt",
        "mm2",
        "cm2",
        "dm2",
        "mi2",
        "ft2",
        "in2",
        "yd2",
        "m3",
        "cm3",
        "km3",
        "ft3",
        "mi/h",
        "m/h",
        "km/hr",
        "km/ms",
        "m/ms",
        "cm/ms",
        "km/millisecond",
        "cm/millisecond",
        "m/millisecond",
        "m/s",
        "km/s",
        "ft/s",
        "t2",
        "Mb",
        "km/hour",
        "°C",
        "°F",
    ];
    KNOWN.iter().copied().find(|k| *k == s).unwrap_or("unit")
}

/// `percent of 10`, `per cent of twenty-two`: the unit written first.
fn percent_of(t: &Toks, i: usize) -> Option<Hit> {
    let k = match t.low(i) {
        "percent" | "percents" => i + 1,
        "per" if t.low(i + 1) == "cent" => i + 2,
        _ => return None,
    };
    if t.low(k) != "of" || (i > 0 && (t.is_num(i - 1) || words::cardinal(t.low(i - 1)).is_some())) {
        return None;
    }
    let n = numbers::parse(t, k + 1).filter(|n| n.kind == Kind::Cardinal)?;
    let value = Value::exact(n.value).unit("%");
    Some(Hit { start: i, core: i, end: n.end, label: NumberLabel::PERCENT, value })
}

/// Numbers that are not figures here: the pronoun `one`, numbers inside
/// names (`24th Mechanised Brigade`, `Formula One`), a bare `second`.
fn rejected(t: &Toks, a: &Amt) -> bool {
    let n = &a.num;
    let i = n.start;
    if n.words && n.end == i + 1 {
        let w = t.low(i);
        if w == "one" && numbers::pronoun_one(t, i) {
            return a.unit.is_none();
        }
        // Capitalised number words inside a name: `Formula One`, `First Lady`.
        if t.capitalised(i) && !t.sentence_start(i) && (t.capitalised(i + 1) || (i > 0 && t.capitalised(i - 1))) {
            return true;
        }
        if w == "second" && i > 0 && matches!(t.low(i - 1), "a" | "per" | "every" | "one") && a.unit.is_none() {
            return true;
        }
    }
    if n.kind == Kind::Ordinal {
        // `24th Mechanised Brigade`, `Third Reich`: a capitalised name follows.
        let next = n.end;
        if t.capitalised(next) && !is_month(t.low(next)) {
            return true;
        }
        if n.words && t.capitalised(i) && !t.sentence_start(i) {
            return true;
        }
    }
    if !n.words && named_number(t, i) && a.unit.is_none() {
        return true;
    }
    // `the one`, `a` alone
    if n.words && n.value == 1.0 && matches!(t.low(i), "a" | "an") {
        return true;
    }
    // digits right after a name-like capitalised word and a hyphen were blocked; a
    // lone single-digit list marker `1)` is no figure
    if !n.words && t.line_start(i) && matches!(t.text(n.end), ")") {
        return true;
    }
    false
}

/// Four plain digits that read as a year (1000-2199).
fn year_like(t: &Toks, n: Num) -> bool {
    let s = t.text(n.start);
    n.end == n.start + 1 && s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && (1000.0..2200.0).contains(&n.value)
}

/// A number right after a capitalised word that names something with it:
/// `Boeing 737`, `Article 5`, `Route 66`, `Windows 11`, `Euro 2024`, `No. 10`.
pub(super) fn named_number(t: &Toks, i: usize) -> bool {
    if !t.is_num(i) || t.glued(i) || t.text(i).contains([',', '.']) || i == 0 {
        return false;
    }
    let mut p = i - 1;
    if t.text(p) == "." && t.glued(p) && p > 0 {
        p -= 1; // `No. 10`
    }
    let w = t.low(p);
    t.capitalised(p)
        && !t.sentence_start(p)
        && !is_month(w)
        && !matches!(w, "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec")
        && !matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
        && units::currency_code(w).is_none()
        && units::dollar_prefix(w).is_none()
        && w != "rs"
}

fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}
