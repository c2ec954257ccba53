use super::*;
use crate::doc::{Entity, EntityLabel, Quote, QuoteLabel, Span};
use serde_json::json;

const TEXT: &str = "“We will win,” Zelensky said in Kyiv. Zelensky met Biden in Kyiv’s centre.";

fn entity(start: usize, end: usize, label: EntityLabel, cluster: &str, source: Origin) -> Annotation {
    let text: String = TEXT.chars().skip(start).take(end - start).collect();
    Annotation::Entity(Entity { label, start, end, text, cluster: cluster.into(), source })
}

/// An engine-made document over [`TEXT`]: four entities and a quote by Zelensky.
fn engine_doc() -> Document {
    use EntityLabel::*;
    let e = Origin::Engine;
    let mut annotations = vec![
        entity(15, 23, PER, "Zelensky", e),
        entity(32, 36, LOC, "Kyiv", e),
        entity(38, 46, PER, "Zelensky", e),
        entity(51, 56, PER, "Joe Biden", e),
        entity(60, 64, LOC, "Kyiv", e),
        Annotation::Quote(Quote {
            label: QuoteLabel::DIRECT,
            start: 0,
            end: 14,
            text: "“We will win,”".into(),
            cue: Some("said".into()),
            speaker: Some(Span { start: 15, end: 23, text: "Zelensky".into() }),
            speaker_cluster: Some("Zelensky".into()),
            nominal: false,
            co_speakers: vec![],
            truncated: false,
            source: e,
        }),
    ];
    sort(&mut annotations);
    Document { source: Some("kyiv.txt".into()), ..Document::new(TEXT, annotations) }
}

fn labels(doc: &Document) -> Vec<(usize, &str, &str, Origin)> {
    doc.annotations.iter().map(|a| (a.range().0, a.label(), a.text(), a.source())).collect()
}

/// [`remove`] of the first annotation over `text`.
fn remove_first(doc: &mut Document, text: &str) -> Option<Annotation> {
    let index = doc.annotations.iter().position(|a| a.text() == text).unwrap();
    remove(doc, index)
}

fn quote_speaker(doc: &Document) -> Option<&str> {
    doc.annotations.iter().find_map(|a| match a {
        Annotation::Quote(q) => q.speaker_cluster.as_deref(),
        _ => None,
    })
}

