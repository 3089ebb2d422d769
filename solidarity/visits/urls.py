from django.urls import path

from solidarity.visits import views

app_name = "visits"

urlpatterns = [
    path("visits/", views.visit_table, name="table"),
    path("visits/new/", views.visit_create, name="create"),
    path("visits/desk/", views.desk, name="desk"),
    path("visits/desk/remind/", views.remind_due, name="remind_due"),
    path("visits/<str:iso3>/", views.visit_detail, name="detail"),
    path("visits/<str:iso3>/events/", views.visit_event, name="event"),
    path("visits/<str:iso3>/answer/", views.visit_answer, name="answer"),
    path("visits/<str:iso3>/remind/", views.visit_remind, name="remind"),
]
