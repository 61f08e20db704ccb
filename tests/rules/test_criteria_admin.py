"""Admins edit criteria, preview their effect, publish them; every screening names its version."""

from __future__ import annotations

import json

import pytest

from audit.models import AuditEvent
from lifecycle.services import opportunity_register
from rules import preview, services
from rules.models import CriteriaVersion, PreviewRun
from rules.selectors import criteria_published_current
from tests.factories import deal_body

pytestmark = pytest.mark.django_db


def test_the_default_criteria_are_published_as_version_one_on_first_migration():
    current = criteria_published_current()
    assert current.number == 1
    criteria = list(current.criteria.all())
    assert len(criteria) >= 30
    dims = {c.dimension for c in criteria}
    assert {
        "product_capability",
        "end_user",
        "intended_use",
        "country_context",
        "channel_red_flag",
        "partner",
        "restricted_party",
    } <= dims
    assert all(c.source for c in criteria), "every default criterion cites its source"


@pytest.mark.parametrize(
    "condition, words",
    [
        ("contry.rule_of_law < 0", "unknown field"),
        ("capability_severity / 0 > 1", "zero"),
        ("capabilities > 3", "list"),
        ("__import__('os').system('id')", ""),
        ("capability_severity +", ""),
    ],
)
def test_a_broken_condition_is_refused_when_saved_with_the_reason(
    admin_user, client, condition, words
):
    services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    r = client.post(
        "/criteria/draft/new/",
        {
            "code": "TEST-BROKEN",
            "name": "Broken",
            "dimension": "product_capability",
            "condition": condition,
            "outcome": "score",
            "explanation": "x",
            "scale": "3",
            "scope": "0",
            "irremediability": "0",
            "likelihood": "0",
            "severity_uplift": "0",
            "enabled": "on",
        },
    )
    assert r.status_code == 400
    assert words in r.content.decode()
    assert (
        not CriteriaVersion.objects.get(status="draft").criteria.filter(code="TEST-BROKEN").exists()
    )


def test_only_admins_edit_criteria(client, reviewer, sales_rep):
    client.force_login(reviewer)
    assert client.get("/criteria/").status_code == 200  # reviewers may read
    assert client.post("/criteria/draft/start/").status_code == 403
    client.force_login(sales_rep)
    assert client.get("/criteria/").status_code == 403


