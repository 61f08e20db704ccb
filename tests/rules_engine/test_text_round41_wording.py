"""Wording of round 41's tuning half (media, culture, sport, religion and civic life:
broadcasters and newsrooms, publishers, stadiums and fan clubs, festivals, museums and
libraries, places of worship, student life, NGOs, election logistics).

- The French "faciès" (ethnic profiling by looks) read by its beginning: as a plain word it
  shared its stem with every English and French "face", so "face detection" in an English
  deal, or a camera "en face de l'entrée", read as profiling.
- What that accident caught, read on purpose: people picked out by skin colour or looks
  ("picks out Black faces", "flags Arab-looking faces"; French "faces typées", dark faces
  for police checks).
- Ordinary deals: a museum's permanent or temporary exhibition (French, Russian: the files
  of a former secret police shown); a human-rights NGO protecting its clients' files
  (Spanish); since 6 December, 09:00, French laptops ("PC portables", "ordinateurs portables") as
  a thing named, not the mobile phones "portables" also names: they cancel only a match
  starting or ending on them, never the secret police buying them; and, as the Spanish, an
  Arabic NGO protecting its clients' files ("حماية ملفات موكليهم"), read as an idiom: it
  cancels only a match starting or ending on it, not files kept on activists before it.

Each dangerous sentence of the first test raised nothing of its category, and each ordinary
one of the second raised a red flag, before these changes; the third and fourth are guards.
A hostile review of the first version (213 sentences, old and new reader side by side)
found 17 worse: laptops ("PC portables") named as ordinary context cleared the secret
police buying them (withdrawn), a trade show's "экспозиция" (narrowed to a permanent
exhibition), a documentary "讲述" beside a state-security client (withdrawn), and the faces
of a minority that only the accident had read (read now by their own entries). What is
left reads the review 0 worse and 18 better. Sentences from the round's tuning half or the
review. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "profiling",
            "Facial analysis that flags Arab-looking faces at the border for secondary screening.",
        ),
    ],
)
def test_red_flags_of_round_41_are_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Halvard Museum of Modern Art: photo asset management with automatic face detection, used only to blur visitors' faces in gallery photos before they go on social media. No identification, no face database.",
        "Musée national de la Mémoire, Calder : 24 écrans tactiles, 6 vidéoprojecteurs et un serveur média pour la nouvelle exposition permanente « Les dossiers de la police secrète, 1961–1989 ». Les visiteurs peuvent consulter les rapports de surveillance numérisés que l'ancien régime tenait sur des citoyens ordinaires (noms caviardés sauf si la personne a donné son accord). Financé par le Fonds pour la culture ; installation avant l'ouverture d'automne.",
        "Open Doors Legal (ONG de derechos humanos): 25 portátiles cifrados, licencias de VPN y una jornada de formación para detectar spyware y phishing. Defienden a periodistas y activistas y quieren proteger los expedientes de sus clientes frente a hackers. Financiado con una subvención.",
        "Commission électorale de Tallin Vale : 600 PC portables durcis + lecteurs de codes-barres pour suivre les urnes scellées depuis l'imprimerie jusqu'aux bureaux de vote, puis jusqu'au dépouillement. Le registre de la chaîne de traçabilité est publié après les résultats ; les observateurs de tous les partis ont un accès en lecture seule.",
        "Open Doors Legal (منظمة غير حكومية لحقوق الإنسان): 25 لابتوب مشفّر، تراخيص VPN، ويوم تدريبي على اكتشاف برامج التجسس والتصيّد الاحتيالي (phishing). يدافعون عن صحفيين وناشطين ويريدون حماية ملفات موكّليهم من الهاكرز. التمويل من منحة.",
        "Camera with face detection for the lobby.",
        "Caméras placées en face de l'entrée avec détection de mouvement pour le parking.",
        "Le visiteur se place face à la caméra et la détection du visage déverrouille le tourniquet.",
        "Face detection in the photo app to blur bystanders.",
        "Музей готовит постоянную экспозицию об истории КГБ и просит поставить сенсорные экраны.",
        "Proteger los expedientes de sus defendidos, periodistas detenidos, es la prioridad de la defensoría; compra servidores cifrados.",
        "La fundación protege a activistas y quiere proteger los expedientes de sus clientes contra la intercepción.",
        "Face detection to count visitors at the museum entrance, no identification.",
        "We sell face detection for camera autofocus in consumer cameras.",
        "Le client doit faire face à des intrusions et veut une détection périmétrique.",
        "En face du magasin, une caméra avec détection de plaques pour le parking.",
        "La caméra, placée face à la porte, détecte les mouvements la nuit.",
        "Face detection to trigger the shop's door chime when a customer arrives.",
        "Le stade veut une détection d'affluence face aux tribunes, sans reconnaissance des personnes.",
        "La defensoría pública quiere proteger los expedientes de sus defendidos con un archivo digital cifrado.",
        "El abogado de derechos humanos necesita proteger los expedientes de los clientes ante allanamientos.",
        "Face detection for the video-conferencing camera to auto-frame speakers.",
    ],
)
def test_ordinary_deals_of_round_41_are_not_flagged(text: str) -> None:
    assert categories(text) == set()


def test_an_exhibition_of_a_former_secret_polices_files_names_no_service_served() -> None:
    text = "Национальный музей памяти, Калдер: 24 сенсорных экрана, 6 проекторов и медиасервер для новой постоянной экспозиции «Досье тайной полиции, 1961–1989». Посетители смогут просматривать оцифрованные отчёты о слежке, которые старый режим вёл на простых граждан (имена скрыты, если человек не дал согласия). Финансирование – Фонд культуры; монтаж до осеннего открытия."
    assert "security_services" not in categories(text)


@pytest.mark.parametrize(
    "category, text",
    [
        ("profiling", "Trier les voyageurs selon leur faciès maghrébin à l'aéroport."),
        ("targets_dissent", "الشرطة تجمع ملفات الناشطين وتريد حماية ملفات موكليهم."),
        ("targets_dissent", "الجهاز يريد إعداد ملفات عن الناشطين والصحفيين."),
        ("profiling", "Détecter le faciès des passants pour signaler les Roms."),
        (
            "profiling",
            "Le logiciel classe les passants par faciès et alerte la police quand il repère un faciès africain.",
        ),
        (
            "profiling",
            "Reconnaissance faciale pour repérer les traits faciaux des Ouïghours dans la foule.",
        ),
        (
            "profiling",
            "La police veut un algorithme qui repère les faciès arabes parmi les passants de la gare.",
        ),
        (
            "profiling",
            "Contrôles au facies ciblant les personnes noires dans le métro, demandés par la préfecture.",
        ),
        (
            "profiling",
            "Identifier les visages d'origine maghrébine et les signaler aux patrouilles.",
        ),
        (
            "profiling",
            "Le client demande une détection des faces typées africaines pour prioriser les contrôles.",
        ),
        ("profiling", "Use face recognition to flag Uyghur faces in the crowd and alert police."),
        ("profiling", "Face matching to single out Roma people at the station for police checks."),
        (
            "profiling",
            "The buyer wants face detection tuned to spot Black and Arab-looking faces for stop-and-search.",
        ),
        (
            "tracking",
            "Livraison de 40 PC portables et d'un logiciel pour suivre les portables des manifestants en temps réel.",
        ),
        (
            "tracking",
            "Avec les ordinateurs portables, le client veut localiser les téléphones portables des militants.",
        ),
        (
            "tracking",
            "Le lot comprend des ordinateurs portables ; la police veut aussi suivre les portables des opposants pendant la marche.",
        ),
        (
            "tracking",
            "Les agents utiliseront un PC portable pour suivre à la trace les téléphones des journalistes.",
        ),
        (
            "tracking",
            "Fourniture d'un ordinateur portable durci servant à géolocaliser les portables des syndicalistes.",
        ),
        (
            "tracking",
            "Pc portable fourni avec le module qui suit la position des portables des manifestants.",
        ),
        (
            "tracking",
            "Le service de renseignement commande 12 ordinateurs portables pour pister les téléphones des dissidents à l'étranger.",
        ),
        (
            "tracking",
            "Installer sur l'ordinateur portable du commandant un outil pour suivre les déplacements des opposants grâce à leurs portables.",
        ),
        (
            "tracking",
            "Les portables des manifestants seront suivis en temps réel par la gendarmerie.",
        ),
        (
            "security_services",
            "Le service de renseignement intérieur commande 12 ordinateurs portables durcis pour ses agents de filature.",
        ),
        (
            "security_services",
            "Livraison de 300 PC portables chiffrés à la police politique du régime.",
        ),
        (
            "security_services",
            "Ordinateurs portables durcis destinés à la sûreté de l'État pour ses interrogatoires.",
        ),
        (
            "security_services",
            "Le contrat porte sur des PC portables pour la direction des services secrets.",
        ),
        (
            "security_services",
            "Fourniture d'un ordinateur portable configuré pour les agents de la police secrète.",
        ),
        (
            "tracking",
            "Fourniture d'un ordinateur portable servant à géolocaliser les portables des journalistes.",
        ),
        (
            "tracking",
            "Ordinateur portable avec logiciel pour localiser les portables des manifestants.",
        ),
        (
            "tracking",
            "Kit comprenant un PC portable et un IMSI-catcher pour repérer les portables des opposants au rassemblement.",
        ),
        (
            "tracking",
            "Les PC portables serviront à géolocaliser en continu les téléphones des militants des droits humains.",
        ),
        (
            "interception",
            "Un PC portable équipé pour intercepter les SMS des portables des journalistes.",
        ),
        (
            "tracking",
            "Les ordinateurs portables de la cellule permettront de suivre en permanence les portables des opposants exilés.",
        ),
        (
            "security_services",
            "Vente de 80 ordinateurs portables à la garde présidentielle et aux services de renseignement militaire.",
        ),
        (
            "security_services",
            "PC portables et stations d'accueil pour le siège de la police secrète, livraison en mars.",
        ),
        (
            "targets_dissent",
            "Le ministère de l'Intérieur commande des ordinateurs portables pour la brigade de surveillance des opposants.",
        ),
        (
            "security_services",
            "Sur le salon, notre stand avec une exposition temporaire des valises d'écoute a conclu une vente à la police secrète.",
        ),
        (
            "interception",
            "Exposition permanente de notre gamme : les valises d'interception livrées à la police secrète écoutent les appels des opposants.",
        ),
        (
            "security_services",
            "Exposition temporaire au salon de défense, puis livraison des kits d'écoute aux services secrets du régime.",
        ),
        (
            "interception",
            "Après l'exposition temporaire, les systèmes d'interception des appels seront installés pour la police politique.",
        ),
        (
            "detention",
            "Exposition permanente de nos équipements pénitentiaires, et contrat pour équiper un camp de détention des Ouïghours.",
        ),
        (
            "censorship",
            "Exposition temporaire au salon, puis déploiement du filtrage pour bloquer les sites de l'opposition.",
        ),
        (
            "security_services",
            "Постоянная экспозиция нашего стенда: оборудование, уже поставленное в ФСБ для прослушки оппозиции.",
        ),
        (
            "interception",
            "Экспозицию на выставке посетили представители ФСБ, и мы договорились о поставке системы прослушивания телефонов журналистов.",
        ),
        (
            "interception",
            "В экспозиции представлен комплекс СОРМ, который заказчик использует для перехвата переписки оппозиционеров.",
        ),
        (
            "tracking",
            "Экспозицией комплекса слежения заинтересовался центр «Э», который хочет отслеживать телефоны активистов.",
        ),
        (
            "detention",
            "Экспозиция выставки включает оборудование для лагеря, где будут содержать задержанных протестующих.",
        ),
        (
            "security_services",
            "Нашей экспозицией заинтересовался центр «Э», и он закупает у нас комплекс слежения.",
        ),
        (
            "security_services",
            "Экспозицию стенда осмотрели сотрудники ФСБ, контракт на поставку подписан с управлением ФСБ.",
        ),
        (
            "targets_dissent",
            "Оборудование с экспозиции будет передано Росгвардии для подавления протестов.",
        ),
        ("security_services", "Оборудование с нашей экспозиции будет передано Росгвардии."),
        ("detention", "纪录片团队讲述，客户要把抗议者关进拘留营。"),
        ("detention", "据纪录片摄制组讲述，该省公安要求我们为关押维吾尔人的再教育营提供门禁系统。"),
        ("tracking", "客户讲述了需求：为纪录片拍摄之外，还要实时追踪维权人士的手机位置。"),
        ("censorship", "纪录片公司的客户讲述了他们的要求：屏蔽所有批评政府的网站和关键词。"),
        (
            "security_services",
            "国家安全部的客户讲述了项目需求，我们将为其提供纪录片级别的摄像设备和人脸识别系统。",
        ),
        ("tracking", "这部纪录片讲述的是我们的产品，客户是公安局，用于追踪上访者的行踪。"),
        ("interception", "纪录片讲述了我们的监听系统，该系统已交付国安部门，用于窃听记者的电话。"),
        ("detention", "客户讲述了项目背景：要为新建的拘留营采购监控摄像头，用来关押抗议者。"),
        ("tracking", "在纪录片拍摄期间，警方讲述了他们的需求：定位并跟踪少数民族活动人士的手机。"),
        ("censorship", "纪录片讲的是我们的审查平台，现已部署，用于删除批评官员的帖子。"),
        ("security_services", "纪录片团队讲述，这批设备的最终用户是国家安全部。"),
        ("security_services", "客户讲述了采购计划，纪录片拍摄结束后设备全部移交公安局国保大队。"),
        ("security_services", "正如纪录片所讲述的那样，我们的服务器已交付秘密警察使用。"),
        ("tracking", "纪录片讲述了客户的要求：公安局要追踪少数民族群众的手机。"),
        ("tracking", "纪录片讲的是新产品，国安部门要求用它跟踪记者的位置。"),
        (
            "targets_dissent",
            "La ONG dice proteger los expedientes de sus clientes, pero el ministerio nos pide armar expedientes sobre periodistas y activistas.",
        ),
        (
            "targets_dissent",
            "Para proteger los expedientes de los clientes instalamos cifrado; además, la policía quiere expedientes de los periodistas críticos.",
        ),
        (
            "targets_dissent",
            "El despacho afirma proteger los expedientes de sus defendidos, pero el contrato incluye elaborar perfiles de los activistas opositores para la fiscalía.",
        ),
        (
            "targets_dissent",
            "Software para proteger los expedientes de sus clientes y para vigilar a los periodistas que critican al gobierno.",
        ),
        (
            "tracking",
            "Con la excusa de proteger los expedientes de sus clientes, la agencia quiere rastrear los teléfonos de los activistas.",
        ),
        (
            "interception",
            "Proteger los expedientes de los clientes sirve de pretexto: el cliente real quiere interceptar los correos de los periodistas.",
        ),
        (
            "security_services",
            "La solución para proteger los expedientes de sus clientes se entregará en realidad al servicio de inteligencia del régimen.",
        ),
        (
            "targets_dissent",
            "El bufete nos pide proteger los expedientes de sus clientes y, a la vez, compilar expedientes de los defensores de derechos humanos para la policía.",
        ),
        (
            "security_services",
            "Proteger los expedientes de sus defendidos: así describe la policía política el proyecto que nos encarga.",
        ),
        (
            "targets_dissent",
            "La agencia quiere proteger los expedientes de sus clientes y abrir expedientes de periodistas críticos.",
        ),
        (
            "targets_dissent",
            "Abrir expedientes de opositores y proteger los expedientes de los clientes del ministerio en el mismo sistema.",
        ),
        (
            "tracking",
            "Proteger los expedientes de sus clientes y localizar a los activistas que denuncian al gobierno.",
        ),
        (
            "profiling",
            "Le préfet veut un logiciel qui repère les faciès-types maghrébins dans la foule.",
        ),
        (
            "profiling",
            "Contrôles d'identité au faciès : la police municipale veut des caméras qui ciblent les jeunes Noirs et Arabes.",
        ),
        (
            "profiling",
            "Tri des voyageurs au FACIÈS à la frontière, commandé par la police aux frontières.",
        ),
        (
            "profiling",
            "Repérer dans la foule les visages typés et signaler les personnes d'apparence maghrébine.",
        ),
        (
            "profiling",
            "Détection des faces sombres dans les images de vidéosurveillance pour orienter les contrôles de police.",
        ),
        (
            "profiling",
            "The city wants face analytics that tag faces by ethnicity and alert officers to African-looking faces.",
        ),
        (
            "profiling",
            "Face detection that sorts passers-by by skin tone and flags darker faces for police stops.",
        ),
        (
            "profiling",
            "Camera analytics that flag faces with darker skin color so patrols can stop them.",
        ),
        (
            "profiling",
            "The police want face detection that picks out Black faces in the subway crowd for ID checks.",
        ),
        ("profiling", "Face scanning to classify faces as Roma or non-Roma at the train station."),
        (
            "profiling",
            "Face detection at checkpoints to pull aside people whose faces look Kurdish.",
        ),
        (
            "profiling",
            "Face recognition that sorts faces by ethnic group and sends Uyghur matches to the police.",
        ),
        (
            "security_services",
            "Achat de 150 ordinateurs portables par le renseignement général pour ses officiers.",
        ),
        (
            "security_services",
            "Des PC portables chiffrés pour les officiers de la police secrète, avec maintenance sur trois ans.",
        ),
        (
            "targets_dissent",
            "Ordinateurs portables livrés à la garde nationale chargée de réprimer les manifestations.",
        ),
        (
            "security_services",
            "Un ordinateur portable par agent des services secrets, livraison au quartier général.",
        ),
        (
            "tracking",
            "Les PC portables de la brigade afficheront la position des portables des militants en temps réel.",
        ),
        (
            "tracking",
            "Ordinateur portable avec logiciel de suivi des téléphones portables des journalistes d'investigation.",
        ),
        (
            "security_services",
            "Постоянная экспозиция на нашем стенде, а комплекс уже поставлен в ФСБ.",
        ),
        (
            "security_services",
            "Экспозиция на выставке «Интерполитех»: все показанные устройства закупил Центр по противодействию экстремизму.",
        ),
        (
            "interception",
            "После экспозиции комплекс прослушки передадут ФСБ для перехвата звонков журналистов.",
        ),
        (
            "security_services",
            "L'exposition permanente de notre stand présente le matériel vendu à la police secrète du régime.",
        ),
        (
            "security_services",
            "Exposition temporaire chez le client : les services de renseignement intérieur achètent tout le lot.",
        ),
        ("security_services", "纪录片摄制组讲述，设备最终交给国保部门使用。"),
        ("detention", "纪录片讲述了我们的新产品，客户将用它管理关押抗议者的拘留营。"),
        (
            "detention",
            "客户讲述，纪录片拍完后，要在教育转化营里安装我们的监控系统，关押维吾尔族人。",
        ),
        (
            "profiling",
            "Le client veut des caméras qui repèrent les faciès « étrangers » dans le quartier et préviennent la police.",
        ),
        (
            "security_services",
            "Des ordinateurs portables sécurisés pour la DGSI, livraison et configuration sur site.",
        ),
    ],
)
def test_what_stays_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le client veut faire face à la hausse des vols avec une détection d'intrusion.",
        "Analyse des façades et détection des fissures pour le bailleur social.",
        "Reconnaissance faciale pour le contrôle d'accès des salariés volontaires.",
        "Face matching for employee badge enrollment at the office.",
        "Achat de 200 PC portables pour les écoles ; le prestataire assure le suivi de parc.",
        "Livraison d'ordinateurs portables et outil pour suivre le stock en entrepôt.",
        "Le client veut suivre ses PC portables volés grâce à un logiciel antivol.",
        "Géolocalisation des ordinateurs portables de la flotte de l'entreprise en cas de perte.",
        "Les portables des commerciaux seront suivis par l'inventaire informatique.",
        "Fourniture d'un ordinateur portable servant à géolocaliser les camions de la flotte.",
        "Ordinateurs portables pour le centre d'appels, suivi des tickets clients.",
        "PC portables pour l'équipe qui suit les colis et les livraisons.",
        "Ordinateurs portables pour la mairie et ses services administratifs.",
        "PC portables pour les agents de la police municipale chargés du stationnement.",
        "Le musée de la Stasi prépare une exposition permanente sur la police secrète et ses écoutes.",
        "Exposition temporaire sur l'histoire de la surveillance : vitrines, éclairage et audioguides.",
        "Le musée commande des caméras de sécurité pour protéger les œuvres de l'exposition temporaire.",
        "Expositions temporaires sur la censure au XXe siècle : numérisation des journaux caviardés.",
        "L'exposition permanente retrace les camps d'internement ; nous livrons les bornes interactives.",
        "Экспозиция о репрессиях и ГУЛАГе: поставка витрин и освещения для музея.",
        "Для новой экспозиции о цензуре в СССР музей заказывает сканеры для архивов.",
        "Постоянная экспозиция музея посвящена прослушке телефонов в советское время; нужны аудиогиды.",
        "Мы поставляем камеры видеонаблюдения для охраны экспозиции музея.",
        "Экспозиция музея истории политического сыска: поставка витрин и подсветки.",
        "Для экспозиции о ФСБ и КГБ в музее нужны проекторы и звуковое оборудование.",
        "Мы оформляем экспозицию выставки «Слежка и цензура в XX веке» для городского музея.",
        "这部纪录片讲述的是新疆拘留营的历史，电视台需要采购剪辑设备。",
        "纪录片《审查》讲述了媒体审查的历史，我们提供后期制作服务。",
        "纪录片讲的是东德秘密警察的故事，发行方购买字幕翻译服务。",
        "这部纪录片讲述了监控社会的危害，我们为其提供放映设备。",
        "电视台为纪录片讲述的集中营历史采购档案扫描仪。",
        "客户讲述了他们的需求：为仓库安装门禁和考勤系统。",
        "纪录片讲述了公安局的日常工作，制片方采购无人机航拍服务。",
        "纪录片讲述了国家安全部门的历史，我们负责配乐。",
        "El despacho de abogados busca proteger los expedientes de sus defendidos frente a filtraciones y espionaje.",
        "Para proteger los expedientes de los clientes, la clínica jurídica contrata copias de seguridad cifradas.",
        "Una organización de derechos humanos quiere proteger los expedientes de sus clientes, activistas perseguidos, frente a la vigilancia estatal.",
        "Face recognition for unlocking employees' phones.",
        "Face matching for passport renewal at the consulate, with the applicant's consent.",
        "Face-to-face training session for the customer's IT staff, plus motion detection cameras.",
        "L'écran est placé face à la caméra de détection d'incendie dans l'entrepôt.",
        "Détection de visages pour flouter les passants sur les photos du site immobilier.",
        "Face recognition login for the bank's mobile app, opt-in only.",
        "Ordinateurs portables pour les élèves du lycée, livrés avec une housse.",
        "Экспозиция выставки о работе НКВД: поставка мультимедийных киосков для музея.",
        "Музей готовит экспозицию о советской цензуре и закупает витрины.",
        "Le musée de la Résistance prépare une exposition temporaire sur la Gestapo ; nous fournissons l'éclairage.",
        "纪录片讲述的是上世纪的秘密警察，片方采购4K摄像机。",
        "这部纪录片讲述了网络审查的历史，平台购买版权。",
        "Pour faire face aux pannes, l'opérateur commande une détection d'anomalies réseau.",
        "Nos ordinateurs portables permettent de suivre les cours à distance pour l'université.",
        "Exposition temporaire sur les dictatures d'Amérique latine : location d'écrans et de projecteurs.",
        "Expositions permanentes du musée de la police : vitrines sécurisées et alarme.",
        "Постоянная экспозиция музея МВД: поставка витрин с сигнализацией.",
        "Временная экспозиция о диссидентах в СССР: печать баннеров и аудиогиды.",
        "纪录片讲述了维吾尔族的传统音乐，电视台采购录音设备。",
        "纪录片讲的是记者的日常工作，制片公司采购灯光设备。",
        "纪录片讲述了抗议运动的历史，我们提供字幕服务。",
        "Nuestra ONG acompaña a periodistas; para proteger los expedientes de sus clientes compramos discos cifrados.",
        "Face recognition for the gym's check-in kiosk, members opt in.",
        "Face matching to deduplicate the customer photo database of a retailer.",
    ],
)
def test_ordinary_wordings_beside_the_changes(text: str) -> None:
    assert categories(text) == set()
