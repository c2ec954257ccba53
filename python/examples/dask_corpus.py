"""Annotate a corpus of JSON Lines and Parquet files on a Dask cluster, into Parquet.

Input: a folder of ``*.jsonl`` files (one object a line) and ``*.parquet`` files, each
record with ``text`` and, when known, ``dateline`` (``YYYY-MM-DD``) and ``source``.
Output, in the output folder:

- ``documents/``: one row per document: ``doc_id``, ``partition``, ``row`` (together the
  input order: JSON Lines files by name, then Parquet files by name, records in order),
  ``source``, ``dateline``, ``title``, ``byline``, ``text``, ``text_len``, ``annotations``
  (how many).
- ``annotations/``: one row per annotation: ``doc_id``, ``position`` (its index in the
  document), ``layer``, ``label``, ``start``, ``end``, ``text``, ``cluster`` (entities),
  ``speaker_cluster`` (quotes), and ``annotation``: the annotation's JSON exactly as
  ``newslens annotate`` writes it (value, cue, speaker, ...).

Run it on this machine (a LocalCluster of one worker process per core)::

    python dask_corpus.py CORPUS_DIR OUT_DIR

or on a running cluster, whose workers have the ``newslens`` wheel installed::

    python dask_corpus.py CORPUS_DIR OUT_DIR --scheduler tcp://scheduler:8786

Every worker process loads the engine once, at ``import newslens``.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

import dask
import dask.dataframe as dd
import pandas as pd

import newslens

# Input records are read in blocks of this many bytes: the memory one task needs.
BLOCKSIZE = 16 << 20

INPUT_COLUMNS = {"text": "string", "dateline": "string", "source": "string"}
DOCUMENT_COLUMNS = {
    "doc_id": "string",
    "partition": "int64",
    "row": "int64",
    "source": "string",
    "dateline": "string",
    "title": "string",
    "byline": "string",
    "text": "string",
    "text_len": "int64",
    "annotations": "int64",
    "annotations_json": "string",
}
ANNOTATION_COLUMNS = {
    "doc_id": "string",
    "position": "int64",
    "layer": "string",
    "label": "string",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "cluster": "string",
    "speaker_cluster": "string",
    "annotation": "string",
}


def _meta(columns):
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})


def _or_none(value):
    """A missing cell (None, NaN, pandas.NA) as None, anything else as str."""
    return None if value is None or pd.isna(value) else str(value)


def _inputs(frame):
    """`text`, `dateline`, `source` as strings (missing: NA), whatever the file had."""
    out = pd.DataFrame(index=frame.index)
    for column in INPUT_COLUMNS:
        values = frame[column] if column in frame.columns else [None] * len(frame)
        out[column] = pd.Series([_or_none(v) for v in values], index=frame.index, dtype="string")
    return out


def annotate_partition(frame, partition_info=None):
    """One partition of input records -> one row per document (annotations as JSON)."""
    number = partition_info["number"] if partition_info else 0
    texts = [_or_none(t) or "" for t in frame["text"]]
    datelines = [_or_none(d) for d in frame["dateline"]]
    sources = [_or_none(s) for s in frame["source"]]
    # One thread per task: the cluster runs one task per core already.
    docs = newslens.annotate_many(texts, threads=1, datelines=datelines, sources=sources)
    rows = []
    for row, doc in enumerate(docs):
        rows.append(
            {
                "doc_id": f"{number}-{row}",
                "partition": number,
                "row": row,
                "source": doc["source"],
                "dateline": doc["dateline"],
                "title": doc["title"],
                "byline": doc["byline"],
                "text": doc["text"],
                "text_len": doc["text_len"],
                "annotations": len(doc["annotations"]),
                "annotations_json": json.dumps(doc["annotations"], ensure_ascii=False, separators=(",", ":")),
            }
        )
    return pd.DataFrame(rows, columns=list(DOCUMENT_COLUMNS)).astype(DOCUMENT_COLUMNS) if rows else _meta(DOCUMENT_COLUMNS)


def explode_annotations(documents):
    """One row per annotation of each document."""
    columns = {name: [] for name in ANNOTATION_COLUMNS}
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for doc_id, annotations in zip(documents["doc_id"], documents["annotations_json"]):
        for position, a in enumerate(json.loads(annotations)):
            columns["doc_id"].append(doc_id)
            columns["position"].append(position)
            for name in ("layer", "label", "start", "end", "text"):
                columns[name].append(a[name])
            columns["cluster"].append(a.get("cluster"))
            columns["speaker_cluster"].append(a.get("speaker_cluster"))
            columns["annotation"].append(dumps(a))
    return pd.DataFrame(columns).astype(ANNOTATION_COLUMNS)


def corpus_files(corpus_dir):
    """The corpus's JSON Lines and Parquet files, each kind sorted by name."""
    corpus_dir = Path(corpus_dir)
    return sorted(map(str, corpus_dir.glob("*.jsonl"))), sorted(map(str, corpus_dir.glob("*.parquet")))


def read_corpus(corpus_dir, blocksize=BLOCKSIZE):
    """Every input record as one Dask DataFrame of `text`, `dateline`, `source`."""
    jsonl, parquet = corpus_files(corpus_dir)
    parts = []
    if jsonl:
        parts.append(dd.read_json(jsonl, lines=True, blocksize=blocksize, dtype=False))
    # One read per Parquet file: files may differ in their columns (a `source` or not).
    parts.extend(dd.read_parquet(path) for path in parquet)
    if not parts:
        raise SystemExit(f"no *.jsonl or *.parquet files in {corpus_dir}")
    frames = [p.map_partitions(_inputs, meta=_meta(INPUT_COLUMNS)) for p in parts]
    return dd.concat(frames) if len(frames) > 1 else frames[0]


def annotate_corpus(corpus_dir, out_dir, blocksize=BLOCKSIZE):
    """Builds and runs the job on the current Dask client; returns (documents, annotations).
    JSON Lines are read in blocks of `blocksize` bytes, a task each."""
    out_dir = Path(out_dir)
    documents = read_corpus(corpus_dir, blocksize).map_partitions(annotate_partition, meta=_meta(DOCUMENT_COLUMNS))
    annotations = documents.map_partitions(explode_annotations, meta=_meta(ANNOTATION_COLUMNS))
    # Both writes share the annotation step: computed together, each document is annotated once.
    writes = [
        documents.drop(columns=["annotations_json"]).to_parquet(out_dir / "documents", write_index=False, compute=False),
        annotations.to_parquet(out_dir / "annotations", write_index=False, compute=False),
    ]
    dask.compute(*writes)
    docs = pd.read_parquet(out_dir / "documents", columns=["annotations"])
    return len(docs), int(docs["annotations"].sum())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="folder of *.jsonl and *.parquet files")
    parser.add_argument("out", help="output folder (documents/ and annotations/ are written there)")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster here)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="LocalCluster worker processes")
    parser.add_argument("--blocksize", type=int, default=BLOCKSIZE, help="bytes of JSON Lines per task")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    started = time.perf_counter()
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True)
        client = Client(cluster)
    try:
        documents, annotations = annotate_corpus(args.corpus, args.out, args.blocksize)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    seconds = time.perf_counter() - started
    print(f"{documents} documents, {annotations} annotations in {seconds:.1f} s -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
