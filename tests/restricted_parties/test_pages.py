"""The restricted-party page: reviewers search, admins upload."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from restricted_parties.models import FalsePositive, RestrictedPartyEntry, RestrictedPartyList

pytestmark = pytest.mark.django_db

INDEX = reverse("restricted-parties-index")
UPLOAD = reverse("restricted-parties-upload")


def test_a_reviewer_sees_the_lists_and_searches(client, sample_list, reviewer):
    client.force_login(reviewer)
    response = client.get(INDEX)
    assert response.status_code == 200
    assert "Sample list (fictional)" in response.content.decode()
    assert "Import a list" not in response.content.decode()  # no upload for reviewers
    page = client.get(INDEX, {"name": "Caspian Data Fusion FZCO", "country": "AE"}).content.decode()
    assert "Caspian Data Fusion FZE" in page and "fict-004" in page and "100.0" in page


@pytest.mark.parametrize("persona", ["sales_rep", "partner_user"])
def test_others_may_not_see_the_page(client, sample_list, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(INDEX, {"name": "Caspian Data Fusion"}).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(INDEX)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_an_admin_uploads_a_list(client, admin_user):
    client.force_login(admin_user)
    upload = SimpleUploadedFile(
        "targets.simple.csv", b"id,schema,name\nu1,Company,Upload Test Trading LLC\n", "text/csv"
    )
    response = client.post(UPLOAD, {"format": "opensanctions", "name": "Uploaded", "file": upload})
    assert response.status_code == 302
    lst = RestrictedPartyList.objects.get(is_active=True)
    assert (lst.name, lst.entry_count, lst.imported_by) == ("Uploaded", 1, admin_user)


def test_an_admin_uploads_the_three_ofac_files(client, admin_user):
    client.force_login(admin_user)
    files = {
        "sdn_file": SimpleUploadedFile(
            "SDN.CSV", b'7,"ZETA CO",-0- ,X,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n\x1a'
        ),
        "alt_file": SimpleUploadedFile("ALT.CSV", b"7,1,aka,ZETA COMPANY,-0-\n\x1a"),
        "add_file": SimpleUploadedFile("ADD.CSV", b"7,1,-0-,-0-,Cuba,-0-\n\x1a"),
    }
    response = client.post(UPLOAD, {"format": "ofac-sdn", **files})
    assert response.status_code == 302
    entry = RestrictedPartyEntry.objects.get()
    assert (entry.source_id, entry.aliases, entry.countries) == ("7", ["ZETA COMPANY"], ["CU"])


def test_a_malformed_upload_shows_row_and_reason_and_keeps_the_list(
    client, sample_list, admin_user
):
    client.force_login(admin_user)
    upload = SimpleUploadedFile("bad.csv", b"id,schema,name\n1,Company,A\n2,Company\n", "text/csv")
    response = client.post(
        UPLOAD, {"format": "opensanctions", "name": "Sample list (fictional)", "file": upload}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "bad.csv, row 3: expected 3 columns, found 2" in page
    assert list(RestrictedPartyList.objects.filter(is_active=True)) == [sample_list]


def test_an_ofac_upload_needs_three_files(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        UPLOAD, {"format": "ofac-sdn", "sdn_file": SimpleUploadedFile("sdn.csv", b"x")}
    )
    assert response.status_code == 400
    assert "OFAC SDN needs sdn.csv, alt.csv and add.csv." in response.content.decode()


def test_reviewers_may_not_upload(client, reviewer):
    client.force_login(reviewer)
    upload = SimpleUploadedFile("t.csv", b"id,schema,name\nu1,Company,X\n")
    assert client.post(UPLOAD, {"format": "opensanctions", "file": upload}).status_code == 403
    assert not RestrictedPartyList.objects.exists()


def test_a_reviewer_marks_a_false_positive_from_the_page(client, sample_list, reviewer):
    client.force_login(reviewer)
    entry = RestrictedPartyEntry.objects.get(source_id="fict-008")
    back = INDEX + "?name=Sable+Crest+Holdings"
    response = client.post(
        reverse("restricted-parties-false-positive"),
        {
            "party_name": "Sable Crest Holdings",
            "entry_id": entry.pk,
            "reason": "Other firm",
            "next": back,
        },
    )
    assert response.status_code == 302 and response["Location"] == back
    assert FalsePositive.objects.get().created_by == reviewer
    assert "Marked false positive for this name" in client.get(back).content.decode()


def test_the_false_positive_form_does_not_redirect_off_site(client, sample_list, reviewer):
    client.force_login(reviewer)
    entry = RestrictedPartyEntry.objects.first()
    response = client.post(
        reverse("restricted-parties-false-positive"),
        {"party_name": "X Y", "entry_id": entry.pk, "reason": "r", "next": "https://evil.example/"},
    )
    assert response["Location"] == INDEX
