"""The preview's text shortcut reads exactly what a full re-read with the draft would.

Generated deals (texts of the labelled set in the seven languages, alone and together)
and generated lexicon changes (phrases removed, disabled, recategorised, added, benign
context added or removed, on either side); no database.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.engine import (
    TEXT_DERIVED_FIELDS,
    compile_criteria,
    example_snapshot,
    load_pack,
    text_read,
)
from rules.engine.packs import cues_from_pack, read_pack
from rules.engine.preview_removal import without_phrases
from rules.engine.preview_text import ChangeProbe, preview_text_reader
from rules.textsignals import CATEGORIES, LexiconEntry
from rules.textsignals.disguise import as_read
from rules.textsignals.entry_roles import MADE_OPTIONAL_SOURCE
from rules.textsignals.lexicon import family_phrases, phrase_key
from rules.textsignals.snapshot_reading import TRUNCATED
from rules.textsignals.split_record import SPLIT_FIELD, SplitChange
from rules.textsignals.split_words import rejoined
from tests.rules_engine.labelled import TEXTS as LABELLED_TEXTS
from tests.rules_engine.labelled import spread

# The default pack's criteria and phrases without its learned cues: the shortcut for a
# change of cues (words or pairs switched) is ``test_preview_cues``'s.
_DEFAULT = load_pack()
PACK = compile_criteria(_DEFAULT.specs, _DEFAULT.tiers, lexicon=_DEFAULT.lexicon.entries)
ENTRIES = list(PACK.lexicon.entries)
TEXTS = [*LABELLED_TEXTS, "Office network refresh", "办公室网络升级", "Обновление сети офиса", ""]
EXTRA = [
    LexiconEntry("trace ~ unionists|protesters", "en", "targets_dissent", "s"),
    LexiconEntry("protesters", "en", "benign", "s"),
    LexiconEntry("court|judge", "en", "benign", "s"),
    LexiconEntry("surveil* ~ students", "en", "tracking", "s"),
    LexiconEntry("periodist*", "es", "targets_dissent", "s"),
    LexiconEntry("bloquear ~ llamadas", "es", "benign", "s"),
    LexiconEntry("задерж*", "ru", "detention", "s"),
    LexiconEntry("记者", "zh", "targets_dissent", "s"),
    LexiconEntry("卡车|货物", "zh", "benign", "s"),
    LexiconEntry("المعارضة", "ar", "targets_dissent", "s"),
    LexiconEntry("rostos ~ ciganos|indígenas", "pt", "profiling", "s"),
    LexiconEntry("réseau", "fr", "censorship", "s"),
]


# Roles a benign entry may be given (``entry_roles``): telling a security service apart,
# bounding as an overseer, a thing named, none; an interception phrase's: reading a warrant
# made optional, none. And sources, which set no role.
ROLES = [("", True), ("oversight", False), ("thing named", False), ("", False)]
PHRASE_ROLES = [("warrant made optional", False), ("", False)]
SOURCES = ["Benign context (things): a thing", f"{MADE_OPTIONAL_SOURCE} (rewritten)", "s"]
BENIGN_AT = [i for i, e in enumerate(ENTRIES) if e.category == "benign"]
INTERCEPTION_AT = [
    i for i, e in enumerate(ENTRIES) if e.category == "interception" and not e.family
]  # phrases: a family has no role


def _side(draw) -> list[LexiconEntry]:
    """The default lexicon with some phrases removed, disabled, recategorised, given another
    role or another source, and some extra phrases added."""
    n = len(ENTRIES)
    removed = draw(st.sets(st.integers(0, n - 1), max_size=12))
    disabled = draw(st.sets(st.integers(0, n - 1), max_size=6))
    recategorised = draw(
        st.dictionaries(st.integers(0, n - 1), st.sampled_from([*CATEGORIES, "benign"]), max_size=4)
    )
    resourced = draw(st.dictionaries(st.integers(0, n - 1), st.sampled_from(SOURCES), max_size=6))
    rerolled = draw(st.dictionaries(st.sampled_from(BENIGN_AT), st.sampled_from(ROLES), max_size=6))
    rerolled |= draw(
        st.dictionaries(st.sampled_from(INTERCEPTION_AT), st.sampled_from(PHRASE_ROLES), max_size=3)
    )
    out = []
    for i, e in enumerate(ENTRIES):
        if i in removed:
            continue
        if i in resourced:
            e = replace(e, source=resourced[i])
        if i in rerolled:
            e = replace(e, role=rerolled[i][0], tells_service=rerolled[i][1])
        if i in recategorised:
            # A family moved to benign context becomes a phrase (benign has no families);
            # benign context moved to another category loses its role (others have none).
            if recategorised[i] == "benign":
                e = replace(e, category="benign", family="")
            else:
                e = replace(e, category=recategorised[i], role="", tells_service=False)
            if e.role == "warrant made optional":  # an interception phrase's role only
                e = replace(e, role="")
        if i in disabled:
            e = replace(e, enabled=False)
        out.append(e)
    out += draw(st.lists(st.sampled_from(EXTRA), unique=True, max_size=4))
    return out


@st.composite
def lexicon_pairs(draw):
    return _side(draw), _side(draw)


snapshots = st.builds(
    lambda title, parts, name, answers: example_snapshot(
        title=title,
        use_description=" ".join(parts),
        **{"end_user.name": name, "text.answers": answers},
    ),
    st.sampled_from(TEXTS[-4:] + TEXTS[:20]),
    st.lists(st.sampled_from(TEXTS), min_size=1, max_size=3),
    st.sampled_from(["Customer 12", "Ministère de l'Intérieur", "国家安全部门"]),
    st.lists(st.sampled_from(TEXTS), max_size=2),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pair=lexicon_pairs(), deals=st.lists(snapshots, min_size=1, max_size=15))
def test_the_incremental_preview_reads_what_a_full_re_read_reads(pair, deals) -> None:
    in_force = compile_criteria(PACK.specs, PACK.tiers, lexicon=pair[0])
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=pair[1])
    read = preview_text_reader(draft, in_force)
    for snap in deals:
        stored = text_read(snap, in_force)
        assert read(snap, stored) == text_read(snap, draft)


# Undated: a span of the old regime's years would read nothing whatever the role (past_told).
EXHIBITION = "24 touchscreens for the new permanent exhibition 'Files of the Secret Police'."


def test_a_benign_entry_given_another_role_reads_the_deals_it_changes() -> None:
    # These entries tell what an exhibition beside a named service is: the deal names the
    # secret police as its subject. Unticked, the exhibition no longer clears the service:
    # the preview reads the deal again.
    told = {i for i, e in enumerate(ENTRIES) if e.language == "en" and e.tells_service}
    draft_entries = [
        replace(e, tells_service=False) if i in told else e for i, e in enumerate(ENTRIES)
    ]
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=draft_entries)
    snap = example_snapshot(use_description=EXHIBITION)
    stored = text_read(snap, PACK)
    assert stored["text.security_services"] == []
    got = preview_text_reader(draft, PACK)(snap, stored)
    assert got == text_read(snap, draft)
    assert got["text.security_services"]


def test_a_benign_entry_given_another_source_keeps_its_role() -> None:
    # The source is the admin's rationale: rewriting it changes nothing the entry cancels,
    # so the preview keeps every stored reading.
    told = {i for i, e in enumerate(ENTRIES) if e.language == "en" and e.tells_service}
    assert told
    draft_entries = [replace(e, source="s") if i in told else e for i, e in enumerate(ENTRIES)]
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=draft_entries)
    snap = example_snapshot(use_description=EXHIBITION)
    stored = text_read(snap, PACK)
    assert text_read(snap, draft) == stored
    assert preview_text_reader(draft, PACK)(snap, stored) is stored


MADE_OPTIONAL = (
    "Interception légale avec mandat judiciaire obligatoire pour chaque écoute avec l'export "
    "PDF rendu facultatif."
)


def test_a_warrant_made_optional_is_a_role_its_source_no_longer_sets() -> None:
    # The interception phrases reading a warrant made optional read nothing where their
    # match requires one. Their sources rewritten by an admin, they still do (the preview
    # keeps the stored reading); their role taken away, the preview reads the deal again.
    made_optional = {i for i, e in enumerate(ENTRIES) if e.role == "warrant made optional"}
    assert len(made_optional) == 7
    snap = example_snapshot(use_description=MADE_OPTIONAL)
    stored = text_read(snap, PACK)
    assert stored["text.interception"] == []
    rewritten = [
        replace(e, source="Rationale rewritten by an admin") if i in made_optional else e
        for i, e in enumerate(ENTRIES)
    ]
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=rewritten)
    assert text_read(snap, draft) == stored
    assert preview_text_reader(draft, PACK)(snap, stored) is stored
    plain = [replace(e, role="") if i in made_optional else e for i, e in enumerate(ENTRIES)]
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=plain)
    got = preview_text_reader(draft, PACK)(snap, stored)
    assert got == text_read(snap, draft)
    assert got["text.interception"]


def test_every_labelled_text_reads_the_same_after_each_single_phrase_is_removed() -> None:
    """The change an admin makes most: one phrase removed (or changed). The first phrase of
    every language and category of the default lexicon, and one in twenty of the rest, in
    turn, over a spread of the labelled texts. Both samples are of a fixed size, so the
    test's time does not grow with the lexicon or the evaluation rounds (every phrase over
    every text took minutes at 570 phrases and 980 texts)."""
    snaps = [example_snapshot(use_description=t) for t in TEXTS[:: max(1, len(TEXTS) // 700)]]
    stored = [text_read(s, PACK) for s in snaps]
    skipped = 0
    firsts = {}
    for i, e in enumerate(ENTRIES):
        firsts.setdefault((e.language, e.category), i)
    tried = sorted(set(firsts.values()) | set(range(0, len(ENTRIES), max(1, len(ENTRIES) // 30))))
    assert len(firsts) >= 7 * 7  # every language has phrases of every category
    for i in tried:
        draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=ENTRIES[:i] + ENTRIES[i + 1 :])
        read = preview_text_reader(draft, PACK)
        probe = ChangeProbe([(ENTRIES[i].phrase, ENTRIES[i].language, ENTRIES[i].category)])
        for snap, before in zip(snaps, stored, strict=True):
            assert read(snap, before) == text_read(snap, draft), (
                ENTRIES[i],
                snap["use_description"],
            )
            skipped += not probe.touches_snapshot(snap)
    # The shortcut is worth having: most texts need no reading when one phrase goes.
    assert skipped > 0.9 * len(tried) * len(snaps)


def test_a_text_without_the_words_of_a_removed_phrase_is_not_read_again() -> None:
    probe = ChangeProbe([("locate|track ~ protesters", "en", "tracking")])
    assert probe.touches("They will track the protesters downtown.")
    assert probe.touches("Tracking of PROTESTERS")  # stems and case, as the reader
    assert not probe.touches("GPS trackers on the delivery vans.")
    assert not probe.touches("Protesters gathered at the square.")
    zh = ChangeProbe([("抗议者", "zh", "targets_dissent")])
    assert zh.touches("定位抗议者的手机")
    assert not zh.touches("办公室网络升级")
    prefix = ChangeProbe([("detain*", "en", "detention")])
    assert prefix.touches("Lists of detainees")
    assert not prefix.touches("Office network refresh")


# -- phrases removed: the stored record of each quote's phrases ------------------------------


@lru_cache(maxsize=1)
def _labelled() -> tuple[list[dict], list[dict]]:
    """A spread of the labelled texts, of a fixed size, and their readings with the pack in
    force: read once, by the first test that asks (not while the suite is collected)."""
    snaps = [example_snapshot(use_description=t) for t in spread(2500)]
    return snaps, [text_read(s, PACK) for s in snaps]


def _keys(entries) -> frozenset[str]:
    """The keys quotes record for these entries: their phrases, and the phrase each
    category's families compose (all of a category's families are among them here)."""
    entries = list(entries)
    read_by = [e for e in entries if not e.family] + family_phrases(entries)
    return frozenset(phrase_key(e.language, e.phrase) for e in read_by)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    removed=st.sets(st.integers(0, len(ENTRIES) - 1), min_size=1, max_size=40),
    whole=st.sets(st.sampled_from(list(CATEGORIES)), max_size=2),
)
def test_removing_phrases_drops_their_quotes_as_a_full_re_read_would(removed, whole) -> None:
    """Random removals (single phrases and whole categories, signals and benign context)
    over a spread of the labelled texts: the preview's reading equals the draft's full
    reading."""
    gone = [e for i, e in enumerate(ENTRIES) if i in removed or e.category in whole]
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=[e for e in ENTRIES if e not in gone])
    read = preview_text_reader(draft, PACK)
    for snap, before in zip(*_labelled(), strict=True):
        assert read(snap, before) == text_read(snap, draft), (gone, snap["use_description"])


def test_a_deal_whose_quote_came_from_a_removed_phrase_is_not_read_again() -> None:
    """Every detention phrase removed: the deals where they read something are answered from
    the stored record alone, as the draft would read them (not one of them re-read), unless
    the stored record kept only some of their detention quotes, or either lexicon puts words
    split by a blank back together ("Prison ERP" as "prisoner*" would read it): those are
    read again, as ``preview_text_reader`` does."""
    detention = [e for e in ENTRIES if e.category == "detention"]
    draft = compile_criteria(
        PACK.specs, PACK.tiers, lexicon=[e for e in ENTRIES if e.category != "detention"]
    )
    answered = 0
    # The pieces the draft weighs: those the version weighed that the draft weighs too, as
    # the preview reader writes them (the quotes are ``without_phrases``' own).
    split = SplitChange(PACK.lexicon, draft.lexicon)
    for snap, before in zip(*_labelled(), strict=True):
        if not before["text.detention"]:
            continue
        text = as_read(snap["use_description"])
        if rejoined(text, PACK.lexicon) != text or rejoined(text, draft.lexicon) != text:
            continue
        kept = without_phrases(before, before["text.phrases"], _keys(detention), {"detention"})
        if f"detention:{TRUNCATED}" in before["text.phrases"]:
            assert kept is None  # quotes left out of the record may read differently now
            continue
        assert {**kept, SPLIT_FIELD: split.weighed_by_draft(before[SPLIT_FIELD])} == text_read(
            snap, draft
        )
        assert kept["text.detention"] == [] and "detention" not in kept["text.signals"]
        answered += 1
    assert answered >= 40


def test_a_match_hidden_behind_a_removed_phrase_is_read_again() -> None:
    """A longer match wins its place; when its phrase goes, the shorter one it hid appears."""
    long = LexiconEntry("track the protesters downtown", "en", "tracking", "s")
    short = LexiconEntry("track ~ protesters", "en", "tracking", "s")
    in_force = compile_criteria(PACK.specs, PACK.tiers, lexicon=[long, short])
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=[short])
    snap = example_snapshot(use_description="They will track the protesters downtown.")
    stored = text_read(snap, in_force)
    assert stored["text.tracking"] == ["Use description (English): “track the protesters downtown”"]
    assert without_phrases(stored, stored["text.phrases"], _keys([long]), {"tracking"}) is None
    after = preview_text_reader(draft, in_force)(snap, stored)
    assert after["text.tracking"] == ["Use description (English): “track the protesters”"]
    assert after == text_read(snap, draft)


def test_a_security_service_removed_reads_again_the_interception_it_kept_unbounded() -> None:
    """A court order does not bound an interception whose recordings go to a security
    service the lexicon reads; with that service's phrases removed it does again, so the
    deal is read again rather than keeping the interception quote."""
    draft = compile_criteria(
        PACK.specs,
        PACK.tiers,
        lexicon=[e for e in ENTRIES if e.category != "security_services"],
    )
    snap = example_snapshot(
        use_description="Under a court order, intercept the suspect's calls; a copy is kept "
        "for the KGB."
    )
    stored = text_read(snap, PACK)
    assert stored["text.interception"] and stored["text.security_services"]
    after = preview_text_reader(draft, PACK)(snap, stored)
    assert after == text_read(snap, draft)


def test_quotes_left_keep_the_order_a_re_read_gives_them() -> None:
    """A quote said first by a removed phrase and again later by a kept one moves back."""
    a = LexiconEntry("protesters", "en", "targets_dissent", "s")
    b = LexiconEntry("journalists", "en", "targets_dissent", "s")
    c = LexiconEntry("protesters ~ square", "en", "targets_dissent", "s")
    in_force = compile_criteria(PACK.specs, PACK.tiers, lexicon=[a, b, c])
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=[b, c])
    snap = example_snapshot(
        title="Protesters", use_description="Journalists. Protesters in the square."
    )
    stored = text_read(snap, in_force)
    after = preview_text_reader(draft, in_force)(snap, stored)
    assert after == text_read(snap, draft)
    assert after["text.targets_dissent"][0].startswith("Use description")


def test_a_screening_stored_before_quotes_recorded_their_phrases_is_still_read_right() -> None:
    draft = compile_criteria(
        PACK.specs, PACK.tiers, lexicon=[e for e in ENTRIES if e.category != "tracking"]
    )
    read = preview_text_reader(draft, PACK)
    snaps, stored = _labelled()
    for snap, before in zip(snaps[:: len(snaps) // 200], stored[:: len(snaps) // 200], strict=True):
        legacy = {k: v for k, v in before.items() if k != "text.phrases"}
        full, got = text_read(snap, draft), read(snap, legacy)
        assert {k: got[k] for k in TEXT_DERIVED_FIELDS} == {k: full[k] for k in TEXT_DERIVED_FIELDS}


# -- words the reader reads apart from how they are typed --------------------------------------

_TRACE = LexiconEntry("trace ~ unionists", "en", "targets_dissent", "s")
_DISGUISED = [
    "We trace u n i o n i s t s downtown.",
    "We trace union\u200bists downtown.",
    "We trace union&shy;ists downtown.",
    "We trace uni<b>on</b>ists downtown.",
]


def test_a_phrase_added_is_looked_for_in_the_words_a_disguise_hides() -> None:
    """The reader undoes spaced letters, invisible characters and markup before it reads; the
    words test of a phrase added looks at those words too, so such a deal is read again."""
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=[*ENTRIES, _TRACE])
    read = preview_text_reader(draft, PACK)
    for text in _DISGUISED:
        snap = example_snapshot(use_description=text)
        after = read(snap, text_read(snap, PACK))
        assert after == text_read(snap, draft), text
        assert after["text.targets_dissent"], text


_SPLIT = [
    "They track pro testers near the square.",
    "They track Pro Testers near the square.",
    "They track journal ists at night.",
    "They track journa\nlists at night.",
    "They track pro- testers and journal-\nists.",
    "They track pro tes ters.",
    "The pro test environment is tracked.",
    "Office network refresh, news papers and Wi-Fi.",
    "Отслеживать протес тующих на площади.",
    "تتبع المتظا هرين في الساحة",
    "تتبع ال متظاهرين في الساحة",
    "Suivre les journa listes et les mani festants.",
    "They track pro\u2014testers and journal\u2212ists.",
    "They track pro -  testers and journa\tlists.",
    "They track the pro test organisers shipped to each site.",
]
_SPLIT_EXTRA = [
    LexiconEntry("protesters", "en", "targets_dissent", "s"),
    LexiconEntry("journalist*", "en", "targets_dissent", "s"),
    LexiconEntry("testers", "en", "benign", "s"),
    LexiconEntry("протестующ*", "ru", "targets_dissent", "s"),
    LexiconEntry("المتظاهرين", "ar", "targets_dissent", "s"),
    LexiconEntry("journaliste*|manifestant*", "fr", "targets_dissent", "s"),
    LexiconEntry("track ~ protesters|journalists", "en", "tracking", "s"),
]


@lru_cache(maxsize=64)
def _dissent_read_by(entries: tuple[LexiconEntry, ...], cued: bool):
    """The default criteria with ``entries`` in place of its protected-group phrases, with
    the pack's learned cues or without."""
    keep = [e for e in ENTRIES if e.category != "targets_dissent"]
    cues = cues_from_pack(read_pack()) if cued else None
    return compile_criteria(PACK.specs, PACK.tiers, lexicon=[*keep, *entries], learned_cues=cues)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    before=st.sets(st.sampled_from(_SPLIT_EXTRA)),
    after=st.sets(st.sampled_from(_SPLIT_EXTRA)),
    texts=st.lists(st.sampled_from(_SPLIT + _DISGUISED + TEXTS[:40]), min_size=1, max_size=3),
    edited=st.booleans(),
    cued=st.booleans(),
)
def test_words_split_apart_read_as_a_full_re_read_does(before, after, texts, edited, cued) -> None:
    """Words split by a blank ("pro testers", "journa\\nlists") that one lexicon puts back
    together and the other does not, phrases added, removed and changed (one gains a word):
    the preview reads each deal as the draft's full reading, with learned cues or without."""
    drafted = sorted(after, key=str)
    if edited and drafted:
        drafted[0] = replace(drafted[0], phrase=drafted[0].phrase + "|trail")
    in_force, draft = (
        _dissent_read_by(tuple(sorted(before, key=str)), cued),
        _dissent_read_by(tuple(drafted), cued),
    )
    read = preview_text_reader(draft, in_force)
    snap = example_snapshot(title=texts[0], use_description=" ".join(texts[1:]) or texts[0])
    assert read(snap, text_read(snap, in_force)) == text_read(snap, draft)


def _without_black_list() -> list[LexiconEntry]:
    old = "blacklist|blacklisting|black list|blocklist ~ "
    return [
        replace(e, phrase=e.phrase.replace("|black list|", "|")) if e.phrase.startswith(old) else e
        for e in ENTRIES
    ]


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        ("Maintain the black-list of websites for the ministry.", _without_black_list()),
        (
            "Track the pro-test organisers at the rally.",
            [*ENTRIES, LexiconEntry("pro test bench", "en", "tracking", "s")],
        ),
        ("Track the pro\u2014test organisers at the rally.", _without_black_list()),
    ],
)
@pytest.mark.parametrize("removed", [False, True])
def test_two_words_a_change_keeps_apart_across_a_dash_are_read_as_a_full_re_read(
    text, entries, removed
) -> None:
    """ "black list" removed, "pro test bench" added: the two words across a dash were kept
    apart by one lexicon and are joined by the other, and the preview reads it so."""
    changed = compile_criteria(PACK.specs, PACK.tiers, lexicon=entries)
    in_force, draft = (changed, PACK) if removed else (PACK, changed)
    read = preview_text_reader(draft, in_force)
    snap = example_snapshot(use_description=text)
    assert read(snap, text_read(snap, in_force)) == text_read(snap, draft)
