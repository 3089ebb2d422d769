from __future__ import annotations

import functools
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from solidarity.core import pagecache, search
from solidarity.core.downloads import uploaded_file_response
from solidarity.core.export import csv_response
from solidarity.core.permissions import allowed
from solidarity.countries import world_map
from solidarity.resolutions import akomantoso, extensions, selectors, services
from solidarity.resolutions.forms import IngestForm
from solidarity.resolutions.models import Body, Kind, Resolution
from solidarity.resolutions.parsing import ParseError, parse_bytes
from solidarity.resolutions.parsing.symbols import Symbol
from solidarity.resolutions.permissions import can_ingest_resolutions


def _int(value: str | None, *, low: int, high: int) -> int | None:
    """A whole number within bounds, or None: odd input is no filter, never an error."""
    try:
        number = int(value) if value else None
    except ValueError:
        return None
    return number if number is not None and low <= number <= high else None


def filters_from(params) -> selectors.ResolutionFilters:
    voted = params.get("voted", "")
    return selectors.ResolutionFilters(
        body=params.get("body", "") if params.get("body", "") in Body.values else "",
        kind=params.get("kind", "") if params.get("kind", "") in Kind.values else "",
        session=_int(params.get("session"), low=1, high=32767),
        year=_int(params.get("year"), low=1, high=9999),
        voted={"yes": True, "no": False}.get(voted),
        q=params.get("q", "").strip()[:300],
    )


# Matching paragraphs shown under a resolution before "show all".
HITS_AT_FIRST = 5


def resolution_list(request):
    filters = filters_from(request.GET)
    resolutions = selectors.resolutions_list(filters)
    query_error = ""
    ranked: list[int] | None = None
    matches = None
    if filters.q:
        try:
            matches = selectors.resolutions_matching(
                filters.q, resolutions, filtered=filters.narrowing
            )
            ranked = matches.ids
        except search.QueryError as error:
            query_error, ranked = str(error), []
    if request.GET.get("format") == "csv":
        rows = (
            resolutions.iterator(chunk_size=500)
            if ranked is None
            else selectors.resolutions_in_order(ranked)
        )
        return csv_response(
            "resolutions.csv",
            _csv_header(),
            (_csv_row(r) for r in rows),
        )
    page = Paginator(resolutions if ranked is None else ranked, 25).get_page(
        request.GET.get("page")
    )
    results = list(page) if ranked is None else selectors.resolutions_in_order(list(page))
    if ranked:
        # Every matching paragraph is on the page: the best few first, then all
        # of them behind a disclosure that opens without scripts.
        hits = selectors.paragraph_hits(filters.q, [r.pk for r in results], per_resolution=None)
        left_out = selectors.paragraphs_left_out(filters.q, [r.pk for r in results])
        for resolution in results:
            resolution.left_out = left_out.get(resolution.pk, [])
            resolution.all_hits = hits.get(resolution.pk, [])
            resolution.hits = selectors.best_hits(resolution.all_hits, HITS_AT_FIRST)
    return render(
        request,
        "resolutions/resolution_list.html",
        {
            "page": page,
            "results": results,
            "filters": filters,
            "query_error": query_error,
            "bodies": Body.choices,
            "kinds": Kind.choices,
            "query_string": request.GET.urlencode(),
            "may_ingest": allowed(can_ingest_resolutions, request.user),
            "matching": matches.count if matches else 0,
            "more_than_shown": bool(matches and matches.more),
            "apart": matches.apart if matches else 0,
            "hits_at_first": HITS_AT_FIRST,
        },
    )


def _csv_header() -> list[str]:
    """The download's column names, in the language of the page it is taken from.

    Each has the context "column of a download", apart from the same word elsewhere.
    """
    return [
        pgettext("column of a download", "symbol"),
        pgettext("column of a download", "body"),
        pgettext("column of a download", "session"),
        pgettext("column of a download", "title"),
        pgettext("column of a download", "adopted_on"),
        pgettext("column of a download", "yes"),
        pgettext("column of a download", "no"),
        pgettext("column of a download", "abstain"),
    ]


def _csv_row(resolution: Resolution):
    vote = getattr(resolution, "recorded_vote", None)
    return [
        resolution.symbol,
        resolution.body,
        resolution.session,
        resolution.title,
        resolution.adopted_on.isoformat() if resolution.adopted_on else "",
        vote.yes if vote else "",
        vote.no if vote else "",
        vote.abstain if vote else "",
    ]


def symbol_address(view):
    """Give the view the symbol as printed; send other spellings to the address's form.

    A part's letter follows a space in print ("A/RES/78/262 A") and none in the
    address (``/resolutions/A/RES/78/262A/``): "%20A" is redirected there, for
    good, so each resolution has one address.
    """

    @functools.wraps(view)
    def wrapper(request, symbol: str):
        parsed = Symbol.parse(symbol)
        if parsed is None:
            raise Http404(_("No resolution with the symbol %(symbol)s.") % {"symbol": symbol})
        if symbol != parsed.path:
            url = reverse(resolve(request.path_info).view_name, kwargs={"symbol": parsed.path})
            query = request.META.get("QUERY_STRING", "")
            return redirect(f"{url}?{query}" if query else url, permanent=True)
        return view(request, str(parsed))

    return wrapper


def _get(symbol: str, *, with_vote: bool = False) -> Resolution:
    try:
        if with_vote:
            return selectors.resolution_with_vote(symbol)
        return selectors.resolution_get(symbol)
    except Resolution.DoesNotExist:
        raise Http404(_("No resolution with the symbol %(symbol)s.") % {"symbol": symbol}) from None


