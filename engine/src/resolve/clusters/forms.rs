//! Forms: one way a name is written, cleaned and normalised.
//!
//! A [`Form`] is a mention as the linker sees it: titles, possessives,
//! articles and stray punctuation cut, a normalised key to group by, its name
//! parts, its alias and whether it is an acronym. Kept apart from the graph
//! because it reads one name alone and knows nothing of the others.

use crate::doc::EntityLabel;
use crate::resolve::aliases;

/// Words that open a person mention without being part of the name.
const TITLES: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "bishop",
    "capt",
    "captain",
    "cardinal",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commander",
    "congressman",
    "congresswoman",
    "dame",
    "deputy",
    "dr",
    "emperor",
    "father",
    "gen",
    "general",
    "gov",
    "governor",
    "judge",
    "justice",
    "king",
    "lady",
    "lord",
    "lt",
    "madam",
    "marshal",
    "mayor",
    "minister",
    "miss",
    "mr",
    "mrs",
    "ms",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "rev",
    "secretary",
    "secretary-general",
    "sen",
    "senator",
    "sgt",
    "sheikh",
    "sir",
    "speaker",
    "spokesman",
    "spokeswoman",
    "sultan",
    "vice",
];

/// Words that qualify a title (`Defense Secretary`, `former President`).
const OFFICES: &[&str] = &["acting", "defence", "defense", "foreign", "former", "home", "interior", "state"];

/// Small words skipped when reading initials and left lower case in names.
const FUNCTION_WORDS: &[&str] = &[
    "a", "al", "and", "at", "bin", "da", "das", "de", "degli", "dei", "del", "della", "dello", "den", "der", "des",
    "di", "do", "dos", "du", "e", "el", "et", "for", "ibn", "in", "la", "le", "les", "of", "on", "ter", "the", "to",
    "van", "von", "y",
];

/// Name suffixes that are not the surname.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Form {
    /// The mention as a name: no title, possessive or article, singular demonym.
    pub(super) display: String,
    /// Normalised `display` (see [`normalise`]).
    pub(super) key: String,
    /// How many words of `key` are name parts: suffixes (`Jr.`) dropped.
    pub(super) parts: usize,
    /// `key[..parts_end]` are the parts, one space apart (slices, not strings of
    /// their own: a form is made for every distinct name in every document).
    parts_end: usize,
    /// The alias table's canonical name for this key.
    pub(super) alias: Option<&'static str>,
    /// `alias` normalised: worked out once, since the linker asks for it often.
    alias_key: Option<String>,
    /// Two to six capital letters (`NATO`, `U.S.`).
    pub(super) acronym: bool,
}

impl Form {
    pub(super) fn new(surface: &str, label: EntityLabel) -> Form {
        let person = label == EntityLabel::PER;
        // An organisation's `’s` is part of its name (`Moody’s`, `Lloyd’s`): the
        // tagger leaves a possessive out of the span, a name's own it keeps.
        let mut s = trim_name(surface);
        if label != EntityLabel::ORG {
            s = strip_possessive(s);
        }
        // An article is not part of the name, except a capitalised masthead `The`.
        if let Some(rest) = s.strip_prefix("the ") {
            s = rest;
        }
        if person {
            s = strip_titles(s);
        }
        let mut display = s.trim().to_string();
        if label == EntityLabel::MISC && display.ends_with("ans") && !display.ends_with("aans") && display.len() > 4 {
            display.pop(); // `North Koreans` -> `North Korean` (not `Afrikaans`)
        }
        let mut key = normalise(&display);
        if !person {
            if let Some(rest) = key.strip_prefix("the ") {
                key = rest.to_string();
            }
        }
        // A short alias must be written in capitals: `US` is the country, `Us` is not.
        let shouted = key.len() > 3 || !display.chars().any(char::is_lowercase);
        let alias = if person || !shouted { None } else { aliases::canonical(&key) };
        // `normalise` leaves one space between words and none around them.
        let mut parts = key.split(' ').filter(|p| !p.is_empty()).count();
        let mut parts_end = key.len();
        while parts > 2 {
            match key[..parts_end].rsplit_once(' ') {
                Some((rest, last)) if SUFFIXES.contains(&last) => {
                    parts -= 1;
                    parts_end = rest.len();
                }
                _ => break,
            }
        }
        let letters = display.chars().filter(|c| *c != '.');
        let acronym = (2..=6).contains(&letters.clone().count()) && letters.clone().all(|c| c.is_ascii_uppercase());
        let alias_key = alias.map(normalise);
        Form { display, key, parts, parts_end, alias, alias_key, acronym }
    }

