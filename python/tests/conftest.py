"""Shared fixtures: the CLI to compare with, the shared samples, the test articles."""

import json
import os
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def pytest_report_header(config):
    return f"newslens CLI: {os.environ.get('NEWSLENS_CLI', 'not set (NEWSLENS_CLI)')}"


@pytest.fixture(scope="session")
def cli():
    """Runs `newslens` (the path in NEWSLENS_CLI, which `cargo xtask test` sets) and
    returns its stdout lines."""
    path = os.environ.get("NEWSLENS_CLI")
    if not path or not Path(path).is_file():
        pytest.skip("skipped: NEWSLENS_CLI names no newslens binary (cargo xtask test sets it)")

    def run(*args, stdin=b""):
        done = subprocess.run([path, *args], input=stdin, capture_output=True, check=False)
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        return done.stdout.decode("utf-8").splitlines()

    return run


@pytest.fixture(scope="session")
def samples():
    """The shared sample articles (NEWSLENS_DATA, default `shared` beside the repository)."""
    data = Path(os.environ.get("NEWSLENS_DATA", REPO.parent / "shared"))
    files = sorted((data / "samples").glob("*.txt"))
    if not files:
        pytest.skip(f"skipped: no samples in {data / 'samples'} (set NEWSLENS_DATA)")
    return files


@pytest.fixture(scope="session")
def articles():
    """Made-up test articles: `text`, `dateline`, `source`."""
    with open(HERE / "fixtures" / "articles.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def as_cli_line(doc):
    """A document dict written the way the CLI writes it."""
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def make_corpus(folder, articles):
    """Two JSON Lines files and two Parquet files of varied records; returns the records
    in the order the job reads them (JSON Lines by name, then Parquet by name)."""
    import pandas as pd

    records = []
    for i in range(48):
        a = articles[i % len(articles)]
        # Vary each record so that no two documents are alike.
        text = a["text"].replace("Tuesday", ["Monday", "Tuesday", "Friday"][i % 3]) + f"\n\nFiled as item {i + 1}."
        records.append({"text": text, "dateline": a["dateline"] if i % 4 else None, "source": f"item-{i:03}"})
    chunks = [records[0:15], records[15:24], records[24:40], records[40:48]]
    for name, chunk in zip(["a.jsonl", "b.jsonl"], chunks[:2]):
        with open(folder / name, "w", encoding="utf-8") as f:
            for r in chunk:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    pd.DataFrame(chunks[2]).to_parquet(folder / "c.parquet")
    # A Parquet file with no source column: the documents have none.
    pd.DataFrame(chunks[3]).drop(columns=["source"]).to_parquet(folder / "d.parquet")
    for r in chunks[3]:
        r["source"] = None
    return records


def none_if_missing(value):
    import pandas as pd

    return None if pd.isna(value) else value


def documents_from_parquet(out, order):
    """The documents a job wrote, rebuilt as the CLI writes them (without `site_name`/`lang`),
    in input order (`order`: the columns that give it), and the annotation rows."""
    import pandas as pd

    docs = pd.read_parquet(out / "documents").sort_values(order)
    annotations = pd.read_parquet(out / "annotations").sort_values(["doc_id", "position"])
    by_doc = {doc_id: [json.loads(a) for a in group["annotation"]] for doc_id, group in annotations.groupby("doc_id")}
    rebuilt = []
    for d in docs.itertuples(index=False):
        assert d.annotations == len(by_doc.get(d.doc_id, []))
        rebuilt.append(
            {
                "text": d.text,
                "text_len": int(d.text_len),
                "title": none_if_missing(d.title),
                "byline": none_if_missing(d.byline),
                "source": none_if_missing(d.source),
                "dateline": none_if_missing(d.dateline),
                "annotations": by_doc.get(d.doc_id, []),
            }
        )
    return rebuilt, annotations


def check_job_output(out, order, records, cli):
    """A corpus job's Parquet output holds exactly the CLI's documents for `records`."""
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    expected = [json.loads(line) for line in cli("annotate", "--jsonl", stdin=stdin)]
    rebuilt, rows = documents_from_parquet(out, order)
    assert len(rebuilt) == len(records) == len(expected)
    assert len(rows) == sum(len(d["annotations"]) for d in expected)
    for got, want in zip(rebuilt, expected):
        want.pop("site_name", None), want.pop("lang", None)
        assert got == want, f"document {want['source']} differs from the CLI's"
    # The convenience columns say what the JSON says.
    for row in rows.itertuples(index=False):
        a = json.loads(row.annotation)
        assert (row.layer, row.label, row.start, row.end, row.text) == (a["layer"], a["label"], a["start"], a["end"], a["text"])
        assert none_if_missing(row.cluster) == a.get("cluster")
        assert none_if_missing(row.speaker_cluster) == a.get("speaker_cluster")
    return rebuilt, rows
