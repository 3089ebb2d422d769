from django.urls import path

from solidarity.engagements import views

app_name = "engagements"

urlpatterns = [
    path("engagements/", views.engagement_list, name="list"),
    path("engagements/new/", views.engagement_create, name="create"),
    path("engagements/<int:pk>/", views.engagement_detail, name="detail"),
    path("engagements/<int:pk>/edit/", views.engagement_edit, name="edit"),
    path("events.ics", views.calendar_feed, name="calendar"),
]
