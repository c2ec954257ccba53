//! Prints the entity tagger's figures: CoNLL-2003 dev F1 (conlleval exact
//! match, overall and per type), entity F1 on the gold samples, model size
//! and throughput.
//!
//! `cargo run -p newslens-evaluate --release --bin conll`

use std::time::Instant;

use newslens::entities::features::tag_name;
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

    let show_errors = std::env::args().any(|a| a == "--errors");
    let started = Instant::now();
    let mut score = ConllScore::default();
    let mut words = 0usize;
    let mut all_tags = Vec::with_capacity(docs.len());
    for d in &docs {
        let tags = tagger.tag_words(&d.word_strs(), &d.sentences);
        score.add_doc(d, &tags);
        words += d.words.len();
        all_tags.push(tags);
    }
    let secs = started.elapsed().as_secs_f64();
    println!("CoNLL-2003 dev, {} documents, {words} words (conlleval exact match):", docs.len());
    print!("{score}");
    // Tagger speed, best of three passes over dev.
    let mut secs = secs;
    for _ in 0..2 {
        let started = Instant::now();
        for d in &docs {
            std::hint::black_box(tagger.tag_words(&d.word_strs(), &d.sentences));
        }
        secs = secs.min(started.elapsed().as_secs_f64());
    }
    println!("tagger alone: {:.0} words/s", words as f64 / secs);
    if show_errors {
        // Each wrong sentence: word/gold/predicted for the words that differ.
        for (d, tags) in docs.iter().zip(&all_tags) {
            for s in &d.sentences {
                if d.tags[s.clone()] != tags[s.clone()] {
                    let line: Vec<String> = s
                        .clone()
                        .map(|i| {
                            if d.tags[i] == tags[i] {
                                d.words[i].clone()
                            } else {
                                format!("[{} {}>{}]", d.words[i], tag_name(d.tags[i]), tag_name(tags[i]))
                            }
                        })
                        .collect();
                    println!("  {}", line.join(" "));
                }
            }
        }
    }

    // The whole engine over the dev documents as plain text.
    let engine = Engine::new().expect("embedded models load");
    let texts: Vec<String> = docs
        .iter()
        .map(|d| d.sentences.iter().map(|s| d.words[s.clone()].join(" ")).collect::<Vec<_>>().join("\n"))
        .collect();
    let tokens: usize = texts.iter().map(|t| newslens::text::Analysis::new(t).tokens.len()).sum();
    // Best of three runs: the machine is shared, the best run is the engine's speed.
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let started = Instant::now();
        for (i, t) in texts.iter().enumerate() {
            let p = page::from_str(t, page::Format::Text);
            std::hint::black_box(engine.annotate(&p, Some(&format!("dev{i}.txt"))));
        }
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!("engine throughput: {:.0} tokens/s ({tokens} tokens in {best:.3}s, best of 3)", tokens as f64 / best);

    for (name, c) in gold_entity_scores(&engine) {
        println!("gold {name}: entity span+label F1 {:.2}  {c}", 100.0 * c.f1());
    }
}
