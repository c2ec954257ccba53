//! One day: a weekday (`last Thursday`, `Thursday, Oct. 31, 2024`, `friday
//! next week`), a day relative to the dateline (`tomorrow`, `the day after
//! tomorrow`, `two weeks from now`, `a month ago`, `tonight`, `last night`),
//! a day of the month (`on the 27th`, `20th of next month`), a weekday of a
//! month (`the first friday of july`), a holiday; and the dates written out
//! in [`written`](super::written).

use super::super::numbers::Kind as NumKind;
use super::super::{units, Toks};
use super::lexicon::{self, any_day, weekday};
use super::when::add_months;
use super::{written, Context, Expr, Kind, Val, When};
use crate::calendar::{days_in_month, Date};

/// A day, or a month-led date, at token `i`.
pub(super) fn at(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    if t.is_num(i) {
        return written::numeric(t, i, ctx, false)
            .or_else(|| written::day_first(t, i, ctx))
            .or_else(|| day_of_month(t, i, ctx))
            .or_else(|| counted(t, i, ctx));
    }
    if !t.is_word(i) {
        return None;
    }
    relative(t, i, ctx)
        .or_else(|| weekday_first(t, i, ctx))
        .or_else(|| written::month_first(t, i, ctx))
        .or_else(|| written::day_first(t, i, ctx))
        .or_else(|| nth_weekday(t, i, ctx))
        .or_else(|| day_of_month(t, i, ctx))
        .or_else(|| counted(t, i, ctx))
        .or_else(|| holiday(t, i, ctx))
}

/// A day of the dateline moved by `days`, or unknown without a dateline.
fn shifted(ctx: &Context, days: i64) -> Val {
    match ctx.dateline {
        Some(d) => Val::At(When::date(d.add_days(days))),
        None => Val::Unknown,
    }
}

/// `today`, `tonight`, `tomorrow`, `yesterday`, `the day after tomorrow`,
/// `the next day`, `this morning`, `last night`, `tomorrow evening`.
fn relative(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    const PHRASES: &[(&str, Option<i64>)] = &[
        ("the day before yesterday", Some(-2)),
        ("the day after tomorrow", Some(2)),
        ("the day after tmrw", Some(2)),
        ("day before yesterday", Some(-2)),
        ("day after tomorrow", Some(2)),
        ("the next day", None),
        ("the following day", None),
        ("the previous day", None),
        ("next day", None),
        ("today", Some(0)),
        ("tonight", Some(0)),
        ("tomorrow", Some(1)),
        ("tmrw", Some(1)),
        ("yesterday", Some(-1)),
    ];
    if !matches!(
        t.low(i),
        "the" | "day" | "next" | "today" | "tonight" | "tomorrow" | "tmrw" | "yesterday" | "this" | "last"
    ) {
        return None;
    }
    for &(p, offset) in PHRASES {
        if let Some(end) = t.phrase(i, p) {
            let val = offset.map_or(Val::Unknown, |o| shifted(ctx, o));
            return Some(Expr::new(i, end, Kind::Day, val));
        }
    }
    // `this morning`, `this evening`, `last night`
    let offset = match t.low(i) {
        "this" => 0,
        "last" => -1,
        _ => return None,
    };
    let part = t.low(i + 1);
    if lexicon::day_part(part).is_some() && !part.ends_with('s') && (offset == 0 || part == "night") {
        return Some(Expr::new(i, i + 2, Kind::Day, shifted(ctx, offset)));
    }
    None
}

/// The words that place a weekday: `last`, `next`, `this`, `early`, `late`, ...
fn weekday_modifier(w: &str) -> bool {
    matches!(w, "last" | "next" | "this" | "past" | "coming" | "upcoming" | "early" | "late" | "previous")
}

