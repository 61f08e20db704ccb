"""Review pages: the case page, claiming and assigning, answers, review targets (the case
page's reviewer forms in `case_action_views`, lists in `list_views`, conditions and the
inbox's actions in `condition_views`). Thin: each action parses the form, calls the same
service as the API, and shows its message."""

from __future__ import annotations

import csv
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from accounts.models import User
from hrdd.errors import ApplicationError
from hrdd.params import as_id
from lifecycle.services import review_answer
from rules.presentation import (
    restricted_party_explained,
    screening_for_viewer,
    text_set_aside_for,
)

from . import policies, precedents, selectors, services
from .case_drafts import decision_draft, drafts_take
from .forms import ANSWER_MAX_LENGTH, CONDITION_ROWS, AnswerForm, EscalationPolicyForm
from .models import EscalationLevel, ReviewCase
from .text_probing import text_probing_for
from .text_rewritten import text_rewritten_for


def _require_reviewer(user) -> None:
    reason = policies.why_not_work_queue(user)
    if reason:
        raise PermissionDenied(reason)


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _case_or_404(request, pk: int) -> ReviewCase:
    case = selectors.review_case_get(user=request.user, pk=pk)
    if case is None:
        raise Http404
    return case


@login_required
@require_GET
def case_view(request, pk: int):
    _require_reviewer(request.user)
    case = _case_or_404(request, pk)
    opportunity = case.opportunity
    drafts = drafts_take(request, case)  # a form refused just before, as it was typed
    reasons_not = {name: check(request.user, case) for name, check in policies.ACTIONS.items()}
    actions = {name: reason is None for name, reason in reasons_not.items()}
    ctx = {
        "case": case,
        "o": opportunity,
        "screening": screening_for_viewer(opportunity.current_screening, request.user),
        "rp_explained": restricted_party_explained(opportunity.current_screening, request.user),
        "set_aside": text_set_aside_for(request.user, opportunity.current_screening),
        "text_rewritten": text_rewritten_for(request.user, opportunity),
        "text_probing": text_probing_for(request.user, opportunity),
        "actions": actions,
        "why_not": reasons_not,
        "conflict": policies.conflict_of_interest(request.user, opportunity),
        "four_eyes": policies.needs_four_eyes(case),
        "decision_authority": policies.AUTHORITY_NAMES[policies.decision_authority_needed(case)],
        "requests": selectors.case_information_requests(case),
        "addressees": selectors.information_addressees(case)
        if actions["request_information"]
        else [],
        "information_due": services.information_due_default(),
        "conditions": selectors.case_conditions(case),
        "decision": getattr(case, "decision", None) if not case.is_open else None,
        "other_cases": [c for c in selectors.opportunity_cases(opportunity.pk) if c.pk != case.pk],
        "history": selectors.case_history(case, user=request.user),
        "mitigations": selectors.mitigation_library(user=request.user),
        "owner_choices": selectors.condition_owner_choices(case) if actions["decide"] else [],
        "condition_rows": range(CONDITION_ROWS),
        "draft": decision_draft(drafts.get("decide")),
        "drafts": drafts,
        "reviewers": selectors.reviewers_list() if actions["assign"] else [],
        "outcomes": ReviewCase.Outcome.choices,
        "concerns": selectors.case_concerns(opportunity),
        "close_score": precedents.CLOSE_SCORE,
    }
    ctx["precedents"], consensus = precedents.precedents_for_case(case)
    ctx["consensus"] = consensus if actions["decide"] else None
    return render(request, "reviews/case.html", ctx)


def _back(request, case: ReviewCase):
    return redirect("review-case", pk=case.pk)


def _run(request, fn, success: str) -> bool:
    """Call a service; show its refusal as a message. Returns True when it succeeded."""
    try:
        fn()
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return False
    messages.success(request, success)
    return True


@login_required
@require_POST
def claim_view(request, pk: int):
    _require_reviewer(request.user)
    case = _case_or_404(request, pk)
    error = ""
    try:
        case = services.review_claim(case=case, actor=request.user)
    except ApplicationError as exc:
        error = exc.message
        case = _case_or_404(request, pk)
    if _is_htmx(request):
        return render(
            request,
            "reviews/_queue_row.html",
            {"c": case, "row_error": error, "row_ok": not error, "now": case.updated_at},
        )
    if error:
        messages.error(request, error)
        return redirect(_safe_next(request) or reverse("review-queue"))
    messages.success(request, "Case claimed: it is yours.")
    return _back(request, case)


def _safe_next(request) -> str:
    nxt = request.POST.get("next") or ""
    return nxt if url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}) else ""


@login_required
@require_POST
def assign_view(request, pk: int):
    _require_reviewer(request.user)
    case = _case_or_404(request, pk)
    pk_assignee = as_id(request.POST.get("assignee"))
    assignee = User.objects.filter(pk=pk_assignee, is_active=True).first() if pk_assignee else None
    if assignee is None:
        messages.error(request, "Choose a reviewer to assign.")
        return _back(request, case)
    _run(
        request,
        lambda: services.review_assign(case=case, actor=request.user, assignee=assignee),
        f"Assigned to {assignee.username}.",
    )
    return _back(request, case)


MAX_BULK = 100


