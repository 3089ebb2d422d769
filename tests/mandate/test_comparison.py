"""A later resolution of the series compared paragraph by paragraph with the one before.

The later text is 56/4 changed by hand, as a following resolution of the
series would change it: one paragraph added near the top (renumbering all
after it), one request reworded, one paragraph dropped.
"""

import copy

import pytest

from solidarity.mandate import comparison
from solidarity.mandate.models import SeriesResolution, Task
from solidarity.resolutions import services as resolution_services
from tests.conftest import client_for


def _later(seed_document) -> dict:
    later = copy.deepcopy(seed_document)
    ops = later["operative_paragraphs"]
    # Dropped: op. 3 ("Reiterates its determination to contribute ...").
    del ops[2]
    # Added at the top, so every paragraph after it is renumbered.
    ops.insert(
        0,
        {
            "number": 0,
            "lead": "Welcomes",
            "text": "Welcomes the work of the Independent Expert on the draft declaration;",
            "subparagraphs": [],
            "addressees": [],
        },
    )
    # Reworded: op. 19 asks for an annual report instead of regular reporting.
    for p in ops:
        if p["text"].startswith("Requests the Independent Expert to report regularly"):
            p["text"] = p["text"].replace("report regularly", "report annually")
    for number, p in enumerate(ops, start=1):
        p["number"] = number
    return later


def test_a_later_resolution_says_what_is_new_changed_and_dropped(seed_document):
    result = comparison.compare(seed_document, _later(seed_document))
    new = result.of_kind(comparison.NEW, "op")
    changed = result.of_kind(comparison.CHANGED, "op")
    dropped = result.of_kind(comparison.DROPPED, "op")
    assert [(c.later, c.later_text[:8]) for c in new] == [(1, "Welcomes")]
    assert [(c.earlier, c.later) for c in changed] == [(19, 19)]
    assert [piece.text for piece in changed[0].pieces if piece.kind != "same"] == [
        "regularly",
        "annually",
    ]
    assert [c.earlier for c in dropped] == [3]
    assert dropped[0].earlier_anchor == "op-3"
    # The rest is unchanged, however renumbered: op. 13 is now op. 13 again (one in, one out),
    # op. 1 is now op. 2.
    unchanged = {c.earlier: c.later for c in result.of_kind(comparison.UNCHANGED, "op")}
    assert unchanged[1] == 2 and unchanged[13] == 13
    assert result.of_kind(comparison.CHANGED, "pp") == []
    assert len(unchanged) == 20 - 2


def test_a_resolution_compared_with_itself_has_no_change(seed_document):
    result = comparison.compare(seed_document, seed_document)
    assert result.counts() == {
        "new": 0,
        "changed": 0,
        "dropped": 0,
        "unchanged": len(seed_document["preambular_paragraphs"])
        + len(seed_document["operative_paragraphs"]),
    }


@pytest.mark.django_db
def test_the_later_resolutions_page_shows_its_changes_and_its_tasks_follow(
    stored_56_4, seed_document
):
    later = _later(seed_document)
    # A later text of the series, made for this test from 56/4 (see _later).
    later["symbol"] = "A/HRC/RES/59/4"
    later["session"] = 59
    later["adopted_on"] = "2025-10-08"
    resolution, _ = resolution_services.resolution_ingest(actor=None, document=later)
    page = client_for(None).get(resolution.get_absolute_url()).content.decode()
    section = page.split('id="comparison"')[1].split("</section>")[0]
    assert "Compared with resolution 56/4" in section
    assert "1 new, 1 changed, 1 dropped" in section
    assert "<del>regularly</del>" in section and "<ins>annually</ins>" in section
    assert 'href="/resolutions/A/HRC/RES/56/4/#op-3"' in section
    # The earlier resolution has no previous one to be compared with.
    assert 'id="comparison"' not in client_for(None).get("/resolutions/A/HRC/RES/56/4/").text
    # Its tasks are made too, numbered as it numbers its paragraphs; the series lists it.
    assert Task.objects.get(resolution=resolution, paragraph_number=19).frequency == "annually"
    assert SeriesResolution.objects.filter(symbol="A/HRC/RES/59/4", resolution=resolution).exists()
