"""What each review event says, and to whom: the messages (recipients, title, body,
link) `reviews.notifications` puts in inboxes and emails. Non-reviewers get the deal's
page and words meant for them, never reviewers' internal notes; whether each recipient may
still hear of the deal is decided where the messages are sent."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import LEVEL_ROLES, Role
from audit.models import AuditEvent
from taxonomy import words

from . import policies
from .models import CaseCondition, EscalationLevel, InformationRequest, ReviewCase


def level_users(level: int, case: ReviewCase | None = None) -> list[User]:
    """The people who work a level (admins when nobody holds its role), minus the conflicted."""
    users = list(
        User.objects.filter(role=LEVEL_ROLES[level], is_active=True).select_related("organisation")
    )
    if not users:
        users = list(
            User.objects.filter(
                Q(role=Role.ADMIN) | Q(is_superuser=True), is_active=True
            ).select_related("organisation")
        )
    if case is not None:
        users = [u for u in users if policies.conflict_of_interest(u, case.opportunity) is None]
    return users


def _deciders(case: ReviewCase) -> list[User]:
    needed = policies.decision_authority_needed(case)
    roles = [r for r, a in policies.ROLE_AUTHORITY.items() if a >= needed]
    users = User.objects.filter(
        Q(role__in=roles) | Q(is_superuser=True), is_active=True
    ).select_related("organisation")
    return [
        u
        for u in users
        if u.pk != case.recommended_by_id
        and policies.conflict_of_interest(u, case.opportunity) is None
    ]


def _case_url(case: ReviewCase) -> str:
    return reverse("review-case", args=[case.pk])


def _opportunity_url(case: ReviewCase) -> str:
    return reverse("opportunity-detail", args=[case.opportunity_id])


def _one(user_id) -> list[User]:
    return list(User.objects.filter(pk=user_id, is_active=True)) if user_id else []


# Re-screenings started by a change in the world (monitoring), and what submitters read.
RECHECK_TRIGGERS = ("list_update", "country_data", "partner_factors", "criteria_published")
RECHECK_TOLD = (
    "{ref} {title} was checked again after its approval and is back in compliance review. "
    "Do not proceed with the sale or delivery until compliance clears it; compliance may "
    "ask you for information on the deal's page."
)


def _submitters(case: ReviewCase) -> list[User]:
    """The deal's owner, whoever was asked questions on it and the owners of its
    conditions (on this case or an earlier one of the deal), minus compliance staff."""
    ids = {case.opportunity.owner_id}
    ids |= set(
        InformationRequest.objects.filter(case=case).values_list("addressed_to_id", flat=True)
    )
    ids |= set(
        CaseCondition.objects.filter(opportunity_id=case.opportunity_id).values_list(
            "owner_id", flat=True
        )
    )
    # In a fixed order: messages are built again, by index, in each recipient's language.
    users = User.objects.filter(pk__in=ids, is_active=True).order_by("pk")
    return [u for u in users if not u.is_reviewer]


Message = tuple[list[User], str, str, str]  # (recipients, title, body, url)


@dataclass(frozen=True)
class _About:
    """What every message of one event is written from."""

    event: AuditEvent
    case: ReviewCase
    action: str  # the verb after the dot: "escalate", "approve", "overdue"…
    changes: dict

    @property
    def ref(self) -> str:
        return self.case.opportunity.reference

    @property
    def title(self) -> str:
        return self.case.opportunity.title

    def assignee_or_level(self) -> list[User]:
        return _one(self.case.assignee_id) or level_users(self.case.escalation_level, self.case)


def messages_for(event: AuditEvent, case: ReviewCase) -> list[Message]:
    """(recipients, title, body, url) for one event. Non-reviewers get the deal's page and
    words meant for them, never reviewers' internal notes."""
    about = _About(event, case, event.action.split(".", 1)[1], event.changes or {})
    if event.action.startswith("condition."):
        return _condition_messages(about)
    write = _BY_ACTION.get(event.action) or _BY_VERB.get(about.action)
    return write(about) if write else []


