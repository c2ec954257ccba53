"""The Dask example on a LocalCluster of worker processes writes, as Parquet, exactly the
documents `newslens annotate --jsonl` gives for the same records."""

import os
import sys
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
distributed = pytest.importorskip("dask.distributed")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
import dask_corpus  # noqa: E402
from conftest import check_job_output, make_corpus  # noqa: E402


def test_a_local_cluster_of_processes_gives_the_clis_documents(cli, articles, tmp_path):
    import cloudpickle

    # The workers are other processes: send them this module's functions by value.
    cloudpickle.register_pickle_by_value(dask_corpus)
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    records = make_corpus(corpus, articles)

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        with distributed.Client(cluster) as client:
            pids = set(client.run(os.getpid).values())
            assert len(pids) == 2 and os.getpid() not in pids, "two worker processes, not threads"
            documents, annotations = dask_corpus.annotate_corpus(corpus, out)
    finally:
        cluster.close()

    rebuilt, _ = check_job_output(out, ["partition", "row"], records, cli)
    assert documents == len(rebuilt)
    assert annotations == sum(len(d["annotations"]) for d in rebuilt)
