//! The page: layout, drag-and-drop onto the whole window, and start-up.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::DragEvent;

use crate::offline::UpdateBanner;
use crate::state::AppState;
use crate::views::{
    details::Details, doc_list::DocList, entities_panel::EntityPanel, intake::add_files, intake::Intake,
    legend::Legend, notices::Notices, notices::Progress, quotes_panel::QuotePanel, reader::Reader,
};
use crate::worker_client;

/// True when a drag carries files (not text or links being moved around the page).
fn carries_files(ev: &DragEvent) -> bool {
    ev.data_transfer().is_some_and(|dt| dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
}

/// Makes the whole window a drop target; the overlay shows while files are dragged over it.
fn listen_for_drops(state: AppState) {
    let Some(window) = web_sys::window() else { return };
    let over = Closure::<dyn FnMut(DragEvent)>::new(move |ev: DragEvent| {
        if carries_files(&ev) {
            ev.prevent_default();
            if let Some(dt) = ev.data_transfer() {
                dt.set_drop_effect("copy");
            }
            if !state.dragging.get_untracked() {
                state.dragging.set(true);
            }
        }
    });
    let leave = Closure::<dyn FnMut(DragEvent)>::new(move |ev: DragEvent| {
        // Leaving for another element inside the page keeps the overlay; leaving the window ends it.
        if ev.related_target().is_none() {
            state.dragging.set(false);
        }
    });
    let drop = Closure::<dyn FnMut(DragEvent)>::new(move |ev: DragEvent| {
        ev.prevent_default();
        state.dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|dt| dt.files()) {
            if files.length() > 0 {
                add_files(state, &files);
            }
        }
    });
    for (name, f) in [("dragenter", &over), ("dragover", &over), ("dragleave", &leave), ("drop", &drop)] {
        let _ = window.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
    }
    over.forget();
    leave.forget();
    drop.forget();
}

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    worker_client::start(state);
    listen_for_drops(state);

    // Browser tests wait for this: mounted, and the worker answered.
    Effect::new(move |_| {
        if state.ready.get().is_some() {
            if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
                let _ = body.set_attribute("data-ready", "true");
            }
        }
    });

    view! {
        <div class="app" class:has-docs=move || state.docs.with(|d| !d.is_empty())>
            <header class="topbar">
                <h1 class="brand">"NewsLens"</h1>
                <p class="tagline">"Names, figures and quotes in news articles — read in your browser, nothing uploaded."</p>
                <Progress/>
            </header>
            <UpdateBanner/>
            <Notices/>
            <main class="columns">
                <aside class="left">
                    <Intake/>
                    <DocList/>
                </aside>
                <Reader/>
                <aside class="right">
                    <Details/>
                    <Legend/>
                    <EntityPanel/>
                    <QuotePanel/>
                </aside>
            </main>
            <div id="drop-overlay" class:visible=move || state.dragging.get() aria-hidden=move || (!state.dragging.get()).to_string()>
                <div class="drop-box">
                    <p class="drop-title">"Drop to open"</p>
                    <p>".txt, .md and .html files — as many as you like"</p>
                </div>
            </div>
        </div>
    }
}
