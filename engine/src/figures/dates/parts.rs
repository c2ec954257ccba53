//! Named parts of a year: quarters and halves (`Q3 2016`, `the third quarter
//! of 2016`, `the first half of 2024`), seasons (`summer of 2016`, `last
//! winter`) and weeks (`the week of November 30th`, `the third week of this
//! month`, `Week 31`).

use super::super::numbers::Kind as NumKind;
use super::super::Toks;
use super::day::in_week;
use super::lexicon::{self, year};
use super::period::{plain_year, relative};
use super::when::{week_monday, week_of};
use super::{written, Context, Expr, Kind, Val, When};
use crate::calendar::Date;

/// The months of quarter `q` of `y`.
pub(super) fn quarter_span(y: i32, q: u8) -> Val {
    Val::Span(Some(When::month(Some(y), 3 * q - 2)), Some(When::month(Some(y), 3 * q)))
}

/// `Q3`, `Q3 2016`, `the third quarter of 2016`, `the third quarter this
/// year`, `the third- quarter of 2016`, `fourth-quarter`, `the first half of 2016`.
pub(super) fn quarter(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let s = t.text(i);
    // `Q3`: a word `Q` glued to a digit
    if matches!(s, "Q" | "q") && t.glued(i + 1) && matches!(t.text(i + 1), "1" | "2" | "3" | "4") {
        let q: u8 = t.text(i + 1).parse().ok()?;
        let (y, end) = match year(t, i + 2) {
            Some(y) => (Some(y), i + 3),
            None => (ctx.dateline.map(|d| d.year), i + 2),
        };
        let val = y.map_or(Val::Unknown, |y| quarter_span(y, q));
        return Some(Expr::new(i, end, Kind::Period, val));
    }
    let j = if t.low(i) == "the" { i + 1 } else { i };
    let n = lexicon::number(t, j).filter(|n| n.kind == NumKind::Ordinal && (1.0..=4.0).contains(&n.value));
    let (n, k) = match n {
        Some(n) => (n.value as u8, n.end),
        None if t.low(j) == "last" => (4, j + 1),
        None => return None,
    };
    let k = if t.text(k) == "-" { k + 1 } else { k };
    let halves = t.low(k) == "half";
    if !(t.low(k) == "quarter" || halves && n <= 2) {
        return None;
    }
    // `the first quarter` needs its year or `the` (a `first quarter` of a match is no date)
    let mut end = k + 1;
    let y = if let Some(y) = t.phrase(end, "of").and_then(|e| year(t, e)) {
        end += 2;
        Some(y)
    } else if let Some(y) = year(t, end) {
        end += 1;
        Some(y)
    } else if let Some((step, e)) = [
        ("of this year", 0),
        ("this year", 0),
        ("of next year", 1),
        ("next year", 1),
        ("of last year", -1),
        ("last year", -1),
    ]
    .iter()
    .find_map(|&(p, s)| t.phrase(end, p).map(|e| (s, e)))
    {
        end = e;
        ctx.dateline.map(|d| d.year + step)
    } else if j > i || i > 0 && matches!(t.low(i - 1), "'s" | "’s") {
        ctx.dateline.map(|d| d.year)
    } else {
        return None;
    };
    let val = match (y, halves) {
        (None, _) => Val::Unknown,
        (Some(y), false) => quarter_span(y, n),
        (Some(y), true) => Val::Span(Some(When::month(Some(y), 6 * n - 5)), Some(When::month(Some(y), 6 * n))),
    };
    Some(Expr::new(i, end, Kind::Period, val))
}

/// `2016 the third quarter`: a year, then its quarter.
pub(super) fn year_then_quarter(t: &Toks, i: usize) -> Option<Expr> {
    let y = year(t, i)?;
    let q = quarter(t, i + 1, &Context { dateline: Date::new(y, 1, 1) }).filter(|_| t.low(i + 1) == "the")?;
    Some(Expr { start: i, ..q })
}

/// `summer`, `this summer`, `the summer`, `summer 2016`, `summer of 2016`,
/// `mid summer`, `last winter`.
pub(super) fn season(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let step: Option<i32> = match t.low(i) {
        "this" => Some(0),
        "last" | "past" => Some(-1),
        "next" | "coming" => Some(1),
        "the" => None,
        _ => {
            let (from, to) = lexicon::season(t.low(i))?;
            // `fall` and `spring` are verbs and nouns: a season only with a year or before one
            let (y, end) = match t.phrase(i + 1, "of").and_then(|e| year(t, e).map(|y| (y, e + 1))) {
                Some((y, e)) => (Some(y), e),
                None => match year(t, i + 1) {
                    Some(y) => (Some(y), i + 2),
                    None if t.low(i) == "summer" || t.low(i) == "winter" => (None, i + 1),
                    None => return None,
                },
            };
            let y = y.or(ctx.dateline.map(|d| d.year));
            return Some(Expr::new(i, end, Kind::Period, season_span(y, from, to)).approx(true));
        }
    };
    let (from, to) = lexicon::season(t.low(i + 1))?;
    // `the fall of Kabul`, `the spring of discontent`: a season only with its year after `of`
    if t.low(i + 2) == "of" && year(t, i + 3).is_none() {
        return None;
    }
    if let Some(y) = year(t, i + 3).filter(|_| t.low(i + 2) == "of") {
        return Some(Expr::new(i, i + 4, Kind::Period, season_span(Some(y), from, to)).approx(true));
    }
    let y = ctx.dateline.map(|d| d.year + step.unwrap_or(0));
    let y = if step.is_none() { None } else { y };
    Some(Expr::new(i, i + 2, Kind::Period, season_span(y, from, to)).approx(true))
}

