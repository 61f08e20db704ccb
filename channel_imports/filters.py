"""The import list's filters, one filterset for the page and `/api/v1/imports/`.

It narrows `policies.imports_visible_to(user)`; the partner filter offers only the
organisations the user may upload for (a partner: their own), so another organisation's
id is refused rather than answered with an empty list that confirms it exists. The
screening summary (tiers, flagged lines) is not a sort key: partners see a projection.
"""

from __future__ import annotations

import django_filters
from django.db.models import F

from hrdd.lists import Column, ListFilterSet, OrderingFilter

from .models import ChannelImport
from .policies import organisations_for_upload
from .presenters import import_status_choices, statuses_behind

COLUMNS = {
    "number": Column("#", (F("id").asc(),)),
    "file": Column("File", (F("original_name").asc(), F("id").asc())),
    "partner": Column("Partner", (F("organisation__name").asc(), F("id").desc())),
    "uploaded": Column("Uploaded", (F("created_at").asc(), F("id").asc())),
    "status": Column("Status", (F("status").asc(), F("id").desc())),
    "lines": Column("Lines", (F("total_rows").asc(), F("id").desc())),
}


def _organisations(request):
    return organisations_for_upload(request.user if request else None)


class ImportFilter(ListFilterSet):
    search = django_filters.CharFilter(
        field_name="original_name", lookup_expr="icontains", max_length=100
    )
    # Choices and meaning per viewer: a partner neither picks nor finds "promoting".
    status = django_filters.ChoiceFilter(choices=ChannelImport.Status.choices, method="by_status")
    organisation = django_filters.ModelChoiceFilter(queryset=_organisations)
    uploaded_after = django_filters.DateFilter(field_name="created_at", lookup_expr="date__gte")
    uploaded_before = django_filters.DateFilter(field_name="created_at", lookup_expr="date__lte")
    ordering = OrderingFilter(COLUMNS)

    class Meta:
        model = ChannelImport
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user if self.request else None
        status = self.filters["status"]
        status.extra["choices"] = import_status_choices(user)
        # The form field is cached on the filter, and deep-copied with it once anything
        # (the API schema) built it on the class's filter: build it again with these choices.
        status.__dict__.pop("_field", None)

    def by_status(self, queryset, name, value):
        user = self.request.user if self.request else None
        return queryset.filter(status__in=statuses_behind(value, user))
