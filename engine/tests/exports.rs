//! Exports and imports: for any document with any corrections, exporting then importing
//! native JSON, W3C Web Annotation or brat gives back exactly the same documents; CoNLL
//! keeps every name's span and label, CSV every annotation's fields. CoNLL and CSV are
//! read back here by readers written from those formats' rules, not by the exporter's code.
//! `PROPTEST_CASES` scales the runs.

use newslens::doc::{
    Amount, Annotation, Entity, EntityLabel, Number, NumberLabel, Origin, Quote, QuoteLabel, Rejection, Scalar, Span,
    Value,
};
use newslens::export::{self, Format, ImportError};
use newslens::{Document, Error, Layer};
use proptest::prelude::*;

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Pieces of text with what trips exporters: quotes and commas (CSV), `<` and `&`
/// (HTML), tabs and every line break Python knows (brat), wide and combining
/// characters (offsets), and formula starts (spreadsheets).
const PIECES: &[&str] = &[
    "Zelenskyy",
    "said",
    "Kyiv",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\r",
    "“",
    "”",
    "\"",
    "'",
    ",",
    ";",
    "<b>",
    "&amp;",
    "</script>",
    "é",
    "e\u{301}",
    "🇺🇦",
    "北京",
    "\u{2028}",
    "\u{85}",
    "\u{0c}",
    "=SUM(A1)",
    "+1",
    "-5",
    "@x",
    "8,000",
    "-DOC",
    "\u{a0}",
    "x",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
}

/// Any string at all for the free-text fields (clusters, cues, titles).
fn free() -> impl Strategy<Value = String> {
    prop_oneof![3 => prop::sample::select(PIECES).prop_map(str::to_string), 1 => any::<String>()]
}

fn scalar() -> impl Strategy<Value = Scalar> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(Scalar::Number),
        (-100_000i64..100_000).prop_map(|n| Scalar::Number(n as f64)),
        free().prop_map(Scalar::Text),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let amount = prop_oneof![
        prop::option::of(scalar()).prop_map(Amount::Exact),
        (prop::option::of(scalar()), prop::option::of(scalar())).prop_map(|(min, max)| Amount::Range { min, max }),
    ];
    let total = prop::option::of(any::<f64>().prop_filter("finite", |x| x.is_finite()));
    let every = prop::option::of(prop::sample::select(vec!["P1D", "P1W", "PT12H"]).prop_map(String::from));
    (amount, any::<bool>(), prop::option::of(free()), total, every)
        .prop_map(|(amount, approx, unit, total, every)| Value { amount, approx, unit, total, every })
}

fn origin() -> impl Strategy<Value = Origin> {
    prop_oneof![Just(Origin::Engine), Just(Origin::User)]
}

/// Raw material for one annotation: where (as fractions of the text), and every field.
#[derive(Debug, Clone)]
struct Raw {
    layer: Layer,
    at: (f64, f64),
    label: usize,
    free: [String; 3],
    value: Value,
    flags: [bool; 4],
    speakers: Vec<(f64, f64)>,
    source: Origin,
}

fn raw() -> impl Strategy<Value = Raw> {
    let layer = prop_oneof![Just(Layer::Entity), Just(Layer::Number), Just(Layer::Quote)];
    let at = (0.0..1.0f64, 0.0..1.0f64);
    (
        layer,
        at.clone(),
        0..8usize,
        prop::array::uniform3(free()),
        value(),
        any::<[bool; 4]>(),
        prop::collection::vec(at.clone(), 0..3),
        origin(),
    )
        .prop_map(|(layer, at, label, free, value, flags, speakers, source)| Raw {
            layer,
            at,
            label,
            free,
            value,
            flags,
            speakers,
            source,
        })
}

/// Code-point span from two fractions of the text; `None` when empty.
fn span_at(chars: &[char], (a, b): (f64, f64)) -> Option<(usize, usize)> {
    let n = chars.len();
    let (x, y) = ((a * n as f64) as usize, (b * n as f64) as usize + 1);
    let (start, end) = (x.min(y).min(n), x.max(y).min(n));
    (start < end).then_some((start, end))
}

