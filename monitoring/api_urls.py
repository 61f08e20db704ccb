from django.urls import path

from . import api

urlpatterns = [
    path("monitoring/runs/", api.RescreenRunListApi.as_view(), name="api-monitoring-run-list"),
    path(
        "monitoring/runs/<int:pk>/",
        api.RescreenRunDetailApi.as_view(),
        name="api-monitoring-run-detail",
    ),
]
