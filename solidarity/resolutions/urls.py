from django.urls import path, re_path

from solidarity.resolutions import views

app_name = "resolutions"

# A/HRC/RES/56/4, A/HRC/RES/S-35/1, A/RES/ES-11/1, A/HRC/DEC/56/101, and a part:
# A/RES/78/262A (the address's form) or A/RES/78/262%20A (the printed one, redirected).
SYMBOL = r"(?P<symbol>A/(?:HRC/)?(?:RES|DEC)/(?:E?S-)?[0-9]+/[0-9]+(?: ?[A-Z])?)"

urlpatterns = [
    path("resolutions/", views.resolution_list, name="list"),
    path("resolutions/ingest/", views.resolution_ingest, name="ingest"),
    re_path(rf"^resolutions/{SYMBOL}/$", views.resolution_detail, name="detail"),
    re_path(rf"^resolutions/{SYMBOL}/resolution\.json$", views.resolution_json, name="json"),
    re_path(rf"^resolutions/{SYMBOL}/resolution\.akn\.xml$", views.resolution_akn, name="akn"),
    re_path(rf"^resolutions/{SYMBOL}/source$", views.resolution_source, name="source"),
    re_path(rf"^resolutions/{SYMBOL}/vote-map\.svg$", views.vote_map, name="vote_map"),
]
