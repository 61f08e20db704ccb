"""What a reviewer reads past is read past by the reader too: markup, letters drawn as
symbols, decorating marks, an emoji or emphasis inside a word, a hyphen at a line end,
letters spaced out and digits for letters. Before, each of these hid the word from the
reader while a person read it plainly. Worked cases, no database."""

from __future__ import annotations

import pytest

from rules.textsignals.disguise import as_read
from rules.textsignals.languages import word_set
from rules.textsignals.reader import read_one
from tests.rules_engine.reading import PACK

TRACK = "The customer wants to track the phones of protesters."
ACTIVISTS = "The customer wants to track the phones of activists."
RU = "Заказчик хочет отслеживать телефоны протестующих."
ES = "El cliente quiere rastrear los teléfonos de los manifestantes."
AR = "يريد العميل تتبع هواتف المتظاهرين"


def circled(word: str) -> str:
    return "".join(chr(0x24D0 + ord(c) - ord("a")) for c in word)


# (plain text, the same text as a rep may write it)
READ_PAST = [
    # HTML from a rich-text field or a CRM export
    (TRACK, "The customer wants to tr<b></b>ack the phones of pro<span>test</span>ers."),
    (TRACK, "The customer wants to track the phones of pro<!-- x -->testers."),
    (TRACK, "The customer wants to &#x74;rack the phones of &#112;rotesters."),
    (TRACK, "The customer wants to track the phones of pro&shy;testers."),
    # a word hyphenated at a line end
    (TRACK, "The customer wants to track the phones of pro-\ntesters."),
    (RU, "Заказчик хочет отслеживать телефоны протесту-\r\nющих."),
    # letters drawn as symbols, marks that only decorate them
    (TRACK, f"The customer wants to track the phones of {circled('protesters')}."),
    (
        TRACK,
        "The customer wants to track the phones of \u1d18\u0280\u1d0f\u1d1b\u1d07\ua731\u1d1b\u1d07\u0280\ua731.",
    ),
    (TRACK, "The customer wants to track the phones of " + "\u20e0".join("protesters") + "\u20e0."),
    # inside a word: an emoji, Markdown emphasis
    (TRACK, "The customer wants to track the phones of pro\U0001f642testers."),
    (TRACK, "The customer wants to t*rack the phones of pro*test*ers."),
    # letters spaced out
    (TRACK, "The customer wants to track the phones of p.r.o.t.e.s.t.e.r.s."),
    (TRACK, "The customer wants to track the phones of p-r-o-t-e-s-t-e-r-s."),
    (TRACK, "The customer wants to track the phones of p r o t e s t e r s."),
    (AR, "يريد العميل تتبع هواتف ا ل م ت ظ ا ه ر ي ن"),
    # digits for letters
    (TRACK, "The customer wants to tr4ck the phones of pr0t3st3rs."),
    (ACTIVISTS, "The customer wants to track the phones of 4ctivists."),
    (RU, "Заказчик хочет отслеживать телефоны пр0тестующих."),
    (ES, "El cliente quiere r4strear los teléfonos de los m4nifest4ntes."),
]


def reads(text: str) -> list[tuple[str, str, str]]:
    return read_one(text, PACK.lexicon)


@pytest.mark.parametrize(("plain", "written"), READ_PAST)
def test_what_a_reviewer_reads_past_raises_what_the_plain_text_raises(plain, written):
    assert reads(plain), "the plain text must raise something for the case to mean anything"
    assert reads(written) == reads(plain)


@pytest.mark.parametrize(("plain", "written"), READ_PAST)
def test_the_quote_shows_the_plain_words(plain, written):
    for _category, _language, quote in reads(written):
        assert quote in plain


@pytest.mark.parametrize(("plain", "written"), READ_PAST)
def test_the_preview_finds_the_text_by_its_plain_words(plain, written):
    assert word_set(written) == word_set(plain)


# Written as they should be read: codes with digits, abbreviations, comparisons, a company
# name with an ampersand, a hyphen before a capital at a line end, single-letter words,
# an underscore for a space, Chinese with digits.
ORDINARY = [
    "Upgrade the L3VPN core and the Cat5e cabling; COVID19 rules; Windows7 clients.",
    "5G and 4G base stations, the 3rd floor, IPv6 only, B2B portal, Office365, H264.",
    "Latency <5 ms if x<y and y>z; AT&T and R&D; e.g. routers, i.e. the U.S.A. office.",
    "A Franco-\nGerman consortium; the well-known vendor; items a, b and c.",
    "Portuguese single-letter words: entre o X e o Y; a hashtag: #free_the_press.",
    "部署3套系统，2026年第3季度交付。",
    "Поставка 30 коммутаторов, 3 этажа, Wi-Fi 6.",
    "توريد 20 جهاز توجيه للمكتب الرئيسي",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_is_read_as_written(text):
    assert as_read(text) == text


# Arabic typed on a Persian or Urdu keyboard: its yeh and keheh read as the Arabic letters.
PERSIAN_KEYBOARD = [
    ("يريد العميل تتبع هواتف الصحفيين", "يريد العميل تتبع هواتف الصحف\u06cc\u06ccن"),
    ("يريد العميل مراقبة الناشطين", "يريد العميل مراقبة الناشط\u06ccن"),
    ("حجب مواقع المعارضة وشبكات التواصل", "حجب مواقع المعارضة وشب\u06a9ات التواصل"),
]


@pytest.mark.parametrize(("plain", "typed"), PERSIAN_KEYBOARD)
def test_arabic_typed_with_persian_letters_raises_what_the_plain_text_raises(plain, typed):
    assert reads(plain)
    assert [(c, lang) for c, lang, _q in reads(typed)] == [
        (c, lang) for c, lang, _q in reads(plain)
    ]
    assert word_set(typed) == word_set(plain)


@pytest.mark.parametrize(
    "written",
    [
        "<ul><li>Block ads</li><li>Opposition party office: 20 laptops</li></ul>",
        "Block ads<br>Opposition party office: 20 laptops",
    ],
)
def test_items_of_an_html_list_are_lines_not_one_sentence(written: str) -> None:
    """A rich-text list shows each item on its own line, as a line break does in plain
    text: "Block ads" and the next item's "Opposition party" are not one act."""
    assert read_one(written, PACK.lexicon) == []
