"""REST API v1 for continuous due diligence: the re-screening runs, compliance only
(a run names the list update that raised a deal)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from . import policies
from .selectors import rescreen_changes, rescreen_runs_visible_to

CHANGES_SHOWN = 500


class IsComplianceStaff(BasePermission):
    message = policies.why_not_monitor(None)

    def has_permission(self, request, view) -> bool:
        return policies.why_not_monitor(request.user) is None


class RescreenRunOut(serializers.Serializer):
    id = serializers.IntegerField()
    trigger = serializers.CharField()
    trigger_label = serializers.CharField(source="get_trigger_display")
    label = serializers.CharField()
    status = serializers.CharField()
    requested_by = serializers.CharField(source="requested_by.username", default=None)
    total = serializers.IntegerField(help_text="Deals in scope")
    done = serializers.IntegerField(help_text="Deals checked")
    raised = serializers.IntegerField(help_text="Deals whose tier rose")
    lowered = serializers.IntegerField(help_text="Deals whose tier fell")
    changed_same_tier = serializers.IntegerField()
    unchanged = serializers.IntegerField()
    reopened = serializers.IntegerField(help_text="Decided deals reopened for review")
    organisations_matched = serializers.IntegerField()
    scope = serializers.DictField()
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    error = serializers.CharField()


class RescreenChangeOut(serializers.Serializer):
    opportunity_id = serializers.IntegerField()
    reference = serializers.CharField(source="opportunity.reference")
    title = serializers.CharField(source="opportunity.title")
    url = serializers.SerializerMethodField()
    from_tier = serializers.CharField()
    to_tier = serializers.CharField()
    direction = serializers.CharField()
    summary = serializers.CharField()
    reopened = serializers.BooleanField()

    def get_url(self, obj) -> str:
        return reverse("opportunity-detail", args=[obj.opportunity_id])


class RescreenRunDetailOut(RescreenRunOut):
    changes = serializers.SerializerMethodField()

    def get_changes(self, obj) -> list[dict]:
        rows = rescreen_changes(obj)[:CHANGES_SHOWN]
        return RescreenChangeOut(rows, many=True).data


class _ComplianceApi(APIView):
    permission_classes = [IsAuthenticated, IsComplianceStaff]


class RescreenRunListApi(_ComplianceApi):
    """Re-screening runs, newest first: trigger, counts of deals changed each way."""

    @extend_schema(responses={200: RescreenRunOut(many=True)}, tags=["monitoring"])
    def get(self, request):
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(rescreen_runs_visible_to(request.user), request, self)
        return paginator.get_paginated_response(RescreenRunOut(page, many=True).data)


class RescreenRunDetailApi(_ComplianceApi):
    """One run with the deals it changed (at most 500, tier rises first), with links."""

    @extend_schema(responses={200: RescreenRunDetailOut}, tags=["monitoring"])
    def get(self, request, pk: int):
        run = get_object_or_404(rescreen_runs_visible_to(request.user), pk=pk)
        return Response(RescreenRunDetailOut(run).data)
