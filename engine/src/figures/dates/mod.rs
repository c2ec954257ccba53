//! Dates and times as whole expressions: a day with its time
//! (`Oct. 30, 2024 at 10:00`), a period (`the 1990s`, `late last year`), a
//! range however its ends are written (`Oct. 27-28`, `between Oct. 3 and
//! 12`, `from January to March`), a bound (`since 2014`), a recurrence
//! (`every Friday`); and the dateline.
//!
//! Values are ISO 8601 as far as the text fixes them, resolved against the
//! dateline when there is one, else truncated (`--09-12`, `--06`, `-W-5`);
//! periods and ranges as `min`/`max`.
//!
//! The grammar reads one expression at a token: [`clock`] (times of day),
//! [`day`] (one day) and [`period`] (longer spans) read its pieces, this
//! module joins a day to its time and wraps bounds, [`range`] joins two ends,
//! [`set`] reads recurrences.

mod anchors;
mod clock;
mod dateline;
mod day;
mod lexicon;
mod parts;
mod period;
mod range;
mod set;
mod when;
mod written;

pub(crate) use anchors::anchors_dates;
pub(super) use dateline::dateline;
pub(crate) use lexicon::{is_month_word, may_start};
pub(crate) use when::{Val, When};

use super::{Context, Hit, Toks};
use crate::doc::NumberLabel;

/// What an expression is, which decides its label and what can join it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// One day (a date, a weekday, `tomorrow`, `Tuesday night`): DATE, and a time can join it.
    Day,
    /// A span longer than a day (a month, a week, a year, a decade): DATE.
    Period,
    /// A time of day, alone or on a day, or a point fixed to the minute (`in 5 hours`): TIME.
    Clock,
    /// A part of a day with no day (`in the afternoon`): TIME; a day can join it.
    DayPart,
}

/// One date or time expression over tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Expr {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub val: Val,
    pub approx: bool,
    /// The period a recurrence repeats at, ISO 8601 (`P1W` for `every Friday`).
    pub every: Option<&'static str>,
}

impl Expr {
    pub fn new(start: usize, end: usize, kind: Kind, val: Val) -> Expr {
        Expr { start, end, kind, val, approx: false, every: None }
    }

    pub fn approx(mut self, approx: bool) -> Expr {
        self.approx |= approx;
        self
    }

    fn label(&self) -> NumberLabel {
        match self.kind {
            Kind::Clock | Kind::DayPart => NumberLabel::TIME,
            Kind::Day | Kind::Period => NumberLabel::DATE,
        }
    }

    fn hit(&self) -> Hit {
        let mut value = self.val.value();
        value.approx = self.approx;
        value.every = self.every.map(str::to_string);
        Hit { start: self.start, core: self.start, end: self.end, label: self.label(), value }
    }

    /// The one day it names, if it names one.
    pub fn day(&self) -> Option<When> {
        self.one_day().flatten()
    }

    /// Whether it names one day, and which when the text fixes it (`tomorrow`
    /// with no dateline is a day, unknown).
    pub fn one_day(&self) -> Option<Option<When>> {
        match (self.kind, self.val) {
            (Kind::Day, Val::At(w)) if w.is_day() => Some(Some(w)),
            (Kind::Day, Val::Unknown) => Some(None),
            _ => None,
        }
    }
}

/// `the ten am appointment to 4.`: a bare hour after `to` that closes the
/// clause, a few words after a time, is the time it moves to. `k` is where
/// the time before ends.
pub(super) fn moved_to(t: &Toks, k: usize) -> Option<Hit> {
    let to = (k..k + 4).find(|&j| t.low(j) == "to").filter(|&j| (k..j).all(|w| t.is_word(w)))?;
    let n = to + 1;
    let hour = if t.is_num(n) {
        t.text(n).parse::<u8>().ok().filter(|&h| h <= 24 && t.text(n).len() <= 2)?
    } else {
        lexicon::hour_word(t.low(n)).or_else(|| (t.low(n) == "zero").then_some(0))?
    };
    let closes = t.kind(n + 1).is_none() || matches!(t.text(n + 1), "." | "!" | "?" | "," | ";");
    if !closes {
        return None;
    }
    let val = Val::At(When::clock(hour, 0, None));
    Some(Expr::new(n, n + 1, Kind::Clock, val).hit())
}

