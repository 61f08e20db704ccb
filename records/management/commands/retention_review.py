"""List the decided deals whose retention has ended (what an admin may purge)."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from records.selectors import retention_due


class Command(BaseCommand):
    help = "List records whose retention has ended; purge them at /records/retention/ (an admin confirms)."

    def add_arguments(self, parser):
        parser.add_argument("--on", default="", help="as of this day (YYYY-MM-DD; default today)")

    def handle(self, *args, on: str, **options):
        try:
            today = date.fromisoformat(on) if on else None
        except ValueError:
            raise CommandError("--on is YYYY-MM-DD.") from None
        due = retention_due(today=today)
        for c in due:
            self.stdout.write(
                f"{c.opportunity.reference}\tdecided {c.decided_at:%Y-%m-%d}\tkept until {c.retention_ended_on}"
            )
        self.stdout.write(
            f"{len(due)} records may be purged; an admin confirms each at /records/retention/."
        )
