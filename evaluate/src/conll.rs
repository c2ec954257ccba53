//! CoNLL-2003: reading the column files, the splits, and conlleval-style exact-match scoring.
//!
//! # Protocol: no figure is reported on data a choice was made on
//!
//! - **train part** ([`train_split`]): `train.txt` less every [`DEV_EVERY`]-th
//!   document. The tagger learns its weights here and nowhere else.
//! - **dev split** (also [`train_split`]): every [`DEV_EVERY`]-th document of
//!   `train.txt` (the 6th, 12th, ...; by document, so no document is on both
//!   sides, and spread over the file's dates). Every choice (features, epochs,
//!   seeds, hash size, pruning) is made on it; training prints it, the tests
//!   hold their bars on it, and `--bin conll` prints it.
//! - **final check** ([`final_docs`]): `dev.txt` (eng.testa), never used for a
//!   choice. Only `--bin conll -- --final` reads it, once a model is chosen, and
//!   its figure is reported next to the dev split's.
//! - **test** (eng.testb): held by the project's maintainers, not in the shared data.
//!
//! Sentences alone ([`sentences_alone`]): each sentence tagged as a document of
//! its own, as a headline pasted by itself is; reported next to whole documents.

use std::ops::Range;

use newslens::entities::{chunks, features};

use crate::score::Counts;

/// One `-DOCSTART-` document: words, gold BIO tags (tag indices) and sentences.
#[derive(Debug, Clone, Default)]
pub struct ConllDoc {
    pub words: Vec<String>,
    pub tags: Vec<u8>,
    pub sentences: Vec<Range<usize>>,
}

impl ConllDoc {
    /// The words as string slices.
    pub fn word_strs(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }
}

/// Parses `word POS chunk TAG` lines (IOB2 or IOB1 tags, blank line between
/// sentences, `-DOCSTART-` between documents). Unknown tags read as `O`.
pub fn parse(text: &str) -> Vec<ConllDoc> {
    let mut docs = Vec::new();
    let mut doc = ConllDoc::default();
    let mut start = 0;
    let close_sentence = |doc: &mut ConllDoc, start: &mut usize| {
        if doc.words.len() > *start {
            doc.sentences.push(*start..doc.words.len());
        }
        *start = doc.words.len();
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            close_sentence(&mut doc, &mut start);
            continue;
        }
        let mut cols = line.split_whitespace();
        let word = cols.next().unwrap_or_default();
        let tag = cols.next_back().unwrap_or("O");
        if word == "-DOCSTART-" {
            close_sentence(&mut doc, &mut start);
            if !doc.words.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            start = 0;
            continue;
        }
        doc.words.push(word.to_string());
        doc.tags.push(features::tag_index(tag).unwrap_or(0));
    }
    close_sentence(&mut doc, &mut start);
    if !doc.words.is_empty() {
        docs.push(doc);
    }
    // IOB1 -> IOB2: an I- that does not continue a chunk of its type begins one.
    for d in &mut docs {
        for s in &d.sentences {
            let mut prev = 0u8;
            for t in &mut d.tags[s.clone()] {
                if *t != 0 && *t % 2 == 0 && !(prev != 0 && prev.div_ceil(2) == t.div_ceil(2)) {
                    *t -= 1;
                }
                prev = *t;
            }
        }
    }
    docs
}

/// Exact-match chunk counts, overall and per type (PER, ORG, LOC, MISC),
/// as conlleval counts them: a chunk is right when its span and type are.
#[derive(Debug, Clone, Copy, Default)]
pub struct ConllScore {
    pub overall: Counts,
    pub per_type: [Counts; 4],
}

impl ConllScore {
    /// Adds one sentence (or document; chunks never cross sentences in the
    /// data) of gold and predicted tags.
    pub fn add(&mut self, gold: &[u8], predicted: &[u8]) {
        let g = chunks(gold);
        let p = chunks(predicted);
        for k in 0..4 {
            let gk: Vec<_> = g.iter().filter(|c| c.2 == k).copied().collect();
            let pk: Vec<_> = p.iter().filter(|c| c.2 == k).copied().collect();
            let c = Counts::of_sets(&pk, &gk);
            self.per_type[k] += c;
            self.overall += c;
        }
    }

    /// Scores sentence by sentence, as conlleval reads a file.
    pub fn add_doc(&mut self, doc: &ConllDoc, predicted: &[u8]) {
        for s in &doc.sentences {
            self.add(&doc.tags[s.clone()], &predicted[s.clone()]);
        }
    }
}

