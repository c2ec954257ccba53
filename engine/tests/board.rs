//! The board across documents: which `of` phrases count the same thing,
//! which quotations are one quotation, and that text which is all article
//! loses nothing to the boilerplate calls.

use newslens::board::{self, things::same_thing, RegionKind};
use newslens::page::{self, Format};
use newslens::{Document, Engine};

fn engine() -> Engine {
    Engine::new().expect("embedded models load")
}

fn open(engine: &Engine, texts: &[&str]) -> Vec<Document> {
    let mut docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| engine.annotate(&page::from_str(t, Format::Text), Some(&format!("doc{i}.txt"))))
        .collect();
    board::unify_clusters(&mut docs);
    docs
}

#[test]
fn of_phrases_join_when_they_name_the_same_thing() {
    let same = [
        ("North Korean soldiers", "North Korean troops"),
        ("North Korean troops", "troops from North Korea"),
        ("DPRK soldiers", "North Korean troops"),
        ("North Korea’s soldiers", "North Korean servicemen"),
        ("North Korean special forces troops", "North Korean soldiers"),
        ("Russian troops", "troops from Russia"),
        ("155mm shells", "shells"),
        ("artillery shells", "shells"),
        ("casualties", "the casualties"),
        ("Ukrainian drones", "drones from Ukraine"),
        ("U.S. troops", "American soldiers"),
    ];
    let different = [
        ("North Korean troops", "Russian troops"),
        ("North Korean troops", "troops’ deaths"),
        ("North Korean troops", "South Korean troops"),
        ("troops", "troops’ deaths"),
        ("soldiers", "wounded soldiers"),
        ("North Korean troops", "North Korean missiles"),
        ("civilians", "soldiers"),
        ("Russian drones", "Ukrainian drones"),
    ];
    for (a, b) in same {
        assert!(same_thing(a, b), "`{a}` and `{b}` count the same thing");
    }
    for (a, b) in different {
        assert!(!same_thing(a, b), "`{a}` and `{b}` count different things");
    }
}

#[test]
fn a_bare_head_joins_the_group_its_sentence_is_about() {
    let engine = engine();
    let docs = open(
        &engine,
        &[
            "Officials said 8,000 North Korean soldiers are in Kursk. Some 3,000 Russian troops were moved too.",
            "North Korea has sent up to 12,000 troops to Russia, officials say.",
            "On Saturday, Ukraine's military intelligence said that more than 7,000 North Koreans had been transported.",
            "Russia moved 5,000 troops to the border. The deaths of 40 troops' relatives were reported.",
        ],
    );
    let boards = board::build(&docs);
    let group = |doc: usize, text: &str| {
        boards
            .figures
            .iter()
            .find(|g| g.members.iter().any(|m| m.doc == doc && m.text.contains(text)))
            .unwrap_or_else(|| panic!("no group holds `{text}`: {:#?}", boards.figures))
    };
    let korean = group(0, "8,000");
    assert!(korean.members.iter().any(|m| m.doc == 1 && m.text.contains("12,000")), "{korean:#?}");
    assert!(korean.members.iter().any(|m| m.doc == 2 && m.text.contains("7,000")), "{korean:#?}");
    assert!(!korean.members.iter().any(|m| m.text.contains("3,000") || m.text.contains("5,000")), "{korean:#?}");
    let russian = group(0, "3,000");
    assert!(russian.members.iter().any(|m| m.doc == 3 && m.text.contains("5,000")), "{russian:#?}");
    let member = korean.members.iter().find(|m| m.doc == 2).unwrap();
    assert_eq!(member.attribution.as_ref().map(|a| a.text.as_str()), Some("Ukraine's military intelligence"));
    assert_eq!(member.qualifier.as_deref(), Some("more than"));
}

#[test]
fn one_quotation_is_found_across_documents_however_it_is_cut() {
    let engine = engine();
    let docs = open(
        &engine,
        &[
            "Zelenskyy spoke late on Friday. “But instead … America is watching, Britain is watching, Germany is watching. Everyone is just waiting for the North Korean military to start attacking Ukrainians as well,” Zelenskyy said.",
            "The president was blunt. \"But instead... America is watching, Britain is watching, Germany is watching. Everyone is just waiting for the North Korean military to start attacking,\" Volodymyr Zelenskyy said.",
            "“America is watching, Britain is watching,” Volodymyr Zelenskyy said, “Germany is watching. Everyone is just waiting.”",
            "Kirby was asked again. “We don’t know what they’re going to do,” John Kirby said.",
            "“We don’t know if they’re going to deploy into combat or not,” John Kirby said.",
        ],
    );
    let boards = board::build(&docs);
    let matches = &boards.quotes.matches;
    let zelenskyy = matches
        .iter()
        .find(|m| m.members.iter().any(|x| x.doc == 0))
        .unwrap_or_else(|| panic!("the Zelenskyy quote is not matched: {matches:#?}"));
    let docs_in: Vec<usize> = zelenskyy.members.iter().map(|m| m.doc).collect();
    assert_eq!(docs_in, [0, 1, 2], "{zelenskyy:#?}");
    assert!(zelenskyy.speakers_agree, "{:?}", zelenskyy.members.iter().map(|m| &m.speaker).collect::<Vec<_>>());
    // The two partial quotes of doc 2 are one member.
    assert_eq!(zelenskyy.members[2].quotes.len(), 2);
    // Doc 1 stops before `Ukrainians as well`: left out, not a difference in words.
    let reference = &zelenskyy.members[zelenskyy.reference];
    assert_eq!(reference.doc, 0);
    assert!(zelenskyy.members[1].same_words, "{:#?}", zelenskyy.members[1].diff);
    // Kirby's two different quotations share many small words but are not one.
    assert!(!matches.iter().any(|m| m.members.iter().any(|x| x.doc == 3)), "{matches:#?}");
}

