//! Aliases: a small table of names news text writes several ways for one thing.
//!
//! General knowledge only (short and official names of countries, common
//! abbreviations of international bodies and wire services, the party letters
//! of `(R-Ohio)`), never the answers of a particular article. The left side is
//! a normalised key (see [`super::clusters`]: lower case, stops and
//! apostrophes dropped, hyphens as spaces); the right side is the canonical
//! name every mention of that key gets. The table applies to non-person
//! entities only, so a person called `Washington` is never a city.

/// `(key, canonical name)`, sorted by key for binary search.
static ALIASES: &[(&str, &str)] = &[
    ("afp", "Agence France-Presse"),
    ("agence france presse", "Agence France-Presse"),
    ("america", "United States"),
    ("ap", "Associated Press"),
    ("associated press", "Associated Press"),
    ("britain", "United Kingdom"),
    ("d", "Democrat"),
    ("democratic peoples republic of korea", "North Korea"),
    ("dprk", "North Korea"),
    ("eu", "European Union"),
    ("european union", "European Union"),
    ("great britain", "United Kingdom"),
    ("islamic republic of iran", "Iran"),
    ("kiev", "Kyiv"),
    ("kyiv", "Kyiv"),
    ("north korea", "North Korea"),
    ("peoples republic of china", "China"),
    ("prc", "China"),
    ("r", "Republican"),
    ("republic of korea", "South Korea"),
    ("rok", "South Korea"),
    ("russia", "Russia"),
    ("russian federation", "Russia"),
    ("south korea", "South Korea"),
    ("u k", "United Kingdom"),
    ("u n", "United Nations"),
    ("u s", "United States"),
    ("u s a", "United States"),
    ("uae", "United Arab Emirates"),
    ("uk", "United Kingdom"),
    ("un", "United Nations"),
    ("united arab emirates", "United Arab Emirates"),
    ("united kingdom", "United Kingdom"),
    ("united kingdom of great britain and northern ireland", "United Kingdom"),
    ("united nations", "United Nations"),
    ("united states", "United States"),
    ("united states of america", "United States"),
    ("us", "United States"),
    ("usa", "United States"),
    // The capital, as news writes it; the state is `Washington state`.
    ("washington", "Washington, D.C."),
    ("washington dc", "Washington, D.C."),
];

/// The canonical name for a normalised key, when the table has one.
pub fn canonical(key: &str) -> Option<&'static str> {
    ALIASES.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| ALIASES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_so_lookups_find_every_row() {
        assert!(ALIASES.windows(2).all(|w| w[0].0 < w[1].0), "ALIASES must be sorted by key");
        for (k, v) in ALIASES {
            assert_eq!(canonical(k), Some(*v));
        }
        assert_eq!(canonical("ukraine"), None);
    }
}
