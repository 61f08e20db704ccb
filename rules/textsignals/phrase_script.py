"""A lexicon phrase written in its language's script.

What must always be true: a phrase of a Latin-script language (English, French, Spanish,
Portuguese) holds Latin words only, and a phrase of Arabic, Russian or Chinese holds a word
of that script, or is one word alone (a name such as "WhatsApp" or "TLS", read as the
text's Latin word is). Otherwise the admin chose the wrong language: an English phrase saved
as Russian reads English text and quotes it "(Russian)"; an Arabic phrase saved as English
is refused as "letters only", which says nothing of the language.
"""

from __future__ import annotations

from .languages import LANGUAGE_NAMES, LATIN, TOKEN_RE, normalise, script_of

SCRIPT_OF_LANGUAGE = {"ar": "arabic", "ru": "cyrillic", "zh": "han"}
SCRIPT_WORDS = {
    "latin": "Latin letters",
    "arabic": "Arabic letters",
    "cyrillic": "Cyrillic letters",
    "han": "Chinese characters",
}
LANGUAGE_OF_SCRIPT = {"arabic": "ar", "cyrillic": "ru", "han": "zh"}


def script_problem(phrase: str, language: str) -> str | None:
    """Why ``phrase`` cannot be a phrase of ``language`` by its script, or None."""
    words = TOKEN_RE.findall(normalise(phrase))
    scripts = {script_of(w) for w in words}
    name = LANGUAGE_NAMES.get(language, language)
    if language in LATIN:
        other = sorted(scripts - {"latin"})
        if other:
            guess = LANGUAGE_NAMES[LANGUAGE_OF_SCRIPT[other[0]]]
            return (
                f"“{phrase}” holds words in {SCRIPT_WORDS[other[0]]}, not in {name}: "
                f"choose the language it is written in ({guess})"
            )
        return None
    own = SCRIPT_OF_LANGUAGE.get(language)
    if own is None or own in scripts or len(words) <= 1:
        return None
    return (
        f"“{phrase}” has no word in {SCRIPT_WORDS[own]}, so it is no {name} phrase: choose "
        f"the language it is written in (a name alone, such as “WhatsApp”, may stand as a "
        f"{name} phrase)"
    )
