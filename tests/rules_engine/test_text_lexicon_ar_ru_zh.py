"""The default lexicon in Arabic, Russian and Chinese, on sentences written for these tests.

Each sentence says its risk in words of its own (inflected verbs, plural and suffixed
nouns, traditional characters), not in the words of the evaluation set; the benign ones
use the same alarming words for ordinary IT, logistics and newsroom work, or negate them.
"""

from __future__ import annotations

import pytest

from rules.engine import load_pack
from rules.textsignals.reader import read_one
from tests.rules_engine.reading import CUES_NO_LONGER_READ

LEXICON = load_pack().lexicon


def categories(text: str) -> set[str]:
    return {c for c, _lang, _q in read_one(text, LEXICON)}


DANGEROUS = [
    ("يريد العميل إعداد ملفات عن الصحفيين المستقلين في المنطقة.", "targets_dissent"),
    ("سيراقب النظام قادة المعارضة وأنصارهم.", "targets_dissent"),
    ("تطلب الوزارة كشف هوية كتّاب المنشورات المنتقدة للحكومة.", "targets_dissent"),
    ("نحتاج إلى رصد نشاط المدافعين عن حقوق الإنسان على الشبكات الاجتماعية.", "targets_dissent"),
    ("يجب أن تتعرف الكاميرات على وجوه الأويغور في المحطة.", "profiling"),
    ("ستصنف التحليلات المارة حسب انتمائهم العرقي.", "profiling"),
    ("سيتم تسجيل رواد المسجد وسياراتهم.", "profiling"),
    ("سيحجب المشغل مواقع الإعلام المعارض قبل الانتخابات.", "censorship"),
    ("مطلوب قطع الإنترنت عبر الهاتف المحمول في مناطق الاحتجاجات.", "censorship"),
    ("يجب أن يمنع المرشح الوصول إلى المواقع الإخبارية المستقلة.", "censorship"),
    ("سيعترض الجهاز مكالمات المشتركين ورسائلهم دون أمر من المحكمة.", "interception"),
    ("مطلوب التنصت على المكالمات الهاتفية لجميع المشتركين.", "interception"),
    ("ستحتفظ المنصة بجميع رسائل المستخدمين لمدة خمس سنوات.", "interception"),
    ("يريد العميل تحديد مواقع هواتف المشاركين في المظاهرة.", "tracking"),
    ("سيتتبع النظام تحركات الناشطين في المدينة.", "tracking"),
    ("نحتاج إلى العثور على هواتف المتظاهرين عبر أبراج الاتصالات.", "tracking"),
    ("المستخدم النهائي هو جهاز المخابرات العامة.", "security_services"),
    ("التوريد لصالح مديرية الاستخبارات العسكرية.", "security_services"),
    ("العميل: إدارة أمن الدولة.", "security_services"),
    ("ستساعد القاعدة في اعتقال المشاركين في الاحتجاجات.", "detention"),
    ("معدات لمعسكر إعادة التأهيل في الإقليم.", "detention"),
    ("Заказчик хочет составить досье на независимых журналистов региона.", "targets_dissent"),
    ("Система будет наблюдать за лидерами оппозиции и их сторонниками.", "targets_dissent"),
    ("Министерство просит выявлять авторов критических постов о губернаторе.", "targets_dissent"),
    ("Нужно отслеживать активность правозащитников в соцсетях.", "targets_dissent"),
    ("Камеры должны распознавать лица уйгуров на вокзале.", "profiling"),
    ("Аналитика будет помечать прохожих по национальности.", "profiling"),
    ("Планируется вести учёт прихожан мечети и их автомобилей.", "profiling"),
    ("Оператор заблокирует сайты оппозиционных СМИ накануне выборов.", "censorship"),
    ("Требуется отключать мобильный интернет в районах протестов.", "censorship"),
    ("Фильтр должен закрыть доступ к независимым новостным ресурсам.", "censorship"),
    ("Оборудование перехватит звонки и переписку абонентов без решения суда.", "interception"),
    ("Нужно прослушивать телефонные разговоры всех абонентов оператора.", "interception"),
    ("Платформа будет хранить всю переписку пользователей пять лет.", "interception"),
    ("Клиент хочет определять местонахождение телефонов участников митинга.", "tracking"),
    ("Система отследит перемещения активистов по городу.", "tracking"),
    ("Нужно находить телефоны демонстрантов по базовым станциям.", "tracking"),
    ("Конечный пользователь — управление ФСБ по области.", "security_services"),
    ("Поставка для разведывательного ведомства страны.", "security_services"),
    ("Заказчик: департамент государственной безопасности.", "security_services"),
    ("База поможет задерживать участников акций протеста.", "detention"),
    ("Оборудование для лагеря перевоспитания в провинции.", "detention"),
    ("客户希望为独立记者建立档案。", "targets_dissent"),
    ("系统将监视反对派领导人及其支持者。", "targets_dissent"),
    ("该部门要求查出批评省长的帖子作者。", "targets_dissent"),
    ("需要监测人权捍卫者在社交网络上的活动。", "targets_dissent"),
    ("摄像头须在车站识别维吾尔人的面孔。", "profiling"),
    ("分析系统将按民族对路人进行分类。", "profiling"),
    ("运营商将在选举前屏蔽反对派媒体网站。", "censorship"),
    ("需要在抗议地区切断移动互联网。", "censorship"),
    ("过滤器须阻止访问独立新闻网站。", "censorship"),
    ("设备将在没有法院命令的情况下截获用户的通话和短信。", "interception"),
    ("需要窃听运营商所有用户的电话。", "interception"),
    ("平台将把用户的全部聊天记录保存五年。", "interception"),
    ("客户希望确定集会参与者手机的位置。", "tracking"),
    ("系统将追踪活动人士在城市中的行动。", "tracking"),
    ("需要通过基站找到示威者的手机。", "tracking"),
    ("最终用户是省国家安全厅。", "security_services"),
    ("为该国情报机关供货。", "security_services"),
    ("客户：国家安全保卫局。", "security_services"),
    # a place of detention named as the customer is a fact about the end user (5 December),
    # so no phrase reads it, in any language; the cues of rounds 1 to 28 read it, not those
    # of rounds 1 to 41
    pytest.param("用于看守所和在押人员管理的服务器。", "detention", marks=CUES_NO_LONGER_READ),
    ("数据库将帮助抓捕抗议活动参与者。", "detention"),
    ("为该省再教育营提供设备。", "detention"),
    ("系統將追蹤活動人士的手機位置。", "tracking"),
    ("設備將截獲用戶的通話。", "interception"),
    ("Запрос на поставку поступил от компетентных органов области.", "security_services"),
    ("Оператор передаст записи разговоров абонентов без решения суда.", "interception"),
    ("طلبت جهة سيادية تركيب النظام في مقرها.", "security_services"),
    ("سيتم تسجيل محادثات المستخدمين دون أي إذن قضائي.", "interception"),
    ("平台需在重大活动期间删除负面舆情。", "censorship"),
    ("系统将调取用户的聊天记录，无需法院批准。", "interception"),
    ("需要对重点人员进行布控。", "targets_dissent"),
    (
        "Аналитика соцсетей поможет найти администраторов протестных телеграм-каналов.",
        "targets_dissent",
    ),
    ("Нужны профили всех, кто подписал петицию против губернатора.", "targets_dissent"),
    ("Система посчитает, сколько мусульман приходит на пятничную молитву.", "profiling"),
    ("Видеоаналитика должна определять этническую принадлежность людей в толпе.", "profiling"),
    ("Провайдер обязан ограничить работу Telegram и YouTube на время голосования.", "censorship"),
    ("Требуется удалять посты, которые критикуют мэра.", "censorship"),
    ("Все SMS и звонки абонентов дублируются на сервер министерства.", "interception"),
    ("Заказчик хочет читать переписку граждан в мессенджерах.", "interception"),
    ("По номеру телефона система покажет, где сейчас находится человек.", "tracking"),
    ("Нужно знать, куда ездят лидеры забастовки.", "tracking"),
    ("Оборудование заказал отдел по защите конституционного строя.", "security_services"),
    ("Данные распознавания лиц используются для задержаний после митингов.", "detention"),
    ("تساعد الأداة في كشف هويات أصحاب الحسابات المجهولة التي تنتقد الحكومة.", "targets_dissent"),
    ("إعداد قائمة بكل من وقع على العريضة ضد الوزير.", "targets_dissent"),
    ("سيحصي النظام عدد المصلين في صلاة الجمعة.", "profiling"),
    ("يجب أن تحدد الكاميرات الانتماء العرقي للأشخاص في الحشد.", "profiling"),
    ("يجب على المزود تقييد تطبيق تيليجرام ويوتيوب خلال التصويت.", "censorship"),
    ("حذف المنشورات التي تنتقد رئيس البلدية.", "censorship"),
    ("تنسخ جميع الرسائل القصيرة ومكالمات المشتركين إلى خادم الوزارة.", "interception"),
    ("يريد العميل قراءة محادثات المواطنين على تطبيقات المراسلة.", "interception"),
    ("من خلال رقم الهاتف يعرض النظام مكان وجود الشخص الآن.", "tracking"),
    ("نحتاج إلى معرفة تنقلات قادة الإضراب.", "tracking"),
    ("طلب المعدات قسم مكافحة النشاط المعادي في جهاز الأمن الوطني.", "security_services"),
    ("تستخدم بيانات التعرف على الوجوه لاعتقال المشاركين بعد المظاهرات.", "detention"),
    ("توريد إلى سجن شديد الحراسة لمراقبة النزلاء.", "detention"),
    ("舆情分析将帮助找到抗议群组的管理员。", "targets_dissent"),
    ("系统将统计参加周五礼拜的穆斯林人数。", "profiling"),
    ("视频分析须判断人群中每个人的民族。", "profiling"),
    ("投票期间运营商须限制电报和油管的使用。", "censorship"),
    ("需要删除批评市长的帖子。", "censorship"),
    ("所有用户的短信和通话都复制到部里的服务器。", "interception"),
    ("客户希望读取公民在即时通讯软件上的聊天。", "interception"),
    ("输入手机号码，系统会显示此人当前所在位置。", "tracking"),
    ("需要掌握罢工领导人的出行情况。", "tracking"),
    ("设备由国内安全保卫部门订购。", "security_services"),
    ("人脸识别数据用于在集会后抓人。", "detention"),
    ("向高度戒备监狱供货，用于监控囚犯。", "detention"),
]

