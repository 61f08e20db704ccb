"""Wording of new writing read in the seven languages: the movement or location history of
specific cars or people sold or bought (plate readers whose data is sold to whoever pays, a
debt collector buying debtors' phone locations from a broker); a custody system's field for
the reason someone is held reading "political / religious" (beside a facility, no charges or
an indefinite stay); a hidden, secret or parallel custody register; a connection throttled
to a few kilobits on the anniversary of protests or a crackdown, messaging held to a few
kbps ("限到32 kbps"); a hotel's guest Wi-Fi mirrored for a ministry with no court paper; the
population register matched against the lists of checkpoints; a hidden "family safety" app
sending GPS to find a wife or husband. A fleet's own history shown
to its owner, phones bought for a collection team, a leave form's reasons (political office,
religious holiday), the custody register the prosecutor sees, more bandwidth for a
commemoration's livestream, guest traffic mirrored to the hotel's own intrusion detection
a census cross-checked with an electoral roll and a family locator with a visible icon
stay ordinary.

Each dangerous sentence raised nothing of its category before these entries were added.
Sentences written for the purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

# Entries withdrawn after a review found them flagging ordinary deals (a leave form's or an
# asylum file's "reason: political / religious" beside a hearing; a custody register's
# backup copy for the prosecutor; a company's anniversary sale with messaging at 128 kbps;
# guest registration a hotel sends to the police as the law requires; a census matched
# with factory gates' lists): what they read is a known gap again. Strict: a change that
# reads it fails here, and the mark goes.
WITHDRAWN = pytest.mark.xfail(strict=True, reason="entry withdrawn after review")


@pytest.mark.parametrize(
    "category, text",
    [
        # the movement or location history of specific cars or people sold or bought
        (
            "tracking",
            "They make money selling the travel history of particular vehicles to whoever pays.",
        ),
        (
            "tracking",
            "Leur affaire : revendre l'historique des trajets de véhicules donnés à qui paie.",
        ),
        (
            "tracking",
            "Su negocio es vender el historial de desplazamientos de coches determinados a quien "
            "pague.",
        ),
        (
            "tracking",
            "La agencia de cobros compra a un intermediario la posición del celular de cada deudor.",
        ),
        (
            "tracking",
            "O negócio é revender o histórico de localização de carros específicos a quem paga.",
        ),
        ("tracking", "Они продают историю передвижений конкретных машин тому, кто заплатит."),
        ("tracking", "Коллекторы покупают у брокера данных геопозицию телефона каждого должника."),
        ("tracking", "يبيعون سجل تنقلات سيارات بعينها لمن يدفع."),
        ("tracking", "他们把特定车辆的出行记录卖给谁付钱就给谁。"),
        # its entry was withdrawn; the cues refitted on rounds 1-19 read it (4 December)
        ("tracking", "催收公司从数据中间商那里买欠款人手机的位置。"),
        # a custody system's field for the reason someone is held: political / religious
        (
            "detention",
            "The holding facility's software needs a field 'grounds: political / religious' "
            "with stays set to indefinite.",
        ),
        (
            "detention",
            "Le logiciel du centre de rétention doit avoir un champ « motif : politique / "
            "religieux ».",
        ),
        (
            "detention",
            "El programa del centro de internamiento necesita un campo «motivo: político / "
            "religioso».",
        ),
        (
            "detention",
            "O sistema da unidade de custódia precisa de um campo 'motivo: político / religioso'.",
        ),
        (
            "detention",
            "Программа для учреждения административного содержания: поле «основание: "
            "политическое / религиозное».",
        ),
        ("detention", "برنامج لمرفق الاحتجاز الإداري فيه حقل «السبب: سياسي / ديني»."),
        ("detention", "收容所的软件要有“原因：政治／宗教”字段。"),
        # the same field beside no charges, no hearing or an indefinite stay
        pytest.param(
            *(
                "detention",
                "They want a column 'reason: political / religious', no column for charges, and the "
                "default stay is indefinite.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *(
                "detention",
                "Il faut une case « motif : politique / religieux », sans case pour l'inculpation, "
                "durée indéterminée.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *(
                "detention",
                "El cliente quiere en la ficha una casilla «motivo: político / religioso» y duración "
                "indefinida por defecto.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *(
                "detention",
                "O cliente quer na ficha um campo 'motivo: político / religioso' e prazo indeterminado "
                "por padrão.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *(
                "detention",
                "Заказчику в карточке нужна графа «причина: политическая / религиозная» и бессрочный "
                "срок.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *("detention", "يريد العميل في البطاقة خانة «السبب: سياسي / ديني» ومدة غير محددة."),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *("detention", "要加一栏“原因：政治／宗教”，不设罪名一栏，期限默认无限期。"),
            marks=WITHDRAWN,
        ),
        # a hidden, secret or parallel custody register
        pytest.param(
            *(
                "detention",
                "A second, unlisted custody register on its own server for people held past the "
                "legal limit.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *("detention", "Un registre d'écrou parallèle et caché sur un serveur à part."),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *("detention", "Un registro de custodia paralelo y oculto en otro servidor."),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *(
                "detention",
                "Um registro de custódia paralelo e oculto para quem fica além do prazo legal.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(*("detention", "Отдельный скрытый журнал задержанных."), marks=WITHDRAWN),
        pytest.param(
            *("detention", "دفتر موقوفين موازٍ وغير معلن على خادم منفصل."), marks=WITHDRAWN
        ),
        pytest.param(
            *("detention", "在一台独立服务器上另建一本不公开的羁押登记，检察院看不到。"),
            marks=WITHDRAWN,
        ),
        # a connection throttled to a few kilobits around a protest's anniversary
        (
            "censorship",
            "Video calls throttled on the anniversary of the crackdown, officially for network "
            "stability.",
        ),
        (
            "censorship",
            "Le débit des messageries sera de 32 kbit/s pour la date anniversaire du soulèvement.",
        ),
        pytest.param(
            *("censorship", "上级要求把即时通讯和直播限到32 kbps，不通知用户。"), marks=WITHDRAWN
        ),
        # a hotel's guest Wi-Fi mirrored for a ministry, with no court paper
        pytest.param(
            *(
                "interception",
                "Guest Wi-Fi sessions are to be mirrored for the ministry's security office, with no "
                "court paper.",
            ),
            marks=WITHDRAWN,
        ),
        (
            # Read again since 7 December: "duplique" is read as "duplicar" (a lemmatiser)
            "interception",
            "La oficina de seguridad del ministerio quiere que el wifi de los huéspedes se "
            "duplique a su equipo, sin orden judicial.",
        ),
        pytest.param(
            *(
                "interception",
                "O escritório de segurança do ministério quer o Wi-Fi dos hóspedes espelhado para o "
                "equipamento deles, sem ordem judicial.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *(
                "interception",
                "Министерство хочет зеркалировать гостевой Wi-Fi отеля на свой сервер, без решения "
                "суда.",
            ),
            marks=WITHDRAWN,
        ),
        # its entry withdrawn; read by the learned cues of the refits of 4 December (night)
        # to rounds 1 to 28, not by those of rounds 1 to 41, as its translations are not
        pytest.param(
            *(
                "interception",
                "يريد مكتب الأمن التابع للوزارة نسخ جلسات النزلاء على شبكة الواي فاي إلى جهازه دون "
                "ورقة من قاض.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *(
                "interception",
                "部里的安全办公室要求把酒店住客Wi-Fi的流量镜像到他们自己的设备上，没有法院文书。",
            ),
            marks=WITHDRAWN,
        ),
        # the population register matched against the lists of checkpoints
        pytest.param(
            *(
                "security_services",
                "An army unit will cross-check the population register against the checkpoint lists.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *(
                "security_services",
                "Une unité militaire croisera le registre de la population avec les listes des "
                "points de contrôle.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *(
                "security_services",
                "Una unidad del ejército cruzará el padrón con las listas de los controles.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *(
                "security_services",
                "Uma unidade do exército vai cruzar o cadastro da população com as listas dos postos "
                "de controle.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *(
                "security_services",
                "Воинская часть будет сверять реестр населения со списками блокпостов.",
            ),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *("security_services", "ستطابق وحدة عسكرية سجل السكان مع قوائم نقاط التفتيش."),
            marks=WITHDRAWN,
        ),
        pytest.param(
            *("security_services", "一支部队将把人口登记和检查站名单做比对。"), marks=WITHDRAWN
        ),
        # a hidden "family safety" app sending GPS to find a wife or husband
        (
            "tracking",
            "Une appli « sécurité familiale » sans icône qui envoie le GPS en continu : « sachez "
            "où est votre femme ».",
        ),
        (
            "tracking",
            "Um app de 'segurança familiar' escondido, sem ícone, que manda o GPS a cada 5 "
            "minutos: 'saiba onde seu marido realmente está'.",
        ),
        (
            "tracking",
            "Приложение «семейная безопасность» без значка шлёт GPS каждые 5 минут: «узнай, где на "
            "самом деле твоя жена».",
        ),
        ("tracking", "这个App隐藏运行，定时上传老婆手机的GPS位置。"),
    ],
)
def test_new_wording_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # what a review found the withdrawn entries flagging
        "The HR system's absence reason options include political office, religious "
        "observance, and court date attendance as a witness.",
        "Logiciel de l'OFPRA : le motif de la demande d'asile (politique, religieux) est "
        "saisi avant l'audience.",
        "The hotel copies guests' passport details to the police registration portal, as the "
        "law on hotel guest registration requires.",
        "El sistema copia los datos de los huéspedes al Ministerio de Turismo para el registro "
        "obligatorio de viajeros.",
        "Перепись сверят с данными контрольно-пропускных пунктов заводов, чтобы учесть "
        "вахтовых работников.",
        "统计局将人口普查与户籍数据比对，检查站不参与。",
        "套餐流量用完后，即时通讯和直播降到128 kbps，周年庆期间不限速。",
        "催收公司为团队购买手机，位置在法院附近，负责债务人的法院判决执行。",
        "O livro de custódia dos presos tem uma cópia paralela de backup enviada ao Ministério "
        "Público.",
        "Распознавание лиц не используется на профсоюзных собраниях по требованию профкома.",
        # a fleet's own history shown to its owner, phones bought for a team
        "The fleet platform shows each customer the movement history of its own vans.",
        "The collection agency buys 50 phones so its staff can call debtors.",
        "La plateforme montre à chaque client l'historique des déplacements de ses camions.",
        "La agencia de cobros compra 50 móviles para llamar a los deudores.",
        "A plataforma mostra ao cliente o histórico de deslocamentos da própria frota.",
        "Коллекторское агентство покупает 50 телефонов, чтобы звонить должникам.",
        "تشتري شركة التحصيل 50 هاتفاً لموظفيها للاتصال بالمدينين.",
        "车队平台向客户展示自有车辆的行驶轨迹。",
        # a leave form's reasons, the official register shown to the prosecutor
        "Leave reasons in the HR tool: political office, religious holiday, other.",
        "Formulaire RH : motif d'absence — mandat politique, fête religieuse, autre.",
        "El formulario de permisos tiene el campo «motivo: cargo político / festividad religiosa».",
        "Formulário de férias: motivo — cargo político, feriado religioso, outro.",
        "В кадровой программе поле «причина отпуска: политическая / религиозная».",
        "نموذج الإجازات فيه حقل «السبب: منصب سياسي / عيد ديني».",
        "请假系统的“原因”字段包括：政治学习、宗教节日、其他。",
        "The custody register is kept on a separate server and shown to the prosecutor daily.",
        "Le registre d'écrou est sauvegardé sur un serveur à part, consultable par le parquet.",
        "El registro de custodia se guarda en otro servidor y lo revisa la fiscalía.",
        "Журнал задержанных хранится на отдельном сервере, прокурор видит его ежедневно.",
        # more bandwidth for a commemoration, a plan's cap, a commemorative edition
        "More bandwidth for the museum's live video on the anniversary of the protests.",
        "Plus de débit pour la vidéo en direct du musée à l'anniversaire des manifestations.",
        "直播间的画质升级，带宽提到20 Mbps。",
        # guest traffic mirrored to the hotel's own intrusion detection
        "Port mirroring of the guest Wi-Fi to the hotel's own intrusion detection system.",
        "El hotel duplica el tráfico wifi de los huéspedes hacia su propio sistema de detección.",
        "O hotel espelha o tráfego dos hóspedes para o próprio sistema de detecção de intrusão.",
        "Отель зеркалирует трафик гостевой сети на собственную систему обнаружения вторжений.",
        "ينسخ الفندق حركة شبكة الضيوف إلى نظام كشف التسلل الخاص به.",
        "酒店把住客网络的流量镜像到自己的入侵检测系统。",
        # a census or register cross-checked with an electoral or school roll
        "The statistics office cross-checks the population register against the electoral roll.",
        "L'INSEE croise le recensement avec les listes électorales.",
        "El ayuntamiento cruza el padrón con la lista de matrícula escolar.",
        "O instituto cruza o censo com o cadastro escolar.",
        "Статистики сверяют перепись с реестром избирателей.",
        "تقارن الهيئة سجل السكان مع قوائم الناخبين.",
        "统计局把人口登记和选民名单做比对。",
        # a family locator with a visible icon the person can turn off
        "Appli de localisation familiale avec icône visible : votre femme peut la couper.",
        "O app da família tem ícone visível e seu marido pode desligar quando quiser.",
        "Семейный локатор со значком на экране: жена видит местоположение мужа с его согласия.",
        "家庭App有图标，老婆可随时关闭。",
    ],
)
def test_ordinary_wording_stays_clean(text: str) -> None:
    assert categories(text) == set()
