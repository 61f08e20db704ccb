"""Changing users: removal (deactivation when the audit trail names them) and API tokens."""

from __future__ import annotations

from typing import Literal

from django.db import transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils import timezone
from rest_framework.authtoken.models import Token

from audit.services import audit_record

from .authentication import token_expires_at
from .models import User


def user_delete(*, user: User, actor: User | None) -> Literal["deleted", "deactivated"]:
    """Delete a user, or deactivate them when records must keep naming them.

    The audit trail is append-only and keeps who did what, so a user it names (or any row
    that protects its user) is never deleted: they are deactivated, can no longer sign in,
    and their API tokens are revoked.
    """
    try:
        with transaction.atomic():
            user.delete()
        return "deleted"
    except (ProtectedError, RestrictedError):
        pass
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(is_active=False)
        user.is_active = False
        user_tokens_revoke(user=user, actor=actor, reason="user deactivated")
        audit_record(
            actor=actor,
            action="user.deactivated",
            object_type="user",
            object_id=user.pk,
            comment=f"{user.username} deactivated instead of deleted: the audit trail names them.",
        )
    return "deactivated"


def user_token_issue(*, user: User) -> Token:
    """The user's API token: the current one while it lasts, else a new one."""
    token = Token.objects.filter(user=user).first()
    if token is not None and token_expires_at(token.created) > timezone.now():
        return token
    if token is not None:
        Token.objects.filter(pk=token.pk).delete()
    # get_or_create: two requests at once end with the same new token, not an error
    return Token.objects.get_or_create(user=user)[0]


def user_tokens_revoke(*, user: User, actor: User | None = None, reason: str = "") -> int:
    """Revoke every API token of the user; return how many there were (audited if any)."""
    with transaction.atomic():
        deleted, _ = Token.objects.filter(user=user).delete()
        if deleted:
            audit_record(
                actor=actor,
                action="user.api_token_revoked",
                object_type="user",
                object_id=user.pk,
                comment=reason,
            )
    return deleted
