//! Saves the store in IndexedDB as the reader works, and reads it back at start-up.
//!
//! A save runs a moment after a change (changes in between join it), off the typing path:
//! documents are the bytes the worker wrote, stored as they are (no work on this thread but
//! the browser's copy). Every save checks, in its own transaction, that no other tab saved
//! since this one loaded or last saved; if one did, this tab stops saving and asks.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::{JsCast, JsValue};

use crate::persist::format::read_session;
use crate::store::{Action, Bytes, Storage, Store};

const DB: &str = "newslens";
/// IndexedDB's own schema version (object stores), not the records' format.
const DB_VERSION: u32 = 1;
const DOCS: &str = "docs";
const SESSION: &str = "session";
const SESSION_KEY: &str = "session";
/// Bumped by every save: a tab that finds another value than its own knows another tab saved.
const REV_KEY: &str = "rev";
/// How long after a change the save starts.
const DELAY_MS: u32 = 300;

/// The saver; cheap to clone.
#[derive(Clone)]
pub struct Saver {
    inner: Rc<Inner>,
}

struct Inner {
    store: Store,
    db: RefCell<Option<Rc<Rexie>>>,
    timer: RefCell<Option<Timeout>>,
    /// The revision this tab last read or wrote.
    rev: Cell<f64>,
    busy: Cell<bool>,
    again: Cell<bool>,
    _listeners: RefCell<Vec<EventListener>>,
}

/// Why a save did not happen.
enum SaveError {
    /// Another tab saved since.
    Conflict,
    /// The browser refused (storage full, or taken away).
    Refused(String),
}

impl Saver {
    /// Opens the browser's storage and restores what it holds into the store.
    pub fn start(store: Store) -> Saver {
        let saver = Saver {
            inner: Rc::new(Inner {
                store,
                db: RefCell::new(None),
                timer: RefCell::new(None),
                rev: Cell::new(0.0),
                busy: Cell::new(false),
                again: Cell::new(false),
                _listeners: RefCell::new(Vec::new()),
            }),
        };
        // Leaving the page saves what is pending at once.
        if let Some(window) = web_sys::window() {
            let this = saver.clone();
            let now = move |_: &web_sys::Event| this.save_now();
            *saver.inner._listeners.borrow_mut() = vec![EventListener::new(&window, "pagehide", now.clone())];
            if let Some(document) = window.document() {
                let this = saver.clone();
                saver.inner._listeners.borrow_mut().push(EventListener::new(
                    &document,
                    "visibilitychange",
                    move |_| {
                        let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
                        if hidden {
                            this.save_now();
                        }
                    },
                ));
            }
        }
        let this = saver.clone();
        wasm_bindgen_futures::spawn_local(async move { this.open().await });
        saver
    }

    /// Saves soon: changes made meanwhile join this save.
    pub fn schedule(&self) {
        mark_unsaved(true);
        if self.inner.timer.borrow().is_some() {
            return;
        }
        let this = self.clone();
        *self.inner.timer.borrow_mut() = Some(Timeout::new(DELAY_MS, move || this.save_now()));
    }

