//! Prints the entity tagger's figures: F1 on the dev split of CoNLL-2003
//! `train.txt` (conlleval exact match, overall and per type), whole documents
//! and sentences alone, entity F1 on the gold samples, model size and throughput.
//! `--final` adds `dev.txt` (eng.testa), the check made once a model is chosen
//! (see the protocol in `newslens_evaluate::conll`); `--errors` lists the dev
//! split's wrong sentences.
//!
//! `cargo run -p newslens-evaluate --release --bin conll [-- --final] [-- --errors]`

use std::time::Instant;

use newslens::entities::features::tag_name;
use newslens::entities::Tagger;
use newslens::{page, Engine};
use newslens_evaluate::conll::{dev_split, final_docs, gold_entity_scores, score_docs, ConllScore};

fn main() {
    let tagger = match Tagger::load() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    println!("model file: {} bytes (weights, transitions and gazetteers, compressed)", Tagger::model_size());
    let Some(docs) = dev_split() else { return };

    let show_errors = std::env::args().any(|a| a == "--errors");
    let show_final = std::env::args().any(|a| a == "--final");
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
    println!("CoNLL-2003 dev split of train.txt, {} documents, {words} words (conlleval exact match):", docs.len());
    print!("{score}");
    let alone = score_docs(&docs, |w, s| tagger.tag_words(w, s), false);
    println!("dev split, each sentence alone: F1 {:.2}", 100.0 * alone.overall.f1());
    if show_final {
        if let Some(fin) = final_docs() {
            let whole = score_docs(&fin, |w, s| tagger.tag_words(w, s), true);
            let alone = score_docs(&fin, |w, s| tagger.tag_words(w, s), false);
            println!("final check, dev.txt (eng.testa), {} documents, whole documents:", fin.len());
            print!("{whole}");
            println!("final check, dev.txt, each sentence alone: F1 {:.2}", 100.0 * alone.overall.f1());
        }
    }
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
