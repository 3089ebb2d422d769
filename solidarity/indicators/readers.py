"""Reading ODA figures from the files the secretariat is given. Plain Python, no database.

Three layouts, each read whole before anything is stored:

``shipped``
    The platform's dataset (``data/oda/oda_dac_members.csv``, see its README):
    ``donor, iso3, year, oda_usd_millions, oda_gni_percent, basis, preliminary, source``.

``dac1``
    The OECD's DAC1 table ("Flows by donor", DAC Table 1) as its CSV export
    or bulk file gives it: one row per donor, aid type, flow, amount type and
    year. The columns taken, by their code names (case and spacing ignored):

    - ``Donor`` (the OECD's name; ``DONOR``, the numeric code, for the two
      aggregates 20001 "DAC Countries, Total" and 918 "EU Institutions" when the
      name is not one we know),
    - ``AIDTYPE`` and ``FLOWS``: 1010 with 1140 is ODA in net disbursements
      (the headline until 2017), 11010 with 1160 is ODA in grant equivalent
      (the headline from 2018); 2 is ODA as % of GNI in net disbursements, 11002
      as % of GNI in grant equivalent,
    - ``AMOUNTTYPE``: only ``A`` (current prices, USD millions) is taken for
      the money; the ratios are taken whatever the column says,
    - ``Year`` (or ``TIME``) and ``Value``.

    Rows of other aid types, flows or amount types, and those of a measure
    that was not the headline in their year, are passed over and counted,
    never reported as errors: an export holds many series. The export carries no
    source and no stage of release: the importer gives them (``--source``,
    ``--preliminary``). Values are kept to the cent of a million.

``simple``
    ``donor, year, value, unit, source`` and optionally ``preliminary``. The
    unit is ``USD millions`` (current dollars) or ``% of GNI``; the two values
    of one donor, year and source (and stage) make one figure. The measure is
    the headline of the year.

Every row that cannot be taken is reported with its line; a file with any such
row is refused whole (the service stores nothing of it).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from solidarity.indicators import donors

NET_FLOWS = "net_flows"
GRANT_EQUIVALENT = "grant_equivalent"
FIRST_GRANT_EQUIVALENT_YEAR = 2018
FIRST_YEAR, LAST_YEAR = 1960, 2100
CENT = Decimal("0.01")
FORMATS = ("shipped", "dac1", "simple")

SHIPPED_COLUMNS = (
    "donor",
    "iso3",
    "year",
    "oda_usd_millions",
    "oda_gni_percent",
    "basis",
    "preliminary",
    "source",
)


def headline_basis(year: int) -> str:
    """The OECD's headline measure of ODA in a year: net flows until 2017, then grant equivalent."""
    return GRANT_EQUIVALENT if year >= FIRST_GRANT_EQUIVALENT_YEAR else NET_FLOWS


@dataclass(frozen=True)
class OdaRow:
    donor: str
    year: int
    oda_usd_millions: Decimal
    oda_gni_percent: Decimal | None
    basis: str
    preliminary: bool
    source: str
    line: int

    def identity(self) -> tuple:
        """What makes two figures the same figure (the same value from the same source)."""
        return (
            self.donor,
            self.year,
            self.oda_usd_millions,
            self.oda_gni_percent,
            self.basis,
            self.preliminary,
            self.source,
        )


