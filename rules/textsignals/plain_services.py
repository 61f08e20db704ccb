"""A security or intelligence service named plainly: by a word or a name no ordinary
organisation uses for itself.

What must always be true: a match naming such a service ("the State Security Committee",
"the Mukhabarat's headquarters", "la DGSI", "国家安全部") stays a red flag whatever the goods
beside it are (cargo, pallets, a warehouse, vulnerabilities, phishing training): the goods'
own words say what is bought, not who buys it (``benign_scope.bears_on``). Words that also
name a company's or a venue's own unit ("security service", "служба безопасности",
"安全部门", "رجال الأمن") or that are ordinary elsewhere ("GRU", an airport; "MSS", a segment
size; "national security", a course or a policy) are not plain names: benign context beside
them still tells whose unit it is ("Служба безопасности склада": the warehouse's).

Plain Python: nothing here imports Django.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .act_scope import warrant
from .languages import bare_word
from .state_bodies import ARTICLES, names_phrase, words_of

if TYPE_CHECKING:
    from .reader import _Text

# Word beginnings, compared without accents: counter-intelligence, state security in one
# word, the special services, the Mukhabarat; Arabic: parts of a word (after "ال", "لل").
SERVICE_STARTS = words_of(
    "counterintelligence contrainteligencia contraespionaje contraespionagem контрразведк "
    "госбезопасност спецслужб mukhabarat moukhabarat mujabarat мухабарат"
)
SERVICE_PARTS_AR = words_of("مخابرات استخبارات")
SERVICE_PARTS_ZH = ("国家安全", "国安", "秘密警察", "政治警察", "国家保卫", "情报机构", "情报局")
# Intelligence is a service's only with the head of a body within a few words ("Agence
# nationale de renseignements", "the intelligence directorate", "служба внешней
# разведки"): alone it is a company's own ("the intelligence bureau of the retail chain",
# business or market intelligence) or, in Russian, a prospector's ("разведка недр").
INTELLIGENCE_STARTS = words_of("intelligence renseignement inteligencia разведк")
BODY_HEADS = words_of(
    "agenc servic directorat direction direccion direcao diretoria ministr ministe "
    "committee comite centre centro center department departament "
    "служб агентств управлени директорат министерств комитет департамент"
)
HEAD_REACH = 3  # content words between intelligence and the head of its body
# Whole words: the short names of services that nothing ordinary shares.
SERVICE_WORDS = frozenset(
    words_of(
        "kgb fsb stasi dgsi dgse dged sied sebin dgcim abin mossad shabak savak "
        "кгб фсб штази гкнб кнб сгб мгб"
    )
)
# Consecutive words (articles left out), by their beginnings: state security, a secret or
# political police.
SERVICE_PHRASES = tuple(
    words_of(p)
    for p in (
        "state security",
        "contre espionnage",
        "counter intelligence",
        "securite etat",
        "surete etat",
        "seguridad estado",
        "seguranca estado",
        "государственн безопасност",
        "secret police",
        "police secrete",
        "policia secreta",
        "тайн полиц",
        "political police",
        "police politique",
        "policia politica",
        "политическ полиц",
        "امن الدوله",
        "الشرطه السريه",
    )
)


def names_service_plainly(text: _Text, span: tuple[int, int]) -> bool:
    """Whether the words of a match name a security or intelligence service plainly (the
    module's lists)."""
    words = [bare_word(t[0]) for t in text.toks[span[0] : span[1] + 1]]
    if any("\u3400" <= w[:1] <= "\u9fff" for w in words):
        joined = "".join(words)
        if any(p in joined for p in SERVICE_PARTS_ZH):
            return True
    for word in words:
        if word in SERVICE_WORDS or word.startswith(SERVICE_STARTS):
            return True
        if "\u0600" <= word[:1] <= "\u06ff" and any(p in word for p in SERVICE_PARTS_AR):
            return True
    content = [w for w in words if w not in ARTICLES]
    if any(
        w.startswith(INTELLIGENCE_STARTS)
        and any(
            h.startswith(BODY_HEADS) for h in content[max(0, i - HEAD_REACH) : i + HEAD_REACH + 1]
        )
        for i, w in enumerate(content)
    ):
        return True
    return names_phrase(words, SERVICE_PHRASES)


def goods_beside_service(text: _Text, span: tuple[int, int], lo: int, hi: int) -> bool:
    """Whether benign context at ``lo``–``hi``, beside (not inside) a match naming a service
    plainly, only says what is bought or how it goes (cargo, vulnerabilities, a press room):
    no entry telling what the service is there for (``LexiconEntry.tells_service``), no
    judge's warrant. Such context cancels nothing."""
    return (
        (hi < span[0] or lo > span[1])
        and (lo, hi) not in text.tells_service
        and not warrant(text, lo, hi)
        and names_service_plainly(text, span)
    )
