//! Times of day: `21:58`, `6pm`, `10 a.m.`, `7:56:35 p. m.`, `six o’clock`,
//! `half past eight`, `a quarter to seven`, `seven thirty pm`, `8 in the
//! morning`, `noon`, `mid-morning`; parts of the day (`in the afternoon`);
//! and points a count of hours or minutes away (`in 5 hours`).

use super::super::numbers::Kind as NumKind;
use super::super::Toks;
use super::lexicon::{self, DayPart};
use super::{Context, Expr, Kind, Val, When};

/// A time of day or a part of the day at token `i`.
pub(super) fn at(t: &Toks, i: usize, ctx: &Context) -> Option<Expr> {
    if t.is_num(i) {
        return digits(t, i).or_else(|| past_to(t, i)).or_else(|| ahead(t, i));
    }
    if !t.is_word(i) {
        return None;
    }
    // `afternoon 7:00:14`, `lunchtime 12 o'clock`: a part of the day before the time
    if let Some(part) = lexicon::day_part(t.low(i)).filter(|_| t.low(i) != "night") {
        let c = digits(t, i + 1).or_else(|| words(t, i + 1))?;
        return Some(Expr { start: i, ..with_part(c, part) });
    }
    named(t, i)
        .or_else(|| past_to(t, i))
        .or_else(|| words(t, i))
        .or_else(|| part_of_day(t, i))
        .or_else(|| from_now(t, i, ctx))
        .or_else(|| recent(t, i))
        .or_else(|| ahead(t, i))
}

/// The time after an ISO date's `T` (`2016-12-16T12:23:59`).
pub(super) fn after_t(t: &Toks, i: usize) -> Option<Expr> {
    let c = clock_digits(t, i)?;
    (c.kind == Kind::Clock).then_some(c)
}

/// A time in digits: `21:58`, `7:56:35pm`, `6pm`, `10 a.m.`, `340 pm`, `9p`,
/// `6 o'clock`, `8 in the morning`, `11-ish`, `14:00 GMT`.
fn digits(t: &Toks, i: usize) -> Option<Expr> {
    if i > 0 && t.glued(i) && t.is_word(i - 1) {
        return None;
    }
    clock_digits(t, i)
}

fn clock_digits(t: &Toks, i: usize) -> Option<Expr> {
    let s = t.text(i);
    if !t.is_num(i) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (mut minute, mut second, mut end, mut colon) = (0u8, None, i + 1, false);
    let mut hour: u8;
    if s.len() <= 2 {
        hour = s.parse().ok()?;
        if t.text(i + 1) == ":" && t.glued(i + 1) && t.is_num(i + 2) && t.glued(i + 2) && t.text(i + 2).len() == 2 {
            minute = t.text(i + 2).parse().ok()?;
            end = i + 3;
            colon = true;
            if t.text(end) == ":" && t.glued(end) && t.is_num(end + 1) && t.glued(end + 1) && t.text(end + 1).len() == 2
            {
                second = Some(t.text(end + 1).parse().ok()?);
                end += 2;
            }
        }
    } else if s.len() <= 4 {
        // `340pm`: hours and minutes run together, only with a meridiem
        let v: u16 = s.parse().ok()?;
        meridiem(t, end)?;
        hour = (v / 100) as u8;
        minute = (v % 100) as u8;
    } else {
        return None;
    }
    if hour > 24 || minute > 59 || second.is_some_and(|s| s > 59) {
        return None;
    }
    let mut approx = false;
    if let Some((pm, k)) = meridiem(t, end) {
        hour = twelve_hour(hour, pm)?;
        end = k;
    } else if !colon && (1..=12).contains(&hour) && matches!(t.low(end), "o'clock" | "o’clock" | "oclock") {
        end += 1;
        if let Some((pm, k)) = meridiem(t, end) {
            hour = twelve_hour(hour, pm)?;
            end = k;
        }
    } else if !colon && (1..=12).contains(&hour) && t.text(end) == "-" && t.glued(end) && t.low(end + 1) == "ish" {
        end += 2;
        approx = true;
    } else if !colon && (!(1..=12).contains(&hour) || in_the_part(t, end).is_none()) {
        return None;
    }
    if hour == 24 && minute > 0 {
        return None;
    }
    let mut c = Expr::new(i, end, Kind::Clock, Val::At(When::clock(hour, minute, second))).approx(approx);
    // `8 in the morning`, `12 o'clock lunchtime`, `5:30 in the afternoon`
    if let Some((part, k)) = in_the_part(t, end) {
        c = with_part(c, part);
        c.end = k;
    } else if let Some(part) = lexicon::day_part(t.low(end)).filter(|_| matches!(t.low(end), "lunchtime" | "afternoon"))
    {
        c = with_part(c, part);
        c.end = end + 1;
    }
    if matches!(t.low(c.end), "gmt" | "utc" | "cet" | "est" | "edt" | "et" | "bst" | "kst" | "msk" | "pt" | "pst") {
        c.end += 1;
    } else if let Some(end) = t.phrase(c.end, "local time") {
        c.end = end;
    }
    Some(c)
}

