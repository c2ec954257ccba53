//! What a figure counts, normalised so that outlets' wordings meet:
//! `North Korean soldiers`, `North Korea’s troops`, `troops from North Korea`
//! and `DPRK soldiers` are one thing; `Russian troops` and `troops’ deaths`
//! are others.
//!
//! A thing is a head noun (singular, synonyms folded: soldiers, troops,
//! servicemen and forces are all `troop`), the places and names that qualify
//! it (nationalities meet their countries: `North Korean` and `North Korea`
//! are both `north kore`), and the few plain words that change what is
//! counted (`wounded`, `dead`). Other plain modifiers (`special forces`,
//! `155mm`) narrow the thing without making it another.

use std::collections::BTreeSet;
use std::fmt;

use super::context::fold;
use crate::resolve::aliases;

/// A thing counted, as compared.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Thing {
    /// The head noun, singular, synonyms folded (`troop`, `shell`, `people`).
    pub head: String,
    /// Place, nationality and other name qualifiers, normalised.
    pub qualifiers: BTreeSet<String>,
    /// Plain words that make it another thing (`wounded`, `civilian`).
    pub states: BTreeSet<String>,
}

impl Thing {
    /// People of a place and nothing else (`North Koreans`, `7,000 Ukrainians`):
    /// joins the one group of people from that place the other figures name.
    pub fn is_people(&self) -> bool {
        self.head == PEOPLE && self.states.is_empty()
    }

    /// A head with nothing to say whose it is (`12,000 troops`).
    pub fn is_bare(&self) -> bool {
        self.qualifiers.is_empty() && self.states.is_empty()
    }

    /// Whether its head counts people (so `North Koreans` may be its members).
    pub fn counts_people(&self) -> bool {
        PERSON_HEADS.contains(&self.head.as_str())
    }
}

impl fmt::Display for Thing {
    /// The key the board groups by: `north kore troop`, `wounded troop`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for w in self.states.iter().chain(&self.qualifiers) {
            write!(f, "{w} ")?;
        }
        f.write_str(&self.head)
    }
}

const PEOPLE: &str = "people";

/// Heads that count people.
const PERSON_HEADS: &[&str] =
    &["troop", PEOPLE, "civilian", "worker", "official", "refugee", "prisoner", "resident", "citizen", "national"];

/// Plain modifiers that make a count count something else.
const STATES: &[&str] = &[
    "wounded", "injured", "dead", "killed", "captured", "missing", "civilian", "fallen", "retired", "former", "foreign",
];

/// Heads folded into one (plural already dropped).
fn canonical_head(word: &str) -> String {
    let w = singular(word);
    match w.as_str() {
        "soldier" | "troop" | "serviceman" | "servicemen" | "servicemember" | "personnel" | "force" | "trooper" => {
            "troop".to_string()
        }
        "person" | "persons" | "individual" | "peoples" => PEOPLE.to_string(),
        _ => w,
    }
}

fn singular(word: &str) -> String {
    let w = word;
    let n = w.len();
    if ["people", "personnel", "servicemen", "media", "news", "series", "species"].contains(&w) {
        return w.to_string();
    }
    if n > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..n - 3]);
    }
    if n > 4 && ["sses", "shes", "ches", "xes"].iter().any(|s| w.ends_with(s)) {
        return w[..n - 2].to_string();
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..n - 1].to_string();
    }
    w.to_string()
}

/// Demonyms no suffix rule turns into their country's stem.
const IRREGULAR: &[(&str, &str)] = &[
    ("american", "united states"),
    ("americans", "united states"),
    ("british", "united kingdom"),
    ("briton", "united kingdom"),
    ("britons", "united kingdom"),
    ("danish", "denmark"),
    ("dutch", "netherlands"),
    ("english", "england"),
    ("filipino", "philippines"),
    ("filipinos", "philippines"),
    ("french", "france"),
    ("german", "germany"),
    ("germans", "germany"),
    ("greek", "greece"),
    ("greeks", "greece"),
    ("irish", "ireland"),
    ("polish", "poland"),
    ("scottish", "scotland"),
    ("spanish", "spain"),
    ("swedish", "sweden"),
    ("swiss", "switzerland"),
    ("turkish", "turkey"),
    ("welsh", "wales"),
];

/// A run of capitalised words as a qualifier: aliases resolved (`DPRK`,
/// `U.S.`), then the last word cut to the stem a country and its people
/// share (`korea`, `korean`, `koreans` -> `kore`; `russia`, `russian` -> `russ`).
pub fn place_key(run: &str) -> String {
    let folded = fold(run);
    let folded = folded.trim_end();
    // A possessive of the whole run (`North Korea's`) goes; inner ones (`People's`) lose the mark only.
    let folded = folded.strip_suffix("'s").unwrap_or(folded);
    let words: Vec<String> = folded
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).collect::<String>())
        .filter(|w| !w.is_empty() && w != "the")
        .collect();
    let key = words.join(" ");
    let key = match aliases::canonical(&key) {
        Some(name) => fold(name).replace(['.', ','], ""),
        None => IRREGULAR.iter().find(|(d, _)| *d == key).map_or(key, |(_, c)| (*c).to_string()),
    };
    let mut words: Vec<&str> = key.split(' ').collect();
    let Some(last) = words.pop() else { return key };
    let stem = country_stem(last);
    words.push(&stem);
    words.join(" ")
}

fn country_stem(word: &str) -> String {
    let mut w = word;
    if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
        w = &w[..w.len() - 1];
    }
    for suffix in ["ian", "ese", "ish", "ia", "an", "i", "a", "e", "y", "o"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.len() >= 4 {
                return stem.to_string();
            }
        }
    }
    w.to_string()
}

