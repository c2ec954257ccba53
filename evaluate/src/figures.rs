//! Measures the number layer: span + label + value F1 on the reference
//! samples, and Microsoft Recognizers-Text's English spec cases mapped to ours.

use std::collections::BTreeMap;
use std::path::Path;

use newslens::doc::{Amount, Annotation, NumberLabel, Scalar};
use newslens::figures::{self, Context};
use newslens::page::{self, Format};
use newslens::text::{Analysis, CharMap};
use newslens::Engine;

use crate::score::Counts;
use crate::GoldSample;

/// A number annotation reduced to what is scored: span, label and value.
pub type Key = (usize, usize, String, String);

fn keys(doc: &newslens::Document) -> Vec<Key> {
    doc.annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Number(n) => Some((
                n.start,
                n.end,
                n.label.as_str().to_string(),
                serde_json::to_string(&n.value).unwrap_or_default(),
            )),
            _ => None,
        })
        .collect()
}

/// Number-layer scores on the reference samples.
pub struct GoldReport {
    pub overall: Counts,
    pub per_label: BTreeMap<String, Counts>,
    /// `(sample, "missed"/"spurious", key, text)`.
    pub errors: Vec<(String, &'static str, Key, String)>,
    /// On figures found with the right span: how many name the counted thing
    /// (`of`) as the reference does, out of those where either names one.
    pub of_agree: usize,
    pub of_total: usize,
}

fn ofs(doc: &newslens::Document) -> BTreeMap<(usize, usize), Option<String>> {
    doc.annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Number(n) => Some(((n.start, n.end), n.of.clone())),
            _ => None,
        })
        .collect()
}

/// Annotates each sample (dateline detected from its text, as a user would
/// get it) and scores the number layer against the reference.
pub fn gold_report(samples: &[GoldSample]) -> GoldReport {
    let engine = Engine::new().expect("embedded models load");
    let mut overall = Counts::default();
    let mut per_label: BTreeMap<String, Counts> = BTreeMap::new();
    let mut errors = Vec::new();
    let (mut of_agree, mut of_total) = (0, 0);
    for s in samples {
        let page = page::from_str(&s.text, Format::Text);
        let doc = engine.annotate(&page, Some(&s.name));
        let predicted = keys(&doc);
        let gold = keys(&s.gold);
        let (pred_of, gold_of) = (ofs(&doc), ofs(&s.gold));
        for (span, g) in &gold_of {
            if let Some(p) = pred_of.get(span) {
                if g.is_some() || p.is_some() {
                    of_total += 1;
                    of_agree += usize::from(g == p);
                }
            }
        }
        overall += Counts::of_sets(&predicted, &gold);
        for label in NumberLabel::ALL {
            let p: Vec<Key> = predicted.iter().filter(|k| k.2 == label.as_str()).cloned().collect();
            let g: Vec<Key> = gold.iter().filter(|k| k.2 == label.as_str()).cloned().collect();
            *per_label.entry(label.as_str().to_string()).or_default() += Counts::of_sets(&p, &g);
        }
        let chars: Vec<char> = s.text.chars().collect();
        let text_of = |k: &Key| chars[k.0.min(chars.len())..k.1.min(chars.len())].iter().collect::<String>();
        for k in gold.iter().filter(|k| !predicted.contains(k)) {
            errors.push((s.name.clone(), "missed", k.clone(), text_of(k)));
        }
        for k in predicted.iter().filter(|k| !gold.contains(k)) {
            errors.push((s.name.clone(), "spurious", k.clone(), text_of(k)));
        }
    }
    GoldReport { overall, per_label, errors, of_agree, of_total }
}

/// The result of one Recognizers case.
#[derive(Debug, Clone)]
pub struct CaseResult {
    /// `File.json#index`.
    pub id: String,
    pub file: String,
    pub pass: bool,
    pub input: String,
    pub expected: Vec<Item>,
    pub got: Vec<Item>,
}

/// One recognised item: start, end (code points, end exclusive), the value,
/// and for a relative ordinal its position (`end-1`, `current+1`; else empty).
pub type Item = (usize, usize, f64, String);

