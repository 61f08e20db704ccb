from django.urls import path

from . import api

urlpatterns = [
    path("imports/", api.ImportListCreateApi.as_view(), name="api-import-list"),
    path("imports/<int:pk>/", api.ImportDetailApi.as_view(), name="api-import-detail"),
    path("imports/<int:pk>/mapping/", api.ImportMappingApi.as_view(), name="api-import-mapping"),
    path("imports/<int:pk>/accept/", api.ImportAcceptApi.as_view(), name="api-import-accept"),
    path("imports/<int:pk>/discard/", api.ImportDiscardApi.as_view(), name="api-import-discard"),
    path("imports/<int:pk>/issues/", api.ImportIssueListApi.as_view(), name="api-import-issues"),
    path("imports/<int:pk>/lines/", api.ImportLineListApi.as_view(), name="api-import-lines"),
    path(
        "imports/<int:pk>/results.<str:fmt>",
        api.ImportResultsExportApi.as_view(),
        name="api-import-export",
    ),
]
