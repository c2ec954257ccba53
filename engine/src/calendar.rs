//! Calendar dates: the dateline a document is read against, weekday arithmetic.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// The weekdays' English names, Monday (ISO 1) first.
pub const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The months' English names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The ISO number (Monday 1) of the weekday `word` names in full, in any case.
pub fn weekday_number(word: &str) -> Option<u8> {
    WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(word)).map(|i| i as u8 + 1)
}

/// Whether `word` is a weekday's or a month's name as written in running text (`Monday`, `May`).
pub fn names_a_day_or_month(word: &str) -> bool {
    WEEKDAYS.contains(&word) || MONTHS.contains(&word)
}

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date, if `month` and `day` exist in `year` (years 1 to 9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid =
            (1..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date moved by `days` (negative moves back).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// ISO weekday: Monday = 1 ... Sunday = 7.
    pub fn iso_weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.days_since_epoch() + 3).rem_euclid(7) + 1) as u8
    }
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1-12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Error;

    /// Parses `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, Error> {
        let bad = || Error::BadDateline(s.to_string());
        let mut parts = s.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let year = y.parse().map_err(|_| bad())?;
        let month = m.parse().map_err(|_| bad())?;
        let day = d.parse().map_err(|_| bad())?;
        Date::new(year, month, day).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_of_known_dates() {
        // 2024-11-02 was a Saturday, 2024-10-27 a Sunday.
        assert_eq!("2024-11-02".parse::<Date>().unwrap().iso_weekday(), 6);
        assert_eq!("2024-10-27".parse::<Date>().unwrap().iso_weekday(), 7);
        assert_eq!(Date::new(1970, 1, 1).unwrap().iso_weekday(), 4);
    }

    #[test]
    fn epoch_days_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_999, 20_029, 2_000_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        let d = Date::new(2024, 2, 28).unwrap();
        assert_eq!(d.add_days(1).to_string(), "2024-02-29");
        assert_eq!(d.add_days(2).to_string(), "2024-03-01");
    }

    #[test]
    fn rejects_impossible_datelines() {
        for s in ["2023-02-29", "2024-13-01", "24-11-02", "2024-1-02", "", "2024-11-02x"] {
            assert!(s.parse::<Date>().is_err(), "{s}");
        }
    }
}
