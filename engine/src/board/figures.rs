//! The figure board: counts across documents grouped by what they count
//! ([`super::things`]), each with its value, qualifier, sentence and source;
//! and the dates of all documents on one timeline.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::attribution::{self, Attribution, Mention};
use super::context::{sentence_bytes, ByteIndex, Passage};
use super::things::{place_key, thing_of, Thing};
use super::Open;
use crate::doc::{Amount, Annotation, NumberLabel, Scalar, Value};

/// Figures that count one thing, from one or more documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureGroup {
    /// The thing as most members write it (`North Korean troops`).
    pub thing: String,
    /// The normalised key the members share (`north kore troop`).
    pub key: String,
    /// In document order, then by position.
    pub members: Vec<FigureMember>,
}

impl FigureGroup {
    /// How many documents give a figure for this thing.
    pub fn documents(&self) -> usize {
        let mut docs: Vec<usize> = self.members.iter().map(|m| m.doc).collect();
        docs.dedup();
        docs.len()
    }
}

/// How a member came to its group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Joined {
    /// Its own words name the thing.
    Words,
    /// A bare head (`12,000 troops`) placed by the names in its sentence.
    Sentence,
    /// People of a place (`7,000 North Koreans`) joined to what that place's people are counted as.
    People,
}

/// One figure on the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureMember {
    /// Index of the document among the open ones.
    pub doc: usize,
    /// Index into the document's annotations.
    pub annotation: usize,
    pub start: usize,
    pub end: usize,
    /// The figure as written (`some 8,000`).
    pub text: String,
    /// The thing as this document writes it.
    pub of: String,
    pub value: Value,
    /// The hedge or bound written before the number (`some`, `up to`, `at least`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    pub sentence: Passage,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
    pub joined: Joined,
}

/// A day (or month) with every document's mentions of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateGroup {
    /// `YYYY-MM-DD` or `YYYY-MM`.
    pub date: String,
    pub members: Vec<DateMember>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMember {
    pub doc: usize,
    pub annotation: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub sentence: Passage,
}

/// What a group's figures share: the thing counted, and the unit they count it in
/// (a calibre in mm and a count of shells are not drawn on one axis).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    thing: Thing,
    unit: Option<String>,
}

impl Key {
    fn label(&self) -> String {
        match &self.unit {
            Some(unit) => format!("{} [{unit}]", self.thing),
            None => self.thing.to_string(),
        }
    }
}

/// A figure being placed: where it is and what it counts.
struct Found {
    member: FigureMember,
    key: Key,
    /// Place keys named in its sentence before it, nearest last.
    places_before: Vec<String>,
}

/// Counts, amounts and quantities of the open documents grouped by thing,
/// things counted in the most documents first.
pub(crate) fn groups(open: &[Open]) -> Vec<FigureGroup> {
    let mut found: Vec<Found> = Vec::new();
    for (d, o) in open.iter().enumerate() {
        let index = &o.index;
        let mentions = mentions(o, index);
        for (i, a) in o.doc.annotations.iter().enumerate() {
            let Annotation::Number(n) = a else { continue };
            if !matches!(n.label, NumberLabel::CARDINAL | NumberLabel::MONEY | NumberLabel::QUANTITY)
                || o.mask.covers(n.start)
            {
                continue;
            }
            let Some(of) = n.of.as_deref() else { continue };
            let end_byte = index.byte(n.end);
            let text = &o.doc.text;
            // The phrase follows the figure; what follows the phrase may say whose it is.
            let window = &text[end_byte..floor(text, (end_byte + of.len() + 12).min(text.len()))];
            let of_at = window.find(of).map(|k| end_byte + k);
            let after = of_at.map_or("", |at| {
                let from = at + of.len();
                let to = floor(text, (from + 80).min(text.len()));
                &text[from..to]
            });
            let Some(thing) = thing_of(of, after) else { continue };
            let start_byte = index.byte(n.start);
            let sentence = sentence_bytes(text, start_byte);
            let first = mentions.partition_point(|m| m.bytes.start < sentence.start);
            let in_sentence: Vec<&Mention> = mentions[first..]
                .iter()
                .take_while(|m| m.bytes.start < sentence.end)
                .filter(|m| m.bytes.end <= sentence.end)
                .collect();
            let places_before = in_sentence
                .iter()
                .filter(|m| m.bytes.end <= start_byte)
                .map(|m| place_key(&text[m.bytes.clone()]))
                .collect();
            let owned: Vec<Mention> = in_sentence
                .iter()
                .map(|m| Mention { bytes: m.bytes.clone(), cluster: m.cluster, label: m.label })
                .collect();
            let attribution = attribution::find(text, sentence.clone(), start_byte, &owned).map(|r| Attribution {
                text: text[r.clone()].to_string(),
                start: index.char(r.start),
                end: index.char(r.end),
                clusters: attribution::clusters_in(&owned, &r),
            });
            found.push(Found {
                member: FigureMember {
                    doc: d,
                    annotation: i,
                    start: n.start,
                    end: n.end,
                    text: n.text.clone(),
                    of: of.to_string(),
                    value: n.value.clone(),
                    qualifier: qualifier(&n.text),
                    sentence: Passage::of(index, sentence),
                    attribution,
                    joined: Joined::Words,
                },
                key: Key { thing, unit: n.value.unit.clone() },
                places_before,
            });
        }
    }
    place(found)
}

