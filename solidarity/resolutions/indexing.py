"""What the search index holds of a resolution: its paragraphs, in order, apart."""

from __future__ import annotations

from solidarity.core import search
from solidarity.resolutions.parsing.document import FOOTNOTE_MARKER

SEARCH_KIND = "resolution"
PARAGRAPH_MARK = "\u2029"  # PARAGRAPH SEPARATOR: no word, so never matched
PARAGRAPH_SEPARATOR = f"\n{PARAGRAPH_MARK}\n"

__all__ = [
    "PARAGRAPH_MARK",
    "SEARCH_KIND",
    "document_of",
    "index",
    "paragraph_plain_text",
    "reindex_all",
]


def document_of(resolution, document: dict) -> search.Document:
    """One search document per resolution: its paragraphs in order, apart.

    The separator holds no word, so it neither matches nor joins a phrase's
    words across paragraphs' tokens; :func:`anchors.paragraph_anchors` gives the anchor
    of each part, in the same order, to show which paragraphs matched.
    """
    texts = [FOOTNOTE_MARKER.sub("", p["text"]) for p in document["preambular_paragraphs"]]
    texts.extend(paragraph_plain_text(p) for p in document["operative_paragraphs"])
    return search.Document(
        object_id=str(resolution.pk),
        title=f"{resolution.number_label}. {resolution.title}",
        body=PARAGRAPH_SEPARATOR.join(texts),
        language="en",
    )


def paragraph_plain_text(paragraph: dict) -> str:
    """An operative paragraph with its sub-paragraphs, as one text for searching (no markers)."""
    parts = [paragraph["text"]]

    def walk(items):
        for item in items:
            parts.append(f"({item['label']}) {item['text']}")
            walk(item["subparagraphs"])

    walk(paragraph.get("subparagraphs") or [])
    return FOOTNOTE_MARKER.sub("", " ".join(parts))


def index(resolution, document: dict) -> None:
    """Put a resolution as stored in the index (replacing its entry)."""
    search.index_documents(kind=SEARCH_KIND, documents=[document_of(resolution, document)])


def reindex_all() -> int:
    """Rebuild the search entries of every resolution; returns how many."""
    from solidarity.resolutions.models import Resolution

    search.remove_documents(kind=SEARCH_KIND)
    count, batch = 0, []
    resolutions = Resolution.objects.only("id", "symbol", "title", "document")
    for resolution in resolutions.iterator(chunk_size=200):
        batch.append(document_of(resolution, resolution.document))
        count += 1
        if len(batch) == 200:
            search.index_documents(kind=SEARCH_KIND, documents=batch)
            batch = []
    search.index_documents(kind=SEARCH_KIND, documents=batch)
    return count
