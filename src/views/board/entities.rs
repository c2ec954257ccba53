//! The names board: every entity of the open documents with its label, how often each
//! document names it and its first mention; filter by label, sort by count or name, search
//! by prefix, and step through its mentions across documents in the reader ([`Stepper`]).

use std::sync::Arc;

use leptos::prelude::*;
use newslens::board::EntityRow;

use super::{doc_title, hue, letter};
use crate::pieces::excerpt;
use crate::protocol::BoardUpdate;
use crate::store::{Action, Pane, Store};

/// Rows drawn before a "show more" button.
const ROWS_SHOWN: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sort {
    Count,
    Name,
}

/// Whether a name matches what was typed: any of its words starts with it.
fn matches_prefix(cluster: &str, prefix: &str) -> bool {
    let prefix = prefix.trim().to_lowercase();
    prefix.is_empty()
        || cluster.to_lowercase().starts_with(&prefix)
        || cluster.split_whitespace().any(|w| w.to_lowercase().starts_with(&prefix))
}

#[component]
pub fn EntityBoard(update: Arc<BoardUpdate>) -> impl IntoView {
    let label = RwSignal::new(None::<&'static str>);
    let sort = RwSignal::new(Sort::Count);
    let prefix = RwSignal::new(String::new());
    let limit = RwSignal::new(ROWS_SHOWN);
    let docs = update.ids.len();
    let rows_update = update.clone();
    let filtered = Memo::new(move |_| {
        let (l, p, s) = (label.get(), prefix.get(), sort.get());
        let mut rows: Vec<EntityRow> = rows_update
            .board
            .entities
            .iter()
            .filter(|e| l.is_none_or(|l| e.label.as_str() == l) && matches_prefix(&e.cluster, &p))
            .cloned()
            .collect();
        if s == Sort::Name {
            rows.sort_by_key(|e| e.cluster.to_lowercase());
        }
        rows
    });
    let label_button = move |value: Option<&'static str>, text: &'static str| {
        view! {
            <button
                type="button"
                class="filter"
                aria-pressed=move || (label.get() == value).to_string()
                data-label=value.unwrap_or("all")
                on:click=move |_| label.set(value)
            >
                {text}
            </button>
        }
    };
    let more_left = move || filtered.with(Vec::len) > limit.get();
    let head_cells: Vec<_> = (0..docs)
        .map(|d| {
            view! { <th scope="col" class=format!("count-col {}", hue(d)) title=doc_title(&update, d)>{letter(d)}</th> }
        })
        .collect();
    view! {
        <section class="entity-board" aria-label="Names across the documents">
            <h3 class="board-title">"Who is named where"</h3>
            <div class="entity-controls">
                <div role="group" aria-label="Filter by label">
                    {label_button(None, "All")}
                    {label_button(Some("PER"), "People")}
                    {label_button(Some("ORG"), "Organisations")}
                    {label_button(Some("LOC"), "Places")}
                    {label_button(Some("MISC"), "Other")}
                </div>
                <label>
                    "Sort by "
                    <select
                        id="entity-sort"
                        on:change=move |ev| sort.set(if event_target_value(&ev) == "name" { Sort::Name } else { Sort::Count })
                    >
                        <option value="count">"most mentioned"</option>
                        <option value="name">"name"</option>
                    </select>
                </label>
                <input
                    id="entity-search"
                    type="search"
                    placeholder="Find a name…"
                    aria-label="Find a name by its beginning"
                    prop:value=move || prefix.get()
                    on:input=move |ev| {
                        prefix.set(event_target_value(&ev));
                        limit.set(ROWS_SHOWN);
                    }
                />
                <span class="muted small">{move || match filtered.with(Vec::len) {
                    1 => "1 name".to_string(),
                    n => format!("{n} names"),
                }}</span>
            </div>
            <table class="entity-table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Label"</th>
                        {head_cells}
                        <th scope="col">"All"</th>
                        <th scope="col">"First mention"</th>
                        <th scope="col"><span class="visually-hidden">"Step through"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        filtered.with(|rows| {
                            rows.iter().take(limit.get()).cloned().map(|row| view! { <EntityLine row=row docs=docs/> }).collect::<Vec<_>>()
                        })
                    }}
                </tbody>
            </table>
            <Show when=more_left>
                <button type="button" class="quiet" on:click=move |_| limit.update(|l| *l += ROWS_SHOWN * 4)>"Show more names"</button>
            </Show>
        </section>
    }
}

