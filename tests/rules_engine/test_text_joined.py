"""A red flag written half in the title (or a product line's name) and half in the use
description: each field alone says nothing, the two read together say what the deal is
for. The quote names both fields and quotes each one's words; the end customer's name is
never read as half of a flag."""

from __future__ import annotations

import pytest

from rules.engine import load_pack
from rules.engine.preview_text import ChangeProbe
from rules.textsignals import read_text
from rules.textsignals.reader import read_one

LEXICON = load_pack().lexicon
TOGETHER = "Title and use description, read together"


def snapshot(**fields) -> dict:
    out = {
        "title": "",
        "use_description": "",
        "end_user.name": "",
        "end_user.sector": "",
        "lines.names": [],
        "text.answers": [],
    }
    out.update({k.replace("__", "."): v for k, v in fields.items()})
    return out


def found(snap: dict) -> dict[str, list[str]]:
    out = read_text(snap, LEXICON)
    return {k: v for k, v in out.items() if v and k.startswith("text.") and k != "text.phrases"}


@pytest.mark.parametrize(
    ("title", "description", "quote"),
    [
        (
            "Location platform",
            "for the protesters in the capital",
            "(English): “Location platform” + “for the protesters”",
        ),
        (
            "Plateforme de localisation",
            "pour les manifestants de la capitale",
            "(French): “localisation” + “pour les manifestants”",
        ),
        (
            "Plataforma de localización",
            "para los manifestantes de la capital",
            "(Spanish): “localización” + “para los manifestantes”",
        ),
        (
            "Plataforma de localização",
            "para os manifestantes da capital",
            "(Portuguese): “localização” + “para os manifestantes”",
        ),
        (
            "منصة تحديد المواقع",
            "للمتظاهرين في العاصمة",
            "(Arabic): “تحديد المواقع” + “للمتظاهرين”",
        ),
        (
            "Платформа геолокации",
            "для протестующих в столице",
            "(Russian): “геолокации” + “для протестующих”",
        ),
        ("定位平台", "用于首都的抗议者", "(Chinese): “定位平台” + “用于首都的抗议者”"),
    ],
    ids=["en", "fr", "es", "pt", "ar", "ru", "zh"],
)
def test_a_flag_split_between_title_and_description_is_read_and_names_both(
    title, description, quote
):
    assert read_one(title, LEXICON) == [] and read_one(description, LEXICON) == []
    out = found(snapshot(title=title, use_description=description))
    assert "tracking" in out["text.signals"]
    assert f"{TOGETHER} {quote}" in out["text.tracking"]


def test_a_product_line_and_the_description_are_read_together():
    out = found(
        snapshot(lines__names=["Covert location module"], use_description="for journalists")
    )
    assert {"targets_dissent", "tracking"} <= set(out["text.signals"])
    assert (
        "Product line and use description, read together (English): "
        "“location module” + “for journalists”"
    ) in out["text.targets_dissent"]


def test_without_a_description_a_product_line_is_read_with_the_sector():
    """A bulk row of a channel import has no description: its product and its sector
    columns are what it says."""
    out = found(snapshot(lines__names=["Location platform"], end_user__sector="protest movements"))
    assert any(
        q.startswith("Product line and end customer's sector, read together (English): ")
        for q in out["text.tracking"]
    )


@pytest.mark.parametrize(
    ("fields"),
    [
        # the customer's name is no half of a flag, in the title or the description
        {
            "end_user__name": "Journalists' Union Ltd",
            "title": "Wi-Fi for the Journalists' Union",
            "use_description": "Access points and location services for the offices.",
        },
        {
            "end_user__name": "Journalists' Union Ltd",
            "title": "Location services and Wi-Fi",
            "use_description": "Journalists' Union Ltd offices, two floors.",
        },
        {
            "end_user__name": "Association des journalistes",
            "title": "Localisation des équipements",
            "use_description": "Association des journalistes, siège de Lyon.",
        },
        # the customer's name itself is never joined with the description
        {"end_user__name": "Protesters' Legal Aid", "use_description": "Location platform"},
        # a negation in either half still holds
        {"title": "Location platform", "use_description": "never used on protesters"},
        # an ordinary deal
        {"title": "Fleet tracking", "use_description": "for the delivery vans of the depot"},
    ],
    ids=["name in title", "name in description", "French name", "name", "negated", "fleet"],
)
def test_what_the_joint_reading_leaves_alone(fields):
    assert found(snapshot(**fields)) == {}


def test_the_preview_reads_again_a_deal_a_new_phrase_meets_across_two_fields():
    """The preview's words test (``ChangeProbe``) must not skip a deal whose new phrase
    reads only across the title and the description."""
    probe = ChangeProbe([("surveil ~ dissidents", "en", "targets_dissent", False)])
    snap = snapshot(title="Surveil", use_description="the dissidents abroad")
    assert not probe.touches(snap["title"]) and not probe.touches(snap["use_description"])
    assert probe.touches_snapshot(snap)
