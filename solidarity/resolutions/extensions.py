"""What areas above resolutions add to them: work on storing, sections and links on the page.

The resolutions app sits below the areas that build on it (the mandate's tasks,
comparisons of a series), so it cannot call them. Each area registers, when it
starts, what it adds, as the country record does (``countries/record.py``):

- a function run when a resolution is stored, inside the storing transaction
  (so the resolution and what is made from it are written, or not, together);
- a section of the resolution's page: a template and the function giving its data;
- a function that turns document symbols the resolution cites ("A/HRC/56/57")
  into the addresses of the pages the platform has for them;
- a function naming what else the page shows, as subjects of the page cache
  (``core.pagecache``): a series lists its members on each member's page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    order: int
    template: str
    data: Callable[[Any], Any]


_ON_STORE: dict[str, Callable[..., None]] = {}
_SECTIONS: list[Section] = []
_LINKERS: dict[str, Callable[[list[str]], dict[str, str]]] = {}
_PAGE_SUBJECTS: dict[str, Callable[[str], list[str]]] = {}


def register_on_store(name: str, function: Callable[..., None]) -> None:
    """``function(actor=, resolution=, created=)``, run by ``services.resolution_ingest``."""
    _ON_STORE[name] = function


def stored(*, actor, resolution, created: bool) -> None:
    for function in _ON_STORE.values():
        function(actor=actor, resolution=resolution, created=created)


def register_section(*, order: int, template: str, data: Callable[[Any], Any]) -> None:
    if all(section.template != template for section in _SECTIONS):
        _SECTIONS.append(Section(order, template, data))
        _SECTIONS.sort(key=lambda section: section.order)


def sections_for(resolution) -> list[dict]:
    found = []
    for section in _SECTIONS:
        data = section.data(resolution)
        if data:
            found.append({"template": section.template, "data": data})
    return found


def register_document_links(name: str, function: Callable[[list[str]], dict[str, str]]) -> None:
    _LINKERS[name] = function


def document_links(symbols: Iterable[str]) -> dict[str, str]:
    """{symbol: address} for the cited documents the platform has a page for."""
    wanted = sorted(set(symbols))
    links: dict[str, str] = {}
    if not wanted:
        return links
    for function in _LINKERS.values():
        links.update(function(wanted))
    return links


def register_page_subjects(name: str, function: Callable[[str], list[str]]) -> None:
    """``function(symbol)``: the page cache's subjects of what the area shows on the page."""
    _PAGE_SUBJECTS[name] = function


def page_subjects(symbol: str) -> list[str]:
    """The subjects, besides the resolution itself, whose change renews its page."""
    return [subject for function in _PAGE_SUBJECTS.values() for subject in function(symbol)]
