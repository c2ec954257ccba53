//! A document annotated in two halves on two workers ([`newslens::split`]: the names on one,
//! everything else on the other) is exactly the document [`Engine::annotate`] makes, on the
//! shared samples, on a long document made of them, and on random paragraphs of news words;
//! and names that cannot be of the text are refused, never put in.

#[path = "support/gold.rs"]
mod gold;

use std::sync::OnceLock;

use newslens::page::{self, Format};
use newslens::split::{Names, Prepared};
use newslens::{Document, Engine, Error, Page};
use proptest::prelude::*;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().expect("embedded models load"))
}

/// The page annotated in halves, the names carried between them as JSON, as between workers.
fn in_halves(page: &Page, source: Option<&str>) -> Document {
    let names = engine().names(&page.text);
    let names: Names = serde_json::from_str(&serde_json::to_string(&names).unwrap()).unwrap();
    Prepared::new(page).finish(source, names).expect("the halves of one page fit")
}

fn assert_same(page: &Page, source: Option<&str>) {
    let whole = engine().annotate(page, source);
    let halves = in_halves(page, source);
    assert!(whole == halves, "the halves differ from the whole for {source:?}");
}

fn samples() -> Option<Vec<(String, String)>> {
    let Some(dir) = gold::data_dir().map(|d| d.join("samples")).filter(|d| d.is_dir()) else {
        println!("note: skipping the samples: no shared data (set NEWSLENS_DATA to the shared data folder)");
        return None;
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    Some(
        paths
            .iter()
            .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(p).unwrap()))
            .collect(),
    )
}

#[test]
fn the_samples_come_out_the_same_in_halves() {
    let Some(samples) = samples() else { return };
    for (name, text) in &samples {
        assert_same(&page::from_str(text, Format::Text), Some(name));
    }
}

#[test]
fn a_long_document_comes_out_the_same_in_halves() {
    let Some(samples) = samples() else { return };
    // Samples repeated (as the browser bench builds its 5 MB document), kept to a size a
    // debug build annotates in seconds, with Windows line ends and an HTML page beside it.
    let mut text = String::new();
    while text.len() < 300_000 {
        for (_, t) in &samples {
            text.push_str(t);
            text.push_str("\r\n\r\n");
        }
    }
    let page = page::from_str(&text, Format::Text);
    let doc = in_halves(&page, Some("long.txt"));
    assert!(doc.annotations.len() > 1_000, "only {} annotations", doc.annotations.len());
    assert_same(&page, Some("long.txt"));
    let html = format!("<html><head><title>Long</title></head><body><p>{}</p></body></html>", samples[0].1);
    assert_same(&page::from_str(&html, Format::Html), Some("long.html"));
}

#[test]
fn names_of_another_text_are_refused() {
    let page = page::from_str("Volodymyr Zelenskyy met Olena Zelenska in Kyiv.", Format::Text);
    let names = engine().names(&page.text);
    assert!(!names.spans.is_empty());
    let refused = |names: Names| match Prepared::new(&page).finish(None, names) {
        Err(Error::Parts { .. }) => {}
        other => panic!("names that do not fit were put in: {other:?}"),
    };
    refused(Names { text_len: names.text_len + 1, ..names.clone() });
    let (_, _, label) = names.spans[0];
    refused(Names { spans: vec![(0, names.text_len + 5, label)], ..names.clone() });
    refused(Names { spans: vec![(5, 3, label)], ..names.clone() });
    refused(Names { spans: vec![(0, 10, label), (5, 12, label)], ..names.clone() });
    let accented = page::from_str("Zoë Ångström spoke.", Format::Text);
    let off_boundary = Names { text_len: accented.text.len(), spans: vec![(0, 3, label)] };
    assert!(Prepared::new(&accented).finish(None, off_boundary).is_err());
}

const WORDS: &[&str] = &[
    "Volodymyr Zelenskyy",
    "Zelenskyy",
    "Olena Zelenska",
    "Kyiv",
    "North Korea",
    "Reuters",
    "NATO",
    "the Pentagon",
    "said",
    "told reporters",
    "according to",
    "“We will stay,”",
    "“",
    "”",
    "\"",
    "8,000",
    "troops",
    "$2.5bn",
    "42%",
    "on Monday",
    "last week",
    "in 2023",
    "Mr.",
    "Dr. Smith",
    "O’Brien",
    "and",
    "the",
    "of",
    "in",
    ".",
    ",",
    ":",
    "BREAKING",
    "U.S.",
    "about",
    "nearly",
    "some",
    "12 km",
    "years",
    "é",
    "—",
    "\r\n",
    "\n",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..40).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_paragraphs_come_out_the_same_in_halves(paragraphs in prop::collection::vec(paragraph(), 1..12)) {
        let text = paragraphs.join("\n\n");
        let page = page::from_str(&text, Format::Text);
        prop_assert!(engine().annotate(&page, Some("p.txt")) == in_halves(&page, Some("p.txt")));
    }
}
