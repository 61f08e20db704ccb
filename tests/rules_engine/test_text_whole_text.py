"""A text read as a dangerous deal as a whole: veiled writing in which no phrase and no
learned cue reads a red flag, but whose whole weighs like the dangerous descriptions,
raises the red flag its cues weigh most, quoting that category's weightiest sentence. It
only adds: a text something else reads is left as read, a short text is never weighed, an
ordinary deal stays clean, and the preview reads again a deal whose removed phrase leaves
such a text without a red flag."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rules.engine import (
    LexiconEntry,
    compile_criteria,
    example_snapshot,
    load_pack,
    read_pack,
    text_read,
)
from rules.engine.packs import cues_from_pack
from rules.engine.preview_text import preview_text_reader
from rules.textsignals.learned_cues import compile_cues, validate_cues
from rules.textsignals.reader import read_one_sourced
from rules.textsignals.snapshot_reading import read_text
from rules.textsignals.whole_text import DANGEROUS_ABOVE, WHOLE_TEXT

PACK = load_pack()
SCREENING = PACK.lexicon
DEFAULT_CUES = cues_from_pack(read_pack())

# Nothing in it names an act on people: the guests, their stay, their phones, their families.
VEILED = (
    "The client runs a small guest house in the hills and has asked for door controllers and "
    "wristbands. Visitors will be the authors of the spring petition. Their stay has no end "
    "date, they hand in their phones on arrival and relatives are told by post."
)
ORDINARY = [
    "Office network refresh for three sites: 40 switches, two firewalls and Wi-Fi access points "
    "for the warehouse and the canteen, installed over two weekends by our partner in Lyon, "
    "with a three-year support contract and training for the IT team.",
    "Renouvellement du parc informatique d'un cabinet comptable : 35 portables, une baie de "
    "stockage et la migration des boîtes mail vers le cloud, avec une formation des "
    "collaborateurs et un contrat de maintenance de trois ans.",
    "Una cadena de supermercados renueva las cajas de 60 tiendas: terminales de pago, "
    "impresoras de tickets y el software de inventario, con instalación por nuestro socio de "
    "Valencia y soporte durante tres años.",
    "物流公司仓库升级：为三个仓库更换无线网络和手持扫码终端，配套库存管理软件的三年许可，"
    "由区域经销商负责安装和培训。",
]


def _lexicon(cues: dict):
    return replace(SCREENING, cues=compile_cues(cues), reads={}, plan={})


def reads(text: str, lexicon=SCREENING) -> list[tuple]:
    return [r for r in read_one_sourced(text, lexicon) if r[0] != "detention_site"]


def test_the_default_criteria_read_a_veiled_detention_as_a_whole():
    found = reads(VEILED)
    assert [(c, lang, winners) for c, lang, _q, winners, _o in found] == [
        ("detention", "en", (WHOLE_TEXT,))
    ]
    quote = found[0][2]
    assert quote in " ".join(VEILED.split())  # words the rep wrote, a sentence of them
    fields = read_text(example_snapshot(use_description=VEILED), SCREENING)
    assert fields["text.signals"] == ["detention"]
    assert fields["text.detention"] == [f"Use description (English, whole text weighed): “{quote}”"]
    assert fields["text.phrases"] == ["detention:0:whole-text::cues"]


@pytest.mark.parametrize("text", ORDINARY)
def test_an_ordinary_deal_of_many_words_stays_clean(text):
    assert reads(text) == []


def test_a_short_text_is_never_weighed_as_a_whole():
    short = "Door controllers and wristbands for the guest house of the spring petition's authors."
    assert not any(r[3] == (WHOLE_TEXT,) for r in reads(short))


def test_it_only_adds_where_nothing_else_reads_a_red_flag():
    text = "The ministry wants to track the phones of protesters in the capital. " + VEILED
    found = reads(text)
    assert {r[0] for r in found} >= {"tracking", "targets_dissent"}
    assert not any(r[3] == (WHOLE_TEXT,) for r in found)


def test_it_is_off_without_a_bound_and_reads_whatever_the_cues_leave():
    off = _lexicon({**DEFAULT_CUES, "dangerous_above": None})
    assert reads(VEILED, off) == []
    # With no learned cue able to read a sentence (threshold out of reach), a text the cues
    # read in the default criteria is read as a whole instead.
    french = (
        "Le client veut des bracelets et un contrôle des portes pour la maison d'hôtes du lac. "
        "Les invités sont les signataires de la lettre ouverte du printemps. Le séjour dure "
        "jusqu'à la fin du stage, les téléphones sont gardés à l'entrée et les familles "
        "reçoivent un courrier."
    )
    assert [r[3] for r in reads(french)] == [("learned-cue",)]
    no_cue = _lexicon({**DEFAULT_CUES, "threshold": 1000.0})
    assert [(r[0], r[3]) for r in reads(french, no_cue)] == [("detention", (WHOLE_TEXT,))]


# Ordinary deals written as the veiled one is, in English (a review's): the whole reads as
# dangerous. The same deals in the other languages stay clean.
LEFT_FLAGGED = pytest.mark.xfail(strict=True, reason="an ordinary deal raised as a whole")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "A youth summer camp wants wristbands and door locks for the cabins. Children hand "
            "in their phones on arrival, stay for two weeks, and parents receive a letter and "
            "photos by post at the end of each week.",
            marks=LEFT_FLAGGED,
        ),
        pytest.param(
            "A drug rehabilitation clinic wants door controllers and wristbands for patients. "
            "Residents hand in their phones on arrival for the first two weeks, their families "
            "are informed by letter, and stays are open-ended depending on progress.",
            marks=LEFT_FLAGGED,
        ),
        "A wellness resort runs digital detox retreats: guests hand in their phones on "
        "arrival, stays last from one to three weeks, and relatives can reach them through "
        "the front desk. It wants door controllers and wristbands for the spa.",
        "A nursing home for elderly residents with dementia wants door sensors, "
        "wander-prevention wristbands and a nurse call system, agreed with families, with "
        "residents staying for the long term.",
    ],
)
def test_ordinary_stays_written_like_the_veiled_one_are_not_raised_as_a_whole(text):
    # (the resort is flagged by a learned cue, as before: not what is tested here)
    assert not any(r[3] == (WHOLE_TEXT,) for r in reads(text))


@pytest.mark.parametrize(
    "text",
    [
        "This is not a detention centre: the residents are students who stay for the term, "
        "hand in their phones at night and their parents are told by post about exams. The "
        "client wants door controllers and wristbands.",
        "Nous ne suivrons pas les manifestants ni les journalistes. Le client est une mairie "
        "qui veut des contrôleurs de portes et des bracelets pour sa piscine, et les familles "
        "sont informées par courrier des horaires d'été.",
    ],
)
def test_a_text_whose_red_flag_is_read_denied_is_not_raised_as_a_whole(text):
    assert not any(r[3] == (WHOLE_TEXT,) for r in reads(text))


def test_a_field_full_of_quotes_keeps_the_phrases_and_drops_the_whole_texts():
    snapshot = example_snapshot(use_description=VEILED)
    snapshot["text.answers"] = [
        f"Answer {i}: the detainees in block {i} will be held incommunicado." for i in range(8)
    ]
    fields = read_text(snapshot, SCREENING)
    assert len(fields["text.detention"]) == 8
    assert all(q.startswith("Answer to an information request") for q in fields["text.detention"])
    assert "detention:+" in fields["text.phrases"]


@pytest.mark.parametrize("bound", ["2", -1, 10.5, float("nan"), True])
def test_a_bound_out_of_range_is_refused(bound):
    errors = validate_cues({**DEFAULT_CUES, "dangerous_above": bound})
    assert any("dangerous_above must be a number from 0 to 10 or null" in e for e in errors)


def test_the_default_cues_carry_the_bound_chosen():
    assert DEFAULT_CUES["dangerous_above"] == DANGEROUS_ABOVE
    assert validate_cues(DEFAULT_CUES) == []


def test_the_preview_reads_again_a_deal_a_removed_phrase_leaves_to_its_whole():
    """In force, a phrase reads the tracking; the draft removes it. Nothing else reads a red
    flag in the text, which weighs as a dangerous deal: the draft raises it as a whole, and
    the preview must say so as a full reading would."""
    cues = {**DEFAULT_CUES, "threshold": 1000.0}  # no learned cue: the phrase or the whole
    track = LexiconEntry("track ~ phones ~ protesters", "en", "tracking", "test")
    other = LexiconEntry("block ~ opposition websites", "en", "censorship", "test")
    in_force = compile_criteria(PACK.specs, PACK.tiers, lexicon=[track, other], learned_cues=cues)
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=[other], learned_cues=cues)
    snapshot = example_snapshot(
        use_description="The ministry wants to track the phones of protesters in the capital. "
        + VEILED
    )
    stored = text_read(snapshot, in_force)
    assert stored["text.signals"] == ["tracking"]
    full = text_read(snapshot, draft)
    assert full["text.phrases"] == ["detention:0:whole-text::cues"]
    assert preview_text_reader(draft, in_force)(snapshot, stored) == full