/// `Thursday`, `last Thursday`, `late Friday`, `Thursday, Oct. 31, 2024`,
/// `wednesday the 27th`, `friday 7/6`, `this friday(jun-15)`, `friday next
/// week`, `tuesday of next week`.
fn weekday_first(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let (modifier, j) = if weekday_modifier(t.low(i)) {
        (Some(t.low(i)), if t.text(i + 1) == "-" && t.glued(i + 1) { i + 2 } else { i + 1 })
    } else {
        (None, i)
    };
    let wd = weekday(t, j)?;
    let end = j + 1;
    // A full date after the weekday belongs to it.
    let k = if t.text(end) == "," { end + 1 } else { end };
    let dated = written::month_first(t, k, ctx)
        .filter(|d| d.kind == Kind::Day)
        .or_else(|| written::day_first(t, k, ctx))
        .or_else(|| written::numeric(t, k, ctx, true).filter(|d| d.kind == Kind::Day))
        .or_else(|| the_day(t, end, ctx));
    if let Some(d) = dated {
        return Some(Expr { start: i, ..d });
    }
    // `this friday(jun-15)`
    if t.text(end) == "(" && t.glued(end) {
        if let Some(d) = written::month_first(t, end + 1, ctx).filter(|d| d.kind == Kind::Day) {
            if t.text(d.end) == ")" {
                return Some(Expr { start: i, end: d.end + 1, ..d });
            }
        }
    }
    // `friday next week`, `tuesday of next week`, `friday this week`
    let w = if t.low(end) == "of" { end + 1 } else { end };
    for (p, step) in [("next week", 1), ("this week", 0), ("last week", -1)] {
        if let Some(e) = t.phrase(w, p) {
            let val = match ctx.dateline {
                Some(dl) => Val::At(in_week(dl.add_days(7 * step), wd)),
                None => Val::Unknown,
            };
            return Some(Expr::new(i, e, Kind::Day, val));
        }
    }
    let val = match ctx.dateline {
        Some(dl) => Val::At(When::date(weekday_near(dl, wd, modifier))),
        None => Val::At(When { weekday: Some(wd), ..When::default() }),
    };
    Some(Expr::new(i, end, Kind::Day, val))
}

/// The weekday `wd` of the week containing `d`.
pub(super) fn in_week(d: Date, wd: u8) -> When {
    When::date(d.add_days(i64::from(wd) - i64::from(d.iso_weekday())))
}

/// The day a weekday names seen from the dateline: the last one up to it,
/// `next` the first after it, `this` the one in its week.
fn weekday_near(dl: Date, wd: u8, modifier: Option<&str>) -> Date {
    let back = (i64::from(dl.iso_weekday()) - i64::from(wd)).rem_euclid(7);
    match modifier {
        Some("next" | "coming" | "upcoming") => dl.add_days(if back == 0 { 7 } else { 7 - back }),
        Some("last" | "previous" | "past") if back == 0 => dl.add_days(-7),
        Some("this") => dl.add_days(i64::from(wd) - i64::from(dl.iso_weekday())),
        _ => dl.add_days(-back),
    }
}

/// `the 27th`, `the 27.`, `the twenty second`, `on 22nd`, `20th of next
/// month`, `the 20th next month`: a day of the month where the words around
/// say so (never `the 27th floor`, `the first prize`).
fn day_of_month(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let the = t.low(i) == "the";
    let j = if the { i + 1 } else { i };
    let (d, k) = any_day(t, j)?;
    let ordinal = t.is_word(j) || t.glued(j + 1) && matches!(t.low(j + 1), "st" | "nd" | "rd" | "th");
    let prev = t.low(i.wrapping_sub(1));
    let placed = i > 0 && matches!(prev, "on" | "for" | "since" | "by" | "until" | "till" | "from");
    // `of next month`, `next month`
    let of = if t.low(k) == "of" { k + 1 } else { k };
    for (p, step) in [("next month", 1), ("this month", 0), ("last month", -1)] {
        if let Some(end) = t.phrase(of, p) {
            if !(ordinal || the) {
                return None;
            }
            let val = match ctx.dateline {
                Some(dl) => {
                    let m = add_months(Date { day: 1, ..dl }, step);
                    if d > days_in_month(m.year, m.month) {
                        return None;
                    }
                    Val::At(When::date(Date { day: d, ..m }))
                }
                None => Val::At(When { day: Some(d), ..When::default() }),
            };
            return Some(Expr::new(i, end, Kind::Day, val));
        }
    }
    let closes = t.kind(k).is_none() || matches!(t.text(k), "." | "!" | "?" | "," | ";");
    if !(placed && (the || ordinal) && closes) {
        return None;
    }
    let val = match ctx.dateline {
        Some(dl) if d <= days_in_month(dl.year, dl.month) => Val::At(When::date(Date { day: d, ..dl })),
        _ => Val::At(When { day: Some(d), ..When::default() }),
    };
    Some(Expr::new(i, k, Kind::Day, val))
}

