"""Documents per second for one corpus: the package on one thread and on every core, and
the Dask job (dask_corpus.py) on a LocalCluster of one worker process per core.

    python bench_corpus.py CORPUS.jsonl [--workers N]

CORPUS.jsonl holds one ``{"text": ..., "dateline": ..., "source": ...}`` a line.
"""

import argparse
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import newslens


def rate(n, seconds, size):
    return f"{seconds:6.2f} s = {n / seconds:7.0f} documents/s, {size / seconds / 1_048_576:5.2f} MB/s"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="a JSON Lines file")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    records = [json.loads(line) for line in open(args.corpus, encoding="utf-8") if line.strip()]
    texts = [r["text"] for r in records]
    datelines = [r.get("dateline") for r in records]
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"{len(texts)} documents, {size / 1_048_576:.1f} MB")

    newslens.annotate_many(texts[:20])  # warm up
    for threads in (1, None):
        started = time.perf_counter()
        newslens.annotate_many(texts, threads=threads, datelines=datelines)
        label = "1 thread" if threads == 1 else f"{os.cpu_count()} threads"
        print(f"annotate_many, {label:<11} {rate(len(texts), time.perf_counter() - started, size)}")

    import cloudpickle
    from dask.distributed import Client, LocalCluster

    import dask_corpus

    cloudpickle.register_pickle_by_value(dask_corpus)
    work = Path(tempfile.mkdtemp(prefix="newslens-bench-"))
    try:
        (work / "corpus").mkdir()
        shutil.copy(args.corpus, work / "corpus" / "corpus.jsonl")
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        with Client(cluster):
            started = time.perf_counter()
            # Blocks of 256 kB: enough tasks to keep every worker busy on a small corpus.
            documents, _ = dask_corpus.annotate_corpus(work / "corpus", work / "out", blocksize=256 << 10)
            seconds = time.perf_counter() - started
        cluster.close()
        print(f"Dask LocalCluster, {args.workers} processes, to Parquet: {rate(documents, seconds, size)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