fn cut(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

/// A document over `text` with annotations from `raws` (those that would overlap another
/// of their layer are dropped), rejections and metadata.
fn document(
    text: String,
    raws: Vec<Raw>,
    rejected: Vec<((f64, f64), usize, String)>,
    meta: [Option<String>; 6],
) -> Document {
    let chars: Vec<char> = text.chars().collect();
    let mut taken: [Vec<(usize, usize)>; 3] = Default::default();
    let mut annotations = Vec::new();
    for r in raws {
        let Some((start, end)) = span_at(&chars, r.at) else { continue };
        let layer_taken = &mut taken[r.layer as usize];
        if layer_taken.iter().any(|&(s, e)| s < end && start < e) {
            continue;
        }
        layer_taken.push((start, end));
        let covered = cut(&chars, start, end);
        let [a, b, c] = r.free;
        let opt = |flag: bool, s: String| flag.then_some(s);
        annotations.push(match r.layer {
            Layer::Entity => Annotation::Entity(Entity {
                label: EntityLabel::ALL[r.label % 4],
                start,
                end,
                text: covered,
                cluster: a,
                source: r.source,
            }),
            Layer::Number => Annotation::Number(Number {
                label: NumberLabel::ALL[r.label % 8],
                start,
                end,
                text: covered,
                value: r.value,
                of: opt(r.flags[0], a),
                source: r.source,
            }),
            Layer::Quote => {
                let mut spans = r.speakers.into_iter().filter_map(|at| span_at(&chars, at)).map(|(s, e)| Span {
                    start: s,
                    end: e,
                    text: cut(&chars, s, e),
                });
                Annotation::Quote(Quote {
                    label: QuoteLabel::ALL[r.label % 2],
                    start,
                    end,
                    text: covered,
                    cue: opt(r.flags[0], a),
                    speaker: if r.flags[1] { spans.next() } else { None },
                    speaker_cluster: opt(r.flags[2], b),
                    nominal: r.flags[3],
                    co_speakers: spans.collect(),
                    truncated: c.len() % 2 == 1,
                    source: r.source,
                })
            }
        });
    }
    annotations.sort_by_key(|a| (a.range().0, a.layer(), a.range().1));
    let rejected = rejected
        .into_iter()
        .filter_map(|(at, layer, label)| {
            let (start, end) = span_at(&chars, at)?;
            Some(Rejection { layer: Layer::ALL[layer % 3], label, start, end })
        })
        .collect();
    let [title, byline, source, dateline, site_name, lang] = meta;
    Document { text_len: chars.len(), text, title, byline, source, dateline, site_name, lang, annotations, rejected }
}

fn documents() -> impl Strategy<Value = Vec<Document>> {
    let file_name = prop_oneof![free(), Just("000_a.txt".to_string()), Just("dir/x y.html".to_string())];
    let meta = (
        prop::option::of(free()),
        prop::option::of(free()),
        prop::option::of(file_name),
        prop::option::of(free()),
        prop::option::of(free()),
        prop::option::of(free()),
    )
        .prop_map(|(a, b, c, d, e, f)| [a, b, c, d, e, f]);
    let rejected = prop::collection::vec(((0.0..1.0f64, 0.0..1.0f64), 0..3usize, free()), 0..3);
    let one = (text(), prop::collection::vec(raw(), 0..12), rejected, meta)
        .prop_map(|(text, raws, rejected, meta)| document(text, raws, rejected, meta));
    prop::collection::vec(one, 0..4)
}

proptest! {
    #![proptest_config(cases(200))]

    #[test]
    fn native_w3c_and_brat_give_back_exactly_what_was_exported(docs in documents()) {
        for format in [Format::Native, Format::W3c, Format::Brat] {
            let bytes = export::export(format, &docs).unwrap();
            prop_assert_eq!(export::detect(&bytes), Some(format));
            let back = export::import(&bytes);
            prop_assert!(back.is_ok(), "{format}: {:?}", back.err());
            prop_assert_eq!(back.unwrap(), docs.clone(), "{} did not round-trip", format);
        }
    }

    #[test]
    fn conll_keeps_every_name(docs in documents()) {
        let conll = String::from_utf8(export::export(Format::Conll, &docs).unwrap()).unwrap();
        let read = read_conll(&conll);
        prop_assert_eq!(read.len(), docs.len());
        for (doc, tokens) in docs.iter().zip(read) {
            let got = names_from_tokens(&doc.text, &tokens);
            prop_assert!(got.is_ok(), "tokens do not spell the text: {:?}", got.err());
            prop_assert_eq!(got.unwrap(), expected_names(doc));
        }
    }

    #[test]
    fn csv_keeps_every_annotation(docs in documents()) {
        let csv = String::from_utf8(export::export(Format::Csv, &docs).unwrap()).unwrap();
        prop_assert!(csv.starts_with('\u{feff}'), "UTF-8 byte-order mark");
        let rows = read_csv(&csv[3..]);
        prop_assert_eq!(rows[0][3].as_deref(), Some("start (code points)"));
        let expected: Vec<&Annotation> = docs.iter().flat_map(|d| &d.annotations).collect();
        prop_assert_eq!(rows.len() - 1, expected.len());
        for (row, a) in rows[1..].iter().zip(expected) {
            prop_assert_eq!(&annotation_from_row(row), a);
        }
    }

    #[test]
    fn html_has_every_character_of_the_text_and_no_markup_from_it(docs in documents()) {
        let html = String::from_utf8(export::export(Format::Html, &docs).unwrap()).unwrap();
        prop_assert!(!html.contains("<script") && !html.contains("<b>"));
        let shown: Vec<String> = html.split("<div class=\"text\">").skip(1).map(visible_text).collect();
        prop_assert_eq!(shown.len(), docs.len());
        for (doc, shown) in docs.iter().zip(shown) {
            prop_assert_eq!(shown, doc.text.clone());
        }
    }
}

/// The generated documents do hold what the round trips must carry: every layer, the
/// reader's annotations, rejections, speakers and co-speakers, text over line breaks.
#[test]
fn the_generator_makes_documents_worth_round_tripping() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut seen = [0usize; 7];
    for _ in 0..50 {
        for doc in documents().new_tree(&mut runner).unwrap().current() {
            seen[6] += doc.rejected.len();
            for a in &doc.annotations {
                seen[a.layer() as usize] += 1;
                seen[3] += usize::from(a.source() == Origin::User);
                seen[4] += usize::from(a.text().contains(['\n', '\t', '\u{2028}']));
                if let Annotation::Quote(q) = a {
                    seen[5] += usize::from(q.speaker.is_some() && !q.co_speakers.is_empty());
                }
            }
        }
    }
    assert!(
        seen.iter().all(|&n| n >= 5),
        "entities, numbers, quotes, user, broken lines, co-speakers, rejected: {seen:?}"
    );
}

