//! Feature extraction for the entity tagger, shared by training and runtime.
//!
//! A document is a list of words cut into sentences. Each word gets hashed
//! feature ids: the word, its shape and affixes, a window of two words either
//! side, capitalisation in context (sentence start, headlines in capitals),
//! gazetteer hits, word clusters learnt from unlabelled text ([`super::clusters`]),
//! what the rest of the document says about the same word
//! (static, computed once per document), and what the tagger already said
//! about it earlier in the document ([`History`], filled while decoding).
//! Training and the engine call exactly these functions, so they cannot drift.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use super::clusters::Clusters;
use super::gazetteer::{Gazetteer, GAZ_KINDS};
use super::spellings::{analyse, Word};

/// Number of BIO tags: `O`, then `B-`/`I-` for PER, ORG, LOC, MISC.
pub const NT: usize = 9;
/// Entity types in tag order (tag `1 + 2k` is `B-`, `2 + 2k` is `I-`).
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Tag index of a CoNLL tag name (`O`, `B-PER`, `I-LOC`, ...); IOB1 `I-` is taken as is.
pub fn tag_index(name: &str) -> Option<u8> {
    if name == "O" {
        return Some(0);
    }
    let (bi, ty) = name.split_once('-')?;
    let k = TYPES.iter().position(|t| *t == ty)? as u8;
    match bi {
        "B" => Some(1 + 2 * k),
        "I" => Some(2 + 2 * k),
        _ => None,
    }
}

/// CoNLL name of a tag index.
pub fn tag_name(tag: u8) -> &'static str {
    const NAMES: [&str; NT] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
    NAMES.get(tag as usize).copied().unwrap_or("O")
}

/// Whether `cur` may follow `prev` (`None`: sentence start) in BIO.
pub fn allowed(prev: Option<u8>, cur: u8) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    matches!(prev, Some(p) if p != 0 && p.div_ceil(2) == cur.div_ceil(2))
}

/// Quotes and dashes as CoNLL writes them, so curly typography reads like the training text.
pub fn normalize_word(w: &str) -> std::borrow::Cow<'_, str> {
    if w.is_ascii() {
        return std::borrow::Cow::Borrowed(w);
    }
    std::borrow::Cow::Owned(
        w.chars()
            .map(|c| match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
                '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => '"',
                '\u{2013}' | '\u{2014}' | '\u{2010}' | '\u{2011}' => '-',
                c => c,
            })
            .collect(),
    )
}

/// Normalises one character the way [`normalize_word`] does.
#[inline]
pub(super) fn norm_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2013}' | '\u{2014}' | '\u{2010}' | '\u{2011}' => '-',
        c => c,
    }
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Combines a hash with a value (order matters).
#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(23) ^ x).wrapping_mul(K)
}

/// The feature id of a combined hash: murmur's finaliser, so the low bits
/// (the table index) depend on every input bit.
#[inline]
fn fin(mut h: u64) -> u32 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h as u32
}

#[inline]
fn tpl(t: u64) -> u64 {
    mix(0x51_7cc1_b727_220a, t)
}

#[inline]
pub(super) fn ch(h: u64, c: char) -> u64 {
    (h ^ c as u64).wrapping_mul(0x100_0000_01b3)
}

pub(super) const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// The hash of a word's folded lowercase form (lowercase, digits as `0`,
/// typography as CoNLL's): the key of gazetteers and history.
pub fn word_hash(w: &str) -> u64 {
    let mut h = SEED;
    for c in w.chars() {
        let c = norm_char(c);
        if c.is_ascii_digit() {
            h = ch(h, '0');
        } else if c.is_ascii() {
            h = ch(h, c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                h = ch(h, l);
            }
        }
    }
    h
}

/// The cluster prefix lengths a word's features read: coarse to the whole path.
const CLUSTER_PREFIXES: [u32; 4] = [4, 8, 12, 16];

