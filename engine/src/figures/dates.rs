//! Dates and times: `Thursday, Oct. 31, 2024`, `27 October 2024`, `2024-11-02`,
//! `Sept. 12`, `June`, `2020`, `last Thursday`, `mid-October`, `October 27 or 28`,
//! `19th century`, `last month`, `two years ago`, `21:58`; and the dateline.
//!
//! Values are ISO 8601 as far as the text fixes them, resolved against the
//! dateline when there is one, else truncated (`--09-12`, `--06`, `-W-5`).

use super::numbers::{self, Kind};
use super::{units, Context, Hit, Toks};
use crate::calendar::{days_in_month, Date};
use crate::doc::{Amount, NumberLabel, Scalar, Value};

/// The month a word names (`October`, `Oct`, `Sept`), 1-12.
fn month(t: &Toks, i: usize) -> Option<u8> {
    let w = t.low(i);
    let full = match w {
        "january" => 1,
        "february" => 2,
        "march" => 3,
        "april" => 4,
        "may" => 5,
        "june" => 6,
        "july" => 7,
        "august" => 8,
        "september" => 9,
        "october" => 10,
        "november" => 11,
        "december" => 12,
        _ => 0,
    };
    if full != 0 {
        // `may` and `march` are verbs too: only capitalised ones are months.
        if matches!(full, 3 | 5) && !t.capitalised(i) {
            return None;
        }
        return Some(full);
    }
    let abbr = match w {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    // An abbreviation needs its stop or a day number after it.
    let stop = t.text(i + 1) == "." && t.glued(i + 1);
    (t.capitalised(i) && (stop || t.is_num(i + 1))).then_some(abbr)
}

/// Tokens a month name takes (`Oct.` is two).
fn month_len(t: &Toks, i: usize) -> usize {
    // Only an abbreviation owns its stop: `June.` ends a sentence.
    let full_name = matches!(t.low(i), "may" | "june" | "july");
    if t.text(i + 1) == "." && t.glued(i + 1) && t.low(i).len() <= 4 && !full_name {
        2
    } else {
        1
    }
}

fn weekday(w: &str) -> Option<u8> {
    Some(match w {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    })
}

/// A day of the month at token `i` (`12`, `27th`): the day and the next token.
fn day(t: &Toks, i: usize) -> Option<(u8, usize)> {
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

/// A four-digit year at token `i` (1000-2199).
fn year(t: &Toks, i: usize) -> Option<i32> {
    let s = t.text(i);
    if !t.is_num(i) || s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1000..2200).contains(&y).then_some(y)
}

fn iso(y: i32, m: u8, d: u8) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn text(s: String) -> Option<Scalar> {
    Some(Scalar::Text(s))
}

fn date_hit(start: usize, end: usize, value: Value) -> Option<Hit> {
    Some(Hit { start, core: start, end, label: NumberLabel::DATE, value })
}

/// A date, time or relative date starting at token `i`.
pub(super) fn at(t: &Toks, i: usize, ctx: &Context) -> Option<Hit> {
    if t.is_num(i) {
        return numeric(t, i, ctx);
    }
    if !t.is_word(i) {
        return None;
    }
    if let Some(h) = oclock(t, i, ctx) {
        return Some(h);
    }
    let w = t.low(i);
    // `last Thursday`, `late Friday`, `early Monday morning`, `mid-October`, `last December`
    let (modifier, j) = match w {
        "last" | "next" | "this" | "past" | "coming" | "early" | "late" | "mid" | "earlier" | "later" => {
            let j = if t.text(i + 1) == "-" && t.glued(i + 1) { i + 2 } else { i + 1 };
            (Some(w), j)
        }
        _ => (None, i),
    };
    if let Some(wd) = weekday(t.low(j)) {
        if matches!(modifier, Some("mid" | "past" | "coming" | "earlier" | "later")) {
            return None;
        }
        return weekday_date(t, i, j, wd, modifier, ctx);
    }
    // `early 2024`, `mid-2025`, `late 1990s`: a hedged year or decade
    if matches!(modifier, Some("early" | "late" | "mid")) && t.is_num(j) {
        let mut hit = numeric(t, j, ctx).filter(|h| h.label == NumberLabel::DATE && h.start == j)?;
        hit.start = i;
        hit.core = i;
        hit.value.approx = true;
        return Some(hit);
    }
    if month(t, j).is_some() {
        let mut hit = month_date(t, j, ctx)?;
        if let Some(m) = modifier {
            if matches!(m, "past" | "coming" | "earlier" | "later") {
                return None;
            }
            hit.start = i;
            hit.core = i;
            if matches!(m, "early" | "late" | "mid") {
                hit.value.approx = true;
            }
            if matches!(m, "last" | "next") {
                // `last December`: the most recent December before the dateline.
                if let (Some(dl), Amount::Exact(Some(Scalar::Text(s)))) = (ctx.dateline, &hit.value.amount) {
                    if s.len() == 7 {
                        let mo: u8 = s[5..7].parse().unwrap_or(0);
                        let y = if m == "last" {
                            if mo < dl.month {
                                dl.year
                            } else {
                                dl.year - 1
                            }
                        } else if mo > dl.month {
                            dl.year
                        } else {
                            dl.year + 1
                        };
                        hit.value.amount = Amount::Exact(text(format!("{y:04}-{mo:02}")));
                    }
                }
            }
        }
        return Some(hit);
    }
    if let Some(h) = relative(t, i, ctx) {
        return Some(h);
    }
    if modifier.is_none() {
        // `two years ago`, `a week ago`
        if let Some(h) = ago(t, i, ctx) {
            return Some(h);
        }
        // the dateline day: `today`, `yesterday`, `tomorrow`, `tonight`
        let offset = match w {
            "today" | "tonight" => Some(0),
            "yesterday" => Some(-1),
            "tomorrow" => Some(1),
            _ => None,
        };
        if let Some(off) = offset {
            let v = match ctx.dateline {
                Some(d) => Value::exact(d.add_days(off).to_string()),
                None => Value::default(),
            };
            return date_hit(i, i + 1, v);
        }
    }
    None
}

/// `Thursday`, `last Thursday`, `Thursday, Oct. 31, 2024`, `Early Monday morning`.
fn weekday_date(t: &Toks, start: usize, j: usize, wd: u8, modifier: Option<&str>, ctx: &Context) -> Option<Hit> {
    // A full date right after the weekday belongs to it.
    let k = if t.text(j + 1) == "," { j + 2 } else { j + 1 };
    if month(t, k).is_some() || (t.is_num(k) && month(t, day(t, k).map_or(k, |d| d.1)).is_some()) {
        if let Some(mut h) = at(t, k, ctx).filter(|h| h.label == NumberLabel::DATE) {
            h.start = start;
            h.core = start;
            return Some(h);
        }
    }
    let mut end = j + 1;
    if matches!(t.low(end), "morning" | "afternoon" | "evening" | "night") {
        end += 1;
    }
    let value = match ctx.dateline {
        Some(dl) => {
            let back = (i64::from(dl.iso_weekday()) - i64::from(wd)).rem_euclid(7);
            let d = match modifier {
                Some("next") => dl.add_days(if back == 0 { 7 } else { 7 - back }),
                Some("last") if back == 0 => dl.add_days(-7),
                _ => dl.add_days(-back),
            };
            Value::exact(d.to_string())
        }
        None => Value::exact(format!("-W-{wd}")),
    };
    date_hit(start, end, value)
}

/// From a month name at `i`: `October`, `Oct. 30, 2024`, `June 2024`,
/// `October 27 or 28`, `Sept. 12`.
fn month_date(t: &Toks, i: usize, ctx: &Context) -> Option<Hit> {
    let m = month(t, i)?;
    let mut j = i + month_len(t, i);
    if let Some((d, k)) = day(t, j) {
        // `October 27 or 28`, `October 27-28`
        let mut d2 = None;
        let mut end = k;
        if matches!(t.low(k), "or" | "to" | "and") || matches!(t.text(k), "-" | "–") {
            if let Some((e, k2)) = day(t, k + 1).filter(|&(e, _)| e > d) {
                d2 = Some(e);
                end = k2;
            }
        }
        let mut k = end;
        if t.text(k) == "," {
            k += 1;
        }
        let y = year(t, k).filter(|_| !(t.is_num(k + 1) && t.glued(k + 1)));
        if y.is_some() {
            end = k + 1;
        }
        let y = y.or(ctx.dateline.map(|dl| dl.year));
        if let Some(y) = y {
            if d > days_in_month(y, m) {
                return None;
            }
        }
        let fmt = |dd: u8| match y {
            Some(y) => iso(y, m, dd),
            None => format!("--{m:02}-{dd:02}"),
        };
        let value = match d2 {
            Some(e) => Value::range(text(fmt(d)), text(fmt(e))),
            None => Value::exact(fmt(d)),
        };
        return date_hit(i, end, value);
    }
    // `June 2024`, `June, 2024`
    let k = if t.text(j) == "," { j + 1 } else { j };
    if let Some(y) = year(t, k) {
        return date_hit(i, k + 1, Value::exact(format!("{y:04}-{m:02}")));
    }
    // A bare month: `in June`. `May` alone is too often a name or verb.
    if m == 5
        && !matches!(
            t.low(i.wrapping_sub(1)),
            "in" | "since"
                | "until"
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
        )
    {
        return None;
    }
    if m == 3
        && !matches!(
            t.low(i.wrapping_sub(1)),
            "in" | "since"
                | "until"
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
        )
    {
        return None;
    }
    j = i + month_len(t, i);
    let value = match ctx.dateline {
        Some(dl) => Value::exact(format!("{:04}-{m:02}", dl.year)),
        None => Value::exact(format!("--{m:02}")),
    };
    date_hit(i, j, value)
}

/// Dates starting with digits: `27 October 2024`, `2024-11-02`, `5/17/2018`,
/// `2020`, `the 1990s`, `19th century`, and times `21:58`, `6pm`.
fn numeric(t: &Toks, i: usize, ctx: &Context) -> Option<Hit> {
    if let Some(h) = time(t, i, ctx) {
        return Some(h);
    }
    // ISO `2024-11-02`
    if let Some(y) = year(t, i) {
        if t.text(i + 1) == "-"
            && t.glued(i + 1)
            && t.glued(i + 2)
            && t.text(i + 3) == "-"
            && t.glued(i + 3)
            && t.glued(i + 4)
        {
            let m: u8 = t.text(i + 2).parse().ok()?;
            let d: u8 = t.text(i + 4).parse().ok()?;
            Date::new(y, m, d)?;
            return date_hit(i, i + 5, Value::exact(iso(y, m, d)));
        }
    }
    // `5/17/2018`, `17/5/2018`
    if t.text(i + 1) == "/"
        && t.glued(i + 1)
        && t.text(i + 3) == "/"
        && t.glued(i + 3)
        && t.is_num(i + 4)
        && t.glued(i + 4)
    {
        let a: u8 = t.text(i).parse().ok()?;
        let b: u8 = t.text(i + 2).parse().ok()?;
        let y = year(t, i + 4)?;
        let (m, d) = if a <= 12 { (a, b) } else { (b, a) };
        Date::new(y, m, d)?;
        return date_hit(i, i + 5, Value::exact(iso(y, m, d)));
    }
    // `27 October 2024`, `1st of May`
    if let Some((d, k)) = day(t, i) {
        let k2 = if t.low(k) == "of" { k + 1 } else { k };
        if let Some(m) = month(t, k2) {
            let mut end = k2 + month_len(t, k2);
            let mut kk = end;
            if t.text(kk) == "," {
                kk += 1;
            }
            let y = year(t, kk).filter(|_| !(t.is_num(kk + 1) && t.glued(kk + 1)));
            if y.is_some() {
                end = kk + 1;
            }
            let yv = y.or(ctx.dateline.map(|dl| dl.year));
            if yv.is_some_and(|y| d > days_in_month(y, m)) || (y.is_none() && d > days_in_month(2024, m)) {
                return None;
            }
            let v = match yv {
                Some(y) => iso(y, m, d),
                None => format!("--{m:02}-{d:02}"),
            };
            return date_hit(i, end, Value::exact(v));
        }
    }
    // `19th century`, `the 21st century`
    if let Some(n) = numbers::parse(t, i).filter(|n| n.kind == Kind::Ordinal) {
        if matches!(t.low(n.end), "century") && n.value >= 1.0 && n.value <= 21.0 {
            let c = n.value as i32;
            let v = Value::range(text(format!("{:04}", (c - 1) * 100 + 1)), text(format!("{:04}", c * 100)));
            return date_hit(i, n.end + 1, v);
        }
        return None;
    }
    // A year: `2020`, `in 2022`, `2014-2022`, `the 1990s`
    let y = year(t, i)?;
    if super::amounts::named_number(t, i) {
        return None;
    }
    if t.glued(i) && (t.is_word(i - 1) && !t.capitalised(i - 1) && !matches!(t.low(i - 1), "mid" | "pre" | "post")) {
        return None;
    }
    if t.glued(i + 1) && t.low(i + 1) == "s" {
        let decade = y - y % 10;
        if y % 10 == 0 {
            return date_hit(i, i + 2, Value::range(text(format!("{decade:04}")), text(format!("{:04}", decade + 9))));
        }
        return None;
    }
    // a unit, a multiplier or a currency after it makes it an amount
    let next = t.low(i + 1);
    if (t.glued(i + 1) && t.is_word(i + 1))
        || t.text(i + 1) == "%"
        || units::measure(next).is_some() && !matches!(next, "in" | "m" | "t" | "g" | "l" | "pm")
        || units::time_unit(next).is_some()
        || units::currency_word(next).is_some()
        || super::words::scale(next).is_some()
        || matches!(next, "hundred" | "people" | "troops" | "soldiers" | "percent" | "of")
        || (i > 0 && super::units::currency_sign(t.text(i - 1)).is_some())
        || (t.is_num(i + 1) && !t.glued(i + 1))
    {
        return None;
    }
    if matches!(t.text(i + 1), "-" | "–") && t.glued(i + 1) {
        if let Some(y2) = year(t, i + 2).filter(|&y2| y2 > y && t.glued(i + 2)) {
            return date_hit(i, i + 3, Value::range(text(format!("{y:04}")), text(format!("{y2:04}"))));
        }
        // `2022-23`
        return None;
    }
    if !(1900..=2100).contains(&y)
        && !matches!(t.low(i.wrapping_sub(1)), "in" | "since" | "of" | "by" | "until" | "from")
    {
        return None;
    }
    date_hit(i, i + 1, Value::exact(format!("{y:04}")))
}

/// A time of day: `21:58`, `6pm`, `10 a.m.`, `2:00 pm`.
fn time(t: &Toks, i: usize, ctx: &Context) -> Option<Hit> {
    let h: u8 = t.text(i).parse().ok().filter(|_| t.text(i).len() <= 2)?;
    let mut end = i + 1;
    let mut minute = 0u8;
    let mut colon = false;
    if t.text(i + 1) == ":" && t.glued(i + 1) && t.is_num(i + 2) && t.glued(i + 2) && t.text(i + 2).len() == 2 {
        minute = t.text(i + 2).parse().ok()?;
        end = i + 3;
        colon = true;
    }
    let mut hour = h;
    let meridiem = match (t.low(end), t.text(end)) {
        ("am" | "a.m.", _) => Some(false),
        ("pm" | "p.m.", _) => Some(true),
        ("a" | "p", _) if t.text(end + 1) == "." => {
            // `a.m.` split as `a` `.` `m` `.`
            if t.low(end + 2) == "m" {
                let pm = t.low(end) == "p";
                end += 2;
                if t.text(end + 1) == "." {
                    end += 1;
                }
                Some(pm)
            } else {
                None
            }
        }
        _ => None,
    };
    if let Some(pm) = meridiem {
        if !(1..=12).contains(&h) {
            return None;
        }
        if !matches!(t.low(end), "a" | "p") || t.text(end + 1) != "." {
            end += 1;
        }
        hour = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    } else if !colon && (1..=12).contains(&h) && matches!(t.low(end), "o'clock" | "o’clock") {
        end += 1;
    } else if !colon || hour > 24 || minute > 59 {
        return None;
    }
    // `3:1` or a score `2:1` is no time: minutes need two digits (checked above).
    if matches!(t.low(end), "gmt" | "utc" | "cet" | "est" | "et" | "bst" | "kst" | "msk" | "pt") {
        end += 1;
    }
    let v = match ctx.dateline {
        Some(d) => format!("{d}T{hour:02}:{minute:02}"),
        None => format!("T{hour:02}:{minute:02}"),
    };
    Some(Hit { start: i, core: i, end, label: NumberLabel::TIME, value: Value::exact(v) })
}

/// `six o’clock`: an hour in words with `o’clock`. The text fixes no half
/// of the day, so the hour is read as written.
fn oclock(t: &Toks, i: usize, ctx: &Context) -> Option<Hit> {
    const HOURS: [&str; 12] =
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    if !matches!(t.low(i + 1), "o'clock" | "o’clock") {
        return None;
    }
    let hour = HOURS.iter().position(|&w| w == t.low(i))? + 1;
    let v = match ctx.dateline {
        Some(d) => format!("{d}T{hour:02}:00"),
        None => format!("T{hour:02}:00"),
    };
    Some(Hit { start: i, core: i, end: i + 2, label: NumberLabel::TIME, value: Value::exact(v) })
}

/// `last month`, `this year`, `next week`, `the coming days`, `recent years`.
fn relative(t: &Toks, i: usize, ctx: &Context) -> Option<Hit> {
    let w = t.low(i);
    let unit = t.low(i + 1);
    match w {
        "last" | "this" | "next" | "past" => {
            let step = match w {
                "last" | "past" => -1,
                "next" => 1,
                _ => 0,
            };
            if w == "past" && !matches!(unit, "week" | "month" | "year" | "weekend") {
                return None;
            }
            let v = match (unit, ctx.dateline) {
                ("year", Some(d)) => Value::exact(format!("{:04}", d.year + step)),
                ("month", Some(d)) => {
                    let total = d.year * 12 + i32::from(d.month) - 1 + step;
                    Value::exact(format!("{:04}-{:02}", total.div_euclid(12), total.rem_euclid(12) + 1))
                }
                ("week" | "weekend", Some(d)) => {
                    let (y, wk) = iso_week(d.add_days(7 * i64::from(step)));
                    let s = if unit == "weekend" { format!("{y:04}-W{wk:02}-WE") } else { format!("{y:04}-W{wk:02}") };
                    Value::exact(s)
                }
                ("year" | "month" | "week" | "weekend", None) => Value::default(),
                _ => return None,
            };
            date_hit(i, i + 2, v)
        }
        "recent" if matches!(unit, "years" | "months" | "weeks" | "days") => date_hit(i, i + 2, Value::default()),
        "the"
            if matches!(t.low(i + 1), "coming" | "next" | "past")
                && matches!(t.low(i + 2), "days" | "weeks" | "months" | "years") =>
        {
            date_hit(i, i + 3, Value::default())
        }
        _ => None,
    }
}

/// `two years ago`, `a week ago`: the dateline moved back.
fn ago(t: &Toks, i: usize, ctx: &Context) -> Option<Hit> {
    let (value, k) = if matches!(t.low(i), "a" | "an") {
        (1.0, i + 1)
    } else {
        let n = numbers::parse(t, i).filter(|n| n.kind == Kind::Cardinal && n.words)?;
        (n.value, n.end)
    };
    let unit = units::time_unit(t.low(k))?;
    if t.low(k + 1) != "ago" || value.fract() != 0.0 || value > 1000.0 {
        return None;
    }
    let n = value as i64;
    let v = match ctx.dateline {
        Some(d) => match unit {
            "year" => Value::exact(format!("{:04}", i64::from(d.year) - n)),
            "decade" => Value::exact(format!("{:04}", i64::from(d.year) - 10 * n)).approx(true),
            "month" => {
                let total = i64::from(d.year) * 12 + i64::from(d.month) - 1 - n;
                Value::exact(format!("{:04}-{:02}", total.div_euclid(12), total.rem_euclid(12) + 1))
            }
            "week" => Value::exact(d.add_days(-7 * n).to_string()).approx(true),
            "day" => Value::exact(d.add_days(-n).to_string()),
            _ => Value::default(),
        },
        None => Value::default(),
    };
    date_hit(i, k + 2, v)
}

/// ISO 8601 week-numbering year and week of a date.
fn iso_week(d: Date) -> (i32, u32) {
    let wd = i64::from(d.iso_weekday());
    let thursday = d.add_days(4 - wd);
    let jan1 = Date { year: thursday.year, month: 1, day: 1 };
    let week = (thursday.days_since_epoch() - jan1.days_since_epoch()) / 7 + 1;
    (thursday.year, week as u32)
}

/// The dateline: the first full date near the top that stands in a line of
/// its own (`27 October 2024`, `2024-11-02 21:58 Last Updated ...`), or opens
/// a short line after a few words (`Published: Oct. 30, 2024`,
/// `NEW YORK 1996-08-30`), or ends before a dash (`KYIV, Oct. 30, 2024 —`).
pub(super) fn dateline(t: &Toks) -> Option<Date> {
    let ctx = Context::default();
    let mut line_start = 0;
    let mut i = 0;
    while i < t.len() {
        if t.line_start(i) {
            line_start = i;
        }
        if i - line_start > 6 || !(t.is_num(i) || t.is_word(i)) {
            i += 1;
            continue;
        }
        let Some(h) = at(t, i, &ctx) else {
            i += 1;
            continue;
        };
        if let (NumberLabel::DATE, Amount::Exact(Some(Scalar::Text(s)))) = (h.label, &h.value.amount) {
            if let Ok(d) = s.parse::<Date>() {
                let line_end = (h.end..t.len()).find(|&k| t.line_start(k)).unwrap_or(t.len());
                let short = line_end - h.end <= 12;
                let dash = matches!(t.text(h.end), "—" | "–" | "-" | "(")
                    || (t.text(h.end) == "," && matches!(t.text(h.end + 1), "—" | "–"));
                if short || dash {
                    return Some(d);
                }
            }
        }
        i = h.end.max(i + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_weeks() {
        assert_eq!(iso_week(Date::new(2024, 11, 2).unwrap()), (2024, 44));
        assert_eq!(iso_week(Date::new(2021, 1, 1).unwrap()), (2020, 53));
    }
}
