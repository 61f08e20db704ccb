"""How the preview reads a past deal's text with a draft's lexicon, as cheaply as it can.

Plain Python: nothing here imports Django.

A past deal screened with the version in force holds what that version's lexicon read
(its ``text.*`` fields). The draft's lexicon differs from it by the phrases added, removed,
changed, enabled or disabled (a changed phrase is one removed and one added). What a text
reads depends only on the phrases that match somewhere in it (signals and benign context
alike: a phrase with no match in a text adds nothing to its reading and cancels nothing),
so a text that none of the differing phrases can match reads the same with both lexicons.
Hence, for each deal:

- the draft has the same enabled phrases: the stored fields are the draft's reading;
- phrases the draft adds (or changes), and benign context it removes, are looked for by
  their words: no text of the deal holds the words such a phrase needs (for each of its
  ``~`` parts, every word of one alternative: its stem, or a word starting with its
  ``word*``), so it adds nothing and cancels nothing; otherwise the deal is read again;
- signal phrases the draft removes are looked up in the stored reading's record of the
  phrases behind each quote (``text.phrases``): a quote read by a phrase that stays is
  kept, a quote read only by removed phrases, with no other phrase matching at its place,
  is dropped (and the quotes are renumbered, in the order a re-read would give them); a
  quote whose phrases all go while another phrase matched at its place (that match was
  hidden behind it), or a category with more quotes than its field keeps, needs the deal
  read again. A removed phrase also acts where it left no quote (a match read denied), and
  a quote dropped may leave a text with no red flag, which its whole may then raise: such
  deals are read again (``preview_removal``). A screening stored before the record existed
  falls back on the words test;
- a word split by a blank ("pro testers") is put back together by what a lexicon reads
  (``split_words``), and the words test sees the pieces: a stored reading that put one back
  together is read again; otherwise the pieces its split-word test weighed and left apart
  (``text.split_pieces``) tell whether the draft could put one back together
  (``split_record``), and such a deal is read again. A reading stored before the pieces
  were recorded is tested pair by pair with both lexicons (``_words_rejoined``);
- otherwise the deal's text is read again with the whole draft lexicon.

Learned cues (``rules.textsignals.learned_cues``) are scored over every word of a text, so
no words test can tell which texts a new fitting leaves alone: a draft whose cues differ
from the version in force reads every deal with text again, unless they differ only by
words or pairs switched on or off; then a deal is read again only when its text holds a
switched word (``preview_cues``), and is otherwise taken as the phrases alone would have
it (below). With the same cues, a quote
dropped with its removed phrases may uncover a cue the phrase's quote stood in for: the
record lists such a cue among the quote's others (``LEARNED_CUE``), and the reading
records what the cue would then quote and where (``text.cues_behind``), so the cue's quote
goes where a re-read puts it; a cue the record cannot tell (a place of detention named
around it, another cue starting where it does) whose text loses a quote, or a reading
stored before that record, reads the deal again. A record written with cues before
it listed them (no ``:cues`` ending) reads the deal again whenever a quote of it changes;
left unchanged, it is returned as stored, so its ``text.phrases`` lacks the marks a re-read
would write (the tier, the signals and the quotes are a re-read's; no criterion reads
``text.phrases``).

The words test reads the same words and stems as the reader and asks only for what every
match needs, so it can never skip a deal the draft would read differently; removal drops
only what the reader's own record says the removed phrases alone produced. The fields
returned are exactly a full re-read's but for that one case and a reading stored before
``text.split_pieces`` was recorded, returned without it (``tests/rules_engine/test_preview_text.py``,
``test_preview_removal.py`` and ``test_text_split_record.py`` compare them on generated
deals and lexicon changes). The pieces a kept reading returns are those the draft weighs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from rules.textsignals import BENIGN
from rules.textsignals.benign_scope import PROTECTED_CATEGORIES, is_family_phrase
from rules.textsignals.disguise import as_read
from rules.textsignals.lexicon import LexiconEntry
from rules.textsignals.snapshot_reading import PHRASES_FIELD
from rules.textsignals.split_record import SPLIT_FIELD, SplitChange
from rules.textsignals.split_words import rejoins_any

from .criteria import CompiledCriteria
from .fields import TEXT_DERIVED_FIELDS
from .preview_cues import CueSwitchProbe, switches_between
from .preview_removal import Removal
from .text import text_read
from .text_probe import TOUCH_CACHE_SIZE, ChangeProbe, snapshot_texts

TextReader = Callable[[Mapping[str, Any], Mapping[str, Any] | None], dict[str, Any]]


def _enabled(compiled: CompiledCriteria) -> frozenset[tuple]:
    """What reading depends on, for each enabled phrase (a category's families read as the
    one phrase they compose): ``_reading``. An edited source or the place of a phrase in
    the list changes no reading."""
    return frozenset(map(_reading, compiled.lexicon.effective))


def _reading(e: LexiconEntry) -> tuple:
    """(phrase, language, category, any_language, role): a family changed changes its
    phrase; a phrase read in any language, or no longer, reads other texts; a benign
    entry's role and whether it tells a security service apart change what it cancels, an
    interception phrase's role what it reads (``entry_roles``)."""
    role = (e.role, e.tells_service)
    return (e.phrase, e.language, e.category, e.any_language, role)


