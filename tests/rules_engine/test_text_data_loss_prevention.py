"""A company's data loss prevention (its own outgoing mail checked for card numbers) is
ordinary IT security in every language; the same tool turned on journalists or on every
citizen is still read. Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

ORDINARY = [
    "Data loss prevention: monitor outgoing emails for leaks of customer card numbers.",
    "DLP software to monitor outgoing emails for leaks of customer card numbers.",
    "Prévention des pertes de données : surveiller les e-mails sortants pour les numéros de carte.",
    "Prevención de fuga de datos: monitorear los correos salientes con números de tarjeta.",
    "Prevenção de perda de dados: monitorar os e-mails de saída com números de cartão.",
    "منع فقدان البيانات: مراقبة رسائل البريد الصادرة بحثا عن أرقام البطاقات.",
    "Предотвращение утечек данных: мониторинг исходящей почты сотрудников.",
    "数据防泄漏：监控外发邮件中的银行卡号。",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_a_companys_data_loss_prevention_reads_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("targets_dissent", "DLP to monitor journalists' emails."),
        ("interception", "DLP: monitor all citizens' emails."),
        (
            "targets_dissent",
            "Prevención de fuga de datos: monitorear los correos de los periodistas.",
        ),
    ],
)
def test_the_same_tool_turned_on_journalists_or_everyone_is_read(category: str, text: str) -> None:
    assert category in categories(text)
