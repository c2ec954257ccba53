//! Names an edit apart: hashes that bring the candidates together without
//! comparing every pair ([`variant_hashes`], [`buckets_of`]), and the spelling
//! distance and the checks that decide whether two candidates are one name.

/// FNV-1a over bytes, one at a time, so a string hashes the same however it is split.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    h
}

pub(super) const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Hashes of `word` and of every way of dropping one letter from it, each
/// prefixed by `seed`, given to `out`: two words an edit apart share at least one,
/// so a hash lookup finds the candidates without comparing every pair.
pub(super) fn variant_hashes(seed: u64, word: &str, mut out: impl FnMut(u64)) {
    out(fnv(seed, word.as_bytes()));
    if word.len() > 48 {
        return;
    }
    for (i, c) in word.char_indices() {
        let bytes = word.as_bytes();
        let h = fnv(seed, &bytes[..i]);
        out(fnv(h, &bytes[i + c.len_utf8()..]));
    }
}

/// The buckets of `(hash, entry)` pairs: runs of one hash, entries sorted and
/// without repeats. One sorted list instead of a map of lists: no allocation per bucket.
pub(super) fn buckets_of<T: Ord>(items: &mut Vec<(u64, T)>) -> impl Iterator<Item = &[(u64, T)]> {
    items.sort_unstable();
    items.dedup();
    items.chunk_by(|a, b| a.0 == b.0)
}

/// The seed for variants of one part of a name whose other part is `kept`.
pub(super) fn seed(tag: u8, kept: &str) -> u64 {
    fnv(fnv(FNV_SEED, &[tag]), kept.as_bytes()) ^ 0xff
}

// ---------------------------------------------------------------------------
// Spelling distance.

/// Edit distance with adjacent transpositions (optimal string alignment).
pub(super) fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > 2 {
        return n.abs_diff(m);
    }
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[n][m]
}

/// Two spellings of one name part: an edit apart, five letters or more, same
/// first letter. A first name must keep its length (a letter misspelt, as in
/// `Vladamir`), have six letters or more, and not differ only at its end: a
/// letter more or less is often another name (`Ivana`/`Ivanka`,
/// `Maria`/`Mario`).
pub(super) fn close_names(a: &str, b: &str, first_name: bool) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 5 || a.chars().next() != b.chars().next() || osa_distance(a, b) != 1 {
        return false;
    }
    !(first_name && (la != lb || la < 6 || differs_only_at_end(a, b)))
}

/// A bare surname and a full name's surname: an edit apart, but not a changed
/// last letter (`Zelenska` is not `Zelensky`; `Zelensky` is `Zelenskyy`).
pub(super) fn close_surnames(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 6 || a.chars().next() != b.chars().next() || osa_distance(a, b) != 1 {
        return false;
    }
    !(la == lb && differs_only_at_end(a, b))
}

fn differs_only_at_end(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common + 1 >= a.chars().count().max(b.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(osa_distance("vladamir", "vladimir"), 1);
        assert_eq!(osa_distance("zelensky", "zelenskyy"), 1);
        assert_eq!(osa_distance("ab", "ba"), 1);
        assert!(close_names("vladamir", "vladimir", true));
        assert!(!close_names("maria", "mario", true));
        assert!(close_names("zelensky", "zelenskyy", false));
        assert!(close_surnames("zelensky", "zelenskyy"));
        assert!(!close_surnames("zelenska", "zelensky"));
    }
}
