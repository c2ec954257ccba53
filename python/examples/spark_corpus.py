"""The Dask job of dask_corpus.py on Spark: annotate JSON Lines and Parquet files with
``mapInPandas``, into Parquet (one row per document, one per annotation).

    spark-submit spark_corpus.py CORPUS_DIR OUT_DIR

Every executor needs the ``newslens`` wheel installed (``pip install newslens-*.whl`` on
each machine, or ship it in a packed environment with ``--archives``); nothing else.
The output has the same columns as dask_corpus.py's; sorting by ``doc_id`` gives the
input order (JSON Lines files by name, then Parquet files by name).
"""

import json
import sys
from pathlib import Path

import pandas as pd

DOCUMENT_SCHEMA = (
    "doc_id long, source string, dateline string, title string, byline string, text string, "
    "text_len long, annotations long, annotations_json string"
)
ANNOTATION_SCHEMA = (
    "doc_id long, position long, layer string, label string, start long, end long, text string, "
    "cluster string, speaker_cluster string, annotation string"
)


def _or_none(value):
    return None if value is None or pd.isna(value) else str(value)


def annotate_batches(batches):
    """mapInPandas: input records -> one row per document (annotations as JSON)."""
    import newslens  # on the executor: loads the engine once per Python worker

    for batch in batches:
        docs = newslens.annotate_many(
            [_or_none(t) or "" for t in batch["text"]],
            threads=1,  # Spark runs one task per core already
            datelines=[_or_none(d) for d in batch["dateline"]],
            sources=[_or_none(s) for s in batch["source"]],
        )
        yield pd.DataFrame(
            {
                "doc_id": batch["doc_id"].astype("int64"),
                "source": [d["source"] for d in docs],
                "dateline": [d["dateline"] for d in docs],
                "title": [d["title"] for d in docs],
                "byline": [d["byline"] for d in docs],
                "text": [d["text"] for d in docs],
                "text_len": [d["text_len"] for d in docs],
                "annotations": [len(d["annotations"]) for d in docs],
                "annotations_json": [
                    json.dumps(d["annotations"], ensure_ascii=False, separators=(",", ":")) for d in docs
                ],
            }
        )


def explode_batches(batches):
    """mapInPandas: documents -> one row per annotation."""
    for batch in batches:
        rows = []
        for doc_id, annotations in zip(batch["doc_id"], batch["annotations_json"]):
            for position, a in enumerate(json.loads(annotations)):
                rows.append(
                    (doc_id, position, a["layer"], a["label"], a["start"], a["end"], a["text"],
                     a.get("cluster"), a.get("speaker_cluster"),
                     json.dumps(a, ensure_ascii=False, separators=(",", ":")))
                )
        columns = ["doc_id", "position", "layer", "label", "start", "end", "text", "cluster", "speaker_cluster",
                   "annotation"]
        yield pd.DataFrame(rows, columns=columns)


def read_corpus(spark, corpus_dir):
    """Every record as `doc_id`, `text`, `dateline`, `source`. `doc_id` grows with the input
    order (a union keeps its parts' partitions in order, and a file's partitions follow
    its bytes) without gathering the records in one place to number them."""
    from pyspark.sql import functions as F

    corpus_dir = Path(corpus_dir)
    files = sorted(map(str, corpus_dir.glob("*.jsonl"))) + sorted(map(str, corpus_dir.glob("*.parquet")))
    if not files:
        raise SystemExit(f"no *.jsonl or *.parquet files in {corpus_dir}")
    records = None
    for path in files:
        frame = spark.read.json(path) if path.endswith(".jsonl") else spark.read.parquet(path)
        for column in ("dateline", "source"):
            if column not in frame.columns:
                frame = frame.withColumn(column, F.lit(None).cast("string"))
        frame = frame.select("text", "dateline", "source")
        records = frame if records is None else records.union(frame)
    return records.withColumn("doc_id", F.monotonically_increasing_id())


def annotate_corpus(spark, corpus_dir, out_dir):
    documents = read_corpus(spark, corpus_dir).mapInPandas(annotate_batches, schema=DOCUMENT_SCHEMA).cache()
    documents.drop("annotations_json").write.mode("overwrite").parquet(str(Path(out_dir) / "documents"))
    documents.mapInPandas(explode_batches, schema=ANNOTATION_SCHEMA).write.mode("overwrite").parquet(
        str(Path(out_dir) / "annotations")
    )
    documents.unpersist()


def main(argv=None):
    from pyspark.sql import SparkSession

    corpus, out = (argv or sys.argv[1:])[:2]
    spark = SparkSession.builder.appName("newslens").getOrCreate()
    try:
        annotate_corpus(spark, corpus, out)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
