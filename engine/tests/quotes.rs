//! Quote layer: named cases for every mark and speaker pattern, failure modes included.
//!
//! Each case lists every quote the engine must find, in order, as
//! `(quoted text, label, cue, speaker mention, speaker cluster)`.

use newslens::doc::{Annotation, Quote, QuoteLabel};
use newslens::{page, Engine};

const D: QuoteLabel = QuoteLabel::DIRECT;
const P: QuoteLabel = QuoteLabel::PARTIAL;

type Want<'a> = (&'a str, QuoteLabel, Option<&'a str>, Option<&'a str>, Option<&'a str>);

fn quotes(text: &str) -> Vec<Quote> {
    let engine = Engine::new().expect("engine loads");
    let doc = engine.annotate(&page::from_str(text, page::Format::Text), None);
    doc.annotations
        .into_iter()
        .filter_map(|a| match a {
            Annotation::Quote(q) => Some(q),
            _ => None,
        })
        .collect()
}

fn check(name: &str, text: &str, want: &[Want]) {
    let got = quotes(text);
    let got_texts: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
    let want_texts: Vec<&str> = want.iter().map(|w| w.0).collect();
    assert_eq!(got_texts, want_texts, "{name}: quote spans");
    for (q, w) in got.iter().zip(want) {
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[q.start..q.end].iter().collect::<String>(), q.text, "{name}: offsets");
        assert_eq!(q.label, w.1, "{name}: label of {}", w.0);
        assert_eq!(q.cue.as_deref(), w.2, "{name}: cue of {}", w.0);
        assert_eq!(q.speaker.as_ref().map(|s| s.text.as_str()), w.3, "{name}: speaker of {}", w.0);
        assert_eq!(q.speaker_cluster.as_deref(), w.4, "{name}: cluster of {}", w.0);
    }
}