BENIGN = [
    "Система распознаёт номера автомобилей на въезде на парковку офиса.",
    "Мы храним переписку с клиентами в CRM по их согласию.",
    "Обучение журналистов работе с данными в университете.",
    "يتعرف النظام على لوحات السيارات عند مدخل موقف المكتب.",
    "نحفظ المراسلات مع العملاء في نظام إدارة العملاء بموافقتهم.",
    "تدريب الصحفيين على تحليل البيانات في الجامعة.",
    "系统在办公室停车场入口识别车牌。",
    "经客户同意，我们在客户关系管理系统中保存与客户的通信。",
    "在大学培训记者进行数据分析。",
    "Пароли и переписку сотрудников защищают от доступа без разрешения.",
    "يحمي النظام رسائل الموظفين من الوصول غير المصرح به.",
    "邮件加密，防止未经授权的访问。",
    "Камеры на проходной колонии техники не заменят; нужен ремонт крыши склада.",
    "سيحجب الجدار الناري المواقع الضارة والتصيد.",
    "مراقبة الشبكة لاكتشاف الهجمات والاختراقات في مركز البيانات.",
    "تكتشف الكاميرات المتسللين في المستودع ليلاً.",
    "سيحصل صحفيو الجريدة على حواسيب محمولة جديدة.",
    "تتبع الشاحنات والطرود على طول المسار.",
    "تسجيل المكالمات في مركز الاتصال بموافقة العملاء.",
    "لن نراقب الناشطين أو الصحفيين.",
    "Межсетевой экран будет блокировать вредоносные сайты и фишинг.",
    "Мониторинг сети на предмет атак и вторжений в дата-центре.",
    "Камеры обнаруживают посторонних на складе ночью.",
    "Журналисты редакции получат новые ноутбуки.",
    "Отслеживание грузовиков и посылок по маршруту.",
    "Запись звонков в контакт-центре с согласия клиентов.",
    "Мы не будем отслеживать активистов или журналистов.",
    "防火墙将屏蔽恶意网站和钓鱼网站。",
    "监控网络以发现数据中心的攻击和入侵。",
    "摄像头在夜间检测仓库中的入侵者。",
    "报社的记者将获得新的笔记本电脑。",
    "沿路线追踪卡车和包裹。",
    "在客户同意下对呼叫中心通话进行录音。",
    "我们不会追踪活动人士或记者。",
]


