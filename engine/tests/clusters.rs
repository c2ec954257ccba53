//! Entity clusters: named cases for one document and for documents open together.

use newslens::board::unify_clusters;
use newslens::doc::{Annotation, Document, Entity, EntityLabel};
use newslens::entities::EntityFound;
use newslens::resolve::clusters::Clusters;
use newslens::text::Analysis;

/// Marks entities in `[[text|LABEL]]` style and returns the plain text and mentions.
fn marked(source: &str) -> (String, Vec<EntityFound>) {
    let mut text = String::new();
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("]]").expect("closed mark");
        let (name, label) = after[..close].split_once('|').expect("label");
        let label = match label {
            "PER" => EntityLabel::PER,
            "ORG" => EntityLabel::ORG,
            "LOC" => EntityLabel::LOC,
            _ => EntityLabel::MISC,
        };
        found.push(EntityFound { span: text.len()..text.len() + name.len(), label });
        text.push_str(name);
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    (text, found)
}

/// The clusters of a marked text, as (mention, cluster) pairs.
fn clusters_of(source: &str) -> Vec<(String, String)> {
    let (text, found) = marked(source);
    let analysis = Analysis::new(&text);
    let names = Clusters::build(&analysis, &found).names;
    found.iter().zip(names).map(|(e, c)| (text[e.span.clone()].to_string(), c)).collect()
}

/// A document of a marked text with its own clusters, as the pipeline makes it.
fn document(source: &str) -> Document {
    let (text, found) = marked(source);
    let analysis = Analysis::new(&text);
    let names = Clusters::build(&analysis, &found).names;
    let annotations = found
        .iter()
        .zip(names)
        .map(|(e, cluster)| {
            Annotation::Entity(Entity {
                label: e.label,
                start: text[..e.span.start].chars().count(),
                end: text[..e.span.end].chars().count(),
                text: text[e.span.clone()].to_string(),
                cluster,
                source: Default::default(),
            })
        })
        .collect();
    Document::new(text, annotations)
}

fn doc_clusters(doc: &Document) -> Vec<(String, String)> {
    doc.annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Entity(e) => Some((e.text.clone(), e.cluster.clone())),
            _ => None,
        })
        .collect()
}

/// `t!(name, marked text, &[(mention, cluster)...])`: every listed mention gets that cluster.
macro_rules! t {
    ($name:ident, $text:expr, $expect:expr) => {
        #[test]
        fn $name() {
            let got = clusters_of($text);
            for (mention, cluster) in $expect.iter() {
                let hits: Vec<_> = got.iter().filter(|(m, _)| m == mention).collect();
                assert!(!hits.is_empty(), "no mention {mention:?} in {got:?}");
                for (_, c) in hits {
                    assert_eq!(c, cluster, "{mention:?} in {got:?}");
                }
            }
        }
    };
}

