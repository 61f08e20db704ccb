"""Pages of partners' due diligence: the partner profile, the questionnaire (answered by the
partner, reviewed by compliance), evidence files and the vendor's league table."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.policies import is_compliance
from hrdd.errors import ApplicationError
from hrdd.params import as_id
from opportunities.selectors import opportunity_get
from partners.models import Organisation
from partners.selectors import organisation_find
from restricted_parties.selectors import restricted_party_search
from taxonomy import PARTNER_MATURITY

from . import policies, selectors, services
from .forms import AnswersForm, DeclineForm, EvidenceForm, ReviewForm


def _questionnaire_or_404(request, pk):
    q = selectors.questionnaire_get(user=request.user, pk=pk)
    if q is None:
        raise Http404
    return q


def _refuse_unless(reason: str | None) -> None:
    if reason:
        raise PermissionDenied(reason)


@login_required
@require_GET
def partner_list_view(request):
    if not is_compliance(request.user):
        raise PermissionDenied("Compliance staff only.")
    rank = {m: i for i, m in enumerate(PARTNER_MATURITY)}
    rows = list(selectors.partner_league_table(user=request.user))
    for r in rows:
        r.flagged_rate = round(100 * r.flagged_deals / r.deals) if r.deals else None
    status_rank = {"assessed": 0, "refused": 1, "not_assessed": 2}
    rows.sort(key=lambda r: (status_rank[r.dd_status], -rank[r.hrdd_maturity], r.name))
    return render(request, "partner_dd/league.html", {"rows": rows})


@login_required
@require_GET
def partner_profile_view(request, pk: int):
    org = selectors.organisation_profile_get(user=request.user, pk=pk)
    if org is None:
        raise Http404
    context = selectors.organisation_profile(user=request.user, organisation=org)
    if is_compliance(request.user):  # never to partners or reps (tipping off)
        context["rp_matches"] = restricted_party_search(org.name, org.country)
    context.update(
        org=org,
        is_compliance=is_compliance(request.user),
        may_send=policies.why_not_send(request.user, org) is None,
        show_note=policies.may_see_reviewer_note(request.user),
    )
    return render(request, "partner_dd/profile.html", context)


@login_required
@require_POST
def questionnaire_send_view(request, pk: int):
    org = selectors.organisation_profile_get(user=request.user, pk=pk)
    if org is None:
        raise Http404
    _refuse_unless(policies.why_not_send(request.user, org))
    q = services.questionnaire_send(actor=request.user, organisation=org)
    messages.success(request, f"The questionnaire is with {org.name}'s users.")
    return redirect("partner-dd", pk=q.pk)


@login_required
@require_http_methods(["GET", "POST"])
def questionnaire_view(request, pk: int):
    q = _questionnaire_or_404(request, pk)
    may_answer = policies.why_not_answer(request.user, q) is None
    form = AnswersForm(instance=q)
    if request.method == "POST":
        _refuse_unless(policies.why_not_answer(request.user, q))
        form = AnswersForm(request.POST, instance=q)
        if form.is_valid():
            answers = {f: form.cleaned_data[f] for f in form.Meta.fields}
            try:
                services.questionnaire_answers_save(
                    actor=request.user, questionnaire=q, answers=answers
                )
            except ApplicationError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, "Your answers are saved.")
                return redirect("partner-dd", pk=q.pk)
    score = services.questionnaire_score(q) if is_compliance(request.user) else None
    return render(
        request,
        "partner_dd/questionnaire.html",
        {
            "q": q,
            "form": form,
            "may_answer": may_answer,
            "evidence_form": EvidenceForm(),
            "decline_form": DeclineForm(),
            "review_form": ReviewForm(),
            "score": score,
            "may_review": policies.why_not_review(request.user, q) is None,
            "show_note": policies.may_see_reviewer_note(request.user),
        },
    )


def _act(request, q, action, success: str):
    try:
        action()
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect("partner-dd", pk=q.pk)


@login_required
@require_POST
def evidence_upload_view(request, pk: int):
    q = _questionnaire_or_404(request, pk)
    _refuse_unless(policies.why_not_answer(request.user, q))
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Choose a file (pdf, png or jpg) and say what it is.")
        return redirect("partner-dd", pk=q.pk)
    return _act(
        request,
        q,
        lambda: services.evidence_attach(
            actor=request.user,
            questionnaire=q,
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
        ),
        "The file is attached.",
    )


@login_required
@require_POST
def questionnaire_submit_view(request, pk: int):
    q = _questionnaire_or_404(request, pk)
    _refuse_unless(policies.why_not_answer(request.user, q))
    return _act(
        request,
        q,
        lambda: services.questionnaire_submit(actor=request.user, questionnaire=q),
        "Thank you: your answers went to the vendor's compliance team.",
    )


@login_required
@require_POST
def questionnaire_decline_view(request, pk: int):
    q = _questionnaire_or_404(request, pk)
    _refuse_unless(policies.why_not_answer(request.user, q))
    form = DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _act(
        request,
        q,
        lambda: services.questionnaire_decline(actor=request.user, questionnaire=q, reason=reason),
        "You declined the questionnaire.",
    )


@login_required
@require_POST
def questionnaire_accept_view(request, pk: int):
    q = _questionnaire_or_404(request, pk)
    _refuse_unless(None if is_compliance(request.user) else "Compliance staff only.")
    form = ReviewForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    return _act(
        request,
        q,
        lambda: services.questionnaire_accept(actor=request.user, questionnaire=q, note=note),
        "Accepted: the partner's maturity is recorded and its open deals are being re-screened.",
    )


@login_required
@require_POST
def questionnaire_return_view(request, pk: int):
    q = _questionnaire_or_404(request, pk)
    _refuse_unless(None if is_compliance(request.user) else "Compliance staff only.")
    form = ReviewForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {"message": "", "note": ""}
    return _act(
        request,
        q,
        lambda: services.questionnaire_return(
            actor=request.user, questionnaire=q, message=data["message"], note=data["note"]
        ),
        "Returned to the partner.",
    )


@login_required
@require_GET
def evidence_download_view(request, pk: int):
    ev = selectors.evidence_get(user=request.user, pk=pk)
    if ev is None:
        raise Http404
    return FileResponse(ev.file.open("rb"), as_attachment=True, filename=ev.original_name)


# --- Answer once, share by consent -----------------------------------------------------------

IMPORT_MAX_BYTES = 20 * 1024 * 1024


@login_required
@require_GET
def questionnaire_export_view(request, pk: int):
    q = _questionnaire_or_404(request, pk)
    try:
        document = services.questionnaire_export(actor=request.user, questionnaire=q)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("partner-dd", pk=q.pk)
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})
    name = f"partner-profile-{q.organisation_id}-{q.pk}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def questionnaire_import_view(request):
    if not is_compliance(request.user):
        raise PermissionDenied("Compliance staff only.")
    if request.method == "POST":
        upload = request.FILES.get("document")
        try:
            if upload is None or upload.size > IMPORT_MAX_BYTES:
                raise ApplicationError("Choose a profile document (JSON, at most 20 MB).")
            try:
                # "utf-8-sig": an editor that saves the file again may add a byte-order mark.
                document = json.loads(upload.read().decode("utf-8-sig"))
            except (UnicodeDecodeError, ValueError, RecursionError) as exc:
                raise ApplicationError("The file is not a JSON document.") from exc
            q = services.questionnaire_import(actor=request.user, document=document)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                f"Imported from {q.origin}, signed {q.origin_signed_at:%Y-%m-%d}: review it.",
            )
            return redirect("partner-dd", pk=q.pk)
    from .sharing import public_key_b64

    try:
        own_key = public_key_b64()
    except ApplicationError:
        own_key = ""
    from django.conf import settings

    return render(
        request,
        "partner_dd/import.html",
        {"own_key": own_key, "origin": settings.PARTNER_DD_ORIGIN},
    )


@login_required
@require_POST
def affiliation_record_view(request, pk: int):
    org = selectors.organisation_profile_get(user=request.user, pk=pk)
    if org is None:
        raise Http404
    _refuse_unless(None if is_compliance(request.user) else "Compliance staff only.")

    parent = organisation_find(
        name=request.POST.get("parent_name", ""),
        country=request.POST.get("parent_country", "").upper(),
    )
    if parent is None:
        messages.error(request, "No organisation of that name in that country.")
        return redirect("partner-profile", pk=org.pk)
    try:
        services.affiliation_record(
            actor=request.user,
            organisation=org,
            parent=parent,
            source=request.POST.get("source", ""),
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Recorded: {org.name} belongs to {parent.name}.")
    return redirect("partner-profile", pk=org.pk)


@login_required
@require_POST
def opportunity_partner_invite_view(request, pk: int):
    opportunity = opportunity_get(user=request.user, pk=pk)
    if opportunity is None:
        raise Http404
    org = Organisation.objects.filter(pk=as_id(request.POST.get("organisation"))).first()
    if org is None or policies.why_not_invite(request.user, opportunity, org):
        raise PermissionDenied("Only a distributor in this deal invites the partners below it.")
    try:
        n = services.opportunity_partner_invite(
            actor=request.user,
            opportunity=opportunity,
            organisation=org,
            message=request.POST.get("message", ""),
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Invited {n} user(s) of {org.name} to this deal.")
    return redirect("opportunity-detail", pk=opportunity.pk)
