from __future__ import annotations

from django.conf import settings
from django.db import models

from . import keys

GENESIS = "0" * 64


class AuditChainHead(models.Model):
    """The single row holding the chain's length and newest link.

    Only the sealer takes this row's lock, for one short transaction after the change it
    records has committed, so registrations never queue behind each other on it.
    """

    last_hash = models.CharField(max_length=64, default=GENESIS)
    last_event_id = models.BigIntegerField(null=True)
    sealed_count = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"audit chain head at position {self.sealed_count}"


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):  # an audit trail is never rewritten
        raise PermissionError("Audit events are append-only.")

    def delete(self):
        raise PermissionError("Audit events are append-only.")


class AppendOnly(models.Model):
    """Rows the ORM only inserts; database triggers refuse updates and deletes too."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit events are append-only.")


# What an event's signature covers (`AuditEvent.payload`), by attribute name.
SIGNED_FIELDS = (
    "created_at",
    "actor_id",
    "actor_label",
    "action",
    "object_type",
    "object_id",
    "opportunity_id",
    "from_state",
    "to_state",
    "changes",
    "comment",
    "key_id",
)


def signed_payload(values: dict) -> dict:
    """The body an event's signature covers, from its SIGNED_FIELDS as read: the same for
    an instance and for a row read as values (the sealer verifies thousands at a time
    without building an instance of each)."""
    return {**values, "created_at": values["created_at"].isoformat()}


class AuditEvent(AppendOnly):
    """One thing that happened to a deal, its screening or its review case.

    Append-only. `hash` is an HMAC of the event's content with a key held outside the
    database (`key_id` names it), so nobody without the key can write or alter an event
    that verifies. The order and completeness of the trail are kept by `AuditSeal`.
    """

    created_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
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
    key_id = models.CharField(max_length=12)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def payload(self) -> dict:
        """What the signature covers: every field a reader relies on."""
        return signed_payload({name: getattr(self, name) for name in SIGNED_FIELDS})

    def sign(self) -> None:
        self.key_id = keys.current_key_id()
        self.signed_body = keys.canonical(self.payload())
        self.hash = keys.sign(self.key_id, self.signed_body)

    def row_document(self) -> str:
        """The event as its INSERT stores it, in JSON: the signed body (every column but
        the hash and the id, by attribute name) and the hash, encoded once for both. What
        is stored is then exactly what was signed."""
        return f'{self.signed_body[:-1]},"hash":"{self.hash}"}}'

    def signature_ok(self) -> bool:
        return keys.signature_ok(self.key_id, self.payload(), self.hash)


class AuditSeal(AppendOnly):
    """The chain: the event at each position, linked to the one before by a keyed hash.

    Positions run 1, 2, 3, … without gaps. Sealing happens just after the event's
    transaction commits, so the chain's order is the order events were sealed (commit
    order), and a gap, a removed link or a rewritten one no longer verifies.
    """

    position = models.BigIntegerField(primary_key=True)
    event = models.OneToOneField(AuditEvent, on_delete=models.PROTECT, related_name="seal")
    key_id = models.CharField(max_length=12)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"audit seal {self.position} (event {self.event_id})"

    def link_body(self, event_hash: str) -> str:
        return f"{self.position}|{self.event_id}|{event_hash}|{self.prev_hash}"
