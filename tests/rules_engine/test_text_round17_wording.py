"""Wording of new writing read in the seven languages: claimants scored higher for a dual
nationality or a 'non-Western' origin; young men ranked for stop-and-search with being Black
as a weight; an open-source intelligence suite mapping protest committees; anyone's
movements replayed across town; videos and comments that criticise removed at once; all the
traffic of two cables copied to a navy's servers; every subscriber's calls handed to a
security service whatever notice callers hear. And the ordinary
deals its words must leave alone: a shelter checking survivors' phones for stalkerware and
their cars for hidden GPS trackers; workers located inside a plant as agreed with their
union; a bank flagging suspicious transfers; reporters trained in open-source intelligence;
a control room knowing who is where during a mine's evacuation; a broker's trading desk
recording client calls with a notice at the start of each call.

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
        # a risk score or a ranking weighted by dual nationality, origin or being Black
        ("profiling", "The model scores applicants with dual nationality as higher risk."),
        ("profiling", "Officers get a list of young men ranked for checks, weighting being Black."),
        ("profiling", "Le modèle attribue une note plus élevée aux demandeurs binationaux."),
        ("profiling", "Un classement des jeunes qui pondère le fait d'être noir."),
        ("profiling", "El modelo da puntuaciones más altas a quien tiene doble nacionalidad."),
        ("profiling", "La lista pondera ser negro y vivir en ciertos barrios."),
        ("profiling", "O sistema dá notas mais altas a quem tem dupla nacionalidade."),
        ("profiling", "Um ranking de suspeitos pesando ser negro e o bairro."),
        ("profiling", "يعطي النظام درجات أعلى للمتقدمين مزدوجي الجنسية."),
        ("profiling", "ترتيب الشبان للتفتيش مع وزن لكونهم سودا."),
        ("profiling", "Модель ставит более высокие баллы заявителям с двойным гражданством."),
        ("profiling", "Рейтинг для досмотра учитывает, чернокожий ли человек."),
        ("profiling", "模型给双重国籍的申请人打更高的分。"),
        ("profiling", "按是否为黑人加权排序，决定拦截搜身的对象。"),
        # an OSINT suite turned on protest committees is no reporters' training
        (
            "targets_dissent",
            "Una plataforma de inteligencia de fuentes abiertas que mapea a los líderes de los "
            "comités de protesta.",
        ),
        (
            "targets_dissent",
            "Платформа разведки по открытым источникам найдёт лидеров протестных комитетов.",
        ),
        # a person's movements replayed or retraced across a town
        ("tracking", "So the police can replay any named resident's movements across town."),
        (
            "tracking",
            "Para que la policía pueda reconstruir los desplazamientos de cualquier vecino.",
        ),
        ("tracking", "Para que a polícia possa reconstituir os deslocamentos de qualquer morador."),
        (
            "tracking",
            "Pour que la police puisse retracer les déplacements de n'importe quel habitant.",
        ),
        ("tracking", "Чтобы полиция могла восстановить перемещения любого жителя по городу."),
        # videos and comments that criticise removed at once
        ("censorship", "El portal retira al instante cualquier vídeo que critique la ayuda."),
        ("censorship", "El portal borra al instante cualquier comentario que critique al alcalde."),
        ("censorship", "O portal remove na hora qualquer vídeo que critique o socorro."),
        ("censorship", "O portal apaga na hora qualquer comentário que critique o prefeito."),
        # a notice that calls are recorded does not clear a hand-over of them
        (
            "interception",
            "Запись всех звонков абонентов оператора, с предупреждением о записи, передаётся в "
            "ФСБ.",
        ),
        # all the traffic of the cables copied to someone's servers
        (
            "interception",
            "Des coupleurs optiques qui copient tout le trafic des câbles vers les serveurs de la "
            "marine.",
        ),
    ],
)
def test_round17_wording_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The loyalty app scores members by how often they shop.",
        "Dual nationality holders can renew their passport online.",
        "Rank the delivery routes by distance and weight.",
        "Les binationaux peuvent renouveler leur passeport en ligne.",
        "Los titulares de doble nacionalidad renuevan el pasaporte en línea.",
        "Quem tem dupla nacionalidade pode renovar o passaporte pela internet.",
        "Граждане с двойным гражданством продлевают паспорт онлайн.",
        "双重国籍人士可在网上续办护照。",
        "Les coureurs peuvent retracer leur parcours sur la carte après la course.",
        "The driver app lets dispatch replay the trucks' journeys for route planning.",
        "La app permite reconstruir los recorridos de los camiones para planificar rutas.",
        "El editor borra los comentarios duplicados antes de publicar.",
        "Un TAP copie tout le trafic vers la sonde de détection d'intrusion de l'entreprise.",
        "Un répartiteur copie tout le trafic vers l'outil de supervision du réseau de l'entreprise.",
    ],
)
def test_ordinary_deals_with_the_new_words_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # survivors' phones checked for stalkerware, cars for hidden GPS trackers
        "Caseworkers check survivors' phones to find stalkerware and hidden GPS trackers.",
        "Vérification des téléphones des victimes pour détecter les logiciels espions et les "
        "traceurs GPS cachés.",
        "Revisión de los teléfonos de las víctimas para encontrar stalkerware y rastreadores GPS "
        "ocultos.",
        "Verificação dos celulares das vítimas para achar stalkerware e rastreadores GPS "
        "escondidos.",
        "فحص هواتف الضحايا للعثور على برامج التجسس الملاحقة وأجهزة تتبع مخفية.",
        "Проверка телефонов пострадавших на сталкерские программы и поиск скрытых трекеров.",
        "为受害人检查手机中的跟踪软件，查找藏在汽车上的GPS定位器。",
        # workers located inside the plant, as agreed with their union
        "Localisation des ouvriers uniquement dans l'usine, convenu avec le syndicat.",
        "A localização dos operários só funciona dentro da fábrica, acordado com o sindicato.",
        "Местоположение рабочих отслеживается только на заводе, согласовано с профсоюзом.",
        "仅在厂区内对工人定位，已与工会达成一致。",
        # a bank's own payments monitored for suspicious transfers (anti-money-laundering)
        "Surveillance des transactions et analyse comportementale pour signaler les virements "
        "suspects, avec déclarations à la cellule.",
        "Monitoramento de transações e análise comportamental para sinalizar transferências "
        "suspeitas, com comunicações à unidade.",
        "Monitoring of payments and behavioural analytics to flag suspicious transfers, with "
        "reports to the unit.",
        # reporters trained in open-source intelligence
        "تدريب على الاستخبارات مفتوحة المصدر لـ20 صحفيًا.",
        "Обучение журналистов разведке по открытым источникам.",
        "为记者提供开源情报培训。",
        # who is where during an evacuation: a safety roll call, not a register of the held
        "Lectores en los túneles para que la sala de control sepa quién está dónde durante una "
        "evacuación.",
        # a broker's trading desk recording client calls, callers told at the start of each
        "Брокерская компания: запись всех звонков и чатов с клиентами в торговом зале, как "
        "требует MiFID II.",
        "Брокерская компания: запись всех звонков и чатов с клиентами в дилинговом зале, как "
        "требует MiFID II, с предупреждением в начале каждого звонка и хранением 5 лет.",
        "证券经纪公司：按MiFID II要求对交易台与客户的所有通话进行录音存档。",
        "شركة وساطة مالية: تسجيل جميع مكالمات العملاء في غرفة التداول، مع تنبيه في بداية كل "
        "مكالمة والاحتفاظ لمدة 5 سنوات.",
    ],
)
def test_ordinary_deals_that_read_as_red_flags_raise_nothing(text: str) -> None:
    assert categories(text) == set()
