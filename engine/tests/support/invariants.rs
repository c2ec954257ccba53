//! The engine's output contract, checked on any document: shared by the property
//! tests, the fuzz regressions and the fuzz target (which includes this file by path).
#![allow(dead_code)] // each user (tests, fuzz target) needs only part of it

use newslens::doc::{Amount, Annotation, Scalar, Span, Value};
use newslens::{Document, Layer};

/// Every broken promise in `doc`, as readable lines (empty when it keeps them all):
/// `text_len` is the text's length in code points; each span, speaker and
/// co-speaker span is non-empty, inside the text, and its `text` is exactly the
/// document text at `[start..end]` in code points; annotations are sorted by
/// `(start, layer)`; spans of one layer never overlap; values are finite.
pub fn violations(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    // Byte offset of every code point, plus the end: code-point offset -> byte offset.
    let mut bytes: Vec<usize> = doc.text.char_indices().map(|(b, _)| b).collect();
    bytes.push(doc.text.len());
    let chars = bytes.len() - 1;
    if doc.text_len != chars {
        out.push(format!("text_len {} but the text has {chars} code points", doc.text_len));
    }
    let check = |out: &mut Vec<String>, what: &str, start: usize, end: usize, text: &str| {
        if start >= end || end > chars {
            out.push(format!("{what} [{start}..{end}) {text:?}: empty or outside 0..{chars}"));
        } else if &doc.text[bytes[start]..bytes[end]] != text {
            out.push(format!(
                "{what} [{start}..{end}) says {text:?} but the text there is {:?}",
                &doc.text[bytes[start]..bytes[end]]
            ));
        }
    };
    let check_span = |out: &mut Vec<String>, what: &str, s: &Span| check(out, what, s.start, s.end, &s.text);

    for (i, a) in doc.annotations.iter().enumerate() {
        let (start, end) = a.range();
        let what = format!("#{i} {} {}", a.layer().as_str(), a.label());
        check(&mut out, &what, start, end, a.text());
        match a {
            Annotation::Quote(q) => {
                if let Some(s) = &q.speaker {
                    check_span(&mut out, &format!("{what} speaker"), s);
                }
                for (k, s) in q.co_speakers.iter().enumerate() {
                    check_span(&mut out, &format!("{what} co-speaker {k}"), s);
                }
            }
            Annotation::Number(n) => check_value(&mut out, &what, &n.value),
            Annotation::Entity(_) => {}
        }
    }
    for (i, pair) in doc.annotations.windows(2).enumerate() {
        let key = |a: &Annotation| (a.range().0, a.layer());
        if key(&pair[0]) > key(&pair[1]) {
            out.push(format!(
                "#{i} {:?} and #{} {:?} are out of (start, layer) order",
                key(&pair[0]),
                i + 1,
                key(&pair[1])
            ));
        }
    }
    for layer in Layer::ALL {
        let mut spans: Vec<(usize, usize, &str)> = doc
            .annotations
            .iter()
            .filter(|a| a.layer() == layer)
            .map(|a| (a.range().0, a.range().1, a.text()))
            .collect();
        spans.sort_unstable();
        for w in spans.windows(2) {
            if w[0].1 > w[1].0 {
                out.push(format!("{} spans overlap: {:?} and {:?}", layer.as_str(), w[0], w[1]));
            }
        }
    }
    out
}

/// NaN or infinity would silently become `null` in the JSON.
fn check_value(out: &mut Vec<String>, what: &str, v: &Value) {
    let finite = |s: &Option<Scalar>| !matches!(s, Some(Scalar::Number(x)) if !x.is_finite());
    let ok = match &v.amount {
        Amount::Exact(x) => finite(x),
        Amount::Range { min, max } => finite(min) && finite(max),
    } && v.total.is_none_or(f64::is_finite);
    if !ok {
        out.push(format!("{what}: value {v:?} is not finite"));
    }
}

/// Panics with every violation and the input that caused it.
pub fn assert_holds(doc: &Document, input: &str) {
    let v = violations(doc);
    if !v.is_empty() {
        let shown: String = input.chars().take(400).collect();
        panic!("{} violation(s) on input {shown:?}:\n  {}", v.len(), v.join("\n  "));
    }
}

/// What the product does with a dropped file: decode `bytes` as each page
/// format, annotate what decodes, and return every contract violation found.
pub fn bytes_violations(engine: &newslens::Engine, bytes: &[u8]) -> Vec<String> {
    use newslens::page::{self, Format};
    let mut out = Vec::new();
    for format in [Format::Text, Format::Markdown, Format::Html] {
        // Bytes that are not text are refused with an error, which is fine.
        let Ok(page) = page::from_bytes(bytes, format) else { continue };
        let doc = engine.annotate(&page, Some("fuzz"));
        out.extend(violations(&doc).into_iter().map(|v| format!("{format:?}: {v}")));
    }
    // Text that never went through a file: what a paste gives, NULs and all.
    if let Ok(text) = std::str::from_utf8(bytes) {
        let doc = engine.annotate(&page::from_str(text, Format::Text), None);
        out.extend(violations(&doc).into_iter().map(|v| format!("paste: {v}")));
        exercise_board(vec![doc.clone(), doc]);
    }
    out
}

/// Lines documents up the way the page's board does; it must not panic and
/// must leave each document keeping the contract.
pub fn exercise_board(mut docs: Vec<Document>) {
    use newslens::board;
    board::unify_clusters(&mut docs);
    for doc in &docs {
        assert_holds(doc, &doc.text);
        std::hint::black_box((board::entity_groups(doc), board::quote_groups(doc)));
    }
    let boards = board::build(&docs);
    assert_eq!(boards.documents.len(), docs.len());
    std::hint::black_box(serde_json::to_string(&boards).expect("the boards serialise"));
}
