//! The figure board: for each thing counted, every outlet's figure on one axis (a dot for
//! an exact value, a bar for a range, an arrow for an open bound, hollow when hedged), then
//! each figure with its qualifier, source and sentence.

use std::fmt::Write;
use std::sync::Arc;

use leptos::prelude::*;
use newslens::board::{FigureGroup, FigureMember};
use newslens::doc::{Amount, Scalar};

use super::{doc_title, open_in_reader, DocChip};
use crate::protocol::BoardUpdate;
use crate::render::escape_into;
use crate::store::Store;

/// Groups from one document only are listed after a button: the board is about comparing.
const SHOWN_SINGLE: usize = 0;

#[component]
pub fn FigureBoard(update: Arc<BoardUpdate>) -> impl IntoView {
    let (shared, single): (Vec<FigureGroup>, Vec<FigureGroup>) =
        update.board.figures.iter().cloned().partition(|g| g.documents() > 1);
    let more = RwSignal::new(false);
    let n_single = single.len();
    let has_single = move || n_single > SHOWN_SINGLE;
    let shared_view: Vec<_> =
        shared.into_iter().map(|g| view! { <FigureCard group=g update=update.clone()/> }).collect();
    let update_single = update.clone();
    view! {
        <section class="figure-board" aria-label="Figures by what they count">
            <h3 class="board-title">"Figures by what they count"</h3>
            {if shared_view.is_empty() {
                view! { <p class="muted">"No figure counts the same thing in two documents."</p> }.into_any()
            } else {
                shared_view.into_any()
            }}
            <Show when=has_single>
                <button type="button" class="quiet" on:click=move |_| more.update(|m| *m = !*m)>
                    {move || if more.get() { "Hide figures from one document".to_string() } else { format!("{n_single} more things counted in one document only") }}
                </button>
            </Show>
            {move || more.get().then(|| {
                single.iter().cloned().map(|g| view! { <FigureCard group=g update=update_single.clone()/> }).collect::<Vec<_>>()
            })}
        </section>
    }
}

#[component]
fn FigureCard(group: FigureGroup, update: Arc<BoardUpdate>) -> impl IntoView {
    let state = expect_context::<Store>();
    let docs = group.documents();
    let svg = chart(&group);
    let rows: Vec<_> = group
        .members
        .iter()
        .map(|m| {
            let (doc, annotation) = (m.doc, m.annotation);
            let update = update.clone();
            let source = m.attribution.as_ref().map(|a| a.text.clone());
            let joined = match m.joined {
                newslens::board::figures::Joined::Words => None,
                newslens::board::figures::Joined::Sentence => Some("placed by its sentence"),
                newslens::board::figures::Joined::People => Some("people of the place"),
            };
            view! {
                <li class="figure-member">
                    <DocChip doc=doc title=doc_title(&update, doc)/>
                    <button
                        type="button"
                        class="figure-value linkish"
                        title="Show it in the article"
                        on:click=move |_| open_in_reader(state, &update, doc, annotation)
                    >
                        {m.text.clone()}
                    </button>
                    <span class="figure-of">{m.of.clone()}</span>
                    {source.map(|s| view! { <span class="figure-source">" — according to "<b>{s}</b></span> })}
                    {joined.map(|j| view! { <span class="muted small">{format!(" ({j})")}</span> })}
                    <p class="figure-sentence">{sentence_with(m)}</p>
                </li>
            }
        })
        .collect();
    view! {
        <article class="figure-group" data-key=group.key.clone() data-docs=docs.to_string()>
            <h4>
                {group.thing.clone()}
                <span class="muted small">{format!(" · {} figures from {docs} documents", group.members.len())}</span>
            </h4>
            {svg.map(|svg| view! { <div class="figure-chart" inner_html=svg></div> })}
            <ul class="figure-members">{rows}</ul>
        </article>
    }
}

/// The sentence with the figure in bold.
fn sentence_with(m: &FigureMember) -> impl IntoView {
    let s = &m.sentence;
    let chars: Vec<char> = s.text.chars().collect();
    let (a, b) = (m.start.saturating_sub(s.start).min(chars.len()), m.end.saturating_sub(s.start).min(chars.len()));
    let piece = |x: usize, y: usize| chars[x..y.max(x)].iter().collect::<String>();
    view! { {piece(0, a)}<strong>{piece(a, b)}</strong>{piece(b, chars.len())} }
}

/// One figure as drawn: its low and high ends (equal for an exact value), which ends are
/// open, and whether it is hedged.
struct Mark {
    doc: usize,
    low: Option<f64>,
    high: Option<f64>,
    approx: bool,
    text: String,
}

fn number(s: &Option<Scalar>) -> Option<f64> {
    match s {
        Some(Scalar::Number(x)) if x.is_finite() => Some(*x),
        _ => None,
    }
}

fn mark(m: &FigureMember) -> Option<Mark> {
    let (low, high) = match &m.value.amount {
        Amount::Exact(x) => (number(x), number(x)),
        Amount::Range { min, max } => (number(min), number(max)),
    };
    (low.is_some() || high.is_some()).then(|| Mark {
        doc: m.doc,
        low,
        high,
        approx: m.value.approx,
        text: m.text.clone(),
    })
}

