"""The mapping step shows what each column of the file holds (its first values), not
only the header names. (A file whose every header names an expected column skips the
step: these files carry one more column, of the partner's own.)"""

from __future__ import annotations

import pytest

from channel_imports.models import ChannelImport
from channel_imports.rows import COLUMNS
from tests.channel_imports.conftest import csv_upload, row

OWN_COLUMN = [*COLUMNS, "Sales notes"]

pytestmark = pytest.mark.django_db


def test_the_mapping_step_shows_the_first_values_of_each_column(client, partner_a, catalogue):
    client.force_login(partner_a)
    upload = csv_upload(
        [
            row(partner_reference="POS-7", end_customer_name="Hanse Klinikum"),
            row(partner_reference="POS-8"),
        ],
        columns=OWN_COLUMN,
    )
    r = client.post("/imports/upload/", {"file": upload}, follow=True)
    imp = ChannelImport.objects.get()
    page = r.content.decode()
    samples = page.split('id="file-samples"')[1].split("</details>")[0]
    assert "POS-7 · POS-8" in samples
    assert "Hanse Klinikum · Fjord Logistics AS" in samples
    assert imp.status == ChannelImport.Status.UPLOADED  # nothing read into lines yet


def test_partner_text_in_the_samples_is_escaped(client, partner_a, catalogue):
    client.force_login(partner_a)
    upload = csv_upload([row(end_customer_name="<script>alert(1)</script>")], columns=OWN_COLUMN)
    page = client.post("/imports/upload/", {"file": upload}, follow=True).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
