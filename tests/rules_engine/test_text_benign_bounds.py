"""Benign context that bounds an act without changing whom it is done to: an overseer
named after an act on a protected group, a machine's state measured said of the people a
match names, and a measure named around a match at the very end of a text. Worked cases
with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Block opposition websites, audited by the regulator.", "censorship"),
        ("Track journalists' phones, audited by the data protection authority.", "tracking"),
        ("Block access to independent media sites, audited by the regulator.", "censorship"),
    ],
)
def test_an_overseer_does_not_cancel_an_act_on_a_protected_group(text: str, category: str):
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Monitor opposition activists' devices using uptime checks.",
        "Monitor protesters' phones for uptime.",
    ],
)
def test_a_machines_state_said_of_people_does_not_cancel_the_act(text: str) -> None:
    assert "targets_dissent" in categories(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Using uptime checks, intercept subscriber calls", "interception"),
        ("Uptime checks to track journalists' phones", "tracking"),
    ],
)
def test_a_measure_before_a_match_ending_the_text_is_read_without_error(
    text: str, category: str
) -> None:
    assert category in categories(text)


def test_a_party_servers_uptime_is_still_benign() -> None:
    assert categories("Monitor the opposition party's servers using uptime checks.") == set()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Research on how we block opposition websites for the ministry.", "censorship"),
        (
            "University research on how our system identifies protesters from CCTV footage.",
            "targets_dissent",
        ),
        ("Study on how protesters' phones are tracked by our system for the police.", "tracking"),
        (
            "Estudio sobre cómo nuestro sistema rastrea los teléfonos de los manifestantes.",
            "tracking",
        ),
        ("Исследование того, как наша система отслеживает телефоны журналистов.", "tracking"),
        ("研究我们的系统如何追踪抗议者的手机。", "tracking"),
    ],
)
def test_a_study_of_how_the_seller_does_the_act_is_read(text: str, category: str) -> None:
    """The seller's own system doing the act is what the deal sells, not research."""
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Research on how governments track journalists, which we will publish.",
        "Research on how governments track journalists for our report.",
    ],
)
def test_research_the_seller_publishes_still_describes(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Training for police officers on how officers track journalists' phones.", "tracking"),
        (
            "Training course for the security services on how analysts identify protesters.",
            "targets_dissent",
        ),
        ("Workshop for the ministry on how the operator blocks opposition websites.", "censorship"),
        ("为警察培训间谍软件如何被用来监视记者。", "targets_dissent"),
    ],
)
def test_a_course_for_police_on_how_the_act_is_done_teaches_it(text: str, category: str):
    assert category in categories(text)


def test_research_on_what_the_police_do_elsewhere_still_describes() -> None:
    text = "Research on how the police track protesters' phones in authoritarian states."
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Locate lost or stolen phones of journalists for the police.",
        "Track the buses of protesters for the timetable.",
        "Track activists' movements in the wildlife reserve.",
        "Track the protesters like wildlife.",
    ],
)
def test_things_named_beside_a_protected_group_do_not_cancel_the_act(text: str) -> None:
    """Animals, vehicles and lost devices are something other than the people the match
    names: a rep cannot cancel "track activists" by adding "wildlife"."""
    assert "tracking" in categories(text)


