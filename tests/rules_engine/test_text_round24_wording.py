"""Wording of rounds 24 and 25's tuning halves, and words written alike that the stemmers
read as one.

- Words written alike: a stem of the lexicon also stems an ordinary word of deal text.
  Spanish "redada" (a raid) stems as "red" (a network), "internar" (to intern) and
  "internamiento" as "interno" (internal), "llamadas" (calls) as "llama" (calls it);
  French "interner" as "interne" (internal), "classer" and "classement" as "classe" (a
  class, a classroom); Portuguese "internar" as "interna", "chamadas" as "chama";
  Russian "следить" (to follow) as "следующий" (next), "заключение" (imprisonment) is
  also the signing of a contract, "имам" (an imam) stems as "имя" (a name). Such words are
  read by how they begin ("redada*", "internar*", "llamada*", "classer*", "следи*"), or
  written in full ("заключение под стражу"). The same review of each language's
  ordinary deals found more (Spanish "minoría" and "minorista", retail; "activistas" and
  "activos", assets; Portuguese "cadeia", a jail, and "cada", each; "apenados", inmates, and
  "apenas", only; "pessoas" and "pessoais", personal; English "informants" and "informed",
  "attended" and "attendance"), read by their beginnings too.
- Russian "никаких" (no, none) negates as "no" does: "Никаких камер в тюрьме".
- An Arabic VPN or messaging app named as what is blocked or throttled ("حجب OpenVPN",
  "خنق سرعة Telegram"), cell-site history "لأي رقم" (for any number), a guardian given the
  live location of wives and domestic workers (Arabic, Portuguese, Chinese), a dialect
  identified to tag callers, participants in unsanctioned rallies on a watchlist,
  filtration camps and their interrogators, everyone's traffic copied to a government
  server, "bloq." (Portuguese and Spanish bulk rows).
- A state police force is the ordinary police of a federal state (Austria, Germany, the
  United States, Mexico): no longer a security body by its name. "锁定" is also "locked"
  (a locked-down laptop), no longer an act of tracking people on its own.

Each dangerous sentence raised nothing of its category, and each ordinary one raised a red
flag, before these changes. Sentences written for the purpose. No database.
"""

from __future__ import annotations

import pytest

from tests.rules_engine.reading import categories


@pytest.mark.parametrize(
    "category, text",
    [
        ("censorship", "وخنق سرعة Telegram وYouTube في الأيام الحساسة بناء على تعليمات."),
        ("tracking", "يحصل ولي الأمر على الموقع المباشر للزوجات والعمالة المنزلية دون علمهن."),
        (
            "tracking",
            "O app envia ao guardião a localização em tempo real das esposas e das "
            "empregadas domésticas.",
        ),
        ("tracking", "监护人可以随时查看妻子和家政工的实时位置，对方无法关闭。"),
        ("profiling", "They want a dialect ID model to tag callers from the northern community."),
        (
            "targets_dissent",
            "Add the faces of regular participants in unsanctioned rallies to the watchlist.",
        ),
        ("interception", "تطلب الجهة التنظيمية نسخ حركة بيانات كل مشترك إلى منشأة حكومية."),
        ("censorship", "FW de borda – bloq. sites da oposição antes da eleição"),
    ],
)
def test_new_wording_is_read(category: str, text: str) -> None:
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Red interna para 300 personas en la sede central.",
        "Su pliego lo llama 'vigilancia continua' de la salud de los aerogeneradores.",
        "Équipe informatique interne de 12 personnes, pare-feux pour le siège.",
        "Equipe interna de TI com 15 pessoas; firewall na matriz.",
        "Wi-Fi invités pour les salles de prière et les salles de classe de l'école du samedi.",
        "На следующей неделе журналисты редакции получат новые ноутбуки.",
        "Никаких камер в тюрьме: только ноутбуки для курсов колледжа.",
        "الكلية تقدم دورات داخل سجن قرب المدينة وتحتاج حواسيب محمولة.",
        "笔记本采用锁定配置，供服刑人员上文凭课程使用。",
    ],
)
def test_words_written_alike_raise_nothing(text: str) -> None:
    assert categories(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # what the new words could have read and must not
        "End user is the payroll office of the State Police; HR suite only, no operational systems.",
        "Supervision du NOC : interrogation SNMP de 3 000 équipements et alertes de saturation.",
        "زوج NGFW بنظام HA لكل موقع، وتصفية DNS لحجب البرمجيات الخبيثة.",
        "Cadena minorista: identificar a los clientes frecuentes en el marco del programa de fidelidad.",
    ],
)
def test_ordinary_wording_near_the_new_words_stays_clean(text: str) -> None:
    assert categories(text) == set()