def test_publishing_a_draft_makes_new_deals_scored_by_the_new_version(
    admin_user, sales_rep, catalogue, client
):
    client.force_login(admin_user)
    client.post("/criteria/draft/start/")
    r = client.post(
        "/criteria/draft/new/",
        {
            "code": "CUST-NORWAY-WATCH",
            "name": "Deals in Norway get a second look",
            "dimension": "country_context",
            "condition": 'country.code == "NO"',
            "outcome": "score",
            "explanation": "The end user is in {country.name}.",
            "scale": "0",
            "scope": "0",
            "irremediability": "0",
            "likelihood": "5",
            "severity_uplift": "0",
            "enabled": "on",
            "source": "Internal policy",
            "reasoning": "test",
            "ask": "",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    before = opportunity_register(actor=sales_rep, data=deal_body(title="Before")).opportunity
    assert "CUST-NORWAY-WATCH" not in [f["code"] for f in before.current_screening.findings]
    r = client.post("/criteria/draft/publish/", {"notes": "Watch Norway"})
    assert r.status_code == 302
    assert criteria_published_current().number == 2
    after = opportunity_register(actor=sales_rep, data=deal_body(title="After")).opportunity
    screening = after.current_screening
    assert screening.criteria_version.number == 2
    finding = next(f for f in screening.findings if f["code"] == "CUST-NORWAY-WATCH")
    assert finding["evidence"]["country.code"] == "NO"
    assert "Norway" in finding["explanation"]
    assert AuditEvent.objects.filter(action="criteria.published").count() == 1


def test_published_versions_never_change(admin_user):
    v1 = criteria_published_current()
    with pytest.raises(Exception, match="never change"):
        services.criterion_save(
            actor=admin_user, draft=v1, code=v1.criteria.first().code, values={"likelihood": 0}
        )


def test_the_preview_lists_deals_whose_tier_would_change_both_ways(
    admin_user, sales_rep, catalogue
):
    low = opportunity_register(actor=sales_rep, data=deal_body(title="Low one")).opportunity
    assert low.current_screening.tier == "low"
    draft = services.criteria_draft_start(actor=admin_user)
    services.criterion_save(
        actor=admin_user,
        draft=draft,
        code="RAISE-ALL",
        create=True,
        values={
            "name": "Everything is high",
            "dimension": "combination",
            "condition": "capability_severity >= 0",
            "outcome": "heightened_due_diligence",
            "explanation": "Test",
            "scale": 0,
        },
    )
    run = preview.preview_start(actor=admin_user, draft=draft)
    run = preview.preview_execute(run_id=run.pk)
    assert run.status == PreviewRun.Status.DONE
    assert run.result["counts"]["up"] == 1
    assert run.result["up"][0]["reference"] == low.reference
    assert run.result["up"][0]["to"] == "high"
    assert {"code": "RAISE-ALL", "before": 0, "after": 1} in run.result["per_criterion"]
    # Running the same preview task again changes nothing (a re-delivered task).
    assert preview.preview_execute(run_id=run.pk).result == run.result


def test_the_preview_page_shows_a_progress_bar_until_done(admin_user, client):
    draft = services.criteria_draft_start(actor=admin_user)
    run = PreviewRun.objects.create(
        draft=draft, requested_by=admin_user, total=10, done=4, status="running"
    )
    client.force_login(admin_user)
    html = client.get(f"/criteria/previews/{run.pk}/").content.decode()
    assert 'role="progressbar"' in html and 'aria-valuenow="40"' in html
    preview.preview_execute(run_id=PreviewRun.objects.create(draft=draft).pk)


def test_publishing_rescreens_open_deals_and_routes_those_whose_tier_rose(
    admin_user, sales_rep, catalogue
):
    deal = opportunity_register(actor=sales_rep, data=deal_body(title="Was low")).opportunity
    assert deal.status == "cleared"
    draft = services.criteria_draft_start(actor=admin_user)
    services.criterion_save(
        actor=admin_user,
        draft=draft,
        code="RAISE-ALL",
        create=True,
        values={
            "name": "Everything is high",
            "dimension": "combination",
            "condition": "capability_severity >= 0",
            "outcome": "heightened_due_diligence",
            "explanation": "Test",
            "scale": 0,
        },
    )
    version = services.criteria_publish(actor=admin_user, draft=draft, notes="raise")
    # Publishing queued a re-screening run (monitoring); run it as the worker would.
    from monitoring.models import RescreenRun
    from monitoring.services import rescreen_chunk, rescreen_plan

    run = rescreen_plan(run_id=RescreenRun.objects.get(criteria_version=version).pk)
    assert run.total == 1
    assert rescreen_chunk(run_id=run.pk, index=0) == 1
    deal.refresh_from_db()
    assert deal.current_screening.criteria_version == version
    assert deal.current_screening.tier == "high"
    assert deal.status == "on_hold"
    # Idempotent: a second delivery finds nothing left to re-screen.
    assert rescreen_plan(run_id=run.pk).total == 1
    assert rescreen_chunk(run_id=run.pk, index=0) == 0
    assert deal.screenings.count() == 2


def test_a_criteria_pack_exports_and_imports_round_trip(admin_user, client):
    client.force_login(admin_user)
    r = client.get("/criteria/versions/1/export.json")
    pack = json.loads(r.content)
    assert pack["format"] == "hrdd-criteria-pack" and len(pack["criteria"]) >= 30
    pack["criteria"][0]["likelihood"] = 4
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("pack.json", json.dumps(pack).encode(), "application/json")
    r = client.post("/criteria/import/", {"pack": upload})
    assert r.status_code == 302
    draft = CriteriaVersion.objects.get(status="draft")
    assert draft.criteria.get(code=pack["criteria"][0]["code"]).likelihood == 4


def test_the_default_criteria_exported_import_again_as_downloaded(admin_user, client):
    """The file as an admin downloads it, uploaded unchanged: within the import page's limit
    (indented, the learned cues' weights took the default criteria past it) and read back
    whole, its phrases indented for a reader and its learned cues kept."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from rules import views
    from rules.models import LearnedCues

    client.force_login(admin_user)
    r = client.get("/criteria/versions/1/export.json")
    assert r["Content-Type"].startswith("application/json")
    assert r["Content-Disposition"] == 'attachment; filename="criteria-v1.json"'
    body = r.content
    assert len(body) <= views.MAX_PACK_BYTES
    lines = body.decode("utf-8").splitlines()
    assert '  "lexicon": [' in lines and '      "language": "zh",' in lines
    assert any("监控" in line for line in lines)  # written as it reads, not as \\u escapes
    assert [line[:18] for line in lines[-2:]] == ['  "learned_cues": ', "}"]  # on one line
    exported = json.loads(body)
    assert exported["learned_cues"]["languages"]
    upload = SimpleUploadedFile("criteria-v1.json", body, "application/json")
    r = client.post("/criteria/import/", {"pack": upload})
    assert r.status_code == 302, r.content.decode()[:500]
    draft = CriteriaVersion.objects.get(status="draft")
    assert LearnedCues.objects.get(version=draft).data == exported["learned_cues"]


def test_a_pack_saved_again_with_a_byte_order_mark_imports(admin_user, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(admin_user)
    body = client.get("/criteria/versions/1/export.json").content
    upload = SimpleUploadedFile("criteria-v1.json", b"\xef\xbb\xbf" + body, "application/json")
    r = client.post("/criteria/import/", {"pack": upload})
    assert r.status_code == 302, r.content.decode()[:500]
    assert CriteriaVersion.objects.filter(status="draft").exists()


def test_a_pack_holding_a_lone_surrogate_is_refused_with_the_reason(admin_user, client):
    """JSON may spell "\\ud800", which no text holds: PostgreSQL refuses it, and no file
    could carry it back out. Refused whole, the reason said."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(admin_user)
    pack = json.loads(client.get("/criteria/versions/1/export.json").content)
    pack["lexicon"][0]["source"] = "copied from a file \ud800"
    upload = SimpleUploadedFile("p.json", json.dumps(pack).encode(), "application/json")
    r = client.post("/criteria/import/", {"pack": upload})
    assert r.status_code == 400
    assert "lone surrogate" in r.content.decode()
    assert not CriteriaVersion.objects.filter(status="draft").exists()


def test_a_malformed_pack_is_refused_and_the_draft_untouched(admin_user, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(admin_user)
    bad = {
        "format": "hrdd-criteria-pack",
        "version": 1,
        "criteria": [{"code": "X-1", "condition": "nope >"}],
    }
    r = client.post(
        "/criteria/import/", {"pack": SimpleUploadedFile("p.json", json.dumps(bad).encode())}
    )
    assert r.status_code == 400
    assert "not imported" in r.content.decode()
    assert not CriteriaVersion.objects.filter(status="draft").exists()
    r = client.post("/criteria/import/", {"pack": SimpleUploadedFile("p.json", b"\x00\x01garbage")})
    assert r.status_code == 400


def test_a_pack_over_the_limit_is_refused_with_the_limit_said(admin_user, client, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from rules import views

    client.force_login(admin_user)
    monkeypatch.setattr(views, "MAX_PACK_BYTES", 1024 * 1024)
    upload = SimpleUploadedFile("pack.json", b" " * (1024 * 1024 + 1), "application/json")
    r = client.post("/criteria/import/", {"pack": upload})
    assert r.status_code == 400
    assert "at most 1 MB" in r.content.decode()
    assert not CriteriaVersion.objects.filter(status="draft").exists()
