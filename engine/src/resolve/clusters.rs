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

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use super::aliases;
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

// ---------------------------------------------------------------------------
// Forms: one way a name is written, cleaned and normalised.

/// Words that open a person mention without being part of the name.
const TITLES: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "bishop",
    "capt",
    "captain",
    "cardinal",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commander",
    "congressman",
    "congresswoman",
    "dame",
    "deputy",
    "dr",
    "emperor",
    "father",
    "gen",
    "general",
    "gov",
    "governor",
    "judge",
    "justice",
    "king",
    "lady",
    "lord",
    "lt",
    "madam",
    "marshal",
    "mayor",
    "minister",
    "miss",
    "mr",
    "mrs",
    "ms",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "rev",
    "secretary",
    "secretary-general",
    "sen",
    "senator",
    "sgt",
    "sheikh",
    "sir",
    "speaker",
    "spokesman",
    "spokeswoman",
    "sultan",
    "vice",
];

/// Words that qualify a title (`Defense Secretary`, `former President`).
const OFFICES: &[&str] = &["acting", "defence", "defense", "foreign", "former", "home", "interior", "state"];

/// Small words skipped when reading initials and left lower case in names.
const FUNCTION_WORDS: &[&str] = &[
    "a", "al", "and", "at", "bin", "da", "das", "de", "degli", "dei", "del", "della", "dello", "den", "der", "des",
    "di", "do", "dos", "du", "e", "el", "et", "for", "ibn", "in", "la", "le", "les", "of", "on", "ter", "the", "to",
    "van", "von", "y",
];

/// Name suffixes that are not the surname.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

#[derive(Debug, Clone, PartialEq, Eq)]
struct Form {
    /// The mention as a name: no title, possessive or article, singular demonym.
    display: String,
    /// Normalised `display` (see [`normalise`]).
    key: String,
    /// How many words of `key` are name parts: suffixes (`Jr.`) dropped.
    parts: usize,
    /// `key[..parts_end]` are the parts, one space apart (slices, not strings of
    /// their own: a form is made for every distinct name in every document).
    parts_end: usize,
    /// The alias table's canonical name for this key.
    alias: Option<&'static str>,
    /// `alias` normalised: worked out once, since the linker asks for it often.
    alias_key: Option<String>,
    /// Two to six capital letters (`NATO`, `U.S.`).
    acronym: bool,
}

impl Form {
    fn new(surface: &str, label: EntityLabel) -> Form {
        let person = label == EntityLabel::PER;
        // An organisation's `’s` is part of its name (`Moody’s`, `Lloyd’s`): the
        // tagger leaves a possessive out of the span, a name's own it keeps.
        let mut s = trim_name(surface);
        if label != EntityLabel::ORG {
            s = strip_possessive(s);
        }
        // An article is not part of the name, except a capitalised masthead `The`.
        if let Some(rest) = s.strip_prefix("the ") {
            s = rest;
        }
        if person {
            s = strip_titles(s);
        }
        let mut display = s.trim().to_string();
        if label == EntityLabel::MISC && display.ends_with("ans") && !display.ends_with("aans") && display.len() > 4 {
            display.pop(); // `North Koreans` -> `North Korean` (not `Afrikaans`)
        }
        let mut key = normalise(&display);
        if !person {
            if let Some(rest) = key.strip_prefix("the ") {
                key = rest.to_string();
            }
        }
        // A short alias must be written in capitals: `US` is the country, `Us` is not.
        let shouted = key.len() > 3 || !display.chars().any(char::is_lowercase);
        let alias = if person || !shouted { None } else { aliases::canonical(&key) };
        // `normalise` leaves one space between words and none around them.
        let mut parts = key.split(' ').filter(|p| !p.is_empty()).count();
        let mut parts_end = key.len();
        while parts > 2 {
            match key[..parts_end].rsplit_once(' ') {
                Some((rest, last)) if SUFFIXES.contains(&last) => {
                    parts -= 1;
                    parts_end = rest.len();
                }
                _ => break,
            }
        }
        let letters = display.chars().filter(|c| *c != '.');
        let acronym = (2..=6).contains(&letters.clone().count()) && letters.clone().all(|c| c.is_ascii_uppercase());
        let alias_key = alias.map(normalise);
        Form { display, key, parts, parts_end, alias, alias_key, acronym }
    }

    /// The key mentions are grouped by: the alias's key when there is one.
    fn node_key(&self, person: bool) -> &str {
        match &self.alias_key {
            Some(key) if !person => key,
            _ => &self.key,
        }
    }

