"""Pages for restricted-party screening: reviewers search, admins upload lists."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from hrdd.errors import ApplicationError

from . import policies
from .forms import FalsePositiveForm, ListUploadForm, SearchForm, ThresholdsForm
from .selectors import (
    active_lists,
    false_positive_list,
    match_thresholds,
    restricted_party_search,
)
from .services import false_positive_mark, match_thresholds_set, restricted_party_list_import


def _require_reviewer(user) -> None:
    reason = policies.why_not_screen(user)
    if reason:
        raise PermissionDenied(reason)


def _page(request, *, upload_form=None, thresholds_form=None, status=200):
    search_form = SearchForm(request.GET or None)
    matches = None
    if search_form.is_valid():
        matches = restricted_party_search(
            search_form.cleaned_data["name"], search_form.cleaned_data["country"]
        )
    thresholds = match_thresholds()
    if thresholds_form is None and policies.why_not_set_thresholds(request.user) is None:
        thresholds_form = ThresholdsForm(
            initial={"match": thresholds.match, "possible_match": thresholds.possible_match}
        )
    context = {
        "thresholds": thresholds,
        "thresholds_form": thresholds_form,
        "lists": active_lists(),
        "search_form": search_form,
        "matches": matches,
        "false_positives": false_positive_list(20),
        "upload_form": upload_form
        if upload_form is not None
        else (ListUploadForm() if policies.why_not_import_lists(request.user) is None else None),
    }
    return render(request, "restricted_parties/index.html", context, status=status)


@login_required
def restricted_parties_index(request):
    """The active lists, a name search, recent false positives; the upload for admins."""
    _require_reviewer(request.user)
    return _page(request)


@login_required
@require_POST
def restricted_parties_upload(request):
    """Import a list file through the same service as the command; on a malformed file
    the row and reason are shown and the previous list stays in force."""
    reason = policies.why_not_import_lists(request.user)
    if reason:
        raise PermissionDenied(reason)
    form = ListUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            imported = restricted_party_list_import(
                actor=request.user,
                fmt=form.cleaned_data["format"],
                path_or_file=form.source(),
                name=form.cleaned_data["name"] or None,
            )
        except ApplicationError as exc:
            form.add_error(None, f"Import refused: {exc.message}")
        else:
            messages.success(
                request, f"Imported {imported.entry_count} entries into {imported.name}."
            )
            for warning in imported.warnings:
                messages.warning(request, warning)
            return redirect("restricted-parties-index")
    return _page(request, upload_form=form, status=400)


@login_required
@require_POST
def restricted_parties_false_positive(request):
    """Mark a search result as a false positive for that party name."""
    _require_reviewer(request.user)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = "restricted-parties-index"
    form = FalsePositiveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the party name and a reason.")
        return redirect(back)
    try:
        false_positive_mark(actor=request.user, **form.cleaned_data)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, f"Marked as a false positive for {form.cleaned_data['party_name']}."
        )
    return redirect(back)


@login_required
@require_POST
def restricted_parties_thresholds(request):
    """An admin sets the match and possible-match thresholds (audited)."""
    reason = policies.why_not_set_thresholds(request.user)
    if reason:
        raise PermissionDenied(reason)
    form = ThresholdsForm(request.POST)
    if form.is_valid():
        try:
            match_thresholds_set(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            for field, message in exc.errors.items():
                form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, "Thresholds saved; screenings from now on use them.")
            return redirect("restricted-parties-index")
    return _page(request, thresholds_form=form, status=400)
