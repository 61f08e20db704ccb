"""The reader's shortcuts read exactly what trying every phrase would.

Reading a deal's text skips the phrases a text cannot match (an index of the lexicon's
alternatives by key), passes over alternatives whose words the text lacks, finds the
words in one pass, and detects a language by walking its model a word at a time. Each
shortcut is compared here with the plain way: every phrase and every alternative tried,
words found sentence by sentence, the detector's own byte walk. Texts: every labelled
description (both halves; only the ids of differing texts are reported, never a text) and
generated sentences of lexicon words, negations and punctuation in the seven languages.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from contextlib import contextmanager
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules.engine import load_pack
from rules.textsignals import described, detect_language, disguise, matching, reader, split_words
from rules.textsignals.languages import (
    _ABBREVIATION_RE,
    _MARKS,
    ABBREVIATIONS,
    HAN_CHARS,
    LABEL_WORDS,
    SENTENCE_END_RE,
    TOKEN_RE,
    _latin_detector,
    _normalise_word,
    abbreviation_stops,
    bare_word,
    normalise,
    script_of,
    tokens,
    word_keys,
)
from rules.textsignals.lexicon import WORD_GAP
from rules.textsignals.morphology import MAX_LEMMAS, _analyser, russian_lemmas
from taxonomy import visible
from tests.rules_engine.labelled import LABELLED

LEXICON = load_pack().lexicon


# -- the plain way ----------------------------------------------------------------------


def plain_tokens(text: str) -> list[tuple[str, int, int, int]]:
    """Words sentence by sentence, as the reader found them before (a colon ends a
    sentence only after a label of at most LABEL_WORDS words; an abbreviation's full stop
    ends none, nor one followed by a letter or digit)."""
    out = []
    sentence = pos = 0
    abbreviations = [(a.start(), a.end()) for a in _ABBREVIATION_RE.finditer(text)]
    for m in SENTENCE_END_RE.finditer(text):
        if m.group() == "." and any(lo <= m.start() < hi for lo, hi in abbreviations):
            continue
        if m.group() == "." and text[m.end() : m.end() + 1].isalnum():
            continue  # "site.com", "v2.1"
        if m.group() == ":" and len(list(TOKEN_RE.finditer(text, pos, m.start()))) > LABEL_WORDS:
            continue
        for t in TOKEN_RE.finditer(text, pos, m.start()):
            out.append((_normalise_word(t.group()), t.start(), t.end(), sentence))
        sentence += 1
        pos = m.end()
    for t in TOKEN_RE.finditer(text, pos):
        out.append((_normalise_word(t.group()), t.start(), t.end(), sentence))
    # "don't", "won’t": the "t" after "n" and an apostrophe is "not"; "donʼt" is one word
    plain = []
    for t in out:
        if t[0] == "t" and t[1] >= 2 and text[t[1] - 2 : t[1]] in _NOT:
            t = ("not", *t[1:])
        elif (
            t[0] == "n"
            and text[t[2] : t[2] + 1]
            and text[t[2]] in _APOSTROPHE
            and not text[t[2] + 1 :].lower().startswith(("importe", "empêche", "empeche"))
        ):
            t = ("ne", *t[1:])  # French "n'", not "n'importe"
        elif t[0].endswith("n\u02bct") and len(t[0]) > 3:
            plain.append((t[0][:-2], t[1], t[2] - 2, t[3]))
            t = ("not", t[2] - 1, t[2], t[3])
        plain.append(t)
    return [t for t in plain if t[0]]  # a word that normalises to nothing is none


_APOSTROPHE = "'\u2019\u02bc\u00b4\u2018`\uff07"
_NOT = {f"{n}{a}" for n in "nN" for a in _APOSTROPHE}


def every_entry(text, lexicon, benign=False) -> list:
    """Every phrase of the lexicon, in its order: none skipped."""
    return sorted(lexicon.benign if benign else lexicon.signals, key=lambda e: e.order)


def plain_alternative_spans(text, alt) -> list[tuple[int, int]]:
    spans = []
    toks = text.toks
    for i in text.starts(alt[0]):
        last = text.word_at(i, alt[0])
        for word in alt[1:]:
            found = -1
            gap = 0 if word[0] == "han" and alt[0][0] == "han" else WORD_GAP
            for j in range(last + 1, min(len(toks), last + 2 + gap)):
                if toks[j][3] != toks[i][3]:
                    break
                found = text.word_at(j, word)
                if found >= 0:
                    break
            if found < 0:
                break
            last = found
        else:
            spans.append((i, last))
    return spans


def plain_part_spans(text, part) -> list[tuple[int, int]]:
    """Every alternative whose first word the text holds, and every ``word*`` one, tried."""
    spans: list[tuple[int, int]] = []
    alts = [alt for key in sorted(part.keys & text.keyset) for alt in part.by_key[key]]
    for alt in (*alts, *part.scanned):
        spans += plain_alternative_spans(text, alt)
    return spans


@contextmanager
def the_plain_way():
    with (
        patch.object(reader, "tokens", plain_tokens),
        patch.object(reader, "_candidates", every_entry),
        patch.object(reader, "part_spans", plain_part_spans),
        patch.object(matching, "part_spans", plain_part_spans),
        patch.object(described, "says_how", lambda text: True),  # every "how" looked for
        patch.object(reader, "read_word_keys", lambda lexicon: word_keys),  # every key kept
    ):
        yield


def plain_read(raw: str) -> list:
    with the_plain_way():
        return reader._read(raw, LEXICON)


# -- the comparisons --------------------------------------------------------------------


def test_every_labelled_text_reads_as_when_every_phrase_is_tried() -> None:
    differing = [
        i["id"] for i in LABELLED if reader._read(i["text"], LEXICON) != plain_read(i["text"])
    ]
    assert not differing, f"read differently: {differing}"


def test_every_labelled_text_is_split_into_the_same_words() -> None:
    differing = [i["id"] for i in LABELLED if tokens(i["text"]) != plain_tokens(i["text"])]
    assert not differing, f"split differently: {differing}"


def _lexicon_words() -> list[str]:
    words = set()
    for entry in LEXICON.effective:
        for alt in entry.phrase.replace("~", "|").split("|"):
            words.update(w.rstrip("*") for w in alt.split())
    return sorted(words)


WORDS = _lexicon_words()
FILLER = (
    "the of to not no never without phones the of data sin nadie de la les pas ne sans "
    "não para не без и в для لا لن غير في على 不 没有 的 在 warehouse malware court "
    "Ref 2026 A-12 journalists' Straße".split()
)
PUNCTUATION = [" ", " ", " ", ", ", ". ", "\n", "؟ ", "。", "; ", ": ", "!", "  "]
sentences = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(WORDS), st.sampled_from(FILLER)),
        st.sampled_from(PUNCTUATION),
    ),
    min_size=1,
    max_size=40,
).map(lambda pairs: "".join(w + p for w, p in pairs))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences)
def test_a_generated_text_reads_as_when_every_phrase_is_tried(text: str) -> None:
    assert reader._read(text, LEXICON) == plain_read(text)
    assert tokens(text) == plain_tokens(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_any_text_is_split_into_the_same_words(text: str) -> None:
    assert tokens(text) == plain_tokens(text)


def _scanned_stops(text: str) -> set[int]:
    """The full stops inside abbreviations, the whole text scanned."""
    return {
        m.start() + i
        for m in _ABBREVIATION_RE.finditer(text)
        for i, c in enumerate(m.group())
        if c == "."
    }


ABBREVIATED = st.lists(
    st.sampled_from(
        [*ABBREVIATIONS, "etc.", "Etc.", "A.", "J. Smith", "e. g.", "U.S.A.", "p. ex.", "т. е."]
        + [" ", "  ", ".", "..", "-", "\n", "x", "ab", "Word", "1", "2.5", "_", "é", "\u0301"]
        + ["K", "ſ", "INCL.", "etc. The", "etc. the", "a.b.c.", "site.com", " . ", "Ок.", "Ё."]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(ABBREVIATED)
def test_the_full_stops_of_abbreviations_are_those_a_scan_of_the_whole_text_finds(
    text: str,
) -> None:
    assert abbreviation_stops(text) == _scanned_stops(text)


def test_every_labelled_text_has_the_same_abbreviations_as_a_scan_of_the_whole_text() -> None:
    differing = [
        i["id"] for i in LABELLED if abbreviation_stops(i["text"]) != _scanned_stops(i["text"])
    ]
    assert not differing, f"other full stops: {differing}"


def _library_walk(text: bytes) -> Counter | None:
    from py3langid.langid import visit_counts

    ident = _latin_detector()
    return visit_counts(ident.tk_nextmove, ident._rowbase, ident.tk_output, text)


@settings(max_examples=300, deadline=None)
@given(sentences)
def test_the_detector_walk_finds_the_byte_walks_features_in_its_order(text: str) -> None:
    encoded = _latin_detector()._encode(text)
    found, library = _latin_detector()._visits(encoded), _library_walk(encoded)
    assert (found and list(found.items())) == (library and list(library.items()))


def test_the_language_of_every_labelled_text_is_the_detectors() -> None:
    from py3langid import langid

    plain = langid.LanguageIdentifier.from_modelpath(
        langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True
    )
    plain.set_languages(["en", "fr", "es", "pt"])
    rng = random.Random(7)
    texts = [i["text"] for i in LABELLED]
    texts += [" ".join(rng.sample(texts, 2)) for _ in range(200)]
    differing = [
        n
        for n, text in enumerate(texts)
        if detect_language(text) in ("en", "fr", "es", "pt")
        and detect_language(text) != plain.classify(text)[0]
    ]
    assert not differing, f"detected differently: {differing}"


def test_long_runs_without_spaces_are_walked_but_not_kept() -> None:
    """Partners' text feeds the detector in every worker: a long run without a space
    (pasted data, words joined by other blanks) is read like any text but not kept, so
    what a worker keeps stays small whatever is typed."""
    import tracemalloc

    rng = random.Random(11)
    letters = "abcdefghijklmnopqrstuvwxyzéçã\u00a0"
    runs = ["".join(rng.choices(letters, k=5000)) for _ in range(300)]
    detector = _latin_detector()
    encoded = detector._encode(runs[0])
    found, library = detector._visits(encoded), _library_walk(encoded)
    assert list(found.items()) == list(library.items())  # read the same
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for run in runs:
            detector._visits(detector._encode(run))
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 2_000_000, f"{grown / 1e6:.1f} MB kept after 300 long runs"


def test_a_text_is_scored_once_for_its_language_and_the_languages_it_may_be_in() -> None:
    """`detect_language` (classify) and `plausible_languages` (rank) ask the detector about
    the same text one after the other (a deal's title, then its reading): the text is
    scored once, and both answers are the library's own, for every labelled text."""
    from py3langid import langid

    from rules.textsignals.languages import plausible_languages

    plain = langid.LanguageIdentifier.from_modelpath(
        langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True
    )
    plain.set_languages(["en", "fr", "es", "pt"])
    detector = _latin_detector()
    text = "2 × Deep Packet Inspector for Nile State Telecom (Egypt), partner ref. POS-7 once"
    with patch.object(type(detector), "_raw_score", autospec=True) as scored:
        scored.side_effect = lambda self, encoded: plain._raw_score(encoded)
        detector.classify(text)
        detector.rank(text)
    assert scored.call_count == 1
    differing = [
        n
        for n, item in enumerate(LABELLED)
        if detector.rank(item["text"]) != plain.rank(item["text"])
        or detector.classify(item["text"]) != plain.classify(item["text"])
    ]
    assert not differing, f"ranked differently: {differing}"
    assert plausible_languages(text) <= {"en", "fr", "es", "pt"}


# -- Russian dictionary forms -------------------------------------------------------------


def _plain_russian_lemmas(word: str) -> tuple[str, ...]:
    """Every parse ranked by the analyser, the likeliest three forms taken."""
    parses = _analyser("ru").parse(word)[:MAX_LEMMAS]
    lemmas = [p.normal_form.replace("ё", "е") for p in parses]
    return tuple(dict.fromkeys(lemma for lemma in lemmas if lemma != word))


def test_the_russian_forms_of_every_word_are_those_the_ranked_parses_give() -> None:
    # Ranking is skipped when every parse has one dictionary form; homonyms are ranked
    # ("стали": стать or сталь; "мою": мыть or мой; "печь": a stove or to bake).
    words = {"стали", "мою", "печь", "отследят", "задержат", "разведкой", "ёлка", "xyzщ"}
    for item in LABELLED:
        words.update(w for w, *_ in tokens(item["text"]) if script_of(w) == "cyrillic")
    words.update(w for w in WORDS if script_of(w) == "cyrillic")
    differing = sorted(w for w in words if russian_lemmas(w) != _plain_russian_lemmas(w))
    assert not differing, f"{len(differing)} words read differently"


# -- the text as read, the split-word test ----------------------------------------------


def _plain_as_read(text: str) -> str:
    """``as_read`` with every word of a text holding Greek or Cyrillic put through
    ``_one_script``, as before runs of two scripts were looked for first."""
    with patch.object(disguise, "_MIXED_RE", re.compile("")):
        return disguise.as_read.__wrapped__(text)


def test_every_labelled_text_is_read_as_when_each_word_is_put_in_one_script() -> None:
    differing = [
        i["id"] for i in LABELLED if disguise.as_read(i["text"]) != _plain_as_read(i["text"])
    ]
    assert not differing, f"read differently: {differing}"


MIXED = st.text(
    alphabet=st.sampled_from("aoeсxyAOEPСХΑοεραсорехуїж ẞ1-é\u0301\u00d7ßǅ"), max_size=40
)


@settings(max_examples=500, deadline=None)
@given(MIXED)
def test_a_word_of_two_scripts_is_put_in_one_as_each_word_was(text: str) -> None:
    assert disguise.as_read(text) == _plain_as_read(text)


# One character of each kind the steps of ``disguises_undone`` and ``as_read`` act on
# (an override and its end, a zero-width space, a combining grapheme joiner, a line
# separator, a Hangul filler, a NUL, a decorating mark, a circled letter), among letters.
UNDONE = st.text(
    alphabet=st.sampled_from("ab é\u0441\u202e\u202c\u200b\u034f\u2028\u3164\x00\u20e0\u24b6"),
    max_size=30,
)


def _plain_disguises_undone(text: str) -> str:
    with patch.object(visible, "ACTED_ON_RE", re.compile("")):
        return visible.disguises_undone(text)


@settings(max_examples=500, deadline=None)
@given(UNDONE)
def test_a_text_is_undone_as_when_every_step_is_taken(text: str) -> None:
    assert visible.disguises_undone(text) == _plain_disguises_undone(text)
    with patch.object(disguise, "_UNDONE_RE", re.compile("")):
        plain = disguise.as_read.__wrapped__(text)
    assert disguise.as_read.__wrapped__(text) == plain


def _plain_reads_across(vocabulary, first: str, second: str) -> bool:
    """``reads_across`` with every ``word*`` beginning tried, not those of its head."""
    joined = first + second
    found = vocabulary.keys.intersection(word_keys(joined))
    if found and not found <= set(word_keys(first)) | set(word_keys(second)):
        return True
    bare, cut = bare_word(joined), len(bare_word(first))
    return bare[:3] in {p[:3] for p in vocabulary.prefixes} and any(
        len(p) > cut and bare.startswith(p) for p in vocabulary.prefixes
    )


def test_each_beginning_a_word_may_start_with_is_found_under_its_head() -> None:
    vocabulary = split_words._vocabulary(LEXICON)
    pairs = [
        (w[:n], w[n:])
        for w in sorted({normalise(w) for w in WORDS} | set(vocabulary.prefixes))
        for n in range(1, len(w))
    ]
    assert pairs
    differing = [
        p for p in pairs if vocabulary.reads_across(*p) != _plain_reads_across(vocabulary, *p)
    ]
    assert not differing, differing[:10]


def _pairs_of(text: str) -> list[tuple[str, str]]:
    return split_words._PAIR_RE.findall(disguise.as_read(text))


def _heads_judged_afresh(vocabulary, pairs) -> list[tuple[str, str]]:
    """The pairs whose ``_may_begin`` differs from the same test with no head kept."""
    vocabulary.begun.clear()
    with patch.object(split_words, "_kept_head", lambda v, head, judge: judge(v, *head)):
        plain = [split_words._may_begin(vocabulary, *p) for p in pairs]
    return [
        p
        for p, was in zip(pairs, plain, strict=True)
        if split_words._may_begin(vocabulary, *p) != was
    ]


def test_every_pair_of_pieces_may_begin_a_word_as_when_its_head_is_judged_afresh() -> None:
    vocabulary = split_words._vocabulary(LEXICON)
    pairs = [p for i in LABELLED for p in _pairs_of(i["text"])]
    assert sum(not (a.isascii() and b.isascii()) for a, b in pairs) > 10_000
    assert not _heads_judged_afresh(vocabulary, pairs)
    assert vocabulary.begun  # heads were kept


PIECES = st.text(
    alphabet=st.sampled_from("protesЕéÉe\u0301ﬁ ПРОТЕСТпротестالمتظاهرينوبال -"), max_size=40
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=8))
def test_a_head_kept_answers_as_when_judged_afresh(texts: list[str]) -> None:
    pairs = [p for t in texts for p in _pairs_of(t)]
    assert not _heads_judged_afresh(split_words._vocabulary(LEXICON), pairs)


