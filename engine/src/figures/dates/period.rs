//! Periods longer than a day: years (`2020`, `the year 2016`), decades (`the
//! 1990s`, `the '40s`), centuries, quarters (`Q3 2016`, `the third quarter
//! of 2016`), seasons (`summer of 2016`), weeks (`the week of November
//! 30th`), periods relative to the dateline (`last year`, `this week`, `the
//! past few weeks`, `rest of the month`), and hedged periods (`late last
//! year`, `earlier this month`, `mid-October`, `end of March`).

use super::super::numbers::Kind as NumKind;
use super::super::{units, words, Toks};
use super::lexicon::{self, year};
use super::when::{add_months, week_of};
use super::{parts, written, Context, Expr, Kind, Val, When};
use crate::calendar::{days_in_month, Date};

/// A period at token `i`.
pub(super) fn at(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    if t.is_num(i) {
        return decade(t, i)
            .or_else(|| century(t, i))
            .or_else(|| parts::year_then_quarter(t, i))
            .or_else(|| year_then_month(t, i))
            .or_else(|| plain_year(t, i));
    }
    if !t.is_word(i) && t.text(i) != "'" && t.text(i) != "’" {
        return None;
    }
    hedged(t, i, ctx)
        .or_else(|| the_period(t, i, ctx))
        .or_else(|| relative(t, i, ctx))
        .or_else(|| rest_of(t, i, ctx))
        .or_else(|| parts::quarter(t, i, ctx))
        .or_else(|| parts::season(t, i, ctx))
        .or_else(|| parts::week(t, i, ctx))
        .or_else(|| decade(t, i))
        .or_else(|| century(t, i))
}

/// A named period after `this`/`next`/... or alone: a month, a season, a
/// relative unit, a quarter.
fn base(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    relative(t, i, ctx)
        .or_else(|| written::month_first(t, i, ctx).filter(|e| e.kind == Kind::Period))
        .or_else(|| parts::season(t, i, ctx))
        .or_else(|| parts::quarter(t, i, ctx))
        .or_else(|| plain_year(t, i))
        .or_else(|| decade(t, i))
        .or_else(|| century(t, i))
}

