//! The tagger's model file: header, quantised weights, transitions and gazetteers.
//!
//! Layout (little endian): magic `NLTAGGER`, format version `u32`, payload
//! length `u32`, then the payload as one zstd frame (decoded by pure-Rust
//! `ruzstd`). Payload: hash bits `u8`, weight scale `f32`, transition scores
//! `(NT + 1) x NT` `f32` (last row: sentence start), the number of non-zero
//! weight rows `u32`, their bucket numbers ascending as LEB128 gaps, their
//! `i8` weights row by row (`NT` a row: a row's weights are alike, so zstd
//! finds 5% fewer bytes than in tag-by-tag planes), the gazetteer lines
//! sorted and front-coded (byte length `u32`, then per line: how many bytes
//! it shares with the line before as one byte, the rest, `\n`; 15% fewer
//! bytes once compressed), then the word clusters: their heads `PATH/BAND`
//! (count `u32`, front-coded as the gazetteer, byte length `u32` first), the
//! words sorted (count `u32`, front-coded, byte length `u32` first) and each
//! word's head number, `width` `u8` bytes each, stored byte plane by byte plane,
//! high first (a fifth fewer bytes than the lines `PATH/BAND word word ...`
//! once compressed). [`encode_payload`] writes it.
//!
//! In memory the rows sit in an open-addressing table of 16-byte slots, a
//! fraction of the dense table's size: lookups are cache misses, and fewer
//! bytes mean fewer of them.

use std::ops::Range;

use super::clusters::Clusters;
use super::features::{word_hash, NT};
use super::gazetteer::Gazetteer;
use crate::error::{Error, Result};

/// First bytes of every tagger model file.
pub const MAGIC: &[u8; 8] = b"NLTAGGER";
/// The model format this engine reads.
pub const VERSION: u32 = 5;
const WHAT: &str = "entity tagger model";
/// Refuse payloads claiming more than this (a corrupt length, not a model).
const MAX_PAYLOAD: usize = 256 << 20;

/// Anything that scores words and tag transitions: the runtime model, or the
/// trainer's float weights.
pub trait Scorer {
    /// Adds the emission scores of one word's features to `out`.
    fn emit(&self, feats: &[u32], out: &mut [f32; NT]);
    /// Score of tag `cur` after `prev` (`NT`: sentence start).
    fn trans(&self, prev: usize, cur: usize) -> f32;
}

/// One weight row with its bucket number, a quarter of a cache line.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(16))]
struct Slot {
    key: u32,
    w: [i8; NT],
}

const EMPTY: u32 = u32::MAX;

/// A loaded model: the non-zero `i8` weight rows by hashed-feature bucket.
#[derive(Debug, Clone)]
pub struct Model {
    mask: u32,
    slot_mask: usize,
    scale: f32,
    slots: Vec<Slot>,
    /// One bit per bucket: has a row. Small enough to stay in cache, so most
    /// features (unseen in training) cost no probe of the slot table.
    present: Vec<u64>,
    trans: Vec<f32>,
    pub(crate) gazetteer: Gazetteer,
    pub(crate) clusters: Clusters,
}

impl Model {
    #[inline]
    fn row(&self, bucket: u32) -> Option<&[i8; NT]> {
        let bit = self.present.get(bucket as usize >> 6)? >> (bucket & 63);
        if bit & 1 == 0 {
            return None;
        }
        let mut at = bucket as usize & self.slot_mask;
        loop {
            let s = self.slots.get(at)?;
            if s.key == bucket {
                return Some(&s.w);
            }
            if s.key == EMPTY {
                return None;
            }
            at = (at + 1) & self.slot_mask;
        }
    }

    /// Adds the quantised weight rows of `feats` to `acc`. Integer sums do not depend on
    /// the order of the features, so a part of them can be summed once and kept.
    #[inline]
    pub fn add_rows(&self, feats: &[u32], acc: &mut [i32; NT]) {
        for &f in feats {
            if let Some(row) = self.row(f & self.mask) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w as i32;
                }
            }
        }
    }

    /// The emission scores of summed rows.
    #[inline]
    pub fn scores(&self, acc: &[i32; NT]) -> [f32; NT] {
        acc.map(|a| a as f32 * self.scale)
    }
}

impl Scorer for Model {
    #[inline]
    fn emit(&self, feats: &[u32], out: &mut [f32; NT]) {
        let mut acc = [0i32; NT];
        self.add_rows(feats, &mut acc);
        for (o, s) in out.iter_mut().zip(self.scores(&acc)) {
            *o += s;
        }
    }

