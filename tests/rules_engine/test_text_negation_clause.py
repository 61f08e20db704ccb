"""A negation denies only its own clause: a colon that no longer ends the sentence (the
clause before it is longer than a label) still closes what a negation before it denies,
so "the licence is not needed: intercept journalists' calls" reads the interception.
Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Customer confirmed an export licence is not needed: intercept journalists' calls "
            "on the national network.",
            "interception",
        ),
        (
            "Customer confirmed an end user certificate is not needed: track the phones of "
            "protesters.",
            "tracking",
        ),
        (
            "The distributor says the licence is not required: block opposition news sites.",
            "censorship",
        ),
        ("Per the client, there is nothing else: locate activists' phones.", "tracking"),
        (
            "Le distributeur dit que la licence n'est pas nécessaire : intercepter les appels "
            "des journalistes.",
            "interception",
        ),
        (
            "El distribuidor dice que la licencia no hace falta: interceptar las llamadas de "
            "periodistas.",
            "interception",
        ),
        (
            "O distribuidor diz que a licença não é necessária: interceptar as chamadas dos "
            "jornalistas.",
            "interception",
        ),
        (
            "Дистрибьютор говорит, что лицензия не нужна: перехватывать звонки журналистов.",
            "interception",
        ),
        ("قال الموزع إن الترخيص غير مطلوب: اعتراض مكالمات الصحفيين", "interception"),
    ],
)
def test_a_negation_before_a_colon_does_not_deny_the_act_after_it(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We will not intercept journalists' calls.",
        "The customer does not want to block opposition news sites: only malware.",
        "Le client ne veut pas intercepter les appels des journalistes.",
        "Клиент не будет перехватывать звонки журналистов.",
    ],
)
def test_a_negation_in_the_acts_own_clause_still_denies_it(text: str) -> None:
    assert not categories(text)


# A negation just after a match, then a word of intent, plan or scope, disclaims it.
@pytest.mark.parametrize(
    "text",
    [
        "Track protesters — not intended.",
        "Tracking of protesters is not part of the scope.",
        "Le suivi des manifestants n'est pas prévu.",
        "Vigilar a periodistas no está previsto.",
        "Monitorar jornalistas não está previsto no contrato.",
        "Слежка за журналистами не предусмотрена.",
        "跟踪抗议者不在范围内。",
    ],
)
def test_a_red_flag_disclaimed_just_after_it_raises_nothing(text: str) -> None:
    assert categories(text) == set()


# A negation after a comma, or one that describes the target, names something else.
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Se usará para vigilar a periodistas, no para marketing.", "targets_dissent"),
        ("Track protesters, not for marketing but for the police.", "tracking"),
        (
            "Identificar a las personas que participen en concentraciones no autorizadas.",
            "targets_dissent",
        ),
        ("Intercept journalists' calls, no warrant needed.", "interception"),
        ("Track the phones of protesters who are not registered.", "tracking"),
        ("Сайты оппозиции, которые не зарегистрированы, заблокировать.", "censorship"),
        (
            "Perguntaram se dá para deixar o X e o Instagram a 10% da velocidade no país "
            "inteiro, sem bloqueio total.",
            "censorship",
        ),
    ],
)
def test_a_negation_after_a_match_naming_something_else_keeps_it(text: str, category: str) -> None:
    assert category in categories(text)


# An act written after its target and negated inside the match is denied: the content is
# not restricted, the sites are not blocked.
@pytest.mark.parametrize(
    "text",
    [
        "The campus filters spam; news and opposition sites are not blocked.",
        "Les sites de l'opposition ne seront pas bloqués.",
        "Os sites da oposição não serão bloqueados.",
        "Библиотека блокирует вредоносные сайты; новостной, политический и религиозный "
        "контент не ограничивается.",
        "图书馆拦截恶意网站；新闻、政治和宗教内容不受任何限制。",
    ],
)
def test_an_act_negated_after_its_target_raises_nothing(text: str) -> None:
    assert categories(text) == set()


def test_an_act_after_its_target_not_negated_is_read() -> None:
    assert "censorship" in categories("Les sites de l'opposition seront bloqués.")
    assert "censorship" in categories("Opposition sites will be blocked.")


@pytest.mark.parametrize(
    "text",
    [
        "Do not store the data - track the phones of protesters.",
        "Do not store the data – track the phones of protesters.",
        "Ne pas stocker les données - suivre les téléphones des manifestants.",
        "No almacenar los datos - rastrear los teléfonos de los manifestantes.",
        "Não armazenar os dados - rastrear os telefones dos manifestantes.",
        "Не хранить данные - отслеживать телефоны протестующих.",
        "لا تخزن البيانات - تتبع هواتف المتظاهرين",
    ],
)
def test_a_dash_ends_the_clause_a_negation_denies(text: str) -> None:
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "No, track the phones of protesters.",
        "No, rastrear los teléfonos de los manifestantes.",
        "Não, rastrear os telefones dos manifestantes.",
        "Нет, отслеживать телефоны протестующих.",
        "لا، تتبع هواتف المتظاهرين",
        "不，跟踪抗议者的手机",
    ],
)
def test_a_negation_alone_in_its_clause_denies_no_act_after_it(text: str) -> None:
    """ "No," on its own answers something; the act in the clause after it is read."""
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We will not - under any circumstances - track protesters.",
        "We will not — under any circumstances — track protesters.",
        "Tracking protesters - not intended.",
    ],
)
def test_a_negation_around_a_dashed_aside_still_denies_the_act(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "لا نخزن أو نبيع أو نتتبع بيانات المستخدمين",
        "لا نخزن أو نبيع أو نتتبع هواتف المتظاهرين",
        "We do not store or sell or track protesters.",
        "We do not store or sell or track users' phones.",
        "No almacenamos o vendemos o rastreamos a los manifestantes.",
        "Не храним или продаем или отслеживаем протестующих.",
    ],
)
def test_a_negation_before_a_list_joined_by_or_denies_each_act(text: str) -> None:
    """The words joining a list of acts do not carry the last act out of the negation's
    reach: an ethics statement raises nothing."""
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text, category",
    [
        ("Nothing is stored and we track protesters.", "tracking"),
        ("We never sell data and we locate journalists' phones.", "tracking"),
        ("Nothing is kept and they block opposition sites.", "censorship"),
        ("Do not worry and or and track protesters.", "tracking"),
    ],
)
def test_an_and_after_a_negation_starts_an_affirmation(text: str, category: str) -> None:
    """Only the "or" of a denied list of acts stretches a negation's reach; "and", or a run
    of joining words padding the sentence, does not."""
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We do not store the data -- track every activist who joins.",
        "We do not store the data \u2012 track every activist who joins.",
        "We do not store the data \u2015 track every activist who joins.",
        "Nous ne stockons pas les données \u2015 suivre chaque militant qui adhère.",
    ],
)
def test_every_kind_of_dash_ends_the_clause_a_negation_denies(text: str) -> None:
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody will know we track the protesters.",
        "I do not think we will ever track protesters.",
        "Никто не узнает, что мы следим за протестующими.",
    ],
)
def test_a_subject_after_a_verb_opens_a_clause_the_negation_does_not_reach(text: str) -> None:
    """ "Nobody will know we track …" denies the knowing, not the tracking."""
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "No longer do we track protesters.",
        "Nor will we track protesters.",
        "We will not let them track protesters.",
        "We do not and we will not track protesters.",
        "Nous ne suivons pas les manifestants.",
        "Мы не следим за протестующими.",
    ],
)
def test_a_subject_inverted_after_an_auxiliary_stays_denied(text: str) -> None:
    assert categories(text) == set()
