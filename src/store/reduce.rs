//! The one place actions change the store.

use std::sync::Arc;

use leptos::prelude::*;

use crate::protocol::{Head, Reply, Request};
use crate::store::{
    board, Action, Bytes, Command, Dirty, DocData, DocEntry, DocInfo, DocRow, History, Notice, Status, Step, Storage,
    Store, StoredChunk, MAX_UNDO,
};

/// Most messages kept: a flood (hundreds of refused files) keeps the newest.
const MAX_NOTICES: usize = 300;

/// Applies `action` to the store; returns what it asks of the outside.
pub fn reduce(store: &Store, action: Action) -> Vec<Command> {
    match action {
        Action::Add { name, size, pasted, payload, select } => {
            let id = store.fresh_id();
            let row =
                DocRow { id, info: RwSignal::new(DocInfo::new(name.clone(), size)), content: RwSignal::default() };
            store.docs.update(|d| d.push(row));
            store.batch.update(|b| *b += 1);
            if select {
                select_doc(store, Some(id));
            }
            store.mark(|d| d.session = true);
            vec![Command::Send(Request::Annotate { id, name, pasted }, payload), Command::Save]
        }
        Action::Remove { id } => {
            remove(store, id);
            vec![Command::Send(Request::Remove { id }, None), Command::Save]
        }
        Action::Select(id) => {
            select_doc(store, id);
            vec![Command::Save]
        }
        Action::Focus(i) => {
            if store.focused.get_untracked() != i {
                store.focused.set(i);
            }
            vec![]
        }
        Action::Reveal(i) => {
            reveal(store, i);
            vec![]
        }
        Action::Edit { id, edit } => vec![Command::Send(Request::Edit { id, edit }, None)],
        Action::Export { format, all } => {
            let ids: Vec<u32> = if all {
                store.docs.with_untracked(|d| d.iter().map(|r| r.id).collect())
            } else {
                store.selected.get_untracked().into_iter().collect()
            };
            vec![Command::Send(Request::Export { format, ids }, None)]
        }
        Action::Import { name, payload } => vec![Command::Send(Request::Import { name }, payload)],
        Action::Open(dialog) => {
            store.dialog.set(dialog);
            vec![]
        }
        Action::Undo => step(store, true),
        Action::Redo => step(store, false),
        Action::ShowLayer { layer, on } => {
            store.hidden.update(|h| toggle(&mut h.layers, layer, on));
            store.mark(|d| d.session = true);
            vec![Command::Save]
        }
        Action::ShowLabel { label, on } => {
            store.hidden.update(|h| toggle(&mut h.labels, label, on));
            store.mark(|d| d.session = true);
            vec![Command::Save]
        }
        Action::Notify(text) => {
            notify(store, text);
            vec![]
        }
        Action::Dismiss(id) => {
            store.notices.update(|n| n.retain(|m| m.id != id));
            vec![]
        }
        Action::DismissAll => {
            store.notices.set(Vec::new());
            vec![]
        }
        Action::Dragging(on) => {
            if store.dragging.get_untracked() != on {
                store.dragging.set(on);
            }
            vec![]
        }
        Action::AskOriginal { id } => {
            let have = store.original.with_untracked(|o| matches!(o, Some((d, Some(_))) if *d == id));
            if have {
                return vec![];
            }
            // Asked of the worker each time it is needed: pages can be large, the page keeps one.
            store.original.set(None);
            vec![Command::Send(Request::Original { id }, None)]
        }
        Action::UseVersion { id, whole } => {
            let Some(row) = store.row(id) else { return vec![] };
            row.info.update(|i| i.status = Status::Working);
            vec![Command::Send(Request::Use { id, whole }, None)]
        }
        Action::Reply(reply, bodies) => on_reply(store, reply, bodies),
        Action::WorkerDied { culprit } => {
            match culprit.and_then(|id| store.row(id).map(|r| (id, r))) {
                Some((id, row)) => {
                    let name = row.info.with_untracked(|i| i.name.clone());
                    fail(
                        store,
                        id,
                        format!(
                            "{name}: the engine failed on this document; it was not opened. Other documents are unaffected."
                        ),
                    );
                }
                None => notify(
                    store,
                    "The annotation engine stopped unexpectedly and was restarted; open documents are kept.".into(),
                ),
            }
            // The fresh worker gets the open documents back, to line them up and correct them.
            let kept: Vec<(u32, Bytes)> =
                store.with_data(|d| d.iter().filter_map(|(id, e)| Some((*id, e.kept.clone()?))).collect());
            kept.into_iter()
                .filter_map(|(id, bytes)| {
                    let name = store.row(id)?.info.with_untracked(|i| i.name.clone());
                    Some(Command::Send(Request::Restore { id, name }, bytes.to_js()))
                })
                .collect()
        }
        Action::WorkerUnavailable => {
            notify(
                store,
                "The annotation engine could not start in this browser (web workers are unavailable).".into(),
            );
            vec![]
        }
        Action::Restore { row: kept, bytes } => {
            let id = kept.id;
            if store.row(id).is_some() {
                return vec![];
            }
            if store.next_id.get_value() <= id {
                store.next_id.set_value(id + 1);
            }
            let row = DocRow {
                id,
                info: RwSignal::new(DocInfo::new(kept.name.clone(), kept.size)),
                content: RwSignal::default(),
            };
            store.docs.update(|d| d.push(row));
            let payload = bytes.to_js();
            store.with_data(|d| d.entry(id).or_default().kept = Some(bytes));
            vec![Command::Send(Request::Restore { id, name: kept.name }, payload)]
        }
        Action::Restored(session) => {
            store.hidden.set(crate::render::Hidden { layers: session.hidden_layers, labels: session.hidden_labels });
            if let Some(id) = session.selected.filter(|id| store.row(*id).is_some()) {
                select_doc(store, Some(id));
            }
            if session.lexicon.is_empty() {
                return vec![];
            }
            store.lexicon.set_value(session.lexicon.clone());
            vec![Command::Send(Request::Lexicon { lexicon: session.lexicon }, None)]
        }
        Action::Storage(storage) => {
            if let Storage::InMemory(why) = &storage {
                notify(store, why.clone());
            }
            store.storage.set(storage);
            vec![]
        }
        Action::KeepThisTab => {
            store.mark_all();
            store.storage.set(Storage::Kept);
            vec![Command::Save]
        }
        Action::ShowPane(_)
        | Action::ShowInReader { .. }
        | Action::StepThrough { .. }
        | Action::StopStepping
        | Action::CallRegion { .. }
        | Action::SplitArticle { .. } => board::reduce(store, action),
        Action::ClearAll => {
            let ids: Vec<u32> = store.docs.with_untracked(|d| d.iter().map(|r| r.id).collect());
            let mut commands: Vec<Command> = ids
                .into_iter()
                .map(|id| {
                    remove(store, id);
                    Command::Send(Request::Remove { id }, None)
                })
                .collect();
            store.mark(|d| {
                *d = Dirty { cleared: true, session: true, ..Dirty::default() };
            });
            commands.push(Command::Save);
            commands
        }
    }
}

