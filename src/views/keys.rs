//! Correcting by keyboard: the shortcuts, what each does, and the one listener that turns
//! key presses into the store's actions.

use gloo_events::{EventListener, EventListenerOptions};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

use crate::edits::{Edit, Scope};
use crate::store::{Action, Dialog, Store};

/// The key for each label: `(digit, with Shift, label)`. The legend shows them.
pub const LABEL_KEYS: &[(char, bool, &str)] = &[
    ('1', false, "PER"),
    ('2', false, "ORG"),
    ('3', false, "LOC"),
    ('4', false, "MISC"),
    ('5', false, "DIRECT"),
    ('6', false, "PARTIAL"),
    ('7', false, "CARDINAL"),
    ('8', false, "MONEY"),
    ('9', false, "PERCENT"),
    ('0', false, "DATE"),
    ('7', true, "QUANTITY"),
    ('8', true, "ORDINAL"),
    ('9', true, "TIME"),
    ('0', true, "DURATION"),
];

/// How a label's key is written: `3`, `⇧7`.
pub fn label_key(label: &str) -> Option<String> {
    LABEL_KEYS
        .iter()
        .find(|(_, _, l)| *l == label)
        .map(|(d, shift, _)| if *shift { format!("⇧{d}") } else { d.to_string() })
}

/// Every shortcut, as the `?` sheet lists it: keys and what they do.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("1 … 0, ⇧7 … ⇧0", "label the selected text, or relabel the highlight in focus (keys in the legend)"),
    ("j / ↓", "next highlight"),
    ("k / ↑", "previous highlight"),
    ("Delete / Backspace", "remove the highlight in focus"),
    ("⇧→ / ⇧←", "widen / narrow the highlight by a word at its end"),
    ("Ctrl+⇧← / Ctrl+⇧→", "widen / narrow the highlight by a word at its start"),
    ("s", "set the speaker of the quote in focus: pick a name"),
    ("m", "merge the name's cluster into another: pick one"),
    ("x", "split the name in focus from its cluster"),
    ("a", "apply the name's label to every occurrence in this document"),
    ("⇧A", "apply it in every open document"),
    ("Ctrl+Z", "undo"),
    ("Ctrl+⇧Z / Ctrl+Y", "redo"),
    ("?", "show these shortcuts"),
    ("Esc", "close a dialog"),
];

/// The label a key press gives, if it is a label key.
fn label_of(ev: &KeyboardEvent) -> Option<&'static str> {
    let code = ev.code();
    let digit = code.strip_prefix("Digit").or_else(|| code.strip_prefix("Numpad"))?.chars().next()?;
    LABEL_KEYS.iter().find(|(d, shift, _)| *d == digit && *shift == ev.shift_key()).map(|(_, _, l)| *l)
}

/// True when typing goes to a text field (shortcuts are off there).
fn typing(ev: &KeyboardEvent) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.closest("[contenteditable]").ok().flatten().is_some()
}

/// The annotation index of the highlight with the keyboard focus.
fn focused_mark() -> Option<usize> {
    let active = web_sys::window()?.document()?.active_element()?;
    active.closest("#reader mark[data-i]").ok()??.get_attribute("data-i")?.parse().ok()
}

/// The selected text of the reading view, as code points of the selected document.
fn selected_span(store: Store, id: u32) -> Option<(usize, usize)> {
    let window = web_sys::window()?;
    let selection = window.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let at = |node: web_sys::Node, offset: u32| -> Option<usize> {
        let el = match node.dyn_ref::<Element>() {
            Some(e) => e.clone(),
            None => node.parent_element()?,
        };
        let section = el.closest("#reader .chunk").ok()??;
        let index: usize = section.get_attribute("data-chunk")?.parse().ok()?;
        let start = store.with_doc(id, |d| d.chunks.get(index).map(|c| c.meta.start)).flatten()?;
        let before = window.document()?.create_range().ok()?;
        before.set_start(&section, 0).ok()?;
        before.set_end(&node, offset).ok()?;
        Some(start + String::from(before.to_string()).chars().count())
    };
    let start = at(range.start_container().ok()?, range.start_offset().ok()?)?;
    let end = at(range.end_container().ok()?, range.end_offset().ok()?)?;
    (start < end).then_some((start, end))
}

