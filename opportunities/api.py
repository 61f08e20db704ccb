"""REST API v1 for deals: thin views over the same services and selectors as the pages."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from hrdd.pagination import CountedPagination
from lifecycle.services import opportunity_register, opportunity_update
from partners.selectors import organisation_list

from . import presenters
from .filters import OpportunityFilter
from .selectors import (
    opportunities_visible_to,
    opportunity_get,
    opportunity_read,
    opportunity_rows,
    product_list,
)
from .serializers import (
    OpportunityOut,
    OpportunitySummaryOut,
    opportunity_out,
    output_zone,
    summary_out,
)
from .validation import OpportunityIn


class OpportunityListCreateApi(ListAPIView):
    """List the deals you may see (paginated, filterable) or register a new one.

    Posting an `external_id` your organisation already used returns the existing deal
    with 200 instead of creating a duplicate; 409 when that deal is one you may not see.
    """

    serializer_class = OpportunitySummaryOut
    filterset_class = OpportunityFilter
    pagination_class = CountedPagination

    def get_queryset(self):
        return opportunities_visible_to(self.request.user)

    def list(self, request, *args, **kwargs):
        # Rows as values, words mapped here: a page of model objects through a nested
        # serializer cost more than the rest of the request.
        everything = presenters.sees_everything(request.user)
        qs = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(
            opportunity_rows(qs, tier_fields=presenters.tier_fields(everything))
        )
        zone = output_zone()
        return self.get_paginated_response([summary_out(row, everything, zone) for row in page])

    def filter_queryset(self, queryset):
        # With none of its parameters given the filterset returns the list as it is; it
        # would still build and validate its form (about a tenth of an unfiltered list).
        if self.request.query_params.keys() & OpportunityFilter.base_filters.keys():
            return super().filter_queryset(queryset)
        return queryset

    @extend_schema(
        request=OpportunityIn,
        responses={201: OpportunityOut, 200: OpportunityOut},
        tags=["opportunities"],
    )
    def post(self, request):
        result = opportunity_register(actor=request.user, data=request.data, source="api")
        # A new deal is answered from what the registration holds in memory; an existing
        # one (a repeated external_id) is read back as the detail view would.
        deal = (
            result.opportunity
            if result.created
            else opportunity_get(user=request.user, pk=result.opportunity.pk)
        )
        body = opportunity_out(deal, request.user)
        return Response(
            body, status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        )


class OpportunityDetailApi(APIView):
    """One deal with its channel, lines and screening. PUT replaces it and re-screens."""

    @extend_schema(responses={200: OpportunityOut}, tags=["opportunities"])
    def get(self, request, pk: int):
        opportunity = opportunity_read(user=request.user, pk=pk)
        if opportunity is None:
            raise Http404
        return Response(opportunity_out(opportunity, request.user))

    @extend_schema(request=OpportunityIn, responses={200: OpportunityOut}, tags=["opportunities"])
    def put(self, request, pk: int):
        opportunity = opportunity_get(user=request.user, pk=pk)
        if opportunity is None:
            raise Http404
        opportunity_update(actor=request.user, opportunity=opportunity, data=request.data)
        fresh = opportunity_get(user=request.user, pk=pk)
        return Response(opportunity_out(fresh, request.user))


class OrganisationListApi(ListAPIView):
    """Organisations you may see (read-only): compliance staff all, sales reps the channel
    register, partner users their own."""

    class OrganisationOut(serializers.Serializer):
        id = serializers.IntegerField()
        name = serializers.CharField()
        country = serializers.CharField()
        role = serializers.CharField()
        hrdd_maturity = serializers.CharField()

    serializer_class = OrganisationOut
    filter_backends: list = []

    @extend_schema(
        parameters=[OpenApiParameter("role", str), OpenApiParameter("search", str)],
        tags=["organisations"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return organisation_list(
            user=self.request.user,
            role=self.request.query_params.get("role") or None,
            search=self.request.query_params.get("search", ""),
        )


class ProductListApi(ListAPIView):
    """The product catalogue with each product's capabilities."""

    class ProductOut(serializers.Serializer):
        sku = serializers.CharField()
        name = serializers.CharField()
        vendor = serializers.CharField()
        capabilities = serializers.ListField(child=serializers.CharField())

    serializer_class = ProductOut
    filter_backends: list = []

    @extend_schema(
        parameters=[OpenApiParameter("search", str), OpenApiParameter("capability", str)],
        tags=["products"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return product_list(
            user=self.request.user,
            search=self.request.query_params.get("search", ""),
            capability=self.request.query_params.get("capability", ""),
        )
