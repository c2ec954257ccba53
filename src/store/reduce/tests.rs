//! The store's actions, applied natively: worker replies and the reader's edits alike.

use super::*;
use crate::edits::Patch;
use crate::persist::format::{KeptRow, Session};
use crate::pieces::{pieces, write_body};
use crate::protocol::{BoardUpdate, ChunkMeta};
use crate::store::Pane;
use newslens::board::{Region, RegionKind};
use newslens::doc::{Entity, EntityLabel};
use newslens::{Annotation, Document};

fn doc(text: &str, names: &[(usize, usize)]) -> Document {
    let annotations = names
        .iter()
        .map(|&(s, e)| {
            let t: String = text.chars().skip(s).take(e - s).collect();
            Annotation::Entity(Entity {
                label: EntityLabel::PER,
                start: s,
                end: e,
                text: t.clone(),
                cluster: t,
                source: Default::default(),
            })
        })
        .collect();
    Document { title: Some("A title".into()), source: Some("a.txt".into()), ..Document::new(text, annotations) }
}

/// The replies the worker sends for a document, as the store receives them.
fn delivery(id: u32, doc: &Document, chunk_chars: usize) -> Vec<Action> {
    let (head, groups, cuts) = pieces(id, doc, chunk_chars);
    let mut buffer = Vec::new();
    let metas: Vec<ChunkMeta> = cuts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut meta = c.meta(i, &doc.text);
            write_body(&mut buffer, doc, c, &mut meta);
            meta
        })
        .collect();
    vec![
        Action::Reply(Reply::Head(head), None),
        Action::Reply(Reply::Groups(groups), None),
        Action::Reply(Reply::Chunks { id, chunks: metas }, Some(Bytes::Own(buffer))),
        Action::Reply(Reply::Done { id, millis: 3.0 }, None),
    ]
}

fn add(store: &Store, name: &str) -> u32 {
    let commands =
        reduce(store, Action::Add { name: name.into(), size: 10, pasted: false, payload: None, select: true });
    match commands.as_slice() {
        [Command::Send(Request::Annotate { id, .. }, None), Command::Save] => *id,
        other => panic!("{other:?}"),
    }
}

