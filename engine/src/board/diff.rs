//! Word-level differences between two versions of one quotation: what one
//! outlet has that the other does not, word for word, with punctuation as
//! tokens of its own (so `instead …` and `instead…` are the same).

use serde::{Deserialize, Serialize};

/// One step from the reference version to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum DiffOp {
    /// Both have it.
    Same { text: String },
    /// Only this version has it.
    Inserted { text: String },
    /// Only the reference has it, inside what this version quotes.
    Deleted { text: String },
    /// This version has `text` where the reference has `was`.
    Changed { text: String, was: String },
    /// The reference goes on where this version stops quoting (before, after, or between its parts).
    Omitted { text: String },
}

/// A token of a quotation: its text as written and its comparison form, hashed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'q> {
    pub text: &'q str,
    pub key: u64,
    pub word: bool,
    /// The first token of a new quote (a second partial quote of one sentence).
    pub opens_part: bool,
}

/// Words and punctuation of a quotation, quotation marks left out; `...` is `…`.
pub(crate) fn tokens(quote: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for (s, e) in super::context::words(quote) {
        punct(&quote[at..s], &mut out);
        let w = &quote[s..e];
        out.push(Token { text: w, key: fold_hash(w), word: true, opens_part: false });
        at = e;
    }
    punct(&quote[at..], &mut out);
    out
}

/// The marks between words, one token each (quotation marks left out, `...` one token).
fn punct<'q>(gap: &'q str, out: &mut Vec<Token<'q>>) {
    let mut chars = gap.char_indices();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() || "“”\"‘’'«»„‟".contains(c) {
            continue;
        }
        if gap[i..].starts_with("...") {
            chars.next();
            chars.next();
            out.push(Token { text: &gap[i..i + 3], key: fold_hash("…"), word: false, opens_part: false });
            continue;
        }
        let text = &gap[i..i + c.len_utf8()];
        out.push(Token { text, key: fold_hash(text), word: false, opens_part: false });
    }
}

/// The hash of a word's comparison form (lower case, curly apostrophes straight),
/// made without building that form.
pub(crate) fn fold_hash(word: &str) -> u64 {
    const PRIME: u64 = 0x100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |c: char| {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(PRIME);
        }
    };
    for c in word.chars() {
        match c {
            '’' | '‘' => feed('\''),
            c if c.is_ascii() => feed(c.to_ascii_lowercase()),
            c => c.to_lowercase().for_each(&mut feed),
        }
    }
    h
}

