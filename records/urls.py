from django.urls import path

from . import views

urlpatterns = [
    path("records/", views.index_view, name="records-index"),
    path("records/deals/<int:pk>/", views.opportunity_record_view, name="records-deal"),
    path(
        "records/deals/<int:pk>/evidence-pack.zip",
        views.evidence_pack_view,
        name="records-evidence-pack",
    ),
    path("records/deals/<int:pk>/authority/aware/", views.awareness_view, name="records-awareness"),
    path("records/authority/<int:pk>/", views.notification_view, name="records-notification"),
    path(
        "records/authority/<int:pk>/sent/",
        views.notification_sent_view,
        name="records-notification-sent",
    ),
    path(
        "records/authority/<int:pk>/answer/",
        views.notification_answer_view,
        name="records-notification-answer",
    ),
    path("records/statement/", views.statement_view, name="records-statement"),
    path("records/statement.csv", views.statement_csv_view, name="records-statement-csv"),
    path("records/statement.pdf", views.statement_pdf_view, name="records-statement-pdf"),
    path("records/retention/", views.retention_view, name="records-retention"),
]
