"""A place of detention named is a fact about the end user, not a red flag (README, Text
signals): the prison's kitchen asks a reviewer who the end user is; what is done to the
people held is still read as detention."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rules.engine import compile_criteria, example_snapshot, text_read
from rules.engine.preview_text import preview_text_reader
from rules.textsignals.detention_sites import SITE
from rules.textsignals.reader import read_one, read_one_sourced
from rules.textsignals.set_aside import set_aside
from tests.rules_engine.reading import PACK, categories, facts


@pytest.mark.parametrize(
    "text",
    [
        "Catering ERP for a contractor supplying meals to three detention centres and two "
        "hospitals: menus, allergens, invoicing.",
        "Laptops for the prison education programme's classroom.",
        "Battery cells for the prison's backup power.",
        "Escort and transfer schedules of prisoners between the penal colony and court.",
        "Video analytics for the remand prison's new wing.",
        "Cuisine centrale du centre de détention pour hommes : fours mixtes et lave-vaisselle.",
        "La cárcel necesita un sistema de nóminas para el personal.",
        "Cárcel provincial, reforma de cocina con dos hornos, sartenes y una cámara frigorífica.",
        "Presídio estadual, reforma da cozinha com dois fornos, frigideiras e câmara fria.",
        "Серверы для следственного изолятора и учёта заключённых.",
        "Поставка в колонию строгого режима для контроля осуждённых.",
        "الكلية تقدم دورات داخل سجن قرب المدينة وتحتاج حواسيب محمولة.",
        "看守所食堂的厨房设备更新：两台烤箱和一台洗碗机。",
    ],
)
def test_a_place_of_detention_named_is_a_fact_not_a_red_flag(text: str) -> None:
    assert categories(text) == set()
    assert facts(text) == {SITE}


@pytest.mark.parametrize(
    "text",
    [
        "Cameras in every cell of the detention centre to record what detainees tell their "
        "lawyers.",
        "Track the inmates' movements inside the prison with wristbands.",
        "Microphones in the visiting room of the prison to record conversations with relatives.",
        "Biometric registration of all inmates at intake in the central prison.",
        "List of protesters to be sent to the detention centre after the march.",
        "Transfer of detainees from the detention center to interrogation rooms at night.",
        "Des caméras dans chaque cellule de la maison d'arrêt pour écouter les détenus.",
        "Registro biométrico de todos los presos al ingresar en la cárcel.",
        "Сизо: видеонаблюдение в каждой камере и запись разговоров заключённых с адвокатами.",
        "监狱：对在押人员进行人脸识别和行动轨迹跟踪。",
        "السجن المركزي: كاميرات مراقبة في كل زنزانة لمراقبة السجناء.",
    ],
)
def test_what_is_done_to_the_people_held_stays_a_detention_red_flag(text: str) -> None:
    assert "detention" in categories(text)
    assert facts(text) == {SITE}


@pytest.mark.parametrize(
    "text",
    [
        "Meals and visits schedule for detainees in the re-education camp.",
        "Rastrear los movimientos de los detenidos.",
        "قاعدة بيانات الأسرى السياسيين",
        "Database of detainees held without trial.",
    ],
)
def test_camps_political_prisoners_and_people_tracked_are_read_without_a_place(text) -> None:
    assert "detention" in categories(text)


def test_a_detention_match_inside_a_place_s_name_records_what_it_hid() -> None:
    """ "remand prison": the act "remand" and the target "remand prison" of one family lie
    inside the place's name; the place's quote records the family's phrase among its
    others, so a preview that removes the place's phrases reads the text again."""
    reads = read_one_sourced("Video analytics for the remand prison's new wing.", PACK.lexicon)
    assert [r[:3] for r in reads if r[2] == "remand prison"] == [(SITE, "en", "remand prison")]
    (site,) = [r for r in reads if r[2] == "remand prison"]
    assert site[4], "the family's phrase it hid is among the others"


def test_the_fact_has_its_own_field_and_is_never_among_the_red_flags() -> None:
    snap = example_snapshot(
        title="Kitchen refit", use_description="Two ovens for the central prison's kitchen."
    )
    read = text_read(snap, PACK)
    assert read["text.signals"] == []
    assert read["text.detention_site"] == ["Use description (English): “prison”"]
    assert any(line.startswith(f"{SITE}:0:") for line in read["text.phrases"])


@pytest.mark.parametrize(
    "text",
    [
        "Video analytics for the remand prison's new wing.",
        "Two ovens for the central prison's kitchen.",
        "Cuisine centrale du centre de détention pour hommes : fours mixtes et lave-vaisselle.",
    ],
)
def test_a_preview_that_removes_the_places_reads_as_the_draft_would(text: str) -> None:
    """Without the place entries the words read as before they were facts (or as nothing):
    the preview's answer from the stored record equals the draft's full reading."""
    entries = [e for e in PACK.lexicon.entries if e.category != SITE]
    draft = compile_criteria(PACK.specs, PACK.tiers, lexicon=entries)
    snap = example_snapshot(use_description=text)
    stored = text_read(snap, PACK)
    assert stored["text.detention_site"]
    assert preview_text_reader(draft, PACK)(snap, stored) == text_read(snap, draft)


def test_weighing_a_text_as_ordinary_keeps_the_place_named() -> None:
    """The whole text weighed as an ordinary deal sets its red flags aside; a place of
    detention named is none: the reviewer is still asked who the end user is."""
    text = (
        "Kitchen refit for the central prison: two combination ovens, a blast chiller, a "
        "conveyor dishwasher and temperature loggers for the cold rooms, installed by our "
        "partner with five years of maintenance."
    )
    everything_ordinary = replace(
        PACK.lexicon, cues=replace(PACK.lexicon.cues, ordinary_below=1e9), reads={}
    )
    assert set_aside(text, everything_ordinary)[0] is not None  # weighed as ordinary
    assert {c for c, _l, _q in read_one(text, everything_ordinary)} == {SITE}
