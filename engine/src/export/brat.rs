//! brat standoff: per document a `NAME.txt` (the text) and a `NAME.ann` (its
//! annotations), zipped with an `annotation.conf` (so the folder opens in brat as it
//! is) and a `newslens.json` (document metadata and the reader's rejections, which
//! brat has no place for).
//!
//! Offsets are code points: brat counts characters as Python does, one per code point.
//!
//! In `NAME.ann`, in this order:
//! - `T1\tPER 164 183\tVolodymyr Zelenskyy`: every annotation, in document order, its
//!   label as the type (labels are unique across layers). A span over line breaks or
//!   tabs is written in fragments, `T7\tDIRECT 812 870;871 966\t...`, brat's way for text
//!   over lines, the fragments' text joined by spaces. A span that starts or ends with
//!   a line break is one fragment whose text shows the breaks as spaces.
//! - `T9\tMention 968 977\the`: a speaker that is not an entity annotation.
//! - `R1\tSpeaker Arg1:T7 Arg2:T2`: the quote `T7` is said by `T2`;
//!   `R2\tCoSpeaker Arg1:T7 Arg2:T3` for each co-speaker, in order.
//! - `A1\tSource T4 user` for the reader's annotations; `A2\tNominal T7` and
//!   `A3\tTruncated T7` for those quote flags.
//! - `#1\tAnnotatorNotes T1\t{"cluster":"Volodymyr Zelenskyy"}`: the fields brat has no
//!   column for, as one line of JSON: an entity's `cluster`; a number's `value` and
//!   `of`; a quote's `cue` and `speaker_cluster`.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::{is_line_break, one_line_json, structure, syntax, zip, Format};
use crate::doc::{
    Annotation, Document, Entity, EntityLabel, Number, NumberLabel, Origin, Quote, QuoteLabel, Rejection, Span, Value,
};
use crate::error::Result;
use crate::text::CharMap;

/// brat's configuration for the labels, relations and attributes written here.
const ANNOTATION_CONF: &str = "\
# NewsLens export: offsets count Unicode code points.
[entities]
PER
ORG
LOC
MISC
CARDINAL
MONEY
PERCENT
QUANTITY
ORDINAL
DATE
TIME
DURATION
DIRECT
PARTIAL
Mention

[relations]
Speaker\tArg1:DIRECT|PARTIAL, Arg2:<ENTITY>
CoSpeaker\tArg1:DIRECT|PARTIAL, Arg2:<ENTITY>
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Source\tArg:<ENTITY>, Value:user
Nominal\tArg:DIRECT|PARTIAL
Truncated\tArg:DIRECT|PARTIAL
";

const SIDECAR: &str = "newslens.json";
const SIDECAR_FORMAT: &str = "newslens-brat";

/// `newslens.json`: what brat has no place for, and the documents' order.
#[derive(Serialize, Deserialize)]
struct Sidecar {
    format: String,
    version: u64,
    offsets: String,
    documents: Vec<DocumentMeta>,
}

#[derive(Serialize, Deserialize)]
struct DocumentMeta {
    /// `NAME` of `NAME.txt` and `NAME.ann`.
    name: String,
    title: Option<String>,
    byline: Option<String>,
    source: Option<String>,
    dateline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    site_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lang: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rejected: Vec<Rejection>,
}

/// The fields of an annotation that brat has no column for (`AnnotatorNotes`).
#[derive(Serialize, Deserialize, Default)]
struct Note {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cluster: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speaker_cluster: Option<String>,
}

pub(super) fn write(docs: &[Document]) -> Result<Vec<u8>> {
    let names = file_names(docs);
    let sidecar = Sidecar {
        format: SIDECAR_FORMAT.into(),
        version: super::native::VERSION,
        offsets: "unicode code points".into(),
        documents: docs
            .iter()
            .zip(&names)
            .map(|(doc, name)| DocumentMeta {
                name: name.clone(),
                title: doc.title.clone(),
                byline: doc.byline.clone(),
                source: doc.source.clone(),
                dateline: doc.dateline.clone(),
                site_name: doc.site_name.clone(),
                lang: doc.lang.clone(),
                rejected: doc.rejected.clone(),
            })
            .collect(),
    };
    let mut files = vec![
        ("annotation.conf".to_string(), ANNOTATION_CONF.as_bytes().to_vec()),
        (SIDECAR.to_string(), serde_json::to_vec_pretty(&sidecar).unwrap_or_default()),
    ];
    for (doc, name) in docs.iter().zip(&names) {
        files.push((format!("{name}.txt"), doc.text.as_bytes().to_vec()));
        files.push((format!("{name}.ann"), ann(doc).into_bytes()));
    }
    zip::write(&files)
}

