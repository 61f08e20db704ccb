"""What a review of the union and cover-story readings found, mended: a union's agreement
is bounded by what the next sentence hands on of the workers' data, undenied (not a theft
reported to the police); a party joined to the agreement ("with the union and the safety
delegate") and words that only begin as a role does ("amparo", "paralisar a produção") are
no union role acted on; calls ("las llamadas", "les appels") are not what a cover story
"calls" the act; an operator acting "in its own name" (以自己的名义) tells no cover story;
a bank's compliance recording never clears calls of journalists or activists."""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "Workers are located on site as agreed with the union. Thefts of equipment are "
        "reported to the police.",
        "Workers are located on site as agreed with the union. Under no circumstances is the "
        "data passed to the police.",
        "Os trabalhadores são localizados na obra conforme acordado com o sindicato. A polícia "
        "não tem acesso aos dados.",
        "Рабочие отслеживаются на объекте по согласованию с профсоюзом. Полиция не имеет "
        "доступа к данным.",
        "Les ouvriers sont localisés sur le site en accord avec le syndicat et le délégué à la "
        "protection des données.",
        "Los trabajadores se localizan en la obra según lo acordado con el sindicato, al "
        "amparo del convenio.",
        "Os trabalhadores são localizados na obra conforme acordado com o sindicato, sem "
        "paralisar a produção.",
        "Os trabalhadores são localizados na obra conforme acordado com o sindicato e o "
        "delegado de segurança.",
        "Рабочие отслеживаются на объекте по согласованию с профсоюзом и делегатом по охране "
        "труда.",
        "يتم تحديد مواقع العمال في الموقع بالاتفاق مع النقابة ومندوب السلامة.",
        "运营商以自己的名义在计划内维护期间切断北部地区的移动数据。",
        "The bank records its traders' calls for compliance, as MiFID II requires.",
        "La banque enregistre les appels de ses traders pour la conformité.",
        "Брокер записывает звонки трейдеров для комплаенса.",
        "Union members are listed from the payroll to deduct their dues.",
        "La liste des syndiqués sert à prélever les cotisations sur la paie.",
        "Список членов профсоюза используется для удержания взносов из зарплаты.",
    ],
)
def test_what_the_review_found_flagged_stays_ordinary(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "category, text",
    [
        (
            "tracking",
            "Workers are located on site as agreed with the union. Their locations are sent to "
            "the police without a warrant.",
        ),
        (
            "tracking",
            "As agreed with the union, the phones of workers who took part in the strike are "
            "tracked.",
        ),
        (
            "tracking",
            "Según lo acordado con el sindicato, se rastrean los teléfonos de los huelguistas.",
        ),
        ("interception", "Record the calls of opposition activists as a compliance measure."),
        ("interception", "Record the journalists' calls as a compliance requirement."),
        (
            "interception",
            "Enregistrer les appels des militants de l'opposition comme mesure de conformité.",
        ),
        ("interception", "Gravar as chamadas dos ativistas da oposição como medida de compliance."),
        (
            "interception",
            "Записывать звонки оппозиционных активистов в качестве меры комплаенса.",
        ),
        ("censorship", "以维护的名义切断反对派网站。"),
        # a union's dues or agreement are no reason to send its members' list to the police,
        # to track their phones or to record their calls
        ("targets_dissent", "The union members' list is sent to the police for payroll."),
        (
            "targets_dissent",
            "Under the collective agreement, the union members' list is sent to the police.",
        ),
        (
            "targets_dissent",
            "La liste des syndiqués, utilisée pour prélever les cotisations, est partagée avec "
            "la police.",
        ),
        ("targets_dissent", "Список членов профсоюза передаётся в полицию для удержания взносов."),
        ("targets_dissent", "تُرسل قائمة أعضاء النقابة إلى الشرطة لخصم الاشتراكات."),
        (
            "tracking",
            "Union members' phones are tracked through the payroll app to deduct their dues.",
        ),
        (
            "interception",
            "Under the collective agreement, union members' calls are recorded and sent to the "
            "police.",
        ),
    ],
)
def test_the_red_flags_beside_them_are_read(category: str, text: str) -> None:
    assert category in categories(text)


# Left: the Spanish compliance wording is cleared by another benign entry. Strict: a change
# that reads it fails here, and the mark goes.
@pytest.mark.xfail(strict=True, reason="Spanish 'cumplimiento normativo' still clears it")
def test_spanish_compliance_recording_of_journalists_is_read() -> None:
    assert "interception" in categories(
        "Grabar las llamadas de los periodistas por cumplimiento normativo."
    )
