"""A place of detention named is a fact about the end user, not a red flag (README, Text
signals): the prison's kitchen asks a reviewer who the end user is; what is done to the
people held is still read as detention."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rules.engine import compile_criteria, example_snapshot, text_read
from rules.engine.preview_text import preview_text_reader
from rules.textsignals import LexiconEntry
from rules.textsignals.detention_sites import SITE
from rules.textsignals.lexicon import phrase_key
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
        "خوادم لمركز الاحتجاز وتسجيل المعتقلين.",
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


# A detention phrase an admin might write whose act and target are one place's name.
INSIDE = LexiconEntry("remand|remanded ~ remand prison|prisoners", "en", "detention", "test")
REMAND = "Video analytics for the remand prison's new wing."


def test_a_detention_match_inside_a_place_s_name_records_what_it_hid() -> None:
    """ "remand prison": the act "remand" and the target "remand prison" lie inside the
    place's name, which reads the place only and records the phrase it hid among its
    others; a preview that removes the places reads the text again and finds detention."""
    entries = [*PACK.lexicon.entries, INSIDE]
    with_inside = compile_criteria(PACK.specs, PACK.tiers, lexicon=entries)
    reads = read_one_sourced(REMAND, with_inside.lexicon)
    assert "detention" not in {r[0] for r in reads}
    (site,) = [r for r in reads if r[2] == "remand prison"]
    assert site[0] == SITE and phrase_key("en", INSIDE.phrase) in site[4]

    draft = compile_criteria(
        PACK.specs, PACK.tiers, lexicon=[e for e in entries if e.category != SITE]
    )
    snap = example_snapshot(use_description=REMAND)
    got = preview_text_reader(draft, with_inside)(snap, text_read(snap, with_inside))
    assert got == text_read(snap, draft)
    assert got["text.signals"] == ["detention"]


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


# -- a hostile review of the change (5 December 2026): red flags the first version hid -----


@pytest.mark.parametrize(
    "text",
    [
        "Facial recognition of visitors at the prison.",
        "Iris scanners at the detention centre.",
        "Listening devices in the prison visiting room.",
        "Reconnaissance faciale des visiteurs au parloir de la prison.",
        "Reconhecimento facial dos visitantes na penitenciária.",
        "Микрофоны в камерах СИЗО.",
        "Сбор отпечатков пальцев у всех заключённых тюрьмы.",
        "监狱会见室人脸识别。",
    ],
)
def test_surveillance_near_a_place_of_detention_stays_a_red_flag(text: str) -> None:
    assert "detention" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "After the march, the protesters were taken to the pre-trial detention centre; the "
        "police need laptops to process them.",
        "Les manifestants ont été transférés à la maison d'arrêt après le rassemblement.",
        "Los manifestantes son trasladados a la cárcel después de las marchas.",
        "Os manifestantes foram levados ao presídio depois do protesto.",
        "Участников акции перевели в спецприёмник, нужны компьютеры для дежурной части.",
        "تم نقل الصحفيين إلى السجن بعد المظاهرة.",
        "参加集会的学生被转移到看守所，需要采购电脑。",
    ],
)
def test_the_participants_of_a_protest_taken_to_a_place_of_detention_are_detention(text) -> None:
    assert "detention" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Inside-Out programme: university students are taken to the state prison weekly to "
        "study alongside inmates.",
        "Los alumnos de periodismo son llevados a la cárcel para entrevistar al director para "
        "su trabajo final.",
        "Os alunos de jornalismo são levados ao presídio para entrevistar o diretor para o TCC.",
        "La ONG de libertad de prensa documenta a los periodistas enviados a prisión; necesita "
        "un servidor para su base de datos.",
        "Правозащитный центр ведёт базу данных журналистов, отправленных в колонии; мы "
        "предоставляем хостинг.",
        "The law firm records its meetings with lawyers of the other side for the minutes.",
        "O escritório de advocacia grava as reuniões com os advogados para o seu arquivo "
        "interno de treinamento.",
    ],
)
def test_students_journalists_and_lawyers_meeting_are_no_red_flag_near_a_prison(text) -> None:
    """A second hostile review: students on a course, journalists on a report or in a
    press-freedom database, a firm's own meetings with lawyers."""
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Recording of lawyer visits in the prison visiting room.",
        "Enregistrement des parloirs avocats de la maison d'arrêt.",
        "Grabación de las visitas de abogados a los presos en la cárcel.",
        "Gravação das conversas com advogados no presídio.",
        "Запись бесед адвокатов с подзащитными в СИЗО.",
        "تسجيل لقاءات المحامين مع موكليهم في السجن.",
        "律师会见室录音录像。",
    ],
)
def test_the_meetings_of_people_held_with_their_lawyers_recorded_are_interception(text) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Some detainees must not appear in the register, the system needs a hidden list.",
        "Certains détenus ne doivent pas figurer au registre d'écrou.",
        "Algunos detenidos no deben aparecer en el registro del penal.",
        "部分在押人员不得登记在册。",
    ],
)
def test_people_held_kept_off_the_register_are_detention(text: str) -> None:
    assert "detention" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Inmate register upgrade at the county jail.",
        "Inmate tablets for education and messaging at the county jail.",
        "Inmate trust account system for the jail commissary.",
        "Records of inmates' court dates at the jail.",
        "Inmate visit scheduling software for the detention centre.",
        "The jail holds about 1,200 inmates and needs new servers.",
        "The remand centre holds detainees awaiting trial; we sell them printers.",
        "Detainees awaiting trial at the remand centre can use kiosks to contact their lawyers.",
        "Inmate phone system for calls to family, as required by the Department of Corrections.",
        "Téléphones pour les détenus afin d'appeler leur famille.",
        "Telefones para os presos ligarem para a família.",
        "Этапирование и конвоирование заключённых между колониями.",
        "看守所关押约一千人，需要更换服务器。",
        "أجهزة لوحية تعليمية للنزلاء في السجن.",
        "السجلات الطبية للسجناء في عيادة السجن.",
    ],
)
def test_a_place_of_detention_holding_its_inmates_is_no_red_flag(text: str) -> None:
    """Holding people is what a prison does: the acts of detention are read against people
    not yet held (protesters, the people on a list), the abuses against those held
    (interrogation, torture, incommunicado) by their own words."""
    assert categories(text) == set()


