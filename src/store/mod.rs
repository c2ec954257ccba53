//! The page's one store: every change to what the page knows, a worker's reply or a reader's
//! edit alike, is an [`Action`] applied by [`reduce`] in one place. Views read the store's
//! signals and dispatch actions; the worker client only carries messages; persistence saves
//! what the store holds. What an action asks of the outside (a message to the worker, a save)
//! comes back from `reduce` as a [`Command`], run by whoever [`Store::connect`]ed.
//!
//! The documents' text and annotations are too big for signals: they live in
//! [`Store::docs_data`], and each row's [`Content`] signal says when they changed.

pub mod actions;
pub mod board;
pub mod docs;
pub mod reduce;

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

pub use actions::{Action, Command};
pub use board::Pane;
pub use docs::{human_size, Bytes, Content, DocData, DocInfo, DocRow, Notice, Status, StoredChunk};
pub use reduce::reduce;

use newslens::corrections::UserLexicon;

use crate::edits::Patch;
use crate::persist::format::{KeptRow, Session};
use crate::protocol::BoardUpdate;
use crate::render::Hidden;

/// A document's text as shown, and the next version while it arrives (the engine sending the
/// document again replaces it whole once complete, so the reader never shows half of it).
#[derive(Debug, Default)]
pub struct DocEntry {
    pub shown: DocData,
    pub incoming: Option<DocData>,
    /// What to keep of it, as the worker last wrote it (saved, and sent to a fresh worker).
    pub kept: Option<Bytes>,
}

/// A dialog over the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    /// Every shortcut (`?`).
    Shortcuts,
    /// Pick the name that says quote `quote`.
    Speaker { quote: usize },
    /// Pick the cluster the cluster of name `entity` joins.
    Merge { entity: usize },
}

/// One step of the reader's to undo and redo.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// An edit (or a call on a region): what it changed in each document it touched.
    Patches(Vec<(u32, Patch)>),
    /// The second article found in document `from` opened as document `id`.
    Split { from: u32, id: u32, name: String, size: u64 },
}

impl Step {
    /// Whether undoing or redoing the step needs document `doc`.
    pub fn touches(&self, doc: u32) -> bool {
        match self {
            Step::Patches(patches) => patches.iter().any(|(d, _)| *d == doc),
            Step::Split { from, id, .. } => *from == doc || *id == doc,
        }
    }
}

/// The reader's edits, to undo and redo.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct History {
    pub undo: Vec<Step>,
    pub redo: Vec<Step>,
}

/// Most edits kept for undo.
pub const MAX_UNDO: usize = 500;

/// Where the reader's work is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Storage {
    /// The browser's storage is being opened and read.
    Opening,
    /// Saved in the browser as the reader works.
    Kept,
    /// Only in this tab's memory, and why.
    InMemory(String),
    /// Another tab saved since this one loaded: this tab stops saving until the reader
    /// chooses which work to keep.
    Conflict,
}

/// What changed since the last save.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Dirty {
    /// Documents whose kept bytes changed.
    pub docs: BTreeSet<u32>,
    /// Documents removed.
    pub removed: BTreeSet<u32>,
    /// The list, selection or settings changed.
    pub session: bool,
    /// Everything was cleared.
    pub cleared: bool,
    /// This tab's work replaces whatever another tab saved.
    pub overwrite: bool,
}

impl Dirty {
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty() && self.removed.is_empty() && !self.session && !self.cleared && !self.overwrite
    }

    /// Adds what `other` holds (a save that failed goes back for the next try).
    pub fn merge(&mut self, other: Dirty) {
        self.docs.extend(other.docs);
        self.removed.extend(other.removed);
        self.session |= other.session;
        self.cleared |= other.cleared;
        self.overwrite |= other.overwrite;
    }
}

/// A save's work: what to write, taken from the store.
#[derive(Debug)]
pub struct SaveWork {
    pub dirty: Dirty,
    pub session: Session,
    pub docs: Vec<(u32, Bytes)>,
}

/// Where commands go.
type Out = Rc<dyn Fn(Command)>;

/// The page's state, shared through context. Copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct Store {
    pub docs: RwSignal<Vec<DocRow>>,
    pub selected: RwSignal<Option<u32>>,
    pub notices: RwSignal<Vec<Notice>>,
    /// What the legend has switched off.
    pub hidden: RwSignal<Hidden>,
    /// The annotation (index in the selected document) hovered or focused.
    pub focused: RwSignal<Option<usize>>,
    /// An annotation of the selected document to bring into view and focus.
    /// An annotation of the selected document to bring into view and focus (with a count,
    /// so asking for the same one again is a change).
    pub reveal: RwSignal<(u64, Option<usize>)>,
    /// The worker answered; `Some(error)` if its engine failed to load.
    pub ready: RwSignal<Option<Option<String>>>,
    /// Documents added since the page was last idle (for "3 of 200").
    pub batch: RwSignal<usize>,
    pub dragging: RwSignal<bool>,
    /// The whole text of the page a document came from, as last asked of the worker
    /// (`None` inside: the worker no longer has the page).
    pub original: RwSignal<Option<(u32, Option<Arc<String>>)>>,
    pub storage: RwSignal<Storage>,
    /// The dialog open over the page.
    pub dialog: RwSignal<Option<Dialog>>,
    /// How many edits can be undone and redone.
    pub history_depth: RwSignal<(usize, usize)>,
    /// The boards across every open document, as the worker last sent them.
    pub board: RwSignal<Option<Arc<BoardUpdate>>>,
    /// What the middle column shows.
    pub pane: RwSignal<Pane>,
    /// The name (cluster) the reader steps through from the board, and which of its mentions
    /// across the documents is shown.
    pub stepping: RwSignal<Option<(String, usize)>>,
    history: StoredValue<History>,
    lexicon: StoredValue<UserLexicon>,
    dirty: StoredValue<Dirty>,
    data: StoredValue<HashMap<u32, DocEntry>, LocalStorage>,
    next_id: StoredValue<u32>,
    out: StoredValue<Option<Out>, LocalStorage>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("docs", &self.docs.with_untracked(|d| d.len())).finish_non_exhaustive()
    }
}

