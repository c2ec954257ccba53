//! Entity clusters measured on the reference samples: cluster accuracy and
//! B-cubed, given the reference mentions and given the engine's own.
//!
//! Accuracy is the share of mentions whose predicted cluster string equals the
//! reference's (names must agree). B-cubed scores the grouping alone: for each
//! mention, how much of its predicted cluster is in its reference cluster
//! (precision) and the converse (recall). Three settings:
//! - `alone`: each reference document clustered by itself;
//! - `together`: the reference documents open side by side ([`newslens::board::unify_clusters`]);
//! - `with samples`: every sample open, the ones without references tagged by the engine.

use std::collections::HashMap;
use std::fmt;

use newslens::doc::Annotation;
use newslens::entities::EntityFound;
use newslens::resolve::clusters::Clusters;
use newslens::text::Analysis;
use newslens::{board, page, Document, Engine};

use crate::{data_path, gold_samples, GoldSample};

/// Cluster scores over a set of mentions.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ClusterScore {
    pub mentions: usize,
    /// Mentions whose cluster string equals the reference's.
    pub correct: usize,
    pub b3_precision: f64,
    pub b3_recall: f64,
}

impl ClusterScore {
    pub fn accuracy(&self) -> f64 {
        if self.mentions == 0 {
            0.0
        } else {
            self.correct as f64 / self.mentions as f64
        }
    }
    pub fn b3_f1(&self) -> f64 {
        let (p, r) = (self.b3_precision, self.b3_recall);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl fmt::Display for ClusterScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "accuracy {:.4} ({}/{})  B3 P {:.4} R {:.4} F1 {:.4}",
            self.accuracy(),
            self.correct,
            self.mentions,
            self.b3_precision,
            self.b3_recall,
            self.b3_f1()
        )
    }
}

/// Scores `(predicted, gold)` cluster pairs, one per mention. Mentions of
/// different documents are told apart by the caller (prefix the strings
/// with a document id for per-document B-cubed, or not for cross-document).
pub fn score(pairs: &[(String, String)]) -> ClusterScore {
    let n = pairs.len();
    if n == 0 {
        return ClusterScore::default();
    }
    let mut pred: HashMap<&str, usize> = HashMap::new();
    let mut gold: HashMap<&str, usize> = HashMap::new();
    let mut both: HashMap<(&str, &str), usize> = HashMap::new();
    for (p, g) in pairs {
        *pred.entry(p).or_default() += 1;
        *gold.entry(g).or_default() += 1;
        *both.entry((p, g)).or_default() += 1;
    }
    let (mut bp, mut br) = (0.0, 0.0);
    for (p, g) in pairs {
        let overlap = both[&(p.as_str(), g.as_str())] as f64;
        bp += overlap / pred[p.as_str()] as f64;
        br += overlap / gold[g.as_str()] as f64;
    }
    ClusterScore {
        mentions: n,
        correct: pairs.iter().filter(|(p, g)| p == g).count(),
        b3_precision: bp / n as f64,
        b3_recall: br / n as f64,
    }
}

/// The reference entities of a sample as the engine's byte-offset mentions.
pub fn gold_mentions(sample: &GoldSample) -> (Vec<EntityFound>, Vec<String>) {
    let byte_of: Vec<usize> =
        sample.text.char_indices().map(|(b, _)| b).chain(std::iter::once(sample.text.len())).collect();
    let mut out: Vec<(EntityFound, String)> = sample
        .gold
        .annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Entity(e) => {
                Some((EntityFound { span: byte_of[e.start]..byte_of[e.end], label: e.label }, e.cluster.clone()))
            }
            _ => None,
        })
        .collect();
    out.sort_by_key(|(e, _)| e.span.start);
    out.into_iter().unzip()
}

/// A document holding the reference mentions of a sample, with predicted clusters.
fn predicted_document(sample: &GoldSample) -> Document {
    let (mentions, _) = gold_mentions(sample);
    let analysis = Analysis::new(&sample.text);
    let names = Clusters::build(&analysis, &mentions).names;
    let mut doc = sample.gold.clone();
    let mut k = 0;
    // Reference entities are sorted by start, as the mentions are.
    for a in &mut doc.annotations {
        if let Annotation::Entity(e) = a {
            e.cluster = names.get(k).cloned().unwrap_or_default();
            k += 1;
        }
    }
    doc
}

