"""Who sees and does what with partners' due-diligence questionnaires.

- Compliance staff: every questionnaire; they send, return and accept.
- A partner user: its own organisation's questionnaires only; it answers, attaches
  evidence, submits or declines. Another organisation's ids are a 404, not a 403.
- Sales reps and everyone else: none. The reviewer's note never reaches a partner (the
  partner pages and the export leave it out by an allow-list of fields).

Each `why_not_*` returns None when the user may act, or a sentence saying why not.
"""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.policies import is_compliance, partner_organisation_id
from taxonomy import INTERMEDIARY_ROLES

from .models import Evidence, Questionnaire
from .workflow import transition_allowed


def questionnaires_visible_to(user) -> QuerySet[Questionnaire]:
    qs = Questionnaire.objects.all()
    if is_compliance(user):
        return qs
    org_id = partner_organisation_id(user)
    if org_id:
        return qs.filter(organisation_id=org_id)
    return qs.none()


def evidence_visible_to(user) -> QuerySet[Evidence]:
    return Evidence.objects.filter(questionnaire__in=questionnaires_visible_to(user))


def why_not_send(user, organisation) -> str | None:
    if not is_compliance(user):
        return "Only compliance staff send the due-diligence questionnaire."
    if organisation.role not in INTERMEDIARY_ROLES:
        return "The questionnaire is for channel partners (distributors, resellers, integrators, agents)."
    return None


def why_not_answer(user, questionnaire: Questionnaire) -> str | None:
    if partner_organisation_id(user) != questionnaire.organisation_id:
        return "Only the partner's own users answer its questionnaire."
    if not questionnaire.answerable:
        return "This questionnaire is not open for answers."
    return None


def why_not_review(user, questionnaire: Questionnaire, transition: str = "accept") -> str | None:
    if not is_compliance(user):
        return "Only compliance staff review questionnaires."
    if not transition_allowed(transition, questionnaire.status):
        return "Only an answered questionnaire can be reviewed."
    return None


def may_see_reviewer_note(user) -> bool:
    return is_compliance(user)
