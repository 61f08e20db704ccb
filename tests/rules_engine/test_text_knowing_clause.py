"""A negation of knowing or noticing does not deny the act in the clause after it:
"Personne ne saura que nous suivons les manifestants" says the tracking is hidden, not
that it is not done. A negation of willing or accepting still does ("Nous n'accepterons
jamais que nous surveillions les journalistes"), and so does one in the clause itself."""

from __future__ import annotations

import pytest

from .reading import categories


@pytest.mark.parametrize(
    "text, category",
    [
        ("Personne ne saura que nous suivons les manifestants.", "tracking"),
        (
            "Personne ne se doutera que le système localise les téléphones des manifestants.",
            "tracking",
        ),
        (
            "Les clients ne sauront jamais que nous surveillons les journalistes.",
            "targets_dissent",
        ),
        ("Nadie sabrá que rastreamos a los manifestantes.", "tracking"),
        ("Nadie se enterará de que rastreamos los teléfonos de los activistas.", "tracking"),
        ("Ninguém vai perceber que rastreamos os manifestantes.", "tracking"),
        ("Ninguém saberá que monitoramos os jornalistas.", "targets_dissent"),
        ("لن يعرف أحد أننا نتتبع المتظاهرين.", "tracking"),
        ("لن يكتشف أحد أننا نراقب الصحفيين.", "targets_dissent"),
        ("Personne ne saura qu'on suit les manifestants.", "tracking"),
        ("Le client ne saura jamais qu'il localise les journalistes.", "tracking"),
        ("Personne ne verra que nous suivons les manifestants.", "tracking"),
        ("Ninguém vai desconfiar que rastreamos os manifestantes.", "tracking"),
        ("Ninguém ficará sabendo que rastreamos os manifestantes.", "tracking"),
        ("لن يعرفوا أننا نتتبع المتظاهرين.", "tracking"),
        ("لن يدري أحد أننا نتتبع المتظاهرين.", "tracking"),
        ("Nobody will know that we track the protesters.", "tracking"),
        ("Никто не узнает, что мы отслеживаем протестующих.", "tracking"),
        ("没有人会知道我们在追踪抗议者。", "tracking"),
    ],
)
def test_a_denied_knowing_leaves_the_act_after_it_read(text: str, category: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Personne ne saura que nous ne suivons pas les manifestants.",
        "Nous n'accepterons jamais que nous surveillions les journalistes.",
        "Rien ne nous oblige à surveiller les journalistes.",
        "Nous ne suivons pas les manifestants.",
        "Nadie sabrá que no rastreamos a los manifestantes.",
        "Nadie acepta que rastreemos a los manifestantes.",
        "Ninguém saberá que não monitoramos os jornalistas.",
        "لن يعرف أحد أننا لا نتتبع المتظاهرين.",
        "Les clients ne sauront pas que nous mettons à jour le réseau.",
        # "cuenta" is also an account: "no account that tracks …" denies
        "No creamos ninguna cuenta que permita rastrear a los activistas.",
        "No hay ninguna cuenta que rastree periodistas.",
        "El cliente no tendrá ninguna cuenta que pueda rastrear a los periodistas.",
        # "ne … que" after a knowing is "only"
        "Le système ne sait que compter les véhicules, il ne suit pas les manifestants.",
    ],
)
def test_a_denial_in_the_clause_or_of_willing_still_denies(text: str) -> None:
    assert categories(text) == set()