/// `am`, `p.m.`, `p. m.`, `p m`, a `p` glued to the hour: whether after noon, and the end.
fn meridiem(t: &Toks, k: usize) -> Option<(bool, usize)> {
    let w = t.low(k);
    match w {
        "am" | "a.m." | "a.m" => return Some((false, k + 1)),
        "pm" | "p.m." | "p.m" => return Some((true, k + 1)),
        "a" | "p" => {}
        _ => return None,
    }
    let pm = w == "p";
    if t.text(k + 1) == "." && t.low(k + 2) == "m" {
        let end = if t.text(k + 3) == "." && t.glued(k + 3) { k + 4 } else { k + 3 };
        return Some((pm, end));
    }
    if t.low(k + 1) == "m" && !t.glued(k + 1) {
        return Some((pm, k + 2));
    }
    // `9p`: glued, and not a word going on
    (pm && t.glued(k) && !(t.glued(k + 1) && t.is_word(k + 1))).then_some((true, k + 1))
}

/// The 24-hour hour of a 12-hour clock.
fn twelve_hour(h: u8, pm: bool) -> Option<u8> {
    if !(1..=12).contains(&h) {
        return (h == 0 && !pm).then_some(0);
    }
    Some(match (pm, h) {
        (false, 12) => 0,
        (true, 12) => 12,
        (true, h) => h + 12,
        (false, h) => h,
    })
}

/// `in the morning`, `in the afternoon`, `at night`: the part of the day and the end.
fn in_the_part(t: &Toks, k: usize) -> Option<(DayPart, usize)> {
    let j = t.phrase(k, "in the").or_else(|| t.phrase(k, "at"))?;
    let part = lexicon::day_part(t.low(j))?;
    if t.low(k) == "at" && t.low(j) != "night" {
        return None;
    }
    Some((part, j + 1))
}

/// A time read in a part of the day: `8 in the evening` is 20:00.
fn with_part(mut c: Expr, part: DayPart) -> Expr {
    if let Val::At(w) = c.val {
        if let Some(h) = w.hour {
            let h = if part.from >= 12 && h < 12 && !(part.to == 24 && h < 4 && part.from >= 20) {
                h + 12
            } else if part.to <= 12 && h == 12 {
                0
            } else {
                h
            };
            c.val = Val::At(When { hour: Some(h), ..w });
        }
    }
    c
}

/// `noon`, `midnight`, `midday`, `mid-morning`, `mid afternoon`.
fn named(t: &Toks, i: usize) -> Option<Expr> {
    let w = t.low(i);
    let (hour, approx, end) = match w {
        "noon" | "midday" => (12, false, i + 1),
        "midnight" => (0, false, i + 1),
        "midmorning" => (10, true, i + 1),
        "midafternoon" => (15, true, i + 1),
        "mid" => {
            let j = if t.text(i + 1) == "-" && t.glued(i + 1) { i + 2 } else { i + 1 };
            match t.low(j) {
                "day" => (12, false, j + 1),
                "night" => (0, false, j + 1),
                "morning" => (10, true, j + 1),
                "afternoon" => (15, true, j + 1),
                _ => return None,
            }
        }
        _ => return None,
    };
    Some(Expr::new(i, end, Kind::Clock, Val::At(When::clock(hour, 0, None))).approx(approx))
}

/// An hour at token `i` in digits or words, with an optional meridiem: `9pm`, `seven`, `five thirty`.
fn hour_at(t: &Toks, i: usize) -> Option<(u8, u8, usize)> {
    if t.is_num(i) {
        let c = digits(t, i).or_else(|| {
            let h: u8 = t.text(i).parse().ok().filter(|h| (1..=12).contains(h) && t.text(i).len() <= 2)?;
            Some(Expr::new(i, i + 1, Kind::Clock, Val::At(When::clock(h, 0, None))))
        })?;
        let w = c.val.first()?;
        return Some((w.hour?, w.minute?, c.end));
    }
    let h = lexicon::hour_word(t.low(i))?;
    let mut end = i + 1;
    let mut minute = 0;
    if let Some(n) = lexicon::number(t, end).filter(|n| n.kind == NumKind::Cardinal && n.words) {
        if (1.0..60.0).contains(&n.value) && n.value >= 5.0 {
            minute = n.value as u8;
            end = n.end;
        }
    }
    let mut hour = h;
    if let Some((pm, k)) = meridiem(t, end) {
        hour = twelve_hour(h, pm)?;
        end = k;
    }
    Some((hour, minute, end))
}

