"""What a court order or a retention period does not bound: the calls of a whole city or
country (the quantifier before the act or after it, in either voice), everyone near a
protest listed, recordings handed on to a security body, everyone's traffic kept for
years. A court order to intercept one named suspect's phone for a month, the police
receiving it, or a retention of a month still raises nothing. Worked cases with the
default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "Under a court order, intercept all mobile calls in the city of Kharkiv for 60 days.",
        "Under a court order, intercept all calls in Iran.",
        "Under a court order, record all mobile calls in the city of Kharkiv for 60 days.",
        "Under a court order, monitor all mobile calls in the city of Kharkiv for 60 days.",
        "Under a court order, record all calls in Iran.",
        "Under a court order, monitor all internet traffic in Iran.",
        "All mobile calls in the city of Kharkiv will be intercepted for 60 days under a court order.",
        "Under a court order, intercept the communications of the whole city.",
        "Under a court order, intercept the calls of everyone in Kharkiv.",
        "Avec une ordonnance du tribunal, enregistrer tous les appels dans la ville de Kharkiv pendant 60 jours.",
        "Sur ordonnance du tribunal, enregistrer toutes les communications sur l'ensemble du territoire national.",
        "Tous les appels de la ville de Kharkiv seront interceptés pendant 60 jours sur ordonnance du tribunal.",
        "Con orden judicial, grabar todas las llamadas en la ciudad de Járkov durante 60 días.",
        "Con orden judicial, grabar todas las llamadas en Irán.",
        "Todas las llamadas de la ciudad serán interceptadas durante 60 días con orden judicial.",
        "Com ordem judicial, gravar todas as chamadas na cidade de Kharkiv durante 60 dias.",
        "Com ordem judicial, gravar todas as chamadas no Irã.",
        "По решению суда записывать все звонки в городе Харькове в течение 60 дней.",
        "По решению суда записывать все звонки в Иране.",
        "Все звонки в городе Харькове будут перехватываться 60 дней по решению суда.",
        "بموجب أمر قضائي، تسجيل جميع المكالمات في مدينة خاركيف لمدة 60 يوما.",
        "بموجب أمر قضائي، تسجيل جميع المكالمات في العاصمة.",
        "根据法院命令，录制哈尔科夫市所有手机通话60天。",
        "根据法院命令，监控全市所有通话。",
        "Under a court order, record all calls in Kharkiv to find a suspect.",
        "Under a court order, record the calls of all residents of Kharkiv.",
        "Under a court order, record all Kharkiv calls.",
        "A judge has authorised us to record every call placed from Mariupol for two months.",
        "С санкции суда записывать все СМС, отправленные в Минске в апреле.",
        "Con autorización judicial, grabar todos los SMS enviados en Caracas en abril.",
        "Sous contrôle du juge, enregistrer tous les SMS envoyés à Minsk en avril.",
        "Com autorização judicial, gravar todas as mensagens enviadas em Luanda em abril.",
        "根据法院命令，录制伊朗境内所有通话。",
    ],
)
def test_a_court_order_for_a_whole_city_or_country_bounds_nothing(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Under a court order, track the location of every phone in Kharkiv for 60 days.",
        "Under a court order, geolocate all subscribers in the Donetsk region.",
        "Por orden judicial, rastrear todos los teléfonos en Caracas durante 60 días.",
        "Par décision de justice, localiser tous les téléphones à Minsk pendant 60 jours.",
        "По решению суда отслеживать местоположение всех телефонов в Минске 60 дней.",
        "根据法院命令，追踪德黑兰市所有手机的位置60天。",
    ],
)
def test_a_court_order_to_track_every_phone_in_a_city_bounds_nothing(text: str) -> None:
    assert "tracking" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "By court order, list all subscribers whose phones were near the square during the rally.",
        "All subscribers whose phones were near the square during the rally will be listed under a court order.",
        "Under a court order, list the subscribers near the square during the rally.",
        "По решению суда составить список всех абонентов, чьи телефоны находились рядом с площадью во время митинга.",
        "根据法院命令，列出集会期间手机在广场附近的所有用户。",
        "بموجب أمر قضائي، قائمة بجميع المشتركين الذين كانت هواتفهم بالقرب من الساحة أثناء التجمع.",
        "Por ordem judicial, listar todos os assinantes cujos telefones estavam perto da praça durante o protesto.",
    ],
)
def test_a_court_order_to_list_everyone_near_a_protest_bounds_nothing(text: str) -> None:
    assert "targets_dissent" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Intercept a suspect's calls under a court order; the recordings go to the KGB's 5th directorate.",
        "Court-ordered interception of calls; the recordings go to the KGB's 5th directorate.",
        "Intercept a suspect's calls under a court order. The recordings are then passed to the intelligence service.",
        "Under a court order, intercept a suspect's calls and pass the recordings to the secret police.",
        "Under a court order, intercept a suspect's calls; the security service gets a copy.",
        "Перехват звонков подозреваемого по решению суда; записи передаются в 5-е управление КГБ.",
        "Intercepter les appels d'un suspect sur ordonnance du tribunal ; les enregistrements vont à la DGSI.",
        "Interceptar las llamadas de un sospechoso con orden judicial; las grabaciones se envían a los servicios de inteligencia.",
        "Interceptar as chamadas de um suspeito com ordem judicial; as gravações são enviadas aos serviços de inteligência.",
        "اعتراض مكالمات المشتبه به بأمر قضائي، وترسل التسجيلات إلى المخابرات.",
        "根据法院命令截获嫌疑人的通话，录音交给国家安全部门。",
        "By court order, the recordings of all calls in Minsk are shared with the KGB.",
        "Under a court order, intercept the suspect's calls; a copy is kept for the KGB.",
        "Under a court order, the recordings of a suspect's calls are shared with the intelligence directorate.",
        "Con orden judicial, interceptar las llamadas de un sospechoso y compartir las grabaciones con la inteligencia militar.",
    ],
)
def test_a_court_order_does_not_bound_recordings_handed_to_a_security_body(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Retain all subscriber communications for 3 years, in compliance with the retention period set by law.",
        "Nous conservons tout le trafic des abonnés pendant deux ans conformément à la loi sur la conservation.",
        "We keep all subscribers' traffic for two years under the retention law.",
        "Retain all subscriber communications for 3 years, encrypted at rest.",
    ],
)
def test_a_retention_law_does_not_bound_everyones_traffic_kept_for_years(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Retain all subscriber communications for 30 days, in compliance with the retention period set by law.",
        "Under a court order, intercept the phone of one named suspect for 30 days.",
        "Under a court order, intercept all calls of the named suspect in Kharkiv for 30 days.",
        "Under a court order, the police intercept the calls of one named suspect for 30 days.",
        "Under a court order, record all calls in English for the named suspect.",
        "Con orden judicial, intervenir el teléfono de un sospechoso durante 30 días.",
        "Sur ordonnance du tribunal, intercepter le téléphone d'un suspect pendant 30 jours.",
        "Com ordem judicial, interceptar o telefone de um suspeito durante 30 dias.",
        "По решению суда перехватывать звонки одного подозреваемого в течение 30 дней.",
        "بموجب أمر قضائي، اعتراض هاتف مشتبه به واحد لمدة 30 يوما.",
        "根据法院命令，截获一名嫌疑人的电话30天。",
        "Under a court order, list the subscribers whose phones were near the bank during the robbery.",
        "Under a court order, record all calls to our helpdesk in Kyiv for quality.",
        "Under a court order, record every call from Ivan Petrov.",
        "Under a court order, all calls on the suspect's line in Kyiv are recorded.",
        "Record all customer calls for quality, under a court order where required.",
        "Under a court order, track the location of one suspect's phone in Kharkiv for 60 days.",
        "Under a court order, record all calls of the phone number 380501234567 in Kyiv.",
        "Under a court order, provide all call records of one subscriber in Kyiv.",
        "Under a court order, record all calls of the company director in Lviv.",
        "Under a court order, the operator records all calls of Mr Ivanov in Lviv.",
    ],
)
def test_a_court_order_still_bounds_one_named_suspect_for_a_month(text: str) -> None:
    assert categories(text) == set()