    /// Saves what is pending now.
    pub fn save_now(&self) {
        self.inner.timer.borrow_mut().take();
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move { this.flush().await });
    }

    async fn open(&self) {
        let store = self.inner.store;
        let db = match Rexie::builder(DB)
            .version(DB_VERSION)
            .add_object_store(ObjectStore::new(DOCS))
            .add_object_store(ObjectStore::new(SESSION))
            .build()
            .await
        {
            Ok(db) => Rc::new(db),
            Err(e) => {
                store.dispatch(Action::Storage(Storage::InMemory(format!(
                    "Your work cannot be saved in this browser ({}): it stays in this tab while it is open. \
                     Export it to keep it.",
                    describe(&e)
                ))));
                return;
            }
        };
        match self.load(&db).await {
            Ok(()) => {
                *self.inner.db.borrow_mut() = Some(db);
                store.dispatch(Action::Storage(Storage::Kept));
                // Changes made while loading.
                self.schedule();
            }
            Err(why) => store.dispatch(Action::Storage(Storage::InMemory(format!(
                "Your saved work could not be opened ({why}); it is left as it was, and this tab's work stays \
                 in this tab only."
            )))),
        }
    }

    /// Reads the kept session and documents into the store.
    async fn load(&self, db: &Rexie) -> Result<(), String> {
        let store = self.inner.store;
        let tx = db.transaction(&[DOCS, SESSION], TransactionMode::ReadOnly).map_err(|e| describe(&e))?;
        let sessions = tx.store(SESSION).map_err(|e| describe(&e))?;
        let rev = sessions.get(REV_KEY.into()).await.map_err(|e| describe(&e))?.and_then(|v| v.as_f64());
        let json = sessions.get(SESSION_KEY.into()).await.map_err(|e| describe(&e))?.and_then(|v| v.as_string());
        let Some(json) = json else {
            self.inner.rev.set(rev.unwrap_or(0.0));
            return Ok(());
        };
        let session = read_session(&json).map_err(|e| e.to_string())?;
        let docs = tx.store(DOCS).map_err(|e| describe(&e))?;
        let mut kept = Vec::new();
        for row in &session.docs {
            let bytes = docs.get(row.id.into()).await.map_err(|e| describe(&e))?;
            if let Some(bytes) = bytes.and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok()) {
                kept.push((row.clone(), bytes));
            }
        }
        let _ = tx.done().await;
        self.inner.rev.set(rev.unwrap_or(0.0));
        for (row, bytes) in kept {
            store.dispatch(Action::Restore { row, bytes: Bytes::Js(bytes) });
        }
        store.dispatch(Action::Restored(session));
        Ok(())
    }

    async fn flush(&self) {
        if self.inner.busy.replace(true) {
            self.inner.again.set(true);
            return;
        }
        loop {
            self.inner.again.set(false);
            let store = self.inner.store;
            let db = self.inner.db.borrow().clone();
            let (Some(db), Storage::Kept) = (db, store.storage.get_untracked()) else { break };
            let work = store.take_save();
            if work.dirty.is_empty() {
                break;
            }
            let started = now();
            match self.write(&db, &work).await {
                Ok(()) => mark_saved(work.docs.len(), now() - started, self.inner.rev.get()),
                Err(SaveError::Conflict) => {
                    store.unsave(work.dirty);
                    store.dispatch(Action::Storage(Storage::Conflict));
                    break;
                }
                Err(SaveError::Refused(why)) => {
                    store.unsave(work.dirty);
                    store.dispatch(Action::Storage(Storage::InMemory(format!(
                        "The latest changes could not be saved ({why}): they stay in this tab. \
                         Free some space (close documents) or export your work."
                    ))));
                    break;
                }
            }
            if !self.inner.again.get() {
                break;
            }
        }
        self.inner.busy.set(false);
        mark_unsaved(self.inner.store.has_unsaved());
    }

    /// One save, in one transaction: nothing is written if another tab saved since.
    async fn write(&self, db: &Rexie, work: &crate::store::SaveWork) -> Result<(), SaveError> {
        let refused = |e: rexie::Error| SaveError::Refused(describe(&e));
        let tx = db.transaction(&[DOCS, SESSION], TransactionMode::ReadWrite).map_err(refused)?;
        let sessions = tx.store(SESSION).map_err(refused)?;
        let docs = tx.store(DOCS).map_err(refused)?;
        let found = sessions.get(REV_KEY.into()).await.map_err(refused)?.and_then(|v| v.as_f64()).unwrap_or(0.0);
        let rev = self.inner.rev.get();
        if found != rev && !work.dirty.overwrite {
            let _ = tx.abort().await;
            return Err(SaveError::Conflict);
        }
        if work.dirty.cleared {
            docs.clear().await.map_err(refused)?;
        }
        for id in &work.dirty.removed {
            docs.delete((*id).into()).await.map_err(refused)?;
        }
        for (id, bytes) in &work.docs {
            let Some(value) = bytes.to_js() else { continue };
            docs.put(&value, Some(&(*id).into())).await.map_err(refused)?;
        }
        let json = serde_json::to_string(&work.session).unwrap_or_default();
        sessions.put(&JsValue::from_str(&json), Some(&SESSION_KEY.into())).await.map_err(refused)?;
        let next = found.max(rev) + 1.0;
        sessions.put(&JsValue::from_f64(next), Some(&REV_KEY.into())).await.map_err(refused)?;
        tx.done().await.map_err(refused)?;
        self.inner.rev.set(next);
        Ok(())
    }
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or_else(js_sys::Date::now, |p| p.now())
}

/// Tells browser tests whether changes wait to be saved (`data-unsaved`).
fn mark_unsaved(unsaved: bool) {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.set_attribute("data-unsaved", if unsaved { "true" } else { "false" });
    }
}

/// Tells browser tests a save landed: how many documents, how long it took, the revision.
fn mark_saved(docs: usize, millis: f64, rev: f64) {
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    let _ = body.set_attribute("data-saved", &format!("{rev}"));
    let _ = body.set_attribute("data-save-docs", &docs.to_string());
    let _ = body.set_attribute("data-save-ms", &format!("{millis:.1}"));
}

/// The browser's reason, as far as it gives one.
fn describe(e: &rexie::Error) -> String {
    let text = format!("{e:?}");
    if text.contains("QuotaExceeded") {
        "the browser's storage is full".into()
    } else if text.contains("Security") || text.contains("InvalidState") || text.contains("NotAllowed") {
        "storage is turned off, as in a private window".into()
    } else {
        "storage is not available".into()
    }
}
