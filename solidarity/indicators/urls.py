from django.urls import path

from solidarity.indicators import views

app_name = "indicators"

urlpatterns = [
    path("indicators/oda/", views.oda_overview, name="oda"),
    path("indicators/oda/<str:donor>/", views.oda_donor, name="oda-donor"),
    path("indicators/contributions/", views.contribution_list, name="contributions"),
]
