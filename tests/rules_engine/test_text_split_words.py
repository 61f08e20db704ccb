"""A word of the lexicon split by a plain space or a line break ("pro testers",
"journa\\nlists", "pro-testers") is read as the one word a person reads, and quoted so
("Pro Testers" as "Protesters"); two words stay two, and a piece that is a word of every
text ("in mates") joins nothing."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules.engine import load_pack
from rules.engine.preview_text import preview_text_reader
from rules.textsignals import compile_lexicon
from rules.textsignals.lexicon import LexiconEntry
from rules.textsignals.reader import read_one
from rules.textsignals.split_words import rejoined, rejoins_any

LEXICON = load_pack().lexicon
_ENTRIES = list(LEXICON.entries)


def categories(text: str) -> set[str]:
    return {c for c, _lang, _q in read_one(text, LEXICON)}


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("track the phones of pro testers", "track the phones of protesters"),
        ("locate the journa\nlists at the rally", "locate the journalists"),
        (
            "localiser les téléphones des manifes tants",
            "localiser les téléphones des manifestants",
        ),
        (
            "rastrear los teléfonos de los periodis tas",
            "rastrear los teléfonos de los periodistas",
        ),
        ("rastrear os telefones dos jorna\nlistas", "rastrear os telefones dos jornalistas"),
        ("تتبع هواتف المتظا هرين", "تتبع هواتف المتظاهرين"),
        ("отслеживать телефоны протес тующих", "отслеживать телефоны протестующих"),
        ("отслеживать телефоны журна\nлистов", "отслеживать телефоны журналистов"),
    ],
    ids=["en space", "en line break", "fr", "es", "pt", "ar", "ru space", "ru line break"],
)
def test_a_target_split_by_a_blank_is_read_as_one_word(text, quote):
    found = read_one(text, LEXICON)
    assert ("targets_dissent", quote) in {(c, q) for c, _lang, q in found}


@pytest.mark.parametrize(
    "text",
    [
        "The badge readers in mates' lockers",  # "in" is a word of every text
        "Track the phones of the delivery fleet",  # "of the" is two words
        "Location services for the press room",
        "Support for the test ers and the QA team",  # "ers" makes no word of the lexicon
    ],
)
def test_ordinary_words_next_to_each_other_are_not_joined(text):
    assert "targets_dissent" not in categories(text) and "detention" not in categories(text)


def test_the_preview_reads_again_a_deal_with_a_word_split_by_a_blank():
    """Which words are put back together depends on the lexicon; the preview's words
    test sees the pieces, so a deal holding such a word is read again, never skipped."""

    class Compiled:
        def __init__(self, lexicon):
            self.lexicon = lexicon

    before = compile_lexicon([LexiconEntry("track ~ phones", "en", "tracking", "test")])
    after = compile_lexicon(
        [
            LexiconEntry("track ~ phones", "en", "tracking", "test"),
            LexiconEntry("track ~ protesters", "en", "targets_dissent", "test"),
        ]
    )
    snapshot = {"use_description": "track the phones of pro testers"}
    stored = {"text.phrases": [], "text.signals": []}
    read = preview_text_reader(Compiled(after), Compiled(before))
    assert "targets_dissent" in read(snapshot, stored)["text.signals"]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("track the phones of pro  testers", "track the phones of protesters"),
        ("track the phones of pro\u00a0testers", "track the phones of protesters"),
        ("track the phones of pro- testers", "track the phones of protesters"),
        ("Track the phones of Pro Testers", "Track the phones of Protesters"),
        ("TRACK THE PHONES OF PRO TESTERS", "TRACK THE PHONES OF PROTESTERS"),
        ("track the phones of pro-testers", "track the phones of protesters"),
        ("track the phones of pro\u2011testers", "track the phones of protesters"),
        ("track the phones of pro tes ters", "track the phones of protesters"),
        ("suivre les téléphones des mani- festants", "suivre les téléphones des manifestants"),
        ("Suivre les téléphones des Mani Festants", "Suivre les téléphones des Manifestants"),
        ("suivre les téléphones des mani-festants", "suivre les téléphones des manifestants"),
        (
            "rastrear los teléfonos de los mani fes tantes",
            "rastrear los teléfonos de los manifestantes",
        ),
        ("rastrear os telefones dos jorna\u00a0listas", "rastrear os telefones dos jornalistas"),
        ("отслеживать телефоны про тес тующих", "отслеживать телефоны протестующих"),
        ("تتبع هواتف المتظا  هرين", "تتبع هواتف المتظاهرين"),
    ],
    ids=[
        "two spaces",
        "no-break space",
        "hyphen",
        "title case",
        "capitals",
        "hyphen alone",
        "non-breaking hyphen",
        "three pieces",
        "fr hyphen",
        "fr title case",
        "fr hyphen alone",
        "es three pieces",
        "pt no-break space",
        "ru three pieces",
        "ar two spaces",
    ],
)
def test_a_target_split_by_any_blank_or_in_three_is_read_as_one_word(text, quote):
    found = read_one(text, LEXICON)
    assert ("targets_dissent", quote) in {(c, q) for c, _lang, q in found}


@pytest.mark.parametrize(
    "text",
    [
        "Monitor the pro test environment.",
        "Block the pro test site after the release.",
        "We sell pro- and anti-virus tools.",
        "Monitor the pro-test environment.",
        "Block the pro-test site after the release.",
        "We sell pro-government and anti-virus tools.",
        "Monitor the pro\u2011test environment.",
    ],
)
def test_an_edition_and_a_test_are_not_joined(text):
    """ "pro test" is a pro edition's test, not a protest."""
    assert categories(text) == set()