@dataclass(frozen=True)
class Problem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class Reading:
    rows: list[OdaRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    passed_over: int = 0


class _RowError(ValueError):
    pass


def _text(data: bytes | str) -> str:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise _RowError("the file is not UTF-8 text") from error
    return data.lstrip("\ufeff")


def _records(
    text: str, *, fold: bool = True
) -> tuple[list[str], Iterable[tuple[int, dict[str, str]]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None) or []
    keys = [_key(name, fold=fold) for name in header]

    def rows():
        for values in reader:
            line = reader.line_num
            if not any(value.strip() for value in values):
                continue
            if len(values) != len(keys):
                yield line, {"": f"has {len(values)} cells where the header has {len(keys)}"}
                continue
            yield line, {key: value.strip() for key, value in zip(keys, values, strict=True)}

    return keys, rows()


def _key(name: str, *, fold: bool = True) -> str:
    key = "".join(name.split()).lstrip("\ufeff")
    return key.casefold() if fold else key


def _year(value: str) -> int:
    try:
        year = int(value)
    except ValueError:
        raise _RowError(f"the year {value!r} is not a year") from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _RowError(f"the year {year} is out of range")
    return year


def _decimal(value: str, what: str) -> Decimal:
    try:
        number = Decimal(value.replace(",", "")) if value else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise _RowError(f"{what} {value!r} is not a number")
    return number.quantize(CENT, rounding=ROUND_HALF_UP)


def _percent(value: str) -> Decimal | None:
    if not value:
        return None
    ratio = _decimal(value, "the % of GNI")
    if not Decimal(0) <= ratio < Decimal(100):
        raise _RowError(f"the % of GNI {value} is not a share of GNI")
    return ratio


def _money(value: str) -> Decimal:
    amount = _decimal(value, "the ODA in USD millions")
    if abs(amount) >= Decimal("1e11"):
        raise _RowError(f"the ODA {value} (USD millions) is out of range")
    return amount


def _donor(value: str) -> str:
    if not value:
        raise _RowError("the donor is missing")
    try:
        return donors.resolve(value)
    except donors.UnknownDonor:
        raise _RowError(f"the donor {value!r} is not a DAC member or a State") from None


def _flag(value: str) -> bool:
    folded = value.casefold()
    if folded in ("true", "yes", "1"):
        return True
    if folded in ("false", "no", "0", ""):
        return False
    raise _RowError(f"preliminary is {value!r}: write true or false")


def _source(value: str) -> str:
    if not value:
        raise _RowError("the source is missing: every figure names where it was read")
    if len(value) > 1000:
        raise _RowError("the source is longer than 1000 characters")
    return value


def _check_basis(year: int, basis: str) -> str:
    if basis not in (NET_FLOWS, GRANT_EQUIVALENT):
        raise _RowError(f"the basis {basis!r} is neither net_flows nor grant_equivalent")
    if basis != headline_basis(year):
        raise _RowError(
            f"{year} is measured in {headline_basis(year)} (grant equivalent from 2018, "
            f"net flows before), not {basis}"
        )
    return basis


def _missing_columns(keys: list[str], wanted: Iterable[str], *, fold: bool = True) -> list[str]:
    return [name for name in wanted if _key(name, fold=fold) not in keys]


def _no_duplicates(reading: Reading) -> None:
    seen: dict[tuple, int] = {}
    for row in reading.rows:
        key = (row.donor, row.year, row.preliminary, row.source)
        if key in seen:
            reading.problems.append(
                Problem(
                    row.line,
                    f"a second figure for {row.donor} {row.year} from the same source "
                    f"(the first is on line {seen[key]})",
                )
            )
        else:
            seen[key] = row.line


def read(data: bytes | str, *, format: str, source: str = "", preliminary: bool = False) -> Reading:
    """Every figure of a file, and every row that could not be taken, with its line."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}")
    try:
        text = _text(data)
    except _RowError as error:
        return Reading(problems=[Problem(1, str(error))])
    reader = {"shipped": _read_shipped, "dac1": _read_dac1, "simple": _read_simple}[format]
    reading = reader(text, source=source, preliminary=preliminary)
    if not reading.problems:
        _no_duplicates(reading)
    if not reading.rows and not reading.problems:
        reading.problems.append(Problem(1, "the file holds no figure"))
    reading.problems.sort(key=lambda problem: problem.line)
    return reading


def _read_shipped(text: str, *, source: str, preliminary: bool) -> Reading:
    reading = Reading()
    keys, records = _records(text)
    missing = _missing_columns(keys, SHIPPED_COLUMNS)
    if missing:
        reading.problems.append(Problem(1, "missing columns: " + ", ".join(missing)))
        return reading
    for line, record in records:
        try:
            if "" in record:
                raise _RowError(record[""])
            donor = _donor(record["donor"])
            iso3 = record["iso3"].upper()
            if iso3 and iso3 != donor:
                raise _RowError(f"the code {iso3} is not that of {record['donor']}")
            if not iso3 and not donors.is_aggregate(donor):
                raise _RowError(f"the ISO3 code of {record['donor']} is missing")
            year = _year(record["year"])
            reading.rows.append(
                OdaRow(
                    donor=donor,
                    year=year,
                    oda_usd_millions=_money(record["oda_usd_millions"]),
                    oda_gni_percent=_percent(record["oda_gni_percent"]),
                    basis=_check_basis(year, record["basis"]),
                    preliminary=_flag(record["preliminary"]),
                    source=_source(record["source"]),
                    line=line,
                )
            )
        except _RowError as error:
            reading.problems.append(Problem(line, str(error)))
    return reading


# DAC1 codes: aid type (and flow, for money) of each headline measure.
_DAC1_MONEY = {("1010", "1140"): NET_FLOWS, ("11010", "1160"): GRANT_EQUIVALENT}
_DAC1_RATIO = {"2": NET_FLOWS, "11002": GRANT_EQUIVALENT}


def _code(value: str) -> str:
    """``1010.0`` and `` 1010`` are 1010: spreadsheets rewrite codes as numbers."""
    value = value.strip()
    return value[:-2] if value.endswith(".0") else value


def _read_dac1(text: str, *, source: str, preliminary: bool) -> Reading:
    # Code columns are in capitals (DONOR, AIDTYPE), their labels not (Donor, Aid type):
    # the names are matched as written.
    reading = Reading()
    keys, records = _records(text, fold=False)
    year_column = "Year" if "Year" in keys else "TIME"
    missing = _missing_columns(
        keys, ("Donor", "AIDTYPE", "FLOWS", "AMOUNTTYPE", "Value"), fold=False
    )
    if year_column not in keys:
        missing.append("Year")
    if missing:
        reading.problems.append(Problem(1, "missing columns: " + ", ".join(missing)))
        return reading
    if not source.strip():
        reading.problems.append(Problem(1, "a DAC1 export names no source: give one"))
        return reading
    money: dict[tuple[str, int], tuple[int, Decimal]] = {}
    ratios: dict[tuple[str, int], tuple[int, Decimal]] = {}
    for line, record in records:
        try:
            if "" in record:
                raise _RowError(record[""])
            aid, flow = _code(record["AIDTYPE"]), _code(record["FLOWS"])
            if (aid, flow) in _DAC1_MONEY and _code(record["AMOUNTTYPE"]) == "A":
                table, basis = money, _DAC1_MONEY[(aid, flow)]
            elif aid in _DAC1_RATIO:
                table, basis = ratios, _DAC1_RATIO[aid]
            else:
                reading.passed_over += 1
                continue
            year = _year(_code(record[year_column]))
            if basis != headline_basis(year) or not record["Value"]:
                reading.passed_over += 1
                continue
            try:
                donor = _donor(record["Donor"])
            except _RowError:
                if not record.get("DONOR"):
                    raise
                donor = _donor(_code(record["DONOR"]))
            value = _money(record["Value"]) if table is money else _percent(record["Value"])
            if value is None:
                continue
            if (donor, year) in table:
                first = table[(donor, year)][0]
                raise _RowError(f"a second value for {donor} {year} (the first is on line {first})")
            table[(donor, year)] = (line, value)
        except _RowError as error:
            reading.problems.append(Problem(line, str(error)))
    for (donor, year), (line, _ratio) in ratios.items():
        if (donor, year) not in money:
            reading.problems.append(
                Problem(line, f"a % of GNI for {donor} {year} without its ODA in USD millions")
            )
    for (donor, year), (line, amount) in sorted(money.items(), key=lambda item: item[1][0]):
        ratio_entry = ratios.get((donor, year))
        reading.rows.append(
            OdaRow(
                donor=donor,
                year=year,
                oda_usd_millions=amount,
                oda_gni_percent=ratio_entry[1] if ratio_entry else None,
                basis=headline_basis(year),
                preliminary=preliminary,
                source=source.strip(),
                line=line,
            )
        )
    return reading


_USD_UNITS = {"usd millions", "usd million", "usd_millions", "usd m", "million usd"}
_PERCENT_UNITS = {"% of gni", "percent of gni", "percent_gni", "oda_gni_percent", "%"}


def _read_simple(text: str, *, source: str, preliminary: bool) -> Reading:
    reading = Reading()
    keys, records = _records(text)
    missing = _missing_columns(keys, ("donor", "year", "value", "unit", "source"))
    if missing:
        reading.problems.append(Problem(1, "missing columns: " + ", ".join(missing)))
        return reading
    figures: dict[tuple, dict] = {}
    for line, record in records:
        try:
            if "" in record:
                raise _RowError(record[""])
            donor = _donor(record["donor"])
            year = _year(record["year"])
            unit = " ".join(record["unit"].split()).casefold()
            stage = _flag(record["preliminary"]) if "preliminary" in record else preliminary
            key = (donor, year, stage, _source(record["source"]))
            if not record["value"]:
                raise _RowError("the value is missing")
            value: Decimal | None
            if unit in _USD_UNITS:
                name, value = "usd", _money(record["value"])
            elif unit in _PERCENT_UNITS:
                name, value = "percent", _percent(record["value"])
            else:
                raise _RowError(f"the unit {record['unit']!r} is neither USD millions nor % of GNI")
            figure = figures.setdefault(key, {"line": line})
            if name in figure:
                raise _RowError(
                    f"a second {record['unit']} for {donor} {year} from the same source "
                    f"(the first is on line {figure[name + '_line']})"
                )
            figure[name], figure[name + "_line"] = value, line
        except _RowError as error:
            reading.problems.append(Problem(line, str(error)))
    for (donor, year, stage, cited), figure in figures.items():
        if "usd" not in figure:
            reading.problems.append(
                Problem(
                    figure["line"], f"a % of GNI for {donor} {year} without its ODA in USD millions"
                )
            )
            continue
        reading.rows.append(
            OdaRow(
                donor=donor,
                year=year,
                oda_usd_millions=figure["usd"],
                oda_gni_percent=figure.get("percent"),
                basis=headline_basis(year),
                preliminary=stage,
                source=cited,
                line=figure["line"],
            )
        )
    return reading


# Voluntary contributions to UN funds and programmes (56/4 op. 11).

CONTRIBUTION_COLUMNS = ("donor", "fund", "year", "amount_usd", "source")


@dataclass(frozen=True)
class ContributionRow:
    donor: str
    fund: str
    year: int
    amount_usd: Decimal
    source: str
    line: int

    def identity(self) -> tuple:
        return (self.donor, self.fund, self.year, self.amount_usd, self.source)


@dataclass
class ContributionReading:
    rows: list[ContributionRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_contributions(data: bytes | str) -> ContributionReading:
    """``donor, fund, year, amount_usd, source``: one contribution a row, in current US dollars.

    The donor is a State (its name or ISO3 code) or an aggregate; the fund is the
    name of the UN fund or programme as the source prints it; every row names
    where it was read. A file with any row that cannot be taken is refused whole.
    """
    reading = ContributionReading()
    try:
        text = _text(data)
    except _RowError as error:
        reading.problems.append(Problem(1, str(error)))
        return reading
    keys, records = _records(text)
    missing = _missing_columns(keys, CONTRIBUTION_COLUMNS)
    if missing:
        reading.problems.append(Problem(1, "missing columns: " + ", ".join(missing)))
        return reading
    seen: dict[tuple, int] = {}
    for line, record in records:
        try:
            if "" in record:
                raise _RowError(record[""])
            donor = _donor(record["donor"])
            fund = " ".join(record["fund"].split())
            if not fund:
                raise _RowError("the fund or programme is missing")
            if len(fund) > 200:
                raise _RowError("the name of the fund is longer than 200 characters")
            year = _year(record["year"])
            amount = _decimal(record["amount_usd"], "the amount in US dollars")
            if amount < 0 or amount >= Decimal("1e13"):
                raise _RowError(f"the amount {record['amount_usd']} is out of range")
            source = _source(record["source"])
            key = (donor, fund.casefold(), year, source)
            if key in seen:
                raise _RowError(
                    f"a second amount for {donor}, {fund}, {year} from the same source "
                    f"(the first is on line {seen[key]})"
                )
            seen[key] = line
            reading.rows.append(ContributionRow(donor, fund, year, amount, source, line))
        except _RowError as error:
            reading.problems.append(Problem(line, str(error)))
    if not reading.rows and not reading.problems:
        reading.problems.append(Problem(1, "the file holds no contribution"))
    return reading
