"""Families: a category's acts joined with its targets, so a red flag is composed, not listed.

A family entry lists the acts (track|locate|…) or the targets (protesters|journalists|…) of a
category in one language; the reader raises the category when an act and a target of its
families share a sentence within the window. Worked cases, no database.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from rules.engine import compile_criteria, example_snapshot, load_pack, text_read
from rules.engine.preview_text import preview_text_reader
from rules.textsignals import (
    LexiconEntry,
    LexiconError,
    compile_lexicon,
    lexicon_from_pack,
    lexicon_to_pack,
    read_text,
    validate_entry,
)
from rules.textsignals.benign_scope import protected_target_parts
from rules.textsignals.matching import entry_matches, part_spans
from rules.textsignals.reader import _Text, read_one, read_word_keys

ACTS = LexiconEntry("track|locate|tail", "en", "tracking", "acts of tracking", family="act")
TARGETS = LexiconEntry("protesters|journalists", "en", "tracking", "people", family="target")
PACK = load_pack()


def categories(text: str, lexicon=PACK.lexicon) -> set[str]:
    return {c for c, _lang, _q in read_one(text, lexicon)}


def test_an_act_of_the_family_near_a_target_of_the_family_raises_its_category() -> None:
    lexicon = compile_lexicon([ACTS, TARGETS])
    assert categories("The client will tail the journalists after the summit.", lexicon) == {
        "tracking"
    }
    # Either half alone raises nothing: a family is not a phrase.
    assert categories("We track shipments.", lexicon) == set()
    assert categories("Journalists visited the plant.", lexicon) == set()
    # Different sentences, or a negation before the act: nothing.
    assert categories("We track shipments. Journalists visited.", lexicon) == set()
    assert categories("We will not track protesters.", lexicon) == set()


def test_a_new_act_meets_every_target_already_listed() -> None:
    """What single phrases never did: one word added to the acts reaches all the targets."""
    more = LexiconEntry("pinpoint", "en", "tracking", "more acts", family="act")
    lexicon = compile_lexicon([ACTS, TARGETS, more])
    assert categories("They want to pinpoint protesters.", lexicon) == {"tracking"}
    assert categories("They want to pinpoint journalists.", lexicon) == {"tracking"}


def test_a_family_signal_is_quoted_as_evidence_with_its_field() -> None:
    lexicon = compile_lexicon([ACTS, TARGETS])
    snapshot = example_snapshot(use_description="The agency will locate the protesters' phones.")
    fields = read_text(snapshot, lexicon)
    assert fields["text.signals"] == ["tracking"]
    assert fields["text.tracking"] == ["Use description (English): “locate the protesters”"]


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (
            LexiconEntry("track ~ protesters", "en", "tracking", "s", family="act"),
            "a family lists words or phrases joined by |, without ~",
        ),
        (
            LexiconEntry("malware|spam", "en", "benign", "s", family="target"),
            "benign context is written as phrases, not as a family",
        ),
        (
            LexiconEntry("track", "en", "tracking", "s", family="acts"),
            'family "acts" is not one of "act" (a family of acts), "target"',
        ),
        (LexiconEntry("track|", "en", "tracking", "s", family="act"), "an empty alternative"),
        (LexiconEntry("track", "en", "tracking", " ", family="act"), "source must say"),
    ],
)
def test_a_broken_family_is_refused_with_its_reason(entry: LexiconEntry, problem: str) -> None:
    assert any(problem in p for p in validate_entry(entry))
    with pytest.raises(LexiconError, match="lexicon entry 2"):
        compile_lexicon([TARGETS, entry])


def test_families_travel_in_a_pack_and_come_back_the_same() -> None:
    phrase = LexiconEntry("trace ~ unionists", "en", "targets_dissent", "Case 12")
    exported = lexicon_to_pack([ACTS, TARGETS, phrase])
    assert exported[0]["family"] == "act" and exported[1]["family"] == "target"
    assert "family" not in exported[2]  # a phrase's pack entry is as it always was
    assert lexicon_from_pack({"lexicon": exported}) == [ACTS, TARGETS, phrase]


def test_the_default_pack_has_both_families_of_every_category_in_every_language() -> None:
    entries = PACK.lexicon.entries
    halves = {(e.language, e.category, e.family) for e in entries if e.family}
    for language in ("en", "fr", "es", "pt", "ar", "ru", "zh"):
        for category in PACK_CATEGORIES:
            assert (language, category, "act") in halves, (language, category)
            assert (language, category, "target") in halves, (language, category)


PACK_CATEGORIES = (
    "targets_dissent",
    "profiling",
    "censorship",
    "interception",
    "tracking",
    "security_services",
    "detention",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Acts and targets no single phrase of the lexicon pairs.
        ("Le client veut dénigrer les lanceurs d'alerte du port.", "targets_dissent"),
        ("Queremos etiquetar a los feligreses de la mezquita.", "profiling"),
        ("Операторы должны пессимизировать посты с критикой.", "censorship"),
        ("O sistema vai duplicar as conversas de WhatsApp dos assinantes.", "interception"),
        ("يريد العميل تعقب هواتف العائدين.", "tracking"),
        ("系统交付给国保使用。", "security_services"),
        ("Il s'agit d'interner les blogueurs identifiés.", "detention"),
        # A negated state is the red flag itself: its negation does not cancel it.
        ("Il faut que les sites de l'opposition ne soient pas accessibles.", "censorship"),
        ("Independent news sites must not be accessible from the country.", "censorship"),
        ("让反对派网站无法访问。", "censorship"),
    ],
)
def test_the_default_families_read_new_pairings(text: str, expected: str) -> None:
    assert expected in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We are interested in people who organise charity marches.",
        "Data room for the intelligence bureau of the retail chain.",
        "We will not block opposition websites.",  # "not" is no French "noter"
        "Nous ne bloquerons pas les sites de l'opposition.",
        "我们不会屏蔽反对派网站。",
        "Hospital wants to locate medical equipment with RFID tags.",
    ],
)
def test_benign_or_negated_texts_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # Ordinary IT deals a review found flagged once the families joined everyday words
        # (a stem shared with "critics", an act like "store", a target like "facility").
        "The firewall will block proxy and VPN traffic on the guest network.",
        "The helpdesk cannot access the internet when the VPN is down.",
        "Static analysis to detect race conditions in the firmware.",
        "SIEM to collect metadata and logs from the mail servers.",
        "A summer intern will help at the facility with the rack installation.",
        "Immutable backups so critical files cannot be deleted by ransomware.",
        "Le pare-feu doit bloquer le proxy et le VPN des invités.",
        "El cortafuegos debe bloquear el proxy y la VPN de invitados.",
        "O firewall deve bloquear o proxy e a VPN dos convidados.",
        "Archivage : conserver les courriels et les métadonnées sept ans pour l'audit comptable.",
        "Analítica de tienda: contar los usuarios y clasificar por origen de la visita.",
        "We store the emails of our customers in the CRM.",
        "Track users' sessions to find slow pages.",
        "Identify the origin server behind the CDN.",
    ],
)
def test_ordinary_it_deals_raise_nothing(text: str) -> None:
    assert categories(text) == set()


def test_a_family_changed_in_the_draft_is_previewed_as_a_full_re_read() -> None:
    entries = list(PACK.lexicon.entries)
    k = next(i for i, e in enumerate(entries) if e.family == "act" and e.category == "tracking")
    changed = [*entries[:k], replace(entries[k], enabled=False)]
    changed += entries[k + 1 :]
    in_force = compile_criteria(PACK.specs, PACK.tiers, lexicon=entries)
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=changed)
    read = preview_text_reader(draft, in_force)
    for text in (
        "The agency wants to geolocate the returnees and their relatives.",
        "Office network refresh",
        "They want to pinpoint protesters.",
    ):
        snap = example_snapshot(use_description=text)
        assert read(snap, text_read(snap, in_force)) == text_read(snap, draft)


# French "migrants" stemmed to "migr", as do "migre", "migrer" and "migré": a database that
# migrates to new storage is no person tracked. The French lists name "migrant*" instead.
@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "Renouvellement pour une société de logistique : leur base de suivi des expéditions "
            "migre sur les nouvelles baies.",
            set(),
        ),
        ("La police veut suivre les migrants à la frontière grâce aux téléphones.", {"tracking"}),
        ("Les migrantes seront détenues dans le centre sans avocat.", {"detention"}),
    ],
)
def test_a_database_that_migrates_is_no_migrant_tracked(text, read):
    assert categories(text) == read


def test_the_groups_a_family_protects_are_its_targets_when_an_act_is_a_word_beginning() -> None:
    """Compiling puts a part without ``word*`` words first (its keys trigger the phrase):
    the protected groups are still read from the targets, not from the acts."""

    acts = LexiconEntry("surveil*|monitor", "en", "targets_dissent", "acts", family="act")
    groups = LexiconEntry(
        "journalists|protesters", "en", "targets_dissent", "groups", family="target"
    )
    lexicon = compile_lexicon([acts, groups])
    text = _Text("Protesters gathered; we monitor the servers.", read_word_keys(lexicon))
    spans = [s for part in protected_target_parts(lexicon) for s in part_spans(text, part)]
    assert spans == [(0, 0)]


def test_a_banks_screening_that_flags_suspicious_transfers_raises_nothing() -> None:
    """The French profiling acts hold "classer*" (not "classe", a class): the bank's
    anti-money-laundering filtering stays benign context, as before the act was narrowed."""
    text = (
        "Banque de taille moyenne : mise à niveau du monitoring des transactions et du "
        "filtrage LCB-FT, qui signale les virements suspects et les correspondances avec les "
        "listes de sanctions pour examen par l'équipe conformité, comme l'exige la banque "
        "centrale."
    )
    assert categories(text) == set()


def test_a_match_says_where_its_act_is_when_the_acts_hold_a_word_beginning() -> None:
    """Compiling puts the targets first when the acts hold a ``word*``: a match still
    reports its act ("monitored"), which benign context naming the act's own object
    ("network monitoring") is weighed against, not its target."""

    acts = LexiconEntry("surveil*|monitor", "en", "targets_dissent", "acts", family="act")
    groups = LexiconEntry("journalists", "en", "targets_dissent", "groups", family="target")
    lexicon = compile_lexicon([acts, groups])
    text = _Text("Journalists will be monitored.", read_word_keys(lexicon))
    [entry] = lexicon.signals
    assert [act for _lo, _hi, act in entry_matches(text, entry)] == [3]
