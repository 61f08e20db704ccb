"""Load every ISO country with default flags and the shipped indicator file."""

from django.conf import settings
from django.db import migrations


def forwards(apps, schema_editor):
    from countries.services import country_indicators_import

    text = settings.COUNTRY_INDICATORS_FILE.read_text(encoding="utf-8")
    country_indicators_import(
        text=text,
        country_model=apps.get_model("countries", "Country"),
        indicator_model=apps.get_model("countries", "CountryIndicator"),
    )


class Migration(migrations.Migration):
    dependencies = [("countries", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