impl Store {
    pub fn new() -> Store {
        Store {
            docs: RwSignal::new(Vec::new()),
            selected: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
            hidden: RwSignal::new(Hidden::default()),
            focused: RwSignal::new(None),
            reveal: RwSignal::new((0, None)),
            ready: RwSignal::new(None),
            batch: RwSignal::new(0),
            dragging: RwSignal::new(false),
            original: RwSignal::new(None),
            storage: RwSignal::new(Storage::Opening),
            dialog: RwSignal::new(None),
            history_depth: RwSignal::new((0, 0)),
            board: RwSignal::new(None),
            pane: RwSignal::new(Pane::default()),
            stepping: RwSignal::new(None),
            history: StoredValue::new(History::default()),
            lexicon: StoredValue::new(UserLexicon::new()),
            dirty: StoredValue::new(Dirty::default()),
            data: StoredValue::new_local(HashMap::new()),
            next_id: StoredValue::new(1),
            out: StoredValue::new_local(None),
        }
    }

    /// Sets where commands go (the worker client, persistence).
    pub fn connect(&self, out: impl Fn(Command) + 'static) {
        self.out.set_value(Some(Rc::new(out)));
    }

    /// Applies an action and runs the commands it gives.
    pub fn dispatch(&self, action: Action) {
        let commands = reduce(self, action);
        if commands.is_empty() {
            return;
        }
        let Some(out) = self.out.with_value(|o| o.clone()) else { return };
        for c in commands {
            out(c);
        }
    }

    /// The row of a document.
    pub fn row(&self, id: u32) -> Option<DocRow> {
        self.docs.with_untracked(|d| d.iter().find(|r| r.id == id).copied())
    }

    /// The selected document's info (tracked).
    pub fn selected_info(&self) -> Option<DocInfo> {
        let id = self.selected.get()?;
        let row = self.docs.with(|d| d.iter().find(|r| r.id == id).copied())?;
        Some(row.info.get())
    }

    /// Documents still being annotated (tracked).
    pub fn pending(&self) -> usize {
        self.docs.with(|d| d.iter().filter(|r| r.info.with(|i| i.status == Status::Working)).count())
    }

    /// Runs `f` on a document's text as shown (not tracked: track the row's `content`).
    pub fn with_doc<R>(&self, id: u32, f: impl FnOnce(&mut DocData) -> R) -> Option<R> {
        self.data.try_update_value(|d| d.get_mut(&id).map(|e| f(&mut e.shown))).flatten()
    }

    /// Runs `f` on every document's entry (for the reducer).
    fn with_data<R>(&self, f: impl FnOnce(&mut HashMap<u32, DocEntry>) -> R) -> R {
        self.data.try_update_value(f).expect("the store lives as long as the page")
    }

    /// A fresh id for a document or notice.
    fn fresh_id(&self) -> u32 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        id
    }

    /// Notes what changed for the next save.
    fn mark(&self, f: impl FnOnce(&mut Dirty)) {
        self.dirty.update_value(f);
    }

    /// Takes what changed since the last save, with what to write for it.
    pub fn take_save(&self) -> SaveWork {
        let dirty = std::mem::take(&mut *self.dirty.write_value());
        let docs =
            self.with_data(|d| dirty.docs.iter().filter_map(|id| Some((*id, d.get(id)?.kept.clone()?))).collect());
        SaveWork { dirty, session: self.session(), docs }
    }

    /// Whether changes wait to be saved.
    pub fn has_unsaved(&self) -> bool {
        self.dirty.with_value(|d| !d.is_empty())
    }

    /// A save that failed: its changes wait for the next one.
    pub fn unsave(&self, dirty: Dirty) {
        self.mark(|d| d.merge(dirty));
    }

    /// Marks everything for saving (this tab's work replacing another tab's).
    pub fn mark_all(&self) {
        let ids: Vec<u32> = self.docs.with_untracked(|d| d.iter().map(|r| r.id).collect());
        self.mark(|d| {
            d.cleared = true;
            d.overwrite = true;
            d.session = true;
            d.docs.extend(ids);
        });
    }

    /// The session as it would be kept now.
    pub fn session(&self) -> Session {
        let hidden = self.hidden.get_untracked();
        Session {
            version: crate::persist::format::VERSION,
            docs: self.docs.with_untracked(|d| {
                d.iter()
                    .map(|r| r.info.with_untracked(|i| KeptRow { id: r.id, name: i.name.clone(), size: i.size }))
                    .collect()
            }),
            selected: self.selected.get_untracked(),
            hidden_layers: hidden.layers,
            hidden_labels: hidden.labels,
            lexicon: self.lexicon.get_value(),
        }
    }

    /// Whether there is an edit to undo and one to redo (tracked).
    pub fn can_undo(&self) -> (bool, bool) {
        let (u, r) = self.history_depth.get();
        (u > 0, r > 0)
    }
}

impl Default for Store {
    fn default() -> Self {
        Self::new()
    }
}
