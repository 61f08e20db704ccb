"""REST API v1 for channel imports: the same services, selectors and permissions as the pages.

Flow: POST /imports/ (multipart: file, organisation, optional mapping as JSON) -> the
import, validating straight away when the mapping is complete (given, remembered for
the partner, or read from the headers); poll GET /imports/{id}/ until `validated`; read
/imports/{id}/issues/; POST /imports/{id}/accept/ (or /discard/); poll until
`completed`; read /imports/{id}/lines/?flagged=1 or download /imports/{id}/results.csv.
"""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.policies import partner_organisation_id
from hrdd.errors import ApplicationError, PermissionDenied
from hrdd.params import MAX_ID
from hrdd.parsers import JSONParser
from rules.presentation import sees_everything

from . import views
from .filters import ImportFilter
from .policies import imports_visible_to, organisations_for_upload, sees_import_counts
from .presenters import import_status_for_viewer, line_for_viewer, summary_for_viewer
from .rows import mapping_problems
from .selectors import (
    import_get,
    import_issues,
    import_lines,
    import_progress,
    import_rows,
)
from .services import (
    import_accept,
    import_discard,
    import_sheet_and_map,
    import_upload_mapped,
)


class ImportOut(serializers.Serializer):
    id = serializers.IntegerField()
    organisation = serializers.SerializerMethodField()
    uploaded_by = serializers.CharField(source="uploaded_by.username")
    original_name = serializers.CharField()
    kind = serializers.CharField()
    sheet = serializers.CharField(help_text="The XLSX sheet read")
    sheets = serializers.ListField(child=serializers.CharField(), help_text="An XLSX file's sheets")
    size = serializers.IntegerField()
    status = serializers.SerializerMethodField(
        help_text="While held lines become deals, compliance reads promoting, others screening"
    )
    message = serializers.CharField()
    headers = serializers.ListField(child=serializers.CharField())
    mapping = serializers.DictField(child=serializers.CharField())
    mapping_problems = serializers.SerializerMethodField()
    total_rows = serializers.IntegerField()
    valid_rows = serializers.IntegerField()
    invalid_rows = serializers.IntegerField()
    issues_total = serializers.IntegerField()
    lines_total = serializers.IntegerField()
    duplicate_rows = serializers.IntegerField()
    rows = serializers.SerializerMethodField(
        help_text="Every row of the file accounted for: in_file = valid + invalid, and once "
        "stored, valid = imported + duplicates"
    )
    progress = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    validated_at = serializers.DateTimeField()
    accepted_at = serializers.DateTimeField()
    completed_at = serializers.DateTimeField()

    def get_organisation(self, obj) -> dict:
        return {
            "id": obj.organisation_id,
            "name": obj.organisation.name,
            "country": obj.organisation.country,
        }

    def get_mapping_problems(self, obj) -> dict:
        return mapping_problems(obj.mapping, obj.headers) if obj.status == "uploaded" else {}

    def get_rows(self, obj) -> dict:
        return import_rows(obj)

    def get_status(self, obj) -> str:
        return import_status_for_viewer(obj, self.context["request"].user)[0]

    def get_progress(self, obj) -> dict:
        return import_progress(obj, counts=sees_import_counts(self.context["request"].user))

    def get_summary(self, obj) -> dict:
        return summary_for_viewer(obj.summary, self.context["request"].user)


class ImportIn(serializers.Serializer):
    file = serializers.FileField()
    organisation = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, help_text="Required for vendor staff"
    )
    sheet = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="The sheet to read; required for a workbook of several",
    )
    mapping = serializers.JSONField(
        required=False, binary=True, help_text='{"expected column": "header in the file"}'
    )


class ImportMappingIn(serializers.Serializer):
    mapping = serializers.DictField(child=serializers.CharField(allow_blank=True))
    sheet = serializers.CharField(
        required=False, help_text="For a workbook of several sheets uploaded from the pages"
    )


class ImportIssueOut(serializers.Serializer):
    line = serializers.IntegerField()
    column = serializers.CharField()
    value = serializers.CharField()
    reason = serializers.CharField()


class ImportLineOut(serializers.Serializer):
    """The shape of `presenters.line_for_viewer` (what this viewer may see of a line)."""

    id = serializers.IntegerField()
    line = serializers.IntegerField()
    data = serializers.DictField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    tier = serializers.CharField()
    score = serializers.IntegerField(allow_null=True)
    severity = serializers.IntegerField(allow_null=True)
    likelihood = serializers.IntegerField(allow_null=True)
    findings = serializers.ListField(child=serializers.DictField())
    deal = serializers.DictField(allow_null=True)
    promotion_error = serializers.CharField()

    def to_representation(self, instance):
        return super().to_representation(line_for_viewer(instance, self.context["request"].user))


