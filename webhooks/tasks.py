"""Thin task: send one delivery (queued through the outbox, retried by it)."""

from __future__ import annotations

from outbox.tasks import outbox_task

from .delivery import webhook_deliver


@outbox_task("webhooks.tasks.deliver")
def deliver(delivery_id: int) -> str:
    return webhook_deliver(delivery_id=delivery_id).status