@symbol_address
@pagecache.public_page(
    lambda symbol: [
        pagecache.resolution(symbol),
        pagecache.STATES,
        pagecache.CITED_DOCUMENTS,
        *extensions.page_subjects(symbol),  # its series, from the votes
    ]
)
def resolution_detail(request, symbol: str):
    try:
        resolution = selectors.resolution_for_page(symbol)
    except Resolution.DoesNotExist:
        raise Http404(_("No resolution with the symbol %(symbol)s.") % {"symbol": symbol}) from None
    document = resolution.document
    return render(
        request,
        "resolutions/resolution_detail.html",
        {
            "resolution": resolution,
            "document": document,
            "preambular_paragraphs": resolution.preambular_paragraphs.all(),
            "operative_paragraphs": resolution.operative_paragraphs.all(),
            "vote": getattr(resolution, "recorded_vote", None),
            "vote_rows": selectors.vote_by_group(resolution),
            "not_on_map": _voters_without_shapes(resolution),
            # What other areas add: tasks, the comparison with the series' previous text.
            "added_sections": extensions.sections_for(resolution),
            "document_links": extensions.document_links(
                ref["cited"] for ref in document.get("references", []) if ref["kind"] == "document"
            ),
            # A new address for each version of the vote, so no cache shows an old map.
            "map_version": int(resolution.updated_at.timestamp()),
            # Part of the resolution's own (English) text, so not translated.
            "enacting_formula": "The Human Rights Council,"
            if resolution.body == Body.HRC
            else "The General Assembly,",
        },
    )


def _voters_without_shapes(resolution: Resolution) -> list[str]:
    vote = getattr(resolution, "recorded_vote", None)
    if vote is None:
        return []
    drawn = world_map.countries_with_shapes()
    return [cast.country.un_name for cast in vote.casts.all() if cast.country_id not in drawn]


@symbol_address
def resolution_json(request, symbol: str):
    resolution = _get(symbol)
    response = HttpResponse(
        json.dumps(resolution.document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{_file_stem(symbol)}.json"'
    return response


@symbol_address
def resolution_akn(request, symbol: str):
    resolution = _get(symbol)
    response = HttpResponse(
        akomantoso.to_akn(resolution.document), content_type="application/akn+xml"
    )
    response["Content-Disposition"] = f'inline; filename="{_file_stem(symbol)}.akn.xml"'
    return response


@symbol_address
def resolution_source(request, symbol: str):
    resolution = _get(symbol)
    source = resolution.source
    if source is None:
        raise Http404(_("The source file of this resolution is not kept."))
    # An upload: saved, not shown, and sandboxed, like the documents of practices.
    return uploaded_file_response(
        bytes(source.data), name=source.name, media_type=source.media_type
    )


@symbol_address
def vote_map(request, symbol: str):
    resolution = _get(symbol, with_vote=True)
    if getattr(resolution, "recorded_vote", None) is None:
        raise Http404(_("This resolution was adopted without a vote."))
    key = f"vote-map:{resolution.pk}:{resolution.updated_at.timestamp()}:{request.LANGUAGE_CODE}"
    svg = cache.get(key)
    if svg is None:
        positions = selectors.vote_positions(resolution)
        legend = [
            ("yes", _("In favour"), "vote-yes"),
            ("no", _("Against"), "vote-no"),
            ("abstain", _("Abstaining"), "vote-abstain"),
        ]
        vote = resolution.recorded_vote
        svg = world_map.render_world_map(
            positions,
            legend,
            title=_("Recorded vote on resolution %(number)s") % {"number": resolution.number_label},
            description=_(
                "%(yes)s in favour, %(no)s against, %(abstain)s abstaining. "
                "States not coloured were not members or did not vote."
            )
            % {"yes": vote.yes, "no": vote.no, "abstain": vote.abstain},
            names={cast.country_id: cast.country.un_name for cast in vote.casts.all()},
            # Links in the reader's language: the address of a placeholder State.
            link_template=reverse("countries:detail", kwargs={"iso3": "XXX"}).replace(
                "XXX", "{iso3}"
            ),
            neutral_label=_("Not a member or did not vote"),
            note=_(
                "The boundaries and names shown on this map do not imply official "
                "endorsement or acceptance by the United Nations."
            ),
            lang=request.LANGUAGE_CODE,
        )
        cache.set(key, svg, 24 * 3600)
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def _file_stem(symbol: str) -> str:
    return symbol.replace("/", "-").replace(" ", "")


@login_required
@require_http_methods(["GET", "POST"])
def resolution_ingest(request):
    if not allowed(can_ingest_resolutions, request.user):
        raise PermissionDenied
    form = IngestForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            result = parse_bytes(data, source=upload.name)
            resolution, created = services.resolution_ingest(
                actor=request.user,
                document=result.document.to_dict(),
                source_name=upload.name,
                source_data=data,
            )
        except ParseError as error:
            errors.append(str(error))
        except (ValueError, DatabaseError) as error:
            errors.append(f"{upload.name}: {error}")
        else:
            message = _("%(symbol)s was added.") if created else _("%(symbol)s was updated.")
            messages.success(request, message % {"symbol": resolution.symbol})
            for warning in result.warnings:
                messages.warning(request, str(warning))
            return redirect(resolution.get_absolute_url())
    return render(request, "resolutions/ingest.html", {"form": form, "errors": errors})
