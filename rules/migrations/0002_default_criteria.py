"""Publish the default criteria pack as version 1 on first migration."""

from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    from rules.engine import read_pack, specs_from_pack

    CriteriaVersion = apps.get_model("rules", "CriteriaVersion")
    Criterion = apps.get_model("rules", "Criterion")
    if CriteriaVersion.objects.exists():
        return
    pack = read_pack()
    specs, tiers = specs_from_pack(pack)
    version = CriteriaVersion.objects.create(
        status="published",
        number=1,
        name=pack.get("name") or "Default HRDD criteria",
        notes="Default criteria shipped with the application.",
        tiers=tiers,
        published_at=timezone.now(),
    )
    fields = [f for f in specs[0].__dataclass_fields__ if f != "code"]
    Criterion.objects.bulk_create(
        [Criterion(version=version, code=s.code, **{f: getattr(s, f) for f in fields}) for s in specs]
    )


class Migration(migrations.Migration):
    dependencies = [("rules", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
