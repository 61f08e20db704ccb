"""The deal list's filters, one filterset for the page and the API (NetBox-style): the
same parameters narrow `/deals/` and `/api/v1/opportunities/`, so a filtered page's query
string works against the API as it is.

Status and tier filter as the requesting user sees them (`presenters.filter_status_tier`),
so a filter can never find what the list would not show.
"""

from __future__ import annotations

import django_filters
from django.db.models import Q

from . import presenters
from .models import Opportunity

# Columns a list may be sorted by: (parameter, field). Not the tier or the score: for
# partners and reps those are the shown ones, and sorting by the real ones would leak.
SORTABLE = (
    ("reference", "reference"),
    ("title", "title"),
    ("end_customer", "end_customer_name"),
    ("country", "end_customer_country"),
    ("value", "value_amount"),
    ("registered", "created_at"),
)


class OpportunityFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Opportunity.Status.choices, method="filter_shown")
    tier = django_filters.CharFilter(method="filter_shown")
    # Codes are stored upper-case: an exact match on the upper-cased value uses the index.
    country = django_filters.CharFilter(method="filter_country")
    end_user_type = django_filters.CharFilter()
    external_id = django_filters.CharFilter()
    search = django_filters.CharFilter(method="filter_search")
    mine = django_filters.BooleanFilter(method="filter_mine", label="Only deals I own")
    created_after = django_filters.DateFilter(field_name="created_at", lookup_expr="date__gte")
    created_before = django_filters.DateFilter(field_name="created_at", lookup_expr="date__lte")
    ordering = django_filters.OrderingFilter(fields=tuple((f, p) for p, f in SORTABLE))

    class Meta:
        model = Opportunity
        fields = ["status", "tier", "country", "end_user_type", "external_id"]

    def filter_shown(self, qs, name, value):
        return presenters.filter_status_tier(qs, self.request.user, **{name: value})

    def filter_country(self, qs, name, value):
        return qs.filter(end_customer_country=value.strip().upper())

    def filter_mine(self, qs, name, value):
        return qs.filter(owner=self.request.user) if value else qs

    def filter_search(self, qs, name, value):
        value = value.strip()
        return qs.filter(
            Q(title__icontains=value)
            | Q(reference__icontains=value)
            | Q(end_customer_name__icontains=value)
            | Q(external_id__icontains=value)
        )
