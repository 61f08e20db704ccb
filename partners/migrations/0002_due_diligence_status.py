"""Record whether a partner's due diligence was assessed (unknown is not "no programme").

Organisations whose factors differ from the defaults were set by someone on purpose: they
count as assessed. The rest keep "not yet assessed"."""

from django.db import migrations, models


def forwards(apps, schema_editor):
    Organisation = apps.get_model("partners", "Organisation")
    Organisation.objects.exclude(
        hrdd_maturity="none", prior_incident=False, refused_flow_down=False, staff_trained=False
    ).update(dd_status="assessed")


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="dd_status",
            field=models.CharField(
                choices=[
                    ("not_assessed", "Not yet assessed"),
                    ("assessed", "Assessed"),
                    ("refused", "Refused to be assessed"),
                ],
                default="not_assessed",
                max_length=20,
                verbose_name="due-diligence assessment",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
