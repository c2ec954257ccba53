//! The quote board: who is quoted in which documents, and the same words
//! quoted by several outlets, found despite different marks, punctuation,
//! ellipses, a few words, or a split into partial quotes, with the
//! differences word by word.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::diff::{self, DiffOp, Token};
use super::Open;
use crate::doc::{Annotation, Document, QuoteLabel};

/// One quotation on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRef {
    pub doc: usize,
    /// Index into the document's annotations.
    pub annotation: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: QuoteLabel,
    /// The quotation group it belongs to ([`QuoteBoard::matches`]), if quoted elsewhere too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<usize>,
}

/// A speaker and every quotation of theirs across the open documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerRow {
    /// The speaker's cluster, or the speaker as written when unresolved.
    pub speaker: String,
    /// How many documents quote them.
    pub documents: usize,
    /// In document order, then by position.
    pub quotes: Vec<QuoteRef>,
}

/// One document's version of a quotation quoted in several documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchMember {
    pub doc: usize,
    /// Who this document says said it.
    pub speaker: Option<String>,
    /// Its quotes that carry the words (two partial quotes of one sentence are two).
    pub quotes: Vec<QuoteRef>,
    /// How it differs from the reference version (for the reference itself, all `Same`).
    pub diff: Vec<DiffOp>,
    /// No word differs from the reference (marks may).
    pub same_words: bool,
}

/// The same quotation in two or more documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteMatch {
    /// The member the others are compared with: the longest version.
    pub reference: usize,
    pub members: Vec<MatchMember>,
    /// Every member that names a speaker names the same one.
    pub speakers_agree: bool,
}

/// Who said what, across the open documents.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct QuoteBoard {
    /// Speakers quoted in the most documents first; unattributed quotes left out.
    pub speakers: Vec<SpeakerRow>,
    /// Quotations found in more than one document, those in the most documents first.
    pub matches: Vec<QuoteMatch>,
}

/// A quotation being compared.
struct Quoted<'d> {
    doc: usize,
    annotation: usize,
    speaker: Option<String>,
    words: Words,
    tokens: Vec<Token<'d>>,
}

/// A quotation's words as compared: all of them, and those that carry meaning.
struct Words {
    all: Vec<u64>,
    content: Vec<u64>,
}

impl Words {
    fn of(tokens: &[Token]) -> Words {
        let words = tokens.iter().filter(|t| t.word);
        Words {
            all: words.clone().map(|t| t.key).collect(),
            content: words.filter(|t| !is_function_word(t.text)).map(|t| t.key).collect(),
        }
    }
}

/// Fewer shared words than this never make a match on their own...
const MIN_SHARED: usize = 4;
/// ...and they must be this share of the shorter version's words.
const MIN_SHARE: f64 = 0.6;
/// A word triple found in more quotes than this says nothing about which match.
const COMMON_SHINGLE: usize = 40;
/// Longer quotes are compared on their first words only (the tables are quadratic).
const MAX_WORDS: usize = 300;

fn speaker_of(doc: &Document, a: &Annotation) -> Option<String> {
    let _ = doc;
    match a {
        Annotation::Quote(q) => q.speaker_cluster.clone().or_else(|| q.speaker.as_ref().map(|s| s.text.clone())),
        _ => None,
    }
}

pub(crate) fn board(open: &[Open]) -> QuoteBoard {
    let mut quoted: Vec<Quoted> = Vec::new();
    for (d, o) in open.iter().enumerate() {
        for (i, a) in o.doc.annotations.iter().enumerate() {
            let Annotation::Quote(q) = a else { continue };
            if o.mask.covers(q.start) {
                continue;
            }
            let mut tokens = diff::tokens(&q.text);
            tokens.truncate(MAX_WORDS * 2);
            let words = Words::of(&tokens);
            quoted.push(Quoted { doc: d, annotation: i, speaker: speaker_of(o.doc, a), words, tokens });
        }
    }
    let groups = match_groups(&quoted);
    let mut matched_of: HashMap<usize, usize> = HashMap::new();
    let mut matches: Vec<QuoteMatch> = Vec::new();
    for group in groups {
        let id = matches.len();
        if let Some(m) = build_match(open, &quoted, &group, id) {
            for &k in &group {
                matched_of.insert(k, id);
            }
            matches.push(m);
        }
    }
    // Most documents first, then the longest; renumber the references the quotes hold.
    let mut order: Vec<usize> = (0..matches.len()).collect();
    order.sort_by_key(|&m| {
        let longest = matches[m].members.iter().map(|x| x.quotes.iter().map(|q| q.text.len()).sum::<usize>()).max();
        (std::cmp::Reverse(matches[m].members.len()), std::cmp::Reverse(longest), m)
    });
    let mut renumber = vec![0; matches.len()];
    for (new, &old) in order.iter().enumerate() {
        renumber[old] = new;
    }
    let mut slots: Vec<Option<QuoteMatch>> = matches.into_iter().map(Some).collect();
    let mut matches: Vec<QuoteMatch> = order.iter().filter_map(|&old| slots[old].take()).collect();
    for m in &mut matches {
        for member in &mut m.members {
            for q in &mut member.quotes {
                q.matched = q.matched.map(|old| renumber[old]);
            }
        }
    }
    let matched_of: HashMap<usize, usize> = matched_of.into_iter().map(|(k, m)| (k, renumber[m])).collect();
    QuoteBoard { speakers: speakers(open, &quoted, &matched_of), matches }
}

