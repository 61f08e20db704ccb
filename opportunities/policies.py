"""Who sees which deals and products, and who may register or change a deal. Pages, the
API, exports and the services all ask here.

Deals:
- compliance staff (reviewers, senior reviewers, committee members, admins): every deal;
- sales reps: the deals they own and those owned by members of their team;
- partner users: deals where their organisation is in the channel or submitted it;
- anyone else: none. A deal you may not see answers 404, in pages and API alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.policies import has_role, is_compliance, is_sales_rep, partner_organisation_id

from .models import ChannelEntry, Opportunity, Product

# The rules of who sees which deals, by name (`opportunity_scope`).
EVERY_DEAL = "every deal"
OWN_AND_TEAMS = "own and the team's"
OWN = "own"
ORGANISATION_S = "the organisation's"
NONE = "none"


def opportunity_scope(user) -> tuple[str, dict[str, int]]:
    """Which rule decides what `user` sees, and its values (read from the user as they
    are now). The rule's name and this module's code make the statement; the values are
    the viewer's, so a read compiled once per rule (`hrdd.compiled`) runs with them."""
    if is_compliance(user):
        return EVERY_DEAL, {}
    if is_sales_rep(user):
        if user.team_id:
            return OWN_AND_TEAMS, {"user": user.pk, "team": user.team_id}
        return OWN, {"user": user.pk}
    org_id = partner_organisation_id(user)
    if org_id:
        return ORGANISATION_S, {"organisation": org_id}
    return NONE, {}


def opportunities_in_scope(rule: str, values: Mapping[str, int]) -> QuerySet[Opportunity]:
    """The deals one rule of `opportunity_scope` shows, with its values."""
    qs = Opportunity.objects.all()
    if rule == EVERY_DEAL:
        return qs
    if rule == OWN_AND_TEAMS:
        # The team's members in a subquery: the deal list needs no join to users.
        from django.contrib.auth import get_user_model

        team = get_user_model().objects.filter(team_id=values["team"]).values("pk")
        return qs.filter(Q(owner_id=values["user"]) | Q(owner_id__in=team))
    if rule == OWN:
        return qs.filter(owner_id=values["user"])
    if rule == ORGANISATION_S:
        org_id = values["organisation"]
        in_channel = ChannelEntry.objects.filter(opportunity=OuterRef("pk"), organisation_id=org_id)
        return qs.filter(Q(submitted_by_organisation_id=org_id) | Exists(in_channel))
    return qs.none()


def opportunities_visible_to(user) -> QuerySet[Opportunity]:
    return opportunities_in_scope(*opportunity_scope(user))


def opportunity_seen_by(opportunity_id: int, users: Sequence) -> list[bool]:
    """For each of `users` (saved or not), may they see this deal now? The decision of
    `opportunities_visible_to`, asked for many people in one query: each distinct read
    scope is one EXISTS test, so the colleagues of one partner, or all compliance staff,
    share a test, and a message to fifty people costs one read, not fifty."""
    names: dict[tuple, str] = {}
    tests: dict[str, Exists] = {}
    asked: list[str | None] = []
    for user in users:
        scope = opportunities_visible_to(user)
        if scope.query.is_empty():
            asked.append(None)
            continue
        sql, params = scope.query.sql_with_params()
        name = names.setdefault((sql, tuple(params)), f"seen_{len(names)}")
        tests.setdefault(name, Exists(scope.filter(pk=OuterRef("pk"))))
        asked.append(name)
    if not tests:
        return [False] * len(asked)
    row = (
        Opportunity.objects.filter(pk=opportunity_id).annotate(**tests).values(*tests).first() or {}
    )
    return [bool(name and row.get(name)) for name in asked]


def products_visible_to(user) -> QuerySet[Product]:
    """The active catalogue, for anyone who registers or reviews deals."""
    if not has_role(user):
        return Product.objects.none()
    return Product.objects.filter(active=True)


def why_not_register(user) -> str | None:
    if not has_role(user) or not user.organisation_id:
        return "Your account is not linked to an organisation; ask an admin to set it."
    return None


def why_not_edit(user, opportunity: Opportunity) -> str | None:
    """Compliance staff, or the deal's owner while they still act for it: a sales rep, or
    a partner user of the organisation that submitted it (one who has moved to another
    organisation no longer speaks for the deal). Complete on its own, so the form, the
    API and `opportunity_update` itself all decide with it."""
    if is_compliance(user):
        return None
    if opportunity.owner_id == user.pk and (
        is_sales_rep(user)
        or partner_organisation_id(user) == opportunity.submitted_by_organisation_id
    ):
        return None
    return "Only the deal's owner can change it."


def why_not_reuse_external_id(user, existing: Opportunity) -> str | None:
    """Registering an external_id the organisation already used returns that deal, but
    only to someone who may see it: a deal you may not see is never "the existing one"."""
    if opportunities_visible_to(user).filter(pk=existing.pk).exists():
        return None
    return (
        f"The CRM id {existing.external_id} is already used by another deal of your "
        "organisation that you cannot see. Use a different external_id for this deal."
    )
