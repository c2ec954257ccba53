//! The board: groupings the page shows, and many documents side by side
//! (clusters shared across documents).

use std::collections::BTreeMap;

use crate::doc::{Annotation, Document, EntityLabel};

/// Every mention of one entity cluster in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityGroup {
    pub cluster: String,
    /// The label most of its mentions carry.
    pub label: EntityLabel,
    /// Indices into the document's `annotations`.
    pub mentions: Vec<usize>,
}

/// A document's entities grouped by cluster, most mentioned first.
pub fn entity_groups(doc: &Document) -> Vec<EntityGroup> {
    let mut by_cluster: BTreeMap<&str, (Vec<usize>, BTreeMap<EntityLabel, usize>)> = BTreeMap::new();
    for (i, a) in doc.annotations.iter().enumerate() {
        if let Annotation::Entity(e) = a {
            let entry = by_cluster.entry(e.cluster.as_str()).or_default();
            entry.0.push(i);
            *entry.1.entry(e.label).or_default() += 1;
        }
    }
    let mut groups: Vec<EntityGroup> = by_cluster
        .into_iter()
        .map(|(cluster, (mentions, labels))| EntityGroup {
            cluster: cluster.to_string(),
            label: labels
                .into_iter()
                .max_by_key(|&(l, n)| (n, std::cmp::Reverse(l)))
                .map_or(EntityLabel::MISC, |(l, _)| l),
            mentions,
        })
        .collect();
    groups.sort_by(|a, b| b.mentions.len().cmp(&a.mentions.len()).then_with(|| a.cluster.cmp(&b.cluster)));
    groups
}

/// The quotes of one speaker in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerGroup {
    /// The speaker's cluster, or the speaker as written when unresolved;
    /// `None` for quotes with no speaker.
    pub speaker: Option<String>,
    /// Indices into the document's `annotations`.
    pub quotes: Vec<usize>,
}

/// A document's quotes grouped by speaker, most quoted first; unattributed last.
pub fn quote_groups(doc: &Document) -> Vec<SpeakerGroup> {
    let mut by_speaker: BTreeMap<Option<String>, Vec<usize>> = BTreeMap::new();
    for (i, a) in doc.annotations.iter().enumerate() {
        if let Annotation::Quote(q) = a {
            let who = q.speaker_cluster.clone().or_else(|| q.speaker.as_ref().map(|s| s.text.clone()));
            by_speaker.entry(who).or_default().push(i);
        }
    }
    let mut groups: Vec<SpeakerGroup> =
        by_speaker.into_iter().map(|(speaker, quotes)| SpeakerGroup { speaker, quotes }).collect();
    groups.sort_by(|a, b| a.speaker.is_none().cmp(&b.speaker.is_none()).then(b.quotes.len().cmp(&a.quotes.len())));
    groups
}

/// Makes clusters agree across documents: the same person gets one
/// canonical name in every document that mentions them (`Zelensky` in one,
/// `Volodymyr Zelenskyy` in another), and quote speakers follow. Run it
/// whenever the set of open documents changes; see
/// [`crate::resolve::clusters`] for the rules.
pub fn unify_clusters(documents: &mut [Document]) {
    crate::resolve::clusters::unify(documents);
}

/// One entity cluster across the open documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedEntity {
    pub cluster: String,
    /// The label most of its mentions carry.
    pub label: EntityLabel,
    /// `(document index, indices into its annotations)`, documents in order.
    pub mentions: Vec<(usize, Vec<usize>)>,
}

impl SharedEntity {
    pub fn total(&self) -> usize {
        self.mentions.iter().map(|(_, m)| m.len()).sum()
    }
}

/// Every entity cluster of the open documents (after [`unify_clusters`]),
/// those in the most documents first, then the most mentioned.
pub fn entity_board(documents: &[Document]) -> Vec<SharedEntity> {
    type Mentions = BTreeMap<usize, Vec<usize>>;
    let mut by_cluster: BTreeMap<&str, (Mentions, BTreeMap<EntityLabel, usize>)> = BTreeMap::new();
    for (d, doc) in documents.iter().enumerate() {
        for (i, a) in doc.annotations.iter().enumerate() {
            if let Annotation::Entity(e) = a {
                let entry = by_cluster.entry(e.cluster.as_str()).or_default();
                entry.0.entry(d).or_default().push(i);
                *entry.1.entry(e.label).or_default() += 1;
            }
        }
    }
    let mut out: Vec<SharedEntity> = by_cluster
        .into_iter()
        .map(|(cluster, (mentions, labels))| SharedEntity {
            cluster: cluster.to_string(),
            label: labels
                .into_iter()
                .max_by_key(|&(l, n)| (n, std::cmp::Reverse(l)))
                .map_or(EntityLabel::MISC, |(l, _)| l),
            mentions: mentions.into_iter().collect(),
        })
        .collect();
    out.sort_by(|a, b| {
        b.mentions.len().cmp(&a.mentions.len()).then(b.total().cmp(&a.total())).then_with(|| a.cluster.cmp(&b.cluster))
    });
    out
}

/// The quotes of one speaker across the open documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedSpeaker {
    /// The speaker's cluster (or the speaker as written when unresolved).
    pub speaker: String,
    /// `(document index, indices of its quotes)`, documents in order.
    pub quotes: Vec<(usize, Vec<usize>)>,
}

