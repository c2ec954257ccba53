//! The store's side of the boards: the boards the worker sends, which pane the middle column
//! shows, stepping through a name's mentions, and the reader's calls on regions (kept as
//! article, or a second article opened as a document of its own).

use std::sync::Arc;

use leptos::prelude::*;

use crate::protocol::{BoardUpdate, Request};
use crate::store::reduce::{reveal, select_doc, set_history};
use crate::store::{Action, Command, DocInfo, DocRow, Step, Store};

/// The middle column: one document's text, or the boards across all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Reader,
    Board,
}

/// Applies the board's actions (the reducer hands them here).
pub(super) fn reduce(store: &Store, action: Action) -> Vec<Command> {
    match action {
        Action::ShowPane(pane) => {
            if store.pane.get_untracked() != pane {
                store.pane.set(pane);
            }
            vec![]
        }
        Action::ShowInReader { id, annotation } => show_in_reader(store, id, annotation),
        Action::StepThrough { cluster, at } => {
            let found = store.board.with_untracked(|b| {
                let b = b.as_ref()?;
                let row = b.board.entities.iter().find(|e| e.cluster == cluster)?;
                let at = row.mentions.get(at)?;
                Some((*b.ids.get(at.0)?, at.1))
            });
            let Some((id, annotation)) = found else { return vec![] };
            store.stepping.set(Some((cluster, at)));
            show_in_reader(store, id, annotation)
        }
        Action::StopStepping => {
            store.stepping.set(None);
            vec![]
        }
        Action::CallRegion { id, region, keep } => vec![Command::Send(Request::Region { id, region, keep }, None)],
        Action::SplitArticle { id, region } => {
            let Some(row) = store.row(id) else { return vec![] };
            let name = row.info.with_untracked(|i| second_name(&i.name));
            let new_id = store.fresh_id();
            let size = (region.end - region.start) as u64;
            set_history(store, |h| {
                h.undo.push(Step::Split { from: id, id: new_id, name: name.clone(), size });
                h.redo.clear();
            });
            split(store, id, new_id, name, size)
        }
        _ => vec![],
    }
}

/// Opens the second article of document `from` as document `id` (again, for a redo).
pub(super) fn split(store: &Store, from: u32, id: u32, name: String, size: u64) -> Vec<Command> {
    if store.row(from).is_none() || store.row(id).is_some() {
        return vec![];
    }
    let row = DocRow { id, info: RwSignal::new(DocInfo::new(name.clone(), size)), content: RwSignal::default() };
    store.docs.update(|d| d.push(row));
    store.batch.update(|b| *b += 1);
    select_doc(store, Some(id));
    store.mark(|d| d.session = true);
    vec![Command::Send(Request::Split { id: from, new_id: id, name }, None), Command::Save]
}

/// The name of the article split off a document named `name`.
fn second_name(name: &str) -> String {
    let stem =
        name.rsplit_once('.').filter(|(_, ext)| ["txt", "md", "html", "htm"].contains(ext)).map_or(name, |s| s.0);
    format!("{stem} (second article)")
}

fn show_in_reader(store: &Store, id: u32, annotation: usize) -> Vec<Command> {
    if store.row(id).is_none() {
        return vec![];
    }
    if store.pane.get_untracked() != Pane::Reader {
        store.pane.set(Pane::Reader);
    }
    select_doc(store, Some(id));
    reveal(store, annotation);
    vec![Command::Save]
}

/// The worker's boards; a name no longer on them stops being stepped through.
pub(super) fn on_board(store: &Store, update: BoardUpdate) {
    let gone = store.stepping.with_untracked(|s| {
        s.as_ref().is_some_and(|(cluster, at)| {
            !update.board.entities.iter().any(|e| e.cluster == *cluster && e.mentions.len() > *at)
        })
    });
    if gone {
        store.stepping.set(None);
    }
    store.board.set(Some(Arc::new(update)));
}
