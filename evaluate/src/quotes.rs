//! Quote layer measurement: quote spans and speakers against the gold samples
//! and against PolNeAR's attributions whose content is in quotation marks.
//!
//! All offsets here are code points, as the engine's output and brat's are.
//!
//! # Protocol for PolNeAR
//!
//! The 84 articles of `polnear/dev`, sorted by name, are cut in two
//! ([`PolnearPart`]): the **dev part** (the 1st, 3rd, 5th, ... article), whose
//! errors are read (`--bin quotes -- -v`) and fixed as classes, each a named
//! case in `engine/tests/quotes.rs`; and the **held-out part** (the 2nd, 4th,
//! ...), whose errors are never listed and whose figure is taken once the
//! fixes are made (`--bin quotes -- --held-out`), next to the dev part's.

use std::collections::BTreeMap;
use std::path::Path;

use newslens::doc::{Annotation, Quote};
use newslens::{page, Engine};

use crate::score::Counts;

/// Figures of one evaluation.
#[derive(Debug, Clone, Default)]
pub struct QuoteReport {
    /// Quote spans (exact for gold, near-exact for PolNeAR).
    pub spans: Counts,
    /// Matched quotes whose speaker is right, and how many were judged.
    pub speaker_right: usize,
    pub speaker_total: usize,
    /// Examples of misses and disagreements, for reading.
    pub notes: Vec<String>,
}

impl QuoteReport {
    pub fn speaker_accuracy(&self) -> f64 {
        if self.speaker_total == 0 {
            0.0
        } else {
            self.speaker_right as f64 / self.speaker_total as f64
        }
    }
}

fn quotes_of(doc: &newslens::Document) -> Vec<&Quote> {
    doc.annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Quote(q) => Some(q),
            _ => None,
        })
        .collect()
}

fn norm_cluster(s: &str) -> String {
    s.trim_start_matches("The ").trim_start_matches("the ").to_lowercase()
}

/// Scores the engine against the gold samples: exact quote spans, and for each
/// matched quote whether the speaker agrees (both none; or the speaker spans
/// overlap; or the clusters are equal; nominal both).
pub fn gold_report(engine: &Engine) -> QuoteReport {
    let mut r = QuoteReport::default();
    for s in crate::gold_samples() {
        let page = page::from_str(&s.text, page::Format::Text);
        let doc = engine.annotate(&page, Some(&s.name));
        let ours = quotes_of(&doc);
        let gold = quotes_of(&s.gold);
        let key = |q: &&Quote| (q.start, q.end);
        r.spans +=
            Counts::of_sets(&ours.iter().map(key).collect::<Vec<_>>(), &gold.iter().map(key).collect::<Vec<_>>());
        for g in &gold {
            let Some(o) = ours.iter().find(|o| o.start == g.start && o.end == g.end) else {
                r.notes.push(format!("{}: missed {}..{} {:?}", s.name, g.start, g.end, g.text));
                continue;
            };
            r.speaker_total += 1;
            let right = match (&o.speaker, &g.speaker) {
                (None, None) => true,
                (Some(a), Some(b)) => {
                    (a.start < b.end && b.start < a.end)
                        || (o.speaker_cluster.is_some()
                            && o.speaker_cluster.as_deref().map(norm_cluster)
                                == g.speaker_cluster.as_deref().map(norm_cluster))
                        || (o.nominal && g.nominal && a.text == b.text)
                }
                _ => false,
            };
            if right {
                r.speaker_right += 1;
            } else {
                r.notes.push(format!(
                    "{}: speaker of {:?}: ours {:?} ({:?}), gold {:?} ({:?})",
                    s.name,
                    g.text,
                    o.speaker.as_ref().map(|x| &x.text),
                    o.speaker_cluster,
                    g.speaker.as_ref().map(|x| &x.text),
                    g.speaker_cluster
                ));
            }
        }
        for o in &ours {
            if !gold.iter().any(|g| g.start == o.start && g.end == o.end) {
                r.notes.push(format!("{}: extra {}..{} {:?}", s.name, o.start, o.end, o.text));
            }
        }
    }
    r
}

/// One brat text-bound annotation: label and code-point fragments.
#[derive(Debug, Clone)]
struct TextBound {
    label: String,
    fragments: Vec<(usize, usize)>,
}

/// A quoted segment inside an attribution's content.
#[derive(Debug, Clone)]
pub struct GoldQuote {
    pub start: usize,
    pub end: usize,
    /// The segment is the whole content fragment (a direct quote), not a phrase inside a paraphrase.
    pub direct: bool,
    /// Source spans (empty for an attribution without source).
    pub sources: Vec<(usize, usize)>,
}

