from django.urls import path

from solidarity.practices import views
from solidarity.practices.feeds import PracticesFeed

app_name = "practices"

urlpatterns = [
    path("practices/", views.catalogue, name="catalogue"),
    path("practices/feed/", PracticesFeed(), name="feed"),
    path("practices/new/", views.create, name="create"),
    path("practices/mine/", views.mine, name="mine"),
    path("practices/review/", views.review_queue, name="review_queue"),
    path("practices/<int:pk>/", views.detail, name="detail"),
    path("practices/<int:pk>/history/", views.history, name="history"),
    path("practices/<int:pk>/history/<int:number>/", views.version, name="version"),
    path("practices/<int:pk>/files/<int:file_id>/", views.attachment, name="attachment"),
    path("practices/<int:pk>/edit/", views.edit, name="edit"),
    path("practices/<int:pk>/workspace/", views.workspace, name="workspace"),
    path("practices/<int:pk>/retract/", views.retract, name="retract"),
]
