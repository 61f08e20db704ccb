"""Answer once, share by consent: a partner's answers exported as an Ed25519-signed document
by one installation and imported by another that trusts it, with origin and date shown."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent
from hrdd.errors import ApplicationError, PermissionDenied
from partner_dd import services
from partner_dd.sharing import public_key_b64

from .conftest import GOOD_ANSWERS, policy_pdf

pytestmark = pytest.mark.django_db


def _key() -> tuple[str, str]:
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return base64.b64encode(raw).decode(), public_key_b64(key)


@pytest.fixture
def vendor_a_export(settings, delta, delta_user, reviewer):
    """Delta's answers, accepted and exported at vendor A's installation."""
    private, public = _key()
    settings.PARTNER_DD_SIGNING_KEY, settings.PARTNER_DD_ORIGIN = private, "vendor-a.example"
    q = services.questionnaire_send(actor=reviewer, organisation=delta)
    services.questionnaire_answers_save(actor=delta_user, questionnaire=q, answers=GOOD_ANSWERS)
    services.evidence_attach(actor=delta_user, questionnaire=q, kind="policy", upload=policy_pdf())
    services.questionnaire_submit(actor=delta_user, questionnaire=q)
    services.questionnaire_accept(actor=reviewer, questionnaire=q, note="VENDOR-A-INTERNAL")
    document = services.questionnaire_export(actor=delta_user, questionnaire=q)
    # now act as vendor B's installation, which trusts vendor A's key
    settings.PARTNER_DD_SIGNING_KEY, settings.PARTNER_DD_ORIGIN = _key()[0], "vendor-b.example"
    settings.PARTNER_DD_TRUSTED_KEYS = [f"vendor-a.example={public}"]
    return document


def test_the_export_carries_the_partners_record_and_never_the_vendors_review(vendor_a_export):
    text = json.dumps(vendor_a_export)
    assert "VENDOR-A-INTERNAL" not in text
    assert "maturity" not in vendor_a_export and "reasons" not in vendor_a_export
    assert vendor_a_export["answers"]["contact_name"] == "Jana Novak"
    assert vendor_a_export["origin"] == "vendor-a.example"
    assert [e["kind"] for e in vendor_a_export["evidence"]] == ["policy"]


def test_a_trusted_export_imports_as_an_answered_round_with_its_origin_and_date(
    client, vendor_a_export, delta, senior_reviewer
):
    q = services.questionnaire_import(actor=senior_reviewer, document=vendor_a_export)

    assert q.status == "submitted" and q.organisation == delta
    assert q.origin == "vendor-a.example" and q.origin_signed_at is not None
    assert q.evidence.get().kind == "policy"
    assert services.questionnaire_score(q).maturity == "advanced"
    assert q.reviewer_note == ""
    assert AuditEvent.objects.filter(
        action="partner_questionnaire.imported", object_id=str(q.pk)
    ).exists()
    client.force_login(senior_reviewer)
    body = client.get(reverse("partner-dd", args=[q.pk])).content.decode()
    assert "Imported from <strong>vendor-a.example</strong>" in body


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["answers"].update(accepts_audits=True, prior_incident=False, programme="none"),
        lambda d: d.update(origin="vendor-b.example"),
        lambda d: d["organisation"].update(name="Someone Else GmbH"),
        lambda d: d["evidence"][0].update(content=base64.b64encode(b"%PDF-1.4 other").decode()),
        lambda d: d.update(signature="A" * 88),
    ],
    ids=[
        "answer-changed",
        "origin-claimed",
        "organisation-changed",
        "file-swapped",
        "bad-signature",
    ],
)
def test_a_changed_or_untrusted_document_is_refused_whole(vendor_a_export, senior_reviewer, tamper):
    from partner_dd.models import Questionnaire

    before = Questionnaire.objects.count()
    document = json.loads(json.dumps(vendor_a_export))
    tamper(document)
    with pytest.raises(ApplicationError):
        services.questionnaire_import(actor=senior_reviewer, document=document)
    assert Questionnaire.objects.count() == before


def test_an_export_from_an_origin_not_trusted_is_refused(
    vendor_a_export, senior_reviewer, settings
):
    settings.PARTNER_DD_TRUSTED_KEYS = []
    with pytest.raises(ApplicationError, match="not trusted"):
        services.questionnaire_import(actor=senior_reviewer, document=vendor_a_export)


def test_only_compliance_imports_and_another_partner_cannot_export(
    client, vendor_a_export, delta, delta_user, partner_b
):
    with pytest.raises(PermissionDenied):
        services.questionnaire_import(actor=delta_user, document=vendor_a_export)
    q = delta.dd_questionnaires.get()
    client.force_login(partner_b)
    assert client.get(reverse("partner-dd-export", args=[q.pk])).status_code == 404
    assert client.post(reverse("partner-dd-import")).status_code == 403
    client.force_login(delta_user)
    r = client.get(reverse("partner-dd-export", args=[q.pk]))
    assert r.status_code == 200 and r.json()["organisation"]["name"] == delta.name


def test_the_import_page_takes_the_file(client, vendor_a_export, senior_reviewer):
    client.force_login(senior_reviewer)
    upload = SimpleUploadedFile(
        "delta.json", json.dumps(vendor_a_export).encode(), "application/json"
    )
    r = client.post(reverse("partner-dd-import"), {"document": upload})
    assert r.status_code == 302
    assert "vendor-a.example" in client.get(r["Location"]).content.decode()
    junk = SimpleUploadedFile("junk.json", b"\xff\xfe not json", "application/json")
    r = client.post(reverse("partner-dd-import"), {"document": junk}, follow=True)
    assert "not a JSON document" in r.content.decode()


def test_an_export_saved_again_with_a_byte_order_mark_imports(
    client, vendor_a_export, senior_reviewer
):
    """The file as vendor A's export page writes it, opened and saved again by an editor
    that adds a byte-order mark (Notepad does), is the same signed document."""
    written = json.dumps(vendor_a_export, ensure_ascii=False, indent=1).encode()
    client.force_login(senior_reviewer)
    upload = SimpleUploadedFile("delta.json", b"\xef\xbb\xbf" + written, "application/json")
    r = client.post(reverse("partner-dd-import"), {"document": upload}, follow=True)
    assert "not a JSON document" not in r.content.decode()
    assert "Imported from vendor-a.example" in r.content.decode()


def test_a_signed_document_with_bad_content_is_still_refused(
    settings, vendor_a_export, senior_reviewer
):
    """A trusted origin's signature vouches for where a document came from, not that its
    content is sound: the answers, country and files are checked like a partner's own."""
    from partner_dd.sharing import sign

    settings.PARTNER_DD_TRUSTED_KEYS = []  # now trust this installation's own key only
    for change, message in [
        (lambda d: d["organisation"].update(country="XX"), "ISO 3166"),
        (lambda d: d["answers"].update(contact_email="not-an-address"), "valid email"),
        (lambda d: d["answers"].update(staff_trained="yes"), "yes or no"),
        (lambda d: d["answers"].update(trained_on="last spring"), "not a date"),
        (lambda d: d["organisation"].update(role="end_customer"), "channel partner"),
        # a name of Hangul fillers and the braille blank, which draw as nothing
        (lambda d: d["organisation"].update(name="\u3164\u2800\uffa0"), "channel partner"),
    ]:
        document = json.loads(json.dumps(vendor_a_export))
        change(document)
        document = sign({k: v for k, v in document.items() if k not in ("signature", "public_key")})
        with pytest.raises(ApplicationError, match=message):
            services.questionnaire_import(actor=senior_reviewer, document=document)
