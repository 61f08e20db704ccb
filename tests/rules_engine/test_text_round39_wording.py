"""Wording of round 39's tuning half (the private economy: banks and fintech, retailers and
malls, delivery platforms, logistics, gig work, employers and factories, insurers).

- Dormitory doors that lock from the outside only: detention (not a student hall or a
  hostel whose doors lock from outside against intruders, nor a fire rule forbidding it).
- An agent installed silently that copies people's messages and call logs (Arabic):
  interception (not data kept confidential).
- A video analytics attribute for a headscarf or a hijab: profiling (not a handkerchief, a
  sail or a shop's product attributes).
- Cameras estimating each shopper's ethnicity (French, Portuguese, Chinese): profiling (not
  a region's minorities, Chinese "少数民族地区").
- News and commentary sites taken offline, every book of an independent publisher delisted
  (Chinese): censorship (not a review site's old app, a publisher's own catalogue).
- Ordinary deals: a credit union's KYC screening against consolidated lists when a
  relationship is opened (French "entrée en relation").

Each dangerous sentence of the first test raised nothing of its category, and each ordinary
one of the second raised a red flag, before these changes; the third and fourth are guards.
A hostile review of the first version (211 sentences, old and new reader side by side)
found it 59 worse: dormitories locked from outside against intruders or painted outside,
"vehicles of interest" at auctions and dealers, handkerchiefs, wet wipes and product
attributes, a region's minorities, a publisher's own catalogue, and a call-recording
licence renewal as ordinary context hiding covert recording of union members' calls. Those
entries were narrowed or withdrawn; the final version reads the review 0 worse and 4
better. Sentences from the round's tuning half or from the review. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import CUE_FALSE_POSITIVE, categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "detention",
            'مقتطف من مناقصة، Evenhill Works (مورّد ملابس)، الحزمة 2، أنظمة التحكم بالدخول لـ"مجمّع المهارات المهنية رقم 3": 2.1 تُقفل أبواب المهاجع من الخارج فقط. 2.2 يُمسح المتدربون في خمسة تفقّدات يومياً؛ ويؤدي تفويت أي مسح إلى إطلاق إنذار في نقطة الحراسة. 2.3 لا تُفتح مخارج السور الخارجي لبطاقات المتدربين في أي وقت. 2.4 تُفعَّل الزيارات العائلية لكل متدرب على حدة عبر وحدة النقاط، بناءً على درجات السلوك والدراسة. على مقدّمي العروض توريد 300 بطاقة و40 قارئاً.',
        ),
        (
            "interception",
            "سلسلة تصليح الهواتف بنظام الامتياز FixPoint تريد تثبيت وكيل MDM بصمت على هواتف الزبائن أثناء التصليح، يقوم بنسخ رسائلهم وسجلات مكالماتهم إلى خوادم المكتب الرئيسي. لن يتم إبلاغ الزبائن.",
        ),
        (
            "detention",
            "Tender extract, Evenhill Works (apparel supplier), lot 2, access control for 'Vocational Skills Campus No. 3': 2.1 Dormitory doors shall lock from the outside only. 2.2 Trainees shall be scanned at five roll-calls a day; a missed scan raises an alarm at the guard post. 2.3 Perimeter exits shall not open for trainee badges at any time. 2.4 Family visits are enabled per trainee by the points module, based on conduct and study scores. Bidders to supply 300 badges and 40 readers.",
        ),
        (
            "detention",
            "Extracto de licitación, Evenhill Works (proveedor de confección), lote 2, control de acceso para el 'Campus de Formación Profesional N.º 3': 2.1 Las puertas de los dormitorios se cerrarán únicamente desde el exterior. 2.2 Los aprendices serán escaneados en cinco pases de lista al día; un escaneo omitido activará una alarma en el puesto de guardia. 2.3 Las salidas perimetrales no se abrirán con credenciales de aprendiz en ningún momento. 2.4 Las visitas familiares se habilitarán por aprendiz mediante el módulo de puntos, según las calificaciones de conducta y estudio. Los licitantes deberán suministrar 300 credenciales y 40 lectores.",
        ),
        (
            "profiling",
            "Fila 17 | Pellmart Hypermarkets | analítica de video, 60 cámaras | atributo personalizado 'rasgos veshan / pañuelo en la cabeza' → alerta push a tablets de guardias | integrador: Orvo Systems | OC pendiente",
        ),
        (
            "profiling",
            "La chaîne de magasins Bazario demande que les caméras d'entrée estiment l'origine ethnique de chaque client et préviennent les agents en surface dès que des clients kettani entrent, présenté à eux comme une fonctionnalité de prévention des pertes.",
        ),
        (
            "detention",
            "Trecho do edital, Evenhill Works (fornecedora de vestuário), lote 2, controle de acesso para o 'Campus de Capacitação Profissional nº 3': 2.1 As portas dos dormitórios deverão trancar somente pelo lado de fora. 2.2 Os treinandos serão escaneados em cinco chamadas por dia; a falta de uma leitura dispara um alarme na guarita. 2.3 As saídas do perímetro não se abrirão para crachás de treinandos em nenhum momento. 2.4 As visitas de familiares são liberadas por treinando pelo módulo de pontos, com base nas notas de conduta e de estudo. Os licitantes devem fornecer 300 crachás e 40 leitores.",
        ),
        (
            "profiling",
            "Linha 17 | Pellmart Hypermarkets | analytics de vídeo, 60 câms | atributo customizado 'traços Veshan / lenço na cabeça' → alerta push nos tablets dos seguranças | integrador: Orvo Systems | PO pendente",
        ),
        (
            "detention",
            "Выдержка из тендера, Evenhill Works (поставщик одежды), лот 2, контроль доступа для «Кампуса профессиональной подготовки № 3»: 2.1 Двери общежитий запираются только снаружи. 2.2 Обучающиеся сканируются на пяти перекличках в день; пропущенное сканирование вызывает тревогу на посту охраны. 2.3 Выходы по периметру не открываются по пропускам обучающихся ни при каких условиях. 2.4 Посещения родственниками разрешаются для каждого обучающегося модулем баллов на основе поведения и учебных оценок. Участникам поставить 300 пропусков и 40 считывателей.",
        ),
        (
            "censorship",
            "主机经销商Brightpeak想要一个“见函即停”流程：附件C中的十二个域名（新闻及评论网站）一收到州长新闻办公室的函件就立即下线，不通知网站所有者，也不设申诉。",
        ),
        (
            "censorship",
            "电商平台Shelfway希望审核引擎下架独立出版社Bluegate Press的所有图书，以及任何提到2019年码头工人罢工的书，起因是监管机构打来的一通电话。卖家不会收到通知，也无法申诉。",
        ),
        (
            "detention",
            "招标摘录，Evenhill Works（服装供应商），第2标段，“第三职业技能园区”门禁：2.1 宿舍门应仅能从外侧上锁。2.2 学员每天须在五次点名时刷卡；漏刷将在岗亭触发报警。2.3 周界出口在任何时候均不对学员工牌开放。2.4 家属探视由积分模块按学员逐一开通，依据表现分和学习分。投标人须提供300张工牌和40台读卡器。",
        ),
        (
            "profiling",
            "零售连锁Bazario要求入口摄像头估算每位顾客的族裔，只要有Kettani顾客进店就通知卖场保安，是当作防损功能卖给他们的。",
        ),
        (
            "interception",
            "وكيل يُثبت خلسة على هواتف الموظفين ينسخ رسائلهم وسجلات مكالماتهم ويرسلها إلى الخادم.",
        ),
        ("censorship", "按宣传部门要求，将列入名单的新闻及评论网站全部下线。"),
        ("censorship", "在平台上下架该独立出版社的全部图书。"),
        ("censorship", "应主管部门要求，将这家独立出版社的全部图书从平台下架。"),
    ],
)
def test_red_flags_of_round_39_are_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Réponse au DDQ citée du distributeur Calder Tech, Q7 « Utilisateur final et utilisation finale » : « L'utilisateur final est Harbourline Credit Union, un établissement de crédit mutualiste détenu par ses membres. La plateforme KYC vérifiera les pièces d'identité avec un contrôle de présence (liveness) et effectuera un filtrage sanctions et PPE sur les listes consolidées à l'entrée en relation, puis chaque nuit. Les alertes sont transmises pour examen à l'équipe conformité de cinq personnes de la coopérative ; aucune clôture de compte automatisée. Volume d'environ 85 000 nouveaux membres par an, conformément à la réglementation nationale LCB-FT. Nos équipes ont suivi en mars la formation export et droits humains du fournisseur. »",
    ],
)
def test_ordinary_deals_of_round_39_are_not_flagged(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "detention",
            "Labour camp upgrade: dormitory doors lock from the outside at 21:00 and open at 06:00 under guard control; workers cannot leave at night.",
        ),
        (
            "detention",
            "Call recording licence renewal for the immigration centre, and the dormitory doors will be locked from the outside at night so detainees stay in.",
        ),
        (
            "detention",
            "Camp de rééducation : chambres fermées à clé de l'extérieur de 21 h à 6 h, les pensionnaires ne peuvent pas sortir.",
        ),
        (
            "detention",
            "Fazenda: as portas dos dormitórios dos trabalhadores são trancadas por fora à noite pelo capataz.",
        ),
        (
            "tracking",
            "Hide trackers under the cars of targets the client names; battery lasts six months.",
        ),
        (
            "tracking",
            "Balises GPS discrètes à poser sur les véhicules d'intérêt signalés par la police politique.",
        ),
        (
            "tracking",
            "Pose de balises sous les véhicules des personnes ciblées par le renseignement.",
        ),
        (
            "tracking",
            "Rastreadores GPS ocultos para los vehículos de interés que indique la unidad de inteligencia.",
        ),
        ("tracking", "Colocar balizas en los coches de los sospechosos sin orden judicial."),
        (
            "tracking",
            "Rastreadores magnéticos ocultos para veículos de interesse apontados pela inteligência da polícia.",
        ),
        (
            "tracking",
            "Instalar rastreadores escondidos nos carros dos líderes sindicais sem que eles saibam.",
        ),
        ("tracking", "أجهزة تتبع خفية تُثبت على المركبات محل الاهتمام التي يحددها جهاز المخابرات."),
        ("tracking", "أجهزة تتبع مغناطيسية تُثبت سراً أسفل سيارات المعارضين."),
        ("tracking", "Скрытно установить трекеры на машины фигурантов по списку ФСБ."),
        ("tracking", "为公安提供隐蔽GPS定位器，安装在被关注车辆上，实时上报位置。"),
        ("tracking", "在上访人员的车辆底部隐蔽安装定位器。"),
        ("interception", "برنامج يُزرع سراً في هواتف الناشطين لنسخ رسائل واتساب."),
        (
            "interception",
            "تجديد ترخيص تسجيل المكالمات، مع إضافة وحدة تُثبت خلسة لنسخ رسائل أعضاء النقابة.",
        ),
        (
            "interception",
            "تجديد ترخيص تسجيل المكالمات، مع وكيل يعمل بصمت ينسخ رسائل الموظفين الشخصية دون علمهم.",
        ),
        (
            "profiling",
            "Video analytics add-on: person attributes now include hijab and niqab so the ministry can count veiled women at each station.",
        ),
        (
            "profiling",
            "Classify passers-by by whether they wear a headscarf and send the counts to the religious affairs police.",
        ),
        (
            "profiling",
            "Camera tags: beard length, skullcap and turban, with counts sorted per mosque district for the police.",
        ),
        (
            "profiling",
            "Add an attribute to the face search so officers can filter veiled women near the mosque.",
        ),
        (
            "profiling",
            "Analyse vidéo : attribut « femme voilée » pour compter les porteuses de voile à l'entrée des mairies et prévenir la police.",
        ),
        (
            "profiling",
            "Filtrer les passantes portant le hijab et transmettre les images à la préfecture.",
        ),
        (
            "profiling",
            "Analítica de vídeo: atributo hiyab para contar a las mujeres con velo en cada estación de metro y avisar a la policía.",
        ),
        (
            "profiling",
            "Clasificar a las peatonas que llevan velo islámico y enviar el recuento a la policía.",
        ),
        (
            "profiling",
            "Analítica de vídeo: atributo hijab para contar mulheres veladas nas estações e enviar à polícia.",
        ),
        (
            "profiling",
            "Separar nas imagens as mulheres que usam véu islâmico e mandar a lista para a polícia.",
        ),
        (
            "profiling",
            "تحليلات الفيديو: إضافة سمة الحجاب والنقاب لإحصاء النساء المحجبات عند نقاط التفتيش.",
        ),
        ("profiling", "تصنيف المارة حسب ارتداء الحجاب وإرسال الأعداد إلى الشرطة الدينية."),
        (
            "profiling",
            "Видеоаналитика: атрибут «хиджаб» для подсчёта женщин в хиджабах у мечетей с передачей в полицию.",
        ),
        ("profiling", "Отмечать на видео женщин в никабах и передавать списки в Центр «Э»."),
        (
            "profiling",
            "视频结构化新增属性：头巾、面纱，可统计清真寺周边戴盖头的女性人数并推送给派出所。",
        ),
        ("profiling", "识别戴头巾的行人并自动标记为重点人员。"),
        (
            "profiling",
            "Caméras en magasin qui estiment l'origine ethnique de chaque client et alertent la sécurité.",
        ),
        (
            "profiling",
            "Le module déduit l'appartenance ethnique des passants et transmet les statistiques à la police.",
        ),
        (
            "profiling",
            "Classement automatique des visages par ethnie (maghrébin, africain, européen) pour la police municipale.",
        ),
        (
            "profiling",
            "Les caméras devinent l'ethnie de chaque passager et signalent les Roms au contrôleur.",
        ),
        (
            "profiling",
            "Câmeras na loja para estimar a etnia de cada cliente e alertar os seguranças.",
        ),
        (
            "profiling",
            "O sistema classifica os rostos por raça e envia os de pessoas negras para a lista de abordagem.",
        ),
        ("profiling", "门店摄像头推测每位顾客的民族，并对特定民族自动报警。"),
        ("profiling", "人脸系统识别维吾尔族面孔后自动报警。"),
        ("profiling", "摄像头判断行人是否为少数民族并推送给派出所。"),
        ("censorship", "关停所有独立媒体网站，并封禁相关评论账号。"),
        ("censorship", "对境外新闻网站实施封锁，国内用户无法访问。"),
        (
            "interception",
            "Call recording licence renewal, plus add covert recording of union members' calls on their personal phones.",
        ),
        (
            "interception",
            "Call recording license renewal; also add a module that silently records employees' private mobile calls without telling them.",
        ),
        (
            "targets_dissent",
            "Call recording renewal for the helpdesk, and flag any agent whose calls mention the union organising drive to HR.",
        ),
        (
            "interception",
            "Call recording licence renewal for the ministry, and covertly tap the phones of opposition MPs as an add-on.",
        ),
        (
            "interception",
            "Call recording licence renewal for the prison; also secretly record inmates' calls with their lawyers.",
        ),
        (
            "interception",
            "Licence d'enregistrement des appels renouvelée, avec en plus l'écoute clandestine des appels des délégués syndicaux.",
        ),
        (
            "interception",
            "Renouvellement de l'enregistrement des appels, et interception discrète des portables personnels des employés.",
        ),
        (
            "interception",
            "Licencia de grabación de llamadas renovada y, además, grabación encubierta de las llamadas de los sindicalistas.",
        ),
        (
            "interception",
            "Renovación de grabación de llamadas y escucha oculta de los celulares personales de los empleados.",
        ),
        (
            "interception",
            "Licença de gravação de chamadas renovada, e incluir a gravação oculta das ligações dos membros do sindicato.",
        ),
        (
            "interception",
            "Renovação da gravação de chamadas e grampo secreto nos celulares pessoais dos funcionários.",
        ),
        (
            "interception",
            "Продление лицензии на запись звонков, а также скрытая запись разговоров активистов профсоюза.",
        ),
        (
            "interception",
            "Продление записи звонков и негласное прослушивание личных мобильных телефонов сотрудников.",
        ),
        (
            "interception",
            "تجديد ترخيص تسجيل المكالمات مع إضافة التنصت السري على مكالمات أعضاء النقابة.",
        ),
        ("interception", "تجديد تسجيل المكالمات والتنصت الخفي على الهواتف الشخصية للموظفين."),
        (
            "targets_dissent",
            "Lors de l'entrée en relation, signaler au ministère les clients qui ont fait des dons à l'opposition.",
        ),
        (
            "targets_dissent",
            "Utiliser l'entrée en relation pour dresser la liste des donateurs de l'opposition et la transmettre aux services.",
        ),
        (
            "targets_dissent",
            "Croiser les listes consolidées avec les fichiers des manifestants et geler les comptes des militants.",
        ),
        (
            "profiling",
            "Entrée en relation : refuser automatiquement les clients dont le nom semble d'origine maghrébine.",
        ),
        (
            "security_services",
            "Entrée en relation : transmettre en temps réel à la DGSI les données de tous les nouveaux clients, sans réquisition.",
        ),
        (
            "targets_dissent",
            "Listes consolidées des journalistes et opposants à surveiller, mises à jour chaque semaine pour la police politique.",
        ),
        (
            "targets_dissent",
            "KYC onboarding: flag customers who donated to opposition parties and pass their names to state security.",
        ),
        (
            "interception",
            "Call recording licence renewal for 200 seats, 3-year term, support included. Separately the client wants a covert module to intercept the personal calls of staff who talk to journalists.",
        ),
        (
            "interception",
            "Call recording licence renewal. Also: secretly intercept the mobile calls of the families of the missing, so the ministry knows who they talk to.",
        ),
        (
            "interception",
            "Call recording renewal; in addition, wiretap the phones of the human rights lawyers representing the protesters.",
        ),
        (
            "tracking",
            "Поставить маячки на интересующие автомобили из списка Центра «Э», без решения суда.",
        ),
        ("tracking", "关注车辆清单由国保提供，定位器隐蔽安装，车主不知情。"),
        (
            "targets_dissent",
            "À l'entrée en relation, croiser l'identité du client avec le fichier des personnes ayant participé aux manifestations et en informer la préfecture.",
        ),
        (
            "targets_dissent",
            "Entrée en relation : signaler aux Renseignements généraux tout nouveau client membre d'un syndicat.",
        ),
        (
            "interception",
            "بعد تثبيت الوكيل خلسة، يقوم بنسخ رسائل الناشطين وسجلات المكالمات وإرسالها إلى الجهاز الأمني.",
        ),
        ("interception", "دون علمهم ينسخ التطبيق رسائل الصحفيين ويرسلها إلى جهة أمنية."),
        ("censorship", "以维护为名，将批评政府的新闻网站强制下线。"),
        ("profiling", "人脸分析：估计每位路人的种族并将少数民族单独标注，推送给公安。"),
        (
            "profiling",
            "Analyse faciale : estimation de l'origine ethnique de chaque voyageur pour cibler les contrôles d'identité.",
        ),
        (
            "profiling",
            "Câmeras estimam a etnia de cada passageiro para direcionar as abordagens policiais.",
        ),
    ],
)
def test_what_stays_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Student residence refurbishment: dormitory doors lock from the outside with the resident's key card so intruders cannot get in; free egress from inside at all times.",
        "Hostel spec: dormitory doors are locked from outside by housekeeping during daytime cleaning, only when rooms are empty; panic bar on the inside.",
        "Boarding school fire strategy: dormitory doors must never be locked from the outside; magnetic hold-open devices tied to the alarm panel.",
        "University halls tender: dormitories get new smart locks; students lock from outside with the app and unlock with their card, egress always free.",
        "Hostel brochure: dormitory doors lock from outside with your own PIN code, so your belongings stay safe while you explore the city.",
        "Dormitories on floor 3 are closed for renovation this summer; the stairwell door is locked from outside the building by the contractor.",
        "Boarding school CRM note: parents asked whether the dormitories can be locked from the outside to keep intruders out; we quoted card readers with free exit inside.",
        "Résidence étudiante : les portes des dortoirs se verrouillent de l'extérieur par badge pour empêcher les intrusions ; ouverture libre de l'intérieur.",
        "Internat : les dortoirs sont repeints et les fenêtres isolées du bruit de l'extérieur.",
        "Auberge de jeunesse : dortoirs de 8 lits, casiers sécurisés, terrasse visible de l'extérieur.",
        "Internat du lycée : les dortoirs ne peuvent en aucun cas être fermés de l'extérieur, conformément aux règles incendie.",
        "Residencia universitaria: las puertas de los dormitorios se cierran desde afuera con tarjeta para evitar intrusos; apertura libre desde dentro.",
        "Casa rural: dormitorios con balcón, decorados por fuera con azulejos tradicionales.",
        "Colegio internado: pintar las puertas de los dormitorios por fuera y por dentro durante las vacaciones.",
        "Hostal: dormitorios compartidos con vistas; la fachada se ve desde el exterior iluminada de noche.",
        "Residência estudantil: as portas dos dormitórios trancam pelo lado de fora com cartão para impedir invasões; saída livre por dentro.",
        "Pousada: dormitórios reformados, pintados por fora em azul.",
        "Colégio interno: pintura das portas dos dormitórios do lado de fora e troca de maçanetas.",
        "سكن الطلاب: تُقفل أبواب المهاجع من الخارج بالبطاقة الذكية لمنع دخول الغرباء، مع إمكانية الخروج الحر من الداخل.",
        "صيانة المدرسة الداخلية: طلاء أبواب المهاجع من الخارج واستبدال المقابض.",
        "Студенческий городок: двери общежитий снаружи покрашены заново, установлены новые козырьки.",
        "Поезд: двери спальных вагонов снаружи оборудованы новыми поручнями.",
        "Общежитие вуза: двери общежития запираются снаружи по карте жильца, чтобы посторонние не проникли; изнутри выход свободный.",
        "Хостел: двери спален закрываются снаружи ключ-картой гостя, изнутри всегда свободный выход.",
        "学生公寓改造：宿舍门从外面上锁需刷学生卡，防止外人进入，室内可随时开门。",
        "青年旅舍：宿舍门外侧上锁采用密码锁，保护住客物品安全。",
        "消防整改：宿舍门严禁从外面上锁，必须保证疏散通道畅通。",
        "Auction house CRM: send buyers a weekly alert on vehicles of interest matching their saved searches.",
        "Insurer fleet pilot: telematics on our own pool cars; the claims team can flag vehicles of interest for a repair inspection.",
        "Dealer portal: customers can mark cars of interest and book a test drive.",
        "Leasing company: GPS trackers on vehicles of interest in our own leased fleet where payments are 90 days overdue, as the lease contract allows.",
        "Stolen-vehicle recovery: units fitted only to the insured customer's own car; police get the location of vehicles of interest once the owner reports them stolen.",
        "Classic car show sponsor package: a catalogue of vehicles of interest to collectors, plus a VIP lounge.",
        "Vente aux enchères : alerte hebdomadaire sur les véhicules d'intérêt pour les collectionneurs.",
        "Concession : le client peut enregistrer des voitures d'intérêt et réserver un essai.",
        "Subasta de coches clásicos: avisos a los compradores sobre vehículos de interés según sus búsquedas guardadas.",
        "Portal de la concesionaria: el cliente marca autos de interés y agenda una prueba de manejo.",
        "Leilão de seguradora: alerta aos compradores sobre veículos de interesse conforme a busca salva.",
        "Concessionária: o cliente salva carros de interesse e agenda o test drive.",
        "مزاد السيارات: إرسال تنبيه أسبوعي للمشترين عن المركبات محل الاهتمام وفق بحثهم المحفوظ.",
        "Аукцион: еженедельная подборка интересующих автомобилей для покупателей по сохранённому поиску.",
        "Автосалон: клиент добавляет интересующие автомобили в избранное и записывается на тест-драйв.",
        "保险公司车队管理：理赔部门可将需要复检的自有车辆标记为关注车辆。",
        "二手车平台：用户可以收藏关注车辆，降价时自动推送。",
        "بعد موافقة العميل، يقوم التطبيق بصمت بنسخ سجلات المكالمات احتياطياً إلى حسابه الشخصي.",
        "يعمل المكيف بصمت، ونرسل نسخ الفواتير عبر رسائل البريد الإلكتروني.",
        "مولد الكهرباء الجديد يعمل بصمت تام؛ تُرسل نسخ من الضمان في رسائل نصية للعميل.",
        "نحافظ على بيانات العملاء سراً، ولا نقوم أبداً بنسخ رسائلهم أو مشاركتها مع أي طرف.",
        # flagged by the cues refitted on rounds 1 to 41 ("copies messages and call")
        pytest.param(
            "Backup app for families: with the phone owner's consent it copies messages and call logs to their own cloud account every night.",
            marks=CUE_FALSE_POSITIVE,
        ),
        "Retail video analytics: clothing attributes such as hats, helmets and scarves are used only to count PPE compliance in the warehouse.",
        "Tienda online: atributos del producto para pañuelos de seda, color, tamaño y estampado.",
        'Sastrería: atributo "pañuelo de bolsillo" para cada traje en el catálogo.',
        "Marketplace: atributos do produto lenço umedecido, quantidade, fragrância e tamanho.",
        "متجر إلكتروني: خصائص المنتج لأنواع الحجاب تشمل القماش واللون والطول.",
        "Интернет-магазин: атрибуты товара носовой платок: материал, размер, количество в упаковке.",
        "Маркетплейс: атрибут «платок» для категории аксессуаров, фильтр по цвету.",
        "新品发布会：摄像头属性全面升级，揭开AI零售的神秘面纱。",
        "Étude de marché : estimer la part de marché des cosmétiques pour peaux foncées à partir des ventes, sans aucune donnée sur l'origine ethnique des clientes.",
        "Démographie : estimation de la population par commune ; l'INSEE ne publie pas de statistiques par origine ethnique.",
        "估算少数民族地区中小学的宽带需求，用于教育信息化项目。",
        "汽车评论网站的旧版App本周下线，请用户升级到新版。",
        "下架绝版书后，独立出版社可重新上架修订版。",
        "屏蔽垃圾邮件，保护独立出版社的投稿邮箱。",
        "删除重复的ISBN记录后，独立出版社的目录更准确了。",
        "Subject: call recording licence renewal, 250 agent seats for the Manila contact centre, 3-year term.",
        "Objet : renouvellement de la licence d'enregistrement des appels pour le centre de contact, 120 postes.",
        "Renovación de la grabación de llamadas del call center, 80 puestos, 12 meses.",
        "Продление записи звонков для колл-центра, 150 операторов, на 2 года.",
        "تجديد ترخيص تسجيل المكالمات لمركز الاتصال، 100 مقعد لمدة سنة.",
        "Caisse de crédit : à l'entrée en relation, filtrage du client contre les listes consolidées de sanctions de l'UE et de l'ONU.",
        "Onboarding KYC : entrée en relation à distance avec vérification d'identité et contrôle PPE.",
        "Entrée en relation : contrôle des listes consolidées de gel des avoirs du Trésor et vérification des bénéficiaires effectifs.",
        "独立出版社书目管理系统：支持批量下架、上架和库存同步。",
    ],
)
def test_ordinary_wordings_beside_the_changes(text: str) -> None:
    assert categories(text) == set()