/// The `.ann` file of one document (see the module's documentation).
pub(super) fn ann(doc: &Document) -> String {
    let chars = CharMap::new(&doc.text);
    let mut out = String::new();
    let mut ids = Vec::with_capacity(doc.annotations.len());
    let mut entity_ids = HashMap::new();
    for (i, a) in doc.annotations.iter().enumerate() {
        let id = i + 1;
        let (start, end) = a.range();
        text_bound(&mut out, id, a.label(), &chars, start, end);
        if a.layer() == crate::Layer::Entity {
            entity_ids.insert((start, end), id);
        }
        ids.push(id);
    }
    let mut next = doc.annotations.len() + 1;
    let mut speaker_id = |out: &mut String, s: &Span| {
        *entity_ids.entry((s.start, s.end)).or_insert_with(|| {
            text_bound(out, next, "Mention", &chars, s.start, s.end);
            next += 1;
            next - 1
        })
    };
    let mut relations = Vec::new();
    for (a, &id) in doc.annotations.iter().zip(&ids) {
        if let Annotation::Quote(q) = a {
            if let Some(s) = &q.speaker {
                relations.push(("Speaker", id, speaker_id(&mut out, s)));
            }
            for s in &q.co_speakers {
                relations.push(("CoSpeaker", id, speaker_id(&mut out, s)));
            }
        }
    }
    for (n, (kind, quote, speaker)) in relations.iter().enumerate() {
        let _ = writeln!(out, "R{}\t{kind} Arg1:T{quote} Arg2:T{speaker}", n + 1);
    }
    let mut attribute = 0;
    for (a, id) in doc.annotations.iter().zip(&ids) {
        let mut flag = |out: &mut String, what: &str| {
            attribute += 1;
            let _ = writeln!(out, "A{attribute}\t{what} T{id}{}", if what == "Source" { " user" } else { "" });
        };
        if a.source().is_user() {
            flag(&mut out, "Source");
        }
        if let Annotation::Quote(q) = a {
            if q.nominal {
                flag(&mut out, "Nominal");
            }
            if q.truncated {
                flag(&mut out, "Truncated");
            }
        }
    }
    for (n, (a, id)) in doc.annotations.iter().zip(&ids).enumerate() {
        let note = match a {
            Annotation::Entity(e) => Note { cluster: Some(e.cluster.clone()), ..Note::default() },
            Annotation::Number(x) => Note { value: Some(x.value.clone()), of: x.of.clone(), ..Note::default() },
            Annotation::Quote(q) => {
                Note { cue: q.cue.clone(), speaker_cluster: q.speaker_cluster.clone(), ..Note::default() }
            }
        };
        let json = one_line_json(serde_json::to_string(&note).unwrap_or_default());
        let _ = writeln!(out, "#{}\tAnnotatorNotes T{id}\t{json}", n + 1);
    }
    out
}

/// Characters a `.ann` line cannot hold: line breaks (as Python's readers see them) and tabs.
fn breaks_line(c: char) -> bool {
    c == '\t' || is_line_break(c)
}

