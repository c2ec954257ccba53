//! Property tests: on any text at all the engine never panics and keeps its
//! output contract (offsets in code points inside the text, `text` equal to the
//! covered text, sorted, no overlap within a layer). `PROPTEST_CASES` scales runs.

#[path = "support/invariants.rs"]
mod invariants;

use std::sync::OnceLock;

use newslens::page::{self, Format};
use newslens::{Date, Document, Engine, Page};
use proptest::prelude::*;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().expect("embedded models load"))
}

/// Annotates `text` as plain text and checks the contract, the JSON and that
/// plain text passes through with only `\r\n` normalised.
fn annotate_checked(text: &str, dateline: Option<Date>) -> Document {
    let mut page = page::from_str(text, Format::Text);
    page.dateline = dateline;
    let doc = engine().annotate(&page, Some("prop.txt"));
    invariants::assert_holds(&doc, text);
    assert_eq!(doc.text, text.replace("\r\n", "\n"), "plain text must pass through untouched");
    if let Err(e) = serde_json::to_string(&doc) {
        panic!("document does not serialise ({e}) for input {text:?}");
    }
    invariants::exercise_board(vec![doc.clone(), doc.clone()]);
    doc
}

fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Fragments the recognisers look for: names, cues, figures, dates, quote marks.
const NEWS: &[&str] = &[
    "Mr.",
    "Ms",
    "Dr.",
    "U.S.",
    "U.N.",
    "Smith",
    "Olena Zelenska",
    "Volodymyr Zelenskyy",
    "Zelenskyy’s",
    "North Korea",
    "Kyiv",
    "the Pentagon",
    "Reuters",
    "Apple Inc.",
    "NATO",
    "de la Cruz",
    "O’Brien",
    "said",
    "says",
    "told",
    "added",
    "according to",
    "he said",
    "she told reporters",
    "officials said",
    "a spokesperson said",
    "and",
    "the",
    "of",
    "in",
    "on",
    "at",
    "about",
    "nearly",
    "more than",
    "up to",
    "some",
    "between",
    "to",
    "from",
    "per cent",
    "percent",
    "%",
    "$",
    "€",
    "£",
    "¥",
    "USD",
    "million",
    "billion",
    "bn",
    "m",
    "k",
    "thousands",
    "dozens",
    "hundreds of",
    "half",
    "one",
    "two",
    "twelve",
    "first",
    "third",
    "21st",
    "1st",
    "2nd",
    "km",
    "mm",
    "kg",
    "miles",
    "tons",
    "°C",
    "years",
    "year-old",
    "days",
    "weeks",
    "hours",
    "minutes",
    "Monday",
    "Tuesday",
    "last week",
    "next month",
    "yesterday",
    "today",
    "tonight",
    "this year",
    "January",
    "Feb.",
    "Sept",
    "March",
    "May",
    "BC",
    "AD",
    "a.m.",
    "p.m.",
    "GMT",
    "noon",
    "midnight",
    "1990s",
    "’90s",
    "FY2024",
    "Q3",
    "No.",
    "#1",
    "I",
    "II",
    "IV",
];

const DIGITS: &[&str] = &[
    "0",
    "1",
    "7",
    "12",
    "155",
    "2024",
    "1,000",
    "8,000",
    "12,000",
    "1.5",
    "0.25",
    ".5",
    "3/4",
    "½",
    "1,2",
    "1.000.000",
    "99.9",
    "-3",
    "+7",
    "−4",
    "2024-09-12",
    "12/09/2024",
    "9/11",
    "3:45",
    "12:00",
    "1e9",
    "007",
    "٣",
    "१२",
    "１２",
    "²",
    "10–12",
    "5-6",
    "1990–2000",
    "$3",
    "3bn",
    "155mm",
    "4x4",
    "100,000,000,000,000,000,000,000",
    "999999999999999999999",
    "0.000000000001",
    "1,,2",
    "1..2",
    "1,",
];