#[test]
fn word_differences_are_marked() {
    let engine = engine();
    let docs = open(
        &engine,
        &[
            "“We see an increase in North Korean forces, but we do not see an increase in response from our partners,” Zelenskyy said.",
            "“We see an increase in North Korean troops, but we do not see any increase in response from our partners,” Zelenskyy said.",
        ],
    );
    let boards = board::build(&docs);
    let m = boards.quotes.matches.first().expect("one match");
    let other = &m.members[1 - m.reference];
    let json = serde_json::to_value(&other.diff).unwrap();
    let changed: Vec<(String, String)> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|op| op["op"] == "changed")
        .map(|op| (op["was"].as_str().unwrap().to_string(), op["text"].as_str().unwrap().to_string()))
        .collect();
    let want_either = |a: &str, b: &str| changed.iter().any(|(w, t)| (w == a && t == b) || (w == b && t == a));
    assert!(want_either("forces", "troops"), "{changed:?}");
    assert!(want_either("an", "any"), "{changed:?}");
    assert!(!other.same_words);
}

/// Articles with headings, short lines, quotes and lists, all article.
const PLAIN_ARTICLES: &[&str] = &[
    "Calls for U.S. Response\nTurner, in a strongly worded statement, said the presence of North Korean troops in Ukraine should be a “red line” for the United States.\nNorth Korean Soldiers: Legitimate Military Targets\nKirby made it clear that if North Korean soldiers are deployed, they would be treated as legitimate targets.",
    "Share prices fell sharply in Seoul on Monday.\n\nNews of the deployment spread quickly across the region, and markets reacted.\n\nRead the statement below.\n\n“We will respond,” the minister said.",
    "The plan has three parts:\n- more air defence for the cities\n- money for the army\n- sanctions on the suppliers\n\nThe minister said the plan would be ready by March.",
    "Follow the money, investigators said.\n\nThe treaty took effect in June, 2024.\n\nThe law took effect in 2018.\n\nMore\n\nSigns of strain appeared early. Officials would not comment.",
    "Yes.\n\nYes.\n\nThat was all the minister would say when asked, twice, whether troops had crossed the border on Monday night.",
];

#[test]
fn text_that_is_all_article_loses_nothing() {
    let engine = engine();
    for text in PLAIN_ARTICLES {
        let docs = open(&engine, &[text]);
        let regions = board::regions::find(&docs[0]);
        assert!(regions.is_empty(), "{text}\n{regions:?}");
    }
}

#[test]
fn furniture_captions_repeats_and_a_second_article_are_marked_never_removed() {
    let engine = engine();
    let first = "KYIV, Ukraine (AP) — Ukraine's President Volodymyr Zelenskyy urged allies to act before North Korean troops reach the front. Zelenskyy said Kyiv knows where the troops of North Korea are trained in Russia.\n\nThe Biden administration said some 8,000 North Korean soldiers are in Russia's Kursk region near Ukraine. Ukraine's intelligence said more than 7,000 North Koreans were moved near Ukraine.\n\nPresident Vladimir Putin warned that Russia would be at war with NATO if the strikes are approved. Moscow and Pyongyang signed a treaty in June.";
    let second = "NEW DELHI (AP) — India protested on Saturday the Canadian government's allegation that home minister Amit Shah ordered the targeting of Sikh activists in Canada.\n\nRelations between India and Canada soured after Prime Minister Justin Trudeau spoke of links to the killing of Hardeep Singh Nijjar in British Columbia.\n\nRandhir Jaiswal, spokesman of India's foreign ministry, said New Delhi summoned a Canadian diplomat. Canada's David Morrison told Parliament that Shah was named.";
    let text = format!(
        "Skip to Content Facebook Feature Image\n\nZelenskyy urges allies to act\n\nNews\n\nZelenskyy urges allies to act before North Korean troops reach the front\n\n{first}\n\nIn this photo provided by the press service, soldiers install mines near Chasiv Yar, Ukraine. (Oleg Petrasiuk via AP)\n\nIn this photo provided by the press service, soldiers install mines near Chasiv Yar, Ukraine. (Oleg Petrasiuk via AP)\n\n{second}\n\nRecommended Articles"
    );
    let docs = open(&engine, &[&text]);
    assert_eq!(docs[0].title.as_deref(), Some("Zelenskyy urges allies to act"));
    let regions = board::regions::find(&docs[0]);
    let chars: Vec<char> = docs[0].text.chars().collect();
    let text_of = |r: &board::Region| chars[r.start..r.end].iter().collect::<String>();
    let kinds = |k: RegionKind| regions.iter().filter(|r| r.kind == k).map(text_of).collect::<Vec<_>>();
    assert_eq!(
        kinds(RegionKind::Boilerplate),
        ["Skip to Content Facebook Feature Image", "News", "Recommended Articles"]
    );
    assert_eq!(kinds(RegionKind::Caption).len(), 1, "{regions:?}");
    assert!(kinds(RegionKind::Caption)[0].ends_with("(Oleg Petrasiuk via AP)"));
    let second_article = kinds(RegionKind::SecondArticle);
    assert_eq!(second_article, [second.to_string()]);
    // Left out of the boards: no figure or entity of the second article or the captions.
    let boards = board::build(&docs);
    assert!(!boards.entities.iter().any(|e| e.cluster.contains("Trudeau") || e.cluster.contains("Chasiv")));
    assert_eq!(docs[0].text, text, "the text is never changed");
}
