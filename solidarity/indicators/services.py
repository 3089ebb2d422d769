"""Changes of state of the indicators: imports of figures, one transaction each, audited."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from solidarity.core import audit, pagecache
from solidarity.core.permissions import require
from solidarity.indicators import readers, selection
from solidarity.indicators.models import Contribution, IndicatorImport, OdaFigure
from solidarity.indicators.permissions import can_import_indicators

SHIPPED_FILE = Path(__file__).resolve().parent / "data" / "oda" / "oda_dac_members.csv"


class ImportRefused(Exception):
    """The file has rows that cannot be taken; nothing of it was stored."""

    def __init__(self, problems: list[readers.Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass
class ImportReport:
    origin: IndicatorImport
    read: int
    added: int
    already_on_record: int
    passed_over: int = 0
    changed_choices: list[tuple[str, int]] = field(default_factory=list)


def _actor_label(actor) -> str:
    if actor is not None and getattr(actor, "is_authenticated", False):
        return actor.get_username()
    return "operator"


def add_oda_figures(figure_model, origin, rows: Iterable[readers.OdaRow]) -> tuple[int, int, list]:
    """Store the figures not yet on record and choose again where they land.

    Takes the model class, so the data migration that loads the shipped file
    runs the same code with its historical model.
    """
    rows = list(rows)
    donor_years = {(row.donor, row.year) for row in rows}
    years = {year for _, year in donor_years}
    existing = {
        (f.donor, f.year, f.oda_usd_millions, f.oda_gni_percent, f.basis, f.preliminary, f.source)
        for f in figure_model.objects.filter(year__in=years)
        if (f.donor, f.year) in donor_years
    }
    new = [row for row in rows if row.identity() not in existing]
    figure_model.objects.bulk_create(
        [
            figure_model(
                donor=row.donor,
                year=row.year,
                oda_usd_millions=row.oda_usd_millions,
                oda_gni_percent=row.oda_gni_percent,
                basis=row.basis,
                preliminary=row.preliminary,
                source=row.source,
                origin=origin,
                line=row.line,
            )
            for row in new
        ],
        batch_size=500,
    )
    changed = choose_again(figure_model, {(row.donor, row.year) for row in new})
    return len(new), len(rows) - len(new), changed


def choose_again(figure_model, donor_years: set[tuple[str, int]]) -> list[tuple[str, int]]:
    """Mark, for each donor-year, the figure the selection rule chooses; the donor-years changed."""
    if not donor_years:
        return []
    by_donor_year = defaultdict(list)
    years = {year for _, year in donor_years}
    for figure in figure_model.objects.filter(year__in=years):
        if (figure.donor, figure.year) in donor_years:
            by_donor_year[(figure.donor, figure.year)].append(figure)
    changed, unmark, mark = [], [], []
    for key, figures in sorted(by_donor_year.items()):
        pick = selection.choose(
            selection.Candidate(
                key=f.pk,
                year=f.year,
                preliminary=f.preliminary,
                source=f.source,
                batch=f.origin_id,
                line=f.line,
            )
            for f in figures
        )
        before = next((f.pk for f in figures if f.chosen), None)
        if before != pick.key:
            changed.append(key)
            if before is not None:
                unmark.append(before)
            mark.append(pick.key)
    figure_model.objects.filter(pk__in=unmark).update(chosen=False)
    figure_model.objects.filter(pk__in=mark).update(chosen=True)
    return changed


def oda_import(
    *, actor, data: bytes, name: str, format: str, source: str = "", preliminary: bool = False
) -> ImportReport:
    """Take a file of ODA figures whole, or refuse it whole naming every row it cannot take."""
    if actor is not None:
        require(can_import_indicators, actor)
    if format == "contributions":
        raise ValueError("voluntary contributions are imported by contributions_import")
    reading = readers.read(data, format=format, source=source, preliminary=preliminary)
    if reading.problems:
        raise ImportRefused(reading.problems)
    with transaction.atomic():
        origin = IndicatorImport.objects.create(
            format=format,
            name=name[:300],
            imported_by=_actor_label(actor),
            rows_read=len(reading.rows),
        )
        added, known, changed = add_oda_figures(OdaFigure, origin, reading.rows)
        # Each donor's page shows its figures, the chosen ones and the others.
        pagecache.changed(*(pagecache.state(row.donor) for row in reading.rows))
        origin.rows_added = added
        origin.save(update_fields=["rows_added"])
        audit.record(
            actor=actor,
            action="indicators.oda_import",
            target=origin,
            after={
                "format": format,
                "rows_read": len(reading.rows),
                "rows_added": added,
                "chosen_changed": [f"{donor} {year}" for donor, year in changed],
            },
        )
    return ImportReport(origin, len(reading.rows), added, known, reading.passed_over, changed)


def contributions_import(*, actor, data: bytes, name: str) -> ImportReport:
    """Take a CSV of voluntary contributions whole, or refuse it whole naming every bad row."""
    if actor is not None:
        require(can_import_indicators, actor)
    reading = readers.read_contributions(data)
    if reading.problems:
        raise ImportRefused(reading.problems)
    with transaction.atomic():
        origin = IndicatorImport.objects.create(
            format="contributions",
            name=name[:300],
            imported_by=_actor_label(actor),
            rows_read=len(reading.rows),
        )
        existing = {
            (c.donor, c.fund, c.year, c.amount_usd, c.source)
            for c in Contribution.objects.filter(year__in={row.year for row in reading.rows})
        }
        new = [row for row in reading.rows if row.identity() not in existing]
        Contribution.objects.bulk_create(
            [
                Contribution(
                    donor=row.donor,
                    fund=row.fund,
                    year=row.year,
                    amount_usd=row.amount_usd,
                    source=row.source,
                    origin=origin,
                    line=row.line,
                )
                for row in new
            ],
            batch_size=500,
        )
        origin.rows_added = len(new)
        origin.save(update_fields=["rows_added"])
        pagecache.changed(*(pagecache.state(row.donor) for row in new))
        audit.record(
            actor=actor,
            action="indicators.contributions_import",
            target=origin,
            after={"rows_read": len(reading.rows), "rows_added": len(new)},
        )
    return ImportReport(origin, len(reading.rows), len(new), len(reading.rows) - len(new))


def oda_import_shipped(*, actor) -> ImportReport:
    return oda_import(
        actor=actor, data=SHIPPED_FILE.read_bytes(), name=SHIPPED_FILE.name, format="shipped"
    )