fn season_span(y: Option<i32>, from: u8, to: u8) -> Val {
    let end_year = y.map(|y| if to < from { y + 1 } else { y });
    Val::Span(Some(When::month(y, from)), Some(When::month(end_year, to)))
}

/// `the week of November 30th`, `week of september.15th`, `the week starting
/// on february 4`, `w/c feb 4`, `the third week of this month`, `the first
/// week of 2027`, `the third week next year`, `Week 31`.
pub(super) fn week(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let j = if t.low(i) == "the" { i + 1 } else { i };
    // `w/c feb 4`
    if t.low(i) == "w" && t.text(i + 1) == "/" && t.low(i + 2) == "c" {
        let d = written::month_first(t, i + 3, ctx).filter(|d| d.kind == Kind::Day)?;
        return Some(Expr::new(i, d.end, Kind::Period, week_val(d.val)));
    }
    if t.low(j) == "week" {
        let mut k = j + 1;
        if matches!(t.low(k), "starting" | "beginning" | "commencing") {
            k += 1;
            if t.low(k) == "on" {
                k += 1;
            }
        } else if t.low(k) == "of" {
            k += 1;
        } else if t.is_num(k) && t.capitalised(j) {
            // `Week 31`
            let n: u8 = t.text(k).parse().ok().filter(|n| (1..=53).contains(n))?;
            let val = ctx.dateline.map_or(Val::Unknown, |d| Val::At(When { week: Some(n), ..When::year(d.year) }));
            return Some(Expr::new(i, k + 1, Kind::Period, val));
        } else {
            return None;
        }
        let d = written::month_first(t, k, ctx)
            .or_else(|| written::day_first(t, k, ctx))
            .filter(|d| d.kind == Kind::Day)?;
        return Some(Expr::new(i, d.end, Kind::Period, week_val(d.val)));
    }
    // `the third week of this month`, `the first week of 2027`
    let n = lexicon::number(t, j).filter(|n| n.kind == NumKind::Ordinal && (1.0..=5.0).contains(&n.value));
    let (n, k) = match n {
        Some(n) => (n.value as i64, n.end),
        None if t.low(j) == "last" && j > i => (-1, j + 1),
        None => return None,
    };
    if t.low(k) != "week" || j == i {
        return None;
    }
    let of = if t.low(k + 1) == "of" { k + 2 } else { k + 1 };
    let within = written::month_first(t, of, ctx)
        .filter(|e| e.kind == Kind::Period)
        .or_else(|| relative(t, of, ctx).filter(|e| e.kind == Kind::Period))
        .or_else(|| plain_year(t, of).filter(|_| of > k + 1))
        .or_else(|| {
            let (y, end) = lexicon::year_words(t, of).filter(|_| of > k + 1)?;
            Some(Expr::new(of, end, Kind::Period, Val::At(When::year(y))))
        })?;
    let val = match within.val.first() {
        Some(w) if w.year.is_some() => {
            let first = Date::new(w.year?, w.month.unwrap_or(1), 1);
            match (first, n) {
                (Some(f), n) if n > 0 => Val::At(week_of(f.add_days(7 * (n - 1)))),
                _ => Val::Unknown,
            }
        }
        _ => Val::Unknown,
    };
    Some(Expr::new(i, within.end, Kind::Period, val))
}

/// The week a day falls in, as a value.
fn week_val(day: Val) -> Val {
    match day.first().and_then(|w| w.as_date()) {
        Some(d) => Val::At(week_of(d)),
        None => Val::Unknown,
    }
}

/// The day `day`'s weekday has in week `week` (`next week between Wednesday and Friday`).
pub(super) fn weekday_in_week(week: When, day: When) -> When {
    let monday = week.year.zip(week.week).and_then(|(y, w)| week_monday(y, w));
    let wd = day.weekday.or_else(|| day.as_date().map(|d| d.iso_weekday()));
    match (monday, wd) {
        (Some(m), Some(wd)) => in_week(m, wd),
        _ => day,
    }
}
