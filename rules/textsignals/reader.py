"""Reading a snapshot's text fields with a compiled lexicon.

What must always be true:

- Every signal is quoted: its category's field holds "<field> (<language>): “<words>”",
  the words cut from what the rep or partner wrote, so a reviewer sees the evidence and a
  rep recognises their own words.
- A phrase preceded (within ``NEGATION_WINDOW`` words, same sentence) by a negation ("we
  will not track protesters", "sin vigilar a periodistas") raises nothing.
- A phrase with benign context bearing on it (a ``benign`` entry naming what the act is
  done to or how it is bounded: "block malware sites"; ``benign_scope``) raises nothing;
  benign context listed beside its target does not cancel it ("block opposition sites
  and malware"); a negated benign phrase ("without a warrant") is no benign context.
- A phrase of a Latin-script language reads only a sentence that may be in its language
  (``plausible_languages`` of the whole text, or of the sentence itself: a text mixing
  languages is read by each), unless the text is too short to tell or the phrase is
  marked ``any_language``: French "interroger la liste" is no English "interrogate".
- Every quote records the phrases behind it (``text.phrases``): those that read exactly
  its words, and the others that matched at the same place and lost to it (a shorter
  match, or the same words in another language). Removing phrases that are not among the
  winners changes nothing; removing all the winners and all the others drops the quote;
  only a quote whose winners all go while another phrase stays needs the text read again
  (``rules.engine.preview_text``).
- Learned cues (``learned_cues``, when the lexicon carries them) read the same words after
  the phrases: a cue's quote is "<field> (<language>, learned cue): “<words>”", recorded
  as ``LEARNED_CUE`` in ``text.phrases``; it never replaces or cancels a phrase's quote,
  and a category a phrase already quoted at an overlapping place is not quoted again: the
  phrase's quote then records ``LEARNED_CUE`` among its others, as it would a phrase that
  lost to it, and the lexicon's record lines end in ``:cues`` (``phrase_line``); what the
  cue would quote without that quote is recorded too (``cues_behind``).
- A text long enough to weigh whose whole weighs as an ordinary deal (``weighing``, when
  the cues carry one) raises only the red flags naming whom it harms
  (``KEPT_WHATEVER_THE_WEIGHT``): the rest of what was read in it is set aside.
- A text whose whole weighs as a dangerous deal though nothing read a red flag in it raises
  one (``whole_text``), quoted last: "<field> (<language>, whole text weighed): “…”".
"""

from __future__ import annotations

from collections.abc import Callable

from .benign_scope import bears_on, benign_keys, protected_target_parts
from .candidates import candidate_index, candidates, read_word_keys
from .cue_reads import LEARNED_CUE, cue_reads
from .cues_behind import (
    Behind,
    merged_reads,
    reindexed,
)
from .denied_beside import drop_states_beside_denials, state_held
from .detention_sites import SITE, drop_detention_inside_sites
from .disguise import as_read
from .fitting import Near as _Near
from .languages import (
    LANGUAGES,
    LATIN,
    MIN_WORDS_TO_DETECT,
    bare_word,
    detect_language,
    drop_name_stems,
    own_language,
    plausible_languages,
    tokens,
    word_head,
    word_keys,
)
from .lexicon import (
    CATEGORIES,
    CompiledEntry,
    CompiledLexicon,
)
from .matching import BENIGN_AROUND, entry_matches, entry_spans, merged_places, part_spans
from .negation import (
    BENIGN_NEGATION_WINDOW,
    Tok,
    context_negated,
    negated_at,
)
from .nobody import NOBODY, drop_nobody
from .own_object import act_in_own_object, act_on_thing_held
from .ruled_out import BENIGN, DENIED, OTHER_LANGUAGE, OWN_OBJECT, THING_HELD, ruled_out
from .safeguards import (
    NO_SAFEGUARD,
    safeguard_dispensed,
    safeguard_skipped,
)
from .split_record import rejoined_recorded
from .weighing import KEPT_WHATEVER_THE_WEIGHT, weighed_ordinary
from .whole_text import WHOLE_TEXT, whole_text_read

MAX_QUOTE = 160


