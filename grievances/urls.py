from django.urls import path

from . import public, views

urlpatterns = [
    # Public: no account.
    path("report/", public.report_view, name="grievance-report"),
    path("report/follow-up/", public.follow_up_view, name="grievance-follow-up"),
    # Compliance's triage.
    path("grievances/", views.queue_view, name="grievance-queue"),
    path("grievances/<int:pk>/", views.detail_view, name="grievance-detail"),
    path("grievances/<int:pk>/answer/", views.answer_view, name="grievance-answer"),
    path("grievances/<int:pk>/link/", views.link_view, name="grievance-link"),
    path("grievances/<int:pk>/outcome/", views.outcome_view, name="grievance-outcome"),
    path("grievances/<int:pk>/close/", views.close_view, name="grievance-close"),
    path("grievances/files/<int:pk>/", views.file_view, name="grievance-file"),
    path(
        "grievances/organisations/<int:pk>/",
        views.organisation_view,
        name="grievance-organisation",
    ),
]
