from django.db import migrations, models


def seed(apps, schema_editor):
    Version = apps.get_model("refdata", "RefdataVersion")
    for kind in ("criteria", "routing", "countries", "catalogue"):
        Version.objects.get_or_create(kind=kind)


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []
    operations = [
        migrations.CreateModel(
            name="RefdataVersion",
            fields=[
                ("kind", models.CharField(max_length=40, primary_key=True, serialize=False)),
                ("token", models.CharField(default="", max_length=32)),
            ],
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
