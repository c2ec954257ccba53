//! What is not the article: page furniture, photo captions, lines printed
//! twice, and a second, unrelated article inside one text. Each is a region
//! of code-point offsets; the text itself is never touched. Annotations in a
//! region are left out of the boards (see [`Mask`]); the page dims regions and
//! lets the reader undo each call.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::boilerplate::{self, ListHeading};
use super::context::ByteIndex;
use crate::doc::{Annotation, Document};

/// Why a region is not the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// Navigation, share and sign-up prompts, "Recommended", cookie notices.
    Boilerplate,
    /// A photo caption.
    Caption,
    /// A line that repeats an earlier one.
    Duplicate,
    /// Where a second, unrelated article starts, to the end of it.
    SecondArticle,
}

impl RegionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RegionKind::Boilerplate => "boilerplate",
            RegionKind::Caption => "caption",
            RegionKind::Duplicate => "duplicate",
            RegionKind::SecondArticle => "second_article",
        }
    }
}

/// A stretch of a document that is not its article: code points `start..end`.
/// Line regions never overlap one another; a second article may hold some.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Region {
    pub start: usize,
    pub end: usize,
    pub kind: RegionKind,
}

/// A line of the text: byte range without its surrounding blanks.
struct Line {
    bytes: std::ops::Range<usize>,
    kind: Option<RegionKind>,
}

/// A line among the first this many repeats a heading when it comes again.
const TOP_LINES: usize = 12;
/// A repeated line of this many words is a paragraph printed twice wherever it comes.
const PARAGRAPH_WORDS: usize = 12;
/// Shorter lines than this are never called duplicates (`News` twice is furniture, `Yes.` twice is prose).
const DUPLICATE_MIN_CHARS: usize = 24;

/// The regions of a document, by start. Uses its entity clusters to tell a
/// second article from the first.
pub fn find(doc: &Document) -> Vec<Region> {
    find_in(doc, &ByteIndex::new(&doc.text))
}

pub(crate) fn find_in(doc: &Document, index: &ByteIndex) -> Vec<Region> {
    let lines = classify_lines(&doc.text);
    let mut out: Vec<Region> = Vec::new();
    let second = second_articles(doc, index, &lines);
    for line in &lines {
        if let Some(kind) = line.kind {
            let region = Region { start: index.char(line.bytes.start), end: index.char(line.bytes.end), kind };
            match out.last_mut() {
                // Neighbouring lines of one kind make one region.
                Some(last) if last.kind == kind && gap_is_blank(&doc.text, index, last.end, region.start) => {
                    last.end = region.end
                }
                _ => out.push(region),
            }
        }
    }
    out.extend(second);
    out.sort();
    out
}

fn gap_is_blank(text: &str, index: &ByteIndex, from: usize, to: usize) -> bool {
    let (a, b) = (index.byte(from), index.byte(to));
    a <= b && text[a..b].trim().is_empty()
}

