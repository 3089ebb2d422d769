"""Reads of roll calls that pages, the API and the CSV downloads share.

Analytics need every position at once, so the votes are loaded into numpy
arrays (a States x roll calls matrix of int8, about 1.2 MB for Voeten's data)
once per process and kept while the data's revision stays the same: each
read asks the database one small question (the revision row) and reuses the
arrays. A change (import, resolution stored) bumps the revision in its own
transaction, so the next read loads again.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field

import numpy as np
from django.db import connection
from django.db.models import Count, Max, Min

from solidarity.countries.models import Country, RegionalGroup
from solidarity.votes import analytics, unvotes
from solidarity.votes.models import CountryVote, RollCall, Source, Topic, VoteDataRevision


@dataclass
class VoteData:
    stamp: tuple
    states: list[str]  # ISO3 in row order
    row_of: dict[str, int]
    roll_call_ids: np.ndarray  # column order: by date, then id
    years: np.ndarray
    dates: np.ndarray  # datetime64[D]
    bodies: np.ndarray  # "GA" / "HRC"
    sessions: np.ndarray  # -1 where unknown
    sources: np.ndarray
    topic_masks: dict[str, np.ndarray]
    matrix: np.ndarray  # int8 positions, states x roll calls
    groups: dict[str, list[int]] = field(default_factory=dict)  # regional group -> rows


_lock = threading.Lock()
_loaded: VoteData | None = None


def _stamp() -> tuple:
    row = VoteDataRevision.objects.filter(pk=1).values_list("revision", "changed_at").first()
    return (connection.settings_dict.get("NAME"), row)


def _load(stamp: tuple) -> VoteData:
    countries = list(Country.objects.order_by("iso3").values_list("iso3", "regional_group"))
    states = [iso3 for iso3, _group in countries]
    row_of = {iso3: index for index, iso3 in enumerate(states)}
    groups: dict[str, list[int]] = {}
    for iso3, group in countries:
        if group:
            groups.setdefault(group, []).append(row_of[iso3])
    calls = list(
        RollCall.objects.order_by("date", "id").values_list(
            "id", "date", "body", "session", "topics", "source"
        )
    )
    ids = np.array([c[0] for c in calls], dtype=np.int64)
    dates = np.array([c[1] for c in calls], dtype="datetime64[D]")
    years = dates.astype("datetime64[Y]").astype(np.int64) + 1970 if calls else np.zeros(0, int)
    topic_masks = {
        topic: np.array([topic in c[4].split() for c in calls], dtype=bool)
        for topic in Topic.values
    }
    matrix = np.zeros((len(states), len(calls)), dtype=np.int8)
    if calls:
        order = np.argsort(ids)
        sorted_ids = ids[order]
        table = CountryVote._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT roll_call_id, country_id, position FROM {table}")
            # In batches, so that 870,000 rows never sit in memory as Python tuples at once.
            while rows := cursor.fetchmany(100_000):
                call_ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
                state_rows = np.fromiter(
                    (row_of[r[1]] for r in rows), dtype=np.int64, count=len(rows)
                )
                values = np.fromiter((r[2] for r in rows), dtype=np.int8, count=len(rows))
                matrix[state_rows, order[np.searchsorted(sorted_ids, call_ids)]] = values
    return VoteData(
        stamp=stamp,
        states=states,
        row_of=row_of,
        roll_call_ids=ids,
        years=years,
        dates=dates,
        bodies=np.array([c[2] for c in calls], dtype="<U3"),
        sessions=np.array([c[3] if c[3] is not None else -1 for c in calls], dtype=np.int32),
        sources=np.array([c[5] for c in calls], dtype="<U10"),
        topic_masks=topic_masks,
        matrix=matrix,
        groups=groups,
    )


def vote_data() -> VoteData:
    """The loaded arrays, reloaded when the data changed since."""
    global _loaded
    stamp = _stamp()
    data = _loaded
    if data is not None and data.stamp == stamp:
        return data
    with _lock:
        if _loaded is None or _loaded.stamp != stamp:
            _loaded = _load(stamp)
        return _loaded


@dataclass(frozen=True)
class Selection:
    """Which roll calls a measure is taken over; empty fields select all."""

    start: dt.date | None = None
    end: dt.date | None = None
    body: str = ""
    topic: str = ""
    session: int | None = None

    def mask(self, data: VoteData) -> np.ndarray:
        mask = np.ones(data.roll_call_ids.shape, dtype=bool)
        if self.start is not None:
            mask &= data.dates >= np.datetime64(self.start, "D")
        if self.end is not None:
            mask &= data.dates <= np.datetime64(self.end, "D")
        if self.body:
            mask &= data.bodies == self.body
        if self.topic:
            mask &= data.topic_masks.get(self.topic, np.zeros_like(mask))
        if self.session is not None:
            mask &= data.sessions == self.session
        return mask


def read_bound(text: str, *, end: bool) -> dt.date:
    """'1990' (the year's first or last day) or '1990-05-01'; ValueError otherwise."""
    text = text.strip()
    if len(text) == 4 and text.isdigit():
        return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
    return dt.date.fromisoformat(text)


def selected_count(selection: Selection) -> int:
    data = vote_data()
    return int(selection.mask(data).sum())


class UnknownState(LookupError):
    pass


def _row(data: VoteData, iso3: str) -> int:
    try:
        return data.row_of[iso3.upper()]
    except KeyError:
        raise UnknownState(iso3) from None


def agreement_of(a: str, b: str, selection: Selection = Selection()) -> analytics.Agreement:
    data = vote_data()
    columns = data.matrix[:, selection.mask(data)]
    return analytics.agreement(columns[_row(data, a)], columns[_row(data, b)])


@dataclass(frozen=True)
class AgreementMatrix:
    states: list[str]
    agreed: np.ndarray
    compared: np.ndarray
    roll_calls: int

    @property
    def shares(self) -> np.ndarray:
        return analytics.agreement_shares(self.agreed, self.compared)


def agreement_matrix(
    selection: Selection = Selection(), states: list[str] | None = None
) -> AgreementMatrix:
    """Agreement of every pair of States (or of ``states``) over the selected roll calls;
    States that cast no vote in them are left out."""
    data = vote_data()
    mask = selection.mask(data)
    columns = data.matrix[:, mask]
    rows = [_row(data, iso3) for iso3 in states] if states else range(len(data.states))
    rows = [r for r in rows if (columns[r] > 0).any()]
    agreed, compared = analytics.agreement_counts(columns[rows])
    return AgreementMatrix([data.states[r] for r in rows], agreed, compared, int(mask.sum()))


@dataclass(frozen=True)
class PartnerRow:
    iso3: str
    agreement: analytics.Agreement


def partners_of(
    iso3: str, selection: Selection = Selection(), *, min_compared: int = 20
) -> list[PartnerRow]:
    """Every State that shared at least ``min_compared`` selected roll calls, closest first."""
    data = vote_data()
    columns = data.matrix[:, selection.mask(data)]
    found = analytics.partners(columns, _row(data, iso3), min_compared=min_compared)
    return [PartnerRow(data.states[p.index], p.agreement) for p in found]


@dataclass(frozen=True)
class GroupCohesion:
    group: str
    label: str
    members: int
    cohesion: analytics.Cohesion


def group_cohesion(selection: Selection = Selection()) -> list[GroupCohesion]:
    """Each UN regional group's Hix–Noury–Roland index, with today's membership of the groups."""
    data = vote_data()
    columns = data.matrix[:, selection.mask(data)]
    return [
        GroupCohesion(
            group,
            str(label),
            len(data.groups.get(group, [])),
            analytics.cohesion(columns[data.groups.get(group, [])]),
        )
        for group, label in RegionalGroup.choices
    ]


def composition_of(
    iso3: str, selection: Selection = Selection()
) -> list[analytics.YearComposition]:
    data = vote_data()
    mask = selection.mask(data)
    return analytics.yearly_composition(data.matrix[_row(data, iso3), mask], data.years[mask])


def adoption_per_year(body: str = "") -> list[analytics.YearAdoption]:
    """Of the resolutions stored on the platform, those adopted by a recorded vote, per year."""
    from solidarity.resolutions.models import Kind, Resolution

    resolutions = Resolution.objects.filter(kind=Kind.RESOLUTION, adopted_on__isnull=False)
    if body:
        resolutions = resolutions.filter(body=body)
    return analytics.adopted_by_vote_per_year(
        (adopted_on.year, not without_vote)
        for adopted_on, without_vote in resolutions.values_list(
            "adopted_on", "adopted_without_vote"
        )
    )


def overview() -> dict:
    """Roll calls and country votes by source and body, with the years they span."""
    sources = list(
        RollCall.objects.values("source", "body")
        .annotate(roll_calls=Count("id"), first=Min("date"), last=Max("date"))
        .order_by("body", "source")
    )
    labels = dict(Source.choices)
    for row in sources:
        row["source_label"] = str(labels.get(row["source"], row["source"]))
    return {
        "sources": sources,
        "roll_calls": sum(row["roll_calls"] for row in sources),
        "has_unvotes": any(row["source"] == Source.UNVOTES for row in sources),
        "citation": unvotes.CITATION,
    }


def country_section(country) -> dict:
    """What a State's page shows of its roll calls: partners and its yearly composition."""
    data = vote_data()
    row = data.row_of.get(country.iso3)
    if row is None or not (data.matrix[row] > 0).any():
        return {"count": 0}
    ranked = partners_of(country.iso3)
    names = dict(Country.objects.values_list("iso3", "un_name"))
    named = [(names.get(p.iso3, p.iso3), p) for p in ranked]
    composition = composition_of(country.iso3)
    return {
        "count": sum(year.total for year in composition),
        "closest": named[:5],
        "furthest": list(reversed(named[-5:])) if len(named) > 5 else [],
        "composition": composition,
        "group_majority": agreement_with_group_majority(country.iso3),
        "has_unvotes": bool((data.sources[data.matrix[row] > 0] == Source.UNVOTES).any()),
        "citation": unvotes.CITATION,
    }


@dataclass(frozen=True)
class StateFigure:
    iso3: str
    name: str
    group: str
    value: float
    count: int  # roll calls the figure is taken over
    part: int = 0  # of which, those counted (outvoted, agreed)


def _names_and_groups() -> dict[str, tuple[str, str]]:
    return {
        iso3: (name, group)
        for iso3, name, group in Country.objects.values_list("iso3", "un_name", "regional_group")
    }


def most_outvoted(
    selection: Selection = Selection(), *, min_counted: int = 20
) -> list[StateFigure]:
    """States by the share of their yes and no votes cast on the losing side, highest first."""
    data = vote_data()
    lost, counted = analytics.outvoted(data.matrix[:, selection.mask(data)])
    names = _names_and_groups()
    found = [
        StateFigure(
            iso3, *names[iso3], float(lost[row] / counted[row]), int(counted[row]), int(lost[row])
        )
        for row, iso3 in enumerate(data.states)
        if counted[row] >= min_counted and iso3 in names
    ]
    found.sort(key=lambda f: (-f.value, -f.count, f.iso3))
    return found


def agreement_with_group_majority(
    iso3: str, selection: Selection = Selection()
) -> analytics.Agreement | None:
    """A State's agreement with the majority of its regional group (None for an observer)."""
    data = vote_data()
    row = _row(data, iso3)
    group = next((g for g, rows in data.groups.items() if row in rows), None)
    if group is None:
        return None
    rows = data.groups[group]
    columns = data.matrix[:, selection.mask(data)]
    majority = analytics.group_majority(columns[rows])
    return analytics.agreement(columns[row], majority)


def ideal_points(selection: Selection = Selection(), *, min_votes: int = 20) -> list[StateFigure]:
    """Each State's place on the first dimension of its votes (docs/votes.md), lowest first;
    States with fewer than ``min_votes`` votes in the selection are left out."""
    data = vote_data()
    columns = data.matrix[:, selection.mask(data)]
    votes = (columns > 0).sum(axis=1)
    rows = [row for row in range(len(data.states)) if votes[row] >= min_votes]
    if len(rows) < 2:
        return []
    points = analytics.ideal_points(*analytics.agreement_counts(columns[rows]))
    names = _names_and_groups()
    found = [
        StateFigure(data.states[row], *names[data.states[row]], float(point), int(votes[row]))
        for row, point in zip(rows, points, strict=True)
    ]
    found.sort(key=lambda f: (f.value, f.iso3))
    return found


@dataclass(frozen=True)
class GroupTally:
    group: str
    label: str
    yes: int
    no: int
    abstain: int

    @property
    def cohesion(self) -> float | None:
        return analytics.agreement_index(self.yes, self.no, self.abstain)


def resolution_vote_by_group(resolution) -> dict | None:
    """The section of a resolution's page: each regional group's agreement index in its
    recorded vote, and the Council members of that year that did not vote.

    Reads the votes the page has loaded already (``resolutions.selectors.resolution_for_page``
    prefetches them with their States); only the Council's membership is asked for.
    """
    from solidarity.countries.models import CouncilMembership

    vote = getattr(resolution, "recorded_vote", None)
    if vote is None or resolution.adopted_on is None:
        return None
    counts: dict[tuple[str, str], int] = {}
    voters = set()
    for cast in vote.casts.all():
        key = (cast.country.regional_group, cast.position)
        counts[key] = counts.get(key, 0) + 1
        voters.add(cast.country_id)
    groups = [
        GroupTally(
            group,
            str(label),
            counts.get((group, "yes"), 0),
            counts.get((group, "no"), 0),
            counts.get((group, "abstain"), 0),
        )
        for group, label in RegionalGroup.choices
    ]
    year = resolution.adopted_on.year
    absent = []
    if resolution.body == "HRC":
        absent = [
            name
            for iso3, name in CouncilMembership.objects.filter(year=year)
            .order_by("country__un_name")
            .values_list("country_id", "country__un_name")
            if iso3 not in voters
        ]
    return {
        "groups": [g for g in groups if g.yes + g.no + g.abstain],
        "members_not_voting": absent,
        "body": resolution.body,
        "year": year,
    }


def latest_roll_calls(limit: int = 10) -> list[dict]:
    """The most recent roll calls of any source, with their tallies and resolution."""
    from django.db.models import Q

    from solidarity.votes.positions import ABSTAIN, NO, YES

    rows = (
        RollCall.objects.order_by("-date", "-id")
        .select_related("resolution")
        .only("symbol", "date", "body", "source", "title", "resolution__symbol")
        .annotate(
            yes=Count("votes", filter=Q(votes__position=YES)),
            no=Count("votes", filter=Q(votes__position=NO)),
            abstain=Count("votes", filter=Q(votes__position=ABSTAIN)),
        )[:limit]
    )
    return [
        {
            "roll_call": row,
            "url": row.resolution.get_absolute_url() if row.resolution_id else "",
        }
        for row in rows
    ]


def series_of(resolution) -> dict | None:
    """The series a resolution belongs to, with its resolutions oldest first (one query)."""
    from solidarity.votes.models import SeriesMember

    members = list(
        SeriesMember.objects.filter(series__members__resolution=resolution)
        .select_related("resolution", "series")
        .only(
            "by_hand",
            "series__title",
            "series__body",
            "resolution__symbol",
            "resolution__adopted_on",
            "resolution__adopted_without_vote",
        )
        .order_by("resolution__adopted_on", "resolution__symbol")
    )
    if not members:
        return None
    return {
        "series": members[0].series,
        "resolutions": [m.resolution for m in members],
        "by_vote": sum(1 for m in members if not m.resolution.adopted_without_vote),
        "by_hand": any(m.by_hand and m.resolution_id == resolution.pk for m in members),
    }


def series_subject(series_id: int) -> str:
    """The page cache's subject of a series: every member's page lists its members."""
    return f"series:{series_id}"


def member_subject(symbol: str) -> str:
    """The page cache's subject of a resolution's series, which follows the series' own."""
    return f"series-of:{symbol}"


def page_subjects_of_resolution(symbol: str) -> list[str]:
    """What a resolution's page shows from here (``resolutions.extensions``): its series."""
    return [member_subject(symbol)]


def resolution_section(resolution) -> dict | None:
    """What a resolution's page shows from here: its series, and its vote by group."""
    found = {
        "series": series_of(resolution),
        "vote": resolution_vote_by_group(resolution),
        "current": resolution.pk,
    }
    return found if found["series"] or found["vote"] else None


def series_table() -> list[dict]:
    """Every series with its number of resolutions and of those adopted by a recorded vote."""
    from django.db.models import Q

    from solidarity.votes.models import ResolutionSeries

    rows = ResolutionSeries.objects.annotate(
        resolutions=Count("members"),
        by_vote=Count("members", filter=Q(members__resolution__adopted_without_vote=False)),
        first=Min("members__resolution__adopted_on"),
        last=Max("members__resolution__adopted_on"),
    ).order_by("-resolutions", "title")[:200]
    return [
        {
            "series": row,
            "resolutions": row.resolutions,
            "by_vote": row.by_vote,
            "first": row.first,
            "last": row.last,
        }
        for row in rows
    ]
