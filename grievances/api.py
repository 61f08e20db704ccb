"""REST API v1 for compliance's triage of misuse reports: the same services, scopes and
permission rules as the pages. Reporters use the public page, not the API."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from hrdd.errors import ApplicationError, PermissionDenied
from hrdd.params import MAX_ID
from opportunities.policies import opportunities_visible_to
from partners.policies import organisations_visible_to

from . import policies, selectors, services
from .models import Report

TAGS = ["grievances"]


class ReportOut(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    status = serializers.CharField()
    outcome = serializers.CharField()
    language = serializers.CharField()
    received_at = serializers.DateTimeField()
    triage_due_at = serializers.DateTimeField()
    overdue = serializers.SerializerMethodField()
    where_country = serializers.CharField()
    where_place = serializers.CharField()
    about_organisation = serializers.CharField()
    about_product = serializers.CharField()

    def get_overdue(self, obj) -> bool:
        return selectors.is_overdue(obj)


class MessageOut(serializers.Serializer):
    from_reporter = serializers.BooleanField()
    author = serializers.CharField(source="author.username", default=None)
    body = serializers.CharField()
    created_at = serializers.DateTimeField()


class LinkOut(serializers.Serializer):
    organisation = serializers.IntegerField(source="organisation_id", allow_null=True)
    opportunity = serializers.IntegerField(source="opportunity_id", allow_null=True)
    linked_by = serializers.CharField(source="linked_by.username")
    linked_at = serializers.DateTimeField()


class ReporterOut(serializers.Serializer):
    name = serializers.CharField(source="reporter_name")
    contact = serializers.CharField(source="reporter_contact")


class ReportDetailOut(ReportOut):
    what = serializers.CharField()
    outcome_note = serializers.CharField()
    anonymous = serializers.BooleanField()
    file_count = serializers.SerializerMethodField()
    reporter = serializers.SerializerMethodField(
        help_text="Name and contact: the human-rights lead only (null for anyone else)"
    )
    messages = MessageOut(many=True, source="messages.all")
    links = LinkOut(many=True, source="links.all")

    def get_file_count(self, obj) -> int:
        return obj.files.count()

    @extend_schema_field(ReporterOut(allow_null=True))
    def get_reporter(self, obj):
        user = self.context["request"].user
        if obj.anonymous or not policies.can_see_reporter(user):
            return None
        return ReporterOut(obj).data


def _triage(request) -> None:
    reason = policies.why_not_triage(request.user)
    if reason:
        raise PermissionDenied(reason)


def _report(request, pk: int) -> Report:
    _triage(request)
    report = selectors.report_get(user=request.user, pk=pk)
    if report is None:
        raise Http404
    return report


def _detail(request, report: Report) -> Response:
    report.refresh_from_db()
    if policies.can_see_reporter(request.user) and not report.anonymous:
        services.report_identity_disclosed(report=report, actor=request.user, what="identity")
    return Response(ReportDetailOut(report, context={"request": request}).data)


class ReportListApi(ListAPIView):
    """Misuse reports, open ones by default, the earliest assessment target first."""

    serializer_class = ReportOut
    filter_backends: list = []

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str, description="open (default), all, or a status")
        ],
        tags=TAGS,
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        _triage(self.request)
        return selectors.triage_queue(
            user=self.request.user, status=self.request.GET.get("status", "open")
        )


class ReportDetailApi(APIView):
    """One report: what was reported, the conversation, the links and the outcome."""

    @extend_schema(responses={200: ReportDetailOut}, tags=TAGS)
    def get(self, request, pk: int):
        return _detail(request, _report(request, pk))


class ReportAnswerApi(APIView):
    """Answer the reporter (they read it with their receipt code)."""

    class AnswerIn(serializers.Serializer):
        body = serializers.CharField(max_length=10000)

    @extend_schema(request=AnswerIn, responses={200: ReportDetailOut}, tags=TAGS)
    def post(self, request, pk: int):
        report = _report(request, pk)
        data = _valid(self.AnswerIn, request)
        services.report_answer(report=report, actor=request.user, body=data["body"])
        return _detail(request, report)


class ReportLinkApi(APIView):
    """Link the report to one organisation or one deal it concerns."""

    class LinkIn(serializers.Serializer):
        organisation = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)
        opportunity = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)

    @extend_schema(request=LinkIn, responses={200: ReportDetailOut}, tags=TAGS)
    def post(self, request, pk: int):
        report = _report(request, pk)
        data = _valid(self.LinkIn, request)
        org = deal = None
        if data.get("organisation"):
            org = organisations_visible_to(request.user).filter(pk=data["organisation"]).first()
        if data.get("opportunity"):
            deal = opportunities_visible_to(request.user).filter(pk=data["opportunity"]).first()
        if org is None and deal is None:
            raise ApplicationError("Name an organisation or a deal that exists.")
        services.report_link(report=report, actor=request.user, organisation=org, opportunity=deal)
        return _detail(request, report)


class ReportOutcomeApi(APIView):
    """Record the assessment: credible (raises its concern on the linked deals), not
    substantiated, out of scope, or duplicate (these close the report)."""

    class OutcomeIn(serializers.Serializer):
        outcome = serializers.CharField(
            max_length=20, help_text="credible, not_substantiated, out_of_scope or duplicate"
        )
        note = serializers.CharField(max_length=5000)

    @extend_schema(request=OutcomeIn, responses={200: ReportDetailOut}, tags=TAGS)
    def post(self, request, pk: int):
        report = _report(request, pk)
        data = _valid(self.OutcomeIn, request)
        services.report_record_outcome(report=report, actor=request.user, **data)
        return _detail(request, report)


def _valid(serializer_class, request) -> dict:
    ser = serializer_class(data=request.data)
    ser.is_valid(raise_exception=True)
    return ser.validated_data
