"""Benign context cancels a red flag only where it names what the act is done to: inside
the match or a few words from it ("block malware sites", "detect intruders in the
warehouse"), not when it is one more item listed beside the target ("block opposition
sites and malware") nor when it describes something else further off in the sentence.
Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from rules.textsignals.reader import read_one
from tests.rules_engine.reading import PACK, categories


@pytest.mark.parametrize(
    "text",
    [
        "The ISP must block opposition sites and malware during the election week.",
        "The ISP must block malware and opposition sites during the election week.",
        "El ISP debe bloquear los sitios de la oposición y el malware durante la semana electoral.",
        "Le FAI doit bloquer les sites de l'opposition et les malwares pendant la semaine "
        "électorale.",
    ],
)
def test_benign_context_listed_beside_the_target_hides_nothing(text: str) -> None:
    assert "censorship" in categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Our logistics partner ships the parcels by air; in reality the servers go to the "
            "headquarters of the Mukhabarat.",
            "security_services",
        ),
        (
            "El pedido de paquetes de software va en realidad a la sede del Mujabarat, según el "
            "socio.",
            "security_services",
        ),
    ],
)
def test_benign_words_far_from_the_act_hide_nothing(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ISP must block malware sites during the election week.",
        "Monitor the network for attacks and intrusions, 24/7.",
        "Detect intruders in the warehouse at night.",
        "Intercept phishing emails and quarantine suspicious attachments.",
        # Arabic "رقابة" is censorship and oversight; "سنة" is a year as well as Sunnis.
        "تحصل لجنة الرقابة المستقلة على صلاحية قراءة فقط لسجلات التدقيق وتراجعها كل ربع سنة.",
    ],
)
def test_benign_context_naming_the_object_still_cancels(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "يريد العميل تحديد أهل السنة في المنطقة عبر الكاميرات.",
        "يريد العميل إحصاء العائلات السنية في الحي.",
    ],
)
def test_sunnis_are_still_read_without_the_bare_word_for_a_year(text: str) -> None:
    assert "profiling" in categories(text)


# A safeguard or a purpose stated first, in a clause that frames the sentence, bears on the
# act the sentence goes on to name, however far.
@pytest.mark.parametrize(
    "text",
    [
        "With a warrant signed by a judge for each number, the operator's LI team will "
        "intercept the calls of the suspects named in it.",
        "Avec un mandat signé par un juge pour chaque numéro, l'équipe de l'opérateur "
        "interceptera les appels des suspects désignés.",
        "Con una orden judicial firmada por un juez para cada número, el equipo del operador "
        "interceptará las llamadas de los sospechosos.",
        "Com um mandado assinado por um juiz para cada número, a equipe da operadora vai "
        "interceptar as chamadas dos suspeitos.",
        "Under the telecom law and with a court order for each case, the platform lets the "
        "police receive the intercepted calls of the named suspect.",
        "Our SOC team, to protect the bank from phishing campaigns, will block the sites that "
        "the threat feed lists every morning.",
        "Pour lutter contre le hameçonnage visant la banque, le SOC bloquera chaque matin les "
        "sites signalés par le flux de menaces.",
    ],
)
def test_benign_context_framing_the_sentence_still_cancels(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Block malware and websites for opposition parties before the vote.",
        "Bloquear malware y sitios para la oposición.",
    ],
)
def test_benign_items_listed_before_a_target_the_act_serves_hide_nothing(text: str) -> None:
    # Telling "bots and a WAF for the news site" (benign) from these needs the target's own
    # position in the match; until then the reader keeps reading these.
    assert "censorship" in {c for c, _lang, _q in read_one(text, PACK.lexicon)}


# A colon inside a sentence introduces what follows it: benign words in the heading before
# it ("the malware protection project", "the lawful interception package") are not what
# the act after it is done to.
@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "For the malware protection project of the ministry: block opposition news sites "
            "before the vote.",
            "censorship",
        ),
        (
            "Pour le projet de protection contre les malwares du ministère : bloquer les sites "
            "de l'opposition.",
            "censorship",
        ),
        (
            "With the lawful interception package for the ministry: intercept the calls of "
            "opposition journalists.",
            "interception",
        ),
        (
            "Para el proyecto de protección contra malware del ministerio: bloquear los sitios "
            "de la oposición.",
            "censorship",
        ),
    ],
)
def test_benign_words_in_a_heading_before_a_colon_hide_nothing(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "For the malware protection project of the ministry: block malware sites and phishing "
        "domains.",
        "Lawful interception for the police under court order: intercept the calls of the "
        "suspects named in the warrant.",
    ],
)
def test_benign_context_after_the_colon_still_cancels(text: str) -> None:
    assert categories(text) == set()


# A match whose own words name a protected group has its object in it: a benign item
# listed before or after it, or a purpose clause about something else, cancels nothing.
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Bot protection and blocking of opposition sites for the ministry.", "censorship"),
        ("Bot protection to block opposition sites.", "censorship"),
        ("Защита от ботов, а также блокировать сайты оппозиции", "censorship"),
        ("防刷功能，同时屏蔽反对派网站。", "censorship"),
        ("To protect the devices of the officers, track the phones of protesters.", "tracking"),
        (
            "Para proteger os aparelhos dos agentes, rastrear os telefones dos manifestantes.",
            "tracking",
        ),
        (
            "Told the call is recorded, then the system will intercept journalists' calls.",
            "interception",
        ),
        (
            "O contact center do ministério vai gravar as chamadas dos jornalistas da oposição.",
            "interception",
        ),
    ],
)
def test_benign_context_beside_a_match_naming_a_protected_group_hides_nothing(
    text: str, category: str
) -> None:
    assert category in categories(text)


# After a match naming a protected group, benign context opened by a means word ("with",
# "using", "через", "通过") says how the act is done, not what it is done to.
@pytest.mark.parametrize(
    "text",
    [
        "Block opposition sites with bot protection rules.",
        "Bloquear los sitios de la oposición con reglas de protección contra bots.",
        "Bloquer les sites de l'opposition avec la protection contre les bots.",
        "Блокировать сайты оппозиции с помощью защиты от ботов.",
    ],
)
def test_bot_protection_named_as_the_means_after_blocking_opposition_sites(text: str) -> None:
    assert "censorship" in categories(text)


def test_a_safeguard_opened_by_with_after_a_protected_group_is_left_to_the_reviewer() -> None:
    # A warrant against journalists is for a reviewer to weigh; one bounding the
    # interception of suspects still cancels it.
    assert "interception" in categories("Intercept the calls of journalists with a court warrant.")
    assert categories("Intercept the calls of the suspects under a court order.") == set()


# A list of benign items after the act is what the act is done to; a site named after it
# is whom the act serves. One item of the list that is not benign is blocked beside them.
@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Bloqueio de bots e WAF para o site de notícias do próprio jornal.", False),
        ("Block bots and WAF for the newspaper's own news site.", False),
        ("Block malware and websites for opposition parties.", True),
        ("Bloqueio de bots e sites da oposição.", True),
        ("Bloquear malware y sitios de la oposición.", True),
    ],
)
def test_a_list_of_benign_items_is_what_the_act_is_done_to(text: str, read: bool) -> None:
    assert ("censorship" in categories(text)) is read


def test_bot_protection_listed_before_blocking_opposition_sites_in_arabic_is_read() -> None:
    # "وحجب" (and blocking) is read without its conjunction: censorship, not only the
    # opposition's locations (المواقع is sites and locations).
    assert "censorship" in categories("حماية من الروبوتات وحجب المواقع المعارضة")


@pytest.mark.parametrize(
    "text",
    [
        # Benign words that name the protected group itself still cancel.
        "Music streaming app rollout; the catalogue includes protest songs from the 60s.",
        # Benign context reaching well into the match still bears on it.
        "Diario La Voz: treinamento contra phishing para 45 jornalistas. Sofreram tentativas "
        "de spyware no ano passado e querem proteger os aparelhos dos repórteres.",
        # "ativista*": Portuguese "ativar" (to switch on) stems like "ativistas".
        "Toda interceptação exige o número do mandado judicial cadastrado antes de ativar.",
    ],
)
def test_benign_context_naming_the_group_or_the_act_still_cancels(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Intercept the calls of the journalists, bypass the judge's approval.",
        "Intercept the calls, skip the warrant.",
        "Intercepter les appels en contournant le juge.",
        "Interceptar las llamadas saltándose al juez.",
        "Interceptar as chamadas contornando o juiz.",
        "Перехватывать звонки, минуя суд.",
        "绕过法官拦截通话。",
        "اعتراض المكالمات بتجاوز القاضي.",
    ],
)
def test_a_safeguard_named_as_bypassed_cancels_nothing(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Intercept the calls under a court warrant.",
        "Interceptar as chamadas com mandado judicial.",
    ],
)
def test_a_safeguard_named_as_kept_still_cancels(text: str) -> None:
    assert "interception" not in categories(text)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Block malware and phishing and opposition websites.", True),
        ("Block malware and phishing and spam websites.", False),
    ],
)
def test_a_protected_target_in_a_list_of_benign_items_is_read(text: str, read: bool) -> None:
    assert ("censorship" in categories(text)) is read