/// Writes `T{id}\t{label} {fragments}\t{text}`.
fn text_bound(out: &mut String, id: usize, label: &str, chars: &CharMap<'_>, start: usize, end: usize) {
    let covered = chars.slice(start, end).unwrap_or_default();
    let starts_or_ends_broken =
        covered.chars().next().is_some_and(breaks_line) || covered.chars().next_back().is_some_and(breaks_line);
    let mut fragments: Vec<(usize, usize)> = Vec::new();
    if starts_or_ends_broken {
        fragments.push((start, end));
    } else {
        let mut open = None;
        for (i, c) in covered.chars().enumerate() {
            match (breaks_line(c), open) {
                (true, Some(from)) => {
                    fragments.push((from, start + i));
                    open = None;
                }
                (false, None) => open = Some(start + i),
                _ => {}
            }
        }
        if let Some(from) = open {
            fragments.push((from, end));
        }
    }
    let spans: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
    let texts: Vec<String> = fragments
        .iter()
        .map(|&(s, e)| {
            chars.slice(s, e).unwrap_or_default().chars().map(|c| if breaks_line(c) { ' ' } else { c }).collect()
        })
        .collect();
    let _ = writeln!(out, "T{id}\t{label} {}\t{}", spans.join(";"), texts.join(" "));
}

/// One file name per document, from its source file's name, unique, in `[A-Za-z0-9._-]`.
fn file_names(docs: &[Document]) -> Vec<String> {
    let mut used = std::collections::HashSet::new();
    docs.iter()
        .enumerate()
        .map(|(i, doc)| {
            let stem = doc.source.as_deref().map(stem).unwrap_or_default();
            let clean: String = stem
                .chars()
                .take(80)
                .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' })
                .collect();
            let base = if clean.trim_matches('.').is_empty() { format!("doc-{:03}", i + 1) } else { clean };
            let mut name = base.clone();
            let mut n = 1;
            while !used.insert(name.to_ascii_lowercase()) || name == "newslens" || name == "annotation" {
                n += 1;
                name = format!("{base}-{n}");
            }
            name
        })
        .collect()
}

/// `dir/000_abc.txt` -> `000_abc`.
fn stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Document>> {
    let files = zip::read(bytes)?;
    let by_name: HashMap<&str, &[u8]> = files.iter().map(|(n, d)| (n.as_str(), d.as_slice())).collect();
    let sidecar = match by_name.get(SIDECAR) {
        Some(json) => {
            let sidecar: Sidecar =
                serde_json::from_slice(json).map_err(|e| syntax(Format::Brat, format!("{SIDECAR}: {e}")))?;
            if sidecar.format != SIDECAR_FORMAT {
                return Err(structure(Format::Brat, format!("{SIDECAR} is not a NewsLens brat sidecar")));
            }
            sidecar.documents
        }
        // A brat folder zipped by hand: every `.txt`, in archive order, its name as source.
        None => files
            .iter()
            .filter_map(|(n, _)| n.strip_suffix(".txt"))
            .map(|name| DocumentMeta {
                name: name.to_string(),
                title: None,
                byline: None,
                source: Some(format!("{name}.txt")),
                dateline: None,
                site_name: None,
                lang: None,
                rejected: Vec::new(),
            })
            .collect(),
    };
    sidecar
        .into_iter()
        .map(|meta| {
            let file = |ext: &str| by_name.get(format!("{}.{ext}", meta.name).as_str()).copied();
            let txt = file("txt").ok_or_else(|| structure(Format::Brat, format!("{}.txt is missing", meta.name)))?;
            let text = std::str::from_utf8(txt)
                .map_err(|e| syntax(Format::Brat, format!("{}.txt: {e}", meta.name)))?
                .to_string();
            let ann = std::str::from_utf8(file("ann").unwrap_or_default())
                .map_err(|e| syntax(Format::Brat, format!("{}.ann: {e}", meta.name)))?;
            let annotations = parse_ann(&meta.name, &text, ann)?;
            Ok(Document {
                text_len: text.chars().count(),
                text,
                title: meta.title,
                byline: meta.byline,
                source: meta.source,
                dateline: meta.dateline,
                site_name: meta.site_name,
                lang: meta.lang,
                annotations,
                rejected: meta.rejected,
            })
        })
        .collect()
}

/// A `T` line: its label and the span its fragments cover.
struct TextBound {
    label: String,
    start: usize,
    end: usize,
}

