"""French "personne" as the pronoun nobody ("… n'est partagée avec personne", "… à
personne d'autre"): no person an act is done to.

What must always be true: only the pronoun loses its keys; a person named with a determiner
("la personne", "chaque personne") keeps them, and so does nobody with an exception after
it ("… à personne d'autre que la police", "… à personne sauf à la police", "…,
uniquement à la police"), or a state body named anywhere after it ("… à personne d'autre.
Elle est transmise à la police."), which names whom the act serves.
"""

from __future__ import annotations

from .languages import bare_word
from .state_bodies import names_state

NOBODY = "personne"
NE = frozenset(("ne",))  # "n'" is read as "ne"
# Words before the pronoun when "ne" stands earlier in its sentence: "(ne …) à personne".
BEFORE = frozenset("a avec pour".split())
# Words after it that make it the exception's frame: "personne d'autre que", "sauf".
EXCEPTING = frozenset(
    "que sauf excepte hormis hors part uniquement seul seule si exception".split()
)
EXCEPT_REACH = 4  # words after the pronoun an exception may stand in


def drop_nobody(toks: list, keys: list, index: dict[str, list[int]]) -> bool:
    """Drop the keys of each French "personne" that is the pronoun nobody: followed by
    "d'autre" or preceded by "à" or "avec" with "ne" earlier in its sentence, with no
    exception after it. Whether any key was dropped."""
    dropped = False
    for i, (word, _start, _end, sentence) in enumerate(toks):
        if word != NOBODY or not any(k.startswith("fr:") for k in keys[i]):
            continue
        after = [bare_word(t[0]) for t in toks[i + 1 : i + 1 + EXCEPT_REACH] if t[3] == sentence]
        if any(w in EXCEPTING for w in after):
            continue  # "à personne d'autre que la police": whom the act serves
        if names_state([bare_word(t[0]) for t in toks[i + 1 :]]):
            continue  # "… à personne d'autre. Sauf la police.": nobody but the state
        other = after[:2] == ["d", "autre"]
        before = bare_word(toks[i - 1][0]) if i and toks[i - 1][3] == sentence else ""
        denied = before in BEFORE and any(t[0] in NE for t in toks[:i] if t[3] == sentence)
        if not (other or denied):
            continue
        dropped = True
        for k in keys[i]:
            index[k].remove(i)
            if not index[k]:
                del index[k]
        keys[i] = ()
    return dropped