/// A date or time expression starting at token `i`. A time with no day
/// of its own is on the dateline's day (a recurrence stays dayless).
pub(super) fn at(t: &Toks, i: usize, ctx: &Context) -> Option<Hit> {
    let mut e = expr(t, i, ctx)?;
    // never over a URL, a phone number or a name like `9/11`
    if t.blocked[e.start..e.end.min(t.len())].contains(&true) {
        return None;
    }
    if let (Some(d), Kind::Clock, None) = (ctx.dateline, e.kind, e.every) {
        let dated = |w: Option<When>| {
            w.map(|w| if w.has_clock() && !w.is_day() && w.month.is_none() { When::date(d).at(w) } else { w })
        };
        e.val = match e.val {
            Val::At(w) => Val::At(dated(Some(w)).unwrap_or(w)),
            Val::Span(a, b) => Val::Span(dated(a), dated(b)),
            Val::Unknown => Val::Unknown,
        };
    }
    Some(e.hit())
}

/// The longest expression at `i`: a recurrence, a bound, a range, or one
/// expression with what joins it.
pub(crate) fn expr(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    // no date or time starts with `8,000`, `2.5` or `12000` (`2015.5.13` does)
    if t.is_num(i) {
        let s = t.text(i);
        let stops = s.bytes().filter(|&b| b == b'.').count();
        if s.contains(',') || s.len() > 4 && stops != 2 || stops == 1 && !t.low(i.wrapping_sub(1)).ends_with("day") {
            return None;
        }
    }
    if let Some(e) = set::at(t, i, ctx) {
        return Some(e);
    }
    if let Some(e) = bounded(t, i, ctx) {
        return Some(e);
    }
    if let Some(e) = range::led(t, i, ctx) {
        return Some(e);
    }
    // `around 3 p.m.`, `about midnight`: a hedged time or day
    if matches!(t.low(i), "around" | "about" | "approximately" | "roughly" | "circa") {
        let e = unit(t, i + 1, ctx).filter(|e| matches!(e.kind, Kind::Clock | Kind::Day))?;
        return Some(Expr { start: i, ..e }.approx(true));
    }
    let Some(e) = unit(t, i, ctx) else {
        return range::bare_led(t, i, ctx);
    };
    // (`bare_led` reads the first end as a bare number: `unit` found nothing there)
    if let Some(r) = range::continued(t, &e, ctx) {
        return Some(r);
    }
    if let Some(s) = set::after(t, &e, ctx) {
        return Some(s);
    }
    // `2012 or after`, `2016 onwards`
    if let Some((min, k)) = bound_after(t, e.end).filter(|_| matches!(t.low(e.end), "or" | "onwards")) {
        return Some(Expr { end: k, val: bound(e.val, min), ..e });
    }
    Some(e)
}

/// One expression and what joins it: a day with its time or part of the day
/// (`tomorrow at 9`, `7:00 on Sunday afternoon`, `Tuesday night`), a part of
/// the day with its day (`in the afternoon on Friday`).
pub(crate) fn unit(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    let mut e = piece(t, i, ctx)?;
    for _ in 0..3 {
        match join_next(t, &e, ctx) {
            Some(n) => e = n,
            None => break,
        }
    }
    Some(e)
}

/// One piece: a time of day, a day, or a period.
fn piece(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    clock::at(t, i, ctx).or_else(|| day::at(t, i, ctx)).or_else(|| period::at(t, i, ctx))
}

