"""The secretariat reads the audit trail in words: what was done, by whom, to which record,
and each change as a field's label with readable values; never codes, ids or raw HTML."""

import ast
from pathlib import Path

import pytest

from solidarity.core import audit
from solidarity.core.audit_display import action_choices, readable
from solidarity.core.models import AuditEntry
from solidarity.visits import lifecycle
from tests.conftest import practice_content, publish

pytestmark = pytest.mark.django_db

PACKAGE = Path(audit.__file__).resolve().parent.parent


def recorded_action_codes() -> set[str]:
    """Every action code passed to ``audit.record`` in the platform's code.

    Literal codes and both sides of ``a if … else b`` are read from the source; the one
    code built from a value, ``f"visit.{kind}"``, is expanded over the visit events.
    """
    codes: set[str] = set()
    built: list[str] = []

    def strings(node) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.IfExp):
            return strings(node.body) + strings(node.orelse)
        if isinstance(node, ast.JoinedStr):
            built.append(ast.unparse(node))
        return []

    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            called = ast.unparse(node.func)
            if called not in {"audit.record", "record"} and not called.endswith("_review_step"):
                continue
            for keyword in node.keywords:
                if keyword.arg == "action":
                    codes.update(strings(keyword.value))
            if called.endswith("_review_step") and len(node.args) >= 4:
                codes.update(strings(node.args[3]))
    assert built == ["f'visit.{kind}'"], f"a new computed action code: {built}"
    codes.update(f"visit.{kind}" for kind in lifecycle.EVENTS)
    return codes


def test_every_action_recorded_anywhere_has_words():
    codes = recorded_action_codes()
    assert len(codes) > 60  # the reading of the code found the services' calls
    assert {"practice.publish", "practice.reject", "visit.completed"} <= codes
    missing = sorted(codes - set(audit.ACTIONS))
    assert missing == [], f"action codes without a label in core/audit.py: {missing}"


def test_an_action_reads_as_words_and_an_unknown_one_never_shows_its_code():
    assert audit.action_label("practice.publish") == "Published a practice"
    assert "unheard" not in audit.action_label("unheard.of")


def test_the_filter_offers_words_in_alphabetical_order():
    choices = action_choices()
    labels = [label for _code, label in choices]
    assert labels == sorted(labels)
    assert ("practice.publish", "Published a practice") in choices
    assert all("." not in label for label in labels)


def table(response) -> str:
    """The trail's entries, without the filter's list of every action."""
    page = response.content.decode()
    return page[page.index("<tbody>") : page.index("</tbody>")]


def test_values_read_as_text():
    assert readable(None) == "—"
    assert readable(True) == "Yes"
    assert readable("2023-11-30") == "30 November 2023"
    assert readable("<p>Seed banks <strong>run</strong> by farmers&rsquo; groups.</p>") == (
        "Seed banks run by farmers’ groups."
    )
    long = readable("word " * 100)
    assert len(long) <= 160 and long.endswith("…")
    assert readable([{"title": "Plan", "url": "https://example.org"}]) == (
        "Plan · https://example.org"
    )


def test_a_published_practice_reads_in_words_on_the_trail(personas, contributor_x, reviewer):
    practice = publish(practice_content(), submitter=contributor_x, reviewer=reviewer)
    page = table(personas["secretariat"].get("/audit/?action=practice.create"))
    assert "Created a practice" in page
    assert "practice.create" not in page
    assert "<p>Seed banks" not in page and "&lt;p&gt;" not in page
    assert "Seed banks run by farming cooperatives." in page
    assert "Kenya (Beneficiary)" in page and "KEN" not in page
    assert "Food insecurity" in page or "food_insecurity" not in page
    assert "South-South cooperation" in page and "south_south" not in page
    assert "1 March 2019" in page and "2019-03-01" not in page
    assert f'href="/practices/{practice.pk}/"' in page  # the record by its title, linked
    assert contributor_x.email in page


def test_the_filter_picks_one_action_by_its_code_and_old_prefix_links_still_work(
    personas, contributor_x, reviewer
):
    publish(practice_content(), submitter=contributor_x, reviewer=reviewer)
    client = personas["secretariat"]
    response = client.get("/audit/?action=practice.publish")
    published = table(response)
    assert "Published a practice" in published and "Sent a practice for review" not in published
    assert '<option value="practice.publish" selected>Published a practice</option>' in (
        response.content.decode()
    )
    prefix = table(client.get("/audit/?action=practice."))
    assert "Published a practice" in prefix and "Sent a practice for review" in prefix


def test_a_visit_reads_with_the_states_name_and_the_events_words(personas, secretariat):
    from solidarity.countries.models import Country
    from solidarity.visits import services as visits

    visits.visit_request_create(
        actor=secretariat, country=Country.objects.get(iso3="KEN"), on=_day("2025-10-10")
    )
    entry = AuditEntry.objects.get(action="visit.requested")
    assert entry.changes["status"] == ["", "requested"]
    page = table(personas["secretariat"].get("/audit/?action=visit.requested"))
    assert "Recorded a visit request" in page
    assert "Kenya" in page and "ie-international-solidarity" not in page
    assert "<dt>Status</dt><dd><ins>Visit requested</ins></dd>" in page
    assert ">requested ·" not in page and "Visit requested · 10 October 2025" in page
    assert "10 October 2025" in page


def _day(iso):
    import datetime as dt

    return dt.date.fromisoformat(iso)


def test_a_page_of_the_trail_costs_the_same_queries_for_few_entries_or_many(
    personas, contributor_x, reviewer, secretariat, django_assert_max_num_queries
):
    from solidarity.countries.models import Country
    from solidarity.visits import services as visits

    client = personas["secretariat"]
    publish(practice_content(), submitter=contributor_x, reviewer=reviewer)
    visits.visit_request_create(
        actor=secretariat, country=Country.objects.get(iso3="KEN"), on=_day("2025-10-10")
    )
    with django_assert_max_num_queries(25) as few:
        client.get("/audit/")
    for number in range(8):
        publish(
            practice_content(title=f"Seed banks {number}"),
            submitter=contributor_x,
            reviewer=reviewer,
        )
    for iso3 in ("UGA", "ETH", "BRA", "CUB", "FRA", "DEU", "IND", "CHN", "MEX", "ZAF", "PER"):
        visits.visit_request_create(
            actor=secretariat, country=Country.objects.get(iso3=iso3), on=_day("2025-10-10")
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/audit/")
    assert "Uganda" in page.content.decode()


@pytest.mark.parametrize("language", ["fr", "es", "ru", "zh-hans", "ar"])
def test_the_trail_opens_in_each_language(personas, contributor_x, reviewer, language):
    publish(practice_content(), submitter=contributor_x, reviewer=reviewer)
    response = personas["secretariat"].get(f"/{language}/audit/")
    assert response.status_code == 200
    assert "practice.publish" not in table(response)