def _opened(a: _About) -> list[Message]:
    case, ch = a.case, a.changes
    reason = words.humanise(ch.get("reason", "flagged")).lower()
    out = [
        (
            level_users(case.escalation_level, case),
            f"New {case.tier} case: {a.ref}",
            f"{a.ref} {a.title} needs review ({reason}).",
            _case_url(case),
        )
    ]
    if ch.get("previous_case_id") and (
        case.screening.trigger in RECHECK_TRIGGERS or case.concerns.exists()
    ):
        # A decided deal reopened by a re-check or a concern (a misuse report): the
        # submitters hear that it is held, in the same words whatever the cause (silence
        # for one cause would tell it apart), never why.
        out.append(
            (
                _submitters(case),
                f"{a.ref} is back in compliance review",
                RECHECK_TOLD.format(ref=a.ref, title=a.title),
                _opportunity_url(case),
            )
        )
    return out


def _condition_lapsed(a: _About) -> list[Message]:
    """The lapsed condition's owner reads which condition and what to do; the other
    submitters that the deal is held, in a re-check's words (the condition is not theirs
    to read: see `_conditions_owned`)."""
    owner_id = (
        CaseCondition.objects.filter(pk=a.changes.get("condition_id"))
        .values_list("owner_id", flat=True)
        .first()
    )
    people = _submitters(a.case)
    title, url = f"{a.ref} is back in compliance review", _opportunity_url(a.case)
    return [
        ([u for u in people if u.pk == owner_id], title, a.event.comment, url),
        (
            [u for u in people if u.pk != owner_id],
            title,
            RECHECK_TOLD.format(ref=a.ref, title=a.title),
            url,
        ),
    ]


def _escalated(a: _About) -> list[Message]:
    to_level = a.changes.get("to_level", a.case.escalation_level)
    level = EscalationLevel(to_level).label
    return [
        (
            level_users(to_level, a.case),
            f"Escalated to you: {a.ref}",
            f"{a.ref} {a.title} was escalated to the {level.lower()} level. {a.event.comment}",
            _case_url(a.case),
        )
    ]


def _assigned(a: _About) -> list[Message]:
    return [
        (
            _one(a.changes.get("assignee_id")),
            f"Case assigned to you: {a.ref}",
            f"{a.ref} {a.title}",
            _case_url(a.case),
        )
    ]


def _information_requested(a: _About) -> list[Message]:
    info = InformationRequest.objects.get(pk=a.changes["request_id"])
    ask = _("Please answer these questions on the deal's page:")
    if info.due_date:
        ask = _("Please answer by %(day)s, on the deal's page:") % {"day": words.day(info.due_date)}
    return [
        (
            _one(a.changes.get("addressed_to_id")),
            _("Compliance needs information on %(ref)s") % {"ref": a.ref},
            ask + "\n\n" + info.questions,
            f"{_opportunity_url(a.case)}#question-{info.pk}",
        )
    ]


def _answered(a: _About) -> list[Message]:
    return [
        (
            a.assignee_or_level(),
            f"Answer received on {a.ref}",
            f"{a.ref} {a.title}: the submitter answered.",
            _case_url(a.case),
        )
    ]


def _recommended(a: _About) -> list[Message]:
    return [
        (
            _deciders(a.case),
            f"Decision needed: {a.ref}",
            f"{a.ref} {a.title} ({a.case.tier}) has a recommendation and needs a second "
            "reviewer's decision.",
            _case_url(a.case),
        )
    ]


def _another_look(a: _About) -> list[Message]:
    return [
        (
            a.assignee_or_level(),
            f"{a.ref}: {a.action.replace('_', ' ')}",
            a.event.comment or f"{a.ref} {a.title} needs another look.",
            _case_url(a.case),
        )
    ]