@login_required
@require_POST
def bulk_assign_view(request):
    """Assign the cases ticked in the queue to one reviewer: the single-case service for
    each, so every check (authority, state, conflicts of interest) applies to each case."""
    _require_reviewer(request.user)
    back = redirect(
        request.POST.get("next") if _is_queue_path(request.POST.get("next")) else "review-queue"
    )
    pk_assignee = as_id(request.POST.get("assignee"))
    assignee = User.objects.filter(pk=pk_assignee, is_active=True).first() if pk_assignee else None
    ids = [i for i in (as_id(v) for v in request.POST.getlist("case")[:MAX_BULK]) if i]
    if assignee is None or not ids:
        messages.error(request, "Tick the cases and choose the reviewer to assign them to.")
        return back
    done, refused = [], []
    for pk in dict.fromkeys(ids):
        case = selectors.review_case_get(user=request.user, pk=pk)
        if case is None:
            continue  # not a case this user may see: say nothing about it
        try:
            services.review_assign(case=case, actor=request.user, assignee=assignee)
            done.append(case.opportunity.reference)
        except ApplicationError as exc:
            refused.append(f"{case.opportunity.reference}: {exc.message}")
    name = assignee.get_full_name() or assignee.username
    if done:
        messages.success(
            request, f"Assigned {len(done)} case{'s' if len(done) != 1 else ''} to {name}."
        )
    if refused:
        messages.error(request, "Not assigned: " + "; ".join(refused))
    return back


def _is_queue_path(path: str | None) -> bool:
    return bool(path) and path.startswith("/reviews/") and "//" not in path and "\\" not in path


def _csv_safe(value) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet would run a cell starting with these as a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
@require_GET
def case_history_csv(request, pk: int):
    _require_reviewer(request.user)
    case = _case_or_404(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{case.opportunity.reference}-case-{case.pk}-history.csv"'
    )
    writer = csv.writer(response)
    codes = [
        "event_id",
        "when",
        "actor",
        "action",
        "object_type",
        "object_id",
        "from_state",
        "to_state",
        "changes",
        "comment",
        "hash",
    ]
    # the header in words for people; ?headers=codes for programs
    words = [
        "Event",
        "When",
        "Who",
        "What",
        "Object type",
        "Object",
        "From",
        "To",
        "Changes",
        "Comment",
        "Hash",
    ]
    writer.writerow(codes if request.GET.get("headers") == "codes" else words)
    for e in selectors.case_history(case, user=request.user):
        writer.writerow(
            [
                _csv_safe(v)
                for v in (
                    e.pk,
                    e.created_at.isoformat(),
                    e.actor_label,
                    e.action,
                    e.object_type,
                    e.object_id,
                    e.from_state,
                    e.to_state,
                    json.dumps(e.changes, sort_keys=True, default=str),
                    e.comment,
                    e.hash,
                )
            ]
        )
    return response


# --- The submitter's side: answering questions --------------------------------------------


@login_required
@require_POST
def answer_view(request, pk: int):
    info = selectors.answerable_request_get(user=request.user, pk=pk)
    if info is None:
        raise Http404
    form = AnswerForm(request.POST, request.FILES)
    deal = redirect("opportunity-detail", pk=info.case.opportunity_id)
    if not form.is_valid():
        message, field = "Write your answer (a file is optional: pdf, png or jpg).", "answer"
        typed = len((request.POST.get("answer") or "").strip())
        if form.errors.get("attachment"):
            message = f"The file was not attached: {' '.join(form.errors['attachment'])}"
            field = "attachment"
        elif typed > ANSWER_MAX_LENGTH:
            message = (
                f"Your answer is {typed:,} characters long; the most is {ANSWER_MAX_LENGTH:,}. "
                "Shorten it and send it again (or attach it as a file)."
            )
        messages.error(request, message)
        return _keep_answer_draft(request, info, deal, message, field)
    try:
        review_answer(
            information_request=info,
            actor=request.user,
            answer=form.cleaned_data["answer"],
            attachment=form.cleaned_data.get("attachment"),
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
        field = "attachment" if "attachment" in exc.errors else "answer"
        return _keep_answer_draft(request, info, deal, exc.message, field)
    messages.success(request, "Thank you: your answer went to the compliance reviewer.")
    return deal


def _keep_answer_draft(request, info, response, message: str, field: str = "answer"):
    """A refused answer is not lost: the deal page offers it again, with the reason next
    to the field it concerns (the file must be chosen again: browsers never refill a
    file input)."""
    request.session[f"answer-draft-{info.pk}"] = {
        # Whole: the request's size limit (DATA_UPLOAD_MAX_MEMORY_SIZE) already bounds it.
        "answer": request.POST.get("answer") or "",
        "error": message,
        "field": field,
    }
    return response


@login_required
@require_GET
def attachment_view(request, pk: int):
    info = selectors.information_request_for_user(user=request.user, pk=pk)
    if info is None or policies.why_not_download_attachment(request.user, info):
        raise Http404
    return FileResponse(
        info.attachment.open("rb"), as_attachment=True, filename=info.attachment_name or "evidence"
    )


# --- Admin: review targets ---------------------------------------------------------------------


@login_required
def sla_view(request):
    reason = policies.why_not_set_targets(request.user)
    if reason:
        raise PermissionDenied(reason)
    if request.method == "POST":
        tier = request.POST.get("tier", "")
        form = EscalationPolicyForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.escalation_policy_update(
                    actor=request.user,
                    tier=tier,
                    target_business_days=d["target_business_days"],
                    start_level=d["start_level"],
                    level_business_days=d["level_business_days"],
                )
                messages.success(
                    request,
                    f"Target for {tier} deals saved; it applies to cases opened from now on.",
                )
            except ApplicationError as exc:
                messages.error(request, exc.message)
        else:
            messages.error(
                request, "Targets are whole business days between 0 and 365; levels 1 to 3."
            )
        return redirect("review-sla")
    return render(
        request,
        "reviews/sla.html",
        {"policies": selectors.escalation_policies(), "levels": EscalationLevel.choices},
    )
