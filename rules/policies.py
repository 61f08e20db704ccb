"""Who reads and edits the criteria. Compliance staff read every version (they explain
findings with them); only admins draft, preview, import and publish. The system (actor
None: migrations, the demo loader) may edit too."""

from __future__ import annotations

from accounts.policies import is_admin, is_compliance


def why_not_read_criteria(user) -> str | None:
    if not is_compliance(user):
        return "Only compliance staff see the criteria."
    return None


def why_not_edit_criteria(user) -> str | None:
    if user is not None and not is_admin(user):
        return "Only admins edit criteria."
    return None
