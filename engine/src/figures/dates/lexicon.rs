//! The words dates are made of: months, weekdays, parts of the day, seasons,
//! day numbers and years, each read at a token with what it needs around it
//! to be a date word and not a verb, a name or a count.

use super::super::numbers::{self, Kind};
use super::super::Toks;
use crate::calendar::days_in_month;

fn month_word(w: &str) -> Option<(u8, bool)> {
    // (month, whether the word is an abbreviation)
    Some(match w {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

/// Words before a month that make a month of an ambiguous word (`in May`, `this Jan`).
fn month_context(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "until"
            | "till"
            | "of"
            | "by"
            | "from"
            | "through"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "-"
            | "to"
            | "and"
            | "between"
            | "before"
            | "after"
            | "during"
            | "each"
            | "every"
            | "past"
            | "coming"
    )
}

/// The month a word names (`October`, `Oct`, `Sept`, `jan`), 1-12, when the
/// words around make it a month: `may` and `march` are verbs too, `Jan` a
/// name, so those need a day number or a date word next to them.
pub(crate) fn month(t: &Toks, i: usize) -> Option<u8> {
    let (m, abbr) = month_word(t.low(i))?;
    let next_day = t.is_num(i + 1) && t.text(i + 1).len() <= 4 || day_word(t, i + 1).is_some();
    let stop = t.text(i + 1) == "." && t.glued(i + 1);
    let dashed = matches!(t.text(i + 1), "-" | "/") && t.glued(i + 1) && t.is_num(i + 2) && t.glued(i + 2);
    let comma_year = t.text(i + 1) == "," && year(t, i + 2).is_some();
    let spoken_day = day_cardinal_words(t, i + 1).is_some();
    let between = t.low(i + 1) == "between" && t.is_num(i + 2);
    let prev = t.low(i.wrapping_sub(1));
    let ordinal_before = i >= 2 && matches!(prev, "st" | "nd" | "rd" | "th") && t.is_num(i - 2) && t.glued(i - 1);
    let after_day =
        i > 0 && (t.is_num(i - 1) || ordinal_before || prev == "of" || matches!(t.text(i - 1), "-" | "/" | ","));
    let context = i > 0 && (month_context(prev) || after_day);
    if !abbr {
        if matches!(m, 3 | 5) {
            // `may` and `march` are verbs: a month when capitalised (and then `May`
            // alone still needs a date word before it), or next to a day or year.
            let big_day = day_word(t, i + 1).is_some_and(|(d, _)| d >= 10);
            let dated = next_day || comma_year;
            return (dated && (t.capitalised(i) || t.is_num(i + 1) || big_day)
                || context && (t.capitalised(i) || after_day))
                .then_some(m);
        }
        return Some(m);
    }
    // An abbreviation needs its stop, a day or year, or a date word before it.
    if m == 3 && !t.capitalised(i) && !(t.is_num(i + 1) || dashed) {
        return None;
    }
    (stop || next_day || dashed || comma_year || context || spoken_day || between).then_some(m)
}

/// Tokens a month name takes (`Oct.` is two).
pub(crate) fn month_len(t: &Toks, i: usize) -> usize {
    // Only an abbreviation owns its stop: `June.` ends a sentence.
    let abbr = month_word(t.low(i)).is_some_and(|(_, a)| a);
    if abbr && t.text(i + 1) == "." && t.glued(i + 1) {
        2
    } else {
        1
    }
}

/// The weekday a word names, ISO (Monday 1), and how many tokens it takes.
/// Abbreviations (`Tues`, `wed`) only with a date word around them.
pub(crate) fn weekday(t: &Toks, i: usize) -> Option<u8> {
    let w = t.low(i);
    if let Some(full) = crate::calendar::weekday_number(w) {
        return Some(full);
    }
    let abbr = match w {
        "mon" => 1,
        "tue" | "tues" => 2,
        "wed" => 3,
        "thu" | "thur" | "thurs" => 4,
        "fri" => 5,
        "sat" => 6,
        "sun" => 7,
        _ => return None,
    };
    let prev = t.low(i.wrapping_sub(1));
    let next = t.text(i + 1);
    let dated = next == "," && (t.is_num(i + 2) || month(t, i + 2).is_some());
    let on = i > 0 && matches!(prev, "on" | "this" | "next" | "last" | "every" | "each");
    let ends = matches!(next, "." | "," | "!" | "?" | "") || t.kind(i + 1).is_none();
    (dated || on && (ends || t.is_num(i + 1))).then_some(abbr)
}

/// A weekday's plural (`Mondays`): the weekday.
pub(crate) fn weekday_plural(w: &str) -> Option<u8> {
    Some(match w {
        "mondays" => 1,
        "tuesdays" => 2,
        "wednesdays" => 3,
        "thursdays" => 4,
        "fridays" => 5,
        "saturdays" => 6,
        "sundays" => 7,
        _ => return None,
    })
}

/// A day of the month in digits at token `i` (`12`, `27th`): the day and the next token.
pub(crate) fn day(t: &Toks, i: usize) -> Option<(u8, usize)> {
    if !t.is_num(i) || t.text(i).len() > 2 {
        return None;
    }
    let d: u8 = t.text(i).parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut j = i + 1;
    if t.glued(j) && matches!(t.low(j), "st" | "nd" | "rd" | "th") {
        j += 1;
    }
    // `12` glued to more digits or a unit is something else
    if t.glued(j) && (t.is_word(j) || t.is_num(j)) {
        return None;
    }
    Some((d, j))
}

/// Whether one of the `n` tokens after `i` satisfies `f` (a cheap look ahead
/// before reading a number whose use needs a certain word after it).
pub(crate) fn ahead(t: &Toks, i: usize, n: usize, f: impl Fn(&str) -> bool) -> bool {
    (i + 1..=i + n).any(|k| f(t.low(k)))
}

/// The number at token `i`, looked for only where a digit or number word is.
pub(crate) fn number(t: &Toks, i: usize) -> Option<numbers::Num> {
    if !t.numeric(i) {
        return None;
    }
    numbers::parse(t, i)
}

/// A day of the month in words at token `i` (`twenty-first`, `thirty first`, `fourth`).
pub(crate) fn day_word(t: &Toks, i: usize) -> Option<(u8, usize)> {
    if !t.is_word(i) {
        return None;
    }
    let n = number(t, i).filter(|n| n.kind == Kind::Ordinal && n.words)?;
    (n.value >= 1.0 && n.value <= 31.0 && n.value.fract() == 0.0).then_some((n.value as u8, n.end))
}

/// A day in digits or words (`27th`, `the 27th` is read by the caller).
pub(crate) fn any_day(t: &Toks, i: usize) -> Option<(u8, usize)> {
    day(t, i).or_else(|| day_word(t, i))
}

/// A four-digit year at token `i` (1000-2199), not glued to more digits.
pub(crate) fn year(t: &Toks, i: usize) -> Option<i32> {
    let s = t.text(i);
    if !t.is_num(i) || s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if t.glued(i + 1) && t.is_num(i + 1) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1000..2200).contains(&y).then_some(y)
}

/// Whether a date or time expression may start at a word that anchors none
/// (see [`super::anchors::anchors_dates`]): prepositions and determiners that open one,
/// modifiers, and the head words of named days.
pub(crate) fn may_start(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "from"
            | "between"
            | "since"
            | "before"
            | "after"
            | "until"
            | "till"
            | "til"
            | "through"
            | "within"
            | "less"
            | "no"
            | "not"
            | "prior"
            | "earlier"
            | "later"
            | "last"
            | "next"
            | "this"
            | "past"
            | "coming"
            | "upcoming"
            | "previous"
            | "current"
            | "following"
            | "recent"
            | "early"
            | "late"
            | "mid"
            | "rest"
            | "end"
            | "beginning"
            | "start"
            | "middle"
            | "w"
            | "boxing"
            | "new"
            | "valentine"
            | "independence"
            | "veterans"
            | "labor"
            | "memorial"
            | "martin"
            | "mlk"
            | "mother"
            | "father"
            | "good"
            | "clean"
            | "several"
            | "few"
    )
}