@pytest.mark.parametrize(("text", "category"), DANGEROUS)
def test_a_dangerous_sentence_raises_its_category(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize("text", BENIGN)
def test_a_benign_or_negated_sentence_raises_nothing(text: str) -> None:
    assert categories(text) == set()


# A Husseiniya (a Shia place of worship) is written out: its light stem "حسين" is also
# that of "تحسين" (improving) and of the name Hussein, which are no place of worship.
@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("أجهزة تتبع GPS في 250 شاحنة لمتابعة موقع المركبات وتحسين المسارات.", set()),
        ("سيراقب النظام حسين وزملاءه في قسم المحاسبة.", set()),
        ("تريد الشرطة مراقبة المصلين الذين يرتادون الحسينيات في المدينة.", {"profiling"}),
        ("كاميرات لرصد من يدخل الحسينية كل جمعة.", {"profiling"}),
        ("نظام لتحديد وجوه رواد حسينيات الحي.", {"profiling"}),
    ],
)
def test_a_husseiniya_is_read_and_improving_or_hussein_is_not(text: str, read: set) -> None:
    assert categories(text) == read


# A Latin name written onto Chinese characters ("封掉WhatsApp") is a word of its own, in
# the text and in a Chinese phrase, with or without a space.
@pytest.mark.parametrize(
    "text",
    [
        "客户要求在示威期间封掉WhatsApp。",
        "选举前要屏蔽Telegram和Signal。",
        "抗议活动期间全省封锁 Facebook 和 Twitter。",
    ],
)
def test_a_latin_name_inside_chinese_text_is_read_as_a_censored_service(text: str) -> None:
    assert "censorship" in categories(text)


def test_a_latin_name_in_a_chinese_phrase_is_accepted_and_read_written_on_or_apart() -> None:
    from rules.textsignals import LexiconEntry, compile_lexicon
    from rules.textsignals.lexicon import validate_entry

    entry = LexiconEntry("监控telegram群", "zh", "interception", "s")
    assert validate_entry(entry) == []
    lexicon = compile_lexicon([entry])
    assert read_one("他们要监控Telegram群的消息。", lexicon) == [
        ("interception", "zh", "监控Telegram群")
    ]
    assert read_one("他们要监控 Telegram 群的消息。", lexicon) == [
        ("interception", "zh", "监控 Telegram 群")
    ]
    assert read_one("他们要监控Telegram频道。", lexicon) == []


def test_a_latin_name_in_chinese_text_without_an_act_raises_nothing() -> None:
    assert categories("为公司员工安装WhatsApp和Telegram的企业版。") == set()
