"""Thin task: send one delivery (queued through the outbox, retried by it)."""

from __future__ import annotations

from outbox.tasks import outbox_task

from . import delivery


@outbox_task("webhooks.tasks.webhook_deliver", formerly_named=("webhooks.tasks.deliver",))
def webhook_deliver(delivery_id: int) -> str:
    return delivery.webhook_deliver(delivery_id=delivery_id).status