def _decided(a: _About) -> list[Message]:
    decision = getattr(a.case, "decision", None)
    outcome = {
        "approve": _("approved"),
        "approve_with_conditions": _("approved with conditions"),
        "reject": _("rejected"),
    }[a.action]
    body = _("%(ref)s %(title)s was %(outcome)s.") % {
        "ref": a.ref,
        "title": a.title,
        "outcome": outcome,
    }
    if decision and decision.feedback:
        body += f"\n\n{decision.feedback}"
    # Each submitter reads the conditions they own, as on the deal's page: a condition put
    # on one partner says what compliance found about it, which the others must not learn.
    conditions = _decision_conditions(a.case) if decision else []
    out = [
        (
            [user],
            f"{a.ref} {outcome}",
            body + _conditions_owned(conditions, user),
            _opportunity_url(a.case),
        )
        for user in _submitters(a.case)
    ]
    if decision and decision.recommended_by_id:
        out.append(
            (
                _one(decision.recommended_by_id),
                f"{a.ref} {outcome}",
                f"{a.ref} {a.title} was {outcome}.",
                _case_url(a.case),
            )
        )
    return out


def _decision_conditions(case: ReviewCase) -> list[CaseCondition]:
    """The decided case's conditions, in the order the reviewer gave them."""
    return list(case.conditions.select_related("mitigation", "owner").order_by("id"))


def _conditions_owned(conditions: list[CaseCondition], user) -> str:
    """The conditions that `user` owns, as lines of a message ("" if none). Matched by
    the owner's id, not the name frozen in the decision: a user renamed since, or another
    given the old name, must not read someone else's condition."""
    owned = [c for c in conditions if c.owner_id == user.pk]
    if not owned:
        return ""
    return (
        "\n\n"
        + _("Conditions:")
        + "\n"
        + "\n".join(
            "- "
            + _("%(name)s (owner %(owner)s, due %(due)s)")
            % {"name": c.mitigation.name, "owner": c.owner.username, "due": words.day(c.due_date)}
            for c in owned
        )
    )


def _condition_messages(a: _About) -> list[Message]:
    condition = (
        CaseCondition.objects.select_related("mitigation", "case")
        .filter(pk=a.changes.get("condition_id"))
        .first()
    )
    if condition is None:
        return []
    name, decider = condition.mitigation.name, getattr(a.case, "decision", None)
    if a.action == "overdue":
        level = a.changes.get("level", 1)
        people = _one(condition.owner_id) + (_one(decider.decided_by_id) if decider else [])
        if level >= 2:
            people += level_users(min(level, 3), a.case)
        return [
            (
                people,
                _("Overdue condition on %(ref)s") % {"ref": a.ref},
                _("Condition '%(name)s' was due on %(due)s and is not fulfilled.")
                % {"name": name, "due": condition.due_date.isoformat()},
                reverse("review-conditions"),
            )
        ]
    if a.action == "fulfil":
        people = _one(decider.decided_by_id) if decider else level_users(1, a.case)
        return [
            (
                people,
                f"Condition fulfilled on {a.ref}: please verify",
                f"'{name}': {condition.evidence_note}",
                reverse("review-conditions"),
            )
        ]
    if a.action == "handed_over":
        title, body = (
            _("A condition on %(ref)s is now yours"),
            _("'%(name)s' is yours to meet: its owner left the deal."),
        )
    elif a.action == "verify":
        title, body = _("Condition verified on %(ref)s"), _("'%(name)s' verified.")
    elif a.action == "reject_evidence":
        title, body = (
            _("Condition needs more evidence on %(ref)s"),
            _("'%(name)s' needs more evidence."),
        )
    else:
        return []
    return [
        (
            _one(condition.owner_id),
            title % {"ref": a.ref},
            f"{body % {'name': name}} {a.event.comment}",
            reverse("review-conditions"),
        )
    ]


# Who hears of which event: by its whole action first, then by its verb.
_BY_ACTION = {
    "review_case.opened": _opened,
    "review_case.condition_lapsed": _condition_lapsed,
}
_BY_VERB = {
    "escalate": _escalated,
    "assign": _assigned,
    "request_information": _information_requested,
    "answer": _answered,
    "answered": _answered,
    "recommend": _recommended,
    "send_back": _another_look,
    "tier_raised": _another_look,
    "deal_changed": _another_look,
    "hard_stop_cleared": _another_look,
    "approve": _decided,
    "approve_with_conditions": _decided,
    "reject": _decided,
}


def compliance_staff() -> list[User]:
    """Reviewers and senior reviewers (admins when nobody holds those roles)."""
    return list({u.pk: u for u in level_users(1) + level_users(2)}.values())
