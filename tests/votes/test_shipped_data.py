"""Voeten's General Assembly data as shipped: imported whole, and every figure equal to
the same figure computed straight from the CSV files."""

from __future__ import annotations

import csv
import gzip
import random
import re
from collections import Counter

import pytest

from solidarity.countries.models import Country
from solidarity.votes import positions
from solidarity.votes.models import CountryVote, RollCall, Source
from tests.votes.conftest import SHIPPED, shipped_roll_calls, shipped_rows

pytestmark = pytest.mark.django_db


def test_the_shipped_data_is_imported_whole_every_row_stored_or_reported(shipped_import):
    rows = shipped_rows()
    known_iso2 = set(Country.objects.values_list("iso2", flat=True))
    # Read straight from the file: a row is stored when its alpha-2 code is a State's,
    # or, with no code, when its name is a State's.
    unnamed = Counter(row["country"] for row in rows if not row["country_code"])
    storable_without_code = {"Federal Republic of Germany"}
    expected_stored = sum(1 for row in rows if row["country_code"] in known_iso2) + sum(
        count for name, count in unnamed.items() if name in storable_without_code
    )
    assert shipped_import.votes == expected_stored == CountryVote.objects.count()
    assert shipped_import.votes + sum(shipped_import.unmapped.values()) == len(rows)
    assert (
        RollCall.objects.filter(source=Source.UNVOTES).count() == shipped_import.roll_calls == 6203
    )
    # Those not stored are named, and none is a State today.
    for name in shipped_import.unmapped:
        assert not Country.objects.filter(un_name=name).exists()
    assert "Yugoslavia" in shipped_import.unmapped and "Czechoslovakia" in shipped_import.unmapped
    us_rows = Counter(row["vote"] for row in rows if row["country_code"] == "US")
    us_stored = Counter(
        positions.NAMES[p]
        for p in CountryVote.objects.filter(country="USA").values_list("position", flat=True)
    )
    assert us_stored == us_rows


def _positions_from_csv() -> dict[str, dict[str, str]]:
    """{alpha-2 code: {rcid: vote}}, straight from the file (Germany's seat under both names)."""
    by_state: dict[str, dict[str, str]] = {}
    for row in shipped_rows():
        code = row["country_code"] or {"Federal Republic of Germany": "DE"}.get(row["country"], "")
        if code:
            by_state.setdefault(code, {})[row["rcid"]] = row["vote"]
    return by_state


def _share_from_csv(by_state, a2, b2, rcids=None):
    a, b = by_state[a2], by_state[b2]
    both = [rcid for rcid in a if rcid in b and (rcids is None or rcid in rcids)]
    agreed = sum(1 for rcid in both if a[rcid] == b[rcid])
    return agreed, len(both)


def _sample_pairs() -> list[tuple[str, str]]:
    codes = sorted(Country.objects.values_list("iso2", "iso3"))
    chosen = random.Random(56).sample(codes, 12)
    pairs = [(chosen[i], chosen[i + 1]) for i in range(0, 12, 2)]
    return [(("US", "USA"), ("IL", "ISR")), (("DE", "DEU"), ("FR", "FRA")), *pairs]


def test_the_api_agreement_of_two_states_equals_the_share_computed_from_the_csv(
    shipped_import, client
):
    by_state = _positions_from_csv()
    for (a2, a3), (b2, b3) in _sample_pairs():
        if a2 not in by_state or b2 not in by_state:
            continue  # an observer State with no vote in the General Assembly
        agreed, compared = _share_from_csv(by_state, a2, b2)
        body = client.get("/api/v1/votes/agreement", {"a": a3, "b": b3}).json()
        assert (body["agreed"], body["compared"]) == (agreed, compared), (a3, b3)
        if compared:
            assert body["agreement"] == pytest.approx(agreed / compared)
    usa_isr = client.get("/api/v1/votes/agreement", {"a": "usa", "b": "ISR"}).json()
    assert set(usa_isr) >= {"agreement", "compared"} and usa_isr["compared"] > 4000


