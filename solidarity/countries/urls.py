from django.urls import path

from solidarity.countries import views

app_name = "countries"

urlpatterns = [
    path("countries/", views.country_list, name="list"),
    path("countries/<str:iso3>/", views.country_detail, name="detail"),
]