/// Groups figures by thing, then seats bare heads and people of a place in
/// the qualified group their sentence points to.
fn place(found: Vec<Found>) -> Vec<FigureGroup> {
    let mut by_key: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    for (k, f) in found.iter().enumerate() {
        by_key.entry(f.key.clone()).or_default().push(k);
    }
    let docs_of = |members: &[usize]| {
        let mut d: Vec<usize> = members.iter().map(|&k| found[k].member.doc).collect();
        d.sort_unstable();
        d.dedup();
        d.len()
    };
    // Where each bare head or people-of-a-place figure goes.
    let mut moves: Vec<(usize, Key, Joined)> = Vec::new();
    for (key, members) in &by_key {
        let thing = &key.thing;
        if thing.is_people() {
            // The group of people from that place counted most widely (troops, workers).
            let target = by_key
                .iter()
                .filter(|(k, _)| k.unit == key.unit && k.thing.counts_people() && !k.thing.is_people())
                .filter(|(k, _)| k.thing.qualifiers == thing.qualifiers && k.thing.states.is_empty())
                .max_by_key(|(k, m)| (docs_of(m), m.len(), std::cmp::Reverse((*k).clone())));
            if let Some((target, _)) = target {
                moves.extend(members.iter().map(|&k| (k, target.clone(), Joined::People)));
            }
        } else if thing.is_bare() {
            for &k in members {
                // The qualified group of this head whose place the sentence names, nearest first.
                let pick = found[k].places_before.iter().rev().find_map(|place| {
                    by_key.keys().find(|t| {
                        t.unit == key.unit
                            && t.thing.head == thing.head
                            && t.thing.states.is_empty()
                            && t.thing.qualifiers.len() == 1
                            && t.thing.qualifiers.contains(place)
                    })
                });
                if let Some(target) = pick {
                    moves.push((k, target.clone(), Joined::Sentence));
                }
            }
        }
    }
    let mut key_of_member: Vec<Key> = found.iter().map(|f| f.key.clone()).collect();
    let mut joined: Vec<Joined> = vec![Joined::Words; found.len()];
    for (k, target, how) in moves {
        key_of_member[k] = target;
        joined[k] = how;
    }
    let mut groups: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    for (k, key) in key_of_member.iter().enumerate() {
        groups.entry(key.clone()).or_default().push(k);
    }
    let mut found: Vec<Option<Found>> = found.into_iter().map(Some).collect();
    let mut out: Vec<FigureGroup> = groups
        .into_iter()
        .map(|(key, ks)| {
            let mut members: Vec<FigureMember> = ks
                .iter()
                .filter_map(|&k| {
                    let mut m = found[k].take()?.member;
                    m.joined = joined[k];
                    Some(m)
                })
                .collect();
            members.sort_by_key(|m| (m.doc, m.start));
            FigureGroup { thing: label(&members), key: key.label(), members }
        })
        .collect();
    out.sort_by(|a, b| {
        b.documents().cmp(&a.documents()).then(b.members.len().cmp(&a.members.len())).then_with(|| a.key.cmp(&b.key))
    });
    out
}

