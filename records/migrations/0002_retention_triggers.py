"""PostgreSQL triggers refusing to delete a decided deal's record outside the purge."""

from django.db import migrations

from records import triggers


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0001_initial"),
        ("reviews", "0002_seed_policies_and_mitigations"),
        ("rules", "0004_review_outcome"),
    ]

    operations = [migrations.RunPython(triggers.create, triggers.drop)]
