//! Taking work out and bringing it back: export the selected document or all of them in a
//! format other tools read, and import an export (native JSON, W3C Web Annotation, brat).

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::store::{Action, Store};

/// The export formats as the menu lists them: the engine's name and what it is for.
pub const FORMATS: &[(&str, &str)] = &[
    ("json", "NewsLens JSON (everything, to import again)"),
    ("w3c", "W3C Web Annotation (JSON-LD; Hypothesis, INCEpTION)"),
    ("brat", "brat standoff (.txt + .ann, zipped)"),
    ("conll", "CoNLL-2003 (names, BIO; spaCy and NER tools)"),
    ("csv", "CSV (one row per highlight; spreadsheets)"),
    ("html", "HTML page with the highlights (opens anywhere)"),
];

/// The export and import controls (`#exchange`).
#[component]
pub fn Exchange() -> impl IntoView {
    let store = expect_context::<Store>();
    let format = RwSignal::new("json".to_string());
    let input: NodeRef<html::Input> = NodeRef::new();
    let has_docs = move || store.docs.with(|d| !d.is_empty());
    let has_selected = move || store.selected.get().is_some();
    let export = move |all: bool| store.dispatch(Action::Export { format: format.get_untracked(), all });
    let on_files = move |_| {
        let Some(i) = input.get() else { return };
        if let Some(files) = i.files() {
            for file in (0..files.length()).filter_map(|k| files.item(k)) {
                store.dispatch(Action::Import { name: file.name(), payload: Some(JsValue::from(file)) });
            }
        }
        i.set_value("");
    };
    view! {
        <section id="exchange" aria-label="Export and import">
            <h2 class="pane-title">"Export and import"</h2>
            <label class="export-format">
                "Format "
                <select id="export-format" on:change=move |ev| format.set(event_target_value(&ev))>
                    {FORMATS.iter().map(|(v, what)| view! { <option value=*v>{*what}</option> }).collect_view()}
                </select>
            </label>
            <div class="exchange-actions">
                <button type="button" id="export-one" class="quiet" disabled=move || !has_selected() on:click=move |_| export(false)>
                    "Export this document"
                </button>
                <button type="button" id="export-all" class="quiet" disabled=move || !has_docs() on:click=move |_| export(true)>
                    "Export all"
                </button>
                <label class="file-button quiet-file">
                    <input
                        id="import-input"
                        type="file"
                        accept=".json,.jsonld,.zip,application/json,application/ld+json,application/zip"
                        multiple
                        node_ref=input
                        on:change=on_files
                    />
                    <span>"Import…"</span>
                </label>
            </div>
            <p class="intake-hint">"Offsets in every export count Unicode code points."</p>
        </section>
    }
}