fn texts(store: &Store, id: u32) -> Vec<String> {
    store
        .with_doc(id, |d| {
            let n = d.chunks.iter().map(|c| c.meta.count).sum::<usize>();
            (0..n).filter_map(|i| d.annotation(i).map(|a| a.text().to_string())).collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_document_added_is_listed_selected_and_filled_by_the_worker_replies() {
    let store = Store::new();
    let id = add(&store, "a.txt");
    assert_eq!(store.selected.get_untracked(), Some(id));
    assert_eq!(store.batch.get_untracked(), 1);
    let row = store.row(id).unwrap();
    assert_eq!(row.info.get_untracked().status, Status::Working);
    let d = doc("Ann met Bo.\nBo left.\n", &[(0, 3), (8, 10), (12, 14)]);
    for a in delivery(id, &d, 5) {
        reduce(&store, a);
    }
    let info = row.info.get_untracked();
    assert_eq!((info.status, info.title.as_deref()), (Status::Done, Some("A title")));
    assert_eq!(info.layer_count("entity"), 3);
    let content = row.content.get_untracked();
    assert_eq!((content.version, content.chunks), (1, 2));
    assert_eq!(texts(&store, id), ["Ann", "Bo", "Bo"]);
    assert_eq!(store.batch.get_untracked(), 0, "the batch ends when nothing is pending");
}

#[test]
fn a_document_sent_again_replaces_the_shown_one_only_once_complete() {
    let store = Store::new();
    let id = add(&store, "a.txt");
    for a in delivery(id, &doc("Ann met Bo.\n", &[(0, 3)]), 100) {
        reduce(&store, a);
    }
    let row = store.row(id).unwrap();
    let mut again = delivery(id, &doc("Ann met Bo.\n", &[(0, 3), (8, 10)]), 100);
    let done = again.pop().unwrap();
    for a in again {
        reduce(&store, a);
    }
    assert_eq!(texts(&store, id), ["Ann"], "the old text stays while the new one arrives");
    assert_eq!(row.content.get_untracked().version, 1);
    reduce(&store, done);
    assert_eq!(texts(&store, id), ["Ann", "Bo"]);
    assert_eq!(row.content.get_untracked().version, 2);
}

#[test]
fn a_preview_is_replaced_by_the_full_text_at_once() {
    let store = Store::new();
    let id = add(&store, "long.txt");
    let mut first = delivery(id, &doc("Ann.\n", &[(0, 3)]), 100);
    if let Action::Reply(Reply::Head(h), _) = &mut first[0] {
        h.preview = true;
    }
    first.truncate(3);
    first.remove(1);
    for a in first {
        reduce(&store, a);
    }
    assert_eq!(texts(&store, id), ["Ann"]);
    let full = delivery(id, &doc("Ann.\nBo.\n", &[(0, 3), (5, 7)]), 100);
    let mut full = full.into_iter();
    reduce(&store, full.next().unwrap());
    let row = store.row(id).unwrap();
    assert_eq!(row.content.get_untracked().chunks, 0, "the preview is gone as the full head arrives");
    for a in full {
        reduce(&store, a);
    }
    assert_eq!(texts(&store, id), ["Ann", "Bo"]);
}

#[test]
fn removing_the_selected_document_selects_a_neighbour_and_tells_the_worker() {
    let store = Store::new();
    let a = add(&store, "a.txt");
    let b = add(&store, "b.txt");
    let c = add(&store, "c.txt");
    reduce(&store, Action::Select(Some(b)));
    let commands = reduce(&store, Action::Remove { id: b });
    assert!(matches!(commands.as_slice(), [Command::Send(Request::Remove { id }, None), Command::Save] if *id == b));
    assert_eq!(store.selected.get_untracked(), Some(c));
    reduce(&store, Action::Remove { id: c });
    assert_eq!(store.selected.get_untracked(), Some(a));
    // A late reply about a removed document changes nothing.
    for r in delivery(c, &doc("Ann.\n", &[(0, 3)]), 100) {
        reduce(&store, r);
    }
    assert!(store.row(c).is_none());
    assert!(store.with_doc(c, |_| ()).is_none());
}

#[test]
fn a_failed_document_or_a_dead_worker_leaves_a_message_naming_the_file() {
    let store = Store::new();
    let a = add(&store, "bad.txt");
    let b = add(&store, "good.txt");
    reduce(&store, Action::WorkerDied { culprit: Some(a) });
    assert!(store.row(a).is_none());
    assert!(store.row(b).is_some());
    reduce(&store, Action::Reply(Reply::Failed { id: b, message: "good.txt: the file is empty".into() }, None));
    let notices: Vec<String> = store.notices.get_untracked().into_iter().map(|n| n.text).collect();
    assert!(notices[0].starts_with("bad.txt: the engine failed"), "{notices:?}");
    assert_eq!(notices[1], "good.txt: the file is empty");
    assert_eq!(store.selected.get_untracked(), None);
    assert_eq!(store.batch.get_untracked(), 0);
    reduce(&store, Action::WorkerDied { culprit: None });
    assert!(store.notices.get_untracked()[2].text.contains("restarted"));
}

#[test]
fn cluster_changes_reach_the_shown_text_and_tell_the_reader() {
    let store = Store::new();
    let id = add(&store, "a.txt");
    for a in delivery(id, &doc("Ann met Bo.\n", &[(0, 3), (8, 10)]), 100) {
        reduce(&store, a);
    }
    reduce(&store, Action::Reply(Reply::Clusters { id, changes: vec![(1, "Bo Chen".into())], entities: vec![] }, None));
    let cluster = store.with_doc(id, |d| match d.annotation(1) {
        Some(Annotation::Entity(e)) => e.cluster.clone(),
        _ => String::new(),
    });
    assert_eq!(cluster.as_deref(), Some("Bo Chen"));
    assert_eq!(store.row(id).unwrap().content.get_untracked().clusters, 1);
}

fn kept_row(id: u32, name: &str) -> KeptRow {
    KeptRow { id, name: name.into(), size: 5 }
}

#[test]
fn what_changes_is_marked_for_saving_and_taken_once() {
    let store = Store::new();
    let a = add(&store, "a.txt");
    let b = add(&store, "b.txt");
    let commands = reduce(&store, Action::Reply(Reply::Saved { id: a }, Some(Bytes::Own(b"{}".to_vec()))));
    assert!(matches!(commands.as_slice(), [Command::Save]));
    // Bytes for a document closed meanwhile are dropped.
    reduce(&store, Action::Reply(Reply::Saved { id: 99 }, Some(Bytes::Own(b"{}".to_vec()))));
    reduce(&store, Action::ShowLayer { layer: "number".into(), on: false });
    let work = store.take_save();
    assert_eq!(work.dirty.docs, [a].into());
    assert!(work.dirty.session);
    assert_eq!(work.docs.len(), 1);
    let names: Vec<&str> = work.session.docs.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["a.txt", "b.txt"]);
    assert_eq!(work.session.docs[1].id, b);
    assert!(work.session.hidden_layers.contains("number"));
    assert!(store.take_save().dirty.is_empty(), "taken once");
    reduce(&store, Action::Remove { id: a });
    let work = store.take_save();
    assert_eq!(work.dirty.removed, [a].into());
    // A failed save comes back for the next one.
    store.unsave(work.dirty);
    assert_eq!(store.take_save().dirty.removed, [a].into());
}

#[test]
fn a_kept_session_comes_back_as_it_was() {
    let store = Store::new();
    let bytes = Bytes::Own(b"{}".to_vec());
    for (id, name) in [(7, "seven.txt"), (3, "three.txt")] {
        let commands = reduce(&store, Action::Restore { row: kept_row(id, name), bytes: bytes.clone() });
        assert!(
            matches!(commands.as_slice(), [Command::Send(Request::Restore { id: i, name: n }, _)] if *i == id && n == name)
        );
    }
    let session = Session {
        version: crate::persist::format::VERSION,
        docs: vec![],
        selected: Some(3),
        hidden_layers: ["quote".to_string()].into(),
        hidden_labels: ["PER".to_string()].into(),
        lexicon: Default::default(),
    };
    reduce(&store, Action::Restored(session));
    assert_eq!(store.selected.get_untracked(), Some(3));
    assert!(store.hidden.get_untracked().labels.contains("PER"));
    let order: Vec<u32> = store.docs.get_untracked().iter().map(|r| r.id).collect();
    assert_eq!(order, [7, 3], "the list keeps its order");
    // New documents get ids past the kept ones.
    assert_eq!(add(&store, "new.txt"), 8);
    assert!(store.take_save().dirty.docs.is_empty(), "restoring is no change to save");
}

#[test]
fn a_fresh_worker_gets_the_open_documents_back() {
    let store = Store::new();
    let a = add(&store, "a.txt");
    let b = add(&store, "b.txt");
    reduce(&store, Action::Reply(Reply::Saved { id: a }, Some(Bytes::Own(b"{}".to_vec()))));
    let commands = reduce(&store, Action::WorkerDied { culprit: Some(b) });
    assert!(matches!(commands.as_slice(), [Command::Send(Request::Restore { id, .. }, _)] if *id == a));
}

#[test]
fn clear_all_empties_the_list_and_the_kept_work() {
    let store = Store::new();
    let a = add(&store, "a.txt");
    let b = add(&store, "b.txt");
    let commands = reduce(&store, Action::ClearAll);
    let removed: Vec<u32> = commands
        .iter()
        .filter_map(|c| match c {
            Command::Send(Request::Remove { id }, _) => Some(*id),
            _ => None,
        })
        .collect();
    assert_eq!(removed, [a, b]);
    assert!(store.docs.get_untracked().is_empty() && store.selected.get_untracked().is_none());
    let work = store.take_save();
    assert!(work.dirty.cleared && work.session.docs.is_empty());
}

#[test]
fn keeping_this_tab_rewrites_everything() {
    let store = Store::new();
    let a = add(&store, "a.txt");
    reduce(&store, Action::Reply(Reply::Saved { id: a }, Some(Bytes::Own(b"{}".to_vec()))));
    store.take_save();
    reduce(&store, Action::Storage(Storage::Conflict));
    reduce(&store, Action::KeepThisTab);
    assert_eq!(store.storage.get_untracked(), Storage::Kept);
    let work = store.take_save();
    assert!(work.dirty.cleared && work.dirty.overwrite);
    assert_eq!(work.docs.len(), 1);
}

#[test]
fn every_edit_can_be_undone_and_redone_until_its_document_closes() {
    let store = Store::new();
    let a = add(&store, "a.txt");
    let d = doc("Ann met Bo.\n", &[(0, 3)]);
    for r in delivery(a, &d, 100) {
        reduce(&store, r);
    }
    let edit = crate::edits::Edit::Delete { index: 0, scope: crate::edits::Scope::One };
    let commands = reduce(&store, Action::Edit { id: a, edit: edit.clone() });
    assert!(
        matches!(commands.as_slice(), [Command::Send(Request::Edit { id, edit: e }, None)] if *id == a && *e == edit)
    );
    // The worker made it: what changed comes back with the edit.
    let mut after = d.clone();
    let (patches, _) = crate::edits::apply(std::slice::from_mut(&mut after), 0, &edit).unwrap();
    let patch = patches[0].1.clone();
    reduce(&store, Action::Reply(Reply::Edited { id: a, changes: vec![(a, patch.clone())], focus: None }, None));
    assert_eq!(store.history_depth.get_untracked(), (1, 0));
    let undo = reduce(&store, Action::Undo);
    assert!(
        matches!(undo.as_slice(), [Command::Send(Request::Patch { id, patch: p }, None)] if *id == a && *p == patch.inverse())
    );
    assert_eq!(store.history_depth.get_untracked(), (0, 1));
    let redo = reduce(&store, Action::Redo);
    assert!(matches!(redo.as_slice(), [Command::Send(Request::Patch { patch: p, .. }, None)] if *p == patch));
    assert!(reduce(&store, Action::Redo).is_empty(), "nothing more to redo");
    reduce(&store, Action::Remove { id: a });
    assert_eq!(store.history_depth.get_untracked(), (0, 0));
    assert!(reduce(&store, Action::Undo).is_empty());
}

#[test]
fn legend_switches_and_notices() {
    let store = Store::new();
    reduce(&store, Action::ShowLayer { layer: "quote".into(), on: false });
    reduce(&store, Action::ShowLabel { label: "PER".into(), on: false });
    reduce(&store, Action::ShowLabel { label: "PER".into(), on: true });
    let hidden = store.hidden.get_untracked();
    assert!(hidden.layers.contains("quote") && hidden.labels.is_empty());
    for k in 0..(MAX_NOTICES + 5) {
        reduce(&store, Action::Notify(format!("m{k}")));
    }
    let notices = store.notices.get_untracked();
    assert_eq!(notices.len(), MAX_NOTICES);
    assert_eq!(notices[0].text, "m5");
    reduce(&store, Action::Dismiss(notices[0].id));
    assert_eq!(store.notices.get_untracked()[0].text, "m6");
    reduce(&store, Action::DismissAll);
    assert!(store.notices.get_untracked().is_empty());
}

#[test]
fn exports_name_the_documents_in_list_order_and_imports_open_as_kept_documents() {
    let store = Store::new();
    let a = add(&store, "a.txt");
    let b = add(&store, "b.txt");
    reduce(&store, Action::Select(Some(a)));
    let one = reduce(&store, Action::Export { format: "w3c".into(), all: false });
    assert!(
        matches!(one.as_slice(), [Command::Send(Request::Export { format, ids }, None)] if format == "w3c" && *ids == [a])
    );
    let all = reduce(&store, Action::Export { format: "json".into(), all: true });
    assert!(matches!(all.as_slice(), [Command::Send(Request::Export { ids, .. }, None)] if *ids == [a, b]));
    let file = reduce(
        &store,
        Action::Reply(
            Reply::Exported { file_name: "newslens.json".into(), media_type: "application/json".into() },
            Some(Bytes::Own(b"{}".to_vec())),
        ),
    );
    assert!(matches!(file.as_slice(), [Command::Download { file_name, .. }] if file_name == "newslens.json"));
    store.take_save();
    let opened = reduce(
        &store,
        Action::Reply(Reply::Imported { name: "x.txt".into(), size: 9 }, Some(Bytes::Own(b"{}".to_vec()))),
    );
    let id = match opened.as_slice() {
        [Command::Send(Request::Restore { id, name }, _), Command::Save] if name == "x.txt" => *id,
        other => panic!("{other:?}"),
    };
    assert!(id > b, "a fresh id");
    assert_eq!(store.take_save().dirty.docs, [id].into(), "an imported document is saved");
}

fn delivered(store: &Store, name: &str, d: &Document) -> u32 {
    let id = add(store, name);
    for r in delivery(id, d, 100) {
        reduce(store, r);
    }
    id
}

#[test]
fn a_call_on_a_region_is_an_edit_undone_and_redone() {
    let store = Store::new();
    let d = doc("Ann met Bo.\nSubscribe to our newsletter.\n", &[(0, 3)]);
    let a = delivered(&store, "a.txt", &d);
    let region = Region { start: 12, end: 41, kind: RegionKind::Boilerplate };
    let commands = reduce(&store, Action::CallRegion { id: a, region, keep: true });
    assert!(matches!(
        commands.as_slice(),
        [Command::Send(Request::Region { id, region: r, keep: true }, None)] if *id == a && *r == region
    ));
    // The worker took the call back: what changed comes back as an edit.
    let patch = Patch::kept_regions(&d, vec![], vec![region]);
    reduce(&store, Action::Reply(Reply::Edited { id: a, changes: vec![(a, patch.clone())], focus: None }, None));
    assert_eq!(store.history_depth.get_untracked(), (1, 0));
    let undo = reduce(&store, Action::Undo);
    let [Command::Send(Request::Patch { id, patch: undone }, None)] = undo.as_slice() else { panic!("{undo:?}") };
    assert_eq!(*id, a);
    assert_eq!(undone.kept, Some((vec![region], vec![])), "undo leaves the region out again");
    assert!(!undone.touches_annotations());
    let redo = reduce(&store, Action::Redo);
    assert!(matches!(redo.as_slice(), [Command::Send(Request::Patch { patch: p, .. }, None)] if *p == patch));
}

#[test]
fn a_second_article_split_off_is_a_document_undo_closes_and_redo_opens_again() {
    let store = Store::new();
    let d = doc("Ann met Bo.\nIn other news, Cy won.\n", &[(0, 3)]);
    let a = delivered(&store, "story.html", &d);
    store.take_save();
    let region = Region { start: 12, end: 35, kind: RegionKind::SecondArticle };
    let commands = reduce(&store, Action::SplitArticle { id: a, region });
    let [Command::Send(Request::Split { id, new_id, name }, None), Command::Save] = commands.as_slice() else {
        panic!("{commands:?}")
    };
    let (b, name) = (*new_id, name.clone());
    assert_eq!((*id, name.as_str()), (a, "story (second article)"));
    assert_eq!(store.selected.get_untracked(), Some(b));
    assert_eq!(store.row(b).map(|r| r.info.get_untracked().name), Some(name.clone()));
    assert_eq!(store.history_depth.get_untracked(), (1, 0));
    assert!(store.take_save().dirty.session, "the new document is kept with the session");
    for r in delivery(b, &doc("In other news, Cy won.\n", &[(14, 16)]), 100) {
        reduce(&store, r);
    }

    let undo = reduce(&store, Action::Undo);
    assert!(matches!(undo.as_slice(), [Command::Send(Request::Remove { id }, None), Command::Save] if *id == b));
    assert!(store.row(b).is_none());
    assert_eq!(store.selected.get_untracked(), Some(a));
    assert_eq!(store.history_depth.get_untracked(), (0, 1));
    assert!(store.take_save().dirty.removed.contains(&b), "closed in the kept work too");

    let redo = reduce(&store, Action::Redo);
    assert!(matches!(
        redo.as_slice(),
        [Command::Send(Request::Split { id, new_id, name: n }, None), Command::Save] if *id == a && *new_id == b && *n == name
    ));
    assert!(store.row(b).is_some());
    assert_eq!(store.history_depth.get_untracked(), (1, 0));

    // A split the worker cannot make leaves a message, and nothing to undo.
    reduce(&store, Action::Reply(Reply::Failed { id: b, message: "no second article".into() }, None));
    assert!(store.row(b).is_none());
    assert_eq!(store.history_depth.get_untracked(), (0, 0));
    assert_eq!(store.notices.get_untracked().len(), 1);
}

#[test]
fn the_boards_step_through_a_name_in_the_reader() {
    let store = Store::new();
    let first = doc("Ann met Bo.\n", &[(0, 3)]);
    let second = doc("Ann and Ann.\n", &[(0, 3), (8, 11)]);
    let a = delivered(&store, "a.txt", &first);
    let b = delivered(&store, "b.txt", &second);
    let board = newslens::board::build_with(&[&first, &second], &[]);
    reduce(&store, Action::Reply(Reply::Board(BoardUpdate { ids: vec![a, b], kept: vec![], board }), None));
    reduce(&store, Action::ShowPane(Pane::Board));
    assert_eq!(store.pane.get_untracked(), Pane::Board);

    reduce(&store, Action::StepThrough { cluster: "Ann".into(), at: 2 });
    assert_eq!(store.stepping.get_untracked(), Some(("Ann".to_string(), 2)));
    assert_eq!(store.pane.get_untracked(), Pane::Reader, "the mention shows in the reader");
    assert_eq!(store.selected.get_untracked(), Some(b));
    assert_eq!(store.reveal.get_untracked().1, Some(1), "the second Ann of b");
    reduce(&store, Action::StepThrough { cluster: "Ann".into(), at: 0 });
    assert_eq!((store.selected.get_untracked(), store.reveal.get_untracked().1), (Some(a), Some(0)));
    assert!(reduce(&store, Action::StepThrough { cluster: "Ann".into(), at: 3 }).is_empty(), "no fourth Ann");

    // Closing the document that named her leaves a board without her: the stepping ends.
    let board = newslens::board::build_with(&[&doc("Bo.\n", &[])], &[]);
    reduce(&store, Action::Reply(Reply::Board(BoardUpdate { ids: vec![b], kept: vec![], board }), None));
    assert_eq!(store.stepping.get_untracked(), None);
}

#[test]
fn edits_in_a_split_off_article_come_back_when_the_split_is_redone() {
    let store = Store::new();
    let d = doc("Ann met Bo.\nIn other news, Cy won.\n", &[(0, 3)]);
    let a = delivered(&store, "story.txt", &d);
    let region = Region { start: 12, end: 35, kind: RegionKind::SecondArticle };
    let commands = reduce(&store, Action::SplitArticle { id: a, region });
    let [Command::Send(Request::Split { new_id: b, .. }, None), Command::Save] = commands.as_slice() else {
        panic!("{commands:?}")
    };
    let b = *b;
    let second = doc("In other news, Cy won.\n", &[(14, 16)]);
    for r in delivery(b, &second, 100) {
        reduce(&store, r);
    }
    // A correction in the split-off article, as the worker reports it.
    let patch = Patch::kept_regions(&second, vec![], vec![Region { start: 0, end: 13, kind: RegionKind::Boilerplate }]);
    reduce(&store, Action::Reply(Reply::Edited { id: b, changes: vec![(b, patch.clone())], focus: None }, None));
    assert_eq!(store.history_depth.get_untracked(), (2, 0));

    reduce(&store, Action::Undo);
    reduce(&store, Action::Undo);
    assert!(store.row(b).is_none());
    assert_eq!(store.history_depth.get_untracked(), (0, 2), "both steps can be redone");
    let redo = reduce(&store, Action::Redo);
    assert!(
        matches!(redo.as_slice(), [Command::Send(Request::Split { new_id, .. }, None), Command::Save] if *new_id == b)
    );
    let redo = reduce(&store, Action::Redo);
    assert!(
        matches!(redo.as_slice(), [Command::Send(Request::Patch { id, patch: p }, None)] if *id == b && *p == patch),
        "{redo:?}"
    );
    assert_eq!(store.history_depth.get_untracked(), (2, 0));
}
