"""The communications records of protesters or journalists (phone records, call logs, call
history, itemised bills) sought by the police, a security service or a ministry target
dissent: whoever wants them wants to know whom they talk to. A newsroom's own phone
system, a journalist's own call history and a support line's records stay ordinary."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "The police want the phone records of the protesters.",
        "The police want the call logs of the protesters.",
        "The security service asks for the call history of the journalists.",
        "La police veut les relevés téléphoniques des manifestants.",
        "Le parquet demande les fadettes des journalistes.",
        "La policía quiere el historial de llamadas de los periodistas.",
        "A polícia quer os registros telefônicos dos manifestantes.",
        "Полиция хочет получить детализацию звонков протестующих.",
        "الشرطة تريد سجل المكالمات للصحفيين.",
        "警方想要抗议者的通话记录。",
    ],
)
def test_records_of_a_protected_group_sought_by_the_state_target_dissent(text):
    assert "targets_dissent" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Newsroom phone system: call logs for each journalist's desk, kept for billing.",
        "Journalists can see their own call history in the app.",
        "The call history of the support line is deleted after 7 days.",
        "We will not give the police the phone records of the protesters.",
        "Our newsroom PBX keeps call logs; journalists' sources are protected from the police.",
    ],
)
def test_records_kept_for_the_people_they_are_about_stay_ordinary(text):
    assert categories(text) == set()
