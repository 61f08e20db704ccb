"""Kinds of benign context, each in the seven languages: the alarming word is used of
something that is not a person (animals, vehicles, parcels, packets, spam), for the
protection of the people it names (the customer's own journalists, a minority's access to
services), under independent oversight, or in research and awareness training that
describes how others do harm. Each kind has dangerous counterparts that must still be
read. Worked cases with the default lexicon, no database."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

NOT_PEOPLE = [
    "GPS collars to track rhino movements in the reserve for the rangers.",
    "Colliers GPS pour suivre les déplacements des rhinocéros dans la réserve.",
    "Collares GPS para rastrear los movimientos de los rinocerontes en la reserva.",
    "Coleiras GPS para rastrear os movimentos dos rinocerontes na reserva.",
    "أطواق GPS لتتبع تحركات وحيد القرن في المحمية.",
    "GPS-ошейники для отслеживания перемещений носорогов в заповеднике.",
    "用GPS项圈追踪保护区内犀牛的活动。",
    "Telematics to track the delivery vans and locate the parcels in real time.",
    "Télématique pour localiser les camionnettes de livraison et suivre les colis en temps réel.",
    "Telemática para localizar las furgonetas de reparto y rastrear los paquetes en tiempo real.",
    "Telemática para localizar as vans de entrega e rastrear as encomendas em tempo real.",
    "أجهزة تتبع لتحديد موقع شاحنات التوصيل وتتبع الطرود في الوقت الفعلي.",
    "Телематика для отслеживания фургонов доставки и посылок в реальном времени.",
    "车载终端用于实时追踪配送货车和包裹的位置。",
    "Network probes to intercept and inspect packets on the data-centre servers.",
    "Sondes réseau pour intercepter et inspecter les paquets sur les serveurs du centre de données.",
    "Sondas de red para interceptar e inspeccionar los paquetes en los servidores del centro de "
    "datos.",
    "Sondas de rede para interceptar e inspecionar os pacotes nos servidores do data center.",
    "مجسات شبكة لاعتراض الحزم وفحصها على خوادم مركز البيانات.",
    "Сетевые зонды для перехвата и анализа пакетов на серверах дата-центра.",
    "网络探针用于在数据中心服务器上截获和检查数据包。",
    "Spam filter to block spam and malware on the mail servers.",
    "Filtre antispam pour bloquer les spams et les logiciels malveillants sur les serveurs.",
    "Filtro antispam para bloquear el spam y el malware en los servidores de correo.",
    "Filtro antispam para bloquear spam e malware nos servidores de e-mail.",
    "مرشح لحجب الرسائل المزعجة والبرمجيات الخبيثة على خوادم البريد.",
    "Спам-фильтр для блокировки спама и вредоносного ПО на почтовых серверах.",
    "垃圾邮件过滤器，在邮件服务器上拦截垃圾邮件和恶意软件。",
    "Web analytics for the online shop: track visitors across sessions and conversion paths.",
    "تحليلات ويب لمتجر إلكتروني: تتبّع الزوار عبر الجلسات، مسارات التحويل.",
    "Monitor the opposition party's servers using uptime checks.",
    "Fleet management for a bus company: track the buses' positions for the arrival times.",
    "公交公司车队管理：追踪公交车位置，显示到站时间。",
    "通过MDM定位学生丢失的平板电脑。",
    "كاميرات في المسجد لمنع السرقة، وتحذف التسجيلات بعد 30 يوما.",
]

PROTECTIVE = [
    "Security training for journalists and activists to protect their phones from spyware.",
    "Formation à la sécurité numérique pour les journalistes et les militants afin de protéger "
    "leurs téléphones.",
    "Capacitación en seguridad digital para periodistas y activistas para proteger sus teléfonos.",
    "Treinamento de segurança digital para jornalistas e ativistas para proteger seus telefones.",
    "تدريب على الأمن الرقمي للصحفيين والناشطين لحماية هواتفهم.",
    "Обучение цифровой безопасности для журналистов и активистов, чтобы защитить их телефоны.",
    "为记者和维权人士提供数字安全培训，保护他们的手机。",
    "Screen readers and sign-language video for the ethnic minority communities' access to "
    "public services.",
    "Lecteurs d'écran et vidéo en langue des signes pour l'accès des minorités ethniques aux "
    "services publics.",
    "Lectores de pantalla y vídeo en lengua de señas para que las minorías étnicas accedan a los "
    "servicios públicos.",
    "Leitores de tela e vídeo em língua de sinais para o acesso das minorias étnicas aos serviços "
    "públicos.",
    "قارئات الشاشة وفيديو بلغة الإشارة لتمكين الأقليات العرقية من الوصول إلى الخدمات العامة.",
    "Программы экранного доступа и видео на жестовом языке для доступа этнических меньшинств к "
    "госуслугам.",
    "为少数民族社区提供读屏软件和手语视频，方便他们使用公共服务。",
    "تريد الصحيفة حماية صحفييها من برامج التجسس.",
    "Дом престарелых: браслеты для определения местоположения жильцов с деменцией, с согласия "
    "родственников.",
    "养老院：为失智老人配备定位手环，已获家属同意。",
]

# The customer is the group's own organisation, wanting something for its own people.
OWN_PEOPLE = [
    "The NGO wants to map its partner organisations and the activists it trains.",
    "L'ONG veut cartographier ses organisations partenaires et les militants qu'elle forme.",
    "La ONG quiere mapear sus organizaciones socias y los activistas que capacita.",
    "A ONG quer mapear suas organizações parceiras e os ativistas que treina.",
    "НКО хочет составить карту своих партнёрских организаций и активистов, которых она обучает.",
    "该非政府组织希望梳理其培训的活动人士名单。",
    "La paroisse veut une base de données de ses fidèles pour gérer les dons.",
    "La parroquia quiere una base de datos de sus fieles para gestionar las donaciones.",
    "教会希望建立信众数据库，用于管理捐款。",
]

OVERSIGHT = [
    "Interception of the suspects' calls only under a court order, audited by the independent "
    "oversight body.",
    "Interception des appels des suspects uniquement sur ordonnance d'un juge, contrôlée par une "
    "autorité indépendante.",
    "Interceptación de las llamadas de los sospechosos solo con orden judicial, auditada por un "
    "organismo de control independiente.",
    "Interceptação das chamadas dos suspeitos somente com ordem judicial, auditada por um órgão de "
    "supervisão independente.",
    "اعتراض مكالمات المشتبه بهم فقط بأمر قضائي وتحت رقابة هيئة مستقلة.",
    "Перехват звонков подозреваемых только по решению суда, под контролем независимого органа "
    "надзора.",
    "仅凭法院命令拦截嫌疑人的通话，并接受独立监督机构的审计。",
    "Call records kept 12 months as required by law, audited by the data-protection authority.",
    "Conservation des journaux d'appels pendant 12 mois, contrôlée par l'autorité de protection "
    "des données.",
    "Conservación de los registros de llamadas durante 12 meses, auditada por la autoridad de "
    "protección de datos.",
    "Retenção dos registros de chamadas por 12 meses, auditada pela autoridade de proteção de "
    "dados.",
    "الاحتفاظ بسجلات المكالمات لمدة 12 شهراً تحت رقابة هيئة حماية البيانات.",
    "Хранение журналов звонков 12 месяцев под контролем органа по защите персональных данных.",
    "通话记录保存12个月，由数据保护机构审计。",
]

DESCRIBED = [
    "Awareness training for staff on how spyware is used to track journalists.",
    "Formation de sensibilisation du personnel sur la façon dont les logiciels espions servent à "
    "surveiller les journalistes.",
    "Capacitación de sensibilización para el personal sobre cómo se usa el software espía para "
    "vigilar a periodistas.",
    "Treinamento de conscientização para a equipe sobre como o spyware é usado para vigiar "
    "jornalistas.",
    "تدريب توعوي للموظفين حول كيفية استخدام برامج التجسس لمراقبة الصحفيين.",
    "Обучение персонала тому, как шпионские программы используются для слежки за журналистами.",
    "员工意识培训：了解间谍软件如何被用来监视记者。",
    "University research project studying how governments censor opposition media online.",
    "Projet de recherche universitaire sur la façon dont les gouvernements censurent les médias "
    "d'opposition en ligne.",
    "Proyecto de investigación universitaria sobre cómo los gobiernos censuran a los medios de la "
    "oposición en internet.",
    "Projeto de pesquisa universitária sobre como os governos censuram a mídia de oposição na "
    "internet.",
    "مشروع بحثي جامعي يدرس كيف تحجب الحكومات وسائل إعلام المعارضة على الإنترنت.",
    "Университетский исследовательский проект о том, как правительства блокируют оппозиционные "
    "СМИ в интернете.",
    "大学研究项目，研究各国政府如何审查反对派媒体。",
    "Newsroom CMS renewal, adds embargo scheduling for press releases.",
    "تجديد نظام إدارة المحتوى لغرفة الأخبار مع جدولة الحظر الزمني للنشر.",
]


@pytest.mark.parametrize("text", NOT_PEOPLE + PROTECTIVE + OWN_PEOPLE + OVERSIGHT + DESCRIBED)
def test_benign_kinds_raise_nothing(text: str) -> None:
    assert categories(text) == set()


DANGEROUS = [
    ("GPS trackers under the activists' cars to follow their movements.", "tracking"),
    ("Balises GPS sous les voitures des militants pour suivre leurs déplacements.", "tracking"),
    ("أجهزة GPS تحت سيارات الناشطين لتتبع تحركاتهم.", "tracking"),
    ("在活动人士的车下安装GPS追踪器，追踪他们的行踪。", "tracking"),
    ("Track the protesters' phones and the delivery vans they use.", "tracking"),
    ("Block opposition sites and malware during the election week.", "censorship"),
    ("Block the opposition's websites using bot protection rules.", "censorship"),
    ("Monitor the opposition party's servers using malware.", "targets_dissent"),
    (
        "Throttle the opposition's websites using uptime checks to confirm they are down.",
        "censorship",
    ),
    ("Slow down opposition news sites using latency injection.", "censorship"),
    (
        "Intercept the journalists' calls without informing the data-protection authority.",
        "interception",
    ),
    ("Interceptar las llamadas de los periodistas sin orden judicial.", "interception"),
    (
        "Retain every subscriber's call records for five years, despite the data-protection "
        "authority's objection.",
        "interception",
    ),
    ("Training for police officers on how to track journalists' phones.", "tracking"),
    ("Formation des policiers : comment suivre les téléphones des journalistes.", "tracking"),
    ("Capacitación para policías sobre cómo rastrear los teléfonos de periodistas.", "tracking"),
    ("Treinamento para policiais sobre como rastrear os telefones de jornalistas.", "tracking"),
    ("Обучение полицейских тому, как отслеживать телефоны журналистов.", "tracking"),
    ("培训警察如何追踪记者的手机。", "tracking"),
    ("The customer asked us to research how to locate the protesters' phones.", "tracking"),
    ("Estudio sobre cómo rastrear los teléfonos de los manifestantes.", "tracking"),
    (
        "The research department will map the activists' networks for the ministry.",
        "targets_dissent",
    ),
    ("Cameras to flag the faces of the ethnic minority at the market.", "profiling"),
    ("تريد الحكومة التجسس على هواتف الصحفيين.", "targets_dissent"),
    ("كاميرات في المسجد للتعرف على وجوه المصلين.", "profiling"),
    ("定位抗议学生的手机。", "tracking"),
    ("Track the buses carrying the protesters to the capital.", "tracking"),
    ("The ministry wants to map the NGO's activists and their funders.", "targets_dissent"),
    ("The ministry wants to track its critics and the activists of the NGO.", "tracking"),
    ("La police veut une base de données des fidèles de la mosquée.", "profiling"),
    ("Полиция хочет базу данных прихожан мечети.", "profiling"),
    ("警方希望梳理非政府组织培训的活动人士名单。", "targets_dissent"),
]


@pytest.mark.parametrize(("text", "category"), DANGEROUS)
def test_dangerous_counterparts_are_still_read(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Feasibility study on how the customer will track the phones of protesters.", "tracking"),
        ("Research how the police can locate the phones of protesters.", "tracking"),
        (
            "The ministry commissioned a study of how its analysts will monitor journalists.",
            "targets_dissent",
        ),
        (
            "Étude sur la façon dont le client pourra suivre les téléphones des manifestants.",
            "tracking",
        ),
        (
            "Estudio sobre cómo el cliente podrá rastrear los teléfonos de los manifestantes.",
            "tracking",
        ),
        ("研究客户如何将追踪抗议者的手机。", "tracking"),
    ],
)
def test_a_study_of_what_the_customer_will_do_plans_it_and_is_read(text: str, expected: str):
    """A "how" clause that says what someone will or can do, or names the customer, is a
    plan written as a study: a rep cannot hide a request behind the word "study"."""
    assert expected in categories(text)