/// What joins an expression on its right, as one expression.
fn join_next(t: &Toks, e: &Expr, ctx: &Context) -> Option<Expr> {
    let k = e.end;
    match e.kind {
        Kind::Day => {
            let day = e.one_day()?;
            // `tomorrow morning`, `Tuesday night`, `May 5th night`, `this Friday, in the afternoon`
            if let Some(end) = clock::day_part_after(t, k) {
                return Some(Expr { end, ..*e });
            }
            // `tomorrow between 8am and 2pm`, `Dec 9th between 8am and 2pm`
            if let Some(r) = range::led(t, k, ctx).filter(|r| r.kind == Kind::Clock) {
                return Some(on_day(e.start, r.end, day, r.val, r.approx));
            }
            // `October 14, 8:00am`, `tomorrow at 9 o'clock`, `next friday at half past 3`
            let mut j = k;
            if matches!(t.text(j), ",") || matches!(t.low(j), "at" | "around" | "about" | "for" | "by") {
                j += 1;
            }
            let c = clock::at(t, j, ctx).or_else(|| clock::bare_hour(t, j, j > k))?;
            if c.kind != Kind::Clock || c.val.first().is_some_and(|w| w.is_day() || w.month.is_some()) {
                return None;
            }
            Some(on_day(e.start, c.end, day, c.val, c.approx))
        }
        Kind::Clock => {
            // `8pm next sunday`, `7:00 on Sunday afternoon`, `seven o'clock tomorrow`, `19:00, 2016-12-22`
            let clock_val = e.val;
            if clock_val.first().is_some_and(|w| w.is_day() || w.month.is_some()) {
                return None;
            }
            let j = if matches!(t.low(k), "on" | "of") || t.text(k) == "," { k + 1 } else { k };
            let d = day::at(t, j, ctx).filter(|d| d.one_day().is_some())?;
            let d = unit_day(t, d, ctx);
            Some(on_day(e.start, d.end, d.one_day()?, clock_val, e.approx))
        }
        Kind::DayPart => {
            // `in the afternoon on Friday`, `in the early-morning Tuesday`, `in the afternoon, this Friday`
            let j = if matches!(t.low(k), "on" | "of") || t.text(k) == "," { k + 1 } else { k };
            let d = day::at(t, j, ctx).filter(|d| d.one_day().is_some())?;
            let d = unit_day(t, d, ctx);
            // `in the afternoon on Friday between 1PM and 4 PM`
            if let Some(r) = range::led(t, d.end, ctx).filter(|r| r.kind == Kind::Clock) {
                return Some(on_day(e.start, r.end, d.one_day()?, r.val, r.approx));
            }
            Some(Expr { start: e.start, ..d })
        }
        Kind::Period => {
            let week = e.val.first().filter(|w| w.week.is_some());
            let weekly = week.is_some() || e.val == Val::Unknown && t.low(k - 1) == "week";
            // `this week friday`, `next week sunday`
            if let Some(wd) = lexicon::weekday(t, k).filter(|_| weekly) {
                let val = match week {
                    Some(w) => Val::At(parts::weekday_in_week(w, When { weekday: Some(wd), ..When::default() })),
                    None => Val::At(When { weekday: Some(wd), ..When::default() }),
                };
                return Some(Expr::new(e.start, k + 1, Kind::Day, val));
            }
            // `next week between Wednesday and Friday`, `next week from Wednesday to Friday`
            let r = range::led(t, k, ctx).filter(|r| r.kind == Kind::Day)?;
            let val = match (week, r.val) {
                (Some(w), Val::Span(Some(a), Some(b))) => {
                    Val::Span(Some(parts::weekday_in_week(w, a)), Some(parts::weekday_in_week(w, b)))
                }
                (None, v) if e.val.first().is_none() => v,
                _ => Val::Unknown,
            };
            Some(Expr { start: e.start, end: r.end, kind: Kind::Day, val, approx: false, every: None })
        }
    }
}

/// A day read after a time: with its own part of the day (`Sunday afternoon`).
fn unit_day(t: &Toks, d: Expr, _ctx: &Context) -> Expr {
    match clock::day_part_after(t, d.end) {
        Some(end) => Expr { end, ..d },
        None => d,
    }
}

/// A time (or span of times) on a day, as TIME; on a day the text does not
/// fix, the time alone.
fn on_day(start: usize, end: usize, day: Option<When>, time: Val, approx: bool) -> Expr {
    let Some(day) = day else {
        return Expr { start, end, kind: Kind::Clock, val: time, approx, every: None };
    };
    let put = |w: Option<When>| w.map(|w| if w.has_clock() { day.at(w) } else { w });
    let val = match time {
        Val::At(w) => Val::At(day.at(w)),
        Val::Span(a, b) => Val::Span(put(a), put(b)),
        Val::Unknown => Val::Unknown,
    };
    Expr { start, end, kind: Kind::Clock, val, approx, every: None }
}

