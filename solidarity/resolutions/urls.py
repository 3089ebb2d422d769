from django.urls import path, re_path

from solidarity.resolutions import views

app_name = "resolutions"

SYMBOL = r"(?P<symbol>A/(?:HRC/)?RES/[0-9]+/[0-9]+)"

urlpatterns = [
    path("resolutions/", views.resolution_list, name="list"),
    path("resolutions/ingest/", views.resolution_ingest, name="ingest"),
    re_path(rf"^resolutions/{SYMBOL}/$", views.resolution_detail, name="detail"),
    re_path(rf"^resolutions/{SYMBOL}/resolution\.json$", views.resolution_json, name="json"),
    re_path(rf"^resolutions/{SYMBOL}/resolution\.akn\.xml$", views.resolution_akn, name="akn"),
    re_path(rf"^resolutions/{SYMBOL}/source$", views.resolution_source, name="source"),
    re_path(rf"^resolutions/{SYMBOL}/vote-map\.svg$", views.vote_map, name="vote_map"),
]