const WIDTH: f64 = 620.0;
const LEFT: f64 = 34.0;
const RIGHT: f64 = 150.0;
const ROW: f64 = 24.0;
const TOP: f64 = 8.0;
const AXIS: f64 = 22.0;

/// The chart of a group as SVG markup: one row per figure, all on one axis from zero.
fn chart(group: &FigureGroup) -> Option<String> {
    let marks: Vec<Mark> = group.members.iter().filter_map(mark).collect();
    let top = marks.iter().flat_map(|m| [m.low, m.high]).flatten().fold(0.0_f64, f64::max);
    if marks.is_empty() || top <= 0.0 {
        return None;
    }
    let scale = nice_top(top * 1.08);
    let plot = WIDTH - LEFT - RIGHT;
    let x = |v: f64| LEFT + (v / scale).clamp(0.0, 1.0) * plot;
    let height = TOP + ROW * marks.len() as f64 + AXIS;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-label="{} figures on one axis">"#,
        marks.len()
    );
    // Grid and axis: zero, half, top.
    let base = TOP + ROW * marks.len() as f64;
    for k in 0..=4 {
        let v = scale * f64::from(k) / 4.0;
        let gx = x(v);
        let _ = write!(svg, r#"<line class="grid" x1="{gx:.1}" y1="{TOP}" x2="{gx:.1}" y2="{base:.1}"/>"#);
        let _ = write!(
            svg,
            r#"<text class="tick" x="{gx:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            base + 15.0,
            grouped(v)
        );
    }
    for (row, m) in marks.iter().enumerate() {
        let y = TOP + ROW * row as f64 + ROW / 2.0;
        let hue = super::hue(m.doc);
        let _ = write!(
            svg,
            r#"<g class="mark {hue}" data-doc="{}"><text class="row-letter" x="4" y="{:.1}">{}</text>"#,
            m.doc,
            y + 4.0,
            super::letter(m.doc)
        );
        let hollow = if m.approx { " hollow" } else { "" };
        let label_at = match (m.low, m.high) {
            (Some(lo), Some(hi)) if (hi - lo).abs() < f64::EPSILON => {
                let _ = write!(svg, r#"<circle class="dot{hollow}" cx="{:.1}" cy="{y:.1}" r="5"/>"#, x(lo));
                x(lo) + 10.0
            }
            (Some(lo), Some(hi)) => {
                let (a, b) = (x(lo), x(hi));
                let _ = write!(
                    svg,
                    r#"<rect class="bar{hollow}" x="{a:.1}" y="{:.1}" width="{:.1}" height="10" rx="3"/>"#,
                    y - 5.0,
                    (b - a).max(2.0)
                );
                b + 8.0
            }
            // `more than 7,000`: from the bound to the right.
            (Some(lo), None) => {
                let a = x(lo);
                let b = (a + plot * 0.18).min(LEFT + plot);
                arrow(&mut svg, a, b, y, hollow);
                b + 8.0
            }
            // `up to 12,000`: from the bound to the left.
            (None, Some(hi)) => {
                let b = x(hi);
                let a = (b - plot * 0.18).max(LEFT);
                arrow(&mut svg, b, a, y, hollow);
                b + 8.0
            }
            (None, None) => continue,
        };
        let mut label = String::new();
        escape_into(&mut label, &m.text);
        let _ = write!(svg, r#"<text class="value" x="{label_at:.1}" y="{:.1}">{label}</text></g>"#, y + 4.0);
    }
    svg.push_str("</svg>");
    Some(svg)
}

/// A shaft from `from` to `to` with its head at `to`, and a bound tick at `from`.
fn arrow(svg: &mut String, from: f64, to: f64, y: f64, hollow: &str) {
    let dir = if to > from { 1.0 } else { -1.0 };
    let _ = write!(
        svg,
        r#"<line class="bound{hollow}" x1="{from:.1}" y1="{:.1}" x2="{from:.1}" y2="{:.1}"/>"#,
        y - 6.0,
        y + 6.0
    );
    let _ = write!(svg, r#"<line class="shaft{hollow}" x1="{from:.1}" y1="{y:.1}" x2="{to:.1}" y2="{y:.1}"/>"#);
    let _ = write!(
        svg,
        r#"<path class="head" d="M{to:.1},{y:.1} L{:.1},{:.1} L{:.1},{:.1} Z"/>"#,
        to - dir * 8.0,
        y - 5.0,
        to - dir * 8.0,
        y + 5.0
    );
}

/// A round number at or above `v` for the axis's end (1, 2, 2.5 or 5 times a power of ten).
fn nice_top(v: f64) -> f64 {
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * p).find(|&c| c >= v).unwrap_or(10.0 * p)
}

/// `12000` -> `12,000`; fractions keep one decimal.
fn grouped(v: f64) -> String {
    if v.fract().abs() > 1e-9 {
        return format!("{v:.1}");
    }
    let digits = format!("{}", v.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_ends_are_round_and_ticks_read_as_numbers() {
        assert_eq!(nice_top(12_960.0), 20_000.0);
        assert_eq!(nice_top(2_200.0), 2_500.0);
        assert_eq!(nice_top(0.9), 1.0);
        assert_eq!(grouped(12_000.0), "12,000");
        assert_eq!(grouped(500.0), "500");
        assert_eq!(grouped(2.5), "2.5");
    }
}
