"""A user's saved views of a list: a name for a list's filters and order.

A saved view stores query parameters only, each one the list's filterset accepts
(`services.saved_view_save` checks them). Opening it opens the list with them, and the
list always starts from its `*_visible_to(user)` scope: a saved view narrows what its
owner may see, never widens it. Only its owner sees, opens or deletes it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SavedView(models.Model):
    class List(models.TextChoices):
        DEALS = "deals", "Deals"
        QUEUE = "queue", "Review queue"
        MY_CASES = "my-cases", "My cases"
        CONDITIONS = "conditions", "Conditions"
        IMPORTS = "imports", "Channel imports"
        INBOX = "inbox", "Inbox"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_views"
    )
    list_name = models.CharField(max_length=20, choices=List.choices)
    name = models.CharField(max_length=80)
    params = models.JSONField(default=dict, help_text="Query parameters: name -> list of values")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "list_name", "name"], name="saved_view_name_once_per_list"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_list_name_display()})"