/// `this week`, `last year`, `next month`, `this decade`, `the next decade`,
/// `the week after next`, `this weekend`, `upcoming month`, `past week`,
/// `last Dec`, `this Jan`, `the past few weeks`, `recent years`, `the coming days`.
pub(super) fn relative(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let the = t.low(i) == "the";
    let j = if the { i + 1 } else { i };
    let step: i64 = match t.low(j) {
        _ if the && lexicon::period_unit(t.low(j)).is_some() && t.phrase(j + 1, "after next").is_some() => 2,
        "weekend" if the => 0,
        "last" | "past" | "previous" => -1,
        "this" | "current" if !the => 0,
        "next" | "coming" | "upcoming" | "following" => 1,
        "recent" if !the => -1,
        _ => return None,
    };
    let w = t.low(j + 1);
    // `the past few weeks`, `the coming days`, `recent years`: a vague span up to or from now
    let vague_count = matches!(w, "few" | "several") || t.phrase(j + 1, "couple of").is_some();
    let plural_at = if vague_count { j + if w == "couple" { 3 } else { 2 } } else { j + 1 };
    let plural = t.low(plural_at);
    if units::is_plural_time(plural) && matches!(plural, "days" | "weeks" | "months" | "years" | "decades") {
        if t.low(j) == "recent" || vague_count || the && matches!(t.low(j), "coming" | "next" | "past") {
            let clock = matches!(plural, "hours" | "minutes");
            let kind = if clock { Kind::Clock } else { Kind::Period };
            return Some(Expr::new(i, plural_at + 1, kind, Val::Unknown));
        }
        return None;
    }
    // `this Jan`, `last sept`, `next June`: the month nearest the dateline that way
    if let Some(m) = written::month_first(t, j + 1, ctx)
        .filter(|e| e.kind == Kind::Period && e.end == j + 2 || e.end == j + 3 && t.text(j + 2) == ".")
    {
        let mo = m.val.first().and_then(|w| w.month)?;
        let y = ctx.dateline.map(|dl| match step {
            -1 if mo < dl.month => dl.year,
            -1 => dl.year - 1,
            1 if mo > dl.month => dl.year,
            1 => dl.year + 1,
            _ => dl.year,
        });
        if the {
            return None;
        }
        return Some(Expr::new(i, m.end, Kind::Period, Val::At(When::month(y, mo))));
    }
    // `the week after next`, `the month after next`
    if the {
        if let (Some(unit), Some(end)) = (lexicon::period_unit(t.low(j)), t.phrase(j + 1, "after next")) {
            let val = match (unit, ctx.dateline) {
                ("week", Some(d)) => Val::At(week_of(d.add_days(14))),
                ("month", Some(d)) => {
                    let m = add_months(d, 2);
                    Val::At(When::month(Some(m.year), m.month))
                }
                ("year", Some(d)) => Val::At(When::year(d.year + 2)),
                _ => Val::Unknown,
            };
            return Some(Expr::new(i, end, Kind::Period, val));
        }
    }
    // `over the weekend`: the weekend nearest the story, which the text does not fix
    if the && t.low(j) == "weekend" {
        return Some(Expr::new(i, j + 1, Kind::Period, Val::Unknown));
    }
    let unit = lexicon::period_unit(w).filter(|_| !w.ends_with('s') || w == "decades")?;
    if w == "decades" || the && step == 0 {
        return None;
    }
    let mut end = j + 2;
    // `the week after next`
    let mut step = step;
    if the && step == 1 && t.phrase(end, "after next").is_some() {
        step = 2;
        end += 2;
    }
    if the && t.low(j) == "past" && unit == "day" {
        return None;
    }
    let dl = ctx.dateline;
    let val = match (unit, dl) {
        (_, None) => Val::Unknown,
        ("day", Some(d)) => Val::At(When::date(d.add_days(step))),
        ("week", Some(d)) => Val::At(week_of(d.add_days(7 * step))),
        ("weekend", Some(d)) => {
            let sat = d.add_days(7 * step + 6 - i64::from(d.iso_weekday()));
            Val::Span(Some(When::date(sat)), Some(When::date(sat.add_days(1))))
        }
        ("fortnight", Some(_)) => Val::Unknown,
        ("month", Some(d)) => {
            let m = add_months(d, step);
            Val::At(When::month(Some(m.year), m.month))
        }
        ("quarter", Some(d)) => {
            let q = i64::from(d.year) * 4 + i64::from((d.month - 1) / 3) + step;
            parts::quarter_span(q.div_euclid(4) as i32, (q.rem_euclid(4) + 1) as u8)
        }
        ("year", Some(d)) => Val::At(When::year(d.year + step as i32)),
        ("decade", Some(d)) => {
            let start = d.year - d.year.rem_euclid(10) + 10 * step as i32;
            Val::Span(Some(When::year(start)), Some(When::year(start + 9)))
        }
        ("century", Some(d)) => {
            let start = d.year - d.year.rem_euclid(100) + 100 * step as i32;
            Val::Span(Some(When::year(start)), Some(When::year(start + 99)))
        }
        _ => Val::Unknown,
    };
    let kind = if unit == "day" { Kind::Day } else { Kind::Period };
    // `next year's fourth-quarter`
    if unit == "year" && matches!(t.low(end), "'s" | "’s") {
        if let Some(q) = parts::quarter(t, end + 1, ctx).filter(|q| q.start == end + 1) {
            let y = match val {
                Val::At(w) => w.year,
                _ => None,
            };
            let val = match (y, q.val.first().and_then(|w| w.month)) {
                (Some(y), Some(m)) => parts::quarter_span(y, (m - 1) / 3 + 1),
                _ => Val::Unknown,
            };
            return Some(Expr::new(i, q.end, Kind::Period, val));
        }
    }
    Some(Expr::new(i, end, kind, val))
}

/// `the month of Jan`, `month of June`, `the year 2016`, `year 2016`, `the summer`.
fn the_period(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let j = if t.low(i) == "the" { i + 1 } else { i };
    match t.low(j) {
        "month" if t.low(j + 1) == "of" => {
            let m = written::month_first(t, j + 2, ctx).filter(|e| e.kind == Kind::Period)?;
            Some(Expr { start: i, ..m })
        }
        // `the year 2016`, `year 247`, `Year two hundred and sixty seven`
        "year" => {
            let n = lexicon::number(t, j + 1).filter(|n| n.kind == NumKind::Cardinal)?;
            if !(100.0..10000.0).contains(&n.value) || n.value.fract() != 0.0 || !n.words && n.end != j + 2 {
                return None;
            }
            Some(Expr::new(i, n.end, Kind::Period, Val::At(When::year(n.value as i32))))
        }
        _ => None,
    }
}

