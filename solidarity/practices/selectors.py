"""Reading good practices: the catalogue with its facets, a practice, its history."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count

from solidarity.core import search
from solidarity.countries.models import RegionalGroup
from solidarity.practices.indexing import FACETS, SEARCH_KIND
from solidarity.practices.models import Practice, PracticeStatus, PracticeVersion, Theme
from solidarity.practices.permissions import can_see_workspace
from solidarity.practices.presentation import choice_label, country_names, theme_labels
from solidarity.practices.taxonomy import ActorType, CountryRole, Level, Modality, sdg_label

SORTS = ("relevance", "newest")
MAX_EXPORT = 10_000


@dataclass(frozen=True)
class CatalogueQuery:
    q: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"

    @classmethod
    def from_params(cls, params) -> CatalogueQuery:
        """From a query string: ?q=…&theme=…&country=…&sort=…; odd values are no filter."""
        filters = {}
        for name in FACETS:
            values = tuple(dict.fromkeys(v.strip()[:80] for v in params.getlist(name) if v.strip()))
            if values:
                filters[name] = values[:20]
        sort = params.get("sort", "")
        return cls(
            q=params.get("q", "").strip()[:300],
            filters=filters,
            sort=sort if sort in SORTS else "relevance",
        )


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class CataloguePage:
    total: int
    practices: list[Practice]
    facets: dict[str, list[FacetValue]]
    # Every theme's label in the reader's language, read once for the facets and the results.
    themes: dict[str, str] = field(default_factory=dict)


def facet_labels(name: str, values, *, themes: dict[str, str] | None = None) -> dict[str, str]:
    """Labels, in the reader's language, of the values of a facet (``themes``: read already)."""
    values = list(values)
    if name == "theme" and themes is not None:
        return {v: themes[v] for v in values if v in themes}
    if name == "theme":
        return {t.code: t.label() for t in Theme.objects.filter(code__in=values)}
    if name == "country":
        names = country_names()
        return {v: names[v] for v in values if v in names}
    if name == "sdg":
        return {v: sdg_label(int(v)) for v in values if v.isdigit()}
    choices = {
        "modality": Modality,
        "level": Level,
        "actor_type": ActorType,
        "region": RegionalGroup,
    }.get(name)
    if choices is not None:
        return {v: choice_label(choices, v) for v in values}
    return {v: v for v in values}


def catalogue(
    query: CatalogueQuery, *, offset: int = 0, limit: int = 20, snippets: bool = True
) -> CataloguePage:
    """One page of public practices matching the query, with every facet counted.

    Raises search.QueryError when the words cannot be searched.
    """
    page = search.faceted_search(
        SEARCH_KIND,
        query.q,
        filters=query.filters,
        facets=FACETS,
        sort=query.sort,
        limit=limit,
        offset=offset,
        snippets=snippets,
    )
    practices = practices_in_order([hit.object_id for hit in page.hits])
    snippets_by_id = {hit.object_id: hit.snippet for hit in page.hits}
    for practice in practices:
        practice.snippet = snippets_by_id.get(str(practice.pk), "")
    facets = {}
    themes = theme_labels()
    for name in FACETS:
        counted = page.facets.get(name, [])
        selected = set(query.filters.get(name, ()))
        labels = facet_labels(
            name, [value for value, _count in counted] + list(selected), themes=themes
        )
        values = [
            FacetValue(value, labels.get(value, value), count, value in selected)
            for value, count in counted
        ]
        # A chosen value stays listed (to be unticked) even when nothing matches it.
        values += [
            FacetValue(value, labels.get(value, value), 0, True)
            for value in selected - {v.value for v in values}
        ]
        if name == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        facets[name] = values
    return CataloguePage(page.total, practices, facets, themes)


# What a list of public practices reads: the published content, not the working copy.
LISTED = ("id", "published", "published_version", "first_published_at", "retracted_at")


