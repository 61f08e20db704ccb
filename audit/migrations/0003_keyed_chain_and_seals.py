"""Key the audit trail (HMAC) and move the chain into seals.

Existing events were chained with plain SHA-256. The upgrade first checks that old chain
from the start (and stops, naming the event, if it is broken), then signs each event with
the current AUDIT_HMAC_KEY and seals them in their original order.
"""

import hashlib
import json

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from audit import keys, triggers

GENESIS = "0" * 64


def drop_triggers(apps, schema_editor):
    triggers.drop(schema_editor)


def create_triggers(apps, schema_editor):
    triggers.create(schema_editor)


def _payload(row: dict) -> dict:
    return {
        "created_at": row["created_at"].isoformat(),
        "actor_id": row["actor_id"],
        "actor_label": row["actor_label"],
        "action": row["action"],
        "object_type": row["object_type"],
        "object_id": row["object_id"],
        "opportunity_id": row["opportunity_id"],
        "from_state": row["from_state"],
        "to_state": row["to_state"],
        "changes": row["changes"],
        "comment": row["comment"],
    }


def sign_and_seal_existing(apps, schema_editor):
    Event = apps.get_model("audit", "AuditEvent")
    Seal = apps.get_model("audit", "AuditSeal")
    Head = apps.get_model("audit", "AuditChainHead")
    key_id = keys.current_key_id()
    old_prev, prev, seals = GENESIS, GENESIS, []
    for position, row in enumerate(Event.objects.order_by("id").values().iterator(), start=1):
        body = {**_payload(row), "prev_hash": row["prev_hash"]}
        old = hashlib.sha256(
            json.dumps(body, sort_keys=True, default=str, separators=(",", ":")).encode()
        ).hexdigest()
        if row["prev_hash"] != old_prev or old != row["hash"]:
            raise RuntimeError(
                f"The audit chain is broken at event {row['id']}; investigate before upgrading."
            )
        old_prev = row["hash"]
        mac = keys.sign(key_id, {**_payload(row), "key_id": key_id})
        Event.objects.filter(pk=row["id"]).update(key_id=key_id, hash=mac)
        link = keys.sign(key_id, f"{position}|{row['id']}|{mac}|{prev}")
        seals.append(Seal(position=position, event_id=row["id"], key_id=key_id,
                          prev_hash=prev, hash=link))
        prev = link
    Seal.objects.bulk_create(seals, batch_size=2000)
    Head.objects.update_or_create(
        pk=1,
        defaults={"last_hash": prev, "last_event_id": seals[-1].event_id if seals else None,
                  "sealed_count": len(seals)},
    )
    if schema_editor.connection.vendor == "postgresql":
        # fire the deferred foreign-key checks now, so the table can be altered below
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_append_only_triggers"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditSeal",
            fields=[
                ("position", models.BigIntegerField(primary_key=True, serialize=False)),
                ("key_id", models.CharField(max_length=12)),
                ("prev_hash", models.CharField(max_length=64)),
                ("hash", models.CharField(max_length=64)),
                (
                    "event",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="seal",
                        to="audit.auditevent",
                    ),
                ),
            ],
            options={"ordering": ["position"]},
        ),
        migrations.RunPython(drop_triggers, migrations.RunPython.noop),
        migrations.AddField(
            model_name="auditchainhead",
            name="sealed_count",
            field=models.BigIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="key_id",
            field=models.CharField(default="", max_length=12),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(sign_and_seal_existing, migrations.RunPython.noop),
        migrations.RemoveField(model_name="auditevent", name="prev_hash"),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