    #[inline]
    fn trans(&self, prev: usize, cur: usize) -> f32 {
        self.trans.get(prev * NT + cur).copied().unwrap_or(0.0)
    }
}

fn corrupt(reason: impl Into<String>) -> Error {
    Error::ModelCorrupt { what: WHAT, reason: reason.into() }
}

/// Reads bytes off the front of a slice, failing as a corrupt model.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if self.0.len() < n {
            return Err(corrupt("payload ends early"));
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn leb128(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(corrupt("bad LEB128 number"))
    }
    fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_bits(self.u32()?))
    }
}

impl Model {
    /// Reads a model file.
    ///
    /// # Errors
    /// [`Error::ModelFormat`] without the magic header, [`Error::ModelVersion`]
    /// for another format version, [`Error::ModelCorrupt`] when the payload
    /// does not decode or does not have the announced shape.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model> {
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(Error::ModelFormat { what: WHAT });
        }
        let mut head = Reader(&bytes[8..16]);
        let version = head.u32()?;
        if version != VERSION {
            return Err(Error::ModelVersion { what: WHAT, found: version, expected: VERSION });
        }
        let len = head.u32()? as usize;
        if len > MAX_PAYLOAD {
            return Err(corrupt("payload length out of range"));
        }
        let mut payload = Vec::with_capacity(len);
        ruzstd::decoding::FrameDecoder::new()
            .decode_all_to_vec(&bytes[16..], &mut payload)
            .map_err(|e| corrupt(format!("zstd: {e}")))?;
        if payload.len() != len {
            return Err(corrupt("payload has the wrong length"));
        }
        Model::from_payload(&payload)
    }

    fn from_payload(payload: &[u8]) -> Result<Model> {
        let mut r = Reader(payload);
        let bits = r.take(1)?[0];
        if !(8..=24).contains(&bits) {
            return Err(corrupt("hash size out of range"));
        }
        let scale = r.f32()?;
        if !scale.is_finite() {
            return Err(corrupt("weight scale is not finite"));
        }
        let mut trans = Vec::with_capacity((NT + 1) * NT);
        for _ in 0..(NT + 1) * NT {
            let t = r.f32()?;
            trans.push(if t.is_finite() { t } else { 0.0 });
        }
        let rows = r.u32()? as usize;
        if rows > 1usize << bits {
            return Err(corrupt("more weight rows than buckets"));
        }
        let mut keys = Vec::with_capacity(rows);
        let mut key = 0u64;
        for i in 0..rows {
            let gap = r.leb128()?;
            key = if i == 0 { gap } else { key + gap + 1 };
            if key >= 1u64 << bits {
                return Err(corrupt("bucket number out of range"));
            }
            keys.push(key as u32);
        }
        let weights = r.take(rows * NT)?;
        // At most 5/8 full, so probes stay short.
        let slot_count = (rows * 8 / 5 + 1).next_power_of_two();
        let slot_mask = slot_count - 1;
        let mut slots = vec![Slot { key: EMPTY, w: [0; NT] }; slot_count];
        let mut present = vec![0u64; (1usize << bits).div_ceil(64)];
        for (&k, row) in keys.iter().zip(weights.chunks_exact(NT)) {
            present[k as usize >> 6] |= 1 << (k & 63);
            let mut at = k as usize & slot_mask;
            while slots[at].key != EMPTY {
                at = (at + 1) & slot_mask;
            }
            slots[at] = Slot { key: k, w: std::array::from_fn(|t| row[t] as i8) };
        }
        let gaz_len = r.u32()? as usize;
        let gaz = front_decode(r.take(gaz_len)?)?;
        let gaz = std::str::from_utf8(&gaz).map_err(|_| corrupt("gazetteer is not UTF-8"))?;
        let clusters = clusters_decode(&mut r)?;
        let clusters = std::str::from_utf8(&clusters).map_err(|_| corrupt("word clusters are not UTF-8"))?;
        Ok(Model {
            mask: ((1u64 << bits) - 1) as u32,
            slot_mask,
            scale,
            slots,
            present,
            trans,
            gazetteer: Gazetteer::parse(gaz),
            clusters: Clusters::parse(clusters),
        })
    }
}

