"""API pages whose total comes with the page's rows: one statement, not a COUNT and then
the page (each round trip costs more than either query's work on a loaded machine).

The total is an uncorrelated scalar subquery in the page's SELECT, which PostgreSQL runs
once (an InitPlan) while the page itself still reads the first rows of its index; a
`count(*) over ()` window would make it build every visible row before the LIMIT.
The answer is DRF's `PageNumberPagination`'s, field for field.
"""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Func, IntegerField, Subquery
from rest_framework.pagination import PageNumberPagination

TOTAL = "_page_total"


class _Count(Func):
    # COUNT as a plain function, not an aggregate, so Django adds no GROUP BY.
    function = "COUNT"
    template = "%(function)s(*)"
    output_field = IntegerField()

    def __init__(self):
        super().__init__()


class CountedPaginator(Paginator):
    """A Django paginator over a `.values()` queryset that reads its count from the page."""

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if number < 1:
            raise EmptyPage("That page number is less than 1")
        if "count" not in self.__dict__:
            total = Subquery(self.object_list.order_by().values_list(_Count()))
            bottom = (number - 1) * self.per_page
            rows = list(
                self.object_list.annotate(**{TOTAL: total})[bottom : bottom + self.per_page]
            )
            if rows:
                self.__dict__["count"] = rows[0][TOTAL]
                for row in rows:
                    del row[TOTAL]
            elif number == 1:
                self.__dict__["count"] = 0
            # else: past the end; the count (a query of its own) says how far.
            number = self.validate_number(number)
            return self._get_page(rows, number, self)
        return super().page(number)


class CountedPagination(PageNumberPagination):
    django_paginator_class = CountedPaginator