const BOS: u64 = 0x0b05;
const EOS: u64 = 0x0e05;

/// The static features of one document, computed as each sentence is tagged.
///
/// Storing every word's ids up front would cost about 180 bytes a word (900 MB for a
/// 20 MB paste); instead each distinct spelling is analysed once ([`Word`]) and a word
/// keeps 20 bytes: its spelling's index, its lowercase hash and where it stands.
pub struct DocFeatures {
    /// Index into `types` of each word's spelling.
    type_of: Vec<u32>,
    types: Vec<Word>,
    /// Folded lowercase hash of each word (history key).
    lows: Vec<u64>,
    /// Per word: [`CAP`], [`HEADLINE`], [`SENT_START`].
    flags: Vec<u8>,
    /// Gazetteer B/I bits per word.
    gaz_bits: Vec<u16>,
    /// The sentence each word's window stays inside.
    sentences: Vec<Range<usize>>,
    sent_of: Vec<u32>,
    agg: IdMap<Aggregate>,
}

const CAP: u8 = 1;
const HEADLINE: u8 = 2;
const SENT_START: u8 = 4;

/// Context aggregated over the document for one lowercase form.
#[derive(Default)]
struct Aggregate {
    lower_mid: bool,
    title_mid: bool,
    prev: Neighbours,
    next: Neighbours,
}

/// Up to six distinct neighbouring words, in order; inline, since a document has an
/// aggregate for every distinct word and an allocation each would cost more than it.
#[derive(Default)]
struct Neighbours {
    words: [u64; 6],
    len: u8,
}

