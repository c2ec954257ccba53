//! Reporting verbs (and a few reporting nouns) that attribute a quotation.
//!
//! Every inflected form is listed, sorted, so a lookup is one binary search
//! over a static table and the wasm bundle carries no stemmer.

/// Lower-case forms, sorted (a unit test checks the order).
const CUES: &[&str] = &[
    "accusation",
    "accusations",
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "add",
    "added",
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "announce",
    "announced",
    "announces",
    "announcing",
    "answer",
    "answered",
    "answering",
    "answers",
    "argue",
    "argued",
    "argues",
    "arguing",
    "ask",
    "asked",
    "asking",
    "asks",
    "assert",
    "asserted",
    "asserting",
    "asserts",
    "blasted",
    "boast",
    "boasted",
    "boasting",
    "boasts",
    "branded",
    "branding",
    "call",
    "called",
    "calling",
    "calls",
    "caution",
    "cautioned",
    "cautioning",
    "cautions",
    "chant",
    "chanted",
    "chanting",
    "charge",
    "charged",
    "charges",
    "charging",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "comment",
    "commented",
    "commenting",
    "comments",
    "complain",
    "complained",
    "complaining",
    "complains",
    "concede",
    "conceded",
    "concedes",
    "conceding",
    "conclude",
    "concluded",
    "concludes",
    "concluding",
    "confirm",
    "confirmed",
    "confirming",
    "confirms",
    "continue",
    "continued",
    "continues",
    "continuing",
    "counter",
    "countered",
    "counters",
    "declare",
    "declared",
    "declares",
    "declaring",
    "decried",
    "decries",
    "decry",
    "decrying",
    "demand",
    "demanded",
    "demanding",
    "demands",
    "denied",
    "denies",
    "deny",
    "denying",
    "describe",
    "described",
    "describes",
    "describing",
    "emphasise",
    "emphasised",
    "emphasises",
    "emphasising",
    "emphasize",
    "emphasized",
    "emphasizes",
    "emphasizing",
    "explain",
    "explained",
    "explaining",
    "explains",
    "express",
    "expressed",
    "expresses",
    "expressing",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "joke",
    "joked",
    "jokes",
    "joking",
    "mention",
    "mentioned",
    "mentioning",
    "mentions",
    "note",
    "noted",
    "notes",
    "noting",
    "observe",
    "observed",
    "observes",
    "observing",
    "pledge",
    "pledged",
    "pledges",
    "pledging",
    "post",
    "posted",
    "posting",
    "posts",
    "predict",
    "predicted",
    "predicting",
    "predicts",
    "proclaim",
    "proclaimed",
    "proclaiming",
    "proclaims",
    "promise",
    "promised",
    "promises",
    "promising",
    "quip",
    "quipped",
    "quipping",
    "quips",
    "recall",
    "recalled",
    "recalling",
    "recalls",
    "reiterate",
    "reiterated",
    "reiterates",
    "reiterating",
    "remark",
    "remarked",
    "remarking",
    "remarks",
    "repeat",
    "repeated",
    "repeating",
    "repeats",
    "replied",
    "replies",
    "reply",
    "replying",
    "report",
    "reported",
    "reporting",
    "reports",
    "respond",
    "responded",
    "responding",
    "responds",
    "said",
    "say",
    "saying",
    "says",
    "scoffed",
    "shout",
    "shouted",
    "shouting",
    "shouts",
    "sing",
    "singing",
    "sings",
    "snapped",
    "state",
    "stated",
    "statement",
    "states",
    "stating",
    "stress",
    "stressed",
    "stresses",
    "stressing",
    "suggest",
    "suggested",
    "suggesting",
    "suggests",
    "tell",
    "telling",
    "tells",
    "testified",
    "testifies",
    "testify",
    "testifying",
    "thundered",
    "told",
    "tweet",
    "tweeted",
    "tweeting",
    "tweets",
    "urge",
    "urged",
    "urges",
    "urging",
    "voice",
    "voiced",
    "voices",
    "voicing",
    "vow",
    "vowed",
    "vowing",
    "vows",
    "warn",
    "warned",
    "warning",
    "warns",
    "write",
    "writes",
    "writing",
    "wrote",
    "yelled",
];

/// `word` (any case) is a reporting verb or noun.
pub fn is_cue(word: &str) -> bool {
    if word.len() > 16 || !word.chars().all(char::is_alphabetic) {
        return false;
    }
    let lower = word.to_lowercase();
    CUES.binary_search(&lower.as_str()).is_ok()
}

/// Cue words that are also plain nouns or senses; they attribute only with a
/// named subject right before them (`Austin’s warning`, `Trump’s statement`).
pub fn is_weak(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "accusation"
            | "accusations"
            | "statement"
            | "warning"
            | "comments"
            | "comment"
            | "remarks"
            | "post"
            | "posts"
            | "report"
            | "reports"
            | "call"
            | "calls"
            | "note"
            | "notes"
            | "states"
            | "state"
            | "counter"
            | "voice"
            | "voices"
            | "sing"
            | "charges"
            | "charge"
            | "promise"
            | "continue"
            | "continues"
            | "continued"
            | "continuing"
            | "repeated"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        let mut sorted = CUES.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, CUES);
    }

    #[test]
    fn finds_forms_in_any_case() {
        assert!(is_cue("said") && is_cue("Said") && is_cue("told") && is_cue("wrote"));
        assert!(!is_cue("table") && !is_cue("saidx"));
    }
}
