from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.db import models


class AuditChainHead(models.Model):
    """The single row holding the newest event's hash.

    Appending locks this row, so two writers cannot both chain onto the same event.
    """

    last_hash = models.CharField(max_length=64, default="0" * 64)
    last_event_id = models.BigIntegerField(null=True)

    def __str__(self) -> str:
        return f"audit chain head at event {self.last_event_id}"


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):  # noqa: D102 - an audit trail is never rewritten
        raise PermissionError("Audit events are append-only.")

    def delete(self):
        raise PermissionError("Audit events are append-only.")


class AuditEvent(models.Model):
    """One thing that happened to a deal, its screening or its review case.

    Append-only: the ORM refuses updates and deletes, and database triggers refuse them
    too. Each event carries the hash of the previous one, so any rewrite breaks the chain
    and `manage.py verify_audit_chain` names the first broken link.
    """

    created_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=150, help_text="Username at the time, or 'system'")
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40)
    opportunity_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    from_state = models.CharField(max_length=40, blank=True)
    to_state = models.CharField(max_length=40, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    comment = models.TextField(blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events are append-only.")

    def payload(self) -> dict:
        """What the hash covers: every field a reader relies on."""
        return {
            "created_at": self.created_at.isoformat(),
            "actor_id": self.actor_id,
            "actor_label": self.actor_label,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "opportunity_id": self.opportunity_id,
            "from_state": self.from_state,
            "to_state": self.to_state,
            "changes": self.changes,
            "comment": self.comment,
            "prev_hash": self.prev_hash,
        }

    def compute_hash(self) -> str:
        body = json.dumps(self.payload(), sort_keys=True, default=str, separators=(",", ":"))
        return hashlib.sha256(body.encode()).hexdigest()
