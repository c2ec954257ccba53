//! The entity tagger's bars: CoNLL-2003 dev F1 (conlleval exact match) of at
//! least 92, a model file of at most 2 MB, and sound entities on the gold samples.

use newslens::entities::Tagger;
use newslens_evaluate::conll::{dev_docs, gold_entity_scores, ConllScore};

#[test]
fn dev_f1_is_at_least_92() {
    let Some(docs) = dev_docs() else { return };
    let tagger = Tagger::load().expect("the embedded model loads");
    let mut score = ConllScore::default();
    for d in &docs {
        score.add_doc(d, &tagger.tag_words(&d.word_strs(), &d.sentences));
    }
    print!("{score}");
    assert!(score.overall.f1() >= 0.92, "dev F1 {:.2} < 92", 100.0 * score.overall.f1());
    for (k, c) in score.per_type.iter().enumerate() {
        assert!(c.f1() >= 0.85, "type {k}: F1 {:.2}", 100.0 * c.f1());
    }
}

#[test]
fn model_and_gazetteers_fit_in_two_megabytes() {
    assert!(Tagger::model_size() <= 2_000_000, "{} bytes", Tagger::model_size());
}

#[test]
fn gold_samples_entities_score_at_least_80() {
    let engine = newslens::Engine::new().expect("embedded models load");
    for (name, c) in gold_entity_scores(&engine) {
        println!("{name}: {c}");
        assert!(c.f1() >= 0.80, "{name}: entity F1 {:.2}", 100.0 * c.f1());
    }
}
