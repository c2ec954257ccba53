//! The graph: distinct names as nodes, joined by the rules.
//!
//! A [`Node`] is one distinct name (or, across documents, one document's
//! cluster) with the forms it is written in; a [`Graph`] joins nodes with a
//! union-find and names each set. The rules that decide the joins are in
//! `link`; this file only keeps the sets and ranks their names.

use super::forms::{proper_case, Form};
use super::hashing::{sized, Map};
use crate::doc::EntityLabel;

#[derive(Debug, Clone)]
pub(super) struct FormCount {
    pub(super) form: Form,
    count: usize,
    first_seen: usize,
}

#[derive(Debug, Clone)]
pub(super) struct Node {
    pub(super) person: bool,
    labels: [usize; 4],
    pub(super) forms: Vec<FormCount>,
    pub(super) mentions: usize,
}

impl Node {
    pub(super) fn new(person: bool) -> Node {
        Node { person, labels: [0; 4], forms: Vec::new(), mentions: 0 }
    }

    /// Adds `count` mentions written as `form`; returns the form's index.
    pub(super) fn add(&mut self, form: Form, label: EntityLabel, count: usize, seen: usize) -> usize {
        self.labels[label_index(label)] += count;
        self.mentions += count;
        match self.forms.iter().position(|f| f.form.display == form.display) {
            Some(k) => {
                self.forms[k].count += count;
                k
            }
            None => {
                self.forms.push(FormCount { form, count, first_seen: seen });
                self.forms.len() - 1
            }
        }
    }

    /// One more mention of form `k`.
    pub(super) fn bump(&mut self, k: usize, label: EntityLabel) {
        self.labels[label_index(label)] += 1;
        self.mentions += 1;
        if let Some(f) = self.forms.get_mut(k) {
            f.count += 1;
        }
    }

    pub(super) fn label(&self) -> EntityLabel {
        majority(self.labels)
    }

    /// A person known only by one name (a surname alone).
    pub(super) fn bare(&self) -> bool {
        self.person && self.forms.iter().all(|f| f.form.parts < 2)
    }
}

pub(super) fn label_index(l: EntityLabel) -> usize {
    match l {
        EntityLabel::PER => 0,
        EntityLabel::ORG => 1,
        EntityLabel::LOC => 2,
        EntityLabel::MISC => 3,
    }
}

pub(super) fn majority(counts: [usize; 4]) -> EntityLabel {
    const LABELS: [EntityLabel; 4] = [EntityLabel::PER, EntityLabel::ORG, EntityLabel::LOC, EntityLabel::MISC];
    let mut best = 0;
    for i in 1..4 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    LABELS[best]
}

#[derive(Debug, Default)]
pub(super) struct Graph {
    pub(super) nodes: Vec<Node>,
    pub(super) parent: Vec<usize>,
    /// Nodes are whole clusters of different documents ([`unify`](super::unify)): evidence
    /// that only holds inside one text (initials, a rare spelling) is not used.
    pub(super) across: bool,
}

impl Graph {
    pub(super) fn add(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.parent.push(self.parent.len());
        self.parent.len() - 1
    }

    pub(super) fn find(&self, mut i: usize) -> usize {
        while self.parent[i] != i {
            i = self.parent[i];
        }
        i
    }

    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find_compress(a), self.find_compress(b));
        if ra != rb {
            // The earlier node stays the root, so roots are stable and deterministic.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }

    fn find_compress(&mut self, i: usize) -> usize {
        let root = self.find(i);
        let mut j = i;
        while self.parent[j] != root {
            let next = self.parent[j];
            self.parent[j] = root;
            j = next;
        }
        root
    }

    /// Mentions per root, for [`most_mentioned`].
    pub(super) fn root_mentions(&self) -> Map<usize, usize> {
        let mut counts: Map<usize, usize> = Map::default();
        for (i, n) in self.nodes.iter().enumerate() {
            *counts.entry(self.find(i)).or_default() += n.mentions;
        }
        counts
    }

    /// Points every node straight at its root, so later `find`s are one step.
    pub(super) fn flatten(&mut self) {
        for i in 0..self.parent.len() {
            self.find_compress(i);
        }
    }

    /// The canonical name of every root.
    pub(super) fn canonical_names(&self) -> Map<usize, String> {
        // (alias?, parts, singular?, chars, written in mixed case?, count,
        // earliest) ranks the candidate forms: `Kyiv` beats a dateline's
        // `KYIV`; a group name is singular (`Israeli`, not `Israelis`).
        type Rank = (bool, usize, bool, usize, bool, usize, std::cmp::Reverse<usize>);
        let mut best: Map<usize, (Rank, &str)> = sized(self.nodes.len());
        for (i, n) in self.nodes.iter().enumerate() {
            let root = self.find(i);
            for f in &n.forms {
                let (name, rank) = match f.form.alias {
                    Some(alias) if !n.person => {
                        (alias, (true, 0, true, 0, true, f.count, std::cmp::Reverse(f.first_seen)))
                    }
                    _ => (
                        f.form.display.as_str(),
                        (
                            false,
                            f.form.parts,
                            !(n.label() == EntityLabel::MISC && f.form.display.ends_with(['s', 'S'])),
                            f.form.display.chars().count(),
                            f.form.display.chars().any(char::is_lowercase),
                            f.count,
                            std::cmp::Reverse(f.first_seen),
                        ),
                    ),
                };
                if name.is_empty() {
                    continue;
                }
                match best.get_mut(&root) {
                    Some((r, s)) if *r < rank => {
                        *r = rank;
                        *s = name;
                    }
                    Some(_) => {}
                    None => {
                        best.insert(root, (rank, name));
                    }
                }
            }
        }
        best.into_iter().map(|(root, (_, name))| (root, proper_case(name))).collect()
    }
}

/// The candidate root with the most mentions (the earliest on a tie).
pub(super) fn most_mentioned(counts: &Map<usize, usize>, candidates: &[usize]) -> usize {
    candidates.iter().copied().max_by_key(|r| (counts.get(r).copied().unwrap_or(0), std::cmp::Reverse(*r))).unwrap_or(0)
}
