"""Reads for the review queue, case pages, conditions and the inbox.

The scopes live in `policies.py`: `review_cases_visible_to` is the one scope for cases: only compliance staff (reviewers,
senior reviewers, committee, admins) see review cases. Reps and partners see what is
addressed to them through `review_panel_for_opportunity`, on the deal's own page.
"""

from __future__ import annotations

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from accounts.policies import CASE_WORKER_ROLES, compliance_staff_q
from accounts.roles import PARTNER_ROLE
from audit.selectors import audit_events_for_opportunity
from hrdd.lists import Viewer, filtered
from hrdd.params import MAX_ID
from partners.models import Organisation
from taxonomy.countries import country_choices

from . import filters
from .models import (
    CaseCondition,
    Decision,
    EscalationPolicy,
    InformationRequest,
    Mitigation,
    Notification,
    ReviewCase,
)
from .policies import (
    conditions_visible_to,
    information_requests_visible_to,
    mitigations_visible_to,
    notifications_visible_to,
    requests_answerable_by,
    review_cases_visible_to,
    why_not_download_attachment,
)
from .workflow import OPEN

TIERS = ["medium", "high", "critical", "prohibited", "low"]


def review_queue_scope(user) -> QuerySet[ReviewCase]:
    """The cases a user's queue lists from (none unless compliance staff), in priority
    order; `filters.ReviewCaseFilter` narrows and sorts it, for the page and the API."""
    return (
        review_cases_visible_to(user)
        .select_related("opportunity", "assignee")
        .order_by(*filters.PRIORITY)
    )


def review_queue(*, user, params=None) -> QuerySet[ReviewCase]:
    """The queue as the page and the API list it: open cases by default, filtered by
    `params` (a query string's parameters) and in the chosen order."""
    filterset = filters.ReviewCaseFilter(
        params or {}, queryset=review_queue_scope(user), request=Viewer(user)
    )
    return filtered(filterset)


def review_queue_counts(qs: QuerySet[ReviewCase], *, user) -> dict:
    """Counts over the filtered queue, in one query."""
    now = timezone.now()
    aggregates = {f"tier_{t}": Count("id", filter=Q(tier=t)) for t in TIERS}
    aggregates.update(
        total=Count("id"),
        overdue=Count("id", filter=Q(effective_due_at__lte=now)),
        unassigned=Count("id", filter=Q(assignee=None)),
        mine=Count("id", filter=Q(assignee=user)),
        awaiting_decision=Count("id", filter=Q(status=ReviewCase.Status.RECOMMENDED)),
        information_requested=Count("id", filter=Q(status=ReviewCase.Status.INFORMATION_REQUESTED)),
    )
    row = qs.order_by().aggregate(**aggregates)
    row["by_tier"] = [(t, row.pop(f"tier_{t}")) for t in TIERS]
    return row


def review_queue_countries() -> list[tuple[str, str]]:
    """Every country (the filter needs no query over the cases)."""
    return country_choices()


def review_queue_partners(*, user, limit: int = 500):
    if not user.is_reviewer:
        return Organisation.objects.none().values_list("pk", "name", "country")
    return (
        Organisation.objects.filter(role__in=["distributor", "reseller", "integrator", "agent"])
        .order_by("name")
        .values_list("pk", "name", "country")[:limit]
    )


def reviewers_list():
    return User.objects.filter(compliance_staff_q(), is_active=True).order_by("username")


def review_case_get(*, user, pk: int) -> ReviewCase | None:
    return (
        review_cases_visible_to(user)
        .select_related(
            "opportunity__owner",
            "opportunity__submitted_by_organisation",
            "opportunity__current_screening__criteria_version",
            "screening__criteria_version",
            "assignee",
            "recommended_by",
            "hard_stop_cleared_by",
            "previous_case",
        )
        .prefetch_related("opportunity__lines", "opportunity__channel")
        .filter(pk=pk)
        .first()
    )


def case_information_requests(case: ReviewCase) -> QuerySet[InformationRequest]:
    return case.information_requests.select_related("addressed_to", "asked_by", "answered_by")


def case_conditions(case: ReviewCase) -> QuerySet[CaseCondition]:
    return case.conditions.select_related("mitigation", "owner", "fulfilled_by", "verified_by")


def opportunity_cases(opportunity_id: int) -> QuerySet[ReviewCase]:
    return (
        ReviewCase.objects.filter(opportunity_id=opportunity_id)
        .select_related("assignee")
        .order_by("-opened_at", "-id")
    )


def information_addressees(case: ReviewCase) -> list:
    """Who a reviewer may put questions to: the deal's owner and partner users of the
    organisations in its channel (each of whom can see the deal)."""
    opp = case.opportunity
    org_ids = set(opp.channel.values_list("organisation_id", flat=True)) | {
        opp.submitted_by_organisation_id
    }
    partner_users = User.objects.filter(
        role=PARTNER_ROLE, organisation_id__in=org_ids, is_active=True
    )
    people = [opp.owner] + [u for u in partner_users.order_by("username") if u.pk != opp.owner_id]
    return people


def condition_owner_choices(case: ReviewCase) -> list:
    return information_addressees(case) + list(
        User.objects.filter(role__in=CASE_WORKER_ROLES, is_active=True).order_by("username")
    )


def mitigation_library(*, user) -> QuerySet[Mitigation]:
    return mitigations_visible_to(user)


def escalation_policies() -> QuerySet[EscalationPolicy]:
    return EscalationPolicy.objects.all()


