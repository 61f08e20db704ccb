"""Wording of new writing, tried and withdrawn: direct access to the traffic, content or
calls kept, for a service, "without any request" (no warrant or request asked each time).

The entries (4 December, a79edc6) read the sentences below as interception in the seven
languages; a review then found them flagging 33 of 55 ordinary deals (a cloud console's
owners, a backup's customers, pupils and editors with direct access to their own content
"without any request" to support, the teacher or the web team), and they were taken out.
What they read is a known gap again: strict expected failures, so a change that reads it
fails here and the mark goes. Sentences written for the purpose. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories

WITHDRAWN = pytest.mark.xfail(strict=True, reason="entry withdrawn after review")


@WITHDRAWN
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
        "Cloud console: account owners have direct access without any request to their "
        "stored content and logs.",
        "Customers have direct access to their backups without any request to support, "
        "including mailbox content.",
        "Les élèves ont un accès direct au contenu pédagogique sans aucune demande à l'enseignant.",
        "Os clientes da nuvem têm acesso direto ao conteúdo armazenado sem nenhum pedido ao "
        "suporte.",
        "云客户无需任何申请即可直接访问存储的内容。",
    ],
)
def test_ordinary_wording_stays_clean(text: str) -> None:
    assert categories(text) == set()
