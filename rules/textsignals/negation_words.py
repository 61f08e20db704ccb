"""The words that negate, the auxiliaries that may stand between a negation and the act it
denies, and the words of harm a negation may bear on instead: shared by ``negation`` and
the hand-over checks (``handing``), which ``negation`` asks in turn whether a denial is
lifted (``denial_lifted``)."""

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
# Russian "никакой" (no … at all) denies only the word right after it: "Никакого
# отслеживания местоположения" denies the tracking; "Никаких ограничений на отслеживание"
# (no limits on tracking) and "Никакой задержки в отслеживании" do not.
RU_NO_ANY = frozenset(
    "никакой никакая никакое никакие никакого никакую никаким никаких никакими никакому".split()
)


# A negation bearing on harm states good intent, it does not deny the act: "locate the
# phones of protesters — not intended to harm them", "no harm intended", "sans vouloir
# nuire", "不打算伤害他们" leave the act read; "we will not track protesters" denies it.
# Beginnings of words, compared without accents; whole words for the short ones.
HARM_STARTS = tuple(
    "harm hurt damag injur endanger abus persecut discriminat punish mistreat "
    "nuir nuis bless prejudic dommag leser persecut discrimin punir maltrait "
    "danar danin perjudic lastim herir hiera persegu castig maltrat "
    "danific ferir machuc magoa "
    "вред навред ущерб повред дискримин наказ притесн".split()
)
HARM_WORDS = frozenset("mal tort dano danos зла зло".split())
# Arabic: parts of the word, whatever its clitics ("الإضرار", "إيذاءهم", "يؤذي", "بالإساءة").
AR_HARMS = ("ايذا", "اذي", "يوذي", "توذي", "نوذي", "ضرر", "اضرار", "يضر", "تضر", "نضر", "اساءه")
ZH_HARMS = ("伤害", "损害", "危害", "加害", "伤及", "侵害", "迫害", "歧视", "惩罚", "伤人")


def harm_word(word: str) -> bool:
    """Whether a word (``bare_word``) names harm done to someone."""
    if "\u0600" <= word[:1] <= "\u06ff":
        return any(h in word for h in AR_HARMS)
    return word in HARM_WORDS or word.startswith(HARM_STARTS)
