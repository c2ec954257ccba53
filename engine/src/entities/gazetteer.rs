//! Gazetteers: lists of known places and person names, matched over word sequences.
//!
//! The lists ship inside the model file as lines `K name` (K a kind digit);
//! [`Gazetteer::parse`] turns them into a hash table of word sequences, with
//! prefixes marked so a match can stop as soon as no entry continues.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::features::word_hash;

/// Kinds of list: country, city, region (state, continent), first name, surname.
pub const GAZ_KINDS: usize = 5;
/// Names of the kinds, in kind order (for the list files and reports).
pub const GAZ_KIND_NAMES: [&str; GAZ_KINDS] = ["country", "city", "region", "first", "last"];
/// Longest entry, in words, that is matched.
const MAX_WORDS: usize = 6;
const PREFIX: u8 = 1 << 7;

/// For keys that are already hashes: passes them through.
#[derive(Default)]
pub struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        // Fold high bits down: the table indexes by the low ones.
        self.0 = n ^ (n >> 29) ^ (n >> 43);
    }
}

/// Word sequences (lowercase) with the kinds of list that hold them.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    table: HashMap<u64, u8, BuildHasherDefault<Identity>>,
    entries: usize,
    /// [`word_hash`]es of the forms a country's people and adjective may take.
    demonyms: std::collections::HashSet<u64, BuildHasherDefault<Identity>>,
}

/// Demonyms that no rule of [`demonym_forms`] makes from the country's name.
const IRREGULAR_DEMONYMS: &[&str] = &[
    "afghan",
    "arab",
    "british",
    "briton",
    "chinese",
    "czech",
    "danish",
    "dutch",
    "english",
    "european",
    "filipino",
    "finnish",
    "french",
    "greek",
    "irish",
    "kurdish",
    "kurd",
    "lebanese",
    "malagasy",
    "norwegian",
    "polish",
    "scottish",
    "serb",
    "slovak",
    "spanish",
    "swedish",
    "swiss",
    "thai",
    "turkish",
    "welsh",
    "african",
    "asian",
    "soviet",
    "peruvian",
    "argentine",
    "belarusian",
    "chilean",
];

/// The demonym candidates of a (lower-case) country name, singular and plural:
/// `ukraine` -> `ukrainian(s)`, `russia` -> `russian(s)`, `pakistan` -> `pakistani(s)`,
/// `japan` -> `japanese`. A wrong guess (`greecian`) is a word no text uses, so the
/// rules may overshoot.
fn demonym_forms(name: &str) -> Vec<String> {
    let stem = |n: usize| &name[..name.len() - n];
    let mut forms = match name.as_bytes().last() {
        Some(b'a') => vec![format!("{name}n")],
        Some(b'e') => vec![format!("{}ian", stem(1)), format!("{}an", stem(1))],
        Some(b'y') => vec![format!("{}ian", stem(1)), format!("{}ish", stem(1))],
        Some(b'o') => vec![format!("{}an", stem(1))],
        Some(b'i') => vec![format!("{name}an")],
        Some(_) => vec![
            format!("{name}ian"),
            format!("{name}i"),
            format!("{name}ese"),
            format!("{name}ish"),
            format!("{name}an"),
        ],
        None => Vec::new(),
    };
    let plurals: Vec<String> = forms.iter().filter_map(|f| plural(f)).collect();
    forms.extend(plurals);
    forms
}

/// The people of a demonym (`Ukrainians`), where English makes one with an `s`
/// (not `Frenches`, `Chineses`, `Swisses`).
fn plural(demonym: &str) -> Option<String> {
    let none = ["sh", "ch", "ese", "ss"].iter().any(|end| demonym.ends_with(end));
    (!none).then(|| format!("{demonym}s"))
}

#[inline]
fn step(h: u64, word: u64) -> u64 {
    (h.rotate_left(17) ^ word).wrapping_mul(0x100_0000_01b3)
}

const SEED: u64 = 0x84222325cbf29ce4;

impl Gazetteer {
    /// Reads lines `K name`; names are split on spaces and lowercased.
    /// Unknown kinds and blank lines are skipped.
    pub fn parse(text: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        for line in text.lines() {
            let Some((k, name)) = line.split_once(' ') else { continue };
            let Ok(k) = k.parse::<usize>() else { continue };
            if k >= GAZ_KINDS {
                continue;
            }
            let words: Vec<u64> = name.split_whitespace().map(word_hash).collect();
            if words.is_empty() || words.len() > MAX_WORDS {
                continue;
            }
            let mut h = SEED;
            for (i, w) in words.iter().enumerate() {
                h = step(h, *w);
                let flag = if i + 1 == words.len() { 1 << k } else { PREFIX };
                *g.table.entry(h).or_insert(0) |= flag;
            }
            g.entries += 1;
            if k == 0 {
                let name = name.to_lowercase();
                g.demonyms.extend(demonym_forms(&name).iter().map(|f| word_hash(f)));
            }
        }
        for d in IRREGULAR_DEMONYMS {
            g.demonyms.insert(word_hash(d));
            g.demonyms.extend(plural(d).map(|p| word_hash(&p)));
        }
        g
    }

    /// Whether `name` (as written) is a nationality: `Ukrainian`, `North Koreans`, `French`.
    pub fn is_demonym(&self, name: &str) -> bool {
        self.demonyms.contains(&word_hash(name))
    }

    /// Number of entries read.
    pub fn len(&self) -> usize {
        self.entries
    }

    /// Whether no entry was read.
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// For each word, bit `2k` if a list-`k` entry starts there, bit `2k+1`
    /// if one continues over it. `lows` are the folded lowercase words.
    pub fn tag_words(&self, lows: &[u64], sentences: &[Range<usize>]) -> Vec<u16> {
        let n = lows.len();
        let mut bits = vec![0u16; n];
        if self.table.is_empty() {
            return bits;
        }
        for s in sentences {
            let s = s.start.min(n)..s.end.min(n);
            for i in s.clone() {
                let mut h = SEED;
                for j in i..s.end.min(i + MAX_WORDS) {
                    h = step(h, lows[j]);
                    let Some(&f) = self.table.get(&h) else { break };
                    let kinds = f & !PREFIX;
                    for k in 0..GAZ_KINDS {
                        if kinds & (1 << k) != 0 {
                            bits[i] |= 1 << (2 * k);
                            for b in &mut bits[i + 1..=j] {
                                *b |= 1 << (2 * k + 1);
                            }
                        }
                    }
                    if f & PREFIX == 0 {
                        break;
                    }
                }
            }
        }
        bits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_longest_entries_with_begin_and_inside_bits() {
        let g = Gazetteer::parse("1 New York\n0 France\n3 John\nx bad\n");
        assert_eq!(g.len(), 3);
        let words = ["in", "New", "YORK", "and", "France", "new"].map(word_hash);
        let bits = g.tag_words(&words, std::slice::from_ref(&(0..6)));
        assert_eq!(bits, vec![0, 1 << 2, 1 << 3, 0, 1, 0]);
    }
}
