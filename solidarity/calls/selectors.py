"""Reading calls and submissions: the lists pages and the API share, scoped to the reader."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from solidarity.calls.indexing import SEARCH_KIND
from solidarity.calls.models import Call, CallStatus, Consent, Submission, SubmissionStatus
from solidarity.calls.permissions import can_see_submission, party_of
from solidarity.core import search


@dataclass(frozen=True)
class CallFilters:
    status: str = ""
    year: int | None = None
    paragraph: int | None = None

    @classmethod
    def from_params(cls, params) -> CallFilters:
        """From ?status=open&year=2026&paragraph=15; odd values are no filter."""
        status = params.get("status", "")
        year = params.get("year", "")
        paragraph = params.get("paragraph", "")
        return cls(
            status=status if status in CallStatus.values else "",
            year=int(year) if year.isdigit() and 1900 < int(year) < 3000 else None,
            paragraph=int(paragraph) if paragraph.isdigit() and int(paragraph) < 1000 else None,
        )


def calls(filters: CallFilters = CallFilters()) -> QuerySet[Call]:
    """Calls, newest deadline first, within the filters (status from the dates, now)."""
    now = timezone.now()
    found = Call.objects.select_related("resolution").prefetch_related("paragraphs")
    if filters.status == CallStatus.UPCOMING:
        found = found.filter(opens_at__gt=now)
    elif filters.status == CallStatus.OPEN:
        found = found.filter(opens_at__lte=now, closes_at__gt=now)
    elif filters.status == CallStatus.CLOSED:
        found = found.filter(closes_at__lte=now)
    if filters.year:
        found = found.filter(Q(opens_at__year=filters.year) | Q(closes_at__year=filters.year))
    if filters.paragraph:
        found = found.filter(paragraphs__number=filters.paragraph).distinct()
    return found.order_by("-closes_at", "-id")


def call_years() -> list[int]:
    return sorted({d.year for d in Call.objects.dates("opens_at", "year")}, reverse=True)


def call_get(slug_or_id: str) -> Call:
    """A call by its short name or its number; Call.DoesNotExist otherwise."""
    found = Call.objects.select_related("resolution").prefetch_related(
        "paragraphs", "questions", "extensions"
    )
    if str(slug_or_id).isdigit():
        return found.get(pk=int(slug_or_id))
    return found.get(slug=slug_or_id)


_SUBMISSION_RELATED = ("call", "state", "organization", "created_by", "submitted_by")


def submission_get_for_user(user, call: Call, pk: int) -> Submission:
    """One submission of a call, if the person may see it; to others it does not exist."""
    submission = (
        Submission.objects.select_related(*_SUBMISSION_RELATED)
        .prefetch_related("files")
        .filter(call=call, pk=pk)
        .first()
    )
    if submission is None or not can_see_submission(user, submission):
        raise Submission.DoesNotExist(f"No submission {pk} visible to this person.")
    return submission


def submission_of_party(user, call: Call) -> Submission | None:
    """The submission (draft or sent) of the person's party to this call, if any."""
    party = party_of(user)
    if party is None:
        return None
    return (
        Submission.objects.select_related(*_SUBMISSION_RELATED)
        .prefetch_related("files")
        .filter(call=call, party=party[0])
        .first()
    )


def submissions_of(user) -> QuerySet[Submission]:
    """Every submission of the person's party, newest first."""
    party = party_of(user)
    if party is None:
        return Submission.objects.none()
    return (
        Submission.objects.select_related(*_SUBMISSION_RELATED)
        .filter(party=party[0])
        .order_by("-updated_at")
    )


@dataclass(frozen=True)
class ReviewFilters:
    stakeholder_type: str = ""
    region: str = ""
    country: str = ""
    language: str = ""
    unread: bool = False

    @classmethod
    def from_params(cls, params) -> ReviewFilters:
        return cls(
            stakeholder_type=params.get("stakeholder_type", "")[:20],
            region=params.get("region", "")[:40],
            country=params.get("country", "")[:3].upper(),
            language=params.get("language", "")[:10],
            unread=params.get("unread", "") == "1",
        )


def submissions_for_review(call: Call, filters: ReviewFilters = ReviewFilters()):
    """Every sent submission of a call, for the secretariat, within the filters."""
    found = (
        Submission.objects.filter(call=call, status=SubmissionStatus.SUBMITTED)
        .select_related(*_SUBMISSION_RELATED)
        .prefetch_related("files", "organization__countries")
    )
    if filters.stakeholder_type:
        found = found.filter(stakeholder_type=filters.stakeholder_type)
    if filters.region:
        found = found.filter(
            Q(state__regional_group=filters.region)
            | Q(organization__countries__regional_group=filters.region)
        )
    if filters.country:
        found = found.filter(
            Q(state__iso3=filters.country) | Q(organization__countries__iso3=filters.country)
        )
    if filters.language:
        found = found.filter(language=filters.language)
    if filters.unread:
        found = found.filter(read_at__isnull=True)
    return found.distinct().order_by("submitted_at", "id")


def published_submissions(call: Call) -> QuerySet[Submission]:
    return (
        Submission.objects.filter(call=call, published_at__isnull=False)
        .select_related(*_SUBMISSION_RELATED)
        .prefetch_related("files")
        .order_by("published_at", "id")
    )


def published_submissions_of_state(country) -> QuerySet[Submission]:
    """A State's submissions published under its name, newest first; one it asked to publish
    without its name is never here, since the State's page would name it."""
    return (
        Submission.objects.filter(state=country, published_at__isnull=False)
        .exclude(consent=Consent.PUBLISH_ANONYMOUSLY)
        .select_related(*_SUBMISSION_RELATED)
        .prefetch_related("files", "call__questions")
        .order_by("-published_at", "-id")
    )


def submissions_of_country(country) -> dict:
    """The State's page section: its published submissions to calls for input."""
    return {"submissions": list(published_submissions_of_state(country))}


def search_published(words: str, *, limit: int = 50) -> list[tuple[Submission, str]]:
    """Published submissions matching the words (in their answers or files), best first,
    each with its snippet. Raises search.QueryError when the words cannot be searched."""
    page = search.search(SEARCH_KIND, words, limit=limit)
    ids = [int(hit.object_id) for hit in page.hits]
    found = Submission.objects.select_related(*_SUBMISSION_RELATED).in_bulk(ids)
    return [
        (found[int(hit.object_id)], hit.snippet)
        for hit in page.hits
        if int(hit.object_id) in found and found[int(hit.object_id)].is_published
    ]