    /// The key mentions are grouped by: the alias's key when there is one.
    pub(super) fn node_key(&self, person: bool) -> &str {
        match &self.alias_key {
            Some(key) if !person => key,
            _ => &self.key,
        }
    }

    pub(super) fn first(&self) -> &str {
        self.key[..self.parts_end].split(' ').next().unwrap_or("")
    }

    pub(super) fn last(&self) -> &str {
        self.key[..self.parts_end].rsplit(' ').next().unwrap_or("")
    }

    pub(super) fn middle(&self) -> &str {
        if self.parts > 2 {
            let (first, last) = (self.first().len(), self.last().len());
            self.key.get(first + 1..self.parts_end - last - 1).unwrap_or("")
        } else {
            ""
        }
    }

    /// Initials of every word, and of the words that are not function words.
    pub(super) fn initials(&self) -> [String; 2] {
        let words: Vec<&str> = self.display.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        let all = words.iter().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect();
        let content = words
            .iter()
            .filter(|w| !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect();
        [all, content]
    }
}

/// Trims spaces, quotes and stray punctuation around a name, and a bracket
/// only when its partner is not inside (`Mladost ( BJ )` keeps both).
fn trim_name(mut s: &str) -> &str {
    loop {
        let before = s.len();
        s = s.trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '“' | '”' | '‘' | '«' | '»' | ',' | ';' | ':' | '!' | '?' | '*' | '_' | '-' | '–' | '—'
                )
        });
        for (open, close) in [('(', ')'), ('[', ']')] {
            if s.starts_with(open) && !s.contains(close) {
                s = &s[open.len_utf8()..];
            }
            if s.ends_with(close) && !s.contains(open) {
                s = &s[..s.len() - close.len_utf8()];
            }
            if s.starts_with(open) && s.ends_with(close) && s.matches(open).count() == 1 {
                s = &s[open.len_utf8()..s.len() - close.len_utf8()];
            }
        }
        // A leading apostrophe is a stray quote; a trailing one is left to strip_possessive.
        s = s.trim_start_matches(['\'', '’']);
        if s.len() == before {
            return s;
        }
    }
}

pub(super) fn strip_possessive(s: &str) -> &str {
    for suffix in ["’s", "'s", "’S", "'S"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            return rest;
        }
    }
    // `Guterres’`: a bare apostrophe after s.
    for suffix in ["’", "'"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            if rest.ends_with(['s', 'S']) {
                return rest;
            }
        }
    }
    s
}

/// Drops leading titles (`President`, `Mr.`, `Defense Secretary`) while a name word remains.
/// A mention made of titles only (`Vice President`) is left whole.
fn strip_titles(whole: &str) -> &str {
    let is_title = |word: &str| {
        let w = word.trim_end_matches('.');
        let listed = |w: &str| TITLES.contains(&w) || OFFICES.contains(&w);
        if w.is_ascii() {
            // The lists are lower-case ASCII: no need for a lower-cased copy.
            let known = |t: &&str| t.eq_ignore_ascii_case(w);
            TITLES.iter().any(known) || OFFICES.iter().any(known)
        } else {
            listed(&w.to_lowercase())
        }
    };
    let mut s = whole;
    loop {
        let Some((word, rest)) = s.split_once(' ') else {
            return if is_title(s) { whole } else { s };
        };
        if !is_title(word) {
            return s;
        }
        s = rest.trim_start();
    }
}