/// `half past eight`, `quarter past eight`, `a quarter to seven`, `three
/// quarters past 9pm`, `30 mins past eight`, `three mins to five thirty`.
fn past_to(t: &Toks, i: usize) -> Option<Expr> {
    if !lexicon::ahead(t, i, 4, |w| matches!(w, "past" | "to" | "after" | "before" | "till")) {
        return None;
    }
    let mut j = i;
    if matches!(t.low(j), "a" | "an") {
        j += 1;
    }
    let minutes = match t.low(j) {
        "half" => {
            j += 1;
            30
        }
        "quarter" => {
            j += 1;
            15
        }
        "three" if t.low(j + 1) == "quarters" => {
            j += 2;
            45
        }
        _ => {
            let n = lexicon::number(t, j).filter(|n| n.kind == NumKind::Cardinal && (1.0..60.0).contains(&n.value))?;
            j = n.end;
            if t.low(j) == "quarters" && n.value == 3.0 {
                j += 1;
                45
            } else if matches!(t.low(j), "mins" | "minutes" | "min" | "minute") {
                j += 1;
                n.value as u8
            } else {
                return None;
            }
        }
    };
    let past = match t.low(j) {
        "past" | "after" => true,
        "to" | "before" | "till" => false,
        _ => return None,
    };
    let (hour, minute, end) = hour_at(t, j + 1)?;
    let total = i32::from(hour) * 60 + i32::from(minute) + if past { i32::from(minutes) } else { -i32::from(minutes) };
    let total = total.rem_euclid(24 * 60);
    let mut c = Expr::new(i, end, Kind::Clock, Val::At(When::clock((total / 60) as u8, (total % 60) as u8, None)));
    if let Some((part, k)) = in_the_part(t, end) {
        c = with_part(c, part);
        c.end = k;
    } else if let Some(part) = lexicon::day_part(t.low(end)).filter(|_| matches!(t.low(end), "afternoon" | "lunchtime"))
    {
        c = with_part(c, part);
        c.end = end + 1;
    }
    Some(c)
}

/// A time in words with what makes it a time: `six o’clock`, `seven thirty
/// pm`, `one o'clock pm`, `five thirty in the night`.
fn words(t: &Toks, i: usize) -> Option<Expr> {
    let h = lexicon::hour_word(t.low(i))?;
    let mut end = i + 1;
    let mut minute = 0;
    if matches!(t.low(end), "o'clock" | "o’clock" | "oclock") {
        end += 1;
    } else if let Some(n) = lexicon::number(t, end).filter(|n| n.kind == NumKind::Cardinal && n.words) {
        if (5.0..60.0).contains(&n.value) && n.value.fract() == 0.0 {
            minute = n.value as u8;
            end = n.end;
        }
    }
    let mut hour = h;
    let told = end > i + 1 && minute == 0;
    if let Some((pm, k)) = meridiem(t, end) {
        hour = twelve_hour(h, pm)?;
        end = k;
    } else if !told && in_the_part(t, end).is_none() {
        return None;
    }
    let mut c = Expr::new(i, end, Kind::Clock, Val::At(When::clock(hour, minute, None)));
    if let Some((part, k)) = in_the_part(t, end) {
        c = with_part(c, part);
        c.end = k;
    }
    Some(c)
}

/// An hour alone after `at` that a day or range has made a time: `tomorrow at
/// 7`, `Oct. 23 at seven`, `from 1:30 to 3` (`after_word` when a joining word came first).
pub(super) fn bare_hour(t: &Toks, i: usize, after_word: bool) -> Option<Expr> {
    if !after_word || t.low(i - 1) != "at" {
        return None;
    }
    let (hour, minute, end) = if t.is_num(i) {
        let h: u8 = t.text(i).parse().ok().filter(|h| (1..=12).contains(h) && t.text(i).len() <= 2)?;
        (h, 0, i + 1)
    } else {
        let h = lexicon::hour_word(t.low(i))?;
        let mut end = i + 1;
        let mut minute = 0;
        if let Some(n) = lexicon::number(t, end).filter(|n| n.kind == NumKind::Cardinal && n.words) {
            if (5.0..60.0).contains(&n.value) {
                minute = n.value as u8;
                end = n.end;
            }
        }
        (h, minute, end)
    };
    // a count after `at` (`at 7 percent`, `at 3 people`) is no hour
    if t.is_word(end) && !matches!(t.low(end), "on" | "tomorrow" | "today" | "tonight" | "this" | "next" | "in") {
        return None;
    }
    Some(Expr::new(i, end, Kind::Clock, Val::At(When::clock(hour, minute, None))))
}

