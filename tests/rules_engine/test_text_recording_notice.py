"""Calls recorded with callers told so in another sentence of the text: tried on 4 December
and withdrawn, and the French month that read as Iran's intelligence ministry.

A rule that let a recording notice anywhere in the text clear the recording of calls
(not a protected group's, not everyone's, nothing for a state body, nothing covert) cleared
the ordinary contact centres below; a hostile review then wrote 228 dangerous texts in the
seven languages and the rule hid 120 of them (whose calls named another way, everyone's
calls without "all", a notice for another line or switched off, covert words not listed, a
state body named indirectly, recordings kept forever or handed on). They are in
``data/recording_notice_review.txt``: each is read as interception, so a rule of the kind
tried again fails here. The ordinary contact centres are strict expected failures: a change
that clears one fails the test, and its mark goes.

Sentences written for the purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.rules_engine.reading import categories

WITHDRAWN = pytest.mark.xfail(strict=True, reason="the recording notice rule was withdrawn")
REVIEW = Path(__file__).parent / "data" / "recording_notice_review.txt"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(text, marks=WITHDRAWN)
        for text in (
            "Insurance contact centre, 200 seats: call recording + QA scoring. IVR plays the "
            "recording notice.",
            "Centre de relation client, 120 postes : enregistrement des appels et notation QM. "
            "Le SVI diffuse un message d'information sur l'enregistrement.",
            "Centro de atención de una aseguradora, 200 puestos: grabación de llamadas + QA. La "
            "IVR reproduce el aviso de grabación.",
            "Central de atendimento, 200 posições: gravação de chamadas + QA. A URA toca o aviso "
            "de gravação.",
            "Контакт-центр банка, 200 мест: запись звонков + оценка качества. IVR проигрывает "
            "уведомление о записи.",
        )
    ]
    + [
        # since round 27: the quality scoring named in the recording's sentence
        "مركز اتصال لبنك، 200 موظف: تسجيل المكالمات + تقييم الجودة. يشغّل الـIVR تنبيهاً بالتسجيل.",
        "银行呼叫中心，200坐席：通话录音+质检评分。IVR会播放录音提示。",
        # "mois" (a month) is no intelligence ministry in a French deal's last line
        "Renouvellement de 40 licences de téléphonie. Engagement : CR-QM x40, 24 mois.",
    ],
)
def test_calls_recorded_with_callers_told_are_ordinary(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # a protected group's calls, whose calls, everyone's calls
        "Record all calls of the opposition leaders. The IVR plays a recording notice.",
        "Call recording of the protest organisers. IVR plays recording notice.",
        "Grabación de llamadas de los periodistas. La IVR reproduce el aviso de grabación.",
        "Record calls of callers who speak Kurdish. IVR plays recording notice.",
        "Запись звонков журналистов. IVR проигрывает уведомление о записи.",
        "تسجيل مكالمات الصحفيين. يسمع المتصل إشعار التسجيل.",
        "记者的通话录音。IVR播放录音提示。",
        "Call recording for all 2 million subscribers of the operator. Callers hear a "
        "recording notice.",
        # handed to a state body, covert, callers kept unaware
        "Call recording, 50 seats, recordings shared with the interior ministry. IVR plays "
        "recording notice.",
        "Hidden call recording on the managers' phones. IVR plays recording notice.",
        "Grabación oculta de las llamadas. La IVR reproduce el aviso de grabación.",
        "秘密录音所有通话。IVR播放录音提示。",
        "Record the calls without the callers knowing. IVR plays recording notice for the hotline.",
        # another act than recording
        "Intercept the calls of the suspects without a warrant. Calls may be recorded.",
        "Listen to the calls of the union organisers. The IVR plays a recording notice.",
        *(line for line in REVIEW.read_text("utf-8").splitlines() if line.strip()),
    ],
)
def test_a_notice_elsewhere_clears_no_recording(text: str) -> None:
    assert "interception" in categories(text)