/// Lower case, Latin diacritics folded, stops and apostrophes dropped, every
/// other non-alphanumeric run a single space.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == '.' || c == '\'' || c == '’' || c == '‘' {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            // Most names are ASCII: their lower case needs no table.
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            for l in c.to_lowercase() {
                out.push(fold(l));
            }
        } else {
            space = true;
        }
    }
    out
}

fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        c => c,
    }
}

/// Capitalises lower-case words of a name written partly in capitals
/// (`Russian far east` -> `Russian Far East`), leaving function words.
pub(super) fn proper_case(name: &str) -> String {
    if !name.chars().any(char::is_uppercase) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    for (i, word) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.chars().all(|c| !c.is_alphabetic() || c.is_lowercase());
        if lower && !FUNCTION_WORDS.contains(&word) {
            let mut cs = word.chars();
            if let Some(c) = cs.next() {
                out.extend(c.to_uppercase());
                out.push_str(cs.as_str());
            }
        } else {
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_stops_hyphens_and_diacritics() {
        assert_eq!(normalise("Kim Jong-un"), "kim jong un");
        assert_eq!(normalise("U.S."), "us");
        assert_eq!(normalise("Washington, D.C."), "washington dc");
        assert_eq!(normalise("Zelenskyy’s"), "zelenskyys");
        assert_eq!(normalise("Łukasz Müller"), "lukasz muller");
    }

    #[test]
    fn forms_drop_titles_possessives_and_plurals() {
        assert_eq!(Form::new("President Volodymyr Zelenskyy", EntityLabel::PER).display, "Volodymyr Zelenskyy");
        assert_eq!(Form::new("Guterres’", EntityLabel::PER).display, "Guterres");
        assert_eq!(Form::new("Vice President", EntityLabel::PER).display, "Vice President");
        assert_eq!(Form::new("Defense Secretary Lloyd Austin", EntityLabel::PER).display, "Lloyd Austin");
        assert_eq!(Form::new("Us", EntityLabel::LOC).alias, None);
        assert_eq!(Form::new("U.S.", EntityLabel::LOC).alias, Some("United States"));
        assert_eq!(Form::new("Ukraine's", EntityLabel::LOC).display, "Ukraine");
        assert_eq!(Form::new("North Koreans", EntityLabel::MISC).display, "North Korean");
        assert_eq!(Form::new("Afrikaans", EntityLabel::MISC).display, "Afrikaans");
        assert_eq!(Form::new("Mladost ( BJ )", EntityLabel::ORG).display, "Mladost ( BJ )");
        assert_eq!(Form::new("( Tom ) Seaver", EntityLabel::PER).display, "( Tom ) Seaver");
        assert_eq!(Form::new("(Seaver)", EntityLabel::PER).display, "Seaver");
        assert_eq!(Form::new("“NATO,”", EntityLabel::ORG).display, "NATO");
        assert_eq!(Form::new("Lord 's", EntityLabel::LOC).display, "Lord");
        assert_eq!(Form::new("The Washington Post", EntityLabel::ORG).key, "washington post");
        assert_eq!(Form::new("Martin Luther King Jr.", EntityLabel::PER).last(), "king");
        assert!(Form::new("U.S.", EntityLabel::LOC).acronym);
    }

    #[test]
    fn proper_case_leaves_function_words() {
        assert_eq!(proper_case("Russian far east"), "Russian Far East");
        assert_eq!(proper_case("de Silva"), "de Silva");
        assert_eq!(proper_case("Gazzetta dello Sport"), "Gazzetta dello Sport");
        assert_eq!(proper_case("Council of the European Union"), "Council of the European Union");
    }
}
