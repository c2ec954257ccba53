//! What the tagger works out from a spelling alone, kept across documents.
//!
//! An archive of short articles repeats the same few thousand spellings in every
//! document; analysing each ([`Word`]) and summing the weights of its own features
//! once per document was most of what made many small documents dearer per token
//! than one big one. A spelling's facts and sums depend on the model only, never on
//! the document, so a cache keyed by the exact spelling gives the very same tags.
//!
//! Bounded: each shard keeps two generations and drops the older when the newer
//! fills, so spellings in use stay and a stream of new ones cannot grow it. Sharded
//! locks let the CLI's threads share one engine; on wasm there is one thread.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Mutex;

use super::features::{Word, NT};
use super::gazetteer::Identity;

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
    use super::*;

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