def practices_in_order(ids) -> list[Practice]:
    ids = [int(i) for i in ids]
    found = Practice.objects.only(*LISTED).in_bulk(ids)
    return [found[i] for i in ids if i in found]


def catalogue_for_export(query: CatalogueQuery):
    """Every practice of a search, best first (at most MAX_EXPORT), in batches."""
    offset = 0
    while offset < MAX_EXPORT:
        page = search.faceted_search(
            SEARCH_KIND,
            query.q,
            filters=query.filters,
            sort=query.sort,
            limit=1000,
            offset=offset,
            snippets=False,
        )
        yield from practices_in_order([hit.object_id for hit in page.hits])
        offset += 1000
        if offset >= page.total:
            return


def public_practice(pk: int) -> Practice:
    """A practice that was ever published (retracted ones included, to say so)."""
    return Practice.objects.get(pk=pk, published_version__isnull=False)


def related_practices(practice: Practice, *, limit: int = 4) -> list[Practice]:
    """Public practices sharing the most themes, countries and modalities with this one."""
    content = practice.published
    if not content or not content["themes"]:
        return []
    page = search.faceted_search(
        SEARCH_KIND,
        None,
        filters={"theme": content["themes"]},
        sort="newest",
        limit=200,
        snippets=False,
    )
    candidates = [
        p for p in practices_in_order([h.object_id for h in page.hits]) if p.pk != practice.pk
    ]
    mine = _traits(content)
    candidates.sort(key=lambda other: len(mine & _traits(other.published)), reverse=True)
    return candidates[:limit]


def _traits(content: dict) -> set[str]:
    return (
        {f"t:{code}" for code in content["themes"]}
        | {f"c:{c['country']}" for c in content["countries"]}
        | {f"m:{code}" for code in content["modalities"]}
    )


def practice_get_for_user(user, pk: int) -> Practice:
    """A practice's working copy and review thread, for its submitter and the reviewers.

    To anyone else it does not exist (Practice.DoesNotExist, a 404 in views):
    a number guessed from another organization's drafts says nothing of them.
    """
    practice = (
        Practice.objects.select_related("submitted_by", "organization", "state")
        .filter(pk=pk)
        .first()
    )
    if practice is None or not can_see_workspace(user, practice):
        raise Practice.DoesNotExist(f"No practice {pk} visible to this person.")
    return practice


def versions_of(practice: Practice) -> list[PracticeVersion]:
    return list(practice.versions.select_related("published_by").order_by("-number"))


def version_of(practice: Practice, number: int) -> PracticeVersion:
    return practice.versions.get(number=number)


def practices_of(user) -> list[Practice]:
    """A person's own practices, with their status."""
    return list(Practice.objects.filter(submitted_by=user).order_by("-updated_at"))


def status_counts_of(user) -> list[dict]:
    """How many of a person's own practices are in each status, in the order of the statuses."""
    counts = dict(
        Practice.objects.filter(submitted_by=user)
        .values("status")
        .annotate(count=Count("pk"))
        .values_list("status", "count")
    )
    return [
        {"status": status, "label": label, "count": counts[status]}
        for status, label in PracticeStatus.choices
        if counts.get(status)
    ]


def review_queue():
    """Practices waiting for a decision, oldest first."""
    return (
        Practice.objects.filter(status=PracticeStatus.SUBMITTED)
        .select_related("submitted_by", "organization", "state")
        .order_by("submitted_at")
    )


def practices_of_country(country, *, limit: int = 10) -> dict:
    """The newest public practices involving a State, for its page."""
    page = search.faceted_search(
        SEARCH_KIND,
        None,
        filters={"country": [country.iso3]},
        sort="newest",
        limit=limit,
        snippets=False,
    )
    practices = practices_in_order([h.object_id for h in page.hits])
    for practice in practices:
        roles = [r["role"] for r in practice.published["countries"] if r["country"] == country.iso3]
        practice.roles_here = [str(CountryRole(r).label) for r in roles if r in CountryRole.values]
    return {"count": page.total, "practices": practices, "country": country.iso3}
