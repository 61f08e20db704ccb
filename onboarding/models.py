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


class SetupCode(models.Model):
    """The one-time code that opens the web set-up of a fresh installation.

    Printed to the server's log when issued, never shown on a page: whoever reaches
    `/setup/` first must also read the server's console, as with Jupyter's token. Only its
    hash is kept (Django's password hashers). Wrong codes are counted here, not per
    process, so every web worker agrees on the lock-out. One row at most (primary key 1);
    the set-up deletes it, so a code opens the set-up once.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    code_hash = models.CharField(max_length=200)
    issued_at = models.DateTimeField()
    failures = models.PositiveSmallIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Setup code issued {self.issued_at:%Y-%m-%d %H:%M}"
