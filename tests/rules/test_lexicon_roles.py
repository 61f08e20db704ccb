"""What a lexicon entry does beyond matching is a field an admin sees and sets (benign
context's role and whether it tells a security service apart; an interception phrase's
warrant made optional), not something the first words of its source decide behind the
admin's back: rewriting a rationale changes no reading."""

from __future__ import annotations

import importlib
from dataclasses import replace

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.html import escape

from audit.models import AuditEvent
from rules import services
from rules.engine import read_pack
from rules.models import LexiconEntry
from rules.selectors import criteria_lexicon, criteria_published_current
from rules.textsignals import LexiconError, compile_lexicon, lexicon_from_pack, lexicon_to_pack
from rules.textsignals.benign_scope import is_family_phrase
from rules.textsignals.entry_roles import ROLE_NAMES, ROLES, role_from_source
from rules.textsignals.lexicon import LexiconEntry as TextEntry

pytestmark = pytest.mark.django_db

PAGE = "/criteria/draft/lexicon/"
# Its subject is the secret police: the exhibition entries tell the service apart.
# Undated: a span of the old regime's years would read nothing whatever the role (past_told).
EXHIBITION = "24 touchscreens for the new permanent exhibition 'Files of the Secret Police'."
FLAG = "Security or intelligence services</strong>"


def tried(client, text: str) -> str:
    return client.get(PAGE, {"try": text}).content.decode()


def told_rows(draft):
    """The draft's English entries telling a security service apart (the exhibition's
    among them)."""
    return list(draft.lexicon.filter(language="en", category="benign", tells_service=True))


def form(row, **more) -> dict:
    values = {
        "phrase": row.phrase,
        "language": row.language,
        "category": row.category,
        "source": row.source,
        "family": row.family,
        "role": row.role,
        **({"enabled": "on"} if row.enabled else {}),
        **({"any_language": "on"} if row.any_language else {}),
        **({"tells_service": "on"} if row.tells_service else {}),
    }
    values.update(more)
    return {k: v for k, v in values.items() if v is not None}


def test_the_lexicon_page_shows_each_benign_entrys_role(client, admin_user):
    services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    page = client.get(PAGE, {"role": "thing named"}).content.decode()  # the list is paged
    assert "<th>Role</th>" in page
    assert "<td>A thing named</td>" in page  # in words, as the form names it
    told = client.get(PAGE, {"search": "exhibitions and archives about"}).content.decode()
    assert "tells a service apart" in told
    # The form offers every role with what it cancels, and the service tick box.
    assert all(f'<option value="{escape(code)}"' in page for code in ROLES)
    assert 'name="tells_service"' in page


