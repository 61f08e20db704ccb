import hashlib
import json

from django.db import migrations


def lexicon_digest(entries) -> str:
    """Digest of a lexicon: its entries' phrase, language, category, family, enabled, source
    (not the mark this migration sets)."""
    rows = sorted(
        [e.phrase, e.language, e.category, e.family, e.enabled, e.source] for e in entries
    )
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def mark_default_phrases_read_in_any_language(apps, schema_editor):
    """Give the default pack's "read in any language" marks to the versions holding exactly
    the pack's phrases without them.

    0005, 0009 and 0010 wrote the pack's phrases before the mark existed (0011), so a new
    install, and a released version 0010 brought up to date, hold every phrase unmarked:
    product names such as "IMSI catcher" would go unread in a French or Spanish text. Only
    a published version that has screened nothing, whose lexicon is the pack's but for the
    marks, is marked; any other is its admins' to change. No audit event: see the README.
    """
    from rules.engine import read_pack
    from rules.textsignals import lexicon_from_pack

    CriteriaVersion = apps.get_model("rules", "CriteriaVersion")
    LexiconEntry = apps.get_model("rules", "LexiconEntry")
    Screening = apps.get_model("rules", "Screening")
    pack = lexicon_from_pack(read_pack())
    marked = [e for e in pack if e.any_language]
    if not marked:
        return
    wanted = lexicon_digest(pack)
    screened = Screening.objects.values("criteria_version_id")
    versions = (
        CriteriaVersion.objects.filter(status="published", criteria__code="TXT-TARGETING-DISSENT")
        .exclude(pk__in=screened)
        .distinct()
    )
    for version in versions:
        held = LexiconEntry.objects.filter(version=version)
        if lexicon_digest(held) != wanted:
            continue
        for e in marked:
            held.filter(
                phrase=e.phrase, language=e.language, category=e.category, family=e.family
            ).update(any_language=True)


class Migration(migrations.Migration):

    dependencies = [
        ('rules', '0011_lexicon_any_language'),
    ]

    operations = [
        migrations.RunPython(mark_default_phrases_read_in_any_language, migrations.RunPython.noop),
    ]
