"""Named things, figures and quotations in news text: the NewsLens engine.

Every function returns the annotation guide's document as a dict, the very JSON
``newslens annotate`` writes: ``json.dumps(doc, ensure_ascii=False,
separators=(",", ":"))`` is the CLI's line, byte for byte. Offsets count code
points, as Python's string indices do: ``doc["text"][a["start"]:a["end"]] ==
a["text"]`` for every annotation ``a``.
"""

from typing import Any, Iterable, Literal, Optional, TypedDict, Union

__version__: str

class Span(TypedDict):
    start: int
    end: int
    text: str

class Entity(TypedDict):
    layer: Literal["entity"]
    label: Literal["PER", "ORG", "LOC", "MISC"]
    start: int
    end: int
    text: str
    cluster: str

class Number(TypedDict, total=False):
    layer: Literal["number"]
    label: Literal["CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "DATE", "TIME", "DURATION"]
    start: int
    end: int
    text: str
    value: dict[str, Any]
    of: str

class Quote(TypedDict, total=False):
    layer: Literal["quote"]
    label: Literal["DIRECT", "PARTIAL"]
    start: int
    end: int
    text: str
    cue: Optional[str]
    speaker: Optional[Span]
    speaker_cluster: Optional[str]
    nominal: bool
    co_speakers: list[Span]
    truncated: bool

Annotation = Union[Entity, Number, Quote]

class Document(TypedDict, total=False):
    text: str
    text_len: int
    title: Optional[str]
    byline: Optional[str]
    source: Optional[str]
    dateline: Optional[str]
    site_name: str
    lang: str
    annotations: list[Annotation]

def annotate(text: str, dateline: Optional[str] = None, source: Optional[str] = None) -> Document:
    """Annotates one news text and returns the guide's document as a dict.

    ``dateline`` (``YYYY-MM-DD``) is the date relative dates are resolved
    against; without it the engine looks for one in the text. ``source`` names
    where the text came from. The GIL is released while the engine runs.

    Raises ValueError for a dateline that is not a valid ``YYYY-MM-DD`` date.
    """

def annotate_many(
    texts: Iterable[str],
    threads: Optional[int] = None,
    datelines: Optional[Iterable[Optional[str]]] = None,
    sources: Optional[Iterable[Optional[str]]] = None,
    together: bool = False,
) -> list[Document]:
    """Annotates many texts on ``threads`` threads (default: every core), with
    the GIL released, and returns their documents in the order of ``texts``.

    ``datelines`` and ``sources``, when given, hold one entry (or None) per
    text. With ``together=True`` one person has one cluster name in every
    document, as with ``newslens annotate --together``.

    Raises TypeError for a text that is not a str, ValueError for a bad
    dateline, a length mismatch, or ``threads=0``.
    """

def board(docs: Iterable[Document]) -> dict[str, Any]:
    """The page's boards across ``docs`` (documents as ``annotate`` returns
    them), as a dict: ``documents``, ``figures`` grouped by what they count
    with each source's value, the dated ``timeline``, ``quotes`` by speaker and
    matched across documents with their word differences, and ``entities``
    with a count per document. It is the JSON ``newslens board FILE...``
    prints. One person gets one cluster name across the documents first; the
    dicts given are not changed.

    Raises TypeError for one document instead of a list, ValueError for an
    item that is not a NewsLens document.
    """
