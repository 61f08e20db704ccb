"""Reads of saved views, from the owner-only scope in `policies.py`."""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import QuerySet
from django.urls import reverse

from .lists import LISTS
from .models import SavedView
from .policies import saved_views_visible_to


def saved_views_for(*, user, list_name: str) -> QuerySet[SavedView]:
    return saved_views_visible_to(user).filter(list_name=list_name)


def saved_view_get(*, user, pk: int) -> SavedView | None:
    return saved_views_visible_to(user).filter(pk=pk).first()


def saved_view_url(saved_view: SavedView) -> str:
    """The list's page with the saved filters and order."""
    base = reverse(LISTS[saved_view.list_name].url_name)
    query = urlencode(saved_view.params, doseq=True)
    return f"{base}?{query}" if query else base