/// `the 21st`, `the second` right after a weekday (`saturday the second`).
fn the_day(t: &Toks, k: usize, ctx: &Context) -> Option<Expr> {
    if t.low(k) != "the" {
        return None;
    }
    let (d, end) = any_day(t, k + 1)?;
    let val = match ctx.dateline {
        Some(dl) if d <= days_in_month(dl.year, dl.month) => Val::At(When::date(Date { day: d, ..dl })),
        _ => Val::At(When { day: Some(d), ..When::default() }),
    };
    Some(Expr::new(k, end, Kind::Day, val))
}

/// `the first friday of july`, `the first friday in this month`, `the last
/// Monday of May`, `fifth sunday`.
fn nth_weekday(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let j = if t.low(i) == "the" { i + 1 } else { i };
    let n: i64 = if t.low(j) == "last" {
        -1
    } else {
        let n = lexicon::number(t, j).filter(|n| n.kind == NumKind::Ordinal && n.words && n.end == j + 1)?;
        if !(1.0..=5.0).contains(&n.value) {
            return None;
        }
        n.value as i64
    };
    let wd = lexicon::weekday(t, j + 1)?;
    let mut end = j + 2;
    let mut month = None;
    if matches!(t.low(end), "of" | "in") {
        let k = end + 1;
        if let Some(m) = lexicon::month(t, k) {
            month = Some((ctx.dateline.map(|d| d.year), m));
            end = k + 1;
        } else if let Some(e) = t.phrase(k, "this month").or_else(|| t.phrase(k, "the month")) {
            month = Some((ctx.dateline.map(|d| d.year), ctx.dateline.map_or(0, |d| d.month)));
            end = e;
        } else if t.low(i) == "the" {
            return None;
        }
    } else if t.low(i) == "the" || n < 0 {
        return None;
    }
    let val = match month {
        Some((Some(y), m)) if m > 0 => match nth_in_month(y, m, wd, n) {
            Some(d) => Val::At(When::date(d)),
            None => return None,
        },
        _ => Val::Unknown,
    };
    Some(Expr::new(i, end, Kind::Day, val))
}

/// The `n`th (`-1` last) weekday `wd` of month `m` of `y`.
pub(super) fn nth_in_month(y: i32, m: u8, wd: u8, n: i64) -> Option<Date> {
    if n < 0 {
        let last = Date::new(y, m, days_in_month(y, m))?;
        let back = (i64::from(last.iso_weekday()) - i64::from(wd)).rem_euclid(7);
        return Some(last.add_days(-back));
    }
    let first = Date::new(y, m, 1)?;
    let ahead = (i64::from(wd) - i64::from(first.iso_weekday())).rem_euclid(7);
    let d = first.add_days(ahead + 7 * (n - 1));
    (d.month == m).then_some(d)
}