macro_rules! t {
    ($name:ident, $text:expr, [$($want:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            check(stringify!($name), $text, &[$($want),*]);
        }
    };
}

// ---- Speaker patterns ----

t!(
    quote_then_name_said,
    "“We will hold the line,” Maria Lopez said.",
    [("“We will hold the line,”", D, Some("said"), Some("Maria Lopez"), Some("Maria Lopez"))]
);

t!(
    name_said_colon_quote,
    "Maria Lopez said: “We will hold the line.”",
    [("“We will hold the line.”", D, Some("said"), Some("Maria Lopez"), Some("Maria Lopez"))]
);

t!(
    said_name_the_role,
    "“We will hold,” said Maria Lopez, the regional governor.",
    [("“We will hold,”", D, Some("said"), Some("Maria Lopez"), Some("Maria Lopez"))]
);

t!(
    name_said_then_partial_later,
    "Maria Lopez said the city would never accept a “bad deal” from anyone.",
    [("“bad deal”", P, Some("said"), Some("Maria Lopez"), Some("Maria Lopez"))]
);

t!(
    title_stripped_from_speaker,
    "Regional Governor Maria Lopez warned that “the river will rise again.”",
    [("“the river will rise again.”", D, Some("warned"), Some("Maria Lopez"), Some("Maria Lopez"))]
);

t!(
    according_to_name,
    "“The offer is an insult,” according to Maria Lopez.",
    [("“The offer is an insult,”", D, Some("according to"), Some("Maria Lopez"), Some("Maria Lopez"))]
);

t!(
    name_told_reporters,
    "Maria Lopez told reporters: “We are not leaving.”",
    [("“We are not leaving.”", D, Some("told"), Some("Maria Lopez"), Some("Maria Lopez"))]
);

t!(
    quote_then_told_reporters,
    "Maria Lopez arrived late. “We are not leaving,” Lopez told reporters.",
    [("“We are not leaving,”", D, Some("told"), Some("Lopez"), Some("Maria Lopez"))]
);

t!(
    name_wrote_on_telegram,
    "Maria Lopez wrote on Telegram: “The bridge is open again.”",
    [("“The bridge is open again.”", D, Some("wrote"), Some("Maria Lopez"), Some("Maria Lopez"))]
);

t!(
    apposition_between_name_and_cue,
    "Maria Lopez, the regional governor, declared: “We will rebuild every house.”",
    [("“We will rebuild every house.”", D, Some("declared"), Some("Maria Lopez"), Some("Maria Lopez"))]
);

t!(
    parenthesis_after_name,
    "“We will vote no,” Rep. Dana Holt (D-Ore.) said on Friday.",
    [("“We will vote no,”", D, Some("said"), Some("Dana Holt"), Some("Dana Holt"))]
);

t!(
    pronoun_three_sentences_after_name,
    "Maria Lopez visited the harbour on Monday. Crews had worked through the night. \
    The harbour reopened at noon. “It is a good day for the city,” she said.",
    [("“It is a good day for the city,”", D, Some("said"), Some("she"), Some("Maria Lopez"))]
);

t!(
    pronoun_in_next_paragraph,
    "Defence Minister Jan Novak visited the front.\n\nHe warned that “the winter will be hard.”",
    [("“the winter will be hard.”", D, Some("warned"), Some("He"), Some("Jan Novak"))]
);

t!(
    surname_resolves_to_full_name,
    "Maria Lopez arrived on Monday. “We are ready,” Lopez said.",
    [("“We are ready,”", D, Some("said"), Some("Lopez"), Some("Maria Lopez"))]
);

t!(
    nominal_speaker_has_no_cluster,
    "“The talks are over,” a senior European official said.",
    [("“The talks are over,”", D, Some("said"), Some("senior European official"), None)]
);

t!(
    split_quote_same_speaker,
    "“We are ready,” Lopez said. “Nobody will be left behind.”",
    [
        ("“We are ready,”", D, Some("said"), Some("Lopez"), Some("Lopez")),
        ("“Nobody will be left behind.”", D, Some("said"), Some("Lopez"), Some("Lopez"))
    ]
);

t!(
    follow_on_paragraph_has_no_cue,
    "Lopez said: “We are ready.”\n\n“Nobody will be left behind.”",
    [
        ("“We are ready.”", D, Some("said"), Some("Lopez"), Some("Lopez")),
        ("“Nobody will be left behind.”", D, None, Some("Lopez"), Some("Lopez"))
    ]
);

t!(
    scare_quote_has_no_speaker,
    "The so-called “peace plan” was never published.",
    [("“peace plan”", P, None, None, None)]
);

t!(
    asked_question_has_no_speaker,
    "Asked if “the border will stay closed,” Lopez replied “Yes.”",
    [
        ("“the border will stay closed,”", D, Some("Asked"), None, None),
        ("“Yes.”", D, Some("replied"), Some("Lopez"), Some("Lopez"))
    ]
);

t!(
    outlet_article_reported,
    "A *Daily Planet* article reported that the city was spending “90 million a year.”",
    [("“90 million a year.”", P, Some("reported"), Some("Daily Planet"), Some("Daily Planet"))]
);

t!(
    possessive_noun_cue,
    "Lopez’s warning that the dam could “give way at any time” went unheeded.",
    [("“give way at any time”", P, Some("warning"), Some("Lopez"), Some("Lopez"))]
);

t!(
    dash_credits_name,
    "“I will vote for the first time this year.” ― Ana Ruiz\n",
    [("“I will vote for the first time this year.”", D, None, Some("Ana Ruiz"), Some("Ana Ruiz"))]
);

t!(
    inverted_said_name,
    "The mood was grim. Said Lopez: “Nobody expected this.”",
    [("“Nobody expected this.”", D, Some("Said"), Some("Lopez"), Some("Lopez"))]
);

t!(
    mr_title_keeps_the_sentence,
    "\"It will be first-order business,\" Mr. Holt said.",
    [("\"It will be first-order business,\"", D, Some("said"), Some("Holt"), Some("Holt"))]
);

// ---- Classes of speaker error met on unseen articles ----

t!(
    long_apposition_after_the_quote,
    "“The plan will pay for itself,” Laura Bennett, director of the Fiscal Policy Institute and a \
    professor of economics at the State University of Ohio, said of the proposal.",
    [("“The plan will pay for itself,”", D, Some("said"), Some("Laura Bennett"), Some("Laura Bennett"))]
);

t!(
    role_apposition_before_the_name,
    "“The nation is watching,” the mayor’s sister, state Sen. Ana Ruiz (D-Tucson), told the crowd.",
    [("“The nation is watching,”", D, Some("told"), Some("Ana Ruiz"), Some("Ana Ruiz"))]
);

t!(
    long_apposition_before_told,
    "“Nobody here was asked,” Dana Holt, the director of the River Trust and a member of the \
    county’s planning board since 2009, told the Daily Planet.",
    [("“Nobody here was asked,”", D, Some("told"), Some("Dana Holt"), Some("Dana Holt"))]
);

t!(
    organisation_speaks,
    "“Rates will stay where they are,” the Federal Reserve said in a statement.",
    [("“Rates will stay where they are,”", D, Some("said"), Some("Federal Reserve"), Some("Federal Reserve"))]
);

t!(
    outlet_wrote_then_it_added,
    "“The city has turned a corner,” the Daily Planet wrote. “Its debt is half what it was,” it added.",
    [
        ("“The city has turned a corner,”", D, Some("wrote"), Some("Daily Planet"), Some("Daily Planet")),
        ("“Its debt is half what it was,”", D, Some("added"), Some("it"), Some("Daily Planet"))
    ]
);

t!(
    quote_inside_an_analysis_piece,
    "Twenty years ago, a Daily Planet article hailed the mayor as a reformer.\n\n\
    “Few leaders have done more for the city,” the article read.",
    [("“Few leaders have done more for the city,”", D, Some("read"), Some("article"), None)]
);

t!(
    dateline_is_never_a_speaker,
    "BEIRUT (Reuters) — “The shelling has not stopped,” a resident said.\n\n\
    WASHINGTON — “We are watching closely.”",
    [
        ("“The shelling has not stopped,”", D, Some("said"), Some("resident"), None),
        ("“We are watching closely.”", D, None, None, None)
    ]
);

t!(
    paraphrase_cue_in_the_sentence_before,
    "His former partner, Tom Reyes, called him a genius at closing deals. “He never gave up on anything.”",
    [("“He never gave up on anything.”", D, None, Some("Tom Reyes"), Some("Tom Reyes"))]
);

t!(
    participle_cue_takes_the_sentence_subject,
    "Later in the day, Ruiz attacked the plan, saying, “It is reckless and very unstable.”",
    [("“It is reckless and very unstable.”", D, Some("saying"), Some("Ruiz"), Some("Ruiz"))]
);

t!(
    a_when_clause_after_the_quote_is_no_attribution,
    "The ad shows Ruiz saying during the debate last week, “I think that makes me smart,” when Holt criticised her.",
    [("“I think that makes me smart,”", D, Some("saying"), Some("Ruiz"), Some("Ruiz"))]
);

t!(
    nickname_in_marks_is_part_of_the_name,
    "“We have his back,” Scott’s niece, state Del. Marcia “Cia” Price (D-Newport News), shouted to the crowd.",
    [("“We have his back,”", D, Some("shouted"), Some("Marcia “Cia” Price"), Some("Marcia “Cia” Price"))]
);

t!(
    title_case_headline_quote_is_no_nickname,
    "Senator Says Trump Was ‘Mocking’ Clinton Camp\n",
    [("‘Mocking’", P, None, None, None)]
);

t!(
    outlet_put_it,
    "He has been called many things, or, as the Daily Planet put it, “the operator.”",
    [("“the operator.”", P, Some("put"), Some("Daily Planet"), Some("Daily Planet"))]
);

t!(
    weak_cue_then_comma_then_quote,
    "“Our case should get a hearing,” said widow Terry Strada.\n\nShe continued, “All we are asking for is a courtroom.”",
    [
        ("“Our case should get a hearing,”", D, Some("said"), Some("Terry Strada"), Some("Terry Strada")),
        ("“All we are asking for is a courtroom.”", D, Some("continued"), Some("She"), Some("Terry Strada"))
    ]
);

t!(
    headline_name_colon_quote,
    "A lesson from Ana Ruiz: ‘You have to be the voice people hear.’\n\nRuiz spoke to students on Monday.",
    [("‘You have to be the voice people hear.’", D, None, Some("Ana Ruiz"), Some("Ana Ruiz"))]
);

// ---- Marks ----

t!(
    straight_double_marks,
    "\"We will hold the line,\" Lopez said.",
    [("\"We will hold the line,\"", D, Some("said"), Some("Lopez"), Some("Lopez"))]
);

t!(
    single_marks_at_top_level,
    "‘We will hold the line,’ Lopez said.",
    [("‘We will hold the line,’", D, Some("said"), Some("Lopez"), Some("Lopez"))]
);

t!(
    guillemets,
    "«We will hold the line», Lopez said.",
    [("«We will hold the line»", D, Some("said"), Some("Lopez"), Some("Lopez"))]
);

t!(
    nested_single_quote_is_not_a_span,
    "“We must get ‘boots on the ground’ now,” Lopez said.",
    [("“We must get ‘boots on the ground’ now,”", D, Some("said"), Some("Lopez"), Some("Lopez"))]
);

t!(
    apostrophes_never_open_or_close,
    "Ukraine’s army didn’t retreat in the ’90s or the ‘80s, and the Jones’ farm stayed.",
    []
);

t!(
    apostrophes_inside_a_quote,
    "“Ukraine’s army won’t retreat from the ’90s lines,” Lopez said.",
    [("“Ukraine’s army won’t retreat from the ’90s lines,”", D, Some("said"), Some("Lopez"), Some("Lopez"))]
);

t!(multi_paragraph_quote_is_one_span,
   "Lopez said:\n\n“The first part of the speech.\n\n“The second part goes on.\n\n“The third part ends here.”\n\nThe crowd left.",
   [("“The first part of the speech.\n\n“The second part goes on.\n\n“The third part ends here.”", D, Some("said"), Some("Lopez"), Some("Lopez"))]);

t!(
    inch_mark_is_not_a_quote,
    "The storm left 5\" of rain. \"Fine,\" she said.",
    [("\"Fine,\"", P, Some("said"), Some("she"), None)]
);

// ---- Unbalanced marks: contained and flagged ----

#[test]
fn unclosed_quote_stops_at_its_paragraph() {
    let text = "“This quote never ends.\n\nThe next paragraph is narration.\n\nMore narration follows here.";
    let got = quotes(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].text, "“This quote never ends.");
    assert!(got[0].truncated);
}

