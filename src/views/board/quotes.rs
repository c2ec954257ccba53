//! The quote board: each quotation found in several documents with every outlet's version
//! and its differences from the longest one word by word, then who is quoted where.

use std::sync::Arc;

use leptos::prelude::*;
use newslens::board::diff::DiffOp;
use newslens::board::{quotes::SpeakerRow, QuoteMatch};

use super::{doc_title, open_in_reader, DocChip};
use crate::pieces::excerpt;
use crate::protocol::BoardUpdate;
use crate::store::Store;

/// Speakers listed before a "show all" button.
const SPEAKERS_SHOWN: usize = 12;

#[component]
pub fn QuoteBoard(update: Arc<BoardUpdate>) -> impl IntoView {
    let matches: Vec<_> =
        update.board.quotes.matches.iter().cloned().map(|m| view! { <MatchCard m=m update=update.clone()/> }).collect();
    let speakers = update.board.quotes.speakers.clone();
    let all = RwSignal::new(false);
    let n = speakers.len();
    let many = move || n > SPEAKERS_SHOWN;
    let update_s = update.clone();
    view! {
        <section class="quote-board" aria-label="Quotations across the documents">
            <h3 class="board-title">"The same words in several outlets"</h3>
            {if matches.is_empty() {
                view! { <p class="muted">"No quotation appears in two documents."</p> }.into_any()
            } else {
                matches.into_any()
            }}
            <h3 class="board-title">"Who is quoted where"</h3>
            <ul class="speaker-rows">
                {move || {
                    let shown = if all.get() { n } else { n.min(SPEAKERS_SHOWN) };
                    speakers[..shown].iter().cloned().map(|s| view! { <SpeakerItem row=s update=update_s.clone()/> }).collect::<Vec<_>>()
                }}
            </ul>
            <Show when=many>
                <button type="button" class="quiet" on:click=move |_| all.update(|a| *a = !*a)>
                    {move || if all.get() { "Fewer speakers".to_string() } else { format!("All {n} speakers") }}
                </button>
            </Show>
        </section>
    }
}

#[component]
fn MatchCard(m: QuoteMatch, update: Arc<BoardUpdate>) -> impl IntoView {
    let state = expect_context::<Store>();
    let speaker = m.members.iter().find_map(|x| x.speaker.clone());
    let agree = if m.speakers_agree {
        "every outlet names the same speaker"
    } else if m.members.iter().filter(|x| x.speaker.is_some()).count() < 2 {
        "speaker not named everywhere"
    } else {
        "outlets name different speakers"
    };
    let all_same = m.members.iter().all(|x| x.same_words);
    let cut = m.members.iter().any(|x| x.diff.iter().any(|op| matches!(op, DiffOp::Omitted { .. })));
    let verdict = match (all_same, cut) {
        (true, false) => Some("word for word the same"),
        (true, true) => Some("the same words, some outlets quote less"),
        _ => None,
    };
    let members: Vec<_> = m
        .members
        .iter()
        .enumerate()
        .map(|(k, member)| {
            let doc = member.doc;
            let first = member.quotes.first().map(|q| q.annotation);
            let update = update.clone();
            let reference = k == m.reference;
            let text: Vec<_> = member.diff.iter().map(op_view).collect();
            let raw = member.quotes.iter().map(|q| q.text.as_str()).collect::<Vec<_>>().join(" … ");
            view! {
                <li class="quote-version" class:reference=reference data-doc=doc.to_string() data-same=member.same_words.to_string()>
                    <DocChip doc=doc title=doc_title(&update, doc)/>
                    <span class="quote-speaker">{member.speaker.clone().unwrap_or_else(|| "no speaker named".into())}</span>
                    {reference.then(|| view! { <span class="badge">"longest version"</span> })}
                    {(!reference && member.same_words).then(|| view! { <span class="badge same">"same words"</span> })}
                    <button
                        type="button"
                        class="quiet small"
                        on:click=move |_| {
                            if let Some(a) = first {
                                open_in_reader(state, &update, doc, a)
                            }
                        }
                    >
                        "show"
                    </button>
                    <blockquote class="quote-diff">{text}</blockquote>
                    <p class="quote-raw muted small" title="As this outlet prints it">{raw}</p>
                </li>
            }
        })
        .collect();
    view! {
        <article class="quote-match" data-docs=m.members.len().to_string() data-agree=m.speakers_agree.to_string()>
            <h4>
                {speaker.unwrap_or_else(|| "Unattributed".into())}
                <span class="muted small">{format!(" · in {} documents · {agree}", m.members.len())}</span>
                {verdict.map(|v| view! { <span class="badge same">{v}</span> })}
            </h4>
            <ol class="quote-versions">{members}</ol>
        </article>
    }
}

/// A step of a diff: kept words plain, added in `ins`, missing in `del`, not quoted greyed.
fn op_view(op: &DiffOp) -> AnyView {
    match op {
        DiffOp::Same { text } => view! { <span class="same">{format!("{text} ")}</span> }.into_any(),
        DiffOp::Inserted { text } => {
            view! { <ins class="inserted" title="only in this version">{text.clone()}</ins>" " }.into_any()
        }
        DiffOp::Deleted { text } => {
            view! { <del class="deleted" title="in the longest version, not in this one">{text.clone()}</del>" " }
                .into_any()
        }
        DiffOp::Changed { text, was } => view! {
            <span class="changed" title=format!("the longest version has “{was}”")>
                <del class="deleted">{was.clone()}</del><ins class="inserted">{text.clone()}</ins>
            </span>
            " "
        }
        .into_any(),
        DiffOp::Omitted { text } => {
            view! { <span class="omitted" title=format!("not quoted here: {text}")>"[…] "</span> }.into_any()
        }
    }
}

#[component]
fn SpeakerItem(row: SpeakerRow, update: Arc<BoardUpdate>) -> impl IntoView {
    let state = expect_context::<Store>();
    let open = RwSignal::new(false);
    let quotes = row.quotes.clone();
    let n = quotes.len();
    view! {
        <li class="speaker-row">
            <button type="button" class="linkish" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {row.speaker.clone()}
            </button>
            <span class="muted small">{format!(" · {n} quote{} in {} document{}", if n == 1 { "" } else { "s" }, row.documents, if row.documents == 1 { "" } else { "s" })}</span>
            {move || open.get().then(|| {
                let items: Vec<_> = quotes.iter().map(|q| {
                    let (doc, annotation) = (q.doc, q.annotation);
                    let update = update.clone();
                    view! {
                        <li>
                            <DocChip doc=doc title=doc_title(&update, doc)/>
                            <button type="button" class="linkish quote-excerpt" on:click=move |_| open_in_reader(state, &update, doc, annotation)>
                                {excerpt(&q.text, 140)}
                            </button>
                            {q.matched.is_some().then(|| view! { <span class="badge same">"quoted elsewhere too"</span> })}
                        </li>
                    }
                }).collect::<Vec<_>>();
                view! { <ul class="speaker-quotes">{items}</ul> }
            })}
        </li>
    }
}