/// `in the afternoon`, `in the early-morning`, `in the late night`, `in the
/// mornings`: a part of the day with no day (TIME, its hours as a span).
fn part_of_day(t: &Toks, i: usize) -> Option<Expr> {
    let mut j = t.phrase(i, "in the")?;
    let mut from_shift = 0i8;
    if matches!(t.low(j), "early" | "late") {
        from_shift = if t.low(j) == "early" { -1 } else { 1 };
        j += if t.text(j + 1) == "-" { 2 } else { 1 };
    }
    let part = lexicon::day_part(t.low(j))?;
    let _ = from_shift;
    let to = if part.to >= 24 { When::clock(23, 59, None) } else { When::clock(part.to, 0, None) };
    let val = Val::Span(Some(When::clock(part.from, 0, None)), Some(to));
    Some(Expr::new(i, j + 1, Kind::DayPart, val).approx(true))
}

/// A part of the day right after a day: `night`, `morning`, `early-morning`,
/// `late night`, `in the afternoon`, `, in the evening`, `AM`. Its end.
pub(super) fn day_part_after(t: &Toks, k: usize) -> Option<usize> {
    let mut j = k;
    if t.text(j) == "," && t.low(j + 1) == "in" {
        j += 1;
    }
    if let Some(p) = part_of_day(t, j) {
        return Some(p.end);
    }
    if matches!(t.low(j), "early" | "late") {
        j += if t.text(j + 1) == "-" && t.glued(j + 1) { 2 } else { 1 };
        return lexicon::day_part(t.low(j)).map(|_| j + 1);
    }
    if matches!(t.text(j), "AM" | "PM") {
        return Some(j + 1);
    }
    lexicon::day_part(t.low(j)).filter(|_| !t.low(j).ends_with('s') && j == k).map(|_| j + 1)
}

/// `in 5 hours`, `in an hour`, `in a few minutes`: a point that far from now
/// (a count before `in` makes it a length instead: `30 killed in 24 hours`).
fn from_now(t: &Toks, i: usize, _ctx: &Context) -> Option<Expr> {
    if t.low(i) != "in" || counted_before(t, i) {
        return None;
    }
    let (k, _) = count(t, i + 1)?;
    let unit = lexicon::clock_unit(t.low(k))?;
    if unit == "second" && t.low(k) == "second" {
        return None;
    }
    // `in 5 hours of talks` is a length of something
    if matches!(t.low(k + 1), "of" | "a" | "per") {
        return None;
    }
    Some(Expr::new(i, k + 1, Kind::Clock, Val::Unknown))
}

/// `2 hours in the future`, `5 minutes from now`: a point that far ahead or back.
fn ahead(t: &Toks, i: usize) -> Option<Expr> {
    if !lexicon::ahead(t, i, 4, |w| lexicon::clock_unit(w).is_some()) {
        return None;
    }
    let (k, _) = count(t, i)?;
    lexicon::clock_unit(t.low(k)).filter(|_| t.low(k) != "second")?;
    let end = t.phrase(k + 1, "in the future").or_else(|| t.phrase(k + 1, "from now"))?;
    Some(Expr::new(i, end, Kind::Clock, Val::Unknown))
}

/// `last 3 minutes`, `previous 3mins`, `last few minutes`, `past several
/// minutes`: a span of minutes up to now (a counted span of hours or more is
/// a length, as the guide reads `the past two years`).
fn recent(t: &Toks, i: usize) -> Option<Expr> {
    if !matches!(t.low(i), "last" | "past" | "previous") {
        return None;
    }
    let (k, vague) = count(t, i + 1)?;
    let unit = lexicon::clock_unit(t.low(k))?;
    if !(vague || unit == "minute") || t.low(k) == "second" {
        return None;
    }
    Some(Expr::new(i, k + 1, Kind::Clock, Val::Unknown))
}

/// A count at `i` before a unit: digits, number words, `a`/`an`, `a few`,
/// `several`; where the unit starts, and whether the count is vague.
pub(super) fn count(t: &Toks, i: usize) -> Option<(usize, bool)> {
    match t.low(i) {
        "a" | "an" => {
            if t.low(i + 1) == "few" || t.low(i + 1) == "couple" {
                let k = if t.low(i + 2) == "of" { i + 3 } else { i + 2 };
                return Some((k, true));
            }
            return Some((i + 1, false));
        }
        "few" | "several" | "many" | "some" => return Some((i + 1, true)),
        _ => {}
    }
    let n = lexicon::number(t, i).filter(|n| n.kind == NumKind::Cardinal && n.value > 0.0 && n.value < 1e4)?;
    Some((n.end, false))
}

/// Whether a number comes shortly before token `i` in its clause (`30 people in`).
fn counted_before(t: &Toks, i: usize) -> bool {
    (i.saturating_sub(4)..i).rev().take_while(|&k| !matches!(t.text(k), "," | "." | ";")).any(|k| t.is_num(k))
}