/// The payload of a model file, before compression: what training writes.
/// `weights` is row-major `2^bits x NT`; `trans` is `(NT + 1) x NT`.
pub fn encode_payload(bits: u8, scale: f32, trans: &[f32], weights: &[i8], gazetteer: &str, clusters: &str) -> Vec<u8> {
    let rows = 1usize << bits;
    let mut out = Vec::with_capacity(rows * NT + gazetteer.len() + 512);
    out.push(bits);
    out.extend_from_slice(&scale.to_le_bytes());
    for &t in trans {
        out.extend_from_slice(&t.to_le_bytes());
    }
    let keep: Vec<usize> = (0..rows).filter(|&r| weights[r * NT..r * NT + NT].iter().any(|&w| w != 0)).collect();
    out.extend_from_slice(&(keep.len() as u32).to_le_bytes());
    for (i, &k) in keep.iter().enumerate() {
        let mut gap = if i == 0 { k } else { k - keep[i - 1] - 1 } as u64;
        loop {
            let b = (gap & 0x7f) as u8;
            gap >>= 7;
            if gap == 0 {
                out.push(b);
                break;
            }
            out.push(b | 0x80);
        }
    }
    for &r in &keep {
        out.extend(weights[r * NT..r * NT + NT].iter().map(|&w| w as u8));
    }
    let gazetteer = front_encode(gazetteer);
    out.extend_from_slice(&(gazetteer.len() as u32).to_le_bytes());
    out.extend_from_slice(&gazetteer);
    clusters_encode(clusters, &mut out);
    out
}

/// The cluster lines `HEAD word word ...` as heads, sorted words and each word's head number
/// (see the module's notes). A word (by [`word_hash`]) keeps its first line's head, and lines
/// with a head that is not `PATH/BAND` are left out, as [`Clusters::parse`] does.
fn clusters_encode(text: &str, out: &mut Vec<u8>) {
    let mut seen = std::collections::HashSet::new();
    let mut words: Vec<(&str, &str)> = Vec::new();
    for line in text.lines() {
        let mut it = line.split(' ').filter(|w| !w.is_empty());
        let Some(head) = it.next() else { continue };
        let (path, band) = head.split_once('/').unwrap_or((head, "0"));
        if band.parse::<u8>().is_err() || !path.bytes().all(|b| b == b'0' || b == b'1') {
            continue;
        }
        words.extend(it.filter(|w| seen.insert(word_hash(w))).map(|w| (w, head)));
    }
    let mut heads: Vec<&str> = words.iter().map(|&(_, h)| h).collect();
    heads.sort_unstable();
    heads.dedup();
    words.sort_unstable();
    let width = (1..4).find(|&b| heads.len() <= 1 << (8 * b)).unwrap_or(4);
    for list in [heads.clone(), words.iter().map(|&(w, _)| w).collect()] {
        let coded = front_code(list.iter().map(|l| l.as_bytes()));
        out.extend_from_slice(&(list.len() as u32).to_le_bytes());
        out.extend_from_slice(&(coded.len() as u32).to_le_bytes());
        out.extend_from_slice(&coded);
    }
    out.push(width as u8);
    for plane in (0..width).rev() {
        out.extend(words.iter().map(|&(_, h)| (heads.partition_point(|&x| x < h) >> (8 * plane)) as u8));
    }
}

/// The lines `HEAD word`, one a word, from what [`clusters_encode`] wrote.
fn clusters_decode(r: &mut Reader) -> Result<Vec<u8>> {
    let mut lists = Vec::with_capacity(2);
    for _ in 0..2 {
        let count = r.u32()? as usize;
        let len = r.u32()? as usize;
        let text = front_decode(r.take(len)?)?;
        let lines: Vec<Range<usize>> = line_ranges(&text).collect();
        if lines.len() != count {
            return Err(corrupt("word clusters: wrong number of lines"));
        }
        lists.push((text, lines));
    }
    let [(heads, head_lines), (words, word_lines)] = <[_; 2]>::try_from(lists).map_err(|_| corrupt("clusters"))?;
    let width = r.take(1)?[0] as usize;
    if !(1..=4).contains(&width) {
        return Err(corrupt("word clusters: bad head number width"));
    }
    let planes = r.take(width * word_lines.len())?;
    let mut out = Vec::with_capacity(words.len() * 3);
    for (i, word) in word_lines.iter().enumerate() {
        let at = (0..width).fold(0usize, |n, p| (n << 8) | planes[p * word_lines.len() + i] as usize);
        let head = head_lines.get(at).ok_or_else(|| corrupt("word clusters: head number out of range"))?;
        out.extend_from_slice(&heads[head.clone()]);
        out.push(b' ');
        out.extend_from_slice(&words[word.clone()]);
        out.push(b'\n');
    }
    Ok(out)
}

