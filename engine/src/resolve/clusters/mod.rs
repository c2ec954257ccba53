//! Entity clusters: which mentions name the same thing, and the canonical name they share.
//!
//! One linker serves a single document ([`cluster`]) and many open documents
//! ([`unify`]). It never compares every mention with every other: mentions are
//! first grouped by a normalised key (lower case, stops, apostrophes and
//! diacritics dropped, hyphens as spaces, titles and possessives cut), and the
//! rules below only look up keys in hash maps, so the cost is linear in the
//! number of mentions plus the number of distinct names.
//!
//! Rules, in order:
//! 1. Same key: `Kim Jong Un` = `Kim Jong-un`, `U.S.` = `US`; the alias table
//!    ([`super::aliases`]) maps `United States`, `America` and `US` to one key.
//! 2. A plural demonym joins its singular (`North Koreans` -> `North Korean`).
//! 3. People: full names with the same first and last name join (a middle
//!    name on one side only is no obstacle); an initial joins the one first
//!    name it can stand for (`B. Yeltsin`); one misspelt part joins when the
//!    other part is the same (`Vladamir Putin`, `Zelensky`/`Zelenskyy`:
//!    at most one edit, names of five letters or more, same first letter,
//!    and a first name never differs only in its last letter, so
//!    `Maria`/`Mario` stay two people). Two full names with different first
//!    names never join.
//! 4. An acronym joins the one multi-word name whose initials spell it
//!    (`NATO` = `North Atlantic Treaty Organization`), and within a document
//!    also when the text pairs them (`Name (ACR)`, `ACR (Name)`, `known by
//!    its acronym ACR` after an organisation).
//! 5. A rare spelling of a one-word place or body joins a far more frequent
//!    one an edit away (`Kurst` once, `Kursk` thrice).
//! 6. A surname alone joins the full name with that last name (an edit away
//!    for long names); within a document, a name alone that is some full
//!    name's first part (`Hillary`, or `Kim` for `Kim Jong Un`) joins it the
//!    same way. When
//!    several people fit, each bare mention goes to the one named most
//!    recently before it, or else to the most mentioned (across documents:
//!    the most mentioned).
//!
//! Across documents ([`unify`]) the rules that rest on one text's evidence
//! (4 by initials, 5, first names in 6) are not applied, a name alone that is
//! also someone's first name joins nobody, and an acronym carries a cluster
//! over only when it is that cluster's name.
//!
//! Canonical name: the alias table's name when it has one, else the longest
//! full form in the set (most name parts, then most characters), then the
//! most frequent, then the first written.
//!
//! Layout: this file holds the public API ([`Clusters`], [`cluster`], [`unify`],
//! [`found`]); `forms` cleans and normalises one written name; `graph` holds the
//! nodes, the union-find over them and the canonical names; `link` applies the
//! rules above; `similar` finds names an edit apart; `hashing` is the maps' hasher.

mod forms;
mod graph;
mod hashing;
mod link;
mod similar;

use std::ops::Range;

use self::forms::Form;
use self::graph::{label_index, majority, most_mentioned, Graph, Node};
use self::hashing::{sized, Map};
use self::link::link_text_acronyms;
use crate::doc::{Annotation, Document, EntityLabel};
use crate::entities::EntityFound;
use crate::text::Analysis;

/// The clusters of one document: a canonical name per entity, plus lookups
/// for names that are not entities themselves (a speaker the tagger missed).
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    /// Canonical name of each entity, index for index.
    pub names: Vec<String>,
    /// `(person, key)` -> canonical name, for [`Clusters::lookup`].
    by_key: Map<(bool, String), String>,
    /// Surname key -> canonical name of a person, when only one person has it.
    by_surname: Map<String, Option<String>>,
}

impl Clusters {
    /// The cluster a name written `surface` belongs to in this document, if
    /// any entity has that name (a bare surname finds its person).
    pub fn lookup(&self, surface: &str, label: EntityLabel) -> Option<&str> {
        let f = Form::new(surface, label);
        let person = label == EntityLabel::PER;
        if let Some(name) = self.by_key.get(&(person, f.node_key(person).to_string())) {
            return Some(name);
        }
        if person && f.parts == 1 {
            return self.by_surname.get(&f.key).and_then(|n| n.as_deref());
        }
        None
    }
}

/// Canonical cluster names for the entities of one document, index for index.
pub fn cluster(analysis: &Analysis, entities: &[EntityFound]) -> Vec<String> {
    Clusters::build(analysis, entities).names
}