#[test]
fn unclosed_quote_before_another_is_cut_there() {
    let text = "“The first one has no end. “The second one does,” Lopez said.";
    let got = quotes(text);
    let texts: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["“The first one has no end.", "“The second one does,”"]);
    assert!(got[0].truncated && !got[1].truncated);
    assert_eq!(got[1].speaker.as_ref().map(|s| s.text.as_str()), Some("Lopez"));
}

#[test]
fn a_stray_mark_never_swallows_a_long_document() {
    let mut text = String::from("He said “this never closes.\n\n");
    for i in 0..400 {
        text.push_str(&format!("Paragraph {i} is plain narration without marks.\n\n"));
    }
    let got = quotes(&text);
    assert_eq!(got.len(), 1);
    assert!(got[0].truncated);
    assert!(got[0].end - got[0].start < 40, "cut at its paragraph: {:?}", got[0].text);
}

#[test]
fn joint_speakers_credit_the_first_named() {
    let got = quotes("Maria Lopez and Foreign Minister Jan Novak expressed “serious concerns” about the plan.");
    assert_eq!(got.len(), 1);
    let q = &got[0];
    assert_eq!(q.speaker.as_ref().map(|s| s.text.as_str()), Some("Maria Lopez"));
    let co: Vec<&str> = q.co_speakers.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(co, ["Jan Novak"]);
    assert_eq!(q.cue.as_deref(), Some("expressed"));
}

#[test]
fn nominal_speaker_is_flagged() {
    let got = quotes("“The talks are over,” a senior European official said.");
    assert!(got[0].nominal);
    assert_eq!(got[0].speaker_cluster, None);
}

#[test]
fn spans_are_sorted_disjoint_and_on_char_boundaries() {
    let text = "“A ‘b’ c,” he said. \"D\" ‘e’ «f» “g\n\n“h” ’90s don’t 'i' “ ” \"\" ‘’ «";
    let got = quotes(text);
    let n = text.chars().count();
    for w in got.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    for q in &got {
        assert!(q.start < q.end && q.end <= n);
    }
}
