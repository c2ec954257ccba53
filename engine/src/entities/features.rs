//! Feature extraction for the entity tagger, shared by training and runtime.
//!
//! A document is a list of words cut into sentences. Each word gets hashed
//! feature ids: the word, its shape and affixes, a window of two words either
//! side, capitalisation in context (sentence start, headlines in capitals),
//! gazetteer hits, what the rest of the document says about the same word
//! (static, computed once per document), and what the tagger already said
//! about it earlier in the document ([`History`], filled while decoding).
//! Training and the engine call exactly these functions, so they cannot drift.

use std::collections::HashMap;
use std::ops::Range;

use super::gazetteer::{Gazetteer, GAZ_KINDS};

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
    const NAMES: [&str; NT] =
        ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
    NAMES.get(tag as usize).copied().unwrap_or("O")
}

/// Whether `cur` may follow `prev` (`None`: sentence start) in BIO.
pub fn allowed(prev: Option<u8>, cur: u8) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    matches!(prev, Some(p) if p != 0 && (p + 1) / 2 == (cur + 1) / 2)
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

fn is_upper_start(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn has_lower(w: &str) -> bool {
    w.chars().any(char::is_lowercase)
}

fn has_upper(w: &str) -> bool {
    w.chars().any(char::is_uppercase)
}

/// Lowercase with digits folded to `0`, so numbers share features.
fn fold(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        if c.is_ascii_digit() {
            s.push('0');
        } else {
            s.extend(c.to_lowercase());
        }
    }
    s
}

/// Short word shape: `Xx`, `X.X.`, `d`, `x-Xx`; runs of one class collapse.
fn shape(w: &str) -> String {
    let mut s = String::with_capacity(8);
    let mut last = '\0';
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k != last || !matches!(k, 'X' | 'x' | 'd' | 'a') {
            s.push(k);
        }
        last = k;
        if s.len() > 12 {
            break;
        }
    }
    s
}

/// FNV-1a over a template id and byte parts (with separators).
#[derive(Clone, Copy)]
struct H(u64);