fn toggle(set: &mut std::collections::BTreeSet<String>, key: String, on: bool) {
    if on {
        set.remove(&key);
    } else {
        set.insert(key);
    }
}

pub(super) fn select_doc(store: &Store, id: Option<u32>) {
    if store.selected.get_untracked() != id {
        store.focused.set(None);
        store.reveal.update(|(n, i)| (*n, *i) = (*n + 1, None));
        store.selected.set(id);
    }
}

pub(super) fn reveal(store: &Store, i: usize) {
    store.focused.set(Some(i));
    store.reveal.update(|(n, r)| (*n, *r) = (*n + 1, Some(i)));
}

pub(super) fn set_history(store: &Store, f: impl FnOnce(&mut History)) {
    let depth = store.history.try_update_value(|h| {
        f(h);
        let excess = h.undo.len().saturating_sub(MAX_UNDO);
        h.undo.drain(..excess);
        (h.undo.len(), h.redo.len())
    });
    if let Some(depth) = depth {
        if store.history_depth.get_untracked() != depth {
            store.history_depth.set(depth);
        }
    }
}

/// Undoes (or redoes) the last step: the worker applies an edit's patches (inverted to undo)
/// and sends the documents again; a split-off article is closed, or opened again.
fn step(store: &Store, undo: bool) -> Vec<Command> {
    let mut taken = None;
    set_history(store, |h| taken = if undo { h.undo.pop() } else { h.redo.pop() });
    let Some(step) = taken else { return vec![] };
    let commands = match &step {
        Step::Patches(patches) => patches
            .iter()
            .map(|(id, patch)| {
                let patch = if undo { patch.inverse() } else { patch.clone() };
                Command::Send(Request::Patch { id: *id, patch }, None)
            })
            .collect(),
        Step::Split { id, .. } if undo => {
            // Its own edits were undone before this step; a redo of the split redoes them too.
            drop_doc(store, *id, true);
            vec![Command::Send(Request::Remove { id: *id }, None), Command::Save]
        }
        Step::Split { from, id, name, size } => board::split(store, *from, *id, name.clone(), *size),
    };
    set_history(store, |h| if undo { h.redo.push(step) } else { h.undo.push(step) });
    commands
}