fn parse_ann(ann: &str) -> (BTreeMap<String, TextBound>, Vec<BTreeMap<String, String>>) {
    let mut tb = BTreeMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else { continue };
        if id.starts_with('T') {
            let Some((label, ranges)) = body.split_once(' ') else { continue };
            let fragments = ranges
                .split(';')
                .filter_map(|r| {
                    let mut it = r.split_whitespace().map(|x| x.parse::<usize>());
                    match (it.next(), it.next()) {
                        (Some(Ok(a)), Some(Ok(b))) => Some((a, b)),
                        _ => None,
                    }
                })
                .collect();
            tb.insert(id.to_string(), TextBound { label: label.to_string(), fragments });
        } else if id.starts_with('E') {
            let roles = body
                .split(' ')
                .filter_map(|x| x.split_once(':'))
                .map(|(role, t)| (role.to_string(), t.to_string()))
                .collect();
            events.push(roles);
        }
    }
    (tb, events)
}

fn is_open(c: char) -> bool {
    matches!(c, '“' | '"' | '«' | '‘' | '\'')
}

fn is_close(c: char) -> bool {
    matches!(c, '”' | '"' | '»' | '’' | '\'')
}

/// Marks of one kind pair: double with double, single with single.
fn same_family(open: char, close: char) -> bool {
    let single = |c: char| matches!(c, '‘' | '’' | '\'');
    single(open) == single(close)
}

/// The quoted segments of an article's attributions, from its brat file.
pub fn polnear_gold(text: &[char], ann: &str) -> Vec<GoldQuote> {
    let (tb, events) = parse_ann(ann);
    let mut out = Vec::new();
    for e in &events {
        let Some(content) = e.get("Content").and_then(|t| tb.get(t)) else { continue };
        if content.label != "Content" {
            continue;
        }
        let sources: Vec<(usize, usize)> =
            e.get("Source").and_then(|t| tb.get(t)).map(|t| t.fragments.clone()).unwrap_or_default();
        for &(fs, fe) in &content.fragments {
            let fe = fe.min(text.len());
            if fs >= fe {
                continue;
            }
            // Pair marks inside the fragment (one step beyond each end, where a
            // mark sometimes sits outside the annotated content).
            let lo = fs.saturating_sub(1);
            let hi = (fe + 1).min(text.len());
            let mut i = lo;
            while i < hi {
                let single = matches!(text[i], '‘' | '\'');
                let opening = is_open(text[i])
                    && (i == 0 || !text[i - 1].is_alphanumeric() || text[i] == '“')
                    && (!single || text.get(i + 1).is_some_and(|c| c.is_alphabetic()));
                if opening && (i >= fs || text[i] != '"') {
                    let closes = |k: usize| {
                        is_close(text[k])
                            && same_family(text[i], text[k])
                            && (!matches!(text[k], '’' | '\'') || !text.get(k + 1).is_some_and(|c| c.is_alphanumeric()))
                    };
                    if let Some(k) = (i + 1..hi).find(|&k| closes(k)) {
                        let seg_start = i;
                        let seg_end = k + 1;
                        let inner: String = text[fs..fe].iter().collect();
                        let trimmed =
                            inner.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ':' | ';'));
                        let covered = seg_end - seg_start;
                        let direct = covered + 3 >= trimmed.chars().count();
                        if seg_end > seg_start + 2 {
                            out.push(GoldQuote { start: seg_start, end: seg_end, direct, sources: sources.clone() });
                        }
                        i = seg_end;
                        continue;
                    }
                }
                i += 1;
            }
        }
    }
    out.sort_by_key(|g| (g.start, g.end));
    out.dedup_by_key(|g| (g.start, g.end));
    out
}

/// PolNeAR figures: gold-quote recall, precision (raw, and over quotes we attribute), speaker accuracy on direct quotes.
#[derive(Debug, Clone, Default)]
pub struct PolnearReport {
    pub articles: usize,
    pub gold_quotes: usize,
    pub gold_direct: usize,
    pub found: usize,
    pub ours: usize,
    pub ours_matched: usize,
    pub ours_attributed: usize,
    pub ours_attributed_matched: usize,
    pub speaker_right: usize,
    pub speaker_total: usize,
    pub notes: Vec<String>,
}

impl PolnearReport {
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold_quotes)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.ours_matched, self.ours)
    }
    pub fn attributed_precision(&self) -> f64 {
        ratio(self.ours_attributed_matched, self.ours_attributed)
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.speaker_total)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn near(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0.abs_diff(b.0) <= 2 && a.1.abs_diff(b.1) <= 2
}

/// The last word of a name, its trailing parenthesis dropped (`Claire McCaskill (D-Mo.)`).
fn last_word(s: &str) -> String {
    let s = s.split('(').next().unwrap_or(s);
    s.split(|c: char| !c.is_alphanumeric() && c != '-')
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .trim_end_matches("’s")
        .to_lowercase()
}

fn is_pronoun(s: &str) -> bool {
    matches!(s.to_lowercase().as_str(), "he" | "she" | "they" | "i" | "we" | "it")
}

/// Which PolNeAR articles a report reads (see the module's protocol).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolnearPart {
    /// Every article.
    All,
    /// The 1st, 3rd, 5th, ... article by name: read and tuned on.
    Dev,
    /// The 2nd, 4th, ... article: scored once, at the end, never read.
    HeldOut,
}

impl PolnearPart {
    fn holds(self, index: usize) -> bool {
        match self {
            PolnearPart::All => true,
            PolnearPart::Dev => index.is_multiple_of(2),
            PolnearPart::HeldOut => !index.is_multiple_of(2),
        }
    }
}

