from django.urls import path

from . import api

urlpatterns = [
    path("opportunities/", api.OpportunityListCreateApi.as_view(), name="api-opportunity-list"),
    path(
        "opportunities/<int:pk>/", api.OpportunityDetailApi.as_view(), name="api-opportunity-detail"
    ),
    path("organisations/", api.OrganisationListApi.as_view(), name="api-organisation-list"),
    path("products/", api.ProductListApi.as_view(), name="api-product-list"),
]
