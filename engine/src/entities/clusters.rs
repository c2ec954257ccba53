//! Word clusters learnt from unlabelled text: each known word's path in a binary tree
//! of its GloVe vectors (`train/glove_clusters.py`), so the tagger can tell that an
//! unseen `Drechsler` sits among surnames or `Nîmes` among towns.
//!
//! The lines `PATH word word ...` ship inside the model file; a path is up to
//! [`MAX_DEPTH`] left/right choices, and a prefix of it is a coarser cluster.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::features::word_hash;
use super::gazetteer::Identity;

/// Deepest path read; longer ones are cut.
pub const MAX_DEPTH: u32 = 16;

/// A cluster path: its choices as bits (first choice highest) and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Path {
    pub bits: u16,
    pub depth: u8,
    /// How frequent the word is in the unlabelled text: 0 for the most frequent,
    /// one more for each halving.
    pub band: u8,
}

impl Path {
    /// The first `len` choices (the whole path when it is shorter), as one number
    /// that differs for different prefixes of any length.
    pub fn prefix(self, len: u32) -> u32 {
        let d = self.depth as u32;
        let (bits, d) = if d > len { ((self.bits as u32) >> (d - len), len) } else { (self.bits as u32, d) };
        bits | (d << 16)
    }
}

/// Word (folded lowercase, see [`word_hash`]) to cluster path.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    map: HashMap<u64, Path, BuildHasherDefault<Identity>>,
}

impl Clusters {
    /// Reads lines `PATH/BAND word word ...` (`/BAND` optional); a line whose path is not
    /// binary digits is skipped, and a word listed twice keeps its first path.
    pub fn parse(text: &str) -> Clusters {
        let mut map: HashMap<u64, Path, BuildHasherDefault<Identity>> = HashMap::default();
        for line in text.lines() {
            let mut it = line.split(' ');
            let Some(head) = it.next() else { continue };
            let (p, band) = head.split_once('/').unwrap_or((head, "0"));
            let Ok(band) = band.parse::<u8>() else { continue };
            if !p.bytes().all(|b| b == b'0' || b == b'1') {
                continue;
            }
            let p = &p[..p.len().min(MAX_DEPTH as usize)];
            let bits = p.bytes().fold(0u16, |b, c| (b << 1) | (c - b'0') as u16);
            let path = Path { bits, depth: p.len() as u8, band };
            for w in it.filter(|w| !w.is_empty()) {
                map.entry(word_hash(w)).or_insert(path);
            }
        }
        Clusters { map }
    }

    /// The path of a word given by its [`word_hash`].
    #[inline]
    pub fn get(&self, low: u64) -> Option<Path> {
        self.map.get(&low).copied()
    }

    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_prefixes() {
        let c = Clusters::parse("0110/2 paris rome\n0111 berlin\nxx junk\n01 paris\n");
        assert_eq!(c.len(), 3);
        let paris = c.get(word_hash("Paris")).expect("paris has a cluster");
        let berlin = c.get(word_hash("BERLIN")).expect("berlin has a cluster");
        assert_eq!(paris, Path { bits: 0b0110, depth: 4, band: 2 });
        assert_eq!(paris.prefix(3), berlin.prefix(3));
        assert_ne!(paris.prefix(4), berlin.prefix(4));
        // A prefix longer than the path is the path; a prefix differs from the path it cuts.
        assert_eq!(paris.prefix(8), paris.prefix(4));
        assert_eq!(paris.prefix(2), Path { bits: 0b01, depth: 2, band: 0 }.prefix(2));
        assert!(c.get(word_hash("junk")).is_none());
    }
}
