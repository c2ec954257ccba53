//! What the tagger works out from a spelling alone, kept across documents.
//!
//! An archive of short articles repeats the same few thousand spellings in every
//! document; analysing each ([`Word`]) and summing the weights of its own features
//! once per document was a large part of what made many small documents dearer per token
//! than one big one. A spelling's facts and sums depend on the model only, never on
//! the document, so a cache keyed by the exact spelling gives the very same tags.
//!
//! Bounded: each shard keeps two generations and drops the older when the newer
//! fills, so spellings in use stay and a stream of new ones cannot grow it. Sharded
//! locks let the CLI's threads share one engine; on wasm there is one thread.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Mutex;

use super::clusters::{Clusters, Path};
use super::features::{ch, norm_char, NT, SEED};
use super::gazetteer::Identity;

/// A spelling's facts; strings only as hashes.
#[derive(Clone, Copy, Default)]
pub struct Word {
    pub(super) cased: u64,
    pub(super) low: u64,
    pub(super) shape: u64,
    /// Prefix and suffix hashes of 1 to 4 letters (0: word too short).
    pub(super) pre: [u64; 4],
    pub(super) suf: [u64; 4],
    /// Path in the word clusters (depth 0: not in them).
    pub(super) cluster: Path,
    pub(super) cap: bool,
    pub(super) upper: bool,
    pub(super) lower: bool,
    pub(super) alpha: bool,
}

fn word_info(w: &str) -> Word {
    let mut out = Word::default();
    let (mut cased, mut low, mut shape) = (SEED, SEED, SEED);
    let mut last_shape = '\0';
    let mut shape_len = 0;
    let mut n = 0usize;
    let mut tail = ['\0'; 4];
    let mut push_low = |l: char, low: &mut u64, n: &mut usize, out: &mut Word| {
        *low = ch(*low, l);
        if *n < 4 {
            out.pre[*n] = *low;
        }
        tail[*n % 4] = l;
        *n += 1;
    };
    for (i, c) in w.chars().enumerate() {
        let c = norm_char(c);
        let k = if c.is_uppercase() {
            out.upper = true;
            if i == 0 {
                out.cap = true;
            }
            'X'
        } else if c.is_lowercase() {
            out.lower = true;
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if c.is_alphabetic() {
            out.alpha = true;
        }
        if (k != last_shape || !matches!(k, 'X' | 'x' | 'd' | 'a')) && shape_len < 12 {
            shape = ch(shape, k);
            shape_len += 1;
        }
        last_shape = k;
        if c.is_ascii_digit() {
            cased = ch(cased, '0');
            push_low('0', &mut low, &mut n, &mut out);
        } else {
            cased = ch(cased, c);
            if c.is_ascii() {
                push_low(c.to_ascii_lowercase(), &mut low, &mut n, &mut out);
            } else {
                for l in c.to_lowercase() {
                    push_low(l, &mut low, &mut n, &mut out);
                }
            }
        }
    }
    // Affixes only of words longer than the affix.
    for k in 0..4 {
        if k + 1 >= n {
            out.pre[k] = 0;
        }
    }
    for k in 1..=4usize {
        if k < n {
            let mut h = SEED;
            for j in (n - k)..n {
                h = ch(h, tail[j % 4]);
            }
            out.suf[k - 1] = h;
        }
    }
    out.cased = cased;
    out.low = low;
    out.shape = shape;
    out
}

/// A spelling's facts, its word cluster included.
pub fn analyse(w: &str, clusters: &Clusters) -> Word {
    let mut info = word_info(w);
    info.cluster = clusters.get(info.low).unwrap_or_default();
    info
}

/// Standings a word can have (see [`super::features::DocFeatures::standing`]).
pub const STANDINGS: usize = 4;
const SHARDS: usize = 16;
/// Spellings per shard and generation: at most `2 * SHARDS * PER_GENERATION` (8,192)
/// kept, under 3 MB; enough for the words that recur in news.
const PER_GENERATION: usize = 256;
/// Longer spellings (URLs, runs of symbols) rarely recur; they are not kept.
const LONGEST: usize = 40;

/// The summed weights of a spelling's own features ([`super::features::DocFeatures::spelling_ids`])
/// per standing, filled as the standings occur.
#[derive(Clone, Copy, Default)]
pub struct Sums {
    pub by_standing: [[i32; NT]; STANDINGS],
    /// Bit `s` set: `by_standing[s]` is filled.
    pub have: u8,
}

/// A spelling's facts and sums.
#[derive(Clone, Copy)]
pub struct Known {
    pub word: Word,
    pub sums: Sums,
}

struct Entry {
    spelling: Box<str>,
    known: Known,
}

/// Entries boxed: a table's free slots then cost a pointer, not a whole entry.
type Generation = HashMap<u64, Box<Entry>, BuildHasherDefault<Identity>>;

#[derive(Default)]
struct Shard {
    newer: Generation,
    older: Generation,
}

/// The cache; one per loaded model, since the sums are the model's.
pub struct SpellingCache {
    shards: Vec<Mutex<Shard>>,
}

impl Default for SpellingCache {
    fn default() -> SpellingCache {
        SpellingCache { shards: (0..SHARDS).map(|_| Mutex::new(Shard::default())).collect() }
    }
}

/// A copy starts empty: the cache is a speed-up, not state.
impl Clone for SpellingCache {
    fn clone(&self) -> SpellingCache {
        SpellingCache::default()
    }
}

impl std::fmt::Debug for SpellingCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SpellingCache({} spellings)", self.len())
    }
}

