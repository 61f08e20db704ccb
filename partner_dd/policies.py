"""Who sees and does what with partners' due-diligence questionnaires.

- Compliance staff: every questionnaire; they send, return and accept.
- A partner user: its own organisation's questionnaires only; it answers, attaches
  evidence, submits or declines. Another organisation's ids are a 404, not a 403.
- Partner profiles follow the organisation register (`partners.policies`): a partner
  user opens its own organisation's profile only, another's is a 404. A distributor's
  users see the names, roles and countries of the partners below it in its deals (to
  invite them), never their assessment: a partner's due diligence reaches another
  partner only in the export it signs and hands over itself.
- Sales reps and everyone else: no questionnaire. The reviewer's note never reaches a partner (the
  partner pages and the export leave it out by an allow-list of fields).

Each `why_not_*` returns None when the user may act, or a sentence saying why not.
"""

from __future__ import annotations

from django.db.models import F, QuerySet

from accounts.policies import is_compliance, partner_organisation_id
from opportunities.models import ChannelEntry
from partners.models import Organisation
from partners.policies import organisations_visible_to
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


def partners_below(organisation_id: int) -> QuerySet[Organisation]:
    """Intermediaries placed after this distributor in the channel of a deal it is in."""
    below = ChannelEntry.objects.filter(
        role__in=INTERMEDIARY_ROLES,
        opportunity__channel__organisation_id=organisation_id,
        opportunity__channel__role="distributor",
        position__gt=F("opportunity__channel__position"),
    ).exclude(organisation_id=organisation_id)
    return Organisation.objects.filter(pk__in=below.values("organisation_id"))


def profiles_visible_to(user) -> QuerySet[Organisation]:
    return organisations_visible_to(user)


def why_not_invite(user, opportunity, organisation) -> str | None:
    """A distributor's user may invite the users of a partner below it in this deal."""
    org_id = partner_organisation_id(user)
    entries = list(opportunity.channel.all())
    mine = [e.position for e in entries if e.organisation_id == org_id and e.role == "distributor"]
    if not org_id or not mine:
        return "Only a distributor in this deal invites the partners below it."
    below = {
        e.organisation_id
        for e in entries
        if e.position > min(mine) and e.role in INTERMEDIARY_ROLES
    }
    if organisation.pk not in below - {org_id}:
        return "That partner is not below you in this deal."
    return None


def partners_to_invite(user, opportunity) -> list:
    """The partners below the viewer's distributor in this deal (empty for anyone else)."""
    entries = list(opportunity.channel.select_related("organisation"))
    return [
        e.organisation for e in entries if why_not_invite(user, opportunity, e.organisation) is None
    ]