#[test]
fn other_formats_and_junk_are_refused_with_a_reason() {
    let docs = vec![document("Kyiv said".into(), vec![], vec![], Default::default())];
    for format in [Format::Conll, Format::Csv, Format::Html] {
        let bytes = export::export(format, &docs).unwrap();
        assert_eq!(export::import_as(format, &bytes), Err(Error::Import(ImportError::CannotImport(format))));
        assert_eq!(export::import(&bytes), Err(Error::Import(ImportError::UnknownFormat)));
    }
    let native = String::from_utf8(export::export(Format::Native, &docs).unwrap()).unwrap();
    let newer = native.replace("\"version\":1", "\"version\":2");
    assert_eq!(export::import(newer.as_bytes()), Err(Error::Import(ImportError::Version { found: 2, supported: 1 })));
    let tampered = native.replace("\"text_len\":9", "\"text_len\":8");
    assert!(matches!(export::import(tampered.as_bytes()), Err(Error::Import(ImportError::Invalid { .. }))));
    for junk in [&b""[..], b"{", b"PK\x03\x04junk", b"{\"@context\": 1}", b"\xff\xfe"] {
        assert!(export::import(junk).is_err());
    }
}

#[test]
fn hostile_text_stays_text_in_html() {
    let text = "<script>alert(1)</script><img src=x onerror=alert(2)> \"quoted\" & 'single'".to_string();
    let mut doc = document(text.clone(), vec![], vec![], Default::default());
    doc.title = Some("</title><script>alert(3)</script>".into());
    let chars: Vec<char> = text.chars().collect();
    doc.annotations.push(Annotation::Entity(Entity {
        label: EntityLabel::ORG,
        start: 0,
        end: 8,
        text: cut(&chars, 0, 8),
        cluster: "\"><script>alert(4)</script>".into(),
        source: Origin::User,
    }));
    let html = String::from_utf8(export::export(Format::Html, &[doc]).unwrap()).unwrap();
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"));
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    assert!(html.contains("&lt;script&gt;</span><span class=\"tag\" data-l=\"ORG\"></span>alert(1)&lt;/script&gt;"));
    assert!(html.contains("title=\"ORG (yours): &quot;&gt;&lt;script&gt;"));
}

