//! Bars for the board on the shared data: the five samples side by side give
//! the story's figure, quotation and non-article calls; Readability's pages
//! lose no paragraph of their article to the boilerplate calls, and news
//! texts that are all article lose nothing.

use newslens::board::{self, RegionKind};
use newslens::page::{self, Format};
use newslens::Engine;
use newslens_evaluate::{board as audit, data_path};

fn engine() -> Engine {
    Engine::new().expect("embedded models load")
}

#[test]
fn the_five_samples_line_up_on_the_board() {
    let engine = engine();
    let Some(docs) = audit::open_samples(&engine) else { return };
    assert_eq!(docs.len(), 5, "five samples");
    let boards = board::build(&docs);

    // The North Korean troop figures of at least four outlets are one group.
    let troops = boards
        .figures
        .iter()
        .find(|g| g.members.iter().any(|m| m.of.contains("North Korean soldiers")))
        .expect("a group for North Korean soldiers");
    assert!(troops.documents() >= 4, "{} documents: {troops:#?}", troops.documents());
    for text in ["8,000", "3,000", "10,000", "11,000", "12,000"] {
        assert!(troops.members.iter().any(|m| m.text.contains(text)), "{text} missing: {troops:#?}");
    }
    assert!(!troops.members.iter().any(|m| m.of.contains("Russian")), "{troops:#?}");
    let biden = troops.members.iter().find(|m| m.text == "some 8,000").expect("some 8,000");
    assert_eq!(biden.attribution.as_ref().map(|a| a.text.as_str()), Some("The Biden administration"));
    assert_eq!(biden.qualifier.as_deref(), Some("some"));

    // The shared Zelenskyy quote is one matched group, 000 and 001, its words the same.
    let zelenskyy = boards
        .quotes
        .matches
        .iter()
        .find(|m| m.members.iter().any(|x| x.quotes.iter().any(|q| q.text.contains("America is watching"))))
        .expect("the Zelenskyy quote is matched");
    let docs_in: Vec<usize> = zelenskyy.members.iter().map(|m| m.doc).collect();
    assert_eq!(docs_in, [0, 1]);
    assert!(zelenskyy.speakers_agree);
    assert!(zelenskyy.members.iter().all(|m| m.same_words));
    // Putin's words in 003 and 004.
    assert!(boards.quotes.matches.iter().any(|m| m
        .members
        .iter()
        .all(|x| x.speaker.as_deref() == Some("Vladimir Putin") && (x.doc == 3 || x.doc == 4))));

    // Sample 000: its title, furniture, captions, repeated headline and second article marked.
    let first = &boards.documents[0];
    assert_eq!(
        docs[0].title.as_deref(),
        Some("Ukraine's Zelenskyy urges allies to act before North Korean troops reach the front")
    );
    let text: Vec<char> = docs[0].text.chars().collect();
    let marked = |kind: RegionKind| -> Vec<String> {
        first.regions.iter().filter(|r| r.kind == kind).map(|r| text[r.start..r.end].iter().collect()).collect()
    };
    let furniture = marked(RegionKind::Boilerplate);
    for line in ["Skip to Content Facebook Feature Image", "Recommended Articles", "Follow AP’s coverage"] {
        assert!(furniture.iter().any(|f| f.starts_with(line)), "{line} not marked: {furniture:?}");
    }
    assert_eq!(marked(RegionKind::Duplicate).len(), 2, "the headline printed twice more");
    assert!(marked(RegionKind::Caption).iter().any(|c| c.contains("Chasiv Yar")));
    let second = marked(RegionKind::SecondArticle);
    assert_eq!(second.len(), 1, "{second:?}");
    assert!(second[0].starts_with("NEW DELHI (AP) — India officially protested"));
    assert!(second[0].ends_with("takes the allegations seriously."), "{second:?}");
    // Left out of the boards: the second article names no one on them.
    assert!(!boards.entities.iter().any(|e| e.cluster.contains("Amit Shah") || e.cluster.contains("Trudeau")));
}

#[test]
fn readability_pages_lose_no_paragraph_of_their_article() {
    let Some(dir) = data_path("data/readability", "boilerplate precision on Readability pages") else { return };
    let audits = audit::audit_all(&engine(), &dir);
    assert!(audits.len() >= 10, "only {} pages", audits.len());
    let marked: usize = audits.iter().map(|a| a.marked.len()).sum();
    println!("readability: {} pages, {marked} lines marked as not the article", audits.len());
    for a in &audits {
        assert!(a.article_marked.is_empty(), "{}: article paragraphs marked: {:?}", a.name, a.article_marked);
    }
}

#[test]
fn news_that_is_all_article_loses_nothing() {
    let Some(dir) = data_path("data/polnear/dev/text", "boilerplate calls on plain news texts") else { return };
    let engine = engine();
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("texts").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    assert!(paths.len() >= 50, "only {} texts", paths.len());
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("a text");
        let doc = engine.annotate(&page::from_str(&text, Format::Text), None);
        let regions = board::regions::find(&doc);
        assert!(regions.is_empty(), "{}: {regions:?}", path.display());
    }
}
