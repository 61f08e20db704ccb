"""What the reader finds in deal descriptions in English, French, Spanish and Portuguese.

Sentences written for these tests (not taken from the labelled evaluation texts): for each
category a dangerous description per language, and benign ones that use the same alarming
words innocently. Worked cases, no database.
"""

from __future__ import annotations

import pytest

from rules.engine import load_pack
from rules.textsignals import CATEGORIES, LexiconEntry, compile_lexicon
from rules.textsignals.reader import read_one

LEXICON = load_pack().lexicon


def categories(text: str) -> set[str]:
    """The red-flag categories read (a prison named is a fact about the end user, none)."""
    return {c for c, _lang, _q in read_one(text, LEXICON) if c in CATEGORIES}


# -- accents: a rep who types without them is read as one who types with them ------------


@pytest.mark.parametrize(
    ("phrase", "language", "text"),
    [
        # the phrase has the accents, the text has none
        ("sécurité ~ réfugiés", "fr", "La securite doit retrouver les refugies."),
        ("localização ~ manifestações", "pt", "Localizacao dos participantes das manifestacoes."),
        # the text has the accents, the phrase has none
        ("securite ~ refugies", "fr", "La sécurité doit retrouver les réfugiés."),
        ("localizacao ~ manifestacoes", "pt", "Localização dos participantes das manifestações."),
        # a word's beginning (``word*``) too
        ("détent* ~ opposants", "fr", "Centre de detention pour les opposants."),
        ("detenc* ~ opositores", "es", "Centro de detención para los opositores."),
    ],
)
def test_accents_left_out_on_either_side_still_match(phrase: str, language: str, text: str) -> None:
    lexicon = compile_lexicon([LexiconEntry(phrase, language, "detention", "test")])
    assert [c for c, _lang, _q in read_one(text, lexicon)] == ["detention"]


def test_a_negation_typed_without_its_accent_still_negates() -> None:
    lexicon = compile_lexicon([LexiconEntry("vigiar ~ jornalistas", "pt", "targets_dissent", "t")])
    assert read_one("O sistema nao vai vigiar jornalistas.", lexicon) == []
    assert read_one("El sistema jamas vigilara a los periodistas.", LEXICON) == []


