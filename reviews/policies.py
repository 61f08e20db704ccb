"""Who may see and do what in the review workflow. Read-only rules shared by services,
pages and the API.

Reads (`*_visible_to(user)`): only compliance staff see review cases; the rep and partner
users see what is addressed to them (questions, conditions, notifications). An evidence
file is downloaded only by compliance staff and the organisation that uploaded it: a
partner in the same channel sees the deal, not another partner's certificate.

Each `why_not_*` function returns None when the user may act, or a sentence saying why
not. Services raise PermissionDenied with that sentence; pages and the API use the same
functions to decide which actions to offer, so the two can never disagree.

- Authority rises reviewer < senior reviewer < committee < admin. A case at escalation
  level 2 needs a senior reviewer or above, level 3 a committee member or an admin.
- Four eyes on high, critical and prohibited deals: a reviewer recommends, a different
  reviewer with enough authority decides (critical: committee or admin; prohibited:
  senior reviewer or above, and approval only once the hard stop is cleared).
- Conflict of interest: nobody reviews a deal they own, or one where their organisation
  submitted the deal or sits in its channel. The vendor's own organisation does not count:
  its compliance team is who reviews every deal.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts import roles
from accounts.policies import has_role, is_admin, is_compliance, is_signed_in
from audit.models import AuditEvent
from opportunities.policies import opportunities_visible_to, opportunity_seen_by

from .models import (
    CaseCondition,
    EscalationLevel,
    InformationRequest,
    Mitigation,
    Notification,
    ReviewCase,
)
from .workflow import transition_allowed

ROLE_AUTHORITY = roles.AUTHORITY
LEVEL_AUTHORITY = {
    EscalationLevel.COMPLIANCE: 1,
    EscalationLevel.SENIOR: 2,
    EscalationLevel.COMMITTEE: 3,
}
DECISION_AUTHORITY = {"low": 1, "medium": 1, "high": 1, "critical": 3, "prohibited": 2}
FOUR_EYES_TIERS = frozenset({"high", "critical", "prohibited"})
AUTHORITY_NAMES = {
    1: "a compliance reviewer",
    2: "a senior reviewer",
    3: "a committee member",
    4: "an admin",
}
TOP_LEVEL = max(EscalationLevel.values)


def review_cases_visible_to(user) -> QuerySet[ReviewCase]:
    return ReviewCase.objects.all() if is_compliance(user) else ReviewCase.objects.none()


def information_requests_visible_to(user) -> QuerySet[InformationRequest]:
    """Compliance staff: all; others: the questions on deals they see."""
    qs = InformationRequest.objects.all()
    if is_compliance(user):
        return qs
    return qs.filter(case__opportunity__in=opportunities_visible_to(user))


def requests_answerable_by(user) -> QuerySet[InformationRequest]:
    """Questions this user answers (open or answered): those addressed to them, or on
    deals they own, on deals they still see. Anyone else finds no question at all (a 404,
    not a hint that the deal is under review)."""
    if not has_role(user):
        return InformationRequest.objects.none()
    return information_requests_visible_to(user).filter(
        Q(addressed_to=user) | Q(case__opportunity__owner=user)
    )


def why_not_answer(user, information_request: InformationRequest) -> str | None:
    if not information_request.is_open:
        return "This request has already been answered."
    opportunity = information_request.case.opportunity
    if user.pk not in (information_request.addressed_to_id, opportunity.owner_id):
        return "Only the person asked (or the deal's owner) answers this request."
    if not information_requests_visible_to(user).filter(pk=information_request.pk).exists():
        return "You can no longer see this deal."
    return None


def why_not_download_attachment(user, information_request: InformationRequest) -> str | None:
    """Compliance staff, the uploader, and colleagues of the uploader's organisation (the
    caller found the request through `information_requests_visible_to`)."""
    if not information_request.attachment:
        return "This answer has no file."
    if is_compliance(user):
        return None
    uploader = information_request.answered_by
    same_org = bool(
        uploader and user.organisation_id and uploader.organisation_id == user.organisation_id
    )
    if not is_signed_in(user) or not (uploader and (uploader.pk == user.pk or same_org)):
        return "Only compliance staff and the organisation that sent the file may open it."
    return None


def conditions_visible_to(user) -> QuerySet[CaseCondition]:
    """Compliance staff: every condition; anyone else: the conditions they own on deals
    they still see (a partner dropped from a deal's channel loses its conditions with the
    deal: the deal's visibility decides, as for its questions)."""
    if is_compliance(user):
        return CaseCondition.objects.all()
    if not is_signed_in(user):
        return CaseCondition.objects.none()
    return CaseCondition.objects.filter(
        owner=user, opportunity__in=opportunities_visible_to(user).values("pk")
    )


def why_not_fulfil(user, condition: CaseCondition) -> str | None:
    """Only the condition's owner, and only while it still sees the condition's deal."""
    if user.pk != condition.owner_id:
        return "Only the condition's owner marks it fulfilled."
    if not conditions_visible_to(user).filter(pk=condition.pk).exists():
        return "You can no longer see this deal."
    return None


def notifications_visible_to(user) -> QuerySet[Notification]:
    """One's own messages; those about a deal only while one may see the deal now
    (`opportunities_visible_to`), like the messages still to be sent (`who_may_hear_of`):
    a partner dropped from a deal's channel no longer reads what it was told of the deal.
    The rows stay, for the record. A message about a deal is one with its case, or one
    whose audit event names the deal (an invitation to it); messages about no deal (a
    due-diligence profile, a probing report to compliance staff) are always read."""
    if not is_signed_in(user):
        return Notification.objects.none()
    own = Notification.objects.filter(recipient=user)
    if is_compliance(user):  # every deal
        return own
    visible = opportunities_visible_to(user).values("pk")
    # A message without a case may still be about a deal (an invitation to one): its
    # audit event names the deal.
    about_hidden_deal = AuditEvent.objects.filter(
        pk=OuterRef("event_id"), opportunity_id__isnull=False
    ).exclude(opportunity_id__in=visible)
    return own.filter(
        Q(case__opportunity__in=visible) | (Q(case=None) & ~Exists(about_hidden_deal))
    )


def who_may_hear_of(opportunity, users: Sequence) -> set[int]:
    """The ids of those of `users` a message about this deal (inbox, email) may reach
    now: only those who still see the deal, as `opportunities_visible_to` decides (a
    partner dropped from its channel, asked a question or given a condition before, hears
    nothing more of it: not the decision nor its feedback). One query for all of them."""
    users = list(users)
    return {
        u.pk
        for u, seen in zip(users, opportunity_seen_by(opportunity.pk, users), strict=True)
        if seen
    }


def mitigations_visible_to(user) -> QuerySet[Mitigation]:
    """The mitigation library, for anyone with a role (conditions name its entries)."""
    if not has_role(user):
        return Mitigation.objects.none()
    return Mitigation.objects.filter(active=True)


def why_not_work_queue(user) -> str | None:
    if not is_compliance(user):
        return "Only compliance staff work the review queue."
    return None


def why_not_set_targets(user) -> str | None:
    if not is_admin(user):
        return "Only admins change review targets."
    return None


def authority(user) -> int:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return 0
    if user.is_superuser:
        return ROLE_AUTHORITY[roles.Role.ADMIN]
    return ROLE_AUTHORITY.get(user.role, 0)


def decision_authority_needed(case: ReviewCase) -> int:
    return max(DECISION_AUTHORITY.get(case.tier, 1), LEVEL_AUTHORITY[case.escalation_level])


def needs_four_eyes(case: ReviewCase) -> bool:
    return case.tier in FOUR_EYES_TIERS


def _channel_org_ids(opportunity) -> set[int]:
    cached = getattr(opportunity, "_channel_org_ids", None)
    if cached is None:
        cached = set(opportunity.channel.values_list("organisation_id", flat=True))
        opportunity._channel_org_ids = cached
    return cached


def conflict_of_interest(user, opportunity) -> str | None:
    """Why `user` must not review `opportunity`, or None."""
    if opportunity.owner_id == user.pk:
        return "You submitted this deal; another reviewer must review it."
    org_id = user.organisation_id
    if org_id and user.organisation.role != "vendor":
        if org_id == opportunity.submitted_by_organisation_id or org_id in _channel_org_ids(
            opportunity
        ):
            return (
                f"Your organisation ({user.organisation.name}) is in this deal's channel; "
                "another reviewer must review it."
            )
    return None


def why_not_work(user, case: ReviewCase) -> str | None:
    """May `user` work on this case at its current level at all?"""
    level_needed = LEVEL_AUTHORITY[case.escalation_level]
    if authority(user) < 1:
        return "Only compliance reviewers work on review cases."
    if authority(user) < level_needed:
        return (
            f"This case is at the {EscalationLevel(case.escalation_level).label.lower()} level: "
            f"it needs {AUTHORITY_NAMES[level_needed]} or above."
        )
    return conflict_of_interest(user, case.opportunity)


def _state(case: ReviewCase, transition: str) -> str | None:
    if not transition_allowed(transition, case.status):
        return f"A case that is {case.get_status_display().lower()} cannot be moved that way."
    return None


def why_not_claim(user, case: ReviewCase) -> str | None:
    return (
        _state(case, "claim")
        or why_not_work(user, case)
        or (
            f"{case.assignee.username} has already claimed this case." if case.assignee_id else None
        )
    )


def why_not_assign(actor, case: ReviewCase) -> str | None:
    if authority(actor) < 2:
        return "Only senior reviewers, committee members and admins assign cases."
    return _state(case, "assign") or why_not_work(actor, case)


def why_not_assignee(user, case: ReviewCase) -> str | None:
    reason = why_not_work(user, case)
    return (
        f"{user.username} cannot take this case: {reason[0].lower()}{reason[1:]}"
        if reason
        else None
    )


def _assignee_only(user, case: ReviewCase) -> str | None:
    if case.assignee_id != user.pk:
        return "Only the reviewer who has claimed the case can do that; claim it first."
    return None


def why_not_request_information(user, case: ReviewCase) -> str | None:
    return (
        _state(case, "request_information")
        or why_not_work(user, case)
        or _assignee_only(user, case)
    )


def why_not_recommend(user, case: ReviewCase) -> str | None:
    return _state(case, "recommend") or why_not_work(user, case) or _assignee_only(user, case)


def why_not_send_back(user, case: ReviewCase) -> str | None:
    return (
        _state(case, "send_back")
        or why_not_work(user, case)
        or (
            "Only a reviewer who could decide the case sends a recommendation back."
            if authority(user) < decision_authority_needed(case)
            else None
        )
    )


def why_not_decide(user, case: ReviewCase, outcome: str | None = None) -> str | None:
    reason = _state(case, outcome or "approve") or why_not_work(user, case)
    if reason:
        return reason
    needed = decision_authority_needed(case)
    if authority(user) < needed:
        return f"A {case.tier} case at this level must be decided by {AUTHORITY_NAMES[needed]} or above."
    if needs_four_eyes(case):
        if case.status != ReviewCase.Status.RECOMMENDED:
            return (
                f"A {case.tier} deal needs four eyes: one reviewer recommends, "
                "a second reviewer decides."
            )
        if case.recommended_by_id == user.pk:
            return "You recommended this case; a second reviewer must decide it (four eyes)."
    elif case.status == ReviewCase.Status.IN_REVIEW and case.assignee_id != user.pk:
        return "Only the reviewer who has claimed the case can decide it now."
    approving = outcome in ("approve", "approve_with_conditions")
    if case.tier == "prohibited" and approving and case.hard_stop_cleared_at is None:
        return "A prohibited deal is released only after a senior reviewer clears the hard stop."
    return None


def why_not_escalate(user, case: ReviewCase) -> str | None:
    reason = _state(case, "escalate") or why_not_work(user, case)
    if reason:
        return reason
    if case.escalation_level >= TOP_LEVEL:
        return "The case is already with the executive committee, the top level."
    return None


def why_not_clear_hard_stop(user, case: ReviewCase) -> str | None:
    if case.tier != "prohibited":
        return "Only a prohibited deal has a hard stop to clear."
    if not case.is_open:
        return "The case is closed."
    if case.hard_stop_cleared_at:
        return "The hard stop is already cleared."
    if authority(user) < 2:
        return "Only a senior reviewer or above clears a hard stop."
    return why_not_work(user, case)


ACTIONS = {
    "claim": why_not_claim,
    "assign": why_not_assign,
    "request_information": why_not_request_information,
    "recommend": why_not_recommend,
    "send_back": why_not_send_back,
    "decide": why_not_decide,
    "escalate": why_not_escalate,
    "clear_hard_stop": why_not_clear_hard_stop,
}


def allowed_actions(user, case: ReviewCase) -> dict[str, bool]:
    """Which actions to offer `user` on `case` (the services check again when used)."""
    return {name: check(user, case) is None for name, check in ACTIONS.items()}


def why_not_see_inconsistencies(user) -> str | None:
    """The report of like deals decided unlike is for the human-rights lead and above."""
    if authority(user) < 2:
        return (
            "Only the human-rights lead (senior reviewers and above) sees inconsistent decisions."
        )
    return None
