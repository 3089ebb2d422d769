"""Who gives ODA: the OECD DAC members and the two aggregates, under one key each.

Plain Python, no database. A member's key is its ISO 3166-1 alpha-3 code; the
two entities without one have keys of their own: ``eu-institutions`` and
``dac-total`` (the OECD's "DAC countries (total)", which excludes EU
Institutions). Names are the OECD's, as printed in its tables.
"""

from __future__ import annotations

from solidarity.countries import names

EU_INSTITUTIONS = "eu-institutions"
DAC_TOTAL = "dac-total"
AGGREGATES = (EU_INSTITUTIONS, DAC_TOTAL)

# The OECD's names of the DAC members and aggregates (as in the shipped file).
OECD_NAMES: dict[str, str] = {
    "AUS": "Australia",
    "AUT": "Austria",
    "BEL": "Belgium",
    "CAN": "Canada",
    "CZE": "Czechia",
    "DNK": "Denmark",
    "EST": "Estonia",
    "FIN": "Finland",
    "FRA": "France",
    "DEU": "Germany",
    "GRC": "Greece",
    "HUN": "Hungary",
    "ISL": "Iceland",
    "IRL": "Ireland",
    "ITA": "Italy",
    "JPN": "Japan",
    "KOR": "Korea",
    "LVA": "Latvia",
    "LTU": "Lithuania",
    "LUX": "Luxembourg",
    "NLD": "Netherlands",
    "NZL": "New Zealand",
    "NOR": "Norway",
    "POL": "Poland",
    "PRT": "Portugal",
    "SVK": "Slovak Republic",
    "SVN": "Slovenia",
    "ESP": "Spain",
    "SWE": "Sweden",
    "CHE": "Switzerland",
    "GBR": "United Kingdom",
    "USA": "United States",
    EU_INSTITUTIONS: "EU Institutions",
    DAC_TOTAL: "DAC countries (total)",
}

# Other spellings of the aggregates found in OECD files, and the DAC1 donor codes
# of the two aggregates (20001 is "DAC Countries, Total", 918 "EU Institutions").
_ALIASES = {
    "dac countries, total": DAC_TOTAL,
    "dac countries": DAC_TOTAL,
    "dac total": DAC_TOTAL,
    "total dac": DAC_TOTAL,
    "20001": DAC_TOTAL,
    "eu institutions": EU_INSTITUTIONS,
    "european union institutions": EU_INSTITUTIONS,
    "918": EU_INSTITUTIONS,
}
_BY_NAME = {name.casefold(): key for key, name in OECD_NAMES.items()}


class UnknownDonor(ValueError):
    """No DAC member, aggregate or State goes by this name or code."""


def resolve(text: str) -> str:
    """The key of a donor named by its OECD name, its ISO3 code, a key, or a UN name."""
    value = " ".join(text.split())
    folded = value.casefold()
    if folded in _BY_NAME:
        return _BY_NAME[folded]
    if folded in _ALIASES:
        return _ALIASES[folded]
    if folded in AGGREGATES:
        return folded
    if len(value) == 3 and value.isalpha() and value.upper() in names.state_by_iso3():
        return value.upper()
    iso3 = names.try_resolve(value)
    if iso3 is None:
        raise UnknownDonor(value)
    return iso3


def display_name(key: str) -> str:
    """The OECD's name of a DAC donor, else the UN short name of the State."""
    if key in OECD_NAMES:
        return OECD_NAMES[key]
    record = names.state_by_iso3().get(key)
    return record.un_name if record else key


def is_aggregate(key: str) -> bool:
    return key in AGGREGATES
