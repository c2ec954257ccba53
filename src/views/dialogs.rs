//! Dialogs over the page: the shortcut sheet (`?`), and picking a name for a quote's speaker
//! or a cluster to merge into. Each takes the focus when it opens; Esc closes it.

use leptos::html;
use leptos::prelude::*;
use newslens::Annotation;

use crate::edits::{Edit, Scope};
use crate::protocol::EntityGroupView;
use crate::store::{Action, Dialog, Store};
use crate::views::keys::SHORTCUTS;

/// The open dialog (`#dialog`), if any.
#[component]
pub fn Dialogs() -> impl IntoView {
    let store = expect_context::<Store>();
    let panel: NodeRef<html::Div> = NodeRef::new();
    Effect::new(move |_| {
        if store.dialog.get().is_some() {
            if let Some(p) = panel.get() {
                // The first control, else the dialog itself.
                let first = p.query_selector("button, [tabindex]").ok().flatten();
                if let Some(el) = first.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
                    let _ = el.focus();
                }
            }
        }
    });
    let close = move |_| store.dispatch(Action::Open(None));
    let title = move || match store.dialog.get() {
        Some(Dialog::Shortcuts) => "Keyboard shortcuts",
        Some(Dialog::Speaker { .. }) => "Who says this quote?",
        Some(Dialog::Merge { .. }) => "Merge into which name?",
        None => "",
    };
    view! {
        <Show when=move || store.dialog.get().is_some()>
            <div class="backdrop" on:click=close></div>
            <div id="dialog" class="dialog" role="dialog" aria-modal="true" aria-labelledby="dialog-title" node_ref=panel>
                <h2 id="dialog-title">{title}</h2>
                {move || match store.dialog.get() {
                    Some(Dialog::Shortcuts) => shortcuts().into_any(),
                    Some(Dialog::Speaker { quote }) => names(store, NamePick::Speaker(quote)).into_any(),
                    Some(Dialog::Merge { entity }) => names(store, NamePick::Merge(entity)).into_any(),
                    None => ().into_any(),
                }}
                <button type="button" class="quiet dialog-close" on:click=close>"Close (Esc)"</button>
            </div>
        </Show>
    }
}

fn shortcuts() -> impl IntoView {
    view! {
        <dl class="shortcuts" tabindex="0">
            {SHORTCUTS
                .iter()
                .map(|(k, what)| view! { <div class="shortcut"><dt><kbd>{*k}</kbd></dt><dd>{*what}</dd></div> })
                .collect_view()}
        </dl>
    }
}

enum NamePick {
    Speaker(usize),
    Merge(usize),
}

/// The document's names, one button each; picking one makes the edit.
fn names(store: Store, pick: NamePick) -> impl IntoView {
    let Some(id) = store.selected.get_untracked() else { return ().into_any() };
    let groups: Vec<EntityGroupView> =
        store.row(id).map(|r| r.info.with_untracked(|i| i.entities.as_ref().clone())).unwrap_or_default();
    let (target, own_cluster) = match pick {
        NamePick::Speaker(i) | NamePick::Merge(i) => {
            let a = store.with_doc(id, |d| d.annotation(i).cloned()).flatten();
            let cluster = match &a {
                Some(Annotation::Entity(e)) => Some(e.cluster.clone()),
                Some(Annotation::Quote(q)) => q.speaker_cluster.clone(),
                _ => None,
            };
            (i, cluster)
        }
    };
    let speaker = matches!(pick, NamePick::Speaker(_));
    let buttons = groups
        .into_iter()
        .filter(|g| speaker || Some(&g.cluster) != own_cluster.as_ref())
        .map(|g| {
            // The speaker is the name's mention nearest before the quote (else its first).
            let mention = g.mentions.iter().rev().find(|&&m| m < target).or(g.mentions.first()).copied();
            let cluster = g.cluster.clone();
            let from = own_cluster.clone();
            let choose = move |_| {
                let edit = if speaker {
                    mention.map(|speaker| Edit::Speaker { index: target, speaker })
                } else {
                    from.clone().map(|from| Edit::Merge { from, to: cluster.clone(), scope: Scope::All })
                };
                store.dispatch(Action::Open(None));
                if let Some(edit) = edit {
                    store.dispatch(Action::Edit { id, edit });
                }
            };
            let current = speaker && own_cluster.as_deref() == Some(g.cluster.as_str());
            view! {
                <li>
                    <button type="button" class="group" class:current=current on:click=choose>
                        <span class="tag" data-layer="entity" data-tag=g.label.clone()>{g.label.clone()}</span>
                        <span class="group-name">{g.cluster.clone()}</span>
                        <span class="count">{g.count}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="groups pick">{buttons}</ul> }.into_any()
}
