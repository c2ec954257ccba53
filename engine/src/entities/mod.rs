//! Entities: people, organisations, places and other names, from a trained tagger.
//!
//! Entry point: [`Tagger::find`]. The model is an averaged structured
//! perceptron over BIO tags, decoded with Viterbi sentence by sentence in
//! document order; each sentence also sees which types the tagger gave the
//! same words earlier in the document ([`features::History`]), so a name keeps
//! its type through a document. The model file is embedded in the binary and
//! loaded once by [`Tagger::load`]; training lives in the separate
//! `newslens-train` crate and calls the same [`features`] code.

pub mod clusters;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod spellings;

use std::ops::Range;

use crate::doc::EntityLabel;
use crate::error::Result;
use crate::text::{Analysis, TokenKind};
use features::{allowed, DocFeatures, History, NT};
use model::{Model, Scorer};
use spellings::{analyse, Known, SpellingCache, Sums};

/// The embedded model file (written by `newslens-train`).
static MODEL: &[u8] = include_bytes!("../../models/tagger.nlt");

/// A name found in the text; `span` is in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityFound {
    pub span: Range<usize>,
    pub label: EntityLabel,
}

/// The entity tagger with its model loaded.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
    /// What the model makes of spellings met in earlier documents.
    spellings: SpellingCache,
}

/// Best tag sequence for one sentence. `offs` marks each word's features in `feats`.
pub fn viterbi<S: Scorer>(scorer: &S, feats: &[u32], offs: &[u32], out: &mut Vec<u8>) {
    let emissions: Vec<[f32; NT]> = emission_rows(scorer, feats, offs).collect();
    best_path(scorer, &emissions, out);
}

/// Each word's emission scores, from its features (`offs` marks each word's in `feats`).
fn emission_rows<'a, S: Scorer>(
    scorer: &'a S,
    feats: &'a [u32],
    offs: &'a [u32],
) -> impl Iterator<Item = [f32; NT]> + 'a {
    offs.windows(2).map(move |w| {
        let mut e = [0f32; NT];
        scorer.emit(&feats[w[0] as usize..w[1] as usize], &mut e);
        e
    })
}