/// A bound before an expression: `since 2014`, `before 4pm`, `on or before
/// 1/1/2016`, `no later than Friday`. Returns whether it is a lower bound
/// and where the expression starts.
fn bound_before(t: &Toks, i: usize) -> Option<(bool, usize)> {
    const PHRASES: &[(&str, bool)] = &[
        ("on or before", false),
        ("on or earlier than", false),
        ("before or on", false),
        ("before or in", false),
        ("at or before", false),
        ("no later than", false),
        ("not later than", false),
        ("on or after", true),
        ("on or later than", true),
        ("after or on", true),
        ("at or after", true),
        ("no earlier than", true),
        ("earlier than", false),
        ("later than", true),
        ("prior to", false),
        ("since", true),
        ("after", true),
        ("before", false),
        ("until", false),
        ("till", false),
        ("til", false),
        ("through", false),
    ];
    let first = matches!(
        t.low(i),
        "on" | "before"
            | "at"
            | "no"
            | "not"
            | "after"
            | "earlier"
            | "later"
            | "prior"
            | "since"
            | "until"
            | "till"
            | "til"
            | "through"
    );
    if !first {
        return None;
    }
    PHRASES.iter().find_map(|&(p, min)| t.phrase(i, p).map(|j| (min, j)))
}

/// A bound after an expression: `or after`, `or later`, `onwards`, `or earlier`.
fn bound_after(t: &Toks, k: usize) -> Option<(bool, usize)> {
    for (p, min) in
        [("or after", true), ("or later", true), ("onwards", true), ("or earlier", false), ("or before", false)]
    {
        if let Some(j) = t.phrase(k, p) {
            return Some((min, j));
        }
    }
    None
}

/// A value bounded on one side by `v`.
fn bound(v: Val, min: bool) -> Val {
    match (min, v) {
        (_, Val::Unknown) => Val::Unknown,
        (true, v) => Val::Span(v.first(), None),
        (false, v) => Val::Span(None, v.last()),
    }
}

/// `since 2014`, `before 4pm tomorrow`, `until next week`, `within 2 weeks from today`.
fn bounded(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    // `within 2 weeks from today`, `less than 2 weeks from today`: from now up to that day
    let within = matches!(t.low(i), "within" | "less");
    if let Some(j) = t.phrase(i, "within").or_else(|| t.phrase(i, "less than")).filter(|_| within) {
        let e = unit(t, j, ctx)
            .filter(|e| e.kind == Kind::Day && t.low(e.end - 1) == "today" || t.low(e.end - 1) == "now")?;
        let val = match (ctx.dateline, e.val) {
            (Some(d), Val::At(w)) => Val::Span(Some(When::date(d)), Some(w)),
            _ => Val::Unknown,
        };
        return Some(Expr { start: i, val, ..e });
    }
    let (min, j) = bound_before(t, i)?;
    let e = range::led(t, j, ctx).or_else(|| unit(t, j, ctx))?;
    // `after 3 days` is a duration's end, `through 2024` reads as until
    if e.every.is_some() {
        return None;
    }
    Some(Expr { start: i, val: bound(e.val, min), ..e })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Analysis;

    fn read(s: &str, dateline: Option<&str>) -> Vec<(String, String, String)> {
        let a = Analysis::new(s);
        let t = Toks::new(&a);
        let ctx = Context { dateline: dateline.map(|d| d.parse().unwrap()) };
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.len() {
            match expr(&t, i, &ctx) {
                Some(e) => {
                    let h = e.hit();
                    out.push((
                        s[t.start(h.start)..t.end(h.end - 1)].to_string(),
                        h.label.to_string(),
                        serde_json::to_string(&h.value).unwrap(),
                    ));
                    i = e.end.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    #[test]
    fn a_day_joins_its_time() {
        let got = read("on Oct. 30, 2024 at 10:00 and later", None);
        assert_eq!(got[0].0, "Oct. 30, 2024 at 10:00");
        assert_eq!(got[0].2, r#"{"exact":"2024-10-30T10:00"}"#);
    }
}
