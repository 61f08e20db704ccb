"""The ``text.*`` fields of a snapshot: each text field read (``reader``), its quotes listed
per category with their field and language, and the record a preview reads them back by.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .cues_behind import CUES_BEHIND_FIELD, behind_lines, quote_line
from .lexicon import CATEGORIES, CATEGORY_FIELDS, CompiledLexicon
from .reader import Read, read_one_recorded
from .split_record import SPLIT_FIELD, split_pieces
from .whole_text import WHOLE_TEXT

# The snapshot fields read, in the order quotes are listed, and how a rep names them.
TEXT_FIELD_LABELS = {
    "title": "Title",
    "use_description": "Use description",
    "end_user.name": "End customer",
    "end_user.sector": "End customer's sector",
    "lines.names": "Product line",
    "text.answers": "Answer to an information request",
}
TEXT_SOURCE_FIELDS = tuple(TEXT_FIELD_LABELS)

MAX_QUOTES_PER_CATEGORY = 8


PHRASES_FIELD = "text.phrases"
TRUNCATED = "+"
CUES_READ = ":cues"


def empty_text_fields() -> dict[str, list[str]]:
    """The reader's output when there is nothing to read (or no lexicon)."""
    out: dict[str, list[str]] = {"text.signals": []}
    for f in CATEGORY_FIELDS.values():
        out[f] = []
    out[PHRASES_FIELD], out[SPLIT_FIELD], out[CUES_BEHIND_FIELD] = [], [], []
    return out


def phrase_line(category: str, line: int, winners: tuple, others: tuple, cues: bool) -> str:
    """One occurrence of a quote in ``text.phrases``: "<category>:<n>:<winners>:<others>",
    n the quote's place in its category's field, phrases by ``phrase_key``, comma-separated;
    read with learned cues, ":cues" after it says a cue its quote stood in for is among the
    others (a record from before that was written has no such ending)."""
    return f"{category}:{line}:{','.join(winners)}:{','.join(others)}" + (CUES_READ if cues else "")


def read_text(snapshot: Mapping[str, Any], lexicon: CompiledLexicon) -> dict[str, list[str]]:
    """The ``text.*`` fields for a snapshot: ``text.signals`` (red-flag categories found,
    in the order of CATEGORIES) and, per category and fact, its quotes with their field and
    language; the pieces of split words weighed (``split_record``); the learned cues behind
    quotes (``cues_behind``)."""
    out = empty_text_fields()
    if not lexicon.signals:
        return out
    quotes: dict[str, dict[str, int]] = {}  # line -> its place in the category's field
    phrases = out[PHRASES_FIELD]

    def quoted(label: str, read: Read) -> int | None:
        """Quote ``read``; its place in ``text.phrases`` (None: its field is full)."""
        category, language, quote, winners, others = read
        lines = quotes.setdefault(category, {})
        n = lines.setdefault(quote_line(label, language, quote, winners), len(lines))
        if n >= MAX_QUOTES_PER_CATEGORY:
            return None
        phrases.append(phrase_line(category, n, winners, others, bool(lexicon.cues)))
        return len(phrases) - 1

    # A text read as a whole is quoted after every phrase's and cue's, so a field full of
    # quotes keeps theirs (it only adds).
    wholes = []
    for label, reads, behind in _snapshot_reads(snapshot, lexicon):
        at = []
        for read in reads:
            if read[3] == (WHOLE_TEXT,):
                wholes.append((label, read))
            else:
                at.append(quoted(label, read))
        out[CUES_BEHIND_FIELD] += behind_lines(label, behind, at)
    for label, read in wholes:
        quoted(label, read)
    for category, field in CATEGORY_FIELDS.items():
        if category in quotes:
            if category in CATEGORIES:  # a fact read (a prison named) is no red flag
                out["text.signals"].append(category)
            out[field] = list(quotes[category])[:MAX_QUOTES_PER_CATEGORY]
            if len(quotes[category]) > MAX_QUOTES_PER_CATEGORY:
                phrases.append(f"{category}:{TRUNCATED}")  # more quotes than the field keeps
    out[SPLIT_FIELD] = split_pieces(snapshot_texts(snapshot), lexicon)
    return out


def snapshot_texts(snapshot: Mapping[str, Any]) -> Iterator[str]:
    """Each text of a deal the reader reads, field by field (a field may hold several:
    answers, lines)."""
    for path in TEXT_SOURCE_FIELDS:
        yield from _field_texts(snapshot, path)


def _field_texts(snapshot: Mapping[str, Any], path: str) -> Iterator[str]:
    value = snapshot.get(path)
    for item in value if isinstance(value, list | tuple) else (value,):
        if isinstance(item, str):
            yield item


def _snapshot_reads(snapshot: Mapping[str, Any], lexicon: CompiledLexicon) -> Iterator[tuple]:
    """(field label, reads, cues behind them) of each text, field by field."""
    for path, label in TEXT_FIELD_LABELS.items():
        for item in _field_texts(snapshot, path):
            yield (label, *read_one_recorded(item, lexicon))
