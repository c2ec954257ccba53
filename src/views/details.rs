//! The details of the highlight under the pointer or the keyboard focus.

use leptos::prelude::*;
use newslens::figures::describe;
use newslens::Annotation;

use crate::state::{with_store, AppState};

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

/// The details panel (`#details`).
#[component]
pub fn Details() -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = move || {
        let i = state.focused.get()?;
        let id = state.selected.get()?;
        state.revision.track();
        with_store(|s| s.get_mut(&id)?.annotation(i).cloned())
    };
    view! {
        <section id="details" role="tooltip" aria-label="Details of the highlight in focus">
            <h2 class="pane-title">"Details"</h2>
            {move || match current() {
                None => view! {
                    <p class="muted small">"Point at a highlight, or tab to it, to see what it is."</p>
                }.into_any(),
                Some(a) => {
                    let layer = a.layer().as_str();
                    view! {
                        <dl class="detail" data-layer=layer>
                            {fields(&a).into_iter().map(|(k, v)| row(k, v)).collect_view()}
                        </dl>
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
