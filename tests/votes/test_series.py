"""Resolutions of the same title across sessions are one series; the secretariat corrects it."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from solidarity.core.models import AuditEntry
from solidarity.resolutions import services as resolution_services
from solidarity.resolutions.models import Resolution
from solidarity.votes.models import ResolutionSeries, SeriesMember
from solidarity.votes.series import title_key

pytestmark = pytest.mark.django_db


def _store(seed_document, symbol, adopted_on, title=None, *, voted=True):
    document = {**seed_document, "symbol": symbol, "adopted_on": adopted_on}
    if title is not None:
        document["title"] = title
    if not voted:
        document["vote"] = None
    return resolution_services.resolution_ingest(actor=None, document=document)[0]


def test_titles_are_compared_without_case_punctuation_or_spacing():
    assert title_key("Human rights and international solidarity.") == title_key(
        "Human  Rights and International  Solidarity"
    )
    assert title_key("Human rights and international solidarity") != title_key(
        "The right to development"
    )


def test_resolutions_of_one_title_across_sessions_are_one_series_on_their_pages(
    client, resolution_56_4, seed_document
):
    earlier = _store(seed_document, "A/HRC/RES/53/1", "2023-07-12", voted=False)
    other = _store(seed_document, "A/HRC/RES/53/2", "2023-07-12", "The right to development")
    assert earlier.series_member.series == resolution_56_4.series_member.series
    assert other.series_member.series != resolution_56_4.series_member.series
    page = client.get(resolution_56_4.get_absolute_url()).content.decode()
    assert "2 resolutions on the platform under this title" in page
    assert "1 adopted by a recorded vote." in page
    assert f'<a href="{earlier.get_absolute_url()}">A/HRC/RES/53/1</a>' in page
    overview = client.get("/votes/").content.decode()
    title = "Human rights and international solidarity"
    assert f'<tr><th scope="row">{title}</th><td>HRC</td><td>2</td><td>1</td>' in overview


def test_the_secretariat_moves_a_resolution_to_another_series_for_good(
    resolution_56_4, seed_document, capsys
):
    other = _store(
        seed_document, "A/HRC/RES/53/2", "2023-07-12", "International solidarity and human rights"
    )
    assert other.series_member.series != resolution_56_4.series_member.series
    call_command(
        "votes", "series-move", "A/HRC/RES/53/2", "Human rights and international solidarity"
    )
    assert "is in the series “Human rights and international solidarity”" in capsys.readouterr().out
    member = SeriesMember.objects.get(resolution=other)
    assert member.series == resolution_56_4.series_member.series and member.by_hand
    # The series left empty is gone; storing the resolution again keeps the correction.
    assert not ResolutionSeries.objects.filter(
        key=title_key("International solidarity and human rights")
    ).exists()
    _store(
        seed_document, "A/HRC/RES/53/2", "2023-07-12", "International solidarity and human rights"
    )
    assert SeriesMember.objects.get(resolution=other).series == resolution_56_4.series_member.series
    assert AuditEntry.objects.filter(action="votes.series_move").count() == 1
    with pytest.raises(CommandError, match="No stored resolution"):
        call_command("votes", "series-move", "A/HRC/RES/1/1", "Anything")


def test_sync_groups_resolutions_stored_before_series_existed(resolution_56_4):
    SeriesMember.objects.all().delete()
    call_command("votes", "sync-resolutions")
    assert (
        Resolution.objects.get(pk=resolution_56_4.pk).series_member.series.title
        == resolution_56_4.title
    )
