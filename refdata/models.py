from __future__ import annotations

from django.db import models


class RefdataVersion(models.Model):
    """The current version token of one kind of reference data (criteria, review targets,
    countries, catalogue).

    Every write to that data replaces the token in the same transaction, so a process
    that read the token before loading its copy knows the copy is current while the
    token has not changed. Tokens are random, never counters: a rolled-back write must
    not hand a later write the same token.
    """

    kind = models.CharField(max_length=40, primary_key=True)
    token = models.CharField(max_length=32, default="")

    def __str__(self) -> str:
        return f"{self.kind} {self.token}"