/// The wording most members that name the thing themselves use.
fn label(members: &[FigureMember]) -> String {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (k, m) in members.iter().enumerate().rev() {
        let weight = usize::from(m.joined == Joined::Words) * 100 + 1;
        let e = counts.entry(m.of.as_str()).or_insert((0, k));
        e.0 += weight;
        e.1 = k;
    }
    counts
        .into_iter()
        .max_by_key(|&(_, (n, first))| (n, std::cmp::Reverse(first)))
        .map_or_else(String::new, |(of, _)| of.to_string())
}

/// The words before the number in a figure's text (`some`, `up to`, `more than`).
fn qualifier(text: &str) -> Option<String> {
    let mut end = 0;
    for word in text.split_inclusive(' ') {
        let w = word.trim();
        let numeric = w.starts_with(|c: char| c.is_ascii_digit() || "$€£¥".contains(c))
            || crate::figures::words::cardinal(&w.to_lowercase()).is_some()
            || matches!(w.to_lowercase().as_str(), "hundreds" | "thousands" | "millions" | "dozens" | "tens" | "a");
        if numeric {
            break;
        }
        end += word.len();
    }
    let q = text[..end].trim();
    (!q.is_empty() && end < text.len()).then(|| q.to_string())
}

/// The entity mentions of a document outside its regions, in bytes, by start.
fn mentions<'d>(open: &Open<'d>, index: &ByteIndex) -> Vec<Mention<'d>> {
    open.doc
        .annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Entity(e) if !open.mask.covers(e.start) => Some(Mention {
                bytes: index.byte(e.start)..index.byte(e.end),
                cluster: e.cluster.as_str(),
                label: e.label,
            }),
            _ => None,
        })
        .collect()
}

fn floor(text: &str, mut b: usize) -> usize {
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// Every date with a day or month, across the open documents, in time order.
pub(crate) fn timeline(open: &[Open]) -> Vec<DateGroup> {
    let mut by_date: BTreeMap<String, Vec<DateMember>> = BTreeMap::new();
    for (d, o) in open.iter().enumerate() {
        let index = &o.index;
        for (i, a) in o.doc.annotations.iter().enumerate() {
            let Annotation::Number(n) = a else { continue };
            if n.label != NumberLabel::DATE || o.mask.covers(n.start) {
                continue;
            }
            let Amount::Exact(Some(Scalar::Text(date))) = &n.value.amount else { continue };
            let is_day = date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-';
            let is_month = date.len() == 7 && date.as_bytes()[4] == b'-';
            if !(is_day || is_month) || date.starts_with('-') {
                continue;
            }
            let sentence = sentence_bytes(&o.doc.text, index.byte(n.start));
            by_date.entry(date.clone()).or_default().push(DateMember {
                doc: d,
                annotation: i,
                start: n.start,
                end: n.end,
                text: n.text.clone(),
                sentence: Passage::of(index, sentence),
            });
        }
    }
    by_date.into_iter().map(|(date, members)| DateGroup { date, members }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_are_the_words_before_the_number() {
        assert_eq!(qualifier("some 8,000").as_deref(), Some("some"));
        assert_eq!(qualifier("up to 12,000").as_deref(), Some("up to"));
        assert_eq!(qualifier("at least 3,000").as_deref(), Some("at least"));
        assert_eq!(qualifier("as many as 10,000").as_deref(), Some("as many as"));
        assert_eq!(qualifier("11,000"), None);
        assert_eq!(qualifier("thousands"), None);
        assert_eq!(qualifier("around 8,000 to 12,000").as_deref(), Some("around"));
        assert_eq!(qualifier("several thousand").as_deref(), Some("several"));
    }
}
