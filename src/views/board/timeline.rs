//! The dates of every document on one timeline: each day or month any of them names, in
//! time order, with a chip per document that names it.

use std::sync::Arc;

use leptos::prelude::*;
use newslens::board::DateGroup;

use super::{doc_title, hue, letter, open_in_reader};
use crate::protocol::BoardUpdate;
use crate::store::Store;

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `2024-10-27` -> `27 Oct 2024`; `2024-10` -> `Oct 2024`.
fn readable(date: &str) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    let month = parts.get(1).and_then(|m| m.parse::<usize>().ok()).and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    match (parts.as_slice(), month) {
        ([y, _, d], Some(m)) => format!("{} {m} {y}", d.trim_start_matches('0')),
        ([y, _], Some(m)) => format!("{m} {y}"),
        _ => date.to_string(),
    }
}

#[component]
pub fn Timeline(update: Arc<BoardUpdate>) -> impl IntoView {
    let state = expect_context::<Store>();
    let days: Vec<DateGroup> = update.board.timeline.clone();
    let rows: Vec<_> = days
        .into_iter()
        .map(|day| {
            let mut docs: Vec<usize> = day.members.iter().map(|m| m.doc).collect();
            docs.dedup();
            let chips: Vec<_> = day
                .members
                .iter()
                .map(|m| {
                    let (doc, annotation) = (m.doc, m.annotation);
                    let update = update.clone();
                    let title = format!("{}: “{}” — {}", doc_title(&update, doc), m.text, m.sentence.text);
                    view! {
                        <button
                            type="button"
                            class=format!("doc-chip {}", hue(doc))
                            title=title
                            on:click=move |_| open_in_reader(state, &update, doc, annotation)
                        >
                            {letter(doc)}
                        </button>
                    }
                })
                .collect();
            let words: Vec<String> = {
                let mut w: Vec<String> = day.members.iter().map(|m| m.text.clone()).collect();
                w.dedup();
                w
            };
            view! {
                <li class="timeline-day" data-date=day.date.clone() data-docs=docs.len().to_string()>
                    <span class="timeline-date">{readable(&day.date)}</span>
                    <span class="timeline-chips">{chips}</span>
                    <span class="muted small">{words.join(", ")}</span>
                </li>
            }
        })
        .collect();
    let empty = rows.is_empty();
    view! {
        <section class="timeline" aria-label="Dates across the documents">
            <h3 class="board-title">"Dates"</h3>
            {if empty {
                view! { <p class="muted">"No dates with a day or month."</p> }.into_any()
            } else {
                view! { <ol class="timeline-days">{rows}</ol> }.into_any()
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(readable("2024-10-27"), "27 Oct 2024");
        assert_eq!(readable("2024-09"), "Sep 2024");
        assert_eq!(readable("garbage"), "garbage");
    }
}
