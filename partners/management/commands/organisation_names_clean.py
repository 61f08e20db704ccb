"""Clean the names of organisations, and the deals' own copies of names, stored before
names were read at input (run once after upgrading; README, "Names keep no disguise").
Audited per organisation and per deal, which is why it is a command and not a data
migration (see the README)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from opportunities.services import opportunity_names_clean
from partners.services import organisation_names_clean


class Command(BaseCommand):
    help = (
        "Remove invisible and blank-looking characters from stored organisation names, "
        "and from the names kept on deals (end customer, channel, lines), one audit event "
        "per organisation and per deal changed; lists those left for a person."
    )

    def handle(self, *args, **options):
        result = organisation_names_clean()
        self.stdout.write(f"{result.cleaned} organisation name(s) cleaned.")
        for pk, name, why in result.left:
            self.stdout.write(f"Left as it is: organisation {pk} {name!r}: {why}.")
        deals = opportunity_names_clean()
        self.stdout.write(
            f"{deals.cleaned} deal(s) cleaned (the names kept on the deal: end customer, "
            "channel, lines; each event keeps the names before, each decision its snapshot)."
        )
        for pk, name, why in deals.left:
            self.stdout.write(f"Left as it is: deal {pk} {name!r}: {why}.")