fn entity_clusters(doc: &Document) -> Vec<((usize, usize), String)> {
    doc.annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Entity(e) => Some(((e.start, e.end), e.cluster.clone())),
            _ => None,
        })
        .collect()
}

/// Pairs (predicted, gold) for every reference mention of `gold` that
/// `predicted` also has (same span); `tag` keeps documents apart in B-cubed.
fn pairs_for(predicted: &Document, gold: &Document, tag: Option<&str>) -> Vec<(String, String)> {
    let pred: HashMap<(usize, usize), String> = entity_clusters(predicted).into_iter().collect();
    let t = |s: &str| match tag {
        Some(tag) => format!("{tag}\u{1}{s}"),
        None => s.to_string(),
    };
    entity_clusters(gold).into_iter().filter_map(|(span, g)| pred.get(&span).map(|p| (t(p), t(&g)))).collect()
}

/// One figure in a line-up: (document, figure text, its own `of`).
pub type FigureRow = (String, String, String);

/// Every figure the report prints.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per reference document clustered alone: (name, score).
    pub alone: Vec<(String, ClusterScore)>,
    pub alone_total: ClusterScore,
    /// Reference documents open together (B-cubed across documents).
    pub together: ClusterScore,
    /// Every sample open; the unreferenced ones carry the engine's entities.
    pub with_samples: ClusterScore,
    /// The engine's own entities on the reference documents, all samples open:
    /// scored over the mentions whose span matches a reference mention.
    pub engine_matched: ClusterScore,
    /// Reference mentions the engine found with the exact span.
    pub engine_span_recall: (usize, usize),
    /// Mentions clustered wrong in `with_samples`: (doc, text, predicted, gold).
    pub misses: Vec<(String, String, String, String)>,
    /// Figures the board lines up across the reference documents:
    /// (thing, [(document, figure text, its own `of`)]), things in two or more documents.
    pub figure_lineup: Vec<(String, Vec<FigureRow>)>,
}

/// Runs every setting; `None` when the reference data is missing.
pub fn report() -> Option<Report> {
    let samples = gold_samples();
    if samples.is_empty() {
        return None;
    }
    let mut r = Report::default();
    let mut all_alone = Vec::new();
    let mut predicted: Vec<Document> = Vec::new();
    for s in &samples {
        let doc = predicted_document(s);
        let pairs = pairs_for(&doc, &s.gold, Some(&s.name));
        r.alone.push((s.name.clone(), score(&pairs)));
        all_alone.extend(pairs);
        predicted.push(doc);
    }
    r.alone_total = score(&all_alone);

    let mut together = predicted.clone();
    board::unify_clusters(&mut together);
    let pairs: Vec<_> = together.iter().zip(&samples).flat_map(|(d, s)| pairs_for(d, &s.gold, None)).collect();
    r.together = score(&pairs);

    // Every sample open, in file order; the engine annotates those without references.
    let engine = Engine::new().ok()?;
    let mut open: Vec<Document> = Vec::new();
    let mut engine_open: Vec<Document> = Vec::new();
    let mut gold_at: Vec<(usize, usize)> = Vec::new();
    if let Some(dir) = data_path("samples", "cluster evaluation with every sample open") {
        let mut files: Vec<_> =
            std::fs::read_dir(&dir).map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
        files.sort();
        for path in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            let engine_doc = engine.annotate(&page::from_str(&text, page::Format::Text), Some(&name));
            match samples.iter().position(|s| s.name == name) {
                Some(k) => {
                    gold_at.push((open.len(), k));
                    open.push(predicted[k].clone());
                }
                None => open.push(engine_doc.clone()),
            }
            engine_open.push(engine_doc);
        }
    }
    board::unify_clusters(&mut open);
    board::unify_clusters(&mut engine_open);
    let mut pairs = Vec::new();
    let mut engine_pairs = Vec::new();
    let mut found = 0;
    let mut total = 0;
    for &(i, k) in &gold_at {
        let gold = &samples[k].gold;
        pairs.extend(pairs_for(&open[i], gold, None));
        let p = pairs_for(&engine_open[i], gold, None);
        found += p.len();
        total += entity_clusters(gold).len();
        engine_pairs.extend(p);
        let pred: HashMap<(usize, usize), String> = entity_clusters(&open[i]).into_iter().collect();
        for a in &gold.annotations {
            if let Annotation::Entity(e) = a {
                let p = pred.get(&(e.start, e.end)).cloned().unwrap_or_default();
                if p != e.cluster {
                    r.misses.push((samples[k].name.clone(), e.text.clone(), p, e.cluster.clone()));
                }
            }
        }
    }
    r.with_samples = score(&pairs);
    r.engine_matched = score(&engine_pairs);
    r.engine_span_recall = (found, total);
    r.misses.sort();
    r.misses.dedup();

    let golds: Vec<Document> = samples.iter().map(|s| s.gold.clone()).collect();
    for g in board::build(&golds).figures.into_iter().filter(|g| g.documents() > 1) {
        let rows = g.members.iter().map(|m| (samples[m.doc].name.clone(), m.text.clone(), m.of.clone())).collect();
        r.figure_lineup.push((g.key, rows));
    }
    Some(r)
}

