"""Wording of round 37's tuning half (public administration, digital identity and elections:
population registries, ID cards, voter rolls, welfare, tax, courts, immigration).

- An office for the protection of the constitutional order (a domestic intelligence
  service) named with an office, a service or its officers: a security service (not the
  constitution's protection as a subject of law: a court's library, a law course).
- People on a mandatory civic, political or ideological curriculum, assessed on how their
  attitude changes: detention (not a voluntary course, a school's survey).
- Journalists or election observers who publicly questioned the count, their family,
  employer or identity data pulled: targeting dissent (not the journalists' own fact
  checks, nor an observers' NGO).
- The availability of external domains or communication applications suspended for
  subscribers: censorship (not a registrar's unpaid domains, a maintenance window or an
  MDM's lost phones); French "le contenu des sessions vocales … de tous les abonnés":
  interception.
- Ordinary deals: waiting times, queue management and a server room's temperature
  monitored (with an SMS or an e-mail alert); a census questionnaire with no ethnicity or
  religion questions (Arabic, Chinese).

Each dangerous sentence of the first test raised nothing of its category, and each ordinary
one of the second raised a red flag, before these changes; the third and fourth are guards.
A hostile review of the first version (189 sentences, old and new reader side by side)
found it 52 worse, all ordinary deals flagged: the constitution's protection as a subject
(courts' libraries, law courses, conferences), voluntary civic courses and school surveys,
journalists' fact checks and observers' NGOs, registrars, maintenance windows and MDM, a
call centre's recordings with consent. Those were narrowed; the final version reads the
review 0 worse and 5 better, and the dangerous texts it wrote beside the new ordinary
context are read as before. Sentences shortened from the round, written for the purpose
or from the review. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import CUE_FALSE_POSITIVE, categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "security_services",
            "Root keys and 24/7 operation will be handed to specialists seconded from the Office for the Protection of the Constitutional Order.",
        ),
        (
            "security_services",
            "L'exploitation sera confiée à des spécialistes détachés par l'Office de protection de l'ordre constitutionnel.",
        ),
        (
            "security_services",
            "La operación quedará a cargo de especialistas de la Oficina para la Protección del Orden Constitucional.",
        ),
        (
            "security_services",
            "A operação será entregue a especialistas cedidos pelo Escritório de Proteção da Ordem Constitucional.",
        ),
        (
            "security_services",
            "ستُسلَّم إدارة النظام إلى مختصين منتدَبين من مكتب حماية النظام الدستوري.",
        ),
        ("security_services", "系统管理将移交给宪法秩序保护局借调的专家。"),
        (
            "detention",
            "The module records attendance at the mandatory civic orientation curriculum and instructor assessments of 'attitude progression'.",
        ),
        (
            "detention",
            "Le module enregistre la présence au programme obligatoire d'orientation civique et l'évolution de l'attitude évaluée par les instructeurs.",
        ),
        (
            "detention",
            "El módulo registra la asistencia al currículo obligatorio de orientación cívica y las evaluaciones de progresión de actitud.",
        ),
        (
            "detention",
            "O módulo registra a frequência no currículo obrigatório de orientação cívica e as avaliações sobre a evolução de atitude.",
        ),
        (
            "detention",
            "Модуль фиксирует посещение обязательной программы гражданской ориентации и оценки по показателю «динамика установок».",
        ),
        (
            "detention",
            "تسجّل الوحدة الحضور في منهج التوجيه المدني الإلزامي وتقييمات المدرّبين لتطوّر المواقف.",
        ),
        ("detention", "该模块记录强制性公民引导课程的出勤情况以及教员对态度进步的评估。"),
        (
            "targets_dissent",
            "Module récupérant l'employeur de chaque journaliste ayant publiquement remis en cause le décompte.",
        ),
        (
            "targets_dissent",
            "Módulo que extraiga el empleador de cada periodista que haya cuestionado públicamente el conteo.",
        ),
        (
            "targets_dissent",
            "Módulo que puxa o empregador de todo jornalista que questionou publicamente a apuração.",
        ),
        (
            "targets_dissent",
            "Модуль, подтягивающий место работы каждого журналиста, публично поставившего под сомнение подсчёт голосов.",
        ),
        ("targets_dissent", "وحدة تسحب جهة العمل لكل صحفي شكك علناً في فرز الأصوات."),
        ("targets_dissent", "增加模块，调取每位公开质疑计票结果的记者的雇主信息。"),
        (
            "censorship",
            "The contractor shall be capable of suspending availability of the external domains in Schedule 4 for all subscribers in designated districts.",
        ),
        (
            "censorship",
            "Подрядчик должен приостанавливать доступность внешних доменов из Перечня 4 для всех абонентов.",
        ),
        (
            "censorship",
            "يجب أن يكون المتعاقد قادرًا على تعليق إتاحة النطاقات الخارجية الواردة في الجدول 4.",
        ),
        (
            "security_services",
            "End user: the Federal Office for the Protection of the Constitution (BfV).",
        ),
        (
            "security_services",
            "المستخدم النهائي: جهاز حماية النظام الدستوري التابع لوزارة الداخلية.",
        ),
        (
            "censorship",
            "Durante a votação a operadora deve suspender o acesso a aplicativos de comunicação e sites da oposição.",
        ),
        (
            "censorship",
            "В день выборов оператор обязан приостановить доступность коммуникационных приложений и сайтов оппозиции.",
        ),
        (
            "interception",
            "Le système capte le contenu des sessions vocales de tous les abonnés et le transmet au centre de renseignement.",
        ),
    ],
)
def test_red_flags_of_round_37_are_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Town hall: monitor server room temp + UPS, 2 sensors, email alerts to IT.",
        "24 queue-management kiosks: monitor waiting times at permit counters, SMS when your number is called.",
        "Quioscos de turnos: monitorear tiempos de espera en las ventanillas de permisos, SMS cuando llamen su número.",
        "Quiosques de senha: monitorar tempos de espera nos guichês, SMS quando sua senha for chamada.",
        "مراقبة أوقات الانتظار عند شبابيك التصاريح، رسالة SMS عند النداء على رقمك.",
        "مراقبة حرارة غرفة السيرفرات + الـUPS، تنبيهات بالإيميل لقسم تقنية المعلومات.",
        "根据《统计法》，问卷不含民族或宗教问题，个人答案不得提供给任何其他机关。",
    ],
)
def test_ordinary_deals_of_round_37_are_not_flagged(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "security_services",
            "Эксплуатация будет передана специалистам Управления по защите конституционного строя.",
        ),
        (
            "targets_dissent",
            "Extra module pulling the employer and family members of every journalist who publicly questioned the 2023 count.",
        ),
        (
            "interception",
            "Les opérateurs mettent à disposition, de manière continue, le contenu des sessions vocales et des SMS de tous les abonnés.",
        ),
        (
            "tracking",
            "The ministry wants to track activists' phones in real time; the same tender also covers queue management and waiting times at passport offices.",
        ),
        (
            "interception",
            "Intercept journalists' calls and messages as part of the queue management modernisation project at the interior ministry.",
        ),
        (
            "interception",
            "Along with reducing waiting times, the system must record the calls of opposition MPs and store them for the intelligence service.",
        ),
        (
            "detention",
            "Temperature sensors will be installed in the interrogation cells where detained protesters are held.",
        ),
        (
            "detention",
            "Room temperature in the isolation cells for political prisoners is controlled from the central console.",
        ),
        (
            "profiling",
            "The census questionnaire has no ethnicity questions, but the software infers ethnicity from surnames and flags Uyghur households.",
        ),
        (
            "targets_dissent",
            "Server room temperature monitoring plus a watchlist of dissidents and human-rights defenders to be monitored by the police.",
        ),
        (
            "censorship",
            "While the queue management portal is deployed, block opposition news sites and VPNs nationwide.",
        ),
        (
            "interception",
            "Le projet de gestion des files d'attente inclut l'interception des appels des journalistes et des militants.",
        ),
        (
            "censorship",
            "En plus de réduire les temps d'attente, le système doit bloquer les sites de l'opposition pendant les élections.",
        ),
        (
            "interception",
            "Le système doit enregistrer le contenu des appels de l'ensemble des abonnés ; il réduit aussi les temps d'attente en agence.",
        ),
        (
            "tracking",
            "Además de reducir los tiempos de espera, el sistema rastreará los teléfonos de los activistas en tiempo real.",
        ),
        (
            "censorship",
            "Junto con la gestión de filas, la plataforma bloqueará los sitios de medios independientes durante las protestas.",
        ),
        (
            "tracking",
            "Além de reduzir os tempos de espera, a polícia vai rastrear os celulares dos ativistas em tempo real.",
        ),
        (
            "tracking",
            "Помимо сокращения времени ожидания, система позволит отслеживать телефоны активистов в реальном времени.",
        ),
        (
            "detention",
            "Датчики температуры устанавливаются в камерах для допросов, где содержатся задержанные протестующие.",
        ),
    ],
)
def test_what_stays_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Library subscription renewal for the Constitutional Court: 40 seats of the legal database, including the collection on protection of the constitutional order.",
        "The law faculty is licensing a lecture-capture system for its master's course on the protection of the constitution and fundamental rights.",
        "Quote for e-books for the university chair in protection of constitutional order and comparative public law.",
        "The NGO's annual conference on the protection of the constitution needs 300 wireless headsets and simultaneous interpretation.",
        "Renouvellement de l'abonnement documentaire du Conseil constitutionnel, fonds « protection de la Constitution » inclus.",
        "La faculté de droit achète 25 licences de visioconférence pour son séminaire sur la protection de l'ordre constitutionnel et les libertés publiques.",
        "Colloque sur la protection de la constitution : location de salle, sonorisation et captation vidéo pour 200 participants.",
        "Suscripción a la base de jurisprudencia del Tribunal Constitucional, con el módulo de protección de la Constitución.",
        "La facultad de Derecho compra un sistema de grabación de clases para el máster en protección del orden constitucional y derechos fundamentales.",
        "Congreso académico sobre la protección de la constitución: cotizar cabinas de interpretación y streaming.",
        "Renovação da assinatura de periódicos jurídicos do Supremo, incluindo a coleção sobre proteção da Constituição.",
        "A faculdade de Direito pediu 30 licenças de plataforma EAD para a disciplina de proteção da ordem constitucional.",
        "Seminário sobre proteção da constituição e direitos fundamentais: orçamento de som, projetor e transmissão ao vivo.",
        "Юридический факультет закупает систему видеозаписи лекций для курса по защите конституции и правам человека.",
        "اشتراك قاعدة بيانات قانونية للمحكمة الدستورية يشمل قسم حماية الدستور والحقوق الأساسية.",
        "تشتري كلية الحقوق منصة تعليم إلكتروني لمقرر حماية النظام الدستوري وسيادة القانون.",
        "مؤتمر أكاديمي حول حماية الدستور: عرض سعر لأجهزة الترجمة الفورية والبث المباشر.",
        "宪法法院图书馆续订法律数据库，包括宪法秩序保护专题文献。",
        "法学院为“保护宪法秩序与基本权利”课程采购录播系统和在线课堂许可证。",
        "关于宪法保卫与法治的学术研讨会需要同传设备和直播服务报价。",
        "The school district is buying an LMS for its civic education curriculum; teachers run a short student attitude survey at the start and end of term.",
        "Our political education app for high-schoolers includes an optional quiz measuring attitude change towards voting after the module.",
        "The museum's patriotic education exhibit uses tablets; visitor feedback tracks attitude change about local history.",
        "Civic orientation course for newly arrived migrants, voluntary, with anonymous attitude assessments to improve the teaching material.",
        "Le collège équipe ses classes pour l'éducation civique ; un questionnaire anonyme mesure l'évolution des attitudes des élèves en fin d'année.",
        "Plateforme d'éducation politique pour lycéens : sondage facultatif sur le changement d'attitude vis-à-vis du vote.",
        "Le parcours d'orientation civique des nouveaux arrivants comporte une évaluation anonyme de l'évolution de l'attitude envers les services publics.",
        "El colegio adopta una plataforma de educación cívica; una encuesta anónima mide el cambio de actitud de los alumnos hacia la participación.",
        "Curso de educación política para jóvenes voluntarios con un cuestionario de evolución de actitud al final del taller.",
        "Programa de orientación cívica para inmigrantes, voluntario, con medición anónima del progreso de actitud para mejorar los contenidos.",
        "A escola comprou tablets para a disciplina de educação política; uma pesquisa anônima mede a mudança de atitude dos alunos sobre o voto.",
        "Curso de orientação cívica para imigrantes recém-chegados, voluntário, com avaliação anônima da evolução de atitude.",
        "O museu usa totens interativos na exposição de educação patriótica e mede a mudança de atitude dos visitantes num questionário opcional.",
        "Школа закупает платформу для уроков гражданского и патриотического воспитания; анонимный опрос показывает динамику установок учеников.",
        "Курс политического воспитания для студентов-волонтёров завершается добровольной анкетой об изменении взглядов.",
        "Музей патриотического воспитания установил интерактивные стенды и анонимно измеряет изменение установок посетителей.",
        "تشتري المدرسة منصة تعليمية لمادة التثقيف السياسي، ويقيس استبيان اختياري مجهول تطور المواقف لدى الطلاب.",
        "برنامج التوجيه المدني للوافدين الجدد طوعي، مع استطلاع مجهول الهوية حول تغيير المواقف لتحسين المحتوى.",
        "学校为思政课和政治教育课程采购平板，课后匿名问卷了解学生态度转变。",
        "博物馆的爱国主义思想教育展区配置互动屏，访客可自愿填写问卷反映思想转变。",
        "新移民公民引导课程为自愿参加，课程结束时匿名调查态度进步情况以改进教材。",
        "The newsroom's fact-check desk needs a CMS plugin to log claims that journalists publicly questioned during the debate.",
        "Election observers' NGO licenses our tally-sheet app; their observers publicly questioned the count in two districts and published a report.",
        "L'ONG d'observateurs électoraux achète des tablettes ; ses observateurs ont contesté publiquement le décompte dans trois bureaux.",
        "Revue de presse pour le service communication : articles des journalistes ayant critiqué publiquement le lancement du produit.",
        "La redacción contrata una herramienta de verificación para registrar datos que periodistas cuestionaron públicamente en el debate.",
        "La ONG de observadores electorales compra tabletas; sus observadores cuestionaron públicamente el recuento en dos mesas y publicaron un informe.",
        "A redação assinou uma ferramenta de checagem para registrar números que jornalistas questionaram publicamente no debate.",
        "A ONG de observadores eleitorais comprou tablets; os observadores contestaram publicamente a contagem em duas seções.",
        "НКО наблюдателей закупает планшеты; наблюдатели публично усомнившихся в подсчёте участков подготовили доклад для ЦИК.",
        "منظمة المراقبين تشتري أجهزة لوحية، وقد شكك المراقبين علنا في فرز الأصوات في دائرتين ونشروا تقريرا.",
        "报社事实核查部门采购内容管理插件，记录记者在辩论中公开质疑的数据。",
        "选举观察员组织采购平板电脑，其观察员公开质疑了两个投票站的计票并发布报告。",
        "During the maintenance window we will suspend availability of the test domains and staging applications for about two hours.",
        "The hosting contract lets the customer suspend the availability of expired domains after 30 days of non-payment.",
        "Our MDM console can suspend availability of internal applications on lost company phones until IT re-enrols them.",
        "Pendant la migration, nous allons suspendre la disponibilité des domaines de recette et des applications internes.",
        "Le registrar peut suspendre l'accessibilité des domaines dont le titulaire n'a pas renouvelé le contrat.",
        "Durante la migración vamos a suspender la disponibilidad de los dominios de prueba y de las aplicaciones de preproducción.",
        "El registrador puede suspender el acceso a los dominios con facturas vencidas tras 30 días de aviso.",
        "Na janela de manutenção vamos suspender a disponibilidade dos domínios de homologação e aplicativos internos.",
        "O provedor pode suspender o acesso a sites de clientes inadimplentes após notificação.",
        "На время миграции мы приостановим доступность тестовых доменов и внутренних приложений примерно на два часа.",
        "Регистратор вправе приостановить доступность доменов, не оплаченных в срок, после уведомления владельца.",
        "خلال نافذة الصيانة سيتم تعليق إتاحة النطاقات التجريبية وتطبيقات الاختبار لمدة ساعتين.",
        "يحق لمزود الاستضافة تعليق إتاحة المواقع غير المسددة بعد ثلاثين يوما من الإشعار.",
        "迁移期间将暂停测试域名和预发布应用的可用性约两小时。",
        "注册商可在到期未续费后暂停相关域名解析，并提前通知客户。",
        "维护窗口内暂停内部通信应用的可用性，完成升级后恢复。",
        "Le contenu des sessions vocales n'est jamais enregistré ; seules les durées sont facturées à l'ensemble des abonnés.",
        # flagged by the cues refitted on rounds 1 to 41 ("l'ensemble des abonnés": all of them)
        pytest.param(
            "Le centre d'appels enregistre le contenu des appels clients avec consentement, et l'ensemble des abonnés peut demander la suppression.",
            marks=CUE_FALSE_POSITIVE,
        ),
        "The clinic wants a queue management system to reduce waiting times at reception.",
        "Capteurs de température pour la salle serveur, alertes par SMS au technicien d'astreinte.",
        "不含民族和宗教问题的客户满意度调查问卷，由第三方执行。",
        "لا يتضمن الاستبيان أي أسئلة عن الدين أو العرق، وهو مخصص لقياس رضا العملاء.",
    ],
)
def test_ordinary_wordings_beside_the_changes(text: str) -> None:
    assert categories(text) == set()
