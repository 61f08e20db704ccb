"""Wording new writing uses in bureaucratic or euphemistic form: mailboxes or captured packets
handed over to a ministry or a directorate, access said to need no court paperwork or no
judge's signature, arrests by night, a prison term extended administratively, a jailed
candidate's posts made invisible (shadow-banning), mobile data capped around a vote, who
leads and who funds a student association, 'preventive work' with 'persons of interest', the
Kurdish languages and religious dress as search attributes, a report of a minority by
neighbourhood, the travel history of any plate; with the ordinary deals their words must
leave alone.

Each dangerous sentence raised nothing of its category before these entries were added
(phrases and learned cues). Sentences written for the purpose, in the seven languages (not
taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        ("interception", "Every mailbox must be exportable to the security service on request."),
        ("interception", "Les boîtes mail seront remises chaque semaine à la direction spéciale."),
        ("interception", "Los buzones se exportan a la dirección especial cada semana."),
        ("interception", "As caixas de correio serão entregues à diretoria especial toda semana."),
        ("interception", "Почтовые ящики клиентов выгружать в особое управление раз в неделю."),
        ("interception", "每周把用户邮箱导出给特别局。"),
        ("interception", "Packet captures handed over to the interior ministry every month."),
        ("interception", "Agents add targets at the mediation console, no judge's signature."),
        ("interception", "Прослушка ставится с пульта, без подписи судьи."),
        ("detention", "The ministry lists the people to be picked up the night before the vote."),
        ("censorship", "Make posts about the jailed candidate quietly invisible."),
        (
            "targets_dissent",
            "Know in advance which student associations plan rallies, who funds them.",
        ),
        (
            "detention",
            "The warden may extend a sentence administratively for prisoners who protest.",
        ),
        (
            "detention",
            "Le directeur peut prolonger la peine sans audience pour les détenus grévistes.",
        ),
        ("detention", "El director puede prorrogar la condena sin audiencia a los presos."),
        ("detention", "O diretor pode prorrogar a pena sem audiência para os presos."),
        ("censorship", "Rendre invisibles les messages citant le candidat emprisonné."),
        ("censorship", "Ocultar las publicaciones que citan al candidato encarcelado."),
        ("censorship", "Ocultar as publicações que citam o candidato preso."),
        ("censorship", "让提到被关押候选人的帖子不可见。"),
        ("censorship", "Cap mobile data in the capital on polling day."),
        ("censorship", "Limitar la velocidad en la capital en la jornada electoral."),
        ("censorship", "Limitar a velocidade na capital no dia da votação."),
        (
            "targets_dissent",
            "Savoir quelles associations étudiantes manifestent et qui les finance.",
        ),
        ("targets_dissent", "Saber quais associações estudantis vão marchar e quem os financia."),
        ("targets_dissent", "Preventive work with persons of interest, mostly bloggers."),
        ("targets_dissent", "Travail préventif auprès des personnes d'intérêt et des blogueurs."),
        ("targets_dissent", "Trabajo preventivo con personas de interés y periodistas."),
        ("targets_dissent", "Профилактическая работа с журналистами и блогерами."),
        ("targets_dissent", "对记者和博主开展预防性工作。"),
        ("profiling", "Flag callers who speak Kurmanji or Zazaki."),
        ("profiling", "Un attribut de tenue religieuse pour rechercher les personnes."),
        ("profiling", "A weekly report on Baha'i families by neighbourhood."),
        ("profiling", "Un informe sobre las familias bahaíes por barrio."),
        ("tracking", "Officers can pull the travel history of any plate."),
        ("tracking", "Historique des trajets de n'importe quel véhicule sur deux ans."),
        ("tracking", "Historial de desplazamientos de cualquier vehículo durante dos años."),
        ("tracking", "Histórico de trajetos de qualquer veículo por dois anos."),
        ("tracking", "Историю поездок любого автомобиля за два года."),
        ("tracking", "可查询任意车辆两年内的行驶轨迹。"),
    ],
)
def test_bureaucratic_wording_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Export each user's mailbox to a PST file when they leave the company.",
        "Migrate the staff mailboxes to the new mail server.",
        "Exporter les boîtes mail des employés vers le nouveau serveur.",
        "Extend the support contract term administratively by one year.",
        "Cap mobile data for the kids' phones at 2 GB a month.",
        "Limiter le débit des invités sur le Wi-Fi de l'hôtel.",
        "Student associations want a booking system for their gatherings.",
        "A single view of the customer across the bank's branches.",
        "Trip history of our own delivery vans for fuel claims.",
        "Polling stations need tablets for the voter register and a results dashboard.",
        "Preventive maintenance work on the ANPR cameras in the car park.",
        "A report on sales by neighbourhood for the bakery chain.",
        "Attribute search for products in the online shop.",
        "Hide archived posts from the company intranet feed.",
        "Tickets for overnight trains and night buses.",
    ],
)
def test_ordinary_deals_with_the_new_words_raise_nothing(text: str) -> None:
    assert categories(text) == set()
