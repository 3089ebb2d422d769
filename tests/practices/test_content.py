"""The content rules every way in shares: sanitizing, checking, comparing versions."""

import pytest

from solidarity.practices.content import diff_contents, html_to_text, sanitize_html
from solidarity.practices.validation import ContentError, clean_content, missing_for_review
from tests.conftest import practice_content

THEMES = {"food_insecurity", "climate_change"}
COUNTRIES = {"KEN", "ETH", "BRA", "CUB"}


def clean(**changes):
    return clean_content(practice_content(**changes), theme_codes=THEMES, country_codes=COUNTRIES)


def test_rich_text_keeps_structure_and_links_and_drops_what_runs():
    dirty = (
        '<p onclick="steal()">Seeds <strong>shared</strong></p><script>alert(1)</script>'
        '<a href="javascript:alert(1)">bad</a> <a href="https://example.org">good</a>'
        '<img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe>'
    )
    clean_html = sanitize_html(dirty)
    assert "<p>Seeds <strong>shared</strong></p>" in clean_html
    assert "script" not in clean_html and "onclick" not in clean_html
    assert "javascript:" not in clean_html and "<img" not in clean_html
    assert "iframe" not in clean_html
    assert 'href="https://example.org"' in clean_html


def test_the_words_of_rich_text_come_out_block_by_block():
    assert html_to_text("<p>One &amp; two</p><ul><li>three</li></ul>") == "One & two\nthree"


def test_content_in_the_published_shape_becomes_model_fields():
    fields = clean(
        description="<p>ok</p><script>x</script>", sdg_goals=[2, 3], sdg_targets=["2.4", "3.d"]
    )
    assert fields["sdg_targets"] == ["2.4", "3.d"]
    assert fields["description"] == "<p>ok</p>"
    assert fields["started_on"].isoformat() == "2019-03-01" and fields["ongoing"] is True
    assert fields["countries"][0] == {"country": "KEN", "role": "beneficiary"}
    assert missing_for_review(fields) == []


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"countries": [{"country": "XXX", "role": "partner"}]}, "countries", "XXX"),
        ({"countries": [{"country": "KEN", "role": "donor"}]}, "countries", "role"),
        ({"sdg_targets": ["2.9.9"]}, "sdg_targets", "2.9.9"),
        ({"sdg_targets": ["5.1"]}, "sdg_targets", "goal 5"),
        ({"themes": ["space_travel"]}, "themes", "space_travel"),
        (
            {"period": {"start": "2020-01-01", "end": "2019-01-01", "ongoing": False}},
            "ended_on",
            "before",
        ),
        (
            {"period": {"start": "2020-01-01", "end": "2021-01-01", "ongoing": True}},
            "ended_on",
            "ongoing",
        ),
        ({"period": {"start": "March 2020"}}, "started_on", "YYYY-MM-DD"),
        ({"sources": [{"title": "x", "url": "ftp://example.org"}]}, "sources", "http"),
        ({"actors": [{"name": "Someone", "type": ""}]}, "actors", "Someone"),
        ({"title": "x" * 201}, "title", "200"),
        ({"title": "  "}, "title", "title"),
        ({"level": "planetary"}, "level", "planetary"),
    ],
)
def test_wrong_content_is_refused_naming_the_field_and_the_value(changes, field, words):
    with pytest.raises(ContentError) as refused:
        clean(**changes)
    assert field in refused.value.errors
    assert words in " ".join(refused.value.errors[field])


def test_a_draft_may_be_incomplete_but_review_needs_the_essentials():
    fields = clean_content({"title": "Only a title"}, theme_codes=THEMES, country_codes=COUNTRIES)
    assert set(missing_for_review(fields)) >= {"summary", "countries", "themes", "description"}


def test_the_difference_between_versions_is_shown_word_by_word_and_item_by_item():
    old = clean_content_dict()
    new = clean_content_dict(
        summary=old["summary"].replace("three countries", "four countries"),
        countries=old["countries"] + [{"country": "CUB", "role": "partner"}],
    )
    changes = {change["field"]: change["lines"] for change in diff_contents(old, new)}
    assert set(changes) == {"summary", "countries"}
    summary = changes["summary"][0]
    assert ("-", "three") in summary and ("+", "four") in summary
    assert [("+", "CUB (partner)")] in changes["countries"]


def clean_content_dict(**changes):
    content = practice_content(**changes)
    content["attachments"] = []
    return content