def test_the_agreement_over_years_a_body_and_a_topic_equals_the_csv_too(shipped_import, client):
    by_state = _positions_from_csv()
    roll_calls = shipped_roll_calls()
    with gzip.open(SHIPPED / "un_roll_call_issues.csv.gz", "rt", newline="") as handle:
        human_rights = {row["rcid"] for row in csv.DictReader(handle) if row["short_name"] == "hr"}
    nineties = {
        rcid for rcid, row in roll_calls.items() if "1990-01-01" <= row["date"] <= "1999-12-31"
    }
    checks = [
        ({"from": "1990", "to": "1999"}, nineties),
        ({"from": "1990-01-01", "to": "1999-12-31", "body": "GA"}, nineties),
        ({"topic": "hr"}, human_rights),
        ({"from": "1990", "to": "1999", "topic": "hr"}, nineties & human_rights),
    ]
    for query, rcids in checks:
        agreed, compared = _share_from_csv(by_state, "US", "IL", rcids)
        body = client.get("/api/v1/votes/agreement", {"a": "USA", "b": "ISR", **query}).json()
        assert (body["agreed"], body["compared"]) == (agreed, compared), query
        assert body["agreement"] == pytest.approx(agreed / compared)
    council = client.get("/api/v1/votes/agreement", {"a": "USA", "b": "ISR", "body": "HRC"}).json()
    assert council == {
        "a": "USA",
        "b": "ISR",
        "agreement": None,
        "compared": 0,
        "agreed": 0,
        "roll_calls": 0,
    }


def test_the_matrix_and_partners_give_the_same_agreement_as_the_pair(shipped_import, client):
    pair = client.get("/api/v1/votes/agreement", {"a": "CUB", "b": "USA", "from": "2000"}).json()
    matrix = client.get("/api/v1/votes/matrix", {"states": "CUB,USA,ISR", "from": "2000"}).json()
    assert matrix["states"] == ["CUB", "USA", "ISR"]
    assert (
        matrix["agreement"][0][1] == matrix["agreement"][1][0] == pytest.approx(pair["agreement"])
    )
    assert matrix["compared"][0][1] == pair["compared"]
    assert matrix["agreement"][0][0] == 1.0
    partners = client.get("/api/v1/votes/partners/USA", {"limit": 200, "from": "2000"}).json()
    cuba = next(p for p in partners["closest"] if p["iso3"] == "CUB")
    assert (cuba["agreed"], cuba["compared"]) == (pair["agreed"], pair["compared"])
    # Ranked closest first; the furthest list is the same order from the other end.
    shares = [p["agreement"] for p in partners["closest"]]
    assert shares == sorted(shares, reverse=True)
    assert partners["furthest"][0] == partners["closest"][-1]


def test_unknown_states_and_malformed_bounds_are_refused_with_their_reason(shipped_import, client):
    assert client.get("/api/v1/votes/agreement", {"a": "XXX", "b": "USA"}).status_code == 404
    assert (
        client.get(
            "/api/v1/votes/agreement", {"a": "USA", "b": "ISR", "from": "1990-13-45"}
        ).status_code
        == 400
    )
    assert (
        client.get("/api/v1/votes/agreement", {"a": "USA", "b": "ISR", "topic": "x"}).status_code
        == 422
    )


def test_a_states_page_ranks_its_partners_and_cites_voeten(shipped_import, client):
    page = client.get("/countries/USA/").content.decode()
    assert "Erik Voeten" in page and "hdl:1902.1/12379" in page
    assert page.count('class="closest"') == 5 and page.count('class="furthest"') == 5
    ranked = client.get("/api/v1/votes/partners/USA", {"limit": 5}).json()
    assert f"/countries/{ranked['closest'][0]['iso3']}/" in page
    # The yearly table is the CSV file's count of the United States' votes in 1990.
    in_1990 = {rcid for rcid, row in shipped_roll_calls().items() if row["date"].startswith("1990")}
    counts = Counter(
        row["vote"]
        for row in shipped_rows()
        if row["country_code"] == "US" and row["rcid"] in in_1990
    )
    yes, no, abstain = counts["yes"], counts["no"], counts["abstain"]
    expected = f'<tr><th scope="row">1990</th><td>{yes}</td><td>{no}</td><td>{abstain}</td>'
    assert expected in page
    assert "Erik Voeten" in client.get("/votes/").content.decode()


