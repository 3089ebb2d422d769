"""Every way the UN prints a State's name resolves to its ISO 3166-1 alpha-3 code."""

import csv

import pytest

from solidarity.countries import names


def test_every_un_name_of_the_195_states_resolves_to_its_own_code():
    states = names.states()
    assert len(states) == 195
    assert sum(1 for s in states if s.status == "member") == 193
    for state in states:
        assert names.resolve(state.un_name) == state.iso3, state.un_name


def test_every_recorded_variant_resolves_to_the_code_its_source_gives():
    with open(names.DATA_DIR / "name_variants.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 46
    for row in rows:
        assert names.resolve(row["variant"]) == row["iso3"], row["variant"]


@pytest.mark.parametrize(
    ("printed", "iso3"),
    [
        ("Netherlands (Kingdom of the)", "NLD"),
        ("Côte d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Viet Nam", "VNM"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Iran (Islamic Republic of)", "IRN"),
        ("Venezuela (Bolivarian Republic of)", "VEN"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Democratic People’s Republic of Korea", "PRK"),
        ("Republic of Korea", "KOR"),
        ("Republic of Moldova", "MDA"),
        ("United Republic of Tanzania", "TZA"),
        ("Lao People's Democratic Republic", "LAO"),
        ("Micronesia (Federated States of)", "FSM"),
        ("State of Palestine", "PSE"),
        ("Holy See", "VAT"),
        ("Turkey", "TUR"),
        ("Swaziland", "SWZ"),
        ("The former Yugoslav Republic of Macedonia", "MKD"),
        ("Czech Republic", "CZE"),
        ("Czechia", "CZE"),
        ("United States of America", "USA"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("Congo", "COG"),
        ("Democratic Republic of the Congo", "COD"),
        ("Niger", "NER"),
        ("Nigeria", "NGA"),
        ("Guinea", "GIN"),
        ("Guinea-Bissau", "GNB"),
        ("Equatorial Guinea", "GNQ"),
        ("Dominica", "DMA"),
        ("Dominican Republic", "DOM"),
    ],
)
def test_names_as_the_un_prints_them(printed, iso3):
    assert names.resolve(printed) == iso3


@pytest.mark.parametrize(
    ("printed", "iso3"),
    [
        ("Bolivia (Plurina-\ntional State of)", "BOL"),
        ("Venezuela (Bolivarian Re-\npublic of)", "VEN"),
        ("Guinea-\nBissau", "GNB"),
        ("United  Republic\nof Tanzania", "TZA"),
        ("  VIET NAM ", "VNM"),
        ("Lao People\u2019s Demo\u00adcratic Republic", "LAO"),
    ],
)
def test_line_breaks_hyphens_case_and_spacing_do_not_matter(printed, iso3):
    assert names.resolve(printed) == iso3


def test_an_unknown_name_raises_an_error_that_names_it():
    with pytest.raises(names.UnknownCountryName) as caught:
        names.resolve("Republic of Atlantis")
    assert caught.value.name == "Republic of Atlantis"
    assert "Republic of Atlantis" in str(caught.value)


def test_a_misspelt_name_is_refused_with_a_suggestion():
    with pytest.raises(names.UnknownCountryName) as caught:
        names.resolve("Viet Namm")
    assert caught.value.suggestions == ["Viet Nam"]


def test_territories_that_are_not_un_states_are_not_silently_resolved():
    for printed in ["Taiwan", "Puerto Rico", "Greenland", "and", "AND"]:
        assert names.try_resolve(printed) is None, printed


def test_iso_names_from_pycountry_resolve_too():
    assert names.resolve("Korea, Republic of") == "KOR"
    assert names.resolve("Tanzania, United Republic of") == "TZA"
