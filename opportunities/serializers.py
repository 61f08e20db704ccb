"""Output shapes of a deal, shared by the API and the exports.

Status, tier and screening come from `presenters`: what partners and reps may see."""

from __future__ import annotations

from rest_framework import serializers

from . import presenters


class _ViewerStatus:
    """`status` and `status_label` as the requesting user may see them."""

    def _viewer(self):
        return self.context["request"].user

    def get_status(self, obj) -> str:
        return presenters.status_for_viewer(obj, self._viewer())[0]

    def get_status_label(self, obj) -> str:
        return presenters.status_for_viewer(obj, self._viewer())[1]


class ChannelEntryOut(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    country = serializers.CharField()
    organisation_id = serializers.IntegerField()


class LineOut(serializers.Serializer):
    sku = serializers.CharField()
    name = serializers.CharField()
    capabilities = serializers.ListField(child=serializers.CharField())
    quantity = serializers.IntegerField()


class FindingOut(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    dimension = serializers.CharField()
    explanation = serializers.CharField()
    evidence = serializers.DictField()
    severity = serializers.IntegerField(required=False)
    likelihood = serializers.IntegerField(required=False)
    outcome = serializers.CharField(required=False)
    ask = serializers.CharField(required=False)


class ScreeningOut(serializers.Serializer):
    tier = serializers.CharField()
    score = serializers.IntegerField()
    severity = serializers.IntegerField()
    likelihood = serializers.IntegerField()
    criteria_version = serializers.IntegerField()
    screened_at = serializers.DateTimeField()
    reasons = serializers.ListField(child=serializers.CharField())
    asks = serializers.ListField(child=serializers.CharField())
    findings = FindingOut(many=True)


class OpportunityOut(_ViewerStatus, serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    external_id = serializers.CharField()
    title = serializers.CharField()
    status = serializers.SerializerMethodField()
    status_label = serializers.SerializerMethodField()
    owner = serializers.CharField(source="owner.username")
    submitted_by = serializers.CharField(source="submitted_by_organisation.name")
    end_customer = serializers.SerializerMethodField()
    delivery_country = serializers.CharField()
    channel = ChannelEntryOut(many=True, source="channel.all")
    lines = LineOut(many=True, source="lines.all")
    intended_use = serializers.ListField(child=serializers.CharField())
    use_description = serializers.CharField()
    value = serializers.SerializerMethodField()
    expected_close_date = serializers.DateField()
    customization = serializers.BooleanField()
    red_flags = serializers.ListField(child=serializers.CharField(), source="declared_red_flags")
    end_use_statement = serializers.CharField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    screening = serializers.SerializerMethodField()

    def get_end_customer(self, obj) -> dict:
        return {
            "name": obj.end_customer_name,
            "country": obj.end_customer_country,
            "type": obj.end_user_type,
            "sector": obj.end_customer_sector,
        }

    def get_value(self, obj) -> dict:
        return {"amount": str(obj.value_amount), "currency": obj.value_currency}

    def get_screening(self, obj) -> dict | None:
        return presenters.deal_screening_for_viewer(obj, self._viewer())


class OpportunitySummaryOut(_ViewerStatus, serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    external_id = serializers.CharField()
    title = serializers.CharField()
    status = serializers.SerializerMethodField()
    status_label = serializers.SerializerMethodField()
    end_customer_name = serializers.CharField()
    end_customer_country = serializers.CharField()
    end_user_type = serializers.CharField()
    tier = serializers.SerializerMethodField()
    score = serializers.SerializerMethodField()
    value = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    def get_tier(self, obj) -> str | None:
        return presenters.tier_for_viewer(obj, self._viewer())[0]

    def get_score(self, obj) -> int | None:
        return presenters.tier_for_viewer(obj, self._viewer())[1]

    def get_value(self, obj) -> dict:
        return {"amount": str(obj.value_amount), "currency": obj.value_currency}