/// Best tag sequence for one sentence given each word's emission scores.
fn best_path<S: Scorer>(scorer: &S, emissions: &[[f32; NT]], out: &mut Vec<u8>) {
    let m = emissions.len();
    out.clear();
    if m == 0 {
        return;
    }
    let mut back = vec![0u8; m * NT];
    let mut prev = [f32::NEG_INFINITY; NT];
    let mut cur = [0f32; NT];
    for (i, e) in emissions.iter().enumerate() {
        for t in 0..NT {
            if i == 0 {
                cur[t] = if allowed(None, t as u8) { e[t] + scorer.trans(NT, t) } else { f32::NEG_INFINITY };
                continue;
            }
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for (p, &score) in prev.iter().enumerate() {
                if !allowed(Some(p as u8), t as u8) {
                    continue;
                }
                let s = score + scorer.trans(p, t);
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            cur[t] = best + e[t];
            back[i * NT + t] = arg;
        }
        prev = cur;
    }
    let mut t = (0..NT).fold(0, |b, t| if prev[t] > prev[b] { t } else { b }) as u8;
    out.resize(m, 0);
    for i in (0..m).rev() {
        out[i] = t;
        t = back[i * NT + t as usize];
    }
}

/// Tags a whole document, sentence by sentence in order, with history.
pub fn tag_document<S: Scorer>(scorer: &S, doc: &DocFeatures, sentences: &[Range<usize>]) -> Vec<u8> {
    let (mut feats, mut offs) = (Vec::new(), Vec::new());
    tag_sentences(scorer, doc, sentences, |s, history, emissions| {
        doc.sentence(s, history, &mut feats, &mut offs);
        emissions.extend(emission_rows(scorer, &feats, &offs));
    })
}

/// [`tag_document`] with the runtime model, giving the very same tags faster: the
/// features of a word's own spelling ([`DocFeatures::word_ids`]) are summed once per
/// spelling and standing, and only its context is summed at each occurrence. The part
/// no document changes comes from `sums` (by [`DocFeatures::spelling`]) when filled,
/// and is filled there when not, for later documents.
pub fn tag_document_with_model(
    model: &Model,
    doc: &DocFeatures,
    sentences: &[Range<usize>],
    sums: &mut Vec<Sums>,
) -> Vec<u8> {
    sums.resize(sums.len().max(doc.word_keys() / 4), Sums::default());
    let mut own: Vec<Option<[i32; NT]>> = vec![None; doc.word_keys()];
    let (mut feats, mut offs, mut ids) = (Vec::new(), Vec::new(), Vec::new());
    tag_sentences(model, doc, sentences, |s, history, emissions| {
        doc.sentence_context(s.clone(), history, &mut feats, &mut offs);
        for (i, w) in s.zip(offs.windows(2)) {
            let mut acc = *own[doc.word_key(i)].get_or_insert_with(|| {
                let (known, standing) = (&mut sums[doc.spelling(i)], doc.standing(i));
                if known.have & (1 << standing) == 0 {
                    ids.clear();
                    doc.spelling_ids(i, &mut ids);
                    let mut acc = [0i32; NT];
                    model.add_rows(&ids, &mut acc);
                    known.by_standing[standing] = acc;
                    known.have |= 1 << standing;
                }
                let mut acc = known.by_standing[standing];
                ids.clear();
                doc.document_ids(i, &mut ids);
                model.add_rows(&ids, &mut acc);
                acc
            });
            model.add_rows(&feats[w[0] as usize..w[1] as usize], &mut acc);
            emissions.push(model.scores(&acc));
        }
    })
}

/// Decodes sentence after sentence, each with what the tagger said earlier in the
/// document; `emit` gives a sentence's emission scores, one row per word.
fn tag_sentences<S: Scorer>(
    scorer: &S,
    doc: &DocFeatures,
    sentences: &[Range<usize>],
    mut emit: impl FnMut(Range<usize>, &History, &mut Vec<[f32; NT]>),
) -> Vec<u8> {
    let n = doc.len();
    let mut tags = vec![0u8; n];
    let (mut emissions, mut out) = (Vec::new(), Vec::new());
    let mut history = History::default();
    for s in sentences {
        let s = s.start.min(n)..s.end.min(n);
        emissions.clear();
        emit(s.clone(), &history, &mut emissions);
        best_path(scorer, &emissions, &mut out);
        doc.record(s.clone(), &out, &mut history);
        tags[s].copy_from_slice(&out);
    }
    tags
}

/// Entity chunks of a BIO tag sequence: `(first word, end word, type index)`.
pub fn chunks(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let ty = (t as usize).div_ceil(2);
        let continues = t != 0 && t % 2 == 0 && matches!(open, Some((_, k)) if k == ty);
        if continues {
            continue;
        }
        if let Some((s, k)) = open.take() {
            out.push((s, i, k - 1));
        }
        if t != 0 {
            open = Some((i, ty));
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k - 1));
    }
    out
}

const LABELS: [EntityLabel; 4] = [EntityLabel::PER, EntityLabel::ORG, EntityLabel::LOC, EntityLabel::MISC];

/// The tagger's words over the engine's tokens: `Jong`+`-`+`un` glued back
/// into one word, as CoNLL-2003 writes hyphenated words. Byte ranges.
fn words_of(analysis: &Analysis) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let toks = &analysis.tokens;
    let mut words: Vec<Range<usize>> = Vec::with_capacity(toks.len());
    let mut word_of = Vec::with_capacity(toks.len());
    let alnum = |k: TokenKind| matches!(k, TokenKind::Word | TokenKind::Number);
    let mut i = 0;
    while i < toks.len() {
        let mut r = toks[i].start..toks[i].end;
        let first = i;
        if alnum(toks[i].kind) {
            while i + 2 < toks.len()
                && !toks[i + 1].space_before
                && !toks[i + 2].space_before
                && alnum(toks[i + 2].kind)
                && matches!(&analysis.text[toks[i + 1].start..toks[i + 1].end], "-" | "\u{2010}" | "\u{2011}")
            {
                i += 2;
                r.end = toks[i].end;
            }
        }
        for _ in first..=i {
            word_of.push(words.len());
        }
        words.push(r);
        i += 1;
    }
    let mut sentences: Vec<Range<usize>> = Vec::with_capacity(analysis.sentences.len());
    for s in &analysis.sentences {
        if s.is_empty() {
            continue;
        }
        let a = word_of.get(s.start).copied().unwrap_or(words.len());
        let b = word_of.get(s.end - 1).map_or(words.len(), |w| w + 1);
        let a = sentences.last().map_or(a, |l| a.max(l.end));
        if a < b {
            sentences.push(a..b);
        }
    }
    // Cover every word even if the sentence list has gaps.
    let mut full = Vec::with_capacity(sentences.len() + 2);
    let mut at = 0;
    for s in sentences {
        if s.start > at {
            full.push(at..s.start);
        }
        at = s.end;
        full.push(s);
    }
    if at < words.len() {
        full.push(at..words.len());
    }
    (words, full)
}

