"""Our refusal of an act: "We refused the ministry's request to track protesters", "We
refuse to track protesters", "Nous avons refusé la demande de surveiller …", "Rechazamos
la solicitud de rastrear …", "Recusamos o pedido de rastrear …" deny the act as "we do
not" does (``negation.negated_at`` asks).

Kept narrow: the refusal is ours (we, our company, a verb of "we") and the act follows its
request at once. Someone else's refusal ("The ministry refused to let us stop tracking
…"), a refusal of stopping ("… the request to stop tracking …") or a refusal itself
denied ("We never refuse requests to track …") leaves the act read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .languages import bare_word
from .negation_words import NEGATIONS

if TYPE_CHECKING:
    from .reader import _Text

# A word that may hold a refusal: the texts without one are read as before, at no cost.
_REFUSAL_WORD_RE = re.compile(r"refus|declin|reject|turn|rechaz|rehus|neg|recus|rejeit", re.I)
_WORD = r"[\w'’-]+"
_DETERMINER = (
    r"(?:the|a|an|any|every|all|this|that|these|those|such|each|their|its|his|her|"
    r"la|le|les|l['’]|une|un|toute|toutes|des|cette|ces|chaque|"
    r"el|los|las|una|cualquier|toda|todas|esta|esa|cada|"
    r"o|os|as|um|uma|qualquer|todo|este|esse|essa|"
    r"[\w-]+['’]s)"
)
_REQUEST = (
    r"(?:requests?|demands?|orders?|instructions?|requirements?|asks?|"
    r"demandes?|requêtes?|requetes?|sollicitations?|ordres?|"
    r"solicitud(?:es)?|petici[oó]n(?:es)?|pedidos?|requerimientos?|[oó]rden(?:es)?|"
    r"solicitaç[ãa]o|solicitações|requisiç[ãa]o|requisições|ordens|demandas?)"
)
# "the ministry's request to", "la demande du ministère de", "la solicitud de la policía de"
_OF_REQUEST = rf"(?:{_DETERMINER} ?(?:{_WORD} ){{0,3}}{_REQUEST}(?: {_WORD}){{0,4}} )?"
_REFUSALS = (
    # en: "we (had to) refuse / declined / rejected / turned down"
    r"\b(?:we|our (?:company|firm|team))(?: \w+){0,2} "
    r"(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|reject(?:s|ed|ing)?|turn(?:ed)? down)"
    rf" {_OF_REQUEST}(?:to|for us to|asking us to|that we)",
    # fr: "nous (avons) refusé / refusons / rejetons", "avons refusé"
    r"\b(?:nous(?: \w+){0,2}|avons) (?:refus\w*|rejet\w*|d[ée]clin\w*)"
    rf" {_OF_REQUEST}(?:de|d['’]|à)",
    # es: "rechazamos", "nos negamos a", "hemos rechazado", "tuvimos que rechazar"
    r"\b(?:rechaz(?:amos|aremos|[áa]bamos)|rehus(?:amos|aremos)|nos (?:negamos|negaremos)|"
    r"(?:hemos|tuvimos que|vamos a) (?:rechaz\w*|rehus\w*|negar\w*)|denegamos)"
    rf" {_OF_REQUEST}(?:de|a)",
    # pt: "recusamos", "rejeitamos", "nos recusamos a", "tivemos de recusar"
    r"\b(?:recus(?:amos|aremos|[áa]vamos)|rejeit(?:amos|aremos)|nos (?:recusamos|negamos)|"
    r"(?:temos|tivemos) (?:de|que) (?:recusar|rejeitar)|n[oó]s (?:recus|rejeit)\w*)"
    rf" {_OF_REQUEST}(?:de|a)",
)
# Written with single spaces above; any run of spaces or a line break reads as one.
_REFUSAL_RE = re.compile(rf"(?:{'|'.join(_REFUSALS)})\s*$".replace(" ", r"\s+"), re.I)
_REACH = 160  # characters before the act a refusal and its request are read in


def refusal(text: _Text, first: int) -> int:
    """The token a refusal of the act read from ``first`` starts on, or -1: one we refuse
    or refused a request to do, written straight before the act in its sentence, with no
    negation inside the refusal ("We did not refuse …"); whether a negation before it
    ("Under no circumstances will we refuse …") denies it is ``negation``'s to say."""
    toks, raw = text.toks, text.raw
    sentence = toks[first][3]
    start = first
    while (
        start > 0
        and toks[start - 1][3] == sentence
        and toks[first][1] - toks[start - 1][1] < _REACH
    ):
        start -= 1
    offset = toks[start][1]
    before = raw[offset : toks[first][1]]
    if not _REFUSAL_WORD_RE.search(before):
        return -1
    found = _REFUSAL_RE.search(before)
    if found is None:
        return -1
    words = re.findall(r"\w+", found.group().lower())
    # "We never refuse …", "We did not refuse …", "We don't refuse …": no refusal
    if any(bare_word(w) in NEGATIONS or w == "t" for w in words):
        return -1
    at = offset + found.start()
    return next(k for k in range(start, first) if toks[k][2] > at)
