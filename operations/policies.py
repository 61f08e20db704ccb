"""Who may read the operators' endpoints. /health/ is open (it names no host, secret or
record); /metrics/ counts work, imports and SLA breaches, so it is for admins or a
scraper holding METRICS_TOKEN."""

from __future__ import annotations

import hmac

from django.conf import settings

from accounts.policies import is_admin


def why_not_scrape_metrics(user, authorization: str = "") -> str | None:
    token = settings.METRICS_TOKEN
    if token and authorization.startswith("Bearer "):
        if hmac.compare_digest(authorization.removeprefix("Bearer ").strip(), token):
            return None
    if is_admin(user):
        return None
    return "Metrics need an admin's session or the metrics token."
