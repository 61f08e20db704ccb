"""Readings issue 18 left wrong, mended: a contraction inside a company's name, a question
typed with an acute apostrophe, a denied restriction of access, "How come … can't …?"; and
refusals by others, which leave the act read. Each case read the other way before its change. Sentences written for
the purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "Don't Panic Ltd will track the protesters' phones.",
        "Can't Miss Inc will track the protesters' phones.",
        "Won't Quit GmbH will track the protesters' phones.",
        "Don't Panic S.A. will track the protesters' phones.",
        "\"Don't Panic\" will track the protesters' phones.",
    ],
)
def test_a_contraction_inside_a_company_name_denies_nothing(text: str) -> None:
    """A company's name is no denial, whatever contraction it is written with."""
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We don't track protesters.",
        "Don't track the protesters' phones.",
        "Don't Track Protesters.",
        "We don't track protesters for Acme Ltd.",
    ],
)
def test_a_contraction_outside_a_name_still_denies(text: str) -> None:
    """The same contraction outside a name still denies the act."""
    assert "tracking" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Can´t the system identify the protesters?",
        "Can`t the system identify the protesters?",
        "Can‘t the system identify the protesters?",
        "Can＇t the system identify the protesters?",
    ],
)
def test_a_negative_question_asks_whatever_apostrophe_it_is_typed_with(text: str) -> None:
    """A negative question asks for the act whichever apostrophe its contraction is typed with."""
    assert "targets_dissent" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry refused to let us stop tracking protesters.",
        "The ministry refused our request to stop tracking protesters.",
        "We refused the request to stop tracking protesters.",
        "We never refuse requests to track protesters.",
        "We did not refuse the request to track protesters.",
        "We refused the request and track protesters.",
        "Le ministère a refusé notre demande d'arrêter de suivre les manifestants.",
    ],
)
def test_a_refusal_by_others_or_of_stopping_leaves_the_act_read(text: str) -> None:
    """A refusal by someone else, of stopping, or itself denied leaves the act read."""
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We do not restrict access to opposition sites.",
        "We will not restrict access to opposition news sites.",
        "Nous ne bloquons pas l'accès aux sites de l'opposition.",
        "No restringimos el acceso a los sitios de la oposición.",
    ],
)
def test_a_denied_restriction_of_access_is_denied(text: str) -> None:
    """A negation before "restrict access" denies the act; it is no "no access" state."""
    assert "censorship" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Opposition sites are not accessible.",
        "Opposition news sites are no longer accessible.",
        "We restrict access to opposition sites.",
        "Les sites de l'opposition ne sont pas accessibles.",
    ],
)
def test_sites_made_inaccessible_are_still_read(text: str) -> None:
    """Opposition sites written as inaccessible, or access restricted, stay read."""
    assert "censorship" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "How come we can't identify the protesters?",
        "How come the system can’t track the journalists?",
        "Why can't we track the journalists?",
    ],
)
def test_how_come_we_cannot_asks_for_the_act(text: str) -> None:
    """A "How come we can't …?" question asks for the act, as "Why can't we …?" does."""
    assert "targets_dissent" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "How come? We can't identify the protesters.",
        "We can't identify the protesters?",
    ],
)
def test_a_denial_outside_a_how_come_question_still_denies(text: str) -> None:
    """A statement, even asked back, still denies the act."""
    assert "targets_dissent" not in categories(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # A refusal that is no refusal (hardly, if, why would)
        ("We could hardly refuse the ministry's request to track protesters.", "targets_dissent"),
        ("If we refuse the request to track protesters we lose the deal.", "targets_dissent"),
        (
            "Impossible pour nous de refuser la demande de surveiller les opposants.",
            "targets_dissent",
        ),
        # Data handed to a unit named for financial intelligence is still handed on
        (
            "Las ubicaciones de los manifestantes se envían a la unidad de inteligencia financiera.",
            "tracking",
        ),
        # Spyware sold to the state
        ("Vendemos un programa espía a la policía.", "security_services"),
        ("Nous vendons un logiciel espion au ministère de l'Intérieur.", "security_services"),
        # A Brazilian state typed in lower case after Portuguese "no" (in the)
        ("a polícia no pará rastreia os manifestantes.", "tracking"),
        # A French clause inside an English text
        (
            "Our deployment plan for the customer has been agreed in the meeting with the "
            "operator in the capital; as they wrote in their email, nous surveillons les "
            "militants.",
            "targets_dissent",
        ),
    ],
)
def test_wordings_a_review_found_hiding_a_red_flag_are_read(text: str, expected: str) -> None:
    """A second review of the mended readings found these hiding a red flag; the changes
    behind them (refusals, financial intelligence, spyware as a product, Spanish "no" in
    Portuguese, French forms only in French texts) were withdrawn."""
    assert expected in categories(text)


