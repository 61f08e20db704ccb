"""Ordinary deals a review of honest wording found flagged (3 December 2026, evening): words
of another meaning read as a red flag. Each is left ordinary, and the red flag the word
really names is still read."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        # English "reports" stems as "reporters" do
        "Track sales from weekly reports.",
        "Energy monitoring with monthly reports for a school district.",
        "Ticketing system that tracks incidents and sends reports to management.",
        # French "reporter" is also to postpone
        "Reporter la réunion et surveiller le réseau.",
        # Arabic "internal" is no Interior ministry, "families" no captivity, a website no
        # location
        "شركة تحتاج نظاما للمراسلات الداخلية.",
        "مراجعة داخلية لحسابات الشركة.",
        "برنامج لتسجيل الأسر المستفيدة من السلال الغذائية.",
        "الهلال الأحمر: قاعدة بيانات للم شمل الأسر.",
        "منظمة حقوقية تريد إعادة تصميم موقعها الإلكتروني.",
        # Chinese 通讯社 (a news agency) holds 通讯 (communications)
        "通讯社希望监测文章阅读量。",
    ],
)
def test_words_of_another_meaning_leave_an_ordinary_deal_ordinary(text):
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Track the reporters covering the protest.", "targets_dissent"),
        ("Monitor the reporter who wrote about the minister.", "targets_dissent"),
        ("Hack the phones of reporters.", "targets_dissent"),
        ("Surveiller les reporters de la chaîne.", "targets_dissent"),
        ("بطلب من وزارة الداخلية، تتبع هواتف المتظاهرين", "security_services"),
        ("العميل هو وزارة الداخلية", "security_services"),
        ("قاعدة بيانات الأسرى السياسيين", "detention"),
        ("تسجيل بصمات أسرى الحرب", "detention"),
        ("تتبع موقع المتظاهرين عبر الموقع الإلكتروني", "tracking"),
        ("通讯社记者的电话被监听", "interception"),
        ("通讯社要求监听抗议者的电话", "targets_dissent"),
    ],
)
def test_the_red_flag_the_word_names_is_still_read(text, expected):
    assert expected in categories(text)