/// Longest common subsequence table of `a` and `b` keys, and the aligned pairs.
fn align(a: &[Token], b: &[Token]) -> Vec<(Option<usize>, Option<usize>)> {
    let (n, m) = (a.len(), b.len());
    let mut table = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if a[i].key == b[j].key {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(n.max(m));
    let mut matched = false;
    while i < n || j < m {
        // Before the first shared word, skip reference words where the match can come later:
        // a partial quote meets the run it was cut from (`very serious` in `a very, very serious issue`).
        let skip_lead = !matched && i < n && j < m && table[at(i + 1, j)] == table[at(i, j)] && table[at(i, j)] > 0;
        if i < n && j < m && a[i].key == b[j].key && !skip_lead {
            matched = true;
            out.push((Some(i), Some(j)));
            i += 1;
            j += 1;
        } else if j < m && (i == n || table[at(i, j + 1)] >= table[at(i + 1, j)]) {
            out.push((None, Some(j)));
            j += 1;
        } else {
            out.push((Some(i), None));
            i += 1;
        }
    }
    out
}

/// How many words two word lists share in order (their longest common subsequence).
pub(crate) fn common_words(a: &[u64], b: &[u64]) -> usize {
    let m = b.len();
    let mut prev = vec![0u16; m + 1];
    let mut cur = vec![0u16; m + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    usize::from(prev[m])
}

/// How `version` differs from `reference`, as runs of one kind.
pub(crate) fn diff(reference: &[Token], version: &[Token]) -> Vec<DiffOp> {
    let pairs = align(reference, version);
    // Where this version quotes at all: from its first to its last shared word (a shared
    // comma after the words it stops at does not make them deleted).
    let shared_word = |p: &(Option<usize>, Option<usize>)| matches!(p, (Some(i), Some(_)) if reference[*i].word);
    let first_shared = pairs.iter().position(shared_word);
    let last_shared = pairs.iter().rposition(shared_word);
    let mut ops: Vec<DiffOp> = Vec::new();
    let mut k = 0;
    while k < pairs.len() {
        match pairs[k] {
            (Some(_), Some(j)) => push(&mut ops, DiffOp::Same { text: version[j].text.to_string() }),
            (Some(i), None) => {
                // A run of reference-only tokens, with the version-only tokens beside it.
                let mut was = vec![reference[i].text];
                let mut now: Vec<&str> = Vec::new();
                let mut between_parts = false;
                let mut r = k + 1;
                while r < pairs.len() && (pairs[r].0.is_none() || pairs[r].1.is_none()) {
                    match pairs[r] {
                        (Some(i), None) => was.push(reference[i].text),
                        (None, Some(j)) => {
                            between_parts |= version[j].opens_part;
                            now.push(version[j].text)
                        }
                        _ => {}
                    }
                    r += 1;
                }
                if let Some(&(_, Some(j))) = pairs.get(r) {
                    between_parts |= version[j].opens_part;
                }
                let outside = first_shared.is_none_or(|f| k < f) || last_shared.is_none_or(|l| k > l);
                let only_marks = |v: &[&str]| v.iter().all(|t| !t.chars().any(char::is_alphanumeric));
                if now.is_empty() {
                    let text = join(&was);
                    push(
                        &mut ops,
                        if outside || (between_parts && !only_marks(&was)) {
                            DiffOp::Omitted { text }
                        } else {
                            DiffOp::Deleted { text }
                        },
                    );
                } else {
                    push(&mut ops, DiffOp::Changed { text: join(&now), was: join(&was) });
                }
                k = r;
                continue;
            }
            (None, Some(j)) => {
                // Version-only tokens, perhaps followed by reference-only ones: a change.
                let mut now = vec![version[j].text];
                let mut was: Vec<&str> = Vec::new();
                let mut r = k + 1;
                while r < pairs.len() && (pairs[r].0.is_none() || pairs[r].1.is_none()) {
                    match pairs[r] {
                        (Some(i), None) => was.push(reference[i].text),
                        (None, Some(j)) => now.push(version[j].text),
                        _ => {}
                    }
                    r += 1;
                }
                if was.is_empty() {
                    push(&mut ops, DiffOp::Inserted { text: join(&now) });
                } else {
                    push(&mut ops, DiffOp::Changed { text: join(&now), was: join(&was) });
                }
                k = r;
                continue;
            }
            (None, None) => {}
        }
        k += 1;
    }
    ops
}

/// Tokens as text: words spaced, punctuation glued to the word before it.
fn join(tokens: &[&str]) -> String {
    let mut out = String::new();
    for t in tokens {
        let glue = t.chars().all(|c| ",.;:!?)…".contains(c));
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(t);
    }
    out
}

/// Appends `op`, merging it into the last one when both are `Same`.
fn push(ops: &mut Vec<DiffOp>, op: DiffOp) {
    if let (Some(DiffOp::Same { text: last }), DiffOp::Same { text }) = (ops.last_mut(), &op) {
        let glue = text.chars().all(|c| ",.;:!?)…".contains(c));
        if !glue {
            last.push(' ');
        }
        last.push_str(text);
        return;
    }
    ops.push(op);
}

/// Whether a diff shows no word of difference (marks may still differ).
pub fn same_words(ops: &[DiffOp]) -> bool {
    ops.iter().all(|op| match op {
        DiffOp::Same { .. } | DiffOp::Omitted { .. } => true,
        DiffOp::Inserted { text } | DiffOp::Deleted { text } => !text.chars().any(char::is_alphanumeric),
        DiffOp::Changed { text, was } => {
            !text.chars().any(char::is_alphanumeric) && !was.chars().any(char::is_alphanumeric)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(a: &str, b: &str) -> Vec<DiffOp> {
        diff(&tokens(a), &tokens(b))
    }

    #[test]
    fn spacing_of_an_ellipsis_and_curly_marks_are_no_difference() {
        let d = ops("“But instead … America is watching,”", "\"But instead... America is watching,\"");
        assert_eq!(d, [DiffOp::Same { text: "But instead... America is watching,".into() }]);
    }

    #[test]
    fn words_inserted_deleted_changed_and_omitted() {
        let d = ops("we see an increase in North Korean forces", "we see a big increase in Korean troops");
        assert_eq!(
            d,
            [
                DiffOp::Same { text: "we see".into() },
                DiffOp::Changed { text: "a big".into(), was: "an".into() },
                DiffOp::Same { text: "increase in".into() },
                DiffOp::Deleted { text: "North".into() },
                DiffOp::Same { text: "Korean".into() },
                DiffOp::Changed { text: "troops".into(), was: "forces".into() },
            ]
        );
        let d = ops("he never doubted at all that the leadership takes it seriously", "takes it seriously");
        assert_eq!(
            d,
            [
                DiffOp::Omitted { text: "he never doubted at all that the leadership".into() },
                DiffOp::Same { text: "takes it seriously".into() },
            ]
        );
        assert!(same_words(&ops("a b, c", "a b c")));
        assert!(!same_words(&ops("a b c", "a x c")));
    }
}