/// A word as written, its comparison form, and whether it is capitalised.
struct Word<'a> {
    raw: &'a str,
    low: String,
    cap: bool,
    possessive: bool,
}

fn split_words(text: &str) -> Vec<Word<'_>> {
    text.split_whitespace()
        .filter_map(|raw| {
            let t = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
            let possessive = t.ends_with("'s") || t.ends_with("’s") || t.ends_with('\'') || t.ends_with('’');
            let bare = t.trim_end_matches(['\'', '’']);
            let bare = bare.strip_suffix("'s").or_else(|| bare.strip_suffix("’s")).unwrap_or(bare);
            let bare = bare.trim_matches(|c: char| !c.is_alphanumeric());
            (!bare.is_empty()).then(|| Word {
                raw: bare,
                low: fold(bare),
                cap: bare.chars().next().is_some_and(char::is_uppercase),
                possessive,
            })
        })
        .collect()
}

/// The thing a figure's `of` phrase names. `after` is the text right after
/// the phrase, read for `from North Korea` / `of North Korea`.
pub fn thing_of(of: &str, after: &str) -> Option<Thing> {
    let head_phrase = of.split(" of ").next().unwrap_or(of);
    let words = split_words(head_phrase);
    let (head, modifiers) = words.split_last()?;
    let mut thing = Thing { head: canonical_head(&head.low), qualifiers: BTreeSet::new(), states: BTreeSet::new() };
    if !head.raw.chars().any(char::is_alphabetic) {
        return None;
    }
    // The phrase is all a name (`North Koreans`): people of that place.
    if head.cap && modifiers.iter().all(|w| w.cap) && !is_common_capitalised(&head.low) {
        thing.head = PEOPLE.to_string();
        thing.qualifiers.insert(place_key(&words.iter().map(|w| w.raw).collect::<Vec<_>>().join(" ")));
        return Some(thing);
    }
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, thing: &mut Thing| {
        if !run.is_empty() {
            thing.qualifiers.insert(place_key(&run.join(" ")));
            run.clear();
        }
    };
    for w in modifiers {
        if w.cap && !is_common_capitalised(&w.low) {
            run.push(w.raw);
            if w.possessive {
                flush(&mut run, &mut thing);
            }
            continue;
        }
        flush(&mut run, &mut thing);
        if STATES.contains(&w.low.as_str()) {
            thing.states.insert(w.low.clone());
        } else if w.possessive {
            // `troops’ deaths`: the possessor is what the head belongs to.
            thing.states.insert(format!("{}'s", canonical_head(&w.low)));
        }
    }
    flush(&mut run, &mut thing);
    // `troops from North Korea`
    let tail = split_words(after.trim_start());
    if matches!(tail.first().map(|w| w.low.as_str()), Some("from" | "of")) {
        let names: Vec<&str> = tail[1..]
            .iter()
            .skip_while(|w| w.low == "the")
            .take_while(|w| w.cap || w.low == "of")
            .take(7)
            .map(|w| w.raw)
            .collect();
        let names = trim_trailing_of(names);
        if !names.is_empty() {
            thing.qualifiers.insert(place_key(&names.join(" ")));
        }
    }
    Some(thing)
}

fn trim_trailing_of(mut names: Vec<&str>) -> Vec<&str> {
    while names.last().is_some_and(|w| *w == "of") {
        names.pop();
    }
    names
}

/// Words written with a capital that do not name a place or body.
fn is_common_capitalised(low: &str) -> bool {
    matches!(low, "i" | "a" | "an" | "the" | "some" | "more" | "about" | "over")
}

/// Whether two `of` phrases (no context) name the same thing.
pub fn same_thing(a: &str, b: &str) -> bool {
    let (Some(a), Some(b)) = (split_after(a), split_after(b)) else { return false };
    a == b
}

/// `troops from North Korea` -> the thing, reading `from ...` as what follows.
fn split_after(phrase: &str) -> Option<Thing> {
    match phrase.find(" from ") {
        Some(i) => thing_of(&phrase[..i], &phrase[i..]),
        None => thing_of(phrase, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_their_people_share_a_stem() {
        for (a, b) in [
            ("North Korea", "North Korean"),
            ("North Koreans", "North Korea’s"),
            ("DPRK", "North Korean"),
            ("Democratic People's Republic of Korea", "North Korea"),
            ("Russia", "Russian"),
            ("Ukraine", "Ukrainians"),
            ("U.S.", "American"),
            ("China", "Chinese"),
            ("Iran", "Iranian"),
            ("India", "Indian"),
            ("Israel", "Israeli"),
            ("Germany", "German"),
        ] {
            assert_eq!(place_key(a), place_key(b), "{a} / {b}");
        }
        assert_ne!(place_key("North Korea"), place_key("South Korea"));
        assert_ne!(place_key("Russia"), place_key("Belarus"));
    }

    #[test]
    fn keys_read_as_words() {
        assert_eq!(thing_of("North Korean soldiers", "").unwrap().to_string(), "north kore troop");
        assert_eq!(thing_of("155mm shells", "").unwrap().to_string(), "shell");
        assert_eq!(thing_of("package of US weapons", "").unwrap().to_string(), "package");
        assert_eq!(thing_of("the casualties", "").unwrap().to_string(), "casualty");
        assert_eq!(thing_of("wounded soldiers", "").unwrap().to_string(), "wounded troop");
        assert!(thing_of("North Koreans", "").unwrap().is_people());
        assert!(thing_of("troops", "").unwrap().is_bare());
    }
}