def test_rewriting_a_source_keeps_what_the_entry_cancels(client, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    assert FLAG not in tried(client, EXHIBITION)
    rows = told_rows(draft)
    assert rows
    # The admin rewrites each rationale in their own words: nothing is read differently.
    for row in rows:
        reply = client.post(f"{PAGE}{row.pk}/", form(row, source="Our museum customers"))
        assert reply.status_code == 302
    assert FLAG not in tried(client, EXHIBITION)
    assert all(r.tells_service for r in told_rows(draft))


def test_an_admin_unticks_the_service_box_and_the_exhibition_clears_the_service_no_more(
    client, admin_user
):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    for row in told_rows(draft):
        # An unticked check box is not sent.
        assert client.post(f"{PAGE}{row.pk}/", form(row, tells_service=None)).status_code == 302
    assert FLAG in tried(client, EXHIBITION)
    assert AuditEvent.objects.filter(
        action="criteria.lexicon_saved", changes__tells_service=[True, False]
    ).exists()


def test_an_admin_gives_a_new_phrase_a_role(client, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    sentence = "Track the zorblat phones of protesters."
    assert "Tracking of people</strong>" in tried(client, sentence)
    values = {
        "phrase": "zorblat",
        "language": "en",
        "category": "benign",
        "source": "A warehouse robot",
        "enabled": "on",
        "role": "thing named",
    }
    assert client.post(PAGE, values).status_code == 302
    row = draft.lexicon.get(phrase="zorblat")
    assert (row.role, row.tells_service) == ("thing named", False)
    # A thing named cancels only a match ending on it: the protesters' phones are still
    # tracked.
    assert "Tracking of people</strong>" in tried(client, sentence)
    # Plain, the same words beside the match clear it.
    assert client.post(f"{PAGE}{row.pk}/", {**values, "role": ""}).status_code == 302
    assert "Tracking of people</strong>" not in tried(client, sentence)
    # The list names roles in words, as the form does (it showed "plain", "other", "calls").
    # The list is paged: each role's rows are read through the filter.
    page = client.get(PAGE, {"search": "zorblat"}).content.decode()
    assert "<td>Plain</td>" in page and "<td>plain</td>" not in page
    for role in ("other", "calls"):
        page = client.get(PAGE, {"role": role}).content.decode()
        assert f"<td>{escape(ROLE_NAMES[role])}" in page and f"<td>{role}</td>" not in page


@pytest.mark.parametrize(
    ("more", "said"),
    [
        ({"role": "thing named"}, "only benign context has a role"),
        ({"role": "", "tells_service": "on"}, "only benign context has a role"),
        ({"category": "benign", "role": "bystander"}, 'role "bystander" is not one of'),
        (
            {"category": "benign", "role": "warrant made optional"},
            'role "warrant made optional" is for interception phrases only',
        ),
    ],
)
def test_a_role_that_cannot_be_is_refused_with_the_reason(client, admin_user, more, said):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    values = {
        "phrase": "zorblat",
        "language": "en",
        "category": "tracking",
        "source": "s",
        "enabled": "on",
        **more,
    }
    reply = client.post(PAGE, values)
    assert reply.status_code == 400
    assert escape(said) in reply.content.decode()
    assert not draft.lexicon.filter(phrase="zorblat").exists()


def test_roles_travel_in_criteria_packs_and_an_older_pack_reads_them_from_its_sources(
    admin_user,
):
    version = criteria_published_current()
    pack = services.criteria_pack_export(version)
    benign = [e for e in pack["lexicon"] if e["category"] == "benign"]
    assert benign and all("role" in e and "tells_service" in e for e in benign)
    # Other entries carry a role only when they have one (the warrant made optional).
    others = [e for e in pack["lexicon"] if e["category"] != "benign" and "role" in e]
    assert {(e["category"], e["role"]) for e in others} == {
        ("interception", "warrant made optional")
    }
    # An admin's role survives the round trip, whatever the source says.
    edited = lexicon_from_pack(pack)
    i = next(i for i, e in enumerate(edited) if e.role == "thing named")
    edited[i] = replace(edited[i], role="")
    again = lexicon_from_pack({"lexicon": lexicon_to_pack(edited)})
    assert again == edited and again[i].role == ""
    # A pack written before roles were fields: each entry's source sets them, as it did.
    older = [
        {k: v for k, v in e.items() if k not in ("role", "tells_service")} for e in pack["lexicon"]
    ]
    assert lexicon_from_pack({"lexicon": older}) == lexicon_from_pack(pack)
    draft = services.criteria_pack_import(actor=admin_user, pack=pack)
    assert criteria_lexicon(draft) == criteria_lexicon(version)


def test_a_new_install_holds_the_packs_roles():
    version = criteria_published_current()
    assert sorted(map(repr, criteria_lexicon(version))) == sorted(
        map(repr, lexicon_from_pack(read_pack()))
    )
    assert LexiconEntry.objects.filter(version=version, tells_service=True).count() > 10


def test_the_default_packs_roles_are_those_its_sources_gave():
    # Migration 0017 gives a new install's rows (written from the pack without roles by
    # 0005 and 0010) the roles their sources gave: the pack's, as long as this holds. A role
    # changed in the pack needs a data migration of its own, as 0010 and 0012 were.
    for e in lexicon_from_pack(read_pack()):
        assert (e.role, e.tells_service) == role_from_source(e.source, e.category), e


def test_compiling_refuses_a_role_outside_benign_context():
    entry = lexicon_from_pack(read_pack())[0]
    assert entry.category != "benign"
    with pytest.raises(LexiconError, match="only benign context has a role"):
        compile_lexicon([replace(entry, role="idiom")])


MIGRATION = importlib.import_module("rules.migrations.0017_lexicon_roles")


def test_the_migration_gives_rows_the_roles_their_sources_gave():
    version = criteria_published_current()
    rows = LexiconEntry.objects.filter(version=version, category__in=("benign", "interception"))
    expected = {r.pk: (r.role, r.tells_service) for r in rows}
    roles = {role for role, _ in expected.values()}
    assert {"thing named", "oversight", "warrant made optional"} <= roles
    rows.update(role="", tells_service=False)  # as the table stood before 0017's data step
    apps = MigrationExecutor(connection).loader.project_state(("rules", "0017_lexicon_roles")).apps
    MIGRATION.roles_from_sources(apps, None)
    assert {r.pk: (r.role, r.tells_service) for r in rows.all()} == expected


def test_a_pack_entry_with_half_a_role_is_refused():
    entry = next(e for e in lexicon_to_pack(lexicon_from_pack(read_pack())) if e.get("role"))
    for kept in ("role", "tells_service"):
        half = {k: v for k, v in entry.items() if k in (kept, "phrase", "language")}
        half |= {"category": "benign", "source": entry["source"], "enabled": True}
        with pytest.raises(LexiconError, match="role and tells_service are given together"):
            lexicon_from_pack({"lexicon": [half]})


def test_benign_context_moved_to_another_category_leaves_its_role_behind(client, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    row = draft.lexicon.filter(category="benign", role="oversight").first()
    reply = client.post(f"{PAGE}{row.pk}/", form(row, category="interception"))
    assert reply.status_code == 302
    row.refresh_from_db()
    assert (row.category, row.role, row.tells_service) == ("interception", "", False)
    assert AuditEvent.objects.filter(
        action="criteria.lexicon_saved", changes__role=["oversight", ""]
    ).exists()
    # A role chosen with another category at once is a contradiction, said so.
    other = draft.lexicon.filter(category="benign", role="").first()
    reply = client.post(f"{PAGE}{other.pk}/", form(other, category="tracking", role="idiom"))
    assert reply.status_code == 400
    assert "only benign context has a role" in reply.content.decode()


def test_a_form_opened_before_roles_existed_keeps_the_entrys_role(client, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    row = draft.lexicon.filter(category="benign", role="thing named").first()
    values = form(row, source="Rewritten", role=None, tells_service=None)
    assert "role" not in values
    assert client.post(f"{PAGE}{row.pk}/", values).status_code == 302
    row.refresh_from_db()
    assert (row.source, row.role) == ("Rewritten", "thing named")


def test_a_phrase_an_admin_writes_is_never_taken_for_the_families_phrase():
    # The phrase a category's families compose tells where a text names a protected group;
    # it was told apart by its source, which an admin's phrase could copy.
    lexicon = compile_lexicon(lexicon_from_pack(read_pack()))
    composed = [e for e in lexicon.effective if is_family_phrase(e)]
    assert composed and all(e.source == "Families: acts ~ targets" for e in composed)
    copied = TextEntry("track ~ zorblats", "en", "targets_dissent", "Families: acts ~ targets")
    assert not is_family_phrase(copied)
    with pytest.raises(LexiconError, match='role "composed from families" is not one of'):
        compile_lexicon([replace(copied, role="composed from families")])


@pytest.mark.parametrize(
    ("values", "said"),
    [
        (
            {"category": "interception", "role": "warrant made optional", "tells_service": "on"},
            "only benign context has a role or tells a security service apart",
        ),
        (
            {"category": "interception", "family": "act", "role": "warrant made optional"},
            "a family has no role",
        ),
    ],
)
def test_a_role_that_would_do_nothing_is_refused(client, admin_user, values, said):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    reply = client.post(
        PAGE, {"phrase": "zorblat", "language": "en", "source": "s", "enabled": "on", **values}
    )
    assert reply.status_code == 400
    assert escape(said) in reply.content.decode()
    assert not draft.lexicon.filter(phrase="zorblat").exists()


def test_a_pack_entry_without_its_role_key_takes_the_role_its_source_gives():
    made_optional = next(
        e
        for e in lexicon_to_pack(lexicon_from_pack(read_pack()))
        if e.get("role") and e["category"] == "interception"
    )
    without = {k: v for k, v in made_optional.items() if k != "role"}
    assert lexicon_from_pack({"lexicon": [{**without, "tells_service": False}]})[0].role == (
        "warrant made optional"
    )


def test_a_form_refused_shows_the_role_the_entry_has(client, admin_user):
    draft = services.criteria_draft_start(actor=admin_user)
    client.force_login(admin_user)
    row = draft.lexicon.filter(category="benign", role="thing named").first()
    values = form(row, source="", role=None, tells_service=None)  # opened before roles existed
    reply = client.post(f"{PAGE}{row.pk}/", values)
    assert reply.status_code == 400
    assert '<option value="thing named" selected>' in reply.content.decode()
