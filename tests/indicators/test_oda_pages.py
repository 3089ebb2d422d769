"""A reader checks the 0.7 % pledge: who meets it each year, how far the others are, at what cost.

Expected facts are read from the shipped data file (with the csv module and the
README's rule for one figure per donor and year), never from the platform's code.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal

import pytest

from solidarity.indicators import services
from tests.indicators.test_oda_dataset import file_rows, readme_choice

pytestmark = pytest.mark.django_db


def meeting_in_file(year: int) -> set[str]:
    return {
        row["donor"]
        for (key, row_year), row in readme_choice().items()
        if row_year == year
        and row["iso3"]
        and row["oda_gni_percent"]
        and Decimal(row["oda_gni_percent"]) >= Decimal("0.7")
    }


def meeting_on_page(client, year: int) -> list[str]:
    page = client.get(f"/indicators/oda/?year={year}").content.decode()
    listed = re.search(r'<ul class="meeting-target">(.*?)</ul>', page, re.S)
    assert listed, "the page lists who meets 0.7 %"
    return re.findall(r'<a href="/indicators/oda/[A-Z]{3}/">([^<]+)</a>', listed.group(1))


def page_csv(client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_donors_at_or_above_0_7_in_2023_and_2024_are_those_of_the_data_file(client):
    assert meeting_in_file(2023) == {"Denmark", "Germany", "Luxembourg", "Norway", "Sweden"}
    assert meeting_in_file(2024) == {"Norway", "Luxembourg", "Sweden", "Denmark"}
    assert sorted(meeting_on_page(client, 2023)) == sorted(meeting_in_file(2023))
    # Highest share first, as the table is sorted.
    assert meeting_on_page(client, 2024) == ["Norway", "Luxembourg", "Sweden", "Denmark"]


def test_every_year_of_the_file_lists_exactly_the_donors_the_file_puts_at_or_above_0_7(client):
    for year in range(2015, 2025):
        assert sorted(meeting_on_page(client, year)) == sorted(meeting_in_file(year)), year


def test_each_donors_distance_and_cost_follow_the_documented_formula(client):
    rows = {r["donor"]: r for r in page_csv(client, "/indicators/oda/?year=2024&format=csv")}
    germany = readme_choice()[("DEU", 2024)]
    oda, ratio = Decimal(germany["oda_usd_millions"]), Decimal(germany["oda_gni_percent"])
    assert Decimal(rows["DEU"]["oda_gni_percent"]) == ratio
    assert Decimal(rows["DEU"]["distance_points"]) == ratio - Decimal("0.7")
    cost = Decimal(rows["DEU"]["cost_to_meet_usd_millions"])
    assert abs(cost - (oda / ratio * Decimal("0.7") - oda)) < Decimal("0.01")
    assert rows["NOR"]["meets_0_7"] == "true"
    assert Decimal(rows["NOR"]["cost_to_meet_usd_millions"]) == 0
    total = readme_choice()[("dac-total", 2024)]
    assert rows["dac-total"]["oda_gni_percent"] == total["oda_gni_percent"]
    assert len(rows) == 34  # 32 members, the DAC total and EU Institutions


def test_the_page_shows_the_dac_total_ratio_of_the_year(client):
    page = client.get("/indicators/oda/?year=2023").content.decode()
    total = readme_choice()[("dac-total", 2023)]["oda_gni_percent"]
    assert re.search(rf'<p id="dac-total">DAC countries together: {re.escape(total)} %', page)


def test_the_2018_change_of_measure_is_marked_on_every_chart_and_table(client):
    year_page = client.get("/indicators/oda/?year=2016").content.decode()
    assert 'class="change-of-measure note"' in year_page
    assert "2016 is measured in net flows" in year_page
    assert '<tr class="change-of-measure">' in year_page  # the year-by-year table
    donor_page = client.get("/indicators/oda/JPN/").content.decode()
    assert '<g class="change-of-measure">' in donor_page
    table = donor_page[donor_page.index('<table class="data oda-series">') :]
    assert table.index('<tr class="change-of-measure">') < table.index('data-year="2018"')
    assert table.index('data-year="2017"') < table.index('<tr class="change-of-measure">')
    svg = client.get("/indicators/oda/JPN/?format=svg")
    assert svg["Content-Type"].startswith("image/svg+xml")
    assert b'<g class="change-of-measure">' in svg.content


def test_preliminary_figures_are_marked_in_tables_and_charts(client, secretariat):
    donor_page = client.get("/indicators/oda/DNK/").content.decode()
    versions = donor_page[donor_page.index('id="versions"') :]
    preliminary = [r for r in file_rows() if r["donor"] == "Denmark" and r["preliminary"] == "true"]
    assert versions.count('<span class="tag preliminary">') == len(preliminary) == 2
    services.oda_import(
        actor=secretariat,
        data=b"donor,year,value,unit,source,preliminary\n"
        b"Norway,2025,5300.5,USD millions,https://www.oecd.org/x.html,true\n"
        b"Norway,2025,1.01,% of GNI,https://www.oecd.org/x.html,true\n",
        name="oda-2025.csv",
        format="simple",
    )
    page = client.get("/indicators/oda/?year=2025").content.decode()
    row = re.search(r'<tr data-donor="NOR">(.*?)</tr>', page, re.S).group(1)
    assert '<span class="tag preliminary">preliminary</span>' in row
    svg = client.get("/indicators/oda/NOR/?format=svg").content.decode()
    assert re.search(r'<circle[^>]*fill="#ffffff"[^>]*data-year="2025"', svg)
    assert re.search(r'<circle[^>]*fill="#1f4e79"[^>]*data-year="2024"', svg)


def test_each_figure_links_to_its_source(client):
    page = client.get("/indicators/oda/?year=2023").content.decode()
    rows = re.findall(r'<tr data-donor="([^"]+)">(.*?)</tr>', page, re.S)
    assert len(rows) == 34
    commit = "afe9934e9723eb8e4a7df1b752f30544933c3dac"
    for donor, row in rows:
        assert (
            f'href="https://github.com/ONEcampaign/aftershocks_data/blob/{commit}/'
            'raw_data/oda/table1_raw_2010_2023.parquet"' in row
        ), donor
    # A figure read on two pages links both.
    total = client.get("/indicators/oda/dac-total/").content.decode()
    assert 'href="https://donortracker.org/oecd-dac-data-oda-down-2018"' in total
    assert "rural21.com (% of GNI)" in total


def test_a_year_or_donor_without_figures_is_not_found(client):
    assert client.get("/indicators/oda/?year=1999").status_code == 404
    assert client.get("/indicators/oda/?year=soon").status_code == 404
    assert client.get("/indicators/oda/CUB/").status_code == 404
    assert client.get("/indicators/oda/../").status_code == 404


def test_the_api_and_the_pages_csv_carry_the_same_numbers(client):
    api = client.get("/api/v1/indicators/oda?year=2023").json()
    rows = page_csv(client, "/indicators/oda/?year=2023&format=csv")
    assert api["year"] == 2023 and api["basis"] == "grant_equivalent"
    assert sorted(api["meeting_target"]) == ["DEU", "DNK", "LUX", "NOR", "SWE"]
    from_api = {f["donor"]: f for f in [*api["donors"], api["dac_total"], api["eu_institutions"]]}
    assert set(from_api) == {row["donor"] for row in rows}
    for row in rows:
        figure = from_api[row["donor"]]
        for name in ("oda_usd_millions", "oda_gni_percent", "distance_points"):
            expected = float(row[name]) if row[name] else None
            assert figure[name] == expected, (row["donor"], name)
        cost = row["cost_to_meet_usd_millions"]
        assert figure["cost_to_meet_usd_millions"] == (float(cost) if cost else None)
        assert figure["source"] == row["source"]
    norway = readme_choice()[("NOR", 2023)]
    assert from_api["NOR"]["oda_usd_millions"] == float(norway["oda_usd_millions"])


def test_the_api_gives_a_donors_series_with_its_other_versions(client):
    body = client.get("/api/v1/indicators/oda/donors/NOR").json()
    assert [f["year"] for f in body["years"]] == list(range(2015, 2025))
    assert body["change_of_measure_year"] == 2018
    assert [(f["year"], f["preliminary"]) for f in body["other_versions"]] == [(2024, True)]
    assert client.get("/api/v1/indicators/oda/donors/CUB").status_code == 404
    assert client.get("/api/v1/indicators/oda?year=1999").status_code == 404


def test_the_pages_read_the_database_a_bounded_number_of_times(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        assert client.get("/indicators/oda/?year=2020").status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get("/indicators/oda/NOR/").status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get("/api/v1/indicators/oda?year=2020").status_code == 200