/// `Western-made` names `Western`: a compound's lowercase tail is not part of the name.
fn trim_tail(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let mut cut = None;
    for (i, _) in s.match_indices('-') {
        let rest = &s[i + 1..];
        let part = rest.split('-').next().unwrap_or("");
        if part.chars().count() >= 3 && part.chars().all(char::is_lowercase) {
            cut = Some(i);
            break;
        }
    }
    match cut {
        Some(i) if i > 0 => span.start..span.start + i,
        _ => span,
    }
}

impl Tagger {
    /// Loads the embedded model.
    ///
    /// # Errors
    /// A model file of another format version, or a corrupt one.
    pub fn load() -> Result<Tagger> {
        Tagger::from_bytes(MODEL)
    }

    /// Size in bytes of the embedded model file (weights and gazetteers, compressed).
    pub fn model_size() -> usize {
        MODEL.len()
    }

    /// Loads a model file.
    ///
    /// # Errors
    /// [`crate::Error::ModelFormat`], [`crate::Error::ModelVersion`] or
    /// [`crate::Error::ModelCorrupt`], as [`Model::from_bytes`] says.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger> {
        Ok(Tagger { model: Model::from_bytes(bytes)?, spellings: SpellingCache::default() })
    }

    /// BIO tag indices (see [`features::tag_name`]) for a document given as
    /// words and sentences (word ranges that cover every word, in order).
    pub fn tag_words(&self, words: &[&str], sentences: &[Range<usize>]) -> Vec<u8> {
        // Each distinct spelling: its text, hash and what was known of it before.
        let room = features::spellings_hint(words.len());
        let mut spellings: Vec<(&str, u64, u8)> = Vec::with_capacity(room);
        let mut sums: Vec<Sums> = Vec::with_capacity(room);
        let doc = DocFeatures::with_spellings(words, sentences, &self.model.gazetteer, |w, hash| {
            let known = self.spellings.get(hash, w);
            let sum = known.map_or_else(Sums::default, |k| k.sums);
            spellings.push((w, hash, sum.have));
            sums.push(sum);
            known.map_or_else(|| analyse(w, &self.model.clusters), |k| k.word)
        });
        let tags = tag_document_with_model(&self.model, &doc, sentences, &mut sums);
        for (t, (&(w, hash, had), sum)) in spellings.iter().zip(&sums).enumerate() {
            if let Some(&word) = doc.spelling_facts(t).filter(|_| sum.have != had) {
                self.spellings.put(hash, w, Known { word, sums: *sum });
            }
        }
        tags
    }

    /// Every name in the text, sorted by start, none overlapping.
    pub fn find(&self, analysis: &Analysis) -> Vec<EntityFound> {
        let (words, sentences) = words_of(analysis);
        let text = analysis.text;
        let strs: Vec<&str> = words.iter().map(|r| &text[r.clone()]).collect();
        let tags = self.tag_words(&strs, &sentences);
        let mut out = Vec::new();
        for (a, b, ty) in chunks(&tags) {
            // A name starts and ends on a letter or digit.
            let Some(first) = (a..b).find(|&i| strs[i].chars().any(char::is_alphanumeric)) else {
                continue;
            };
            let Some(last) = (a..b).rev().find(|&i| strs[i].chars().any(char::is_alphanumeric)) else {
                continue;
            };
            let span = trim_tail(text, words[first].start..words[last].end);
            if let Some(&label) = LABELS.get(ty) {
                out.push(EntityFound { span, label });
            }
        }
        surnames_are_people(text, &mut out);
        nationalities_are_misc(text, &mut out, &self.model.gazetteer);
        self.common_words_opening_a_sentence_are_not_people(&strs, &words, &sentences, &mut out);
        out
    }

    /// A lone capitalised word opening a sentence (`Crews had worked through the night.`)
    /// that is also a common English word is no person unless the document names it
    /// elsewhere: news introduces a person by full name first (`Maria Crews`), so a
    /// one-word "person" seen only where every word is capitalised is most often a noun.
    fn common_words_opening_a_sentence_are_not_people(
        &self,
        strs: &[&str],
        words: &[Range<usize>],
        sentences: &[Range<usize>],
        found: &mut Vec<EntityFound>,
    ) {
        /// Frequency bands 0 to 6: about the 16,000 most frequent words of the clusters' text.
        const COMMON_BAND: u8 = 6;
        let openers: std::collections::HashSet<usize> =
            sentences.iter().filter_map(|s| words.get(s.start)).map(|w| w.start).collect();
        let common = |w: &str| self.model.clusters.get(features::word_hash(w)).is_some_and(|p| p.band <= COMMON_BAND);
        // The one-word people opening a sentence that are common words (index in `found`,
        // word): usually none or few.
        let suspects: Vec<(usize, &str)> = found
            .iter()
            .enumerate()
            .filter(|(_, e)| e.label == EntityLabel::PER && openers.contains(&e.span.start))
            .filter_map(|(k, e)| {
                let i = words.binary_search_by_key(&e.span.start, |w| w.start).ok()?;
                (words[i].end == e.span.end && common(strs[i])).then_some((k, strs[i]))
            })
            .collect();
        if suspects.is_empty() {
            return;
        }
        let mut written: std::collections::HashMap<&str, usize> = suspects.iter().map(|&(_, w)| (w, 0)).collect();
        for w in strs {
            if let Some(n) = written.get_mut(w) {
                *n += 1;
            }
        }
        // Named nowhere else in the document: not a person.
        let dropped: std::collections::HashSet<usize> =
            suspects.iter().filter(|(_, w)| written[w] == 1).map(|&(k, _)| k).collect();
        let mut k = 0;
        found.retain(|_| {
            k += 1;
            !dropped.contains(&(k - 1))
        });
    }
}

