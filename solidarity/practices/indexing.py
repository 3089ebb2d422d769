"""What the search index holds of a published practice: words, date and facets."""

from __future__ import annotations

from solidarity.core import search
from solidarity.countries.models import Country
from solidarity.practices.content import searchable_text, start_year

SEARCH_KIND = "practice"
# The facets of the catalogue, in the order they are shown.
FACETS = ("theme", "modality", "level", "region", "country", "sdg", "actor_type", "year")


def country_facts() -> dict[str, tuple[str, str]]:
    """iso3 -> (name, regional group), for indexing many practices with one query."""
    return {
        iso3: (name, group)
        for iso3, name, group in Country.objects.values_list("iso3", "un_name", "regional_group")
    }


def facets_of(content: dict, countries: dict[str, tuple[str, str]]) -> dict[str, list[str]]:
    codes = [c["country"] for c in content["countries"]]
    year = start_year(content)
    return {
        "theme": list(content["themes"]),
        "modality": list(content["modalities"]),
        "level": [content["level"]] if content["level"] else [],
        "region": sorted({countries[c][1] for c in codes if c in countries and countries[c][1]}),
        "country": codes,
        "sdg": [str(goal) for goal in content["sdg_goals"]],
        "actor_type": [actor["type"] for actor in content["actors"]],
        "year": [str(year)] if year else [],
    }


def document_of(practice, countries: dict[str, tuple[str, str]]) -> search.Document:
    content = practice.published
    return search.Document(
        object_id=str(practice.pk),
        title=content["title"],
        body=searchable_text(content, country_names={k: v[0] for k, v in countries.items()}),
        language=content.get("language") or "en",
        sorted_at=practice.first_published_at,
        facets=facets_of(content, countries),
    )


def index(practice) -> None:
    """Put the public version of a practice in the index, or take it out."""
    if practice.is_public:
        search.index_documents(kind=SEARCH_KIND, documents=[document_of(practice, country_facts())])
    else:
        search.remove_documents(kind=SEARCH_KIND, object_ids=[practice.pk])


def reindex_all() -> int:
    """Rebuild the entries of every public practice; returns how many."""
    from solidarity.practices.models import Practice

    search.remove_documents(kind=SEARCH_KIND)
    countries = country_facts()
    public = Practice.objects.filter(published_version__isnull=False, retracted_at__isnull=True)
    count, batch = 0, []
    for practice in public.only(
        "id", "published", "first_published_at", "published_version", "retracted_at"
    ).iterator(chunk_size=500):
        batch.append(document_of(practice, countries))
        count += 1
        if len(batch) == 500:
            search.index_documents(kind=SEARCH_KIND, documents=batch)
            batch = []
    search.index_documents(kind=SEARCH_KIND, documents=batch)
    return count
