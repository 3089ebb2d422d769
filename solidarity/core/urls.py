from django.urls import path

from solidarity.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("audit/", views.audit_trail, name="audit_trail"),
]
