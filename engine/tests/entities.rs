//! Entity tagger cases: names found with their label, spans that are the name
//! alone, document-level consistency, model-file errors, and any-input safety.

use newslens::doc::EntityLabel;
use newslens::entities::{EntityFound, Tagger};
use newslens::text::Analysis;
use newslens::Error;

fn tagger() -> &'static Tagger {
    static TAGGER: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
    TAGGER.get_or_init(|| Tagger::load().expect("the embedded model loads"))
}

fn found(text: &str) -> Vec<(String, EntityLabel)> {
    let a = Analysis::new(text);
    tagger().find(&a).into_iter().map(|e: EntityFound| (text[e.span].to_string(), e.label)).collect()
}

/// `t!(name, text, &[(name text, label), ...])`: exactly these entities, in order.
macro_rules! t {
    ($name:ident, $text:expr, $want:expr) => {
        #[test]
        fn $name() {
            let want: Vec<(String, EntityLabel)> =
                $want.iter().map(|(s, l): &(&str, EntityLabel)| (s.to_string(), *l)).collect();
            assert_eq!(found($text), want, "{}", $text);
        }
    };
}

use EntityLabel::{LOC, MISC, ORG, PER};

t!(
    person_org_place,
    "President Volodymyr Zelenskyy told NATO leaders in Brussels on Monday.",
    &[("Volodymyr Zelenskyy", PER), ("NATO", ORG), ("Brussels", LOC)]
);
t!(
    possessive_is_not_in_the_name,
    "Ukraine’s army said Russia's troops had retreated.",
    &[("Ukraine", LOC), ("Russia", LOC)]
);
t!(
    nationality_is_misc,
    "North Korean soldiers joined Russian forces near the border.",
    &[("North Korean", MISC), ("Russian", MISC)]
);
t!(
    initialism_keeps_its_stop,
    "The U.S. Defense Department said on Tuesday that it would help.",
    &[("U.S. Defense Department", ORG)]
);
t!(
    hyphenated_name_is_one_name,
    "Kim Jong-un met Vladimir Putin in Moscow.",
    &[("Kim Jong-un", PER), ("Vladimir Putin", PER), ("Moscow", LOC)]
);
t!(compound_tail_is_cut, "The army used Western-made tanks.", &[("Western", MISC)]);
t!(no_names_no_entities, "the weather was mild and nobody said anything about it.", &[]);

#[test]
fn a_common_word_opening_a_sentence_is_no_person_unless_named_elsewhere() {
    let alone = "Maria Lopez visited the harbour. Crews had worked through the night.";
    assert!(!found(alone).iter().any(|(s, _)| s == "Crews"), "{:?}", found(alone));
    // Named in full first, the same word opening a sentence is the person.
    let named = "Gordon Brown visited the harbour. Brown had worked through the night.";
    let browns: Vec<_> = found(named).into_iter().filter(|(s, _)| s.contains("Brown")).collect();
    assert_eq!(browns, [("Gordon Brown".to_string(), PER), ("Brown".to_string(), PER)]);
}

#[test]
fn a_surname_keeps_its_type_through_the_document() {
    let text = "Angela Merkel spoke in Berlin. Later, Merkel met the press. Merkel left.";
    let got = found(text);
    let merkels: Vec<_> = got.iter().filter(|(s, _)| s.contains("Merkel")).collect();
    assert_eq!(merkels.len(), 3, "{got:?}");
    assert!(merkels.iter().all(|(_, l)| *l == PER), "{got:?}");
}

#[test]
fn model_file_errors_are_typed() {
    assert!(matches!(Tagger::from_bytes(b"not a model"), Err(Error::ModelFormat { .. })));
    let mut other = b"NLTAGGER".to_vec();
    other.extend_from_slice(&999u32.to_le_bytes());
    other.extend_from_slice(&[0; 16]);
    assert!(matches!(Tagger::from_bytes(&other), Err(Error::ModelVersion { found: 999, .. })));
    let mut cut = b"NLTAGGER".to_vec();
    cut.extend_from_slice(&newslens::entities::model::VERSION.to_le_bytes());
    cut.extend_from_slice(&1000u32.to_le_bytes());
    cut.extend_from_slice(&[0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3]);
    assert!(matches!(Tagger::from_bytes(&cut), Err(Error::ModelCorrupt { .. })));
}

#[test]
fn any_input_gives_sorted_disjoint_spans_on_char_boundaries() {
    let t = tagger();
    let inputs = [
        "",
        " ",
        "-",
        "A-",
        "-B- -C-D-",
        "ÉMILE ZOLA À PARIS 🇫🇷 👩‍👩‍👧 Jean-Luc Picard’s “Enterprise”",
        "NEW YORK 1996-08-22\nSTOCKS FELL ON WALL STREET\n\nJohn Smith of IBM said.",
        "Ж Москва Россия 東京 日本 ‘Quoted Name’ — O’Neill\u{0301}s",
    ];
    for text in inputs {
        let a = Analysis::new(text);
        let ents = t.find(&a);
        let mut last_end = 0;
        for e in &ents {
            assert!(e.span.start < e.span.end, "{text:?}: {e:?}");
            assert!(e.span.start >= last_end, "{text:?}: overlap or unsorted {ents:?}");
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            last_end = e.span.end;
        }
    }
}