impl SpellingCache {
    fn shard(&self, hash: u64) -> Option<std::sync::MutexGuard<'_, Shard>> {
        // A poisoned lock (a panic elsewhere) only loses the speed-up.
        self.shards.get((hash >> 59) as usize % SHARDS)?.lock().ok()
    }

    /// What is known of `spelling` (whose [`super::features::spelling_hash`] is `hash`).
    pub fn get(&self, hash: u64, spelling: &str) -> Option<Known> {
        let mut shard = self.shard(hash)?;
        if let Some(e) = shard.newer.get(&hash) {
            return (*e.spelling == *spelling).then_some(e.known);
        }
        let e = shard.older.remove(&hash)?;
        if *e.spelling != *spelling {
            return None;
        }
        let known = e.known;
        shard.keep(hash, e);
        Some(known)
    }

    /// Keeps what was worked out for `spelling`, merged with what is already known.
    pub fn put(&self, hash: u64, spelling: &str, known: Known) {
        if spelling.len() > LONGEST {
            return;
        }
        let Some(mut shard) = self.shard(hash) else { return };
        let entry = match shard.newer.get_mut(&hash) {
            Some(e) if *e.spelling == *spelling => {
                let (mine, given) = (&mut e.known.sums, known.sums);
                for s in 0..STANDINGS {
                    if given.have & (1 << s) != 0 {
                        mine.by_standing[s] = given.by_standing[s];
                    }
                }
                mine.have |= given.have;
                return;
            }
            // Another spelling with the same hash: the newer one takes the place.
            _ => Box::new(Entry { spelling: spelling.into(), known }),
        };
        shard.keep(hash, entry);
    }

    /// Number of spellings kept.
    pub fn len(&self) -> usize {
        self.shards.iter().filter_map(|s| s.lock().ok()).map(|s| s.newer.len() + s.older.len()).sum()
    }

    /// Whether no spelling is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Shard {
    fn keep(&mut self, hash: u64, entry: Box<Entry>) {
        if self.newer.len() >= PER_GENERATION {
            self.older = std::mem::take(&mut self.newer);
        }
        self.newer.insert(hash, entry);
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::word_hash;
    use super::*;

    #[test]
    fn word_facts() {
        let w = word_info("Zelenskyy’s");
        assert!(w.cap && w.upper && w.lower && w.alpha);
        assert_eq!(w.low, word_hash("zelenskyy's"));
        assert_eq!(word_info("1996").low, word_hash("0000"));
        assert_eq!(word_info("ab").pre, [word_info("a").low, 0, 0, 0]);
        assert_eq!(word_info("abc").suf[1], word_hash("bc"));
        assert_eq!(word_info("U.S.").shape, word_info("A.B.").shape);
    }

    fn known(x: i32) -> Known {
        Known { word: Word::default(), sums: Sums { by_standing: [[x; NT]; STANDINGS], have: 1 } }
    }

    #[test]
    fn keeps_what_it_is_given_and_stays_bounded() {
        let cache = SpellingCache::default();
        cache.put(7, "Kursk", known(3));
        assert_eq!(cache.get(7, "Kursk").map(|k| k.sums.by_standing[0][0]), Some(3));
        // The same hash for another spelling is not mistaken for it.
        assert!(cache.get(7, "Kyiv").is_none());
        let mut more = known(5);
        more.sums.have = 2;
        cache.put(7, "Kursk", more);
        let k = cache.get(7, "Kursk").map(|k| (k.sums.have, k.sums.by_standing[0][0], k.sums.by_standing[1][0]));
        assert_eq!(k, Some((3, 3, 5)));
        for i in 0..100_000u64 {
            cache.put(i.wrapping_mul(0x9E37_79B9_7F4A_7C15), &format!("w{i}"), known(1));
        }
        assert!(cache.len() <= 2 * SHARDS * PER_GENERATION, "{} kept", cache.len());
        let long = "x".repeat(LONGEST + 1);
        cache.put(1, &long, known(1));
        assert!(cache.get(1, &long).is_none(), "a long spelling is not kept");
    }
}
