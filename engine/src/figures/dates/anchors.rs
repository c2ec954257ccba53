//! The words a date or time is anchored on: a number or one of these words
//! must be near for an expression to be looked for, so most text costs one
//! look-up per word.

/// Whether a lower-case word can anchor a date or time expression: a month,
/// a weekday, a relative day, a part of the day, a unit of time, a season, a
/// holiday's head word, a recurrence, a day's ordinal. Numbers anchor too; an
/// expression is only looked for near an anchor, so most words cost one lookup.
pub(crate) fn anchors_dates(w: &str) -> bool {
    let b = w.as_bytes();
    let Some(&first) = b.first() else { return false };
    if b.len() >= 16 || !first.is_ascii_lowercase() || ANCHOR_SHAPES[usize::from(first - b'a')] & (1 << b.len()) == 0 {
        return false;
    }
    static SET: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| WordSet::new(ANCHORS)).contains(w)
}

/// A fixed set of words as an open-addressed hash table: one hash and
/// (mostly) one comparison per look-up.
struct WordSet {
    slots: Vec<&'static str>,
}

impl WordSet {
    fn new(words: &[&'static str]) -> WordSet {
        let size = (words.len() * 4).next_power_of_two();
        let mut slots = vec![""; size];
        for &w in words {
            let mut h = Self::hash(w) & (size - 1);
            while !slots[h].is_empty() {
                h = (h + 1) & (size - 1);
            }
            slots[h] = w;
        }
        WordSet { slots }
    }

    fn hash(w: &str) -> usize {
        w.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)) as usize
    }

    fn contains(&self, w: &str) -> bool {
        let mask = self.slots.len() - 1;
        let mut h = Self::hash(w) & mask;
        loop {
            let s = self.slots[h];
            if s.is_empty() {
                return false;
            }
            if s == w {
                return true;
            }
            h = (h + 1) & mask;
        }
    }
}

/// The words that anchor a date, sorted (a test keeps them so).
const ANCHORS: &[&str] = &[
    "a.m.",
    "afternoon",
    "afternoons",
    "ago",
    "am",
    "annually",
    "apr",
    "april",
    "aug",
    "august",
    "autumn",
    "centuries",
    "century",
    "christmas",
    "daily",
    "day",
    "days",
    "daytime",
    "dec",
    "decade",
    "decades",
    "december",
    "each",
    "earlier",
    "easter",
    "eighteenth",
    "eighth",
    "eighties",
    "eleventh",
    "eve",
    "evening",
    "evenings",
    "every",
    "fall",
    "feb",
    "february",
    "fifteenth",
    "fifth",
    "fifties",
    "first",
    "forties",
    "fortnight",
    "fourteenth",
    "fourth",
    "fri",
    "friday",
    "fridays",
    "half",
    "halloween",
    "hour",
    "hourly",
    "hours",
    "hr",
    "hrs",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "later",
    "lunchtime",
    "mar",
    "march",
    "may",
    "midafternoon",
    "midday",
    "midmorning",
    "midnight",
    "min",
    "mins",
    "minute",
    "minutes",
    "mon",
    "monday",
    "mondays",
    "month",
    "monthly",
    "months",
    "morning",
    "mornings",
    "night",
    "nightly",
    "nights",
    "nineteenth",
    "nineties",
    "ninth",
    "noon",
    "noughties",
    "nov",
    "november",
    "o'clock",
    "oclock",
    "oct",
    "october",
    "overnight",
    "o’clock",
    "p",
    "p.m.",
    "pm",
    "q",
    "quarter",
    "sat",
    "saturday",
    "saturdays",
    "second",
    "sep",
    "sept",
    "september",
    "seventeenth",
    "seventh",
    "seventies",
    "sixteenth",
    "sixth",
    "sixties",
    "spring",
    "summer",
    "sun",
    "sunday",
    "sundays",
    "tens",
    "tenth",
    "thanksgiving",
    "third",
    "thirteenth",
    "thirties",
    "thirtieth",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "thursdays",
    "tmrw",
    "today",
    "tomorrow",
    "tonight",
    "tue",
    "tues",
    "tuesday",
    "tuesdays",
    "twelfth",
    "twenties",
    "twentieth",
    "wed",
    "wednesday",
    "wednesdays",
    "week",
    "weekend",
    "weekends",
    "weekly",
    "weeks",
    "winter",
    "xmas",
    "year",
    "yearly",
    "years",
    "yesterday",
    "yuandan",
];

/// For each first letter, the lengths of anchor words starting with it: most
/// words are ruled out by one lookup.
static ANCHOR_SHAPES: [u16; 26] = shapes(ANCHORS);

const fn shapes(words: &[&str]) -> [u16; 26] {
    let mut m = [0u16; 26];
    let mut i = 0;
    while i < words.len() {
        let b = words[i].as_bytes();
        if !b.is_empty() && b.len() < 16 && b[0] >= b'a' && b[0] <= b'z' {
            m[(b[0] - b'a') as usize] |= 1 << b.len();
        }
        i += 1;
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_words_are_sorted_and_found() {
        assert!(ANCHORS.windows(2).all(|w| w[0] < w[1]));
        for w in ["october", "sept", "friday", "tonight", "weeks", "o’clock", "thirtieth"] {
            assert!(anchors_dates(w), "{w}");
        }
        for w in ["said", "the", "ukraine", "", "résumé"] {
            assert!(!anchors_dates(w), "{w}");
        }
    }
}
