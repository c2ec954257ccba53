//! An engine keeps what it works out about spellings across documents (for speed):
//! a document must be annotated the same whatever the engine read before it, and
//! on however many threads.

use newslens::{page, Engine};

#[path = "support/gold.rs"]
mod gold;

/// Made-up news texts that share names in different places: headlines in capitals,
/// sentence starts, mid-sentence, possessives.
const TEXTS: &[&str] = &[
    "PUTIN MEETS KIM IN MOSCOW\n\nVladimir Putin met Kim Jong-un in Moscow on Friday, the Kremlin said. \
     \"We agreed on everything,\" Putin told reporters. Kim did not speak to the press.",
    "Moscow said on Friday that 8,000 troops had left Kursk. Putin's spokesman, Dmitry Peskov, told \
     reporters: \"Nothing of the kind happened.\" The Pentagon declined to comment.",
    "Kim Jong-un arrived by train. KIM'S TRAIN REACHES VLADIVOSTOK\n\nThe North Korean leader was \
     greeted by Russian officials in Vladivostok, state media said on Tuesday.",
    "Peskov said the talks would go on. Reuters could not confirm it. The Kremlin, Putin and Peskov \
     were not available; a Pentagon spokesperson said Kursk was quiet.",
    "Maria Lopez said on Friday that 8,000 people left Ottawa. Lopez, the city's mayor, said \
     \"Ottawa will recover\" and thanked Canada's army.",
];

fn annotate(engine: &Engine, text: &str) -> String {
    let doc = engine.annotate(&page::from_str(text, page::Format::Text), None);
    serde_json::to_string(&doc).unwrap_or_else(|e| format!("cannot serialise: {e}"))
}

/// Each text annotated by an engine that has read nothing before.
fn alone(texts: &[String]) -> Vec<String> {
    texts.iter().map(|t| annotate(&Engine::new().expect("embedded models load"), t)).collect()
}

fn texts() -> Vec<String> {
    let mut out: Vec<String> = TEXTS.iter().map(|t| t.to_string()).collect();
    // The shared samples too, when they are at hand: longer, real text.
    let mut samples: Vec<_> = gold::data_dir()
        .and_then(|dir| std::fs::read_dir(dir.join("samples")).ok())
        .map(|rd| {
            rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect()
        })
        .unwrap_or_default();
    samples.sort();
    if samples.is_empty() {
        println!("note: no samples found; the made-up texts only");
    }
    out.extend(samples.iter().take(3).filter_map(|p| std::fs::read_to_string(p).ok()));
    out
}

#[test]
fn a_document_is_annotated_the_same_before_and_after_others() {
    let texts = texts();
    let expected = alone(&texts);
    let engine = Engine::new().expect("embedded models load");
    let forward: Vec<String> = texts.iter().map(|t| annotate(&engine, t)).collect();
    let backward: Vec<String> = texts.iter().rev().map(|t| annotate(&engine, t)).collect();
    let again: Vec<String> = texts.iter().map(|t| annotate(&engine, t)).collect();
    for (i, want) in expected.iter().enumerate() {
        assert_eq!(&forward[i], want, "text {i} read first-to-last differs from it read alone");
        assert_eq!(&backward[texts.len() - 1 - i], want, "text {i} read last-to-first differs");
        assert_eq!(&again[i], want, "text {i} read a second time differs");
    }
    // A copy of a used engine gives the same too.
    let copy = engine.clone();
    assert_eq!(annotate(&copy, &texts[0]), expected[0]);
}

#[test]
fn threads_sharing_one_engine_give_what_one_thread_gives() {
    let texts = texts();
    let expected = alone(&texts);
    let engine = Engine::new().expect("embedded models load");
    // Each text several times, so that threads meet the same spellings at once.
    let inputs: Vec<usize> = (0..texts.len() * 4).map(|k| k % texts.len()).collect();
    let got = newslens::parallel::map_ordered(inputs.clone(), 4, |k| annotate(&engine, &texts[k]));
    for (k, json) in inputs.iter().zip(&got) {
        assert_eq!(json, &expected[*k], "text {k} on four threads differs from it read alone");
    }
}