/// `rest of the week`, `rest of this month`, `rest current week`, `rest of the day`.
fn rest_of(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    if t.low(i) != "rest" {
        return None;
    }
    let mut j = i + 1;
    if t.low(j) == "of" {
        j += 1;
    }
    if matches!(t.low(j), "the" | "this" | "current") {
        j += 1;
    }
    let unit = lexicon::period_unit(t.low(j)).filter(|u| matches!(*u, "day" | "week" | "month" | "year"))?;
    if j == i + 1 {
        return None;
    }
    let val = match ctx.dateline {
        None => Val::Unknown,
        Some(d) => {
            let last = match unit {
                "day" => d,
                "week" => d.add_days(7 - i64::from(d.iso_weekday())),
                "month" => Date { day: days_in_month(d.year, d.month), ..d },
                _ => Date { month: 12, day: 31, ..d },
            };
            Val::Span(Some(When::date(d)), Some(When::date(last)))
        }
    };
    let kind = if unit == "day" { Kind::Day } else { Kind::Period };
    Some(Expr::new(i, j + 1, kind, val))
}

/// `early 2024`, `mid-2025`, `late last year`, `earlier this month`, `later
/// this year`, `mid-October`, `end of March`, `beginning of next week`,
/// `late 1990s`: the period, approximate.
fn hedged(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let the = t.low(i) == "the";
    let h = if the { i + 1 } else { i };
    let w = t.low(h);
    let mut j = match w {
        "early" | "late" | "mid" | "earlier" | "later" | "middle" | "end" | "beginning" | "start" => h + 1,
        _ => return None,
    };
    if t.text(j) == "-" && t.glued(j) {
        j += 1;
    }
    let of = matches!(w, "end" | "beginning" | "start" | "middle");
    if of {
        if t.low(j) != "of" {
            return None;
        }
        j += 1;
    } else if the {
        return None;
    }
    // `earlier this month`, `later this year`: only the present period
    if matches!(w, "earlier" | "later") && !matches!(t.low(j), "this") {
        return None;
    }
    let mut p = base(t, j, ctx).or_else(|| the_unit(t, j, ctx))?;
    if p.kind != Kind::Period && !(p.kind == Kind::Day && matches!(t.low(j), "this" | "next" | "last")) {
        return None;
    }
    if matches!(p.val, Val::Span(..)) && p.val.first().is_some_and(|w| w.month.is_some() && w.day.is_some()) {
        return None;
    }
    p.start = i;
    Some(p.approx(true))
}

/// `the year`, `the month`, `the week` after `end of`: the dateline's.
fn the_unit(t: &Toks, j: usize, ctx: &Context) -> Option<Expr> {
    if t.low(j) != "the" {
        return None;
    }
    let unit = lexicon::period_unit(t.low(j + 1)).filter(|u| matches!(*u, "week" | "month" | "year"))?;
    let val = match (unit, ctx.dateline) {
        (_, None) => Val::Unknown,
        ("week", Some(d)) => Val::At(week_of(d)),
        ("month", Some(d)) => Val::At(When::month(Some(d.year), d.month)),
        (_, Some(d)) => Val::At(When::year(d.year)),
    };
    Some(Expr::new(j, j + 2, Kind::Period, val))
}

/// `2016 November`, `2016, nov`: a year, then its month.
fn year_then_month(t: &Toks, i: usize) -> Option<Expr> {
    let y = year(t, i)?;
    let k = if t.text(i + 1) == "," { i + 2 } else { i + 1 };
    let m = lexicon::month(t, k)?;
    plain_year(t, i)?;
    // `2016 November 5` is read day first elsewhere; here only the month
    if t.is_num(k + lexicon::month_len(t, k)) {
        return None;
    }
    Some(Expr::new(i, k + lexicon::month_len(t, k), Kind::Period, Val::At(When::month(Some(y), m))))
}

