"""Wording of round 40's tuning half (borders, travel and diasporas: airlines and airports,
hotels, visa and consular services, border technology, migration, remittances, media in
exile, roaming).

- A sponsor's portal showing each arriving worker's SIM's last cell position (English,
  Arabic, Russian): tracking (not a rally's sponsors, a lease's guarantor).
- A deal paid from a budget line for "special services" (English): a security service.
- Ordinary deals: an operator's fraud engine blocking SIM-box bypass and wangiri calls
  (French); a remittance app's hold on transfers released by a one-time SMS check (Spanish,
  Portuguese, Arabic, Chinese: the hold released, not the check or the trojan named).

Each dangerous sentence of the first test raised nothing of its category, and each ordinary
one of the second raised a red flag, before these changes; the third and fourth are guards.
A hostile review of the first version (215 sentences, old and new reader side by side)
found it 49 worse: "no warrant handled" and "courts avoided" in mediation and legal
software, "between sessions for weeks with no lawyer" in training and therapy, notices
against the videos of a newsroom in exile that a grant or a moderator defends, residents
who may not leave until an assessment in care homes, hospitals and boarding schools,
special-needs services on a budget line, a customs hold hiding journalists' bags. Those
entries were withdrawn; what is left reads the review 0 worse and 2 better, and a second
probe (12 sentences) 0 worse. Sentences from the round's tuning half or the reviews. No
database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "tracking",
            "مقتطف من بيان نطاق العمل، برنامج «شريحة الترحيب»: يحصل كل عامل قادم على شريحة SIM محمّلة مسبقاً في المطار. تحدّث بوابة الكفيل آخر موقع خلوي لكل شريحة كل 5 دقائق وتحتفظ بسجل 12 شهراً؛ ولا يمكن استبدال الشريحة دون موافقة الكفيل.",
        ),
        (
            "security_services",
            "PNR analytics x200 seats | buyer: Horizon Aviation Consulting (incorporated 11 weeks ago, no airline clients) | install site: 'Directorate 9' compound, Bekran | paid from budget line 3.7 'special services'",
        ),
        (
            "tracking",
            "SOW excerpt, 'Welcome SIM' programme: each arriving worker gets a preloaded SIM at the airport. The sponsor portal refreshes each SIM's last cell position every 5 minutes and keeps 12 months of history; the SIM cannot be swapped without sponsor approval.",
        ),
        (
            "tracking",
            "Выдержка из SOW, программа «Welcome SIM»: каждый прибывающий работник получает в аэропорту преднастроенную SIM-карту. Портал спонсора каждые 5 минут обновляет последнее местоположение каждой SIM по соте и хранит историю за 12 месяцев; заменить SIM без одобрения спонсора нельзя.",
        ),
        (
            "tracking",
            "Портал спонсора показывает местоположение каждой SIM прибывших рабочих и историю перемещений.",
        ),
    ],
)
def test_red_flags_of_round_40_are_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "تذكرة 7712 – تطبيق التحويلات PayHome. قواعد مكافحة الاحتيال لدينا حجبت أمس 1,200 تحويل من أجهزة مُعلَّمة بإصابتها بحصان طروادة مصرفي؛ وكان عدد منها لعملاء حقيقيين. يُرجى ضبط القاعدة بحيث يؤدي تحقق لمرة واحدة عبر SMS إلى رفع التعليق بدلاً من الحجب النهائي.",
        "Ticket 7712 – App de remesas PayHome. Nuestras reglas antifraude bloquearon ayer 1.200 transferencias desde dispositivos marcados con un troyano bancario; varias eran de clientes legítimos. Por favor, ajustar la regla para que una verificación por SMS de un solo uso libere la retención en lugar de un bloqueo definitivo.",
        "Accord d'itinérance – Nordlys Mobile. Forfaits data eSIM voyage vendus via des kiosques en aéroport et une appli. Inclut notre moteur antifraude pour bloquer le contournement par SIM box et les appels wangiri visant les abonnés en itinérance. Opérateur agréé classique dans deux États de l'UE.",
        "Chamado 7712 – App de remessas PayHome. Nossas regras antifraude bloquearam ontem 1.200 transferências de dispositivos sinalizados com um trojan bancário; vários eram clientes legítimos. Favor ajustar a regra para que uma verificação única por SMS libere a retenção em vez de um bloqueio definitivo.",
        "工单7712 – PayHome汇款App。我们的反欺诈规则昨天拦截了1,200笔来自被标记感染银行木马设备的转账；其中好几笔是真实客户。请调整规则，改为通过一次性短信验证即可解除冻结，而不是直接硬拦截。",
        "Opérateur mobile : moteur antifraude pour bloquer le contournement par sim box et les appels wangiri.",
    ],
)
def test_ordinary_deals_of_round_40_are_not_flagged(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "interception",
            "يتم تحويل مكالمات الصحفيين إلى مركز المراقبة مباشرة دون المرور عبر المحاكم.",
        ),
        (
            "interception",
            "Копии SMS и звонков абонентов в роуминге уходят на отдельный сервер вне СОРМ, без обработки судебных санкций.",
        ),
        ("interception", "直接在核心网镜像记者的通话，不走令状流程。"),
        (
            "interception",
            "Roamers' SMS and calls are mirrored to a separate box outside the LI system, with no warrant paperwork and no court involved.",
        ),
        (
            "interception",
            "Les SMS et appels des abonnés en itinérance sont copiés vers un serveur hors du système d'interception légale, sans passer par un juge.",
        ),
        (
            "interception",
            "Las llamadas de los usuarios en roaming se copian a un servidor aparte, sin orden judicial y sin pasar por los tribunales.",
        ),
        (
            "interception",
            "As chamadas e mensagens de assinantes em roaming são espelhadas para um servidor fora da interceptação legal, sem mandado e sem passar pelos tribunais.",
        ),
        ("interception", "نسخ مكالمات المعارضين ورسائلهم بدون إذن من النيابة ولا من قاضٍ."),
        (
            "interception",
            "Трафик абонентов в роуминге дублируется на сервер заказчика в обход СОРМ, без санкции суда.",
        ),
        (
            "interception",
            "Мы снимаем переписку абонентов в роуминге на свой сервер, а судебные решения вообще не запрашиваем.",
        ),
        (
            "detention",
            "Les personnes interrogées sur le site y restent entre les séances pendant plusieurs semaines, sans avocat.",
        ),
        (
            "detention",
            "يبقى الأشخاص الذين يتم استجوابهم في الموقع بين الجلسات لأسابيع، ولا يحضر أي محامين.",
        ),
        (
            "detention",
            "Programme de « formation » : les participants interrogés restent enfermés dans le centre entre les séances, pendant des semaines, sans avocat ni contact avec leurs familles.",
        ),
        ("detention", "“教育转化”课程：学员在两次谈话之间不得离开培训中心，持续数周，律师不在场。"),
        (
            "detention",
            "Interviewees are kept on site between sessions for weeks, with no lawyer present.",
        ),
        ("detention", "Опрашиваемых держат на объекте между допросами неделями, без адвоката."),
        (
            "detention",
            "Entre deux interrogatoires, les suspects sont maintenus sur place plusieurs semaines sans accès à un avocat.",
        ),
        ("detention", "يُحتجز المستجوَبون في المنشأة بين جلسات التحقيق لعدة أسابيع دون حضور محامٍ."),
        ("detention", "留置对象在谈话间隙被关押数周，不允许会见律师。"),
        (
            "censorship",
            "Las denuncias automatizadas apuntan a los videos del canal del medio en el exilio para que la plataforma lo cierre.",
        ),
        (
            "censorship",
            "Массовые жалобы направлены против видео эмигрантской редакции, цель — блокировка канала.",
        ),
        (
            "censorship",
            "Framed as a copyright compliance service: takedown notices against videos of an exiled newsroom critical of the ministry, filed under fake rights-holder names.",
        ),
        (
            "censorship",
            "We get the diaspora opposition outlet's YouTube uploads removed through fake DMCA claims.",
        ),
        (
            "censorship",
            "Notificações falsas de direitos autorais para derrubar os vídeos de jornalistas exilados.",
        ),
        (
            "censorship",
            "Подаём фальшивые жалобы на нарушение авторских прав на ролики журналистов-эмигрантов, чтобы их удалили.",
        ),
        ("censorship", "用虚假版权投诉让海外流亡记者的视频被下架。"),
        (
            "censorship",
            "تقديم بلاغات حقوق نشر كاذبة ضد فيديوهات غرفة الأخبار في المنفى حتى إغلاق القناة.",
        ),
        (
            "detention",
            "Residents of the 'vocational centre' are not allowed to leave until the political reliability assessment is complete.",
        ),
        ("detention", "职业技能教育培训中心：学员思想评估完成前不得离开。"),
        (
            "detention",
            "Inmates of the re-education facility cannot leave before their loyalty evaluation is passed.",
        ),
        (
            "tracking",
            "Sponsors can see where their workers are at night via the cell location of the SIM we issue at the airport.",
        ),
        ("tracking", "بوابة الكفيل تعرض آخر موقع خلوي لشريحة كل عامل وافد وسجل تنقلاته."),
        ("tracking", "担保方门户显示每位入境劳工手机卡的基站位置及历史轨迹。"),
        (
            "tracking",
            "Sold as an IoT SIM plan, but the sponsor sees the last cell position of each migrant worker's phone and gets alerts if they approach the embassy.",
        ),
        (
            "tracking",
            "Portail du garant : dernière position d'antenne de la SIM de chaque travailleur migrant, avec l'historique.",
        ),
        (
            "tracking",
            "Portal del patrocinador: última ubicación por antena de la SIM de cada trabajadora doméstica y su historial.",
        ),
        (
            "tracking",
            "Portal do patrocinador: última posição de célula do chip de cada trabalhador migrante e histórico.",
        ),
        ("tracking", "يرى صاحب العمل موقع هاتف كل عاملة منزلية عبر أبراج الاتصالات."),
        (
            "tracking",
            "Работодатель видит по вышкам сотовой связи, где находится телефон каждого мигранта.",
        ),
        ("tracking", "雇主可以通过基站定位查看每名外籍家政工的手机位置和轨迹。"),
        (
            "security_services",
            "Invoice routed through the ministry's budget line for 'special services' so the purchase doesn't appear under intelligence.",
        ),
        (
            "security_services",
            "Paiement imputé sur la ligne budgétaire des services spéciaux du ministère de l'Intérieur.",
        ),
        (
            "security_services",
            "يُدفع العقد من بند الميزانية المسمى خدمات خاصة التابع لجهاز أمن الدولة.",
        ),
        ("security_services", "合同款从公安部门的预算科目“特殊服务”中支出，不走公开采购。"),
        (
            "security_services",
            "El pago se imputa a la partida presupuestaria de servicios especiales del Ministerio del Interior.",
        ),
        (
            "security_services",
            "Pagamento pela rubrica orçamentária de serviços especiais do Ministério do Interior.",
        ),
        (
            "security_services",
            "Оплата проводится по бюджетной строке «специальные услуги» МВД, без открытого тендера.",
        ),
        (
            "security_services",
            "Paid out of the 'special services' line in the interior ministry's budget.",
        ),
        ("security_services", "Financé sur le budget des services spéciaux, hors marché public."),
        (
            "interception",
            "Moteur antifraude sim box, avec en option la copie des appels et SMS des journalistes ciblés vers un serveur de la police.",
        ),
        (
            "tracking",
            "Sous couvert de détection wangiri, la plateforme localise en temps réel les téléphones des militants d'opposition.",
        ),
        (
            "interception",
            "Détection des simbox livrée avec un module d'écoute des abonnés signalés par les services de renseignement.",
        ),
        (
            "interception",
            "Présenté comme un cheval de troie bancaire, l'implant est installé sur les téléphones des journalistes d'investigation pour exfiltrer leurs messages.",
        ),
        (
            "interception",
            "O implante se passa por um trojan bancário e é instalado nos celulares de jornalistas para copiar suas mensagens.",
        ),
        (
            "interception",
            "يُخفى برنامج التجسس الحكومي على هيئة حصان طروادة مصرفي ويُزرع في هواتف الصحفيين لقراءة رسائلهم.",
        ),
        ("interception", "把国家木马伪装成银行木马，植入调查记者的手机，窃取聊天记录。"),
        (
            "interception",
            "Государственный троян маскируют под банковский троян и ставят на телефоны журналистов, чтобы читать переписку.",
        ),
        (
            "tracking",
            "The one-time SMS check doubles as a locator: every code sent to the numbers on the protest organisers list returns the handset's cell position to the police.",
        ),
        (
            "tracking",
            "Chaque SMS à usage unique envoyé aux manifestants inscrits sert à localiser leur téléphone pour la police.",
        ),
        (
            "tracking",
            "Los SMS de un solo uso enviados a los manifestantes sirven para localizar sus teléfonos y pasar la ubicación a la policía.",
        ),
        (
            "tracking",
            "A verificação por SMS é usada para localizar os celulares dos manifestantes e repassar a posição à polícia.",
        ),
        (
            "tracking",
            "تُستخدم رسائل التحقق لمرة واحدة لتحديد مواقع هواتف المتظاهرين وإرسالها إلى الأمن.",
        ),
        ("tracking", "一次性短信验证码被用来定位抗议者的手机，并把位置推送给警方。"),
        (
            "tracking",
            "Одноразовые SMS-коды используются, чтобы определить местоположение телефонов протестующих для полиции.",
        ),
        (
            "censorship",
            "يتم تعليق حسابات الصحفيين المنتقدين على المنصة، ولا يتم رفع التعليق إلا بعد موافقة جهاز الأمن الوطني.",
        ),
        ("targets_dissent", "注册需短信验证，实名信息同步给公安，用于追踪上访人员。"),
        (
            "tracking",
            "Les codes de vérification par SMS servent aussi à géolocaliser les opposants lors des manifestations.",
        ),
        (
            "targets_dissent",
            "نظام الأمتعة يضع علامة على حقائب الصحفيين المدرجين في القائمة، فتبقى محتجزة لدى الجمارك حتى ينسخ الأمن هواتفهم.",
        ),
        ("targets_dissent", "海关扣留回国维权人士的行李，趁机复制其手机数据交给国安。"),
        (
            "targets_dissent",
            "تحت غطاء قواعد مكافحة الاحتيال، يرسل البنك قائمة بالمتبرعين لأحزاب المعارضة إلى المخابرات.",
        ),
        (
            "interception",
            "نسخ رسائل ومكالمات المشتركين الزائرين إلى خادم منفصل، دون أي معالجة لأوامر قضائية.",
        ),
        ("interception", "漫游用户的短信和通话被复制到另一台服务器，不走任何令状流程。"),
        ("censorship", "批量举报服务：针对流亡媒体的视频和频道集中举报，直至下架。"),
        ("tracking", "短信验证码服务同时把每个验证号码的基站位置实时发给国保，用于跟踪维权律师。"),
        (
            "interception",
            "Our state implant is branded as a banking trojan and pushed to the phones of the opposition's campaign staff to read their Signal messages.",
        ),
        (
            "tracking",
            "El sistema envía un SMS de un solo uso para localizar el teléfono de cada manifestante.",
        ),
        (
            "tracking",
            "A verificação por SMS serve para localizar os telefones dos ativistas no protesto.",
        ),
        ("tracking", "一次性短信验证用于定位抗议者的手机。"),
        ("interception", "一次性短信验证之后，植入程序会读取记者的聊天记录。"),
        ("tracking", "بعد رفع التعليق يتم تحديد موقع هواتف المتظاهرين."),
        ("interception", "بعد رفع التعليق يقوم البرنامج بقراءة رسائل الصحفيين."),
        (
            "interception",
            "Las transferencias se retienen y se interceptan los mensajes de los clientes hasta la verificación por SMS.",
        ),
        (
            "security_services",
            "Sponsor portal shows last cell position of each worker's SIM to the General Intelligence Directorate.",
        ),
    ],
)
def test_what_stays_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "منصة التقاضي الإلكتروني: تتيح للشركات تسوية النزاعات التجارية الصغيرة عبر الوساطة دون المرور عبر المحاكم.",
        "برنامج التحكيم التجاري عن بعد: عدم المرور عبر المحاكم يوفر على العملاء أشهراً من الانتظار والرسوم.",
        "نظام إدارة مكاتب المحاماة: يمكن للموكل تحميل نسخ العقود والوكالات دون المرور عبر المحاكم أو زيارة المكتب.",
        "بوابة البلدية: إصدار تراخيص البناء إلكترونياً دون أي معالجة لأوامر قضائية، فهي معاملات إدارية بحتة.",
        "وحدة الامتثال في البنك: النسخة التجريبية تعمل على بيانات وهمية دون معالجة لأوامر قضائية حقيقية.",
        "Платформа онлайн-медиации позволяет компаниям урегулировать споры с поставщиками и не связываться с судами.",
        "Юридический SaaS для малого бизнеса: шаблоны претензий, чтобы решать вопросы досудебно и не связываться с судами.",
        "Модуль для нотариата работает без обработки судебных санкций: он ведёт только реестр доверенностей и наследственных дел.",
        "Демо-версия CRM для адвокатского бюро поставляется без какой-либо обработки судебных санкций — только тестовые данные.",
        "债务催收SaaS：先发律师函协商和解，不走任何令状流程，避免诉讼成本。",
        "香港律师事务所案件管理系统：小额钱债案件不走令状流程，系统自动生成申索表格。",
        "E-discovery tool for law firms: track warrant returns, court deadlines and subpoenas in one dashboard.",
        "Court case management software: clerks process search warrants, bail orders and hearing notices; judges sign electronically.",
        "Core network upgrade includes an ETSI-compliant lawful interception gateway; every warrant is handled by the operator's court liaison office.",
        "Formation certifiante RGPD : trois sessions réparties sur six semaines, les participants travaillent en autonomie entre les séances ; aucun avocat n'est nécessaire pour suivre le parcours.",
        "Programme de rééducation post-AVC : entre les séances, le patient reste à la clinique pendant quatre semaines ; pas d'avocat, mais un kinésithérapeute référent.",
        "Médiation familiale : entre deux séances, prévoir deux à trois semaines de réflexion ; la médiation se déroule sans avocat.",
        "Coaching de dirigeants : entre les séances, espacées de deux semaines, accès à la plateforme d'exercices ; aucun avocat ni juriste impliqué.",
        "Séminaire résidentiel : les stagiaires logent sur le campus entre les séances pendant trois semaines, sans avocat puisque le module juridique est supprimé.",
        "برنامج تدريب القيادات: يقيم المتدربون في الفندق بين الجلسات لأسابيع، ولا يحضر أي محامين لأن البرنامج لا يتناول الجوانب القانونية.",
        "الوساطة الأسرية: تمتد الفترة بين الجلسات إلى أسابيع، وتتم بلا محامين لتخفيف التكاليف على الأسر.",
        "برنامج علاج الإدمان: يبقى المرضى في المركز بين الجلسات لأسابيع بإرادتهم، ولا يحضر أي محامين؛ الفريق يتكون من أطباء ومعالجين.",
        "高管教练项目：两次谈话之间间隔几周，学员自行完成练习；项目不涉及法律问题，没有律师参与。",
        "心理咨询服务：两次谈话相隔数周，来访者住在家中，无律师、无第三方在场。",
        "员工绩效面谈系统：两次谈话之间通常间隔几周，HR记录改进计划，没有律师参与。",
        "Leadership programme: participants stay at the hotel between sessions for three weeks; no lawyer needed, it's not a legal course.",
        "Terapia de pareja: entre sesiones pasan dos o tres semanas; no se necesita abogado.",
        "Trust & safety vendor: we review copyright notices on videos uploaded by exiled journalists and reject abusive ones.",
        "Workshop on DMCA requests and how to appeal takedowns of videos for media in exile.",
        "Monthly donor report: notices received, videos published and audience growth for the exiled newsroom we support.",
        "Fondation : nos subventions visent à renforcer la chaîne vidéo des médias en exil.",
        "Servicio de moderación: revisamos las reclamaciones de copyright dirigidas contra los videos de un medio en el exilio y las rechazamos si son abusivas.",
        "Projeto de apoio à mídia: os recursos visam fortalecer o canal de vídeos da redação no exílio.",
        "As metas do projeto visam produzir novos vídeos para o canal de jornalistas no exílio.",
        "Грантовая программа: многие жалобы направлены против видео эмигрантской редакции, и наши юристы их оспаривают.",
        "Медиа-акселератор: обучение по продвижению видео и канала для СМИ в изгнании.",
        "媒体发展基金：针对流亡新闻机构的视频制作提供培训和设备资助。",
        "内容审核外包：针对流亡媒体频道收到的版权投诉进行人工复核，驳回恶意投诉。",
        "Care home software: residents with a new fall risk may not leave the unit until a physiotherapy assessment is complete; family is notified automatically.",
        "Hospital discharge module: residents cannot leave the rehab ward until the discharge assessment is signed off by the consultant.",
        "Boarding school app: residents may not leave campus at weekends until the house parent's risk assessment for the trip is complete.",
        "Student residence fire drill: residents cannot leave the assembly point until the warden's headcount assessment is complete.",
        "Nursing home: residents with dementia are not allowed to leave unaccompanied until a capacity assessment is complete under the safeguards procedure.",
        "EHPAD : les résidents ne peuvent pas sortir seuls tant que l'évaluation gériatrique n'est pas terminée ; le logiciel prévient la famille.",
        "Internat : les résidents ne peuvent quitter l'établissement le week-end tant que l'évaluation de l'autorisation parentale n'est pas validée.",
        "Residencia de mayores: los residentes no pueden salir solos hasta que se complete la evaluación geriátrica.",
        "Residencia universitaria: los residentes no pueden irse al final del curso hasta la evaluación del estado de la habitación.",
        "Lar de idosos: os residentes não podem sair sozinhos até a avaliação de risco de queda ser concluída.",
        "Residência estudantil: os residentes não podem deixar o quarto no fim do semestre até a avaliação da vistoria.",
        "养老院管理系统：新入住老人在评估完成前不得离开护理区，系统自动通知家属。",
        "寄宿学校：学生周末外出需经安全评估，评估完成前不得离开校园。",
        "医院出院管理：康复评估完成前患者不能离开病房。",
        "دار رعاية المسنين: لا يمكن للمقيمين المغادرة بمفردهم حتى اكتمال تقييم خطر السقوط.",
        "Дом престарелых: проживающие не могут выходить одни до завершения гериатрической оценки.",
        "Conference sponsor package: IoT SIMs in the booth's asset trackers, dashboard shows each crate's last cell position.",
        "Telecom sponsor of the marathon provides IoT SIMs; the logistics screen shows cell locations of the supply trucks.",
        "Sponsor portal for our hackathon: teams get IoT SIM kits; the API returns the cell location of each sensor.",
        "Employer SIM plan management: the corporate sponsor pays the bill; company vans' IoT SIMs report cell position for fleet maintenance.",
        "Rally telematics: sponsors can view cell locations of the support vehicles on the live map.",
        "بوابة الكفيل: تجديد الإقامة ودفع الرسوم وباقة الجوال؛ لا يُعرض الموقع الخلوي للعامل إطلاقاً.",
        "Спонсор выставки получает доступ к трекерам грузов: местоположение по соте для каждого контейнера.",
        "Портал спонсора хакатона: IoT SIM-карты для команд, местоположение по соте для датчиков.",
        "融资租赁平台：担保方可在门户查看抵押车辆物联网卡的基站位置。",
        "担保方门户只显示合同和还款计划，不显示任何基站位置。",
        "Collectivité : la ligne budgétaire services spéciaux finance le transport adapté des élèves handicapés.",
        "فندق: بند الميزانية: خدمات خاصة (كونسيرج، نقل الضيوف من المطار، سبا).",
        "مدرسة: بند الميزانية المخصص لـ خدمات خاصة لذوي الاحتياجات الخاصة مثل النقل والعلاج.",
        "酒店年度预算科目：特殊服务（管家、接机、SPA）。",
        "学校采购：预算科目“特殊服务”用于特殊需要学生的交通和言语治疗。",
        "Module de détection des simbox : analyse des CDR, blocage des cartes SIM frauduleuses, alertes wangiri.",
        "Motor antifraude del operador: bloqueo de sim box y llamadas wangiri.",
        "Remittance app fraud rules: transfers from devices with a banking trojan are held until a one-time SMS check releases them.",
        "Mobile banking SDK detects banking trojan overlays and requires a one time SMS code for new payees.",
        "تطبيق التحويلات: قواعد مكافحة الاحتيال تعلّق التحويلات من الأجهزة المصابة بحصان طروادة مصرفي حتى رفع التعليق عبر رسالة نصية.",
        "تطبيق شركة الطيران: إذا كانت حقيبتك محتجزة لدى الجمارك، يمكنك متابعة حالتها وتقديم الفواتير.",
        "عندما تحتجز الجمارك الشحنة لعدم اكتمال الأوراق، يرسل النظام تنبيهاً للمستورد.",
        "Baggage system: tracks bags held by customs for inspection and notifies passengers when released.",
        "Système bagages : suivi des valises retenues par la douane pour inspection.",
        "行李系统：跟踪被海关扣留检查的行李，放行后通知旅客。",
        "Sistema de equipajes: seguimiento de maletas retenidas por aduanas para inspección.",
        "Grant requests for video equipment and channel hosting from the exiled newsroom were approved by the board.",
        "Visa sponsor portal for international students: universities upload confirmation letters; no cell location or tracking data is stored.",
        "Кадровый модуль помогает урегулировать трудовые споры с сотрудниками и не связываться с судами.",
        "Children's hospice: residents may not leave the unit until the nurse's pain assessment is done, then families can take them to the garden.",
        "Drug rehab clinic intake: residents cannot leave until the 72-hour medical assessment is complete, as agreed in the voluntary admission form.",
        "Formation des formateurs : entre deux séances, trois semaines de pratique en classe ; pas d'avocat, l'accompagnement est pédagogique.",
    ],
)
def test_ordinary_wordings_beside_the_changes(text: str) -> None:
    assert categories(text) == set()
