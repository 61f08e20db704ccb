"""Whom what is kept is handed on to, as a third review found it: a state body no list
named (a department, an administration, a command, a committee, a court, investigators,
"the state"), a security service only the lexicon knows, a recipient named in another
sentence or by no handing word at all, and what is kept handed on to no one named; and
the ordinary recipients that share a state body's words (an army of support agents, the
calling party, guardians, a government customer, a governor's consumer office). Worked
cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

# A state body named by its kind and what it is for, not by a listed name.
STATE_BODY_BY_ITS_KIND = [
    "Keep the call records for billing and hand them to the Department of Homeland Security.",
    "Keep the call records for billing and hand them to the state.",
    "Keep the call records for billing and hand them to the Presidential Administration.",
    "Keep the call records for billing and hand them to the Cyber Command.",
    "Keep the call records for billing and hand them to investigators.",
    "Keep the call records for billing and hand them to the Revolutionary Court.",
    "Conserver les enregistrements des appels pour la facturation et les remettre à "
    "l'Administration présidentielle.",
    "Conserver les enregistrements des appels pour la facturation et les remettre aux enquêteurs.",
    "Conserver les enregistrements des appels pour la facturation et les remettre à l'État.",
    "Graba todas las llamadas en cola y las entrega al Tribunal Revolucionario.",
    "Retiene todas las llamadas en cola y las pasa al Estado.",
    "Retém todas as chamadas na fila e as entrega ao Estado.",
    "Хранить записи о вызовах для биллинга и передавать их в Администрацию президента.",
    "Хранить записи о вызовах для биллинга и передавать их следователям.",
    "Хранить записи о вызовах для биллинга и передавать их государству.",
    "Keep call records for billing and send them to the State.",
    "Keep call records for billing and share them with the state.",
    "Keep call records for billing and hand them to the regional administration.",
    "Enregistrements détaillés des appels pour la facturation, remis chaque mois au tribunal "
    "révolutionnaire.",
    "Детальные записи о вызовах для биллинга передавать в Следственный комитет.",
    "Retiene todas las llamadas en cola y las envía al Comando Cibernético.",
    "Retém todas as chamadas na fila e as envia ao Comando de Defesa Cibernética.",
    "Record all calls in the queue and send them to the Federal Bureau of Investigation.",
    "الاحتفاظ بسجلات المكالمات للفوترة ويسلمها إلى المحكمة الثورية.",
    "الاحتفاظ بسجلات المكالمات للفوترة ويسلمها إلى المحققين.",
    "记录所有排队的通话，并交给网络司令部。",
    "记录所有排队的通话，并交给调查人员。",
]
# A security service the lexicon reads: it is a state body wherever a recipient test looks.
SECURITY_SERVICE_READ = [
    "Keep the call records for billing and hand them to the GRU.",
    "Keep the call records for billing and hand them to the National Security Bureau.",
    "Conserver les enregistrements des appels pour la facturation et les remettre à la DGSI.",
    "Хранить записи о вызовах для биллинга и передавать их в ГРУ.",
]
# The recipient in another sentence, or named with no handing word (a login, a copy).
RECIPIENT_ELSEWHERE = [
    "Keep the call records for billing and hand them over. The recipient is the Guard Corps.",
    "Keep the call records for billing and hand them over. The recipient is the Presidential "
    "Administration.",
    "Conserver les enregistrements des appels pour la facturation et les transmettre. Le "
    "destinataire est le Corps des gardiens de la révolution.",
    "Retiene todas las llamadas en cola y las transfiere. El destinatario es la Guardia "
    "Revolucionaria.",
    "Хранить записи о вызовах для биллинга и передавать их. Получатель — КСИР.",
    "الاحتفاظ بسجلات المكالمات للفوترة وتسليمها. الجهة المستلمة هي الحرس الثوري.",
    "Call records kept for billing; the Guard Corps has a login.",
    "Call records kept for billing. cc: Guard Corps",
    "Детальные записи о вызовах для биллинга отдавать их КСИР.",
    "Хранить записи о вызовах для биллинга и отдавать их КСИР.",
    "Enregistrements détaillés des appels pour la facturation ; le Corps des gardiens de la "
    "révolution a un identifiant.",
    "الاحتفاظ بسجلات المكالمات للفوترة؛ للحرس الثوري حساب دخول.",
    "Keep call records for billing; the GRU has a login.",
    "Детальные записи о вызовах для биллинга; у КСИР есть доступ.",
    "记录所有排队的通话；革命卫队有账号。",
    "Retain all calls in the queue and transfer them. The recipient is the security committee.",
]
# What is kept handed on to no one named: no ordinary recipient bounds it.
HANDED_ON_TO_NO_ONE_NAMED = [
    "Keep the call records of all subscribers for billing and share them.",
    "Keep call records for billing and share them.",
    "Store call records for billing and disclose them on request.",
    "Conserver les enregistrements des appels pour la facturation et les partager.",
    "Conserver les enregistrements détaillés des appels pour la facturation et les partager.",
    "Хранить записи о вызовах для биллинга и передавать их.",
    "الاحتفاظ بسجلات المكالمات للفوترة ومشاركتها.",
    "Monitor all subscriber traffic for DDoS attacks and share it.",
]
# Calls in a queue handed on to a state body named by its kind.
QUEUE_TO_A_STATE_BODY = [
    "Record all calls in the queue and transfer them to the security committee.",
    "Record all calls in the queue and transfer them to the duty officer at the regional "
    "directorate.",
    "Retiene todas las llamadas en cola y las transfiere al comité de seguridad.",
    "Retém todas as chamadas na fila e as transfere para o comitê de segurança.",
    "Хранить записи о вызовах для биллинга и передавать их комитету безопасности.",
    "Retain all calls in the queue and transfer them to the Investigative Committee.",
]


@pytest.mark.parametrize(
    "text",
    STATE_BODY_BY_ITS_KIND
    + SECURITY_SERVICE_READ
    + RECIPIENT_ELSEWHERE
    + HANDED_ON_TO_NO_ONE_NAMED
    + QUEUE_TO_A_STATE_BODY,
)
def test_what_is_kept_handed_to_a_state_body_or_no_one_named_is_read(text: str) -> None:
    assert "interception" in categories(text)


# Ordinary recipients whose words a state body shares, and keeping that names no one.
ORDINARY_RECIPIENTS = [
    "Keep call records for billing and provide them to the army of support agents.",
    "Conserver les enregistrements des appels pour la facturation et les transmettre à l'armée "
    "de conseillers du centre d'appels.",
    "Keep call records for billing and send them to the calling party on request.",
    "Store call records for billing; A-party and B-party numbers are sent to the billing system.",
    "Call records kept for billing; the called party receives an itemised bill.",
    "Store call records for billing and send them to the requesting party.",
    "Call records kept for billing; parents and guardians get a copy of the invoice.",
    "Keep call records for billing and send them to the subscriber's legal guardian.",
    "Keep call records for billing and send them to the government customer's finance team.",
    "Conservar los registros de llamadas para la facturación y enviarlos al cliente gubernamental.",
    "Хранить записи о вызовах для биллинга и передавать их государственному заказчику.",
    "Keep call records for billing and send a copy to the regional governor's consumer office.",
    "Guardar los registros de llamadas para la facturación y enviarlos al cliente.",
    "Guarda os registros de chamadas para faturamento e envia-os ao cliente.",
    "Keep call records for billing and send them to the customer's finance department.",
    "Monitor all subscriber traffic for DDoS attacks and share alerts with the upstream provider.",
    "Retain all calls in the queue and forward them.",
    "Retain all calls in the queue and transfer them when an agent is free.",
    # Kept and handed on to no one, or to an ordinary recipient named by a state's words.
    "Keep call records for billing and never share them.",
    "Conserver les enregistrements des appels pour la facturation et ne pas les partager.",
    "Keep call records for billing and share them with the customer.",
    "Хранить записи о вызовах для биллинга и передавать их клиентам.",
    "الاحتفاظ بسجلات المكالمات للفوترة ومشاركتها مع العملاء.",
    "Keep call records for billing; the state of each call is sent to the dashboard.",
    "Keep call records for billing and send them to the State Bank for payment processing.",
    "Keep call records for billing and send them to the party responsible for payment.",
    "Keep call records for billing and share them with our fraud investigators.",
    "Store call records for billing; disputes are referred to the court.",
    "Monitor all subscriber traffic for DDoS attacks and send alerts to the internal security "
    "team.",
    "Monitor all subscriber traffic for botnets and send alerts to the IT directorate.",
    "Monitor all subscriber traffic for botnets and block the central command servers.",
    # A head that is a company's own without what makes it a state's.
    "Keep call records for billing and send them to the billing administration.",
    "Keep call records for billing and hand them to the works committee.",
    "Record all calls in the queue for quality and send them to the quality committee.",
    "Детальные записи о вызовах для биллинга передавать в администрацию сайта.",
]


@pytest.mark.parametrize("text", ORDINARY_RECIPIENTS)
def test_ordinary_recipients_raise_nothing(text: str) -> None:
    assert categories(text) == set()


# A state body named only where the text denies it anything: a sanctions or ownership
# statement, or a handing on that is negated.
STATE_BODY_DENIED = [
    "Call records kept for billing. Sanctions screening: the customer is not owned or "
    "controlled by the IRGC.",
    "Call records kept for billing and never shared with the state.",
]
# A head a state's word qualifies, made a company's, a union's or a civil body's own by
# the words around it (our, the company's, a partner's, billing, statistics, small claims).
OWN_OR_CIVIL_UNITS = [
    "Keep the call records for billing and hand them to the central billing committee.",
    "Keep the call records for billing and hand them to the state-level billing committee.",
    "Keep the call records for billing and hand them to the Central Committee of the union.",
    "Conserver les enregistrements des appels pour la facturation et les remettre au comité "
    "central d'entreprise.",
    "Retiene todas las llamadas en cola y las entrega al comité central de facturación.",
    "Keep the call records for billing and hand them to our regional administration team.",
    # flagged by the learned cues refitted on 5 December (rounds 1 to 26 and 1 to 28), not
    # by those refitted on 6 December (rounds 1 to 41)
    "Keep the call records for billing and hand them to the regional administration office "
    "of our company.",
    "Keep the call records for billing and hand them to the district administration of our "
    "partner.",
    "Conserver les enregistrements des appels pour la facturation et les remettre à "
    "l'administration régionale de notre entreprise.",
    "Retém todas as chamadas na fila e as entrega à administração regional da empresa.",
    "Хранить записи о вызовах для биллинга и передавать их в районную администрацию нашего "
    "филиала.",
    "Keep the call records for billing and hand them to the regional command center of our NOC.",
    # flagged by the learned cues refitted on 4 December (late evening), not since 5 December
    "Keep the call records for billing and hand them to the Joint Operations Command of our NOC.",
    "Keep the call records for billing and hand them to the strategic command center of our "
    "operations.",
    "Keep the call records for billing and hand them to the district command post of our field "
    "techs.",
    "Keep the call records for billing and hand them to the federal bureau of statistics.",
    "Keep the call records for billing and hand them to the Federal Statistics Bureau.",
    "Retiene todas las llamadas en cola y las entrega a la Agencia Federal de Estadística.",
    "Хранить записи о вызовах для биллинга и передавать их в государственное агентство статистики.",
    "Keep the call records for billing and hand them to the federal billing agency.",
    "Keep the call records for billing and hand them to the special court for small claims.",
    "Keep the call records for billing and hand them to the special tribunal for arbitration.",
    "Conserver les enregistrements des appels pour la facturation et les remettre au tribunal "
    "spécial des petits litiges.",
    # Investigators of an auditor, or from outside the company.
    "Keep the call records for billing and share them with external investigators.",
    "Keep the call records for billing and hand them to investigators from our auditor.",
    "Keep the call records for billing and hand them to the investigator appointed by the auditor.",
    # A state as a place, and an ordinary recipient named on the next line.
    "Keep the call records for billing and send them to the state in which the subscriber "
    "resides for tax.",
    "Keep the call records for billing and hand them over.\nRecipient: our billing partner",
    "Keep the call records for billing and hand them over.\nRecipient: the customer's finance "
    "department",
    "Keep the call records for billing and send them to the 5G NSA core for charging.",
    "Keep the call records for billing and send them to the president's office for approval.",
    # Handed on to someone named, or kept: no one unnamed.
    "Keep the call records for billing and make them available to the customer on request.",
    "Keep the call records for billing and give access to them to the subscriber.",
    "Keep the call records for billing; copies go out to the customer every night.",
    "Keep the call records for billing and share with the customer.",
    "Keep the call records for billing and make them available in the portal.",
    "Keep the call records for billing. Invoice copies are sent every month.",
    "Keep the call records for billing; copies are kept for a year.",
]


@pytest.mark.parametrize("text", STATE_BODY_DENIED + OWN_OR_CIVIL_UNITS)
def test_a_denied_state_body_or_a_companys_own_unit_raises_nothing(text: str) -> None:
    assert categories(text) == set()


# A security or intelligence service by its well-known name or short form, and state
# bodies by their general heads, in every language.
STATE_BODY_BY_ITS_NAME = [
    "Keep the call records for billing and hand them to the FBI.",
    "Keep the call records for billing and hand them to the NSA.",
    "Keep the call records for billing and hand them to DHS.",
    "Keep the call records for billing and hand them to the Kremlin.",
    "Keep the call records for billing and hand them to the Presidency.",
    "Keep the call records for billing and hand them to the presidential office.",
    "Keep the call records for billing and hand them to the Quds Force.",
    "Keep the call records for billing and hand them to the Cyberspace Administration.",
    "Keep the call records for billing and hand them to the Presidential Administration team.",
    "Keep the call records for billing and hand them to Roskomnadzor.",
    "Keep the call records for billing and hand them to Unit 8200.",
    "Conserver les enregistrements des appels pour la facturation et les remettre au parquet.",
    "Хранить записи о вызовах для биллинга и передавать их в комендатуру.",
    "Keep the call records for billing and hand them over.\nRecipient: the commandant",
    "الاحتفاظ بسجلات المكالمات للفوترة ويسلمها إلى الجهات المختصة.",
    "记录所有排队的通话，并交给网信办。",
    "记录所有排队的通话，并交给相关部门。",
    "记录所有排队的通话，并交给派出所。",
    "Graba todas las llamadas en cola y las entrega a los investigadores.",
    "Retém todas as chamadas na fila e as entrega aos investigadores.",
]


@pytest.mark.parametrize("text", STATE_BODY_BY_ITS_NAME)
def test_what_is_kept_handed_to_a_service_by_its_name_is_read(text: str) -> None:
    assert "interception" in categories(text)


# What is kept handed on with no pronoun after the act, and to no one named.
HANDED_ON_WITHOUT_A_PRONOUN = [
    "Keep the call records for billing and make them available on request.",
    "Keep the call records for billing and give access to them.",
    "Keep the call records for billing and give access to them on request.",
    "Keep the call records for billing; copies go out every night.",
    "Keep the call records for billing; the copies are sent every night.",
    "Keep the call records for billing and share.",
]


@pytest.mark.parametrize("text", HANDED_ON_WITHOUT_A_PRONOUN)
def test_what_is_kept_handed_on_without_a_pronoun_to_no_one_is_read(text: str) -> None:
    assert "interception" in categories(text)
