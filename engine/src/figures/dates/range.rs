//! Ranges as one expression, however the ends are written: `from January to
//! March`, `between Oct. 3 and 12`, `Oct. 2 to October 22`, `Friday through
//! Sunday`, `from 4 to 22 January, 2017`, `4 till 23 of this month`, `5 to 6
//! p.m.`, `from 4pm to 5pm today`, `2014-2022`, `2022-23`. An end may be a bare
//! number that the other end, or what follows, makes a day or an hour.

use super::super::Toks;
use super::lexicon::{self, day, hour_word};
use super::{unit, Context, Expr, Kind, Val, When};

/// One end of a range.
#[derive(Debug, Clone, Copy)]
enum End {
    Expr(Expr),
    /// A number alone (`4`, `22nd`, `five`) at tokens `start..end`.
    Bare {
        n: u8,
        start: usize,
        end: usize,
        word: bool,
    },
}

impl End {
    fn end(&self) -> usize {
        match self {
            End::Expr(e) => e.end,
            End::Bare { end, .. } => *end,
        }
    }
}

fn end_at(t: &Toks, i: usize, ctx: &Context) -> Option<End> {
    if let Some(e) = unit(t, i, ctx).filter(|e| e.every.is_none()) {
        return Some(End::Expr(e));
    }
    bare_at(t, i)
}

/// A number alone that may be a day or an hour.
fn bare_at(t: &Toks, i: usize) -> Option<End> {
    if let Some((n, end)) = day(t, i) {
        return Some(End::Bare { n, start: i, end, word: false });
    }
    if t.is_num(i) && t.text(i).len() <= 2 {
        let n: u8 = t.text(i).parse().ok()?;
        return (n <= 24).then_some(End::Bare { n, start: i, end: i + 1, word: false });
    }
    let n = hour_word(t.low(i)).or_else(|| lexicon::day_word(t, i).map(|d| d.0))?;
    let end = lexicon::day_word(t, i).map_or(i + 1, |d| d.1);
    Some(End::Bare { n, start: i, end, word: true })
}

/// The word joining the two ends at `k`: the token after it.
fn joint(t: &Toks, k: usize, between: bool) -> Option<usize> {
    if between {
        let word = matches!(t.low(k), "and" | "through" | "thru");
        return (word || matches!(t.text(k), "-" | "–") && t.glued(k) == t.glued(k + 1)).then_some(k + 1);
    }
    match t.text(k) {
        "-" | "–" | "—" if t.glued(k) == t.glued(k + 1) => Some(k + 1),
        _ => matches!(t.low(k), "to" | "through" | "thru" | "till" | "til" | "until").then_some(k + 1),
    }
}

/// `from A to B`, `between A and B`.
pub(super) fn led(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let between = match t.low(i) {
        "from" => false,
        "between" => true,
        _ => return None,
    };
    let a = end_at(t, i + 1, ctx)?;
    let Some(k) = joint(t, a.end(), between) else {
        // `from Oct. 27 to 30` was read whole by the month
        return match a {
            End::Expr(e) if !between && matches!(e.val, Val::Span(Some(_), Some(_))) => Some(Expr { start: i, ..e }),
            _ => None,
        };
    };
    let b = end_at(t, k, ctx)?;
    let mut r = join(t, a, b, true, ctx)?;
    r.start = i;
    Some(r)
}

/// `A to B` after an expression `a`.
pub(super) fn continued(t: &Toks, a: &Expr, ctx: &Context) -> Option<Expr> {
    if matches!(a.val, Val::Span(..)) && a.kind != Kind::Period {
        return None;
    }
    let k = joint(t, a.end, false)?;
    let b = end_at(t, k, ctx)?;
    join(t, End::Expr(*a), b, false, ctx)
}

