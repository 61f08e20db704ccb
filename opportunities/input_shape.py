"""The API's shape of a deal's input: the serializer (and with it the API schema) and its
fields, each of which reads its value with one of `input_rules` and refuses in the rules'
words. `validation` runs it; promotion's direct path reads its limits from it."""

from __future__ import annotations

import copy
from decimal import Decimal

from rest_framework import serializers

from taxonomy import (
    END_USE_STATEMENTS,
    END_USER_TYPES,
    INTENDED_USES,
    PRODUCT_CAPABILITIES,
    RED_FLAGS,
)

from . import input_rules as rules
from .input_rules import MAX_CHANNEL, MAX_LINES, MESSAGES


def _checked(result: rules.Checked):
    value, problem = result
    if problem:
        raise serializers.ValidationError(problem)
    return value


class _FormWords:
    """The framework's own checks (missing, blank, too long) in the rules' words."""

    default_error_messages = {
        "required": MESSAGES["required"],
        "null": MESSAGES["required"],
        "blank": MESSAGES["required"],
        "max_length": MESSAGES["too_long"],
    }


class Text(_FormWords, serializers.CharField):
    pass


class _Ruled(_FormWords):
    """A field whose value is read by one of `input_rules` (the declared DRF type stays
    for the API schema)."""

    rule = None

    def to_internal_value(self, data):
        return _checked(type(self).rule(data))


class CountryField(_Ruled, serializers.CharField):
    rule = staticmethod(rules.country)

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 2)
        super().__init__(**kwargs)


class CurrencyField(_Ruled, serializers.CharField):
    rule = staticmethod(rules.currency)


class QuantityField(_Ruled, serializers.IntegerField):
    rule = staticmethod(rules.quantity)


class AmountField(_Ruled, serializers.DecimalField):
    rule = staticmethod(rules.amount)


class EndUseStatementField(_Ruled, serializers.ChoiceField):
    rule = staticmethod(rules.end_use_statement)


class DateField(_FormWords, serializers.DateField):
    default_error_messages = {"invalid": MESSAGES["date"], "datetime": MESSAGES["date"]}

    def to_internal_value(self, data):
        return _checked(rules.date_in_window(super().to_internal_value(data)))


class CodeListField(_FormWords, serializers.ListField):
    """A list of taxonomy codes, each checked against its vocabulary."""

    default_error_messages = {"max_length": MESSAGES["too_many_codes"]}

    def __init__(self, *, vocabulary: dict, kind: str, **kwargs):
        self.vocabulary, self.kind = vocabulary, kind
        kwargs.setdefault("child", Text(max_length=60))
        kwargs.setdefault("max_length", len(vocabulary))
        super().__init__(**kwargs)

    def __deepcopy__(self, memo):
        # DRF deep-copies every declared field for each serializer it builds; the
        # vocabulary is a read-only table, shared rather than copied on every request.
        kwargs = {
            k: v if k == "vocabulary" else copy.deepcopy(v, memo) for k, v in self._kwargs.items()
        }
        return self.__class__(*copy.deepcopy(self._args, memo), **kwargs)

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        return _checked(rules.codes(self.kind, values, self.vocabulary))


class EndCustomerIn(serializers.Serializer):
    name = Text(max_length=200, allow_blank=True, required=False, default="")
    country = CountryField()
    type = Text(max_length=30)
    sector = Text(max_length=120, allow_blank=True, required=False, default="")

    def validate_type(self, value):
        return _checked(rules.code("end-user type", value, END_USER_TYPES))


class ChannelEntryIn(serializers.Serializer):
    name = Text(max_length=200)
    role = Text(max_length=20)
    country = CountryField()

    def validate_role(self, value):
        return _checked(rules.channel_role(value))


class LineIn(serializers.Serializer):
    sku = Text(max_length=60, required=False, allow_blank=True, default="")
    name = Text(max_length=200, required=False, allow_blank=True, default="")
    capabilities = CodeListField(
        vocabulary=PRODUCT_CAPABILITIES, kind="product capability", required=False, default=list
    )
    # The bounds are the rule's, declared again for the API schema.
    quantity = QuantityField(min_value=1, max_value=rules.MAX_QUANTITY)

    def validate(self, attrs):
        # The products of every line of the batch were looked up before validation began.
        product, problems = rules.product_line(
            sku=attrs["sku"],
            name=attrs["name"],
            capabilities=attrs["capabilities"],
            catalogue=self.context["catalogue"],
        )
        if problems:
            raise serializers.ValidationError(problems)
        return {**attrs, **product}


class ValueIn(serializers.Serializer):
    amount = AmountField(
        max_digits=14, decimal_places=2, min_value=Decimal("0"), max_value=rules.MAX_VALUE
    )
    currency = CurrencyField(max_length=3)


class OpportunityIn(serializers.Serializer):
    external_id = Text(max_length=100, required=False, allow_blank=True, default="")
    title = Text(max_length=200)
    end_customer = EndCustomerIn()
    delivery_country = CountryField(required=False)
    channel = ChannelEntryIn(many=True, required=False, default=list, max_length=MAX_CHANNEL)
    lines = LineIn(many=True, min_length=1, max_length=MAX_LINES)
    intended_use = CodeListField(
        vocabulary=INTENDED_USES,
        kind="intended use",
        min_length=1,
        error_messages={"min_length": MESSAGES["intended_use_required"]},
    )
    use_description = Text(max_length=5000, required=False, allow_blank=True, default="")
    value = ValueIn()
    expected_close_date = DateField(required=False, allow_null=True, default=None)
    customization = serializers.BooleanField(required=False, default=False)
    red_flags = CodeListField(vocabulary=RED_FLAGS, kind="red flag", required=False, default=list)
    end_use_statement = EndUseStatementField(
        choices=list(END_USE_STATEMENTS), required=False, default="none"
    )

    def validate(self, attrs):
        attrs.setdefault("delivery_country", attrs["end_customer"]["country"])
        if not attrs.get("delivery_country"):
            attrs["delivery_country"] = attrs["end_customer"]["country"]
        submitter = self.context.get("submitter")
        if submitter is not None and submitter.is_partner_user and not attrs["channel"]:
            raise serializers.ValidationError({"channel": MESSAGES["partner_channel"]})
        return attrs
