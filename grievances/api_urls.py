from django.urls import path

from . import api

urlpatterns = [
    path("grievances/reports/", api.ReportListApi.as_view(), name="api-grievance-report-list"),
    path(
        "grievances/reports/<int:pk>/",
        api.ReportDetailApi.as_view(),
        name="api-grievance-report-detail",
    ),
    path(
        "grievances/reports/<int:pk>/answer/",
        api.ReportAnswerApi.as_view(),
        name="api-grievance-report-answer",
    ),
    path(
        "grievances/reports/<int:pk>/link/",
        api.ReportLinkApi.as_view(),
        name="api-grievance-report-link",
    ),
    path(
        "grievances/reports/<int:pk>/outcome/",
        api.ReportOutcomeApi.as_view(),
        name="api-grievance-report-outcome",
    ),
]