#[test]
fn engine_output_serialises_exactly_as_before() {
    let doc = engine_doc();
    let value = serde_json::to_value(&doc).unwrap();
    assert!(value.get("rejected").is_none(), "no corrections, no `rejected` key");
    assert!(value["annotations"].as_array().unwrap().iter().all(|a| a.get("source").is_none()));
    let back: Document = serde_json::from_value(value).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn corrections_serialise_as_the_guide_writes_them() {
    let mut doc = engine_doc();
    remove_first(&mut doc, "Kyiv");
    put(&mut doc, entity(51, 56, EntityLabel::ORG, "Biden administration", Origin::Engine)).unwrap();
    let value = serde_json::to_value(&doc).unwrap();
    assert_eq!(
        value["rejected"],
        json!([
            {"layer": "entity", "label": "LOC", "start": 32, "end": 36},
            {"layer": "entity", "label": "PER", "start": 51, "end": 56},
        ])
    );
    let biden = value["annotations"].as_array().unwrap().iter().find(|a| a["text"] == "Biden").unwrap();
    assert_eq!(biden["source"], "user");
    assert_eq!(serde_json::from_value::<Document>(value).unwrap(), doc);
    // `"source": "engine"` is read as the engine's, and written as nothing.
    let line =
        r#"{"layer": "entity", "label": "LOC", "start": 0, "end": 1, "text": "x", "cluster": "x", "source": "engine"}"#;
    let a: Annotation = serde_json::from_str(line).unwrap();
    assert_eq!(a.source(), Origin::Engine);
    assert!(serde_json::to_value(&a).unwrap().get("source").is_none());
}

#[test]
fn put_replaces_overlaps_in_its_layer_only_and_remembers_the_engines() {
    let mut doc = engine_doc();
    // Widen "Zelensky" (the speaker mention) to "Zelensky said": one layer, so the quote stays.
    let wide = entity(15, 28, EntityLabel::PER, "Volodymyr Zelenskyy", Origin::Engine);
    let replaced = put(&mut doc, wide).unwrap();
    assert_eq!(replaced.len(), 1);
    assert_eq!(replaced[0].text(), "Zelensky");
    assert_eq!(doc.rejected, vec![Rejection::of(&replaced[0])]);
    assert!(doc.annotations.iter().any(|a| a.layer() == Layer::Quote), "other layers are untouched");
    assert_eq!(crate::check::check(&doc), Ok(()));
    // Deleting the reader's own annotation records nothing new; the engine's stays rejected.
    remove_first(&mut doc, "Zelensky said").unwrap();
    assert_eq!(doc.rejected.len(), 1);
    // Putting the engine's annotation back lifts its rejection.
    put(&mut doc, replaced[0].clone()).unwrap();
    assert!(doc.rejected.is_empty());
    assert_eq!(crate::check::check(&doc), Ok(()));
}

#[test]
fn put_refuses_what_is_not_on_the_text() {
    let mut doc = engine_doc();
    let before = doc.clone();
    let wrong = Annotation::Entity(Entity {
        label: EntityLabel::PER,
        start: 0,
        end: 4,
        text: "Kyiv".into(),
        cluster: "Kyiv".into(),
        source: Origin::User,
    });
    assert!(matches!(put(&mut doc, wrong), Err(Invalid::TextMismatch { .. })));
    let outside = Annotation::Entity(Entity {
        label: EntityLabel::PER,
        start: 1000,
        end: 1004,
        text: "Kyiv".into(),
        cluster: "Kyiv".into(),
        source: Origin::User,
    });
    assert!(matches!(put(&mut doc, outside), Err(Invalid::OutOfText { .. })));
    assert_eq!(doc, before);
}

#[test]
fn a_relabelled_speaker_takes_its_quotes_along() {
    let mut doc = engine_doc();
    put(&mut doc, entity(15, 23, EntityLabel::PER, "Volodymyr Zelenskyy", Origin::User)).unwrap();
    assert_eq!(quote_speaker(&doc), Some("Volodymyr Zelenskyy"));
    let quote = doc.annotations.iter().find(|a| a.layer() == Layer::Quote).unwrap();
    assert_eq!(quote.source(), Origin::User);
}

#[test]
fn merging_clusters_changes_every_mention_and_speaker() {
    let mut doc = engine_doc();
    assert_eq!(rename_cluster(&mut doc, "Zelensky", "Volodymyr Zelenskyy"), 3);
    let clusters: Vec<&str> = doc
        .annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Entity(e) if e.text == "Zelensky" => Some(e.cluster.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(clusters, ["Volodymyr Zelenskyy", "Volodymyr Zelenskyy"]);
    assert_eq!(quote_speaker(&doc), Some("Volodymyr Zelenskyy"));
    assert_eq!(rename_cluster(&mut doc, "Nobody", "Somebody"), 0);
}

#[test]
fn corrections_survive_a_new_engine_run() {
    let mut doc = engine_doc();
    remove_first(&mut doc, "Kyiv");
    put(&mut doc, entity(51, 56, EntityLabel::ORG, "Biden administration", Origin::User)).unwrap();
    rename_cluster(&mut doc, "Zelensky", "Volodymyr Zelenskyy");
    let mut fresh = engine_doc();
    let stale = Corrections::of(&doc).apply(&mut fresh);
    assert!(stale.is_empty());
    assert_eq!(fresh, doc);
    // Applying twice changes nothing more.
    Corrections::of(&doc).apply(&mut fresh);
    assert_eq!(fresh, doc);
}

#[test]
fn the_readers_annotation_wins_over_a_new_overlapping_engine_one() {
    let mut doc = engine_doc();
    put(&mut doc, entity(51, 64, EntityLabel::MISC, "Biden in Kyiv", Origin::User)).unwrap();
    // A later engine finds neither "Biden" nor "Kyiv" rejected: the reader's span still wins.
    let mut fresh = engine_doc();
    Corrections { annotations: Corrections::of(&doc).annotations, rejected: vec![] }.apply(&mut fresh);
    let from_51: Vec<_> = labels(&fresh).into_iter().filter(|l| (51..64).contains(&l.0)).collect();
    assert_eq!(from_51, [(51, "MISC", "Biden in Kyiv", Origin::User)]);
    assert_eq!(crate::check::check(&fresh), Ok(()));
}

#[test]
fn corrections_that_no_longer_fit_the_text_come_back_as_stale() {
    let mut doc = engine_doc();
    put(&mut doc, entity(51, 56, EntityLabel::ORG, "Biden", Origin::User)).unwrap();
    let mut fresh = engine_doc();
    fresh.text = fresh.text.replace("Biden", "Bidon");
    fresh.annotations.retain(|a| a.text() != "Biden");
    let stale = Corrections::of(&doc).apply(&mut fresh);
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0].text(), "Biden");
    assert_eq!(crate::check::check(&fresh), Ok(()));
}

