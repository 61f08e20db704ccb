"""The whole text weighed: with the weighing on, an ordinary deal whose words alarm the
phrases or cues is set aside when the whole text weighs as an ordinary deal; a dangerous
deal keeps its red flags; a title or a single sentence is never weighed; a language whose
cues are switched off is not weighed. The default criteria leave it off (every red flag
read raises) until the compliance lead decides: a short red flag written among many words
of an ordinary deal can be set aside (the known hole below)."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest

from rules.engine import load_pack, read_pack
from rules.engine.packs import cues_from_pack
from rules.textsignals.cue_fitting import fit_cues
from rules.textsignals.languages import tokens
from rules.textsignals.learned_cues import compile_cues, validate_cues
from rules.textsignals.reader import read_one
from rules.textsignals.weighing import (
    ORDINARY_BELOW,
    SENTENCE_KEEPS,
    weighed_ordinary,
    weights,
)
from tests.rules_engine.cue_data import ITEMS

SCREENING = load_pack().lexicon


def _with(cues: dict):
    return replace(SCREENING, cues=compile_cues(cues), reads={}, plan={})


DEFAULT_CUES = cues_from_pack(read_pack())
WEIGHING_OFF = SCREENING  # the default criteria
WEIGHED = _with({**DEFAULT_CUES, "ordinary_below": ORDINARY_BELOW})


def signals(text: str, lexicon=WEIGHED) -> set[str]:
    return {c for c, _lang, _q in read_one(text, lexicon)}


# Ordinary deals the phrases or cues flag, written as reps write them: each is set aside.
FLEET = (
    "Sistema de gestión de flotas para una empresa de reparto: GPS en 300 furgonetas para que "
    "el despacho siga la posición de cada vehículo; los conductores están informados y el "
    "seguimiento se apaga al terminar el turno."
)
ORDINARY = [
    FLEET,
    "منطقة تعليمية: تسعة آلاف جهاز لوحي للطلاب مع تصفية للويب تحجب المحتوى الإباحي ومواقع "
    "القمار والتصيّد؛ سياسة التصفية منشورة لأولياء الأمور ويمكن للمعلمين طلب فك الحجب. ترخيص "
    "لمدة سنتين عبر الموزع.",
    "物流公司车队管理系统：在250辆货车上安装GPS定位器，调度员可以查看车辆位置并规划路线；"
    "司机已知情，下班后停止定位。通过区域经销商提供三年许可。",
]

# Dangerous deals, as long as the ordinary ones: their red flags stay.
DANGEROUS = [
    (
        "Customer is the regional police; they want the analytics platform to build a list of "
        "protest organisers from social media and locate their phones before the march. 20 "
        "licences via the integrator.",
        "tracking",
    ),
    (
        "The ministry wants to intercept the calls of opposition politicians without any court "
        "order and keep the recordings for years. Core network probes, 4 units, delivered via "
        "our partner in the capital.",
        "interception",
    ),
    (
        "El cliente, la policía provincial, quiere que las cámaras marquen los rostros de los "
        "gitanos en el mercado y avisen cuando se reúnan más de cinco. 40 cámaras y licencias "
        "de analítica a través del integrador.",
        "profiling",
    ),
]


@pytest.mark.parametrize("text", ORDINARY)
def test_an_ordinary_deal_whose_words_alarm_is_set_aside(text):
    assert signals(text, WEIGHING_OFF), "the phrases or cues read a red flag in it"
    assert not signals(text)


@pytest.mark.parametrize(("text", "category"), DANGEROUS)
def test_a_dangerous_deal_keeps_its_red_flags(text, category):
    assert category in signals(text)


def test_the_default_criteria_leave_the_weighing_off():
    assert DEFAULT_CUES["ordinary_below"] is None
    assert all("weighing" in cues for cues in DEFAULT_CUES["languages"].values())
    assert all(signals(text, SCREENING) for text in ORDINARY)


# A short red flag after an ordinary deal's description ("Also track the journalists."):
# the whole weighs as an ordinary deal and no sentence alone weighs enough.
HIDDEN = (
    "Sistema de gestión de flotas para una empresa de reparto: GPS en 300 furgonetas, los "
    "conductores están informados y el seguimiento se apaga al terminar el turno. También "
    "rastrear a los periodistas."
)
# ("marcar los rostros de los gitanos" weighs as dangerous on its own since the refit on
# rounds 1 to 22, and nothing is set aside: the faces are no longer written here.)
NAMED_MINORITY = FLEET + " También marcar a los gitanos."


@pytest.mark.parametrize(
    ("text", "category"), [(HIDDEN, "targets_dissent"), (NAMED_MINORITY, "profiling")]
)
def test_a_red_flag_naming_whom_it_harms_is_kept_whatever_the_weight(text, category):
    """The whole weighs as an ordinary deal, and the red flags of acts on journalists or a
    named minority still raise (the tracking read beside them is set aside)."""
    assert weighed_ordinary(text, WEIGHED.cues) is not None
    assert {category, "tracking"} <= signals(text, WEIGHING_OFF)
    assert signals(text) == {category}


# Found by a hostile review the same morning: each keeps the deal's targeting of dissent
# (the red flag above), but the category below is set aside with the weighing on. Why the
# weighing is off by default; kept in sight, so a guard that mends one fails this test.
HOLES = [
    # a red flag in a sentence of another language than the text's (weighed as the text's)
    (
        "We supply a fleet telematics platform for a regional parcel courier: GPS units in "
        "forty delivery vans, route planning, fuel reports and driver scorecards for the depot "
        "managers. 客户希望实时追踪记者和反对派活动人士的手机，并在抗议活动之前逮捕他们。",
        "tracking",
    ),
    # ordinary words in the red flag's own sentence
    (
        "Our client, a regional police force, will use the location data to track every "
        "protester's phone during the march, with online renewal, bank and insurance chain "
        "plans, across Wi-Fi network rollout for university streaming seats.",
        "tracking",
    ),
    # a wholly dangerous text written tersely: the red-flag words weigh little, articles much
    (
        "Client: interior police. Need: track protesters, journalists, opposition activists by "
        "phone. Real-time location, follow to meetings, arrest before protests. Rollout across "
        "network after renewal, bank-grade insurance plan.",
        "tracking",
    ),
    # a short red flag naming no one harmed, after an ordinary deal's description
    (FLEET + " También bloquear los sitios de noticias independientes.", "censorship"),
]


@pytest.mark.parametrize(("text", "_category"), HOLES[:-1])
def test_the_holes_naming_protesters_or_journalists_still_raise_targeting_dissent(text, _category):
    assert "targets_dissent" in signals(text)


@pytest.mark.xfail(strict=True, reason="known hole: why the weighing is off by default")
@pytest.mark.parametrize(("text", "category"), HOLES)
def test_a_red_flag_among_an_ordinary_deals_words_is_not_set_aside(text, category):
    assert category in signals(text, WEIGHING_OFF)
    assert category in signals(text)


def test_a_sentence_that_reads_as_dangerous_alone_keeps_its_text():
    """Words of an ordinary deal around a red flag whose sentence weighs as dangerous on its
    own: the whole weighs as ordinary, the sentence keeps it."""
    text = (
        "Sistema de gestión de flotas para una empresa de reparto: GPS en 300 furgonetas, los "
        "conductores están informados y el seguimiento se apaga al terminar el turno. La "
        "policía quiere localizar los teléfonos de los organizadores de la protesta."
    )
    weighing = WEIGHED.cues.languages["es"].weighing
    whole, heaviest = weights(tokens(text), "es", weighing)
    assert whole < ORDINARY_BELOW and heaviest >= SENTENCE_KEEPS
    assert {"targets_dissent", "tracking"} <= signals(text)


def test_a_title_or_a_sentence_of_fewer_than_twenty_words_is_never_weighed():
    every_text = _with({**DEFAULT_CUES, "ordinary_below": 3.0})  # sets aside nearly any text
    short = (
        "Flotas de reparto: GPS en 300 furgonetas para que el despacho siga la posición; los "
        "conductores están informados."
    )
    assert signals(short, every_text) == signals(short, WEIGHING_OFF) == {"tracking"}
    short = "在250辆货车上安装GPS定位器，调度员可以实时查看车辆位置。"  # about 14 words
    assert signals(short, every_text) == signals(short, WEIGHING_OFF) == {"tracking"}
    assert not signals(FLEET, every_text)


def test_the_weighing_off_reads_every_red_flag():
    assert "tracking" in signals(FLEET, WEIGHING_OFF)
    assert "tracking" in signals(FLEET, _with({**DEFAULT_CUES, "ordinary_below": None}))
    lower = _with({**DEFAULT_CUES, "ordinary_below": -5.0})  # the lowest bound: sets aside less
    assert "tracking" in signals(FLEET, lower)


def test_a_language_whose_cues_are_switched_off_is_not_weighed():
    cues = copy.deepcopy(DEFAULT_CUES)
    cues["languages"]["es"]["enabled"] = False
    cues["ordinary_below"] = ORDINARY_BELOW
    assert "tracking" in signals(FLEET, _with(cues))
    assert not signals(FLEET)


def test_a_switched_off_word_weighs_nothing():
    """A word an admin switched off no longer weighs in the whole text either."""
    cues = copy.deepcopy(DEFAULT_CUES)
    weights = cues["languages"]["es"]["weighing"]["weights"]
    cues["switched_off"] = [["es", f] for f, w in weights.items() if w < -0.3 and "+" not in f]
    cues["ordinary_below"] = ORDINARY_BELOW
    assert "tracking" in signals(FLEET, _with(cues))


@pytest.mark.parametrize(
    ("weighing", "message"),
    [
        ({"bias": "low", "weights": {}}, "the weighing's bias must be a number"),
        ({"bias": 0.0, "weights": {"a+b+c": 1.0}}, "the weighing's weights: 1 not a word"),
        ({"bias": 0.0, "weights": {"track": 1e9}}, "the weighing's weights: 1 not a word"),
        ({"bias": 0.0}, "the weighing's weights must be an object"),
        ([1, 2], "weighing must be an object with bias and weights"),
    ],
)
def test_a_malformed_weighing_is_refused_with_the_reason(weighing, message):
    cues = copy.deepcopy(DEFAULT_CUES)
    cues["languages"]["en"]["weighing"] = weighing
    errors = validate_cues(cues)
    assert any(message in e and "(English)" in e for e in errors), errors


@pytest.mark.parametrize("bound", ["low", 1000.0, -5.5, 3.5, float("nan")])
def test_a_bound_out_of_range_or_no_number_is_refused(bound):
    """As an imported pack may write it: past the bounds the page takes, the weighing would
    set aside nearly every text."""
    errors = validate_cues({**DEFAULT_CUES, "ordinary_below": bound})
    assert any("ordinary_below must be a number from -5 to 3 or null" in e for e in errors)


def test_cues_are_fitted_with_a_weighing_left_off():
    fitted = fit_cues(ITEMS, "test")
    assert fitted["ordinary_below"] is None  # off until the compliance lead decides
    weighing = fitted["languages"]["en"]["weighing"]
    assert weighing["weights"] and not validate_cues(fitted)
