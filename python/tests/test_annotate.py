"""`newslens` in Python gives the CLI's documents, byte for byte, on one core or all."""

import json
import threading
import time

import pytest

import newslens
from conftest import as_cli_line


def jsonl(items):
    return "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in items).encode("utf-8")


def test_the_samples_are_the_clis_documents(cli, samples):
    expected = cli("annotate", "--threads", "1", *map(str, samples))
    got = [as_cli_line(newslens.annotate(p.read_text(encoding="utf-8"), source=p.name)) for p in samples]
    assert len(got) == len(samples)
    for path, line, want in zip(samples, got, expected):
        assert line == want, f"{path.name} differs from the CLI's document"


def test_texts_with_datelines_are_the_clis_json_lines(cli, articles):
    expected = cli("annotate", "--jsonl", stdin=jsonl(articles))
    got = [as_cli_line(newslens.annotate(a["text"], dateline=a["dateline"], source=a["source"])) for a in articles]
    assert got == expected
    assert all(json.loads(line)["annotations"] for line in got), "every article has annotations"


@pytest.mark.parametrize("threads", [1, 3, None])
def test_annotate_many_keeps_order_and_equals_annotate(articles, threads):
    texts = [a["text"] for a in articles] * 5
    datelines = [a["dateline"] for a in articles] * 5
    one_by_one = [newslens.annotate(t, dateline=d) for t, d in zip(texts, datelines)]
    assert newslens.annotate_many(texts, threads=threads, datelines=datelines) == one_by_one


def test_together_shares_clusters_as_the_cli_does(cli, articles):
    expected = cli("annotate", "--jsonl", "--together", stdin=jsonl(articles))
    docs = newslens.annotate_many(
        (a["text"] for a in articles),
        datelines=[a["dateline"] for a in articles],
        sources=[a["source"] for a in articles],
        together=True,
    )
    assert [as_cli_line(d) for d in docs] == expected


def test_offsets_are_python_string_indices(articles):
    for a in articles:
        doc = newslens.annotate(a["text"], dateline=a["dateline"])
        text = doc["text"]
        assert doc["text_len"] == len(text)
        for ann in doc["annotations"]:
            assert text[ann["start"] : ann["end"]] == ann["text"]
    zurich = newslens.annotate(next(a["text"] for a in articles if "Zürich" in a["text"]))
    names = {a["text"] for a in zurich["annotations"] if a["layer"] == "entity"}
    assert "Léa Müller" in names, names


def test_a_document_has_the_guides_shape(articles):
    doc = newslens.annotate(articles[0]["text"], dateline="2024-11-02", source="ferry.txt")
    assert {"text", "text_len", "title", "byline", "source", "dateline", "annotations"} <= doc.keys()
    assert doc["source"] == "ferry.txt" and doc["dateline"] == "2024-11-02"
    layers = {a["layer"] for a in doc["annotations"]}
    assert layers == {"entity", "number", "quote"}
    quote = next(a for a in doc["annotations"] if a["layer"] == "quote" and a["label"] == "DIRECT")
    assert quote["speaker_cluster"] == "Agnes Tolliver"
    assert isinstance(newslens.__version__, str)


def test_bad_arguments_raise_python_errors():
    with pytest.raises(ValueError, match="dateline"):
        newslens.annotate("Text.", dateline="2024-13-45")
    with pytest.raises(TypeError, match="one string"):
        newslens.annotate_many("a single string")
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        newslens.annotate_many(["fine", 42])
    with pytest.raises(ValueError, match="threads"):
        newslens.annotate_many(["a"], threads=0)
    with pytest.raises(ValueError, match="datelines has 1 entries for 2 texts"):
        newslens.annotate_many(["a", "b"], datelines=["2024-01-01"])
    with pytest.raises(ValueError, match=r"datelines\[1\]"):
        newslens.annotate_many(["a", "b"], datelines=[None, "yesterday"])
    assert newslens.annotate_many([]) == []


def test_the_gil_is_released_while_the_engine_runs(articles):
    # A long text keeps the engine busy for a while; this thread must keep running meanwhile.
    text = "\n\n".join(a["text"] for a in articles) * 300
    started, done = threading.Event(), threading.Event()

    def work():
        started.set()
        newslens.annotate_many([text, text], threads=2)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    call_started = last = time.perf_counter()
    longest_gap = 0.0
    while not done.is_set():
        now = time.perf_counter()
        longest_gap = max(longest_gap, now - last)
        last = now
    call = time.perf_counter() - call_started
    worker.join()
    assert call > 0.2, f"the call took {call:.2f} s: too short to tell"
    assert longest_gap < call / 2, f"this thread stood still {longest_gap:.2f} s of a {call:.2f} s call"


def test_board_is_the_clis_board(cli, samples):
    expected = json.loads(cli("board", *map(str, samples))[0])
    docs = [newslens.annotate(p.read_text(encoding="utf-8"), source=p.name) for p in samples]
    before = json.dumps(docs)
    board = newslens.board(docs)
    assert board == expected
    assert json.dumps(docs) == before, "the documents given are left as they were"
    assert [d["source"] for d in board["documents"]] == [p.name for p in samples]
    # The samples' troop counts disagree across outlets: some group holds figures from several.
    assert any(len({m["doc"] for m in g["members"]}) >= 3 for g in board["figures"]), "no figure seen in 3 outlets"


def test_board_refuses_what_is_not_a_list_of_documents(articles):
    doc = newslens.annotate(articles[0]["text"])
    with pytest.raises(TypeError, match="not one document"):
        newslens.board(doc)
    with pytest.raises(ValueError, match=r"docs\[1\]"):
        newslens.board([doc, {"text": 3}])
    assert newslens.board([])["figures"] == []
