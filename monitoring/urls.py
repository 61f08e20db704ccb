from django.urls import path

from . import views

urlpatterns = [
    path("monitoring/", views.monitoring_index, name="monitoring-index"),
    path("monitoring/runs/<int:pk>/", views.monitoring_run, name="monitoring-run"),
    path(
        "monitoring/organisations/<int:pk>/",
        views.monitoring_organisation,
        name="monitoring-organisation",
    ),
    path(
        "deals/<int:pk>/basis/confirm/",
        views.monitoring_basis_confirm,
        name="monitoring-basis-confirm",
    ),
    path(
        "deals/<int:pk>/basis/revise/",
        views.monitoring_basis_revise,
        name="monitoring-basis-revise",
    ),
]
