"""Issue 14's story in a real browser: a reader checks the 0.7 % pledge from the main
navigation, year by year and donor by donor, downloads the figures, and finds Norway's series
on its State's page; a French reader finds the States in French alphabetical order."""

from __future__ import annotations

import csv
import io

from e2e.conftest import screenshot


def test_a_reader_checks_who_meets_the_0_7_pledge(page):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Aid and the 0.7 % pledge"
    ).click()
    page.get_by_role("link", name="2023", exact=True).first.click()
    meeting = page.locator("ul.meeting-target li a").all_inner_texts()
    assert sorted(meeting) == ["Denmark", "Germany", "Luxembourg", "Norway", "Sweden"]
    assert "2023 is measured in grant equivalents" in page.content()
    screenshot(page, "indicators-oda-2023")

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV", exact=True).click()
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text("utf-8-sig"))))
    api = page.request.get("/api/v1/indicators/oda?year=2023").json()
    by_donor = {row["donor"]: row for row in rows}
    for figure in api["donors"]:
        assert float(by_donor[figure["donor"]]["oda_gni_percent"]) == figure["oda_gni_percent"]

    page.locator('tr[data-donor="NOR"] th a').click()
    assert page.locator("svg.oda-chart g.change-of-measure").count() == 1
    assert page.locator("svg.oda-chart circle").count() == 10
    assert page.locator("#versions").is_visible()
    screenshot(page, "indicators-oda-norway")

    page.get_by_role("link", name="Everything the platform knows about Norway").click()
    section = page.locator("section.country-oda")
    assert section.get_by_role("heading").inner_text().startswith("Official development")
    assert section.locator('tr[data-year="2023"] td.ratio').inner_text().startswith("1.09")
    page.wait_for_load_state("load")
    images = page.evaluate(
        "() => [...document.images].map(image => [image.src, image.complete, image.naturalWidth])"
    )
    assert images and all(complete and width > 0 for _src, complete, width in images), images
    screenshot(page, "indicators-country-norway")


def test_a_french_reader_finds_the_states_in_french_order(page):
    page.goto("/fr/countries/")
    names = page.locator("table.data tbody th a").all_inner_texts()
    assert names[:4] == ["Afghanistan", "Afrique du Sud", "Albanie", "Algérie"]