pub(super) fn notify(store: &Store, text: String) {
    let id = store.fresh_id();
    store.notices.update(|n| {
        n.push(Notice { id, text });
        let excess = n.len().saturating_sub(MAX_NOTICES);
        n.drain(..excess);
    });
}

/// Drops a document from the list and the store; a removed selection moves to a neighbour.
pub(super) fn remove(store: &Store, id: u32) {
    drop_doc(store, id, false);
}

/// [`remove`], keeping the steps that could be redone in it when `redo_may_reopen`: a split
/// that is undone can be redone, and the edits made in the split-off article then with it.
fn drop_doc(store: &Store, id: u32, redo_may_reopen: bool) {
    let Some(pos) = store.docs.with_untracked(|d| d.iter().position(|r| r.id == id)) else { return };
    store.mark(|d| {
        d.docs.remove(&id);
        d.removed.insert(id);
        d.session = true;
    });
    // Edits that touched it can no longer be undone (nor redone, unless it may come back).
    set_history(store, |h| {
        h.undo.retain(|s| !s.touches(id));
        if !redo_may_reopen {
            h.redo.retain(|s| !s.touches(id));
        }
    });
    let mut removed = None;
    store.docs.update(|d| removed = Some(d.remove(pos)));
    store.with_data(|d| d.remove(&id));
    if store.selected.get_untracked() == Some(id) {
        let next = store.docs.with_untracked(|d| d.get(pos).or_else(|| d.last()).map(|r| r.id));
        select_doc(store, next);
    }
    if let Some(row) = removed {
        row.info.dispose();
        row.content.dispose();
    }
    end_batch_when_idle(store);
}

/// A document that could not be read: say so, and drop it from the list (others stay).
fn fail(store: &Store, id: u32, message: String) {
    notify(store, message);
    remove(store, id);
}

fn end_batch_when_idle(store: &Store) {
    let pending = store
        .docs
        .with_untracked(|d| d.iter().filter(|r| r.info.with_untracked(|i| i.status == Status::Working)).count());
    if pending == 0 && store.batch.get_untracked() != 0 {
        store.batch.set(0);
    }
}