impl Clusters {
    /// Links the entities of one document; see the module docs for the rules.
    pub fn build(analysis: &Analysis, entities: &[EntityFound]) -> Clusters {
        let text = analysis.text;
        let mut graph = Graph::default();
        // Sized for a short text's distinct names up front: growing them cost more than filling them.
        let room = entities.len().min(1024);
        let mut index: Map<(bool, String), usize> = sized(room);
        let mut node_of = Vec::with_capacity(entities.len());
        // Names repeat: each distinct (surface, label) is read once.
        let mut seen: Map<(&str, EntityLabel), (usize, usize)> = sized(room);
        for (i, e) in entities.iter().enumerate() {
            let surface = text.get(e.span.clone()).unwrap_or("");
            if let Some(&(id, form)) = seen.get(&(surface, e.label)) {
                graph.nodes[id].bump(form, e.label);
                node_of.push(id);
                continue;
            }
            let form = Form::new(surface, e.label);
            let person = e.label == EntityLabel::PER;
            let id = *index
                .entry((person, form.node_key(person).to_string()))
                .or_insert_with(|| graph.add(Node::new(person)));
            let form = graph.nodes[id].add(form, e.label, 1, i);
            seen.insert((surface, e.label), (id, form));
            node_of.push(id);
        }
        link_text_acronyms(analysis, entities, &node_of, &mut graph);
        let ambiguous = graph.link();
        let canon = graph.canonical_names();

        // Bare surnames two people share: the one named most recently, else the most mentioned.
        let mut full_positions: Map<usize, Vec<usize>> = Map::default();
        for (i, &id) in node_of.iter().enumerate() {
            if graph.nodes[id].person && !graph.nodes[id].bare() {
                full_positions.entry(graph.find(id)).or_default().push(entities[i].span.start);
            }
        }
        for ps in full_positions.values_mut() {
            ps.sort_unstable();
        }
        let ambiguous: Map<usize, Vec<usize>> = ambiguous.into_iter().collect();
        let counts = graph.root_mentions();
        let names: Vec<String> = node_of
            .iter()
            .enumerate()
            .map(|(i, &id)| {
                let root = match ambiguous.get(&id) {
                    Some(candidates) => {
                        let at = entities[i].span.start;
                        let recent = candidates
                            .iter()
                            .filter_map(|&r| {
                                let ps = full_positions.get(&r)?;
                                let k = ps.partition_point(|&p| p < at);
                                (k > 0).then(|| (ps[k - 1], r))
                            })
                            .max();
                        recent.map_or_else(|| most_mentioned(&counts, candidates), |(_, r)| r)
                    }
                    None => graph.find(id),
                };
                canon.get(&root).cloned().unwrap_or_default()
            })
            .collect();

        let mut by_key: Map<(bool, String), String> = sized(room);
        let mut by_surname: Map<String, Option<String>> = sized(room);
        for (id, node) in graph.nodes.iter().enumerate() {
            if ambiguous.contains_key(&id) {
                continue;
            }
            let name = canon.get(&graph.find(id)).cloned().unwrap_or_default();
            for f in &node.forms {
                by_key.insert((node.person, f.form.node_key(node.person).to_string()), name.clone());
                if node.person && f.form.parts > 1 {
                    let last = f.form.last().to_string();
                    match by_surname.get(&last) {
                        Some(Some(other)) if *other != name => {
                            by_surname.insert(last, None);
                        }
                        None => {
                            by_surname.insert(last, Some(name.clone()));
                        }
                        _ => {}
                    }
                }
            }
        }
        Clusters { names, by_key, by_surname }
    }
}

/// Makes clusters agree across documents: every cluster of every document
/// joins the clusters of the others that name the same thing, and all take
/// the canonical name of the whole set. Quote speakers follow their cluster.
pub fn unify(documents: &mut [Document]) {
    let mut graph = Graph { across: true, ..Graph::default() };
    // One node per (document, cluster); its forms are its mentions and its name.
    let mut node_index: Vec<Map<String, usize>> = Vec::with_capacity(documents.len());
    let mut order = 0usize;
    for doc in documents.iter() {
        let mut labels: Map<&str, [usize; 4]> = Map::default();
        for a in &doc.annotations {
            if let Annotation::Entity(e) = a {
                labels.entry(e.cluster.as_str()).or_default()[label_index(e.label)] += 1;
            }
        }
        let mut index: Map<String, usize> = Map::default();
        let mut seen: Map<(&str, EntityLabel, usize), usize> = Map::default();
        for a in &doc.annotations {
            let Annotation::Entity(e) = a else { continue };
            order += 1;
            let id = match index.get(e.cluster.as_str()) {
                Some(&id) => id,
                None => {
                    let counts = labels.get(e.cluster.as_str()).copied().unwrap_or_default();
                    let label = majority(counts);
                    let person = label == EntityLabel::PER;
                    let id = graph.add(Node::new(person));
                    // The cluster's own name is a form too (it may come from a reviewer).
                    graph.nodes[id].add(Form::new(&e.cluster, label), label, 0, order);
                    index.insert(e.cluster.clone(), id);
                    id
                }
            };
            match seen.get(&(e.text.as_str(), e.label, id)) {
                Some(&k) => graph.nodes[id].bump(k, e.label),
                None => {
                    let k = graph.nodes[id].add(Form::new(&e.text, e.label), e.label, 1, order);
                    seen.insert((e.text.as_str(), e.label, id), k);
                }
            }
        }
        node_index.push(index);
    }
    let ambiguous = graph.link();
    let counts = graph.root_mentions();
    for (id, candidates) in ambiguous {
        graph.union(id, most_mentioned(&counts, &candidates));
    }
    graph.flatten();
    let canon = graph.canonical_names();
    for (doc, index) in documents.iter_mut().zip(&node_index) {
        let rename: Map<&str, &str> = index
            .iter()
            .filter_map(|(old, &id)| canon.get(&graph.find(id)).map(|new| (old.as_str(), new.as_str())))
            .collect();
        // The reader's own clusters and speakers are corrections: never renamed.
        for a in doc.annotations.iter_mut().filter(|a| a.source().is_engine()) {
            match a {
                Annotation::Entity(e) => {
                    if let Some(new) = rename.get(e.cluster.as_str()) {
                        e.cluster = (*new).to_string();
                    }
                }
                Annotation::Quote(q) => {
                    if let Some(new) = q.speaker_cluster.as_deref().and_then(|c| rename.get(c)) {
                        q.speaker_cluster = Some((*new).to_string());
                    }
                }
                Annotation::Number(_) => {}
            }
        }
    }
}

/// Byte span helper for tests and callers that build entities by hand.
pub fn found(span: Range<usize>, label: EntityLabel) -> EntityFound {
    EntityFound { span, label }
}
