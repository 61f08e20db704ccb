"""Wording of new writing read in the seven languages: direct access to the traffic, content
or calls kept, for a service, "without any request" (no warrant or request asked each time).
A backup's administrators with direct access "without a request" stay ordinary.

Each dangerous sentence raised no interception before these entries were added.
Sentences written for the purpose (not taken from the labelled texts). No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "text",
    [
        "The service gets direct access to the stored traffic without any request.",
        "Le service a un accès direct au contenu stocké sans aucune demande.",
        "El servicio tiene acceso directo al contenido sin ninguna solicitud.",
        "O serviço tem acesso direto ao conteúdo armazenado sem nenhum pedido.",
        "Прямой доступ к трафику для службы без всяких запросов.",
        "للجهاز وصول مباشر إلى المحتوى المخزن دون أي طلب.",
        "“相关部门”无需任何申请即可直接访问存储的内容。",
    ],
)
def test_direct_access_without_any_request_is_read(text: str) -> None:
    assert "interception" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Backup: content stored 30 days, admins have direct access without a request.",
        "Archivo de correo: el equipo legal tiene acceso directo sin solicitud previa al "
        "proveedor.",
    ],
)
def test_ordinary_wording_stays_clean(text: str) -> None:
    assert categories(text) == set()
