"""Reading Erik Voeten's General Assembly votes as the ``unvotes`` package ships them.

Plain Python, no database. The three gzipped CSV files are described in
``data/unvotes/README.md``. A State is found by its ISO 3166-1 alpha-2 code,
or, where the source leaves it empty, by its name through ``countries.names``
("Federal Republic of Germany" is Germany). States that are none of today's
195 (Czechoslovakia, the German Democratic Republic, Taiwan, the two Yemens
before 1990, Yugoslavia, Zanzibar) cannot be keyed by ISO3: their rows are
counted and reported by name, never stored under another State.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from solidarity.countries import names
from solidarity.votes import positions

SHIPPED = Path(__file__).resolve().parent / "data" / "unvotes"
VOTES_FILE = "un_votes.csv.gz"
ROLL_CALLS_FILE = "un_roll_calls.csv.gz"
ISSUES_FILE = "un_roll_call_issues.csv.gz"
CITATION = (
    "Erik Voeten, Anton Strezhnev and Michael Bailey, “United Nations General Assembly "
    "Voting Data”, Harvard Dataverse, hdl:1902.1/12379 (CC0); via the R package unvotes "
    "by David Robinson."
)


@dataclass(frozen=True, slots=True)
class RollCallRecord:
    rcid: int
    session: int | None
    date: dt.date
    symbol: str
    title: str
    description: str
    amendment: bool
    paragraph: bool
    important: bool
    topics: tuple[str, ...]


@dataclass
class Unmapped:
    """Rows whose State is none of today's 195, by the name the source gives."""

    rows: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _open(folder: Path, name: str):
    path = folder / name
    if not path.exists():
        raise FileNotFoundError(f"{path}: missing (expected the three files of unvotes)")
    return gzip.open(path, "rt", encoding="utf-8", newline="")


def _flag(value: str) -> bool:
    return value.strip() in {"1", "1.0", "TRUE", "true"}


def read_issues(folder: Path) -> dict[int, tuple[str, ...]]:
    topics: dict[int, set[str]] = {}
    with _open(folder, ISSUES_FILE) as handle:
        for row in csv.DictReader(handle):
            topics.setdefault(int(row["rcid"]), set()).add(row["short_name"].strip())
    return {rcid: tuple(sorted(codes)) for rcid, codes in topics.items()}


def read_roll_calls(folder: Path) -> list[RollCallRecord]:
    issues = read_issues(folder)
    records = []
    with _open(folder, ROLL_CALLS_FILE) as handle:
        for row in csv.DictReader(handle):
            rcid = int(row["rcid"])
            session = row["session"].strip()
            records.append(
                RollCallRecord(
                    rcid=rcid,
                    session=int(float(session)) if session else None,
                    date=dt.date.fromisoformat(row["date"]),
                    symbol=row["unres"].strip(),
                    title=row["short"].strip(),
                    description=row["descr"].strip(),
                    amendment=_flag(row["amend"]),
                    paragraph=_flag(row["para"]),
                    important=_flag(row["importantvote"]),
                    topics=issues.get(rcid, ()),
                )
            )
    return records


def state_finder():
    """A function from (alpha-2 code, name) to ISO3, or None for a State not among the 195."""
    known = names.state_by_iso3()
    cache: dict[tuple[str, str], str | None] = {}

    def find(code: str, name: str) -> str | None:
        key = (code, name)
        if key not in cache:
            iso3 = None
            if code:
                country = pycountry.countries.get(alpha_2=code)
                iso3 = country.alpha_3 if country is not None else None
            else:
                iso3 = names.try_resolve(name)
            cache[key] = iso3 if iso3 in known else None
        return cache[key]

    return find


def read_votes(folder: Path, unmapped: Unmapped) -> Iterator[tuple[int, str, int]]:
    """(rcid, ISO3, position code) for every row whose State is known; the rest counted."""
    find = state_finder()
    codes = {"yes": positions.YES, "no": positions.NO, "abstain": positions.ABSTAIN}
    with _open(folder, VOTES_FILE) as handle:
        reader = csv.reader(handle)
        header = next(reader)
        if header[:4] != ["rcid", "country", "country_code", "vote"]:
            raise ValueError(f"{VOTES_FILE}: unexpected columns {header}")
        for rcid, name, code, vote in reader:
            iso3 = find(code, name)
            if iso3 is None:
                unmapped.rows[name] += 1
                continue
            yield int(rcid), iso3, codes[vote]