class _Text:
    """One text, split and indexed: key -> positions; prefix words looked up once."""

    __slots__ = (
        "raw",
        "toks",
        "words",
        "keys",
        "index",
        "keyset",
        "heads",
        "_prefixes",
        "_benign",
        "kinds",
        "tells_service",
        "_candidates",
        "_head_set",
        "_languages",
        "says_how",
        "part_places",
        "denies",
        "switches",
    )

    def __init__(
        self, raw: str, keys_of_word: Callable[[str], tuple[str, ...]] = word_keys
    ) -> None:
        self.raw = raw
        self.toks: list[Tok] = tokens(raw)
        # Each distinct word is stemmed and indexed once, with all its places; a key that
        # several words share ("track", "tracking") has its places put back in order.
        places: dict[str, list[int]] = {}
        for i, t in enumerate(self.toks):
            found = places.get(t[0])
            if found is None:
                places[t[0]] = [i]
            else:
                found.append(i)
        keys_of = {word: keys_of_word(word) for word in places}
        self.keys = [keys_of[t[0]] for t in self.toks]
        self.index = merged_places(places, keys_of.__getitem__)
        self.words = places
        self.keyset = frozenset(self.index)
        self.heads: dict[str, list[int]] | None = None
        self._prefixes: dict[str, list[int]] = {}
        self._benign: list[tuple[int, int]] | None = None
        self.kinds: dict[tuple[int, int], str] = {}  # benign spans of a role (``entry_roles``)
        self.tells_service: set[tuple[int, int]] = set()  # ``LexiconEntry.tells_service``
        self._candidates: tuple[list, list] | None = None
        self._head_set: frozenset[str] | None = None
        self._languages: dict[int, frozenset[str]] = {}
        self.says_how: bool | None = None  # ``described.says_how``
        self.denies = False  # a match was read denied ("we will not track …")
        # id of a lexicon part -> its places (``matching.part_spans``): parts outlive a text
        self.part_places: dict[int, list[tuple[int, int]]] = {}
        self.switches: dict = {}  # sentence -> what ``switched_off`` asks of it, once

    def languages_at(self, sentence: int) -> frozenset[str]:
        """The Latin-script languages a sentence may be in (the whole text's, and the
        sentence's own when it is long enough to tell); empty: any language."""
        found = self._languages.get(sentence)
        if found is None:
            found = plausible_languages(self.raw)
            if found:
                words = [t for t in self.toks if t[3] == sentence]
                if len(words) >= MIN_WORDS_TO_DETECT and len(words) < len(self.toks):
                    own = plausible_languages(self.raw[words[0][1] : words[-1][2]])
                    found = found | own if own else frozenset()
            self._languages[sentence] = found
        return found

    def reads_in(self, entry: CompiledEntry, span: tuple[int, int]) -> bool:
        """Whether the entry may read the sentence of ``span`` (its language's)."""
        e = entry.entry
        if e.any_language or e.language not in LATIN:
            return True
        if e.language == detect_language(self.raw):
            # The most likely language is always plausible (at least a quarter among the
            # four), so the ranking of the others is not needed: most phrases read here.
            return True
        allowed = self.languages_at(self.toks[span[0]][3])
        return not allowed or e.language in allowed or self.code_switched(e.language, span)

    def code_switched(self, language: str, span: tuple[int, int]) -> bool:
        """Whether the words a phrase read are themselves written in its language inside a
        sentence of another ("le client veut track protesters"). One word never is: a word
        alone is as likely a false friend ("mois", "pide") as a loanword."""
        if span[1] == span[0]:
            return False
        toks = self.toks
        return own_language(self.raw[toks[span[0]][1] : toks[span[1]][2]]) == language

    def word_at(self, i: int, word: tuple[str, str]) -> int:
        """The index of the last token of ``word`` if it starts at token i, else -1."""
        kind, value = word
        toks = self.toks
        if kind == "key":
            return i if value in self.keys[i] else -1
        if kind == "prefix":
            return i if bare_word(toks[i][0]).startswith(value) else -1
        end = i + len(value)
        if end > len(toks) or "".join(t[0] for t in toks[i:end]) != value:
            return -1
        return end - 1

    def starts(self, word: tuple[str, str]) -> list[int]:
        kind, value = word
        if kind == "key":
            return self.index.get(value, [])
        if kind == "prefix":
            found = self._prefixes.get(value)
            if found is None:
                toks = self.toks
                heads = self.heads if self.heads is not None else self.word_heads()
                found = [
                    i for i in heads.get(value[:3], ()) if bare_word(toks[i][0]).startswith(value)
                ]
                self._prefixes[value] = found
            return found
        return [i for i in self.index.get(f"zh:{value[0]}", ()) if self.word_at(i, word) >= 0]

    def word_heads(self) -> dict[str, list[int]]:
        """Words by their first three letters (accents dropped): a ``word*`` (four letters
        or more) is looked up among the words sharing its beginning, not by a scan."""
        if self.heads is None:
            # Each distinct word once, its places merged in order where words share a head.
            self.heads = merged_places(self.words, lambda word: (word_head(word),))
        return self.heads

    def head_set(self) -> frozenset[str]:
        if self._head_set is None:
            self._head_set = frozenset(map(word_head, self.words))  # no places needed
        return self._head_set

    def benign_spans(self, lexicon: CompiledLexicon) -> list[tuple[int, int]]:
        """Every benign-context match of the text that is not itself negated (once a text)."""
        if self._benign is None:
            spans = []
            for entry in _candidates(self, lexicon, benign=True):
                kind = entry.entry.role
                found = [
                    s
                    for s in entry_spans(self, entry)
                    if self.reads_in(entry, s)
                    and not context_negated(self, s[0], entry.entry.language)
                    and not safeguard_skipped(self, s[0], BENIGN_NEGATION_WINDOW)
                    and (kind in NO_SAFEGUARD or not safeguard_dispensed(self, s[1]))
                ]
                if kind:
                    self.kinds.update(dict.fromkeys(found, kind))
                if entry.entry.tells_service:
                    self.tells_service.update(found)
                spans += found
            self._benign = spans
        return self._benign