/// The Recognizers spec files we run, and the labels each maps to.
pub const RECOGNIZERS_FILES: &[(&str, &[NumberLabel])] = &[
    ("Number/NumberModel.json", &[]),
    ("Number/OrdinalModel.json", &[NumberLabel::ORDINAL]),
    ("Number/PercentModel.json", &[NumberLabel::PERCENT]),
    ("NumberWithUnit/CurrencyModel.json", &[NumberLabel::MONEY]),
    ("NumberWithUnit/DimensionModel.json", &[NumberLabel::QUANTITY]),
];

/// Runs every case of every file under `dir` (the `recognizers` data folder).
///
/// Mapping: their `number` model is our number reader ([`figures::scan_numbers`],
/// the first stage of every figure, ordinals left out; a part of a total stands
/// for its fraction, a number glued to its unit is left out as theirs is),
/// `ordinal` our ORDINAL, `ordinal.relative` our relative-ordinal reader (no
/// highlight in the news layer), `percentage` PERCENT, `currency` MONEY,
/// `dimension` QUANTITY (without `°C`/`°F`). Their items with no number
/// (a bare `dollars`) have no counterpart in the guide and are left out.
/// Spans compare from where the number starts (their spans leave qualifiers
/// like `about` out; ours keep them), in code points, end exclusive. Values
/// compare as numbers; cents and pence convert to the main unit first.
pub fn recognizers_cases(dir: &Path) -> Vec<CaseResult> {
    let mut out = Vec::new();
    for (file, labels) in RECOGNIZERS_FILES {
        let Ok(json) = std::fs::read_to_string(dir.join(file)) else { continue };
        let cases: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap_or_default();
        let short = file.rsplit('/').next().unwrap_or(file).to_string();
        for (idx, case) in cases.iter().enumerate() {
            let input = case["Input"].as_str().unwrap_or_default().to_string();
            // An item without a number (a bare `dollars`, `percent`) has no counterpart in
            // the guide: left out, while every item with a value must still match.
            let expected: Vec<Item> = case["Results"]
                .as_array()
                .map(|rs| rs.iter().filter_map(expected_item).filter(|e| !e.2.is_nan() || !e.3.is_empty()).collect())
                .unwrap_or_default();
            let got = if labels.is_empty() {
                our_numbers(&input)
            } else if labels.contains(&NumberLabel::ORDINAL) {
                ordinals(&input)
            } else if labels.contains(&NumberLabel::QUANTITY) {
                // Their temperatures are another model: our `°C` and `°F` are left out here
                // (a bare `°` may be an angle, which their dimensions include).
                ours_with(&input, labels, |f| !matches!(f.value.unit.as_deref(), Some("°C" | "°F")))
            } else {
                ours(&input, labels)
            };
            let pass = same(&expected, &got);
            out.push(CaseResult { id: format!("{short}#{idx}"), file: short.clone(), pass, input, expected, got });
        }
    }
    out
}

fn expected_item(r: &serde_json::Value) -> Option<Item> {
    let start = r["Start"].as_u64()? as usize;
    let end = r["End"].as_u64()? as usize + 1;
    let res = &r["Resolution"];
    let raw = res["value"].as_str().unwrap_or("nan").trim_end_matches('%');
    let mut value: f64 = raw.parse().unwrap_or(f64::NAN);
    if let Some(unit) = res["unit"].as_str() {
        if matches!(unit, "Cent" | "Pence" | "Penny" | "Sen") {
            value *= 0.01;
        }
        if unit == "Satoshi" {
            value *= 1e-8;
        }
    }
    // `ordinal.relative` values are positions (`end-1`, `current+0`): compared as such.
    let mut position = String::new();
    if r["TypeName"].as_str() == Some("ordinal.relative") {
        value = f64::NAN;
        let to = res["relativeTo"].as_str().unwrap_or_default();
        let offset: i64 = res["offset"].as_str().and_then(|o| o.parse().ok()).unwrap_or(0);
        position = format!("{to}{offset:+}");
    }
    Some((start, end, value, position))
}