    fn first(&self) -> &str {
        self.key[..self.parts_end].split(' ').next().unwrap_or("")
    }

    fn last(&self) -> &str {
        self.key[..self.parts_end].rsplit(' ').next().unwrap_or("")
    }

    fn middle(&self) -> &str {
        if self.parts > 2 {
            let (first, last) = (self.first().len(), self.last().len());
            self.key.get(first + 1..self.parts_end - last - 1).unwrap_or("")
        } else {
            ""
        }
    }

    /// Initials of every word, and of the words that are not function words.
    fn initials(&self) -> [String; 2] {
        let words: Vec<&str> = self.display.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        let all = words.iter().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect();
        let content = words
            .iter()
            .filter(|w| !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect();
        [all, content]
    }
}

/// Trims spaces, quotes and stray punctuation around a name, and a bracket
/// only when its partner is not inside (`Mladost ( BJ )` keeps both).
fn trim_name(mut s: &str) -> &str {
    loop {
        let before = s.len();
        s = s.trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '“' | '”' | '‘' | '«' | '»' | ',' | ';' | ':' | '!' | '?' | '*' | '_' | '-' | '–' | '—'
                )
        });
        for (open, close) in [('(', ')'), ('[', ']')] {
            if s.starts_with(open) && !s.contains(close) {
                s = &s[open.len_utf8()..];
            }
            if s.ends_with(close) && !s.contains(open) {
                s = &s[..s.len() - close.len_utf8()];
            }
            if s.starts_with(open) && s.ends_with(close) && s.matches(open).count() == 1 {
                s = &s[open.len_utf8()..s.len() - close.len_utf8()];
            }
        }
        // A leading apostrophe is a stray quote; a trailing one is left to strip_possessive.
        s = s.trim_start_matches(['\'', '’']);
        if s.len() == before {
            return s;
        }
    }
}

fn strip_possessive(s: &str) -> &str {
    for suffix in ["’s", "'s", "’S", "'S"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            return rest;
        }
    }
    // `Guterres’`: a bare apostrophe after s.
    for suffix in ["’", "'"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            if rest.ends_with(['s', 'S']) {
                return rest;
            }
        }
    }
    s
}

/// Drops leading titles (`President`, `Mr.`, `Defense Secretary`) while a name word remains.
/// A mention made of titles only (`Vice President`) is left whole.
fn strip_titles(whole: &str) -> &str {
    let is_title = |word: &str| {
        let w = word.trim_end_matches('.');
        let listed = |w: &str| TITLES.contains(&w) || OFFICES.contains(&w);
        if w.is_ascii() {
            // The lists are lower-case ASCII: no need for a lower-cased copy.
            let known = |t: &&str| t.eq_ignore_ascii_case(w);
            TITLES.iter().any(known) || OFFICES.iter().any(known)
        } else {
            listed(&w.to_lowercase())
        }
    };
    let mut s = whole;
    loop {
        let Some((word, rest)) = s.split_once(' ') else {
            return if is_title(s) { whole } else { s };
        };
        if !is_title(word) {
            return s;
        }
        s = rest.trim_start();
    }
}

/// Lower case, Latin diacritics folded, stops and apostrophes dropped, every
/// other non-alphanumeric run a single space.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == '.' || c == '\'' || c == '’' || c == '‘' {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            // Most names are ASCII: their lower case needs no table.
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            for l in c.to_lowercase() {
                out.push(fold(l));
            }
        } else {
            space = true;
        }
    }
    out
}

fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        c => c,
    }
}

