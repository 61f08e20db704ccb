"""Deals promoted from import lines before 0005 carry their origin ("Imported from
<file>, line N (import M). Sold on <day>.") in their description, where it was read for
red flags. This moves it into `provenance`, batch by batch.

Only the text the importer wrote is moved: the exact sentence rebuilt from the line, its
file and its import, followed by the sale sentence; anything a person wrote after it (a
deal edited since) stays in the description. Each batch commits on its own and a moved
deal is not touched again, so an interrupted run is simply run again.

The deals are not re-screened here (a migration does not run the screening services).
Re-screening is needed only where a finding quoted the moved text: the reader reads each
field on its own and depends only on the text and the lexicon, so removing text that no
quote came from changes no finding. `manage.py promoted_deals_rescreen` re-screens those
(README, "Bulk imports")."""

import re

from django.db import migrations, transaction

BATCH = 500


def _split(description: str, prefix: str, sale_year: str) -> tuple[str, str] | None:
    """(provenance, what is left of the description), or None when the description does
    not start with the importer's sentence."""
    if not description.startswith(prefix):
        return None
    rest = description[len(prefix) :]
    told = prefix
    if sale_year and rest.startswith(" Sold on "):
        # The day was written in words ("15 Jan 2026", "15 janv. 2026"): up to the year
        # and the full stop the importer put after it.
        sold = re.match(r" Sold on .*?" + re.escape(sale_year) + r"[^.]*\.", rest)
        if sold:
            told += sold.group(0)
            rest = rest[sold.end() :]
    return told, rest.strip()


def forwards(apps, schema_editor):
    ImportLine = apps.get_model("channel_imports", "ImportLine")
    Opportunity = apps.get_model("opportunities", "Opportunity")
    last = 0
    while True:
        lines = list(
            ImportLine.objects.filter(opportunity__isnull=False, opportunity_id__gt=last)
            .order_by("opportunity_id")
            .values_list(
                "opportunity_id",
                "line_no",
                "channel_import_id",
                "channel_import__original_name",
                "data",
            )[:BATCH]
        )
        if not lines:
            return
        last = lines[-1][0]
        with transaction.atomic(using=schema_editor.connection.alias):
            deals = Opportunity.objects.filter(
                pk__in=[line[0] for line in lines], provenance=""
            ).only("id", "use_description", "provenance")
            by_id = {d.pk: d for d in deals}
            moved = []
            for deal_id, line_no, import_id, name, data in lines:
                deal = by_id.get(deal_id)
                if deal is None:
                    continue
                prefix = f"Imported from {name}, line {line_no} (import {import_id})."
                sale = (data or {}).get("sale_date") or ""
                split = _split(deal.use_description, prefix, sale[:4])
                if split:
                    deal.provenance, deal.use_description = split
                    moved.append(deal)
            Opportunity.objects.bulk_update(moved, ["provenance", "use_description"])


class Migration(migrations.Migration):
    atomic = False  # batch by batch: a large deals table is not held in one transaction

    dependencies = [
        ("opportunities", "0005_provenance"),
        ("channel_imports", "0004_import_sheet"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