def test_a_word_written_with_a_hyphen_stays_as_written():
    """A hyphen alone joins only the rest of a word: "re-education" is written so."""
    assert ("detention", "re-education camps") in {
        (c, q) for c, _lang, q in read_one("re-education camps for dissidents", LEXICON)
    }


_GAPS = [" ", "  ", "\n", "- ", "-", "\u2010", "\u00a0", " \n ", "\u2014", " - ", "\t", "\u2212"]
_SPLITTABLE = [
    "track the phones of protesters",
    "locate the journalists at the rally",
    "localiser les téléphones des manifestants",
    "rastrear os telefones dos jornalistas",
    "отслеживать телефоны протестующих",
    "تتبع هواتف المتظاهرين",
    "monitor the network for attacks and newspapers",
]


@st.composite
def split_texts(draw, pool: list[str] = _SPLITTABLE) -> str:
    """A text of ``pool`` with one or two of its words cut in two or three by a gap."""
    text = draw(st.sampled_from(pool))
    words = text.split(" ")
    for _ in range(draw(st.integers(1, 2))):
        i = draw(st.integers(0, len(words) - 1))
        word = words[i]
        if len(word) < 4:
            continue
        cut = draw(st.integers(1, len(word) - 1))
        words[i] = word[:cut] + draw(st.sampled_from(_GAPS)) + word[cut:]
    return " ".join(words)


# Phrases that make a lexicon join what the default does not, or recognise a piece (which
# stops a join) that the default does not.
_OTHERS = [
    LexiconEntry("monitor ~ newspapers", "en", "censorship", "test"),
    LexiconEntry("pro|tes|ters|journa", "en", "benign", "test"),
    LexiconEntry("manifes|tants", "fr", "benign", "test"),
    LexiconEntry("rastrear ~ jornalistas", "pt", "tracking", "test"),
    LexiconEntry("телефоны|протес", "ru", "benign", "test"),
]


@settings(max_examples=150, deadline=None)
@given(
    text=split_texts(),
    dropped=st.sets(st.sampled_from(sorted({e.category for e in _ENTRIES}))),
    added=st.sets(st.sampled_from(_OTHERS)),
)
def test_one_pass_asks_both_lexicons_whether_a_split_word_is_put_back(text, dropped, added):
    """The preview asks the lexicon in force and the draft together, in one pass over the
    text, whether either puts a split word back together: never no when one would."""
    other = compile_lexicon([*(e for e in _ENTRIES if e.category not in dropped), *added])
    either = rejoined(text, LEXICON) != text or rejoined(text, other) != text
    assert rejoins_any((LEXICON, other))(text) or not either