/// Whether a lower-case word names a month in full or short (`april`, `sept`).
pub(crate) fn is_month_word(w: &str) -> bool {
    month_word(w).is_some()
}

/// Whether `d` can be a day of month `m` (in `year` when known).
pub(crate) fn valid_day(year: Option<i32>, m: u8, d: u8) -> bool {
    d >= 1 && d <= days_in_month(year.unwrap_or(2024), m)
}

/// A part of the day: its name and the clock hours it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DayPart {
    pub from: u8,
    pub to: u8,
}

/// `morning`, `afternoon`, `evening`, `night` (and `mornings`), with their hours.
pub(crate) fn day_part(w: &str) -> Option<DayPart> {
    let (from, to) = match w {
        "morning" | "mornings" => (6, 12),
        "afternoon" | "afternoons" => (12, 18),
        "evening" | "evenings" => (18, 22),
        "night" | "nights" => (20, 24),
        "daytime" => (8, 18),
        "overnight" => (22, 24),
        "lunchtime" => (12, 14),
        _ => return None,
    };
    Some(DayPart { from, to })
}

/// A season: the months it spans (northern hemisphere).
pub(crate) fn season(w: &str) -> Option<(u8, u8)> {
    Some(match w {
        "spring" => (3, 5),
        "summer" => (6, 8),
        "fall" | "autumn" => (9, 11),
        "winter" => (12, 2),
        _ => return None,
    })
}

