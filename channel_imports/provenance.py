"""Deals promoted before their origin was kept apart (opportunities migration 0006): the
few whose screening quoted that origin as if the partner had written it are screened
again, so a finding that came from a file's name goes (or stays, for another reason)."""

from __future__ import annotations

from django.db import transaction

from lifecycle.services import opportunity_screen
from opportunities.models import Opportunity
from rules.models import Screening
from rules.textsignals.disguise import as_read
from rules.textsignals.lexicon import CATEGORY_FIELDS
from rules.textsignals.snapshot_reading import TEXT_FIELD_LABELS

DESCRIPTION_LABEL = TEXT_FIELD_LABELS["use_description"]
CHANGE_REASON = "The import's file name and line, once read as the deal's description"
BATCH = 500


def _quoted_words(quote: str) -> str:
    """The words of "<field> (<language>): “<words>”"."""
    return quote.partition("“")[2].rstrip("”").strip("…").casefold()


def quotes_from_elsewhere(opportunity: Opportunity, snapshot: dict) -> list[str]:
    """The quotes of the description in `snapshot` whose words the deal's description no
    longer holds (they came from the origin the importer wrote there)."""
    description = as_read(opportunity.use_description).casefold()  # as the quotes read it
    return [
        quote
        for field in CATEGORY_FIELDS.values()
        for quote in snapshot.get(field) or ()
        if quote.startswith(DESCRIPTION_LABEL) and _quoted_words(quote) not in description
    ]


def promoted_opportunities_quoting_provenance() -> list[int]:
    """Ids of deals with a provenance whose current screening quotes, as their
    description, words the description no longer holds."""
    found = []
    last = 0
    while True:
        deals = list(
            Opportunity.objects.filter(pk__gt=last, current_screening__isnull=False)
            .exclude(provenance="")
            .select_related("current_screening")
            .only("id", "use_description", "current_screening__snapshot")
            .order_by("pk")[:BATCH]
        )
        if not deals:
            return found
        last = deals[-1].pk
        found += [
            d.pk for d in deals if quotes_from_elsewhere(d, d.current_screening.snapshot or {})
        ]


def promoted_opportunities_rescreen() -> int:
    """Screen again, one by one through the one screening path, each deal that
    `promoted_opportunities_quoting_provenance` finds. Returns how many. Run again, it
    finds none: the new screenings quote nothing from the origin."""
    ids = promoted_opportunities_quoting_provenance()
    for pk in ids:
        with transaction.atomic():
            deal = Opportunity.objects.select_for_update(of=("self",)).get(pk=pk)
            opportunity_screen(
                opportunity=deal,
                actor=None,
                trigger=Screening.Trigger.MANUAL,
                change_reason=CHANGE_REASON,
            )
    return len(ids)
