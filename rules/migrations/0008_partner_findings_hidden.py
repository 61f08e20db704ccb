"""Hide stored findings about channel partners' due diligence from partners and reps.

Screenings stored these findings as shown (``shown: True``) and counted them in the tier
and score partners and sales reps are told (``shown_*``); a deal is seen by every
organisation in its channel, so that told one partner about another. This marks them
hidden and recomputes ``shown_*`` from the findings left. Batch-wise by primary key, so it
holds little in memory and writes only the screenings that change.
"""

from django.db import migrations

BATCH = 1000
FIELDS = ["findings", "shown_tier", "shown_score", "shown_severity", "shown_likelihood"]


def about_partners(finding: dict) -> bool:
    # Frozen here, not imported: what this migration hides must not move with later code.
    return (
        finding.get("dimension") == "partner"
        or str(finding.get("code", "")).startswith("PTR")
        or any(str(k).startswith("partners.") for k in finding.get("evidence") or {})
    )


def hide_partner_findings(apps, schema_editor):
    from rules.engine import DEFAULT_TIERS, assess_shown

    Screening = apps.get_model("rules", "Screening")
    CriteriaVersion = apps.get_model("rules", "CriteriaVersion")
    tiers = {v.pk: v.tiers or DEFAULT_TIERS for v in CriteriaVersion.objects.only("tiers")}
    last = 0
    while True:
        rows = list(
            Screening.objects.filter(pk__gt=last)
            .order_by("pk")
            .only("pk", "criteria_version_id", *FIELDS)[:BATCH]
        )
        if not rows:
            return
        last = rows[-1].pk
        changed = []
        for s in rows:
            if not any(about_partners(f) and f.get("shown", True) for f in s.findings):
                continue
            s.findings = [
                {**f, "shown": False} if about_partners(f) else f for f in s.findings
            ]
            shown = assess_shown(s.findings, tiers.get(s.criteria_version_id, DEFAULT_TIERS))
            s.shown_tier, s.shown_score = shown["tier"], shown["score"]
            s.shown_severity, s.shown_likelihood = shown["severity"], shown["likelihood"]
            changed.append(s)
        Screening.objects.bulk_update(changed, FIELDS)


class Migration(migrations.Migration):
    dependencies = [("rules", "0007_trigger_partner_assessed")]

    operations = [migrations.RunPython(hide_partner_findings, migrations.RunPython.noop)]