# Texts whose pieces are Arabic clitics or short words alone ("و", "ال", "في"), capitals,
# words of several scripts side by side, and words the lexicon writes split apart.
_EDGES = [
    "تتبع ال متظاهرين في الساحة",
    "تتبع وال متظا هرين",
    "تتبع و ال متظاهرين",
    "في المتظا هرين و ب المعارضة",
    "VMS для протес тующих",
    "SMS و المتظا هرين",
    "Pro Testers and PRO TESTERS and pro Testers",
    "à la manifes tants, à partir de journa listes",
    "news papers, in mates, of the, the pro test environment",
    "straße İstanbul ﬁnd pro testers",
    "Track the pro test organisers shipped to each site; track the pro—test organisers",
    "Track the pro -  test organisers at the rally, pro\u2212testers, pro\ttesters",
    "يجب أن تقاد الحملة، أو يغور",
    "re-education camps, re -education camps, anti—virus",
]


@settings(max_examples=200, deadline=None)
@given(text=split_texts() | st.sampled_from(_EDGES), added=st.sets(st.sampled_from(_OTHERS)))
def test_the_preview_asks_of_a_text_what_reading_it_would_answer(text, added):
    """The preview's one-pass question (does a split word of this text go back together?)
    answers yes exactly when reading the text puts one back together."""
    lexicon = compile_lexicon([*_ENTRIES, *added]) if added else LEXICON
    assert rejoins_any((lexicon,))(text) == (rejoined(text, lexicon) != text)


@pytest.mark.parametrize("text", _EDGES)
def test_the_preview_asks_of_each_edge_what_reading_it_would_answer(text):
    assert rejoins_any((LEXICON,))(text) == (rejoined(text, LEXICON) != text)


def _read(text: str) -> set[tuple[str, str]]:
    return {(c, q) for c, _lang, q in read_one(text, LEXICON)}


@pytest.mark.parametrize(
    "gap",
    ["\u2014", "\u2012", "\u2212", "\uff0d", "\ufe63", "\u00ad", "\t", "\u2014 ", " \u2014 "],
    ids=[
        "em dash",
        "figure dash",
        "minus sign",
        "fullwidth hyphen",
        "small hyphen",
        "soft hyphen",
        "tab",
        "em dash and space",
        "spaced em dash",
    ],
)
def test_a_word_split_by_any_dash_is_read_as_split_by_a_hyphen(gap):
    text = f"track the phones of pro{gap}testers"
    assert (
        _read(text)
        == _read("track the phones of pro-testers")
        == _read("track the phones of protesters")
    )


def test_a_text_whose_only_blanks_are_tabs_is_put_back_together():
    assert ("targets_dissent", "track the phones of protesters") in _read(
        "track\tthe\tphones\tof\tpro\ttesters"
    )


@pytest.mark.parametrize(
    "written",
    ["pro-test", "pro -  test", "pro  test", "pro - test", "pro\u2014test", "pro -test"],
)
def test_protest_written_apart_before_the_rest_of_a_phrase_is_read_whatever_the_gap(written):
    unsplit = "Track the protest organisers at the rally."
    assert _read(f"Track the {written} organisers at the rally.") == _read(unsplit)
    assert ("targets_dissent", "Track the protest organisers") in _read(unsplit)


@pytest.mark.parametrize(
    "text",
    [
        "Track the pro test organisers shipped to each site.",
        "Count the pro test organisers sold per customer.",
        "Track the pro test organisers in stock at the depot.",
        "Count the pro-test organisers per unit.",
        "Track the pro test organisers SKU 4411 at each site.",
    ],
)
def test_two_words_before_goods_are_not_joined_into_a_phrase_about_people(text):
    """A product's test organisers, shipped, sold, in stock: no protest is meant."""
    assert categories(text) == set()
    assert rejoined(text, LEXICON) == text and not rejoins_any((LEXICON,))(text)


