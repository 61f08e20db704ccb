"""`{% leverage_for o screening user as lev %}`: the deal's steps per channel position,
for the viewer: a partner user sees its own organisation's positions only."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext

from accounts.policies import partner_organisation_id
from opportunities.presenters import HELD, status_for_viewer

from ..leverage import leverage_by_position

register = template.Library()


@register.simple_tag
def leverage_for(opportunity, screening, user) -> list:
    if not screening:
        return []
    entries = list(opportunity.channel.all())
    own = partner_organisation_id(user)
    roles = [e.role for e in entries if own is None or e.organisation_id == own]
    # The hold as the viewer is shown it (the projection), so the steps agree with the banner.
    held = status_for_viewer(opportunity, user)[0] in HELD
    rows = leverage_by_position(
        roles=roles,
        findings=screening.get("findings", []),
        tier=screening.get("tier", "low"),
        held=held,
    )
    rows = rows[1:] if own is not None else rows  # partners are not told the vendor's steps
    # In the reader's language where the catalogue has the words (positions are role names).
    return [(gettext(position), [gettext(step) for step in steps]) for position, steps in rows]


@register.simple_tag
def partners_to_invite(opportunity, user) -> list:
    from ..policies import partners_to_invite as below

    return below(user, opportunity)