impl Neighbours {
    fn add(&mut self, w: u64) {
        let len = self.len as usize;
        if len < self.words.len() && !self.words[..len].contains(&w) {
            self.words[len] = w;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[u64] {
        &self.words[..self.len as usize]
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<super::gazetteer::Identity>>;

/// About how many distinct spellings `words` words have (up to half, in a short news
/// text), capped so that a long paste does not reserve what it may not need.
pub fn spellings_hint(words: usize) -> usize {
    (words / 2).min(4096)
}

/// A hash of a word's exact bytes, to find its spelling again.
pub fn spelling_hash(w: &str) -> u64 {
    w.bytes().fold(SEED, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3))
}

impl DocFeatures {
    /// Computes everything that does not depend on the tagger's own output.
    /// `sentences` are word ranges, in order, covering every word.
    pub fn new(words: &[&str], sentences: &[Range<usize>], gaz: &Gazetteer, clusters: &Clusters) -> DocFeatures {
        DocFeatures::with_spellings(words, sentences, gaz, |w, _| analyse(w, clusters))
    }

    /// [`DocFeatures::new`] that asks `spelling(word, spelling_hash)` for the facts of
    /// each distinct spelling, in order of first appearance (a cache may answer).
    pub fn with_spellings<'w>(
        words: &[&'w str],
        sentences: &[Range<usize>],
        gaz: &Gazetteer,
        mut spelling: impl FnMut(&'w str, u64) -> Word,
    ) -> DocFeatures {
        let n = words.len();
        // Each distinct spelling is analysed once; a hash collision only costs a second entry.
        // Room for the distinct spellings of a short document up front: growing the
        // tables step by step was a good part of what a document cost.
        let room = spellings_hint(n);
        let mut seen: IdMap<u32> = IdMap::with_capacity_and_hasher(room, Default::default());
        let mut spellings: Vec<&str> = Vec::with_capacity(room);
        let mut types: Vec<Word> = Vec::with_capacity(room);
        let type_of: Vec<u32> = words
            .iter()
            .map(|w| {
                let h = spelling_hash(w);
                match seen.get(&h) {
                    Some(&t) if spellings[t as usize] == *w => t,
                    found => {
                        let t = types.len() as u32;
                        types.push(spelling(w, h));
                        spellings.push(w);
                        if found.is_none() {
                            seen.insert(h, t);
                        }
                        t
                    }
                }
            })
            .collect();
        let info = |i: usize| &types[type_of[i] as usize];

        let mut flags = vec![0u8; n];
        let mut sent_of = vec![u32::MAX; n];
        let mut clipped = Vec::with_capacity(sentences.len());
        for s in sentences {
            let s = s.start.min(n)..s.end.min(n);
            let si = clipped.len() as u32;
            clipped.push(s.clone());
            if s.is_empty() {
                continue;
            }
            // A line with letters and no lowercase letter at all is set in capitals.
            let caps = s.clone().any(|i| info(i).upper) && !s.clone().any(|i| info(i).lower);
            // The first word that is not punctuation starts the sentence.
            if let Some(f) = s.clone().find(|&i| info(i).alpha || words[i].chars().any(char::is_numeric)) {
                flags[f] |= SENT_START;
            }
            for i in s {
                if caps {
                    flags[i] |= HEADLINE;
                }
                sent_of[i] = si;
            }
        }
        for (f, &t) in flags.iter_mut().zip(&type_of) {
            if types[t as usize].cap {
                *f |= CAP;
            }
        }

        // What other occurrences of a word say about it: written lowercase, or
        // capitalised mid-sentence, and the words around its capitalised uses.
        let mut agg: IdMap<Aggregate> = IdMap::with_capacity_and_hasher(room, Default::default());
        for i in 0..n {
            let w = info(i);
            if !w.alpha {
                continue;
            }
            let (start, headline) = (flags[i] & SENT_START != 0, flags[i] & HEADLINE != 0);
            let a = agg.entry(w.low).or_default();
            if !start && !headline {
                if !w.upper {
                    a.lower_mid = true;
                } else if w.cap {
                    a.title_mid = true;
                }
            }
            if w.cap && !headline {
                let same = |j: usize| sent_of[j] == sent_of[i];
                let prev = if i > 0 && same(i - 1) { info(i - 1).low } else { BOS };
                let next = if i + 1 < n && same(i + 1) { info(i + 1).low } else { EOS };
                a.prev.add(prev);
                a.next.add(next);
            }
        }

        let lows: Vec<u64> = (0..n).map(|i| info(i).low).collect();
        let gaz_bits = gaz.tag_words(&lows, sentences);
        DocFeatures { type_of, types, lows, flags, gaz_bits, sentences: clipped, sent_of, agg }
    }

    /// Which spelling word `i` has, and where it stands (sentence start, headline): the
    /// [`DocFeatures::word_ids`] of two words with the same key are the same.
    pub fn word_key(&self, i: usize) -> usize {
        self.spelling(i) * 4 + self.standing(i)
    }

    /// One more than the largest [`DocFeatures::word_key`].
    pub fn word_keys(&self) -> usize {
        self.types.len() * 4
    }

    /// The index of word `i`'s spelling, in order of first appearance.
    pub fn spelling(&self, i: usize) -> usize {
        self.type_of[i] as usize
    }

    /// The facts of spelling `t` (see [`DocFeatures::spelling`]).
    pub fn spelling_facts(&self, t: usize) -> Option<&Word> {
        self.types.get(t)
    }

    /// Where word `i` stands, 0 to 3: at a sentence start, in a headline set in capitals.
    pub fn standing(&self, i: usize) -> usize {
        (self.flags[i] & (HEADLINE | SENT_START)) as usize / HEADLINE as usize
    }

    /// Appends the ids of the features that depend on word `i`'s spelling and standing
    /// alone: the word, its shape and affixes, and what the document says of it elsewhere.
    pub fn word_ids(&self, i: usize, ids: &mut Vec<u32>) {
        self.spelling_ids(i, ids);
        self.document_ids(i, ids);
    }

    /// The part of [`DocFeatures::word_ids`] that no document changes: the same for
    /// every word of the same spelling and [`DocFeatures::standing`] in any document.
    pub fn spelling_ids(&self, i: usize, ids: &mut Vec<u32>) {
        let w = &self.types[self.type_of[i] as usize];
        let hl = (self.flags[i] & HEADLINE != 0) as u64;
        let st = (self.flags[i] & SENT_START != 0) as u64;
        let mut f = |h: u64| ids.push(fin(h));
        f(tpl(0));
        f(mix(mix(tpl(1), w.cased), hl));
        f(mix(tpl(2), w.low));
        f(mix(mix(tpl(3), w.shape), st | hl << 1));
        f(mix(tpl(4), w.shape));
        for k in 0..4 {
            if w.pre[k] != 0 {
                f(mix(tpl(5), w.pre[k]));
            }
            if w.suf[k] != 0 {
                f(mix(tpl(6), w.suf[k]));
            }
        }
        // Word clusters: the path at several depths, the whole path with the case the
        // word is written in, and how frequent the word is with its shape; a word
        // without a cluster is rare, which says something with its shape.
        if w.cluster.depth > 0 {
            for len in CLUSTER_PREFIXES {
                f(mix(mix(tpl(40), len as u64), w.cluster.prefix(len) as u64));
            }
            f(mix(mix(tpl(42), w.cluster.prefix(16) as u64), w.cap as u64 | hl << 1 | st << 2));
            f(mix(mix(mix(tpl(45), w.cluster.band as u64), w.shape), st | hl << 1));
        } else {
            f(mix(mix(tpl(41), w.shape), st | hl << 1));
        }
    }

    /// The part of [`DocFeatures::word_ids`] that the rest of the document gives.
    pub fn document_ids(&self, i: usize, ids: &mut Vec<u32>) {
        let w = &self.types[self.type_of[i] as usize];
        let hl = (self.flags[i] & HEADLINE != 0) as u64;
        let st = (self.flags[i] & SENT_START != 0) as u64;
        let mut f = |h: u64| ids.push(fin(h));
        if let Some(a) = self.agg.get(&w.low) {
            let flags = (a.lower_mid as u64) | (a.title_mid as u64) << 1;
            f(mix(mix(mix(tpl(25), flags), w.shape), st | hl << 1));
            if w.cap || hl == 1 {
                for &p in a.prev.as_slice() {
                    f(mix(tpl(26), p));
                }
                for &q in a.next.as_slice() {
                    f(mix(tpl(27), q));
                }
            }
        }
    }

    /// Appends the ids of the features that depend on word `i`'s neighbours: the words
    /// and shapes around it, and gazetteer matches over it and them.
    fn context_ids(&self, i: usize, ids: &mut Vec<u32>) {
        let n = self.len();
        let info = |j: usize| &self.types[self.type_of[j] as usize];
        let w = info(i);
        let s = self.sentences.get(self.sent_of[i] as usize).cloned().unwrap_or(i..i + 1);
        let at = |j: isize| -> Option<&Word> {
            let j = i as isize + j;
            if j < s.start as isize || j >= s.end as isize || j as usize >= n {
                None
            } else {
                Some(info(j as usize))
            }
        };
        let low = |j: isize| at(j).map_or(if j < 0 { BOS } else { EOS }, |w| w.low);
        let shp = |j: isize| at(j).map_or(if j < 0 { BOS } else { EOS }, |w| w.shape);
        let hl = (self.flags[i] & HEADLINE != 0) as u64;
        let st = (self.flags[i] & SENT_START != 0) as u64;
        let mut f = |h: u64| ids.push(fin(h));
        let cl = |j: isize, len: u32| at(j).map_or(u32::MAX - (j < 0) as u32, |w| w.cluster.prefix(len)) as u64;
        for j in [-1isize, 1] {
            f(mix(mix(mix(tpl(43), j as u64), 8), cl(j, 8)));
            f(mix(mix(mix(tpl(43), j as u64), 16), cl(j, 16)));
        }
        f(mix(tpl(7), low(-1)));
        f(mix(tpl(8), low(1)));
        f(mix(tpl(9), low(-2)));
        f(mix(tpl(10), low(2)));
        f(mix(mix(tpl(11), low(-1)), w.low));
        f(mix(mix(tpl(12), w.low), low(1)));
        f(mix(mix(tpl(13), shp(-1)), w.shape));
        f(mix(mix(tpl(14), w.shape), shp(1)));
        f(mix(mix(mix(mix(tpl(15), shp(-1)), w.shape), shp(1)), hl));
        f(mix(mix(tpl(16), low(-1)), w.shape));
        f(mix(mix(tpl(17), w.shape), low(1)));
        f(mix(mix(tpl(18), low(-2)), low(-1)));
        f(mix(mix(tpl(19), low(1)), low(2)));
        if i == s.start {
            f(mix(tpl(20), w.low));
        }
        // Gazetteers: B/I per kind for this word and its neighbours.
        for (off, t) in [(0isize, 21u64), (-1, 22), (1, 23)] {
            let j = i as isize + off;
            if j < s.start as isize || j >= s.end as isize {
                continue;
            }
            let bits = self.gaz_bits.get(j as usize).copied().unwrap_or(0);
            for k in 0..GAZ_KINDS as u64 * 2 {
                if bits & (1 << k) != 0 {
                    f(mix(tpl(t), k));
                    if off == 0 {
                        f(mix(mix(mix(tpl(24), k), w.shape), st));
                    }
                }
            }
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.type_of.len()
    }

    /// Whether the document has no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Collects the features of the words in `range` into `out` (flat, with
    /// `offs` marking each word's end): static ones plus the history's.
    pub fn sentence(&self, range: Range<usize>, history: &History, out: &mut Vec<u32>, offs: &mut Vec<u32>) {
        self.collect(range, history, true, out, offs);
    }

    /// [`DocFeatures::sentence`] without the [`DocFeatures::word_ids`], for a scorer that
    /// keeps their sum per [`DocFeatures::word_key`].
    pub fn sentence_context(&self, range: Range<usize>, history: &History, out: &mut Vec<u32>, offs: &mut Vec<u32>) {
        self.collect(range, history, false, out, offs);
    }

    fn collect(&self, range: Range<usize>, history: &History, own: bool, out: &mut Vec<u32>, offs: &mut Vec<u32>) {
        out.clear();
        offs.clear();
        offs.push(0);
        for i in range {
            if own {
                self.word_ids(i, out);
            }
            self.context_ids(i, out);
            if self.flags[i] & CAP != 0 {
                history.features(self.lows[i], out);
            }
            offs.push(out.len() as u32);
        }
    }

    /// Remembers the tags given to the words in `range` for later sentences. A headline
    /// set in capitals is read worst, so what was said there is not carried forward.
    pub fn record(&self, range: Range<usize>, tags: &[u8], history: &mut History) {
        for (i, &t) in range.zip(tags) {
            if t != 0 && self.flags[i] & CAP != 0 && self.flags[i] & HEADLINE == 0 {
                let counts = history.map.entry(self.lows[i]).or_insert([0; 4]);
                let k = ((t - 1) / 2) as usize;
                counts[k] = counts[k].saturating_add(1);
            }
        }
    }
}

/// The types the tagger already gave each capitalised word earlier in the document.
#[derive(Default)]
pub struct History {
    map: IdMap<[u16; 4]>,
}

impl History {
    fn features(&self, low: u64, out: &mut Vec<u32>) {
        if let Some(c) = self.map.get(&low) {
            let best = (0..4).max_by_key(|&k| (c[k], 4 - k)).unwrap_or(0) as u64;
            out.push(fin(mix(tpl(30), best)));
            let total: u32 = c.iter().map(|&x| x as u32).sum();
            let sure = (c[best as usize] as u32 * 10 >= total * 8) as u64;
            out.push(fin(mix(mix(tpl(31), best), sure)));
        }
    }
}
