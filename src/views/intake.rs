//! Taking articles in: the paste box, the file picker, and the checks every input passes
//! before it goes to the worker (size limit, file kind, empty input).

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;

use crate::protocol::MAX_DOC_BYTES;
use crate::store::{human_size, Action, Store};

/// File name endings NewsLens reads.
pub const EXTENSIONS: &[&str] = &[".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"];

/// Why an input is refused before reading it, as a message naming it.
pub fn refusal(name: &str, size: u64, mime: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let known = EXTENSIONS.iter().any(|e| lower.ends_with(e));
    let has_ext = lower.rsplit_once('.').is_some_and(|(stem, ext)| !stem.is_empty() && ext.len() <= 5);
    if !known && has_ext && !mime.starts_with("text/") {
        return Some(format!(
            "{name}: not opened. NewsLens reads text, Markdown and HTML files (.txt, .md, .html, .htm)."
        ));
    }
    if size == 0 {
        return Some(format!("{name}: the file is empty, there is nothing to annotate."));
    }
    if size > MAX_DOC_BYTES {
        return Some(format!(
            "{name}: not opened, it is {} and NewsLens reads documents up to {}. Split it into smaller files.",
            human_size(size),
            human_size(MAX_DOC_BYTES)
        ));
    }
    None
}

/// Files handled per turn of the event loop: 500 dropped files join the list in slices, so
/// the page keeps answering while they do.
const FILES_PER_TURN: usize = 40;

/// Opens files (picked or dropped): each is read or refused with a message naming it.
/// The first file that is read gets selected.
pub fn add_files(state: Store, files: &web_sys::FileList) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|k| files.item(k)).collect();
    add_slice(state, files, 0, true);
}

fn add_slice(state: Store, files: Vec<web_sys::File>, from: usize, select_first: bool) {
    let mut select = select_first;
    for file in files.iter().skip(from).take(FILES_PER_TURN) {
        let name = file.name();
        let size = file.size() as u64;
        if let Some(message) = refusal(&name, size, &file.type_()) {
            state.dispatch(Action::Notify(message));
            continue;
        }
        let payload = Some(JsValue::from(file.clone()));
        state.dispatch(Action::Add { name, size, pasted: false, payload, select: std::mem::take(&mut select) });
    }
    let next = from + FILES_PER_TURN;
    if next < files.len() {
        set_timeout(move || add_slice(state, files, next, select), std::time::Duration::ZERO);
    }
}

/// Pastes longer than this (UTF-16 units) skip the box and become a document at once: a text
/// box holding megabytes makes the browser itself crawl.
const PASTE_DIRECT: u32 = 100_000;

/// Adds the text of the paste box; the box keeps it if it is refused.
fn add_paste(state: Store, area: &web_sys::HtmlTextAreaElement) {
    // Read the value as a JS string: a 20 MB paste is measured without copying it into Rust.
    let value = js_sys::Reflect::get(area, &"value".into()).unwrap_or(JsValue::UNDEFINED);
    if add_text(state, &value) {
        area.set_value("");
    }
}

/// A long paste goes straight to the list (or is refused) without entering the box.
fn intercept_paste(state: Store, ev: &web_sys::ClipboardEvent) {
    let Some(data) = ev.clipboard_data() else { return };
    let Ok(text) = data.get_data("text/plain") else { return };
    let value = JsValue::from_str(&text);
    let Some(js) = value.dyn_ref::<js_sys::JsString>() else { return };
    if js.length() > PASTE_DIRECT {
        ev.prevent_default();
        add_text(state, &value);
    }
}

/// Adds a pasted text (a JS string) as a document, or says why not; true when added.
fn add_text(state: Store, value: &JsValue) -> bool {
    let Some(text) = value.dyn_ref::<js_sys::JsString>() else { return false };
    let units = text.length() as u64;
    let n = state.docs.with_untracked(|d| d.len()) + 1;
    let name = format!("Pasted text {n}");
    if text.trim().length() == 0 {
        state.dispatch(Action::Notify("Pasted text: the box is empty. Paste an article first, then press Add.".into()));
        return false;
    }
    if units > MAX_DOC_BYTES {
        state.dispatch(Action::Notify(format!(
            "{name}: not added, it is {} characters and NewsLens reads documents up to {} characters. Paste a shorter part.",
            group(units),
            group(MAX_DOC_BYTES)
        )));
        return false;
    }
    state.dispatch(Action::Add { name, size: units, pasted: true, payload: Some(value.clone()), select: true });
    true
}

fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The paste box and the file picker.
#[component]
pub fn Intake() -> impl IntoView {
    let state = expect_context::<Store>();
    let area: NodeRef<html::Textarea> = NodeRef::new();
    let input: NodeRef<html::Input> = NodeRef::new();

    let on_add = move |_| {
        if let Some(a) = area.get() {
            add_paste(state, &a);
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            if let Some(a) = area.get() {
                add_paste(state, &a);
            }
        }
    };
    let on_files = move |_| {
        if let Some(i) = input.get() {
            if let Some(files) = i.files() {
                add_files(state, &files);
            }
            i.set_value("");
        }
    };

    view! {
        <section class="intake" aria-label="Add articles">
            <label for="paste-input" class="intake-label">"Paste an article"</label>
            <textarea
                id="paste-input"
                node_ref=area
                rows="6"
                spellcheck="false"
                placeholder="Paste the text of a news article here…"
                on:keydown=on_key
                on:paste=move |ev: web_sys::ClipboardEvent| intercept_paste(state, &ev)
            ></textarea>
            <div class="intake-actions">
                <button id="paste-add" type="button" class="primary" on:click=on_add>
                    "Add text"
                </button>
                <label class="file-button">
                    <input
                        id="file-input"
                        type="file"
                        multiple
                        accept=".txt,.text,.md,.markdown,.html,.htm,.xhtml,text/plain,text/markdown,text/html"
                        node_ref=input
                        on:change=on_files
                    />
                    <span>"Open files…"</span>
                </label>
            </div>
            <p class="intake-hint">".txt, .md or .html, up to " {human_size(MAX_DOC_BYTES)} " each. Or drop files anywhere."</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_refused_with_a_message_naming_them() {
        assert!(refusal("story.txt", 1200, "text/plain").is_none());
        assert!(refusal("Story.HTML", 1200, "").is_none());
        assert!(refusal("README", 1200, "").is_none(), "no extension: tried as text");
        let m = refusal("photo.png", 1200, "image/png").unwrap();
        assert!(m.starts_with("photo.png:"), "{m}");
        let m = refusal("empty.txt", 0, "text/plain").unwrap();
        assert!(m.contains("empty.txt") && m.contains("empty"), "{m}");
        let m = refusal("huge.txt", 50 * 1024 * 1024, "text/plain").unwrap();
        assert!(m.contains("huge.txt") && m.contains("52.4 MB") && m.contains("10.0 MB"), "{m}");
        assert!(refusal("notes.csv", 10, "text/csv").is_none(), "other text types are tried");
    }

    #[test]
    fn large_counts_read_with_separators() {
        assert_eq!(group(20_971_520), "20,971,520");
        assert_eq!(group(999), "999");
    }
}
