"""Hide import lines' findings about channel partners' due diligence from partners and reps.

Lines stored these findings as shown and counted them in the tier the uploader and sales
reps are told (``shown_*``), and the import's summary of what they are shown counted them
too; a line names other organisations (the reseller below a distributor). This marks them
hidden and recomputes ``shown_*`` and the shown summaries. One chunk of lines at a time
(the chunk index), and only the chunks whose summary shows such a finding, so a large
import is neither read at once nor read at all when it has none.
"""

from collections import Counter

from django.db import migrations

FLAGGED_TIERS = ("medium", "high", "critical", "prohibited")
TOP_FINDINGS = 10
LINE_FIELDS = ["findings", "shown_tier", "shown_score", "shown_severity", "shown_likelihood"]


def _facts(Criterion, version_id) -> tuple[dict, set]:
    """Per code, what assess_shown needs (lines store only code and explanation), and the
    codes of findings about partners (frozen here: must not move with later code)."""
    facts, partner_codes = {}, set()
    for c in Criterion.objects.filter(version_id=version_id):
        facts[c.code] = {
            "dimension": c.dimension,
            "outcome": c.outcome,
            "likelihood": c.likelihood,
            "severity": max(c.scale, c.scope, c.irremediability),
            "severity_uplift": c.severity_uplift,
        }
        if c.dimension == "partner" or c.code.startswith("PTR") or "partners." in c.condition:
            partner_codes.add(c.code)
    return facts, partner_codes


def _chunk(ImportLine, imp, number, facts, partner_codes, tiers) -> dict:
    """Recompute one chunk's screened lines; the chunk's shown summary."""
    from rules.engine import assess_shown

    hidden = {"dimension": "restricted_party", "outcome": "score", "likelihood": 0,
              "severity": 0, "severity_uplift": 0}
    shown_tiers: Counter = Counter()
    shown_codes: Counter = Counter()
    changed = []
    lines = ImportLine.objects.filter(
        channel_import_id=imp.pk, chunk_no=number, status="screened"
    ).only("pk", *LINE_FIELDS)
    for line in lines:
        if any(f["code"] in partner_codes and f.get("shown") for f in line.findings):
            line.findings = [
                {**f, "shown": False} if f["code"] in partner_codes else f for f in line.findings
            ]
            full = [{**f, **facts.get(f["code"], hidden)} for f in line.findings]
            shown = assess_shown(full, tiers)
            line.shown_tier, line.shown_score = shown["tier"], shown["score"]
            line.shown_severity, line.shown_likelihood = shown["severity"], shown["likelihood"]
            changed.append(line)
        shown_tiers[line.shown_tier] += 1
        shown_codes.update(f["code"] for f in line.findings if f.get("shown"))
    ImportLine.objects.bulk_update(changed, LINE_FIELDS, batch_size=1000)
    return {"tiers": dict(shown_tiers), "findings": dict(shown_codes)}


def hide_partner_findings(apps, schema_editor):
    from rules.engine import DEFAULT_TIERS

    ChannelImport = apps.get_model("channel_imports", "ChannelImport")
    ImportChunk = apps.get_model("channel_imports", "ImportChunk")
    ImportLine = apps.get_model("channel_imports", "ImportLine")
    Criterion = apps.get_model("rules", "Criterion")
    known: dict = {}
    imports = ChannelImport.objects.exclude(criteria_version=None).select_related(
        "criteria_version"
    )
    for imp in imports.order_by("pk").iterator(chunk_size=200):
        version = imp.criteria_version_id
        if version not in known:
            known[version] = _facts(Criterion, version)
        facts, partner_codes = known[version]
        if not partner_codes:
            continue
        tiers = imp.criteria_version.tiers or DEFAULT_TIERS
        touched = False
        for chunk in ImportChunk.objects.filter(channel_import_id=imp.pk).order_by("number"):
            shown = (chunk.summary or {}).get("shown", {}).get("findings", {})
            if chunk.summary and not partner_codes & set(shown):
                continue
            chunk_shown = _chunk(ImportLine, imp, chunk.number, facts, partner_codes, tiers)
            if chunk.summary:
                chunk.summary = {**chunk.summary, "shown": chunk_shown}
                chunk.save(update_fields=["summary"])
            touched = True
        if touched and imp.summary:
            _resummarise(ImportChunk, imp)


def _resummarise(ImportChunk, imp) -> None:
    """The import's shown summary, merged again from its chunks'."""
    tiers: Counter = Counter()
    codes: Counter = Counter()
    for s in ImportChunk.objects.filter(channel_import_id=imp.pk).values_list("summary", flat=True):
        tiers.update((s or {}).get("shown", {}).get("tiers", {}))
        codes.update((s or {}).get("shown", {}).get("findings", {}))
    names = {f["code"]: f.get("name", "") for f in imp.summary.get("findings", [])}
    imp.summary = {
        **imp.summary,
        "shown": {
            "tiers": {t: tiers[t] for t in ("low", *FLAGGED_TIERS) if tiers.get(t)},
            "findings": [
                {"code": c, "name": names.get(c, ""), "count": n}
                for c, n in codes.most_common(TOP_FINDINGS)
            ],
        },
    }
    imp.save(update_fields=["summary"])


class Migration(migrations.Migration):
    dependencies = [
        ("channel_imports", "0004_import_sheet"),
        ("rules", "0008_partner_findings_hidden"),
    ]

    operations = [migrations.RunPython(hide_partner_findings, migrations.RunPython.noop)]
