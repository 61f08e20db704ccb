"""An import's pages, lines and exports quote a partner's words as the deal page does: the
words, not which reading raised them (a lexicon phrase, a learned cue, the whole text).

Found by a hostile review: a row's sector read by a learned cue came back in the results as
"Sector (English, learned cue): “filtering of the domains”", telling the partner that a model
of deals exists and which two words of the row it weighs; with an import of many rows, a map
of the cues.
"""

from __future__ import annotations

import pytest

from channel_imports.models import ImportLine
from channel_imports.services import import_accept

from .conftest import csv_upload, drain, row

pytestmark = pytest.mark.django_db

# Read by the default pack's learned cues, by no phrase.
SECTOR = (
    "Annex C: SNI filtering of the domains on the list of banned information kept by the "
    "Security Council."
)


def test_a_partners_import_results_quote_without_the_kind_of_reading(
    upload_as, api, client, partner_a, reviewer, catalogue
):
    r, imp = upload_as(partner_a, csv_upload([row(partner_reference="K-1", sector=SECTOR)]))
    assert r.status_code == 201, r.json()
    imp = drain(imp)
    import_accept(actor=partner_a, channel_import=imp)
    imp = drain(imp)
    line = ImportLine.objects.get(channel_import=imp, row_key="r:K-1")
    assert any(", learned cue)" in f["explanation"] for f in line.findings)  # the case is one
    client.force_login(partner_a)
    shown = [
        client.get(f"/imports/{imp.pk}/").content.decode(),
        api.as_user(partner_a).get(f"/api/v1/imports/{imp.pk}/lines/").content.decode(),
        _csv(client, imp),
    ]
    for page in shown:
        assert "learned cue" not in page
    assert all("filtering of the domains" in page for page in shown[1:])
    # Compliance reads how it was read.
    client.force_login(reviewer)
    assert "learned cue" in _csv(client, imp)


def _csv(client, imp) -> str:
    return b"".join(client.get(f"/imports/{imp.pk}/results.csv").streaming_content).decode()