# French "personne" after "ne" or before "d'autre" is nobody, not a person located; an
# exception after it, or a state body named after it, names whom the act serves.
@pytest.mark.parametrize(
    "text",
    [
        "La position n'est transmise à personne d'autre.",
        "Position supprimée au bout de 24 h, partagée avec personne d'autre.",
        "La position du livreur n'est partagée avec personne.",
        "Les positions ne sont communiquées à personne.",
    ],
)
def test_french_personne_as_nobody_is_no_person_located(text):
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("La position n'est partagée avec personne d'autre que la police.", "tracking"),
        ("La position n'est transmise à personne sauf à la police.", "tracking"),
        ("Géolocaliser une personne disparue à la demande de la police.", "tracking"),
        ("Localiser la personne qui a écrit l'article critique.", "targets_dissent"),
        ("Localiser chaque personne présente à la manifestation.", "targets_dissent"),
        (
            "La position de toute personne présente au rassemblement est transmise à la police.",
            "tracking",
        ),
        (
            "Nous localisons la personne. Sa position n'est partagée avec personne d'autre.",
            "tracking",
        ),
        # found by a review: the exception in the next sentence, or written otherwise
        (
            "La position n'est transmise à personne d'autre. Elle est transmise à la police.",
            "tracking",
        ),
        ("La position n'est partagée avec personne d'autre. Sauf la police.", "tracking"),
        ("La position n'est transmise à personne d'autre, uniquement à la police.", "tracking"),
        ("La position n'est transmise à personne, si ce n'est la police.", "tracking"),
        ("La position n'est transmise à personne, à l'exception de la police.", "tracking"),
    ],
)
def test_a_person_located_or_nobody_but_the_police_is_read(text, expected):
    assert expected in categories(text)


# A parish's, a mosque's or an NGO's wish for something for its own people is bounded by
# whom it goes to: its worshippers' database shared with the police is read.
@pytest.mark.parametrize(
    "text",
    [
        "A mosque wants a database of its worshippers and shares it with the police.",
        "Une mosquée veut une base de données de ses fidèles et la partage avec la police.",
        "Una mezquita quiere una base de datos de sus fieles y la comparte con la policía.",
        "Мечеть хочет базу данных своих прихожан и передаёт её в полицию.",
        "清真寺希望建立信众数据库并与警方共享。",
    ],
)
def test_a_worshippers_database_shared_with_the_police_is_profiling(text):
    assert "profiling" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "A mosque wants a database of its worshippers to send newsletters.",
        "Une mosquée veut une base de données de ses fidèles pour les dons.",
        "Мечеть хочет базу данных своих прихожан для рассылки.",
    ],
)
def test_a_worshippers_database_for_its_own_use_stays_ordinary(text):
    assert categories(text) == set()


# Found by a review hiding behind changes tried on 4 December and withdrawn (Arabic media
# monitoring, member and donor records in Arabic and Chinese, lost phones and a patient's
# pathway, calls recorded for training or kept for billing): each must stay read.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("رصد الصحفيين.", "targets_dissent"),
        ("رصد الصحفيين المعارضين.", "targets_dissent"),
        ("الشرطة تريد رصد الصحفيين.", "targets_dissent"),
        ("مسجد يريد قاعدة بيانات لأعضائه والمتبرعين للسلطات.", "profiling"),
        ("清真寺希望建立会员和捐赠者数据库，供派出所使用。", "profiling"),
        ("Track the patient pathway of detainees from arrest to release.", "detention"),
        ("Rastrear o percurso do paciente dos presos.", "tracking"),
        ("Localizar celulares perdidos de personas de interés.", "tracking"),
        ("Record calls of persons of interest for training.", "interception"),
        ("Записывать звонки подозреваемых для обучения операторов.", "interception"),
        ("Оператор хранит записи звонков подозреваемых для тарификации.", "interception"),
        ("إرسال مواقع الصحفيين إلى الشرطة.", "tracking"),
    ],
)
def test_red_flags_a_withdrawn_change_hid_are_read(text, expected):
    assert expected in categories(text)
