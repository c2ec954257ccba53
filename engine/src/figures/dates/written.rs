//! Dates written out on the calendar: month first (`Oct. 31, 2024`, `april
//! 22`, `jan-1`, `Oct. 27-28`, `June 2024`), day first (`27 October 2024`,
//! `fourth of may`, `28-nov`), and in digits (`2024-11-02`, `5/17/2018`,
//! `2015.5.13`, `2019-sep-1`, `3/2015`).

use super::super::Toks;
use super::lexicon::{any_day, day, day_cardinal_words, month, month_len, valid_day, year, year_words};
use super::{clock, Context, Expr, Kind, Val, When};
use crate::calendar::Date;

/// A year written after a day or month at `k` (`, 2024`, ` 2024`, `, nineteen
/// seventy eight`): the year and the end.
fn year_after(t: &Toks, k: usize) -> Option<(i32, usize)> {
    let j = if t.text(k) == "," { k + 1 } else { k };
    year(t, j).map(|y| (y, j + 1)).or_else(|| year_words(t, j))
}

/// The year a day without one takes: the dateline's.
fn default_year(ctx: &Context) -> Option<i32> {
    ctx.dateline.map(|d| d.year)
}

fn day_when(y: Option<i32>, m: u8, d: u8) -> When {
    When { year: y, month: Some(m), day: Some(d), ..When::default() }
}

/// From a month name at `i`: `October 27`, `Oct. 30, 2024`, `april 22`,
/// `jan-1`, `september the twenty-first`, `October 27 or 28`, `Oct. 27-28`,
/// `November between 19 and 20`; or the month itself: `June`, `June 2024`,
/// `August 99`, `June next year` (a period).
pub(super) fn month_first(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let m = month(t, i)?;
    let mut j = i + month_len(t, i);
    // `october. 2`, `september.15th`: a stop between a lower-case month and its day
    if t.text(j) == "." && t.glued(j) && t.is_num(j + 1) && (!t.capitalised(i) || t.glued(j + 1)) {
        j += 1;
    }
    // `jan-1`, `jan/1`
    if matches!(t.text(j), "-" | "/") && t.glued(j) && t.glued(j + 1) && t.is_num(j + 1) {
        j += 1;
    }
    if t.low(j) == "the" && any_day(t, j + 1).is_some() {
        j += 1;
    }
    // `october, 1st.`: an ordinal day after a comma, closing the phrase
    if t.text(j) == "," && t.glued(j) {
        if let Some((d, k)) = day(t, j + 1).filter(|&(_, k)| k > j + 2 && !t.is_word(k) && !t.is_num(k)) {
            return month_day(t, i, m, d, k, ctx);
        }
    }
    if let Some((d, k)) = any_day(t, j).or_else(|| day_cardinal_words(t, j).filter(|_| j == i + month_len(t, i))) {
        return month_day(t, i, m, d, k, ctx);
    }
    // `November between 19 and 20`
    if t.low(j) == "between" {
        let joined = |k: usize| t.low(k) == "and" || t.text(k) == "-" && t.glued(k) == t.glued(k + 1);
        if let Some((d, k)) = day(t, j + 1).filter(|&(_, k)| joined(k)) {
            let (e, k2) = day(t, k + 1).filter(|&(e, _)| e > d)?;
            let (y, end) = match year_after(t, k2) {
                Some((y, end)) => (Some(y), end),
                None => (default_year(ctx), k2),
            };
            let val = Val::Span(Some(day_when(y, m, d)), Some(day_when(y, m, e)));
            return Some(Expr::new(i, end, Kind::Day, val));
        }
    }
    // `June 2024`, `June, 2024`, `June of 1999`, `August 99`
    let k = if matches!(t.text(j), ",") || t.low(j) == "of" { j + 1 } else { j };
    if let Some((y, end)) = year(t, k).map(|y| (y, k + 1)).or_else(|| year_words(t, k)) {
        return Some(Expr::new(i, end, Kind::Period, Val::At(When::month(Some(y), m))));
    }
    if k == j && t.is_num(j) && t.text(j).len() == 2 && !t.glued(j) {
        let yy: i32 = t.text(j).parse().ok()?;
        if yy > 31 && !t.is_word(j + 1) {
            let y = if yy < 50 { 2000 + yy } else { 1900 + yy };
            return Some(Expr::new(i, j + 1, Kind::Period, Val::At(When::month(Some(y), m))));
        }
    }
    // `June next year`, `june this year`
    for (p, step) in [("next year", 1), ("this year", 0), ("last year", -1)] {
        if let Some(end) = t.phrase(j, p) {
            let y = ctx.dateline.map(|d| d.year + step);
            return Some(Expr::new(i, end, Kind::Period, Val::At(When::month(y, m))));
        }
    }
    Some(Expr::new(i, j, Kind::Period, Val::At(When::month(default_year(ctx), m))))
}

