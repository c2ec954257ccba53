//! What a date or time expression fixes, and how it is written as a value:
//! [`When`] is a point on the calendar and clock as far as the text fixes it,
//! [`Val`] a point, a span between two points, or nothing the text fixes.

use crate::calendar::{days_in_month, Date};
use crate::doc::{Amount, Scalar, Value};

/// A point on the calendar and clock, each field as far as the text fixes it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct When {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// ISO weekday (Monday 1), kept only when no month and day are known.
    pub weekday: Option<u8>,
    /// ISO week of `year`.
    pub week: Option<u8>,
    pub hour: Option<u8>,
    pub minute: Option<u8>,
    pub second: Option<u8>,
}

impl When {
    pub fn date(d: Date) -> When {
        When { year: Some(d.year), month: Some(d.month), day: Some(d.day), ..When::default() }
    }

    pub fn year(y: i32) -> When {
        When { year: Some(y), ..When::default() }
    }

    pub fn month(y: Option<i32>, m: u8) -> When {
        When { year: y, month: Some(m), ..When::default() }
    }

    pub fn clock(hour: u8, minute: u8, second: Option<u8>) -> When {
        When { hour: Some(hour), minute: Some(minute), second, ..When::default() }
    }

    /// The full calendar day, when year, month and day are all known.
    pub fn as_date(&self) -> Option<Date> {
        Date::new(self.year?, self.month?, self.day?)
    }

    pub fn has_clock(&self) -> bool {
        self.hour.is_some()
    }

    /// Whether it names one day (a date, or a weekday alone).
    pub fn is_day(&self) -> bool {
        self.day.is_some() || self.weekday.is_some()
    }

    /// This day with the clock of `time`.
    pub fn at(self, time: When) -> When {
        When { hour: time.hour, minute: time.minute, second: time.second, ..self }
    }

    /// Fields this one lacks taken from `other` (the month and year a range's
    /// other end gives: `4 to 22 January`).
    pub fn filled_from(self, other: When) -> When {
        let calendar = self.day.is_some() || self.month.is_some();
        When {
            year: self.year.or(if calendar || self.week.is_some() { other.year } else { None }),
            month: self.month.or(if self.day.is_some() { other.month } else { None }),
            ..self
        }
    }

    /// The ISO 8601 form: `2024-11-02`, `--09-12`, `--06`, `2020`, `-W-5`,
    /// `2024-W44`, `---27`, `T18:00`, `2024-11-02T21:58`.
    pub fn iso(&self) -> Option<String> {
        let date = match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
            (None, Some(m), Some(d)) => Some(format!("--{m:02}-{d:02}")),
            (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
            (None, Some(m), None) => Some(format!("--{m:02}")),
            (None, None, Some(d)) => Some(format!("---{d:02}")),
            (Some(y), None, _) => Some(match (self.week, self.weekday) {
                (Some(w), Some(wd)) => format!("{y:04}-W{w:02}-{wd}"),
                (Some(w), None) => format!("{y:04}-W{w:02}"),
                _ => format!("{y:04}"),
            }),
            (None, None, None) => self.weekday.map(|wd| format!("-W-{wd}")),
        };
        let clock = self.hour.map(|h| {
            let m = self.minute.unwrap_or(0);
            match self.second {
                Some(s) => format!("T{h:02}:{m:02}:{s:02}"),
                None => format!("T{h:02}:{m:02}"),
            }
        });
        match (date, clock) {
            (Some(d), Some(c)) => Some(format!("{d}{c}")),
            (d, c) => d.or(c),
        }
    }
}

/// What an expression's value is, before it is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Val {
    /// Nothing the text fixes (`recent years`, a relative date with no dateline).
    Unknown,
    At(When),
    /// Between two points; `None` is an open side (`since 2014`).
    Span(Option<When>, Option<When>),
}

impl Val {
    /// The first point it covers.
    pub fn first(&self) -> Option<When> {
        match *self {
            Val::At(w) => Some(w),
            Val::Span(a, _) => a,
            Val::Unknown => None,
        }
    }

    /// The last point it covers.
    pub fn last(&self) -> Option<When> {
        match *self {
            Val::At(w) => Some(w),
            Val::Span(_, b) => b,
            Val::Unknown => None,
        }
    }

    pub fn value(&self) -> Value {
        let s = |w: Option<When>| w.and_then(|w| w.iso()).map(Scalar::Text);
        match *self {
            Val::Unknown => Value::default(),
            Val::At(w) => Value { amount: Amount::Exact(s(Some(w))), ..Value::default() },
            Val::Span(a, b) => Value { amount: Amount::Range { min: s(a), max: s(b) }, ..Value::default() },
        }
    }
}

/// The dateline moved by whole months, keeping the day where it exists.
pub(crate) fn add_months(d: Date, months: i64) -> Date {
    let total = i64::from(d.year) * 12 + i64::from(d.month) - 1 + months;
    let (y, m) = (total.div_euclid(12) as i32, (total.rem_euclid(12) + 1) as u8);
    Date { year: y, month: m, day: d.day.min(days_in_month(y, m)) }
}

/// ISO 8601 week-numbering year and week of a date.
pub(crate) fn iso_week(d: Date) -> (i32, u8) {
    let wd = i64::from(d.iso_weekday());
    let thursday = d.add_days(4 - wd);
    let jan1 = Date { year: thursday.year, month: 1, day: 1 };
    let week = (thursday.days_since_epoch() - jan1.days_since_epoch()) / 7 + 1;
    (thursday.year, week as u8)
}

/// The Monday of ISO week `week` of `year`.
pub(crate) fn week_monday(year: i32, week: u8) -> Option<Date> {
    let jan4 = Date::new(year, 1, 4)?;
    let monday1 = jan4.add_days(1 - i64::from(jan4.iso_weekday()));
    Some(monday1.add_days(7 * (i64::from(week) - 1)))
}

/// The week containing `d`, as a [`When`].
pub(crate) fn week_of(d: Date) -> When {
    let (y, w) = iso_week(d);
    When { year: Some(y), week: Some(w), ..When::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_weeks() {
        assert_eq!(iso_week(Date::new(2024, 11, 2).unwrap()), (2024, 44));
        assert_eq!(iso_week(Date::new(2021, 1, 1).unwrap()), (2020, 53));
        assert_eq!(week_monday(2024, 44), Date::new(2024, 10, 28));
    }

    #[test]
    fn iso_forms() {
        let w = |y, m, d| When { year: y, month: m, day: d, ..When::default() };
        assert_eq!(w(Some(2024), Some(11), Some(2)).iso().as_deref(), Some("2024-11-02"));
        assert_eq!(w(None, Some(9), Some(12)).iso().as_deref(), Some("--09-12"));
        assert_eq!(w(None, Some(6), None).iso().as_deref(), Some("--06"));
        assert_eq!(w(None, None, Some(27)).iso().as_deref(), Some("---27"));
        assert_eq!(When { weekday: Some(5), ..When::default() }.iso().as_deref(), Some("-W-5"));
        assert_eq!(When::clock(18, 0, None).iso().as_deref(), Some("T18:00"));
        let d = When::date(Date::new(2024, 11, 2).unwrap()).at(When::clock(21, 58, None));
        assert_eq!(d.iso().as_deref(), Some("2024-11-02T21:58"));
        assert_eq!(add_months(Date::new(2024, 3, 31).unwrap(), -1), Date::new(2024, 2, 29).unwrap());
    }
}
