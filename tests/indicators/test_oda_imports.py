"""The secretariat adds figures: next year's, a newer vintage, from the OECD or a plain CSV."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from solidarity.core.models import AuditEntry
from solidarity.indicators import services
from solidarity.indicators.models import IndicatorImport, OdaFigure

pytestmark = pytest.mark.django_db

SOURCE = "https://www.oecd.org/en/data/example-release-2026.html"


def simple(*lines: str) -> bytes:
    return ("donor,year,value,unit,source,preliminary\n" + "\n".join(lines) + "\n").encode()


def test_the_secretariat_adds_next_years_preliminary_figure_and_it_stands_for_the_year(
    secretariat,
):
    report = services.oda_import(
        actor=secretariat,
        data=simple(
            f"Norway,2025,5300.50,USD millions,{SOURCE},true",
            f"Norway,2025,1.01,% of GNI,{SOURCE},true",
        ),
        name="oda-2025.csv",
        format="simple",
    )
    assert (report.read, report.added) == (1, 1)
    figure = OdaFigure.objects.get(donor="NOR", year=2025)
    assert figure.chosen and figure.preliminary
    assert (figure.oda_usd_millions, figure.oda_gni_percent) == (
        Decimal("5300.50"),
        Decimal("1.01"),
    )
    assert figure.basis == "grant_equivalent"
    entry = AuditEntry.objects.get(action="indicators.oda_import")
    assert entry.actor_label == secretariat.get_username()
    assert entry.changes["rows_added"] == [None, 1]


def test_a_broken_file_is_refused_whole_naming_every_row_it_cannot_take(secretariat):
    imports, figures = IndicatorImport.objects.count(), OdaFigure.objects.count()
    with pytest.raises(services.ImportRefused) as refused:
        services.oda_import(
            actor=secretariat,
            data=simple(
                f"Norway,2025,5300.50,USD millions,{SOURCE},false",  # line 2: fine
                f"Atlantis,2025,12,USD millions,{SOURCE},false",  # 3: no such donor
                f"Sweden,twenty,12,USD millions,{SOURCE},false",  # 4: no year
                f"Sweden,2025,12,USD billions,{SOURCE},false",  # 5: unit
                "Denmark,2025,3000,USD millions,,false",  # 6: no source
                f"Finland,2025,0.4,% of GNI,{SOURCE},false",  # 7: ratio without money
            ),
            name="broken.csv",
            format="simple",
        )
    assert [problem.line for problem in refused.value.problems] == [3, 4, 5, 6, 7]
    assert "Atlantis" in refused.value.problems[0].message
    assert "USD billions" in refused.value.problems[2].message
    assert (IndicatorImport.objects.count(), OdaFigure.objects.count()) == (imports, figures)
    assert not OdaFigure.objects.filter(year=2025).exists()


def test_a_later_final_figure_stands_for_the_year_and_the_earlier_one_stays_on_record(secretariat):
    before = OdaFigure.objects.get(donor="SWE", year=2023, chosen=True)
    services.oda_import(
        actor=secretariat,
        data=simple(
            f"Sweden,2023,5600.00,USD millions,{SOURCE},false",
            f"Sweden,2023,0.92,% of GNI,{SOURCE},false",
        ),
        name="revision.csv",
        format="simple",
    )
    now = OdaFigure.objects.get(donor="SWE", year=2023, chosen=True)
    assert now.source == SOURCE and now.oda_usd_millions == Decimal("5600.00")
    before.refresh_from_db()
    assert not before.chosen


def test_a_preliminary_figure_never_takes_the_place_of_a_final_one(secretariat):
    before = OdaFigure.objects.get(donor="SWE", year=2023, chosen=True)
    services.oda_import(
        actor=secretariat,
        data=simple(f"Sweden,2023,5000.00,USD millions,{SOURCE},true"),
        name="late-preliminary.csv",
        format="simple",
    )
    assert OdaFigure.objects.get(donor="SWE", year=2023, chosen=True) == before


def test_importing_the_shipped_dataset_again_adds_nothing():
    figures = OdaFigure.objects.count()
    report = services.oda_import_shipped(actor=None)
    assert (report.read, report.added, report.already_on_record) == (418, 0, 418)
    assert OdaFigure.objects.count() == figures


DAC1_HEADER = (
    "DONOR,Donor,PART,Part,AIDTYPE,Aid type,FLOWS,Fund flows,AMOUNTTYPE,Amount type,"
    "TIME,Year,Value,Flags"
)


def dac1(*lines: str) -> bytes:
    return (DAC1_HEADER + "\n" + "\n".join(lines) + "\n").encode()


def test_an_oecd_dac1_export_gives_the_headline_measure_and_passes_over_other_series(secretariat):
    data = dac1(
        '8,Norway,1,1 : Part I,11010,"I. Official Development Assistance (ODA), grant equivalent",'
        "1160,Grant equivalent,A,Current Prices (USD millions),2025,2025,5400.123456,",
        "8,Norway,1,1 : Part I,11002,ODA as percent of GNI (grant equivalent),1160,Grant "
        "equivalent,A,Current Prices (USD millions),2025,2025,1.04,",
        # Net disbursements are not the headline measure in 2025: passed over.
        "8,Norway,1,P,1010,ODA net,1140,Net Disbursements,A,Current Prices,2025,2025,5500,",
        # Constant prices: passed over.
        "8,Norway,1,P,11010,ODA GE,1160,Grant equivalent,D,Constant Prices,2025,2025,5000,",
        '20001,"DAC Countries, Total",1,1 : Part I,11010,ODA GE,1160,Grant equivalent,A,'
        "Current Prices (USD millions),2025,2025,220000,",
        '20001,"DAC Countries, Total",1,1 : Part I,11002,ODA GNI,1160,Grant equivalent,A,'
        "Current Prices (USD millions),2025,2025,0.31,",
    )
    report = services.oda_import(
        actor=secretariat,
        data=data,
        name="Table1_Data.csv",
        format="dac1",
        source=SOURCE,
        preliminary=True,
    )
    assert (report.read, report.added, report.passed_over) == (2, 2, 2)
    norway = OdaFigure.objects.get(donor="NOR", year=2025)
    assert (norway.oda_usd_millions, norway.oda_gni_percent) == (
        Decimal("5400.12"),
        Decimal("1.04"),
    )
    assert norway.preliminary and norway.chosen and norway.source == SOURCE
    total = OdaFigure.objects.get(donor="dac-total", year=2025)
    assert total.oda_gni_percent == Decimal("0.31")


def test_a_dac1_export_without_a_source_or_with_a_bad_value_is_refused(secretariat):
    row = "8,Norway,1,P,11010,ODA,1160,GE,A,USD m,2025,2025,{value},"
    with pytest.raises(services.ImportRefused) as refused:
        services.oda_import(
            actor=secretariat, data=dac1(row.format(value="5400")), name="t.csv", format="dac1"
        )
    assert "source" in refused.value.problems[0].message
    with pytest.raises(services.ImportRefused) as refused:
        services.oda_import(
            actor=secretariat,
            data=dac1(row.format(value="n/a")),
            name="t.csv",
            format="dac1",
            source=SOURCE,
        )
    assert [(p.line, "not a number" in p.message) for p in refused.value.problems] == [(2, True)]
    assert not OdaFigure.objects.filter(year=2025).exists()


def test_a_state_focal_point_cannot_import_figures(focal_point_a):
    with pytest.raises(PermissionDenied):
        services.oda_import(
            actor=focal_point_a,
            data=simple(f"Norway,2025,5300.50,USD millions,{SOURCE},false"),
            name="x.csv",
            format="simple",
        )
    assert not OdaFigure.objects.filter(year=2025).exists()


def test_the_command_imports_a_file_and_names_each_refused_row_with_its_line(tmp_path, capsys):
    good = tmp_path / "oda-2025.csv"
    good.write_bytes(simple(f"Norway,2025,5300.50,USD millions,{SOURCE},true"))
    call_command("indicators", "import-oda", str(good), "--format", "simple")
    assert "1 figures read: 1 added" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_bytes(simple(f"Norway,2026,lots,USD millions,{SOURCE},true"))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("indicators", "import-oda", str(bad), "--format", "simple")
    assert "bad.csv:2: the ODA in USD millions 'lots' is not a number" in capsys.readouterr().err
    assert not OdaFigure.objects.filter(year=2026).exists()
