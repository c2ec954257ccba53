//! The linking rules (1-6 of the module docs) as passes over the [`Graph`],
//! and, within a document, the text's own pairings of a name and its acronym.
//!
//! Kept apart from the graph itself: these passes are the policy (which names
//! are one thing), the graph only the bookkeeping. Each pass finds all its
//! pairs first, then joins them.

use super::forms::strip_possessive;
use super::graph::Graph;
use super::hashing::Map;
use super::similar::{buckets_of, close_names, close_surnames, osa_distance, seed, variant_hashes, FNV_SEED};
use crate::doc::EntityLabel;
use crate::entities::EntityFound;
use crate::text::Analysis;

impl Graph {
    /// Applies rules 1-6; returns bare-surname nodes that several people
    /// share, with the candidate roots, for the caller to settle.
    pub(super) fn link(&mut self) -> Vec<(usize, Vec<usize>)> {
        // Unions do not change the nodes, and the sets they make do not depend on
        // their order: the pairs are found first, then joined.
        let mut pairs = Vec::new();
        {
            // 1. Same key (for people, full names only: a shared surname proves nothing).
            let mut strong: Map<(bool, &str), usize> = Map::default();
            for (id, n) in self.nodes.iter().enumerate() {
                let keys = n
                    .forms
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| !n.person || f.form.parts > 1)
                    // Across documents an acronym is only as good as the cluster it names:
                    // `NBC` the broadcaster must not follow one text's `NBC` for a convention.
                    // (A cluster's own name is its first form.)
                    .filter(|(k, f)| !self.across || *k == 0 || !f.form.acronym || f.form.alias.is_some())
                    .map(|(_, f)| (n.person, f.form.node_key(n.person)));
                for k in keys {
                    match strong.get(&k) {
                        Some(&other) => pairs.push((id, other)),
                        None => {
                            strong.insert(k, id);
                        }
                    }
                }
            }

            // 2. Plural demonyms and group names join the singular.
            for (id, n) in self.nodes.iter().enumerate() {
                if n.person || n.label() != EntityLabel::MISC {
                    continue;
                }
                for f in &n.forms {
                    let Some(k) = f.form.key.strip_suffix('s').filter(|k| k.len() > 2) else { continue };
                    if let Some(&other) = strong.get(&(false, k)) {
                        pairs.push((id, other));
                    }
                }
            }
        }
        for (a, b) in pairs {
            self.union(a, b);
        }

