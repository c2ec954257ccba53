//! Amounts: a number with its qualifiers, currency or unit, range and total,
//! labelled CARDINAL, MONEY, PERCENT, QUANTITY, ORDINAL or DURATION.
//!
//! `around 8,000 to 12,000`, `$400 million`, `tens of billions of dollars`,
//! `about 2%`, `155mm`, `almost 3-year-long`, `60 years old`, `50 of 80`.

use super::numbers::{self, Kind, Num};
use super::qualifiers::{self, Bound};
use super::unit_words::{currency_before, subunit, unit_after};
use super::{ranges, units, units::Unit, words, Context, Hit, Toks};
use crate::doc::{Amount, NumberLabel, Scalar, Value};
use crate::text::TokenKind;

/// The amount starting at token `i`, if one does: one amount, a range led
/// by `from` (`from 8,000 to 12,000`), or two bounds of one quantity (`more
/// than 10 but fewer than 20`).
pub(super) fn at(t: &Toks, i: usize, _ctx: &Context) -> Option<Hit> {
    if t.low(i) == "from" {
        // `rose from 8,000 to 12,000` is a change between two figures, not a range
        let number_next = t.numeric(i + 1) || t.kind(i + 1) == Some(TokenKind::Symbol);
        if !number_next || ranges::changing(t, i) {
            return None;
        }
        let h = one(t, i + 1, true)?;
        let range = matches!(h.value.amount, Amount::Range { min: Some(_), max: Some(_) });
        return (range && h.start == i + 1).then_some(Hit { start: i, core: h.core, ..h });
    }
    let h = one(t, i, false)?;
    Some(ranges::two_bounds(t, &h, one).unwrap_or(h))
}

/// One amount at `i`; `from_led` when `from` came before it (its range stays one).
pub(super) fn one(t: &Toks, i: usize, from_led: bool) -> Option<Hit> {
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
    let change = !from_led && start > 0 && t.low(start - 1) == "from" && ranges::changing(t, start - 1);
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
                let hyphen_ok = (!matches!(t.text(k - 1), "-" | "–") || (t.glued(k - 1) == t.glued(k)))
                    && !ranges::score(t, &a, &b, k);
                if compatible
                    && hyphen_ok
                    && (b.num.kind == Kind::Ordinal) == (a.num.kind == Kind::Ordinal)
                    && b.num.value > a.num.value
                    && !ranges::change_to_level(t, start, a.num.value, b.num.value, k)
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
pub(super) struct Amt {
    pub num: Num,
    pub unit: Option<Unit>,
    /// Where the unit ends (or the number, with no unit).
    pub unit_end: usize,
    /// The end of the whole amount (after `old`, `-long`).
    pub end: usize,
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
