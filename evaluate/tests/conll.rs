//! The entity tagger's bars, on the dev split carved out of CoNLL-2003 `train.txt`
//! (see `newslens_evaluate::conll` for the protocol; the model never trains on it):
//! conlleval exact-match F1, sentences tagged alone within 3 points of whole
//! documents, a model file of at most 2 MB, and sound entities on the gold samples.

use newslens::entities::Tagger;
use newslens_evaluate::conll::{dev_split, gold_entity_scores, score_docs};

#[test]
fn dev_split_f1_holds_the_bar_whole_and_sentence_by_sentence() {
    let Some(docs) = dev_split() else { return };
    let tagger = Tagger::load().expect("the embedded model loads");
    let whole = score_docs(&docs, |w, s| tagger.tag_words(w, s), true);
    let alone = score_docs(&docs, |w, s| tagger.tag_words(w, s), false);
    print!("dev split, whole documents:\n{whole}dev split, sentences alone:\n{alone}");
    let (f_whole, f_alone) = (100.0 * whole.overall.f1(), 100.0 * alone.overall.f1());
    assert!(f_whole >= 91.0, "dev split F1 {f_whole:.2} < 91");
    assert!(f_whole - f_alone <= 3.0, "sentences alone {f_alone:.2}, more than 3 points under {f_whole:.2}");
    for (k, c) in whole.per_type.iter().enumerate() {
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