#[test]
fn the_lexicon_labels_names_in_documents_added_later() {
    let mut doc = engine_doc();
    put(&mut doc, entity(51, 56, EntityLabel::PER, "Joe Biden", Origin::User)).unwrap(); // same as engine
    put(&mut doc, entity(15, 23, EntityLabel::PER, "Volodymyr Zelenskyy", Origin::User)).unwrap();
    remove_first(&mut doc, "Kyiv");
    let mut lexicon = UserLexicon::new();
    lexicon.learn(&doc);
    lexicon.learn(&doc);
    assert_eq!(lexicon.names().len(), 3, "{:?}", lexicon.names());
    assert_eq!(lexicon.get("Kyiv"), Some(&Verdict::NotAName));

    let mut later = engine_doc();
    let changes = lexicon.apply(&mut later);
    let zelensky: Vec<_> = later
        .annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Entity(e) if e.text == "Zelensky" => Some((e.cluster.as_str(), e.source)),
            _ => None,
        })
        .collect();
    assert_eq!(zelensky, [("Volodymyr Zelenskyy", Origin::User); 2]);
    assert_eq!(quote_speaker(&later), Some("Volodymyr Zelenskyy"));
    assert!(later.annotations.iter().all(|a| a.text() != "Kyiv"), "both Kyivs are not names now");
    // "Biden" already agreed with the engine: left as the engine's.
    assert!(labels(&later).contains(&(51, "PER", "Biden", Origin::Engine)));
    assert_eq!(changes, 4);
    assert_eq!(crate::check::check(&later), Ok(()));
    // The applied names are corrections like any other: they survive a new run.
    let mut fresh = engine_doc();
    Corrections::of(&later).apply(&mut fresh);
    assert_eq!(fresh, later);
}

#[test]
fn the_lexicon_matches_whole_words_longest_first() {
    let mut lexicon = UserLexicon::new();
    lexicon.remember("Kyiv", Verdict::Name { label: EntityLabel::ORG, cluster: "Kyiv".into() });
    lexicon.remember("Zelensky met Biden", Verdict::Name { label: EntityLabel::MISC, cluster: "Meeting".into() });
    lexicon.remember("Bide", Verdict::Name { label: EntityLabel::PER, cluster: "Bide".into() });
    lexicon.remember("  ", Verdict::NotAName);
    assert_eq!(lexicon.names().len(), 3);
    let mut doc = engine_doc();
    lexicon.apply(&mut doc);
    let entities: Vec<_> =
        labels(&doc).into_iter().filter(|l| l.3 == Origin::User).map(|(s, l, t, _)| (s, l, t)).collect();
    assert_eq!(entities, [(32, "ORG", "Kyiv"), (38, "MISC", "Zelensky met Biden"), (60, "ORG", "Kyiv")]);
    assert_eq!(crate::check::check(&doc), Ok(()));
    assert!(lexicon.forget("Bide"));
    assert!(!lexicon.forget("Bide"));
    let json = serde_json::to_value(&lexicon).unwrap();
    assert_eq!(json["names"][0], json!({"text": "Kyiv", "verdict": "name", "label": "ORG", "cluster": "Kyiv"}));
    assert_eq!(serde_json::from_value::<UserLexicon>(json).unwrap(), lexicon);
}

#[test]
fn unifying_clusters_across_documents_leaves_the_readers_alone() {
    let mut corrected = engine_doc();
    put(&mut corrected, entity(38, 46, EntityLabel::PER, "Zelensky the second", Origin::User)).unwrap();
    let mut docs = vec![corrected, engine_doc()];
    crate::board::unify_clusters(&mut docs);
    let user: Vec<_> = docs[0].annotations.iter().filter(|a| a.source().is_user()).collect();
    assert!(matches!(user[..], [Annotation::Entity(e)] if e.cluster == "Zelensky the second"), "{user:?}");
}
