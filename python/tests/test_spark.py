"""The Spark example (mapInPandas) on a local Spark writes the CLI's documents as Parquet.
Runs only where PySpark and Java are installed: `cargo xtask test` does not install
PySpark (a 456 MB download); see the README."""

import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
pyspark = pytest.importorskip("pyspark", reason="skipped: PySpark is not installed (pip install pyspark)")
if shutil.which("java") is None:
    pytest.skip("skipped: no Java runtime for Spark", allow_module_level=True)

# PySpark 4.3 warns that pandas 3 is not fully supported; this job's use of it works.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "examples"))
import spark_corpus  # noqa: E402
from conftest import check_job_output, make_corpus  # noqa: E402


def test_spark_map_in_pandas_gives_the_clis_documents(cli, articles, tmp_path, monkeypatch):
    from pyspark import cloudpickle
    from pyspark.sql import SparkSession

    # Spark's Python workers are other processes: send them this module's functions by value.
    cloudpickle.register_pickle_by_value(spark_corpus)
    # The workers run this interpreter, the one the wheel is installed in.
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    records = make_corpus(corpus, articles)
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        spark_corpus.annotate_corpus(spark, corpus, out)
    finally:
        spark.stop()
    check_job_output(out, ["doc_id"], records, cli)