# -- a second hostile review: abuses once read only by the place's name --------------------


@pytest.mark.parametrize(
    "text",
    [
        "Electric shock batons for the guards at the jail.",
        "Matraques électriques et fers aux pieds pour les surveillants de la maison d'arrêt.",
        "Porras eléctricas y grilletes para los funcionarios del centro penitenciario.",
        "Bastões de choque elétrico e algemas para os agentes penitenciários do presídio.",
        "Электрошоковые дубинки и кандалы для сотрудников СИЗО.",
        "عصي صعق كهربائي وقيود للحراس في السجن المركزي.",
        "为看守所管教人员提供电击棍和脚镣。",
    ],
)
def test_restraints_the_eu_regulates_as_tools_of_torture_are_detention(text: str) -> None:
    assert "detention" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Detainees are moved between prisons every few weeks so their families cannot find them.",
        "Les détenus sont transférés d'une prison à l'autre pour que leurs familles ne les "
        "retrouvent pas.",
        "يتم نقل السجناء من سجن إلى آخر كل أسبوع حتى لا تتمكن عائلاتهم من العثور عليهم.",
        "犯人每周在监狱之间转移，让家属找不到他们。",
    ],
)
def test_people_held_hidden_from_their_families_are_detention(text: str) -> None:
    assert "detention" in categories(text)


def test_restraints_in_a_museum_are_no_red_flag() -> None:
    assert categories("The museum exhibits leg irons used in the colonial prison.") == set()
