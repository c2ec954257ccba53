//! The worker's side of the boards: what is not the article in each document (the engine's
//! calls, and those the reader took back), clusters lined up across documents, and the
//! boards, sent once the queue of requests has drained after documents came, went, were
//! corrected or a call on a region changed.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use newslens::board::{self, unify_clusters, Mask, Region, RegionKind};
use newslens::page::{self, Format};
use newslens::{Annotation, Document, Page};

use super::{now, parse_date, post, post_saved, State};
use crate::edits::Patch;
use crate::pieces::{counts, entity_views};
use crate::protocol::{BoardUpdate, Groups, Reply};

/// A document's regions the reader has not taken back.
pub(super) fn in_force(st: &State, id: u32) -> Vec<Region> {
    let kept = st.kept.get(&id);
    st.regions
        .get(&id)
        .map_or_else(Vec::new, |r| r.iter().filter(|r| !kept.is_some_and(|k| k.contains(r))).copied().collect())
}

/// The regions the reader took back that the engine still calls not the article (a call on
/// a text since changed, by switching to the whole page, is left aside).
fn kept_found(st: &State, id: u32) -> Vec<Region> {
    let found = st.regions.get(&id);
    st.kept
        .get(&id)
        .map_or_else(Vec::new, |k| k.iter().filter(|r| found.is_some_and(|f| f.contains(r))).copied().collect())
}

/// A document's counts and names, what is not its article left out.
pub(super) fn groups(st: &State, id: u32, doc: &Document) -> Groups {
    let left_out = Mask::new(&in_force(st, id));
    Groups { id, counts: counts(doc, &left_out), entities: entity_views(doc, &left_out) }
}

/// The reader keeps a region as article (`keep`) or leaves it out again: the counts change,
/// the document is kept with its calls, and the page records the change for undo.
pub(super) fn call_region(state: &Rc<RefCell<State>>, id: u32, region: Region, keep: bool) {
    let patch = {
        let st = state.borrow();
        let Some((_, doc)) = st.docs.iter().find(|(d, _)| *d == id) else {
            post(&Reply::Refused { message: "This document is still being read; try again in a moment.".into() });
            return;
        };
        let before = st.kept.get(&id).cloned().unwrap_or_default();
        let mut after: Vec<Region> = before.iter().filter(|r| **r != region).copied().collect();
        if keep {
            after.push(region);
        }
        if after == before {
            return;
        }
        Patch::kept_regions(doc, before, after)
    };
    if let Some((_, after)) = &patch.kept {
        set_kept(state, id, after.clone());
    }
    post(&Reply::Edited { id, changes: vec![(id, patch)], focus: None });
}

/// Sets the regions the reader took back in document `id` (an undo or redo of a call, too),
/// and sends what that changes: the counts, the document to keep, the boards.
pub(super) fn set_kept(state: &Rc<RefCell<State>>, id: u32, kept: Vec<Region>) {
    {
        let mut st = state.borrow_mut();
        st.kept.insert(id, kept);
        let st = &*st;
        if let Some((_, doc)) = st.docs.iter().find(|(d, _)| *d == id) {
            post(&Reply::Groups(groups(st, id, doc)));
            post_saved(st, id, doc);
        }
    }
    schedule_lineup(state, false);
}

/// The second article found inside document `id`, annotated as a document of its own.
pub(super) fn split_off(st: &State, id: u32) -> Option<(Document, f64)> {
    let engine = st.engine.as_ref().ok()?;
    let (_, doc) = st.docs.iter().find(|(d, _)| *d == id)?;
    let region = st.regions.get(&id)?.iter().find(|r| r.kind == RegionKind::SecondArticle)?;
    let text: String = doc.text.chars().skip(region.start).take(region.end - region.start).collect();
    let started = now();
    let page = page::from_str(&text, Format::Text);
    let mut doc = engine.annotate(&Page { dateline: doc.dateline.as_deref().and_then(parse_date), ..page }, None);
    st.lexicon.apply(&mut doc);
    Some((doc, now() - started))
}

/// Once the queue of requests has drained: lines clusters up across documents (when
/// documents changed: `unify`), tells the page which mentions changed, then sends the boards.
pub(super) fn schedule_lineup(state: &Rc<RefCell<State>>, unify: bool) {
    {
        let mut st = state.borrow_mut();
        st.unify |= unify;
        if std::mem::replace(&mut st.lineup_pending, true) {
            return;
        }
    }
    let state = state.clone();
    Timeout::new(0, move || {
        let mut st = state.borrow_mut();
        st.lineup_pending = false;
        if std::mem::take(&mut st.unify) && st.docs.len() >= 2 {
            unify_all(&mut st);
        }
        post_board(&st);
    })
    .forget();
}

fn unify_all(st: &mut State) {
    let before: Vec<Vec<String>> = st.docs.iter().map(|(_, d)| clusters(d)).collect();
    let (ids, mut docs): (Vec<u32>, Vec<Document>) = std::mem::take(&mut st.docs).into_iter().unzip();
    unify_clusters(&mut docs);
    for ((id, doc), old) in ids.iter().zip(&docs).zip(&before) {
        let now = clusters(doc);
        let changes: Vec<(usize, String)> = entity_indices(doc)
            .zip(now.iter().zip(old))
            .filter(|(_, (n, o))| n != o)
            .map(|(i, (n, _))| (i, n.clone()))
            .collect();
        if !changes.is_empty() {
            let left_out = Mask::new(&in_force(st, *id));
            post(&Reply::Clusters { id: *id, changes, entities: entity_views(doc, &left_out) });
            post_saved(st, *id, doc);
        }
    }
    st.docs = ids.into_iter().zip(docs).collect();
}

/// The boards of the open documents, each without the regions the reader has not taken back.
fn post_board(st: &State) {
    let ids: Vec<u32> = st.docs.iter().map(|(id, _)| *id).collect();
    let kept: Vec<Vec<Region>> = ids.iter().map(|&id| kept_found(st, id)).collect();
    let in_force: Vec<Vec<Region>> = ids.iter().map(|&id| in_force(st, id)).collect();
    let docs: Vec<&Document> = st.docs.iter().map(|(_, d)| d).collect();
    let board = board::build_with(&docs, &in_force);
    post(&Reply::Board(BoardUpdate { ids, kept, board }));
}

fn entity_indices(doc: &Document) -> impl Iterator<Item = usize> + '_ {
    doc.annotations.iter().enumerate().filter(|(_, a)| matches!(a, Annotation::Entity(_))).map(|(i, _)| i)
}

fn clusters(doc: &Document) -> Vec<String> {
    doc.annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Entity(e) => Some(e.cluster.clone()),
            _ => None,
        })
        .collect()
}