/// A month and a day read, then a second day (`27 or 28`, `27-28`, `19 to
/// 20`) and a year (`, 2024`).
fn month_day(t: &Toks, start: usize, m: u8, d: u8, k: usize, ctx: &Context) -> Option<Expr> {
    let mut end = k;
    let mut d2 = None;
    let joint = matches!(t.low(k), "or" | "to" | "through" | "till" | "until")
        || matches!(t.text(k), "-" | "–") && t.glued(k) == t.glued(k + 1);
    if joint {
        if let Some((e, k2)) = day(t, k + 1).filter(|&(e, k2)| e > d && (!t.is_word(k2) || month(t, k2).is_none())) {
            // `Oct. 27 to 30 people` is a count
            if !t.is_word(k2) || matches!(t.low(k2), "of" | "in" | "this" | "next" | "and" | "at" | "on") {
                d2 = Some(e);
                end = k2;
            }
        }
    }
    let y = year_after(t, end).filter(|_| !t.glued(end + 1) || t.text(end) != ",");
    let y = match y {
        Some((y, e)) => {
            end = e;
            Some(y)
        }
        None => {
            // `11/12,16`-like two-digit years are read by the numeric forms only
            default_year(ctx)
        }
    };
    if !valid_day(y, m, d) || d2.is_some_and(|e| !valid_day(y, m, e)) {
        return None;
    }
    let val = match d2 {
        Some(e) => Val::Span(Some(day_when(y, m, d)), Some(day_when(y, m, e))),
        None => Val::At(day_when(y, m, d)),
    };
    Some(Expr::new(start, end, Kind::Day, val))
}

/// Day first: `27 October 2024`, `1st jan`, `1st of May`, `28-nov`, `16. nov.
/// 2016`, `22 of jan`, `fourth of may`, `twenty second of june`, `22april`.
pub(super) fn day_first(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let glued_month = t.is_num(i) && t.text(i).len() <= 2 && t.glued(i + 1) && month(t, i + 1).is_some();
    let (d, k) = match any_day(t, i) {
        Some(x) => x,
        None if glued_month => (t.text(i).parse().ok()?, i + 1),
        None => return None,
    };
    let words = t.is_word(i);
    let mut j = k;
    if t.text(j) == "." && t.glued(j) && !words {
        j += 1;
    }
    let of = t.low(j) == "of";
    if of {
        j += 1;
    } else if words {
        return None;
    }
    if t.text(j) == "-" && t.glued(j) && t.glued(j + 1) && !of {
        j += 1;
    }
    let m = month(t, j)?;
    let mut end = j + month_len(t, j);
    let y = match year_after(t, end) {
        Some((y, e)) => {
            end = e;
            Some(y)
        }
        None => default_year(ctx),
    };
    if !valid_day(y, m, d) {
        return None;
    }
    Some(Expr::new(i, end, Kind::Day, Val::At(day_when(y, m, d))))
}

