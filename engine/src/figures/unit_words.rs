//! The unit written around a number: a currency before it (`$`, `US$`, `Rs`,
//! `USD`), or a unit after it (`155mm`, `10 kilometres an hour`, `60 years
//! old`, `3 dollars 50 cents`, `5 feet 2 inches`), read with the tables of
//! [`units`](super::units).

use super::numbers::{self, Kind, Num};
use super::units::{self, Unit};
use super::{words, Toks};

/// A currency sign or code before the amount; returns code, factor and where the number starts.
pub(super) fn currency_before(t: &Toks, i: usize) -> Option<(&'static str, f64, usize)> {
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
pub(super) fn unit_after(t: &Toks, e: usize, num: &Num) -> Option<(Unit, usize, usize, f64)> {
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
pub(super) fn subunit(t: &Toks, k: usize, words_ok: bool) -> Option<(f64, usize)> {
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
