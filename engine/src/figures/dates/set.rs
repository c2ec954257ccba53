//! Recurrences: `every Friday`, `each month`, `daily`, `on Mondays`,
//! `every morning at 9am`, `9am every Sunday`, `each 4/15`. The value is one
//! occurrence as far as the text fixes it; `every` says how often it comes.

use super::super::Toks;
use super::lexicon::{self, weekday, weekday_plural};
use super::{clock, unit, Context, Expr, Kind, Val, When};

/// A recurrence at token `i`.
pub(super) fn at(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let w = t.low(i);
    if matches!(w, "every" | "each") {
        return every(t, i, ctx);
    }
    if let Some(every) = adverb(w) {
        // `daily` closes its clause as an adverb; `daily life` is an adjective
        let k = i + 1;
        let closes = t.kind(k).is_none() || matches!(t.text(k), "." | "," | ";" | "!" | "?" | ")") || t.low(k) == "at";
        return closes.then(|| Expr { every: Some(every), ..Expr::new(i, k, Kind::Day, Val::Unknown) });
    }
    // `Sundays`, `on Mondays` (the span leaves `on` out)
    let wd = weekday_plural(w).filter(|_| t.capitalised(i) || t.low(i.wrapping_sub(1)) == "on" || i == 0)?;
    let mut e = Expr::new(i, i + 1, Kind::Day, Val::At(When { weekday: Some(wd), ..When::default() }));
    e.every = Some("P1W");
    Some(e)
}

fn adverb(w: &str) -> Option<&'static str> {
    Some(match w {
        "daily" | "nightly" => "P1D",
        "weekly" => "P1W",
        "monthly" => "P1M",
        "yearly" | "annually" => "P1Y",
        "hourly" => "PT1H",
        _ => return None,
    })
}

/// `every Friday`, `each monday 4pm`, `every morning at 9am`, `each month`,
/// `every day`, `every other week`, `each 4/15`.
fn every(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let mut j = i + 1;
    let other = t.low(j) == "other";
    if other {
        j += 1;
    }
    let w = t.low(j);
    // `every morning at 9am`, `every night`
    if let Some(_part) = lexicon::day_part(w).filter(|_| !w.ends_with('s')) {
        let mut end = j + 1;
        let mut val = Val::Unknown;
        let mut kind = Kind::Day;
        let k = if t.low(end) == "at" { end + 1 } else { end };
        if let Some(c) = clock::at(t, k, ctx).filter(|c| c.kind == Kind::Clock) {
            val = c.val;
            kind = Kind::Clock;
            end = c.end;
        }
        return Some(Expr { every: Some(if other { "P2D" } else { "P1D" }), ..Expr::new(i, end, kind, val) });
    }
    // `every day`, `each month`, `every week`
    if let Some(u) = lexicon::period_unit(w).filter(|_| !w.ends_with('s')) {
        let every = match (u, other) {
            ("day", false) => "P1D",
            ("day", true) => "P2D",
            ("week", false) => "P1W",
            ("week", true) => "P2W",
            ("weekend", _) => "P1W",
            ("month", false) => "P1M",
            ("month", true) => "P2M",
            ("year", false) => "P1Y",
            ("year", true) => "P2Y",
            ("quarter", _) => "P3M",
            _ => return None,
        };
        return Some(Expr { every: Some(every), ..Expr::new(i, j + 1, Kind::Day, Val::Unknown) });
    }
    // `every Friday`, `each monday 4pm`, `each 4/15`, `every May 1`
    let d = if let Some(wd) = weekday(t, j) {
        Expr::new(j, j + 1, Kind::Day, Val::At(When { weekday: Some(wd), ..When::default() }))
    } else {
        unit(t, j, &Context::default()).filter(|d| d.kind == Kind::Day && d.day().is_some())?
    };
    let day = d.day()?;
    let every = if day.weekday.is_some() { "P1W" } else { "P1Y" };
    let mut e = Expr { start: i, every: Some(every), ..d };
    let k = if t.low(e.end) == "at" { e.end + 1 } else { e.end };
    if let Some(c) =
        clock::at(t, k, ctx).filter(|c| c.kind == Kind::Clock && c.val.first().is_some_and(|w| !w.is_day()))
    {
        e.val = Val::At(day.at(c.val.first()?));
        e.kind = Kind::Clock;
        e.end = c.end;
    }
    Some(e)
}

/// A time followed by its recurrence: `9am every Sunday`, `9am on Mondays`, `9am Mondays`, `4pm daily`.
pub(super) fn after(t: &Toks, e: &Expr, ctx: &Context) -> Option<Expr> {
    if e.kind != Kind::Clock || e.val.first().is_some_and(|w| w.is_day()) {
        return None;
    }
    let k = if t.low(e.end) == "on" { e.end + 1 } else { e.end };
    let s = at(t, k, ctx).filter(|s| s.kind == Kind::Day)?;
    let time = e.val.first()?;
    let val = match s.val {
        Val::At(day) => Val::At(day.at(time)),
        _ => Val::At(time),
    };
    Some(Expr { start: e.start, end: s.end, kind: Kind::Clock, val, approx: e.approx, every: s.every })
}
