"""Criteria pages: admins edit a draft, preview its effect on past deals, publish it."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from countries.models import Country
from countries.services import CountryDataError, country_indicators_import
from hrdd.errors import ApplicationError

from . import policies, preview, services
from .editor import (
    FIELD_WORDS,
    condition_caret,
    criterion_errors,
    draft_diff,
    preview_for_publishing,
)
from .engine import FIELDS, PARTNER_SAFE_FIELDS
from .engine.packs import pack_text
from .models import CriteriaVersion, Criterion, PreviewRun
from .selectors import criteria_draft, criteria_published_current, criteria_versions

NUMBER_FIELDS = ("scale", "scope", "irremediability", "likelihood", "severity_uplift")
# The default pack's lexicon alone is about 1 MB as exported (1,367 entries, escaped
# JSON); a pack an admin exports must import again, with room for their own entries.
MAX_PACK_BYTES = 8 * 1024 * 1024


def _require_admin(user) -> None:
    reason = policies.why_not_edit_criteria(user)
    if reason:
        raise PermissionDenied(reason)


def _require_reviewer(user) -> None:
    reason = policies.why_not_read_criteria(user)
    if reason:
        raise PermissionDenied(reason)


@login_required
def criteria_overview(request):
    _require_reviewer(request.user)
    current = criteria_published_current()
    return render(
        request,
        "rules/overview.html",
        {
            "current": current,
            "criteria": current.criteria.all() if current else [],
            "draft": criteria_draft(),
            "versions": criteria_versions(),
        },
    )


@login_required
def version_detail(request, number: int):
    _require_reviewer(request.user)
    version = get_object_or_404(CriteriaVersion, number=number)
    return render(
        request, "rules/version.html", {"version": version, "criteria": version.criteria.all()}
    )


@login_required
def version_export(request, number: int):
    _require_reviewer(request.user)
    version = get_object_or_404(CriteriaVersion, number=number)
    pack = services.criteria_pack_export(version)
    response = HttpResponse(pack_text(pack), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="criteria-v{number}.json"'
    return response


@login_required
def draft_detail(request):
    _require_admin(request.user)
    draft = criteria_draft()
    if draft is None:
        return redirect("criteria-overview")
    previews = draft.previews.order_by("-id")[:5]
    diff = draft_diff(draft, criteria_published_current())
    return render(
        request,
        "rules/draft.html",
        {
            "draft": draft,
            "criteria": draft.criteria.all(),
            "previews": previews,
            "diff": diff,
            "marks": diff["marks"],
        },
    )


@login_required
def draft_publish_confirm(request):
    """Before publishing: what the draft changes against the version in force, and what
    its latest preview found (how many deals change tier)."""
    _require_admin(request.user)
    draft = criteria_draft()
    if draft is None:
        return redirect("criteria-overview")
    return render(
        request,
        "rules/publish_confirm.html",
        {
            "draft": draft,
            "diff": draft_diff(draft, criteria_published_current()),
            **preview_for_publishing(draft),
        },
    )


@login_required
@require_POST
def draft_start(request):
    _require_admin(request.user)
    services.criteria_draft_start(actor=request.user)
    return redirect("criteria-draft")


@login_required
@require_POST
def draft_discard(request):
    _require_admin(request.user)
    draft = criteria_draft()
    if draft:
        services.criteria_draft_discard(actor=request.user, draft=draft)
        messages.info(request, "Draft discarded.")
    return redirect("criteria-overview")


def _criterion_values(post) -> tuple[dict, dict]:
    values, errors = {}, {}
    for f in (
        "name",
        "dimension",
        "condition",
        "outcome",
        "explanation",
        "reasoning",
        "source",
        "ask",
    ):
        values[f] = post.get(f, "").strip()
    for f in NUMBER_FIELDS:
        raw = post.get(f, "0").strip() or "0"
        try:
            values[f] = int(raw)
        except ValueError:
            errors[f] = "Enter a whole number from 0 to 5."
    values["enabled"] = post.get("enabled") == "on"
    return values, errors


@login_required
def criterion_edit(request, code: str | None = None):
    _require_admin(request.user)
    draft = criteria_draft()
    if draft is None:
        messages.error(request, "Start a draft first.")
        return redirect("criteria-overview")
    criterion = draft.criteria.filter(code=code).first() if code else None
    if code and criterion is None:
        raise Http404
    error, values, errors, caret = None, None, {}, None
    if request.method == "POST":
        values, field_errors = _criterion_values(request.POST)
        new_code = code or request.POST.get("code", "")
        if field_errors:
            error = "The criterion was not saved: correct the fields marked below."
            errors = field_errors
        else:
            try:
                services.criterion_save(
                    actor=request.user,
                    draft=draft,
                    code=new_code,
                    values=values,
                    create=code is None,
                )
                messages.success(request, f"Criterion {new_code.upper()} saved in the draft.")
                return redirect("criteria-draft")
            except ApplicationError as exc:
                error = exc.message
                errors = criterion_errors(exc.errors)
                if "condition" in errors:
                    caret = condition_caret(values["condition"])
        values["code"] = new_code
    elif criterion:
        values = {f: getattr(criterion, f) for f in services.CRITERION_FIELDS} | {
            "code": criterion.code
        }
    else:
        values = {
            "enabled": True,
            "outcome": "score",
            "dimension": "product_capability",
            **dict.fromkeys(NUMBER_FIELDS, 0),
        }
    return render(
        request,
        "rules/criterion_form.html",
        {
            "draft": draft,
            "criterion": criterion,
            "v": values,
            "error": error,
            "errors": errors,
            "caret": caret,
            "dimensions": Criterion.Dimension.choices,
            "outcomes": Criterion.Outcome.choices,
            "fields": [(n, spec, n in PARTNER_SAFE_FIELDS) for n, spec in sorted(FIELDS.items())],
            "number_fields": [
                (f, FIELD_WORDS[f], values.get(f, request.POST.get(f, 0))) for f in NUMBER_FIELDS
            ],
        },
        status=400 if error else 200,
    )


@login_required
@require_POST
def criterion_delete(request, code: str):
    _require_admin(request.user)
    draft = criteria_draft()
    if draft is None:
        raise Http404
    services.criterion_delete(actor=request.user, draft=draft, code=code)
    messages.info(request, f"Criterion {code} removed from the draft.")
    return redirect("criteria-draft")


@login_required
@require_POST
def draft_preview(request):
    _require_admin(request.user)
    draft = criteria_draft()
    if draft is None:
        raise Http404
    try:
        run = preview.preview_start(actor=request.user, draft=draft)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("criteria-draft")
    return redirect("criteria-preview", pk=run.pk)


@login_required
def preview_detail(request, pk: int):
    _require_admin(request.user)
    run = get_object_or_404(PreviewRun.objects.select_related("draft"), pk=pk)
    template = (
        "rules/_preview_progress.html"
        if request.headers.get("HX-Request")
        else "rules/preview.html"
    )
    return render(request, template, {"run": run, "result": run.result})


@login_required
@require_POST
def draft_publish(request):
    _require_admin(request.user)
    draft = criteria_draft()
    if draft is None:
        raise Http404
    try:
        version = services.criteria_publish(
            actor=request.user, draft=draft, notes=request.POST.get("notes", "")
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("criteria-draft")
    messages.success(
        request,
        f"Published as version {version.number}. Open deals are being re-screened in the background.",
    )
    return redirect("criteria-overview")


@login_required
def pack_import(request):
    _require_admin(request.user)
    error = None
    if request.method == "POST":
        upload = request.FILES.get("pack")
        if upload is None:
            error = "Choose a criteria pack (.json) to import."
        elif upload.size > MAX_PACK_BYTES:
            error = f"A criteria pack is at most {MAX_PACK_BYTES // (1024 * 1024)} MB."
        else:
            try:
                # "utf-8-sig": an editor that saves the file again may add a byte-order mark.
                pack = json.loads(upload.read().decode("utf-8-sig"))
                services.criteria_pack_import(actor=request.user, pack=pack)
                messages.success(
                    request, "Criteria pack imported into the draft. Preview it, then publish."
                )
                return redirect("criteria-draft")
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                error = f"The file is not valid JSON: {exc}"
            except ApplicationError as exc:
                error = exc.message
    return render(request, "rules/pack_import.html", {"error": error}, status=400 if error else 200)


@login_required
def country_data_upload(request):
    _require_admin(request.user)
    error = None
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            error = "Choose an indicator file (.csv)."
        else:
            try:
                count = country_indicators_import(
                    text=upload.read().decode("utf-8"), actor=request.user
                )
                messages.success(request, f"Loaded {count} country indicator figures.")
                return redirect("criteria-countries")
            except UnicodeDecodeError:
                error = "The file is not UTF-8 text."
            except CountryDataError as exc:
                error = f"Nothing was changed: {exc}"

    flagged = Country.objects.filter(sanctioned=True) | Country.objects.filter(armed_conflict=True)
    return render(
        request,
        "rules/countries.html",
        {"error": error, "flagged": flagged.order_by("name")},
        status=400 if error else 200,
    )