/// An hour in words (`seven`), 1-12.
pub(crate) fn hour_word(w: &str) -> Option<u8> {
    const HOURS: [&str; 12] =
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    HOURS.iter().position(|&h| h == w).map(|p| p as u8 + 1)
}

/// A time unit word as a date period: `day`, `week`, `month`, `year`, ... (singular or plural).
pub(crate) fn period_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "weekend" | "weekends" => "weekend",
        "month" | "months" => "month",
        "year" | "years" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        "quarter" | "quarters" => "quarter",
        "fortnight" | "fortnights" => "fortnight",
        _ => return None,
    })
}

/// A clock unit word: `hour`, `minute`, `second` and their short forms.
pub(crate) fn clock_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "hour" | "hours" | "hr" | "hrs" | "h" => "hour",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "second" | "seconds" | "sec" | "secs" => "second",
        _ => return None,
    })
}

/// A year in words: `two thousand and eighteen`, `nineteen seventy eight`,
/// `nineteen zero one`, `twenty twenty-four`, `nineteen hundred`: the year and the end.
pub(crate) fn year_words(t: &Toks, i: usize) -> Option<(i32, usize)> {
    use super::super::words::{cardinal, Word};
    if !t.is_word(i) {
        return None;
    }
    // `two thousand (and) eighteen`
    if let Some(n) = number(t, i).filter(|n| n.kind == Kind::Cardinal && n.words) {
        if (1000.0..2200.0).contains(&n.value) && n.value.fract() == 0.0 && t.low(i + 1) == "thousand" {
            return Some((n.value as i32, n.end));
        }
    }
    // `nineteen seventy eight`: a century in words, then its last two digits
    let century = match cardinal(t.low(i))? {
        Word::Teen(n) if n >= 10 => n as i32,
        Word::Tens(20) => 20,
        _ => return None,
    };
    let j = i + 1;
    let (rest, end) = match cardinal(t.low(j)) {
        Some(Word::Hundred) => (0, j + 1),
        Some(Word::Unit(0)) | None if matches!(t.low(j), "zero" | "oh" | "o") => {
            let u = match cardinal(t.low(j + 1))? {
                Word::Unit(u) if u > 0 => u as i32,
                _ => return None,
            };
            (u, j + 2)
        }
        Some(Word::Teen(n)) => (n as i32, j + 1),
        Some(Word::Tens(n)) => {
            let k = if t.text(j + 1) == "-" { j + 2 } else { j + 1 };
            match cardinal(t.low(k)) {
                Some(Word::Unit(u)) if u > 0 => (n as i32 + u as i32, k + 1),
                _ => (n as i32, j + 1),
            }
        }
        _ => return None,
    };
    let y = century * 100 + rest;
    (1000..2200).contains(&y).then_some((y, end))
}

/// A day of the month as a cardinal in words right after a month (`jan twenty two`).
pub(crate) fn day_cardinal_words(t: &Toks, i: usize) -> Option<(u8, usize)> {
    if !t.is_word(i) {
        return None;
    }
    let n = number(t, i).filter(|n| n.kind == Kind::Cardinal && n.words)?;
    (n.value >= 1.0 && n.value <= 31.0 && n.value.fract() == 0.0 && n.end <= i + 3).then_some((n.value as u8, n.end))
}
