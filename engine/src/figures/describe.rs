//! A figure's value in words a reader trusts: "between 8,000 and 12,000, approximate".

use crate::doc::{Amount, Number, Scalar};

/// The value of a figure as a short phrase for the page's details panel.
pub fn describe(number: &Number) -> String {
    let v = &number.value;
    let mut out = match &v.amount {
        Amount::Exact(Some(x)) => scalar(x),
        Amount::Exact(None) => "no fixed value".to_string(),
        Amount::Range { min: Some(a), max: Some(b) } => format!("between {} and {}", scalar(a), scalar(b)),
        Amount::Range { min: Some(a), max: None } => format!("at least {}", scalar(a)),
        Amount::Range { min: None, max: Some(b) } => format!("at most {}", scalar(b)),
        Amount::Range { min: None, max: None } => "unbounded".to_string(),
    };
    if let Some(unit) = &v.unit {
        out.push(' ');
        out.push_str(unit);
    }
    if v.approx {
        out.push_str(", approximate");
    }
    out
}

fn scalar(x: &Scalar) -> String {
    match x {
        Scalar::Text(s) => s.clone(),
        Scalar::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => group_thousands(*n as i64),
        Scalar::Number(n) => n.to_string(),
    }
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}