# A statement of good intent is not a denial of the act: a rep cannot cancel "locate the
# phones of protesters" by adding that no harm is meant. (act, the same act with it)
GOOD_INTENT = [
    (
        "Locate the phones of protesters.",
        "Locate the phones of protesters — not intended to harm them.",
    ),
    (
        "Locate the phones of protesters.",
        "Locate the phones of protesters — not meant to hurt anyone.",
    ),
    ("Locate the phones of protesters.", "Locate the phones of protesters — no harm intended."),
    ("Locate the phones of protesters.", "No harm intended, locate the phones of protesters."),
    (
        "Locate the phones of protesters.",
        "Without harming anyone, locate the phones of protesters.",
    ),
    ("Locate the phones of protesters.", "Locate the phones of protesters for their own safety."),
    (
        "Locate the phones of protesters.",
        "Locate the phones of protesters; we respect human rights.",
    ),
    (
        "Localiser les téléphones des manifestants.",
        "Localiser les téléphones des manifestants — pas destiné à leur nuire.",
    ),
    (
        "Localiser les téléphones des manifestants.",
        "Sans vouloir nuire à personne, localiser les téléphones des manifestants.",
    ),
    (
        "Localizar los teléfonos de los manifestantes.",
        "Localizar los teléfonos de los manifestantes — no está destinado a hacerles daño.",
    ),
    (
        "Localizar los teléfonos de los manifestantes.",
        "Sin hacer daño a nadie, localizar los teléfonos de los manifestantes.",
    ),
    (
        "Localizar os telefones dos manifestantes.",
        "Localizar os telefones dos manifestantes — não se destina a prejudicá-los.",
    ),
    (
        "Localizar os telefones dos manifestantes.",
        "Localizar os telefones dos manifestantes — não tem o objetivo de machucar ninguém.",
    ),
    (
        "Localizar os telefones dos manifestantes.",
        "Sem prejudicar ninguém, localizar os telefones dos manifestantes.",
    ),
    (
        "Определять местоположение телефонов протестующих.",
        "Определять местоположение телефонов протестующих — не предназначено для причинения вреда.",
    ),
    ("تحديد مواقع هواتف المتظاهرين.", "دون الإضرار بأحد، تحديد مواقع هواتف المتظاهرين."),
    ("定位抗议者的手机。", "定位抗议者的手机——不打算伤害他们。"),
]


@pytest.mark.parametrize(("act", "text"), GOOD_INTENT)
def test_a_statement_of_good_intent_does_not_deny_the_act(act: str, text: str) -> None:
    assert categories(act)
    assert categories(text) == categories(act)


@pytest.mark.parametrize(
    "text",
    [
        "We will not track protesters.",
        "The system cannot locate phones of protesters.",
        "Locate the phones of protesters — not intended.",
        "Track protesters — not part of the scope.",
        "Localiser les téléphones des manifestants — pas prévu.",
        "No rastrearemos a los manifestantes.",
        "Localizar os telefones dos manifestantes — não previsto.",
        "Слежка за протестующими не предусмотрена.",
        "لن نتتبع المتظاهرين.",
        "跟踪抗议者不在范围内。",
    ],
)
def test_a_denial_of_the_act_itself_is_still_a_denial(text: str) -> None:
    assert categories(text) == set()


# Consent the seller claims for third parties bounds nothing of an act on a protected group
# or on people held: (act, the same act with consent claimed)
CONSENT = [
    ("Track the movements of detainees.", "Track the movements of detainees with their consent."),
    (
        "Track the movements of detainees.",
        "Track the movements of detainees with the families' consent.",
    ),
    ("Detain protesters.", "Detain protesters with the consent of the detainees' families."),
    ("Track journalists' phones.", "Track journalists' phones with their consent."),
    (
        "Suivre les déplacements des détenus.",
        "Suivre les déplacements des détenus avec le consentement des familles.",
    ),
    (
        "Rastrear los movimientos de los detenidos.",
        "Rastrear los movimientos de los detenidos con el consentimiento de las familias.",
    ),
    (
        "Rastrear os movimentos dos detidos.",
        "Rastrear os movimentos dos detidos com o consentimento das famílias.",
    ),
    (
        "Отслеживать перемещения задержанных.",
        "Отслеживать перемещения задержанных с согласия родственников.",
    ),
    ("تتبع تحركات المعتقلين.", "تتبع تحركات المعتقلين بموافقة الأسرة."),
    ("追踪被拘留者的行踪。", "追踪被拘留者的行踪，经家属同意。"),
]


@pytest.mark.parametrize(("act", "text"), CONSENT)
def test_consent_claimed_for_others_does_not_cancel_an_act_on_people_held_or_protected(
    act: str, text: str
) -> None:
    assert categories(act)
    assert categories(text) >= categories(act)


