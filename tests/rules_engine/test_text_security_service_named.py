"""A security service named as the state's ("the state security service"), beside an act
of buying, using or receiving a system, is a state security body as an end user; "the
security service" alone, and an IT product sold as a security service (managed, cloud, a
provider), is not.
"Guardia Civil" is the Spanish state police; a technician "de guardia" is on call. Worked
cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from rules.textsignals.reader import read_one
from tests.rules_engine.reading import PACK, categories


def quotes(text: str, category: str) -> list[str]:
    return [q for c, _lang, q in read_one(text, PACK.lexicon) if c == category]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "The state security service will use the cameras to identify protesters.",
            "state security service will use",
        ),
        (
            "La Guardia Civil usará las cámaras en los controles.",
            "Guardia Civil usará",
        ),
    ],
)
def test_a_security_service_named_as_the_state_s_beside_an_act_is_one(text, quote):
    assert quote in quotes(text, "security_services")


@pytest.mark.parametrize(
    "text",
    [
        "The customer buys the security service level agreement upgrade.",
        # the cues refitted on rounds 1-17 to 1-25, and 1-28, read "security service" here
        # (no phrase does); not those refitted on rounds 1-26 nor 1-41
        "The hospital uses the security service of our partner for endpoint protection.",
        "Le client utilise le service de sécurité de notre partenaire pour ses pare-feu.",
        "El hospital usará los servicios de seguridad de Microsoft para el correo.",
        "O hospital usará o serviço de segurança em nuvem para os e-mails.",
    ],
)
def test_the_security_service_an_it_customer_buys_or_uses_is_no_state_body(text):
    """ "The security service" with its article alone is as often a vendor's IT service as a
    state body: only a name that says the state's ("the state security service", "the
    national security service") is read as one."""
    assert "security_services" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We sell a managed security service to banks.",
        "The bank buys our managed security service for its branches.",
        "Our security service provider will use the logs to tune the firewall.",
        "The customer uses the cloud security service for its mailboxes.",
        "Le client utilise notre service de sécurité managé pour ses agences.",
        "El cliente usará el servicio de seguridad gestionado para sus oficinas.",
        "O cliente usará o serviço de segurança gerenciado para as filiais.",
        "The customer buys the security service provider's firewall.",
    ],
)
def test_an_it_security_service_sold_to_a_customer_raises_nothing(text):
    assert "security_services" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Entregar los datos a la Guardia Civil.",
        "El usuario final es la Guardia Civil.",
        "La Guardia Civil usará las cámaras en los controles.",
        "A polícia federal usará as câmeras nos controles.",
    ],
)
def test_the_guardia_civil_is_read_as_a_state_police_force_whatever_the_tense(text):
    assert "security_services" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "El técnico de guardia revisa las alarmas.",
        # A false positive of the cues fitted on rounds 1 to 20, quiet since the refit on 1 to 21.
        "El técnico de guardia usará el sistema por la noche.",
        "El cliente quiere un servicio de guardia para sus servidores.",
    ],
)
def test_a_technician_on_call_is_no_security_force(text):
    assert categories(text) == set()


# "DR" is disaster recovery in an IT deal; the French stem of "DRS" (Algeria's former
# intelligence department) was "dr", so "1 prod + 1 DR cluster" read as an intelligence
# service in any language. The DRS is now named in full or as Algeria's.
@pytest.mark.parametrize(
    "text",
    [
        "Anti-fraud engine for a retail bank: 1 prod + 1 DR cluster, 3-year subscription.",
        "Антифрод-движок для банка: 1 прод + 1 DR кластер, подписка на три года.",
        "Moteur antifraude pour une banque : un cluster de prod et un site DR à Lyon.",
    ],
)
def test_a_disaster_recovery_site_is_no_intelligence_service(text):
    assert "security_services" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le client final est le DRS algérien, qui veut intercepter les appels des opposants.",
        "Le Département du renseignement et de la sécurité achètera les sondes.",
    ],
)
def test_algeria_s_former_intelligence_department_is_still_read(text):
    assert "security_services" in categories(text)
