from django.urls import path

from solidarity.votes import views

app_name = "votes"

urlpatterns = [
    path("votes/", views.overview, name="overview"),
    path("votes/ideal-points.svg", views.ideal_points_svg, name="ideal_points_svg"),
    path("votes/agreement-map.svg", views.agreement_map_svg, name="agreement_map_svg"),
    path("votes/states/<str:iso3>/by-year.svg", views.composition_svg, name="composition_svg"),
    path("votes/states/<str:iso3>/by-year.csv", views.composition_csv, name="composition_csv"),
]
