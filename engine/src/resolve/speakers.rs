//! Speakers: ties each quote's speaker mention to the person or body meant.
//!
//! - A name snaps to the entity span that covers it and takes its cluster.
//! - A pronoun (`he said`) resolves to the nearest earlier sentence that names
//!   a person outside quotation marks; its leftmost such name (the subject, as
//!   news writes it) is the antecedent.
//! - A nominal speaker (`a South Korean official`) keeps its span, `nominal`,
//!   and no cluster.
//!
//! Person mentions come from the entity tagger (`PER`, and for `they` also
//! `ORG`). **Fallback while no tagger output is passed in** (the tagger stub
//! returns nothing): capitalised runs with titles stripped stand in for names;
//! a run counts as a person when a title preceded it, when it has two to four
//! words none of which is an organisation or place word, or when it repeats
//! the surname of such a person or of a quote's named speaker. The same
//! fallback gives a surname the fullest earlier form of the name as its
//! cluster (`Turner` -> `Mike Turner`). With real entities, only the tagger's
//! spans and clusters are used.

use std::collections::HashMap;
use std::ops::Range;

use super::ResolvedSpeaker;
use crate::doc::EntityLabel;
use crate::entities::EntityFound;
use crate::quotes::speakers::{is_capitalised, is_title, run_end, run_start, strip_run};
use crate::quotes::{QuoteFound, SpeakerKind};
use crate::text::Analysis;

/// Words that make a capitalised run an organisation, place or event, not a person (a
/// weekday too: `Black Friday`).
const NOT_PERSON: &[&str] = &[
    "Administration",
    "Affairs",
    "Agency",
    "Airlines",
    "America",
    "American",
    "Americans",
    "Army",
    "Asia",
    "Association",
    "Bank",
    "Board",
    "Bureau",
    "Campaign",
    "Center",
    "Centre",
    "China",
    "Chinese",
    "City",
    "Club",
    "College",
    "Command",
    "Commission",
    "Committee",
    "Company",
    "Congress",
    "Corp",
    "Council",
    "County",
    "Court",
    "Democrat",
    "Democratic",
    "Democrats",
    "Department",
    "District",
    "East",
    "Europe",
    "European",
    "Facebook",
    "Federal",
    "Force",
    "Forces",
    "Foundation",
    "Fox",
    "Fund",
    "GOP",
    "Government",
    "Group",
    "Guard",
    "Hall",
    "High",
    "Hospital",
    "House",
    "Institute",
    "Intelligence",
    "International",
    "Iran",
    "Island",
    "Israel",
    "Journal",
    "Kingdom",
    "Korea",
    "Korean",
    "Kremlin",
    "Lake",
    "League",
    "Media",
    "Middle",
    "Ministry",
    "Mountain",
    "Museum",
    "National",
    "Nations",
    "Navy",
    "Network",
    "News",
    "North",
    "Northern",
    "Office",
    "Organization",
    "Park",
    "Parliament",
    "Party",
    "Pentagon",
    "Police",
    "Post",
    "Press",
    "Republic",
    "Republican",
    "Republicans",
    "River",
    "Road",
    "Russia",
    "Russian",
    "School",
    "Sea",
    "Security",
    "Senate",
    "Service",
    "Services",
    "South",
    "Southern",
    "Square",
    "State",
    "States",
    "Street",
    "Supreme",
    "Times",
    "Today",
    "Tribune",
    "Twitter",
    "Ukraine",
    "Ukrainian",
    "Union",
    "United",
    "University",
    "War",
    "Washington",
    "West",
    "Western",
    "White",
    "York",
    "Zeitung",
    "Telegram",
    "CNN",
    "NBC",
    "ABC",
    "CBS",
    "MSNBC",
    "NPR",
    "BBC",
    "AP",
    "Reuters",
    "NATO",
    "UN",
    "EU",
    "US",
    "U.S.",
    "FBI",
    "CIA",
    "Clinic",
    "Inc",
    "Inc.",
    "Co",
    "Ltd",
    "Day",
    "Week",
];

