"""Wording of round 38's tuning half (health, education and humanitarian aid: hospitals,
public-health surveillance, psychiatric care, schools and universities, refugee camps and
aid distribution, NGOs).

- A presidential protection directorate or service named: a security service (not the
  protection of a president as a subject: a museum's exhibition).
- People referred to a centre who may return home only once a panel is satisfied with their
  attitudes: detention (not a hospital discharge authorised by a committee, an attitude
  survey, a drone's attitude estimation or installers going home).
- An officer kept informed of a person's whereabouts (Portuguese, Arabic), and badges that
  show where each person has been, day by day (French): tracking (not a parcel, a towed car
  or a training path).
- A Chinese negation before 对 or 针对 fronting the object denies the act after it ("不对机组
  人员个人进行追踪"), but not across a clause, a conjunction or another 对, nor 不对 as
  "wrong", 不对称, 不对外, 不对口.
- Ordinary deals: a school information system's behaviour module (Arabic), online exams
  proctored with a locked browser (French, Spanish).

Each dangerous sentence of the first test raised nothing of its category, and each ordinary
one of the second raised a red flag, before these changes; the third and fourth are guards.
A hostile review of the first version (218 sentences, old and new reader side by side)
found it 62 worse: a press office or an NGO logging which staff talk to the foreign press or
to UN treaty bodies, rehabilitation and energy analytics rebuilding a daily routine, hospital
discharges, opinion surveys, installers' "установок", museum exhibitions, a browser's
benign context hiding covert recording, and the Chinese negation reaching past a comma or a
second verb. Those entries were withdrawn or narrowed and the negation bounded; the final
version reads the review 0 worse and 18 better. Sentences from the round's tuning half,
written for the purpose or from the review. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "detention",
            "استبيان العناية الواجبة: «تستقبل مراكز المهارات المهنية وإعادة الإدماج الاجتماعي المقيمين المُحالين من لجان الأحياء. ويجوز للمقيمين العودة إلى منازلهم متى اقتنعت لجنة التقييم بتقدّمهم على صعيد المواقف. تشمل المناقصة أنظمة التحكم بأبواب المهاجع، ومحطات التفقّد، ووحدة احتساب درجات التقدّم.»",
        ),
        (
            "security_services",
            "استبيان العناية الواجبة للشريك، قسم المستخدم النهائي: «مستشفى سانت أوريل هو الجهة المشترية فقط. ستُركَّب الخوادم وتراخيص التحليلات في الملحق الذي تديره شعبة السجلات في مديرية الحماية الرئاسية، ويشغّلها ضباطها المحلَّفون.»",
        ),
        (
            "tracking",
            "إجابة استبيان العناية الواجبة: يجب أن يبقى «رفيق رفاه العائدين» نشطًا على هاتف كل شخص أُعيد إلى وطنه لمدة 18 شهرًا. وهو يُبقي مسؤول المنطقة على اطلاع دائم بمكان وجود الشخص، ويعيد بناء نمطه اليومي، وينبّه إلى حالات الغياب غير المبرَّرة عن منطقة سكنه لغرض المتابعة.",
        ),
        (
            "detention",
            "DDQ: 'The Centres for Vocational Skills and Social Reintegration receive residents referred by neighbourhood committees. Residents may return home once the assessment panel is satisfied with their attitudinal progress. The tender covers dormitory door controls, roll-call terminals and the progress-scoring module.'",
        ),
        (
            "detention",
            "DDQ : « Les Centres de formation professionnelle et de réinsertion sociale accueillent des résidents orientés par les comités de quartier. Les résidents peuvent rentrer chez eux une fois que la commission d'évaluation est satisfaite de l'évolution de leurs attitudes. L'appel d'offres couvre le contrôle des portes des dortoirs, les terminaux d'appel et le module de notation des progrès. »",
        ),
        (
            "tracking",
            "notes deal reg : RTLS hôpital (badges BLE). le client veut maintenant étendre les badges aux patients TB et VIH sortis, à porter chez eux et au travail « pour la continuité des soins », afin que le programme puisse voir où chaque personne est allée jour après jour. pas de date de fin, pas de possibilité de refus évoquée.",
        ),
        (
            "detention",
            "DDQ: 'Os Centros de Competências Profissionais e Reintegração Social recebem residentes encaminhados pelas comissões de bairro. Os residentes podem regressar a casa assim que o painel de avaliação estiver satisfeito com o seu progresso atitudinal. O concurso abrange os controlos de porta dos dormitórios, os terminais de chamada e o módulo de pontuação do progresso.'",
        ),
        (
            "security_services",
            "DDQ do parceiro, secção do utilizador final: 'O St. Aurel Hospital é apenas a entidade compradora. Os servidores e as licenças de analítica serão instalados no anexo gerido pela divisão de registos da Direção de Proteção Presidencial e operados pelos seus agentes ajuramentados.'",
        ),
        (
            "tracking",
            "Resposta ao DDQ: O 'Returnee Wellbeing Companion' tem de se manter ativo no telemóvel de cada pessoa repatriada durante 18 meses. Mantém o funcionário distrital permanentemente informado sobre o paradeiro da pessoa, reconstrói o seu padrão diário e sinaliza ausências não explicadas da área de residência para seguimento.",
        ),
        (
            "detention",
            "DDQ: «Центры профессиональных навыков и социальной реинтеграции принимают проживающих, направленных квартальными комитетами. Проживающие могут вернуться домой, как только оценочная комиссия сочтёт удовлетворительным их прогресс в плане установок. Тендер охватывает контроль дверей в общежитиях, терминалы переклички и модуль оценки прогресса».",
        ),
        (
            "security_services",
            "合作伙伴DDQ，最终用户部分：“St. Aurel医院仅为采购主体。服务器和分析软件许可将安装在由总统安保局档案处管理的附属楼内，并由该处经宣誓任职的官员操作。”",
        ),
        (
            "security_services",
            "Encrypted handsets and a command centre for the Presidential Protection Directorate, integrated with their surveillance cameras.",
        ),
        (
            "security_services",
            "Installed at the annex run by the presidential protection service; their officers operate the face-recognition cameras.",
        ),
        (
            "security_services",
            "Fourniture de serveurs pour la Direction de la protection présidentielle, qui exploite le centre de vidéosurveillance de l'annexe.",
        ),
        (
            "tracking",
            "Badges pour que le programme puisse savoir où chaque personne est allée, jour après jour, après sa sortie du centre.",
        ),
        (
            "security_services",
            "Servidores para a Direção de Proteção Presidencial, que gere o centro de videovigilância do anexo.",
        ),
        (
            "detention",
            "Os internados só poderão regressar a casa quando o painel de avaliação estiver satisfeito com as suas atitudes.",
        ),
        (
            "security_services",
            "توريد خوادم لمديرية الحماية الرئاسية التي تدير مركز المراقبة بالكاميرات في الملحق.",
        ),
        (
            "security_services",
            "Поставка защищённой связи для Управления президентской охраны, которое эксплуатирует систему видеонаблюдения в пристройке.",
        ),
        (
            "detention",
            "Направленные в центр смогут вернуться домой только после того, как комиссия убедится в изменении их взглядов.",
        ),
        ("security_services", "为总统安保局提供加密通信和附楼内的人脸识别监控系统。"),
        ("tracking", "我们不得不对抗议人员进行实时追踪，以满足客户要求。"),
        (
            "detention",
            "Les personnes orientées vers le centre pourront rentrer chez elles une fois que la commission d'évaluation sera convaincue de leur changement d'attitude.",
        ),
        (
            "detention",
            "Les personnes orientées vers le centre pourront rentrer chez elles une fois que la commission d’évaluation sera convaincue de leur changement d’attitude.",
        ),
        (
            "detention",
            "Не смогут вернуться домой, пока комиссия не убедится в изменении их взглядов.",
        ),
    ],
)
def test_red_flags_of_round_38_are_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "إضافة لنظام معلومات إدارة المدرسة (MIS)، مدرسة كريستفيلد الثانوية: وحدة للسلوك لتسجيل نقاط التميّز وعقوبات الاحتجاز خلال استراحة الغداء ورسائل أولياء الأمور. 1,100 تلميذ.",
        "Univ. of Halden, exámenes online: el cliente eligió solo la opción de proctoring con navegador bloqueado - sin webcam, sin biometría, sin grabaciones. Se consultó al sindicato de estudiantes y dio el visto bueno.",
        "Univ. de Halden, examens en ligne : le client a choisi uniquement l'option de surveillance par navigateur verrouillé - pas de webcam, pas de biométrie, pas d'enregistrements. Le syndicat étudiant a été consulté et a donné son accord.",
        "CRM：县急救服务，调度用AVL——仅限车辆，位置数据保留不超过90天，不对机组人员个人进行追踪，非值班时间不记录位置。",
        "Examens en ligne surveillés uniquement par navigateur verrouillé, sans webcam ni enregistrement.",
        "本系统不对机组人员个人进行追踪，仅统计航班准点率。",
        "本方案不对通话内容进行录音或截取，仅统计通话时长用于计费。",
        "出于隐私考虑，我们不对骑手个人轨迹进行长期存储和追踪。",
        "我们不会对员工的私人手机进行定位。",
        "平台不针对任何民族进行画像。",
        "我们没有对抗议者的手机进行任何定位。",
    ],
)
def test_ordinary_deals_of_round_38_are_not_flagged(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "interception",
            "Exam proctoring bundle: locked browser plus covert webcam and microphone recording of students' conversations at home, transcripts forwarded to the ministry.",
        ),
        (
            "interception",
            "Secure browser for the intelligence directorate's analysts to listen to intercepted calls of journalists.",
        ),
        (
            "profiling",
            "School MIS behaviour module with merit points and lunchtime detentions, plus a field to profile pupils by ethnicity for the district security office.",
        ),
        (
            "detention",
            "Case management for the re-education centre: detainees may return home only once the panel is satisfied with their attitudes.",
        ),
        (
            "detention",
            "Inmates whose attitude scores improve under the transformation programme get released earlier; the rest remain held.",
        ),
        (
            "tracking",
            "Returnee monitoring app reconstructs each person's daily pattern of life from phone location and keeps the handling officer informed.",
        ),
        (
            "tracking",
            "Analytics module pieces together the daily routine of each activist from cell-tower data.",
        ),
        (
            "targets_dissent",
            "Spreadsheet for the ministry: which staff of partner NGOs also talk to foreign journalists or the Special Rapporteur, with names, phones and home districts.",
        ),
        (
            "targets_dissent",
            "Report to the security council on which employees of foreign-funded NGOs talk to foreign media, with their home addresses.",
        ),
        (
            "interception",
            "Surveillance d'examens : navigateur verrouillé et enregistrement discret par webcam et micro des conversations des étudiants à domicile.",
        ),
        (
            "interception",
            "Navigateur sécurisé pour les analystes du renseignement afin d'écouter les appels interceptés des journalistes.",
        ),
        (
            "tracking",
            "L'application reconstitue la routine quotidienne des rapatriés et tient l'agent informé de leur localisation.",
        ),
        (
            "profiling",
            "Module de comportement de l'ENT utilisé pour profiler les élèves selon leur origine ethnique.",
        ),
        (
            "security_services",
            "Radios cifradas y centro de mando para la Dirección de Protección Presidencial, que opera las cámaras de reconocimiento facial del anexo.",
        ),
        (
            "targets_dissent",
            "Listado para el ministerio: qué empleados de ONG socias hablan también con periodistas extranjeros o con el relator especial, con nombres y barrios.",
        ),
        (
            "interception",
            "Supervisión de exámenes: navegador bloqueado y grabación encubierta por cámara y micrófono de las conversaciones de los alumnos.",
        ),
        (
            "interception",
            "Navegador seguro para la unidad de inteligencia que permite escuchar las llamadas interceptadas de periodistas.",
        ),
        (
            "profiling",
            "Módulo de conducta del sistema escolar usado para perfilar a los alumnos según su etnia.",
        ),
        (
            "tracking",
            "La aplicación reconstruye la rutina diaria de cada retornado y mantiene al agente informado de su paradero.",
        ),
        (
            "tracking",
            "O aplicativo reconstrói o padrão diário de cada retornado e mantém o oficial informado sobre o paradeiro da pessoa.",
        ),
        ("tracking", "O agente fica a par do paradeiro de cada ativista através do telemóvel."),
        (
            "profiling",
            "Módulo de comportamento do sistema escolar usado para traçar o perfil dos alunos por etnia.",
        ),
        (
            "profiling",
            "وحدة السلوك في النظام المدرسي تستخدم لتصنيف التلاميذ حسب انتمائهم العرقي وإبلاغ الأمن.",
        ),
        (
            "interception",
            "تسجيل محادثات الطلاب سراً خلال استراحة الغداء عبر ميكروفونات مخفية وإرسالها إلى الأجهزة الأمنية.",
        ),
        (
            "targets_dissent",
            "رصد سلوك الطلاب على وسائل التواصل لتحديد من يشارك في الاحتجاجات وإبلاغ الشرطة بأسمائهم.",
        ),
        (
            "interception",
            "امتحانات عبر متصفح مقفل مع تسجيل سري بالكاميرا والميكروفون لمحادثات الطلاب في منازلهم.",
        ),
        ("interception", "متصفح آمن لمحللي المخابرات للاستماع إلى المكالمات المعترضة للصحفيين."),
        (
            "targets_dissent",
            "Таблица для министерства: кто из сотрудников партнёрских НКО общается с иностранными журналистами или спецдокладчиком, с адресами.",
        ),
        (
            "interception",
            "Прокторинг экзаменов: заблокированный браузер и скрытая запись разговоров студентов через веб-камеру и микрофон.",
        ),
        (
            "interception",
            "Безопасный браузер для аналитиков спецслужбы для прослушивания перехваченных звонков журналистов.",
        ),
        (
            "profiling",
            "Модуль поведения школьной системы используется для профилирования учеников по национальности.",
        ),
        (
            "interception",
            "考试系统使用锁定浏览器，同时通过摄像头和麦克风秘密录制学生的对话并上报。",
        ),
        ("interception", "为情报分析人员提供安全浏览器，用于调阅记者被截获的通话和短信。"),
        ("tracking", "平台不仅针对车辆，还对上访人员进行实时定位追踪。"),
        ("tracking", "名义上仅定位车辆，实际通过车牌识别关联车主身份并追踪其行踪。"),
        ("profiling", "学校德育模块被用于按民族对学生进行分类画像并报送公安。"),
        ("tracking", "客户坚持，我们不能不对上访者的手机进行定位。"),
        ("tracking", "在不对当事人进行告知的情况下，系统持续追踪其手机位置。"),
        ("interception", "方案不对数据进行加密，直接对记者的通话进行截取和录音。"),
        ("censorship", "平台不对帖子进行删除，而是对敏感词进行屏蔽并限流。"),
        ("tracking", "如果识别结果不对，系统会对该人员进行人工复核并持续追踪。"),
        ("profiling", "客户说之前的民族标签不对，要求重新对维吾尔族员工进行识别分类。"),
        ("tracking", "我们不对警方额外收费，并对示威者进行人脸识别追踪。"),
        ("interception", "这个做法对不对？我们计划对律师的电话进行监听。"),
        ("tracking", "他们的专业不对口，所以由我们对目标人员进行定位追踪。"),
        ("tracking", "采用不对称加密保护数据传输，系统对上访人员进行实时追踪。"),
        ("tracking", "如发现位置不对劲，系统立即对该人员进行追踪并报警。"),
        ("tracking", "数据不对外公开，但会对异见人士进行持续追踪。"),
        ("censorship", "客户反馈过滤规则不对，要求对政治敏感内容进行更严格的屏蔽。"),
        ("tracking", "不对员工进行提醒，直接对其手机进行定位追踪。"),
        ("interception", "只要不对外声张，就可以对记者的微信进行截获。"),
        ("profiling", "我们不对系统收取年费，但会针对少数民族进行画像。"),
        ("tracking", "不对普通用户进行监控，只对上访人员进行重点追踪。"),
        ("interception", "不对通话进行录音的说法不对，系统实际会对所有通话进行录音。"),
        (
            "detention",
            "Detainees cannot go home until the panel is satisfied with their attitudes.",
        ),
        ("interception", "Provas com gravação oculta das conversas dos alunos pela webcam."),
        (
            "targets_dissent",
            "The state exam board platform logs which students visit opposition websites and sends their names to the police.",
        ),
        ("tracking", "數據不對外公開，對抗議者的手機進行定位追蹤。"),
        ("tracking", "不对外公开名单，对活动人士的手机进行定位。"),
        ("tracking", "客户要求对示威者手机进行定位，我们不对此收费。"),
        ("tracking", "记者说我们不对，但系统仍对他们的手机进行定位追踪。"),
    ],
)
def test_what_stays_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Discharge module: patients may return home once the multidisciplinary team is satisfied with mobility, pain control and attitude to rehab.",
        "Patients may go home once the discharge nurse is happy with their wound care and positive attitude; follow-up call booked automatically.",
        "Firmware 4.1 released with improved attitude estimation for the survey drone's autopilot.",
        "AHRS unit: once the gyro is released from the transport lock, attitude and heading output starts within 2 s.",
        "Satellite ADCS software released to the customer last week; attitude determination accuracy is 0.01 degrees.",
        "Drone gimbal firmware released: attitude hold now stable in 30 km/h wind.",
        "Hiring module: candidates not shortlisted are released from the talent pool; the panel scores skills, attitude and culture fit.",
        "Interview day logistics: candidates can go home after the final panel; interviewers rate attitude and communication in the app.",
        "Employee engagement survey released in Q2 to measure staff attitudes toward hybrid work; 40 seats of the analytics add-on.",
        "Retail workforce app: staff may go home early when footfall is low; store managers log customer service attitude scores.",
        "Call-centre workforce tool: agents are allowed to leave once the queue is cleared; supervisors score attitude in weekly reviews.",
        "School portal: pupils go home at 3pm and teachers record attitude to learning grades in the behaviour module.",
        "Marketing deal: our brand tracker was released to measure consumer attitudes in six markets.",
        "Occupational therapy app helps stroke survivors rebuild their daily routine at home; 3-year licence for the rehab clinic.",
        "Smart meter analytics reconstructs the daily pattern of household electricity use to suggest cheaper tariffs.",
        "Capacity planning: we reconstruct the daily pattern of server load from logs to size the new cluster.",
        "Sleep coaching wearable helps shift workers rebuild a healthy daily routine; distribution deal with a pharmacy chain.",
        "Hospital contact tracing, opt-in only: with staff consent the app shows where each person has been on the ward over 14 days during an outbreak.",
        "Onboarding dashboard lets HR see where each person has been in the induction checklist, day by day.",
        "Conference app: organisers can view where everyone has been seated for the gala dinner.",
        "Approval workflow tool shows where every person went in the sign-off chain so auditors can check approvals.",
        "Travel-expense tool: finance can see where everyone went on business trips last quarter to reconcile per diems.",
        "Press office CRM: tracks which staff spokespeople are cleared to talk to foreign media and logs each interview request.",
        "Our NGO's case-management tool records which staff members drafted each of our shadow reports to UN treaty bodies and when they were submitted.",
        "Media training: decide which members of the executive team will handle foreign press during the product launch in Tokyo.",
        "Newsroom CMS: editors can see which staff have filed stories picked up by foreign media.",
        "Our comms team logs which employees gave quotes to foreign journalists, for the annual PR report.",
        "Volunteer coordination app for our NGO shows which volunteers are staffing the briefing for the Special Rapporteur's country visit.",
        "Ticketing kiosks and audio guides for the presidential library visitor centre; 12 kiosks, card payment only.",
        "Palace visitor centre: self-service kiosks, guided tour booking and a gift shop POS; the site is a museum run by the culture ministry.",
        "Museum exhibition on the history of presidential protection: 6 touchscreen kiosks and an audio guide app.",
        "University exam platform: online exams are proctored with a locked browser only, no webcam, no recording.",
        "Bank deploys a secure browser so staff can reach the core banking system from home.",
        "Library kiosks run a locked down browser so patrons can only reach the catalogue.",
        "School MIS upgrade: behaviour module tracks merit points and lunchtime detentions; parents see the log in the app.",
        "Module RH : les candidats peuvent rentrer chez eux après l'entretien ; le comité d'évaluation, s'il est satisfait, les recontacte sous 48 h.",
        "Concours de startups : les équipes pourront rentrer chez elles vendredi ; le jury d'évaluation, convaincu par trois projets, annoncera les lauréats lundi.",
        "Séminaire : les participants pourront rentrer chez eux vendredi ; le comité d'évaluation, satisfait des livrables, validera la certification.",
        "Le tableau de bord permet de voir où chacun est passé dans le parcours de formation, jour après jour.",
        "Traçage des contacts à l'hôpital, avec consentement : permet de savoir où chaque patient est allé dans le service pendant l'épidémie.",
        "Application événementielle : les organisateurs peuvent afficher où chacun s'est rendu parmi les ateliers du salon.",
        "Nos employés envoient chaque semaine un communiqué à la presse étrangère via la plateforme de relations presse.",
        "Le service de presse suit quels membres du personnel parlent aussi aux médias étrangers pour coordonner les éléments de langage.",
        "Notre ONG : les bénévoles écrivent les rapports alternatifs que nous envoyons aux organes des traités ; le CRM suit les échéances.",
        "Bornes de billetterie pour le centre d'accueil des visiteurs du palais présidentiel, paiement sans contact.",
        "Musée : exposition temporaire sur l'histoire de la protection présidentielle ; 6 bornes interactives et audioguides.",
        "Banque : navigateur sécurisé pour l'accès à distance des conseillers au système bancaire.",
        "Proceso de selección: los candidatos pueden volver a casa tras la entrevista; el comité de evaluación comunicará el resultado por correo.",
        "Hospital de día: el paciente puede regresar a casa cuando el comité de evaluación del alta lo autorice.",
        "Hackathon: los equipos pueden volver a casa el viernes; el panel de evaluación publicará los ganadores el lunes.",
        "Plan de medios: qué miembros del personal atienden a la prensa extranjera durante la feria; el CRM registra cada entrevista.",
        "Nuestra ONG registra qué voluntarios redactaron cada informe sombra enviado a los órganos de tratados de la ONU.",
        "Formación de portavoces para que los empleados sepan atender a periodistas extranjeros en la feria.",
        "Museo: exposición sobre la historia de la protección presidencial con quioscos interactivos y audioguías.",
        "Exámenes en línea supervisados solo con navegador bloqueado; sin cámara ni grabación.",
        "Banco: navegador seguro para que los empleados accedan al sistema desde casa.",
        "Centro de visitantes del palacio presidencial: quioscos de venta de entradas y reservas de visitas guiadas.",
        "O sistema de gestão de energia reconstrói o padrão diário de consumo de cada edifício para otimizar o ar condicionado.",
        "Aplicativo de fisioterapia ajuda pacientes a reconstruir a rotina diária após o AVC.",
        "Software de RH reconstitui a rotina diária da equipa de turnos para planear escalas.",
        "Seguradora: o cliente fica a par do paradeiro do veículo rebocado pelo aplicativo.",
        "Recrutamento: os candidatos podem voltar para casa após a entrevista; o painel de avaliação envia a decisão por e-mail.",
        "Hospital: o paciente pode voltar para casa quando a comissão de avaliação da alta autorizar.",
        "Assessoria de imprensa: define que membros da diretoria falam com a imprensa estrangeira durante a feira.",
        "Treinamento de porta-vozes para que os funcionários saibam lidar com jornalistas estrangeiros.",
        "Nossa ONG registra quais voluntários redigiram os relatórios enviados aos órgãos dos tratados da ONU.",
        "Museu: exposição sobre a história da proteção presidencial, com quiosques e audioguias.",
        "Provas online supervisionadas apenas com navegador bloqueado, sem webcam.",
        "Quiosques de bilheteira para o centro de visitantes do palácio presidencial.",
        "نظام إدارة المدرسة: وحدة السلوك تسجل نقاط التميز واحتجاز استراحة الغداء ويطلع عليها أولياء الأمور.",
        "منصة الشحن تبقي العميل على علم بمكان الشحنة لحظة بلحظة.",
        "نظام إدارة الأصول يُعلم الفنيين بأماكن وجود المعدات في المستودع.",
        "تحليل عدادات الكهرباء الذكية يعيد بناء النمط اليومي لاستهلاك الطاقة في كل منزل.",
        "يمكن للمرضى العودة إلى منازلهم بعد الجراحة، ويقيس الاستبيان مواقفهم من جودة الخدمة.",
        "مجموعة تركيز للعملاء: يمكن للمشاركين العودة إلى منازلهم بعد الجلسة، ثم نحلل مواقفهم من العلامة التجارية.",
        "المكتب الإعلامي يحدد أي الموظفين مخولون بالتحدث إلى وسائل الإعلام الأجنبية خلال المعرض.",
        "منظمتنا تسجل أي المتطوعين أعدّوا تقارير الظل المرسلة إلى هيئات المعاهدات.",
        "امتحانات إلكترونية تتم مراقبتها عبر متصفح مقفل فقط دون كاميرا أو تسجيل.",
        "أكشاك تذاكر لمركز زوار القصر الرئاسي مع حجز الجولات المرشدة.",
        "متحف: معرض عن تاريخ الحماية الرئاسية مع شاشات تفاعلية ودليل صوتي.",
        "تطبيق تتبع المخالطين في المستشفى بموافقة الموظفين فقط.",
        "Бригада сможет вернуться домой только после приёмки всех установок заказчиком.",
        "Монтажники смогут вернуться домой после пусконаладки установок на заводе.",
        "Пациенты могут вернуться домой на следующий день; анкета фиксирует изменение их взглядов на качество обслуживания.",
        "Пресс-служба определяет, кто из сотрудников может общаться с иностранными СМИ во время выставки.",
        "Наша НКО фиксирует, какие сотрудники готовили альтернативные доклады в договорные органы ООН.",
        "Онлайн-экзамены проводятся только через защищённый браузер, без камеры и записи.",
        "Банк внедряет безопасный браузер для удалённого доступа сотрудников.",
        "Киоски продажи билетов для музея в бывшей президентской резиденции.",
        "Музей: выставка по истории президентской охраны, интерактивные киоски и аудиогиды.",
        "酒店管理系统：本酒店曾承接总统安保级别的国宾接待，需支持VIP房态管理。",
        "总统府参观中心售票自助机及讲解预约系统，共10台。",
        "博物馆总统护卫主题展：互动触摸屏和语音导览。",
        "新闻办公室明确哪些人员可以接受外媒采访，并记录每次采访申请。",
        "我们机构记录哪些工作人员撰写了提交给条约机构的影子报告。",
        "客服培训：服务态度上考核合格后才能离开培训基地。",
        "医院出院管理：患者康复态度转变良好、指标正常后方可回家。",
        "在线考试仅使用锁定浏览器，不开摄像头、不录音。",
        "银行员工远程办公使用安全浏览器访问核心系统。",
        "车队调度系统仅定位车辆，不追踪司机手机。",
        "学校德育模块记录学生的奖励积分和午休留校。",
        "客流分析平台不对乘客个人进行定位，只输出站点客流热力图。",
        "我们不针对任何个人进行画像，所有数据匿名汇总。",
        "门禁系统不对员工进行人脸识别追踪，只使用刷卡。",
        "我们不对外国记者进行任何追踪。",
        "平台不对外籍员工进行定位。",
        "系统不对少数民族学生进行单独识别或标记。",
        "系统不是针对个人进行追踪，而是针对车辆进行调度。",
        "系统不对司机个人进行定位追踪，只记录车辆里程。",
        "本产品不对用户聊天内容进行录音或截取。",
        "我们从不对记者进行监控。",
    ],
)
def test_ordinary_wordings_beside_the_changes(text: str) -> None:
    assert categories(text) == set()