@pytest.mark.parametrize(
    "text",
    [
        "Track the pro test organisers at the rally.",
        "Track the pro test organisers in the capital.",
        "Identify the pro test organisers in the crowd, then ship the report.",
    ],
)
def test_two_words_before_people_in_a_place_are_still_joined(text):
    assert "targets_dissent" in categories(text)


def test_a_short_word_written_with_its_hamza_joins_nothing():
    """ "يجب أن تقاد الحملة" (the campaign must be led): "أن" is read as the short word it
    is once normalised ("ان"), not as the start of "انتقاد" (criticism)."""
    text = "يجب أن تقاد الحملة بهدوء"
    assert rejoined(text, LEXICON) == text and not rejoins_any((LEXICON,))(text)
    assert rejoined("مراقبة الهواتف أو يغور", LEXICON) == "مراقبة الهواتف أو يغور"


_BLACK_LIST = "blacklist|blacklisting|black list|blocklist ~ "
# A lexicon that writes two words apart ("black list", "pro test bench") keeps them apart
# across a dash; one that does not joins them. The preview asks both lexicons at once.
_APART_CHANGES = [
    [e for e in _ENTRIES if not e.phrase.startswith(_BLACK_LIST)]
    + [
        LexiconEntry(e.phrase.replace("|black list|", "|"), e.language, e.category, e.source)
        for e in _ENTRIES
        if e.phrase.startswith(_BLACK_LIST)
    ],
    [*_ENTRIES, LexiconEntry("pro test bench", "en", "tracking", "test")],
]


@cache
def _changed(change: int):
    return compile_lexicon(_APART_CHANGES[change])


_APART_TEXTS = [
    "Maintain the black{}list of websites for the ministry.",
    "Track the pro{}test organisers at the rally.",
    "Keep the re{}education camps of the province.",
]


@settings(max_examples=60, deadline=None)
@given(
    text=st.sampled_from(_APART_TEXTS),
    gap=st.sampled_from(["-", "\u2014", " -", " - ", "\u2212", " ", "- "]),
    change=st.sampled_from(range(len(_APART_CHANGES))),
    dropped=st.booleans(),
)
def test_the_preview_reads_again_a_text_a_lexicon_keeps_apart_and_the_other_joins(
    text, gap, change, dropped
):
    """Two words one lexicon writes apart stay apart across a dash, the other lexicon joins
    them: whichever is in force, the one-pass question says the deal may read differently."""
    text = text.format(gap)
    other = _changed(change)
    in_force, draft = (other, LEXICON) if dropped else (LEXICON, other)
    if rejoined(text, in_force) != rejoined(text, draft):
        assert rejoins_any((in_force, draft))(text), text


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("Maintain the black-list of websites for the ministry.", 0),
        ("Track the pro-test organisers at the rally.", 1),
    ],
)
def test_a_pair_a_lexicon_change_keeps_apart_or_joins_is_read_again(text, change):
    other = _changed(change)
    assert rejoined(text, LEXICON) != rejoined(text, other)
    assert rejoins_any((LEXICON, other))(text) and rejoins_any((other, LEXICON))(text)


@pytest.mark.parametrize(
    "text",
    [
        "Track the pro test organisers ordered by the ministry.",
        "Track the pro test organisers installing barricades downtown.",
        "Track the pro test organisers who are customers of the telecom.",
        "Track the pro test organisers and their users.",
        "Track the pro test organisers in the order the police lists them.",
        "Track the pro test organisers who ship leaflets.",
        "Track the pro-test organisers ordered by the ministry.",
    ],
)
def test_orders_customers_and_users_after_people_do_not_hide_them(text):
    """Only goods wording right after the phrase keeps "pro test" apart: an order, an
    installation, customers or users later in the clause are said of people too."""
    unsplit = text.replace("pro test", "protest").replace("pro-test", "protest")
    assert "targets_dissent" in categories(unsplit)
    assert categories(text) == categories(unsplit)


