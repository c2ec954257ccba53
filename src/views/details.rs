//! The details of the highlight under the pointer or the keyboard focus.

use leptos::prelude::*;
use newslens::figures::describe;
use newslens::Annotation;

use crate::edits::{Edit, Scope};
use crate::store::{Action, Dialog, Store};
use crate::views::keys::LABEL_KEYS;

/// One line of details: a name and a value.
fn row(name: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="detail-row">
            <dt>{name}</dt>
            <dd>{value}</dd>
        </div>
    }
}

/// The details of one annotation, as `(field, value)` pairs in reading order.
pub fn fields(a: &Annotation) -> Vec<(&'static str, String)> {
    let mut out = vec![("Label", a.label().to_string()), ("Text", a.text().to_string())];
    match a {
        Annotation::Entity(e) => out.push(("Cluster", e.cluster.clone())),
        Annotation::Number(n) => {
            out.push(("Value", describe(n)));
            if let Some(of) = &n.of {
                out.push(("Counts", of.clone()));
            }
        }
        Annotation::Quote(q) => {
            let speaker = match (&q.speaker, &q.speaker_cluster) {
                (Some(s), Some(c)) if &s.text != c => format!("{} ({c})", s.text),
                (Some(s), _) => s.text.clone(),
                (None, Some(c)) => c.clone(),
                (None, None) => "not found".to_string(),
            };
            out.push(("Speaker", if q.nominal { format!("{speaker} (unnamed)") } else { speaker }));
            if !q.co_speakers.is_empty() {
                let others: Vec<&str> = q.co_speakers.iter().map(|s| s.text.as_str()).collect();
                out.push(("With", others.join(", ")));
            }
            let no_cue = if q.speaker.is_some() || q.speaker_cluster.is_some() {
                "none (continues the same speaker)"
            } else {
                "none"
            };
            out.push(("Cue", q.cue.clone().unwrap_or_else(|| no_cue.into())));
            if q.truncated {
                out.push(("Note", "no closing quotation mark was found; cut at a limit".into()));
            }
        }
    }
    out
}

/// The corrections of one highlight as buttons (the keys do the same; see `?`).
#[component]
fn EditButtons(
    /// The highlight.
    annotation: Annotation,
    /// Its index in the selected document.
    index: usize,
) -> impl IntoView {
    let state = expect_context::<Store>();
    let edit = move |edit: Edit| {
        if let Some(id) = state.selected.get_untracked() {
            state.dispatch(Action::Edit { id, edit });
        }
    };
    let label = annotation.label();
    let options =
        LABEL_KEYS.iter().map(|(_, _, l)| view! { <option value=*l selected=*l == label>{*l}</option> }).collect_view();
    let relabel = move |ev: web_sys::Event| {
        edit(Edit::Relabel { index, label: event_target_value(&ev), scope: Scope::One });
    };
    let resize = move |start_words, end_words| edit(Edit::Resize { index, start_words, end_words });
    let is_entity = matches!(annotation, Annotation::Entity(_));
    let is_quote = matches!(annotation, Annotation::Quote(_));
    let entity_label = label.to_string();
    let entity_label2 = label.to_string();
    view! {
        <div class="edit-buttons" role="group" aria-label="Correct this highlight">
            <label class="relabel">"Label " <select on:change=relabel>{options}</select></label>
            <button type="button" class="quiet" on:click=move |_| edit(Edit::Delete { index, scope: Scope::One })>"Remove"</button>
            <button type="button" class="quiet" aria-label="Widen by a word at the start" on:click=move |_| resize(-1, 0)>"← widen"</button>
            <button type="button" class="quiet" aria-label="Narrow by a word at the start" on:click=move |_| resize(1, 0)>"narrow →"</button>
            <button type="button" class="quiet" aria-label="Narrow by a word at the end" on:click=move |_| resize(0, -1)>"← narrow"</button>
            <button type="button" class="quiet" aria-label="Widen by a word at the end" on:click=move |_| resize(0, 1)>"widen →"</button>
            <Show when=move || is_quote>
                <button type="button" class="quiet" on:click=move |_| state.dispatch(Action::Open(Some(Dialog::Speaker { quote: index })))>"Set speaker…"</button>
            </Show>
            <Show when=move || is_entity>
                <button type="button" class="quiet" on:click=move |_| state.dispatch(Action::Open(Some(Dialog::Merge { entity: index })))>"Merge into…"</button>
                <button type="button" class="quiet" on:click=move |_| edit(Edit::Split { index })>"Split off"</button>
                <button type="button" class="quiet" on:click={
                    let label = entity_label.clone();
                    move |_| edit(Edit::Relabel { index, label: label.clone(), scope: Scope::Document })
                }>"Apply to all here"</button>
                <button type="button" class="quiet" on:click={
                    let label = entity_label2.clone();
                    move |_| edit(Edit::Relabel { index, label: label.clone(), scope: Scope::All })
                }>"…in all documents"</button>
            </Show>
        </div>
    }
}

/// The details panel (`#details`).
#[component]
pub fn Details() -> impl IntoView {
    let state = expect_context::<Store>();
    let current = move || {
        let i = state.focused.get()?;
        let id = state.selected.get()?;
        state.row(id)?.content.track();
        state.with_doc(id, |d| d.annotation(i).cloned()).flatten()
    };
    view! {
        <section id="details" aria-label="Details of the highlight in focus">
            <h2 class="pane-title">"Details"</h2>
            {move || match current() {
                None => view! {
                    <p class="muted small">"Point at a highlight, or tab to it, to see what it is."</p>
                }.into_any(),
                Some(a) => {
                    let layer = a.layer().as_str();
                    let index = state.focused.get_untracked().unwrap_or_default();
                    view! {
                        <dl class="detail" data-layer=layer>
                            {fields(&a).into_iter().map(|(k, v)| row(k, v)).collect_view()}
                        </dl>
                        <EditButtons annotation=a index=index/>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newslens::doc::{Number, NumberLabel, Quote, QuoteLabel, Span, Value};

    #[test]
    fn a_figure_shows_its_value_in_words_and_what_it_counts() {
        let n = Annotation::Number(Number {
            label: NumberLabel::CARDINAL,
            start: 0,
            end: 10,
            text: "some 8,000".into(),
            value: Value::exact(8000.0).approx(true),
            of: Some("North Korean soldiers".into()),
            source: Default::default(),
        });
        let f = fields(&n);
        assert!(f.contains(&(
            "Value",
            describe(match &n {
                Annotation::Number(n) => n,
                _ => unreachable!(),
            })
        )));
        assert!(f.contains(&("Counts", "North Korean soldiers".to_string())));
    }

    #[test]
    fn a_quote_shows_speaker_cluster_and_cue() {
        let q = Annotation::Quote(Quote {
            label: QuoteLabel::DIRECT,
            start: 0,
            end: 5,
            text: "“Hi”".into(),
            cue: Some("said".into()),
            speaker: Some(Span { start: 7, end: 16, text: "Zelenskyy".into() }),
            speaker_cluster: Some("Volodymyr Zelenskyy".into()),
            nominal: false,
            co_speakers: vec![],
            truncated: false,
            source: Default::default(),
        });
        let f = fields(&q);
        assert!(f.contains(&("Speaker", "Zelenskyy (Volodymyr Zelenskyy)".to_string())), "{f:?}");
        assert!(f.contains(&("Cue", "said".to_string())));
    }
}