t!(
    surname_joins_full_name,
    "[[Volodymyr Zelenskyy|PER]] spoke. Later [[Zelenskyy|PER]] left.",
    &[("Zelenskyy", "Volodymyr Zelenskyy")]
);
t!(
    possessive_and_title_do_not_split,
    "[[President Volodymyr Zelenskyy|PER]] spoke. [[Zelenskyy's|PER]] aides left.",
    &[("Zelenskyy's", "Volodymyr Zelenskyy"), ("President Volodymyr Zelenskyy", "Volodymyr Zelenskyy")]
);
t!(
    spelling_variants_join,
    "[[Volodymyr Zelenskyy|PER]] met [[Kim Jong Un|PER]]. [[Zelensky|PER]] and [[Kim Jong-un|PER]] talked.",
    &[("Zelensky", "Volodymyr Zelenskyy"), ("Kim Jong-un", "Kim Jong Un")]
);
t!(
    misspelt_first_name_joins,
    "[[Vladimir Putin|PER]] said. [[Vladamir Putin|PER]] and [[Putin|PER]] again. [[Vladimir Putin|PER]].",
    &[("Vladamir Putin", "Vladimir Putin"), ("Putin", "Vladimir Putin")]
);
t!(
    an_initial_joins_the_first_name_it_stands_for,
    "[[Boris Yeltsin|PER]] rested. [[B. Yeltsin|PER]] signed. [[Naina Yeltsin|PER]] spoke.",
    &[("B. Yeltsin", "Boris Yeltsin"), ("Naina Yeltsin", "Naina Yeltsin")]
);
t!(
    an_initial_two_people_share_stays_apart,
    "[[Bill Clinton|PER]] and [[Barbara Clinton|PER]] met [[B. Clinton|PER]].",
    &[("B. Clinton", "B. Clinton")]
);
t!(an_organisation_keeps_its_own_s, "[[Moody's|ORG]] cut the rating; [[Moody's|ORG]] said.", &[("Moody's", "Moody's")]);
t!(
    different_first_names_stay_apart,
    "[[Joe Biden|PER]] and [[Hunter Biden|PER]] met.",
    &[("Joe Biden", "Joe Biden"), ("Hunter Biden", "Hunter Biden")]
);
t!(
    gendered_first_names_stay_apart,
    "[[Maria Rossi|PER]] and [[Mario Rossi|PER]] met.",
    &[("Maria Rossi", "Maria Rossi"), ("Mario Rossi", "Mario Rossi")]
);
t!(
    shared_surname_goes_to_the_most_recent,
    "[[Joe Biden|PER]] spoke. [[Biden|PER]] left. [[Hunter Biden|PER]] arrived, and [[Biden|PER]] sat.",
    &[("Joe Biden", "Joe Biden")]
);
t!(
    acronym_in_brackets_joins,
    "The [[North Atlantic Treaty Organization|ORG]] ([[NATO|ORG]]) met. [[NATO|ORG]] agreed.",
    &[("NATO", "North Atlantic Treaty Organization")]
);
t!(
    acronym_joins_by_initials,
    "The [[European Council on Foreign Relations|ORG]] wrote. The [[ECFR|ORG]] said.",
    &[("ECFR", "European Council on Foreign Relations")]
);
t!(
    acronym_named_by_the_text_joins,
    "The [[Main Directorate of Intelligence|ORG]] reported it. The agency, known by its acronym [[GUR|ORG]], said so.",
    &[("GUR", "Main Directorate of Intelligence")]
);
t!(
    country_aliases_join,
    "The [[U.S.|LOC]] and the [[United States|LOC]] and [[US|LOC]] and [[America|LOC]].",
    &[("U.S.", "United States"), ("US", "United States"), ("America", "United States")]
);
t!(
    official_names_join_short_names,
    "[[Russia|LOC]] is the [[Russian Federation|LOC]]. [[Russia's|LOC]] army.",
    &[("Russian Federation", "Russia"), ("Russia's", "Russia")]
);
t!(
    plural_demonyms_join_the_singular,
    "[[North Korean|MISC]] troops. Some [[North Koreans|MISC]] left. [[Europeans|MISC]] watched.",
    &[("North Koreans", "North Korean"), ("Europeans", "European")]
);
t!(
    a_group_is_named_in_the_singular,
    "[[Israelis|MISC]] and [[Israelis|MISC]] met an [[Israeli|MISC]] envoy.",
    &[("Israelis", "Israeli")]
);
t!(
    a_surname_that_is_also_a_title_still_joins,
    "[[Billie Jean King|PER]] won. [[King|PER]] smiled.",
    &[("King", "Billie Jean King")]
);
t!(
    a_headline_in_capitals_does_not_name_the_group,
    "[[ASHES|MISC]] TOUR. The [[Ashes|MISC]] began; the [[Ashes|MISC]] ended.",
    &[("ASHES", "Ashes")]
);
t!(
    rare_misspelt_place_joins,
    "[[Kursk|LOC]] and [[Kursk|LOC]] and [[Kursk|LOC]] and [[Kurst|LOC]].",
    &[("Kurst", "Kursk")]
);
t!(short_places_never_join_by_spelling, "[[Iran|LOC]] [[Iran|LOC]] [[Iran|LOC]] [[Iraq|LOC]].", &[("Iraq", "Iraq")]);
t!(
    masthead_article_is_the_longer_form,
    "[[The Washington Post|ORG]] reported; the [[Washington Post|ORG]] said.",
    &[("Washington Post", "The Washington Post")]
);
t!(
    lower_case_words_of_a_name_are_capitalised,
    "troops in the [[Russian far east|LOC]].",
    &[("Russian far east", "Russian Far East")]
);
t!(
    person_and_place_of_one_name_stay_apart,
    "[[Lloyd Austin|PER]] flew to [[Austin|LOC]]. [[Austin|PER]] said.",
    &[("Lloyd Austin", "Lloyd Austin")]
);

