from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from solidarity.api.urls import api
from solidarity.core.views import health

admin.site.site_header = "Solidarity administration"
admin.site.site_title = "Solidarity"

urlpatterns = [
    path("api/v1/", api.urls),
    path("health/", health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", include("solidarity.core.urls")),
    path("", include("solidarity.countries.urls")),
    path("", include("solidarity.accounts.urls")),
    path("", include("solidarity.resolutions.urls")),
    path("", include("solidarity.practices.urls")),
    path("", include("solidarity.calls.urls")),
    path("", include("solidarity.declaration.urls")),
    path("", include("solidarity.mandate.urls")),
    path("", include("solidarity.visits.urls")),
    path("", include("solidarity.votes.urls")),
    path("", include("solidarity.engagements.urls")),
    path("", include("solidarity.indicators.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
