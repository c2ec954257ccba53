//! Prints the entity tagger's figures: CoNLL-2003 dev F1 (conlleval exact
//! match, overall and per type), entity F1 on the gold samples, model size
//! and throughput.
//!
//! `cargo run -p newslens-evaluate --release --bin conll`

use std::time::Instant;

use newslens::entities::Tagger;
use newslens::{page, Engine};
use newslens_evaluate::conll::{dev_docs, gold_entity_scores, ConllScore};

fn main() {
    let tagger = match Tagger::load() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    println!("model file: {} bytes (weights, transitions and gazetteers, compressed)", Tagger::model_size());
    let Some(docs) = dev_docs() else { return };

    let started = Instant::now();
    let mut score = ConllScore::default();
    let mut words = 0usize;
    for d in &docs {
        let tags = tagger.tag_words(&d.word_strs(), &d.sentences);
        score.add_doc(d, &tags);
        words += d.words.len();
    }
    let secs = started.elapsed().as_secs_f64();
    println!("CoNLL-2003 dev, {} documents, {words} words (conlleval exact match):", docs.len());
    print!("{score}");
    println!("tagger alone: {:.0} words/s", words as f64 / secs);

    // The whole engine over the dev documents as plain text.
    let engine = Engine::new().expect("embedded models load");
    let texts: Vec<String> = docs
        .iter()
        .map(|d| d.sentences.iter().map(|s| d.words[s.clone()].join(" ")).collect::<Vec<_>>().join("\n"))
        .collect();
    let tokens: usize = texts.iter().map(|t| newslens::text::Analysis::new(t).tokens.len()).sum();
    let started = Instant::now();
    for (i, t) in texts.iter().enumerate() {
        let p = page::from_str(t, page::Format::Text);
        let doc = engine.annotate(&p, Some(&format!("dev{i}.txt")));
        std::hint::black_box(doc);
    }
    let secs = started.elapsed().as_secs_f64();
    println!("engine throughput: {:.0} tokens/s ({tokens} tokens in {secs:.2}s)", tokens as f64 / secs);

    for (name, c) in gold_entity_scores(&engine) {
        println!("gold {name}: entity span+label F1 {:.2}  {c}", 100.0 * c.f1());
    }
}