/// Who is quoted where across the open documents (after [`unify_clusters`]),
/// speakers quoted in the most documents first; unattributed quotes left out.
pub fn speaker_board(documents: &[Document]) -> Vec<SharedSpeaker> {
    let mut by_speaker: BTreeMap<String, BTreeMap<usize, Vec<usize>>> = BTreeMap::new();
    for (d, doc) in documents.iter().enumerate() {
        for (i, a) in doc.annotations.iter().enumerate() {
            if let Annotation::Quote(q) = a {
                let Some(who) = q.speaker_cluster.clone().or_else(|| q.speaker.as_ref().map(|s| s.text.clone())) else {
                    continue;
                };
                by_speaker.entry(who).or_default().entry(d).or_default().push(i);
            }
        }
    }
    let mut out: Vec<SharedSpeaker> = by_speaker
        .into_iter()
        .map(|(speaker, quotes)| SharedSpeaker { speaker, quotes: quotes.into_iter().collect() })
        .collect();
    let total = |s: &SharedSpeaker| s.quotes.iter().map(|(_, q)| q.len()).sum::<usize>();
    out.sort_by(|a, b| {
        b.quotes.len().cmp(&a.quotes.len()).then(total(b).cmp(&total(a))).then_with(|| a.speaker.cmp(&b.speaker))
    });
    out
}

/// Figures that count the same thing, side by side: which document says
/// 8,000 and which 12,000 North Korean troops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureGroup {
    /// The thing counted, as first written (`North Korean soldiers`).
    pub of: String,
    /// The normalised thing the figures were grouped by (`north korean troop`).
    pub key: String,
    /// `(document index, annotation index)` of each figure, in document order.
    pub figures: Vec<(usize, usize)>,
}

impl FigureGroup {
    /// How many documents give a figure for this thing.
    pub fn documents(&self) -> usize {
        let mut docs: Vec<usize> = self.figures.iter().map(|&(d, _)| d).collect();
        docs.dedup();
        docs.len()
    }
}

/// Counts, amounts and quantities grouped by the thing they count (`of`),
/// across the open documents; things counted in the most documents first.
/// The thing is its head noun with the proper names that qualify it:
/// `North Korean soldiers`, `North Koreans troops` and `North Korean special
/// forces troops` are all `north korean troop`; `155mm shells` and `shells`
/// are `shell`. Each figure keeps its own `of` for the page to show.
pub fn figure_groups(documents: &[Document]) -> Vec<FigureGroup> {
    let mut by_key: BTreeMap<String, FigureGroup> = BTreeMap::new();
    for (d, doc) in documents.iter().enumerate() {
        for (i, a) in doc.annotations.iter().enumerate() {
            let Annotation::Number(n) = a else { continue };
            let Some(of) = n.of.as_deref() else { continue };
            let key = thing_key(of);
            if key.is_empty() {
                continue;
            }
            by_key
                .entry(key.clone())
                .or_insert_with(|| FigureGroup { of: of.to_string(), key, figures: Vec::new() })
                .figures
                .push((d, i));
        }
    }
    let mut out: Vec<FigureGroup> = by_key.into_values().collect();
    out.sort_by(|a, b| {
        b.documents().cmp(&a.documents()).then(b.figures.len().cmp(&a.figures.len())).then_with(|| a.key.cmp(&b.key))
    });
    out
}

/// The thing counted, normalised: the head noun (singular, one word for
/// military personnel) after the capitalised words that qualify it. Only the
/// part before `of` counts (`package of US weapons` is a `package`).
fn thing_key(of: &str) -> String {
    let head_phrase = of.split(" of ").next().unwrap_or(of);
    let words: Vec<&str> =
        head_phrase.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).collect();
    let Some((head, modifiers)) = words.split_last() else { return String::new() };
    let mut key: Vec<String> = modifiers
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| {
            let w = w.to_lowercase();
            // `North Koreans troops`: a plural demonym qualifies like the singular.
            match w.strip_suffix('s') {
                Some(stem) if stem.ends_with("an") => stem.to_string(),
                _ => w,
            }
        })
        .filter(|w| !["the", "a", "an", "some", "their", "its"].contains(&w.as_str()))
        .collect();
    let head = head.to_lowercase();
    let head = match head.as_str() {
        "soldier" | "soldiers" | "troop" | "troops" | "servicemen" | "serviceman" | "servicemembers"
        | "servicemember" => "troop".to_string(),
        h if h.ends_with("ies") && h.len() > 4 => format!("{}y", &h[..h.len() - 3]),
        h if h.ends_with('s') && !h.ends_with("ss") && !h.ends_with("us") && h.len() > 3 => {
            h[..h.len() - 1].to_string()
        }
        h => h.to_string(),
    };
    key.push(head);
    key.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn things_counted_fold_plurals_articles_and_synonyms() {
        assert_eq!(thing_key("North Korean soldiers"), "north korean troop");
        assert_eq!(thing_key("North Koreans troops"), "north korean troop");
        assert_eq!(thing_key("North Korean special forces troops"), "north korean troop");
        assert_eq!(thing_key("Russian troops"), "russian troop");
        assert_eq!(thing_key("the casualties"), "casualty");
        assert_eq!(thing_key("155mm shells"), "shell");
        assert_eq!(thing_key("shells"), "shell");
        assert_eq!(thing_key("package of US weapons"), "package");
    }
}
