from django.urls import path

from . import views

urlpatterns = [
    path("imports/", views.import_list_view, name="channel-import-list"),
    path("imports/upload/", views.import_upload_view, name="channel-import-upload"),
    path("imports/template.<str:fmt>", views.import_template, name="channel-import-template"),
    path("imports/<int:pk>/", views.import_detail_view, name="channel-import-detail"),
    path("imports/<int:pk>/mapping/", views.import_mapping_view, name="channel-import-mapping"),
    path("imports/<int:pk>/status/", views.import_status_partial, name="channel-import-status"),
    path("imports/<int:pk>/accept/", views.import_accept_view, name="channel-import-accept"),
    path("imports/<int:pk>/discard/", views.import_discard_view, name="channel-import-discard"),
    path("imports/<int:pk>/report.csv", views.import_report_csv, name="channel-import-report"),
    path(
        "imports/<int:pk>/results.<str:fmt>",
        views.import_results_export,
        name="channel-import-export",
    ),
]
