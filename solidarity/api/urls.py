"""The open REST API, version 1: one router per app, OpenAPI generated from the schemas."""

from ninja import NinjaAPI

from solidarity import __version__
from solidarity.accounts.api import router as organizations_router
from solidarity.api.docs import SiteDocs
from solidarity.api.responses import declare_common_responses, unmatched
from solidarity.calls.api import router as calls_router
from solidarity.core.ratelimit import DataRateThrottle
from solidarity.countries.api import router as countries_router
from solidarity.declaration.api import router as declaration_router
from solidarity.engagements.api import router as engagements_router
from solidarity.indicators.api import router as indicators_router
from solidarity.mandate.api import router as mandate_router
from solidarity.practices.api import router as practices_router
from solidarity.resolutions.api import router as resolutions_router
from solidarity.resolutions.schema import openapi_components
from solidarity.visits.api import router as visits_router
from solidarity.votes.api import router as votes_router


class SolidarityAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        # The resolution document is described once, by the published JSON Schema.
        schema.setdefault("components", {}).setdefault("schemas", {}).update(openapi_components())
        declare_common_responses(schema)
        return schema


api = SolidarityAPI(
    title="Solidarity API",
    version=f"1 ({__version__})",
    description=(
        "Open data of the platform for Human Rights Council resolution 56/4 on human "
        "rights and international solidarity. Read endpoints need no account."
    ),
    urls_namespace="api",
    docs=SiteDocs(),
    # The API is read-only and needs no account: every client is counted by address,
    # atomically across processes, in one count with the exports (core/ratelimit.py).
    throttle=[DataRateThrottle()],
)
api.add_router("", countries_router)
api.add_router("", organizations_router)
api.add_router("", resolutions_router)
api.add_router("", practices_router)
api.add_router("", calls_router)
api.add_router("", declaration_router)
api.add_router("", mandate_router)
api.add_router("", visits_router)
api.add_router("", votes_router)
api.add_router("", engagements_router)
api.add_router("", indicators_router)
api.add_router("", unmatched)  # last: whatever no operation above matches
