"""A State's page shows, for a donor, its ODA/GNI over the years against 0.7 %."""

from __future__ import annotations

import re

import pytest

from tests.indicators.test_oda_dataset import readme_choice

pytestmark = pytest.mark.django_db


def test_norways_page_shows_its_oda_series_against_0_7(client):
    page = client.get("/countries/NOR/").content.decode()
    section = page[page.index('<section aria-labelledby="oda-heading"') :]
    section = section[: section.index("</section>")]
    assert "Official development assistance against the 0.7 % pledge" in section
    rows = dict(re.findall(r'<tr data-year="(\d{4})">.*?<td class="ratio">([\d.]+)', section, re.S))
    expected = {
        str(year): row["oda_gni_percent"]
        for (donor, year), row in readme_choice().items()
        if donor == "NOR"
    }
    assert rows == expected
    assert '<tr class="change-of-measure">' in section
    assert 'src="/indicators/oda/NOR/?format=svg"' in section
    assert 'href="/indicators/oda/NOR/"' in section


def test_a_state_that_reports_no_oda_has_no_oda_section(client):
    page = client.get("/countries/CUB/")
    assert page.status_code == 200
    assert 'aria-labelledby="oda-heading"' not in page.content.decode()