impl H {
    #[inline]
    fn new(template: u8) -> H {
        H((0xcbf2_9ce4_8422_2325u64 ^ template as u64).wrapping_mul(0x100_0000_01b3))
    }
    #[inline]
    fn bytes(mut self, b: &[u8]) -> H {
        for &x in b {
            self.0 = (self.0 ^ x as u64).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = (self.0 ^ 0xff).wrapping_mul(0x100_0000_01b3);
        self
    }
    #[inline]
    fn s(self, s: &str) -> H {
        self.bytes(s.as_bytes())
    }
    #[inline]
    fn n(self, n: u8) -> H {
        self.bytes(&[n])
    }
    #[inline]
    fn id(self) -> u32 {
        (self.0 ^ (self.0 >> 29) ^ (self.0 >> 47)) as u32
    }
}

const BOS: &str = "<s>";
const EOS: &str = "</s>";

/// Per-word facts computed once per document.
struct Word {
    /// Normalised surface form, digits folded.
    cased: String,
    low: String,
    shape: String,
    cap: bool,
}

/// The static features of one document: flat ids with per-word offsets.
pub struct DocFeatures {
    ids: Vec<u32>,
    offsets: Vec<u32>,
    /// Folded lowercase form of each word (history key).
    lows: Vec<String>,
    caps: Vec<bool>,
}

/// Context aggregated over the document for one lowercase form.
#[derive(Default)]
struct Aggregate {
    lower_mid: bool,
    title_mid: bool,
    prev: Vec<u32>,
    next: Vec<u32>,
}

impl DocFeatures {
    /// Computes every feature that does not depend on the tagger's own output.
    pub fn new(words: &[&str], sentences: &[Range<usize>], gaz: &Gazetteer) -> DocFeatures {
        let n = words.len();
        let info: Vec<Word> = words
            .iter()
            .map(|w| {
                let w = normalize_word(w);
                let cased: String =
                    w.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect();
                Word { low: fold(&w), shape: shape(&w), cap: is_upper_start(&w), cased }
            })
            .collect();
        let mut sent_start = vec![false; n];
        let mut headline = vec![false; n];
        let mut sent_of = vec![0usize; n];
        for (si, s) in sentences.iter().enumerate() {
            let s = s.start.min(n)..s.end.min(n);
            if s.is_empty() {
                continue;
            }
            // A line with letters and no lowercase letter at all is set in capitals.
            let letters = s.clone().any(|i| has_upper(words[i]));
            let caps = letters && !s.clone().any(|i| has_lower(words[i]));
            // The first word that is not punctuation starts the sentence.
            let first = s.clone().find(|&i| words[i].chars().any(char::is_alphanumeric));
            if let Some(f) = first {
                sent_start[f] = true;
            }
            for i in s {
                headline[i] = caps;
                sent_of[i] = si;
            }
        }

        // What other occurrences of a word say about it: written lowercase, or
        // capitalised mid-sentence, and the words around its capitalised uses.
        let mut agg: HashMap<&str, Aggregate> = HashMap::new();
        for i in 0..n {
            let w = &info[i];
            if !w.low.chars().any(char::is_alphabetic) {
                continue;
            }
            let a = agg.entry(w.low.as_str()).or_default();
            if !sent_start[i] && !headline[i] {
                if !has_upper(&w.cased) {
                    a.lower_mid = true;
                } else if w.cap {
                    a.title_mid = true;
                }
            }
            if w.cap && !headline[i] {
                let same = |j: usize| sent_of[j] == sent_of[i];
                let prev = if i > 0 && same(i - 1) { info[i - 1].low.as_str() } else { BOS };
                let next = if i + 1 < n && same(i + 1) { info[i + 1].low.as_str() } else { EOS };
                let p = H::new(40).s(prev).id();
                let q = H::new(41).s(next).id();
                if a.prev.len() < 6 && !a.prev.contains(&p) {
                    a.prev.push(p);
                }
                if a.next.len() < 6 && !a.next.contains(&q) {
                    a.next.push(q);
                }
            }
        }

        let gaz_bits = gaz.tag_words(info.iter().map(|w| w.low.as_str()), sentences, n);

        let lows: Vec<String> = info.iter().map(|w| w.low.clone()).collect();
        let caps: Vec<bool> = info.iter().map(|w| w.cap).collect();
        let mut ids = Vec::with_capacity(n * 48);
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0u32);
        let mut chars: Vec<char> = Vec::new();
        let mut piece = String::new();
        for i in 0..n {
            let w = &info[i];
            let s = sentences.get(sent_of[i]).map_or(i..i + 1, |s| s.start.min(n)..s.end.min(n));
            let at = |j: isize| -> Option<&Word> {
                let j = i as isize + j;
                if j < s.start as isize || j >= s.end as isize {
                    None
                } else {
                    info.get(j as usize)
                }
            };
            let low = |j: isize| at(j).map_or(if j < 0 { BOS } else { EOS }, |w| w.low.as_str());
            let shp = |j: isize| at(j).map_or(if j < 0 { BOS } else { EOS }, |w| w.shape.as_str());
            let hl = headline[i] as u8;
            let st = sent_start[i] as u8;
            ids.push(H::new(0).id());
            ids.push(H::new(1).s(&w.cased).n(hl).id());
            ids.push(H::new(2).s(&w.low).id());
            ids.push(H::new(3).s(&w.shape).n(st).n(hl).id());
            ids.push(H::new(4).s(&w.shape).id());
            chars.clear();
            chars.extend(w.low.chars());
            let len = chars.len();
            for k in 1..=4.min(len.saturating_sub(1)) {
                piece.clear();
                piece.extend(&chars[..k]);
                ids.push(H::new(5).n(k as u8).s(&piece).id());
                piece.clear();
                piece.extend(&chars[len - k..]);
                ids.push(H::new(6).n(k as u8).s(&piece).id());
            }
            ids.push(H::new(7).s(low(-1)).id());
            ids.push(H::new(8).s(low(1)).id());
            ids.push(H::new(9).s(low(-2)).id());
            ids.push(H::new(10).s(low(2)).id());
            ids.push(H::new(11).s(low(-1)).s(&w.low).id());
            ids.push(H::new(12).s(&w.low).s(low(1)).id());
            ids.push(H::new(13).s(shp(-1)).s(&w.shape).id());
            ids.push(H::new(14).s(&w.shape).s(shp(1)).id());
            ids.push(H::new(15).s(shp(-1)).s(&w.shape).s(shp(1)).n(hl).id());
            ids.push(H::new(16).s(low(-1)).s(&w.shape).id());
            ids.push(H::new(17).s(&w.shape).s(low(1)).id());
            ids.push(H::new(18).s(low(-2)).s(low(-1)).id());
            ids.push(H::new(19).s(low(1)).s(low(2)).id());
            if i == s.start {
                ids.push(H::new(20).s(&w.low).id());
            }
            // Gazetteers: B/I per kind for this word and its neighbours.
            for (off, tpl) in [(0isize, 21u8), (-1, 22), (1, 23)] {
                let j = i as isize + off;
                if j < s.start as isize || j >= s.end as isize {
                    continue;
                }
                let bits = gaz_bits[j as usize];
                for k in 0..GAZ_KINDS * 2 {
                    if bits & (1 << k) != 0 {
                        ids.push(H::new(tpl).n(k as u8).id());
                        if off == 0 {
                            ids.push(H::new(24).n(k as u8).s(&w.shape).n(st).id());
                        }
                    }
                }
            }
            if let Some(a) = agg.get(w.low.as_str()) {
                let f = (a.lower_mid as u8) | (a.title_mid as u8) << 1;
                ids.push(H::new(25).n(f).s(&w.shape).n(st | hl << 1).id());
                if w.cap || hl == 1 {
                    for &p in &a.prev {
                        ids.push(H::new(26).bytes(&p.to_le_bytes()).id());
                    }
                    for &q in &a.next {
                        ids.push(H::new(27).bytes(&q.to_le_bytes()).id());
                    }
                }
            }
            offsets.push(ids.len() as u32);
        }
        drop(agg);
        DocFeatures { ids, offsets, lows, caps }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Whether the document has no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The static feature ids of word `i`.
    pub fn of(&self, i: usize) -> &[u32] {
        &self.ids[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// Appends the features of the words in `range` to `out` (flat, with
    /// `offs` marking each word's end): static ones plus the history's.
    pub fn sentence(&self, range: Range<usize>, history: &History, out: &mut Vec<u32>, offs: &mut Vec<u32>) {
        out.clear();
        offs.clear();
        offs.push(0);
        for i in range {
            out.extend_from_slice(self.of(i));
            if self.caps[i] {
                history.features(&self.lows[i], out);
            }
            offs.push(out.len() as u32);
        }
    }

    /// Remembers the tags given to the words in `range` for later sentences.
    pub fn record(&self, range: Range<usize>, tags: &[u8], history: &mut History) {
        for (i, &t) in range.zip(tags) {
            if t != 0 && self.caps[i] {
                let counts = history.map.entry(self.lows[i].clone()).or_insert([0; 4]);
                let k = ((t - 1) / 2) as usize;
                counts[k] = counts[k].saturating_add(1);
            }
        }
    }
}

/// The types the tagger already gave each capitalised word earlier in the document.
#[derive(Default)]
pub struct History {
    map: HashMap<String, [u16; 4]>,
}

impl History {
    fn features(&self, low: &str, out: &mut Vec<u32>) {
        if let Some(c) = self.map.get(low) {
            let best = (0..4).max_by_key(|&k| (c[k], 4 - k)).unwrap_or(0);
            out.push(H::new(30).n(best as u8).id());
            let total: u32 = c.iter().map(|&x| x as u32).sum();
            let sure = (c[best] as u32 * 10 >= total * 8) as u8;
            out.push(H::new(31).n(best as u8).n(sure).id());
        }
    }
}
