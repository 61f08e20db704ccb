"""The customer's own people and safeguards, read as a reviewer reads them: a newsroom's trade
with the count of its journalists after a comma; call recording with the usual notice to
customers; a past spyware attack on a newsroom's reporters as the reason for buying
protection; spyware named as a "spy program" in French, Spanish and Portuguese, which is no
security service. A notice or a safeguard said after it to be not needed bounds nothing.

Each ordinary sentence raised a red flag before the change, but for the two Portuguese
spyware ones, kept as cases of the same rules; the dangerous ones are read, and the one
whose notice is "not needed" was not read before.
Sentences written for the purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        # a newsroom's trade, its own people counted after a comma
        "Cliente: una redacción de periodismo de investigación, unos 25 periodistas. Piden portátiles.",
        "Cliente: uma redação de jornalismo investigativo, uns 25 jornalistas. Pedem notebooks.",
        "客户是一家调查报道媒体，约25名记者。需要笔记本电脑。",
        # call recording with the usual notice to customers
        "Contact platform for an insurer: call recording with the usual customer notice.",
        "Plataforma para una aseguradora: grabación de llamadas con el aviso habitual al cliente.",
        "Plateforme pour un assureur : enregistrement des appels avec l'information client habituelle.",
        "Plataforma para uma seguradora: gravação de chamadas com o aviso padrão ao cliente.",
        "Платформа для страховщика: запись звонков со стандартным уведомлением клиента.",
        "منصة لشركة تأمين: تسجيل المكالمات مع إشعار العميل المعتاد.",
        # a past spyware attack on the customer's own reporters, the reason for the purchase
        "Security keys and phone checks after their reporters were targeted by spyware.",
        "Llaves de seguridad después de que sus reporteros fueran objetivo de un programa espía.",
        "Clés de sécurité après que leurs reporters ont été visés par un logiciel espion.",
        "Chaves de segurança depois que os repórteres foram alvo de spyware.",
        "Sus reporteros fueron víctimas de un programa espía; quieren llaves de seguridad.",
        # spyware named as a spy program: a thing, not a security service's spies
        "Formation des équipes contre un logiciel espion.",
        "Un programa espía infectó los teléfonos de la oficina; piden un análisis.",
        "Um programa espião infectou os celulares do escritório; pedem uma análise.",
    ],
)
def test_the_customers_own_people_and_notices_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "category, text",
    [
        # people of a protected group acted on beside the same words
        (
            "interception",
            "Record the calls of the opposition leaders with the usual customer notice.",
        ),
        (
            "interception",
            "Grabar las llamadas de los periodistas con el aviso habitual al cliente.",
        ),
        ("targets_dissent", "Periodismo de investigación, vigilar a unos 40 periodistas."),
        ("targets_dissent", "调查报道媒体，监控约40名记者。"),
        # a notice or a safeguard said to be not needed is no safeguard
        ("interception", "Record all calls of the opposition leaders, customer notice not needed."),
        (
            "interception",
            "Record all calls of the opposition leaders, recording notice not needed.",
        ),
        (
            "interception",
            "Grabar todas las llamadas de los líderes de la oposición, el aviso al cliente no hace falta.",
        ),
        # an attack to come, wanted, or made with the seller's own tool
        ("targets_dissent", "Reporters will be targeted by spyware after the election."),
        ("targets_dissent", "After the election, reporters are to be targeted by spyware."),
        (
            "targets_dissent",
            "After journalists were hacked by our spyware, the ministry wants more.",
        ),
        ("targets_dissent", "Les journalistes ont été victimes de notre logiciel espion."),
        # spyware put on journalists' phones; spies of a named service
        ("targets_dissent", "Instalar un programa espía en los teléfonos de los periodistas."),
        ("targets_dissent", "Installer un logiciel espion sur les téléphones des journalistes."),
        ("targets_dissent", "Instalar um programa espião nos celulares dos jornalistas."),
        ("security_services", "Los espías del servicio de inteligencia quieren los servidores."),
    ],
)
def test_red_flags_beside_those_words_are_read(category: str, text: str) -> None:
    assert category in categories(text)