/// `two weeks from now`, `a month ago`, `two days later`, `two sundays from
/// now`, `4 weeks in the future`, `2 years 1 month 21 days ago`, `in two
/// business days`: a day a count of days, weeks, months or years from the
/// dateline (`ago`, `from now`) or from the story's own time (`later`, unknown).
fn counted(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let unit_ahead = |w: &str| {
        units::time_unit(w).is_some()
            || lexicon::weekday_plural(w).is_some()
            || crate::calendar::weekday_number(w).is_some()
    };
    if !lexicon::ahead(t, i, 4, unit_ahead) {
        return None;
    }
    let business_days = t.low(i) == "in";
    let mut k = if business_days { i + 1 } else { i };
    // one or more counts with their units: `2 years 1 month 21 days`
    let mut parts: Vec<(i64, &str)> = Vec::new();
    let mut weekday = None;
    let mut business = false;
    loop {
        let (n, u) = if matches!(t.low(k), "a" | "an") && parts.is_empty() {
            (1.0, k + 1)
        } else {
            match lexicon::number(t, k).filter(|n| n.kind == NumKind::Cardinal && n.value > 0.0) {
                Some(n) => (n.value, n.end),
                None => break,
            }
        };
        if n.fract() != 0.0 || n > 1000.0 {
            return None;
        }
        business = t.low(u) == "business";
        let u = if business { u + 1 } else { u };
        let w = t.low(u);
        if let Some(wd) =
            lexicon::weekday_plural(w).or_else(|| crate::calendar::weekday_number(w)).filter(|_| parts.is_empty())
        {
            weekday = Some(wd);
            parts.push((n as i64, "weekday"));
            k = u + 1;
            break;
        }
        match units::time_unit(w) {
            Some(unit @ ("day" | "week" | "month" | "year" | "decade" | "hour" | "minute")) => {
                parts.push((n as i64, unit));
                k = u + 1;
            }
            _ => break,
        }
    }
    let &(n, first_unit) = parts.first()?;
    let clock = parts.iter().any(|&(_, u)| matches!(u, "hour" | "minute"));
    if business_days {
        // `in two business days`: a day ahead
        return (business && parts.len() == 1).then(|| Expr::new(i, k, Kind::Day, Val::Unknown));
    }
    let (sign, end) = if let Some(e) = ["from now", "from today", "in the future"].iter().find_map(|p| t.phrase(k, p)) {
        (1, e)
    } else if let Some(e) = t.phrase(k, "in the past") {
        (-1, e)
    } else if t.low(k) == "ago" {
        (-1, k + 1)
    } else if matches!(t.low(k), "later" | "earlier" | "before") {
        (0, k + 1)
    } else {
        return None;
    };
    if clock && parts.iter().any(|&(_, u)| !matches!(u, "day" | "hour" | "minute")) {
        return None;
    }
    if clock {
        return Some(Expr::new(i, end, Kind::Clock, Val::Unknown));
    }
    let Some(dl) = ctx.dateline.filter(|_| sign != 0) else {
        return Some(Expr::new(i, end, Kind::Day, Val::Unknown));
    };
    if let Some(wd) = weekday {
        let ahead = (i64::from(wd) - i64::from(dl.iso_weekday())).rem_euclid(7);
        let first = if ahead == 0 { 7 } else { ahead };
        let d = if sign > 0 { dl.add_days(first + 7 * (n - 1)) } else { dl.add_days(-7 * n) };
        return Some(Expr::new(i, end, Kind::Day, Val::At(When::date(d))));
    }
    // move the dateline by each part; the coarsest unit says how exact the result is
    let mut d = dl;
    for &(n, unit) in &parts {
        d = match unit {
            "day" => d.add_days(sign * n),
            "week" => d.add_days(sign * 7 * n),
            "month" => add_months(d, sign * n),
            "year" => add_months(d, sign * 12 * n),
            _ => add_months(d, sign * 120 * n),
        };
    }
    let single = parts.len() == 1;
    let val = match first_unit {
        "month" if single && sign < 0 => Val::At(When::month(Some(d.year), d.month)),
        "year" | "decade" if single => Val::At(When::year(d.year)),
        _ => Val::At(When::date(d)),
    };
    let approx = single && matches!(first_unit, "week" | "decade") && sign < 0;
    let kind = if single && (first_unit == "year" || first_unit == "decade" || first_unit == "month" && sign < 0) {
        Kind::Period
    } else {
        Kind::Day
    };
    Some(Expr::new(i, end, kind, val).approx(approx))
}

