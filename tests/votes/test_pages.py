"""The pages of recorded votes: /votes/ and the section of a State's page, from resolution 56/4."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _voters(seed_document):
    vote = seed_document["vote"]
    return vote["in_favour"][0]["iso3"], vote["in_favour"][1]["iso3"], vote["against"][0]["iso3"]


def test_a_visitor_compares_two_voters_of_56_4_on_the_votes_page(
    client, resolution_56_4, seed_document
):
    yes_a, yes_b, against = _voters(seed_document)
    page = client.get("/votes/", {"a": yes_a, "b": against}).content.decode()
    assert "voted alike in 0 of the 1 roll calls where both voted" in page
    page = client.get("/votes/", {"a": yes_a, "b": yes_b}).content.decode()
    assert "voted alike in 1 of the 1 roll calls where both voted" in page
    # The roll call of 56/4 is listed as a Council roll call from a stored resolution.
    assert "A resolution stored on the platform" in page
    # Narrowed to the General Assembly, nothing is left to compare.
    page = client.get("/votes/", {"a": yes_a, "b": yes_b, "body": "GA"}).content.decode()
    assert "never both voted in the roll calls selected" in page


def test_the_votes_page_shows_group_cohesion_and_the_share_adopted_by_vote(
    client, resolution_56_4, seed_document
):
    page = client.get("/votes/").content.decode()
    assert 'id="cohesion"' in page and "Western European and other States" in page
    # 56/4, adopted by a recorded vote in 2024, is the one resolution stored.
    assert '<tr><th scope="row">2024</th><td>1</td><td>1</td><td>100 %</td></tr>' in page
    csv_text = b"".join(client.get("/votes/", {"format": "csv"}).streaming_content).decode(
        "utf-8-sig"
    )
    lines = csv_text.splitlines()
    assert lines[0] == "group,members,cohesion,roll_calls"
    assert len(lines) == 6


def test_a_bad_date_on_the_votes_page_is_said_not_fatal(client, db):
    response = client.get("/votes/", {"from": "19x0"})
    assert response.status_code == 200
    assert "are a year (1990) or a day" in response.content.decode()


def test_a_voters_page_shows_its_yearly_composition_with_chart_table_and_csv(
    client, resolution_56_4, seed_document
):
    yes_a, _yes_b, against = _voters(seed_document)
    page = client.get(f"/countries/{against}/").content.decode()
    assert "How this State votes" in page
    assert f"/votes/states/{against}/by-year.svg" in page
    assert '<tr><th scope="row">2024</th><td>0</td><td>1</td><td>0</td><td>1</td></tr>' in page
    chart = client.get(f"/votes/states/{against}/by-year.svg")
    assert chart["Content-Type"].startswith("image/svg+xml")
    assert b"<title" in chart.content and b"2024: No 1 / 1" in chart.content
    rows = b"".join(client.get(f"/votes/states/{yes_a}/by-year.csv").streaming_content).decode(
        "utf-8-sig"
    )
    assert rows.splitlines() == ["iso3,year,yes,no,abstain,total", f"{yes_a},2024,1,0,0,1"]
    # Partners need 20 shared roll calls: with one, none is ranked.
    assert 'class="closest"' not in page


def test_a_state_without_votes_says_so_and_an_unknown_state_has_no_chart(client, resolution_56_4):
    page = client.get("/countries/VAT/").content.decode()
    assert "No roll call of this State is stored yet." in page
    assert client.get("/votes/states/XXX/by-year.svg").status_code == 404


def test_the_56_4_page_shows_its_vote_by_regional_group_and_who_of_the_council_did_not_vote(
    client, resolution_56_4, seed_document
):
    from solidarity.countries.models import CouncilMembership, Country

    groups = dict(Country.objects.values_list("iso3", "regional_group"))
    page = client.get(resolution_56_4.get_absolute_url()).content.decode()
    assert "Cohesion of the regional groups in this vote" in page
    vote = seed_document["vote"]
    for group, label in (
        ("African", "African States"),
        ("Western European and other", "Western European and other States"),
    ):
        yes = sum(1 for v in vote["in_favour"] if groups[v["iso3"]] == group)
        no = sum(1 for v in vote["against"] if groups[v["iso3"]] == group)
        abstain = sum(1 for v in vote["abstaining"] if groups[v["iso3"]] == group)
        assert (
            f'<tr><th scope="row">{label}</th><td>{yes}</td><td>{no}</td><td>{abstain}</td>' in page
        )
    voters = {v["iso3"] for key in ("in_favour", "against", "abstaining") for v in vote[key]}
    members = set(CouncilMembership.objects.filter(year=2024).values_list("country_id", flat=True))
    if members - voters:
        assert "that did not vote:" in page
    else:
        assert "Every member of the Council in 2024 voted." in page


def test_the_votes_page_lists_the_vote_on_56_4_among_the_latest_roll_calls(
    client, resolution_56_4, seed_document
):
    vote = seed_document["vote"]
    yes, no, abstain = (len(vote[key]) for key in ("in_favour", "against", "abstaining"))
    tally = f"<td>{yes}</td><td>{no}</td><td>{abstain}</td>"
    page = client.get("/votes/").content.decode()
    assert f'<a href="{resolution_56_4.get_absolute_url()}#vote">A/HRC/RES/56/4</a>' in page
    assert tally in page
