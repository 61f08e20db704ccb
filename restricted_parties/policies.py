"""Who uses restricted-party screening. Compliance staff only: telling a sales rep or a
partner user that a name is listed would be tipping-off. Admins import the lists."""

from __future__ import annotations

from accounts.policies import is_admin, is_compliance


def why_not_screen(user) -> str | None:
    """Search the lists, read them, mark false positives."""
    if not is_compliance(user):
        return "Only compliance reviewers and admins may use restricted-party screening."
    return None


def why_not_import_lists(user) -> str | None:
    if user is not None and not is_admin(user):
        return "Only admins may import restricted-party lists."
    return None


def why_not_set_thresholds(user) -> str | None:
    """Change the match and possible-match thresholds."""
    if user is None or not is_admin(user):
        return "Only admins may change the match thresholds."
    return None