const MARKS: &[&str] = &[
    "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "''", "``", "—", "–", "-", "…", "...",
    ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "/", "&", "*", "•", "·",
];

const SPACES: &[&str] = &[" ", " ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u{a0}", "\u{2028}", "\u{2009}", ""];

const WEIRD: &[&str] = &[
    "\0",
    "\u{feff}",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{202b}",
    "\u{200f}",
    "\u{301}",
    "e\u{301}",
    "a\u{308}\u{301}\u{323}",
    "🇺🇦",
    "👨‍👩‍👧",
    "👍🏽",
    "😀",
    "مرحبا",
    "محمد بن سلمان",
    "שלום",
    "東京",
    "習近平",
    "Ωμέγα",
    "İstanbul",
    "ß",
    "ﬁ",
    "Ǆ",
    "\u{10ffff}",
    "\u{fffd}",
    "\u{1f}",
    "\u{7f}",
    "\u{85}",
    "𝐀𝐁",
    "ℕ",
    "Ⅻ",
    "ǅ",
    "ʼ",
    "ˮ",
    "＂",
    "＇",
    "\u{e000}",
];

fn pick(pool: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(pool).prop_map(str::to_string)
}

/// One piece of news-like text, biased toward what the recognisers parse.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => pick(NEWS),
        5 => pick(DIGITS),
        5 => pick(MARKS),
        2 => pick(WEIRD),
        2 => any::<char>().prop_map(String::from),
        1 => "[A-Z][a-z]{0,8}",
        1 => "[0-9]{1,25}",
    ]
}

/// Pieces joined by (mostly) spaces: sentences a recogniser may half-recognise.
fn news_like(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), pick(SPACES)), 0..max)
        .prop_map(|parts| parts.into_iter().flat_map(|(p, s)| [p, s]).collect::<String>())
}

/// Quotation-heavy text: marks opened and closed (or not) around clauses with cues.
fn quote_heavy() -> impl Strategy<Value = String> {
    let open = pick(&["“", "\"", "‘", "'", "«", "„", ""]);
    let close = pick(&["”", "\"", "’", "'", "»", "“", ""]);
    let cue = pick(&[", he said.", " said Smith.", ", Mr. Smith told Reuters.", ".", ",", " — ", " ", "\n"]);
    prop::collection::vec((open, news_like(12), close, cue), 0..12)
        .prop_map(|parts| parts.into_iter().map(|(a, b, c, d)| format!("{a}{b}{c}{d}")).collect())
}

/// A valid or odd dateline for relative dates.
fn dateline() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![
        Just(None),
        ("[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])").prop_map(|s| s.parse().ok()),
        pick(&["0001-01-01", "9999-12-31", "2024-02-29", "1970-01-01"]).prop_map(|s| s.parse().ok()),
    ]
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn any_unicode_string_keeps_the_contract(text in any::<String>()) {
        annotate_checked(&text, None);
    }

    #[test]
    fn news_like_text_keeps_the_contract(text in news_like(80), date in dateline()) {
        annotate_checked(&text, date);
    }

    #[test]
    fn quote_heavy_text_keeps_the_contract(text in quote_heavy(), date in dateline()) {
        annotate_checked(&text, date);
    }

    #[test]
    fn digits_and_dates_keep_the_contract(
        parts in prop::collection::vec((pick(DIGITS), pick(NEWS), pick(&[" ", "", "-", ",", " to ", " and ", "/", "\n"])), 0..30),
        date in dateline(),
    ) {
        let text: String = parts.into_iter().map(|(a, b, c)| format!("{a}{c}{b} ")).collect();
        annotate_checked(&text, date);
    }

    #[test]
    fn the_same_text_always_gives_the_same_document(text in news_like(40)) {
        let a = annotate_checked(&text, None);
        let b = engine().annotate(&page::from_str(&text, Format::Text), Some("prop.txt"));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn timed_annotation_gives_the_same_document(text in news_like(40)) {
        let page = page::from_str(&text, Format::Text);
        let (timed, stages) = engine().annotate_timed(&page, None);
        prop_assert_eq!(&timed, &engine().annotate(&page, None));
        prop_assert!(stages.total() > std::time::Duration::ZERO);
    }

    #[test]
    fn every_page_format_keeps_the_contract(text in news_like(40), html in any::<bool>()) {
        // Markup around news text: extraction may change the text, never the contract.
        let wrapped = if html {
            format!("<html><head><title>{text}</title></head><body><p>{text}</p><script>x=\"{text}\"</script></body></html>")
        } else {
            format!("# {text}\n\n*{text}* [link](http://x) `code`\n\n> {text}\n")
        };
        for format in [Format::Text, Format::Markdown, Format::Html] {
            let page = page::from_str(&wrapped, format);
            let doc = engine().annotate(&page, None);
            invariants::assert_holds(&doc, &wrapped);
        }
    }
}

