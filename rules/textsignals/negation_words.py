"""The words that negate, and the auxiliaries that may stand between a negation and the act
it denies: shared by ``negation`` and the hand-over checks (``handing``), which ``negation``
asks in turn whether a denial is lifted (``denial_lifted``)."""

from __future__ import annotations

from .languages import bare_word

NEGATIONS = frozenset(
    # en, fr, es, pt, ru, ar (normalised: alef forms folded)
    "not no never without nor don't won't cannot nothing nobody "
    "ne pas jamais sans aucun ni rien nunca sin nada nadie ninguém "
    "tampoco ningun ninguna ningún ninguno não nao nem sem nenhum nenhuma jamais "
    "не нет ни без никогда нельзя "
    "لا لن لم ليس ليست بدون دون غير عدم "
    # with "and" or "so" written onto them: "ولا نتتبع" (and we do not track)
    "ولا ولن ولم وليس وليست فلا فلن".split()  # not "فلم", also a film
)
# Compared without Latin accents: "nao", "ningun", "jamas" typed without them negate too.
NEGATIONS = frozenset(bare_word(w) for w in NEGATIONS) | frozenset({"jamas"})
# Words that may stand between a negation and the act it denies ("are not being blocked",
# "ne seront pas bloqués", "não serão bloqueados", "не будут заблокированы").
AUXILIARIES = frozenset(
    bare_word(w)
    for w in "be is are was were been being will would shall should can could may might must "
    "get gets got ever yet "
    "etre être est sont sera seront ete été soit soient a ont "
    "ser estar es está están son será serán sido fue fueron sea sean "
    "é são está estão será serão foi foram seja sejam "
    "быть будет будут был была было были".split()
)
