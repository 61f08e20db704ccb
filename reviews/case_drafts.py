"""A refused form on the case page comes back as it was typed, each error beside its
field. One mechanism for every reviewer form there (decide, ask for information,
recommend, send back, escalate, clear the hard stop): the refused values and their
errors, by the form's field names, wait in the session for the next view of the case
page, and are shown once."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect

from hrdd.errors import ApplicationError

from .forms import CONDITION_ROWS, form_errors
from .models import ReviewCase

MAX_VALUE = 10000  # characters kept of one typed value


def _key(case: ReviewCase) -> str:
    return f"case-draft-{case.pk}"


def case_form_submit(
    request,
    case: ReviewCase,
    name: str,
    call: Callable[[], object],
    success: str,
    *,
    form: forms.Form | None = None,
    errors_for_form: Callable[[dict], dict] | None = None,
) -> HttpResponse:
    """Check `form` (when there is one), then `call()` the service. A refusal shows its
    message and keeps the form `name` as typed, each error under the form's field name
    (`errors_for_form` renames the service's field paths where they differ)."""
    if form is not None and not form.is_valid():
        errors = form_errors(form)
        messages.error(request, next(iter(errors.values())))
        _keep(request, case, name, errors)
    else:
        try:
            call()
        except ApplicationError as exc:
            messages.error(request, exc.message)
            errors = errors_for_form(exc.errors) if errors_for_form else exc.errors
            _keep(request, case, name, errors)
        else:
            messages.success(request, success)
    return redirect("review-case", pk=case.pk)


def _keep(request, case: ReviewCase, name: str, errors: dict) -> None:
    request.session[_key(case)] = {
        "form": name,
        "values": {k: v[:MAX_VALUE] for k, v in request.POST.items() if k != "csrfmiddlewaretoken"},
        "errors": {k: str(v) for k, v in errors.items()},
    }


def drafts_take(request, case: ReviewCase) -> dict[str, dict]:
    """{form name: {"values", "errors"}} of the form refused just before, if any; taken
    from the session, so the next visit starts from empty forms."""
    kept = request.session.pop(_key(case), None)
    if not kept:
        return {}
    return {kept["form"]: {"values": kept["values"], "errors": kept["errors"]}}


def decision_draft(draft: dict | None) -> dict:
    """The decide form as typed before a refusal: outcome, reasons, feedback, and each
    condition row's values (empty when there is none)."""
    post = (draft or {}).get("values") or {}
    rows = [
        {f: post.get(f"cond-{i}-{f}", "") for f in ("mitigation", "owner", "due_date", "details")}
        for i in range(CONDITION_ROWS)
    ]
    return {
        "outcome": post.get("outcome", ""),
        "reasons": post.get("reasons", ""),
        "feedback": post.get("feedback", ""),
        "rows": rows,
        "kept": bool(draft),
        "precedent_reason": post.get("precedent_reason", ""),
        "errors": (draft or {}).get("errors") or {},
    }