#[test]
fn csv_fields_a_spreadsheet_would_run_are_defused() {
    let text = "=HYPERLINK(\"x\") met +1, -2 and @me".to_string();
    let chars: Vec<char> = text.chars().collect();
    let mut doc = document(text, vec![], vec![], Default::default());
    doc.annotations.push(Annotation::Entity(Entity {
        label: EntityLabel::ORG,
        start: 0,
        end: 15,
        text: cut(&chars, 0, 15),
        cluster: "-x".into(),
        source: Origin::Engine,
    }));
    let csv = String::from_utf8(export::export(Format::Csv, &[doc]).unwrap()).unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(row.contains(",\"'=HYPERLINK(\"\"x\"\")\",\"'-x\","), "{row}");
    assert!(csv.ends_with("\r\n"));
}

#[test]
fn conll_is_iob2_with_docstart_lines() {
    let text = "Volodymyr Zelenskyy met NATO in Kyiv.".to_string();
    let chars: Vec<char> = text.chars().collect();
    let mut doc = document(text, vec![], vec![], Default::default());
    for (s, e, label) in [(0, 19, EntityLabel::PER), (24, 28, EntityLabel::ORG), (32, 36, EntityLabel::LOC)] {
        doc.annotations.push(Annotation::Entity(Entity {
            label,
            start: s,
            end: e,
            text: cut(&chars, s, e),
            cluster: String::new(),
            source: Origin::Engine,
        }));
    }
    let conll = String::from_utf8(export::export(Format::Conll, &[doc]).unwrap()).unwrap();
    assert_eq!(
        conll,
        "-DOCSTART- -X- -X- O\n\nVolodymyr -X- -X- B-PER\nZelenskyy -X- -X- I-PER\nmet -X- -X- O\n\
         NATO -X- -X- B-ORG\nin -X- -X- O\nKyiv -X- -X- B-LOC\n. -X- -X- O\n\n"
    );
}

/// Per document, its `(token, tag)` lines.
fn read_conll(conll: &str) -> Vec<Vec<(String, String)>> {
    let mut docs = Vec::new();
    for line in conll.lines() {
        let cols: Vec<&str> = line.split(' ').collect();
        match cols.as_slice() {
            [] | [""] => {}
            ["-DOCSTART-", ..] => docs.push(Vec::new()),
            [token, "-X-", "-X-", tag] => {
                docs.last_mut().expect("-DOCSTART- first").push((token.to_string(), tag.to_string()))
            }
            other => panic!("not a CoNLL line: {other:?}"),
        }
    }
    docs
}

