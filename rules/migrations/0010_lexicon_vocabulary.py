import hashlib
import json

from django.db import migrations

# SHA-256 of the lexicon a new install held at the last release (commit 04ffff8: 0005's
# phrases and 0009's families, 1011 entries), by ``lexicon_digest``. Frozen here so a later
# change to the default pack cannot widen what this migration touches.
RELEASED_DEFAULT_LEXICON = "9e3606481c619981002da8822ef19c1700cc5c704c8bfd61f1185a0dee172dcf"


def lexicon_digest(entries) -> str:
    """Digest of a lexicon: its entries' phrase, language, category, family, enabled, source."""
    rows = sorted(
        [e.phrase, e.language, e.category, e.family, e.enabled, e.source] for e in entries
    )
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def bring_default_lexicon_up_to_date(apps, schema_editor):
    """Give the default pack's current lexicon to the versions still holding the released one.

    Only a published version that holds the text criteria, has screened nothing yet, and
    whose lexicon is exactly the one the last release installed: no admin has touched it,
    so it is brought to the pack (new entries added, rewritten or retired ones removed).
    Any other version is left as it is, since an admin's deletions and rewrites are theirs
    to keep and a version that has screened deals keeps the lexicon it read them with; its
    admins import the default pack into a draft. No audit event: see the README.
    """
    from rules.engine import read_pack
    from rules.textsignals import lexicon_from_pack

    CriteriaVersion = apps.get_model("rules", "CriteriaVersion")
    LexiconEntry = apps.get_model("rules", "LexiconEntry")
    Screening = apps.get_model("rules", "Screening")
    pack = lexicon_from_pack(read_pack())
    screened = Screening.objects.values("criteria_version_id")
    versions = (
        CriteriaVersion.objects.filter(status="published", criteria__code="TXT-TARGETING-DISSENT")
        .exclude(pk__in=screened)
        .distinct()
    )
    for version in versions:
        held = list(LexiconEntry.objects.filter(version=version))
        if lexicon_digest(held) != RELEASED_DEFAULT_LEXICON:
            continue
        LexiconEntry.objects.filter(version=version).delete()
        LexiconEntry.objects.bulk_create(
            [
                LexiconEntry(version=version, phrase=e.phrase, language=e.language,
                             category=e.category, source=e.source, enabled=e.enabled,
                             family=e.family)
                for e in pack
            ]
        )


class Migration(migrations.Migration):

    dependencies = [
        ('rules', '0009_lexicon_families'),
    ]

    operations = [
        migrations.RunPython(bring_default_lexicon_up_to_date, migrations.RunPython.noop),
    ]
