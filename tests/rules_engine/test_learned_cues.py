"""Learned cues read beside the lexicon: quoted as their own kind of evidence, never in
place of a phrase's quote, checked and carried by the criteria pack, switched off word by
word, fitted the same way every time."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.engine import (
    CriteriaError,
    compile_criteria,
    example_snapshot,
    load_pack,
    pack_from_specs,
    read_pack,
    specs_from_pack,
    text_read,
)
from rules.engine.packs import cues_from_pack
from rules.engine.preview_text import preview_text_reader
from rules.textsignals import LexiconEntry, compile_lexicon, lexicon_from_pack, read_text
from rules.textsignals.candidates import compiled_lexicon
from rules.textsignals.cue_fitting import fit_cues
from rules.textsignals.learned_cues import (
    CuesError,
    compile_cues,
    cue_switched,
    strongest_cue_words,
    validate_cues,
)
from rules.textsignals.lexicon import phrase_key
from rules.textsignals.reader import read_one
from tests.rules_engine.cue_data import ITEMS, english_cues
from tests.rules_engine.labelled import TEXTS as LABELLED_TEXTS

# A lexicon that reads none of the texts below: what it reads is the cues' alone.
PHRASES = [LexiconEntry("censor ~ journalists", "en", "censorship", "s")]
PROTESTERS = "Customer plans to track protesters at the rally."


def _lexicon(cues: dict | None = None):
    return compile_lexicon(PHRASES, compile_cues(english_cues() if cues is None else cues))


def _read(text: str, cues: dict | None = None) -> dict:
    return read_text(example_snapshot(use_description=text), _lexicon(cues))


def test_a_described_tracking_of_protesters_the_lexicon_misses_is_quoted_as_a_learned_cue():
    assert (
        read_text(example_snapshot(use_description=PROTESTERS), compile_lexicon(PHRASES))[
            "text.signals"
        ]
        == []
    )
    read = _read(PROTESTERS)
    assert read["text.signals"] == ["tracking"]
    assert read["text.tracking"] == ["Use description (English, learned cue): “track protesters”"]
    assert read["text.phrases"] == ["tracking:0:learned-cue::cues"]


def test_a_benign_text_with_alarming_words_raises_nothing():
    read = _read("The courier will track the parcels of the customers.")
    assert read["text.signals"] == []
    assert read["text.tracking"] == []


def test_negated_cue_words_do_not_count():
    assert _read("Customer will not track protesters at the rally.")["text.signals"] == []


def test_a_phrase_quoting_the_same_place_is_not_quoted_again_by_a_cue():
    phrase = LexiconEntry("track ~ protesters", "en", "tracking", "s")
    lexicon = compile_lexicon([phrase], compile_cues(english_cues()))
    read = read_text(example_snapshot(use_description=PROTESTERS), lexicon)
    assert read["text.tracking"] == ["Use description (English): “track protesters”"]
    # A phrase of another category at the same place leaves the cue's own category quoted.
    other = LexiconEntry("track ~ protesters", "en", "targets_dissent", "s")
    lexicon = compile_lexicon([other], compile_cues(english_cues()))
    assert read_one(PROTESTERS, lexicon) == [
        ("targets_dissent", "en", "track protesters"),
        ("tracking", "en", "track protesters"),
    ]


def test_a_switched_off_cue_word_no_longer_scores():
    data = english_cues()
    assert ("protest + track", True) in [
        (w, on) for w, _wt, on in strongest_cue_words(data, "en", "tracking", 5)
    ]
    off = cue_switched(data, "en", "protest + track", False)
    off = cue_switched(off, "en", "protest", False)
    assert off["switched_off"] == [["en", "protest"], ["en", "protest+track"]]
    assert _read(PROTESTERS, off)["text.signals"] == []
    shown = {w: on for w, _wt, on in strongest_cue_words(off, "en", "tracking", 8)}
    assert shown["protest + track"] is False and shown["track"] is True
    back = cue_switched(cue_switched(off, "en", "protest", True), "en", "protest+track", True)
    assert back["switched_off"] == []
    assert _read(PROTESTERS, back)["text.signals"] == ["tracking"]


def test_a_word_switched_off_takes_the_pairs_holding_it_with_it():
    off = cue_switched(english_cues(), "en", "protest", False)
    shown = {w: on for w, _wt, on in strongest_cue_words(off, "en", "tracking", 8)}
    assert shown["protest"] is False and shown["protest + track"] is False
    assert shown["track"] is True
    weights = compile_cues(off).languages["en"].weights["tracking"]
    assert not [f for f in weights if "protest" in f.split("+")]


def test_huge_weights_are_refused():
    """Weights past any fitted one could add up to infinity, and an infinite sum less an
    infinite one to NaN, scoring every sentence."""
    data = english_cues()
    data["languages"]["en"]["weights"]["tracking"]["shop"] = 1e308
    assert any("with a number up to 1000" in e for e in validate_cues(data))


def test_a_language_switched_off_reads_nothing():
    data = copy.deepcopy(english_cues())
    data["languages"]["en"]["enabled"] = False
    assert _read(PROTESTERS, data)["text.signals"] == []


def test_fitting_is_deterministic():
    assert fit_cues(ITEMS, "a", languages=["en"]) == fit_cues(list(ITEMS), "a", languages=["en"])
    weights = fit_cues(ITEMS, "a", languages=["en"])["languages"]["en"]["weights"]["tracking"]
    assert weights and all(abs(w) >= 0.01 for w in weights.values())  # pruned


# -- the criteria pack ----------------------------------------------------------------------


def _pack(cues) -> dict:
    pack = read_pack()
    return {**pack, "learned_cues": cues}


@pytest.mark.parametrize(
    "cues, message",
    [
        ([], "learned cues must be an object"),
        ({"threshold": "high"}, "threshold must be a number"),
        ({"languages": {"xx": {}}}, 'unknown language "xx"'),
        (
            {"languages": {"en": {"bias": {}, "weights": {}}}},
            "learned cues (English): bias must give a number for each of",
        ),
        ({"switched_off": [["en"]]}, "switched_off[0] must be a [language, word] pair"),
        ({"colour": 1}, "unknown keys colour"),
        ({"threshold": 1e308}, "threshold must be a number"),
        ("default.learned_cues.json", "names them in a separate file"),
    ],
)
def test_malformed_learned_cues_in_a_pack_are_refused_with_clear_errors(cues, message):
    with pytest.raises(CriteriaError) as caught:
        specs_from_pack(_pack(cues))
    assert any(message in e for e in caught.value.errors), caught.value.errors


def test_weights_of_an_unknown_category_or_not_numbers_are_named():
    data = copy.deepcopy(english_cues())
    data["languages"]["en"]["weights"]["gossip"] = {"rumour": 1.0}
    data["languages"]["en"]["weights"]["tracking"]["track"] = "strong"
    errors = validate_cues(data)
    assert 'learned cues (English): weights for unknown category "gossip"' in errors
    assert any("weights of tracking: 1 not a word" in e and "'track'" in e for e in errors)
    with pytest.raises(CuesError):
        compile_cues(data)


def test_a_pack_round_trips_its_learned_cues(tmp_path):
    pack = read_pack()
    specs, tiers = specs_from_pack(pack)
    lexicon = lexicon_from_pack(pack)
    cues = english_cues(-1.0)
    written = pack_from_specs(specs, tiers, {"name": "t"}, lexicon, learned_cues=cues)
    assert cues_from_pack(written) == cues
    again = pack_from_specs(
        *specs_from_pack(written), {"name": "t"}, lexicon, cues_from_pack(written)
    )
    assert again == written
    compiled = compile_criteria(specs, tiers, lexicon=lexicon, learned_cues=cues)
    assert compiled.lexicon.cues.key == compile_cues(cues_from_pack(written)).key


def test_the_default_pack_carries_cues_fitted_on_the_tuning_half():
    pack = read_pack()
    cues = cues_from_pack(pack)
    assert "tuning half" in cues["fitted_on"]
    assert cues["threshold"] == 0.0 and cues["min_cue_weight"] == 0.15
    assert set(cues["languages"]) == {"en", "fr", "es", "pt", "ar", "ru", "zh"}
    assert load_pack().lexicon.cues


def test_a_pack_naming_a_missing_cue_file_says_so(tmp_path):
    path = tmp_path / "pack.json"
    import json

    path.write_text(json.dumps({**read_pack(), "learned_cues": "cues.json"}), encoding="utf-8")
    with pytest.raises(CriteriaError) as caught:
        load_pack(path)
    assert "cues.json is missing" in caught.value.errors[0]
    (tmp_path / "cues.json").write_text(json.dumps(english_cues()), encoding="utf-8")
    assert load_pack(path).lexicon.cues


def test_the_compile_cache_keeps_lexicons_apart_by_their_cues():
    first = compiled_lexicon(PHRASES, english_cues())
    assert compiled_lexicon(list(PHRASES), english_cues()) is first
    other = compiled_lexicon(PHRASES, cue_switched(english_cues(), "en", "protest", False))
    assert other is not first
    assert compiled_lexicon(PHRASES) is not first and not compiled_lexicon(PHRASES).cues


# -- the preview ----------------------------------------------------------------------------


def _criteria(phrases, cues):
    pack = load_pack()
    return compile_criteria(pack.specs, pack.tiers, lexicon=phrases, learned_cues=cues)


def test_a_cue_switched_off_reads_again_the_deal_holding_its_words_in_the_preview():
    snap = example_snapshot(use_description=PROTESTERS)
    in_force = _criteria(PHRASES, english_cues())
    stored = text_read(snap, in_force)
    assert stored["text.signals"] == ["tracking"]
    off = cue_switched(
        cue_switched(english_cues(), "en", "protest", False), "en", "protest+track", False
    )
    draft = _criteria(PHRASES, off)
    assert preview_text_reader(draft, in_force)(snap, stored) == text_read(snap, draft)
    assert text_read(snap, draft)["text.signals"] == []


def test_a_phrase_removed_uncovers_the_cue_its_quote_stood_for_in_the_preview():
    phrase = LexiconEntry("track ~ protesters", "en", "tracking", "s")
    snap = example_snapshot(use_description=PROTESTERS)
    in_force = _criteria([*PHRASES, phrase], english_cues())
    draft = _criteria(PHRASES, english_cues())
    stored = text_read(snap, in_force)
    after = preview_text_reader(draft, in_force)(snap, stored)
    assert after == text_read(snap, draft)
    assert after["text.tracking"] == ["Use description (English, learned cue): “track protesters”"]


def _counting_reads(monkeypatch) -> list:
    """The preview's full re-reads, counted (the real reader does the reading)."""
    import rules.engine.preview_text as preview_text

    calls = []
    real = preview_text.text_read

    def counted(snapshot, compiled):
        calls.append(snapshot)
        return real(snapshot, compiled)

    monkeypatch.setattr(preview_text, "text_read", counted)
    return calls


