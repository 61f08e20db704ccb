"""An upload through the API with its mapping is one write: refused (a 4xx) or failing on
the server (a 500), it leaves no import and no stored file behind, as the API's answers
promise ("nothing is saved"; "saved whole or not at all"), so the file can be sent again."""

from __future__ import annotations

import json

import pytest

from channel_imports.models import ChannelImport, ColumnMapping
from channel_imports.rows import COLUMNS
from tests.channel_imports.conftest import csv_upload, row
from tests.opportunities.test_registration_rollback import _refuse_inserts

pytestmark = pytest.mark.django_db

FULL_MAPPING = {c: c for c in COLUMNS}


def _stored(media) -> list:
    return [p for p in media.rglob("*") if p.is_file()]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_a_mapping_that_is_not_an_object_saves_nothing(api, partner_a, catalogue, media):
    client = api.as_user(partner_a)

    r = client.post(
        "/api/v1/imports/",
        {"file": csv_upload([row()]), "mapping": json.dumps(list(COLUMNS))},
        format="multipart",
    )

    assert r.status_code == 400
    assert r.json()["errors"] == {"mapping": "Expected an object."}
    assert not ChannelImport.objects.exists()
    assert _stored(media) == []


def test_a_server_failure_while_mapping_leaves_no_import_behind(api, partner_a, catalogue, media):
    _refuse_inserts(ColumnMapping)  # remembering the partner's mapping fails
    client = api.as_user(partner_a)
    client.raise_request_exception = False

    r = client.post(
        "/api/v1/imports/",
        {"file": csv_upload([row()]), "mapping": json.dumps(FULL_MAPPING)},
        format="multipart",
    )

    assert r.status_code == 500
    assert r["Content-Type"] == "application/json"
    assert "saved whole or not at all" in r.json()["detail"]
    assert not ChannelImport.objects.exists()
    assert _stored(media) == []


def test_a_refused_mapping_leaves_the_workbooks_sheet_unchosen(client, api, partner_a, catalogue):
    """The API's mapping step names the sheet and the mapping together: refused, neither
    is kept, and the import still asks which sheet to read."""
    from .test_sheets import _two_sheets

    client.force_login(partner_a)
    client.post("/imports/upload/", {"file": _two_sheets()})
    imp = ChannelImport.objects.get()
    incomplete = {"sku": "sku"}

    r = api.as_user(partner_a).post(
        f"/api/v1/imports/{imp.pk}/mapping/",
        {"mapping": incomplete, "sheet": "Q1"},
        format="json",
    )

    assert r.status_code == 400
    imp.refresh_from_db()
    assert (imp.sheet, imp.headers, imp.needs_sheet) == ("", [], True)
