"""Refill the precedents index from every decision's frozen deal snapshot."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from reviews.models import Decision
from reviews.precedents import precedent_record


class Command(BaseCommand):
    help = "Rebuild the precedents index (after an upgrade, or when country context changed)."

    def handle(self, *args, **options):
        done = 0
        for decision in Decision.objects.order_by("pk").iterator(chunk_size=500):
            with transaction.atomic():
                precedent_record(decision)
            done += 1
        self.stdout.write(f"Precedents rebuilt: {done} decisions.")