def test_a_quote_no_cue_stood_behind_is_dropped_without_reading_the_deal_again(monkeypatch):
    """With cues, a deal that loses a phrase's quote is read again only when a cue stood
    behind that quote: here no cue reads "censor the journalists", so it just goes."""
    phrase = LexiconEntry("censor ~ journalists", "en", "censorship", "s")
    snap = example_snapshot(use_description=f"{PROTESTERS} They also censor the journalists.")
    in_force = _criteria([phrase, LexiconEntry("x ~ y", "en", "detention", "s")], english_cues())
    draft = _criteria([LexiconEntry("x ~ y", "en", "detention", "s")], english_cues())
    stored = text_read(snap, in_force)
    assert stored["text.censorship"] and stored["text.tracking"]
    reads = _counting_reads(monkeypatch)
    after = preview_text_reader(draft, in_force)(snap, stored)
    assert reads == []
    monkeypatch.undo()
    assert after == text_read(snap, draft)
    assert after["text.signals"] == ["tracking"]


def test_a_quote_a_cue_stood_behind_is_replaced_by_the_cue_from_the_record(monkeypatch):
    """The phrase's quote removed uncovers the cue it stood in for: the reading recorded what
    the cue would quote (``text.cues_behind``), so the preview quotes it without reading the
    deal again (it read it again before that record); a reading stored before the record
    is still read again."""
    phrase = LexiconEntry("track ~ protesters", "en", "tracking", "s")
    snap = example_snapshot(use_description=PROTESTERS)
    in_force = _criteria([*PHRASES, phrase], english_cues())
    draft = _criteria(PHRASES, english_cues())
    stored = text_read(snap, in_force)
    assert stored["text.phrases"] == [
        f"tracking:0:{phrase_key('en', phrase.phrase)}:learned-cue:cues"
    ]
    again = text_read(snap, draft)
    assert again["text.tracking"] == ["Use description (English, learned cue): “track protesters”"]
    reads = _counting_reads(monkeypatch)
    assert preview_text_reader(draft, in_force)(snap, stored) == again
    assert reads == []
    before_the_record = {k: v for k, v in stored.items() if k != "text.cues_behind"}
    assert preview_text_reader(draft, in_force)(snap, before_the_record) == again
    assert len(reads) == 1


