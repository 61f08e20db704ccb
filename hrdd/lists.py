"""Lists like NetBox's: one filterset per list, shared by its page and its API endpoint,
sortable columns from a fixed table, and page numbers with counts ("41–60 of 312").

Each list starts from its app's `*_visible_to(user)` scope; a filterset only narrows it.
A list sorts only by the columns its table names (`OrderingFilter`): any other
`ordering` is refused with a 400 naming the parameter, so nobody can order a list by a
field they may not see (a deal's real tier, a case's score) and read it from the order.
"""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django import forms
from django.core.paginator import Paginator
from django.db.models import F, OrderBy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .errors import ApplicationError
from .params import MAX_ID, as_id

TRUTHY = ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Column:
    """A sortable column: its heading, its order, and how that order reads to a screen
    reader (`aria-sort`) when the list is sorted by the column's bare name."""

    label: str
    order: tuple
    natural: str = "ascending"


def _reversed(expressions: tuple) -> list:
    out = []
    for e in expressions:
        e = F(e).asc() if isinstance(e, str) else e
        e = e.copy() if isinstance(e, OrderBy) else e.asc()
        e.reverse_ordering()
        out.append(e)
    return out


class OrderingFilter(django_filters.ChoiceFilter):
    """`?ordering=<column>` or `-<column>` (the other way), from a fixed table of columns
    and, optionally, named orders that are no column (a queue's "priority")."""

    def __init__(
        self, columns: dict[str, Column], *, orders: dict[str, tuple] | None = None, **kwargs
    ):
        self.columns = columns
        self.orders = dict(orders or {})
        for key, column in columns.items():
            self.orders.setdefault(key, column.order)
            self.orders.setdefault(f"-{key}", tuple(_reversed(column.order)))
        kwargs.setdefault("label", "Order")
        super().__init__(choices=[(k, k) for k in self.orders], **kwargs)

    def filter(self, qs, value):
        return qs.order_by(*self.orders[value]) if value else qs


class FlagField(forms.Field):
    """A tick box or a flag: "1", "true", "yes" or "on" is on; anything else is off."""

    def __init__(self, *args, truthy: tuple[str, ...] = TRUTHY, **kwargs):
        self.truthy = truthy
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return True if str(value or "").strip().lower() in self.truthy else None


@extend_schema_field(OpenApiTypes.BOOL)
class FlagFilter(django_filters.Filter):
    field_class = FlagField


class IdField(forms.Field):
    """A whole number that fits a primary key (never a 500 for "²" or 10**20)."""

    def __init__(self, *args, maximum: int = MAX_ID, **kwargs):
        self.maximum = maximum
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if value in (None, ""):
            return None
        number = as_id(value, maximum=self.maximum)
        if number is None:
            raise forms.ValidationError(f"Must be a whole number from 0 to {self.maximum}.")
        return number


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(django_filters.Filter):
    field_class = IdField


class ListFilterSet(django_filters.FilterSet):
    """A list's filterset. `defaults` fill in parameters a request leaves out (a queue
    shows open cases unless asked otherwise), `aliases` accept an older name."""

    defaults: dict[str, str] = {}
    aliases: dict[str, str] = {}

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
            for old, new in self.aliases.items():
                if data.get(old) and not data.get(new):
                    data[new] = data[old]
            for key, value in self.defaults.items():
                if not data.get(key):
                    data[key] = value
        super().__init__(data, *args, **kwargs)


def filtered(filterset: django_filters.FilterSet):
    """The filtered queryset, or a 400 naming each parameter that was not understood."""
    if not filterset.is_valid():
        errors = {k: " ".join(v) for k, v in filterset.errors.items()}
        names = ", ".join(sorted(errors))
        raise ApplicationError(f"This list does not understand: {names}.", errors=errors)
    return filterset.qs


def list_page(request, qs, *, per_page: int, count: int | None = None) -> dict:
    """One page of a list with its counts and page links, for `_list_pager.html`.
    `count` when the caller already counted the rows (no second COUNT query)."""
    paginator = Paginator(qs, per_page)
    if count is not None:
        paginator.count = count
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    prefix = f"?{query.urlencode()}&page=" if query else "?page="
    links = [
        {
            "number": n,
            "url": None if n == Paginator.ELLIPSIS else f"{prefix}{n}",
            "current": n == page.number,
        }
        for n in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    return {
        "page": page,
        "total": paginator.count,
        "first": page.start_index() if paginator.count else 0,
        "last": page.end_index() if paginator.count else 0,
        "query": query.urlencode(),
        "page_links": links if page.has_other_pages() else [],
        "page_prefix": prefix,
    }


_FLIP = {"ascending": "descending", "descending": "ascending"}


def sort_links(request, columns: dict[str, Column], *, param: str = "ordering") -> dict:
    """Each sortable column's heading link (the current filters, this column's order
    toggled, page 1) and its `aria-sort` state."""
    current = request.GET.get(param, "")
    out = {}
    for key, column in columns.items():
        query = request.GET.copy()
        query.pop("page", None)
        if current == key:
            state, query[param] = column.natural, f"-{key}"
        elif current == f"-{key}":
            state, query[param] = _FLIP[column.natural], key
        else:
            state, query[param] = "none", key
        out[key] = {"url": f"?{query.urlencode()}", "sort": state, "label": column.label}
    return out


@dataclass(frozen=True)
class Viewer:
    """What a filterset needs of a request (`request.user`), for reads outside a request."""

    user: object