        self.link_full_names();
        if !self.across {
            self.link_acronyms();
            self.link_rare_variants();
        }
        let ambiguous = self.link_surnames();
        self.flatten();
        ambiguous
    }

    /// Rule 3: full names with the same first and last name, or one part misspelt.
    fn link_full_names(&mut self) {
        let mut exact: Map<(&str, &str), Vec<(usize, &str)>> = Map::default();
        for (id, n) in self.nodes.iter().enumerate() {
            if !n.person {
                continue;
            }
            for f in n.forms.iter().filter(|f| f.form.parts > 1) {
                exact.entry((f.form.first(), f.form.last())).or_default().push((id, f.form.middle()));
            }
        }
        let mut pairs = Vec::new();
        for group in exact.into_values() {
            let mut middles: Vec<&str> = group.iter().map(|&(_, m)| m).filter(|m| !m.is_empty()).collect();
            middles.sort_unstable();
            middles.dedup();
            // Two different middle names are two people (`George H. W.` / `George W.`).
            if middles.len() <= 1 {
                pairs.extend(group.windows(2).map(|w| (w[0].0, w[1].0)));
            }
        }
        for (a, b) in pairs {
            self.union(a, b);
        }

        // An initial for a first name (`B. Yeltsin`) joins the one full first name it can stand for.
        let mut by_last: Map<&str, Vec<(usize, &str)>> = Map::default();
        for (id, n) in self.nodes.iter().enumerate() {
            if n.person {
                for f in n.forms.iter().filter(|f| f.form.parts > 1) {
                    by_last.entry(f.form.last()).or_default().push((id, f.form.first()));
                }
            }
        }
        let mut pairs = Vec::new();
        for entries in by_last.values().filter(|e| e.len() <= 256) {
            for &(id, first) in entries.iter().filter(|(_, f)| f.chars().count() == 1) {
                let mut roots: Vec<usize> = entries
                    .iter()
                    .filter(|(_, f)| f.chars().count() > 1 && f.starts_with(first))
                    .map(|&(c, _)| self.find(c))
                    .collect();
                roots.sort_unstable();
                roots.dedup();
                if let [root] = roots[..] {
                    pairs.push((id, root));
                }
            }
        }
        for (a, b) in pairs {
            self.union(a, b);
        }

        // One part misspelt, the other the same: buckets of (kept part, varied part minus a letter).
        // (hash, (node, first part varied?, varied part, kept part))
        type Variant<'a> = (u64, (usize, bool, &'a str, &'a str));
        let mut buckets: Vec<Variant> = Vec::new();
        for (id, n) in self.nodes.iter().enumerate() {
            if !n.person {
                continue;
            }
            for f in n.forms.iter().filter(|f| f.form.parts > 1) {
                let (first, last) = (f.form.first(), f.form.last());
                if first.len() >= 5 {
                    variant_hashes(seed(1, last), first, |h| buckets.push((h, (id, true, first, last))));
                }
                if last.len() >= 5 {
                    variant_hashes(seed(2, first), last, |h| buckets.push((h, (id, false, last, first))));
                }
            }
        }
        let mut pairs = Vec::new();
        for entries in buckets_of(&mut buckets) {
            if entries.len() > 64 {
                continue; // a degenerate bucket: no safe evidence there
            }
            for (i, &(_, (a, fa, va, ka))) in entries.iter().enumerate() {
                for &(_, (b, fb, vb, kb)) in &entries[i + 1..] {
                    if a != b && fa == fb && ka == kb && va != vb && close_names(va, vb, fa) {
                        pairs.push((a, b));
                    }
                }
            }
        }
        pairs.sort_unstable();
        for (a, b) in pairs {
            self.union(a, b);
        }
    }

    /// Rule 4: an acronym and the one multi-word name whose initials spell it.
    fn link_acronyms(&mut self) {
        let mut by_initials: Map<String, Vec<usize>> = Map::default();
        for (id, n) in self.nodes.iter().enumerate() {
            if n.person {
                continue;
            }
            for f in n.forms.iter().filter(|f| f.form.parts > 1) {
                let [all, content] = f.form.initials();
                by_initials.entry(all.clone()).or_default().push(id);
                if content != all {
                    by_initials.entry(content).or_default().push(id);
                }
            }
        }
        let mut pairs = Vec::new();
        for (id, n) in self.nodes.iter().enumerate() {
            if n.person {
                continue;
            }
            for f in n.forms.iter().filter(|f| f.form.acronym && f.form.alias.is_none()) {
                let letters: String = f.form.display.chars().filter(|c| *c != '.').collect();
                let Some(candidates) = by_initials.get(&letters) else { continue };
                let mut roots: Vec<usize> = candidates.iter().map(|&c| self.find(c)).collect();
                roots.sort_unstable();
                roots.dedup();
                if roots.len() == 1 {
                    pairs.push((id, roots[0]));
                }
            }
        }
        for (a, b) in pairs {
            self.union(a, b);
        }
    }

    /// Rule 5: a rare one-word spelling joins a far more frequent one an edit away.
    fn link_rare_variants(&mut self) {
        let mut buckets: Vec<(u64, (usize, &str))> = Vec::new();
        for (id, n) in self.nodes.iter().enumerate() {
            if n.person {
                continue;
            }
            for f in n.forms.iter().filter(|f| f.form.parts == 1 && !f.form.acronym && f.form.alias.is_none()) {
                let k = f.form.key.as_str();
                if k.chars().count() < 5 {
                    continue;
                }
                variant_hashes(FNV_SEED, k, |h| buckets.push((h, (id, k))));
            }
        }
        let mut pairs = Vec::new();
        for entries in buckets_of(&mut buckets) {
            if entries.len() > 64 {
                continue;
            }
            for (i, &(_, (a, ka))) in entries.iter().enumerate() {
                for &(_, (b, kb)) in &entries[i + 1..] {
                    let (na, nb) = (&self.nodes[a], &self.nodes[b]);
                    let (ca, cb) = (na.mentions.min(nb.mentions), na.mentions.max(nb.mentions));
                    if a != b
                        && ka != kb
                        && na.label() == nb.label()
                        && ca <= 2
                        && cb >= 3 * ca.max(1)
                        && ka.chars().next() == kb.chars().next()
                        && osa_distance(ka, kb) <= 1
                    {
                        pairs.push((a, b));
                    }
                }
            }
        }
        pairs.sort_unstable();
        for (a, b) in pairs {
            self.union(a, b);
        }
    }

    /// Rule 6: bare surnames. Joins those one person claims; returns the shared ones.
    fn link_surnames(&mut self) -> Vec<(usize, Vec<usize>)> {
        let mut by_last: Map<&str, Vec<usize>> = Map::default();
        let mut by_first: Map<&str, Vec<usize>> = Map::default();
        let mut fuzzy: Vec<(u64, (usize, &str))> = Vec::new();
        for (id, n) in self.nodes.iter().enumerate() {
            if !n.person || n.bare() {
                continue;
            }
            for f in n.forms.iter().filter(|f| f.form.parts > 1) {
                by_last.entry(f.form.last()).or_default().push(id);
                if f.form.first().chars().count() > 2 {
                    by_first.entry(f.form.first()).or_default().push(id);
                }
                if f.form.last().chars().count() >= 6 {
                    variant_hashes(FNV_SEED, f.form.last(), |h| fuzzy.push((h, (id, f.form.last()))));
                }
            }
        }
        fuzzy.sort_unstable();
        let empty: Map<&str, Vec<usize>> = Map::default();
        let mut joins = Vec::new();
        let mut ambiguous = Vec::new();
        for (id, n) in self.nodes.iter().enumerate() {
            if !n.bare() {
                continue;
            }
            let Some(key) = n.forms.iter().find(|f| f.form.parts == 1).map(|f| f.form.key.as_str()) else {
                continue;
            };
            if ["dr", "madam", "miss", "mr", "mrs", "ms", "prof", "sir"].contains(&key) {
                continue; // `Mr` alone names nobody
            }
            // A name alone is a surname, or a first name (`Hillary`) or a
            // surname written first (`Kim`): every person it can be is a candidate.
            // Across documents a first name alone is no evidence, and a name
            // that is also people's first name joins its surname owners only
            // when they are mentioned at least as often (`Clinton`, but not
            // `Hillary` to a `Crooked Hillary`).
            if self.across {
                if let Some(firsts) = by_first.get(key) {
                    let weight = |ids: &[usize]| ids.iter().map(|&i| self.nodes[i].mentions).sum::<usize>();
                    let lasts = by_last.get(key).map_or(0, |ids| weight(ids));
                    if lasts < weight(firsts) {
                        continue;
                    }
                }
            }
            let by_first = if self.across { &empty } else { &by_first };
            let first_of = by_first.get(key).into_iter().flatten();
            let mut roots: Vec<usize> = match by_last.get(key) {
                Some(c) => c.iter().chain(first_of).map(|&c| self.find(c)).collect(),
                None if by_first.contains_key(key) => first_of.map(|&c| self.find(c)).collect(),
                None if key.chars().count() >= 6 => {
                    let mut roots = Vec::new();
                    variant_hashes(FNV_SEED, key, |h| {
                        let from = fuzzy.partition_point(|e| e.0 < h);
                        let same = fuzzy[from..].iter().take_while(|e| e.0 == h);
                        roots.extend(same.filter(|(_, (_, last))| close_surnames(key, last)).map(|&(_, (c, _))| c));
                    });
                    roots.into_iter().map(|c| self.find(c)).collect()
                }
                None => Vec::new(),
            };
            roots.sort_unstable();
            roots.dedup();
            match roots.len() {
                0 => {}
                1 => joins.push((id, roots[0])),
                _ => ambiguous.push((id, roots)),
            }
        }
        for (a, b) in joins {
            self.union(a, b);
        }
        // Roots may have moved with the joins; report them as they are now.
        ambiguous
            .into_iter()
            .map(|(id, roots)| {
                let mut rs: Vec<usize> = roots.into_iter().map(|r| self.find(r)).collect();
                rs.sort_unstable();
                rs.dedup();
                (id, rs)
            })
            .collect()
    }
}

