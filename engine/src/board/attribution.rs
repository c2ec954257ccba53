//! Who a sentence credits a figure to: `according to South Korea’s
//! intelligence`, `the Pentagon said`, `The United States estimates that`,
//! `the claims by South Korea, Ukraine and the US that`. Only what the
//! sentence itself says; a figure the writer gives on their own has none.

use serde::{Deserialize, Serialize};

use crate::doc::EntityLabel;

/// The source a sentence names for a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// As written (`The Biden administration`).
    pub text: String,
    /// Code points in the document.
    pub start: usize,
    pub end: usize,
    /// Entity clusters named inside it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clusters: Vec<String>,
}

/// An entity mention in the sentence: bytes in the document, cluster, label.
pub(crate) struct Mention<'d> {
    pub bytes: std::ops::Range<usize>,
    pub cluster: &'d str,
    pub label: EntityLabel,
}

/// Verbs that report a figure (any tense the news uses).
const VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "alleged",
    "alleges",
    "announced",
    "announces",
    "assessed",
    "assesses",
    "believe",
    "believed",
    "believes",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "confirmed",
    "confirming",
    "confirms",
    "disclosed",
    "estimate",
    "estimated",
    "estimates",
    "indicated",
    "indicates",
    "insisted",
    "noted",
    "reported",
    "reports",
    "revealed",
    "reveals",
    "said",
    "say",
    "says",
    "saying",
    "stated",
    "states",
    "suggested",
    "told",
    "warned",
    "warning",
    "warns",
    "wrote",
    "detailed",
    "declared",
    "calculated",
    "counted",
    "tallied",
];

/// Nouns after which `by X that` names the source (`the claims by ... that`).
const NOUNS: &[&str] =
    &["claims", "claim", "estimates", "estimate", "reports", "report", "assessment", "assessments", "figures"];

/// Words a subject never ends with (`has`, `also`): trimmed off.
const TRAILING: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "reportedly",
    "earlier",
    "previously",
    "recently",
    "already",
    "now",
    "later",
    "then",
    "officially",
    "publicly",
    "would",
    "will",
    "could",
    "may",
    "might",
    "just",
    "first",
    "repeatedly",
    "itself",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "this", "that", "which", "who"];

/// Words a source's name may be made of besides names (`officials`, `intelligence`).
const SOURCE_NOUNS: &[&str] = &[
    "officials",
    "official",
    "intelligence",
    "administration",
    "ministry",
    "government",
    "agency",
    "military",
    "sources",
    "source",
    "analysts",
    "experts",
    "authorities",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "army",
    "command",
    "statement",
    "report",
    "estimates",
    "media",
    "observers",
    "monitors",
    "police",
    "officers",
];

/// The attribution of a figure at byte `figure` in sentence `sentence` of
/// `text` (both in bytes), with the mentions inside the sentence.
pub(crate) fn find(
    text: &str,
    sentence: std::ops::Range<usize>,
    figure: usize,
    mentions: &[Mention],
) -> Option<std::ops::Range<usize>> {
    let s = &text[sentence.clone()];
    let base = sentence.start;
    let f = figure.saturating_sub(base).min(s.len());
    let words = word_spans(s);
    let lower = |i: usize| s[words[i].0..words[i].1].to_lowercase();

    // `according to X`
    for i in 0..words.len().saturating_sub(1) {
        if lower(i) == "according" && lower(i + 1) == "to" {
            let from = words.get(i + 2)?.0;
            let to = if words[i].0 < 3 && f > from {
                // Opening the sentence: it runs to the comma before the main clause.
                s[..f].rfind(", ").filter(|&c| c > from).unwrap_or_else(|| clause_end(s, from))
            } else {
                clause_end(s, from)
            };
            return valid(s, from, to).map(|r| base + r.start..base + r.end);
        }
    }
    // `claims by X that`
    for i in 0..words.len().saturating_sub(2) {
        if words[i].1 <= f && NOUNS.contains(&lower(i).as_str()) && lower(i + 1) == "by" {
            let from = words[i + 2].0;
            let to = s[from..f].find(" that ").map_or(f, |t| from + t);
            if let Some(r) = valid(s, from, to) {
                return Some(base + r.start..base + r.end);
            }
        }
    }
    // `X said (that) ... figure` : the last reporting verb before the figure.
    let before = (0..words.len()).rev().find(|&i| words[i].1 <= f && VERBS.contains(&lower(i).as_str()));
    if let Some(v) = before {
        if let Some(r) = subject_before(s, &words, v) {
            return Some(base + r.start..base + r.end);
        }
        // `Zelensky has been sounding the alarm ..., warning that`: the sentence's own subject.
        return first_source(mentions, base + words[v].0);
    }
    // `figure ..., the Pentagon said.`: a verb among the last words of the sentence.
    let after = (0..words.len())
        .find(|&i| words[i].0 >= f && VERBS.contains(&lower(i).as_str()) && !lower(i).ends_with("ing"))?;
    if words.len() - after > 4 {
        return None;
    }
    subject_before(s, &words, after).map(|r| base + r.start..base + r.end)
}