/// A named mention that a pronoun may point to; `span` in bytes.
#[derive(Debug, Clone)]
struct Named {
    span: Range<usize>,
    cluster: String,
    person: bool,
}

/// Resolves each quote's speaker. `clusters` is the entity clusters, index for index.
pub fn resolve(
    analysis: &Analysis,
    entities: &[EntityFound],
    clusters: &[String],
    quotes: &[QuoteFound],
) -> Vec<ResolvedSpeaker> {
    let text = analysis.text;
    // Quotes, entities and names are sorted by start and do not overlap within
    // themselves, so every lookup below is a binary search, never a scan.
    let inside_quote = |r: &Range<usize>| {
        let i = quotes.partition_point(|q| q.span.start <= r.start);
        i > 0 && r.end <= quotes[i - 1].span.end
    };
    let names: Vec<Named> = if entities.is_empty() {
        fallback_names(analysis, quotes)
    } else {
        entities
            .iter()
            .zip(clusters.iter())
            .filter(|(e, _)| matches!(e.label, EntityLabel::PER | EntityLabel::ORG))
            .map(|(e, c)| Named { span: e.span.clone(), cluster: c.clone(), person: e.label == EntityLabel::PER })
            .collect()
    };
    let mut names = names;
    names.sort_by_key(|n| n.span.start);
    let outside: Vec<&Named> = names.iter().filter(|n| !inside_quote(&n.span)).collect();

    quotes
        .iter()
        .map(|q| {
            let Some(s) = &q.speaker else { return ResolvedSpeaker::default() };
            match s.kind {
                SpeakerKind::Nominal => ResolvedSpeaker { span: Some(s.span.clone()), cluster: None, nominal: true },
                SpeakerKind::Named => {
                    // Snap to the tagger's entity where there is one.
                    let first = entities.partition_point(|e| e.span.end <= s.span.start);
                    // Several names inside the mention (`Marcia “Cia” Price`): the mention is the name.
                    let several = entities.get(first + 1).is_some_and(|e| e.span.start < s.span.end);
                    if let Some((e, c)) = entities
                        .get(first)
                        .zip(clusters.get(first))
                        .filter(|(e, _)| e.span.start < s.span.end && !several)
                        .filter(|(e, _)| !swallows_cue(text, &e.span, &s.span))
                    {
                        return ResolvedSpeaker {
                            span: Some(e.span.clone()),
                            cluster: Some(c.clone()),
                            nominal: false,
                        };
                    }
                    let written = &text[s.span.clone()];
                    // Names never overlap, so only the last one starting at or
                    // before the speaker can hold it.
                    let before = names.partition_point(|n| n.span.start <= s.span.start);
                    let cluster = names[before.saturating_sub(1)..before]
                        .iter()
                        .find(|n| n.span.end >= s.span.end && !swallows_cue(text, &n.span, &s.span))
                        .map(|n| n.cluster.clone())
                        .unwrap_or_else(|| written.to_string());
                    ResolvedSpeaker { span: Some(s.span.clone()), cluster: Some(cluster), nominal: false }
                }
                SpeakerKind::Pronoun => {
                    let written = &text[s.span.clone()];
                    // `they` may be people or a body, `it` only a body, the rest people.
                    let refers: fn(&Named) -> bool = if written.eq_ignore_ascii_case("they") {
                        |_| true
                    } else if written.eq_ignore_ascii_case("it") {
                        |n| !n.person
                    } else {
                        |n| n.person
                    };
                    let cluster = antecedent(analysis, &outside, s.span.start, refers);
                    ResolvedSpeaker { span: Some(s.span.clone()), cluster, nominal: false }
                }
            }
        })
        .collect()
}

