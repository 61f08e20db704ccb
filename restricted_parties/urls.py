from django.urls import path

from . import views

urlpatterns = [
    path("restricted-parties/", views.restricted_parties_index, name="restricted-parties-index"),
    path(
        "restricted-parties/upload/",
        views.restricted_parties_upload,
        name="restricted-parties-upload",
    ),
    path(
        "restricted-parties/false-positives/",
        views.restricted_parties_false_positive,
        name="restricted-parties-false-positive",
    ),
    path(
        "restricted-parties/thresholds/",
        views.restricted_parties_thresholds,
        name="restricted-parties-thresholds",
    ),
]
