//! Where the reader's work is kept: a status in the top bar, the question when another tab
//! saved meanwhile, and "Clear all" (which asks first).

use leptos::prelude::*;

use crate::store::{Action, Storage, Store};

/// The storage status (`#storage-status`).
#[component]
pub fn StorageStatus() -> impl IntoView {
    let store = expect_context::<Store>();
    let text = move || match store.storage.get() {
        Storage::Opening => "Opening saved work…",
        Storage::Kept => "Saved in this browser",
        Storage::InMemory(_) => "Not saved: kept in this tab only",
        Storage::Conflict => "Not saved: changed in another tab",
    };
    let state = move || match store.storage.get() {
        Storage::Opening => "opening",
        Storage::Kept => "kept",
        Storage::InMemory(_) => "memory",
        Storage::Conflict => "conflict",
    };
    view! { <p id="storage-status" role="status" data-state=state>{text}</p> }
}

/// Undo, redo and the shortcut sheet, as buttons (`#undo`, `#redo`, `#shortcuts`).
#[component]
pub fn EditHistory() -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <div class="history" role="group" aria-label="Edits">
            <button type="button" id="undo" class="bar" disabled=move || !store.can_undo().0 on:click=move |_| store.dispatch(Action::Undo)>
                "Undo" <kbd>"Ctrl+Z"</kbd>
            </button>
            <button type="button" id="redo" class="bar" disabled=move || !store.can_undo().1 on:click=move |_| store.dispatch(Action::Redo)>
                "Redo" <kbd>"Ctrl+⇧Z"</kbd>
            </button>
            <button
                type="button"
                id="shortcuts"
                class="bar"
                aria-label="Keyboard shortcuts"
                on:click=move |_| store.dispatch(Action::Open(Some(crate::store::Dialog::Shortcuts)))
            >
                "?"
            </button>
        </div>
    }
}

/// Asks which work to keep when another tab saved since this one loaded (`#storage-conflict`).
#[component]
pub fn StorageConflict() -> impl IntoView {
    let store = expect_context::<Store>();
    let reload = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <Show when=move || store.storage.get() == Storage::Conflict>
            <div id="storage-conflict" class="notice conflict" role="alert">
                <span class="notice-text">
                    "NewsLens is open in another tab, which saved its work since this tab loaded. \
                     This tab stops saving so neither overwrites the other."
                </span>
                <button type="button" on:click=reload>"Reload to see the other tab's work"</button>
                <button type="button" id="keep-this-tab" on:click=move |_| store.dispatch(Action::KeepThisTab)>
                    "Keep this tab's work instead"
                </button>
            </div>
        </Show>
    }
}

/// "Clear all", with a second step that says what goes (`#clear-all`, then `#clear-all-confirm`).
#[component]
pub fn ClearAll() -> impl IntoView {
    let store = expect_context::<Store>();
    let asking = RwSignal::new(false);
    let count = move || store.docs.with(|d| d.len());
    let confirm: NodeRef<leptos::html::Button> = NodeRef::new();
    Effect::new(move |_| {
        if asking.get() {
            if let Some(b) = confirm.get() {
                let _ = b.focus();
            }
        }
    });
    view! {
        <Show when=move || { count() > 0 }>
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <button type="button" id="clear-all" class="quiet" on:click=move |_| asking.set(true)>"Clear all…"</button>
                }
            >
                <div class="confirm" role="group" aria-label="Clear all documents">
                    <p>{move || format!("Close all {} documents and forget your corrections? This cannot be undone.", count())}</p>
                    <button
                        type="button"
                        id="clear-all-confirm"
                        class="danger"
                        node_ref=confirm
                        on:click=move |_| {
                            asking.set(false);
                            store.dispatch(Action::ClearAll);
                        }
                    >
                        "Clear all"
                    </button>
                    <button type="button" class="quiet" on:click=move |_| asking.set(false)>"Cancel"</button>
                </div>
            </Show>
        </Show>
    }
}
