"""Wording of round 23's tuning half, and two defects of the reader it showed.

- A security body named as where the goods go was cleared by benign context in Russian,
  Arabic and Chinese: "доставка" (delivery) is listed with emergency calls and couriers,
  where locating a phone is the service, and that context is "something other than a
  protected group"; it now never clears a security body named beside it ("адрес доставки
  находится на территории Комитета государственной безопасности"). The Arabic stadium's
  "مدير الأمن" (security manager) of "المجمع" (the complex) read "مجمّع مديرية أمن الدولة"
  (the compound of the State Security directorate) by their light stems; benign context
  ending on a word the body's name runs on from ("أمن" | "الدولة") no longer clears it.
- "находить" (to find) stems as "находиться" (to be situated) does: "журналисты,
  находящиеся под угрозой" (journalists at risk, whom a press-freedom fund supports) read
  as finding journalists. It is out of the two entries on finding people of dissent;
  "найти", "искать" and "выявлять" stay, and the imperfective "находить журналистов" is
  no longer read (a strict expected failure below).
- Arabic words written alike (no short vowels): "قبلي" (tribal) stems as "قبل" (before),
  "البدون" (the stateless Bidoon) as "بدون" (without), "منظمين" (organisers) as "منظمة"
  (an organisation) and "المبلغين" (whistleblowers) as "مبلغ" (an amount) and "مُبلَّغون"
  (informed): "Wi-Fi before the autumn term" read as profiling by tribe, and an NGO or
  customers "informed in the terms" as targeting dissent. The tribe is read in two words
  ("الخلفية القبلية", "الانتماء القبلي"), the Bidoon as "فئة البدون", and organisers and
  whistleblowers by the beginning of their plural ("المنظمين*", "منظمي*", "المبلغين*", and
  after "و" or "لل").
- Throttling of messaging apps by region in Spanish, Portuguese and Russian ("perfiles de
  throttling por región para whatsapp", "шейпинг"), profiling journalists in Russian
  ("профилирование журналистов") and a Portuguese detainee's "confiabilidade ideológica"
  score.

Each dangerous sentence raised nothing of its category before. Sentences written for the
purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


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
        # Arabic words written alike: the groups are still read
        ("targets_dissent", "رصد منظمي الاحتجاجات."),
        ("targets_dissent", "مراقبة المبلغين عن الفساد."),
        ("targets_dissent", "تتبع هواتف المنظمين بعد المظاهرة."),
        ("targets_dissent", "تحديد هوية الطلاب ومنظمي الاحتجاجات."),
        ("targets_dissent", "مراقبة الموظفين والمبلغين عن الفساد."),
        ("profiling", "فرز المتقدمين حسب الخلفية القبلية."),
        ("profiling", "مراقبة فئة البدون في الكويت."),
        (
            "detention",
            "Dar a cada detento um score de confiabilidade ideológica para a comissão.",
        ),
    ],
)
def test_new_wording_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Фонд поддерживает журналистов-расследователей, находящихся под угрозой.",
        "Защищённая почта для репортёров, находящихся в зоне конфликта.",
        "Служба безопасности склада получит 20 раций для водителей и курьеров.",
        # a bank's financial intelligence unit, whose name the context reads whole
        "Сообщения о подозрительных операциях направляются в подразделение финансовой "
        "разведки, как требует закон.",
        # the security manager of a stadium or a mall, as before
        "مدير الأمن في الملعب يريد 40 كاميرا للمدرجات.",
        "يطلب مدير الأمن في المجمع التجاري كاميرات لموقف السيارات.",
        "Ambulance dispatch for the emergency services: 30 rugged tablets.",
        # Arabic words written like a group's name
        "المدارس تحتاج ترقية الواي فاي قبل فصل الخريف.",
        "منظمة إنسانية تشتري 60 هاتفًا فضائيًا وجهاز تتبّع للمركبات.",
        "العملاء مُبلَّغون في الشروط والأحكام، والنموذج يُراجع كل ربع سنة للتحقق.",
    ],
)
def test_ordinary_wording_stays_clean(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.xfail(
    strict=True,
    reason="'находить' (to find) stems as 'находиться' (to be situated): it left the "
    "entries on finding people of dissent, so its imperfective forms are not read",
)
def test_finding_journalists_in_the_imperfective() -> None:
    assert "targets_dissent" in categories("Нужно находить журналистов, которые пишут о коррупции.")


@pytest.mark.xfail(
    strict=True,
    reason="a company's security department named by a bare 'служба безопасности' beside "
    "drivers or couriers is no longer cleared by the delivery context",
)
def test_a_taxi_fleets_security_department() -> None:
    assert (
        categories(
            "Трекеры для водителей такси, служба безопасности таксопарка следит за маршрутами."
        )
        == set()
    )


@pytest.mark.xfail(
    strict=True,
    reason="the shipping address ('عنوان الشحن') stem-matches the shipments of the logistics "
    "context ('الشحنات'), which still clears a security body named in its sentence",
)
def test_a_shipping_address_at_state_security_in_arabic() -> None:
    assert "security_services" in categories(
        "عنوان الشحن هو مقر مديرية أمن الدولة على طريق المطار."
    )