#[component]
fn EntityLine(row: EntityRow, docs: usize) -> impl IntoView {
    let state = expect_context::<Store>();
    let cells: Vec<_> = (0..docs)
        .map(|d| {
            let n = row.counts.iter().find(|(doc, _)| *doc == d).map_or(0, |(_, n)| *n);
            view! { <td class="count-col" class:zero=n == 0>{(n > 0).then(|| n.to_string())}</td> }
        })
        .collect();
    let cluster = row.cluster.clone();
    let first_doc = row.mentions.first().map(|m| m.doc());
    view! {
        <tr data-cluster=row.cluster.clone() data-label=row.label.as_str()>
            <th scope="row">{row.cluster.clone()}</th>
            <td><span class="label-pill" data-label=row.label.as_str()>{row.label.as_str()}</span></td>
            {cells}
            <td class="count-col total">{row.total}</td>
            <td class="muted small">
                {first_doc.map(|d| format!("{}: ", letter(d)))}
                {row.first.clone()}
            </td>
            <td>
                <button
                    type="button"
                    class="step"
                    aria-label=format!("Step through the mentions of {}", row.cluster)
                    on:click=move |_| step(state, &cluster, 0)
                >
                    "▶ step"
                </button>
            </td>
        </tr>
    }
}

/// Shows mention `at` of a name (counting across documents) in the reader.
fn step(state: Store, cluster: &str, at: usize) {
    state.dispatch(Action::StepThrough { cluster: cluster.to_string(), at });
}

/// The bar over the reader while stepping through an entity's mentions.
#[component]
pub fn Stepper() -> impl IntoView {
    let state = expect_context::<Store>();
    let info = move || {
        let (cluster, at) = state.stepping.get()?;
        let update = state.board.get()?;
        let row = update.board.entities.iter().find(|e| e.cluster == cluster)?;
        let m = row.mentions.get(at)?;
        Some((cluster, at, row.mentions.len(), m.doc(), doc_title(&update, m.doc())))
    };
    view! {
        {move || info().map(|(cluster, at, n, doc, title)| {
            let (prev, next) = (cluster.clone(), cluster.clone());
            let (first, last) = (at == 0, at + 1 >= n);
            view! {
                <div id="stepper" class="stepper" role="group" aria-label=format!("Mentions of {cluster}")>
                    <strong>{cluster.clone()}</strong>
                    <span class="stepper-pos">{format!(" mention {} of {n}", at + 1)}</span>
                    <span class="muted small" title=title.clone()>{format!(" · in {}: {}", letter(doc), excerpt(&title, 48))}</span>
                    <button type="button" class="quiet" disabled=first on:click=move |_| step(state, &prev, at.saturating_sub(1))>"◀ previous"</button>
                    <button type="button" class="quiet" id="stepper-next" disabled=last on:click=move |_| step(state, &next, at + 1)>"next ▶"</button>
                    <button type="button" class="quiet" on:click=move |_| state.dispatch(Action::ShowPane(Pane::Board))>"back to the board"</button>
                    <button type="button" class="quiet" aria-label="Stop stepping" on:click=move |_| state.dispatch(Action::StopStepping)>"✕"</button>
                </div>
            }
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_finds_a_name_by_any_of_its_words() {
        assert!(matches_prefix("Volodymyr Zelenskyy", "zel"));
        assert!(matches_prefix("Volodymyr Zelenskyy", "Volo"));
        assert!(matches_prefix("Volodymyr Zelenskyy", ""));
        assert!(!matches_prefix("Volodymyr Zelenskyy", "putin"));
    }
}
