from __future__ import annotations

from django.db import models


class InstallationSetup(models.Model):
    """The one record that the installation was set up (vendor and first admin).

    Its primary key is always 1: two set-ups racing each other (a double-clicked form,
    two browsers on a fresh install) insert the same row, so the database lets exactly
    one of them through, whatever the isolation level.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    set_up_at = models.DateTimeField(auto_now_add=True)
    via = models.CharField(max_length=20)  # "command" or "web"

    def __str__(self) -> str:
        return f"Set up on {self.set_up_at:%Y-%m-%d} ({self.via})"
