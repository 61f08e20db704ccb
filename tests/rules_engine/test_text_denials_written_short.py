"""Denials as people type them: English contractions with a straight or a curly apostrophe
("don't", "won’t"), Arabic negations with "and" or "so" written onto them ("ولا", "ولن"),
and Chinese double negations that make a "must" (不得不) or Portuguese "no" ("em o": in
the, on the), which deny nothing. Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

DENIED = [
    "We don't track protesters' phones.",
    "We don’t track protesters’ phones.",
    "We won't block opposition websites.",
    "We won’t block opposition websites.",
    "We can't block opposition websites.",
    "We don't hand call records to the police.",
    "We don’t hand call records to the police.",
    "The platform doesn't profile users by their religion.",
    "ولا نتتبع هواتف المتظاهرين.",
    "ولن نتتبع هواتف المتظاهرين.",
    "نحن نحمي الشبكة ولا نتتبع هواتف المتظاهرين.",
    "ولن نسلم سجلات المكالمات إلى الشرطة.",
    "ولم نحجب مواقع المعارضة.",
]


@pytest.mark.parametrize("text", DENIED)
def test_a_denial_written_short_denies_the_act(text: str) -> None:
    assert categories(text) == set()


READ = [
    ("tracking", "Don't worry, the system tracks protesters' phones."),
    ("tracking", "We couldn’t care less: track every protester."),
    ("security_services", "The end customer won't say which agency it is."),
    ("security_services", "The end customer won’t say which agency it is."),
    ("censorship", "Opposition sites can't be reached from inside the country."),
    ("censorship", "Opposition sites can’t be reached from inside the country."),
    ("tracking", "The tracking app can’t be uninstalled by the protesters."),
    ("tracking", "我们不得不监控抗议者的手机位置。"),
    ("targets_dissent", "我们不得不监控抗议者的手机位置。"),
    ("targets_dissent", "客户不能不跟踪记者的位置。"),
    ("interception", "我们不得不把通话记录交给公安机关。"),
    ("censorship", "我们不得不封锁反对派网站。"),
]


@pytest.mark.parametrize(("category", "text"), READ)
def test_a_contraction_or_a_double_negation_that_denies_no_act_leaves_it_read(
    category: str, text: str
) -> None:
    assert category in categories(text)


def test_a_single_chinese_negation_still_denies() -> None:
    assert categories("我们不把通话记录交给公安机关。") == set()
    assert categories("我们不封锁反对派网站。") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Les relevés d'appels ne sont jamais transmis à la police, pour que les clients "
        "restent protégés.",
        "Les relevés d'appels ne sont jamais transmis à des tiers, afin que la police ne "
        "puisse pas les obtenir.",
        "Les relevés d'appels ne sont jamais transmis à des tiers, bien que la police les "
        "demande souvent.",
    ],
)
def test_a_french_que_clause_after_a_denied_hand_over_does_not_lift_it(text: str) -> None:
    """Only "ne … que" right after the act ("ne sont transmis qu'à la police") names the
    body the records go to after all."""
    assert categories(text) == set()


# Chinese names the recipient before the act after a preposition ("向公安机关提供": to the
# police provide); a negation before the preposition denies the hand-over.
@pytest.mark.parametrize(
    "text",
    [
        "通话记录仅用于计费，不向公安机关提供。",
        "通话记录不向公安机关提供。",
        "通话记录仅用于计费，从不向警方提供。",
    ],
)
def test_a_chinese_hand_over_denied_before_its_recipient_is_denied(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "通话记录向公安机关提供。",
        "通话记录用于计费，并向公安机关提供。",
        "通话记录仅用于计费，但向公安机关提供。",
    ],
)
def test_a_chinese_hand_over_to_a_recipient_named_before_it_is_read(text: str) -> None:
    assert "interception" in categories(text)


# Portuguese "no" is "em o" (in the, on the): a sentence opening "No dia da eleição …" is
# no denial. Spanish "No bloqueamos …" still is.
@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("censorship", "No dia da eleição bloqueamos os sites da oposição."),
        ("censorship", "No país inteiro bloqueamos os sites da oposição."),
        ("targets_dissent", "No aeroporto identificamos os ativistas pelo rosto."),
    ],
)
def test_portuguese_no_before_a_place_or_a_day_denies_nothing(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "No bloqueamos los sitios de la oposición.",
        "Não bloqueamos os sites da oposição.",
        # the cues refitted on 4 December (late evening) to rounds 1-26 quoted "oposição no
        # país" (the denied act weighed less than the group and the country); not those
        # refitted on rounds 1-28
        "Os sites da oposição no país não serão bloqueados.",
    ],
)
def test_spanish_no_and_portuguese_nao_still_deny(text: str) -> None:
    assert categories(text) == set()


# A denial of forgetting, waiting or ease affirms the act: "Don't forget to track …", "We
# can't wait to track …", "It couldn't be easier to track …" (read as "not" since
# contractions deny, so these must not read as denials).
@pytest.mark.parametrize(
    "text",
    [
        "We can't wait to track the protesters.",
        "It couldn't be easier to track protesters.",
        "Don't forget to track the protesters' phones.",
        "We will not wait for a court order to track protesters.",
        "N'oubliez pas de suivre les téléphones des manifestants.",
        "Nous n'attendons pas de mandat pour suivre les manifestants.",
        "No olvides rastrear los teléfonos de los manifestantes.",
        "Não esqueça de rastrear os telefones dos manifestantes.",
        "Не забудьте отследить телефоны протестующих.",
    ],
)
def test_a_denied_forgetting_waiting_or_difficulty_leaves_the_act_read(text: str) -> None:
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We never forget that we do not track protesters.",
        "Nous n'oublions jamais de protéger nos clients et ne suivons pas les manifestants.",
    ],
)
def test_a_denial_after_a_denied_forgetting_still_denies(text: str) -> None:
    assert categories(text) == set()


# A question that opens on a contracted negation asks for the act, it does not deny it.
@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("targets_dissent", "Can't the system identify the protesters from the footage?"),
        ("tracking", "Doesn't the system track protesters' phones?"),
    ],
)
def test_a_negative_question_asks_for_the_act(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The system can't identify the protesters from the footage.",
        "Can't the system identify the protesters from the footage.",
        "Don't track protesters.",
    ],
)
def test_a_contracted_negation_outside_such_a_question_still_denies(text: str) -> None:
    assert categories(text) == set()


# A denial that makes the target its exception affirms the act on it ("no one but …",
# "ne … que", "más que", "senão", "кроме", "إلا").
@pytest.mark.parametrize(
    "text",
    [
        "We don't track anyone but protesters.",
        "We do not track anyone except the protesters.",
        "We do not track anyone other than protesters.",
        "Nous ne suivons que les manifestants.",
        "No rastreamos más que a los manifestantes.",
        "Não rastreamos senão os manifestantes.",
        "Мы не отслеживаем никого, кроме протестующих.",
        "لا نتتبع أحدا إلا المتظاهرين.",
    ],
)
def test_a_denial_excepting_the_target_reads_the_act(text: str) -> None:
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We do not track protesters.",
        "Nous ne suivons pas les manifestants que la police recherche.",
        "Não rastreamos os manifestantes, mas sim os ladrões.",
    ],
)
def test_a_denial_without_an_exception_still_denies(text: str) -> None:
    assert categories(text) == set()


# A condition after a denied act says when it is done after all; a judge's order as the
# condition is the denial's own safeguard.
@pytest.mark.parametrize(
    "text",
    [
        "We won't track protesters unless the ministry asks.",
        "We won't track protesters until the ministry asks.",
        "Nous ne suivrons pas les manifestants sauf si le ministère le demande.",
        "No rastrearemos a los manifestantes a menos que el ministerio lo pida.",
        "Não rastrearemos os manifestantes a não ser que o ministério peça.",
        "Мы не будем отслеживать протестующих, если только министерство не попросит.",
        "لن نتتبع المتظاهرين إلا إذا طلبت الوزارة.",
    ],
)
def test_a_denial_on_a_condition_reads_the_act(text: str) -> None:
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We will not intercept any calls unless a court orders it.",
        "We will not intercept any calls unless a judge signs a warrant.",
        "No interceptaremos llamadas a menos que un juez lo ordene.",
        "لن نعترض أي مكالمات إلا إذا أمرت المحكمة بذلك.",
        "Nous ne suivrons pas les manifestants.",
    ],
)
def test_a_denial_on_a_judges_order_or_none_still_denies(text: str) -> None:
    assert categories(text) == set()


# The futures of verbs whose stem changes ("suivrons", "détiendra", "detendremos").
@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("tracking", "Nous suivrons les manifestants."),
        ("detention", "La police détiendra les manifestants sans procès."),
        ("detention", "Detendremos a los manifestantes sin juicio."),
    ],
)
def test_an_irregular_future_is_read_as_its_verb(category: str, text: str) -> None:
    assert category in categories(text)