/// A year alone: `2020`, `in 2022`, `mid-2025`'s year; not `2020 people`,
/// `Euro 2024`, `$2020`, `2020s`.
pub(super) fn plain_year(t: &Toks, i: usize) -> Option<Expr> {
    let y = year(t, i)?;
    if super::super::amounts::named_number(t, i) {
        return None;
    }
    if t.glued(i) && (t.is_word(i - 1) && !t.capitalised(i - 1) && !matches!(t.low(i - 1), "mid" | "pre" | "post")) {
        return None;
    }
    if t.glued(i) && matches!(t.text(i - 1), "/" | "." | ":") || t.glued(i + 1) && matches!(t.text(i + 1), "/" | ":") {
        return None;
    }
    // a unit, a multiplier or a currency after it makes it an amount
    let next = t.low(i + 1);
    if (t.glued(i + 1) && t.is_word(i + 1))
        || t.text(i + 1) == "%"
        || units::measure(next).is_some() && !matches!(next, "in" | "m" | "t" | "g" | "l" | "pm")
        || units::time_unit(next).is_some()
        || units::currency_word(next).is_some()
        || words::scale(next).is_some()
        || matches!(next, "hundred" | "people" | "troops" | "soldiers" | "percent" | "of")
        || (i > 0 && units::currency_sign(t.text(i - 1)).is_some())
        || (t.is_num(i + 1) && !t.glued(i + 1))
    {
        return None;
    }
    if matches!(t.text(i + 1), "-" | "–") && t.glued(i + 1) && t.is_num(i + 2) && t.glued(i + 2) {
        // `2014-2022`, `2022-23` are ranges (read by the range), `2024-11-02` a day
        let y2 = t.text(i + 2);
        if y2.len() != 4 && y2.len() != 2 {
            return None;
        }
    }
    if !(1900..=2100).contains(&y)
        && !matches!(
            t.low(i.wrapping_sub(1)),
            "in" | "since" | "of" | "by" | "until" | "from" | "year" | "before" | "after"
        )
    {
        return None;
    }
    Some(Expr::new(i, i + 1, Kind::Period, Val::At(When::year(y))))
}

/// `1990s`, `1970's`, `the '40s`, `70s`, `the nineteen seventies`, `the
/// noughties`, `twenty-tens`: the ten years, `min`/`max`.
fn decade(t: &Toks, i: usize) -> Option<Expr> {
    let span = |start: i32, end: usize| {
        Some(Expr::new(i, end, Kind::Period, Val::Span(Some(When::year(start)), Some(When::year(start + 9)))))
    };
    // `1990s`, `1970's`
    if t.is_num(i) {
        let s = t.text(i);
        let (k, apostrophe) =
            if t.glued(i + 1) && matches!(t.text(i + 1), "'" | "’") { (i + 2, true) } else { (i + 1, false) };
        if !(t.glued(k) && t.low(k) == "s") || t.glued(k + 1) && t.is_word(k + 1) {
            return None;
        }
        let _ = apostrophe;
        let n: i32 = s.parse().ok()?;
        return match s.len() {
            4 if n % 10 == 0 && (1000..2200).contains(&n) => span(n, k + 1),
            2 if n % 10 == 0 && (i == 0 || t.low(i - 1) == "the" || matches!(t.text(i - 1), "'" | "’")) => {
                span(if n < 30 { 2000 + n } else { 1900 + n }, k + 1)
            }
            _ => None,
        };
    }
    // `'40s`
    if matches!(t.text(i), "'" | "’") && t.glued(i + 1) && t.is_num(i + 1) && t.text(i + 1).len() == 2 {
        let d = decade(t, i + 1)?;
        return Some(Expr { start: i, ..d });
    }
    let j = if t.low(i) == "the" { i + 1 } else { i };
    if t.low(j) == "noughties" && j > i {
        return span(2000, j + 1);
    }
    // `nineteen seventies`, `twenty-tens`
    let century = match t.low(j) {
        "nineteen" => 1900,
        "twenty" => 2000,
        "eighteen" => 1800,
        _ => return None,
    };
    let k = if t.text(j + 1) == "-" { j + 2 } else { j + 1 };
    let tens = match t.low(k) {
        "tens" => 10,
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => return None,
    };
    span(century + tens, k + 1)
}

/// `19th century`, `the 21st century`: its years, `min`/`max`.
fn century(t: &Toks, i: usize) -> Option<Expr> {
    if !lexicon::ahead(t, i, 4, |w| w == "century") {
        return None;
    }
    let n = lexicon::number(t, i).filter(|n| n.kind == NumKind::Ordinal)?;
    if t.low(n.end) != "century" || !(1.0..=21.0).contains(&n.value) {
        return None;
    }
    let c = n.value as i32;
    let val = Val::Span(Some(When::year((c - 1) * 100 + 1)), Some(When::year(c * 100)));
    Some(Expr::new(i, n.end + 1, Kind::Period, val))
}