/// Within a document, the text's own pairings of a name and its acronym.
pub(super) fn link_text_acronyms(analysis: &Analysis, entities: &[EntityFound], node_of: &[usize], graph: &mut Graph) {
    let text = analysis.text;
    let is_acronym = |i: usize| {
        let n = &graph.nodes[node_of[i]];
        !n.person && n.forms.iter().any(|f| f.form.acronym && f.form.alias.is_none())
    };
    let long_name = |i: usize| {
        let n = &graph.nodes[node_of[i]];
        !n.person && n.forms.iter().any(|f| f.form.parts > 1)
    };
    let first_letter = |i: usize| {
        text.get(entities[i].span.clone())
            .and_then(|s| strip_possessive(s).trim_start_matches("The ").chars().find(|c| c.is_alphabetic()))
            .map(|c| c.to_ascii_uppercase())
    };
    let mut pairs = Vec::new();
    for i in 1..entities.len() {
        let (a, b) = (&entities[i - 1], &entities[i]);
        // `Name (ACR)` or `ACR (Name)`.
        let between = text.get(a.span.end..b.span.start).unwrap_or("");
        let after = text.get(b.span.end..).unwrap_or("");
        if between.trim() == "(" && after.starts_with(')') {
            let (long, short) = if is_acronym(i) { (i - 1, i) } else { (i, i - 1) };
            if is_acronym(short) && long_name(long) && first_letter(long) == first_letter(short) {
                pairs.push((node_of[long], node_of[short]));
            }
        }
        // `..., known by its acronym GUR` / `known as GUR`: the nearest organisation before.
        if is_acronym(i) {
            let start = entities[i].span.start;
            let mut from = start.saturating_sub(40);
            while from < start && !text.is_char_boundary(from) {
                from += 1;
            }
            let before = text.get(from..start).unwrap_or("");
            let before = before.to_lowercase();
            let cue = before.trim_end().ends_with("acronym") || before.trim_end().ends_with("known as");
            if cue {
                let sent = analysis.sentence_of(analysis.token_at_or_after(start));
                let org = (0..i).rev().take(8).find(|&j| {
                    entities[j].label == EntityLabel::ORG
                        && long_name(j)
                        && analysis.sentence_of(analysis.token_at_or_after(entities[j].span.start)) + 1 >= sent
                });
                if let Some(j) = org {
                    pairs.push((node_of[j], node_of[i]));
                }
            }
        }
    }
    for (a, b) in pairs {
        graph.union(a, b);
    }
}
