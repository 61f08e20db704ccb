"""The customer's own people and safeguards, read as a reviewer reads them: a newsroom's trade
with the count of its journalists after a comma; a past attack by spyware on the customer's
own reporters, told as the reason for buying protection. A notice or a safeguard said right
after it to be not needed bounds nothing.

Each ordinary sentence raised a red flag before the change; the dangerous ones are read
(the "not needed" notice was not read before; the others are the cases a hostile review
of the change found it missing on its first try). Sentences written for the purpose (not
taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        # a newsroom's trade, its own journalists counted after a comma
        "Cliente: una redacción de periodismo de investigación, unos 25 periodistas. Piden portátiles.",
        "Cliente: uma redação de jornalismo investigativo, uns 25 jornalistas. Pedem notebooks.",
        "客户是一家调查报道媒体，约25名记者。需要笔记本电脑。",
        # a past attack by spyware on the customer's own reporters
        "Security keys and phone checks after their reporters were targeted by spyware.",
        "Treinamento de higiene de dispositivos depois que seus repórteres foram alvo de spyware.",
    ],
)
def test_the_customers_own_people_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Llaves de seguridad después de que sus reporteros fueran objetivo de un programa espía.",
        "Clés de sécurité après que leurs reporters ont été visés par un logiciel espion.",
        "Sus reporteros fueron víctimas de un programa espía; quieren llaves de seguridad.",
    ],
)
def test_an_attack_the_customers_reporters_suffered_targets_no_dissent(text: str) -> None:
    # The "spy program" itself still reads as a security service's (kept: a hostile review
    # found it the only red flag of many spyware sales), but the reporters are no target.
    assert "targets_dissent" not in categories(text)


@pytest.mark.parametrize(
    "category, text",
    [
        # another group counted after a trade or a machine is what the act is done to
        ("targets_dissent", "Periodismo de investigación, vigilar a unos 40 periodistas."),
        ("targets_dissent", "调查报道媒体，监控约40名记者。"),
        ("targets_dissent", "Investigative reporting, 40 activists."),
        ("targets_dissent", "Periodismo de investigación, unos 40 opositores, para la policía."),
        ("targets_dissent", "Client: interior ministry. Network monitoring, 200 activists."),
        ("targets_dissent", "流量监控，约200名抗议者。"),
        ("profiling", "Identify connected devices, 300 Uyghurs."),
        ("profiling", "Подсчет подключенных устройств, 300 уйгуров."),
        # a notice or a safeguard said to be not needed is no safeguard
        (
            "interception",
            "Record all calls of the opposition leaders, recording notice not needed.",
        ),
        # an attack to come, on people not the customer's, or by a tool the deal supplies
        ("targets_dissent", "Reporters will be targeted by spyware after the election."),
        ("targets_dissent", "After the election, reporters are to be targeted by spyware."),
        (
            "targets_dissent",
            "After opposition leaders were targeted by spyware last year, the ministry wants more.",
        ),
        (
            "targets_dissent",
            "After their activists were hacked by the spyware supplied in phase 1, extend it.",
        ),
        (
            "targets_dissent",
            "After journalists were hacked by our spyware, the ministry wants more.",
        ),
        (
            "targets_dissent",
            "Después de que los opositores fueran vigilados por el spyware, ampliar.",
        ),
        (
            "targets_dissent",
            "Depois que os opositores foram hackeados pelo spyware da empresa, renovar.",
        ),
        ("targets_dissent", "Les journalistes ont été victimes de notre logiciel espion."),
    ],
)
def test_red_flags_beside_those_words_are_read(category: str, text: str) -> None:
    assert category in categories(text)