/// Reads one document's `.ann` against its text.
pub(super) fn parse_ann(name: &str, text: &str, ann: &str) -> Result<Vec<Annotation>> {
    let chars = CharMap::new(text);
    let mut bounds: HashMap<&str, TextBound> = HashMap::new();
    let mut order = Vec::new();
    let mut relations: Vec<(&str, &str, &str)> = Vec::new();
    let mut flags: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut notes: HashMap<&str, &str> = HashMap::new();
    for (n, line) in ann.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let bad = |what: &str| structure(Format::Brat, format!("{name}.ann line {}: {what}", n + 1));
        let mut cols = line.splitn(3, '\t');
        let (id, spec) = (cols.next().unwrap_or_default(), cols.next().unwrap_or_default());
        match line.chars().next() {
            None => {}
            Some('T') => {
                let (label, fragments) = spec.split_once(' ').ok_or_else(|| bad("no offsets"))?;
                let bound =
                    read_fragments(&chars, fragments, cols.next().unwrap_or_default()).map_err(|what| bad(&what))?;
                bounds.insert(id, TextBound { label: label.to_string(), start: bound.0, end: bound.1 });
                order.push(id);
            }
            Some('R') => {
                let mut parts = spec.split(' ');
                let kind = parts.next().unwrap_or_default();
                let (arg1, arg2) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
                let (Some(quote), Some(speaker)) = (arg1.strip_prefix("Arg1:"), arg2.strip_prefix("Arg2:")) else {
                    return Err(bad("a relation needs Arg1 and Arg2"));
                };
                relations.push((kind, quote, speaker));
            }
            Some('A' | 'M') => {
                let mut parts = spec.split(' ');
                let (what, target) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
                flags.entry(target).or_default().push(what);
            }
            Some('#') => {
                if let Some(target) = spec.strip_prefix("AnnotatorNotes ") {
                    notes.insert(target, cols.next().unwrap_or_default());
                }
            }
            // Normalisations, events and equivalences from other tools say nothing NewsLens keeps.
            Some('N' | 'E' | '*') => {}
            Some(_) => return Err(bad("not a brat annotation line")),
        }
    }
    let span_of = |id: &str| -> Result<Span> {
        let b = bounds.get(id).ok_or_else(|| structure(Format::Brat, format!("{name}.ann: no text-bound {id}")))?;
        Ok(Span { start: b.start, end: b.end, text: chars.slice(b.start, b.end).unwrap_or_default().to_string() })
    };
    let mut annotations = Vec::with_capacity(order.len());
    for id in order {
        let b = &bounds[id];
        if b.label == "Mention" {
            continue;
        }
        let note: Note = match notes.get(id) {
            Some(json) => serde_json::from_slice(json.as_bytes())
                .map_err(|e| structure(Format::Brat, format!("{name}.ann: note on {id}: {e}")))?,
            None => Note::default(),
        };
        let has = |flag: &str| flags.get(id).is_some_and(|f| f.contains(&flag));
        let source = if has("Source") { Origin::User } else { Origin::Engine };
        let text = chars.slice(b.start, b.end).unwrap_or_default().to_string();
        let (start, end) = (b.start, b.end);
        let annotation = if let Some(&label) = EntityLabel::ALL.iter().find(|l| l.as_str() == b.label) {
            let cluster = note.cluster.unwrap_or_else(|| text.clone());
            Annotation::Entity(Entity { label, start, end, text, cluster, source })
        } else if let Some(&label) = NumberLabel::ALL.iter().find(|l| l.as_str() == b.label) {
            let value = note.value.unwrap_or_default();
            Annotation::Number(Number { label, start, end, text, value, of: note.of, source })
        } else if let Some(&label) = QuoteLabel::ALL.iter().find(|l| l.as_str() == b.label) {
            let spoken_by =
                |kind: &'static str| relations.iter().filter(move |r| r.0 == kind && r.1 == id).map(|r| r.2);
            Annotation::Quote(Quote {
                label,
                start,
                end,
                text,
                cue: note.cue,
                speaker: spoken_by("Speaker").next().map(span_of).transpose()?,
                speaker_cluster: note.speaker_cluster,
                nominal: has("Nominal"),
                co_speakers: spoken_by("CoSpeaker").map(span_of).collect::<Result<_>>()?,
                truncated: has("Truncated"),
                source,
            })
        } else {
            return Err(structure(Format::Brat, format!("{name}.ann: {id} has label {:?}, not the guide's", b.label)));
        };
        annotations.push(annotation);
    }
    crate::corrections::sort(&mut annotations);
    Ok(annotations)
}

