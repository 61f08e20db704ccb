"""Calls recorded with the callers told (a contact centre's, a helpdesk's own recording)
in a text naming the company's own use (a contact centre, a helpdesk, seats, a licence)
read no interception (``announced_recording``); the calls of a protected group, of the
public, of suspects, in bulk, covertly or for a state body are read whatever the notice
says.

Each ordinary text read interception before the change. Sentences written for the purpose
(not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "Call recording for the claims desk, 40 seats. Callers hear: this call may be recorded "
        "for quality and training.",
        "Subject: call recording renewal. We want to renew call recording for the helpdesk; "
        "all parties are told at the start.",
        "Objet : enregistrement des appels du standard. Cet appel peut être enregistré, annonce "
        "le message d'accueil.",
        "Asunto: grabación de llamadas del servicio técnico. Todas las partes son informadas al "
        "inicio y pueden negarse.",
        "Assunto: gravação de chamadas da central de atendimento. Todas as partes são avisadas "
        "no início e podem recusar.",
        "Тема: продление лицензии на запись звонков, 300 мест. Звонящие слышат сообщение "
        "«звонок может быть записан».",
        'الموضوع: تسجيل المكالمات لمركز الاتصال. يسمع المتصلون رسالة "قد يتم تسجيل هذه المكالمة '
        'لأغراض الجودة".',
    ],
)
def test_calls_recorded_with_the_callers_told_read_no_interception(text: str) -> None:
    assert "interception" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We record the calls of the journalists; callers hear the message 'this call may be "
        "recorded'.",
        "Record every subscriber's calls for the ministry; all parties are told at the start.",
        "Record all calls of the staff for the police; this call may be recorded.",
        "Intercept the calls of the helpdesk. This call may be recorded.",
        "Call recording for the helpdesk, 40 seats.",
        # no contact centre, helpdesk or seats: whose calls is not said
        "Record all calls passing through the exchange; callers are told.",
        "Record the calls of the suspects; all parties are told at the start.",
        "Covert call recording for the helpdesk, 40 seats; this call may be recorded.",
    ],
)
def test_calls_of_a_group_the_public_or_the_state_or_unannounced_are_read(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Record calls of the target numbers. Callers are told nothing. Support included.",
        "Record calls of the target numbers without the callers ever knowing. No caller is warned that calls will be recorded. Support included.",
        "Intercept and record calls of the target numbers; the hotline says calls may be recorded.",
        "Record all calls made from the city's mobile network. Callers are told. 24/7 support.",
        "Record calls of the phones near the square during the march. Calls may be recorded. Contact centre licence, 40 seats.",
        "Enregistrer les appels des numéros ciblés. Les participants seront informés après la fin de l'enquête. Support inclus.",
        "Grabar las llamadas de los números objetivo. Las partes son informadas solo si un juez lo ordena, años después. Soporte incluido.",
        "Gravar as chamadas dos números alvo. Esta chamada pode ser gravada. Suporte incluído.",
        "Запись звонков целевых номеров. Никого не предупреждают о записи. Поддержка 24/7.",
        "تسجيل المكالمات للأرقام المستهدفة. قد يتم تسجيل هذه المكالمة. الدعم متضمن.",
    ],
)
def test_evasions_a_review_found_read_interception(text: str) -> None:
    """A hostile review of the first version: a notice denied or postponed, "support" taken for own use, a taking act, targets, a mobile network, phones in the field. Each read interception before the change and none by that version."""
    assert "interception" in categories(text)
