"""manage.py import_restricted_parties --format ofac-sdn DIR | csl FILE | opensanctions FILE"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from hrdd.errors import ApplicationError
from restricted_parties.importers import FORMATS
from restricted_parties.services import restricted_party_list_import


class Command(BaseCommand):
    help = (
        "Import a restricted-party list and make it the active list of its name. "
        "A malformed file is refused with its row and reason; the previous list stays."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=FORMATS, dest="fmt")
        parser.add_argument("path", help="A directory (ofac-sdn) or a file (csl, opensanctions)")
        parser.add_argument("--name", default=None, help="List name (default from the format)")

    def handle(self, *args, fmt: str, path: str, name: str | None = None, **options):
        try:
            imported = restricted_party_list_import(
                actor=None, fmt=fmt, path_or_file=path, name=name
            )
        except ApplicationError as exc:
            raise CommandError(f"Import refused: {exc.message}") from exc
        for warning in imported.warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {imported.entry_count} entries into {imported.name!r} "
                f"(list #{imported.pk}, sha256 {imported.file_sha256[:12]})."
            )
        )