def test_a_record_from_before_cues_were_listed_reads_the_deal_again():
    """A screening stored with cues before the record listed the cues behind a quote: any
    quote of it that changes reads the deal again, so the preview stays exact."""
    phrase = LexiconEntry("track ~ protesters", "en", "tracking", "s")
    snap = example_snapshot(use_description=PROTESTERS)
    in_force = _criteria([*PHRASES, phrase], english_cues())
    draft = _criteria(PHRASES, english_cues())
    stored = text_read(snap, in_force)
    old = {
        **stored,
        "text.phrases": ["tracking:0:" + stored["text.phrases"][0].split(":")[2] + ":"],
    }
    assert preview_text_reader(draft, in_force)(snap, old) == text_read(snap, draft)


_CUED = load_pack()
_CUED_ENTRIES = list(_CUED.lexicon.entries)
_CUED_TEXTS = [t for t in LABELLED_TEXTS if t][:120]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    removed=st.sets(st.sampled_from(sorted({e.category for e in _CUED_ENTRIES})), max_size=2),
    texts=st.lists(st.sampled_from(_CUED_TEXTS), min_size=1, max_size=6),
)
def test_with_the_default_cues_a_removal_previews_what_a_full_re_read_reads(removed, texts):
    """The default pack's phrases and learned cues; the draft drops every phrase of some
    categories (quotes go, and cues they stood in for come to light)."""
    draft = compile_criteria(
        _CUED.specs,
        _CUED.tiers,
        lexicon=[e for e in _CUED_ENTRIES if e.category not in removed],
        learned_cues=cues_from_pack(read_pack()),
    )
    read = preview_text_reader(draft, _CUED)
    for text in texts:
        snap = example_snapshot(use_description=text)
        assert read(snap, text_read(snap, _CUED)) == text_read(snap, draft)