def test_most_often_outvoted_counts_as_the_csv_does(shipped_import, client):
    known = set(Country.objects.values_list("iso2", flat=True))
    tallies: dict[str, Counter] = {}
    for row in shipped_rows():
        code = row["country_code"] or {"Federal Republic of Germany": "DE"}.get(row["country"], "")
        if code in known:
            tallies.setdefault(row["rcid"], Counter())[row["vote"]] += 1
    lost = counted = 0
    for row in shipped_rows():
        if row["country_code"] != "IL" or row["vote"] == "abstain":
            continue
        tally = tallies[row["rcid"]]
        if tally["yes"] != tally["no"]:
            counted += 1
            winner = "yes" if tally["yes"] > tally["no"] else "no"
            lost += row["vote"] != winner
    ranked = client.get("/api/v1/votes/outvoted").json()
    israel = next(r for r in ranked if r["iso3"] == "ISR")
    assert (israel["outvoted"], israel["counted"]) == (lost, counted)
    assert israel["share_outvoted"] == pytest.approx(lost / counted)
    shares = [r["share_outvoted"] for r in ranked]
    assert shares == sorted(shares, reverse=True)


def test_on_one_dimension_the_us_lies_nearer_israel_than_cuba(shipped_import, client):
    points = {r["iso3"]: r["point"] for r in client.get("/api/v1/votes/ideal-points").json()}
    assert abs(points["USA"] - points["ISR"]) < abs(points["USA"] - points["CUB"])
    page = client.get("/votes/").content.decode()
    assert 'id="ideal-points"' in page and 'id="outvoted"' in page
    chart = client.get("/votes/ideal-points.svg", {"from": "2000"})
    assert (
        chart["Content-Type"].startswith("image/svg+xml")
        and b"United States of America: " in chart.content
    )
    state = client.get("/countries/FRA/").content.decode()
    assert "It voted with the majority of the Western European and other States in" in state


def test_the_world_map_colours_each_state_by_its_agreement_with_the_chosen_one(
    shipped_import, client
):
    svg = client.get("/votes/agreement-map.svg", {"a": "USA"}).content.decode()
    for other in ("ISR", "CUB", "GBR"):
        share = client.get("/api/v1/votes/agreement", {"a": "USA", "b": other}).json()["agreement"]
        floor = next(f for f in (80, 60, 40, 20, 0) if share * 100 >= f)
        assert re.search(rf'<g class="country agreement-{floor}" data-iso3="{other}"', svg), (
            other,
            floor,
        )
    page = client.get("/votes/", {"a": "USA", "b": "ISR"}).content.decode()
    assert "/votes/agreement-map.svg?a=USA" in page and 'id="agreement-with"' in page
    rows = b"".join(
        client.get("/votes/", {"a": "USA", "format": "csv", "table": "agreement"}).streaming_content
    ).decode("utf-8-sig")
    ranked = client.get("/api/v1/votes/partners/USA", {"limit": 200}).json()["closest"]
    assert [line.split(",")[0] for line in rows.splitlines()[1:]] == [p["iso3"] for p in ranked]


def test_the_matrix_download_is_in_the_order_of_the_first_dimension_and_symmetric(
    shipped_import, client
):
    rows = b"".join(
        client.get(
            "/votes/", {"from": "2010", "format": "csv", "table": "matrix"}
        ).streaming_content
    ).decode("utf-8-sig")
    lines = [line.split(",") for line in rows.splitlines()]
    states = lines[0][1:]
    ordered = [r["iso3"] for r in client.get("/api/v1/votes/ideal-points", {"from": "2010"}).json()]
    assert states == ordered == [line[0] for line in lines[1:]]
    i, j = states.index("USA"), states.index("ISR")
    pair = client.get("/api/v1/votes/agreement", {"a": "USA", "b": "ISR", "from": "2010"}).json()
    assert (
        float(lines[i + 1][j + 1]) == float(lines[j + 1][i + 1]) == pytest.approx(pair["agreement"])
    )