/// A one-word name that is the surname of a person named in full elsewhere in
/// the document is that person (`Zelenskyy` after `Volodymyr Zelenskyy`), even
/// where the tagger, misled by a headline, called it something else.
fn surnames_are_people(text: &str, found: &mut [EntityFound]) {
    let surnames: std::collections::HashSet<&str> = found
        .iter()
        .filter(|e| e.label == EntityLabel::PER)
        .filter_map(|e| {
            let name = &text[e.span.clone()];
            let (first, last) = name.rsplit_once(' ')?;
            (!first.is_empty() && last.chars().count() > 2).then_some(last)
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    for e in found.iter_mut() {
        if e.label != EntityLabel::PER && surnames.contains(&text[e.span.clone()]) {
            e.label = EntityLabel::PER;
        }
    }
}

/// A nationality on its own (`Ukrainian`, `North Koreans`) is MISC, as the guide has it,
/// even where the document's history led the tagger to ORG or LOC; one inside a longer
/// name (`Ukrainian Navy`) is left to the tagger.
fn nationalities_are_misc(text: &str, found: &mut [EntityFound], gaz: &gazetteer::Gazetteer) {
    for e in found.iter_mut() {
        if matches!(e.label, EntityLabel::ORG | EntityLabel::LOC) && gaz.is_demonym(&text[e.span.clone()]) {
            e.label = EntityLabel::MISC;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_persons_surname_is_a_person() {
        let text = "Zelenskyy urges allies. Volodymyr Zelenskyy spoke. Zelenskyy went to Paris.";
        let at = |s: &str, nth: usize| {
            let start = text.match_indices(s).nth(nth).map(|(i, _)| i).unwrap_or(0);
            start..start + s.len()
        };
        let mut found = vec![
            EntityFound { span: at("Zelenskyy", 0), label: EntityLabel::ORG },
            EntityFound { span: at("Volodymyr Zelenskyy", 0), label: EntityLabel::PER },
            EntityFound { span: at("Zelenskyy", 2), label: EntityLabel::ORG },
            EntityFound { span: at("Paris", 0), label: EntityLabel::LOC },
        ];
        surnames_are_people(text, &mut found);
        let labels: Vec<_> = found.iter().map(|e| e.label).collect();
        use EntityLabel::*;
        assert_eq!(labels, [PER, PER, PER, LOC]);
    }

    #[test]
    fn the_runtime_tagging_path_gives_the_generic_paths_tags() {
        let text = "KREMLIN DENIES REPORT\nMoscow said on Friday that Vladimir Putin met Kim Jong-un. \
            Putin's spokesman, Dmitry Peskov, told reporters in Moscow: \"Nothing of the kind.\" \
            The Pentagon said North Korean troops were in Kursk. Kim Jong-un was not available. \
            Reuters could not confirm it; the Pentagon declined to comment on Kursk.";
        let a = Analysis::new(text);
        let (words, sentences) = words_of(&a);
        let strs: Vec<&str> = words.iter().map(|r| &a.text[r.clone()]).collect();
        let tagger = Tagger::load().expect("embedded model");
        let doc = DocFeatures::new(&strs, &sentences, &tagger.model.gazetteer, &tagger.model.clusters);
        let generic = tag_document(&tagger.model, &doc, &sentences);
        assert_eq!(tag_document_with_model(&tagger.model, &doc, &sentences, &mut Vec::new()), generic);
        assert!(generic.iter().filter(|&&t| t != 0).count() >= 10, "the text has names: {generic:?}");
    }

    #[test]
    fn a_nationality_alone_is_misc_whatever_the_tagger_said() {
        let tagger = Tagger::load().expect("embedded model");
        let gaz = &tagger.model.gazetteer;
        for name in
            ["Ukrainian", "Ukrainians", "North Korean", "North Koreans", "Russian", "Pakistani", "Japanese", "French"]
        {
            assert!(gaz.is_demonym(name), "{name} is a nationality");
        }
        for name in ["Ukraine", "Kyiv", "Jordan", "Indian Ocean", "Zelenskyy"] {
            assert!(!gaz.is_demonym(name), "{name} is no nationality");
        }
        let text = "Ukrainian forces and the Ukrainian Navy met Ukraine's envoy.";
        let span = |s: &str| text.find(s).map_or(0..0, |i| i..i + s.len());
        let mut found = vec![
            EntityFound { span: span("Ukrainian"), label: EntityLabel::ORG },
            EntityFound { span: span("Ukrainian Navy"), label: EntityLabel::ORG },
            EntityFound { span: span("Ukraine"), label: EntityLabel::LOC },
        ];
        nationalities_are_misc(text, &mut found, gaz);
        let labels: Vec<_> = found.iter().map(|e| e.label).collect();
        assert_eq!(labels, [EntityLabel::MISC, EntityLabel::ORG, EntityLabel::LOC]);
    }

    #[test]
    fn chunks_follow_bio() {
        // O B-PER I-PER B-PER O B-LOC
        assert_eq!(chunks(&[0, 1, 2, 1, 0, 5]), vec![(1, 3, 0), (3, 4, 0), (5, 6, 2)]);
        // A stray I- opens a chunk (conlleval does the same).
        assert_eq!(chunks(&[4, 4, 0]), vec![(0, 2, 1)]);
    }

    #[test]
    fn hyphenated_words_are_one_tagger_word() {
        let a = Analysis::new("Kim Jong-un met a Western-made tank.");
        let (words, sentences) = words_of(&a);
        let strs: Vec<&str> = words.iter().map(|r| &a.text[r.clone()]).collect();
        assert_eq!(strs, ["Kim", "Jong-un", "met", "a", "Western-made", "tank", "."]);
        assert_eq!(sentences, vec![0..7]);
        assert_eq!(&a.text[trim_tail(a.text, words[4].clone())], "Western");
        assert_eq!(&a.text[trim_tail(a.text, words[1].clone())], "Jong-un");
    }
}
