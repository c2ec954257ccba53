"""Reads a NewsLens brat export with bratly, a brat standoff library from PyPI, and
prints what it read as JSON, for engine/tests/brat_reader.rs to compare with the
documents exported.

usage: read_with_bratly.py EXPORT.zip FOLDER

The zip is unpacked with Python's zipfile (checking every entry's CRC) into FOLDER,
then read by bratly.io.read_document_collection_from_folder, which checks each .ann
line against brat's grammar. Every line must come back as an annotation, and every
text-bound annotation's fragments must cover, in Python's code-point indexing, exactly
the text its line shows (fragments joined by one space). Exits 1 with a message if not.
"""

import json
import os
import sys
import zipfile

from bratly import EntityAnnotation, NoteAnnotation, RelationAnnotation, AttributeAnnotation
from bratly.io import read_document_collection_from_folder


def main(zip_path, folder):
    with zipfile.ZipFile(zip_path) as archive:
        damaged = archive.testzip()
        if damaged is not None:
            sys.exit(f"zip entry {damaged} is damaged")
        archive.extractall(folder)
    collection = read_document_collection_from_folder(
        folder, no_duplicates_ann=False, sort_ann=False, renumerotize_ann=False
    )
    if collection is None:
        sys.exit("bratly could not read the folder")
    out = {}
    for doc in collection.documents:
        name = os.path.basename(doc.fullpath)[: -len(".txt")]
        with open(os.path.join(folder, name + ".ann"), encoding="utf-8", newline="") as f:
            lines = [line for line in f.read().split("\n") if line]
        annotations = doc.annotation_collections[0].annotations if doc.annotation_collections else []
        if len(annotations) != len(lines):
            sys.exit(f"{name}.ann: bratly read {len(annotations)} of {len(lines)} lines")
        read = {"text_bound": [], "relations": [], "attributes": [], "notes": 0}
        for a in annotations:
            if isinstance(a, EntityAnnotation):
                covered = " ".join(doc.text[f.start : f.end] for f in a.fragments)
                if covered != a.content:
                    sys.exit(f"{name}.ann {a.id}: offsets cover {covered!r}, the line says {a.content!r}")
                read["text_bound"].append([a.id, a.label, [[f.start, f.end] for f in a.fragments]])
            elif isinstance(a, RelationAnnotation):
                read["relations"].append([a.label, a.argument1[1].id, a.argument2[1].id])
            elif isinstance(a, AttributeAnnotation):
                read["attributes"].append([a.label, a.component.id])
            elif isinstance(a, NoteAnnotation):
                read["notes"] += 1
        out[name] = read
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
