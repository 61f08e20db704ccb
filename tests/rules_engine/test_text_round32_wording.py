"""Wording of round 32's tuning half (no theme: deals as they come in).

- Families not told where the people held are sent, in every language ("les familles ne
  sont pas informées du lieu", "a las familias no se les informa adónde", "不会告知家属人
  被送到哪里"), not families not told a delivery date.
- A security body named beside a shipping word in a bulk row ("| envío Biskek", "| الشحن
  إلى بيشكيك"): Spanish "envío*" and Arabic "الشحنات" as logistics context cleared any
  security body named in the sentence; shipments are now read by words that say they are
  tracked ("seguimiento de envíos", "تتبع الشحنات").
- A national security committee by its name (English, Russian short form), the
  independent press club as people targeted for dissent (English), messaging apps degraded
  to near zero (Portuguese, Chinese), calls "recorded" (录下) in Chinese.
- Ordinary deals: meters and devices "interrogated" by a reader or a protocol (English,
  French, Spanish, Portuguese), the Oromia region read as the Oromo people in Spanish
  ("Oromía"), an Arabic app that works offline ("دون اتصال", without a connection) read
  as communications.

Each dangerous sentence of the first test raised nothing of its category, and each ordinary
one of the second raised a red flag, before these changes; the third and fourth are guards.
Sentences shortened from the round or written for the purpose. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "detention",
            "Durée de séjour non définie ; le partenaire dit que les familles ne sont pas "
            "informées du lieu où les personnes sont envoyées.",
        ),
        (
            "detention",
            "Duración sin definir; el partner dice que a las familias no se les informa adónde "
            "se envía a las personas.",
        ),
        ("detention", "停留期限不定；合作伙伴说不会告知家属人被送到哪里。"),
        (
            "security_services",
            "DR-90417 | video analytics + 60 TB | EU: Horizon Analytics LLC (reg. 2024) | contact "
            "email on the national security committee domain | ship Bishkek",
        ),
        (
            "security_services",
            "видеоаналитика + 60 ТБ | контактный email на домене комитета нацбезопасности",
        ),
        (
            "security_services",
            "DR-90417 | videoanalítica + 60 TB | UF: Horizon Analytics LLC (reg. 2024) | email de "
            "contacto en el dominio del comité de seguridad nacional | envío Biskek",
        ),
        (
            "security_services",
            "DR-90417 | تحليلات فيديو + 60 TB | بريد جهة الاتصال على نطاق لجنة الأمن القومي | الشحن "
            "إلى بيشكيك",
        ),
        (
            "targets_dissent",
            "They want the remote agent licence for Android and iOS. The list is mostly people "
            "from the independent press club plus the lawyer representing the villagers.",
        ),
        (
            "censorship",
            "O regulador quer poder degradar Facebook, WhatsApp e X a quase zero, região por "
            "região, durante as eleições de outubro.",
        ),
        (
            "censorship",
            "监管机构希望在10月选举期间，能够按地区把Facebook、WhatsApp和X降到接近于零。",
        ),
        (
            "interception",
            "阿什哈巴德一家酒店，PBX + Wi-Fi更新。总经理要求新PBX录下所有客房通话，并把Wi-Fi会话日志"
            "（包括访问过的网站）每周导出给区联络官。不会告知客人。",
        ),
    ],
)
def test_red_flags_of_round_32_are_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "ONEE needs 300 rugged tablets with optical probes so field crews can interrogate smart "
        "meters on site when the AMI network drops.",
        "DR-51902 | Unión de cooperativas de caficultores de Oromía (ET) | 400 tablets Android + "
        "licencias de app de captura de datos offline | registro de productores",
        "DR-51902 | الاتحاد التعاوني لمزارعي البن في أوروميا | 400 تابلت Android + تراخيص تطبيق "
        "جمع بيانات يعمل دون اتصال | تسجيل المزارعين",
    ],
)
def test_ordinary_deals_of_round_32_are_not_flagged(text: str) -> None:
    assert not categories(text)


@pytest.mark.parametrize(
    "category, text",
    [
        ("profiling", "Identificar a los oromos en las imágenes de las cámaras de la ciudad."),
        ("detention", "Interrogate the protesters held at the stadium overnight."),
        ("interception", "اعتراض مكالمات الصحفيين دون إذن قضائي."),
    ],
)
def test_what_stays_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # shipments tracked are still logistics, read by their own words
        "Rastrear cada envío de la flota en tiempo real y el seguimiento de envíos al cliente.",
        "Les familles ne sont pas informées de la date de livraison.",
        "Las familias no son informadas del horario de visitas por SMS, solo por carta.",
    ],
)
def test_ordinary_wordings_beside_the_changes(text: str) -> None:
    assert not categories(text)


# A ministry or a regulator named for communications is a customer's name: a match ending or
# starting on its word ("… for Peru's Ministry of Transport and Communications (spectrum
# control directorate): four fixed monitoring stations") reads nothing; one naming whose
# communications are read still reads. Taking the name away uncovered two texts it had read
# for the wrong reason; copies of all the chats of any user chosen, without a court, are read
# by their own words (French, Spanish).


@pytest.mark.parametrize(
    "text",
    [
        "Spectrum monitoring upgrade for Peru's Ministry of Transport and Communications "
        "(spectrum control directorate): four fixed monitoring stations and two vehicles.",
        "Actualización del monitoreo del espectro para el Ministerio de Transportes y "
        "Comunicaciones del Perú (dirección de control del espectro): cuatro estaciones fijas.",
        "Atualização do monitoramento do espectro para o Ministério de Transportes e "
        "Comunicações do Peru (diretoria de controle do espectro): quatro estações fixas.",
        "秘鲁交通和通信部（频谱管理局）频谱监测升级：四个固定监测站和两辆配备测向天线的车辆。",
    ],
)
def test_a_ministry_named_for_communications_is_a_name(text: str) -> None:
    assert not categories(text)


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "interception",
            "The Ministry of Communications wants to monitor all communications of journalists.",
        ),
        (
            "interception",
            "Ministry of Transport and Communications: intercept the calls of opposition leaders.",
        ),
        (
            "interception",
            "El Ministerio de Comunicaciones quiere interceptar las comunicaciones de los opositores.",
        ),
        ("targets_dissent", "وزارة الاتصالات تريد مراقبة اتصالات الصحفيين."),
        ("targets_dissent", "通信部要求监听记者的通信。"),
        (
            "interception",
            "La unidad de monitoreo del Ministerio de Comunicaciones exige una API oculta que le "
            "envíe copias de todos los chats de cualquier usuario que elija, sin aviso al usuario ni "
            "orden judicial.",
        ),
        (
            "interception",
            "La cellule de surveillance du ministère des Communications exige une API cachée qui lui "
            "envoie une copie de toutes les conversations de n'importe quel utilisateur qu'elle "
            "choisit, sans en informer l'utilisateur ni aucun mandat.",
        ),
    ],
)
def test_communications_of_people_still_read(category: str, text: str) -> None:
    assert category in categories(text)