/// Every non-blank line with its kind from [`boilerplate::classify`], link
/// lists after a `Read more` heading, and repeats of earlier lines.
fn classify_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut seen: HashMap<Cow<str>, usize> = HashMap::new();
    let mut at = 0;
    let mut raw_lines: Vec<(usize, &str)> = Vec::new();
    for raw in text.split_inclusive('\n') {
        let start = at + (raw.len() - raw.trim_start().len());
        at += raw.len();
        let line = raw.trim();
        if !line.is_empty() {
            raw_lines.push((start, line));
        }
    }
    let mut in_link_list = false;
    for (k, &(start, line)) in raw_lines.iter().enumerate() {
        let bytes = start..start + line.len();
        let mut kind = boilerplate::classify(line);
        let list_follows = raw_lines.get(k + 1).is_some_and(|(_, next)| boilerplate::is_list_item(next));
        match boilerplate::list_heading(line) {
            Some(ListHeading::Always) => {
                kind = Some(RegionKind::Boilerplate);
                in_link_list = true;
            }
            Some(ListHeading::WithList) if list_follows => {
                kind = Some(RegionKind::Boilerplate);
                in_link_list = true;
            }
            _ if in_link_list && boilerplate::is_list_item(line) => kind = Some(RegionKind::Boilerplate),
            _ => in_link_list = false,
        }
        let key = spaced(line);
        if key.len() >= DUPLICATE_MIN_CHARS && key.chars().count() >= DUPLICATE_MIN_CHARS {
            // A repeat is a copy the page printed twice when it follows its original at once
            // (a caption and its lightbox copy), repeats a heading of the top of the text, or
            // is a whole paragraph; a short line met again further on (a refrain, a line of
            // code) is the text's own.
            let previous = k.checked_sub(1).map(|p| spaced(raw_lines[p].1));
            let repeat = match seen.get(&key) {
                Some(&first) => {
                    previous.as_deref() == Some(&*key)
                        || (first < TOP_LINES && k < 2 * TOP_LINES)
                        || (key.split(' ').count() >= PARAGRAPH_WORDS && key.ends_with(['.', '!', '?', ')', '”', '"']))
                }
                None => {
                    seen.insert(key, k);
                    false
                }
            };
            if repeat && kind.is_none() {
                kind = Some(RegionKind::Duplicate);
            }
        }
        lines.push(Line { bytes, kind });
    }
    // A furniture line cut off mid-phrase goes on in the next short line (`To contact the
    // WSWS and the` / `Socialist Equality Party visit:`).
    for k in 1..lines.len() {
        let prev = &text[lines[k - 1].bytes.clone()];
        let dangling = prev.rsplit(' ').next().is_some_and(|w| DANGLING.contains(&w));
        if lines[k].kind.is_none()
            && lines[k - 1].kind == Some(RegionKind::Boilerplate)
            && dangling
            && text[lines[k].bytes.clone()].split_whitespace().count() <= CONTINUATION_MAX_WORDS
        {
            lines[k].kind = Some(RegionKind::Boilerplate);
        }
    }
    lines
}

/// A furniture line's continuation is this short at most.
const CONTINUATION_MAX_WORDS: usize = 8;
/// Words a line does not end with unless it goes on in the next.
const DANGLING: &[&str] = &["the", "and", "of", "to", "for", "a", "an", "or", "our", "your", "with", "at", "on"];