def review_panel_for_opportunity(*, user, opportunity) -> dict:
    """What the deal page shows about its review, to this viewer.

    Everyone who can see the deal: the last decision's outcome and the feedback written
    for the submitter; the conditions the viewer may see (`conditions_visible_to`: partners
    and reps their own, as a condition put on one partner says what compliance found about
    it). The addressee (or owner): open questions to answer.
    Reviewers: also the case itself (a link and its state). Never reviewers' reasons,
    recommendations or restricted-party details to anyone else.
    """
    decision = (
        Decision.objects.filter(opportunity=opportunity)
        .select_related("decided_by")
        .order_by("-decided_at", "-id")
        .first()
    )
    conditions = (
        conditions_visible_to(user)
        .filter(case__decision=decision)
        .select_related("mitigation", "owner")
        if decision
        else CaseCondition.objects.none()
    )
    requests = InformationRequest.objects.filter(case__opportunity=opportunity).select_related(
        "addressed_to", "answered_by"
    )
    open_case = ReviewCase.objects.filter(opportunity=opportunity, status__in=OPEN).first()
    panel = {
        "decision": decision,
        "conditions": list(conditions),
        "my_requests": [
            r
            for r in requests
            if r.is_open and user.pk in (r.addressed_to_id, opportunity.owner_id)
        ],
        "answered_requests": [
            r
            for r in requests
            if not r.is_open
            and (
                user.is_reviewer
                or user.pk in (r.addressed_to_id, r.answered_by_id, opportunity.owner_id)
            )
        ],
        "open_case": open_case,
        "show_reasons": user.is_reviewer,
        "cases": list(opportunity_cases(opportunity.pk)) if user.is_reviewer else [],
    }
    for r in panel["answered_requests"]:
        r.may_download = why_not_download_attachment(user, r) is None
    return panel


def information_request_for_user(*, user, pk: int) -> InformationRequest | None:
    """A request the user may see: reviewers all; others only on deals they can see."""
    return (
        information_requests_visible_to(user)
        .select_related("case__opportunity__owner", "addressed_to", "answered_by")
        .filter(pk=pk)
        .first()
    )


def answerable_request_get(*, user, pk: int) -> InformationRequest | None:
    """A question the user answers, by its id; None for any other (a 404)."""
    return (
        requests_answerable_by(user)
        .select_related("case__opportunity__owner", "addressed_to")
        .filter(pk=pk)
        .first()
    )


def answerable_request(*, user, case_pk: int, pk: int | None = None) -> InformationRequest | None:
    """The question on this case the user answers (the given one, or the oldest open)."""
    if case_pk > MAX_ID:  # a foreign-key lookup does not range-check as a primary key does
        return None
    qs = requests_answerable_by(user).filter(case_id=case_pk)
    if pk is not None:
        qs = qs.filter(pk=pk)
    # the open one first; an answered one only so its answerer hears "already answered"
    order = (F("answered_at").asc(nulls_first=True), "id")
    return qs.select_related("case__opportunity").order_by(*order).first()


def conditions_scope(user) -> QuerySet[CaseCondition]:
    """Reviewers see every condition; anyone else only the conditions they own.
    `filters.ConditionFilter` narrows and sorts it, for the page and the API."""
    return (
        conditions_visible_to(user)
        .select_related("mitigation", "owner", "opportunity", "case", "fulfilled_by")
        .order_by("due_date", "id")
    )


def conditions_list(*, user, params=None) -> QuerySet[CaseCondition]:
    """Conditions as the page and the API list them (open ones by default)."""
    filterset = filters.ConditionFilter(
        params or {}, queryset=conditions_scope(user), request=Viewer(user)
    )
    return filtered(filterset)


def condition_get(*, user, pk: int) -> CaseCondition | None:
    return conditions_scope(user).filter(pk=pk).first()


def notifications_scope(user) -> QuerySet[Notification]:
    """One's own notifications, newest first (`filters.NotificationFilter` narrows them)."""
    return notifications_visible_to(user).order_by("-created_at", "-id")


def notifications_for(*, user, params=None) -> QuerySet[Notification]:
    """The inbox as the page and the API list it."""
    filterset = filters.NotificationFilter(
        params or {}, queryset=notifications_scope(user), request=Viewer(user)
    )
    return filtered(filterset)


def notifications_unread_count(*, user) -> int:
    return notifications_visible_to(user).filter(read_at=None).count()


def case_history(case: ReviewCase, *, user):
    """The deal's whole history (deal, screenings, every case), oldest first."""
    return audit_events_for_opportunity(opportunity_id=case.opportunity_id, user=user).order_by(
        "id"
    )


def case_concerns(opportunity) -> list:
    """Concerns raised on a deal from outside its screening (compliance staff only)."""
    from .models import Concern

    return list(Concern.objects.filter(opportunity=opportunity).select_related("raised_by"))


def information_answers(opportunity) -> list[str]:
    """The partners' answers to information requests on the deal, oldest first: the
    screening reads them with the rest of the deal's text.

    A deal never screened has no review case, so no request to answer: no query."""
    if not opportunity.pk or opportunity.current_screening_id is None:
        return []
    return list(
        InformationRequest.objects.filter(case__opportunity_id=opportunity.pk)
        .exclude(answer="")
        .order_by("answered_at", "id")
        .values_list("answer", flat=True)
    )


def information_answers_many(opportunity_ids: list[int]) -> dict[int, list[str]]:
    """`information_answers` of many deals in one query: {deal id: answers, oldest
    first} (a deal without answers is absent)."""
    out: dict[int, list[str]] = {}
    rows = (
        InformationRequest.objects.filter(case__opportunity_id__in=opportunity_ids)
        .exclude(answer="")
        .order_by("answered_at", "id")
        .values_list("case__opportunity_id", "answer")
    )
    for opportunity_id, answer in rows:
        out.setdefault(opportunity_id, []).append(answer)
    return out