/// The next (or previous) highlight shown after annotation `from`.
fn neighbour(store: Store, id: u32, from: Option<usize>, forward: bool) -> Option<usize> {
    let hidden = store.hidden.get_untracked();
    store
        .with_doc(id, |d| {
            let total = d.chunks.last().map_or(0, |c| c.meta.first + c.meta.count);
            let mut i = from;
            loop {
                let next = match (i, forward) {
                    (None, true) => 0,
                    (None, false) => total.checked_sub(1)?,
                    (Some(i), true) => i + 1,
                    (Some(i), false) => i.checked_sub(1)?,
                };
                if next >= total {
                    return None;
                }
                if d.annotation(next).is_some_and(|a| hidden.shows(a)) {
                    return Some(next);
                }
                i = Some(next);
            }
        })
        .flatten()
}

/// What a key press does, or `None` when it is not a shortcut here.
fn action_for(store: Store, ev: &KeyboardEvent) -> Option<Action> {
    let ctrl = ev.ctrl_key() || ev.meta_key();
    let key = ev.key();
    if ctrl && !ev.alt_key() {
        match key.to_lowercase().as_str() {
            "z" if ev.shift_key() => return Some(Action::Redo),
            "z" => return Some(Action::Undo),
            "y" => return Some(Action::Redo),
            _ => {}
        }
    }
    if key == "?" {
        return Some(Action::Open(Some(Dialog::Shortcuts)));
    }
    if key == "Escape" {
        return store.dialog.get_untracked().map(|_| Action::Open(None));
    }
    if ev.alt_key() || store.dialog.get_untracked().is_some() {
        return None;
    }
    let id = store.selected.get_untracked()?;
    let focus = focused_mark();
    if let Some(label) = label_of(ev).filter(|_| !ctrl) {
        let label = label.to_string();
        if let Some((start, end)) = selected_span(store, id) {
            return Some(Action::Edit { id, edit: Edit::Label { start, end, label, scope: Scope::One } });
        }
        return focus.map(|index| Action::Edit { id, edit: Edit::Relabel { index, label, scope: Scope::One } });
    }
    let resize = |start_words, end_words| focus.map(|index| Edit::Resize { index, start_words, end_words });
    let edit = match (key.as_str(), ev.shift_key(), ctrl) {
        ("ArrowRight", true, false) => resize(0, 1),
        ("ArrowLeft", true, false) => resize(0, -1),
        ("ArrowLeft", true, true) => resize(-1, 0),
        ("ArrowRight", true, true) => resize(1, 0),
        (_, _, true) => None,
        ("j", false, _) | ("ArrowDown", false, _) if focus.is_some() || key == "j" => {
            return neighbour(store, id, focus, true).map(Action::Reveal)
        }
        ("k", false, _) | ("ArrowUp", false, _) if focus.is_some() || key == "k" => {
            return neighbour(store, id, focus, false).map(Action::Reveal)
        }
        ("Delete" | "Backspace", _, _) => focus.map(|index| Edit::Delete { index, scope: Scope::One }),
        ("x", false, _) => focus.map(|index| Edit::Split { index }),
        ("a" | "A", shift, _) => focus.and_then(|index| {
            let label = store.with_doc(id, |d| d.annotation(index).map(|a| a.label().to_string())).flatten()?;
            let scope = if shift { Scope::All } else { Scope::Document };
            Some(Edit::Relabel { index, label, scope })
        }),
        ("s", false, _) => return focus.map(|quote| Action::Open(Some(Dialog::Speaker { quote }))),
        ("m", false, _) => return focus.map(|entity| Action::Open(Some(Dialog::Merge { entity }))),
        _ => None,
    };
    edit.map(|edit| Action::Edit { id, edit })
}

/// Listens for shortcuts on the whole page for as long as it is open.
pub fn listen(store: Store) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new_with_options(
        &window,
        "keydown",
        EventListenerOptions::enable_prevent_default(),
        move |ev| {
            let Some(ev) = ev.dyn_ref::<KeyboardEvent>() else { return };
            if typing(ev) || ev.repeat() && ev.key() != "j" && ev.key() != "k" {
                return;
            }
            if let Some(action) = action_for(store, ev) {
                ev.prevent_default();
                store.dispatch(action);
            }
        },
    ))
}