@pytest.mark.parametrize(
    "text",
    [
        "Locate residents with dementia who wander, with their families' consent.",
        "Call recording for the bank's contact centre, with consent of callers.",
    ],
)
def test_consent_still_bounds_an_act_on_residents_in_care_or_callers(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Mass interception of all subscriber calls, audited by the data protection authority.",
        "Interception massive de tous les appels des abonnés, auditée par l'autorité de "
        "protection des données.",
        "Interceptación masiva de todas las llamadas de los abonados, auditada por la "
        "autoridad de protección de datos.",
        "Interceptação em massa de todas as chamadas dos assinantes, auditada pela autoridade "
        "de proteção de dados.",
        "الاعتراض الجماعي لجميع مكالمات المشتركين، بتدقيق من هيئة حماية البيانات.",
        "大规模拦截所有用户的通话，由数据保护机构审计。",
        "Retain all subscribers' messages for five years, audited by the data protection "
        "authority.",
        "Conservar los mensajes de todos los abonados durante cinco años, auditado por la "
        "autoridad de protección de datos.",
        "Guardar as mensagens de todos os assinantes por cinco anos, auditado pela autoridade "
        "de proteção de dados.",
        "保存所有用户的短信五年，由数据保护机构审计。",
        "Хранить сообщения всех абонентов пять лет под контролем органа по защите данных.",
    ],
)
def test_an_audit_does_not_cancel_the_interception_of_everyones_communications(text: str):
    """Bulk interception is the interception red flag whoever is named; a data-protection
    audit is no judge."""
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Monitor the network for attacks.",
        "Surveiller le réseau contre les attaques.",
        "Monitorear la red contra ataques.",
        "Monitorar a rede contra ataques.",
        "مراقبة الشبكة ضد الهجمات.",
        "Мониторинг сети на предмет атак.",
        "监控网络以防攻击。",
        "Lawful interception of one named suspect's calls under a court warrant.",
        "Interception légale des appels d'un suspect nommé sur mandat du juge.",
        "Interceptación legal de las llamadas de un sospechoso concreto con orden judicial.",
        "Interceptação legal das chamadas de um suspeito identificado mediante ordem judicial.",
        "اعتراض قانوني لمكالمات مشتبه به محدد بموجب أمر قضائي.",
        "Законный перехват звонков конкретного подозреваемого по решению суда.",
        "根据法院命令对特定嫌疑人的通话进行合法拦截。",
    ],
)
def test_targeted_lawful_interception_and_network_defence_stay_benign(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    ("padding", "act"),
    [
        ("We will not track protesters and ", "the police want us to track protesters."),
        ("Nous ne suivrons pas les manifestants et ", "la police veut suivre les manifestants."),
        ("我们不会跟踪抗议者和", "警察要我们跟踪抗议者。"),
    ],
)
def test_a_sentence_repeating_a_denied_act_does_not_hide_the_act_asked_for(
    padding: str, act: str
) -> None:
    """The reader once kept only the first 64 places of a word in a sentence: 65 denied
    acts before the real one hid it."""
    assert categories(act) <= categories(padding * 65 + act)
    assert categories(act)


