"""Wording new writing uses for tracking, interception and targeting dissent: a phone's GPS
coordinates tied to its owner, a person leaving a place raised as an alert, taps on submarine
cables, packets captured and bulk collection, reading another person's messages, the numbers a
customer chooses, off-the-air GSM interception and spyware, the staff of outlets labelled
foreign-funded, infiltration under false identities, people said to stir unrest, political
prisoners' lawyers, strikers, banned parties, feminists, journalists' sources; with the
ordinary deals their words must leave alone.

Each dangerous sentence raised nothing of its category before these families and composed
entries were added (phrases and learned cues). Sentences written for the purpose, in the seven
languages (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        ("tracking", "Location data from app SDKs, matched to named users, sold to the police."),
        ("tracking", "Enviar à polícia a posição GPS de cada telefone da lista."),
        ("tracking", "يريد المشتري إحداثيات GPS لكل جهاز مرتبطة برقم هاتف صاحبه."),
        ("tracking", "买方要求回传每台设备的GPS坐标，并关联机主手机号。"),
        ("tracking", "把名单上每部手机的GPS位置发给警方。"),
        ("tracking", "Alert the officers when the activist's phone leaves the city."),
        ("tracking", "Avisar a la policía cuando el activista sale de la ciudad."),
        ("tracking", "Avisar a polícia quando o ativista sai da cidade."),
        ("tracking", "Оповещать полицию, когда активист покидает город."),
        ("interception", "Passive taps on the submarine cables, all content kept five years."),
        (
            "interception",
            "Derivações passivas nos cabos submarinos, todo o conteúdo guardado cinco anos.",
        ),
        ("interception", "تفريعات سلبية على الكابلات البحرية، وحفظ كل المحتوى خمس سنوات."),
        ("interception", "在海底光缆上加装无源分光，所有内容保存五年。"),
        ("interception", "Захват пакетов веб-почты и звонков."),
        ("interception", "全量抓包，包括网页邮箱和通话。"),
        ("interception", "Captación masiva de correo electrónico y VoIP sin aprobación externa."),
        ("interception", "Read the private messages of the numbers they upload."),
        ("interception", "Заказчик хочет читать чужую переписку в Telegram."),
        ("interception", "Spyware to extract chats and photos from the target's phone remotely."),
        ("interception", "Um programa espião para extrair remotamente as conversas do WhatsApp."),
        ("interception", "Шпионская программа для удалённого извлечения переписки WhatsApp."),
        ("interception", "用间谍软件远程提取微信聊天记录。"),
        ("interception", "Lire les messages privés des numéros qu'ils fournissent."),
        ("interception", "Leer los mensajes privados de los números que indiquen."),
        ("interception", "Ler as mensagens privadas dos números que indicarem."),
        ("interception", "读取他人的微信聊天记录。"),
        ("targets_dissent", "Monitor the news outlets funded from abroad and their staff."),
        ("targets_dissent", "Surveiller les éditeurs des médias financés depuis l'étranger."),
        ("targets_dissent", "Vigilar a los redactores de medios con financiación extranjera."),
        ("targets_dissent", "Vigiar os redatores de veículos com financiamento estrangeiro."),
        ("targets_dissent", "Следить за редакторами изданий с иностранным финансированием."),
        (
            "targets_dissent",
            "Covert accounts to join the chat groups of environmental activists, weekly report on each member.",
        ),
        ("targets_dissent", "Sock-puppet accounts to get inside the opposition's Telegram groups."),
        ("targets_dissent", "Un rapport hebdomadaire sur chaque membre des groupes d'écologistes."),
        ("targets_dissent", "Un informe semanal sobre cada miembro de los grupos ecologistas."),
        ("targets_dissent", "Um relatório semanal sobre cada membro dos grupos ambientalistas."),
        ("targets_dissent", "تقرير أسبوعي عن كل عضو في مجموعات الناشطين البيئيين."),
        (
            "targets_dissent",
            "Фейковые аккаунты для внедрения в закрытые группы оппозиционеров в эмиграции.",
        ),
        (
            "targets_dissent",
            "Еженедельная справка по каждому участнику групп экологических активистов.",
        ),
        ("targets_dissent", "用虚假账号打入流亡反对人士的封闭群组。"),
        ("targets_dissent", "每周报送环保活动人士群组每个成员的情况。"),
        ("targets_dissent", "The agency wants profiles of the community leaders who stir unrest."),
        ("targets_dissent", "ملفات عن الوجهاء الذين يثيرون الاضطرابات."),
        ("targets_dissent", "Досье на лидеров, раскачивающих обстановку."),
        ("targets_dissent", "为煽动不稳定的社区头面人物建立档案。"),
        ("targets_dissent", "Keep watch on the lawyers defending political prisoners."),
        ("targets_dissent", "Ficher les avocats qui défendent les prisonniers politiques."),
        ("targets_dissent", "A dashboard of the teachers who joined the strike."),
        ("targets_dissent", "Trace the donors of the human-rights NGO."),
        ("targets_dissent", "Track the members of the banned party."),
        ("targets_dissent", "Monitor the feminists organising the march on 8 March."),
        ("targets_dissent", "Uncover the sources of the investigative journalists."),
        ("targets_dissent", "Flag the imams who preach against the government."),
    ],
)
def test_new_ways_of_saying_the_act_or_the_target_are_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # the new words in ordinary deals: parcels, malware, fleets, own networks, moderation
        # of fake accounts, newsrooms, cable upkeep, roaming, support chats, a hotel's guests
        "Track shipments and parcels for the courier's customers.",
        "Suivre les colis des clients du transporteur en temps réel.",
        "Rastrear los envíos de los clientes en tiempo real.",
        "Rastrear as encomendas dos clientes em tempo real.",
        "تتبع الشحنات لعملاء شركة النقل في الوقت الحقيقي.",
        "Отслеживать грузы клиентов перевозчика в реальном времени.",
        "实时跟踪快递公司客户的包裹。",
        "Intercept malware at the email gateway before it reaches users.",
        "Intercepter les logiciels malveillants à la passerelle de messagerie.",
        "Interceptar el malware en la pasarela de correo antes de que llegue a los usuarios.",
        "Interceptar malware no gateway de e-mail antes que chegue aos usuários.",
        "اعتراض البرمجيات الخبيثة في بوابة البريد قبل وصولها إلى المستخدمين.",
        "Перехватывать вредоносные программы на почтовом шлюзе.",
        "在邮件网关拦截恶意软件。",
        "GPS coordinates of each delivery van sent to the dispatcher's phone.",
        "Coordonnées GPS de chaque camionnette de livraison envoyées sur le téléphone du chauffeur.",
        "Posición GPS de cada furgoneta de reparto enviada al teléfono del conductor.",
        "Posição GPS de cada van de entrega enviada ao telefone do motorista.",
        "إرسال إحداثيات كل شاحنة توصيل إلى هاتف السائق.",
        "GPS-координаты каждого фургона передаются на телефон водителя.",
        "每辆货车的GPS坐标发送到司机手机上。",
        "Fleet tracking: each truck's GPS position every five minutes for the logistics team.",
        "Asset inventory: locate each device on the corporate network and its owner.",
        "Inventario: localizar cada dispositivo de la red corporativa y su responsable.",
        "Kiosk app: each subscriber's phone number for billing, no location data kept.",
        "每个用户的手机号码用于登录验证。",
        "Fake accounts detection for the social network's trust and safety team.",
        "Détection des faux comptes pour l'équipe de modération du réseau social.",
        "Detección de cuentas falsas para el equipo de confianza de la red social.",
        "Detecção de contas falsas para a equipe de moderação da rede social.",
        "كشف الحسابات الوهمية لفريق الإشراف في الشبكة الاجتماعية.",
        "Выявление фейковых аккаунтов для команды модерации соцсети.",
        "为社交平台的审核团队识别虚假账号。",
        "The pen-test team uses fake accounts to test the bank's phishing defences.",
        "The newspaper's editors and correspondents need a new CMS.",
        "Les rédacteurs et correspondants du journal ont besoin d'un nouveau CMS.",
        "Los editores y corresponsales del periódico necesitan un nuevo CMS.",
        "Os editores e correspondentes do jornal precisam de um novo CMS.",
        "يحتاج محررو ومراسلو الصحيفة إلى نظام جديد لإدارة المحتوى.",
        "Редакторам и корреспондентам газеты нужна новая CMS.",
        "Внедрение CRM для редакции: редакторы и корреспонденты издания получают новые ноутбуки.",
        "报社的编辑和记者需要新的内容管理系统。",
        "Our editors flag articles and rank stories for the front page.",
        "Correspondent banks are flagged for AML review.",
        "Monitor the brand's mentions in news outlets and blogs.",
        "The environmental NGO wants a CRM for its ecologists and field volunteers.",
        "Los ecologistas de la ONG necesitan un sistema de gestión de voluntarios.",
        "Os ambientalistas da ONG precisam de um sistema de gestão de voluntários.",
        "Les écologistes de l'association veulent un outil de gestion des bénévoles.",
        "Weekly report on each member of the gym, with visits and payments.",
        "Informe semanal sobre cada miembro del club con sus pagos.",
        "Optical splitters for the FTTH network in the new housing estate.",
        "Monitoring the optical power of the submarine cable at the landing station.",
        "Surveillance de la puissance optique du câble sous-marin à la station d'atterrissement.",
        "Monitoreo de la potencia óptica del cable submarino en la estación de amarre.",
        "Мониторинг оптической мощности подводного кабеля на кабельной станции.",
        "海底光缆登陆站的光功率监测。",
        "Full packet capture on our own SOC network for incident response.",
        "Captura completa de paquetes en nuestra propia red para responder a incidentes.",
        "Capture complète des paquets sur notre propre réseau pour la réponse aux incidents.",
        "Mirror traffic from the core switch to our own IDS.",
        "Record calls in the contact centre for quality; callers are told.",
        "The app stores each user's messages encrypted; we cannot read them.",
        "Student associations want a booking system for their gatherings.",
        "Community leaders asked for Wi-Fi in the town hall.",
        "The NGO wants a CRM to track its donors.",
        "Score suppliers by delivery time.",
        "Roaming alert: a text when the subscriber's phone leaves the country.",
        "Anti-spyware scanner that protects users' chats and calls.",
        "Users can read the messages of their team channel offline.",
        "Support analytics: see what people write in the help-desk chat about late deliveries.",
        "The hotel where the journalists spend the night needs faster Wi-Fi.",
    ],
)
def test_ordinary_deals_with_the_new_words_raise_nothing(text: str) -> None:
    assert categories(text) == set()
