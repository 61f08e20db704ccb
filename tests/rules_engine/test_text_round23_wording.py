"""Wording of round 23's tuning half, the defects of the reader it showed, and what a
hostile review of the first mending found.

- A security body named as where the goods go was cleared by benign context in Russian
  and Arabic: "доставка" / "التوصيل" (delivery) were listed with emergency calls and
  couriers, where locating a phone is the service ("адрес доставки находится на
  территории Комитета государственной безопасности"). The delivery words are out of that
  context (couriers and drivers stay). The first mending, that such context never clears
  a security body, was withdrawn: a review found it flagging a business's own security
  service beside animals, lost luggage, web analytics or couriers ("Служба безопасности
  зоопарка …"), which the same context had cleared.
- The Arabic stadium's "مدير الأمن" (security manager) of "المجمع" (the complex) read
  "مجمّع مديرية أمن الدولة" (the compound of the State Security directorate) by their light
  stems: benign context ending on "أمن" no longer clears the body when "الدولة" follows. The
  first mending took any word after it, and flagged a hotel's "مدير الأمن العام" (general
  security manager) and a mall's "الأمن الداخلي" (internal security) team.
- Arabic words written alike (no short vowels): "قبلي" (tribal) stems as "قبل" (before),
  "البدون" (the stateless Bidoon) as "بدون" (without), "منظمين" (organisers) as "منظمة"
  (an organisation), "المبلغين" (whistleblowers) as "مبلغ" (an amount) and "مُبلَّغون"
  (informed). They are read by how they begin, with the article where "before" and
  "without" never take one ("القبلي*", "البدون*"), and organisers and whistleblowers by the
  beginning of their plurals ("المنظمين*", "منظمي*", "المبلغين*", "المبلغون*", …).
- Russian "находить" (to find) stems as "находиться" (to be situated): "журналисты,
  находящиеся под угрозой" (journalists at risk) reads as finding journalists. Taking it
  out of the entries lost every present-tense "finds activists" (the review wrote 14), so
  it stays, and the journalists at risk are a strict expected failure.
- Throttling of messaging apps by region in Spanish, Portuguese and Russian ("perfiles de
  throttling por región para whatsapp", "шейпинг"; "резать", to cut, was withdrawn after
  the review: cakes, budgets and adverts), profiling journalists in Russian and a
  Portuguese detainee's "confiabilidade ideológica" score.
- The learned cues refitted the same evening flag ordinary requests for a list of people
  ("a list of the people who did not renew their gym membership") and no longer read two
  detention paraphrases the earlier cues read: strict expected failures, for the next
  refit to clear.

Each dangerous sentence raised nothing of its category before round 23's changes. Sentences
written for the purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import CUE_FALSE_POSITIVE, categories

# Read by the cues fitted before 4 December (late evening), not by those fitted then.
CUES_LOST = pytest.mark.xfail(
    strict=True, reason="not read by the learned cues of the default pack as last refitted"
)

SITUATED_AS_FOUND = pytest.mark.xfail(
    strict=True, reason="'находящихся' (being situated) stems as 'находить' (to find)"
)


@pytest.mark.parametrize(
    "category, text",
    [
        # a security body named as where the goods go, beside delivery words
        (
            "security_services",
            "Адрес доставки находится на территории Комитета государственной безопасности.",
        ),
        (
            "security_services",
            "Документы на доставку: гостевой дом General Intelligence Directorate.",
        ),
        ("security_services", "Курьер доставит серверы прямо в управление ФСБ."),
        ("security_services", "التسليم في مجمّع مديرية أمن الدولة."),
        ("security_services", "س: عنوان التسليم؟ ج: المبنى 7، مجمّع مديرية أمن الدولة."),
        # throttling apps by region; profiling journalists; an ideological score
        (
            "censorship",
            "Necesitan perfiles de throttling por región para WhatsApp la semana del referéndum.",
        ),
        ("censorship", "Precisam de perfis de throttling por região para o WhatsApp."),
        ("censorship", "Нужны профили шейпинга по регионам для WhatsApp."),
        ("targets_dissent", "Модуль для профилирования журналистов и их источников."),
        (
            "detention",
            "Dar a cada detento um score de confiabilidade ideológica para a comissão.",
        ),
        # Arabic words written alike: the groups are still read
        ("targets_dissent", "رصد منظمي الاحتجاجات."),
        ("targets_dissent", "مراقبة المبلغين عن الفساد."),
        ("targets_dissent", "تتبع هواتف المنظمين بعد المظاهرة."),
        ("targets_dissent", "تحديد هوية الطلاب ومنظمي الاحتجاجات."),
        ("targets_dissent", "مراقبة الموظفين والمبلغين عن الفساد."),
        ("targets_dissent", "سيستخدم الأمن المنصة لرصد منظميها وتتبع هواتفهم."),
        ("targets_dissent", "تريد الوزارة معرفة من هم المبلغون عن الفساد عبر سجلات البريد."),
        ("targets_dissent", "سيتم رصد المبلغات عن التحرش وتتبع هواتفهن."),
        ("profiling", "فرز المتقدمين حسب الخلفية القبلية."),
        ("profiling", "يريد العميل تصنيف المتقدمين للوظائف الحكومية حسب انتمائهم القبلي."),
        ("profiling", "مراقبة فئة البدون في الكويت."),
        ("profiling", "يريد العميل رصد البدون في الأحياء وإبلاغ الشرطة عنهم."),
        ("profiling", "يريد العميل تحديد من ينتمي إلى البدون من بين المتقدمين."),
        # "находить" stays: present-tense finding of people of dissent
        (
            "targets_dissent",
            "Платформа помогает находить активистов, которые организуют митинги в регионе.",
        ),
        ("targets_dissent", "Нужно находить журналистов, которые пишут о коррупции."),
        # not read by the cues refitted on 4 December with the new settings, read again by
        # those refitted on rounds 1 to 41
        ("detention", "Заказчик просит комнаты изоляции для тех, кого привезут после акции."),
        # read by the cues refitted on rounds 1 to 28, not by those of rounds 1 to 41
        pytest.param(
            "detention", "甲方要求为带回的人员准备过夜的房间并全程录像。", marks=CUES_LOST
        ),
    ],
)
def test_new_wording_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Защищённая почта для репортёров, находящихся в зоне конфликта.",
            marks=SITUATED_AS_FOUND,
        ),
        "Служба безопасности склада получит 20 раций для водителей и курьеров.",
        # a business's own security beside animals, lost things, analytics, couriers
        "Трекеры для водителей такси, служба безопасности таксопарка следит за маршрутами.",
        "Служба безопасности сети ресторанов хочет отслеживать доставку заказов курьерами.",
        "Служба безопасности зоопарка будет отслеживать животных с помощью GPS-ошейников.",
        "رجال الأمن في شركة التوصيل يحتاجون أجهزة لاسلكي للتنسيق مع السائقين.",
        "动物园安全部门采购GPS项圈追踪动物。",
        # a bank's financial intelligence unit, whose name the context reads whole
        "Сообщения о подозрительных операциях направляются в подразделение финансовой "
        "разведки, как требует закон.",
        # the security manager or team of a stadium, a mall or a hotel
        "مدير الأمن في الملعب يريد 40 كاميرا للمدرجات.",
        "يطلب مدير الأمن في المجمع التجاري كاميرات لموقف السيارات.",
        "يريد الفندق تزويد مدير الأمن العام بلوحة تحكم للكاميرات.",
        "المركز التجاري يطلب أجهزة لاسلكي لفريق الأمن الداخلي.",
        "في المجمع التجاري يحتاج مدير الأمن الداخلي إلى نظام تسجيل الحوادث.",
        "Ambulance dispatch for the emergency services: 30 rugged tablets.",
        # Arabic words written like a group's name
        "المدارس تحتاج ترقية الواي فاي قبل فصل الخريف.",
        "منظمة إنسانية تشتري 60 هاتفًا فضائيًا وجهاز تتبّع للمركبات.",
        "العملاء مُبلَّغون في الشروط والأحكام، والنموذج يُراجع كل ربع سنة للتحقق.",
        "يريد العميل نظام مراقبة للمستودع يعمل بدون إنترنت.",
        "يريد العميل لوحة تحكم للمنظمين لمتابعة مبيعات التذاكر.",
        # "to cut" in Russian: speeds, budgets, cakes
        "Провайдер будет резать скорость торрентов и YouTube ночью в регионе согласно политике "
        "честного использования.",
        "Кондитерская фабрика будет резать торты для корпоратива WhatsApp-сообщества региона.",
        # journalists at risk, whom a press-freedom fund supports
        pytest.param(
            "Фонд поддерживает журналистов-расследователей, находящихся под угрозой.",
            marks=SITUATED_AS_FOUND,
        ),
        # a list of people asked for: flagged by the refitted cues
        pytest.param(
            "Заказчику нужен список клиентов, которые должны продлить подписку.",
            marks=CUE_FALSE_POSITIVE,
        ),
        pytest.param(
            "The client wants a list of the people who did not renew their gym membership.",
            marks=CUE_FALSE_POSITIVE,
        ),
        pytest.param(
            "El cliente quiere una lista de las personas que no pagaron la cuota del club.",
            marks=CUE_FALSE_POSITIVE,
        ),
        pytest.param(
            "Le client demande une liste des personnes qui n'ont pas payé leur cotisation.",
            marks=CUE_FALSE_POSITIVE,
        ),
        # flagged by the cues of 4 December to rounds 1 to 28; not by those of rounds 1 to 41
        "医院希望化验结果出来后短信告诉患者和医护人员。",
        pytest.param(
            "يريد العميل منصة لتحليل آراء الأشخاص الذين اشتروا المنتج.", marks=CUE_FALSE_POSITIVE
        ),
    ],
)
def test_ordinary_wording_stays_clean(text: str) -> None:
    assert categories(text) == set()


def test_a_shipping_address_at_state_security_in_arabic() -> None:
    # Once a strict expected failure: the shipments of the logistics context ("الشحنات")
    # cleared a state-security body named beside a shipping address; since 5 December the
    # context reads shipments tracked ("تتبع الشحنات"), not the word alone.
    assert "security_services" in categories(
        "عنوان الشحن هو مقر مديرية أمن الدولة على طريق المطار."
    )
