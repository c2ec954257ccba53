//! A made-up news text for warming the engine up before a reader's first document.
//!
//! Browsers compile WebAssembly twice: first quickly, then, for the functions that run
//! often, well. A function that runs once on a long document keeps its quick code for the
//! whole run, so the first long document is up to twice as slow as the second. Annotating
//! this text once, right after start, gets the recognisers' loops their fast code.

/// Sentences that walk every recogniser: names of each kind, figures of each label,
/// quotations with cues, a headline in capitals.
const SENTENCES: &[&str] = &[
    "HARBOUR TOWN VOTES ON NEW FERRY LINE",
    "The council of Port Elden voted 7 to 2 on Tuesday to fund a ferry line to Marrow Island.",
    "“We waited nearly three decades for this,” said Agnes Tolliver, the mayor of Port Elden.",
    "The line will cost about $48 million, up to 12% more than the 2019 estimate, officials said.",
    "According to the Harbour Authority, some 8,000 to 12,000 passengers a month could use it.",
    "Tolliver told reporters the first boats would sail in mid-October or by Nov. 3, 2025.",
    "Critics, led by councillor Ravi Menon of the Green Party, called the plan “a gamble.”",
    "Menon said: “At least 3,000 residents signed the petition, and 50 of 80 shops oppose it.”",
    "The 155-metre vessels, built in Gdansk by Baltic Yards Ltd., carry 400 cars each.",
    "Last Thursday the authority said fares would start at €4.50, or 2.5 times the bus fare.",
    "It was the 70th anniversary of the first crossing, which took 45 minutes in 1955.",
    "Residents of Marrow Island, home to 2,400 people, have relied on one boat since June.",
];

/// About `bytes` of text: the sentences again and again, in paragraphs.
pub(crate) fn text(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 200);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(SENTENCES[i % SENTENCES.len()]);
        out.push_str(if i % 4 == 0 { "\n\n" } else { " " });
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{Engine, Layer};

    #[test]
    fn the_warm_up_text_walks_every_layer() {
        let engine = Engine::new().expect("embedded models load");
        let doc = engine.warm_up();
        for layer in [Layer::Entity, Layer::Number, Layer::Quote] {
            assert!(doc.annotations.iter().any(|a| a.layer() == layer), "no {layer:?} in the warm-up text");
        }
    }
}