/// Names as `(start, end, label)` in code points, by laying the tokens over the text.
fn names_from_tokens(text: &str, tokens: &[(String, String)]) -> Result<Vec<(usize, usize, String)>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    let mut names: Vec<(usize, usize, String)> = Vec::new();
    for (token, tag) in tokens {
        while at < chars.len() && chars[at].is_whitespace() {
            at += 1;
        }
        let len = token.chars().count();
        if at + len > chars.len() || cut(&chars, at, at + len) != *token {
            return Err(format!("token {token:?} is not at {at}"));
        }
        match (tag.split_once('-'), names.last_mut()) {
            (Some(("I", label)), Some(last)) if last.2 == label => last.1 = at + len,
            (Some((_, label)), _) => names.push((at, at + len, label.to_string())),
            (None, _) => {}
        }
        at += len;
    }
    if chars[at..].iter().any(|c| !c.is_whitespace()) {
        return Err("text left over".into());
    }
    Ok(names)
}

/// What CoNLL can carry of a document's names: their label and their span without
/// surrounding whitespace (tokens have none).
fn expected_names(doc: &Document) -> Vec<(usize, usize, String)> {
    let chars: Vec<char> = doc.text.chars().collect();
    doc.annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Entity(e) => {
                let (mut s, mut t) = (e.start, e.end);
                while s < t && chars[s].is_whitespace() {
                    s += 1;
                }
                while t > s && chars[t - 1].is_whitespace() {
                    t -= 1;
                }
                (s < t).then(|| (s, t, e.label.to_string()))
            }
            _ => None,
        })
        .collect()
}

/// RFC 4180 rows; a field is `None` when empty and unquoted, so `""` stays an empty text.
fn read_csv(csv: &str) -> Vec<Vec<Option<String>>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field: Option<String> = None;
    let mut chars = csv.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.get_or_insert_with(String::new).push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.get_or_insert_with(String::new).push(c),
            (false, '"') => {
                quoted = true;
                field.get_or_insert_with(String::new);
            }
            (false, ',') => row.push(field.take()),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(field.take());
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.get_or_insert_with(String::new).push(c),
        }
    }
    rows
}

fn annotation_from_row(row: &[Option<String>]) -> Annotation {
    // A text field that starts with `'` had one added so a spreadsheet would not run it.
    let field =
        |i: usize| -> Option<String> { row[i].as_deref().map(|f| f.strip_prefix('\'').unwrap_or(f).to_string()) };
    let text = |i: usize| field(i).unwrap_or_default();
    let number = |i: usize| field(i).map(|n| n.parse::<usize>().unwrap());
    let (start, end) = (number(3).unwrap(), number(4).unwrap());
    let source = if field(17).as_deref() == Some("user") { Origin::User } else { Origin::Engine };
    let label = text(2);
    let label = label.as_str();
    match text(1).as_str() {
        "entity" => Annotation::Entity(Entity {
            label: *EntityLabel::ALL.iter().find(|l| l.as_str() == label).unwrap(),
            start,
            end,
            text: text(5),
            cluster: text(6),
            source,
        }),
        "number" => Annotation::Number(Number {
            label: *NumberLabel::ALL.iter().find(|l| l.as_str() == label).unwrap(),
            start,
            end,
            text: text(5),
            value: serde_json::from_str(&text(7)).unwrap(),
            of: field(8),
            source,
        }),
        _ => Annotation::Quote(Quote {
            label: *QuoteLabel::ALL.iter().find(|l| l.as_str() == label).unwrap(),
            start,
            end,
            text: text(5),
            cue: field(9),
            speaker: field(10).map(|t| Span { start: number(11).unwrap(), end: number(12).unwrap(), text: t }),
            speaker_cluster: field(13),
            nominal: text(14) == "true",
            co_speakers: field(15).map(|j| serde_json::from_str(&j).unwrap()).unwrap_or_default(),
            truncated: text(16) == "true",
            source,
        }),
    }
}

/// What a browser shows of the first `<div class="text">` in `html`: tags dropped,
/// entities decoded.
fn visible_text(html: &str) -> String {
    let end = html.find("</div>").unwrap_or(html.len());
    let mut out = String::new();
    let mut in_tag = false;
    for c in html[..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}