# -- the default pack's cues on the worked cases ---------------------------------------------

SCREENING = load_pack()

# Worked benign cases the phrases read as nothing and the default pack's learned cues flag:
# false positives of the fitted model, kept in sight here until a refit or an admin's
# switched-off words clear them (then this test fails: move the text to the list below).
CUE_FALSE_POSITIVES = [
    # A hostile review's ordinary deals (security services: procurement by tender; the
    # other categories: words of service desks, maintenance rounds, e-mail).
    "المستخدم النهائي هو المستشفى، والشراء عبر مناقصة عامة.",
    "The service desk will register new users, match them to their department and flag "
    "missing approvals.",
    "我们的人员每天记录设备的位置和维护结果。",
]
# Worked benign cases the cues' checks keep quiet: a research project described, a denial
# ("not blocked", "不会屏蔽"), benign context ("planned maintenance", "threat intelligence").
CUES_QUIET = [
    # Flagged by the cues fitted on rounds 1-12, quiet since the refit on rounds 1-16.
    "Le pare-feu doit bloquer le proxy et le VPN des invités.",
    "我们不能标记人权律师的账号。",
    "Камеры и учет посетителей в бизнес-центре.",
    "Our analytics flags duplicate supplier invoices and matches them to purchase orders.",
    "مشروع بحثي جامعي يدرس كيف تحجب الحكومات وسائل إعلام المعارضة على الإنترنت.",
    "The courier company will track the parcels of the customers.",
    "我们不会屏蔽反对派网站。",
    "The campus filters spam; news and opposition sites are not blocked.",
    "The operator will cut mobile data in the northern region during planned maintenance.",
    "Intelligent video analytics service for the retail chain.",
    "Threat intelligence service for the bank's SOC.",
    # The deal form's own words are no cue words ("end user" was quoted as a security
    # service in six languages).
    "The customer is a regional bank; the end user is its IT department.",
    "Le client est une banque régionale ; l'utilisateur final est son service informatique.",
    "El cliente es un banco regional; el usuario final es su departamento de TI.",
    "O usuário final é a diretoria financeira do banco.",
    "Конечный пользователь — больница, закупка через открытый тендер.",
    # The trade's own words (tender, procurement) are no cue words either.
    "最终用户是一家医院，通过公开招标采购。",
    "The end user is the office.",
    "НКО хочет составить карту своих партнёрских организаций и активистов, которых она обучает.",
    "The buyer is a drone photography company for weddings.",
    "The customer is a logistics firm who wants to identify which drivers are late.",
    # Flagged by the cues fitted on rounds 1-16, quiet since the refit on rounds 1-17.
    "Help the president's office modernise its email service.",
]


@pytest.mark.parametrize("text", CUE_FALSE_POSITIVES)
@pytest.mark.xfail(strict=True, reason="a learned cue's false positive (see the list)")
def test_known_cue_false_positives_on_worked_benign_cases(text):
    assert read_one(text, SCREENING.lexicon) == []


@pytest.mark.parametrize("text", CUES_QUIET)
def test_worked_benign_cases_the_cues_leave_alone(text):
    assert read_one(text, SCREENING.lexicon) == []


def test_the_default_pack_quotes_a_learned_cue_the_phrases_miss():
    text = "Annex C: SNI filtering of the domains on the list of banned information kept by the Security Council."
    phrases = compile_lexicon(SCREENING.lexicon.entries)
    assert read_one(text, phrases) == []
    found = read_text(example_snapshot(use_description=text), SCREENING.lexicon)
    assert found["text.signals"] == ["censorship"]
    assert found["text.censorship"] == [
        "Use description (English, learned cue): “filtering of the domains”"
    ]
