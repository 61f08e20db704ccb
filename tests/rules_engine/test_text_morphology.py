"""Morphology of Arabic, Russian and Chinese: inflected, clitic-laden and traditional forms
meet a phrase written once, and idioms that look like negations negate nothing.

Worked cases with one-phrase lexicons (no database): what a reviewer would notice is a
signal raised, or not, on a sentence a rep could write.
"""

from __future__ import annotations

import pytest

from rules.textsignals import LexiconEntry, compile_lexicon
from rules.textsignals.languages import normalise
from rules.textsignals.morphology import arabic_light_stem
from rules.textsignals.reader import read_one


def lexicon(language: str, category: str, phrase: str):
    return compile_lexicon([LexiconEntry(phrase, language, category, "test")])


def read(text: str, language: str, category: str, phrase: str) -> list[tuple[str, str, str]]:
    return read_one(text, lexicon(language, category, phrase))


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        # A perfective future, a plural instrumental: the dictionary forms meet the phrase.
        ("задержать ~ журналист", "Полиция задержит журналистов у редакции."),
        ("отследить ~ телефон", "Подрядчик отследит телефоны участников."),
        ("перехватить ~ звонок", "Шлюз перехватит звонки абонентов."),
        ("разведка", "Заказчик связан с военной разведкой."),
    ],
)
def test_a_russian_phrase_in_dictionary_form_meets_its_inflections(phrase: str, text: str) -> None:
    assert read(text, "ru", "detention", phrase)


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        # conjunction + future + "we" + verb; a plural noun with a pronoun ending
        ("يراقب ~ صحفي", "وسنراقب صحفيي المعارضة في العاصمة."),
        # ة written ت before a pronoun: "مراقبتهم"
        ("مراقبة ~ الناشطين", "يطلب العميل مراقبتهم، أي الناشطين، طوال الوقت."),
        # preposition + article; feminine plural
        ("تتبع ~ ناشط", "سيتتبع النظام الناشطات في الجامعة."),
        ("اعتقال ~ المتظاهرين", "ستساعد القوائم في اعتقالهم، أي للمتظاهرين."),
    ],
)
def test_an_arabic_phrase_meets_the_word_with_its_clitics_and_endings(
    phrase: str, text: str
) -> None:
    assert read(text, "ar", "targets_dissent", phrase)


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        # a conjunction written onto a verb of three letters: "and block", "so monitor"
        ("حجب ~ مواقع", "حماية من الروبوتات وحجب المواقع المعارضة."),
        ("رصد ~ الصحفيين", "فرصد الصحفيين هو المطلوب."),
        ("قمع ~ المتظاهرين", "الخطة: وقمع المتظاهرين في الساحة."),
        # conjunction, then preposition: "and by blocking"
        ("حجب ~ مواقع", "وبحجب مواقع المعارضة قبل الانتخابات."),
        ("سجن ~ المعارضين", "وسجن المعارضين بعد الاحتجاجات."),
    ],
)
def test_an_arabic_conjunction_on_a_short_word_is_read_off(phrase: str, text: str) -> None:
    assert read(text, "ar", "censorship", phrase)


def test_a_short_word_starting_with_waw_is_still_itself() -> None:
    # "وحيد" (alone) is read as itself too; "فلتر" (a filter) meets "فلترة"
    assert read("نظام فلتر للمياه.", "ar", "censorship", "فلترة")
    assert read("وحيد القرن في المحمية.", "ar", "censorship", "وحيد")


def test_arabic_endings_never_make_a_different_common_word() -> None:
    # "الآلية" (automated) is not "إلى" (to), "سنوات" (years) is not a future verb,
    # "تقوم" (does) is not "القومية" (nationality)
    assert arabic_light_stem(normalise("الآلية")) != arabic_light_stem(normalise("إلى"))
    assert arabic_light_stem(normalise("سنوات")) == arabic_light_stem(normalise("السنوات"))
    assert not read("نقل المكالمات إلى الفرع.", "ar", "benign", "المكالمات الآلية")


def test_traditional_chinese_is_read_as_simplified_and_quoted_as_written() -> None:
    found = read("系統將監控記者的帳號。", "zh", "targets_dissent", "监控 ~ 记者")
    assert found == [("targets_dissent", "zh", "監控記者")]


def test_a_traditional_phrase_meets_a_simplified_text() -> None:
    assert read("系统将截获用户的通话。", "zh", "interception", "截獲 ~ 通話")