t!(
    a_dateline_in_capitals_takes_the_usual_spelling,
    "[[KHARKIV|LOC]], Ukraine. The war in [[Kharkiv|LOC]].",
    &[("KHARKIV", "Kharkiv")]
);

#[test]
fn lookup_finds_the_cluster_of_a_name_that_is_no_entity() {
    let (text, found) = marked("[[John Kirby|PER]] spoke. [[Kirby|PER]] left. The [[U.S.|LOC]] agreed.");
    let clusters = Clusters::build(&Analysis::new(&text), &found);
    assert_eq!(clusters.lookup("Kirby’s", EntityLabel::PER), Some("John Kirby"));
    assert_eq!(clusters.lookup("Mr. Kirby", EntityLabel::PER), Some("John Kirby"));
    assert_eq!(clusters.lookup("United States", EntityLabel::LOC), Some("United States"));
    assert_eq!(clusters.lookup("Turner", EntityLabel::PER), None);
}

#[test]
fn shared_surname_picks_per_mention() {
    let got = clusters_of(
        "[[Joe Biden|PER]] spoke. [[Biden|PER]] left. [[Hunter Biden|PER]] arrived, and [[Biden|PER]] sat.",
    );
    let bare: Vec<&str> = got.iter().filter(|(m, _)| m == "Biden").map(|(_, c)| c.as_str()).collect();
    assert_eq!(bare, ["Joe Biden", "Hunter Biden"]);
}

#[test]
fn place_named_like_a_person_keeps_its_own_cluster() {
    let got = clusters_of("[[Lloyd Austin|PER]] flew to [[Austin|LOC]].");
    assert_eq!(got[1].1, "Austin");
}

#[test]
fn documents_open_together_share_clusters() {
    let mut docs = vec![
        document("[[Volodymyr Zelenskyy|PER]] urged allies. [[Kim Jong-un|PER]] sent troops."),
        document("[[Zelensky|PER]] said. [[Volodymyr Zelensky|PER]] spoke to [[Kim Jong Un|PER]]. [[Vladamir Putin|PER]] too."),
        document("[[Putin|PER]] and [[Vladimir Putin|PER]] and [[Vladimir Putin|PER]]. [[Zelensky|PER]] answered."),
    ];
    unify_clusters(&mut docs);
    let all: Vec<(String, String)> = docs.iter().flat_map(doc_clusters).collect();
    for (mention, cluster) in &all {
        let want = if mention.contains("Zel") {
            "Volodymyr Zelenskyy"
        } else if mention.contains("Kim") {
            "Kim Jong-un"
        } else {
            "Vladimir Putin"
        };
        assert_eq!(cluster, want, "{mention}: {all:?}");
    }
}

#[test]
fn unifying_again_changes_nothing() {
    // The page unifies whenever a document opens or closes, over clusters it already unified.
    let mut docs = vec![
        document("[[Volodymyr Zelenskyy|PER]] urged [[NATO|ORG]]. [[Joe Biden|PER]] and [[Hunter Biden|PER]]."),
        document("[[Zelensky|PER]] said. [[Biden|PER]] left. The [[US|LOC]] and [[North Koreans|MISC]]."),
        document("[[Volodymyr Zelensky|PER]] met the [[North Atlantic Treaty Organization|ORG]] ([[NATO|ORG]])."),
    ];
    unify_clusters(&mut docs);
    let once: Vec<_> = docs.iter().map(doc_clusters).collect();
    unify_clusters(&mut docs);
    let twice: Vec<_> = docs.iter().map(doc_clusters).collect();
    assert_eq!(once, twice);
    docs.remove(2);
    unify_clusters(&mut docs);
    assert_eq!(doc_clusters(&docs[1])[0].1, "Volodymyr Zelenskyy");
}

#[test]
fn a_bare_surname_in_one_document_finds_the_person_in_another() {
    let mut docs = vec![document("[[Biden|PER]] said."), document("[[Joe Biden|PER]] spoke.")];
    unify_clusters(&mut docs);
    assert_eq!(doc_clusters(&docs[0])[0].1, "Joe Biden");
}

