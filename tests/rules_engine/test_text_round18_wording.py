"""Wording of new writing read in the seven languages: people held or kept for months or
weeks without a hearing, a trial, a judge or a lawyer (asylum seekers on a ship, residents
in a centre); search results about a petition quietly dropped; a name or a meal taken to suggest
that someone is Muslim, Uyghur or Roma; in Chinese, the network's speed capped
("网速限到") whenever a protest is called; a hidden participant added to any chat
someone names. A newsroom's trade with the count of its own people in brackets
("periodismo de investigación (12 periodistas)") stays a trade.

Each dangerous sentence raised nothing of its category before these entries were added.
Sentences written for the purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        # people held for months or weeks with no hearing, trial, judge or lawyer
        ("detention", "Asylum seekers are held for months without a hearing."),
        ("detention", "The men are kept there for weeks with no hearing and no judge."),
        ("detention", "Les demandeurs d'asile sont retenus des mois sans audience."),
        ("detention", "Ils sont gardés pendant des semaines sans avocat ni juge."),
        ("detention", "Los solicitantes de asilo son retenidos durante meses sin audiencia."),
        ("detention", "Allí permanecen semanas sin juicio."),
        ("detention", "Os solicitantes de asilo ficam retidos por meses sem audiência."),
        ("detention", "Eles são mantidos lá por semanas sem advogado nem juiz."),
        ("detention", "Просителей убежища держат месяцами без суда."),
        ("detention", "Их удерживают неделями без адвоката."),
        ("detention", "يُحتجز طالبو اللجوء لأشهر دون محاكمة."),
        ("detention", "يبقى الرجال هناك لأسابيع بلا محامٍ."),
        ("detention", "寻求庇护者被关押数月，没有任何听证。"),
        ("detention", "这些人被扣押了好几个月，一直没有听证。"),
        # search results about a petition quietly dropped or discarded
        ("censorship", "Quietly drop any search result about the residents' petition."),
        (
            "censorship",
            "Écarter discrètement tout résultat de recherche sur la pétition des riverains.",
        ),
        (
            "censorship",
            "Descartar discretamente qualquer resultado de busca sobre o abaixo-assinado dos "
            "moradores.",
        ),
        ("censorship", "Тихо убирать результаты поиска о петиции жителей."),
        ("censorship", "悄悄剔除关于居民请愿书的搜索结果。"),
        # a name or a meal taken to suggest that someone belongs to a religion or a group
        (
            "profiling",
            "Passengers whose names suggest they are Muslim are sent to secondary inspection.",
        ),
        (
            "profiling",
            "Les voyageurs dont le repas commandé laisse penser qu'ils sont musulmans sont fouillés.",
        ),
        ("profiling", "Se revisan aparte los viajeros cuyo nombre sugiera que son musulmanes."),
        ("profiling", "São revistados à parte os clientes cujo nome sugere que são ciganos."),
        ("profiling", "Пассажиры, чьё имя указывает на то, что они мусульмане, идут на досмотр."),
        ("profiling", "المسافرون الذين توحي أسماؤهم بأنهم مسلمون يُحالون دائماً إلى التفتيش."),
        # the speed of the network capped whenever a protest is called (Chinese)
        ("censorship", "每逢有人号召抗议，就把网速限到2G。"),
        ("censorship", "选举前后三天，把反对派聚集地区的网速降到最低。"),
        # a hidden participant added to any chat someone names
        ("interception", "A hidden participant is silently added to any chat the ministry names."),
        (
            "interception",
            "Un participant caché est ajouté à toute conversation que le ministère désigne.",
        ),
        (
            "interception",
            "Un participante oculto se añade a cualquier chat que indique el ministerio.",
        ),
        (
            "interception",
            "Um participante oculto é adicionado a qualquer conversa que o ministério indicar.",
        ),
        (
            "interception",
            "Скрытый участник негласно добавляется в любой чат, который укажет министерство.",
        ),
        ("interception", "يُضاف مشارك مخفي بصمت إلى أي محادثة يحددها الجهاز."),
        ("interception", "在主管部门指定的任何聊天中悄悄加入一个隐藏成员。"),
    ],
)
def test_new_wording_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # things kept for months, people seen without an appointment: nobody held
        "Customer records are kept for months with no charge for the storage.",
        "Backups are held for weeks before deletion, as the retention policy says.",
        "Les sauvegardes sont gardées des mois sans frais supplémentaires.",
        "Los pacientes permanecen semanas en rehabilitación sin cita previa.",
        "Os registros ficam meses no arquivo sem custo adicional.",
        "Резервные копии хранятся месяцами без доплаты.",
        "تُحفظ النسخ الاحتياطية لأشهر دون تكلفة إضافية.",
        "备份数据保存数月，不另收费。",
        # results dropped as a search engine's own housekeeping
        "The engine should quietly drop duplicate search results about the same product.",
        "Le moteur doit écarter discrètement tout résultat de recherche en double.",
        "O motor deve descartar discretamente qualquer resultado de busca duplicado.",
        "Поиск должен тихо убирать дубли из результатов поиска.",
        "搜索引擎应悄悄剔除重复的搜索结果。",
        # what a survey suggests of people, naming no group
        "The survey results suggest they are happy with the new booking app.",
        "Les réponses laissent penser qu'ils sont satisfaits du service.",
        # a plan's speed capped once its data is used up
        "对超出套餐流量的用户把网速限到1Mbps。",
        # a trainer sitting in on the support chat
        "The admin can add a hidden participant to the support chat for training.",
        "L'administrateur peut ajouter un participant caché au chat du support pour la formation.",
        # a newsroom's trade with the count of its own people in brackets
        "Redacción de periodismo de investigación (12 periodistas): servidores nuevos.",
        "Redação de jornalismo investigativo (12 repórteres): servidores novos.",
        "Journalisme d'investigation (12 journalistes) : serveurs neufs.",
    ],
)
def test_ordinary_wording_stays_clean(text: str) -> None:
    assert categories(text) == set()
