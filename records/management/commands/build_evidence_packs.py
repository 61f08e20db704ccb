"""Build the evidence packs of every deal decided in a period, for an auditor."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.models import User
from records.selectors import opportunities_decided_between
from records.services import evidence_pack_build
from records.statement import _period


class Command(BaseCommand):
    help = "Write the evidence pack of every deal decided in [--from, --to] into --out."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD (inclusive)")
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument(
            "--as", dest="username", required=True, help="the compliance user building them"
        )

    def handle(self, *args, start, end, out: Path, username: str, **options):
        try:
            lo, hi = _period(date.fromisoformat(start), date.fromisoformat(end))
        except ValueError:
            raise CommandError("Dates are YYYY-MM-DD.") from None
        actor = User.objects.filter(username=username, is_active=True).first()
        if actor is None:
            raise CommandError(f"No active user {username!r}.")
        out.mkdir(parents=True, exist_ok=True)
        count = 0
        for deal in opportunities_decided_between(lo, hi).iterator():
            name, data = evidence_pack_build(actor=actor, opportunity=deal)
            (out / name).write_bytes(data)
            count += 1
        self.stdout.write(
            f"{count} evidence packs written to {out} ({timezone.now():%Y-%m-%d %H:%M})."
        )
