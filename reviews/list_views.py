"""The review lists as pages: the queue, my cases, conditions and the inbox. Each is its
API endpoint's filterset (`filters.py`) over its `*_visible_to` scope, with sortable
columns and page numbers with counts (`hrdd.lists`)."""

from __future__ import annotations

from html import escape

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from hrdd.lists import filtered, list_page, sort_links
from taxonomy.words import TIERS

from . import filters, policies, selectors
from .models import EscalationLevel, ReviewCase


def _require_reviewer(user) -> None:
    reason = policies.why_not_work_queue(user)
    if reason:
        raise PermissionDenied(reason)


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _options(rows, selected) -> str:
    """<option> tags for (value, label) rows, escaped, with `selected` marked."""
    selected = "" if selected is None else str(selected)
    return mark_safe(  # noqa: S308 - every value and label is escaped here
        "".join(
            f'<option value="{escape(str(v))}"{" selected" if str(v) == selected else ""}>{escape(str(label))}</option>'
            for v, label in rows
        )
    )


def _chosen(request, **defaults) -> dict:
    """The filter panel's current values (what the filterset was given)."""
    return {**defaults, **{k: v.strip() for k, v in request.GET.items()}}


def _queue_context(request, *, title: str, mine: bool = False) -> dict:
    params = request.GET.copy()
    if mine:
        # the parameters as given are checked too (a bad one is a 400, as on the queue)
        filtered(
            filters.ReviewCaseFilter(params, queryset=ReviewCase.objects.none(), request=request)
        )
        params["assignee"] = "me"
    qs = selectors.review_queue(user=request.user, params=params)
    counts = selectors.review_queue_counts(qs, user=request.user)
    ctx = {
        "title": title,
        "mine": mine,
        "list_name": "my-cases" if mine else "queue",
        # already counted with the other figures: no second COUNT
        **list_page(request, qs, per_page=50, count=counts["total"]),
        "counts": counts,
        "chosen": _chosen(request, status="open", ordering=request.GET.get("sort", "")),
        "columns": sort_links(request, filters.CASE_COLUMNS),
        "now": timezone.now(),
        "can_assign": policies.authority(request.user) >= 2,
    }
    if _is_htmx(request):
        return ctx  # the table only
    chosen = ctx["chosen"]
    ctx.update(
        bulk_reviewers=selectors.reviewers_list() if ctx["can_assign"] else [],
        tiers=[(t, TIERS[t]) for t in selectors.TIERS],
        statuses=ReviewCase.Status.choices,
        levels=EscalationLevel.choices,
        sorts=_sorts(chosen.get("ordering", "")),
        # Hundreds of options: rendered here in one pass rather than tag by tag.
        country_options=_options(
            selectors.review_queue_countries(), chosen.get("country", "").upper()
        ),
        partner_options=_options(
            (
                (pk, f"{name} ({country})")
                for pk, name, country in selectors.review_queue_partners(user=request.user)
            ),
            chosen.get("partner"),
        ),
        reviewer_options=_options(
            selectors.reviewers_list().values_list("pk", "username"), chosen.get("assignee")
        ),
    )
    return ctx


def _sorts(ordering: str) -> list[tuple[str, str]]:
    """The order menu; a column's order chosen by its heading is shown as such."""
    sorts = list(filters.SORT_NAMES.items())
    if ordering and ordering not in filters.SORT_NAMES:
        column = filters.CASE_COLUMNS.get(ordering.lstrip("-"))
        if column:
            sorts.append((ordering, f"{column.label}{' (reversed)' if ordering[0] == '-' else ''}"))
    return sorts


@login_required
@require_GET
def queue_view(request):
    _require_reviewer(request.user)
    ctx = _queue_context(request, title="Review queue")
    template = "reviews/_queue_table.html" if _is_htmx(request) else "reviews/queue.html"
    return render(request, template, ctx)


@login_required
@require_GET
def mine_view(request):
    _require_reviewer(request.user)
    ctx = _queue_context(request, title="My cases", mine=True)
    template = "reviews/_queue_table.html" if _is_htmx(request) else "reviews/queue.html"
    return render(request, template, ctx)


@login_required
@require_GET
def conditions_view(request):
    qs = selectors.conditions_list(user=request.user, params=request.GET)
    ctx = {
        **list_page(request, qs, per_page=50),
        "list_name": "conditions",
        "chosen": _chosen(request, status="open"),
        "columns": sort_links(request, filters.CONDITION_COLUMNS),
        "statuses": filters.CONDITION_STATUSES,
        "today": timezone.localdate(),
    }
    template = "reviews/_conditions_table.html" if _is_htmx(request) else "reviews/conditions.html"
    return render(request, template, ctx)


@login_required
@require_GET
def inbox_view(request):
    qs = selectors.notifications_for(user=request.user, params=request.GET)
    ctx = {
        **list_page(request, qs, per_page=50),
        "list_name": "inbox",
        "chosen": _chosen(request),
        "columns": sort_links(request, filters.NOTIFICATION_COLUMNS),
    }
    template = "reviews/_inbox_table.html" if _is_htmx(request) else "reviews/inbox.html"
    return render(request, template, ctx)
