"""The secretariat stores resolutions: once, completely, or not at all."""

import copy
import shutil

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from solidarity.core import search
from solidarity.core.models import AuditEntry
from solidarity.resolutions import indexing, services
from solidarity.resolutions.models import (
    OperativeParagraph,
    PreambularParagraph,
    RecordedVote,
    Resolution,
    VoteCast,
)
from tests.conftest import SEED

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Resolution.objects.count(),
        PreambularParagraph.objects.count(),
        OperativeParagraph.objects.count(),
        RecordedVote.objects.count(),
        VoteCast.objects.count(),
    )


def test_ingesting_56_4_stores_its_paragraphs_vote_and_source(capsys):
    call_command("ingest", str(SEED), "--quiet")
    assert "1 resolutions added, 0 updated, 0 failed" in capsys.readouterr().out
    assert _counts() == (1, 15, 20, 1, 47)
    resolution = Resolution.objects.get(symbol="A/HRC/RES/56/4")
    assert (resolution.body, resolution.session, resolution.number) == ("HRC", 56, 4)
    assert str(resolution.adopted_on) == "2024-07-10"
    assert resolution.recorded_vote.casts.get(country_id="NLD").position == "no"
    assert bytes(resolution.source.data) == SEED.read_bytes()
    assert (resolution.source.name, resolution.source.media_type) == (SEED.name, "text/markdown")
    assert search.search(indexing.SEARCH_KIND, "triangular").total == 1


def test_ingesting_the_same_resolution_again_updates_it_and_never_duplicates(capsys):
    call_command("ingest", str(SEED), "--quiet")
    call_command("ingest", str(SEED), "--quiet")
    assert "0 resolutions added, 1 updated, 0 failed" in capsys.readouterr().out
    assert _counts() == (1, 15, 20, 1, 47)
    assert search.search(indexing.SEARCH_KIND, "triangular").total == 1
    actions = list(AuditEntry.objects.values_list("action", flat=True).order_by("id"))
    assert actions == ["resolution.ingest", "resolution.update"]


def test_a_corrected_file_replaces_the_kept_source(capsys, tmp_path):
    from solidarity.resolutions.models import ResolutionSource

    call_command("ingest", str(SEED), "--quiet")
    corrected = tmp_path / SEED.name
    corrected.write_bytes(SEED.read_bytes() + b"\n")
    call_command("ingest", str(corrected), "--quiet")
    assert ResolutionSource.objects.count() == 1
    assert bytes(Resolution.objects.get().source.data) == corrected.read_bytes()


def test_a_broken_file_changes_nothing_and_the_run_goes_on(tmp_path, capsys):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(SEED, folder / "b-56-4.md")
    broken = SEED.read_text(encoding="utf-8").replace("29 to 14", "30 to 14")
    (folder / "a-broken.md").write_text(broken, encoding="utf-8")
    (folder / "c-empty.txt").write_text("", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"ignored: not a resolution file type")
    with pytest.raises(SystemExit) as exit_:
        call_command("ingest", str(folder), "--quiet")
    assert exit_.value.code == 1
    out, err = capsys.readouterr()
    assert "1 resolutions added, 0 updated, 2 failed" in out
    assert "a-broken.md" in err and "c-empty.txt" in err
    assert _counts() == (1, 15, 20, 1, 47)


def test_a_document_that_fails_midway_leaves_the_database_as_it_was(resolution_56_4, seed_document):
    before = _counts()
    damaged = copy.deepcopy(seed_document)
    damaged["title"] = "A title that must not be kept"
    damaged["vote"]["against"][0]["iso3"] = "XXX"
    with pytest.raises(services.UnknownVoter):
        services.resolution_ingest(actor=None, document=damaged)
    resolution_56_4.refresh_from_db()
    assert resolution_56_4.title == "Human rights and international solidarity"
    assert _counts() == before
    assert search.search(indexing.SEARCH_KIND, "triangular").total == 1


def test_only_the_secretariat_ingests(reviewer, contributor_x, secretariat, seed_document):
    for person in (reviewer, contributor_x):
        with pytest.raises(PermissionDenied):
            services.resolution_ingest(actor=person, document=seed_document)
    assert not Resolution.objects.exists()
    services.resolution_ingest(actor=secretariat, document=seed_document)
    assert AuditEntry.objects.get(action="resolution.ingest").actor == secretariat


def test_a_path_that_does_not_exist_is_named():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=r"no-such-file\.md: no such file"):
        call_command("ingest", "no-such-file.md", "--quiet")