/// Clusters a synthetic text of about `bytes` bytes dense with names (a few
/// thousand people, places and acronyms, surnames alone, possessives) and
/// returns `(mentions, seconds)`: the linker must stay linear.
pub fn speed(bytes: usize) -> (usize, f64) {
    const FIRST: &[&str] = &[
        "Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kofi", "Lena",
        "Marek", "Nadia", "Omar", "Petra", "Quentin", "Rosa", "Sven", "Tariq",
    ];
    const LAST: &[&str] = &[
        "Abbott",
        "Baranov",
        "Castillo",
        "Dubois",
        "Eriksen",
        "Fischer",
        "Garcia",
        "Hoffman",
        "Ivanova",
        "Jensen",
        "Kowalski",
        "Lindqvist",
        "Moreau",
        "Novak",
        "Okafor",
        "Petrov",
        "Quinn",
        "Rossi",
        "Schmidt",
        "Tanaka",
        "Udeh",
        "Varga",
        "Weber",
        "Xu",
        "Yilmaz",
        "Zhou",
    ];
    let mut text = String::with_capacity(bytes + 200);
    let mut found = Vec::new();
    let mut push = |text: &mut String, name: &str, label: newslens::doc::EntityLabel| {
        found.push(EntityFound { span: text.len()..text.len() + name.len(), label });
        text.push_str(name);
    };
    let mut i = 0usize;
    while text.len() < bytes {
        let f = FIRST[i % FIRST.len()];
        let l = LAST[(i / FIRST.len()) % LAST.len()];
        let suffix = i / (FIRST.len() * LAST.len());
        let last = format!("{l}{}", if suffix > 0 { format!("-{suffix}") } else { String::new() });
        push(&mut text, &format!("{f} {last}"), newslens::doc::EntityLabel::PER);
        text.push_str(" told the ");
        push(&mut text, &format!("Council of {last} Affairs"), newslens::doc::EntityLabel::ORG);
        text.push_str(" in ");
        push(&mut text, &format!("{l}grad"), newslens::doc::EntityLabel::LOC);
        text.push_str(". Later ");
        push(&mut text, &format!("{last}'s"), newslens::doc::EntityLabel::PER);
        text.push_str(" aides met the ");
        push(&mut text, "U.S.", newslens::doc::EntityLabel::LOC);
        text.push_str(" envoy.\n");
        i += 1;
    }
    let analysis = Analysis::new(&text);
    let started = std::time::Instant::now();
    let names = Clusters::build(&analysis, &found).names;
    let seconds = started.elapsed().as_secs_f64();
    (names.len(), seconds)
}

