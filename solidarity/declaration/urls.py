from django.urls import path

from solidarity.declaration import views

app_name = "declaration"

urlpatterns = [
    path("declaration/", views.home, name="home"),
    path("declaration/versions/", views.versions, name="versions"),
    path("declaration/versions/new/", views.import_version, name="import"),
    path("declaration/versions/<int:number>/", views.version, name="version"),
    path("declaration/versions/<int:number>/publish/", views.publish, name="publish"),
    path("declaration/versions/<int:number>/declaration.akn.xml", views.akn, name="akn"),
    path("declaration/versions/<int:number>/<slug:eid>/", views.article, name="article"),
    path(
        "declaration/versions/<int:number>/<slug:eid>/comments.csv",
        views.comments_csv,
        name="comments_csv",
    ),
    path(
        "declaration/versions/<int:number>/<slug:eid>/comments.docx",
        views.comments_docx,
        name="comments_docx",
    ),
    path("declaration/comments/<int:pk>/hide/", views.hide, name="hide"),
    path("declaration/compare/", views.compare, name="compare"),
]
