"""The default lexicon's widened families: the instruments and records of tracking, the
techniques of interception, profiling by name, detention as places people cannot leave,
censorship as switching off and removing, the shorter names of services, and the people
organising dissent; with the ordinary deals their words must leave alone.

Sentences written for the purpose, in the seven languages (not taken from the labelled
texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        # tracking: feeds, trackers, histories, pings, plates tied to people
        ("tracking", "The agency wants a live GPS feed for the persons of interest."),
        ("tracking", "Fit GPS trackers on the cars of the named people for two weeks."),
        ("tracking", "The subscribers on the list, and where they have been this month."),
        ("tracking", "Plate readers tied to each owner, with 60 days of movement history."),
        ("tracking", "Le client veut une balise GPS sur la voiture de son ex femme."),
        ("tracking", "Historique des déplacements des personnes nommément désignées."),
        ("tracking", "Quieren el patrón de vida de personas concretas con nombre."),
        ("tracking", "Rastreadores GPS en los coches de la lista, sin que los dueños lo sepan."),
        ("tracking", "Querem o histórico de deslocamentos de pessoas específicas."),
        ("tracking", "يريد العميل سجل التنقلات لأشخاص محددين."),
        ("tracking", "Нужна история перемещений конкретных людей по именам."),
        ("tracking", "Им нужен образ жизни конкретных людей."),
        ("tracking", "客户要求掌握特定人员的出行记录。"),
        ("tracking", "车牌识别关联车主身份，保留行动轨迹。"),
        # movements and residents read as people's
        ("tracking", "Track their movements for a month, phone by phone."),
        ("tracking", "Locate the residents of the district through their phones."),
        ("tracking", "Suivre les déplacements des personnes de la liste."),
        ("tracking", "Отслеживание перемещений граждан из списка."),
        ("tracking", "追踪人员活动轨迹。"),
        ("tracking", "Rastrear los movimientos de las personas señaladas."),
        # interception: decoding, exfiltrating, skipping the judge
        ("interception", "IMSI catchers that decode what they pick up, no paperwork."),
        ("interception", "An implant that exfiltrates chats from the target phones."),
        ("interception", "Le client veut décoder le trafic Thuraya intercepté."),
        ("interception", "Un implante que exfiltra los chats de los teléfonos objetivo."),
        ("interception", "O implante liga o microfone e exfiltra as conversas."),
        ("interception", "تشغيل الميكروفون وتهريب البيانات من الهواتف المستهدفة."),
        ("interception", "Имплант включает микрофон и сливает переписку с целевых телефонов."),
        ("interception", "窃取目标手机上的聊天记录并回传。"),
        # profiling: by name, by orientation, by group
        ("profiling", "Route passengers with Uyghur or Kazakh surnames to secondary screening."),
        ("profiling", "Build a list of suspected homosexuals from dating apps."),
        ("profiling", "Un dictionnaire de noms de famille arméniens pour le contrôle renforcé."),
        ("profiling", "Una lista de presuntos homosexuales cruzada con las cédulas."),
        ("profiling", "Sobrenomes curdos vão para a triagem secundária."),
        ("profiling", "تخمين من هو علوي من أسماء العائلات."),
        ("profiling", "Словарь типичных уйгурских фамилий для дополнительной проверки."),
        ("profiling", "导入维吾尔族姓名词典，转入二次核查。"),
        # detention: places people cannot leave, people held pending removal
        ("detention", "Wristbands and headcounts for the migrants held at the reception facility."),
        ("detention", "A closed centre: migrants held pending deportation, nobody allowed out."),
        ("detention", "Bracelets et comptage des migrants retenus, personne ne peut sortir."),
        (
            "detention",
            "Pulseras y recuentos para los migrantes retenidos en la instalación de acogida.",
        ),
        ("detention", "La lista sirve para que la policía los detenga."),
        ("detention", "Pulseiras e contagem dos migrantes retidos; ninguém pode sair."),
        ("detention", "أساور وعد للأشخاص في مرفق استقبال المهاجرين المحتجزين."),
        ("detention", "Браслеты и пересчёт задержанных мигрантов в пункте приёма."),
        ("detention", "被拦截的移民在接待设施中被关押，不得外出，每天清点人数。"),
        # censorship: switching off and removing
        ("censorship", "A kill switch to take messaging apps offline in the north."),
        ("censorship", "Posts naming jailed bloggers are auto removed within a minute."),
        ("censorship", "Un interrupteur général pour couper les réseaux sociaux."),
        ("censorship", "Un apagón de internet en la región si hay protestas."),
        ("censorship", "Um apagão de internet e bloquear os sites proibidos."),
        ("censorship", "تجميد الحسابات التي تنشر على مواقع التواصل."),
        ("censorship", "Общий рубильник для мессенджеров в регионе."),
        ("censorship", "一键关停社交媒体。"),
        ("censorship", "选举期间在东部省份切断移动网络。"),
        # profiling by worship attendance and language
        ("profiling", "List the families who go to the mosque every Friday."),
        ("profiling", "Alerte quand des élèves parlent ouïghour dans la cour."),
        ("profiling", "Contar cuántos vecinos van a la mezquita cada semana."),
        ("profiling", "Registrar quem frequenta a mesquita do bairro."),
        ("profiling", "تسجيل من يذهبون إلى المسجد كل جمعة."),
        ("profiling", "Выявлять тех, кто ходит в мечеть."),
        ("profiling", "统计去清真寺做礼拜的人。"),
        # interception by a state certificate in the middle
        ("interception", "Push a national security certificate so the gateway can read HTTPS."),
        ("interception", "Un certificat de sécurité nationale pour intercepter le trafic chiffré."),
        ("interception", "O gateway do Estado vai descriptografar todo o tráfego HTTPS."),
        ("interception", "用国家安全证书截获加密流量。"),
        # tracking by co-location and radio traces
        ("tracking", "Co-location analysis of the activists' phones."),
        ("tracking", "Кто с кем встречается среди активистов."),
        # detention by forced labour and political education of people held
        ("detention", "Forced labour of the detainees in the camp's workshops."),
        ("detention", "Éducation politique obligatoire pour les détenus du camp."),
        ("detention", "思想改造在押人员。"),
        # detention by its legal and euphemistic names; keyword spotting on intercepted calls
        ("detention", "The journalist is under house arrest; monitor his visitors."),
        ("detention", "Biometric gates for the deradicalisation centre's detainees."),
        ("detention", "Домашний арест для активистов, контроль браслетами."),
        ("interception", "Keyword spotting and voiceprints on the intercepted calls."),
        ("interception", "Поиск по ключевым словам в перехваченных звонках."),
        # security services by formal names
        ("security_services", "The end user is the Political Security Directorate."),
        ("security_services", "Заказчик — Служба государственной охраны."),
        # security services by their shorter or transliterated names
        ("security_services", "The end user is the Rapid Intervention Battalion."),
        ("security_services", "Livraison pour les Moukhabarat, à leur QG."),
        ("security_services", "Usuario final: el Mujabarat."),
        ("security_services", "Конечный пользователь — Росгвардия."),
        # targeting dissent: organisers and those who organise
        ("targets_dissent", "Put names to the organisers from the drone footage."),
        ("targets_dissent", "Monitor the workers who try to unionise before the vote."),
        ("targets_dissent", "Mettre un nom sur les organisateurs du rassemblement."),
        ("targets_dissent", "Marcar las cuentas de los abogados de derechos humanos."),
        ("targets_dissent", "Mapear quem financia os comitês de protesto."),
        ("targets_dissent", "Установить личность организаторов митинга."),
        ("targets_dissent", "标记人权律师的账号。"),
    ],
)
def test_the_widened_families_read_what_they_were_written_for(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # words the widened families hold, in ordinary deals
        "The credit union wants to monitor its branch network.",
        "We monitor the European Union funding rules for our subsidiary.",
        "Intel Xeon support service for 40 racks at the university.",
        "Audio decoder chips for car infotainment, voice and SMS over Bluetooth.",
        "Car-park ANPR: plates matched to season-ticket owners by name.",
        "DLP for a bank: block emails with sensitive keywords such as account numbers.",
        "The health ministry's chatbot needs a stop list of banned words.",
        "Conference organisers want badge scanning and a list of attendees' names.",
        "Backup batteries so the cell towers keep the mobile network up during blackouts.",
        "Issue tracker licences for 50 people in the product team.",
        "Contact center con grabación de llamadas para calidad, el cliente está informado.",
        "Centre de contact avec enregistrement des appels pour la qualité.",
        "Carte scolaire : tablettes pour les élèves, filtrage des sites pour adultes.",
        "Parcel tracking for a courier: vans, parcels and drivers' shifts.",
        "Want WAF + bot blocking for their own news site before the vote.",
        "Bloqueio de bots e WAF para o site de notícias do próprio jornal.",
        "The Centre for Political Education wants a webinar platform for 200 trainees.",
        "Cochlear implants that stream phone calls and audio directly from the phone.",
        "A dating app where people meet each other near home; location shared with matches.",
        "Retail analytics counting visitors' phones by Wi-Fi probes, anonymised, for footfall.",
        "Border Protection Service of Australia buys customs X-ray scanners for cargo.",
        "25 GPS collars to track rhino movements in the reserve.",
        "Colliers GPS pour suivre les déplacements des rhinocéros.",
        "Collares GPS para seguir los movimientos de los rinocerontes.",
        "Location wristbands for residents with dementia in the care home.",
        "Pulseiras de localização para residentes com demência.",
        "Bracelets de localisation pour les résidents de l'EHPAD atteints de démence.",
        "GPS-ошейники для отслеживания перемещений носорогов в заповеднике.",
        "El cliente escucha el aviso de grabación al llamar al centro.",
        "酒店访客Wi-Fi认证门户，每间客房限速，按PCI要求做网络分段。",
        "为银行部署网络安全过滤和防火墙。",
    ],
)
def test_ordinary_deals_with_the_widened_words_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text, category",
    [
        (
            "Provincial school cards with a monthly count of Christian and Ahmadi pupils.",
            "profiling",
        ),
        (
            "Les caméras devront classer les personnes par groupe ethnique dans la zone réglementée.",
            "profiling",
        ),
    ],
)
def test_narrowed_benign_context_no_longer_hides_the_signal(text: str, category: str) -> None:
    # "pupils" and "réglementation" were benign context alone; only their benign uses are now.
    assert category in categories(text)