fn on_reply(store: &Store, reply: Reply, bodies: Option<Bytes>) -> Vec<Command> {
    match reply {
        Reply::Ready { error } => {
            if let Some(e) = &error {
                notify(store, format!("The annotation engine failed to load: {e}"));
            }
            store.ready.set(Some(error));
        }
        Reply::Failed { id, message } => fail(store, id, message),
        Reply::Head(head) => on_head(store, head),
        Reply::Chunks { id, chunks } => {
            let Some(bodies) = bodies else { return vec![] };
            // Kept as they came: a chunk is read when it is shown or asked about.
            let shown = store.with_data(|d| {
                let entry = d.get_mut(&id)?;
                let target = entry.incoming.as_mut().unwrap_or(&mut entry.shown);
                target.chunks.extend(chunks.into_iter().map(|meta| StoredChunk::unread(meta, &bodies)));
                entry.incoming.is_none().then_some(entry.shown.chunks.len())
            });
            if let (Some(n), Some(row)) = (shown, store.row(id)) {
                row.content.update(|c| c.chunks = n);
            }
        }
        Reply::Groups(groups) => {
            if let Some(row) = store.row(groups.id) {
                row.info.update(|i| {
                    i.counts = groups.counts;
                    i.entities = Arc::new(groups.entities);
                });
            }
        }
        Reply::Quotes { id, quotes } => {
            if let Some(row) = store.row(id) {
                row.info.update(|i| i.quotes = Arc::new(quotes));
            }
        }
        Reply::Done { id, millis } => {
            let swapped = store.with_data(|d| {
                let entry = d.get_mut(&id)?;
                let incoming = entry.incoming.take()?;
                entry.shown = incoming;
                Some(entry.shown.chunks.len())
            });
            if let Some(row) = store.row(id) {
                row.info.update(|i| {
                    i.status = Status::Done;
                    i.millis = millis;
                });
                if let Some(n) = swapped {
                    row.content.update(|c| {
                        c.version += 1;
                        c.chunks = n;
                    });
                }
            }
            end_batch_when_idle(store);
        }
        Reply::Original { id, text } => {
            if text.is_none() {
                if let Some(row) = store.row(id) {
                    let name = row.info.with_untracked(|i| i.name.clone());
                    // A switch that cannot happen leaves the document as it was.
                    row.info.update(|i| i.status = Status::Done);
                    notify(
                        store,
                        format!("{name}: the original page is no longer available; drop the file again to use it."),
                    );
                }
            }
            store.original.set(Some((id, text.map(Arc::new))));
        }
        Reply::Saved { id } => {
            let Some(bytes) = bodies else { return vec![] };
            // Bytes for a document closed meanwhile are dropped.
            if store.row(id).is_some() {
                store.with_data(|d| d.entry(id).or_default().kept = Some(bytes));
                store.mark(|d| {
                    d.docs.insert(id);
                });
                return vec![Command::Save];
            }
        }
        Reply::Edited { id, changes, focus } => {
            if !changes.is_empty() {
                set_history(store, |h| {
                    h.undo.push(Step::Patches(changes));
                    h.redo.clear();
                });
            }
            if let (Some(i), true) = (focus, store.selected.get_untracked() == Some(id)) {
                reveal(store, i);
            }
        }
        Reply::Refused { message } => notify(store, message),
        Reply::Exported { file_name, media_type } => {
            let Some(bytes) = bodies else { return vec![] };
            return vec![Command::Download { file_name, media_type, bytes }];
        }
        Reply::Imported { name, size } => {
            let Some(bytes) = bodies else { return vec![] };
            let id = store.fresh_id();
            let row =
                DocRow { id, info: RwSignal::new(DocInfo::new(name.clone(), size)), content: RwSignal::default() };
            store.docs.update(|d| d.push(row));
            let payload = bytes.to_js();
            store.with_data(|d| d.entry(id).or_default().kept = Some(bytes));
            store.mark(|d| {
                d.docs.insert(id);
                d.session = true;
            });
            if store.selected.get_untracked().is_none() {
                select_doc(store, Some(id));
            }
            return vec![Command::Send(Request::Restore { id, name }, payload), Command::Save];
        }
        Reply::Lexicon { lexicon } => {
            store.lexicon.set_value(lexicon);
            store.mark(|d| d.session = true);
            return vec![Command::Save];
        }
        Reply::Board(update) => board::on_board(store, update),
        Reply::Clusters { id, changes, entities } => {
            store.with_data(|d| {
                if let Some(entry) = d.get_mut(&id) {
                    for (i, cluster) in changes {
                        entry.shown.set_cluster(i, cluster.clone());
                        if let Some(incoming) = &mut entry.incoming {
                            incoming.set_cluster(i, cluster);
                        }
                    }
                }
            });
            if let Some(row) = store.row(id) {
                row.info.update(|i| i.entities = Arc::new(entities));
                row.content.update(|c| c.clusters += 1);
            }
        }
    }
    vec![]
}

/// A document's head: a new document, the full text replacing a first look at its beginning
/// (shown at once), or the engine sending a shown document again (swapped in when complete).
fn on_head(store: &Store, head: Head) {
    let id = head.id;
    // A document removed while it was being annotated is not stored.
    let Some(row) = store.row(id) else { return };
    row.info.update(|i| {
        // Known from now on (the list shows the file name until then).
        let title = head.title.clone().filter(|t| !t.trim().is_empty());
        i.title = Some(title.or_else(|| head.source.clone()).unwrap_or_else(|| i.name.clone()));
        i.dateline = head.dateline.clone();
        i.original = head.original;
        i.whole = head.whole;
    });
    let data = DocData { head: Some(head), chunks: Vec::new() };
    let replaced_now = store.with_data(|d| {
        let entry = d.entry(id).or_insert_with(DocEntry::default);
        let complete = entry.shown.head.as_ref().is_some_and(|h| !h.preview);
        if complete {
            entry.incoming = Some(data);
            false
        } else {
            entry.shown = data;
            entry.incoming = None;
            true
        }
    });
    if replaced_now {
        row.content.update(|c| {
            c.version += 1;
            c.chunks = 0;
        });
    }
}

#[cfg(test)]
mod tests;
