"""Readings a hostile review of the evening's denial changes found wrong, each a worked case
that failed first: a pledge with a long auxiliary chain stopped the reading with an error;
Arabic idioms that begin with a prefixed "لا" ("ولا بد": we must, "ولا يزال": still) read as
denials; a tool called "DLP" hid interception for the police or of the whole population; a
fronted denial of deleting covered what is kept; contractions typed with other apostrophes;
Chinese "from time to time" (不定期) read as a denial; refusals to help ("We will not help
you track journalists") read as the act; Spanish "no" in a Portuguese text; "pinchar"
(Spain: to click) read as wiretapping; French plural verbs ("bloquent", "surveillons") not
read at all. Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

READ = [
    # a pledge whose chain of auxiliaries is long is no fronted denial (it raised an error)
    ("tracking", "Never will we ever again be used to track journalists."),
    ("tracking", "Never will our products ever again be used to track journalists."),
    ("tracking", "Never will we again be knowingly allowed to track journalists."),
    # Arabic idioms with a prefixed "la": must, still, especially, not limited to
    ("targets_dissent", "ولا بد أن نراقب المعارضين."),
    ("targets_dissent", "فلا بد أن نراقب المعارضين."),
    ("tracking", "ولا بد من تتبع الناشطين في المظاهرات."),
    ("targets_dissent", "ولا يزال النظام يراقب الصحفيين."),
    ("tracking", "ولا تزال الوزارة تتبع الناشطين."),
    ("tracking", "ولا زلنا نتتبع الناشطين."),
    ("tracking", "فلا نزال نتتبع الناشطين."),
    ("tracking", "لا زلنا نتتبع الناشطين."),
    ("tracking", "ولا سيما تتبع الصحفيين والناشطين."),
    ("tracking", "ولا يقتصر النظام على تتبع الناشطين."),
    ("tracking", "ولم يقتصر دورنا على تتبع الناشطين."),
    ("tracking", "فلم وثائقي عن تتبع الناشطين."),
    # "DLP" is the company's own only for its own mail
    ("interception", "The DLP gateway intercepts the subscribers' emails for the police."),
    ("interception", "The DLP intercepts the emails of the population."),
    ("interception", "El DLP intercepta los correos de los abonados para la policía."),
    ("interception", "DLP 系统将监控所有公民的电子邮件。"),
    ("interception", "数据防泄漏系统将监控所有公民的电子邮件。"),
    ("interception", "DLP 系统为公安机关拦截用户的电子邮件。"),
    ("interception", "DLP-система перехватывает почту абонентов для ФСБ."),
    ("targets_dissent", "DLP rules flag staff who contact trade unions."),
    (
        "tracking",
        "The DLP keeps the card numbers and GPS locations of all subscribers for the police.",
    ),
    # denying the deletion keeps what is kept
    ("interception", "Never will we delete journalists' call records."),
    ("interception", "We won't delete journalists' call records."),
    ("interception", "Nunca borraremos los registros de llamadas de los periodistas."),
    # contractions with other apostrophes read as the lexicon writes them
    ("tracking", "The tracker can´t be removed and sends GPS positions to the police."),
    ("censorship", "Opposition websites can´t be accessed inside the country."),
    ("security_services", "The buyer won´t name the agency that will run the interception centre."),
    ("security_services", "The buyer won‘t say which agency it is."),
    # Chinese "from time to time" is no denial
    ("interception", "通话记录用于计费，不定期向公安机关提供。"),
    ("interception", "通话记录用于计费，不时向公安机关提供。"),
    ("interception", "通话记录用于计费，并不定期向公安机关提供。"),
    # French plural present of "-er" verbs
    ("censorship", "Ils bloquent les sites de l'opposition."),
    ("targets_dissent", "Les agents surveillent les journalistes."),
    ("tracking", "Les policiers localisent les téléphones des manifestants."),
    ("censorship", "Nous bloquons les sites de l'opposition."),
    ("interception", "Nous interceptons les appels des journalistes pour le ministère."),
]


@pytest.mark.parametrize(("category", "text"), READ)
def test_the_review_s_dangerous_texts_are_read(category: str, text: str) -> None:
    assert category in categories(text)


NOTHING = [
    "We donʼt track journalists.",
    "We don´t track journalists.",
    "Sorry, we cannot help you track activists.",
    "We will not help you track journalists.",
    "Our software does not allow you to identify protesters.",
    "The platform does not let you monitor opposition activists.",
    "No way we would track journalists.",
    "Neither we nor they track journalists.",
    "It is not possible that we track journalists with this tool.",
    "Under no circumstances we track journalists.",
    "At no point we track journalists.",
    "Never we track journalists.",
    "Aucun client ne nous demande de surveiller les opposants.",
    "Rien ne nous oblige à surveiller les opposants.",
    "Ils ne peuvent pas nous obliger à suivre les journalistes.",
    "No rastreamos jornalistas da oposição, só suspeitos com mandado judicial.",
    "Para o cliente em São Paulo: no rastreamos jornalistas nem ativistas.",
    "Los activistas pueden pinchar aquí para registrarse en el curso de seguridad.",
    "Nous ne bloquons pas les sites de l'opposition.",
    "Les camions de livraison sont localisés en temps réel.",
    "Ils aimeraient écouter certains numéros quand un juge l'autorise.",
    "通话记录仅用于计费，不向公安机关提供。",
    "ولا نتتبع هواتف المتظاهرين.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_the_review_s_denials_and_ordinary_texts_read_nothing(text: str) -> None:
    assert categories(text) == set()


def test_deeming_is_not_a_judge() -> None:
    """ "ils le jugent nécessaire" (they deem it necessary) names no judge: wiretapping
    "sans passer par un juge" is still read."""
    text = (
        "Ils aimeraient pouvoir écouter certains numéros quand ils le jugent nécessaire, sans "
        "passer par un juge à chaque fois."
    )
    assert "interception" in categories(text)


# A second review of the evening's changes: questions after a question word, exceptions and
# French "que" only where they make one, conditions a judge, the law or the person's own
# asking sets, a second denial after an undone act, round 17's everyday words and contexts,
# French words the plural rule misread, "n'" before a vowel and "n'importe".
READ_AFTER_SECOND_REVIEW = [
    ("tracking", "Why can't the customer track the protesters?"),
    ("targets_dissent", "So can't the system identify the journalists?"),
    ("tracking", "And can't the police locate the activists with it?"),
    ("tracking", "Why don't we just track the journalists?"),
    ("tracking", "The system tracks protesters during an evacuation of the square."),
    (
        "interception",
        "The DLP intercepts students' emails at the state university and reports political keywords.",
    ),
    (
        "interception",
        "The DLP intercepts the emails of voters who write to the electoral commission.",
    ),
    ("targets_dissent", "Nous identifions les manifestants."),
    ("targets_dissent", "Le système identifie les manifestants."),
    ("interception", "Nous n'interceptons que les appels des journalistes."),
    (
        "tracking",
        "N'importe quel policier peut sortir l'historique de trajets de n'importe quel militant.",
    ),
    ("tracking", "We won't track protesters unless the ministry asks."),
    ("profiling", "The model scores applicants with dual nationality as higher risk."),
]


@pytest.mark.parametrize(("category", "text"), READ_AFTER_SECOND_REVIEW)
def test_the_second_review_s_dangerous_texts_are_read(category: str, text: str) -> None:
    assert category in categories(text)


NOTHING_AFTER_SECOND_REVIEW = [
    "We can't identify the protesters from the footage?",
    "Nous ne surveillons pas les téléphones que nous fournissons aux journalistes.",
    "Nous n'écoutons pas les appels que passent les journalistes avec nos téléphones.",
    "Nous n'interceptons pas les appels des journalistes.",
    "Nous n'écouterons jamais les appels des journalistes.",
    "We do not track the phones but simply supply them to journalists with encryption enabled.",
    "No rastreamos los teléfonos, sino que los entregamos a los periodistas con cifrado.",
    "We do not intercept calls and never save the call content of journalists.",
    "We do not monitor the newsroom network besides running the backups for the journalists.",
    "We will not intercept calls unless authorised by the investigating magistrate.",
    "We will not intercept calls unless legally required.",
    "We will not intercept calls unless there is a lawful order.",
    "We do not locate activists unless they press the SOS button in the safety app.",
    "We will not monitor journalists unless they ask for protection.",
    "We never track journalists, even if the ministry asks, unless a judge orders it.",
    "We never erase activists' location history because we never record it.",
    "We do not delete journalists' call records because we do not keep any.",
    "Nous n'effaçons jamais l'historique de localisation des militants car nous ne "
    "l'enregistrons pas.",
    "Não apagamos o histórico de localização dos ativistas porque nunca o registramos.",
    "Мы не уничтожаем записи звонков журналистов, так как не храним их.",
    "A nota fiscal será emitida para a secretaria que atende comunidades indígenas e migrantes.",
    "Вес оборудования для центра помощи мигрантам — 20 кг.",
    "Оценка стоимости проекта для школы для детей мигрантов — 2 млн рублей.",
    "نوفر أجهزة لوحية للمدارس التي تستقبل أطفال اللاجئين والأقليات، بأعلى جودة.",
    "La note de crédit ne tient pas compte de la religion ni de l'origine ethnique des clients.",
    "La rédaction stocke les brouillons des articles des journalistes dans notre CMS.",
    "Data loss prevention: monitor outgoing emails for leaks of customer card numbers.",
    "The control room knows who is where during an evacuation of the mine.",
]


@pytest.mark.parametrize("text", NOTHING_AFTER_SECOND_REVIEW)
def test_the_second_review_s_ordinary_texts_and_denials_read_nothing(text: str) -> None:
    assert categories(text) == set()
