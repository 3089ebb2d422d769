"""The mandate in the demonstration data: only what a published source says, each cited.

The holders, the resolutions of the series and the report cited in 56/4 are
real and carry their source; a day of adoption is given only where the source
prints it. The one report due is an example, marked as such on every page.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from solidarity.mandate import services
from solidarity.mandate.models import Body, Deliverable, Mandate, SeriesRole
from solidarity.resolutions.models import Resolution

OHCHR_PAGE = "https://www.ohchr.org/en/special-procedures/ie-international-solidarity"
IJRC_PAGE = (
    "https://ijrcenter.org/un-special-procedures/"
    "independent-expert-on-human-rights-and-international-solidarity"
)

MANDATE = {
    "name": "Independent Expert on human rights and international solidarity",
    "asks": (
        "Resolution 56/4 asks the Independent Expert to take part in international forums "
        "and major events (op. 14), to examine in reports the obstacles to the right of "
        "peoples and individuals to international solidarity and seek the views of "
        "Governments, United Nations agencies and organizations (op. 15, 18), to continue "
        "the consultations on the draft declaration on the right to international "
        "solidarity (op. 16), and to report regularly to the Human Rights Council and the "
        "General Assembly (op. 19)."
    ),
    "series_title": "human rights and international solidarity",
    "addressee": "Independent Expert",
    "term_years": 3,
    "next_renewal": (
        "2026: resolution 53/5 (12 July 2023) extended the mandate for a term of three "
        "years; the renewal is not yet recorded here."
    ),
    "contact_note": "Through the mandate's page on the website of OHCHR.",
    "source_url": OHCHR_PAGE,
}

# As published on the mandate's page at OHCHR.
HOLDERS = [
    ("Rudi Muhammad Rizki", 2005, 2011),
    ("Virginia Dandan", 2011, 2017),
    ("Obiora Chinedu Okafor", 2017, 2023),
    ("Cecilia M. Bailliet", 2023, None),
]

SERIES = [
    {
        "symbol": "E/CN.4/RES/2005/55",
        "body": Body.CHR,
        "year": 2005,
        "adopted_on": dt.date(2005, 4, 20),
        "title": "Human rights and international solidarity",
        "role": SeriesRole.CREATING,
        # Cited with its date in the preamble of Council resolution 17/6.
        "source_url": "https://www.right-docs.org/doc/a-hrc-res-17-6/",
    },
    {
        "symbol": "A/HRC/RES/6/3",
        "body": Body.HRC,
        "year": 2007,
        "title": "Human rights and international solidarity",
        "role": SeriesRole.SERIES,
        "source_url": "https://right-docs.org/doc/a-hrc-6-22",
    },
    {
        "symbol": "A/HRC/RES/7/5",
        "body": Body.HRC,
        "year": 2008,
        "title": "Mandate of the independent expert on human rights and international solidarity",
        "role": SeriesRole.RENEWING,
        "source_url": (
            "https://docslib.org/doc/13865663/"
            "report-of-the-human-rights-council-on-its-seventh-session"
        ),
    },
    {
        "symbol": "A/HRC/RES/17/6",
        "body": Body.HRC,
        "year": 2011,
        "title": "Mandate of the independent expert on human rights and international solidarity",
        "role": SeriesRole.RENEWING,
        "source_url": "https://www.right-docs.org/doc/a-hrc-res-17-6/",
    },
    {
        "symbol": "A/HRC/RES/53/5",
        "body": Body.HRC,
        "year": 2023,
        "adopted_on": dt.date(2023, 7, 12),
        "title": "Mandate of Independent Expert on human rights and international solidarity",
        "role": SeriesRole.RENEWING,
        "source_url": IJRC_PAGE,
    },
    {
        "symbol": "A/HRC/RES/56/4",
        "body": Body.HRC,
        "year": 2024,
        "adopted_on": dt.date(2024, 7, 10),
        "title": "Human rights and international solidarity",
        "role": SeriesRole.SERIES,
        "source_url": "",
    },
]

# The report cited in 56/4 (op. 12 and its footnote 1), described as the resolution describes it.
DOCUMENTS = [
    {
        "symbol": "A/HRC/56/57",
        "title": (
            "Report of the Independent Expert on human rights and international solidarity "
            "on the participation of civil society organizations seeking to express "
            "international solidarity through transnational, international and regional networks"
        ),
        "body": Body.HRC,
        "session": 56,
        "source_note": "Resolution 56/4, operative paragraph 12 and its footnote 1",
    },
]


def load() -> int:
    """Record the mandate once; returns 1 if it was added, 0 if it was there already."""
    if Mandate.objects.filter(slug="ie-international-solidarity").exists():
        return 0
    mandate = services.mandate_save(actor=None, slug="ie-international-solidarity", **MANDATE)
    for name, start, end in HOLDERS:
        services.holder_save(
            actor=None,
            mandate=mandate,
            name=name,
            from_year=start,
            until_year=end,
            source_url=OHCHR_PAGE,
        )
    for row in SERIES:
        services.series_resolution_save(actor=None, mandate=mandate, **row)
    for document in DOCUMENTS:
        services.document_save(actor=None, mandate=mandate, **document)
    # Tasks of the resolutions already stored (storing one later makes its own).
    for resolution in Resolution.objects.all():
        services.tasks_from_resolution(actor=None, resolution=resolution)
    task = mandate.tasks.filter(paragraph_number=19).first()
    if not Deliverable.objects.filter(mandate=mandate).exists():
        services.deliverable_save(
            actor=None,
            mandate=mandate,
            body=Body.HRC,
            session=63,
            title="Example: the annual report to the Human Rights Council",
            due_on=timezone.localdate() + dt.timedelta(days=60),
            task=task,
            example=True,
        )
    return 1