def _lines_run(text: str) -> int:
    """The lines of the reader's code run to read ``text`` (its lexicon compiled first):
    the work, counted, not timed."""
    import os
    import sys

    import rules.textsignals as package
    from tests.rules_engine.reading import PACK

    root = os.path.dirname(package.__file__)
    count = 0

    def local(frame, event, arg):
        nonlocal count
        count += event == "line"
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(root) else None

    categories("Warm-up: track protesters.")
    PACK.lexicon.reads.clear()
    sys.settrace(calls)
    try:
        categories(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize(
    "padding",
    [
        "We will not track protesters and ",
        "malware protesters track phones ",
        "phone ",
        "我们不会跟踪抗议者和",
    ],
)
def test_the_work_of_reading_a_padded_sentence_grows_with_its_length_only(padding: str):
    """Every place of a word is kept, so the work must stay linear: twice the padding,
    about twice the lines run (a pairwise comparison would be four times)."""
    act = "the police want us to track the phones of protesters."
    small = _lines_run(padding * 300 + act)
    large = _lines_run(padding * 600 + act)
    assert large < 2.5 * small


@pytest.mark.parametrize(
    "sentences",
    [
        "Under a court order, intercept the calls of the named suspect in Kharkiv. "
        "Journalists' requests are logged. Call records are never shared with the police. ",
        "通话记录不会提供给警方。记者的采访请求由系统跟踪。根据法院命令拦截指定嫌疑人的通话。",
    ],
)
def test_the_work_of_reading_many_court_orders_grows_with_their_number_only(sentences: str):
    """Whether what is intercepted is handed on to a state body is worked out once a text,
    not once a court order: twice the sentences, about twice the lines run."""
    small = _lines_run(sentences * 10)
    large = _lines_run(sentences * 20)
    assert large < 2.5 * small


AUDITED = ", audited by the data-protection authority."


@pytest.mark.parametrize(
    "text",
    [
        "Interceptar todas las llamadas de los abonados, auditado por la autoridad de "
        "protección de datos.",
        "Interceptar todas as chamadas dos assinantes, auditado pela autoridade de proteção "
        "de dados.",
        "Interceptar todas as chamadas da rede nacional, auditado pela autoridade de proteção "
        "de dados.",
        "Intercept every call on the network" + AUDITED,
        "Intercept all calls nationwide" + AUDITED,
        "Intercept all customer calls" + AUDITED,
        "Intercept all users' calls" + AUDITED,
        "Intercept everyone's calls" + AUDITED,
        "Intercept the communications of all residents" + AUDITED,
        "Intercept the calls of all the mobile network's subscribers" + AUDITED,
        "Interception de tous les appels du réseau, auditée par l'autorité de protection des "
        "données.",
        "اعتراض كل المكالمات تحت إشراف هيئة حماية البيانات.",
        "截获全部通话，由数据保护机构审计。",
        "截获所有通话，由数据保护机构审计。",
        "截获所有客户的通话，由数据保护机构审计。",
        "Intercept every call on the network, with their consent.",
        "Intercepter tous les appels du réseau, avec le consentement de l'opérateur.",
    ],
)
def test_intercepting_all_of_a_networks_calls_is_bulk_in_any_word_order(text: str) -> None:
    """ "All", "every", "cada", "كل", "所有" anywhere in the object of an interception act,
    over calls, subscribers, the network or the country: an audit or consent cancels
    nothing."""
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bulk SMS to all subscribers for outage alerts.",
        "All subscribers' calls are encrypted.",
        "Mass notification system.",
        "Record all customer calls for quality with consent.",
        "Lawful interception of all calls of one named suspect under a court warrant.",
    ],
)
def test_all_subscribers_without_interception_or_of_one_suspect_stays_benign(text: str):
    assert categories(text) == set()


@pytest.mark.parametrize(
    ("act", "text"),
    [
        (
            "Track the movements of people in custody.",
            "Track the movements of people in custody with their families' consent.",
        ),
        (
            "Rastrear los movimientos de las personas bajo custodia.",
            "Rastrear los movimientos de las personas bajo custodia con el consentimiento de "
            "las familias.",
        ),
        (
            "Отслеживать перемещения лиц под стражей.",
            "Отслеживать перемещения лиц под стражей с согласия родственников.",
        ),
    ],
)
def test_consent_does_not_cancel_an_act_on_people_in_custody(act: str, text: str) -> None:
    assert categories(act)
    assert categories(text) >= categories(act)


