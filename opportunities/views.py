"""Pages for deals: register, list, detail. Thin: they call the same services as the API."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from audit.selectors import audit_events_for_opportunity
from countries.selectors import country_indicator_sources
from hrdd.errors import ApplicationError, PermissionDenied
from hrdd.lists import list_page
from hrdd.params import id_param
from lifecycle.services import opportunity_register, opportunity_update
from monitoring.selectors import (
    basis_changes_open,
    opportunity_rescreen_history,
    screening_basis_for_viewer,
)
from reviews.selectors import review_panel_for_opportunity
from reviews.text_probing import text_probing_for
from reviews.text_rewritten import text_rewritten_for
from rules.presentation import opportunity_screening_for_viewer, text_set_aside_for
from taxonomy.countries import country_choices

from . import policies, presenters
from .filters import SORTABLE, OpportunityFilter
from .forms import CHANNEL_ROWS, LINE_ROWS, MAX_ROWS, data_to_form, errors_for_form, form_to_data
from .policies import opportunities_visible_to
from .selectors import opportunity_get, opportunity_rows, product_list
from .standing import opportunity_standing
from .vocabulary import form_vocabulary, opportunity_vocabulary


def _form_context(user, values: dict, errors: dict | None = None) -> dict:
    return {
        "v": data_to_form(values),
        "errors": errors_for_form(errors or {}),
        **form_vocabulary(),
        "products": product_list(user=user),
        "currencies": ["USD", "EUR", "GBP", "CHF", "JPY", "CNY", "AED", "INR", "BRL", "SGD"],
    }


def _as_typed(request, data: dict) -> dict:
    """The form's values as typed, for showing it again: "same as the end customer" stays
    chosen (the API body fills the end customer's country in, which would pin it)."""
    return {**data, "delivery_country": request.POST.get("delivery_country", "").strip()}


def _default_values(user) -> dict:
    channel = []
    if user.is_partner_user and user.organisation_id:
        org = user.organisation
        channel = [{"name": org.name, "role": org.role, "country": org.country}]
    return {"value": {"currency": "USD"}, "end_use_statement": "none", "channel": channel}


def _form_error_message(exc: ApplicationError) -> str:
    """The form's own words above its field errors (the service's says "opportunity")."""
    if exc.errors:
        return gettext("The deal was not saved: correct the fields marked below.")
    return exc.message


@login_required
def opportunity_register_view(request):
    if request.method == "POST":
        data = form_to_data(request.POST)
        try:
            result = opportunity_register(actor=request.user, data=data, source="web")
        except ApplicationError as exc:
            ctx = _form_context(
                request.user,
                _as_typed(request, data),
                exc.errors or {"non_field_errors": exc.message},
            )
            ctx["error_message"] = _form_error_message(exc)
            return render(request, "opportunities/register.html", ctx, status=exc.status_code)
        if result.created:
            messages.success(
                request, f"Deal {result.opportunity.reference} registered and screened."
            )
        else:
            messages.info(
                request,
                "This CRM id was already registered by your organisation: here is that deal.",
            )
        return redirect("opportunity-detail", pk=result.opportunity.pk)
    return render(
        request,
        "opportunities/register.html",
        _form_context(request.user, _default_values(request.user)),
    )


@login_required
def opportunity_edit_view(request, pk: int):
    opportunity = opportunity_get(user=request.user, pk=pk)
    if opportunity is None:
        raise Http404
    reason = policies.why_not_edit(request.user, opportunity)
    if reason:
        raise PermissionDenied(reason)
    if request.method == "POST":
        data = form_to_data(request.POST)
        try:
            opportunity_update(actor=request.user, opportunity=opportunity, data=data)
        except ApplicationError as exc:
            ctx = _form_context(
                request.user,
                _as_typed(request, data),
                exc.errors or {"non_field_errors": exc.message},
            )
            ctx.update(error_message=_form_error_message(exc), editing=opportunity)
            return render(request, "opportunities/register.html", ctx, status=exc.status_code)
        messages.success(request, "Deal updated and screened again.")
        return redirect("opportunity-detail", pk=pk)
    from .serializers import OpportunityOut

    body = OpportunityOut(opportunity, context={"request": request}).data
    values = {
        k: body[k]
        for k in (
            "external_id",
            "title",
            "end_customer",
            "delivery_country",
            "channel",
            "lines",
            "intended_use",
            "use_description",
            "value",
            "expected_close_date",
            "customization",
            "red_flags",
            "end_use_statement",
        )
    }
    ctx = _form_context(request.user, values)
    ctx["editing"] = opportunity
    return render(request, "opportunities/register.html", ctx)


@login_required
@require_GET
def channel_row(request):
    """One more channel row for the form (htmx)."""
    i = min(id_param(request.GET, "i") or CHANNEL_ROWS, MAX_ROWS - 1)
    ctx = _form_context(request.user, {})
    ctx.update(i=i, row={})
    return render(request, "opportunities/_channel_row.html", ctx)


@login_required
@require_GET
def line_row(request):
    """One more product row for the form (htmx)."""
    i = min(id_param(request.GET, "i") or LINE_ROWS, MAX_ROWS - 1)
    ctx = _form_context(request.user, {})
    ctx.update(i=i, row={})
    return render(request, "opportunities/_line_row.html", ctx)


@login_required
def opportunity_list_view(request):
    """The deal list: the API's filterset (`filters.OpportunityFilter`), sortable columns
    and page numbers with counts."""
    params = request.GET.copy()
    if params.get("mine") == "1":
        params["mine"] = "true"
    filterset = OpportunityFilter(
        params, queryset=opportunities_visible_to(request.user), request=request
    )
    qs = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    # Rows as the API's list reads them: the screening of the page's rows only.
    everything = presenters.sees_everything(request.user)
    tier = presenters.tier_fields(everything)[0]
    listed = list_page(request, opportunity_rows(qs, tier_fields=(tier,)), per_page=25)
    for o in listed["page"]:  # status and tier as this viewer may see them
        o["pk"] = o["id"]
        shown = o["current_screening__shown_tier"]
        if o["current_screening"] is None:
            o["shown_tier"] = None
        else:  # presenters.tier_for_viewer's
            o["shown_tier"] = o[tier] if everything else o[tier] or "low"
        o["shown_status"] = presenters.status_words(o["status"], shown or "", everything)[1]
    filters = {
        "search": request.GET.get("search", "").strip(),
        "status": request.GET.get("status", ""),
        "tier": request.GET.get("tier", ""),
        "country": request.GET.get("country", ""),
        "mine": request.GET.get("mine") in ("1", "true"),
    }
    ordering = request.GET.get("ordering", "")
    ctx = {
        **listed,
        "list_name": "deals",
        "filters": filters,
        "ordering": ordering,
        "columns": _sort_columns(request, ordering),
        "filter_errors": filterset.errors,
        "statuses": presenters.status_choices_for_viewer(request.user),
        "tiers": ["low", "medium", "high", "critical", "prohibited"],
        "countries": country_choices(),
    }
    template = (
        "opportunities/_list_rows.html"
        if request.headers.get("HX-Request")
        else "opportunities/list.html"
    )
    return render(request, template, ctx)


SORT_LABELS = {
    "reference": "Reference",
    "title": "Title",
    "end_customer": "End customer",
    "country": "Country",
    "value": "Value",
    "registered": "Registered",
}


def _sort_columns(request, ordering: str) -> dict[str, dict]:
    """Each sortable column's link (the current filters, this column's order, page 1),
    and its aria-sort state."""
    out = {}
    for param, _ in SORTABLE:
        query = request.GET.copy()
        query.pop("page", None)
        ascending = ordering == param
        query["ordering"] = f"-{param}" if ascending else param
        state = "ascending" if ascending else "descending" if ordering == f"-{param}" else "none"
        out[param] = {"url": f"?{query.urlencode()}", "sort": state, "label": SORT_LABELS[param]}
    return out


def _basis_for_page(screening, user) -> dict | None:
    """The API's screening basis with its moments as dates the page formats in words."""
    basis = screening_basis_for_viewer(screening, user)
    if basis:
        basis["screened_at"] = parse_datetime(basis["screened_at"])
        for lst in basis.get("lists") or ():
            lst["imported_at"] = parse_datetime(lst["imported_at"] or "")
    return basis


@login_required
def opportunity_detail_view(request, pk: int):
    opportunity = opportunity_get(user=request.user, pk=pk)
    if opportunity is None:
        raise Http404
    ctx = {
        "o": opportunity,
        "status_label": presenters.status_for_viewer(opportunity, request.user)[1],
        "screening": opportunity_screening_for_viewer(opportunity, request.user),
        "set_aside": text_set_aside_for(request.user, opportunity.current_screening),
        "text_rewritten": text_rewritten_for(request.user, opportunity),
        "text_probing": text_probing_for(request.user, opportunity),
        **opportunity_vocabulary(opportunity),
        "can_edit": policies.why_not_edit(request.user, opportunity) is None,
    }

    ctx["review"] = review_panel_for_opportunity(user=request.user, opportunity=opportunity)
    for r in ctx["review"].get("my_requests") or ():  # an answer refused a moment ago
        r.draft = request.session.pop(f"answer-draft-{r.pk}", None)
    ctx["standing"] = opportunity_standing(
        opportunity=opportunity, user=request.user, screening=ctx["screening"], review=ctx["review"]
    )

    ctx["basis"] = _basis_for_page(opportunity.current_screening, request.user)
    if request.user.is_reviewer:
        ctx["basis_changes"] = basis_changes_open(opportunity.pk)
        ctx["rescreen_history"] = opportunity_rescreen_history(opportunity.pk)

        ctx["history"] = audit_events_for_opportunity(
            opportunity_id=opportunity.pk, user=request.user
        )
        ctx["country_sources"] = country_indicator_sources(opportunity.end_customer_country)
    return render(request, "opportunities/detail.html", ctx)
