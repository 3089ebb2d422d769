"""The world map of a recorded vote: valid, accessible, CSP-safe SVG from local shapes."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from solidarity.countries import world_map
from solidarity.countries.names import DATA_DIR

SVG = "{http://www.w3.org/2000/svg}"

# Human Rights Council resolution 56/4, recorded vote.
# fmt: off
IN_FAVOUR = [
    "DZA", "BGD", "BEN", "BRA", "BDI", "CMR", "CHN", "CIV", "CUB", "DOM", "ERI", "GMB", "GHA",
    "HND", "IND", "IDN", "KAZ", "KWT", "KGZ", "MWI", "MYS", "MDV", "PRY", "QAT", "SOM", "ZAF",
    "SDN", "ARE", "VNM",
]
AGAINST = [
    "ALB", "BEL", "BGR", "FIN", "FRA", "GEO", "DEU", "JPN", "LTU", "LUX", "MNE", "NLD", "ROU",
    "USA",
]
# fmt: on
ABSTAINING = ["ARG", "CHL", "CRI", "MAR"]

SIZE_BUDGET = 150_000  # bytes; the vote map is about 100 KB


def render(categories=None, legend=None, **kwargs) -> str:
    kwargs.setdefault("title", "Resolution 56/4: recorded vote")
    kwargs.setdefault("description", "29 in favour, 14 against, 4 abstaining.")
    if categories is None:
        categories = world_map.vote_categories(IN_FAVOUR, AGAINST, ABSTAINING)
    return world_map.render_world_map(categories, legend or world_map.VOTE_LEGEND, **kwargs)


def parse(svg: str) -> etree._Element:
    return etree.fromstring(svg.encode("utf-8"))


def country(root: etree._Element, iso3: str) -> etree._Element | None:
    found = root.findall(f".//{SVG}g[@data-iso3='{iso3}']")
    assert len(found) <= 1
    return found[0] if found else None


def classes(element: etree._Element) -> set[str]:
    return set(element.get("class", "").split())


def rings(d: str) -> list[list[tuple[int, int]]]:
    """The absolute points of each ring of a path written as ``M x y l dx dy ... z``."""
    out = []
    for piece in re.findall(r"M[^M]*", d):
        numbers = [int(n) for n in re.findall(r"-?\d+", piece)]
        x, y = numbers[0], numbers[1]
        ring = [(x, y)]
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        out.append(ring)
    return out


@pytest.fixture(scope="module")
def vote_svg() -> str:
    return render(
        neutral_label=world_map.VOTE_NEUTRAL_LABEL,
        note=world_map.BOUNDARIES_NOTE,
        link_template="/countries/{iso3}/",
    )


def test_the_map_is_an_svg_image_labelled_by_its_title_and_description(vote_svg):
    root = parse(vote_svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox")
    label_ids = root.get("aria-labelledby").split()
    assert len(label_ids) == 2
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert [title.get("id"), desc.get("id")] == label_ids
    assert title.text == "Resolution 56/4: recorded vote"
    assert desc.text == "29 in favour, 14 against, 4 abstaining."
    assert root[0] is title  # the document's title comes first


def test_the_47_voters_carry_their_vote_as_class_and_title(vote_svg):
    root = parse(vote_svg)
    expected = {
        **dict.fromkeys(IN_FAVOUR, ("vote-yes", "In favour")),
        **dict.fromkeys(AGAINST, ("vote-no", "Against")),
        **dict.fromkeys(ABSTAINING, ("vote-abstain", "Abstaining")),
    }
    assert len(expected) == 47
    for iso3, (css_class, label) in expected.items():
        group = country(root, iso3)
        assert group is not None, iso3
        assert {"country", css_class} <= classes(group), iso3
        assert group.get("stroke") == world_map.OUTLINE_COLOUR
        title = group[0]
        assert title.tag == f"{SVG}title"
        assert title.text.endswith(f": {label}"), title.text
        assert group.find(f"{SVG}path") is not None or group.find(f"{SVG}circle") is not None
    assert country(root, "NLD")[0].text == "Netherlands (Kingdom of the): Against"
    assert country(root, "VNM")[0].text == "Viet Nam: In favour"
    assert country(root, "ARG")[0].text == "Argentina: Abstaining"
    assert country(root, "CIV")[0].text == "Côte d'Ivoire: In favour"
    voting = [
        g for g in root.iter(f"{SVG}g") if classes(g) & {"vote-yes", "vote-no", "vote-abstain"}
    ]
    voting = [g for g in voting if "country" in classes(g)]
    assert len(voting) == 47


def test_countries_outside_the_vote_are_neutral(vote_svg):
    root = parse(vote_svg)
    for iso3 in ("CAN", "AUS", "RUS", "GBR", "UKR", "EGY", "TUV"):
        group = country(root, iso3)
        assert group is not None, iso3
        assert classes(group) == {"country", "map-neutral"}, iso3
        assert group.get("fill") == world_map.NEUTRAL_FILL
        assert group.get("stroke") is None  # no outline: the white borders of the map
        assert group[0].text.endswith(": Not a Council member or absent")
    fills = {country(root, iso3).get("fill") for iso3 in ("VNM", "NLD", "ARG", "CAN")}
    assert len(fills) == 4  # three vote colours and the neutral grey, all different


def test_neutral_title_is_the_bare_name_without_a_neutral_label():
    root = parse(render())
    assert country(root, "CAN")[0].text == "Canada"


def test_no_inline_style_script_or_event_handler_anywhere(vote_svg):
    root = parse(vote_svg)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in (f"{SVG}script", f"{SVG}style", f"{SVG}foreignObject")
        assert "style" not in element.attrib, element.tag
        assert not any(name.startswith("on") for name in element.attrib), element.tag
    assert "style=" not in vote_svg
    assert "<script" not in vote_svg.lower()
    assert "<style" not in vote_svg.lower()
    assert "http://" not in vote_svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in vote_svg


def test_colours_are_presentation_attributes_and_against_is_hatched(vote_svg):
    root = parse(vote_svg)
    yes = country(root, "VNM").get("fill")
    no = country(root, "NLD").get("fill")
    abstain = country(root, "ARG").get("fill")
    assert re.fullmatch(r"#[0-9a-f]{6}", yes)
    assert re.fullmatch(r"#[0-9a-f]{6}", abstain)
    match = re.fullmatch(r"url\(#([\w-]+)\)", no)
    assert match, no
    pattern = root.find(f".//{SVG}pattern[@id='{match.group(1)}']")
    assert pattern is not None
    assert pattern.find(f"{SVG}path") is not None  # the hatching


def test_the_legend_is_drawn_inside_the_svg_in_order(vote_svg):
    root = parse(vote_svg)
    legend = root.find(f".//{SVG}g[@class='world-map-legend']")
    items = legend.findall(f"{SVG}g")
    labels = [item.find(f"{SVG}text").text for item in items]
    assert labels == ["In favour", "Against", "Abstaining", "Not a Council member or absent"]
    swatches = [item.find(f"{SVG}rect").get("fill") for item in items]
    assert swatches[0] == country(root, "VNM").get("fill")
    assert swatches[1] == country(root, "NLD").get("fill")
    assert swatches[2] == country(root, "ARG").get("fill")
    assert swatches[3] == world_map.NEUTRAL_FILL
    assert [classes(item) - {"legend-item"} for item in items] == [
        {"vote-yes"},
        {"vote-no"},
        {"vote-abstain"},
        {"map-neutral"},
    ]
    note = root.find(f".//{SVG}g[@class='world-map-note']")
    assert "do not imply official endorsement" in "".join(note.itertext())


def test_labels_are_parameters_so_the_web_layer_can_translate_them():
    legend = [
        ("yes", "مؤيد", "vote-yes"),
        ("no", "反对", "vote-no"),
        ("abstain", "Abstention « réservée »", "vote-abstain"),
    ]
    root = parse(render(legend=legend, neutral_label="非理事会成员", lang="ar"))
    assert country(root, "VNM")[0].text == "Viet Nam: مؤيد"
    assert country(root, "NLD")[0].text == "Netherlands (Kingdom of the): 反对"
    assert country(root, "ARG")[0].text == "Argentina: Abstention « réservée »"
    assert country(root, "CAN")[0].text == "Canada: 非理事会成员"
    assert root.get("lang") == "ar"
    assert root.find(f".//{SVG}g[@class='world-map-legend']").get("direction") == "rtl"


def test_names_and_labels_with_special_characters_are_escaped():
    tricky = 'Côte d\'Ivoire & <Friends> "quoted"'
    svg = render(
        title='Vote & "results" <2024>',
        description="It's 'fine' & <safe>\x00\x1b",
        names={"CIV": tricky, "nld": "Pays-Bas (Royaume des)"},
        legend=[
            ("yes", "Pour & <oui>", "vote-yes"),
            ("no", "Contre", "vote-no"),
            ("abstain", "A", "a"),
        ],
        link_template="/countries/{iso3}/?a=1&b='2'",
    )
    root = parse(svg)
    assert root.find(f"{SVG}title").text == 'Vote & "results" <2024>'
    assert root.find(f"{SVG}desc").text == "It's 'fine' & <safe>"
    assert country(root, "CIV")[0].text == f"{tricky}: Pour & <oui>"
    assert country(root, "NLD")[0].text == "Pays-Bas (Royaume des): Contre"
    link = country(root, "CIV").getparent()
    assert link.tag == f"{SVG}a"
    assert link.get("href") == "/countries/CIV/?a=1&b='2'"
    assert "<Friends>" not in svg


def test_link_template_wraps_countries_in_links():
    root = parse(render(link_template="/countries/{iso3}/", names={"CAN": "Canada"}))
    for iso3 in ("NLD", "VNM", "ARG", "CAN"):
        link = country(root, iso3).getparent()
        assert link.tag == f"{SVG}a", iso3
        assert link.get("href") == f"/countries/{iso3}/"
        assert link.get("tabindex") == "-1"
    # A country neither voting nor named by the page is not linked.
    assert country(root, "AUS").getparent().tag != f"{SVG}a"
    # Without a template, nothing is linked.
    assert parse(render()).find(f".//{SVG}a") is None


def test_a_state_without_a_shape_does_not_crash_and_is_reported():
    shapes = world_map.countries_with_shapes()
    assert isinstance(shapes, frozenset)
    assert "ATA" not in shapes  # Antarctica is left out of the map
    root = parse(render({"ATA": "yes", "TUV": "no", "VNM": "yes"}))
    assert country(root, "ATA") is None
    tuvalu = country(root, "TUV")
    assert tuvalu is not None and "vote-no" in classes(tuvalu)
    assert tuvalu.find(f"{SVG}circle") is not None  # a marker makes the islands visible


def test_small_voting_states_get_a_marker_and_neutral_ones_do_not():
    root = parse(render())
    for iso3 in ("LUX", "MDV", "QAT", "MNE", "GMB", "KWT"):
        assert country(root, iso3).find(f"{SVG}circle") is not None, iso3
    for iso3 in ("AND", "NRU", "VAT"):
        assert country(root, iso3).find(f"{SVG}circle") is None, iso3


def test_every_un_member_and_observer_state_has_a_shape():
    with open(DATA_DIR / "member_states.csv", encoding="utf-8", newline="") as handle:
        codes = {row["iso3"] for row in csv.DictReader(handle)}
    assert len(codes) == 195
    missing = codes - world_map.countries_with_shapes()
    assert missing == set()  # update the module docstring if this changes
    root = parse(render(dict.fromkeys(codes, "yes")))
    assert all(country(root, iso3) is not None for iso3 in codes)


def test_areas_are_drawn_with_the_country_iso_3166_2_lists_them_under():
    root = parse(render())

    def ring_boxes(iso3):
        d = country(root, iso3).find(f"{SVG}path").get("d")
        for ring in rings(d):
            xs, ys = [p[0] for p in ring], [p[1] for p in ring]
            yield min(xs), min(ys), max(xs), max(ys)

    def in_crimea(box):
        return box[0] >= 1490 and box[1] >= 350 and box[2] <= 1540 and box[3] <= 385

    assert any(in_crimea(box) for box in ring_boxes("UKR"))
    assert not any(in_crimea(box) for box in ring_boxes("RUS"))
    assert len(list(ring_boxes("SRB"))) == 2  # Serbia with Kosovo (RS-KM)
    with pytest.raises(ValueError, match="XKX"):
        render({"XKX": "yes"})


def test_the_map_stays_within_the_size_budget(vote_svg):
    size = len(vote_svg.encode("utf-8"))
    assert size < SIZE_BUDGET, size
    everything = render(
        dict.fromkeys(world_map.countries_with_shapes(), "yes"),
        link_template="/countries/{iso3}/",
        neutral_label=world_map.VOTE_NEUTRAL_LABEL,
    )
    assert len(everything.encode("utf-8")) < SIZE_BUDGET


def test_the_shapes_are_read_and_simplified_once_however_many_maps_are_drawn(monkeypatch):
    """Each map reuses the prepared shapes (the time per map: benchmarks/vote_map.py)."""
    reads, simplified = [], []
    read_source, ring_path = world_map._read_source, world_map._ring_path

    def counted_read():
        reads.append(1)
        return read_source()

    def counted_ring_path(points):
        simplified.append(1)
        return ring_path(points)

    monkeypatch.setattr(world_map, "_read_source", counted_read)
    monkeypatch.setattr(world_map, "_ring_path", counted_ring_path)
    world_map._world.cache_clear()
    first = render()
    assert len(reads) == 1 and len(simplified) > 195
    prepared = len(simplified)
    for _ in range(10):
        assert render() == first
        render(dict.fromkeys(world_map.countries_with_shapes(), "no"))
    assert len(reads) == 1
    assert len(simplified) == prepared


def test_unknown_codes_raise_a_value_error_naming_them():
    with pytest.raises(ValueError, match="QQQ"):
        render({"VNM": "yes", "QQQ": "no"})
    with pytest.raises(ValueError, match="ZZZ"):
        render(names={"ZZZ": "Nowhere"})


def test_a_category_missing_from_the_legend_raises():
    with pytest.raises(ValueError, match="maybe"):
        render({"VNM": "maybe"})
    with pytest.raises(ValueError, match="twice"):
        render(legend=[("yes", "A", "a"), ("yes", "B", "b")])


def test_ids_are_prefixed_so_two_maps_can_share_a_page():
    first = parse(render(id_prefix="vote-a"))
    second = parse(render(id_prefix="vote-b"))

    def ids(root):
        return {e.get("id") for e in root.iter() if isinstance(e.tag, str) and e.get("id")}

    assert ids(first).isdisjoint(ids(second))
    assert all(i.startswith("vote-a-") for i in ids(first))
    with pytest.raises(ValueError):
        render(id_prefix='x" onload="alert(1)')


def test_vote_categories_and_legend():
    categories = world_map.vote_categories(["vnm"], ["NLD"], ["ARG", "ARG"])
    assert categories == {"VNM": "yes", "NLD": "no", "ARG": "abstain"}
    assert [(key, label) for key, label, _ in world_map.VOTE_LEGEND] == [
        ("yes", "In favour"),
        ("no", "Against"),
        ("abstain", "Abstaining"),
    ]
    with pytest.raises(ValueError, match="NLD"):
        world_map.vote_categories(["NLD"], ["NLD"], [])
    full = world_map.vote_categories(IN_FAVOUR, AGAINST, ABSTAINING)
    assert len(full) == 47
    assert set(full) <= world_map.countries_with_shapes()


def test_the_module_is_plain_python_without_django():
    code = (
        "import sys; import solidarity.countries.world_map as m; "
        "m.countries_with_shapes(); assert 'django' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])
