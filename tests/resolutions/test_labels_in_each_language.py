"""What a page says of a resolution's parts, its meeting and its addressees, goes through
the translation catalogues; the document's own English stays as printed."""

import csv
import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from solidarity.resolutions import labels
from solidarity.resolutions.parsing.addressees import VOCABULARY

PACKAGE = Path(labels.__file__).resolve().parents[1]
URL = "/resolutions/A/HRC/RES/56/4/"


def _marked_for_translation(relative: str) -> set[str]:
    """The messages translators are given from a source file, as the catalogue tools read it."""
    found = set()
    for _line, message, _comments, _context in extract_from_file(
        "python",
        PACKAGE / relative,
        keywords={
            "gettext": None,
            "_": None,
            "pgettext": ((1, "c"), 2),
            "pgettext_lazy": ((1, "c"), 2),
        },
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_addressee_of_the_vocabulary_has_a_label_for_translators():
    assert set(labels.ADDRESSEES) == set(VOCABULARY)
    assert set(VOCABULARY) <= _marked_for_translation("resolutions/labels.py")


@pytest.mark.parametrize(
    ("printed", "said"),
    [
        ("34th meeting", "34th meeting"),
        ("1st meeting", "1st meeting"),
        ("42nd meeting", "42nd meeting"),
        ("23rd meeting", "23rd meeting"),
        ("11th meeting", "11th meeting"),
        ("112th meeting", "112th meeting"),
        ("50th plenary meeting", "50th plenary meeting"),
        ("61st plenary meeting", "61st plenary meeting"),
    ],
)
def test_a_meeting_is_named_by_a_sentence_translators_are_given(printed, said):
    assert labels.meeting_label(printed) == said
    number = re.match(r"\d+", printed).group()
    sentence = said.replace(number, "%(number)s", 1)
    assert sentence in _marked_for_translation("resolutions/labels.py")


def test_the_csv_columns_of_the_downloads_are_given_to_translators():
    assert {"symbol", "adopted_on", "abstain"} <= _marked_for_translation("resolutions/views.py")
    assert {"title", "themes", "actors", "human_rights"} <= _marked_for_translation(
        "practices/records.py"
    )


@pytest.mark.django_db
def test_the_page_names_the_meeting_and_the_addressees_in_the_readers_language(
    client, resolution_56_4
):
    html = client.get(URL).content.decode()
    assert "(34th meeting)" in html
    assert '<span class="tag addressee">Independent Expert</span>' in html
    arabic = client.get(f"/ar{URL}").content.decode()
    # The chips are the page's words, not the resolution's English.
    assert re.search(r'<p class="addressees" lang="ar" dir="rtl">', arabic)


@pytest.mark.django_db
def test_the_practices_download_gives_labels_in_the_readers_language_not_codes(client, secretariat):
    from solidarity.practices import services
    from tests.conftest import practice_content

    services.practices_import(actor=secretariat, records=[practice_content()])
    body = b"".join(client.get("/fr/practices/?format=csv").streaming_content)
    [row] = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))[1:]
    assert "Organization X (Organisation non gouvernementale)" in row
    assert "Droit à l'alimentation" in row
    assert "food" not in row and "Organization X (ngo)" not in row