proptest! {
    // Long inputs cost more per case: fewer of them.
    #![proptest_config(cases(6))]

    #[test]
    fn a_100k_character_line_keeps_the_contract(
        unit in news_like(6).prop_filter("no newline", |s| !s.contains(['\n', '\r', '\u{2028}', '\u{85}'])),
        lead in pick(&["“", "\"", "«", "‘", "", "(", "$"]),
    ) {
        let unit = if unit.is_empty() { "a".to_string() } else { unit };
        let mut text = lead.to_string();
        while text.chars().count() < 100_000 {
            text.push_str(&unit);
            text.push(' ');
        }
        annotate_checked(&text, None);
    }
}

/// Hand-picked hostile inputs that must always pass (quick to read when one fails).
#[test]
fn hostile_inputs_keep_the_contract() {
    let long_quote = format!("“{}", "word ".repeat(30_000));
    let long_word = "x".repeat(100_000);
    let long_number = "9".repeat(100_000);
    let many_marks = "“”\"'‘’«»".repeat(10_000);
    let combining = format!("a{}", "\u{301}".repeat(50_000));
    let nuls = "\0 said \0 “\0” 8,000\0%".repeat(1000);
    let emoji = "👨‍👩‍👧 🇺🇦 said “👍🏽” on 3 March. ".repeat(1000);
    let rtl = "قال محمد “مرحبا” في 12 مارس. \u{202e}Smith said “hi”.\u{202c} ".repeat(1000);
    let dots = ".".repeat(100_000);
    let commas = "1,".repeat(50_000);
    let cases: [&str; 22] = [
        "",
        " ",
        "\n",
        "\r\n",
        "\r",
        "\0",
        "“",
        "”",
        "\"",
        "'",
        "’s",
        "“”",
        "\u{301}",
        &long_quote,
        &long_word,
        &long_number,
        &many_marks,
        &combining,
        &nuls,
        &emoji,
        &rtl,
        &dots,
    ];
    for text in cases.iter().copied().chain([commas.as_str()]) {
        annotate_checked(text, None);
        if text.len() < 10_000 {
            annotate_checked(text, "2024-09-12".parse().ok());
        }
    }
}

/// The checker itself must catch a broken document (a property test that cannot fail proves nothing).
#[test]
fn the_checker_catches_broken_documents() {
    let mut doc = engine().annotate(&Page { text: "He said “8,000 soldiers” came.".into(), ..Page::default() }, None);
    assert!(invariants::violations(&doc).is_empty());
    doc.text_len += 1;
    doc.annotations.push(
        serde_json::from_str(
            r#"{"layer":"number","label":"CARDINAL","start":9,"end":14,"text":"8,00","value":{"exact":8000}}"#,
        )
        .unwrap(),
    );
    doc.annotations.push(
        serde_json::from_str(
            r#"{"layer":"number","label":"CARDINAL","start":2,"end":10,"text":"said “8,","value":{"exact":1}}"#,
        )
        .unwrap(),
    );
    let v = invariants::violations(&doc);
    assert!(v.iter().any(|m| m.contains("text_len")), "{v:?}");
    assert!(v.iter().any(|m| m.contains("says \"8,00\"")), "{v:?}");
    assert!(v.iter().any(|m| m.contains("out of (start, layer) order")), "{v:?}");
    assert!(v.iter().any(|m| m.contains("overlap")), "{v:?}");
}

