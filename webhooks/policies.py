"""Who may manage webhooks: admins only (endpoints carry deal data out of the application)."""

from __future__ import annotations

from accounts.policies import is_admin


def why_not_manage_webhooks(user) -> str | None:
    if not is_admin(user):
        return "Only admins register webhook endpoints."
    return None