/// The byte ranges of the lines of `text` (each ends in `\n`), without their ends.
fn line_ranges(text: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.iter().enumerate().filter(|&(_, &b)| b == b'\n').map(move |(i, _)| {
        let r = start..i;
        start = i + 1;
        r
    })
}

/// The non-empty lines of `text`, sorted and front-coded ([`front_code`]).
fn front_encode(text: &str) -> Vec<u8> {
    let mut lines: Vec<&[u8]> = text.lines().filter(|l| !l.is_empty()).map(str::as_bytes).collect();
    lines.sort_unstable();
    front_code(lines)
}

/// Each line as the number of bytes it shares with the line before (one byte, at most 255),
/// the rest and `\n`. Sorted lines share the most.
fn front_code<'a>(lines: impl IntoIterator<Item = &'a [u8]>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut prev: &[u8] = &[];
    for line in lines {
        let shared = line.iter().zip(prev).take(255).take_while(|(a, b)| a == b).count();
        out.push(shared as u8);
        out.extend_from_slice(&line[shared..]);
        out.push(b'\n');
        prev = line;
    }
    out
}

/// The lines [`front_encode`] wrote, as text lines ending in `\n`.
fn front_decode(mut bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len() * 2);
    let mut prev = 0..0;
    while let Some((&shared, rest)) = bytes.split_first() {
        let end = rest.iter().position(|&b| b == b'\n').ok_or_else(|| corrupt("front-coded line without its end"))?;
        if shared as usize > prev.len() {
            return Err(corrupt("front-coded line shares more than the line before has"));
        }
        let start = out.len();
        out.extend_from_within(prev.start..prev.start + shared as usize);
        out.extend_from_slice(&rest[..end]);
        prev = start..out.len();
        out.push(b'\n');
        bytes = &rest[end + 1..];
    }
    Ok(out)
}

/// The file header for a payload of `len` bytes; the zstd frame follows it.
pub fn header(len: usize) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(len as u32).to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_magic_version_and_truncation_are_typed_errors() {
        assert!(matches!(Model::from_bytes(b"hello"), Err(Error::ModelFormat { .. })));
        let mut h = header(10);
        h[8] = 99;
        h.extend_from_slice(&[0; 8]);
        assert!(matches!(Model::from_bytes(&h), Err(Error::ModelVersion { found: 99, expected: VERSION, .. })));
        let mut h = header(10);
        h.extend_from_slice(&[1, 2, 3, 4, 5, 6]);
        assert!(matches!(Model::from_bytes(&h), Err(Error::ModelCorrupt { .. })));
    }

    #[test]
    fn front_coding_gives_back_every_line_sorted() {
        let text = "4 Smith\n1 Paris\n\n1 Parisot\n1 Nîmes\n1 Nîmes-Ouest\n1 Paris\n3 Anna\n";
        let coded = front_encode(text);
        assert!(coded.len() < text.len());
        let back = String::from_utf8(front_decode(&coded).unwrap()).unwrap();
        let mut want: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        want.sort_unstable();
        assert_eq!(back.lines().collect::<Vec<_>>(), want);
        // A long shared prefix is cut at 255 bytes and still comes back whole.
        let long = format!("1 {}a\n1 {}b\n", "x".repeat(300), "x".repeat(300));
        assert_eq!(String::from_utf8(front_decode(&front_encode(&long)).unwrap()).unwrap(), long);
        assert!(front_decode(&[5, b'a', b'\n']).is_err());
        assert!(front_decode(&[0, b'a']).is_err());
    }

    #[test]
    fn clusters_come_back_with_the_same_paths() {
        // `Paris` folds as `paris` does: the first line's path wins, before and after.
        let text = "xx junk madrid\n0110/2 paris rome\n0111 berlin Paris\n01/3 nîmes 1990 berlin madrid\n\n";
        let mut payload = Vec::new();
        clusters_encode(text, &mut payload);
        let back = clusters_decode(&mut Reader(&payload)).unwrap();
        let (a, b) = (Clusters::parse(text), Clusters::parse(std::str::from_utf8(&back).unwrap()));
        assert_eq!(a.len(), b.len());
        for w in ["paris", "rome", "berlin", "nîmes", "1990", "madrid", "junk", "absent"] {
            assert_eq!(a.get(word_hash(w)), b.get(word_hash(w)), "{w}");
        }
        assert!(clusters_decode(&mut Reader(&payload[..payload.len() - 1])).is_err());
    }
}
