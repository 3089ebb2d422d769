from django.urls import path

from solidarity.calls import views
from solidarity.calls.feeds import CallsFeed

app_name = "calls"

urlpatterns = [
    path("calls/", views.call_list, name="list"),
    path("calls/feed/", CallsFeed(), name="feed"),
    path("calls/new/", views.call_create, name="create"),
    path("calls/mine/", views.mine, name="mine"),
    path("calls/search/", views.search_submissions, name="search"),
    path("calls/<str:slug>/", views.call_detail, name="detail"),
    path("calls/<str:slug>/edit/", views.call_edit, name="edit"),
    path("calls/<str:slug>/extend/", views.call_extend, name="extend"),
    path("calls/<str:slug>/answer/", views.answer, name="answer"),
    path("calls/<str:slug>/review/", views.review, name="review"),
    path("calls/<str:slug>/published.zip", views.published_zip, name="published_zip"),
    path("calls/<str:slug>/published.csv", views.published_csv, name="published_csv"),
    path("calls/<str:slug>/submissions/<int:pk>/", views.submission_detail, name="submission"),
    path(
        "calls/<str:slug>/submissions/<int:pk>/review/",
        views.review_action,
        name="review_action",
    ),
    path(
        "calls/<str:slug>/submissions/<int:pk>/files/<int:file_id>/",
        views.submission_file,
        name="file",
    ),
]
