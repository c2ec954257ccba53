//! The reader's edits, on small documents whose every annotation is known.

use super::*;

fn entity(text: &str, label: EntityLabel, start: usize, end: usize, cluster: &str) -> Annotation {
    let t: String = text.chars().skip(start).take(end - start).collect();
    Annotation::Entity(Entity { label, start, end, text: t, cluster: cluster.into(), source: Origin::Engine })
}

fn quote(text: &str, start: usize, end: usize) -> Annotation {
    let t: String = text.chars().skip(start).take(end - start).collect();
    Annotation::Quote(Quote {
        label: QuoteLabel::DIRECT,
        start,
        end,
        text: t,
        cue: Some("said".into()),
        speaker: None,
        speaker_cluster: None,
        nominal: false,
        co_speakers: vec![],
        truncated: false,
        source: Origin::Engine,
    })
}

fn doc(text: &str, annotations: Vec<Annotation>) -> Document {
    Document::new(text, annotations)
}

//            0         1         2         3         4         5
//            012345678901234567890123456789012345678901234567890123456
const TEXT: &str = "Vladimir Putin met Kim in Moscow. “We agree,” Putin said.";

fn sample() -> Document {
    doc(
        TEXT,
        vec![
            entity(TEXT, EntityLabel::PER, 9, 14, "Vladimir Putin"),
            entity(TEXT, EntityLabel::PER, 19, 22, "Kim"),
            entity(TEXT, EntityLabel::ORG, 26, 32, "Moscow"),
            quote(TEXT, 34, 45),
            entity(TEXT, EntityLabel::PER, 46, 51, "Vladimir Putin"),
        ],
    )
}

fn texts(d: &Document) -> Vec<(String, &'static str)> {
    d.annotations.iter().map(|a| (a.text().to_string(), a.label())).collect()
}

#[test]
fn relabelling_makes_the_readers_annotation_and_undo_restores_the_engines() {
    let mut docs = vec![sample()];
    let original = docs[0].clone();
    let (patches, focus) =
        apply(&mut docs, 0, &Edit::Relabel { index: 2, label: "LOC".into(), scope: Scope::One }).unwrap();
    let moscow = &docs[0].annotations[focus.unwrap()];
    assert_eq!((moscow.text(), moscow.label(), moscow.source()), ("Moscow", "LOC", Origin::User));
    assert_eq!(patches.len(), 1);
    // Undo, through JSON as the patch travels, gives the engine's document back exactly.
    let inverse: Patch = serde_json::from_str(&serde_json::to_string(&patches[0].1.inverse()).unwrap()).unwrap();
    inverse.apply(&mut docs[0]);
    assert_eq!(docs[0], original);
    patches[0].1.apply(&mut docs[0]);
    assert_eq!(docs[0].annotations[2].label(), "LOC");
}

#[test]
fn a_selection_becomes_a_label_and_deleting_an_engine_annotation_rejects_it() {
    let mut docs = vec![sample()];
    // "Vladimir" with a space selected too: the span is the word.
    let (_, focus) =
        apply(&mut docs, 0, &Edit::Label { start: 0, end: 9, label: "PER".into(), scope: Scope::One }).unwrap();
    let a = &docs[0].annotations[focus.unwrap()];
    assert_eq!((a.text(), a.range()), ("Vladimir", (0, 8)));
    let kim = docs[0].annotations.iter().position(|a| a.text() == "Kim").unwrap();
    apply(&mut docs, 0, &Edit::Delete { index: kim, scope: Scope::One }).unwrap();
    assert!(!docs[0].annotations.iter().any(|a| a.text() == "Kim"));
    assert_eq!(docs[0].rejected.len(), 1);
    let err = apply(&mut docs, 0, &Edit::Label { start: 8, end: 9, label: "PER".into(), scope: Scope::One });
    assert!(err.is_err(), "white space alone is no label");
}

#[test]
fn widening_and_narrowing_move_by_whole_words() {
    let mut docs = vec![sample()];
    // "Putin" widens left to "Vladimir Putin", then narrows back at the end... to "Vladimir".
    let (_, focus) = apply(&mut docs, 0, &Edit::Resize { index: 0, start_words: -1, end_words: 0 }).unwrap();
    let i = focus.unwrap();
    assert_eq!(docs[0].annotations[i].text(), "Vladimir Putin");
    let (_, focus) = apply(&mut docs, 0, &Edit::Resize { index: i, start_words: 0, end_words: -1 }).unwrap();
    assert_eq!(docs[0].annotations[focus.unwrap()].text(), "Vladimir");
    let narrowest = apply(&mut docs, 0, &Edit::Resize { index: focus.unwrap(), start_words: 0, end_words: -1 });
    assert!(narrowest.is_err());
    assert_eq!(move_by_words("some 8,000 troops, he said", 4, 1), 10, "8,000 is one word");
    assert_eq!(move_by_words("Putin, he", 0, 1), 5, "the comma is no part of the word");
}

#[test]
fn a_quote_gets_the_speaker_picked_and_clusters_merge_and_split() {
    let mut docs = vec![sample()];
    let (_, focus) = apply(&mut docs, 0, &Edit::Speaker { index: 3, speaker: 4 }).unwrap();
    match &docs[0].annotations[focus.unwrap()] {
        Annotation::Quote(q) => {
            assert_eq!(q.speaker.as_ref().map(|s| s.text.as_str()), Some("Putin"));
            assert_eq!(q.speaker_cluster.as_deref(), Some("Vladimir Putin"));
            assert_eq!(q.source, Origin::User);
        }
        other => panic!("{other:?}"),
    }
    let (patches, _) =
        apply(&mut docs, 0, &Edit::Merge { from: "Kim".into(), to: "Vladimir Putin".into(), scope: Scope::Document })
            .unwrap();
    assert_eq!(patches.len(), 1);
    let putins = |d: &Document| {
        d.annotations.iter().filter(|a| matches!(a, Annotation::Entity(e) if e.cluster == "Vladimir Putin")).count()
    };
    assert_eq!(putins(&docs[0]), 3);
    let (_, focus) = apply(&mut docs, 0, &Edit::Split { index: 1 }).unwrap();
    match &docs[0].annotations[focus.unwrap()] {
        Annotation::Entity(e) => assert_eq!((e.text.as_str(), e.cluster.as_str()), ("Kim", "Kim")),
        other => panic!("{other:?}"),
    }
    assert_eq!(putins(&docs[0]), 2);
}

#[test]
fn apply_to_all_spreads_a_name_to_the_document_or_every_document() {
    let other_text = "Moscow replied. Moscow waited.";
    let other = doc(other_text, vec![entity(other_text, EntityLabel::ORG, 0, 6, "Moscow")]);
    let mut docs = vec![sample(), other];
    let (patches, _) =
        apply(&mut docs, 0, &Edit::Relabel { index: 2, label: "LOC".into(), scope: Scope::Document }).unwrap();
    assert_eq!(patches.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0]);
    assert_eq!(texts(&docs[1])[0].1, "ORG", "the other document is untouched");
    let (patches, _) =
        apply(&mut docs, 0, &Edit::Relabel { index: 2, label: "LOC".into(), scope: Scope::All }).unwrap();
    assert_eq!(patches.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [1]);
    assert_eq!(texts(&docs[1]), [("Moscow".to_string(), "LOC"), ("Moscow".to_string(), "LOC")]);
}