/// A range whose first end is a bare number: `4 till 23 of this month`, `5 to
/// 6 p.m.`, `4-22 January, 2017`.
pub(super) fn bare_led(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let a = bare_at(t, i)?;
    let k = joint(t, a.end(), false)?;
    let b = end_at(t, k, ctx)?;
    join(t, a, b, false, ctx)
}

/// Two ends made one range, with what follows the second when the ends
/// need it (`this month`, `next sunday`).
fn join(t: &Toks, a: End, b: End, led: bool, ctx: &Context) -> Option<Expr> {
    let start = match a {
        End::Expr(e) => e.start,
        End::Bare { start, .. } => start,
    };
    match (a, b) {
        (End::Expr(a), End::Expr(b)) => both(t, a, b, ctx),
        (End::Expr(a), End::Bare { n, end, word, .. }) => {
            let noun_after = t.is_word(end) && !tail_ok(t, end);
            match a.kind {
                // `between Oct. 3 and 12`: a day of the first end's month
                Kind::Day => {
                    let w = a.day()?;
                    let (m, d) = (w.month?, w.day?);
                    if word || noun_after || n <= d || !lexicon::valid_day(w.year, m, n) {
                        return None;
                    }
                    let val = Val::Span(Some(w), Some(When { day: Some(n), ..w }));
                    Some(Expr::new(start, end, Kind::Day, val))
                }
                // `1p.m. to 4`, `from 1:30 to 3`
                Kind::Clock => {
                    let w = a.val.first()?;
                    let h = w.hour?;
                    if noun_after || n > 24 || a.val.last() != a.val.first() {
                        return None;
                    }
                    let hour = if n < 12 && h >= 12 && n + 12 > h { n + 12 } else { n };
                    let val = Val::Span(Some(w), Some(When { hour: Some(hour), minute: Some(0), second: None, ..w }));
                    Some(Expr::new(start, end, Kind::Clock, val))
                }
                // `2022-23`
                Kind::Period => {
                    let y = a.val.first().filter(|w| w.month.is_none() && w.week.is_none())?.year?;
                    let two = end == a.end + 2 && t.glued(a.end) && t.glued(a.end + 1) && t.text(a.end + 1).len() == 2;
                    let y2 = y - y % 100 + i32::from(n);
                    // `the 2023-24 season`: a noun may follow a span of years
                    (two && y2 > y).then(|| {
                        Expr::new(start, end, Kind::Period, Val::Span(Some(When::year(y)), Some(When::year(y2))))
                    })
                }
                Kind::DayPart => None,
            }
        }
        (End::Bare { n, .. }, End::Expr(b)) => match b.kind {
            // `from 4 to 22 January, 2017`
            Kind::Day => {
                let w = b.day()?;
                let (m, d) = (w.month?, w.day?);
                if n >= d || !lexicon::valid_day(w.year, m, n) {
                    return None;
                }
                Some(Expr::new(start, b.end, Kind::Day, Val::Span(Some(When { day: Some(n), ..w }), Some(w))))
            }
            // `from 5 to 6pm`, `5 to 6 in the afternoon`
            Kind::Clock => {
                let w = b.val.first()?;
                let h = w.hour?;
                if n > 24 || b.val.last() != b.val.first() {
                    return None;
                }
                let hour = if n < 12 && h >= 12 && n + 12 <= h { n + 12 } else { n };
                let first = When { hour: Some(hour), minute: Some(0), second: None, ..w };
                Some(Expr::new(start, b.end, Kind::Clock, Val::Span(Some(first), Some(w))))
            }
            _ => None,
        },
        (End::Bare { n: a, word: wa, .. }, End::Bare { n: b, end, word: wb, .. }) => {
            // `4 till 23 of this month`, `from 3 until 12 of Sept`: days of the month after
            let k = if t.low(end) == "of" { end + 1 } else { end };
            if let Some(m) = unit(t, k, ctx).filter(|m| m.kind == Kind::Period) {
                // a month: named, or `this month` with no dateline to say which
                let named = m.val.first().filter(|w| w.month.is_some() && w.day.is_none() && w.week.is_none());
                let unknown_month = m.val == Val::Unknown && t.low(m.end - 1) == "month";
                if wa || wb || a >= b || !(named.is_some() || unknown_month) || m.val.first() != m.val.last() {
                    return None;
                }
                let val = match named {
                    Some(w) if lexicon::valid_day(w.year, w.month?, b) => {
                        Val::Span(Some(When { day: Some(a), ..w }), Some(When { day: Some(b), ..w }))
                    }
                    Some(_) => return None,
                    None if b <= 31 => Val::Unknown,
                    None => return None,
                };
                return Some(Expr::new(start, m.end, Kind::Day, val));
            }
            // `from 5 to 6 next sunday`: hours on a day
            if !led || a > 12 || b > 12 {
                return None;
            }
            let d = unit(t, end, ctx).filter(|d| d.day().is_some())?;
            let day = d.day()?;
            let val = Val::Span(Some(day.at(When::clock(a, 0, None))), Some(day.at(When::clock(b, 0, None))));
            Some(Expr::new(start, d.end, Kind::Clock, val))
        }
    }
}

