//! Everything that can change the store: what the reader does and what the worker says.

use newslens::board::Region;
use wasm_bindgen::JsValue;

use crate::edits::Edit;
use crate::persist::format::{KeptRow, Session};
use crate::protocol::{Reply, Request};
use crate::store::{Bytes, Dialog, Pane, Storage};

/// One change to the store, applied by [`crate::store::reduce`].
#[derive(Debug)]
pub enum Action {
    /// A file or pasted text joins the list and goes to the worker; `payload` is the `File`
    /// or the pasted JS string (`None` only in tests).
    Add {
        name: String,
        size: u64,
        pasted: bool,
        payload: Option<JsValue>,
        select: bool,
    },
    /// The reader closes a document.
    Remove {
        id: u32,
    },
    Select(Option<u32>),
    /// The highlight under the pointer or the keyboard focus.
    Focus(Option<usize>),
    /// Bring a highlight of the selected document into view and focus it.
    Reveal(usize),
    /// The legend's switches: a layer (`entity`) or a label (`PER`) shown or hidden.
    ShowLayer {
        layer: String,
        on: bool,
    },
    ShowLabel {
        label: String,
        on: bool,
    },
    Notify(String),
    Dismiss(u32),
    DismissAll,
    /// Files are being dragged over the window.
    Dragging(bool),
    /// Ask the worker for the whole text of the page a document came from.
    AskOriginal {
        id: u32,
    },
    /// Annotate a page's document again from its whole text (`whole`) or its article.
    UseVersion {
        id: u32,
        whole: bool,
    },
    /// A worker reply, with the bytes of its chunks when it has some.
    Reply(Reply, Option<Bytes>),
    /// The worker died; `culprit` is the document it was working on, if any. A fresh worker
    /// has been started and is sent the other requests again.
    WorkerDied {
        culprit: Option<u32>,
    },
    /// No worker could be started in this browser.
    WorkerUnavailable,
    /// A document kept from an earlier visit joins the list; the worker opens its bytes.
    Restore {
        row: KeptRow,
        bytes: Bytes,
    },
    /// The rest of a kept session, once its documents are listed.
    Restored(Session),
    /// Where the work is kept changed (storage opened, denied, full, or written by another tab).
    Storage(Storage),
    /// The reader chose to keep this tab's work over another tab's.
    KeepThisTab,
    /// Close every document and forget the kept work.
    ClearAll,
    /// A reader's edit of a document (made by the worker with the engine's corrections).
    Edit {
        id: u32,
        edit: Edit,
    },
    Undo,
    Redo,
    /// Opens a dialog, or closes it (`None`).
    Open(Option<Dialog>),
    /// Export the selected document, or every document (`all`), in a format (`json`, `w3c`, ...).
    Export {
        format: String,
        all: bool,
    },
    /// Open the documents of an exported file (native JSON, W3C or brat); `payload` is the `File`.
    Import {
        name: String,
        payload: Option<JsValue>,
    },
    /// The middle column shows the reader or the boards.
    ShowPane(Pane),
    /// Show annotation `annotation` of document `id` in the reader (from a board).
    ShowInReader {
        id: u32,
        annotation: usize,
    },
    /// Show mention `at` (counting across the documents) of the name `cluster` in the reader.
    StepThrough {
        cluster: String,
        at: usize,
    },
    StopStepping,
    /// The reader's call on a region the engine called not the article: keep it as article
    /// after all, or leave it out again. An edit like the others (undone, kept).
    CallRegion {
        id: u32,
        region: Region,
        keep: bool,
    },
    /// Open the second article found in document `id` (`region`) as a document of its own.
    SplitArticle {
        id: u32,
        region: Region,
    },
}

/// What an action asks of the world outside the store.
#[derive(Debug)]
pub enum Command {
    /// A message to the worker, with a file or text riding along.
    Send(Request, Option<JsValue>),
    /// Something to keep changed: save soon.
    Save,
    /// Offer a file to the reader to save.
    Download { file_name: String, media_type: String, bytes: Bytes },
}
