"""Answer once, share by consent: the signed export and import of a partner's answers."""

from __future__ import annotations

import base64
import binascii
import hashlib
from datetime import date
from typing import Any

import pycountry
from django.db import transaction
from django.utils import timezone

from accounts.policies import is_compliance
from audit.services import audit_record
from hrdd.errors import ApplicationError, Conflict
from partners.services import organisation_get_or_register
from reviews.uploads import evidence_validate
from taxonomy import INTERMEDIARY_ROLES
from taxonomy.visible import name_as_read

from ..models import ANSWER_FIELDS, OPEN_STATUSES, Evidence, Questionnaire
from ..scoring import EVIDENCE_KINDS
from .core import _clean_answers, _require


def questionnaire_export(*, actor, questionnaire: Questionnaire) -> dict:
    """The partner's answered questionnaire as a signed document (see `sharing`): its own
    answers and evidence files, never the vendor's review. Audited."""
    from ..sharing import FORMAT, VERSION, jsonable, sign

    if questionnaire.status not in (Questionnaire.Status.SUBMITTED, Questionnaire.Status.ACCEPTED):
        raise ApplicationError("Only an answered questionnaire can be exported.")
    org = questionnaire.organisation
    evidence = [
        {
            "kind": e.kind,
            "name": e.original_name,
            "sha256": e.sha256,
            "uploaded_at": e.uploaded_at.isoformat(),
            "content": base64.b64encode(e.file.open("rb").read()).decode(),
        }
        for e in questionnaire.evidence.all()
    ]
    document = sign(
        {
            "format": FORMAT,
            "version": VERSION,
            "signed_at": timezone.now().isoformat(),
            "organisation": {"name": org.name, "country": org.country, "role": org.role},
            "answers": {f: jsonable(getattr(questionnaire, f)) for f in ANSWER_FIELDS},
            "submitted_at": jsonable(questionnaire.submitted_at),
            "evidence": evidence,
        }
    )
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="partner_questionnaire.exported",
            object_type="partner_questionnaire",
            object_id=questionnaire.pk,
            changes={"origin": document["origin"], "signed_at": document["signed_at"]},
        )
    return document


def _imported_answers(raw: Any) -> dict:
    if not isinstance(raw, dict):
        raise ApplicationError("The document has no answers.")
    answers = {f: raw.get(f) for f in ANSWER_FIELDS}
    try:
        if answers["trained_on"]:
            answers["trained_on"] = date.fromisoformat(str(answers["trained_on"]))
    except ValueError as exc:
        raise ApplicationError("The training date in the document is not a date.") from exc
    answers["programme"] = answers["programme"] or ""
    return _clean_answers(answers)


def questionnaire_import(*, actor, document: Any) -> Questionnaire:
    """Import a partner's profile signed by a trusted installation, as an answered round
    waiting for this vendor's review (its origin and signing date shown). Compliance only;
    refused whole if the signature, an answer or a file does not check out."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ..sharing import verify

    _require(None if is_compliance(actor) else "Only compliance staff import partner profiles.")
    verify(document)
    org_data = document.get("organisation") or {}
    answers = _imported_answers(document.get("answers"))
    files = []
    for item in document.get("evidence") or []:
        try:
            content = base64.b64decode(str(item.get("content") or ""), validate=True)
        except (ValueError, binascii.Error) as exc:
            raise ApplicationError("An evidence file in the document is damaged.") from exc
        if hashlib.sha256(content).hexdigest() != item.get("sha256"):
            raise ApplicationError("An evidence file does not match its SHA-256.")
        upload = SimpleUploadedFile(str(item.get("name") or "evidence")[-200:], content)
        evidence_validate(upload)
        if item.get("kind") not in EVIDENCE_KINDS:
            raise ApplicationError("An evidence file has an unknown kind.")
        files.append((item["kind"], upload, item["sha256"]))
    role = org_data.get("role")
    if role not in INTERMEDIARY_ROLES or not name_as_read(str(org_data.get("name") or "")):
        raise ApplicationError("The document does not name a channel partner.")
    if pycountry.countries.get(alpha_2=str(org_data.get("country") or "")) is None:
        raise ApplicationError("The document's country is not an ISO 3166 code.")
    with transaction.atomic():
        org = organisation_get_or_register(
            name=str(org_data["name"])[:200],
            country=str(org_data.get("country") or "")[:2],
            role=role,
        )
        if org.dd_questionnaires.filter(status__in=OPEN_STATUSES).exists():
            raise Conflict(f"{org.name} has a questionnaire open: finish or review it first.")
        now = timezone.now()
        q = Questionnaire.objects.create(
            organisation=org,
            status=Questionnaire.Status.SUBMITTED,
            requested_by=actor,
            requested_at=now,
            submitted_at=_parse_time(document.get("submitted_at")) or now,
            origin=str(document["origin"])[:200],
            origin_signed_at=_parse_time(document.get("signed_at")),
            **answers,
        )
        for kind, upload, digest in files:
            ev = Evidence(
                questionnaire=q,
                kind=kind,
                original_name=upload.name,
                sha256=digest,
                uploaded_by=None,
                uploaded_at=now,
            )
            ev.file.save(upload.name, upload, save=True)
        audit_record(
            actor=actor,
            action="partner_questionnaire.imported",
            object_type="partner_questionnaire",
            object_id=q.pk,
            to_state=q.status,
            changes={
                "organisation_id": org.pk,
                "origin": q.origin,
                "signed_at": document.get("signed_at"),
                "evidence": [d for _, _, d in files],
            },
        )
    return q


def _parse_time(value: Any):
    from datetime import datetime

    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError as exc:
        raise ApplicationError("A date in the document is not a date.") from exc
