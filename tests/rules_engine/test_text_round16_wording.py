"""Wording of new writing read in the seven languages: a passer-by picked out and kept in view
from camera to camera; any subscriber put on listen at a click; every incoming and outgoing
message copied to a commission's archive; an alert when someone on a register leaves the
district; subscribers singled out by the religious apps they use; people held with no
lawyer or until a third country accepts them; patients released only with a prosecutor's
or the police's consent; psychiatric wards for those who complained about officials. And
the ordinary deals its words must leave alone: a fire, rescue or civil-protection service
under the Interior ministry searching for lost people; observers of the parties and civil
society watching an election count; a newsroom's source protection and its reporters'
encrypted notes; hospital equipment located so nurses find it; Russian goods piled up
("складываются") in a warehouse.

Each dangerous sentence raised nothing of its category, and each ordinary one once read as
a red flag raised one, before these entries were added; the other dangerous and ordinary
sentences share their words. Sentences written for the purpose (not taken from the labelled
texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        # a person picked out and followed from camera to camera
        (
            "tracking",
            "The operator selects a passer-by and the drone keeps them in view until the "
            "street cameras take over.",
        ),
        ("tracking", "Click on a person in the crowd and the system hands off between cameras."),
        (
            "tracking",
            "L'opérateur sélectionne un passant et le système le suit de caméra en caméra.",
        ),
        (
            "tracking",
            "El operador selecciona a un transeúnte y el sistema lo sigue de cámara en cámara.",
        ),
        ("tracking", "O operador seleciona um transeunte e o sistema o segue de câmera em câmera."),
        ("tracking", "يختار المشغل أحد المارة ويتابعه النظام عبر الكاميرات."),
        ("tracking", "Оператор отмечает прохожего, и система ведёт его по камерам."),
        ("tracking", "操作员选中一个路人，系统持续锁定并交接给街头摄像头。"),
        # any subscriber put on listen
        ("interception", "Any subscriber can be put on listen from the analyst console."),
        ("interception", "Cualquier abonado puede quedar intervenido desde la consola."),
        ("interception", "Qualquer assinante pode ser grampeado pelo painel."),
        ("interception", "N'importe quel abonné peut être mis sur écoute depuis la console."),
        # every message copied to an archive a body searches or keeps for ever
        (
            "interception",
            "Every incoming and outgoing email is copied to the agency's archive and kept "
            "indefinitely.",
        ),
        (
            "interception",
            "Cada mensagem recebida e enviada é copiada para o arquivo da agência, sem prazo.",
        ),
        ("interception", "كل رسالة واردة وصادرة تحفظ لدى الجهاز بلا مدة."),
        # "складывается" (is put) is no warehouse ("склад")
        ("interception", "Каждое письмо складывается в архив комиссии."),
        # an alert when someone on a register leaves the county or district
        ("tracking", "登记人员一旦离开本县，系统即告警。"),
        ("tracking", "Raise an alert when anyone on the register leaves the district."),
        ("tracking", "Alerte dès qu'un abonné du registre quitte le district."),
        ("tracking", "Alerta cuando alguien del registro sale del distrito."),
        ("tracking", "Alerta quando alguém do cadastro sai do distrito."),
        ("tracking", "إرسال تنبيه إذا غادر أحد المسجلين مدينته."),
        ("tracking", "Оповещение, если кто-то из реестра выезжает из района."),
        # subscribers singled out by their religious apps
        ("profiling", "Найти абонентов, у которых установлено приложение для чтения Корана."),
        ("profiling", "Repérer les abonnés qui ont installé une appli de prière."),
        ("profiling", "找出手机里装有圣经App的用户。"),
        # held with no lawyer, or until a third country accepts them
        ("detention", "People held there have no access to a lawyer."),
        ("detention", "Migrants stay in the centre until a third country takes them."),
        ("detention", "Ils restent retenus jusqu'à ce qu'un pays tiers les accepte."),
        ("detention", "Задержанных мигрантов держат без адвоката."),
        # released only with the police's or a prosecutor's consent
        ("detention", "Patients are discharged only with the police's approval."),
        ("detention", "Los pacientes solo salen con autorización de la policía."),
        ("detention", "Пациентов выпускают только с разрешения полиции."),
        ("detention", "病人出院须经公安批准。"),
        # psychiatric wards for people who complained about officials
        (
            "detention",
            "Patients are sent to the psychiatric ward after complaints against officials.",
        ),
        (
            "detention",
            "Des patients internés en psychiatrie après des plaintes contre les autorités.",
        ),
        ("detention", "Пациентов в психиатрию направляют после жалоб на чиновников."),
        ("detention", "上访者被送进精神病院。"),
    ],
)
def test_round16_wording_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The app lets a pedestrian choose a route and follow it.",
        "Monitor any number of devices from one dashboard.",
        "Any subscriber can change their plan in the app.",
        "Every incoming and outgoing email is archived for seven years under the bank's "
        "record-keeping rules.",
        "Коробки складываются на складе у ворот.",
        "Определять местоположение грузчиков на складах компании.",
        "车辆离开本市即告警，通知负责人。",
        "Alert the dispatcher when a truck leaves the region.",
        "Alerte quand le camion quitte la région.",
        "Оповещение, когда автобус выезжает из города.",
        "تنبيه للسائق عندما تغادر الشاحنة المدينة.",
        "Our Bible app shows daily readings to its subscribers.",
        "Identify subscribers whose banking app crashed last week.",
        "The tenants can stay in the flat until the lease ends.",
        "Patients are discharged only with the doctor's consent.",
        "Visitors leave only with an escort from reception.",
        "Psychiatric hospital: patient records and a complaints desk for the ombudsman.",
    ],
)
def test_ordinary_deals_with_the_new_words_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # a rescue service under the Interior ministry, looking for lost people
        "The Interior ministry's civil protection service buys drones to search for lost hikers.",
        "Protection civile du ministère de l'Intérieur : drones pour retrouver les randonneurs "
        "égarés.",
        "Defensa civil del Ministerio del Interior: drones para localizar personas perdidas en "
        "la montaña.",
        "Corpo de bombeiros do Ministério do Interior: drones para localizar pessoas perdidas.",
        "МЧС МВД: дроны для поиска и определения местоположения заблудившихся туристов.",
        # observers watching an election count, the watchers not the watched
        "Party observers and civil society groups will watch the count at every polling station.",
        "Des observateurs de la société civile suivent le dépouillement dans chaque bureau.",
        "Observadores de la sociedad civil siguen el escrutinio en cada mesa.",
        "Observadores da sociedade civil acompanham a apuração em cada seção.",
        "Наблюдатели от гражданского общества следят за подсчётом голосов на участках.",
        # a newsroom's own tools: its reporters' encrypted notes ("noter" is grading people)
        "Plateforme de rédaction pour les reporters, avec protection des sources et notes "
        "chiffrées.",
        # hospital equipment located so nurses find it
        "BLE-метки на дефибрилляторах с определением местоположения, чтобы медсёстры находили "
        "оборудование.",
    ],
)
def test_ordinary_deals_once_read_as_a_red_flag_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "tracking",
            "The civil defence unit will share the locations of protesters with the police.",
        ),
        ("tracking", "Les pompiers doivent localiser les manifestants pour la police."),
        (
            "censorship",
            "The operator will shut down mobile internet in the north until the count is over.",
        ),
        ("targets_dissent", "Noter les reporters et ficher leurs sources."),
    ],
)
def test_red_flags_beside_the_new_ordinary_words_are_still_read(category: str, text: str) -> None:
    assert category in categories(text)