/// A line with its spaces made single, borrowed when they already are.
fn spaced(line: &str) -> Cow<'_, str> {
    let single = !line.contains("  ") && !line.contains(['\t', '\u{a0}', '\r']);
    if single {
        Cow::Borrowed(line)
    } else {
        Cow::Owned(line.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// A wire-story opening: `NEW DELHI (AP) —`, `KYIV, Ukraine (Reuters) -`.
fn is_wire_lead(line: &str) -> bool {
    let Some(open) = line.find(" (") else { return false };
    let place = &line[..open];
    let Some(close) = line[open..].find(')').map(|c| open + c) else { return false };
    let agency = &line[open + 2..close];
    let after = line[close + 1..].trim_start();
    let place_head = place.split(',').next().unwrap_or("");
    place.len() <= 40
        && place_head.chars().any(char::is_alphabetic)
        && place_head.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'')
        && (1..=12).contains(&agency.len())
        && agency.chars().next().is_some_and(char::is_uppercase)
        && (after.starts_with('—') || after.starts_with('–') || after.starts_with("- "))
}

/// Share of the mentions after a cut whose cluster the text before it names:
/// below this the two sides are about different things.
const SHARED_BELOW: f64 = 0.2;
/// Both sides of a cut need this many entity mentions for the call to mean anything.
const MIN_MENTIONS: usize = 8;

/// Where a second, unrelated article starts: at a line after a run of
/// furniture or captions, or at a second wire-story opening, when the
/// entities after it are mostly ones the text before never named. Each runs
/// to its last article line (trailing furniture stays furniture).
fn second_articles(doc: &Document, index: &ByteIndex, lines: &[Line]) -> Vec<Region> {
    let article: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kind.is_none()).collect();
    if article.len() < 6 {
        return Vec::new();
    }
    // Entity clusters (as small numbers) by line, article lines only.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut clusters: Vec<Vec<usize>> = vec![Vec::new(); lines.len()];
    let starts: Vec<usize> = lines.iter().map(|l| index.char(l.bytes.start)).collect();
    for a in &doc.annotations {
        if let Annotation::Entity(e) = a {
            let line = starts.partition_point(|&s| s <= e.start).saturating_sub(1);
            if lines.get(line).is_some_and(|l| l.kind.is_none()) {
                let next = ids.len();
                clusters[line].push(*ids.entry(e.cluster.as_str()).or_insert(next));
            }
        }
    }
    // Mentions per cluster before the candidate (since the last cut) and after it, and how
    // many of those after it name a cluster named before: kept up to date line by line.
    let mut before = vec![0usize; ids.len()];
    let mut after = vec![0usize; ids.len()];
    for &l in &article {
        for &c in &clusters[l] {
            after[c] += 1;
        }
    }
    let (mut before_mentions, mut after_mentions) = (0usize, article.iter().map(|&l| clusters[l].len()).sum::<usize>());
    let mut shared = 0usize;
    let mut cuts = Vec::new();
    let mut first_lead_seen = false;
    let mut from = 0; // index into `article` where the current article starts
    for (k, &line) in article.iter().enumerate() {
        let text = &doc.text[lines[line].bytes.clone()];
        let lead = is_wire_lead(text);
        let after_break = k > 0 && line > article[k - 1] + 1;
        let candidate = k >= from + 3 && article.len() - k >= 3 && ((lead && first_lead_seen) || after_break);
        first_lead_seen |= lead;
        if candidate
            && before_mentions >= MIN_MENTIONS
            && after_mentions >= MIN_MENTIONS
            && (shared as f64) < SHARED_BELOW * after_mentions as f64
        {
            cuts.push(k);
            from = k;
            before.iter_mut().for_each(|n| *n = 0);
            (before_mentions, shared) = (0, 0);
        }
        // The line moves from after the next candidate to before it.
        for &c in &clusters[line] {
            after[c] -= 1;
            if before[c] > 0 {
                shared -= 1;
            }
            before[c] += 1;
            if before[c] == 1 {
                shared += after[c];
            }
        }
        before_mentions += clusters[line].len();
        after_mentions -= clusters[line].len();
    }
    let mut out = Vec::new();
    for (n, &k) in cuts.iter().enumerate() {
        let last = cuts.get(n + 1).map_or(article.len(), |&next| next) - 1;
        let start = lines[article[k]].bytes.start;
        let end = lines[article[last]].bytes.end;
        out.push(Region { start: index.char(start), end: index.char(end), kind: RegionKind::SecondArticle });
    }
    out
}

/// A plain text's title: its first line that is not furniture, trimmed of
/// Markdown heading marks; of a long line (a paragraph), its first sentence;
/// cut to 200 characters.
pub fn title(text: &str) -> Option<String> {
    let line = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .find(|l| boilerplate::classify(l).is_none() && boilerplate::list_heading(l).is_none())?;
    let line = line.trim_start_matches('#').trim();
    let line = if line.chars().count() > TITLE_LINE { &line[super::context::sentence_bytes(line, 0)] } else { line };
    let title: String = line.chars().take(200).collect();
    (!title.is_empty()).then_some(title)
}

/// A first line longer than this is a paragraph, not a heading.
const TITLE_LINE: usize = 120;

/// The regions in force for a document, for testing whether an offset is in
/// one: sorted, merged ranges of code points.
#[derive(Debug, Clone, Default)]
pub struct Mask {
    ranges: Vec<(usize, usize)>,
}

impl Mask {
    pub fn new(regions: &[Region]) -> Mask {
        let mut spans: Vec<(usize, usize)> = regions.iter().map(|r| (r.start, r.end)).collect();
        spans.sort_unstable();
        let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match ranges.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => ranges.push((s, e)),
            }
        }
        Mask { ranges }
    }

    /// Whether code point `at` lies in a region.
    pub fn covers(&self, at: usize) -> bool {
        let i = self.ranges.partition_point(|&(s, _)| s <= at);
        i > 0 && at < self.ranges[i - 1].1
    }
}