def _candidates(text: _Text, lexicon: CompiledLexicon, benign: bool = False) -> list:
    """The entries worth trying on a text: each of their parts can match (a trigger key of
    theirs is in it, or a ``word*`` beginning), signals or benign context as asked (worked
    out once a text)."""
    if text._candidates is None:
        index = candidate_index(lexicon)
        heads = text.head_set() if index.heads else None
        text._candidates = candidates(index, text.keyset, heads)
    return text._candidates[1 if benign else 0]


def _quote(text: _Text, span: tuple[int, int]) -> str:
    start, end = text.toks[span[0]][1], text.toks[span[1]][2]
    words = " ".join(text.raw[start:end].split())
    return words if len(words) <= MAX_QUOTE else words[: MAX_QUOTE - 1] + "…"


READ_CACHE_SIZE = 50_000
Read = tuple[str, str, str, tuple[str, ...], tuple[str, ...]]


def read_one(raw: str, lexicon: CompiledLexicon) -> list[tuple[str, str, str]]:
    """(category, language, quote) of each signal in one text, in reading order."""
    return [r[:3] for r in read_one_sourced(raw, lexicon)]


def read_one_sourced(raw: str, lexicon: CompiledLexicon) -> tuple[Read, ...]:
    """(category, language, quote, winners, others) of each signal in one text, in reading
    order: winners are the phrases (``phrase_key``) that read the quote, others those that
    matched at the same place and lost to it."""
    return read_one_recorded(raw, lexicon)[0]


def read_one_recorded(raw: str, lexicon: CompiledLexicon) -> tuple[tuple[Read, ...], list[Behind]]:
    """``read_one_sourced``'s reads, and the learned cues behind them (``cues_behind``)."""
    if not raw or not raw.strip() or not lexicon.signals:
        return (), []
    cache = lexicon.reads
    found = cache.get(raw)
    if found is None:
        if len(cache) >= READ_CACHE_SIZE:
            cache.clear()
        # What a person reads, not the characters a rep may have hidden it behind.
        read_as = as_read(raw)
        text = _Text(rejoined_recorded(raw, read_as, lexicon), read_word_keys(lexicon))
        reads, behind = _read(text.raw, lexicon, text)
        # The whole text weighed as an ordinary deal: its red flags are set aside, but for
        # those naming whom it harms. Weighed as written, not as this lexicon rejoins it, so
        # a phrase removed never moves the weight.
        if reads and weighed_ordinary(raw, lexicon.cues) is not None:
            kept = [i for i, r in enumerate(reads) if r[0] in KEPT_WHATEVER_THE_WEIGHT]
            reads = [reads[i] for i in kept]
            # a cue behind a quote has its category: set aside with it
            behind = reindexed([b for b in behind if b.reads and b.reads[0] in kept], kept)
        elif lexicon.cues and not text.denies and not any(r[0] in CATEGORIES for r in reads):
            # Nothing read a red flag, nor denied one: the whole may read as a dangerous deal.
            # Weighed as written: the reader's words when no split word was put back.
            toks = text.toks if text.raw == read_as else None
            raised = whole_text_read(raw, lexicon.cues, read_as, toks)
            if raised is not None:
                reads = [*reads, (*raised, (WHOLE_TEXT,), ())]
        found = cache[raw] = (tuple(reads), behind)
    return found


def read_traced(raw: str, lexicon: CompiledLexicon) -> list[tuple]:
    """The matches reading ``raw`` ruled out, in the order found, each as (entry, quote,
    why, quotes of the benign context around it): ``why`` names the check
    (``ruled_out``). Read afresh, never from the cache: for an admin trying a sentence."""
    if not raw or not raw.strip() or not lexicon.signals:
        return []
    text = _Text(rejoined_recorded(raw, as_read(raw), lexicon), read_word_keys(lexicon))
    trace: list = []
    _read(text.raw, lexicon, text, trace)
    return [
        (entry, _quote(text, span), why, tuple(_quote(text, s) for s in around))
        for entry, span, why, around in trace
    ]