@pytest.mark.parametrize(
    "text",
    [
        "Intercept the calls of protesters, under a warrant issued by the interior minister.",
        "Intercept all subscribers' calls, under a warrant signed by the minister.",
        "Перехват всех звонков абонентов по ордеру министра.",
        "Intercepter tous les appels des abonnés, sur mandat du ministre.",
        "Intercept all subscribers' calls, authorised by a judge of the security council.",
        "Intercept all subscribers' calls, under judicial oversight by the military prosecutor.",
    ],
)
def test_a_warrant_issued_by_no_judge_is_no_judicial_oversight(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lawful interception of one named suspect's calls under a warrant issued by a judge.",
        "Lawful interception of one named suspect's calls under a court warrant requested by "
        "the police.",
    ],
)
def test_a_judges_warrant_asked_for_by_the_police_still_bounds_targeted_interception(
    text: str,
) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Do not store the data, track the phones of protesters.",
        "Never shared, locate the phones of journalists in real time.",
        "Ne pas conserver les données, localiser les téléphones des journalistes.",
        "No almacenar los datos, rastrear los teléfonos de los manifestantes.",
    ],
)
def test_a_negation_does_not_deny_the_act_of_the_next_clause(text: str) -> None:
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "We will not track protesters, journalists or students.",
        "We will not, under any circumstances, track protesters.",
        "Nous ne suivrons pas les manifestants, les journalistes ni les étudiants.",
        "Мы не будем отслеживать протестующих, журналистов и студентов.",
    ],
)
def test_a_negated_act_listing_its_targets_is_still_denied(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Intercept the calls of journalists for compliance.", "interception"),
        ("Track the phones of protesters for compliance purposes.", "tracking"),
        ("Track the phones of protesters for malware detection.", "tracking"),
        ("Locate the phones of protesters for fraud prevention.", "tracking"),
        ("Перехватывать звонки журналистов для комплаенса.", "interception"),
        ("Rastrear los teléfonos de los manifestantes para la detección de malware.", "tracking"),
        (
            "Suivre les téléphones des manifestants pour la détection de logiciels malveillants.",
            "tracking",
        ),
        ("Rastrear os telefones dos manifestantes para a detecção de malware.", "tracking"),
        ("تتبع هواتف المتظاهرين لأغراض الامتثال", "tracking"),
        ("跟踪抗议者的手机用于反欺诈", "tracking"),
    ],
)
def test_a_purpose_after_an_act_on_a_protected_group_does_not_cancel_it(text, category) -> None:
    """Benign words naming a purpose after the act ("for malware detection", "for
    compliance") are the seller's pretext: the act on the protesters is still read."""
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Block malware sites for the protection of journalists.",
        "Block phishing and malware sites for the newsroom.",
    ],
)
def test_a_purpose_still_bounds_an_act_on_no_protected_group(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "We do not track, monitor or intercept journalists' communications.",
        "The platform does not store, profile, or monitor journalists.",
    ],
)
def test_a_negation_before_a_list_of_acts_denies_every_act_of_it(text: str) -> None:
    """The comma after the first act of a list does not end the negation's clause: an
    ethics statement denying several acts raises nothing."""
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Lawful interception of a suspect's calls under a warrant from the administrative court.",
        "Lawful interception of a suspect's calls under a court order under our privacy policy.",
        "Lawful interception of a suspect's calls under a court order executed by the police.",
        "Lawful interception of a suspect's calls, sur mandat du juge administratif.",
        "Interceptación legal de las llamadas de un sospechoso con orden judicial ejecutada "
        "por la policía.",
    ],
)
def test_a_judges_order_is_not_taken_for_one_issued_by_no_judge(text: str) -> None:
    """An issuer is a word of its own ("minist" is not in "administrative", "polic" not in
    "policy"), and the police carrying out a judge's order issue nothing."""
    assert "interception" not in categories(text)


@pytest.mark.parametrize(
    "clause",
    [
        "call records never shared with police, ",
        "call records never shared with police only with the Interior Ministry except in bulk "
        "or until phase 2, ",
    ],
)
def test_the_work_of_reading_a_long_sentence_of_denied_hand_overs_grows_with_its_length_only(
    clause: str,
) -> None:
    """Which hand-overs a sentence denies, and which denials are lifted, is worked out once
    a sentence, not once a match: twice the clauses with no full stop, about twice the
    lines run (once a match and act would be four to eight times)."""
    small = _lines_run(clause * 12)
    large = _lines_run(clause * 24)
    assert large < 2.5 * small