/// Fragments that read as names, so clusters have something to link.
const NAMES: &[&str] = &[
    "Maria Lopez",
    "Lopez",
    "M. Lopez",
    "Ms. Lopez",
    "Volodymyr Zelenskyy",
    "Zelensky",
    "Zelenskyy’s",
    "United Nations",
    "U.N.",
    "UN",
    "the UN",
    "North Atlantic Treaty Organization",
    "NATO",
    "Kim Jong Un",
    "Kim",
    "Jong",
    "de la Cruz",
    "Cruz",
    "O’Brien",
    "OBrien",
    "MAGA",
    "U.S.",
    "US",
    "Us",
    "United States",
    "Ahmed",
    "al-Assad",
    "Assad",
    "X",
    "Ä",
    "é",
    "محمد",
    "東京",
    "🇺🇦",
    "Mr.",
    "’s",
    "-",
    "The",
];

/// Entity spans cut at token boundaries of `text`, sorted and apart, from raw numbers.
fn token_entities(
    analysis: &newslens::text::Analysis,
    picks: &[(usize, usize, usize)],
) -> Vec<newslens::entities::EntityFound> {
    use newslens::doc::EntityLabel;
    let n = analysis.tokens.len();
    let mut picks: Vec<(usize, usize, usize)> = picks.iter().map(|&(s, l, k)| (s % n.max(1), l, k)).collect();
    picks.sort_unstable();
    let mut out = Vec::new();
    let mut next_free = 0;
    for (first, len, label) in picks {
        if n == 0 || first < next_free {
            continue;
        }
        let last = (first + len % 4).min(n - 1);
        out.push(newslens::entities::EntityFound {
            span: analysis.tokens[first].start..analysis.tokens[last].end,
            label: EntityLabel::ALL[label % 4],
        });
        next_free = last + 1;
    }
    out
}

proptest! {
    #![proptest_config(cases(256))]

    /// Whatever the tagger finds, clusters come back one per entity, and lining
    /// up several such documents on the board never panics.
    #[test]
    fn clusters_and_board_take_any_token_aligned_entities(
        texts in prop::collection::vec(
            prop::collection::vec((pick(NAMES), pick(SPACES), piece()), 1..30)
                .prop_map(|p| p.into_iter().map(|(a, b, c)| format!("{a}{b}{c} ")).collect::<String>()),
            1..4,
        ),
        picks in prop::collection::vec((any::<usize>(), any::<usize>(), any::<usize>()), 0..25),
    ) {
        use newslens::doc::{Annotation, Entity};
        let mut docs = Vec::new();
        for text in &texts {
            let mut doc = engine().annotate(&page::from_str(text, Format::Text), None);
            let text = doc.text.clone();
            let analysis = newslens::text::Analysis::new(&text);
            let entities = token_entities(&analysis, &picks);
            let resolution = newslens::resolve::resolve(&analysis, &entities, &[]);
            prop_assert_eq!(resolution.clusters.len(), entities.len());
            // The picked entities replace the tagger's, so the layer stays disjoint.
            doc.annotations.retain(|a| !matches!(a, Annotation::Entity(_)));
            let chars = newslens::text::CharMap::new(&text);
            for (e, cluster) in entities.iter().zip(resolution.clusters) {
                doc.annotations.push(Annotation::Entity(Entity {
                    label: e.label,
                    start: chars.char_offset(e.span.start),
                    end: chars.char_offset(e.span.end),
                    text: text[e.span.clone()].to_string(),
                    cluster,
                    source: Default::default(),
                }));
            }
            doc.annotations.sort_by_key(|a| (a.range().0, a.layer(), a.range().1));
            docs.push(doc);
        }
        invariants::exercise_board(docs);
    }
}
