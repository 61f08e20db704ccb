"""Screen again the deals promoted from import lines whose screening quoted their origin
(file name, line) as their description: run once after migrating to opportunities 0006."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from channel_imports.provenance import promoted_opportunities_rescreen


class Command(BaseCommand):
    help = "Screen again promoted deals whose findings quoted the import's file name."

    def handle(self, *args, **options):
        count = promoted_opportunities_rescreen()
        self.stdout.write(f"{count} promoted deal(s) screened again.")
