"""The review lists' filters: one filterset per list for the page and the API alike (the
queue and `/api/v1/reviews/cases/`, conditions and `/api/v1/reviews/conditions/`, the
inbox and `/api/v1/inbox/`), so a page's query string works against its API as it is.

Each narrows its `policies.*_visible_to(user)` scope and sorts only by the columns named
here (`hrdd.lists.OrderingFilter`).
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import F, Q
from django.utils import timezone

from hrdd.lists import Column, FlagFilter, IdFilter, ListFilterSet, OrderingFilter
from hrdd.params import as_id
from opportunities.models import ChannelEntry, Opportunity

from .models import TIER_RANK, CaseCondition, EscalationLevel, Notification, ReviewCase
from .workflow import OPEN

DUE = F("effective_due_at").asc(nulls_last=True)

# The queue's columns. Tier sorts most severe first, as a reviewer reads a queue.
CASE_COLUMNS = {
    "reference": Column("Deal", (F("opportunity__reference").asc(), F("id").asc())),
    "tier": Column("Tier", (F("tier_rank").desc(), F("id").asc()), natural="descending"),
    "level": Column("Level", (F("escalation_level").asc(), F("tier_rank").desc(), DUE)),
    "country": Column("Country", (F("country").asc(), F("tier_rank").desc(), DUE)),
    # grouped by person (unassigned last; the "Unassigned" filter lists those)
    "assignee": Column(
        "Assignee", (F("assignee_id").asc(nulls_last=True), F("tier_rank").desc(), DUE)
    ),
    "due": Column("Time left", (DUE, F("id").asc())),
    "opened": Column("Opened", (F("opened_at").asc(), F("id").asc())),
}
# Severity first, then time left (the SLA or the deal's close date, whichever is sooner).
PRIORITY = (F("tier_rank").desc(), DUE, F("id").asc())
CASE_ORDERS = {"priority": PRIORITY}
SORT_NAMES = {
    "priority": "Severity, then time left",
    "due": "Time left",
    "tier": "Tier",
    "opened": "Oldest first",
    "-opened": "Newest first",
    "country": "Country",
    "assignee": "Assignee",
}


class AssigneeField(forms.Field):
    """ "me", "none", or a user's id."""

    def to_python(self, value):
        value = str(value or "").strip()
        if value in ("", "me", "none"):
            return value
        if as_id(value) is None:
            raise forms.ValidationError("Must be me, none, or a user's id.")
        return value


class AssigneeFilter(django_filters.Filter):
    field_class = AssigneeField


class ReviewCaseFilter(ListFilterSet):
    """The review queue (compliance staff only: the scope is empty for anyone else)."""

    defaults = {"status": "open", "ordering": "priority"}
    aliases = {"sort": "ordering"}  # the queue's older sort menu

    search = django_filters.CharFilter(method="filter_search", max_length=100)
    tier = django_filters.CharFilter(method="filter_tier")
    status = django_filters.CharFilter(method="filter_status")
    level = IdFilter(field_name="escalation_level", maximum=max(EscalationLevel.values))
    assignee = AssigneeFilter(method="filter_assignee")
    country = django_filters.CharFilter(method="filter_country")
    partner = IdFilter(method="filter_partner")
    overdue = FlagFilter(method="filter_overdue")
    awaiting = FlagFilter(method="filter_awaiting", truthy=("decision", "1", "true"))
    ordering = OrderingFilter(CASE_COLUMNS, orders=CASE_ORDERS)

    class Meta:
        model = ReviewCase
        fields: list[str] = []

    def filter_search(self, qs, name, value):
        return qs.filter(search_text__contains=value.strip().lower())

    def filter_tier(self, qs, name, value):
        # by rank, so the queue index (rank first) serves the filter as a range
        rank = TIER_RANK.get(value.strip().lower())
        return qs.filter(tier_rank=rank) if rank is not None else qs.none()

    def filter_status(self, qs, name, value):
        value = value.strip()
        if value == "open":
            return qs.filter(status__in=OPEN)
        if value == "closed":
            return qs.exclude(status__in=OPEN)
        return qs if value == "all" else qs.filter(status=value)

    def filter_assignee(self, qs, name, value):
        if value == "me":
            return qs.filter(assignee=self.request.user)
        if value == "none":
            return qs.filter(assignee=None)
        return qs.filter(assignee_id=int(value))

    def filter_country(self, qs, name, value):
        return qs.filter(country=value.strip().upper()[:2])

    def filter_partner(self, qs, name, value):

        # one small id set (two index scans), not a per-case EXISTS over every open case
        in_channel = (
            ChannelEntry.objects.filter(organisation_id=value).order_by().values("opportunity_id")
        )
        submitted = (
            Opportunity.objects.filter(submitted_by_organisation_id=value).order_by().values("id")
        )
        return qs.filter(opportunity_id__in=in_channel.union(submitted))

    def filter_overdue(self, qs, name, value):
        return qs.filter(effective_due_at__lte=timezone.now())

    def filter_awaiting(self, qs, name, value):
        return qs.filter(status=ReviewCase.Status.RECOMMENDED)