/// The cluster a pronoun at byte `at` refers to.
fn antecedent(a: &Analysis, names: &[&Named], at: usize, refers: fn(&Named) -> bool) -> Option<String> {
    let tok = a.token_at_or_after(at).min(a.tokens.len().saturating_sub(1));
    if a.tokens.is_empty() {
        return None;
    }
    let mut sentence = a.sentence_of(tok);
    for _ in 0..10 {
        let range = a.sentences.get(sentence)?;
        let lo = a.tokens.get(range.start)?.start;
        let hi = a.tokens.get(range.end.checked_sub(1)?)?.end.min(at);
        let from = names.partition_point(|n| n.span.start < lo);
        let first = names[from..].iter().take_while(|n| n.span.start < hi).find(|n| n.span.end <= hi && refers(n));
        if let Some(n) = first {
            return Some(n.cluster.clone());
        }
        sentence = sentence.checked_sub(1)?;
    }
    None
}

/// Capitalised-name fallback (see the module comment) while the tagger gives nothing.
fn fallback_names(a: &Analysis, quotes: &[QuoteFound]) -> Vec<Named> {
    let text = a.text;
    let n = a.tokens.len();
    let mut runs: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_capitalised(a, i) || (i > 0 && run_start(a, i) < i) {
            i += 1;
            continue;
        }
        // Find where this run ends: the last token whose run starts at `i`.
        let last = run_end(a, i, n);
        let titled = (i..=last).any(|k| is_title(a.token_text(k)));
        if let Some((f, l)) = strip_run(a, i, last) {
            runs.push((f, l, titled));
        }
        i = last + 1;
    }
    let speakers: Vec<&str> = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .filter(|s| s.kind == SpeakerKind::Named)
        .map(|s| &text[s.span.clone()])
        .collect();
    let words = |f: usize, l: usize| -> Vec<&str> {
        (f..=l).map(|k| a.token_text(k)).filter(|w| w.chars().next().is_some_and(char::is_alphabetic)).collect()
    };
    // Full names, keyed by surname: the first (fullest) form wins.
    let mut full: HashMap<&str, &str> = HashMap::new();
    let mut out = Vec::with_capacity(runs.len());
    for &(f, l, titled) in &runs {
        let ws = words(f, l);
        let written = &text[a.tokens[f].start..a.tokens[l].end];
        let placey = ws.iter().any(|w| NOT_PERSON.contains(w) || crate::calendar::WEEKDAYS.contains(w));
        let person = !placey && (titled || (2..=4).contains(&ws.len()));
        if person && ws.len() >= 2 {
            if let Some(last) = ws.last() {
                let entry = full.entry(last).or_insert(written);
                if written.len() > entry.len() {
                    *entry = written;
                }
            }
        }
        out.push((f, l, written, person, placey));
    }
    out.into_iter()
        .map(|(f, l, written, person, placey)| {
            let surname = written.rsplit(' ').next().unwrap_or(written);
            let known = full.get(surname).copied();
            let person = person || (!placey && (known.is_some() || speakers.contains(&written)));
            let cluster = match known {
                Some(name) if name.ends_with(written) => name.to_string(),
                _ => written.to_string(),
            };
            Named { span: a.tokens[f].start..a.tokens[l].end, cluster, person }
        })
        .collect()
}

/// The entity reaches past the speaker mention over a cue or a function word
/// (`Said Lopez` for `Said Lopez: “…”`): the mention's own span is the better one.
fn swallows_cue(text: &str, entity: &Range<usize>, mention: &Range<usize>) -> bool {
    let before = text.get(entity.start..mention.start.max(entity.start)).unwrap_or("");
    let after = text.get(mention.end.min(entity.end)..entity.end).unwrap_or("");
    [before, after].iter().flat_map(|part| part.split_whitespace()).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        crate::quotes::cues::is_cue(w) || crate::quotes::speakers::is_stopword(w)
    })
}