def preview_text_reader(draft: CompiledCriteria, in_force: CompiledCriteria | None) -> TextReader:
    """A function (snapshot, stored text fields or None) -> the draft's text fields.

    ``stored`` must be what ``in_force``'s lexicon read in that snapshot (the fields of a
    screening by the version in force), or None when there is no such reading.
    """
    if in_force is None:
        return lambda snapshot, stored: text_read(snapshot, draft)
    cue_probe = None
    if _cues_key(in_force) != _cues_key(draft):
        # Cue words or pairs switched on or off: only texts holding their words read
        # differently (``preview_cues``). Any other change of cues: every text again.
        switched = switches_between(in_force.lexicon.cues, draft.lexicon.cues)
        if switched is None:
            return lambda snapshot, stored: text_read(snapshot, draft)
        cue_probe = CueSwitchProbe(switched)
    before, after = _enabled(in_force), _enabled(draft)
    changed = before ^ after
    if not changed and cue_probe is None:
        return lambda snapshot, stored: stored if stored is not None else text_read(snapshot, draft)
    if not draft.lexicon.signals:
        return lambda snapshot, stored: text_read(snapshot, draft)  # nothing to read: cheap
    # Cue words switched with the same phrases: no phrase probe touches anything, and the
    # stored reading is kept wherever the cue probe and the split-word test allow.
    probe = ChangeProbe(changed)
    # Signal phrases removed: dropped by the record of each quote's phrases. The rest (added,
    # changed, benign context removed): the words test.
    removed = {p for p in before - after if p[2] != BENIGN}
    # The targets of a protected category's families tell where a text names a protected
    # group, which decides whether benign context beside another match bears on it
    # (``benign_scope``): texts naming one of a changed family's targets are read again.
    guarded = {
        (e.phrase.rsplit("~", 1)[-1], e.language, e.category, False)
        for compiled in (in_force, draft)
        for e in compiled.lexicon.effective
        if e.category in PROTECTED_CATEGORIES and is_family_phrase(e) and _reading(e) in changed
    }
    # A security service the lexicon reads decides whether a court order bounds an
    # interception whose recordings the text hands on (``textsignals.mass_scope``,
    # ``recipient.hands_on_to_state``): texts naming a changed one are read again.
    guarded |= {p for p in changed if p[2] == "security_services"}
    rest = ChangeProbe((changed - removed) | guarded)
    removal = Removal(removed, draft.lexicon)
    rejoins = rejoins_any((in_force.lexicon, draft.lexicon))
    rejoined_texts: dict[str, bool] = {}
    # The pieces the reading in force weighed (``text.split_pieces``) tell which deals the
    # draft could read with a word put back together; a reading stored before they were
    # recorded, or by a lexicon without signals (it weighed nothing), is asked again.
    split = SplitChange(in_force.lexicon, draft.lexicon) if in_force.lexicon.signals else None

    def rejoined(snapshot: Mapping[str, Any], pieces: list[str] | None) -> bool:
        if pieces is None or split is None:
            return _words_rejoined(snapshot, rejoins, rejoined_texts)
        return split.touches(snapshot_texts(snapshot), pieces)

    def read(snapshot: Mapping[str, Any], stored: Mapping[str, Any] | None) -> dict[str, Any]:
        if stored is None:
            return text_read(snapshot, draft)
        recorded, pieces = stored.get(PHRASES_FIELD), stored.get(SPLIT_FIELD)
        # Stored before quotes recorded their phrases: every phrase that differs is looked
        # for by its words. The words test first: cheaper than the split-word test, and a
        # deal it sends to be read again needs no other.
        if (
            (probe if recorded is None else rest).touches_snapshot(snapshot)
            or (cue_probe is not None and cue_probe.touches_snapshot(snapshot))
            or rejoined(snapshot, pieces)
        ):
            return text_read(snapshot, draft)
        kept = dict(stored) if recorded is None else removal.kept(snapshot, stored, recorded)
        if kept is None:
            return text_read(snapshot, draft)
        if pieces is not None and split is not None:
            kept[SPLIT_FIELD] = split.weighed_by_draft(pieces)  # as the draft's reading has it
        return kept

    return read


def _cues_key(compiled: CompiledCriteria) -> str:
    """What a version's learned cues read by: equal keys read alike ("": none)."""
    cues = compiled.lexicon.cues
    return cues.key if cues else ""


def _words_rejoined(
    snapshot: Mapping[str, Any], rejoins: Callable[[str], bool], seen: dict[str, bool]
) -> bool:
    """Whether either lexicon reads a word of the deal split by a blank as one
    (``split_words``; ``rejoins`` asks both in one pass): which words are put back together
    depends on the lexicon, and the words test sees the pieces, so such a deal (rare) is
    read again. ``seen`` keeps the answer for texts met before (titles, sectors, names)."""
    for item in snapshot_texts(snapshot):
        if item.strip():
            found = seen.get(item)
            if found is None:
                if len(seen) >= TOUCH_CACHE_SIZE:
                    seen.clear()
                found = seen[item] = rejoins(as_read(item))
            if found:
                return True
    return False


# The fields quoting what a text read (a red flag's, a place of detention named).
QUOTE_FIELDS = tuple(f for f in TEXT_DERIVED_FIELDS if f != "text.signals")


def quotes_moved(before: dict | None, after: dict | None) -> tuple[list[str], list[str]]:
    """The quotes the draft's reading of a deal gains, and those it loses, against the
    reading in force (none when either is unknown, or the reading is the same object)."""
    if before is None or after is None or before is after:
        return [], []
    gained: list[str] = []
    lost: list[str] = []
    for field in QUOTE_FIELDS:
        was, now = before.get(field) or [], after.get(field) or []
        if was != now:
            gained += [q for q in now if q not in was]
            lost += [q for q in was if q not in now]
    return gained, lost
