"""An employer's workplace (the office network, staff laptops, working hours) says where an
act is done, not whom it is done to (kind "workplace", ``benign_scope.bears_on``).

Found on 4 December: "on the office network" written after an act on a protected group
hid it ("Track the protesters' phones on the office network" read nothing). The employer's
own web filter stays ordinary, and so do everyone's calls on the company's own network and
a group's own workplace ("NGO staff laptops", "la red de la oficina de la ONG"): a review of
the first version found 99 of 182 ordinary employer deals flagged by it, those among them.
Sentences written for the purpose. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        ("targets_dissent", "Track the protesters' phones on the office network."),
        ("targets_dissent", "Intercept the opposition's browsing on the office network."),
        ("targets_dissent", "Monitor the journalists' messages on the company network."),
        # a group just after the workplace but not its owner (no "of" between)
        ("targets_dissent", "Monitor on the company network the journalists' messages."),
        ("censorship", "Block opposition news sites on the office network."),
        ("targets_dissent", "Surveiller les journalistes sur le réseau de l'entreprise."),
        ("targets_dissent", "Vigiar os jornalistas na rede do escritório durante o expediente."),
    ],
)
def test_the_workplace_clears_no_act_on_a_protected_group(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Block gambling and adult sites on the office network during working hours.",
        "The web filter blocks social media on staff laptops during office hours.",
        "Block Facebook and YouTube on the office network during working hours.",
        "Bloquear redes sociales en la red de la oficina en horario laboral.",
        "Bloquer les réseaux sociaux sur les postes du personnel pendant les heures de travail.",
        "Monitor the employees' web traffic on the corporate network for malware.",
        # everyone's calls or traffic on the company's own network
        "Record all calls on the company network for quality review.",
        "The secure web gateway intercepts all HTTPS traffic on company laptops for malware "
        "inspection.",
        "Grabar todas las llamadas en la red de la empresa para control de calidad.",
        "Прослушивать все звонки в корпоративной сети для контроля качества.",
        "اعتراض جميع الرسائل الصادرة على شبكة المكتب لمنع تسرب البيانات.",
        # the group whose workplace it is
        "Monitor NGO staff laptops with endpoint antivirus during working hours.",
        "Bloquear redes sociales en la red de la oficina de la ONG en horario laboral.",
        "Bloquer les jeux en ligne sur les postes du personnel de l'ONG pendant les heures de "
        "travail.",
        "Блокировать игры на компьютерах сотрудников НКО в рабочее время.",
    ],
)
def test_the_employers_own_filter_stays_ordinary(text: str) -> None:
    assert categories(text) == set()
