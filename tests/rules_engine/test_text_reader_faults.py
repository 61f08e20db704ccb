"""Known faults of the reader, each a worked case with the default lexicon (no database):
a Chinese match read across a clause whose act is denied ("不设计任何限制"), a stated
non-use without a dash, words that skip a safeguard only when it is their object, a city's
name read as a verb's stem, and a full stop inside a word ("site.com", "v2.1")."""

from __future__ import annotations

import pytest

from rules.textsignals.languages import tokens
from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text", ["监控抗议者的手机，不设计任何限制", "对抗议者的网站不设任何限制。"]
)
def test_an_act_after_a_negation_and_any_is_denied_in_chinese(text: str) -> None:
    assert "censorship" not in categories(text)


def test_the_monitoring_of_protesters_phones_is_still_read_beside_the_denied_restriction() -> None:
    assert "tracking" in categories("监控抗议者的手机，不设计任何限制")


@pytest.mark.parametrize("text", ["抗议者的网站，全部封锁。", "对抗议者的网站设置各种限制。"])
def test_an_act_across_a_chinese_comma_is_still_read(text: str) -> None:
    assert "censorship" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tracking protesters not intended.",
        "Tracking protesters — not intended.",
        "Rastreo de manifestantes no previsto.",
        "Rastreamento de manifestantes não previsto.",
    ],
)
def test_a_stated_non_use_disclaims_with_or_without_a_dash(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Los periodistas no previstos en la acreditación serán vigilados.",
        "Tracking protesters not intended for the pilot but planned for the rollout.",
    ],
)
def test_a_negated_participle_describing_the_target_still_reads(text: str) -> None:
    assert categories(text) & {"targets_dissent", "tracking"}


@pytest.mark.parametrize(
    "text",
    [
        "Para evitar abusos, interceptar llamadas solo con orden judicial.",
        "Interceptación de llamadas en Salta solo con orden judicial.",
        "Omitted from the reports, the calls are intercepted only under a court order.",
    ],
)
def test_words_that_skip_a_safeguard_elsewhere_leave_it_standing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Interceptar llamadas evitando al juez.",
        "El cliente quiere interceptar llamadas saltándose la orden judicial.",
        "El operador intercepta las llamadas y se salta la orden judicial.",
        "Interceptar llamadas ignorando la orden judicial.",
        "Intercept calls, omitting the judge's warrant.",
        "Intercept calls, ignoring the court order.",
    ],
)
def test_a_safeguard_that_is_the_object_of_skipping_is_absent(text: str) -> None:
    assert "interception" in categories(text)


def test_a_city_is_no_verb_stem() -> None:
    text = "O jornal de Cali quer bloqueio de bots para o próprio site de notícias."
    assert categories(text) == set()


def test_the_verb_is_still_read_beside_the_city() -> None:
    assert "targets_dissent" in categories("Em Cali, o cliente quer calar os jornalistas.")


@pytest.mark.parametrize(
    "text",
    [
        "Block the opposition's mirror at news-site.com during the vote.",
        "Update to v2.1 of the rules to block opposition news portals.",
        "SNI filtering, a list of ~12.000 domains including opposition media.",
    ],
)
def test_a_full_stop_inside_a_word_ends_no_sentence(text: str) -> None:
    assert "censorship" in categories(text)
    assert len({t[3] for t in tokens(text)}) == 1


def test_a_full_stop_before_a_space_still_ends_a_sentence() -> None:
    assert len({t[3] for t in tokens("The list is ready. Opposition media are fine.")}) == 2


def test_switching_off_office_computers_raises_nothing() -> None:
    assert categories("下班后关掉办公室的电脑。") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("能不能标记人权律师的账号？", "targets_dissent"),
        ("是不是可以屏蔽反对派媒体？", "censorship"),
        ("要不要跟踪抗议者的手机？", "tracking"),
        ("客户问可不可以屏蔽反对派媒体。", "censorship"),
    ],
)
def test_a_chinese_a_not_a_question_asks_and_does_not_deny(text: str, expected: str) -> None:
    """能不能 (can or cannot), 是不是, 要不要, 可不可以 ask for the act; the 不 inside them
    negates nothing, even when the negation window starts inside the question."""
    assert expected in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "我们不能标记人权律师的账号。",
        "系统不会屏蔽反对派媒体。",
        "他说不屏蔽反对派媒体。",
    ],
)
def test_a_chinese_negation_still_denies(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The police want to Spy on journalists.", "targets_dissent"),
        ("Plataforma Para Calar Os Jornalistas", "censorship"),
        ("Spyware That Spies On Activists And Bloggers", "targets_dissent"),
    ],
)
def test_a_capital_on_a_verb_or_a_title_in_title_case_names_no_city(text: str, category: str):
    """A word as short as its stem is no name cut short, and in Title Case every word has
    a capital: a rep cannot hide "spy" or "calar" behind one."""
    assert category in categories(text)