/// Words that may follow a bare second end (`to 4.`, `to 4 on Friday`).
fn tail_ok(t: &Toks, k: usize) -> bool {
    matches!(t.low(k), "on" | "this" | "next" | "last" | "today" | "tomorrow" | "tonight" | "of" | "in" | "at" | "and")
}

/// Two expressions as one range: days, periods, times (a time range takes
/// the day either end has: `from 4pm to 5pm today`).
fn both(t: &Toks, a: Expr, b: Expr, ctx: &Context) -> Option<Expr> {
    let kind = match (a.kind, b.kind) {
        (Kind::Clock, Kind::Clock) => Kind::Clock,
        (Kind::Day, Kind::Day) => Kind::Day,
        (Kind::Day | Kind::Period, Kind::Day | Kind::Period) => Kind::Period,
        _ => return None,
    };
    // a span already (`Oct. 2-4`) is no end, but a period is (`the 1990s to the 2000s`)
    if kind == Kind::Day && (matches!(a.val, Val::Span(..)) || matches!(b.val, Val::Span(..))) {
        return None;
    }
    let mut r = Expr::new(a.start, b.end, kind, Val::Unknown).approx(a.approx || b.approx);
    if let (Some(mut x), Some(mut y)) = (a.val.first(), b.val.last()) {
        if kind == Kind::Clock {
            // the day one end has is the other's too
            if !x.is_day() && y.is_day() {
                x = When { year: y.year, month: y.month, day: y.day, weekday: y.weekday, ..x };
            } else if x.is_day() && !y.is_day() {
                y = When { year: x.year, month: x.month, day: x.day, weekday: x.weekday, ..y };
            }
            if let (Some(h1), Some(h2)) = (x.hour, y.hour) {
                if h2 < h1 && h2 < 12 && x.as_date() == y.as_date() {
                    y.hour = Some(h2 + 12);
                }
            }
        } else {
            x = x.filled_from(y);
            y = y.filled_from(x);
        }
        r.val = Val::Span(Some(x), Some(y));
    }
    // `from 4pm to 5pm today`, `from 4pm to 5pm of tomorrow`
    let unplaced = |v: Val| v.first().is_none_or(|w| !w.is_day());
    if kind == Kind::Clock && unplaced(r.val) {
        let k = if matches!(t.low(r.end), "of" | "on") || t.text(r.end) == "," { r.end + 1 } else { r.end };
        if let Some(d) = unit(t, k, ctx).filter(|d| d.one_day().is_some()) {
            if let (Some(day), Val::Span(Some(x), Some(y))) = (d.day(), r.val) {
                r.val = Val::Span(Some(day.at(x)), Some(day.at(y)));
            }
            r.end = d.end;
        }
    }
    Some(r)
}
