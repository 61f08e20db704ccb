"""Wordings a review of the default lexicon found read wrongly, each a worked case in the
seven languages where the same wording applies: ordinary deals that raised a red flag (a
newsroom's investigative journalists, a mosque or temple buying Wi-Fi, a safety device, an
internet bill cut, faults located on a network, emergency calls located for the rescue
services) and a messaging app switched off for a region in Chinese, which raised nothing.
Beside each, the red flag the same words still raise when they are done to people."""

from __future__ import annotations

import pytest

from rules.textsignals.reader import read_one
from tests.rules_engine.reading import PACK, categories


def _quotes(text: str) -> set[tuple[str, str]]:
    return {(c, q) for c, _lang, q in read_one(text, PACK.lexicon)}


@pytest.mark.parametrize(
    "text",
    [
        # A newsroom's investigative journalists are its staff, not journalists investigated.
        "The newspaper is buying 40 laptops for its investigative journalists.",
        "Le journal achète 40 ordinateurs portables pour ses journalistes d'investigation.",
        "El periódico compra 40 portátiles para sus periodistas de investigación.",
        "O jornal compra 40 laptops para os seus jornalistas investigativos.",
        "تشتري الصحيفة 40 حاسوبا محمولا لصحفييها الاستقصائيين.",
        "Газета закупает 40 ноутбуков для своих журналистов-расследователей.",
        "报社为其调查记者采购40台笔记本电脑。",
        # A place of worship buying Wi-Fi and its own network monitoring is a customer.
        "شبكة واي فاي للمسجد",
        "شبكة واي فاي للمسجد مع نظام مراقبة الشبكة.",
        "تركيب شبكة واي فاي للمسجد ومراقبة أداء الشبكة.",
        "为寺庙安装无线网络",
        "为寺庙安装无线网络，识别接入设备。",
        "The mosque buys Wi-Fi access points and network monitoring.",
        "The church buys network switches and a Wi-Fi controller that counts connected devices.",
        "La mosquée achète du Wi-Fi avec une surveillance du réseau.",
        "La mezquita compra wifi con monitoreo de la red.",
        "A mesquita compra Wi-Fi com monitoramento da rede.",
        "Wi-Fi для храма с мониторингом сети и учетом трафика.",
        # A safety device is no security service.
        "Supply of a safety device for the construction sites.",
        "Fourniture d'un appareil de sécurité pour les chantiers.",
        "Les appareils de sécurité seront installés dans l'usine.",
        "Suministro de un aparato de seguridad para las obras.",
        "Os aparelhos de segurança serão instalados na fábrica.",
        "توريد جهاز أمان لمواقع البناء.",
        "Поставка устройства безопасности для строительных площадок.",
        "为建筑工地提供安全装置。",
        # Cutting the internet bill is no shutdown.
        "The project will cut the internet cost for schools by half.",
        "Le projet va couper le coût d'internet des écoles de moitié.",
        "El proyecto va a cortar el costo de internet de las escuelas a la mitad.",
        "O projeto vai cortar o custo da internet das escolas pela metade.",
        "سيقطع المشروع تكلفة الإنترنت للمدارس إلى النصف.",
        "Проект урежет стоимость интернета для школ вдвое.",
        "该项目将把学校的互联网费用削减一半。",
        # Faults are located, not people.
        "The tool helps engineers pinpoint the location of faults in the fibre network.",
        "L'outil aide les ingénieurs à localiser précisément l'emplacement des pannes du réseau de fibre.",
        "La herramienta ayuda a los ingenieros a localizar con precisión la ubicación de las averías en la red de fibra.",
        "A ferramenta ajuda os engenheiros a localizar com precisão a localização das falhas na rede de fibra.",
        "تساعد الأداة المهندسين على تحديد موقع الأعطال في شبكة الألياف بدقة.",
        "Инструмент помогает инженерам точно определить местоположение неисправностей в оптической сети.",
        "该工具帮助工程师精确定位光纤网络中故障的位置。",
        # An emergency call is located for the rescue services.
        "Geolocation of subscribers' emergency calls for the 112 service.",
        "Géolocalisation des appels d'urgence des abonnés pour le 112.",
        "Geolocalización de las llamadas de emergencia de los abonados para el 112.",
        "Geolocalização das chamadas de emergência dos assinantes para o 112.",
        "تحديد الموقع الجغرافي لمكالمات الطوارئ للمشتركين لخدمة 112.",
        "Геолокация экстренных вызовов абонентов для службы 112.",
        "为112服务对用户的紧急呼叫进行地理定位。",
    ],
)
def test_an_ordinary_deal_raises_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    ("text", "category", "quote"),
    [
        (
            "Track the phones of investigative journalists.",
            "targets_dissent",
            "Track the phones of investigative journalists",
        ),
        ("监控调查记者的手机。", "targets_dissent", "监控调查记者"),
        (
            "Investigate the journalists who wrote about the minister.",
            "targets_dissent",
            "Investigate the journalists",
        ),
        (
            "Monitor the network of mosques in the region.",
            "profiling",
            "Monitor the network of mosques",
        ),
        (
            "Surveiller le réseau des mosquées de la région.",
            "profiling",
            "Surveiller le réseau des mosquées",
        ),
        ("مراقبة شبكة المساجد في المنطقة.", "profiling", "مراقبة شبكة المساجد"),
        (
            "Count the worshippers' connected devices at the mosque.",
            "profiling",
            "Count the worshippers",
        ),
        (
            "El aparato de seguridad del régimen compra el software.",
            "security_services",
            "aparato de seguridad del régimen compra",
        ),
        (
            "Cut the internet in the province during the protests.",
            "censorship",
            "Cut the internet in the province during the protests",
        ),
        (
            "Pinpoint the location of protesters' phones.",
            "tracking",
            "Pinpoint the location of protesters' phones",
        ),
        (
            "Geolocation of subscribers who attended the protest.",
            "tracking",
            "Geolocation of subscribers who attended the protest",
        ),
    ],
)
def test_the_same_words_done_to_people_still_read(text: str, category: str, quote: str) -> None:
    assert (category, quote) in _quotes(text)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("在该地区关掉WhatsApp。", "关掉WhatsApp"),
        ("在新疆关闭微信。", "新疆关闭微信"),
        ("关掉该省的WhatsApp和Telegram。", "关掉该省的WhatsApp"),
        ("在投票期间关掉该地区的WhatsApp。", "关掉该地区的WhatsApp"),
        ("Shut down WhatsApp in the region during the vote.", "Shut down WhatsApp in the region"),
        ("Couper WhatsApp dans la région pendant le vote.", "Couper WhatsApp dans la région"),
        ("Cortar WhatsApp en la región durante la votación.", "Cortar WhatsApp en la región"),
        ("Desligar o WhatsApp na região durante a votação.", "Desligar o WhatsApp na região"),
        ("إيقاف واتساب في المنطقة أثناء التصويت.", "إيقاف واتساب في المنطقة"),
        (
            "Отключить WhatsApp в регионе во время голосования.",
            "Отключить WhatsApp в регионе во время голосования",
        ),
    ],
)
def test_a_messaging_app_switched_off_for_a_region_is_censorship(text: str, quote: str) -> None:
    assert ("censorship", quote) in _quotes(text)
