"""The evidence pack of a decided deal: one ZIP that an auditor checks offline."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from audit.models import AuditEvent

from .conftest import PNG

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def _download(client, user, deal) -> bytes:
    client.force_login(user)
    response = client.get(f"/records/deals/{deal.pk}/evidence-pack.zip")
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/zip"
    assert f"evidence-pack-{deal.reference}.zip" in response["Content-Disposition"]
    return response.content


def _verify_offline(pack: Path, *, checkpoints: Path | None = None) -> subprocess.CompletedProcess:
    """`manage.py verify_evidence_pack` in a fresh process whose database does not exist:
    any query would fail, as it would with the server and database stopped."""
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/no_such_database",
        "AUDIT_HMAC_KEY": settings.AUDIT_HMAC_KEY,
        "AUDIT_CHECKPOINT_DIR": str(settings.AUDIT_CHECKPOINT_DIR),
        "REDIS_URL": "",
    }
    args = [sys.executable, "manage.py", "verify_evidence_pack", str(pack)]
    if checkpoints:
        args += ["--checkpoints", str(checkpoints)]
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_the_pack_holds_the_record_the_pdf_the_files_and_the_proof(client, reviewer, decided_deal):
    data = _download(client, reviewer, decided_deal)
    zf = zipfile.ZipFile(io.BytesIO(data))
    names = set(zf.namelist())
    assert {"record.json", "evidence.pdf", "chain-proof.json", "manifest.json"} <= names
    assert zf.read("evidence.pdf").startswith(b"%PDF-")
    evidence = [n for n in names if n.startswith("evidence/")]
    assert len(evidence) == 1 and zf.read(evidence[0]) == PNG
    record = json.loads(zf.read("record.json"))
    assert record["deal"]["reference"] == decided_deal.reference
    case = record["cases"][0]
    assert case["decision"]["outcome"] == "approve_with_conditions"
    assert case["decision"]["decided_by"] == "rob_reviewer"
    assert case["decision"]["reasons"] == "SOE research use; certificate given."
    assert case["decision"]["deal_as_it_stood"]["end_customer"]["name"] == "Gulf Research Co"
    assert case["information_exchanged"][0]["answer"] == "The university's IT team."
    assert case["conditions"][0]["status"] == "fulfilled"
    assert case["conditions"][0]["evidence_note"] == "Posted."
    screening = record["screenings"][0]
    assert screening["criteria_version"]["number"] >= 1 and screening["findings"]
    assert {c["iso2"] for c in record["reference_data"]["countries"]} >= {"AE"}
    actions = [e["action"] for e in record["audit_events"]]
    assert "opportunity.approve_with_conditions" in actions
    assert (
        len(record["audit_events"])
        == AuditEvent.objects.filter(opportunity_id=decided_deal.pk).count() - 1
    )
    assert record["retention"]["ends_on"].startswith(
        str(int(case["decision"]["decided_at"][:4]) + 10)
    )


def test_the_proof_verifies_offline_and_fails_on_any_changed_byte(
    client, reviewer, decided_deal, tmp_path
):
    data = _download(client, reviewer, decided_deal)
    pack = tmp_path / "pack.zip"
    pack.write_bytes(data)
    ok = _verify_offline(pack)
    assert ok.returncode == 0, ok.stderr
    assert f"Evidence pack verified: {decided_deal.reference}" in ok.stdout

    # A byte changed anywhere: inside each file, in the ZIP's headers, in its directory.
    zf = zipfile.ZipFile(io.BytesIO(data))
    offsets = [i.header_offset + 30 + len(i.filename) + i.file_size // 2 for i in zf.infolist()]
    offsets += [zf.infolist()[1].header_offset + 12, len(data) - 30, len(data) // 3]
    for offset in offsets:
        bad = bytearray(data)
        bad[offset] ^= 0x01
        pack.write_bytes(bytes(bad))
        failed = _verify_offline(pack)
        assert failed.returncode != 0, f"a changed byte at {offset} went unnoticed"
        assert "NOT verified" in failed.stderr or "not a readable ZIP" in failed.stderr


def test_a_pack_rebuilt_with_an_edited_record_is_refused(client, reviewer, decided_deal, tmp_path):
    data = _download(client, reviewer, decided_deal)
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "record.json":
                body = body.replace(b"SOE research use", b"Fully vetted use")
            dst.writestr(info, body)
    pack = tmp_path / "edited.zip"
    pack.write_bytes(out.getvalue())
    result = _verify_offline(pack)
    assert result.returncode != 0
    assert "record.json does not match the manifest" in result.stderr


def test_the_proof_needs_the_checkpoint_file_kept_outside_the_database(
    client, reviewer, decided_deal, tmp_path
):
    data = _download(client, reviewer, decided_deal)
    pack = tmp_path / "pack.zip"
    pack.write_bytes(data)
    other = tmp_path / "other-checkpoints.jsonl"
    other.write_text("")
    result = _verify_offline(pack, checkpoints=other)
    assert result.returncode != 0
    assert "is not in the checkpoint file given" in result.stderr


def test_an_undecided_deal_has_no_pack(client, reviewer, make_deal):
    deal = make_deal("medium")
    client.force_login(reviewer)
    assert client.get(f"/records/deals/{deal.pk}/evidence-pack.zip").status_code == 404


def test_taking_a_pack_is_audited(client, reviewer, decided_deal):
    _download(client, reviewer, decided_deal)
    event = AuditEvent.objects.filter(action="records.evidence_pack_built").get()
    assert event.actor == reviewer and event.opportunity_id == decided_deal.pk
    assert len(event.changes["sha256"]) == 64


@pytest.mark.parametrize("persona", ["sales_rep", "partner_a", "partner_b", "outsider"])
def test_partners_and_reps_never_get_a_pack(client, request, persona, decided_deal):
    client.force_login(request.getfixturevalue(persona))
    for url in (
        f"/records/deals/{decided_deal.pk}/evidence-pack.zip",
        f"/records/deals/{decided_deal.pk}/",
    ):
        assert client.get(url).status_code in (403, 404)


def test_the_packs_of_a_period_are_built_by_a_command(reviewer, decided_deal, tmp_path, capsys):
    year = decided_deal.review_decisions.get().decided_at.year
    call_command(
        "build_evidence_packs",
        "--from",
        f"{year}-01-01",
        "--to",
        f"{year}-12-31",
        "--out",
        str(tmp_path),
        "--as",
        reviewer.username,
    )
    written = list(tmp_path.glob("evidence-pack-*.zip"))
    assert [p.name for p in written] == [f"evidence-pack-{decided_deal.reference}.zip"]
    assert _verify_offline(written[0]).returncode == 0
    call_command(
        "build_evidence_packs",
        "--from",
        f"{year + 1}-01-01",
        "--to",
        f"{year + 1}-12-31",
        "--out",
        str(tmp_path / "next"),
        "--as",
        reviewer.username,
    )
    assert not list((tmp_path / "next").glob("*.zip"))


def test_the_proof_spans_the_deals_life_not_the_whole_trail(
    client, reviewer, decided_deal, make_deal
):
    from audit.models import AuditSeal
    from audit.services import audit_checkpoint_publish

    _download(client, reviewer, decided_deal)  # itself an event of the deal
    covering = audit_checkpoint_publish()["count"]
    make_deal("medium", title="Later business")  # the trail grows after the deal's last event
    data = _download(client, reviewer, decided_deal)
    chain = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("chain-proof.json"))
    assert chain["checkpoint"]["count"] == covering < AuditSeal.objects.count()
    assert chain["links"][-1][0] == covering


def test_no_pack_is_made_when_the_chain_disagrees_with_its_checkpoint(
    client, reviewer, decided_deal
):
    from audit.checkpoints import checkpoint_append
    from audit.models import AuditSeal
    from audit.services import audit_chain_seal_all

    audit_chain_seal_all()
    count = AuditSeal.objects.count()
    # a signed checkpoint whose head the chain in the database no longer reaches
    checkpoint_append(at="2026-11-30T00:00:00+00:00", count=count, head="f" * 64)
    client.force_login(reviewer)
    response = client.get(f"/records/deals/{decided_deal.pk}/evidence-pack.zip")
    assert response.status_code == 409
    assert "verify_audit_chain" in response.content.decode()
