"""Law enforcement ("law enforcement agencies", "les forces de l'ordre", "as forças de
segurança", "执法部门") seeking journalists' or protesters' call logs targets dissent like
the police; a newsroom keeping its own call history stays ordinary."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "Law enforcement asks for the call logs of journalists.",
        "Law-enforcement agencies want the phone records of the protesters.",
        "Les forces de l'ordre demandent les relevés téléphoniques des journalistes.",
        "Las fuerzas del orden piden el historial de llamadas de los periodistas.",
        "As forças de segurança pedem os registros telefônicos dos jornalistas.",
        "Правоохранительные органы запрашивают детализацию звонков журналистов.",
        "تطلب جهات إنفاذ القانون سجل المكالمات للصحفيين.",
        "执法部门要求提供记者的通话记录。",
    ],
)
def test_call_logs_sought_by_law_enforcement_target_dissent(text):
    assert "targets_dissent" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The newsroom's phone system keeps the journalists' call history for billing; law enforcement has no access to it.",
        "A course for journalists on how law enforcement requests phone records, and how to refuse them.",
        "Les journalistes gardent leurs relevés téléphoniques ; les forces de l'ordre n'y ont pas accès.",
    ],
)
def test_a_newsrooms_own_records_stay_ordinary(text):
    assert categories(text) == set()
