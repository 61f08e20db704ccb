from django.db import migrations


def bring_default_lexicon_up_to_date(apps, schema_editor):
    """Give the default pack's current lexicon to the versions 0010 brought up to date.

    As 0010 did, on the same versions (published, with the text criteria, nothing screened
    yet): the pack's entries they lack are added and the default entries the pack has since
    rewritten are dropped ("arrêter" written as "arrêter les personnes", "камера" as
    "тюремная камера", the parcel "encomenda" as "entrega de encomendas", "الأجهزة الأمنية"
    read only beside the state); entries with a source of their own are kept.
    """
    from rules.engine import read_pack
    from rules.textsignals import lexicon_from_pack

    CriteriaVersion = apps.get_model("rules", "CriteriaVersion")
    LexiconEntry = apps.get_model("rules", "LexiconEntry")
    Screening = apps.get_model("rules", "Screening")
    pack = lexicon_from_pack(read_pack())
    wanted = {(e.phrase, e.language, e.category, e.family): e for e in pack}
    default_sources = {e.source for e in pack}
    screened = Screening.objects.values("criteria_version_id")
    versions = (
        CriteriaVersion.objects.filter(status="published", criteria__code="TXT-TARGETING-DISSENT")
        .exclude(pk__in=screened)
        .distinct()
    )
    for version in versions:
        held = {}
        for row in LexiconEntry.objects.filter(version=version):
            held[(row.phrase, row.language, row.category, row.family)] = row
        stale = [
            row.pk
            for key, row in held.items()
            if key not in wanted and row.source in default_sources
        ]
        LexiconEntry.objects.filter(pk__in=stale).delete()
        LexiconEntry.objects.bulk_create(
            [
                LexiconEntry(version=version, phrase=e.phrase, language=e.language,
                             category=e.category, source=e.source, enabled=e.enabled,
                             family=e.family)
                for key, e in wanted.items()
                if key not in held
            ]
        )


class Migration(migrations.Migration):

    dependencies = [
        ('rules', '0010_lexicon_vocabulary'),
    ]

    operations = [
        migrations.RunPython(bring_default_lexicon_up_to_date, migrations.RunPython.noop),
    ]