# The words as defined a character at a time: a letter (no digit, no underscore, no Han
# character), then any run of letters and marks written inside a word; a Han character
# alone. ``TOKEN_RE`` is written as runs of one class instead.
_BY_CHARACTER_RE = re.compile(
    rf"[{HAN_CHARS}]|[^\W\d_{HAN_CHARS}](?:[^\W\d_{HAN_CHARS}]|[{_MARKS}])*"
)
# Letters of each script, the marks written inside words, digits, Han, and what splits.
_WORD_PIECES = (
    "ae\u00e9z\u0431\u044f\u0628\u0644\u0645\u0301\u0300\u0651\u064e\u0670_09 .'\u4e2d\u6587\u0640-"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_WORD_PIECES), max_size=60))
def test_the_words_found_in_one_pass_are_those_found_a_character_at_a_time(text: str) -> None:
    assert [m.span() for m in TOKEN_RE.finditer(text)] == [
        m.span() for m in _BY_CHARACTER_RE.finditer(text)
    ]


def test_every_labelled_text_has_the_words_found_a_character_at_a_time() -> None:
    differing = [
        i["id"]
        for i in LABELLED
        if TOKEN_RE.findall(i["text"]) != _BY_CHARACTER_RE.findall(i["text"])
    ]
    assert not differing, f"split differently: {differing}"
