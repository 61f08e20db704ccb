from django.urls import path

from . import api

urlpatterns = [
    path(
        "restricted-parties/search/",
        api.RestrictedPartySearchApi.as_view(),
        name="api-restricted-parties-search",
    ),
    path(
        "restricted-parties/false-positives/",
        api.FalsePositiveCreateApi.as_view(),
        name="api-restricted-parties-false-positives",
    ),
    path(
        "restricted-parties/lists/",
        api.RestrictedPartyListsApi.as_view(),
        name="api-restricted-parties-lists",
    ),
]
