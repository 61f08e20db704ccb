"""Output shapes of a deal, shared by the API and the exports."""

from __future__ import annotations

from rest_framework import serializers

from rules.presentation import screening_for_viewer


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


class OpportunityOut(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    external_id = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
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
        return screening_for_viewer(obj.current_screening, self.context["request"].user)


class OpportunitySummaryOut(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    external_id = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField()
    end_customer_name = serializers.CharField()
    end_customer_country = serializers.CharField()
    end_user_type = serializers.CharField()
    tier = serializers.CharField(source="current_screening.tier", default=None)
    score = serializers.IntegerField(source="current_screening.score", default=None)
    value = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    def get_value(self, obj) -> dict:
        return {"amount": str(obj.value_amount), "currency": obj.value_currency}