/// Holidays: fixed (`Christmas Day`, `New Year's Eve`, `Yuandan`) or
/// computed (`Thanksgiving`, `Easter`), with a year after them (`Yuandan of 2016`).
fn holiday(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    type Rule = fn(i32) -> Option<Date>;
    const HOLIDAYS: &[(&str, Rule)] = &[
        ("christmas eve", |y| Date::new(y, 12, 24)),
        ("christmas day", |y| Date::new(y, 12, 25)),
        ("christmas", |y| Date::new(y, 12, 25)),
        ("xmas", |y| Date::new(y, 12, 25)),
        ("boxing day", |y| Date::new(y, 12, 26)),
        ("new year's eve", |y| Date::new(y, 12, 31)),
        ("new year's day", |y| Date::new(y, 1, 1)),
        ("yuandan", |y| Date::new(y, 1, 1)),
        ("valentine's day", |y| Date::new(y, 2, 14)),
        ("halloween", |y| Date::new(y, 10, 31)),
        ("independence day", |y| Date::new(y, 7, 4)),
        ("veterans day", |y| Date::new(y, 11, 11)),
        ("thanksgiving day", |y| nth_in_month(y, 11, 4, 4)),
        ("thanksgiving", |y| nth_in_month(y, 11, 4, 4)),
        ("labor day", |y| nth_in_month(y, 9, 1, 1)),
        ("memorial day", |y| nth_in_month(y, 5, 1, -1)),
        ("martin luther king day", |y| nth_in_month(y, 1, 1, 3)),
        ("mlk day", |y| nth_in_month(y, 1, 1, 3)),
        ("mother's day", |y| nth_in_month(y, 5, 7, 2)),
        ("father's day", |y| nth_in_month(y, 6, 7, 3)),
        ("easter sunday", easter),
        ("easter monday", |y| easter(y).map(|d| d.add_days(1))),
        ("good friday", |y| easter(y).map(|d| d.add_days(-2))),
        ("easter", easter),
        ("clean monday", |y| orthodox_easter(y).map(|d| d.add_days(-48))),
    ];
    let w = t.low(i);
    if !matches!(
        w,
        "christmas"
            | "xmas"
            | "boxing"
            | "new"
            | "yuandan"
            | "valentine"
            | "halloween"
            | "independence"
            | "veterans"
            | "thanksgiving"
            | "labor"
            | "memorial"
            | "martin"
            | "mlk"
            | "mother"
            | "father"
            | "easter"
            | "good"
            | "clean"
    ) {
        return None;
    }
    let (rule, end) = HOLIDAYS.iter().find_map(|&(name, rule)| holiday_phrase(t, i, name).map(|e| (rule, e)))?;
    // `New Year` needs `'s Day`/`'s Eve`; `Independence Day` is capitalised in news
    if matches!(w, "independence" | "labor" | "memorial" | "veterans" | "good") && !t.capitalised(i) {
        return None;
    }
    let mut end = end;
    let mut y = ctx.dateline.map(|d| d.year);
    let k = if t.low(end) == "of" { end + 1 } else { end };
    if let Some(yy) = lexicon::year(t, k) {
        y = Some(yy);
        end = k + 1;
    } else if let Some(e) = t.phrase(k, "this year").filter(|_| k > end) {
        end = e;
    }
    let val = y.and_then(rule).map_or(Val::Unknown, |d| Val::At(When::date(d)));
    Some(Expr::new(i, end, Kind::Day, val))
}

/// A holiday name at `i` (its words, with `'s` as its own token): the end.
fn holiday_phrase(t: &Toks, i: usize, name: &str) -> Option<usize> {
    let mut j = i;
    for w in name.split(' ') {
        let (word, possessive) = match w.strip_suffix("'s") {
            Some(stem) => (stem, true),
            None => (w, false),
        };
        if t.low(j) != word {
            return None;
        }
        j += 1;
        if possessive {
            if !matches!(t.low(j), "'s" | "’s") {
                return None;
            }
            j += 1;
        }
    }
    Some(j)
}

/// Western Easter Sunday (anonymous Gregorian computus).
fn easter(y: i32) -> Option<Date> {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, month as u8, day as u8)
}

/// Orthodox Easter Sunday (Julian computus, in the Gregorian calendar).
fn orthodox_easter(y: i32) -> Option<Date> {
    let (a, b, c) = (y % 4, y % 7, y % 19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = Date::new(y, month as u8, day as u8)?;
    Some(julian.add_days(i64::from(y / 100 - y / 400 - 2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_holidays() {
        assert_eq!(easter(2024), Date::new(2024, 3, 31));
        assert_eq!(easter(2025), Date::new(2025, 4, 20));
        assert_eq!(orthodox_easter(2024), Date::new(2024, 5, 5));
        assert_eq!(nth_in_month(2024, 11, 4, 4), Date::new(2024, 11, 28));
        assert_eq!(nth_in_month(2024, 5, 1, -1), Date::new(2024, 5, 27));
    }
}
