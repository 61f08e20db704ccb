"""Migration 0010 brings to the current default lexicon only the versions no admin touched:
a published, unscreened version holding exactly the lexicon the last release installed.
A version an admin edited before publishing, or one that has screened deals, keeps its own."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from lifecycle.services import opportunity_register
from rules.engine import read_pack
from rules.models import LexiconEntry
from rules.selectors import criteria_published_current
from rules.textsignals import lexicon_from_pack
from tests.factories import deal_body

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("rules.migrations.0010_lexicon_vocabulary")
RELEASED = Path(__file__).parent / "data" / "lexicon_released_04ffff8.json"
FIELDS = ("phrase", "language", "category", "family", "enabled", "source")


def released_lexicon() -> list[dict]:
    """The default lexicon as the last release (04ffff8) installed it, rebuilt from the
    current pack and the difference kept in ``data/``."""
    diff = json.loads(RELEASED.read_text(encoding="utf-8"))
    added = {tuple(k) for k in diff["added_since"]}
    current = [
        {f: getattr(e, f) for f in FIELDS}
        for e in lexicon_from_pack(read_pack())
        if (e.phrase, e.language, e.category, e.family) not in added
    ]
    released = [
        {f: getattr(e, f) for f in FIELDS}
        for e in lexicon_from_pack({"lexicon": diff["released_not_in_pack"]})
    ]
    return current + released


def rows(version) -> list[tuple]:
    return sorted(LexiconEntry.objects.filter(version=version).values_list(*FIELDS))


def current_pack() -> list[tuple]:
    return sorted(tuple(getattr(e, f) for f in FIELDS) for e in lexicon_from_pack(read_pack()))


def hold(version, entries: list[dict]) -> None:
    LexiconEntry.objects.filter(version=version).delete()
    LexiconEntry.objects.bulk_create([LexiconEntry(version=version, **e) for e in entries])


def migrate_0010() -> None:
    """Run 0010's data step with the models as they stood after 0009."""
    apps = (
        MigrationExecutor(connection).loader.project_state(("rules", "0009_lexicon_families")).apps
    )
    MIGRATION.bring_default_lexicon_up_to_date(apps, None)


def test_the_rebuilt_released_lexicon_is_the_one_the_migration_recognises():
    assert len(released_lexicon()) == 1011
    assert (
        MIGRATION.lexicon_digest(LexiconEntry(**e) for e in released_lexicon())
        == MIGRATION.RELEASED_DEFAULT_LEXICON
    )


def test_a_new_install_holds_exactly_the_current_default_lexicon():
    version = criteria_published_current()
    assert rows(version) == current_pack()
    migrate_0010()
    assert rows(version) == current_pack()


def test_an_untouched_released_version_is_brought_to_the_current_default_lexicon():
    version = criteria_published_current()
    hold(version, released_lexicon())
    migrate_0010()
    assert rows(version) == current_pack()


def test_a_version_an_admin_edited_before_publishing_keeps_its_lexicon():
    version = criteria_published_current()
    pack_phrases = {e[0] for e in current_pack()}
    entries = released_lexicon()
    # Deleted by the admin: an entry the current pack still holds.
    deleted = next(e for e in entries if e["phrase"] in pack_phrases and not e["family"])
    entries.remove(deleted)
    # Rewritten by the admin, the default source kept: a phrase the pack never held.
    rewritten = next(e for e in entries if e is not deleted and not e["family"])
    rewritten["phrase"] = rewritten["phrase"] + " of the municipal archive"
    hold(version, entries)
    before = rows(version)

    migrate_0010()

    assert rows(version) == before
    phrases = {r[0] for r in rows(version)}
    assert deleted["phrase"] not in phrases
    assert rewritten["phrase"] in phrases


def test_a_version_that_has_screened_a_deal_keeps_its_lexicon(sales_rep, catalogue):
    version = criteria_published_current()
    hold(version, released_lexicon())
    screening = opportunity_register(
        actor=sales_rep, data=deal_body()
    ).opportunity.current_screening
    assert screening.criteria_version == version
    before = rows(version)

    migrate_0010()

    assert rows(version) == before
    assert rows(version) != current_pack()


@pytest.mark.django_db(transaction=True)
def test_migrating_an_untouched_released_version_from_0009_gives_the_current_pack():
    version = criteria_published_current()
    executor = MigrationExecutor(connection)
    executor.migrate([("rules", "0009_lexicon_families")])
    # Written with the table as it stood after 0009 (later migrations add columns).
    then = executor.loader.project_state(("rules", "0009_lexicon_families")).apps
    held = then.get_model("rules", "LexiconEntry")
    held.objects.filter(version_id=version.pk).delete()
    held.objects.bulk_create([held(version_id=version.pk, **e) for e in released_lexicon()])

    executor = MigrationExecutor(connection)
    executor.migrate([("rules", "0010_lexicon_vocabulary")])
    # On to the latest migrations, which change no phrase, so the table is today's again.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes("rules"))

    assert rows(version) == current_pack()


MARKS = importlib.import_module("rules.migrations.0012_lexicon_any_language_marks")


def marked(version) -> set[tuple]:
    return set(
        LexiconEntry.objects.filter(version=version, any_language=True).values_list(
            "phrase", "language", "category"
        )
    )


def pack_marked() -> set[tuple]:
    return {
        (e.phrase, e.language, e.category) for e in lexicon_from_pack(read_pack()) if e.any_language
    }


def migrate_0012() -> None:
    apps = (
        MigrationExecutor(connection)
        .loader.project_state(("rules", "0011_lexicon_any_language"))
        .apps
    )
    MARKS.mark_default_phrases_read_in_any_language(apps, None)


def test_a_new_install_reads_the_pack_s_product_names_in_any_language():
    # The phrases were written by 0005 before the mark existed; 0012 gave them their mark.
    assert pack_marked()  # "IMSI catcher", "silent SMS"…
    version = criteria_published_current()
    assert marked(version) == pack_marked()


def test_marks_are_given_only_to_a_version_holding_the_pack_s_phrases_untouched(
    sales_rep, catalogue
):
    version = criteria_published_current()
    LexiconEntry.objects.filter(version=version).update(any_language=False)
    migrate_0012()
    assert marked(version) == pack_marked()

    # An admin removed one phrase: the version is theirs, no mark is given.
    LexiconEntry.objects.filter(version=version).update(any_language=False)
    LexiconEntry.objects.filter(version=version, category="benign").first().delete()
    migrate_0012()
    assert marked(version) == set()


def test_a_version_that_has_screened_a_deal_is_not_marked(sales_rep, catalogue):
    version = criteria_published_current()
    LexiconEntry.objects.filter(version=version).update(any_language=False)
    opportunity_register(actor=sales_rep, data=deal_body())
    migrate_0012()
    assert marked(version) == set()
