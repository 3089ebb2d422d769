"""The open REST API, version 1: one router per app, OpenAPI generated from the schemas."""

from ninja import NinjaAPI

from solidarity import __version__
from solidarity.accounts.api import router as organizations_router
from solidarity.countries.api import router as countries_router

api = NinjaAPI(
    title="Solidarity API",
    version=f"1 ({__version__})",
    description=(
        "Open data of the platform for Human Rights Council resolution 56/4 on human "
        "rights and international solidarity. Read endpoints need no account."
    ),
    urls_namespace="api",
)
api.add_router("", countries_router)
api.add_router("", organizations_router)
