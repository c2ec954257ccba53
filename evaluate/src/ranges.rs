//! Ranges as one figure in real news text: the phrases of
//! `tests/range_cases.tsv` (found by pattern in PolNeAR and CoNLL-2003,
//! read by hand before the engine ran on them), split into a development and
//! a held-out part by [`crate::split::Part`] on the line's text.
//!
//! A case passes when the line's figures hold one whose text is exactly the
//! phrase, with the label and the `min`/`max` (and unit, and approx) written
//! there; or, for a `NONE` case, when no figure spans from the phrase's first
//! number to its last (a vote, a score or a change stays two figures).

use std::path::Path;

use newslens::doc::{Amount, Scalar};
use newslens::figures::{self, Context};
use newslens::text::Analysis;

use crate::split::Part;

/// The cases, kept beside the tests.
pub const CASES: &str = include_str!("../tests/range_cases.tsv");

/// One case and how we did on it.
#[derive(Debug, Clone)]
pub struct CaseResult {
    pub source: String,
    pub line: usize,
    pub phrase: String,
    pub want: String,
    pub part: Part,
    pub pass: bool,
    /// Our figures overlapping the phrase: `text LABEL value`.
    pub got: Vec<String>,
}

/// Runs every case whose corpus is under `data` (the shared data folder).
pub fn cases(data: &Path) -> Vec<CaseResult> {
    let mut conll: Option<Vec<String>> = None;
    let mut out = Vec::new();
    for row in CASES.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [source, line, phrase, want] = cols[..] else { continue };
        let Ok(line) = line.parse::<usize>() else { continue };
        let text = if source.starts_with("conll2003/") {
            let sents = conll.get_or_insert_with(|| conll_sentences(&data.join(source)));
            sents.get(line.wrapping_sub(1)).cloned()
        } else {
            std::fs::read_to_string(data.join(source))
                .ok()
                .and_then(|t| t.split('\n').nth(line.wrapping_sub(1)).map(str::to_string))
        };
        let Some(text) = text else { continue };
        let Some(at) = text.find(phrase) else { continue };
        let found = figures::find(&Analysis::new(&text), &Context::default());
        let span = at..at + phrase.len();
        let got: Vec<String> = found
            .iter()
            .filter(|f| f.span.start < span.end && span.start < f.span.end)
            .map(|f| {
                format!("{} {} {}", &text[f.span.clone()], f.label, serde_json::to_string(&f.value).unwrap_or_default())
            })
            .collect();
        let pass = if want == "NONE" {
            let numbers = number_bounds(phrase).map(|(a, b)| at + a..at + b);
            numbers.is_some_and(|n| !found.iter().any(|f| f.span.start <= n.start && n.end <= f.span.end))
        } else {
            found.iter().any(|f| f.span == span && matches(want, f))
        };
        out.push(CaseResult {
            source: source.to_string(),
            line,
            phrase: phrase.to_string(),
            want: want.to_string(),
            part: Part::of(&text),
            pass,
            got,
        });
    }
    out
}

/// Where the phrase's first number starts and its last number ends.
fn number_bounds(phrase: &str) -> Option<(usize, usize)> {
    let first = phrase.find(|c: char| c.is_ascii_digit())?;
    let last = phrase.rfind(|c: char| c.is_ascii_digit())? + 1;
    Some((first, last))
}

/// `LABEL min max [unit] [approx]`: the label, the bounds (numbers, or ISO
/// strings in quotes), a unit (`-` for none) and `approx`.
fn matches(want: &str, f: &figures::Figure) -> bool {
    let words: Vec<&str> = want.split_whitespace().collect();
    let [label, min, max, rest @ ..] = &words[..] else { return false };
    let unit = rest.first().copied().filter(|u| *u != "-" && *u != "approx");
    let approx = rest.contains(&"approx");
    let scalar_is = |s: &Option<Scalar>, want: &str| match (s, want.strip_prefix('"').and_then(|w| w.strip_suffix('"')))
    {
        (Some(Scalar::Text(t)), Some(w)) => t == w,
        (Some(Scalar::Number(x)), None) => want.parse::<f64>().is_ok_and(|w| (x - w).abs() <= 1e-9 * w.abs().max(1.0)),
        _ => false,
    };
    let bounds = match &f.value.amount {
        Amount::Range { min: a, max: b } => scalar_is(a, min) && scalar_is(b, max),
        Amount::Exact(_) => false,
    };
    f.label.as_str() == *label && bounds && f.value.unit.as_deref() == unit && f.value.approx == approx
}

/// CoNLL-2003 sentences, tokens joined by spaces.
fn conll_sentences(path: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            if !cur.is_empty() {
                out.push(cur.join(" "));
                cur.clear();
            }
            continue;
        }
        cur.push(line.split(' ').next().unwrap_or(""));
    }
    if !cur.is_empty() {
        out.push(cur.join(" "));
    }
    out
}
