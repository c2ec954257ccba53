//! The number itself: digits with separators and decimals, scale words
//! (`1.2 million`, `$10m`), number words (`twelve thousand`, `a dozen`),
//! ordinals (`70th`, `twenty-first`), fractions (`3/4`, `two thirds`) and
//! vague plurals (`thousands`, `tens of billions`).

use super::words::{self, Builder, Word};
use super::Toks;

/// What kind of number was read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Cardinal,
    Ordinal,
    Fraction,
    /// `thousands`: the value is the least it means (2000), approximate.
    Vague,
}

/// A number over tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub kind: Kind,
    /// Written in words (not digits) at its start.
    pub words: bool,
}

/// A number as the plain number recogniser sees it (no units, no dates), in bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct RawNumber {
    pub span: std::ops::Range<usize>,
    pub value: f64,
    pub ordinal: bool,
}

/// Every number in the text, read on its own (for comparing with plain
/// number recognisers); figures use [`super::find`].
pub fn scan_numbers(analysis: &crate::text::Analysis) -> Vec<RawNumber> {
    let t = Toks::new(analysis);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !(t.blocked[i] || t.low(i) == "one" && pronoun_one(&t, i)) {
            if let Some(groups) = comma_list(t.text(i)) {
                let at = t.start(i);
                out.extend(groups.into_iter().map(|(s, e, value)| RawNumber {
                    span: at + s..at + e,
                    value,
                    ordinal: false,
                }));
                i += 1;
                continue;
            }
            if let Some(n) = parse(&t, i) {
                out.push(RawNumber {
                    span: t.start(n.start)..t.end(n.end - 1),
                    value: n.value,
                    ordinal: n.kind == Kind::Ordinal,
                });
                i = n.end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Whether `one` at token `i` is the pronoun (`the one that`, `which one`), not a count.
pub fn pronoun_one(t: &Toks, i: usize) -> bool {
    let prev = if i > 0 { t.low(i - 1) } else { "" };
    let next = t.low(i + 1);
    matches!(
        prev,
        "the"
            | "this"
            | "that"
            | "which"
            | "no"
            | "any"
            | "every"
            | "each"
            | "another"
            | "one"
            | "little"
            | "other"
            | "only"
            | "loved"
            | "ones"
            | "someone"
            | "last"
            | "next"
            | "previous"
            | "current"
            | "right"
            | "wrong"
    ) || matches!(next, "that" | "who" | "which" | "another" | "whose" | "way")
        || (next == "of" && matches!(t.low(i + 2), "them" | "those" | "us" | "these" | "you"))
}

/// The value of a digit token: `8,000`, `2.5`, `1,234,567.89`, `1.111,11`, `12,34,567`.
pub fn digits(s: &str) -> Option<f64> {
    if let Some(f) = vulgar(s) {
        return Some(f);
    }
    let s: String = s.chars().filter(|c| !matches!(c, '\u{202f}' | '\u{a0}' | '\u{2009}' | '_')).collect();
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let plain = |x: &str| -> Option<f64> {
        if x.is_empty() || !x.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return None;
        }
        x.parse().ok()
    };
    match (commas, dots) {
        (0, 0) | (0, 1) => plain(&s),
        (0, _) => {
            // `1.234.567`: dots group thousands (European), else not a number (an address).
            let groups: Vec<&str> = s.split('.').collect();
            if groups[1..].iter().all(|g| g.len() == 3) && groups[0].len() <= 3 {
                plain(&groups.concat())
            } else {
                None
            }
        }
        (_, _) => {
            let last_comma = s.rfind(',')?;
            let last_dot = s.rfind('.');
            if last_dot.is_some_and(|d| d > last_comma) || dots == 0 {
                // Commas group: `1,234,567.89`, `12,34,567` (Indian), or a decimal comma `1,3`.
                let int = &s[..last_dot.unwrap_or(s.len())];
                let groups: Vec<&str> = int.split(',').collect();
                let western = groups[1..].iter().all(|g| g.len() == 3);
                let indian = groups.len() >= 3
                    && groups.last().is_some_and(|g| g.len() == 3)
                    && groups[1..groups.len() - 1].iter().all(|g| g.len() == 2);
                if western || indian {
                    plain(&s.replace(',', ""))
                } else if commas == 1 && dots == 0 {
                    plain(&s.replace(',', "."))
                } else {
                    None
                }
            } else {
                // `1.111,11`: dots group, the comma is the decimal mark.
                let (int, frac) = s.split_at(last_comma);
                let groups: Vec<&str> = int.split('.').collect();
                if groups[1..].iter().all(|g| g.len() == 3) && frac.len() > 1 {
                    plain(&format!("{}.{}", groups.concat(), &frac[1..]))
                } else {
                    None
                }
            }
        }
    }
}

/// `22,24,26,31`: digit groups joined by commas that group no thousands (two
/// or more commas, not `1,000,000` or `12,34,567`) are a list: each group's
/// byte range in `s` and its value.
pub fn comma_list(s: &str) -> Option<Vec<(usize, usize, f64)>> {
    if s.matches(',').count() < 2 || !s.bytes().all(|b| b.is_ascii_digit() || b == b',') || digits(s).is_some() {
        return None;
    }
    let mut out = Vec::new();
    let mut at = 0;
    for g in s.split(',') {
        // `1,000,00` is a mistyped number, not a list
        if g.is_empty() || g.len() > 4 || (g.len() > 1 && g.starts_with('0')) {
            return None;
        }
        out.push((at, at + g.len(), g.parse().ok()?));
        at += g.len() + 1;
    }
    Some(out)
}

/// A single-character fraction: `½`, `¾`, `⅔`.
fn vulgar(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

/// A multiplier glued to digits (`10k`, `$10m`, `1.2bn`, `10M`). Lower-case
/// `m` alone is metres unless money is being read.
fn glued_scale(word: &str, money: bool) -> Option<f64> {
    Some(match word {
        "k" | "K" => 1e3,
        "M" | "MM" | "mil" | "mln" | "mn" => 1e6,
        "m" if money => 1e6,
        "b" | "B" | "bn" | "bln" => 1e9,
        "tn" | "tln" => 1e12,
        "G" => 1e9,
        _ => return None,
    })
}

/// Reads the number starting at token `i` (with `money` when a currency sign
/// came before, so `$10m` is ten million).
pub fn parse(t: &Toks, i: usize) -> Option<Num> {
    parse_with(t, i, false)
}

pub fn parse_money(t: &Toks, i: usize) -> Option<Num> {
    parse_with(t, i, true)
}

fn parse_with(t: &Toks, i: usize, money: bool) -> Option<Num> {
    let n = parse_one(t, i, money)?;
    // an amount of money is never divided (`$5 over 3.`)
    Some(if money { n } else { over(t, n).unwrap_or(n) })
}

/// `one over three`, `2000 over 3`: a division, when both are plain numbers
/// and the divisor closes the clause; `2,000 over 3 years`, `won 5 over 3
/// rivals`, `in 2020 over 2019` (a year against a year) and a result after a
/// verb of winning or voting (`voted 52 over 48.`) are no division.
fn over(t: &Toks, n: Num) -> Option<Num> {
    if n.kind != Kind::Cardinal || t.low(n.end) != "over" {
        return None;
    }
    let before = if n.start > 0 { t.low(n.start - 1) } else { "" };
    if matches!(
        before,
        "won"
            | "win"
            | "wins"
            | "beat"
            | "beats"
            | "defeated"
            | "voted"
            | "vote"
            | "votes"
            | "led"
            | "leads"
            | "lost"
            | "edged"
            | "scored"
    ) {
        return None;
    }
    let k = n.end + 1;
    let d = parse_one(t, k, false).filter(|d| d.kind == Kind::Cardinal && d.value != 0.0)?;
    let year = d.end == k + 1 && t.text(k).len() == 4 && (1000.0..2200.0).contains(&d.value);
    (closes_clause(t, d.end) && !year).then_some(Num {
        end: d.end,
        value: n.value / d.value,
        kind: Kind::Fraction,
        ..n
    })
}

/// Token `k` ends the text or is punctuation that closes a clause or sentence.
pub(super) fn closes_clause(t: &Toks, k: usize) -> bool {
    t.kind(k).is_none() || matches!(t.text(k), "." | "," | ";" | ":" | "!" | "?" | ")")
}

fn parse_one(t: &Toks, i: usize, money: bool) -> Option<Num> {
    if t.blocked.get(i).copied().unwrap_or(true) {
        return None;
    }
    if t.is_num(i) {
        return parse_digits(t, i, money);
    }
    // `-9.5`, `minus five`, `negative one over 20`: a sign before the number.
    // A spaced `- 1 4/5` only where a clause starts and the number closes it,
    // so neither a range's dash (`10 - 12`) nor a list bullet (`- 5 killed`) is one.
    let spaced = matches!(t.text(i), "-" | "−")
        && !t.glued(i + 1)
        && t.is_num(i + 1)
        && (t.sentence_start(i) || matches!(t.text(i - 1), "," | ";" | "="));
    let sign = match t.text(i) {
        "-" | "−" => spaced || t.glued(i + 1) && !t.glued(i) && !(i > 0 && t.is_num(i - 1)) && t.is_num(i + 1),
        _ => matches!(t.low(i), "minus" | "negative") && !(i > 0 && t.is_num(i - 1)),
    };
    if sign {
        // One sign only (`minus minus` is no number), which also bounds the recursion.
        if matches!(t.low(i + 1), "minus" | "negative") {
            return None;
        }
        let n = parse_with(t, i + 1, money).filter(|n| n.kind != Kind::Ordinal && n.kind != Kind::Vague)?;
        if spaced && !closes_clause(t, n.end) {
            return None;
        }
        return Some(Num { start: i, value: -n.value, ..n });
    }
    if t.is_word(i) {
        return vague(t, i).or_else(|| parse_words(t, i));
    }
    None
}

fn parse_digits(t: &Toks, i: usize, money: bool) -> Option<Num> {
    let mut value = digits(t.text(i))?;
    let mut end = i + 1;
    if vulgar(t.text(i)).is_some() {
        return Some(Num { start: i, end, value, kind: Kind::Fraction, words: false });
    }
    // Scientific notation and powers: `1.3e6`, `1.3x10^6`, `2.5^-1`.
    if let Some((exp, e)) = exponent(t, end) {
        let v = match exp {
            Exponent::Ten(x) => value * 10f64.powi(x),
            Exponent::Power(x) => value.powi(x),
        };
        if v.is_finite() {
            return Some(Num { start: i, end: e, value: v, kind: Kind::Cardinal, words: false });
        }
    }
    // `.08`: a decimal with no leading zero
    let mut start = i;
    if i > 0
        && t.text(i - 1) == "."
        && t.glued(i)
        && (i == 1 || !t.glued(i - 1))
        && t.text(i).bytes().all(|b| b.is_ascii_digit())
    {
        if let Ok(f) = format!("0.{}", t.text(i)).parse::<f64>() {
            value = f;
            start = i - 1;
        }
    }
    // `1 234 567`, `40 000`: thin or plain spaces grouping thousands
    if start == i && t.text(i).len() <= 3 && t.text(i).bytes().all(|b| b.is_ascii_digit()) {
        let mut k = end;
        let mut grouped = value;
        while t.is_num(k)
            && !t.glued(k)
            && t.text(k).len() == 3
            && t.text(k).bytes().all(|b| b.is_ascii_digit())
            && t.start(k) == t.end(k - 1) + 1
        {
            grouped = grouped * 1000.0 + digits(t.text(k)).unwrap_or(0.0);
            k += 1;
        }
        if k > end && (t.glued(k) || !t.is_num(k)) {
            value = grouped;
            end = k;
        }
    }
    // Ordinal suffix: `70th`, `21st`.
    if t.glued(end) && matches!(t.low(end), "st" | "nd" | "rd" | "th") {
        return Some(Num { start: i, end: end + 1, value, kind: Kind::Ordinal, words: false });
    }
    if start < i || end > i + 1 {
        return Some(Num { start, end, value, kind: Kind::Cardinal, words: false });
    }
    // Fraction `3/4`, and a mixed number `2 1/4`.
    if let Some((f, e)) = slash_fraction(t, end - 1) {
        return Some(Num { start: i, end: e, value: f, kind: Kind::Fraction, words: false });
    }
    if !t.text(i).contains(['.', ',']) {
        if let Some((f, e)) = slash_fraction(t, end) {
            if !t.glued(end) && f < 1.0 {
                return Some(Num { start: i, end: e, value: value + f, kind: Kind::Fraction, words: false });
            }
        }
    }
    // Glued multiplier: `10k`, `1.2bn`.
    if t.glued(end) {
        if let Some(s) = glued_scale(t.text(end), money) {
            value *= s;
            end += 1;
            return Some(Num { start: i, end, value, kind: Kind::Cardinal, words: false });
        }
    }
    // A spaced multiplier letter that closes the phrase: `2.33 k`, `1,674.5 G`.
    // Only `k`, `M` and `G`, and only before punctuation or the end, so an
    // initial (`3 M. Smith`) or a Kelvin temperature (`300 K`) is never read.
    if !t.glued(end) && matches!(t.text(end), "k" | "M" | "G") {
        let closes = match t.text(end + 1) {
            "" => true,
            "," | ";" | ")" | "!" | "?" => t.glued(end + 1),
            "." => t.glued(end + 1) && t.text(end + 2).is_empty(),
            _ => false,
        };
        if closes {
            let s = match t.text(end) {
                "k" => 1e3,
                "M" => 1e6,
                _ => 1e9,
            };
            return Some(Num { start: i, end: end + 1, value: value * s, kind: Kind::Cardinal, words: false });
        }
    }
    // Scale words after digits: `400 million`, `3 hundred and 21`, `3 dozens`.
    let mut b = Builder::with_digits(value);
    let mut last_good = (end, value);
    let mut j = end;
    let mut used_words = false;
    loop {
        let w = t.low(j);
        if matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs") && !used_words {
            return Some(Num { start: i, end: j + 1, value: value * 12.0, kind: Kind::Cardinal, words: false });
        }
        if let Some(word @ (Word::Hundred | Word::Scale(_))) = words::cardinal(w) {
            if b.push(word) {
                j += 1;
                used_words = true;
                // `three lakh crore`: a second, larger multiplier multiplies it all.
                while let Some(s) = words::scale(t.low(j)) {
                    if s > 1e5 && b.value() * s < 1e16 {
                        b = Builder::with_digits(b.value() * s);
                        j += 1;
                    } else {
                        break;
                    }
                }
                last_good = (j, b.value());
                continue;
            }
        }
        if used_words && b.after_multiplier() {
            // `4 thousand 3 hundred and 21`
            let k = if w == "and" { j + 1 } else { j };
            if t.is_num(k) && !t.text(k).contains([',', '.']) {
                if let Some(x) = digits(t.text(k)) {
                    let mut nb = b.clone();
                    // `3 hundred and 2 hundred` is two numbers: a multiplier the
                    // builder refuses after the digits ends the first before them
                    let pushed = nb.push_digits(x);
                    let refused = pushed
                        && words::cardinal(t.low(k + 1))
                            .is_some_and(|w| matches!(w, Word::Hundred | Word::Scale(_)) && !nb.accepts(w));
                    if pushed && !refused {
                        b = nb;
                        j = k + 1;
                        last_good = (j, b.value());
                        continue;
                    }
                }
            }
            if let Some((n, e)) = word_run(t, k, Some(b.clone())) {
                if e > k && n.kind == Kind::Cardinal {
                    last_good = (e, n.value);
                }
            }
        }
        break;
    }
    let (end, value) = last_good;
    // `3 million and a half`: half a million more
    if used_words && t.low(end) == "and" {
        if let Some((f, e)) = fraction_at(t, end + 1) {
            if let Some(s) = b.last_scale().filter(|&s| s >= 1e3) {
                if words::scale(t.low(e)).is_none() {
                    return Some(Num { start: i, end: e, value: value + f * s, kind: Kind::Fraction, words: false });
                }
            }
        }
    }
    Some(Num { start: i, end, value, kind: Kind::Cardinal, words: false })
}

/// An exponent written after a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Exponent {
    /// `e6`, `x10^6`: times ten to the power.
    Ten(i32),
    /// `^2`: the number to the power.
    Power(i32),
}

/// The exponent glued on at token `j` (`e6`, `e+14`, `x10^-4`, `^23`, `^--23`)
/// and the token after it. Small integer exponents only.
pub fn exponent(t: &Toks, j: usize) -> Option<(Exponent, usize)> {
    if !t.glued(j) {
        return None;
    }
    let (ten, mut k) = match t.text(j) {
        "e" | "E" => (true, j + 1),
        "x" | "×" if t.text(j + 1) == "10" && t.glued(j + 1) && t.text(j + 2) == "^" && t.glued(j + 2) => {
            (true, j + 3)
        }
        "^" => (false, j + 1),
        _ => return None,
    };
    let mut negative = false;
    while t.glued(k) && !t.text(k).is_empty() && t.text(k).chars().all(|c| matches!(c, '+' | '-' | '−')) {
        negative ^= t.text(k).chars().filter(|&c| c != '+').count() % 2 == 1;
        k += 1;
    }
    let x = t.text(k);
    if !t.glued(k) || x.is_empty() || x.len() > 3 || !x.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // `1e10` needs digits on both sides; `e` alone after a number is no exponent.
    let n: i32 = x.parse().ok()?;
    let n = if negative { -n } else { n };
    Some((if ten { Exponent::Ten(n) } else { Exponent::Power(n) }, k + 1))
}

/// `3/4` at token `i` (a number, `/`, a number, glued): the fraction and the end.
fn slash_fraction(t: &Toks, i: usize) -> Option<(f64, usize)> {
    if !t.is_num(i) || t.text(i + 1) != "/" || !t.is_num(i + 2) {
        return None;
    }
    let tight = t.glued(i + 1) && t.glued(i + 2);
    let spaced = !t.glued(i + 1) && !t.glued(i + 2);
    if !(tight || spaced) || (t.text(i + 3) == "/" && t.glued(i + 3)) {
        return None;
    }
    let a = digits(t.text(i))?;
    let b = digits(t.text(i + 2))?;
    if b == 0.0 || t.text(i).contains(',') || t.text(i + 2).contains(',') || b > 1000.0 {
        return None;
    }
    // `9/11` and `24/7` are names, not fractions: only the usual denominators, and
    // a numerator below them.
    if !matches!(b as u32, 2 | 3 | 4 | 5 | 6 | 8 | 10 | 12 | 16 | 32 | 64 | 100) || a >= b && a != 0.0 && b != 1.0 {
        return None;
    }
    Some((a / b, i + 3))
}

/// Vague plurals: `thousands`, `tens of thousands`, `hundreds of millions`,
/// `several thousand`, `a few hundred`, `dozens`.
fn vague(t: &Toks, i: usize) -> Option<Num> {
    let plural = |w: &str| -> Option<f64> {
        Some(match w {
            "hundreds" => 100.0,
            "thousands" => 1e3,
            "millions" => 1e6,
            "billions" => 1e9,
            "trillions" => 1e12,
            "dozens" => 12.0,
            "tens" => 10.0,
            _ => return None,
        })
    };
    let w = t.low(i);
    let mk = |end, value| Some(Num { start: i, end, value, kind: Kind::Vague, words: true });
    if let Some(u) = plural(w) {
        // `tens of thousands`, `hundreds of millions`
        if t.low(i + 1) == "of" {
            if let Some(u2) = plural(t.low(i + 2)).filter(|&u2| u2 > u && u2 >= 1e3) {
                return mk(i + 3, 2.0 * u * u2);
            }
        }
        if w == "tens" {
            return None;
        }
        // `thousands` must not be the start of a name or a noun compound
        return mk(i + 1, 2.0 * u);
    }
    let (k, at) = match w {
        "several" => (3.0, i + 1),
        "few" => (2.0, i + 1),
        "a" if t.low(i + 1) == "few" => (2.0, i + 2),
        "many" => (2.0, i + 1),
        _ => return None,
    };
    let s = match t.low(at) {
        "hundred" => 100.0,
        "dozen" => 12.0,
        other => words::scale(other)?,
    };
    let mut end = at + 1;
    let mut value = k * s;
    // `several hundred thousand`
    if let Some(s2) = words::scale(t.low(end)).filter(|&s2| s2 > s) {
        value *= s2;
        end += 1;
    }
    mk(end, value)
}

/// Number words from token `i`: `twelve thousand`, `one hundred and six`,
/// `twenty-first`, `a dozen`, `two thirds`, `one and a half`.
fn parse_words(t: &Toks, i: usize) -> Option<Num> {
    let w = t.low(i);
    // `a hundred`, `a million`, `a dozen`, `half a dozen`, `a half`.
    if w == "a" || w == "an" {
        let next = t.low(i + 1);
        if matches!(next, "dozen") {
            return Some(Num { start: i, end: i + 2, value: 12.0, kind: Kind::Cardinal, words: true });
        }
        if matches!(words::cardinal(next), Some(Word::Hundred | Word::Scale(_))) {
            let (n, end) = word_run(t, i + 1, Some(Builder::with_one()))?;
            return Some(Num { start: i, end, ..n });
        }
        // `a quarter million`, `a half`, `a fifth of`, `a hundredth`, `a twenty-first`
        if matches!(next, "quarter" | "half") {
            let d = if next == "half" { 2.0 } else { 4.0 };
            if let Some(s) = words::scale(t.low(i + 2)) {
                return Some(Num { start: i, end: i + 3, value: s / d, kind: Kind::Fraction, words: true });
            }
            if next == "half" || t.low(i + 2) == "of" {
                return Some(Num { start: i, end: i + 2, value: 1.0 / d, kind: Kind::Fraction, words: true });
            }
        }
        let (n, end) = word_run(t, i + 1, None).or_else(|| {
            let d = words::denominator(next).filter(|_| !next.ends_with('s'))?;
            Some((Num { start: i + 1, end: i + 2, value: d, kind: Kind::Ordinal, words: true }, i + 2))
        })?;
        let closes = t.low(end) == "of" || !t.is_word(end) || t.kind(end).is_none();
        let big = matches!(t.low(end - 1), "hundredth" | "thousandth" | "millionth" | "billionth" | "trillionth");
        if n.kind == Kind::Ordinal && n.value > 1.0 && (closes || big) && !matches!(next, "second") {
            return Some(Num { start: i, end, value: 1.0 / n.value, kind: Kind::Fraction, words: true });
        }
        return None;
    }
    if w == "half" {
        if t.low(i + 1) == "a" && t.low(i + 2) == "dozen" {
            return Some(Num { start: i, end: i + 3, value: 6.0, kind: Kind::Cardinal, words: true });
        }
        if let Some(s) = words::scale(t.low(i + 1)) {
            return Some(Num { start: i, end: i + 2, value: s / 2.0, kind: Kind::Fraction, words: true });
        }
        // `more than half`: a bare half after a bound word
        if i > 0
            && matches!(t.low(i - 1), "than" | "about" | "nearly" | "almost" | "over" | "roughly")
            && t.low(i + 1) != "of"
        {
            return Some(Num { start: i, end: i + 1, value: 0.5, kind: Kind::Fraction, words: true });
        }
        return None;
    }
    // `hundred thousand dollars`: a bare `hundred` before a larger multiplier is one hundred
    if w == "hundred" && words::scale(t.low(i + 1)).is_some() && !(i > 0 && t.is_num(i - 1)) {
        let (n, end) = word_run(t, i, Some(Builder::with_one()))?;
        return Some(Num { start: i, end, ..n });
    }
    if w == "quarter" {
        if let Some(s) = words::scale(t.low(i + 1)) {
            return Some(Num { start: i, end: i + 2, value: s / 4.0, kind: Kind::Fraction, words: true });
        }
        return None;
    }
    let (n, end) = word_run(t, i, None)?;
    Some(Num { start: i, end, ..n })
}

/// Runs the builder over number words from `i` (`and` after a multiplier,
/// hyphens between tens and units), then an ordinal or fraction ending,
/// `and a half`, `point five` or `dozens`.
fn word_run(t: &Toks, i: usize, start: Option<Builder>) -> Option<(Num, usize)> {
    let run = core_run(t, i, start)?;
    if let Some(n) = run.ordinal {
        return Some((n, n.end));
    }
    let (b, end, and_at) = (run.builder, run.end, run.and_at);
    let value = b.value();
    let frac = |value: f64, end: usize| Some((Num { start: i, end, value, kind: Kind::Fraction, words: true }, end));
    if and_at.is_none() && value > 0.0 {
        // `one twenty-fifth`, `three twenty firsts`, `one one hundred fifth`:
        // a compound ordinal the numerator cannot absorb is the denominator
        if t.text(end) != "-" {
            if let Some((d, e, plural)) = compound_denominator(t, end) {
                if plural || value == 1.0 {
                    return frac(value / d, e);
                }
            }
        }
        // `one hundred thirty fifths`, `one hundred thirty-fifths`: the tens
        // after a multiplier join the denominator (100/35), as plain readers do
        if let Some(Word::Tens(n)) = words::cardinal(t.low(end.wrapping_sub(1))) {
            let after_multiplier =
                end >= 2 && matches!(words::cardinal(t.low(end - 2)), Some(Word::Hundred | Word::Scale(_)));
            let k = if t.text(end) == "-" { end + 1 } else { end };
            let den_word = t.low(k);
            let unit = den_word.strip_suffix('s').and_then(words::ordinal);
            if let (true, Some(Word::Unit(u))) = (after_multiplier, unit) {
                let numerator = value - n as f64;
                if numerator > 0.0 && u > 0 {
                    return frac(numerator / (n + u) as f64, k + 1);
                }
            }
        }
        // `one hundred one thousand fifths`: likewise a unit and `thousand` after a
        // multiplier join the denominator (100/1005)
        if end >= i + 4
            && t.low(end - 1) == "thousand"
            && matches!(words::cardinal(t.low(end - 3)), Some(Word::Hundred | Word::Scale(_)))
        {
            let unit = t.low(end).strip_suffix('s').and_then(words::ordinal);
            if let (Some(Word::Unit(u)), Some(Word::Unit(o))) = (words::cardinal(t.low(end - 2)), unit) {
                // the numerator is the phrase before them, read again
                let mut nb = Builder::new();
                let whole = (i..end - 2).all(|k| words::cardinal(t.low(k)).is_some_and(|w| nb.push(w)));
                if whole && u > 0 && o > 0 {
                    return frac(nb.value() / (u * 1000 + o) as f64, end + 1);
                }
            }
        }
    }
    // `two-thirds`, `one-quarter`: a hyphenated fraction; after a multiplier
    // (`ninety-five hundred-fifths`) the whole number is the numerator
    if t.text(end) == "-" && t.glued(end) == t.glued(end + 1) && and_at.is_none() && b.last_scale().is_none() {
        let d_word = t.low(end + 1);
        if let Some(d) = words::denominator(d_word).filter(|_| !matches!(d_word, "second" | "seconds")) {
            let plural = d_word.ends_with('s');
            let over_multiplier = b.after_multiplier() && plural && d < 100.0 && t.glued(end);
            if value > 0.0 && (plural || value == 1.0 || d_word == "half") && (value < d || over_multiplier) {
                return frac(value / d, end + 2);
            }
        }
    }
    // `two thirds`, `one hundred and three quarters` (100 + 3/4)
    let den_word = t.low(end);
    if let Some(d) = words::denominator(den_word) {
        let plural = den_word.ends_with('s') || den_word == "half";
        if value > 0.0 && (plural || value == 1.0) && den_word != "seconds" {
            // `one hundred and three quarters` is 100 + 3/4, but a part after `and`
            // no smaller than the denominator makes the whole number the
            // numerator: `one hundred and thirty fifths` is 130/5.
            let (whole, numerator) = match and_at {
                Some(before) if before > 0.0 && value - before < d => (before, value - before),
                _ => (0.0, value),
            };
            let (mut v, e) = scaled_fraction(t, end + 1, numerator / d);
            // `six million and two thirds`: two thirds of a million
            if whole > 0.0 && e == end + 1 {
                if let Some(s) = b.last_scale().filter(|&s| s >= 1e3) {
                    v *= s;
                }
            }
            return frac(whole + v, e);
        }
    }
    // `one and a half`, `six million and two thirds`, `five and a half million`
    if t.low(end) == "and" {
        if let Some((f, e)) = fraction_at(t, end + 1) {
            let after = words::scale(t.low(e));
            let (v, e) = match (after, b.last_scale()) {
                (Some(s), None) => ((value + f) * s, e + 1),
                (Some(s), Some(_)) => (value + f * s, e + 1),
                (None, Some(s)) if s >= 1e3 => (value + f * s, e),
                (None, _) => (value + f, e),
            };
            return frac(v, e);
        }
        // `twenty and three and three fifths`: a unit the tens would take, then the fraction
        if let Some(u @ Word::Unit(n)) = words::cardinal(t.low(end + 1)) {
            if b.after_tens() && b.accepts(u) && t.low(end + 2) == "and" {
                if let Some((f, e)) = fraction_at(t, end + 3) {
                    return frac(value + n as f64 + f, e);
                }
            }
        }
    }
    // `two hundred point zero three`, `nine point nought four`
    if t.low(end) == "point" {
        let mut digits = String::new();
        let mut k = end + 1;
        while let Some(w) = words::cardinal(t.low(k)) {
            match w {
                Word::Unit(n) => digits.push_str(&n.to_string()),
                Word::Teen(n) => digits.push_str(&n.to_string()),
                Word::Tens(n) => {
                    let mut n = n;
                    if t.text(k + 1) == "-" {
                        if let Some(Word::Unit(u)) = words::cardinal(t.low(k + 2)) {
                            n += u;
                            k += 2;
                        }
                    }
                    digits.push_str(&n.to_string());
                }
                _ => break,
            }
            k += 1;
        }
        if !digits.is_empty() {
            if let Ok(f) = format!("0.{digits}").parse::<f64>() {
                return Some((Num { start: i, end: k, value: value + f, kind: Kind::Cardinal, words: true }, k));
            }
        }
    }
    // `three dozens`
    if matches!(t.low(end), "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs") && value > 0.0 {
        // `three hundred and two dozens` is 300 + 24
        let v = match and_at {
            Some(before) if before > 0.0 => before + (value - before) * 12.0,
            _ => value * 12.0,
        };
        return Some((Num { start: i, end: end + 1, value: v, kind: Kind::Cardinal, words: true }, end + 1));
    }
    // `five hundreds`: a plural multiplier right after a small number word
    if and_at.is_none() && b.last_scale().is_none() && value < 100.0 && value.fract() == 0.0 && t.low(end) == "hundreds"
    {
        return Some((
            Num { start: i, end: end + 1, value: value * 100.0, kind: Kind::Cardinal, words: true },
            end + 1,
        ));
    }
    // `three lakh crore`: the Indian stacked multiplier (a lakh of crores)
    if matches!(t.low(end.wrapping_sub(1)), "lakh" | "lac") && t.low(end) == "crore" && and_at.is_none() {
        return Some((Num { start: i, end: end + 1, value: value * 1e7, kind: Kind::Cardinal, words: true }, end + 1));
    }
    Some((Num { start: i, end, value, kind: Kind::Cardinal, words: true }, end))
}

/// A fraction multiplied by a scale after it: `three quarters billion`,
/// `two thirds of a million`.
fn scaled_fraction(t: &Toks, k: usize, f: f64) -> (f64, usize) {
    if let Some(s) = words::scale(t.low(k)) {
        return (f * s, k + 1);
    }
    if t.low(k) == "of" && t.low(k + 1) == "a" {
        if let Some(s) = words::scale(t.low(k + 2)) {
            return (f * s, k + 3);
        }
    }
    (f, k)
}

/// A compound ordinal denominator at `k`: `twenty-fifth(s)`, `twenty firsts`,
/// `one hundred (and) fifth`: its value, the end, and whether it is plural.
fn compound_denominator(t: &Toks, k: usize) -> Option<(f64, usize, bool)> {
    let unit_at = |j: usize| -> Option<(u64, bool)> {
        let w = t.low(j);
        let plural = w.ends_with('s');
        match words::ordinal(w.strip_suffix('s').unwrap_or(w))? {
            Word::Unit(u) if u > 0 => Some((u, plural)),
            _ => None,
        }
    };
    let (base, j) = match words::cardinal(t.low(k))? {
        Word::Tens(n) => (n, if t.text(k + 1) == "-" { k + 2 } else { k + 1 }),
        Word::Unit(u) if t.low(k + 1) == "hundred" => (u * 100, if t.low(k + 2) == "and" { k + 3 } else { k + 2 }),
        _ => return None,
    };
    let (u, plural) = unit_at(j)?;
    Some(((base + u) as f64, j + 1, plural))
}

/// A fraction in words at `k`: `a half`, `a quarter`, `three fifths`, `one fourth`.
fn fraction_at(t: &Toks, k: usize) -> Option<(f64, usize)> {
    let w = t.low(k);
    if matches!(w, "a" | "an" | "one") {
        let d_word = t.low(k + 1);
        if !d_word.ends_with('s') {
            if let Some(d) = words::denominator(d_word) {
                return Some((1.0 / d, k + 2));
            }
        }
    }
    let run = core_run(t, k, None)?;
    if run.ordinal.is_some() || run.and_at.is_some() {
        return None;
    }
    let d_word = t.low(run.end);
    let d = words::denominator(d_word)?;
    let n = run.builder.value();
    (n > 0.0 && (d_word.ends_with('s') || n == 1.0)).then_some((n / d, run.end + 1))
}

/// What [`core_run`] read.
struct Run {
    builder: Builder,
    end: usize,
    /// The value before an `and` inside the phrase (`one hundred and three`).
    and_at: Option<f64>,
    /// The phrase ended in an ordinal word.
    ordinal: Option<Num>,
}

fn core_run(t: &Toks, i: usize, start: Option<Builder>) -> Option<Run> {
    let mut b = start.unwrap_or_default();
    let mut j = i;
    let mut end = i;
    let mut and_at = None;
    loop {
        let w = t.low(j);
        if let Some(word) = words::cardinal(w) {
            if b.push(word) {
                j += 1;
                end = j;
                // `twenty-one`, `fifty - two`
                if b.after_tens() && t.text(j) == "-" {
                    if let Some(Word::Unit(_)) = words::cardinal(t.low(j + 1)).or_else(|| words::ordinal(t.low(j + 1)))
                    {
                        j += 1;
                    }
                }
                continue;
            }
            break;
        }
        if w == "and" && b.after_multiplier() && !b.is_empty() {
            let next = t.low(j + 1);
            if words::cardinal(next).is_some_and(|x| b.accepts(x)) || words::ordinal(next).is_some_and(|x| b.accepts(x))
            {
                and_at = Some(b.value());
                j += 1;
                continue;
            }
        }
        // An ordinal ends the phrase: `twenty-first`, `one hundred twenty fifth`, `trillionth`.
        if let Some(word) = words::ordinal(w) {
            let mut ob = b.clone();
            let bare = match word {
                Word::Hundred if ob.is_empty() => Some(100.0),
                Word::Scale(s) if ob.is_empty() => Some(s),
                _ => None,
            };
            if let Some(v) = bare {
                let n = Num { start: i, end: j + 1, value: v, kind: Kind::Ordinal, words: true };
                return Some(Run { builder: ob, end: j + 1, and_at, ordinal: Some(n) });
            }
            if ob.push(word) {
                let n = Num { start: i, end: j + 1, value: ob.value(), kind: Kind::Ordinal, words: true };
                return Some(Run { builder: ob, end: j + 1, and_at, ordinal: Some(n) });
            }
        }
        break;
    }
    if b.is_empty() || end == i {
        return None;
    }
    Some(Run { builder: b, end, and_at, ordinal: None })
}

impl Builder {
    /// Starts as `a` (one) before `hundred` or a scale.
    pub fn with_one() -> Builder {
        let mut b = Builder::new();
        b.push(Word::Unit(1));
        b
    }

    /// Adds a digit value after a multiplier (`4 thousand 3 hundred`).
    pub fn push_digits(&mut self, x: f64) -> bool {
        if x < 1000.0 && x.fract() == 0.0 {
            let w = if x < 10.0 {
                Word::Unit(x as u64)
            } else if x < 20.0 {
                Word::Teen(x as u64)
            } else if x % 10.0 == 0.0 && x < 100.0 {
                Word::Tens(x as u64)
            } else {
                // 21..999: a whole group at once, allowed right after a multiplier.
                if !self.after_multiplier() {
                    return false;
                }
                return self.push(Word::Teen(x as u64)) || { false };
            };
            return self.push(w);
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_formats() {
        assert_eq!(digits("8,000"), Some(8000.0));
        assert_eq!(digits("1,234,567.89"), Some(1_234_567.89));
        assert_eq!(digits("12,34,567.89"), Some(1_234_567.89));
        assert_eq!(digits("1.111,11"), Some(1111.11));
        assert_eq!(digits("2.5"), Some(2.5));
        assert_eq!(digits("1,3"), Some(1.3));
        assert_eq!(digits("192.168.1.2"), None);
    }
}