/// Up to three digit groups glued by one of `seps` from token `i`: the
/// separators, the groups' tokens and the end.
fn groups(t: &Toks, i: usize, seps: &[&'static str]) -> (Vec<&'static str>, Vec<usize>, usize) {
    let mut idx = vec![i];
    let mut used = Vec::new();
    let mut k = i + 1;
    while idx.len() < 3 && seps.contains(&t.text(k)) && t.glued(k) && t.glued(k + 1) && t.kind(k + 1).is_some() {
        used.push(seps.iter().copied().find(|s| *s == t.text(k)).unwrap_or(""));
        idx.push(k + 1);
        k += 2;
    }
    (used, idx, k)
}

/// Dates in digits: `2024-11-02` (with `T12:23:59`), `2018-7-6`, `2019-sep-1`,
/// `2015/08/12`, `2015.5.13`, `5/17/2018`, `21/04/16`, `11/12,2016`, and a
/// month and day alone (`4/22`) where a date word or weekday stands before
/// it (`after_weekday` also allows `7.6` and `7-6`); a month of a year:
/// `3/2015`, `2016/11`.
pub(super) fn numeric(t: &Toks, i: usize, ctx: &Context, after_weekday: bool) -> Option<Expr> {
    if !t.is_num(i) || i > 0 && t.glued(i) && (t.is_word(i - 1) || t.is_num(i - 1)) {
        return None;
    }
    let s = t.text(i);
    // `2015.5.13`, `7.6`: one token with stops
    if s.contains('.') && !s.contains(',') {
        let parts: Vec<&str> = s.split('.').collect();
        let n: Vec<u16> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if n.len() != parts.len() || t.glued(i + 1) && t.is_word(i + 1) {
            return None;
        }
        return match n[..] {
            [y, m, d] if parts[0].len() == 4 => calendar_day(i, i + 1, Some(y as i32), m, d, ctx),
            [m, d] if after_weekday && parts[1].len() <= 2 => calendar_day(i, i + 1, None, m, d, ctx),
            _ => None,
        };
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(e) = month_of_year(t, i) {
        return Some(e);
    }
    // `2019-sep-1`, `2019/sep/01`
    if let (Some(y), true) = (year(t, i), matches!(t.text(i + 1), "-" | "/") && t.glued(i + 1) && t.glued(i + 2)) {
        if let Some(m) = month(t, i + 2) {
            if t.text(i + 3) == t.text(i + 1) && t.glued(i + 3) {
                let (d, k) = day(t, i + 4)?;
                return calendar_day(i, k, Some(y), u16::from(m), u16::from(d), ctx);
            }
        }
    }
    let (seps, idx, end) = groups(t, i, &["-", "/"]);
    // `11/12,2016`: the day and the year read as one number token
    if seps == ["/"] && t.text(idx[1]).contains(',') {
        let (d, y) = t.text(idx[1]).split_once(',')?;
        let y: i32 = match y.len() {
            4 => y.parse().ok()?,
            2 => 2000 + y.parse::<i32>().ok()?,
            _ => return None,
        };
        return calendar_day(i, end, Some(y), t.text(i).parse().ok()?, d.parse().ok()?, ctx);
    }
    let num = |k: usize| -> Option<u16> { t.text(idx[k]).parse().ok() };
    let len = |k: usize| t.text(idx[k]).len();
    if seps.len() == 2 && seps[0] == seps[1] {
        let (a, b, c) = (num(0)?, num(1)?, num(2)?);
        if t.glued(end) && (t.is_num(end) || t.is_word(end) && t.low(end) != "t") {
            return None;
        }
        let mut e = if len(0) == 4 {
            calendar_day(i, end, Some(i32::from(a)), b, c, ctx)?
        } else {
            let y = match len(2) {
                4 => i32::from(c),
                2 => 2000 + i32::from(c) - if c >= 50 { 100 } else { 0 },
                _ => return None,
            };
            let (m, d) = if a <= 12 { (a, b) } else { (b, a) };
            calendar_day(i, end, Some(y), m, d, ctx)?
        };
        // `2016-12-16T12:23:59`
        if t.text(end) == "T" && t.glued(end) && t.glued(end + 1) {
            if let Some(c) = clock::after_t(t, end + 1) {
                if let (Val::At(day), Val::At(time)) = (e.val, c.val) {
                    e = Expr::new(i, c.end, Kind::Clock, Val::At(day.at(time)));
                }
            }
        }
        return Some(e);
    }
    // `11/12,2016`, `11/12,16`
    if seps.len() == 1 && seps[0] == "/" && t.text(end) == "," && t.glued(end) && t.is_num(end + 1) && t.glued(end + 1)
    {
        let (a, b) = (num(0)?, num(1)?);
        let c: i32 = t.text(end + 1).parse().ok()?;
        let y = match t.text(end + 1).len() {
            4 => c,
            2 => 2000 + c,
            _ => return None,
        };
        return calendar_day(i, end + 2, Some(y), a, b, ctx);
    }
    if seps.len() == 1 {
        let (a, b) = (num(0)?, num(1)?);
        if t.glued(end) && (t.is_word(end) || t.is_num(end)) {
            return None;
        }
        // `3/2015`, `11-2016`, `2016/11`: a month of a year
        if len(1) == 4 && (1..=12).contains(&a) && len(0) <= 2 {
            let y = year(t, idx[1])?;
            return Some(Expr::new(i, end, Kind::Period, Val::At(When::month(Some(y), a as u8))));
        }
        if len(0) == 4 && len(1) <= 2 && (1..=12).contains(&b) && seps[0] == "/" {
            let y = year(t, i)?;
            return Some(Expr::new(i, end, Kind::Period, Val::At(When::month(Some(y), b as u8))));
        }
        // `4/22`, `22/04`: a month and day where the words around say date
        if len(0) <= 2 && len(1) <= 2 && (seps[0] == "/" || after_weekday) {
            let prev = t.low(i.wrapping_sub(1));
            let timed = t.is_num(end) && t.text(end + 1) == ":" && t.glued(end + 1);
            let dated = after_weekday
                || timed
                || matches!(prev, "on" | "since" | "after" | "before" | "until" | "till" | "by" | "each" | "every")
                || (a > 12) != (b > 12);
            let next = t.low(end);
            let counted = next == "of" || t.is_word(end) && super::super::units::measure(next).is_some();
            if dated && !counted {
                let (m, d) = if a <= 12 { (a, b) } else { (b, a) };
                return calendar_day(i, end, None, m, d, ctx);
            }
        }
    }
    None
}

/// A month of a year in digits, however the separator is spaced: `3/2015`,
/// `11 - 2016`, `2016/ 11`, `2016-11` (but `2010-12` is two years).
fn month_of_year(t: &Toks, i: usize) -> Option<Expr> {
    let sep = i + 1;
    if !matches!(t.text(sep), "-" | "/") || !t.is_num(sep + 1) {
        return None;
    }
    let (a, b) = (t.text(i), t.text(sep + 1));
    // a third group makes a full date; letters or digits glued after make a code
    let end = sep + 2;
    if matches!(t.text(end), "-" | "/") && t.is_num(end + 1) || t.glued(end) && (t.is_word(end) || t.is_num(end)) {
        return None;
    }
    let month =
        |s: &str| s.len() <= 2 && s.bytes().all(|c| c.is_ascii_digit()) && (1..=12).contains(&s.parse().unwrap_or(0u8));
    let (m, y) = if month(a) && year(t, sep + 1).is_some_and(|y| (1900..=2100).contains(&y)) {
        (a.parse::<u8>().ok()?, year(t, sep + 1)?)
    } else if month(b) && year(t, i).is_some_and(|y| (1900..=2100).contains(&y)) {
        let y = year(t, i)?;
        let m: u8 = b.parse().ok()?;
        // `2010-12` reads as the years 2010 to 2012 when glued
        if t.text(sep) == "-" && t.glued(sep) && t.glued(sep + 1) && i32::from(m) > y % 100 {
            return None;
        }
        (m, y)
    } else {
        return None;
    };
    Some(Expr::new(i, end, Kind::Period, Val::At(When::month(Some(y), m))))
}

/// A calendar day from numbers, checked: the year defaults to the dateline's.
fn calendar_day(start: usize, end: usize, y: Option<i32>, m: u16, d: u16, ctx: &Context) -> Option<Expr> {
    if !(1..=12).contains(&m) || d == 0 || d > 31 {
        return None;
    }
    let (m, d) = (m as u8, d as u8);
    let y = y.or(default_year(ctx));
    if let Some(y) = y {
        Date::new(y, m, d)?;
    } else if !valid_day(None, m, d) {
        return None;
    }
    Some(Expr::new(start, end, Kind::Day, Val::At(day_when(y, m, d))))
}