/// Capitalises lower-case words of a name written partly in capitals
/// (`Russian far east` -> `Russian Far East`), leaving function words.
fn proper_case(name: &str) -> String {
    if !name.chars().any(char::is_uppercase) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.chars().all(|c| !c.is_alphabetic() || c.is_lowercase());
        if lower && !FUNCTION_WORDS.contains(&word) {
            let mut cs = word.chars();
            if let Some(c) = cs.next() {
                out.extend(c.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(word);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The graph: distinct names as nodes, joined by the rules.

#[derive(Debug, Clone)]
struct FormCount {
    form: Form,
    count: usize,
    first_seen: usize,
}

#[derive(Debug, Clone)]
struct Node {
    person: bool,
    labels: [usize; 4],
    forms: Vec<FormCount>,
    mentions: usize,
}

impl Node {
    fn new(person: bool) -> Node {
        Node { person, labels: [0; 4], forms: Vec::new(), mentions: 0 }
    }

    /// Adds `count` mentions written as `form`; returns the form's index.
    fn add(&mut self, form: Form, label: EntityLabel, count: usize, seen: usize) -> usize {
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
    fn bump(&mut self, k: usize, label: EntityLabel) {
        self.labels[label_index(label)] += 1;
        self.mentions += 1;
        if let Some(f) = self.forms.get_mut(k) {
            f.count += 1;
        }
    }

    fn label(&self) -> EntityLabel {
        majority(self.labels)
    }

    /// A person known only by one name (a surname alone).
    fn bare(&self) -> bool {
        self.person && self.forms.iter().all(|f| f.form.parts < 2)
    }
}

fn label_index(l: EntityLabel) -> usize {
    match l {
        EntityLabel::PER => 0,
        EntityLabel::ORG => 1,
        EntityLabel::LOC => 2,
        EntityLabel::MISC => 3,
    }
}

fn majority(counts: [usize; 4]) -> EntityLabel {
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
struct Graph {
    nodes: Vec<Node>,
    parent: Vec<usize>,
    /// Nodes are whole clusters of different documents ([`unify`]): evidence
    /// that only holds inside one text (initials, a rare spelling) is not used.
    across: bool,
}

impl Graph {
    fn add(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.parent.push(self.parent.len());
        self.parent.len() - 1
    }

    fn find(&self, mut i: usize) -> usize {
        while self.parent[i] != i {
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
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
    fn root_mentions(&self) -> Map<usize, usize> {
        let mut counts: Map<usize, usize> = Map::default();
        for (i, n) in self.nodes.iter().enumerate() {
            *counts.entry(self.find(i)).or_default() += n.mentions;
        }
        counts
    }
}

/// The candidate root with the most mentions (the earliest on a tie).
fn most_mentioned(counts: &Map<usize, usize>, candidates: &[usize]) -> usize {
    candidates.iter().copied().max_by_key(|r| (counts.get(r).copied().unwrap_or(0), std::cmp::Reverse(*r))).unwrap_or(0)
}

impl Graph {
    /// Applies rules 1-6; returns bare-surname nodes that several people
    /// share, with the candidate roots, for the caller to settle.
    fn link(&mut self) -> Vec<(usize, Vec<usize>)> {
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

    /// Points every node straight at its root, so later `find`s are one step.
    fn flatten(&mut self) {
        for i in 0..self.parent.len() {
            self.find_compress(i);
        }
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

    /// The canonical name of every root.
    fn canonical_names(&self) -> Map<usize, String> {
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

/// Within a document, the text's own pairings of a name and its acronym.
fn link_text_acronyms(analysis: &Analysis, entities: &[EntityFound], node_of: &[usize], graph: &mut Graph) {
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

// ---------------------------------------------------------------------------
// Hashing: a small multiplicative hasher for the linker's maps (keys are short
// strings and integers; no untrusted key can make a map quadratic, since
// every bucket the linker compares within is capped).

type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// A map with room for `n` entries.
fn sized<K, V>(n: usize) -> Map<K, V> {
    Map::with_capacity_and_hasher(n, Default::default())
}

#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf) ^ chunk.len() as u64);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// FNV-1a over bytes, one at a time, so a string hashes the same however it is split.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    h
}

const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Hashes of `word` and of every way of dropping one letter from it, each
/// prefixed by `seed`, given to `out`: two words an edit apart share at least one,
/// so a hash lookup finds the candidates without comparing every pair.
fn variant_hashes(seed: u64, word: &str, mut out: impl FnMut(u64)) {
    out(fnv(seed, word.as_bytes()));
    if word.len() > 48 {
        return;
    }
    for (i, c) in word.char_indices() {
        let bytes = word.as_bytes();
        let h = fnv(seed, &bytes[..i]);
        out(fnv(h, &bytes[i + c.len_utf8()..]));
    }
}

/// The buckets of `(hash, entry)` pairs: runs of one hash, entries sorted and
/// without repeats. One sorted list instead of a map of lists: no allocation per bucket.
fn buckets_of<T: Ord>(items: &mut Vec<(u64, T)>) -> impl Iterator<Item = &[(u64, T)]> {
    items.sort_unstable();
    items.dedup();
    items.chunk_by(|a, b| a.0 == b.0)
}

/// The seed for variants of one part of a name whose other part is `kept`.
fn seed(tag: u8, kept: &str) -> u64 {
    fnv(fnv(FNV_SEED, &[tag]), kept.as_bytes()) ^ 0xff
}

// ---------------------------------------------------------------------------
// Spelling distance.

/// Edit distance with adjacent transpositions (optimal string alignment).
fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > 2 {
        return n.abs_diff(m);
    }
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[n][m]
}

/// Two spellings of one name part: an edit apart, five letters or more, same
/// first letter. A first name must keep its length (a letter misspelt, as in
/// `Vladamir`), have six letters or more, and not differ only at its end: a
/// letter more or less is often another name (`Ivana`/`Ivanka`,
/// `Maria`/`Mario`).
fn close_names(a: &str, b: &str, first_name: bool) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 5 || a.chars().next() != b.chars().next() || osa_distance(a, b) != 1 {
        return false;
    }
    !(first_name && (la != lb || la < 6 || differs_only_at_end(a, b)))
}

/// A bare surname and a full name's surname: an edit apart, but not a changed
/// last letter (`Zelenska` is not `Zelensky`; `Zelensky` is `Zelenskyy`).
fn close_surnames(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 6 || a.chars().next() != b.chars().next() || osa_distance(a, b) != 1 {
        return false;
    }
    !(la == lb && differs_only_at_end(a, b))
}

fn differs_only_at_end(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common + 1 >= a.chars().count().max(b.chars().count())
}

/// Byte span helper for tests and callers that build entities by hand.
pub fn found(span: Range<usize>, label: EntityLabel) -> EntityFound {
    EntityFound { span, label }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_stops_hyphens_and_diacritics() {
        assert_eq!(normalise("Kim Jong-un"), "kim jong un");
        assert_eq!(normalise("U.S."), "us");
        assert_eq!(normalise("Washington, D.C."), "washington dc");
        assert_eq!(normalise("Zelenskyy’s"), "zelenskyys");
        assert_eq!(normalise("Łukasz Müller"), "lukasz muller");
    }

    #[test]
    fn forms_drop_titles_possessives_and_plurals() {
        assert_eq!(Form::new("President Volodymyr Zelenskyy", EntityLabel::PER).display, "Volodymyr Zelenskyy");
        assert_eq!(Form::new("Guterres’", EntityLabel::PER).display, "Guterres");
        assert_eq!(Form::new("Vice President", EntityLabel::PER).display, "Vice President");
        assert_eq!(Form::new("Defense Secretary Lloyd Austin", EntityLabel::PER).display, "Lloyd Austin");
        assert_eq!(Form::new("Us", EntityLabel::LOC).alias, None);
        assert_eq!(Form::new("U.S.", EntityLabel::LOC).alias, Some("United States"));
        assert_eq!(Form::new("Ukraine's", EntityLabel::LOC).display, "Ukraine");
        assert_eq!(Form::new("North Koreans", EntityLabel::MISC).display, "North Korean");
        assert_eq!(Form::new("Afrikaans", EntityLabel::MISC).display, "Afrikaans");
        assert_eq!(Form::new("Mladost ( BJ )", EntityLabel::ORG).display, "Mladost ( BJ )");
        assert_eq!(Form::new("( Tom ) Seaver", EntityLabel::PER).display, "( Tom ) Seaver");
        assert_eq!(Form::new("(Seaver)", EntityLabel::PER).display, "Seaver");
        assert_eq!(Form::new("“NATO,”", EntityLabel::ORG).display, "NATO");
        assert_eq!(Form::new("Lord 's", EntityLabel::LOC).display, "Lord");
        assert_eq!(Form::new("The Washington Post", EntityLabel::ORG).key, "washington post");
        assert_eq!(Form::new("Martin Luther King Jr.", EntityLabel::PER).last(), "king");
        assert!(Form::new("U.S.", EntityLabel::LOC).acronym);
    }

    #[test]
    fn distances() {
        assert_eq!(osa_distance("vladamir", "vladimir"), 1);
        assert_eq!(osa_distance("zelensky", "zelenskyy"), 1);
        assert_eq!(osa_distance("ab", "ba"), 1);
        assert!(close_names("vladamir", "vladimir", true));
        assert!(!close_names("maria", "mario", true));
        assert!(close_names("zelensky", "zelenskyy", false));
        assert!(close_surnames("zelensky", "zelenskyy"));
        assert!(!close_surnames("zelenska", "zelensky"));
        assert_eq!(proper_case("Russian far east"), "Russian Far East");
        assert_eq!(proper_case("de Silva"), "de Silva");
        assert_eq!(proper_case("Gazzetta dello Sport"), "Gazzetta dello Sport");
        assert_eq!(proper_case("Council of the European Union"), "Council of the European Union");
    }
}
