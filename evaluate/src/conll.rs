//! CoNLL-2003: reading the column files and conlleval-style exact-match scoring.

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
}

/// The CoNLL-2003 dev documents, or `None` (with a note) without the data.
pub fn dev_docs() -> Option<Vec<ConllDoc>> {
    let path = crate::data_path("data/conll2003/dev.txt", "CoNLL-2003 dev evaluation")?;
    let text = std::fs::read_to_string(path).ok()?;
    Some(parse(&text))
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
