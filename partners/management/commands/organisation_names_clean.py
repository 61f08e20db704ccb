"""Clean the names of organisations stored before names were read at input (run once
after upgrading; README, "Names keep no disguise"). Audited per organisation, which is
why it is a command and not a data migration (see the README)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from partners.services import organisation_names_clean


class Command(BaseCommand):
    help = (
        "Remove invisible and blank-looking characters from stored organisation names, "
        "one audit event per organisation changed; lists those left for a person."
    )

    def handle(self, *args, **options):
        result = organisation_names_clean()
        self.stdout.write(f"{result.cleaned} organisation name(s) cleaned.")
        for pk, name, why in result.left:
            self.stdout.write(f"Left as it is: organisation {pk} {name!r}: {why}.")
