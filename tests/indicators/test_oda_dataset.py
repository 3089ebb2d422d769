"""The shipped ODA dataset: every figure kept, one chosen per donor and year by its README's rule.

Expected figures are read from the data file with the csv module and the
README's words ("2015–2023: the rows whose source contains
table1_raw_2010_2023.parquet; 2024: the rows whose source ends in
@b8dd889…"), never from the platform's code.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from solidarity.indicators import readers, selection
from solidarity.indicators.models import OdaFigure

DATA = Path(__file__).resolve().parents[2] / "solidarity" / "indicators" / "data" / "oda"
FILE = DATA / "oda_dac_members.csv"
KEYS = {"EU Institutions": "eu-institutions", "DAC countries (total)": "dac-total"}


def file_rows() -> list[dict[str, str]]:
    with FILE.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def readme_choice() -> dict[tuple[str, int], dict[str, str]]:
    """One row per donor-year, as the README says to pick it."""
    chosen = {}
    for row in file_rows():
        year = int(row["year"])
        if (year <= 2023 and "table1_raw_2010_2023.parquet" in row["source"]) or (
            year == 2024 and row["source"].endswith("@b8dd88957855b6cf97f2778cbeae70c056aa03ab")
        ):
            key = (row["iso3"] or KEYS[row["donor"]], year)
            assert key not in chosen, f"the README's rule gives two rows for {key}"
            chosen[key] = row
    return chosen


def test_the_project_ships_the_dataset_with_its_readme():
    assert len(file_rows()) == 418
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert "Several rows for one donor-year" in readme
    assert "Break in series in 2018" in readme


@pytest.mark.parametrize("order", ["as in the file", "lines reversed"])
def test_the_selection_rule_picks_the_readmes_row_for_every_donor_year_of_the_real_file(order):
    reading = readers.read(FILE.read_bytes(), format="shipped")
    assert reading.problems == []
    assert len(reading.rows) == 418
    groups: dict[tuple[str, int], list[readers.OdaRow]] = {}
    for row in reading.rows:
        groups.setdefault((row.donor, row.year), []).append(row)
    expected = readme_choice()
    assert set(groups) == set(expected)
    assert len(groups) == 34 * 10
    for key, rows in groups.items():
        pick = selection.choose(
            selection.Candidate(
                key=row,
                year=row.year,
                preliminary=row.preliminary,
                source=row.source,
                batch=1,
                line=row.line if order == "as in the file" else 10_000 - row.line,
            )
            for row in rows
        ).key
        assert pick.source == expected[key]["source"], key
        assert pick.oda_usd_millions == Decimal(expected[key]["oda_usd_millions"]), key


@pytest.mark.django_db
def test_the_database_holds_every_version_and_marks_the_readmes_figure_chosen():
    rows = file_rows()
    assert OdaFigure.objects.count() == len(rows)
    expected = readme_choice()
    chosen = {(f.donor, f.year): f for f in OdaFigure.objects.filter(chosen=True)}
    assert set(chosen) == set(expected)
    for key, row in expected.items():
        figure = chosen[key]
        assert figure.source == row["source"]
        assert figure.oda_usd_millions == Decimal(row["oda_usd_millions"])
        assert figure.oda_gni_percent == (
            Decimal(row["oda_gni_percent"]) if row["oda_gni_percent"] else None
        )
        assert figure.preliminary is (row["preliminary"] == "true")
        assert figure.basis == row["basis"]
    # Norway 2024: the April 2025 preliminary figure stays on record beside the revised one.
    norway = OdaFigure.objects.filter(donor="NOR", year=2024)
    assert {(f.oda_usd_millions, f.preliminary, f.chosen) for f in norway} == {
        (Decimal("5178.59"), False, True),
        (Decimal("5180.22"), True, False),
    }


def test_the_2018_change_of_measure_is_what_the_file_says():
    for row in file_rows():
        assert row["basis"] == readers.headline_basis(int(row["year"]))