/// A precision audit on CoNLL-2003 (`data/conll2003/<split>.txt`, reference spans):
/// every cluster of a document that joins differently written names, as
/// `(document number, cluster, [mention texts])`. No reference clusters
/// exist there; the list is for reading, to catch joins that should not be.
pub fn conll_joins(split: &str) -> Vec<(usize, String, Vec<String>)> {
    let Some(path) = data_path(&format!("data/conll2003/{split}.txt"), "CoNLL cluster audit") else {
        return Vec::new();
    };
    let Ok(data) = std::fs::read_to_string(path) else { return Vec::new() };
    let mut out = Vec::new();
    for (n, doc) in data.split("-DOCSTART-").enumerate().skip(1) {
        let mut text = String::new();
        let mut found: Vec<EntityFound> = Vec::new();
        let mut open: Option<(usize, newslens::doc::EntityLabel)> = None;
        let mut last_end = 0;
        let close =
            |open: &mut Option<(usize, newslens::doc::EntityLabel)>, found: &mut Vec<EntityFound>, end: usize| {
                if let Some((start, label)) = open.take() {
                    found.push(EntityFound { span: start..end, label });
                }
            };
        for line in doc.lines().skip(1) {
            let cols: Vec<&str> = line.split_whitespace().collect();
            if cols.len() < 4 {
                close(&mut open, &mut found, last_end);
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                continue;
            }
            let (word, tag) = (cols[0], cols[3]);
            if !text.is_empty() && !text.ends_with('\n') {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(word);
            let label = match tag.get(2..) {
                Some("PER") => Some(newslens::doc::EntityLabel::PER),
                Some("ORG") => Some(newslens::doc::EntityLabel::ORG),
                Some("LOC") => Some(newslens::doc::EntityLabel::LOC),
                Some("MISC") => Some(newslens::doc::EntityLabel::MISC),
                _ => None,
            };
            match (tag.chars().next(), label) {
                (Some('B'), Some(l)) => {
                    close(&mut open, &mut found, last_end);
                    open = Some((start, l));
                }
                (Some('I'), Some(l)) if open.is_none() => open = Some((start, l)),
                (Some('I'), Some(_)) => {}
                _ => close(&mut open, &mut found, last_end),
            }
            last_end = text.len();
        }
        close(&mut open, &mut found, last_end);
        let analysis = Analysis::new(&text);
        let names = Clusters::build(&analysis, &found).names;
        let mut by_cluster: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for (e, c) in found.iter().zip(&names) {
            let t = text[e.span.clone()].to_string();
            let v = by_cluster.entry(c.clone()).or_default();
            if !v.contains(&t) {
                v.push(t);
            }
        }
        for (c, v) in by_cluster {
            if v.len() > 1 || v[0] != c {
                out.push((n, c, v));
            }
        }
    }
    out
}

/// A precision audit of [`board::unify_clusters`]: the engine annotates every
/// `.txt` file under `data/<folder>`, the documents are unified, and every
/// cluster that gathered differently named clusters of single documents is
/// returned as `(cluster, [(document cluster name, documents)])`.
pub fn unify_joins(folder: &str) -> Vec<(String, Vec<(String, usize)>)> {
    let Some(dir) = data_path(&format!("data/{folder}"), "cross-document cluster audit") else { return Vec::new() };
    let Ok(engine) = Engine::new() else { return Vec::new() };
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    let mut docs: Vec<Document> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|text| engine.annotate(&page::from_str(&text, page::Format::Text), None))
        .collect();
    let before: Vec<Vec<(usize, String)>> = docs
        .iter()
        .map(|d| {
            d.annotations
                .iter()
                .enumerate()
                .filter_map(|(i, a)| match a {
                    Annotation::Entity(e) => Some((i, e.cluster.clone())),
                    _ => None,
                })
                .collect()
        })
        .collect();
    board::unify_clusters(&mut docs);
    let mut joined: std::collections::BTreeMap<
        String,
        std::collections::BTreeMap<String, std::collections::BTreeSet<usize>>,
    > = Default::default();
    for (d, doc) in docs.iter().enumerate() {
        for (i, old) in &before[d] {
            if let Some(Annotation::Entity(e)) = doc.annotations.get(*i) {
                joined.entry(e.cluster.clone()).or_default().entry(old.clone()).or_default().insert(d);
            }
        }
    }
    joined
        .into_iter()
        .filter(|(_, olds)| olds.len() > 1)
        .map(|(c, olds)| (c, olds.into_iter().map(|(o, ds)| (o, ds.len())).collect()))
        .collect()
}