def _visible(request, pk: int):
    imp = import_get(user=request.user, pk=pk)
    if imp is None:
        raise Http404
    return imp


def _out(request, imp, code=status.HTTP_200_OK) -> Response:
    fresh = import_get(user=request.user, pk=imp.pk)
    return Response(ImportOut(fresh, context={"request": request}).data, status=code)


class ImportListCreateApi(ListAPIView):
    """Imports you may see, newest first; POST a CSV or XLSX file to start one. The
    filters are the import page's (`filters.ImportFilter`)."""

    serializer_class = ImportOut
    parser_classes = [MultiPartParser, FormParser]
    filterset_class = ImportFilter

    def get_queryset(self):
        return imports_visible_to(self.request.user)

    @extend_schema(
        request={"multipart/form-data": ImportIn}, responses={201: ImportOut}, tags=["imports"]
    )
    def post(self, request):
        allowed = organisations_for_upload(request.user)
        if not allowed.exists():
            raise PermissionDenied("Your account may not upload deal registrations.")
        data = ImportIn(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        org_id = v.get("organisation") or partner_organisation_id(request.user)
        if org_id is None:
            raise ApplicationError(
                "Say which partner organisation the file is for.",
                errors={"organisation": "Say which partner organisation the file is for."},
            )
        organisation = allowed.filter(pk=org_id).first()
        if organisation is None:
            raise PermissionDenied("You may upload files only for your own organisation.")
        imp = import_upload_mapped(
            actor=request.user,
            organisation=organisation,
            uploaded_file=v["file"],
            sheet=v.get("sheet", ""),
            mapping=v.get("mapping"),
        )
        return _out(request, imp, status.HTTP_201_CREATED)


class ImportDetailApi(APIView):
    """One import: status, counts, live progress and, when completed, its summary."""

    @extend_schema(responses={200: ImportOut}, tags=["imports"])
    def get(self, request, pk: int):
        return _out(request, _visible(request, pk))


class ImportMappingApi(APIView):
    """Set the column mapping (remembered for the partner) and start validation."""

    parser_classes = [JSONParser]

    @extend_schema(request=ImportMappingIn, responses={200: ImportOut}, tags=["imports"])
    def post(self, request, pk: int):
        imp = _visible(request, pk)
        data = ImportMappingIn(data=request.data)
        data.is_valid(raise_exception=True)
        imp = import_sheet_and_map(
            actor=request.user,
            channel_import=imp,
            sheet=data.validated_data.get("sheet", ""),
            mapping=data.validated_data["mapping"],
        )
        return _out(request, imp)


class ImportAcceptApi(APIView):
    """Import the valid lines and screen them in the background."""

    @extend_schema(request=None, responses={200: ImportOut}, tags=["imports"])
    def post(self, request, pk: int):
        imp = _visible(request, pk)
        import_accept(actor=request.user, channel_import=imp)
        return _out(request, imp)


class ImportDiscardApi(APIView):
    """Import nothing from this file (to fix it and upload again)."""

    @extend_schema(request=None, responses={200: ImportOut}, tags=["imports"])
    def post(self, request, pk: int):
        imp = _visible(request, pk)
        import_discard(actor=request.user, channel_import=imp)
        return _out(request, imp)


class ImportIssueListApi(ListAPIView):
    """The validation report: one row per problem (line, column, value, reason)."""

    serializer_class = ImportIssueOut
    filter_backends: list = []

    @extend_schema(tags=["imports"])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return import_issues(_visible(self.request, self.kwargs["pk"]))


class ImportLineListApi(ListAPIView):
    """Screened lines with their tier, findings and deal; ?flagged=1 or ?tier=high."""

    serializer_class = ImportLineOut
    filter_backends: list = []

    @extend_schema(
        parameters=[OpenApiParameter("tier", str), OpenApiParameter("flagged", bool)],
        tags=["imports"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        imp = _visible(self.request, self.kwargs["pk"])
        q = self.request.query_params
        return import_lines(
            imp,
            tier=q.get("tier", ""),
            flagged=q.get("flagged") in ("1", "true", "yes"),
            full=sees_everything(self.request.user),
        )


class ImportResultsExportApi(APIView):
    """Every line with its findings as CSV or XLSX (formulas neutralised). The header row
    holds the column codes, stable for programs (`?headers=words` for people)."""

    @extend_schema(responses={(200, "text/csv"): bytes}, tags=["imports"])
    def get(self, request, pk: int, fmt: str):
        codes = views.header_codes(request, default=True)
        return views.results_response(_visible(request, pk), fmt, request.user, codes=codes)