@pytest.mark.parametrize(
    "text",
    [
        # "nothing", "nobody" negate like "not"
        "Nothing is intercepted without a warrant.",
        "Nada se intercepta sin orden judicial.",
        "Nadie escucha llamadas sin orden judicial.",
        "Rien n'est intercepté sans mandat.",
        "Ninguém escuta chamadas sem mandado.",
        # goods, not people, held in custody
        "Goods held in customs custody until the duty is paid.",
        "Mercancías retenidas bajo custodia aduanera hasta el pago.",
        # an attack on a newsroom is what the deal defends against
        "Our journalists' accounts were compromised last year, so the newsroom needs two-factor login.",
    ],
)
def test_negated_or_benign_sentences_with_alarming_words_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The customer wants to install spyware on the phones of two investigative reporters.",
            "targets_dissent",
        ),
        ("Le client veut pirater les téléphones des opposants exilés à Paris.", "targets_dissent"),
        (
            "El cliente quiere infectar los celulares de los líderes sociales con un programa espía.",
            "targets_dissent",
        ),
        ("O cliente quer hackear os celulares de ativistas ambientais.", "targets_dissent"),
        (
            "The tool should identify everyone who attended Saturday's protest from the drone footage.",
            "targets_dissent",
        ),
        (
            "L'outil doit identifier les participants aux rassemblements de samedi à partir des vidéos.",
            "targets_dissent",
        ),
        (
            "La herramienta debe identificar a los asistentes a las protestas del sábado.",
            "targets_dissent",
        ),
        (
            "A ferramenta deve identificar os participantes dos protestos de sábado.",
            "targets_dissent",
        ),
        (
            "Social-media analytics to monitor opposition party supporters before the vote.",
            "targets_dissent",
        ),
        (
            "Analyse des réseaux sociaux pour surveiller les partisans de l'opposition avant le scrutin.",
            "targets_dissent",
        ),
        (
            "Analítica de redes para vigilar a los simpatizantes de la oposición antes de la votación.",
            "targets_dissent",
        ),
        (
            "Análise de redes sociais para monitorar apoiadores da oposição antes da votação.",
            "targets_dissent",
        ),
        ("Emotion recognition cameras will flag Uyghur passengers at the station.", "profiling"),
        ("Collect DNA samples and sort residents by ethnic group.", "profiling"),
        (
            "Le système doit déduire l'origine ethnique des passants à partir de leur visage.",
            "profiling",
        ),
        ("El sistema debe inferir el origen étnico de los transeúntes por su rostro.", "profiling"),
        ("O sistema deve inferir a origem étnica dos transeuntes pelo rosto.", "profiling"),
        ("Voice analysis to detect speakers from the Kurdish minority on calls.", "profiling"),
        (
            "The gateway must block VPNs and Tor nationwide during the election period.",
            "censorship",
        ),
        (
            "Shut down mobile internet in the eastern province whenever there is unrest.",
            "censorship",
        ),
        ("Bloquer les VPN et Tor dans tout le pays pendant la période électorale.", "censorship"),
        ("Cortar el internet móvil en la provincia cuando haya disturbios.", "censorship"),
        ("Desligar a internet móvel na região sempre que houver distúrbios.", "censorship"),
        (
            "Filter keywords related to the protests and remove posts mentioning the president.",
            "censorship",
        ),
        ("The ministry wants to read subscribers' messages without a court order.", "interception"),
        (
            "Le ministère veut écouter les appels des abonnés sans autorisation judiciaire.",
            "interception",
        ),
        (
            "El ministerio quiere escuchar las llamadas de los abonados sin orden judicial.",
            "interception",
        ),
        (
            "O ministério quer escutar as chamadas dos assinantes sem ordem judicial.",
            "interception",
        ),
        (
            "Mirror all subscriber voice traffic to the interior ministry's monitoring centre.",
            "interception",
        ),
        (
            "Bulk collection of call records of every subscriber for the security service.",
            "interception",
        ),
        ("Locate the phone numbers provided by the agency in real time.", "tracking"),
        ("Localiser en temps réel les numéros de téléphone fournis par le client.", "tracking"),
        ("Localizar en tiempo real los números de teléfono que entregue la agencia.", "tracking"),
        ("Localizar em tempo real os números de telefone enviados pela agência.", "tracking"),
        ("The end user is the General Intelligence Directorate.", "security_services"),
        ("L'utilisateur final est la direction générale du renseignement.", "security_services"),
        ("El usuario final es la Dirección General de Inteligencia.", "security_services"),
        ("O usuário final é a Agência Brasileira de Inteligência.", "security_services"),
        ("Equipment for the security forces of the interior ministry.", "security_services"),
        ("Cameras for the interrogation cells of the prison.", "detention"),
        ("The system keeps records of people held without trial.", "detention"),
        ("Gestion des personnes détenues au secret dans les centres de détention.", "detention"),
        ("Software para gestionar a los presos políticos del penal.", "detention"),
        ("Sistema para gerir os presos políticos do presídio.", "detention"),
        (
            "The intelligence service will have direct access to subscribers' call records.",
            "interception",
        ),
        ("Le centre d'écoute recevra tous les appels des abonnés du pays.", "interception"),
        ("El centro de monitoreo recibirá todas las llamadas de los abonados.", "interception"),
        ("O centro de monitoramento vai receber todas as ligações dos assinantes.", "interception"),
        ("No judge is involved: the police choose whose calls to record.", "interception"),
        ("Sin orden judicial, la policía elige qué llamadas grabar.", "interception"),
        ("Sem mandado, a polícia escolhe quais chamadas gravar.", "interception"),
        ("Sans mandat, la police choisit quels appels enregistrer.", "interception"),
        (
            "The operator must hand over subscriber data and browsing history to the security service on request.",
            "interception",
        ),
        ("Airport screening: extra checks for passengers of Kurdish descent.", "profiling"),
        ("Contrôles renforcés pour les voyageurs d'origine kurde et les musulmans.", "profiling"),
        ("Revisión adicional para pasajeros de origen étnico gitano.", "profiling"),
        ("Abordar e interrogar os passageiros muçulmanos no aeroporto.", "profiling"),
        ("Block LGBT websites and petitions on the national gateway.", "censorship"),
        ("Unmask the anonymous accounts that criticise the governor.", "targets_dissent"),
        ("Démasquer les comptes anonymes qui critiquent le gouverneur.", "targets_dissent"),
        ("Desenmascarar las cuentas anónimas que critican al gobernador.", "targets_dissent"),
        ("Desmascarar as contas anônimas que criticam o governador.", "targets_dissent"),
    ],
)
def test_a_described_red_flag_raises_its_category(text: str, expected: str) -> None:
    assert expected in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Block malware sites on the guest network.",
        "Monitor the network for attacks and alert the SOC.",
        "Detect intruders in the warehouse at night.",
        "Bloquer les sites malveillants sur le réseau invité.",
        "Surveiller le réseau pour détecter les attaques.",
        "Détecter les intrus dans l'entrepôt la nuit.",
        "Bloquear sitios maliciosos en la red de invitados.",
        "Monitorear la red para detectar ataques.",
        "Detectar intrusos en el almacén por la noche.",
        "Bloquear sites maliciosos na rede de convidados.",
        "Monitorar a rede para detectar ataques.",
        "Detectar intrusos no armazém à noite.",
        "Intelligent video analytics service for the retail chain.",
        "Port mirroring of our own traffic to the SOC for intrusion detection.",
        "Newsroom laptops so journalists can record and edit interviews.",
        "Journalists and editors need laptops to compile reports on the elections.",
        "Les journalistes de la rédaction ont besoin d'ordinateurs pour couvrir les élections.",
        "Los periodistas de la redacción necesitan portátiles para cubrir las elecciones.",
        "Os jornalistas da redação precisam de computadores para cobrir as eleições.",
        "Block social media on the staff PCs of the country's largest bank.",
        "Data-loss prevention to block sensitive keywords in outgoing emails.",
        "Licence plate recognition for the car park of the shopping centre.",
        "Parking: licence plate readers open the gate for registered drivers.",
        "Hold pre-trial hearings by video for the courts.",
        "We keep the spare parts without charge for five years.",
        "Secure the phones of journalists against spyware.",
        "Bulk SMS platform that sends appointment reminders to patients.",
        "Track the numbers of visitors in the museum.",
        "Survey of skin tone for foundation shade matching in our cosmetics stores.",
        "Biometric enrolment for indigenous communities' health cards, with consent.",
        "Container detention and demurrage charges at the port.",
        "Internamiento hospitalario: monitores para la UCI.",
        "Reeducación postural: equipos para la clínica de fisioterapia.",
        "Rééducation fonctionnelle: matériel pour le centre de kinésithérapie.",
        "Customs intelligence unit: laptops and a storage array.",
        "Threat intelligence service for the bank's SOC.",
        "Mapping indigenous lands for the conservation NGO.",
        "The party wants a CRM to list party members and donors.",
        "Lawful interception under a warrant for the licensed operator.",
        "No interception takes place without a warrant.",
        "A network TAP copies traffic to the monitoring tools of the ministry's data centre.",
        "Sistema de entrega que encaminha mensagens aos usuários do governo.",
        "Le système envoie les messages aux usagers de l'administration.",
        "La cárcel necesita un sistema de nóminas para el personal.",
        "The state university's national security studies department needs laptops.",
        "Cameras to stream Sunday mass at the parish church.",
        "Emotion detection for customer satisfaction at the call centre.",
        "The financial intelligence unit receives suspicious transaction reports from banks.",
        "Minority shareholders voice concerns about the merger.",
        "Our supplier diversity programme targets minority-owned businesses.",
        "Redirect users to the captive portal before they reach the news page.",
        "Provide call records to the police only under a court order.",
        "Scan all users' emails for phishing and malware.",
        "Supervisors monitor calls at the contact centre for quality.",
        "Direct access to the communications room for technicians.",
        "An SMS gateway to provide alert messages to police officers.",
        "A monitoring centre for all operators' network outages.",
        "Photo service that finds the faces of runners in the race.",
        "Access control for the religion department of the university.",
        "Find commentators and cartoonists for the ad campaign.",
        "Journalists under pressure of deadlines need faster laptops.",
        "Support for threatened journalists: secure phones and legal advice.",
        "Dog shop wants to identify the breed (raza) of each puppy.",
        "Procure laptops for the religion teachers.",
        "Remove posts from independent sellers that break the rules.",
    ],
)
def test_alarming_words_used_innocently_raise_nothing(text: str) -> None:
    assert categories(text) == set()