def _read(
    raw: str, lexicon: CompiledLexicon, text: _Text | None = None, trace: list | None = None
) -> tuple[list[Read], list[Behind]]:
    """The reads of one text and the learned cues behind them; each match a check rules out
    is added to ``trace`` when given, as (entry, span, why, benign spans around it)."""
    text = text or _Text(raw, read_word_keys(lexicon))  # the caller's, when it has split it
    if drop_name_stems(raw, text.toks, text.keys, text.index, benign_keys(lexicon)):
        text.keyset = frozenset(text.index)
    if NOBODY in raw and drop_nobody(text.toks, text.keys, text.index):
        text.keyset = frozenset(text.index)  # French "… à personne": nobody
    # (category, first word) -> [(language, quote, phrase key)] in the order found
    places: dict[tuple[str, int], list[tuple[str, str, str]]] = {}
    protected: _Near | None = None  # where the text names a protected group
    near_benign = _Near([])
    quoted: dict[str, list[tuple[int, int]]] = {}  # category -> the spans phrases read
    denied: set[tuple[str, int]] = set()  # (category, first word) of each denied match
    held: set[tuple[str, int]] = set()  # negated states read as written ("not accessible")
    for entry in _candidates(text, lexicon):
        for lo, hi, act in entry_matches(text, entry):
            span = (lo, hi)
            if not text.reads_in(entry, span):
                if trace is not None:
                    trace.append((entry, span, OTHER_LANGUAGE, ()))
                continue
            if negated_at(text, entry, lo, hi):
                denied.add((entry.entry.category, lo))
                if trace is not None:
                    trace.append((entry, span, DENIED, ()))
                continue
            why = ruled_out(text, lexicon, entry, lo, hi, act)
            if why:
                if trace is not None:
                    trace.append((entry, span, why, ()))
                continue
            benign = text.benign_spans(lexicon) if lexicon.benign else ()
            if benign:
                if protected is None:
                    near_benign = _Near(benign)
                    protected = _Near(
                        [
                            s
                            for part in protected_target_parts(lexicon)
                            for s in part_spans(text, part)
                        ]
                    )
                # Only the benign context and protected groups a few windows around the
                # match can bear on it: the work per match does not grow with the text.
                around = near_benign.near(span, BENIGN_AROUND)
                near_protected = protected.near(span, BENIGN_AROUND)
                if act_in_own_object(text, around, span, act, near_protected):
                    why = OWN_OBJECT
                elif act_on_thing_held(text, around, span, act, entry.entry.category):
                    why = THING_HELD
                elif bears_on(
                    text, around, span, entry.entry.language, near_protected, entry.entry.category
                ):
                    why = BENIGN
                if why:
                    if trace is not None:
                        trace.append((entry, span, why, tuple(around)))
                    continue
            if state_held(text, entry, lo):
                held.add((entry.entry.category, lo))
            places.setdefault((entry.entry.category, span[0]), []).append(
                (entry.entry.language, _quote(text, span), entry.key)
            )
            if entry.entry.category != SITE or len(entry.indexed) == 1:
                # A place named by words apart ("cells … inmates") hides nothing between them.
                quoted.setdefault(entry.entry.category, []).append(span)
    text.denies = bool(denied)
    if denied:
        drop_states_beside_denials(text, places, quoted, denied, held)  # "do not restrict access"
    hidden = drop_detention_inside_sites(places, quoted)  # "remand prison" names a place
    # One quote per category and starting word, the longest ("los medios independientes",
    # not "los medios"); between languages reading the same words, the text's language.
    detected: list[str] = []
    cues, shadowing, shadowed = [], set(), []
    if lexicon.cues:
        detected.append(detect_language(raw))
        cues, shadowing, shadowed = cue_reads(text, lexicon, lexicon.cues, detected[0], quoted)
    out = []
    for (category, pos), matches in sorted(places.items(), key=_by_position):
        size = max(len(q) for _lang, q, _key in matches)
        choices = [(lang, q) for lang, q, _key in matches if len(q) == size]
        if len({lang for lang, _q in choices}) > 1:
            if not detected:
                detected.append(detect_language(raw))
            choices.sort(key=lambda c: (c[0] != detected[0], LANGUAGES.index(c[0])))
        language, quote = choices[0]
        winners = {k for lang, q, k in matches if lang == language and q == quote}
        others = ({k for _lang, _q, k in matches} | hidden.get((category, pos), set())) - winners
        if (category, pos) in shadowing:
            others.add(LEARNED_CUE)  # a cue read here too: removing the phrases uncovers it
        out.append((category, language, quote, tuple(sorted(winners)), tuple(sorted(others))))
    if not cues and not shadowed:
        return out, []
    return merged_reads(sorted(places, key=lambda p: (p[1], p[0])), out, cues, shadowed)


def _by_position(item: tuple[tuple[str, int], list]) -> tuple[int, str]:
    return item[0][1], item[0][0]
