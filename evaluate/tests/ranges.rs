//! Bars for ranges as one figure in real news phrases (see
//! `newslens_evaluate::ranges`): every development case passes.

use newslens_evaluate::data_path;
use newslens_evaluate::ranges::cases;
use newslens_evaluate::split::Part;

#[test]
fn range_dev_cases_read_as_the_guide_has_them() {
    let Some(data) = data_path("data/conll2003/train.txt", "range cases")
        .and_then(|p| p.parent()?.parent().map(|d| d.to_path_buf()))
    else {
        return;
    };
    let all = cases(&data);
    assert!(all.len() >= 60, "read only {} range cases", all.len());
    let dev: Vec<_> = all.iter().filter(|c| c.part == Part::Dev).collect();
    let failing: Vec<String> = dev
        .iter()
        .filter(|c| !c.pass)
        .map(|c| format!("{}:{} {:?} want {} got {:?}", c.source, c.line, c.phrase, c.want, c.got))
        .collect();
    println!("ranges, dev: {} / {} pass", dev.len() - failing.len(), dev.len());
    assert!(failing.is_empty(), "{} development range cases fail:\n{}", failing.len(), failing.join("\n"));
}

/// The held-out part was run once, at the end (22 of 24): this bar keeps it
/// from falling; its cases are never printed.
#[test]
fn range_held_out_figure_does_not_fall() {
    let Some(data) = data_path("data/conll2003/train.txt", "range cases")
        .and_then(|p| p.parent()?.parent().map(|d| d.to_path_buf()))
    else {
        return;
    };
    let held: Vec<_> = cases(&data).into_iter().filter(|c| c.part == Part::HeldOut).collect();
    let passed = held.iter().filter(|c| c.pass).count();
    println!("ranges, held-out: {passed} / {}", held.len());
    assert!(passed >= 22, "held-out range cases passing fell to {passed} of {}", held.len());
}
