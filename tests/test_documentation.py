"""The documentation a newcomer reads first points only at files that exist: every picture
and local link of the README and of docs/*.md, and a screenshot of each page the README
promises in each of the six languages at both widths."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LOCAL_TARGET = re.compile(r"\]\((?!https?://|mailto:|#)([^)\s]+)\)")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_local_link_and_picture_of_the_documentation_exists(document):
    missing = [
        target
        for target in LOCAL_TARGET.findall(document.read_text(encoding="utf-8"))
        if not (document.parent / target.split("#")[0]).exists()
    ]
    assert not missing, f"{document.name} points at files that do not exist: {missing}"


def test_the_screenshots_cover_four_pages_in_six_languages_at_two_widths():
    images = ROOT / "docs" / "images"
    expected = {
        f"{page}-{language}-{width}.png"
        for page in ("home", "resolution-56-4", "catalogue", "state-cuba")
        for language in ("en", "fr", "es", "ru", "zh", "ar")
        for width in (1280, 390)
    }
    assert expected <= {path.name for path in images.glob("*.png")}
