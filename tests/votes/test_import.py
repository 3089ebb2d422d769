"""Importing roll calls: Voeten's General Assembly data, CSV files, and stored resolutions."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from solidarity.core.models import AuditEntry
from solidarity.resolutions import services as resolution_services
from solidarity.votes import positions, rollcall_csv, services
from solidarity.votes.models import CountryVote, RollCall, Source
from tests.votes.conftest import write_unvotes

pytestmark = pytest.mark.django_db


def small_folder(tmp_path):
    return write_unvotes(
        tmp_path / "unvotes",
        [
            {
                "rcid": "3",
                "session": "1.0",
                "importantvote": "0",
                "date": "1946-01-01",
                "unres": "R/1/66",
                "amend": "1",
                "para": "0",
                "short": "AMENDMENTS",
            },
            {
                "rcid": "9",
                "session": "45.0",
                "importantvote": "1",
                "date": "1990-12-14",
                "unres": "R/45/150",
                "amend": "",
                "para": "",
                "short": "HUMAN RIGHTS",
            },
        ],
        [
            ("3", "United States", "US", "yes"),
            ("3", "Yugoslavia", "YU", "no"),
            ("9", "Federal Republic of Germany", "", "abstain"),
            ("9", "Cuba", "CU", "no"),
            ("9", "Zanzibar", "", "yes"),
        ],
        [("9", "hr", "Human rights"), ("9", "me", "Palestinian conflict")],
    )


def test_voeten_roll_calls_are_stored_with_their_states_by_iso3_and_the_rest_reported(tmp_path):
    report = services.unvotes_import(actor=None, folder=small_folder(tmp_path))

    assert (report.roll_calls, report.votes) == (2, 3)
    assert report.unmapped == {"Yugoslavia": 1, "Zanzibar": 1}
    first = RollCall.objects.get(source=Source.UNVOTES, key="3")
    assert (first.body, first.symbol, first.date, first.session) == (
        "GA",
        "R/1/66",
        dt.date(1946, 1, 1),
        1,
    )
    assert first.amendment and not first.important and first.topics == ""
    second = RollCall.objects.get(key="9")
    assert second.topic_codes == ["hr", "me"] and second.important
    votes = dict(CountryVote.objects.values_list("country_id", "position"))
    assert votes == {"USA": positions.YES, "DEU": positions.ABSTAIN, "CUB": positions.NO}
    assert AuditEntry.objects.filter(action="votes.import_unvotes").count() == 1


def test_importing_voeten_data_again_replaces_it_and_changes_nothing(tmp_path):
    folder = small_folder(tmp_path)
    services.unvotes_import(actor=None, folder=folder)
    before = sorted(CountryVote.objects.values_list("roll_call__key", "country_id", "position"))
    again = services.unvotes_import(actor=None, folder=folder)
    assert again.replaced_roll_calls == 2
    assert RollCall.objects.count() == 2
    assert (
        sorted(CountryVote.objects.values_list("roll_call__key", "country_id", "position"))
        == before
    )


def test_a_missing_file_leaves_the_stored_roll_calls_as_they_were(tmp_path):
    folder = small_folder(tmp_path)
    services.unvotes_import(actor=None, folder=folder)
    (folder / "un_votes.csv.gz").unlink()
    with pytest.raises(FileNotFoundError):
        services.unvotes_import(actor=None, folder=folder)
    assert CountryVote.objects.count() == 3


def test_the_import_command_says_what_it_imported_and_what_it_left_out(tmp_path, capsys):
    call_command("votes", "import-unvotes", str(small_folder(tmp_path)), "--quiet")
    out = capsys.readouterr().out
    assert "2 roll calls and 3 country votes imported" in out
    assert "Yugoslavia (1)" in out and "Zanzibar (1)" in out


CSV_GOOD = """body,symbol,date,state,vote,session,topics
HRC,A/HRC/RES/56/4,2024-07-10,Cuba,Y,56,hr
HRC,A/HRC/RES/56/4,2024-07-10,FRA,no,56,hr
HRC,A/HRC/RES/56/4,2024-07-10,Benin,abstain,56,hr
HRC,A/HRC/RES/56/4,2024-07-10,United States of America,9,56,hr
General Assembly,A/RES/79/1,2024-09-22,Cuba,1,79,
GA,A/RES/79/1,2024-09-22,fra,3,79,
"""


def test_a_roll_call_file_is_read_in_every_documented_spelling_of_a_vote():
    reading = rollcall_csv.read(CSV_GOOD)
    assert reading.errors == []
    calls = {call.symbol: call for call in reading.roll_calls}
    assert calls["A/HRC/RES/56/4"].votes == {
        "CUB": positions.YES,
        "FRA": positions.NO,
        "BEN": positions.ABSTAIN,
    }  # "not a member" (9) is read and not stored
    assert calls["A/RES/79/1"].body == "GA"
    assert calls["A/RES/79/1"].votes == {"CUB": positions.YES, "FRA": positions.NO}


CSV_BROKEN = """body,symbol,date,state,vote
HRC,A/HRC/RES/56/4,2024-07-10,Cuba,Y
HRC,A/HRC/RES/56/4,10 July 2024,France,N
HRC,A/HRC/RES/56/4,2024-07-10,Atlantis,Y
HRC,A/HRC/RES/56/4,2024-07-10,Benin,maybe
SC,S/RES/1,2024-07-10,Benin,Y
HRC,A/HRC/RES/56/4,2024-07-10,CUB,N
HRC,A/HRC/RES/56/4,2024-07-10,Mexico,A
"""


def test_every_bad_row_is_reported_with_its_line_and_a_broken_file_is_not_imported(
    tmp_path, capsys
):
    reading = rollcall_csv.read(CSV_BROKEN)
    by_line = {error.line: error.message for error in reading.errors}
    assert sorted(by_line) == [3, 4, 5, 6, 7]
    assert "YYYY-MM-DD" in by_line[3]
    assert "Atlantis" in by_line[4]
    assert "maybe" in by_line[5]
    assert "SC" in by_line[6]
    assert "line 2" in by_line[7]  # Cuba twice in one roll call
    path = tmp_path / "votes.csv"
    path.write_text(CSV_BROKEN, encoding="utf-8")
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("votes", "import-csv", str(path))
    assert "votes.csv:4:" in capsys.readouterr().err
    assert not RollCall.objects.exists()


def test_with_keep_good_the_good_rows_of_a_broken_file_are_imported(tmp_path):
    path = tmp_path / "votes.csv"
    path.write_text(CSV_BROKEN, encoding="utf-8")
    call_command("votes", "import-csv", str(path), "--keep-good")
    call = RollCall.objects.get(source=Source.CSV)
    assert (call.body, call.symbol, call.date) == ("HRC", "A/HRC/RES/56/4", dt.date(2024, 7, 10))
    assert dict(call.votes.values_list("country_id", "position")) == {
        "CUB": positions.YES,
        "MEX": positions.ABSTAIN,
    }


def test_importing_a_roll_call_file_again_replaces_its_roll_calls(tmp_path):
    path = tmp_path / "votes.csv"
    path.write_text(CSV_GOOD, encoding="utf-8")
    call_command("votes", "import-csv", str(path))
    call_command("votes", "import-csv", str(path))
    assert RollCall.objects.filter(source=Source.CSV).count() == 2
    assert CountryVote.objects.count() == 5


def test_a_stored_resolution_with_a_recorded_vote_becomes_a_roll_call(
    resolution_56_4, seed_document
):
    call = RollCall.objects.get(source=Source.RESOLUTION)
    assert (call.body, call.symbol, call.resolution) == ("HRC", "A/HRC/RES/56/4", resolution_56_4)
    counts = Counter(call.votes.values_list("position", flat=True))
    vote = seed_document["vote"]
    assert counts == {
        positions.YES: len(vote["in_favour"]),
        positions.NO: len(vote["against"]),
        positions.ABSTAIN: len(vote["abstaining"]),
    }
    # Stored again, it is the same roll call, not a second one.
    resolution_services.resolution_ingest(actor=None, document=seed_document)
    assert RollCall.objects.filter(source=Source.RESOLUTION).count() == 1
    assert CountryVote.objects.filter(roll_call__source=Source.RESOLUTION).count() == sum(
        counts.values()
    )


def test_sync_makes_the_roll_calls_of_resolutions_stored_before_votes_existed(resolution_56_4):
    RollCall.objects.all().delete()
    call_command("votes", "sync-resolutions")
    assert RollCall.objects.get(source=Source.RESOLUTION).votes.count() == 47


def test_a_general_assembly_vote_already_in_voetens_data_is_counted_once(tmp_path, seed_document):
    services.unvotes_import(actor=None, folder=small_folder(tmp_path))  # holds R/45/150
    as_assembly = {
        **seed_document,
        "symbol": "A/RES/45/150",
        "body": "GA",
        "adopted_on": "1990-12-14",
    }
    resolution_services.resolution_ingest(actor=None, document=as_assembly)
    assert not RollCall.objects.filter(source=Source.RESOLUTION).exists()
    # Another day's vote on the same number is not the same roll call.
    resolution_services.resolution_ingest(
        actor=None, document={**as_assembly, "adopted_on": "1990-12-15"}
    )
    assert RollCall.objects.filter(source=Source.RESOLUTION, symbol="A/RES/45/150").count() == 1


def test_only_the_secretariat_imports_roll_calls(tmp_path, secretariat, member_of_public):
    from django.core.exceptions import PermissionDenied

    reading = rollcall_csv.read(CSV_GOOD)
    with pytest.raises(PermissionDenied):
        services.csv_import(actor=member_of_public, roll_calls=reading.roll_calls)
    assert not RollCall.objects.exists()
    services.csv_import(actor=secretariat, roll_calls=reading.roll_calls, source_name="votes.csv")
    entry = AuditEntry.objects.get(action="votes.import_csv")
    assert entry.actor_id == secretariat.pk
