"""Acts on things of a protected group's that are no watching of them: their dealings with
the seller handled as correspondence ("a newsroom CRM tracks journalists' requests and story
pitches"), their safety, the people who harmed them ("journalists' kidnappers"), and people
followed up as those who write to the seller ("periodistas que nos escriben"). One thing of
theirs that is a means of watching them (movements, phones, locations, sources, families)
leaves the act read. Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

DISSENT = {"targets_dissent", "tracking", "detention"}


@pytest.mark.parametrize(
    "text",
    [
        "Newsroom CRM that tracks journalists' requests and story pitches",
        "Our newsroom CRM tracks journalists' requests, tickets and deadlines.",
        "Le CRM de la rédaction suit les demandes des journalistes et leurs propositions de sujets.",
        "El CRM de la redacción rastrea las solicitudes de los periodistas y sus propuestas de "
        "reportajes.",
        "O CRM da redação acompanha os pedidos dos jornalistas e as pautas propostas.",
        "Our press office tracks media enquiries from journalists.",
        "Nuestra oficina de prensa hace seguimiento de las consultas de los periodistas.",
        "The union CRM tracks trade unionists' dues and membership renewals.",
        "Tracking student attendance and grades for the university.",
        "我们的新闻办公室跟踪记者的采访请求。",
        "新闻部门跟进记者的采访请求和投诉。",
    ],
)
def test_handling_a_groups_dealings_with_the_seller_reads_nothing(text: str) -> None:
    assert not categories(text) & DISSENT


@pytest.mark.parametrize(
    "text",
    [
        "Monitor the safety of journalists in conflict zones with a panic button app.",
        "Track the safety of our reporters in the field with a check-in app they control.",
        "Suivi de la sécurité des journalistes sur le terrain.",
        "Seguimiento de la seguridad de los periodistas en zonas de conflicto.",
    ],
)
def test_following_a_groups_safety_reads_nothing(text: str) -> None:
    assert not categories(text) & DISSENT


@pytest.mark.parametrize(
    "text",
    [
        "Help locate journalists' kidnappers under a court order.",
        "Help police locate the kidnappers of journalists under a court order.",
        "Ayudar a localizar a los secuestradores de los periodistas.",
        "Ajudar a localizar os sequestradores dos jornalistas com ordem judicial.",
        "警方依法院命令查找记者的绑架者。",
    ],
)
def test_finding_those_who_harmed_a_group_reads_nothing(text: str) -> None:
    assert not categories(text) & DISSENT


@pytest.mark.parametrize(
    "text",
    [
        "Hacemos seguimiento de los periodistas que nos escriben.",
        "El CRM de prensa sigue a los periodistas que nos escriben.",
        "Acompanhamos os jornalistas que nos escrevem.",
        "Nous suivons les journalistes qui nous écrivent.",
        "We follow up journalists who write to us within a day.",
    ],
)
def test_following_up_journalists_who_write_to_the_seller_reads_nothing(text: str) -> None:
    assert not categories(text) & DISSENT


@pytest.mark.parametrize(
    "text",
    [
        "The system tracks journalists' movements.",
        "The system tracks journalists' phones and locations.",
        "The CRM tracks journalists' requests and their locations.",
        "Track journalists' safety through their phones' GPS.",
        "Track journalists' families.",
        "Identify journalists' sources.",
        "Le système suit les déplacements des journalistes.",
        "Le CRM suit les demandes des journalistes et leurs déplacements.",
        "El sistema rastrea los teléfonos de los periodistas.",
        "El CRM rastrea las solicitudes y la ubicación de los periodistas.",
        "O sistema rastreia a localização dos jornalistas.",
        "Locate journalists under a court order.",
        "Nous suivons les journalistes qui nous critiquent.",
        "Hacemos seguimiento de los periodistas que nos critican.",
        "Rastreamos a los periodistas que nos escriben.",
        "Detain journalists' kidnappers and the journalists themselves.",
        "Discredit journalists' stories.",
        "Monitor the safety of protesters with facial recognition cameras.",
        "Track the safety of protesters using drones over the march.",
        "Seguimiento de la seguridad de los manifestantes mediante reconocimiento facial.",
        "Suivre la sécurité des militants grâce à la localisation de leurs téléphones.",
        "Follow up journalists who write to us and report them to the police.",
        "Nous suivons les journalistes qui nous écrivent et transmettons leurs noms à la police.",
        "Track journalists' requests, movements and contacts.",
        "跟踪记者的行踪。",
        "跟踪记者的采访请求和手机位置。",
        "系统跟踪记者的手机。",
        "绑架记者。",
    ],
)
def test_watching_the_people_or_their_means_is_still_read(text: str) -> None:
    assert categories(text) & DISSENT