/// The span `s e;s e...` covers, checked: fragments in order, separated only by line
/// breaks or tabs, and `shown` equal to their text joined by spaces (breaks as spaces).
fn read_fragments(chars: &CharMap<'_>, fragments: &str, shown: &str) -> Result<(usize, usize), String> {
    let mut spans = Vec::new();
    for fragment in fragments.split(';') {
        let (s, e) = fragment.split_once(' ').ok_or("a fragment needs a start and an end")?;
        let (s, e) = (s.parse::<usize>(), e.parse::<usize>());
        let (Ok(s), Ok(e)) = (s, e) else { return Err(format!("offsets {fragment:?} are not numbers")) };
        if s > e || chars.slice(s, e).is_none() {
            return Err(format!("fragment {s}..{e} is outside the text"));
        }
        spans.push((s, e));
    }
    for pair in spans.windows(2) {
        let gap = chars.slice(pair[0].1, pair[1].0).ok_or("fragments out of order")?;
        if !gap.chars().all(breaks_line) {
            return Err("fragments are separated by more than line breaks".into());
        }
    }
    let texts: Vec<String> = spans
        .iter()
        .map(|&(s, e)| {
            chars.slice(s, e).unwrap_or_default().chars().map(|c| if breaks_line(c) { ' ' } else { c }).collect()
        })
        .collect();
    if texts.join(" ") != shown {
        return Err(format!("the text {shown:?} is not the document's text at {fragments}"));
    }
    let (first, last) = (spans.first(), spans.last());
    Ok((first.map_or(0, |f| f.0), last.map_or(0, |l| l.1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        let text = "“We will\nwin,” he said. Kyiv agreed.";
        let quote = Annotation::Quote(Quote {
            label: QuoteLabel::DIRECT,
            start: 0,
            end: 14,
            text: "“We will\nwin,”".into(),
            cue: Some("said".into()),
            speaker: Some(Span { start: 15, end: 17, text: "he".into() }),
            speaker_cluster: Some("Volodymyr Zelenskyy".into()),
            nominal: false,
            co_speakers: vec![Span { start: 24, end: 28, text: "Kyiv".into() }],
            truncated: false,
            source: Origin::User,
        });
        let kyiv = Annotation::Entity(Entity {
            label: EntityLabel::LOC,
            start: 24,
            end: 28,
            text: "Kyiv".into(),
            cluster: "Kyiv".into(),
            source: Origin::Engine,
        });
        Document { source: Some("a.txt".into()), ..Document::new(text, vec![quote, kyiv]) }
    }

    #[test]
    fn ann_lines_are_brats() {
        let doc = doc();
        assert_eq!(
            ann(&doc),
            "T1\tDIRECT 0 8;9 14\t“We will win,”\n\
             T2\tLOC 24 28\tKyiv\n\
             T3\tMention 15 17\the\n\
             R1\tSpeaker Arg1:T1 Arg2:T3\n\
             R2\tCoSpeaker Arg1:T1 Arg2:T2\n\
             A1\tSource T1 user\n\
             #1\tAnnotatorNotes T1\t{\"cue\":\"said\",\"speaker_cluster\":\"Volodymyr Zelenskyy\"}\n\
             #2\tAnnotatorNotes T2\t{\"cluster\":\"Kyiv\"}\n"
        );
        assert_eq!(parse_ann("a", &doc.text, &ann(&doc)).unwrap(), doc.annotations);
    }

    #[test]
    fn a_line_that_does_not_match_the_text_is_refused() {
        let doc = doc();
        let moved = ann(&doc).replace("LOC 24 28", "LOC 23 27");
        assert!(parse_ann("a", &doc.text, &moved).is_err());
        let joined = ann(&doc).replace("0 8;9 14", "0 8;10 14");
        assert!(parse_ann("a", &doc.text, &joined).is_err());
    }

    #[test]
    fn file_names_are_safe_and_unique() {
        let mut docs = vec![doc(), doc(), doc(), doc()];
        docs[1].source = Some("dir\\a.txt".into());
        docs[2].source = Some("../x y/€.html".into());
        docs[3].source = None;
        assert_eq!(file_names(&docs), ["a", "a-2", "_", "doc-004"]);
    }
}