fn quote_ref(open: &[Open], q: &Quoted, matched: Option<usize>) -> Option<QuoteRef> {
    let Annotation::Quote(a) = open[q.doc].doc.annotations.get(q.annotation)? else { return None };
    Some(QuoteRef {
        doc: q.doc,
        annotation: q.annotation,
        start: a.start,
        end: a.end,
        text: a.text.clone(),
        label: a.label,
        matched,
    })
}

fn speakers(open: &[Open], quoted: &[Quoted], matched_of: &HashMap<usize, usize>) -> Vec<SpeakerRow> {
    let mut by_speaker: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, q) in quoted.iter().enumerate() {
        if let Some(s) = &q.speaker {
            by_speaker.entry(s).or_default().push(k);
        }
    }
    let mut rows: Vec<SpeakerRow> = by_speaker
        .into_iter()
        .map(|(speaker, ks)| {
            let quotes: Vec<QuoteRef> =
                ks.iter().filter_map(|&k| quote_ref(open, &quoted[k], matched_of.get(&k).copied())).collect();
            let mut docs: Vec<usize> = quotes.iter().map(|q| q.doc).collect();
            docs.dedup();
            SpeakerRow { speaker: speaker.to_string(), documents: docs.len(), quotes }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.documents.cmp(&a.documents).then(b.quotes.len().cmp(&a.quotes.len())).then_with(|| a.speaker.cmp(&b.speaker))
    });
    rows
}

/// Whether two versions carry the same quotation: enough words shared in
/// order, or a short one (two or three words) inside the other from the same
/// speaker, or three words the same in both. Marks, case and curly
/// apostrophes do not count.
pub fn same_quotation(a: &str, b: &str, same_speaker: bool) -> bool {
    let (ta, tb) = (diff::tokens(a), diff::tokens(b));
    same_words(&Words::of(&ta), &Words::of(&tb), same_speaker)
}

fn same_words(a: &Words, b: &Words, same_speaker: bool) -> bool {
    let (short, long) = if a.all.len() <= b.all.len() { (a, b) } else { (b, a) };
    let shorter = short.all.len();
    let inside = || long.all.windows(shorter).any(|w| w == short.all.as_slice());
    if shorter == 0 {
        return false;
    }
    if shorter < MIN_SHARED {
        // Short words are common words: the same speaker's, or the whole of both.
        return shorter >= 2 && (same_speaker && inside() || shorter >= 3 && a.all == b.all);
    }
    let shared = diff::common_words(&a.all, &b.all);
    if shared < MIN_SHARED || (shared as f64) < MIN_SHARE * shorter as f64 {
        return false;
    }
    // Function words align between any two sentences (`we don't know what they're going
    // to do` / `we don't know if they're going to deploy`): the words that carry the
    // meaning must meet too, or the shorter must stand whole inside the longer.
    if short.content.len() < 2 {
        return inside();
    }
    let found = short.content.iter().filter(|w| long.content.contains(w)).count();
    found >= 2 && found as f64 >= MIN_SHARE * short.content.len() as f64
}

