from django.urls import path

from solidarity.mandate import views

app_name = "mandate"

urlpatterns = [
    path("mandate/", views.mandate_detail, name="detail"),
    path("mandate/tasks/", views.task_list, name="tasks"),
    path("mandate/tasks/<int:pk>/", views.task_detail, name="task"),
    path("mandate/tasks/<int:pk>/confirm/", views.task_confirm, name="task_confirm"),
    path("mandate/tasks/<int:pk>/status/", views.task_status, name="task_status"),
    path("mandate/reports/", views.deliverable_list, name="deliverables"),
    path("mandate/reports/new/", views.deliverable_create, name="deliverable_create"),
    path("mandate/reports/<int:pk>/", views.deliverable_detail, name="deliverable"),
    path("mandate/reports/<int:pk>/draft/", views.deliverable_draft, name="deliverable_draft"),
    path(
        "mandate/reports/<int:pk>/draft/file/",
        views.deliverable_draft_file,
        name="deliverable_draft_file",
    ),
    path(
        "mandate/reports/<int:pk>/annexes/", views.deliverable_annexes, name="deliverable_annexes"
    ),
    path(
        "mandate/reports/<int:pk>/annexes.<str:file_format>",
        views.deliverable_annex_file,
        name="deliverable_annex_file",
    ),
    path(
        "mandate/documents/<path:symbol>/files/<int:file_id>/",
        views.document_file,
        name="document_file",
    ),
    path("mandate/documents/<path:symbol>/", views.document_detail, name="document"),
    path("desk/", views.desk, name="desk"),
]
