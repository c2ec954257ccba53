//! The named case tables' helpers, shared by the figures and dates case
//! tests: `t!(name, text, [(span, LABEL, value)])` with no dateline,
//! `td!(name, dateline, text, [...])` with one.
#![allow(dead_code)] // each test file uses part of it

use newslens::doc::Value;
use newslens::figures::{self, Context};
use newslens::text::Analysis;
use newslens::Date;

/// One expected figure: the covered text, the label, the value as the guide writes it.
pub type Want = (&'static str, &'static str, serde_json::Value);

pub fn run(text: &str, dateline: Option<&str>) -> Vec<(String, String, serde_json::Value)> {
    let analysis = Analysis::new(text);
    let dateline = dateline.map(|d| d.parse::<Date>().expect("test dateline"));
    figures::find(&analysis, &Context { dateline })
        .into_iter()
        .map(|f| (text[f.span.clone()].to_string(), f.label.to_string(), value_json(&f.value)))
        .collect()
}

pub fn value_json(v: &Value) -> serde_json::Value {
    serde_json::to_value(v).expect("values serialise")
}

pub fn check(name: &str, text: &str, dateline: Option<&str>, want: &[Want]) {
    let got = run(text, dateline);
    let want: Vec<(String, String, serde_json::Value)> =
        want.iter().map(|(s, l, v)| (s.to_string(), l.to_string(), v.clone())).collect();
    assert_eq!(got, want, "case {name}: {text:?}");
}

macro_rules! t {
    ($name:ident, $text:expr, [$($want:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            check(stringify!($name), $text, None, &[$($want),*]);
        }
    };
}

#[allow(unused_macros)] // the amounts cases need no dateline
macro_rules! td {
    ($name:ident, $dateline:expr, $text:expr, [$($want:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            check(stringify!($name), $text, Some($dateline), &[$($want),*]);
        }
    };
}