@pytest.mark.parametrize(
    ("language", "phrase", "text"),
    [
        ("zh", "追踪 ~ 活动人士", "系统将不断追踪活动人士的手机。"),
        ("zh", "监控 ~ 记者", "不仅要监控记者，还要监控律师。"),
        ("ar", "رصد ~ الصحفيين", "ستستخدم المنصة لا سيما لرصد الصحفيين."),
        ("ar", "مراقبة ~ الناشطين", "لا يقتصر الأمر على مراقبة الناشطين."),
        (
            "ru",
            "следить ~ журналист",
            "Нужно не только следить за журналистами, но и за блогерами.",
        ),
    ],
)
def test_idioms_that_look_like_negations_negate_nothing(
    language: str, phrase: str, text: str
) -> None:
    assert read(text, language, "targets_dissent", phrase)


@pytest.mark.parametrize(
    ("language", "phrase", "text"),
    [
        ("zh", "追踪 ~ 活动人士", "我们不会追踪活动人士。"),
        ("ar", "مراقبة ~ الناشطين", "لن نقوم بمراقبة الناشطين."),
        ("ru", "отследить ~ активист", "Мы не будем отслеживать и не отследим активистов."),
    ],
)
def test_a_real_negation_still_raises_nothing(language: str, phrase: str, text: str) -> None:
    assert not read(text, language, "tracking", phrase)


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        # A shadda or a damma inside a word is part of the word: "التنصّت", "منظّمي", "يُجمع".
        ("تنصت ~ مكالمات", "الوزارة تريد التنصّت على مكالمات المشتركين."),
        ("قوائم ~ منظمي", "يريدون تحديث قوائم منظّمي الإضراب."),
        ("يجمع ~ بيانات المعارضين", "النظام يُجمع بيانات المعارضين كل يوم."),
    ],
)
def test_arabic_vowel_marks_inside_a_word_do_not_split_it(phrase: str, text: str) -> None:
    assert read(text, "ar", "targets_dissent", phrase)


def test_a_word_typed_with_decomposed_latin_accents_is_one_word() -> None:
    # "détenir" typed as "e" + a combining acute accent (as some keyboards send it)
    text = "Le client veut de\u0301tenir les journalistes."
    assert read(text, "fr", "detention", "détenir ~ journalistes")


def test_an_arabic_indefinite_accusative_meets_the_bare_word() -> None:
    # "سجلاً" / "سجلا" (a register, accusative): the tanween alef is no part of the word
    assert read("العميل يريد سجلاً بالعائلات البهائية.", "ar", "profiling", "سجل ~ البهائيين")
    assert read("العميل يريد سجلا بالعائلات البهائية.", "ar", "profiling", "سجل ~ البهائيين")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # the safeguard is negated a few words before it: no benign context
        ("es", "Quieren escuchar ciertos números sin tener que pasar por un juez."),
        ("ru", "Они хотят слушать номера, не обращаясь каждый раз к судье."),
        ("en", "They want to listen to numbers without having to go through a judge."),
    ],
)
def test_a_safeguard_negated_six_words_before_it_is_no_benign_context(
    language: str, text: str
) -> None:
    phrase = {
        "es": "escuchar ~ números",
        "ru": "слушать ~ номер",
        "en": "listen ~ numbers",
    }[language]
    judge = {"es": "juez", "ru": "судья", "en": "judge"}[language]
    lexicon = compile_lexicon(
        [
            LexiconEntry(phrase, language, "interception", "test"),
            LexiconEntry(judge, language, "benign", "test"),
        ]
    )
    assert read_one(text, lexicon)


def test_a_safeguard_not_negated_is_still_benign_context() -> None:
    lexicon = compile_lexicon(
        [
            LexiconEntry("listen ~ numbers", "en", "interception", "test"),
            LexiconEntry("judge", "en", "benign", "test"),
        ]
    )
    assert not read_one("They will listen to the numbers a judge has approved.", lexicon)


@pytest.mark.parametrize(
    ("language", "phrase", "text"),
    [
        # brand and technical names are written in Latin letters inside Arabic and
        # Russian text: a phrase of those languages that names them must meet them
        ("ru", "отключать ~ whatsapp", "Заказчик хочет отключать WhatsApp в восточных областях."),
        ("ar", "قطع ~ vpn", "العميل يريد قطع حركة VPN على مستوى الدولة."),
    ],
)
def test_a_latin_word_in_an_arabic_or_russian_phrase_meets_the_text(
    language: str, phrase: str, text: str
) -> None:
    assert read(text, language, "censorship", phrase)
