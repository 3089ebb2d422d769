"""The country record: sections that other areas of the platform add to a State's page.

The countries app sits below the others, so it cannot ask them for data.
Instead each area registers, when it starts, a section: a template and a
function giving that template's data for a country (its votes, its visit
requests, its good practices).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    order: int
    template: str
    data: Callable[[Any], Any]


_SECTIONS: list[Section] = []


def register_section(*, order: int, template: str, data: Callable[[Any], Any]) -> None:
    if all(section.template != template for section in _SECTIONS):
        _SECTIONS.append(Section(order, template, data))
        _SECTIONS.sort(key=lambda section: section.order)


def sections_for(country) -> list[dict]:
    return [{"template": s.template, "data": s.data(country)} for s in _SECTIONS]
