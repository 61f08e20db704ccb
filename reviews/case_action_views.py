"""The case page's reviewer forms: ask for information, recommend, send back, decide,
escalate, clear the hard stop. Thin: each checks its form, calls the same service as the
API, and on a refusal the page comes back as typed, each error beside its field
(`case_drafts`)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_POST

from accounts.models import User
from hrdd.errors import ApplicationError

from . import services
from .case_drafts import case_form_submit
from .forms import (
    ClearHardStopForm,
    EscalateForm,
    RecommendForm,
    RequestInformationForm,
    SendBackForm,
    decision_errors_for_form,
    decision_from_post,
)
from .views import _case_or_404, _require_reviewer


def _case(request, pk: int):
    _require_reviewer(request.user)
    return _case_or_404(request, pk)


@login_required
@require_POST
def request_information_view(request, pk: int):
    case = _case(request, pk)
    form = RequestInformationForm(request.POST)

    def ask():
        pk_addressee = form.cleaned_data.get("addressed_to")
        addressed_to = (
            User.objects.filter(pk=pk_addressee, is_active=True).first() if pk_addressee else None
        )
        if pk_addressee and addressed_to is None:
            # a stale choice (the user was deactivated meanwhile) must not fall back to the
            # deal's owner without a word
            raise ApplicationError(
                "Choose someone from the list.",
                errors={"addressed_to": "Choose someone from the list."},
            )
        services.review_request_information(
            case=case,
            actor=request.user,
            questions=form.cleaned_data["questions"],
            addressed_to=addressed_to,
            due_date=form.cleaned_data.get("due_date"),
        )

    return case_form_submit(
        request,
        case,
        "request_information",
        ask,
        "Questions sent; the case waits for the answer.",
        form=form,
    )


@login_required
@require_POST
def recommend_view(request, pk: int):
    case = _case(request, pk)
    form = RecommendForm(request.POST)
    return case_form_submit(
        request,
        case,
        "recommend",
        lambda: services.review_recommend(case=case, actor=request.user, **form.cleaned_data),
        "Recommendation recorded; a second reviewer decides.",
        form=form,
    )


@login_required
@require_POST
def send_back_view(request, pk: int):
    case = _case(request, pk)
    form = SendBackForm(request.POST)
    return case_form_submit(
        request,
        case,
        "send_back",
        lambda: services.review_send_back(case=case, actor=request.user, **form.cleaned_data),
        "Recommendation sent back to its reviewer.",
        form=form,
    )


@login_required
@require_POST
def decide_view(request, pk: int):
    case = _case(request, pk)
    return case_form_submit(
        request,
        case,
        "decide",
        lambda: services.review_decide(
            case=case, actor=request.user, **decision_from_post(request.POST)
        ),
        "Decision recorded; the deal has moved and the submitter is told.",
        errors_for_form=lambda errors: decision_errors_for_form(errors, request.POST),
    )


@login_required
@require_POST
def escalate_view(request, pk: int):
    case = _case(request, pk)
    form = EscalateForm(request.POST)
    return case_form_submit(
        request,
        case,
        "escalate",
        lambda: services.review_escalate(case=case, actor=request.user, **form.cleaned_data),
        "Escalated to the next level.",
        form=form,
    )


@login_required
@require_POST
def clear_hard_stop_view(request, pk: int):
    case = _case(request, pk)
    form = ClearHardStopForm(request.POST)
    return case_form_submit(
        request,
        case,
        "clear_hard_stop",
        lambda: services.review_clear_hard_stop(case=case, actor=request.user, **form.cleaned_data),
        "Hard stop cleared: the deal may now be decided.",
        form=form,
    )
