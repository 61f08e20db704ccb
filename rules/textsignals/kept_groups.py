"""Whose what is kept is: a protected group named in another sentence than a match is whose
the kept things are when its sentence names them or an act on them.

What must always be true: "Opposition activists' traffic is stored separately", "numbers
of protest organisers are highlighted" say what is kept of a protected group; one that
only gets a discount ("Journalists get 20% off the plan") is a customer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .handing import sentences_of
from .handing import zh as _zh
from .state_bodies import words_of as _words

if TYPE_CHECKING:
    from .reader import _Text


# A protected group named in another sentence than the match is whose the kept things are
# when its sentence names them or an act on them ("Opposition activists' traffic is stored
# separately", "numbers of protest organisers are highlighted"); one that only gets a
# discount ("Journalists get 20% off the plan") is a customer. Word beginnings compared
# without accents (Arabic and Chinese: parts of the word).
KEPT_STARTS = _words(
    "call communic messag traffic connect record number data metadat log sms email "
    "conversation location phone line contact flag highlight marked stor review watch monitor "
    "track list separat intercept "
    "appel communicat trafic connexion enregistr numero donnee ligne telephon localis "
    "signal marqu surveill stock separ conserv "
    "llamad comunicac mensaj trafico conexion registr dato conversac linea ubicac señal "
    "vigil almacen grab chamad trafego conex registo dado conversa linha localiz sinaliz "
    "armazen grav "
    "звонк вызов переговор сообщени трафик соединени подключени запис номер данн телефон "
    "местоположен переписк помеча отмеча выделя хран отслежив отдельн прослуш"
)
KEPT_PARTS = _words(
    "مكالم اتصال رسائل حركة سجل أرقام رقم بيانات هاتف هواتف موقع تمييز تخزين مراقب"
) + (
    "通话",
    "电话",
    "短信",
    "通信",
    "流量",
    "记录",
    "号码",
    "数据",
    "连接",
    "位置",
    "话单",
    "标记",
    "存储",
    "单独",
    "监控",
)


def groups_kept(
    text: _Text, span: tuple[int, int], protected: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The protected groups near a match (``protected``) whose communications or records
    the text keeps: in the match's sentence, or in a sentence naming calls, traffic,
    records, numbers or an act on them (``KEPT_STARTS``)."""
    toks = text.toks
    sentence = toks[span[0]][3]
    kept: list[tuple[int, int]] = []
    for lo, hi in protected:
        n = toks[lo][3]
        words = sentences_of(text)[n]  # once a text, not once a group
        said = "".join(words) if _zh(words) else " ".join(words)
        if (
            n == sentence
            or any(w.startswith(KEPT_STARTS) for w in words)
            or any(p in said for p in KEPT_PARTS)
        ):
            kept.append((lo, hi))
    return kept
