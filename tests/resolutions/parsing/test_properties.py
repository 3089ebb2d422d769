"""Whatever it is given, the parser returns a document or raises ParseError: it never crashes.

And every document it returns keeps its promises: operative paragraphs numbered
1, 2, 3..., vote totals equal to the lists, footnotes attached to paragraphs
that exist.
"""

from __future__ import annotations

import functools
import json

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solidarity.resolutions.parsing import ParseError, parse_bytes, parse_text
from tests.resolutions.parsing.variants import INPUTS, plain_text, seed_markdown

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    path = INPUTS.parents[3] / "solidarity" / "resolutions" / "resolution.schema.json"
    return jsonschema.Draft202012Validator(json.loads(path.read_text("utf-8")))


@functools.cache
def _seed_lines(variant: str) -> tuple[str, ...]:
    text = seed_markdown()
    if variant == "plain":
        text = plain_text(text, symbol="A/HRC/RES/56/4")
    return tuple(text.split("\n"))


def _holds_its_promises(text: str) -> None:
    try:
        result = parse_text(text, source="damaged.md")
    except ParseError as error:
        assert error.source == "damaged.md"
        assert error.line is None or error.line >= 1
        assert str(error).startswith("damaged.md")
        return
    document = result.document
    assert [p.number for p in document.operative_paragraphs] == list(
        range(1, len(document.operative_paragraphs) + 1)
    )
    assert [p.index for p in document.preambular_paragraphs] == list(
        range(1, len(document.preambular_paragraphs) + 1)
    )
    anchors = {p.anchor for p in document.preambular_paragraphs}
    anchors |= {p.anchor for p in document.operative_paragraphs}
    for footnote in document.footnotes:
        assert footnote.paragraph is None or footnote.paragraph in anchors
    if document.vote is not None and (document.vote.in_favour or document.vote.against):
        vote = document.vote
        assert (vote.yes, vote.no, vote.abstain) == (
            len(vote.in_favour),
            len(vote.against),
            len(vote.abstaining),
        )
    _validator().validate(document.to_dict())
    for warning in result.warnings:
        assert str(warning).startswith("damaged.md")


@FAST
@given(st.text(max_size=3000))
def test_arbitrary_text_never_crashes_the_parser(text):
    _holds_its_promises(text)


@FAST
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_the_parser(data):
    try:
        result = parse_bytes(data, source="damaged.md")
    except ParseError as error:
        assert error.source == "damaged.md"
    else:
        assert result.document.operative_paragraphs


@FAST
@given(
    variant=st.sampled_from(["markdown", "plain"]),
    dropped=st.sets(st.integers(min_value=0, max_value=130), max_size=12),
)
def test_the_seed_with_lines_dropped_never_crashes_the_parser(variant, dropped):
    lines = _seed_lines(variant)
    _holds_its_promises("\n".join(line for i, line in enumerate(lines) if i not in dropped))


@FAST
@given(
    variant=st.sampled_from(["markdown", "plain"]),
    joined=st.sets(st.integers(min_value=0, max_value=130), max_size=12),
    glue=st.sampled_from([" ", "", "  ", "\t"]),
)
def test_the_seed_with_lines_joined_never_crashes_the_parser(variant, joined, glue):
    result: list[str] = []
    for index, line in enumerate(_seed_lines(variant)):
        if result and index in joined:
            result[-1] += glue + line
        else:
            result.append(line)
    _holds_its_promises("\n".join(result))


@FAST
@given(variant=st.sampled_from(["markdown", "plain"]), data=st.data())
def test_the_seed_with_pages_shuffled_never_crashes_the_parser(variant, data):
    text = "\n".join(_seed_lines(variant))
    separator = "\n---\n" if variant == "markdown" else "\nA/HRC/RES/56/4\n"
    pages = text.split(separator)
    shuffled = data.draw(st.permutations(pages))
    _holds_its_promises(separator.join(shuffled))


@FAST
@given(
    st.lists(
        st.sampled_from(_seed_lines("markdown")) | st.text(max_size=40), min_size=1, max_size=80
    )
)
def test_a_soup_of_resolution_lines_never_crashes_the_parser(lines):
    _holds_its_promises("\n".join(lines))


@FAST
@given(
    cut=st.integers(min_value=0, max_value=12100),
    insert=st.text(alphabet="0123456789().;:,[]*_-#/ \nabcAIV", max_size=30),
)
def test_the_seed_cut_or_spliced_anywhere_never_crashes_the_parser(cut, insert):
    text = seed_markdown()
    _holds_its_promises(text[:cut] + insert + text[cut:])
    _holds_its_promises(text[:cut])
