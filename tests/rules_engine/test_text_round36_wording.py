"""Wording of round 36's tuning half (resource and infrastructure projects: mines, dams,
plantations, pipelines, ports).

- Phone identifiers collected from people at a registration joined to other records (visitor
  Wi-Fi probe logs): tracking.
- A mailroom that opens and images the letters addressed to workers' housing or a village
  post box before they are handed out: interception.
- Equipment that goes back to a provincial or military command, a sign-up sheet listing
  ranks instead of job titles, a delivery contact who is an officer of a battalion or a
  barracks: a security service.
- Who held the megaphone at a march, to be named: targeting dissent.
- Ordinary deals: cranes ("grúas", "grues", "gruas" stem as "gru", the GRU) as benign
  context read by their beginning, so "GRU" alone is still read; an Arabic joint venture
  ("المشروع المشترك", also "subscriber") and site office or site tour ("موقع", also
  "location"); mass notification of communities; a council's consultation protocol;
  satellite monitoring of land use ("abonnement" stems as "abonnés"); a veterans'
  association listing its members by rank.

Each dangerous sentence of the first test raised nothing of its category, and each ordinary
one of the second raised a red flag, before these changes; the third and fourth are guards.
A hostile review of the first version (265 sentences, old and new reader side by side)
found it 69 worse: a "without" before an act followed by its object read as a denial ("sin
interceptación de la línea", intercepted another way), the GRU written with an article
only (a bare "GRU", "à GRU"), "coleta*" for "coletar" (past forms, "coletânea"), and the
entries on footfall counters, soil surveys, MDM enrolment, server cabinets and customs
release times, digital mailrooms, utilities' regional command centres, fire brigades,
volunteers' "battalions", airline and team captains, veterans' associations and school
megaphones. Those were withdrawn or narrowed; the final version reads the review 0 worse
and 31 better; its ordinary sentences are the last test. Sentences shortened from the
round, written for the purpose or from the review. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "tracking",
            "The site security lead wants the visitor Wi-Fi probe logs joined to the handset IDs we collected at the resettlement registration.",
        ),
        (
            "tracking",
            "Croiser les journaux Wi-Fi avec les identifiants de téléphones des familles relogées.",
        ),
        (
            "tracking",
            "Os logs do Wi-Fi serão cruzados com os identificadores dos aparelhos que coletamos no cadastro do reassentamento.",
        ),
        (
            "tracking",
            "Хотят сопоставить логи Wi-Fi с идентификаторами телефонов, которые мы собрали при регистрации переселенцев.",
        ),
        ("tracking", "把访客 Wi-Fi 日志与我们在移民安置登记时采集的手机标识关联起来。"),
        (
            "interception",
            "The scanner workflow should open, image and archive all letters addressed to the workers' lines before distribution.",
        ),
        (
            "interception",
            "Le flux de numérisation ouvre et scanne toutes les lettres adressées aux logements ouvriers avant distribution.",
        ),
        (
            "interception",
            "Quieren que el flujo de escaneo abra todas las cartas dirigidas a las barracas de los trabajadores antes de repartirlas.",
        ),
        (
            "interception",
            "O fluxo do scanner deve abrir todas as cartas endereçadas às colônias dos trabalhadores antes da distribuição.",
        ),
        (
            "interception",
            "Процесс сканирования предусматривает вскрытие всех писем, адресованных в рабочие посёлки.",
        ),
        ("interception", "يقوم مسار العمل بفتح جميع الرسائل الموجهة إلى مساكن العمال قبل التوزيع."),
        ("interception", "扫描流程在分发前把寄往工人宿舍区的信件拆开并存档。"),
        (
            "security_services",
            "The mine's security lead says the command vehicle goes back to provincial command once the concession is quiet.",
        ),
        (
            "security_services",
            "Le responsable sécurité indique que le véhicule retourne au commandement provincial une fois la concession calme.",
        ),
        (
            "security_services",
            "El jefe de seguridad dice que el vehículo vuelve al comando provincial cuando la concesión esté tranquila.",
        ),
        (
            "security_services",
            "O responsável pela segurança diz que o veículo volta para o comando provincial quando a concessão estiver tranquila.",
        ),
        (
            "security_services",
            "Начальник охраны говорит, что машина возвращается в провинциальное командование.",
        ),
        (
            "security_services",
            "يقول مسؤول الأمن إن المركبة تعود إلى قيادة المحافظة حالما تهدأ الأمور.",
        ),
        ("security_services", "The training sign-up sheet lists ranks instead of job titles."),
        (
            "security_services",
            "La feuille d'inscription à la formation mentionne des grades au lieu d'intitulés de poste.",
        ),
        ("security_services", "En la hoja de inscripción figuran grados en lugar de cargos."),
        ("security_services", "В листе записи на обучение вместо должностей указаны звания."),
        ("security_services", "كشف التسجيل في التدريب يذكر الرتب بدلاً من المسميات الوظيفية."),
        ("security_services", "培训报名表上填的是衔级而不是职务。"),
        (
            "security_services",
            "Delivery contact is a major at the 14th Engineer Battalion camp beside the dam.",
        ),
        ("security_services", "Le contact de livraison est un colonel du 14e bataillon du génie."),
        (
            "security_services",
            "El contacto de entrega es un mayor del campamento del 14.º Batallón de Ingenieros.",
        ),
        (
            "security_services",
            "O contato para entrega é um major no acampamento do 14º Batalhão de Engenharia.",
        ),
        (
            "security_services",
            "Контактное лицо для доставки — майор из лагеря 14-го инженерного батальона.",
        ),
        ("security_services", "جهة الاتصال للتسليم رائد في معسكر كتيبة المهندسين الرابعة عشرة."),
        ("security_services", "收货联系人是第 14 工兵营营地的一名少校。"),
        (
            "targets_dissent",
            "They want a list from the march footage of who held the megaphone, with names and villages.",
        ),
        (
            "targets_dissent",
            "Ils veulent savoir, sur les images de la marche, qui tenait le mégaphone, avec noms et villages.",
        ),
        (
            "targets_dissent",
            "Querem uma lista da marcha: quem discursou, quem segurava o megafone, com nomes e aldeias.",
        ),
        (
            "targets_dissent",
            "يريدون قائمة من لقطات المسيرة: من تحدّث، ومن أمسك مكبّر الصوت، مع الأسماء.",
        ),
        ("targets_dissent", "他们想要一份游行名单——谁发了言、谁拿着扩音器——附上姓名。"),
        (
            "interception",
            "Open all letters going to the workers' quarters before distribution and send copies to security.",
        ),
        (
            "interception",
            "Ouvrir toutes les lettres destinées aux logements des ouvriers avant distribution et en transmettre copie à la sécurité.",
        ),
        (
            "interception",
            "Abrir todas las cartas dirigidas a los trabajadores antes del reparto y pasar copia a seguridad.",
        ),
        (
            "interception",
            "Abrir todas as cartas endereçadas aos trabalhadores antes da entrega e mandar cópia para a segurança.",
        ),
        ("interception", "工人宿舍的信件在分发前先拆阅，复印件交保卫科。"),
        (
            "security_services",
            "Once the site is quiet, the cameras go back to the provincial military command.",
        ),
        (
            "security_services",
            "Une fois le site calme, les caméras retournent au commandement militaire de la province.",
        ),
        (
            "security_services",
            "Cuando la zona esté tranquila, los equipos vuelven al mando militar provincial.",
        ),
        (
            "security_services",
            "Quando o canteiro acalmar, os drones retornam ao comando militar da província.",
        ),
        (
            "security_services",
            "Когда на площадке станет тихо, камеры передаются в военное командование области.",
        ),
        ("security_services", "بعد هدوء الموقع تعود الكاميرات إلى القيادة العسكرية في المحافظة."),
        ("security_services", "现场平稳后，摄像设备交回省军区。"),
        (
            "security_services",
            "The sign-up sheet for the training lists ranks instead of job titles for all twelve attendees.",
        ),
        (
            "security_services",
            "La feuille d'inscription à la formation indique des grades au lieu des intitulés de poste.",
        ),
    ],
)
def test_red_flags_of_round_36_are_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Puerto de Calder Sound: 40 licencias para planificación de grúas y patio.",
        "Port de Calder Sound : 40 licences pour la planification des grues et du parc.",
        "Porto de Calder Sound: 40 licenças para planejamento de gruas e pátio.",
        "أجهزة لابتوب وتراخيص برامج مكتبية لمكتب الموقع التابع للمشروع المشترك.",
        "الصحفيون وأعضاء المجالس المحلية مدعوون إلى جولة في الموقع.",
        "Um sistema de notificação em massa por SMS para alertar as comunidades a jusante.",
        "مجلس السكان الأصليين وقّع بروتوكول التشاور ويحتفظ بالسيطرة على تسجيلات الاجتماعات.",
        "Ardmore veut un abonnement de suivi satellitaire de l'occupation des sols.",
        "Alquiler de dos grúas torre para la obra de la nave logística.",
        "El gruista necesita un casco con intercomunicador para la grúa torre.",
        "Le grutier demande une radio pour la grue du chantier.",
    ],
)
def test_ordinary_deals_of_round_36_are_not_flagged(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "targets_dissent",
            "Buscan una lista de la marcha: quién habló, quién tenía el megáfono, con nombres y aldeas.",
        ),
        (
            "targets_dissent",
            "Им нужен список участников марша: кто выступал, кто держал мегафон, с именами.",
        ),
        (
            "censorship",
            "Perguntaram se dá para deixar o X e o Instagram a 10% da velocidade no país inteiro, sem bloqueio total.",
        ),
        ("censorship", "Los sitios de la oposición, sin bloqueo visible para los usuarios."),
        ("security_services", "El pedido es para el GRU."),
        ("security_services", "Commande pour le GRU russe."),
        ("security_services", "A entrega vai para o GRU."),
        ("targets_dissent", "Querem coletar os dados dos manifestantes."),
        ("targets_dissent", "Os dados coletados dos ativistas vão para a polícia."),
        (
            "censorship",
            "Los portales de la oposición quedarán al 5 % de velocidad, sin bloqueo total.",
        ),
        (
            "censorship",
            "Los sitios de los medios independientes deben quedar inaccesibles, sin bloqueo de DNS visible para los usuarios.",
        ),
        ("censorship", "Os sites da oposição ficam a 10% da velocidade, sem bloqueio total."),
    ],
)
def test_what_stays_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Les postes de travail sont gérés par le MDM, sans surveillance des téléphones personnels.",
        "Location de deux grues mobiles pour le chantier de l'entrepôt.",
        "Aluguel de uma grua para a obra do galpão em Campinas.",
        "Retirada da carga no terminal de cargas do GRU Airport, em Guarulhos.",
        "Renovação do acordo coletivo: o RH precisa de um módulo de cálculo de horas extras.",
        "A convenção coletiva exige ponto eletrônico com comprovante impresso.",
        "Transporte coletivo: validadores de bilhete para 300 ônibus.",
        "Footfall analytics uses Wi-Fi probe requests with randomised MACs; device IDs are salted and discarded nightly.",
        "Probe data from the access points gives occupancy per floor; device identifiers are anonymised at the edge.",
        "Comptage de fréquentation : les probe requests sont agrégées par heure et les identifiants des appareils hachés sur la borne.",
        "Contagem de público na loja: os logs de sondagem do Wi-Fi são agregados e os identificadores dos aparelhos são descartados após 24 horas.",
        "Relatório de sondagem SPT do terreno com os identificadores dos aparelhos de perfuração e as datas de calibração.",
        "实验室采购温度探针20支，设备标识贴在每支探针上。",
        "探针式温度计供货，联系人手机号码见附件。",
        "商场客流分析：WiFi探针数据经匿名化处理，设备标识每日轮换。",
        "At MDM enrolment, company phone IDs are matched to each employee's badge so a lost device can be wiped.",
        "No cadastro da frota corporativa, os chips são vinculados aos identificadores dos aparelhos para o MDM.",
        "При регистрации корпоративных устройств в MDM нужно связать с идентификаторами телефонов учётные записи сотрудников.",
        "Server cabinets come with external locks; release times for the firmware update are in the change calendar.",
        "Armoires réseau avec verrous extérieurs ; les heures de libération des quais sont gérées dans le TMS.",
        "Los contenedores del puerto llevan candados por fuera y el sistema registra la hora de liberación de cada contenedor por la aduana.",
        "Os contêineres saem com cadeados por fora e o sistema registra o horário de liberação de cada carga pela Receita.",
        "Серверные шкафы с наружными замками; время освобождения стойки после демонтажа фиксируется в заявке.",
        "خزائن الخوادم مزودة بأقفال خارجية، ووقت الإفراج عن الشحنة من الجمارك مسجل في النظام.",
        "机柜采用外部上锁设计，货物的放行时间由海关系统记录。",
        "Mailroom service: we scan all letters from suppliers for AP; post addressed to workers personally is forwarded unopened.",
        "Service courrier : nous numérisons les factures fournisseurs ; le courrier adressé aux travailleurs à titre personnel est remis fermé.",
        "Digitalize as notas fiscais que chegam pelo correio; as cartas endereçadas aos trabalhadores são entregues lacradas.",
        "Услуга цифрового почтового офиса: вскрытие конвертов со счетами поставщиков и сканирование писем для бухгалтерии.",
        "收发室负责拆封供应商来信并扫描发票，交财务入账。",
        "After storm season, the generators return to the utility's regional command centre in Leeds.",
        "The spare radios are handed over to the district command post of the ambulance service after the marathon.",
        "Après les travaux, le matériel retourne au centre de commandement régional d'Enedis.",
        "Terminada la temporada de incendios, el equipo vuelve al comando regional de Protección Civil.",
        "Após a temporada de chuvas, o gerador volta para o comando regional da Defesa Civil.",
        "После паводка насосы возвращаются в региональное командование МЧС.",
        "بعد انتهاء موسم الأمطار تعود المضخات إلى القيادة الإقليمية للدفاع المدني.",
        "汛期结束后，移动泵车交回省指挥部（省防汛抗旱指挥部）统一保管。",
        "The veterans' charity HR import shows military ranks instead of job titles; please map them to 'volunteer'.",
        "Pour l'association d'anciens combattants, l'annuaire affiche les grades militaires au lieu des fonctions, c'est voulu.",
        "En el software de la asociación de veteranos aparecen los grados en lugar de cargos; para ellos es lo correcto.",
        "No sistema da associação de ex-combatentes aparecem patentes em vez de cargos; é o padrão deles.",
        "В базе клуба ветеранов вместо должностей указаны звания — для ветеранской организации это нормально.",
        "في قاعدة بيانات جمعية المتقاعدين العسكريين تظهر الرتب بدلا من المسميات الوظيفية وهذا مقبول.",
        "退役军人协会的会员系统里填的是军衔，这是协会的习惯。",
        "Major refurbishment of the old barracks into student flats: we need 400 smart locks.",
        "The captain of the fire station's battalion signed the delivery note for the new hoses.",
        "Major upgrade for the Boys' Brigade battalion in Glasgow: 40 tablets for the leaders.",
        "A battalion of volunteers from the food bank will help unload the major donation on Saturday.",
        "Un bataillon de bénévoles du festival aidera le commandant de bord à décharger le matériel.",
        "La mayor parte del pedido va al antiguo cuartel, hoy centro cultural municipal.",
        "El capitán del equipo de fútbol del barrio recoge las camisetas en el cuartel de bomberos.",
        "Un batallón de voluntarios de la parroquia ayudará con la mayor entrega de alimentos del año.",
        "O comandante do quartel dos bombeiros voluntários assinou o recebimento das mangueiras.",
        "Школа закупает 200 табличек для акции «Бессмертный полк», ответственный — капитан команды КВН.",
        "Шкафчики для раздевалки в здании бывшей казармы, ответственный — капитан волейбольной команды завода.",
        "School trip kit: two megaphones; the teacher who had the megaphone last term should return it to the office.",
        "For the fire drill log, note who held the bullhorn at each assembly point.",
        "Depois da gincana da escola, quem estava com o megafone deve devolvê-lo à secretaria.",
        "После школьной тренировки по эвакуации тот, кто держал мегафон, должен вернуть его завхозу.",
        "运动会结束后，谁拿着扩音器请还给体育组。",
        "Captain of the rugby club collected the kit from the old barracks now used as a sports hall.",
        "The school bought two bullhorns; whoever had the megaphone at sports day should bring it back.",
        "Le commandant de bord a confirmé la livraison au camp militaire reconverti en centre de vacances.",
        "The equipment returns to the regional command centre of the water utility for recalibration.",
        "Au terme du festival, les radios retournent au commandement régional de la protection civile.",
        "Após a Copa, os rádios voltam para o comando regional do SAMU.",
        "После учений оборудование возвращается в региональное командование спасателей.",
        "演习结束后，应急电台交回市应急指挥部。",
        "Lors de l'enregistrement, le MDM relie aux identifiants des téléphones les comptes collectés par le service RH.",
        "Hotel PMS: rooms have outside locks on the minibar and release times for late checkout are set per guest.",
    ],
)
def test_ordinary_wordings_beside_the_changes(text: str) -> None:
    assert categories(text) == set()