#[test]
fn a_first_name_alone_joins_within_a_document_only() {
    let got = clusters_of("[[Michelle Obama|PER]] spoke. Later [[Michelle|PER]] left.");
    assert_eq!(got[1].1, "Michelle Obama");
    let mut docs = vec![document("[[Michelle|PER]] said."), document("[[Michelle Obama|PER]] spoke.")];
    unify_clusters(&mut docs);
    assert_eq!(doc_clusters(&docs[0])[0].1, "Michelle");
}

#[test]
fn a_nickname_does_not_capture_a_first_name_across_documents() {
    let mut docs = vec![
        document("[[Hillary|PER]] said."),
        document("[[Crooked Hillary|PER]] is a slogan."),
        document("[[Hillary Clinton|PER]] spoke. [[Hillary Clinton|PER]] left."),
    ];
    unify_clusters(&mut docs);
    assert_eq!(doc_clusters(&docs[0])[0].1, "Hillary");
}

#[test]
fn evidence_of_one_text_does_not_cross_documents() {
    // One text spells out NBC as a convention; the broadcaster elsewhere stays itself.
    let mut docs = vec![
        document("The [[National Baptist Convention|ORG]] ([[NBC|ORG]]) met."),
        document("[[NBC|ORG]] aired the debate. [[NBC|ORG]] said."),
        document("[[Obama|PER]] and [[Obama|PER]] and [[Obama|PER]]."),
        document("[[Osama|LOC]] hid."),
    ];
    unify_clusters(&mut docs);
    assert_eq!(doc_clusters(&docs[1])[0].1, "NBC");
    assert_eq!(doc_clusters(&docs[3])[0].1, "Osama");
}

#[test]
fn near_first_names_are_two_people() {
    let got = clusters_of("[[Ivana Trump|PER]] and [[Ivanka Trump|PER]] and [[Donald Trump|PER]].");
    assert_eq!(got[0].1, "Ivana Trump");
    assert_eq!(got[1].1, "Ivanka Trump");
}

#[test]
fn two_people_of_one_surname_stay_apart_across_documents() {
    let mut docs = vec![document("[[Joe Biden|PER]] spoke."), document("[[Hunter Biden|PER]] spoke.")];
    unify_clusters(&mut docs);
    assert_eq!(doc_clusters(&docs[0])[0].1, "Joe Biden");
    assert_eq!(doc_clusters(&docs[1])[0].1, "Hunter Biden");
}

#[test]
fn nothing_panics_on_odd_spans() {
    let text = "’s — ... U.S. ’ Ωμέγα";
    let analysis = Analysis::new(text);
    let found: Vec<EntityFound> = vec![
        EntityFound { span: 0..4, label: EntityLabel::PER },
        EntityFound { span: 5..8, label: EntityLabel::ORG },
        EntityFound { span: 13..17, label: EntityLabel::LOC },
        EntityFound { span: 18..21, label: EntityLabel::MISC },
        EntityFound { span: 22..32, label: EntityLabel::PER },
        EntityFound { span: 5..5, label: EntityLabel::PER },
    ];
    let names = Clusters::build(&analysis, &found).names;
    assert_eq!(names.len(), found.len());
}

#[test]
fn board_lines_up_entities_and_figures_across_documents() {
    use newslens::board;
    use newslens::doc::{Number, NumberLabel, Value};
    let mut docs = vec![
        document("[[Volodymyr Zelenskyy|PER]] urged [[NATO|ORG]]."),
        document("[[Zelensky|PER]] said. [[Zelensky|PER]] left."),
    ];
    unify_clusters(&mut docs);
    let entities = board::build(&docs).entities;
    assert_eq!(entities[0].cluster, "Volodymyr Zelenskyy");
    assert_eq!(entities[0].counts, [(0, 1), (1, 2)]);

    let figure = |n: f64, of: &str| {
        Annotation::Number(Number {
            label: NumberLabel::CARDINAL,
            start: 0,
            end: 1,
            text: "x".into(),
            value: Value::exact(n),
            of: Some(of.into()),
            source: Default::default(),
        })
    };
    docs[0].annotations.push(figure(8000.0, "North Korean soldiers"));
    docs[1].annotations.push(figure(12000.0, "North Korean troops"));
    docs[1].annotations.push(figure(3.0, "shells"));
    let groups = board::build(&docs).figures;
    assert_eq!(groups[0].documents(), 2);
    assert_eq!(groups[0].members.len(), 2);
    assert_eq!(groups[1].key, "shell");
}