@pytest.mark.parametrize(
    "text",
    [
        "Monitor the pro test organisers of every user.",
        "Track the pro-test organisers installed in each warehouse.",
    ],
)
def test_a_product_named_by_its_users_or_installation_is_read_as_its_unsplit_words(text):
    """Documented: users or an installation later in the clause are no sign of goods (they
    follow people as often), so "pro test" is joined before them and the deal reads as
    "protest organisers" would; "of every user" is then a false positive a reviewer
    clears, an evasion ("… ordered by the ministry") being worse."""
    unsplit = text.replace("pro test", "protest").replace("pro-test", "protest")
    assert rejoined(text, LEXICON) != text
    assert categories(text) == categories(unsplit)
    assert "targets_dissent" in categories("Monitor the pro test organisers of every user.")


def test_the_goods_wording_is_looked_for_in_a_few_characters_whatever_the_text(monkeypatch):
    """Each pair looks at a bounded window after it, not at the rest of its clause: a text
    of many pairs costs a fixed amount per pair."""
    import rules.textsignals.split_words as split_words

    seen: list[int] = []
    real = split_words.goods_follow
    monkeypatch.setattr(split_words, "goods_follow", lambda w: seen.append(len(w)) or real(w))
    repeats = 400
    for text in ("pro test organisers " * repeats, "pro test organisers sku " * repeats):
        vocabulary = split_words._Vocabulary(LEXICON)
        split_words._rejoined(text, vocabulary)
        split_words._joins_somewhere(text, vocabulary)
    assert seen and max(seen) <= split_words.GOODS_WINDOW
    assert sum(seen) <= 4 * repeats * split_words.GOODS_WINDOW


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("مراقبة هواتف او يغور في المدينة", "مراقبة هواتف اويغور في المدينة"),
        ("حبس ان فرادي للمعتقلين", "حبس انفرادي للمعتقلين"),
        ("مراقبة الي هود", "مراقبة اليهود"),
    ],
)
def test_a_piece_written_without_the_hamza_of_a_short_word_still_joins(text, joined):
    """ "او", "ان", "الي" written so begin words of the lexicon ("اويغور", "انصار"); only the
    short words as written ("أو", "أن", "إلى") stop a join, so splitting a word there hides
    nothing ("أن تقاد" stays apart: ``test_a_short_word_written_with_its_hamza_joins_nothing``)."""
    assert rejoined(text, LEXICON) == joined
    assert rejoins_any((LEXICON,))(text)
    assert categories(text) == categories(joined)


def test_the_uyghurs_split_after_their_first_letters_are_read():
    assert "profiling" in categories("مراقبة هواتف او يغور في المدينة")


_EVERY_GAP = {
    "ideographic space": "\u3000",
    "en space": "\u2002",
    "em space": "\u2003",
    "figure space": "\u2007",
    "medium mathematical space": "\u205f",
    "carriage return": "\r",
    "blank line": "\n\n",
    "four spaces": "    ",
    "three spaces around a dash": "   -   ",
    "two dashes": " - - ",
    "hyphen bullet": "\u2043",
    "two-em dash": "\u2e3a",
    "armenian hyphen": "\u058a",
}


@pytest.mark.parametrize("gap", list(_EVERY_GAP.values()), ids=list(_EVERY_GAP))
def test_any_space_or_dash_of_a_short_gap_splits_a_word_as_a_space_does(gap):
    """Every Unicode space, line break and dash, a few of them together, is a gap: "pro   -
    testers" and "pro    testers" alike."""
    text = f"track the phones of pro{gap}testers"
    assert _read(text) == _read("track the phones of protesters")
    assert rejoins_any((LEXICON,))(text) == (rejoined(text, LEXICON) != text)


def test_a_gap_longer_than_a_few_characters_splits_nothing():
    text = "track the phones of pro" + " " * 12 + "testers"
    assert rejoined(text, LEXICON) == text and not rejoins_any((LEXICON,))(text)
