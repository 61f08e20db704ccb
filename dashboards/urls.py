from django.urls import path

from . import views

urlpatterns = [
    path("overview/", views.overview_view, name="overview"),
    path("overview/data.json", views.overview_data, name="overview-data"),
    path("overview/<slug:key>.csv", views.overview_csv, name="overview-csv"),
]