/// Words that carry no meaning of their own for matching.
fn is_function_word(raw: &str) -> bool {
    let folded;
    let w = if raw.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
        raw
    } else {
        folded = super::context::fold(raw);
        folded.as_str()
    };
    matches!(
        w,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "if"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "that"
            | "this"
            | "these"
            | "those"
            | "it"
            | "it's"
            | "its"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "do"
            | "does"
            | "did"
            | "don't"
            | "doesn't"
            | "didn't"
            | "not"
            | "no"
            | "we"
            | "we're"
            | "our"
            | "us"
            | "you"
            | "your"
            | "they"
            | "they're"
            | "their"
            | "them"
            | "he"
            | "his"
            | "him"
            | "she"
            | "her"
            | "i"
            | "i'm"
            | "my"
            | "me"
            | "what"
            | "which"
            | "who"
            | "how"
            | "when"
            | "where"
            | "why"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "have"
            | "has"
            | "had"
            | "going"
            | "go"
            | "know"
            | "there"
            | "here"
            | "so"
            | "very"
            | "just"
            | "all"
            | "about"
            | "up"
            | "out"
            | "into"
            | "than"
            | "then"
            | "also"
            | "more"
            | "some"
            | "any"
            | "whether"
    )
}

/// Quotations of different documents joined into groups that span two or more documents.
fn match_groups(quoted: &[Quoted]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..quoted.len()).collect();
    fn root(parent: &mut [usize], mut k: usize) -> usize {
        while parent[k] != k {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        k
    }
    fn join(parent: &mut [usize], a: usize, b: usize) {
        let (ra, rb) = (root(parent, a), root(parent, b));
        parent[ra] = rb;
    }
    // The same words of three or more are one quotation at once (wire copy in many
    // outlets); the rest compares one version of each text.
    let mut distinct: HashMap<&[u64], usize> = HashMap::new();
    let mut versions: Vec<usize> = Vec::new();
    for (k, q) in quoted.iter().enumerate() {
        if q.words.all.len() < 3 {
            continue;
        }
        match distinct.get(q.words.all.as_slice()) {
            Some(&first) => join(&mut parent, k, first),
            None => {
                distinct.insert(&q.words.all, k);
                versions.push(k);
            }
        }
    }
    // Candidates: versions sharing a word triple that few versions share.
    let mut postings: HashMap<&[u64], Vec<usize>> = HashMap::new();
    for &k in &versions {
        let mut triples: Vec<&[u64]> = quoted[k].words.all.windows(3).collect();
        triples.sort_unstable();
        triples.dedup();
        for t in triples {
            postings.entry(t).or_default().push(k);
        }
    }
    let mut seen_for: Vec<usize> = vec![usize::MAX; quoted.len()];
    for &a in &versions {
        for t in quoted[a].words.all.windows(3) {
            let Some(list) = postings.get(t).filter(|l| l.len() <= COMMON_SHINGLE) else { continue };
            for &b in list {
                if b <= a || seen_for[b] == a {
                    continue;
                }
                seen_for[b] = a;
                // Already one group through others: no need to compare.
                if root(&mut parent, a) == root(&mut parent, b) {
                    continue;
                }
                let (qa, qb) = (&quoted[a], &quoted[b]);
                let same_speaker = qa.speaker.is_some() && qa.speaker == qb.speaker;
                if same_words(&qa.words, &qb.words, same_speaker) {
                    join(&mut parent, a, b);
                }
            }
        }
    }
    // Short quotes: inside the same speaker's quotes in other documents.
    let mut by_speaker: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, q) in quoted.iter().enumerate() {
        if let Some(s) = &q.speaker {
            by_speaker.entry(s).or_default().push(k);
        }
    }
    for list in by_speaker.values() {
        for &a in list.iter().filter(|&&a| (2..MIN_SHARED).contains(&quoted[a].words.all.len())) {
            for &b in list {
                if quoted[b].doc != quoted[a].doc
                    && root(&mut parent, a) != root(&mut parent, b)
                    && same_words(&quoted[a].words, &quoted[b].words, true)
                {
                    join(&mut parent, a, b);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..quoted.len() {
        let r = root(&mut parent, k);
        groups.entry(r).or_default().push(k);
    }
    groups
        .into_values()
        .filter(|g| {
            let mut docs: Vec<usize> = g.iter().map(|&k| quoted[k].doc).collect();
            docs.sort_unstable();
            docs.dedup();
            docs.len() > 1
        })
        .collect()
}

/// The members of one group (one per document), the reference, and each member's diff.
fn build_match(open: &[Open], quoted: &[Quoted], group: &[usize], id: usize) -> Option<QuoteMatch> {
    let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &k in group {
        by_doc.entry(quoted[k].doc).or_default().push(k);
    }
    struct Version<'q> {
        doc: usize,
        quotes: Vec<usize>,
        tokens: Vec<Token<'q>>,
    }
    let versions: Vec<Version> = by_doc
        .into_iter()
        .map(|(doc, mut ks)| {
            ks.sort_by_key(|&k| quoted[k].annotation);
            // A quote repeated within one document (a headline and its body) counts once.
            let mut kept: Vec<usize> = Vec::new();
            for k in ks {
                let dup = kept.iter().any(|&j| {
                    let (a, b) = (&quoted[j].words.all, &quoted[k].words.all);
                    b.len() <= a.len() && diff::common_words(a, b) == b.len()
                });
                if !dup {
                    kept.push(k);
                }
            }
            let mut tokens: Vec<Token> = Vec::new();
            for (n, &k) in kept.iter().enumerate() {
                let mut t = quoted[k].tokens.clone();
                if n > 0 {
                    if let Some(first) = t.first_mut() {
                        first.opens_part = true;
                    }
                }
                tokens.extend(t);
            }
            Version { doc, quotes: kept, tokens }
        })
        .collect();
    let reference = (0..versions.len())
        .max_by_key(|&v| (versions[v].tokens.iter().filter(|t| t.word).count(), std::cmp::Reverse(v)))?;
    let mut members = Vec::with_capacity(versions.len());
    // Outlets that print the same version share its diff.
    let mut diffs: HashMap<Vec<(&str, bool)>, Vec<DiffOp>> = HashMap::new();
    for v in &versions {
        let key: Vec<(&str, bool)> = v.tokens.iter().map(|t| (t.text, t.opens_part)).collect();
        let ops = diffs.entry(key).or_insert_with(|| diff::diff(&versions[reference].tokens, &v.tokens)).clone();
        let speaker = v.quotes.iter().find_map(|&k| quoted[k].speaker.clone());
        members.push(MatchMember {
            doc: v.doc,
            speaker,
            quotes: v.quotes.iter().filter_map(|&k| quote_ref(open, &quoted[k], Some(id))).collect(),
            same_words: diff::same_words(&ops),
            diff: ops,
        });
    }
    let named: Vec<&String> = members.iter().filter_map(|m| m.speaker.as_ref()).collect();
    let speakers_agree = named.len() >= 2 && named.iter().all(|a| named.iter().all(|b| same_person(a, b)));
    Some(QuoteMatch { reference, members, speakers_agree })
}

/// Two speakers name one person: the same cluster, or the words of one inside
/// the other's (`Zelenskyy` unresolved in one document, `Volodymyr Zelenskyy` in another).
fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(super::context::fold).collect() };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    !short.is_empty() && short.iter().all(|w| long.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotation_matching_cases() {
        let zelensky = "“But instead … America is watching, Britain is watching, Germany is watching. Everyone is just waiting for the North Korean military to start attacking Ukrainians as well,”";
        let cases: &[(&str, &str, bool, bool)] = &[
            // punctuation, marks and ellipsis spacing
            (zelensky, "\"But instead... America is watching, Britain is watching, Germany is watching. Everyone is just waiting for the North Korean military to start attacking Ukrainians as well.\"", false, true),
            // truncated: one outlet quotes only the end
            (zelensky, "“Everyone is just waiting for the North Korean military to start attacking Ukrainians”", false, true),
            // an ellipsis where words were cut
            (zelensky, "“America is watching … Everyone is just waiting for the North Korean military to start attacking”", false, true),
            // a word or two changed
            ("“We see an increase in North Korean forces, but we do not see an increase in response from our partners”", "“We see an increase in North Korean troops but we don't see an increase in the response of our partners”", false, true),
            // a partial quote of one sentence
            ("“he never doubted at all that the North Korean leadership takes our agreements seriously.”", "“takes our agreements seriously”", false, true),
            // short quotes: only inside the same speaker's words
            ("“very serious”", "“a very, very serious issue”", true, true),
            ("“very serious”", "“a very, very serious issue”", false, false),
            ("“red lines”", "“we crossed no red lines”", false, false),
            ("“comprehensive strategic partnership”", "“comprehensive strategic partnership”", false, true),
            ("“red lines”", "“red lines,”", false, false),
            // different quotations that share common words
            ("“We don’t know what they’re going to do,”", "“We don’t know if they’re going to deploy into combat or not, and if they do, at what strength.”", false, false),
            ("“The first North Korean troops have already come under fire in the Kursk region.”", "“North Korea’s alleged troop deployment threatens to expand the almost 3-year-long war,”", false, false),
        ];
        for &(a, b, same_speaker, want) in cases {
            assert_eq!(same_quotation(a, b, same_speaker), want, "{a} / {b}");
        }
    }
}
