"""A negation after a red flag disclaims it only when it bears on the act: "without" and
"with no" say how the act is done, "not only … but" widens it, a relative clause or a
participle agreeing with the target describes the people it is turned on, a comma opens
another clause. A negation inside a match denies the act only when it stands on the act
word itself (adjacent, an auxiliary between), not on the verb of a condition before it.
Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Track protesters without purpose limitation.", "tracking"),
        ("Track activists with no scope restrictions.", "tracking"),
        (
            "Vigilar a los periodistas sin propósito definido ni control judicial.",
            "targets_dissent",
        ),
        ("Rastrear ativistas sem escopo definido nem mandado.", "tracking"),
        ("Отслеживать активистов без цели и без ордера.", "tracking"),
        ("تتبع الناشطين دون الغرض المعلن.", "tracking"),
        ("Surveiller les journalistes sans poser de questions.", "targets_dissent"),
        ("Surveiller les manifestants sans fin.", "targets_dissent"),
    ],
)
def test_without_says_how_the_act_is_done_not_that_it_is_disclaimed(
    text: str, category: str
) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The system will track protesters not just criminals but everyone.", "tracking"),
        ("The system will track protesters not only criminals but everyone.", "tracking"),
        ("Identify protesters who are not part of any registered party.", "targets_dissent"),
        ("Identify protesters who do not plan to disperse.", "targets_dissent"),
        ("Track protesters who are not in scope of existing warrants.", "tracking"),
        ("Vigilar a los periodistas no previstos en la acreditación.", "targets_dissent"),
        ("Отслеживать протестующих не предусмотренных списком.", "tracking"),
    ],
)
def test_a_negation_describing_the_target_or_widening_the_act_disclaims_nothing(
    text: str, category: str
) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "跟踪抗议者，不包括警察。",
        "跟踪抗议者，不考虑他们是否有许可。",
        "跟踪抗议者，不打算放过任何人。",
        "监控抗议者的手机，不设计任何限制。",
    ],
)
def test_a_chinese_negation_after_a_comma_names_another_clause(text: str) -> None:
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("记者不服从就跟踪。", "tracking"),
        ("抗议者不配合就监控。", "targets_dissent"),
        ("反对派网站要是不听话就封锁。", "censorship"),
        ("Journalists who do not cooperate tracked by the platform.", "tracking"),
        ("Opposition websites that do not comply blocked within an hour.", "censorship"),
        ("Оппозиционные сайты не согласованные блокировать.", "censorship"),
        ("Opposition websites are not only blocked but also monitored.", "censorship"),
    ],
)
def test_a_negated_condition_before_the_act_does_not_deny_it(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Opposition sites will not be blocked.",
        "Os sites da oposição não serão bloqueados.",
        "反对派网站不会被封锁。",
    ],
)
def test_a_negation_with_an_auxiliary_before_the_act_still_denies_it(text: str) -> None:
    assert categories(text) == set()