CONDITION_STATUSES = [
    ("open", "Open or awaiting verification"),
    ("fulfilled", "Awaiting verification"),
    ("verified", "Verified"),
    ("all", "All"),
]
CONDITION_COLUMNS = {
    "reference": Column("Deal", (F("opportunity__reference").asc(), F("id").asc())),
    "condition": Column("Condition", (F("mitigation__name").asc(), F("id").asc())),
    "owner": Column("Owner", (F("owner__username").asc(), F("due_date").asc(), F("id").asc())),
    "due": Column("Due", (F("due_date").asc(), F("id").asc())),
    "status": Column("Status", (F("status").asc(), F("due_date").asc(), F("id").asc())),
}


class ConditionFilter(ListFilterSet):
    """Conditions of approvals: compliance staff see every one, anyone else their own."""

    defaults = {"status": "open", "ordering": "due"}

    search = django_filters.CharFilter(method="filter_search", max_length=100)
    status = django_filters.ChoiceFilter(
        choices=CONDITION_STATUSES + [(s, s) for s in CaseCondition.Status.values],
        method="filter_status",
    )
    overdue = FlagFilter(method="filter_overdue")
    mine = FlagFilter(method="filter_mine")
    due_before = django_filters.DateFilter(field_name="due_date", lookup_expr="lte")
    ordering = OrderingFilter(CONDITION_COLUMNS)

    class Meta:
        model = CaseCondition
        fields: list[str] = []

    def filter_search(self, qs, name, value):
        value = value.strip()
        return qs.filter(
            Q(opportunity__reference__icontains=value)
            | Q(opportunity__title__icontains=value)
            | Q(mitigation__name__icontains=value)
            | Q(details__icontains=value)
        )

    def filter_status(self, qs, name, value):
        if value == "open":
            return qs.filter(status__in=[CaseCondition.Status.OPEN, CaseCondition.Status.FULFILLED])
        return qs if value == "all" else qs.filter(status=value)

    def filter_overdue(self, qs, name, value):
        return qs.filter(status=CaseCondition.Status.OPEN, due_date__lt=timezone.localdate())

    def filter_mine(self, qs, name, value):
        return qs.filter(owner=self.request.user)


NOTIFICATION_COLUMNS = {
    "received": Column("Received", (F("created_at").asc(), F("id").asc())),
    "title": Column("Message", (F("title").asc(), F("id").asc())),
}


class NotificationFilter(ListFilterSet):
    """One's inbox: the notifications addressed to the user, newest first."""

    defaults = {"ordering": "-received"}

    search = django_filters.CharFilter(method="filter_search", max_length=100)
    unread = FlagFilter(field_name="read_at", method="filter_unread")
    received_after = django_filters.DateFilter(field_name="created_at", lookup_expr="date__gte")
    received_before = django_filters.DateFilter(field_name="created_at", lookup_expr="date__lte")
    ordering = OrderingFilter(NOTIFICATION_COLUMNS)

    class Meta:
        model = Notification
        fields: list[str] = []

    def filter_search(self, qs, name, value):
        value = value.strip()
        return qs.filter(Q(title__icontains=value) | Q(body__icontains=value))

    def filter_unread(self, qs, name, value):
        return qs.filter(read_at=None)
