//! A figure's value in words a reader trusts: "between 8,000 and 12,000, approximate".

use crate::calendar::{Date, MONTHS, WEEKDAYS};
use crate::doc::{Amount, Number, Scalar, Value};

/// The value of a figure as a short phrase for the page's details panel.
pub fn describe(number: &Number) -> String {
    describe_value(&number.value)
}

/// A value in words: `between 8,000 and 12,000, approximate`,
/// `2024-10-31, Thursday`, `at least 2,000, approximate`, `400,000,000 USD`.
pub fn describe_value(v: &Value) -> String {
    let mut out = match &v.amount {
        Amount::Exact(Some(x)) => scalar(x),
        Amount::Exact(None) => "no fixed value".to_string(),
        Amount::Range { min: Some(a), max: Some(b) } => format!("between {} and {}", scalar(a), scalar(b)),
        Amount::Range { min: Some(a), max: None } => format!("at least {}", scalar(a)),
        Amount::Range { min: None, max: Some(b) } => format!("at most {}", scalar(b)),
        Amount::Range { min: None, max: None } => "unbounded".to_string(),
    };
    if let Some(unit) = &v.unit {
        // `2%`, `3 decades`, `1 month`, `400,000,000 USD`
        let one = matches!(&v.amount, Amount::Exact(Some(Scalar::Number(x))) if *x == 1.0);
        match unit.as_str() {
            "%" => out.push('%'),
            "year" | "decade" | "month" | "week" | "day" | "hour" | "minute" | "second" | "fortnight" if !one => {
                out.push(' ');
                out.push_str(unit);
                out.push('s');
            }
            "century" if !one => out.push_str(" centuries"),
            _ => {
                out.push(' ');
                out.push_str(unit);
            }
        }
    }
    if let Some(total) = v.total {
        out.push_str(&format!(" of {}", scalar(&Scalar::Number(total))));
    }
    if let Some(every) = &v.every {
        out = recurrence(&out, v, every);
    }
    if v.approx {
        out.push_str(", approximate");
    }
    out
}

/// A recurring value: `every Friday`, `2024-11-01, Friday, every week`, `every day`.
fn recurrence(one: &str, v: &Value, every: &str) -> String {
    let period = match every {
        "P1D" => "day",
        "P2D" => "other day",
        "P1W" => "week",
        "P2W" => "other week",
        "P1M" => "month",
        "P2M" => "other month",
        "P3M" => "quarter",
        "P1Y" => "year",
        "P2Y" => "other year",
        "PT1H" => "hour",
        other => other,
    };
    match &v.amount {
        Amount::Exact(None) => format!("every {period}"),
        // `-W-5`, `-W-5T09:00`: the weekday says it all
        Amount::Exact(Some(Scalar::Text(s))) if every == "P1W" && s.starts_with("-W-") => {
            let (day, time) = s.split_once('T').map_or((s.as_str(), None), |(d, t)| (d, Some(t)));
            let day = date_words(day);
            let day = day.strip_prefix("a ").and_then(|d| d.strip_suffix(" (week not given)")).unwrap_or(&day);
            match time {
                Some(t) => format!("every {day} at {t}"),
                None => format!("every {day}"),
            }
        }
        _ => format!("{one}, every {period}"),
    }
}

fn scalar(x: &Scalar) -> String {
    match x {
        Scalar::Text(s) => date_words(s),
        Scalar::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => group_thousands(*n as i64),
        Scalar::Number(n) => n.to_string(),
    }
}

/// An ISO date with its weekday (`2024-10-31, Thursday`); truncated forms in words.
fn date_words(s: &str) -> String {
    let date_part = s.split('T').next().unwrap_or(s);
    if let Ok(d) = date_part.parse::<Date>() {
        let day = WEEKDAYS[usize::from(d.iso_weekday() - 1)];
        return match s.split_once('T') {
            Some((_, time)) => format!("{date_part}, {day}, {time}"),
            None => format!("{s}, {day}"),
        };
    }
    if let Some(n) = s.strip_prefix("-W-").and_then(|n| n.parse::<usize>().ok()).filter(|n| (1..=7).contains(n)) {
        return format!("a {} (week not given)", WEEKDAYS[n - 1]);
    }
    if let Some(rest) = s.strip_prefix("--") {
        let mut parts = rest.split('-');
        let month = parts.next().and_then(|m| m.parse::<usize>().ok()).filter(|m| (1..=12).contains(m));
        if let Some(m) = month {
            return match parts.next() {
                Some(d) => format!("{} {}, year not given", MONTHS[m - 1], d.trim_start_matches('0')),
                None => format!("{}, year not given", MONTHS[m - 1]),
            };
        }
    }
    s.to_string()
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recurrences_read_as_such() {
        let friday = Value { every: Some("P1W".into()), ..Value::exact("-W-5".to_string()) };
        assert_eq!(describe_value(&friday), "every Friday");
        let daily = Value { every: Some("P1D".into()), ..Value::default() };
        assert_eq!(describe_value(&daily), "every day");
    }

    #[test]
    fn values_read_as_a_reader_would_say_them() {
        let v = Value::range(Some(8000.0.into()), Some(12000.0.into())).approx(true);
        assert_eq!(describe_value(&v), "between 8,000 and 12,000, approximate");
        assert_eq!(describe_value(&Value::exact("2024-10-31".to_string())), "2024-10-31, Thursday");
        assert_eq!(describe_value(&Value::exact("-W-5".to_string())), "a Friday (week not given)");
        assert_eq!(describe_value(&Value::exact("--09-12".to_string())), "September 12, year not given");
        assert_eq!(describe_value(&Value::exact(4e8).unit("USD")), "400,000,000 USD");
        assert_eq!(describe_value(&Value::exact(2.0).unit("%").approx(true)), "2%, approximate");
        assert_eq!(describe_value(&Value::exact(3.0).unit("decade").approx(true)), "3 decades, approximate");
        let part = Value { total: Some(80.0), ..Value::exact(50.0) };
        assert_eq!(describe_value(&part), "50 of 80");
    }
}