/// The subject right before verb `v`: the run of words before it that can
/// name a source (names, `the`, `'s`, source nouns such as `officials`),
/// within its clause, auxiliaries and adverbs skipped; `None` for a pronoun or nothing.
fn subject_before(s: &str, words: &[(usize, usize)], v: usize) -> Option<std::ops::Range<usize>> {
    let verb_at = words[v].0;
    let head = &s[..verb_at];
    let clause = [", ", "; ", ": ", " — ", " – ", "“", "”", "\"", " that ", "(", ")"]
        .iter()
        .filter_map(|m| head.rfind(m).map(|i| i + m.len()))
        .max()
        .unwrap_or(0);
    let word = |i: usize| &s[words[i].0..words[i].1];
    let mut last = v;
    while last > 0 && words[last - 1].0 >= clause && TRAILING.contains(&word(last - 1).to_lowercase().as_str()) {
        last -= 1;
    }
    let mut first = last;
    while first > 0 && words[first - 1].0 >= clause && can_name_source(word(first - 1)) {
        first -= 1;
    }
    // `the` and other lower-case words may not open it alone: trim to its first name or noun.
    while first < last && !opens_source(word(first)) {
        first += 1;
    }
    if first == last {
        return None;
    }
    valid(s, words[first].0, words[last - 1].1)
}

/// Lower-case words that may stand inside a source's name.
const SOURCE_WORDS: &[&str] = &[
    "the", "of", "and", "military", "defense", "defence", "foreign", "national", "security", "senior", "top",
    "western", "local", "state", "federal", "news", "press", "health", "interior", "air", "naval", "war", "s",
];

fn can_name_source(w: &str) -> bool {
    let low = w.to_lowercase();
    let low = low.trim_end_matches("'s").trim_end_matches("’s");
    w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || SOURCE_NOUNS.contains(&low)
        || SOURCE_WORDS.contains(&low)
}

fn opens_source(w: &str) -> bool {
    let low = w.to_lowercase();
    w.chars().next().is_some_and(char::is_uppercase) && !PRONOUNS.contains(&low.as_str())
        || low == "the"
        || SOURCE_NOUNS.contains(&low.as_str())
}

/// A clause ends at the next comma, semicolon, stop or dash.
fn clause_end(s: &str, from: usize) -> usize {
    s[from..].find([',', ';', '.', '—', '–', '(']).map_or(s.len(), |i| from + i).max(from)
}

/// `from..to` trimmed, if it reads as a source: a few words, not a pronoun,
/// with a name or a source noun (`officials`) in it.
fn valid(s: &str, from: usize, to: usize) -> Option<std::ops::Range<usize>> {
    let to = to.min(s.len());
    if from >= to {
        return None;
    }
    let piece = &s[from..to];
    let lead = piece.len() - piece.trim_start().len();
    let piece = piece.trim().trim_end_matches([',', '.', ';', ':']);
    let words: Vec<&str> = piece.split_whitespace().collect();
    if words.is_empty() || words.len() > 14 {
        return None;
    }
    if words.len() == 1 && PRONOUNS.contains(&words[0].to_lowercase().as_str()) {
        return None;
    }
    let named = words.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase))
        || words.iter().any(|w| SOURCE_NOUNS.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic())));
    if !named || words.iter().all(|w| PRONOUNS.contains(&w.to_lowercase().as_str())) {
        return None;
    }
    let start = from + lead;
    Some(start..start + piece.len())
}

/// The first person or organisation named before byte `before`.
fn first_source(mentions: &[Mention], before: usize) -> Option<std::ops::Range<usize>> {
    mentions
        .iter()
        .find(|m| m.bytes.end <= before && matches!(m.label, EntityLabel::PER | EntityLabel::ORG))
        .map(|m| m.bytes.clone())
}

fn word_spans(s: &str) -> Vec<(usize, usize)> {
    super::context::words(s)
}

/// The clusters of the mentions inside `range` (bytes), in order, once each.
pub(crate) fn clusters_in(mentions: &[Mention], range: &std::ops::Range<usize>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in mentions {
        if m.bytes.start >= range.start && m.bytes.end <= range.end && !out.iter().any(|c| c == m.cluster) {
            out.push(m.cluster.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(sentence: &str, figure: &str) -> Option<String> {
        let at = sentence.find(figure).unwrap();
        find(sentence, 0..sentence.len(), at, &[]).map(|r| sentence[r].to_string())
    }

    #[test]
    fn sources_as_sentences_name_them() {
        let cases = [
            ("The Biden administration said Thursday that some 8,000 North Korean soldiers are now in Russia.", "8,000", Some("The Biden administration")),
            ("On Saturday, Ukraine's military intelligence said that more than 7,000 North Koreans had been transported.", "7,000", Some("Ukraine's military intelligence")),
            ("The United States estimates that around 8,000 to 12,000 North Korean soldiers have been deployed.", "8,000", Some("The United States")),
            ("According to Ukrainian, South Korean, US and European officials, North Korea has sent up to 12,000 troops to Russia.", "12,000", Some("Ukrainian, South Korean, US and European officials")),
            ("Some 10,000 troops are in Kursk, according to South Korea’s intelligence.", "10,000", Some("South Korea’s intelligence")),
            ("Some 10,000 troops are in Kursk, the Pentagon said.", "10,000", Some("the Pentagon")),
            ("The White House revealed earlier on Wednesday that at least 3,000 North Korean soldiers have been moved.", "3,000", Some("The White House")),
            ("Putin did not refute the claims by South Korea, Ukraine and the US that up to 12,000 troops were shipped.", "12,000", Some("South Korea, Ukraine and the US")),
            ("North Korea has reportedly sent up to 12,000 troops to Russia.", "12,000", None),
            ("He said 500 people came.", "500", None),
            ("This comes after the Biden administration confirmed that thousands of soldiers are there.", "thousands", Some("the Biden administration")),
            ("North Korea sent up to 12,000 troops, with Ukrainian officials confirming engagements with them.", "12,000", None),
            ("U.S. defense officials said 500 missiles were sent.", "500", Some("U.S. defense officials")),
        ];
        for (sentence, figure, want) in cases {
            assert_eq!(source(sentence, figure).as_deref(), want, "{sentence}");
        }
    }
}