/// Runs the engine over the `part` of PolNeAR `dir` (with `text/` and `attributions/`).
/// Articles annotated by several annotators use the first annotation file.
/// The held-out part's report carries no notes: its errors are not for reading.
pub fn polnear_report(engine: &Engine, dir: &Path, part: PolnearPart) -> PolnearReport {
    let mut r = PolnearReport::default();
    let mut files: Vec<_> = std::fs::read_dir(dir.join("attributions"))
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut seen = std::collections::BTreeSet::new();
    for ann_path in files {
        let Some(stem) = ann_path.file_stem().and_then(|s| s.to_str()) else { continue };
        let Some((base, _annotator)) = stem.rsplit_once('_') else { continue };
        if !seen.insert(base.to_string()) || !part.holds(seen.len() - 1) {
            continue;
        }
        let (Ok(text), Ok(ann)) =
            (std::fs::read_to_string(dir.join("text").join(format!("{base}.txt"))), std::fs::read_to_string(&ann_path))
        else {
            continue;
        };
        r.articles += 1;
        let chars: Vec<char> = text.chars().collect();
        let slice = |a: usize, b: usize| -> String { chars[a.min(chars.len())..b.min(chars.len())].iter().collect() };
        let gold = polnear_gold(&chars, &ann);
        let doc = engine.annotate(&page::from_str(&text, page::Format::Text), Some(base));
        let ours = quotes_of(&doc);
        r.gold_quotes += gold.len();
        r.ours += ours.len();
        for o in &ours {
            let matched = gold.iter().any(|g| near((o.start, o.end), (g.start, g.end)));
            if matched {
                r.ours_matched += 1;
            }
            if o.speaker.is_some() {
                r.ours_attributed += 1;
                if matched {
                    r.ours_attributed_matched += 1;
                }
            }
            if !matched {
                r.notes.push(format!(
                    "{base}: unlisted {:?} [{}]",
                    o.text.chars().take(90).collect::<String>(),
                    o.speaker.as_ref().map(|s| s.text.as_str()).unwrap_or("-")
                ));
            }
        }
        for g in &gold {
            if g.direct {
                r.gold_direct += 1;
            }
            let Some(o) = ours.iter().find(|o| near((o.start, o.end), (g.start, g.end))) else {
                r.notes
                    .push(format!("{base}: missed {:?}", slice(g.start, g.end).chars().take(90).collect::<String>()));
                continue;
            };
            r.found += 1;
            if !g.direct {
                continue;
            }
            r.speaker_total += 1;
            let their: Vec<String> = g.sources.iter().map(|&(a, b)| slice(a, b)).collect();
            let right = match &o.speaker {
                None => g.sources.is_empty(),
                Some(sp) => {
                    let overlap = g.sources.iter().any(|&(a, b)| sp.start < b && a < sp.end);
                    let ours_name = o.speaker_cluster.clone().unwrap_or_else(|| sp.text.clone());
                    let same = their.iter().any(|t| {
                        !is_pronoun(t.trim())
                            && t.chars().any(char::is_uppercase)
                            && !last_word(&ours_name).is_empty()
                            && last_word(t) == last_word(&ours_name)
                    });
                    // Their source is a pronoun: does the engine resolve it to our speaker?
                    let pronoun_same = g.sources.iter().zip(&their).any(|(&(a, _), t)| {
                        is_pronoun(t.trim()) && {
                            let resolved = resolve_pronoun_at(engine, &text, &chars, a);
                            resolved.is_some_and(|c| last_word(&c) == last_word(&ours_name))
                        }
                    });
                    overlap || same || pronoun_same
                }
            };
            if right {
                r.speaker_right += 1;
            } else {
                r.notes.push(format!(
                    "{base}: speaker of {:?}: ours {:?} -> {:?}, theirs {:?}",
                    o.text.chars().take(70).collect::<String>(),
                    o.speaker.as_ref().map(|s| s.text.as_str()),
                    o.speaker_cluster,
                    their
                ));
            }
        }
    }
    if part == PolnearPart::HeldOut {
        r.notes.clear();
    }
    r
}

/// What the engine resolves a pronoun at code point `at` to, via a synthetic quote.
fn resolve_pronoun_at(_engine: &Engine, text: &str, chars: &[char], at: usize) -> Option<String> {
    use newslens::quotes::{QuoteFound, Speaker, SpeakerKind};
    let byte = |cp: usize| -> usize { chars[..cp.min(chars.len())].iter().map(|c| c.len_utf8()).sum() };
    let start = byte(at);
    let word_len = text[start..].chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum::<usize>();
    let analysis = newslens::text::Analysis::new(text);
    let q = QuoteFound {
        span: start..start,
        label: newslens::doc::QuoteLabel::DIRECT,
        cue: None,
        speaker: Some(Speaker { span: start..start + word_len, kind: SpeakerKind::Pronoun }),
        co_speakers: Vec::new(),
        truncated: false,
    };
    let res = newslens::resolve::resolve(&analysis, &[], &[q]);
    res.speakers.into_iter().next().and_then(|s| s.cluster)
}
