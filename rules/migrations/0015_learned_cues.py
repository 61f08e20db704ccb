import hashlib
import json

import django.db.models.deletion
from django.db import migrations, models


def lexicon_digest(entries) -> str:
    """Digest of a lexicon: its entries' phrase, language, category, family, enabled,
    source and any-language mark."""
    rows = sorted(
        [e.phrase, e.language, e.category, e.family, e.enabled, e.source, e.any_language]
        for e in entries
    )
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


def give_default_learned_cues(apps, schema_editor):
    """Give the default pack's learned cues to the versions holding exactly its lexicon.

    Only a published version that holds the text criteria, has screened nothing yet, and
    whose lexicon is the pack's (a new install, or one no admin has touched since): it
    reads its text as the pack does. Any other version keeps reading with its lexicon
    alone, since a version that has screened deals must go on giving the same findings;
    its admins import the default pack into a draft to have the cues, and preview that
    draft like any change. No audit event: see the README.
    """
    from rules.engine import read_pack
    from rules.textsignals import lexicon_from_pack

    pack = read_pack()
    cues = pack.get("learned_cues")
    if not isinstance(cues, dict):
        return
    CriteriaVersion = apps.get_model("rules", "CriteriaVersion")
    LexiconEntry = apps.get_model("rules", "LexiconEntry")
    LearnedCues = apps.get_model("rules", "LearnedCues")
    Screening = apps.get_model("rules", "Screening")
    wanted = lexicon_digest(lexicon_from_pack(pack))
    screened = Screening.objects.values("criteria_version_id")
    versions = (
        CriteriaVersion.objects.filter(status="published", criteria__code="TXT-TARGETING-DISSENT")
        .exclude(pk__in=screened)
        .distinct()
    )
    for version in versions:
        if lexicon_digest(LexiconEntry.objects.filter(version=version)) == wanted:
            LearnedCues.objects.create(version=version, data=cues)


class Migration(migrations.Migration):

    dependencies = [
        ('rules', '0014_pattern_indexes_dropped'),
    ]

    operations = [
        migrations.CreateModel(
            name='LearnedCues',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('data', models.JSONField(help_text='The cues as a criteria pack holds them')),
                ('version', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='learned_cues', to='rules.criteriaversion')),
            ],
        ),
        migrations.RunPython(give_default_learned_cues, migrations.RunPython.noop),
    ]