/// Our number reader alone (`figures::scan_numbers`, what every figure is
/// built on), without ordinals: the counterpart of their number model.
///
/// A part of a total (`one out of three`, ours `{exact: 1, total: 3}`) is the
/// same information as their fraction 1/3, so such a figure stands for the
/// numbers inside it.
fn our_numbers(input: &str) -> Vec<Item> {
    let analysis = Analysis::new(input);
    let chars = CharMap::new(input);
    let found = figures::find(&analysis, &Context::default());
    // `180ml`, `1m`: their number model leaves out a number glued to its unit
    // (the figure is our QUANTITY); ours reads the number inside, so it is left out here.
    let glued_unit = |n: &figures::RawNumber| {
        input[n.span.end..].chars().next().is_some_and(char::is_alphabetic)
            && found
                .iter()
                .any(|f| f.label == NumberLabel::QUANTITY && f.span.start <= n.span.start && n.span.end < f.span.end)
    };
    let parts: Vec<(std::ops::Range<usize>, f64)> = found
        .iter()
        .filter_map(|f| match (&f.value.amount, f.value.total) {
            (Amount::Exact(Some(Scalar::Number(x))), Some(total))
                if total > 0.0 && f.label == NumberLabel::CARDINAL =>
            {
                Some((f.core_start..f.span.end, x / total))
            }
            _ => None,
        })
        .collect();
    let mut out: Vec<Item> = figures::scan_numbers(&analysis)
        .into_iter()
        .filter(|n| !n.ordinal && !glued_unit(n))
        .filter(|n| !parts.iter().any(|(p, _)| p.start <= n.span.start && n.span.end <= p.end))
        .map(|n| (chars.char_offset(n.span.start), chars.char_offset(n.span.end), n.value, String::new()))
        .collect();
    out.extend(
        parts.into_iter().map(|(p, v)| (chars.char_offset(p.start), chars.char_offset(p.end), v, String::new())),
    );
    out.sort_by_key(|i| (i.0, i.1));
    out
}

/// Our figures of the mapped labels: (core start, end, value) in code points.
fn ours(input: &str, labels: &[NumberLabel]) -> Vec<Item> {
    ours_with(input, labels, |_| true)
}

fn ours_with(input: &str, labels: &[NumberLabel], keep: impl Fn(&figures::Figure) -> bool) -> Vec<Item> {
    let analysis = Analysis::new(input);
    let chars = CharMap::new(input);
    figures::find(&analysis, &Context::default())
        .into_iter()
        .filter(|f| labels.contains(&f.label) && keep(f))
        .map(|f| {
            let v = match &f.value.amount {
                Amount::Exact(Some(Scalar::Number(x))) => *x,
                Amount::Range { min: Some(Scalar::Number(x)), .. } => *x,
                Amount::Range { min: None, max: Some(Scalar::Number(x)) } => *x,
                _ => f64::NAN,
            };
            (chars.char_offset(f.core_start), chars.char_offset(f.span.end), v, String::new())
        })
        .collect()
}

/// Their ordinal model: our ORDINAL figures, plus the relative ordinals our
/// news layer does not highlight ([`figures::relative_ordinals`]), which win
/// where the two overlap (`the second to last`).
fn ordinals(input: &str) -> Vec<Item> {
    let analysis = Analysis::new(input);
    let chars = CharMap::new(input);
    let relative: Vec<Item> = figures::relative_ordinals(&analysis)
        .into_iter()
        .map(|r| {
            let position = format!("{}{:+}", r.relative_to, r.offset);
            (chars.char_offset(r.span.start), chars.char_offset(r.span.end), f64::NAN, position)
        })
        .collect();
    let mut all: Vec<Item> = ours(input, &[NumberLabel::ORDINAL])
        .into_iter()
        .filter(|o| !relative.iter().any(|r| r.0 < o.1 && o.0 < r.1))
        .collect();
    all.extend(relative);
    all.sort_by_key(|i| (i.0, i.1));
    all
}

fn same(expected: &[Item], got: &[Item]) -> bool {
    let mut expected = expected.to_vec();
    expected.sort_by_key(|i| (i.0, i.1));
    expected.len() == got.len()
        && expected.iter().zip(got).all(|(e, g)| {
            e.0 == g.0
                && e.1 == g.1
                && e.3 == g.3
                && (e.2.is_nan() && g.2.is_nan() || (e.2 - g.2).abs() <= 1e-6 * e.2.abs().max(1.0))
        })
}

/// The reviewed known failures: `id<TAB>reason` lines (`#` comments).
pub fn known_failures(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (id, reason) = l.split_once(char::is_whitespace)?;
            Some((id.to_string(), reason.trim().to_string()))
        })
        .collect()
}

/// The known-failures list kept beside the tests.
pub const KNOWN_FAILURES: &str = include_str!("../tests/figures_known_failures.txt");
