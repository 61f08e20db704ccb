"""Wordings a review found cancelled by benign context that names something else: a fault
word, an internet bill or an emergency call written beside an act on protesters,
journalists or the opposition, or on a whole region's internet; a machine's own
monitoring said of journalists; French "détenir"; Spanish, Portuguese and French
"continue" read as "follow", and calls on hold read as intercepted. Beside them, what the
same words still read."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        # A fault word appended names no fault the act is done to.
        "Block the opposition websites in case of faults.",
        "Block the opposition websites after a breakdown.",
        "Block the opposition websites in case of malfunctions.",
        "Locate the phones of protesters in case of faults.",
        "Shut down the internet in the region during the protests after any breakdown.",
        "Bloquer les sites de l'opposition par défaut.",
        "Bloquear los sitios de la oposición tras el fallo del tribunal.",
        "Bloquear los sitios de la oposición en caso de falla.",
        "Cortar internet en la provincia durante las protestas en caso de avería.",
        "Bloquear os sites da oposição em caso de defeito.",
        "Cortar a internet na província durante os protestos em caso de falha.",
        "Блокировать сайты оппозиции в случае аварии.",
        "قطع الإنترنت عن المتظاهرين عند حدوث عطل",
        "حجب مواقع المعارضة في حالة الأعطال",
        "تحديد الأعطال وهواتف المتظاهرين",
        "عطل مواقع المعارضة",
        # Saving on the internet bill is no reason that cancels a shutdown.
        "Block the opposition websites to cut internet costs.",
        "Cut the internet in the province during protests to reduce internet costs.",
        "Cortar internet a los manifestantes para reducir el costo de internet.",
        "Отключить интернет протестующим, снизить стоимость интернета.",
        "切断抗议者的网络以降低网费",
        # Emergency calls beside the people tracked or intercepted.
        "Track the protesters' phones for the emergency services.",
        "Intercept the calls of journalists, including emergency calls.",
        # Network monitoring said of journalists, activists or the opposition is done to them.
        "Journalists get network monitoring from the police.",
        "The opposition party gets network monitoring of its members' phones.",
        "Journalists and activists are covered by our network monitoring.",
        "Les journalistes sont couverts par notre surveillance du réseau.",
        "Los periodistas quedan bajo nuestro monitoreo de la red.",
        "Os jornalistas ficam sob nosso monitoramento da rede.",
        "Журналисты под мониторингом сети.",
        "记者的流量监控",
        "抗议者：识别接入设备",
        # "Détenir" is read as detention in French.
        "La police détient les manifestants.",
        "Détenir les opposants dans un centre fermé.",
        # Support calls of journalists are theirs.
        "Intervenir las llamadas de soporte de los periodistas.",
        "The platform intercepts support calls of journalists.",
    ],
)
def test_an_act_on_people_or_a_region_still_raises_a_red_flag(text: str) -> None:
    assert categories(text) != set()


@pytest.mark.parametrize(
    "text",
    [
        # A mosque, temple or church buying its own network monitoring is a customer.
        "The mosque buys Wi-Fi access points and network monitoring.",
        "La mosquée achète du Wi-Fi avec une surveillance du réseau.",
        "为寺庙安装无线网络，识别接入设备。",
        # "Continue", not "follow".
        "El proyecto sigue su curso y la capacitación para periodistas comienza en marzo.",
        "La formación sigue con los periodistas de la región.",
        "Siguió la formación con los periodistas locales.",
        "Seguimos trabajando con los periodistas de la región.",
        "A equipe segue com os jornalistas parceiros.",
        "O treinamento segue para jornalistas e estudantes.",
        "Le projet suit son cours avec les journalistes partenaires.",
        # Calls held or joined at the customer's request are no interception.
        "El operador retiene todas las llamadas en espera durante la migración.",
        "El sistema interviene en las llamadas de soporte cuando el cliente lo pide.",
    ],
)
def test_an_ordinary_deal_raises_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "La policía sigue a los periodistas.",
        "Los agentes persiguen a los manifestantes.",
        "A polícia segue os jornalistas.",
        "La police suit les journalistes.",
        "El programa sigue a los periodistas.",
        "La policía siguió a los manifestantes hasta su casa.",
    ],
)
def test_following_people_still_reads(text: str) -> None:
    assert categories(text) != set()
