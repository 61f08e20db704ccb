"""Revoke a user's API tokens whenever their password changes.

Django calls `password_changed` on every configured password validator after a new
password is saved, whichever way it was set (the account page, the admin, a reset, the
`changepassword` command), so this is the one place that sees every change.
"""

from __future__ import annotations


class RevokeApiTokensOnPasswordChange:
    def validate(self, password, user=None) -> None:
        return None

    def password_changed(self, password, user=None) -> None:
        if user is not None and user.pk:
            from .services import user_tokens_revoke

            user_tokens_revoke(user=user, actor=user, reason="password changed")

    def get_help_text(self) -> str:
        return "Changing your password revokes your API tokens."