impl std::fmt::Display for ConllScore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "overall  F1 {:6.2}  {}", 100.0 * self.overall.f1(), self.overall)?;
        for (k, c) in self.per_type.iter().enumerate() {
            writeln!(f, "{:8} F1 {:6.2}  {}", features::TYPES[k], 100.0 * c.f1(), c)?;
        }
        Ok(())
    }
}

/// Every `DEV_EVERY`-th document of `train.txt` belongs to the dev split.
pub const DEV_EVERY: usize = 6;

/// `train.txt` cut by document into the train part and the dev split (see the
/// module's protocol), or `None` (with a note) without the data.
pub fn train_split() -> Option<(Vec<ConllDoc>, Vec<ConllDoc>)> {
    let path = crate::data_path("data/conll2003/train.txt", "CoNLL-2003 train and dev split")?;
    let text = std::fs::read_to_string(path).ok()?;
    Some(split(parse(&text)))
}

/// The train part and the dev split of a document list.
pub fn split(docs: Vec<ConllDoc>) -> (Vec<ConllDoc>, Vec<ConllDoc>) {
    let (mut train, mut dev) = (Vec::new(), Vec::new());
    for (i, d) in docs.into_iter().enumerate() {
        if (i + 1) % DEV_EVERY == 0 {
            dev.push(d);
        } else {
            train.push(d);
        }
    }
    (train, dev)
}

/// The dev split alone.
pub fn dev_split() -> Option<Vec<ConllDoc>> {
    train_split().map(|(_, dev)| dev)
}

/// `dev.txt` (eng.testa), the final check: read only once a model is chosen.
pub fn final_docs() -> Option<Vec<ConllDoc>> {
    let path = crate::data_path("data/conll2003/dev.txt", "CoNLL-2003 final check (dev.txt)")?;
    let text = std::fs::read_to_string(path).ok()?;
    Some(parse(&text))
}

/// Scores tags given document by document (`whole`), or each sentence tagged alone.
pub fn score_docs(
    docs: &[ConllDoc],
    mut tag: impl FnMut(&[&str], &[Range<usize>]) -> Vec<u8>,
    whole: bool,
) -> ConllScore {
    let mut score = ConllScore::default();
    for d in docs {
        let words = d.word_strs();
        let tags = if whole { tag(&words, &d.sentences) } else { sentences_alone(&words, &d.sentences, &mut tag) };
        score.add_doc(d, &tags);
    }
    score
}

/// Tags each sentence as a document of its own (no document context at all).
pub fn sentences_alone(
    words: &[&str],
    sentences: &[Range<usize>],
    mut tag: impl FnMut(&[&str], &[Range<usize>]) -> Vec<u8>,
) -> Vec<u8> {
    let mut out = vec![0u8; words.len()];
    for s in sentences {
        let whole = 0..s.len();
        let t = tag(&words[s.clone()], std::slice::from_ref(&whole));
        out[s.clone()].copy_from_slice(&t);
    }
    out
}

/// Entity span+label counts on each gold sample (exact span and label), as
/// the engine annotates the sample text; the last row is the total.
pub fn gold_entity_scores(engine: &newslens::Engine) -> Vec<(String, Counts)> {
    let mut rows = Vec::new();
    let mut total = Counts::default();
    for s in crate::gold_samples() {
        let page = newslens::page::from_str(&s.text, newslens::page::Format::Text);
        let doc = engine.annotate(&page, Some(&s.name));
        let ents = |d: &newslens::Document| -> Vec<(usize, usize, String)> {
            d.annotations
                .iter()
                .filter_map(|a| match a {
                    newslens::Annotation::Entity(e) => Some((e.start, e.end, e.label.to_string())),
                    _ => None,
                })
                .collect()
        };
        let c = Counts::of_sets(&ents(&doc), &ents(&s.gold));
        total += c;
        rows.push((s.name, c));
    }
    if !rows.is_empty() {
        rows.push(("all".to_string(), total));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_documents_sentences_and_iob1() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\n\n\
                    Peter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nX NN O O\n";
        let docs = parse(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences, vec![0..2, 2..4]);
        assert_eq!(docs[0].tags, vec![3, 0, 1, 2]);
        let mut s = ConllScore::default();
        s.add_doc(&docs[0], &[3, 0, 1, 0]);
        assert_eq!((s.overall.tp, s.overall.fp, s.overall.fn_), (1, 1, 1));
    }

    #[test]
    fn the_dev_split_is_every_sixth_document() {
        let docs: Vec<ConllDoc> =
            (0..13).map(|i| ConllDoc { words: vec![i.to_string()], ..ConllDoc::default() }).collect();
        let (train, dev) = split(docs);
        assert_eq!(dev.iter().map(|d| d.words[0].as_str()).collect::<Vec<_>>(), ["5", "11"]);
        assert_eq!(train.len(), 11);
    }
}
