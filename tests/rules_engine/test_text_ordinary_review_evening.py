"""Ordinary deals a review of honest wording found flagged (3 December 2026, evening): words
of another meaning read as a red flag. Each is left ordinary, and the red flag the word
really names is still read (a second review found a Chinese news agency's benign context
hiding acts on its journalists, and French "le reporter" lost: both are cases here)."""

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
        # Arabic "internal" is no Interior ministry, "families" no captivity, a website no
        # location
        "شركة تحتاج نظاما للمراسلات الداخلية.",
        "مراجعة داخلية لحسابات الشركة.",
        "برنامج لتسجيل الأسر المستفيدة من السلال الغذائية.",
        "الهلال الأحمر: قاعدة بيانات للم شمل الأسر.",
        "منظمة حقوقية تريد إعادة تصميم موقعها الإلكتروني.",
        # news websites (advertising on them, browsing them) are no one's location
        "نشر إعلانات على المواقع الإخبارية المحلية.",
        "تصفح مواقع الأخبار من أجهزة الموظفين.",
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
        ("Nous localisons le reporter du Monde.", "targets_dissent"),
        ("La police veut surveiller le reporter.", "targets_dissent"),
        ("بطلب من وزارة الداخلية، تتبع هواتف المتظاهرين", "security_services"),
        ("العميل هو وزارة الداخلية", "security_services"),
        ("قاعدة بيانات الأسرى السياسيين", "detention"),
        ("تسجيل بصمات أسرى الحرب", "detention"),
        ("تتبع موقع المتظاهرين عبر الموقع الإلكتروني", "tracking"),
        ("نشر إعلانات على مواقع الصحف ثم تحديد مواقع الصحفيين.", "tracking"),
        ("تتبع مواقع الصحف والناشطين.", "tracking"),
        # "مواقع الصحفيين" (journalists' locations) begins as "مواقع الصحف" (newspapers'
        # websites) does: the journalists' locations are read
        ("إرسال مواقع الصحفيين إلى الشرطة.", "tracking"),
        ("إرسال مواقع الصحفيات إلى الشرطة.", "tracking"),
        ("مشاركة مواقع الصحفيين مع الجيش.", "tracking"),
        ("تخزين مواقع الصحفيين المعارضين.", "tracking"),
        ("تحديث مواقع الصحفيين كل خمس دقائق.", "tracking"),
        ("بيع بيانات مواقع الصحفيين لجهاز الأمن.", "tracking"),
        ("قاعدة بيانات لمواقع الصحفيين المعارضين.", "tracking"),
        ("جمع مواقع الصحفيين المستقلين يوميا.", "tracking"),
        ("حجب مواقع الصحف المستقلة.", "censorship"),
        ("حجب المواقع الإخبارية المستقلة.", "censorship"),
        ("通讯社记者的电话被监听", "interception"),
        ("通讯社要求监听抗议者的电话", "targets_dissent"),
        ("我们监控通讯社的记者。", "targets_dissent"),
        ("公安要求我们监控通讯社的记者。", "security_services"),
        ("我们为警方追踪外国通讯员的位置。", "tracking"),
        ("我们拦截通讯员的电话。", "interception"),
    ],
)
def test_the_red_flag_the_word_names_is_still_read(text, expected):
    assert expected in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Prototypes are kept for months with no trial.",
        "Evaluation licences are held for weeks with no trial period.",
        "The hearing aids are kept for months with no trial fitting.",
    ],
)
def test_things_kept_with_no_trial_are_no_detention(text):
    assert categories(text) == set()


def test_people_held_for_months_without_trial_are_still_detention():
    assert "detention" in categories("Protesters are held for months without trial.")
