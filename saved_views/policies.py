"""Saved views are their owner's alone: nobody else sees, opens or deletes one (not even
an admin; another user's view is a 404, not a hint that it exists)."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.policies import is_signed_in

from .models import SavedView

MAX_PER_LIST = 50


def saved_views_visible_to(user) -> QuerySet[SavedView]:
    if not is_signed_in(user):
        return SavedView.objects.none()
    return SavedView.objects.filter(user=user)


def why_not_delete(user, saved_view: SavedView) -> str | None:
    if not is_signed_in(user) or saved_view.user_id != user.pk:
        return "Only the person who saved a view may delete it."
    return None