def test_reindex_rebuilds_the_paragraph_index(resolution_56_4, capsys):
    search.remove_documents(kind=indexing.SEARCH_KIND)
    assert search.search(indexing.SEARCH_KIND, "triangular").total == 0
    call_command("reindex")
    assert "resolution: 1 records indexed" in capsys.readouterr().out
    assert search.search(indexing.SEARCH_KIND, "triangular").total == 1


def test_a_large_batch_is_parsed_in_parallel_and_stored_whole(tmp_path, capsys):
    seed = SEED.read_text(encoding="utf-8")
    for n in range(1, 61):
        (tmp_path / f"res-{n:02d}.md").write_text(
            seed.replace("56/4. Human rights", f"56/{n}. Human rights"), encoding="utf-8"
        )
    (tmp_path / "res-99.md").write_text("Not a resolution at all.", encoding="utf-8")
    with pytest.raises(SystemExit):
        call_command("ingest", str(tmp_path), "--quiet", "--jobs", "2")
    out, err = capsys.readouterr()
    assert "60 resolutions added, 0 updated, 1 failed" in out
    assert "res-99.md" in err
    assert Resolution.objects.count() == 60
    assert VoteCast.objects.count() == 60 * 47
    assert set(Resolution.objects.values_list("number", flat=True)) == set(range(1, 61))


def test_the_summary_names_each_file_stored_with_warnings_and_its_warnings(tmp_path, capsys):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(SEED, folder / "a-clean.md")
    # The meeting line dated a day after the header's adoption date: stored, with a warning.
    disagreeing = SEED.read_text(encoding="utf-8").replace("10 July 2024*", "11 July 2024*")
    (folder / "b-dates-disagree.md").write_text(disagreeing, encoding="utf-8")
    call_command("ingest", str(folder), "--quiet")
    out = capsys.readouterr().out
    assert "1 resolutions added, 1 updated, 0 failed, 1 warning in 1 file." in out
    listed = out.split("Stored with warnings", 1)[1]
    assert "b-dates-disagree.md: 1 warning" in listed
    assert "adopted on 2024-07-10 by the header but the meeting is dated 2024-07-11" in listed
    assert "a-clean.md" not in listed


def test_storing_a_resolution_again_keeps_the_paragraphs_others_refer_to(
    resolution_56_4, seed_document
):
    """A corrected file must not cut what points at "op. 15" (a call for input, a task)."""
    op_15 = resolution_56_4.operative_paragraphs.get(number=15)
    pp_1 = resolution_56_4.preambular_paragraphs.get(index=1)
    corrected = copy.deepcopy(seed_document)
    corrected["operative_paragraphs"][14]["text"] += " (corrected)"
    del corrected["operative_paragraphs"][19]  # op. 20 is gone from the corrected text
    services.resolution_ingest(actor=None, document=corrected)

    kept = resolution_56_4.operative_paragraphs.get(number=15)
    assert kept.pk == op_15.pk
    assert kept.text.endswith(" (corrected)")
    assert resolution_56_4.preambular_paragraphs.get(index=1).pk == pp_1.pk
    numbers = list(resolution_56_4.operative_paragraphs.values_list("number", flat=True))
    assert numbers == list(range(1, 20))


@pytest.mark.django_db(transaction=True)
def test_a_file_the_database_refuses_at_commit_fails_alone_and_the_files_stored_with_it_stay(
    tmp_path, capsys
):
    # Files are stored a hundred to a transaction. A State the shipped list knows but this
    # database does not: the vote's foreign key is checked only when the transaction commits.
    from solidarity.countries.models import Country
    from solidarity.countries.services import countries_sync

    # A test committing for real may follow one whose end emptied every table.
    countries_sync(actor=None)
    Country.objects.filter(iso3="TUV").delete()
    seed = SEED.read_text(encoding="utf-8")
    for n in range(1, 4):
        text = seed.replace("56/4. Human rights", f"56/{n}. Human rights")
        if n == 2:
            text = text.replace("Cuba, Dominican", "Tuvalu, Dominican")
        (tmp_path / f"res-{n}.md").write_text(text, encoding="utf-8")
    with pytest.raises(SystemExit):
        call_command("ingest", str(tmp_path), "--quiet", "--jobs", "0")
    out, err = capsys.readouterr()
    assert "2 resolutions added, 0 updated, 1 failed" in out, err
    assert "res-2.md" in err
    assert sorted(Resolution.objects.values_list("symbol", flat=True)) == [
        "A/HRC/RES/56/1",
        "A/HRC/RES/56/3",
    ]
    assert VoteCast.objects.count() == 2 * 47
