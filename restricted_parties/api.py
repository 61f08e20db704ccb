"""REST API v1 for restricted-party screening: thin views over the selectors and services.

Reviewers and admins only, like the pages: telling a sales rep or a partner user that a
name is listed would be tipping-off.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from hrdd.params import MAX_ID

from . import policies
from .selectors import PartyMatch, active_lists, restricted_party_search
from .services import false_positive_mark


class IsReviewer(BasePermission):
    message = policies.why_not_screen(None)

    def has_permission(self, request, view) -> bool:
        return policies.why_not_screen(request.user) is None


class RestrictedPartySearchIn(serializers.Serializer):
    name = serializers.CharField(max_length=500)
    country = serializers.CharField(max_length=2, required=False, allow_blank=True, default="")

    def validate_country(self, value: str) -> str:
        value = value.strip().upper()
        if value and not (len(value) == 2 and value.isalpha()):
            raise serializers.ValidationError("An ISO 3166-1 alpha-2 code, e.g. DE.")
        return value


class RestrictedPartyMatchOut(serializers.Serializer):
    entry_id = serializers.IntegerField()
    name = serializers.CharField()
    matched_alias = serializers.CharField()
    score = serializers.FloatField()
    list = serializers.CharField(source="list_name")
    source_id = serializers.CharField()
    country = serializers.SerializerMethodField()
    countries = serializers.ListField(child=serializers.CharField())
    country_match = serializers.BooleanField()
    false_positive = serializers.BooleanField()
    band = serializers.ChoiceField(choices=["match", "possible_match"])
    explanation = serializers.CharField()

    def get_country(self, obj: PartyMatch) -> str:
        return obj.countries[0] if obj.countries else ""


class RestrictedPartySearchOut(serializers.Serializer):
    matches = RestrictedPartyMatchOut(many=True)


class RestrictedPartyFalsePositiveIn(serializers.Serializer):
    party_name = serializers.CharField(max_length=500)
    entry_id = serializers.IntegerField(max_value=MAX_ID)
    reason = serializers.CharField()
    opportunity_id = serializers.IntegerField(
        required=False, allow_null=True, default=None, max_value=MAX_ID
    )


class RestrictedPartyFalsePositiveOut(serializers.Serializer):
    id = serializers.IntegerField()
    party_name = serializers.CharField()
    entry_id = serializers.IntegerField()
    list_name = serializers.CharField()
    source_id = serializers.CharField()
    reason = serializers.CharField()
    opportunity_id = serializers.IntegerField(allow_null=True)
    created_by = serializers.CharField(source="created_by.username", allow_null=True)
    created_at = serializers.DateTimeField()


class RestrictedPartyListOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    source_format = serializers.CharField()
    imported_at = serializers.DateTimeField()
    imported_by = serializers.CharField(
        source="imported_by.username", allow_null=True, default=None
    )
    entry_count = serializers.IntegerField()
    row_counts = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Records in the list file: rows = entries + skipped (not parties or targets)",
    )
    file_name = serializers.CharField()
    file_sha256 = serializers.CharField()
    warnings = serializers.ListField(child=serializers.CharField())


class RestrictedPartyListsOut(serializers.Serializer):
    lists = RestrictedPartyListOut(many=True)


class _ReviewerApi(APIView):
    permission_classes = [IsAuthenticated, IsReviewer]


class RestrictedPartySearchApi(_ReviewerApi):
    """Search all active lists for a name: matches and possible matches, best first, each
    with its band and why it matched."""

    @extend_schema(
        request=RestrictedPartySearchIn,
        responses={200: RestrictedPartySearchOut},
        tags=["restricted-parties"],
    )
    def post(self, request):
        data = RestrictedPartySearchIn(data=request.data)
        data.is_valid(raise_exception=True)
        matches = restricted_party_search(
            data.validated_data["name"], data.validated_data["country"]
        )
        return Response(RestrictedPartySearchOut({"matches": matches}).data)


class FalsePositiveCreateApi(_ReviewerApi):
    """Mark a party name as not being a listed entry, so screening stops reporting it."""

    @extend_schema(
        request=RestrictedPartyFalsePositiveIn,
        responses={201: RestrictedPartyFalsePositiveOut},
        tags=["restricted-parties"],
    )
    def post(self, request):
        data = RestrictedPartyFalsePositiveIn(data=request.data)
        data.is_valid(raise_exception=True)
        fp = false_positive_mark(actor=request.user, **data.validated_data)
        return Response(RestrictedPartyFalsePositiveOut(fp).data, status=status.HTTP_201_CREATED)


class RestrictedPartyListsApi(_ReviewerApi):
    """The lists in force, with their entry counts and import details."""

    @extend_schema(responses={200: RestrictedPartyListsOut}, tags=["restricted-parties"])
    def get(self, request):
        return Response(RestrictedPartyListsOut({"lists": active_lists()}).data)
